// deep-dom.js: reading through open shadow roots, and the root registry the
// content script keeps instead of walking the page on every scan. Pinned
// branch by branch after StrykerJS showed the registry untested
// (benchmarks/mutation_bench.py).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { JSDOM } = require("jsdom");

const ROOT = path.resolve(__dirname, "..", "..");
const D = require(path.join(ROOT, "extension", "content", "deep-dom.js"));

/** A page with: an open root (#outlet) holding a nested open root (#inner), a closed root, and one of our hosts. */
function page() {
  const dom = new JSDOM(`<html><body><div id="outlet"></div><div id="closed"></div><div id="ours" data-guard-host></div><p class="x">light</p></body></html>`);
  const doc = dom.window.document;
  const outlet = doc.getElementById("outlet").attachShadow({ mode: "open" });
  outlet.innerHTML = `<section class="x">in outlet<div id="inner"></div></section>`;
  const inner = outlet.getElementById("inner").attachShadow({ mode: "open" });
  inner.innerHTML = `<button class="x"><span>Send</span></button>`;
  const closed = doc.getElementById("closed").attachShadow({ mode: "closed" });
  closed.innerHTML = `<b class="x">closed</b>`;
  const ours = doc.getElementById("ours").attachShadow({ mode: "open" });
  ours.innerHTML = `<i class="x">ours</i>`;
  return { dom, doc, outlet, inner, closed, ours, window: dom.window };
}

test.afterEach(() => D.useRegistry(null));

test("walkRoots: open roots, nested ones too, never closed roots nor our own hosts; from an element or a root", () => {
  const p = page();
  assert.deepEqual(D.walkRoots(p.doc), [p.outlet, p.inner]);
  assert.deepEqual(D.walkRoots(p.doc.getElementById("outlet")), [p.outlet, p.inner], "a host itself as the scope");
  assert.deepEqual(D.walkRoots(p.outlet), [p.inner]);
  assert.deepEqual(D.walkRoots(p.doc.getElementById("ours")), [], "our own host as the scope");
  const empty = new JSDOM("").window.document;
  empty.removeChild(empty.documentElement);
  assert.deepEqual(D.walkRoots(empty), [], "a document without an element");
});

test("queryAll/query look in the document, then each open root, in order", () => {
  const p = page();
  assert.deepEqual(D.queryAll(p.doc, ".x").map((e) => e.tagName), ["P", "SECTION", "BUTTON"]);
  assert.equal(D.query(p.doc, "button").tagName, "BUTTON");
  assert.equal(D.query(p.doc, ".x").tagName, "P", "the document first");
  assert.equal(D.query(p.doc, "video"), null);
  assert.deepEqual(D.scopes(p.doc), [p.doc, p.outlet, p.inner]);
});

test("closest continues from a shadow root to its host; hostOf/inShadow name the host", () => {
  const p = page();
  const span = p.inner.querySelector("span");
  assert.equal(D.closest(span, "button").tagName, "BUTTON");
  assert.equal(D.closest(span, "section").tagName, "SECTION", "across the inner root");
  assert.equal(D.closest(span, "body"), p.doc.body, "across both roots");
  assert.equal(D.closest(span, "article"), null);
  assert.equal(D.hostOf(span), p.inner.host);
  assert.equal(D.hostOf(p.doc.body), null);
  assert.equal(D.inShadow(span), true);
  assert.equal(D.inShadow(p.doc.body), false);
  assert.equal(D.hostOf(null), null);
});

test("activeElement follows the focus down through open roots", () => {
  const p = page();
  const button = p.inner.querySelector("button");
  button.focus();
  assert.equal(D.activeElement(p.doc), button);
  button.blur();
  assert.notEqual(D.activeElement(p.doc), button);
});

test("eventTarget is the composed path's first node (its parent for a text node); fromGuardUi sees our hosts", () => {
  const p = page();
  const span = p.inner.querySelector("span");
  const seen = [];
  p.doc.addEventListener("click", (e) => seen.push([D.eventTarget(e), D.fromGuardUi(e), e.target]), true);
  span.dispatchEvent(new p.window.MouseEvent("click", { bubbles: true, composed: true }));
  assert.equal(seen[0][0], span, "not the retargeted host");
  assert.equal(seen[0][2], p.doc.getElementById("outlet"));
  assert.equal(seen[0][1], false);
  p.ours.querySelector("i").dispatchEvent(new p.window.MouseEvent("click", { bubbles: true, composed: true }));
  assert.equal(seen[1][1], true, "a click inside our warning host");
  const text = span.firstChild;
  assert.equal(D.eventTarget({ composedPath: () => [text], target: null }), span);
  assert.equal(D.eventTarget({ target: span }), span, "no composedPath: the target");
  const owned = p.doc.querySelector("p");
  assert.equal(D.fromGuardUi({ target: owned }, (n) => n === owned), true, "known to owns()");
  assert.equal(D.fromGuardUi({ target: owned }, () => false), false);
});

test("the registry: discover finds each root once, tells whether one was new, calls onRoot once per root", () => {
  const p = page();
  const seen = [];
  const reg = D.createRegistry(p.doc, (sr) => seen.push(sr));
  assert.equal(reg.discover(), true);
  assert.equal(reg.discover(), false, "nothing new the second time");
  assert.deepEqual(seen, [p.outlet, p.inner]);
  assert.equal(reg.size(), 2);
  assert.deepEqual(reg.roots(), [p.outlet, p.inner]);
  D.useRegistry(reg);
  const late = p.doc.createElement("div");
  p.doc.body.appendChild(late);
  late.attachShadow({ mode: "open" }).innerHTML = "<em class='x'>late</em>";
  assert.deepEqual(D.roots(p.doc), [p.outlet, p.inner], "with a registry, roots() is the registry's (no walk)");
  assert.equal(D.queryAll(p.doc, "em").length, 0);
  assert.equal(reg.discover(late), true);
  assert.equal(D.queryAll(p.doc, "em").length, 1);
});

test("the registry forgets roots whose host left the page", () => {
  const p = page();
  const reg = D.createRegistry(p.doc);
  reg.discover();
  p.doc.getElementById("outlet").remove();
  assert.deepEqual(reg.roots(), []);
  assert.equal(reg.size(), 0);
});

test("discoverAdded: only element nodes in the page, not ours, leaves skipped; a budget bounds the work", () => {
  const p = page();
  const reg = D.createRegistry(p.doc);
  const host = p.doc.createElement("div");
  const wrap = p.doc.createElement("div");
  wrap.appendChild(host);
  p.doc.body.appendChild(wrap);
  const sr = host.attachShadow({ mode: "open" });
  const text = p.doc.createTextNode("x");
  p.doc.body.appendChild(text);
  const detached = p.doc.createElement("div");
  detached.attachShadow({ mode: "open" });
  assert.deepEqual(reg.discoverAdded([text, detached, p.doc.getElementById("ours")]), { fresh: false, overflow: false });
  assert.equal(reg.size(), 0);
  assert.deepEqual(reg.discoverAdded([wrap]), { fresh: true, overflow: false });
  assert.deepEqual(reg.roots(), [sr]);
  assert.deepEqual(reg.discoverAdded([wrap]), { fresh: false, overflow: false }, "known already");
  // A leaf host (no children, only its shadow root) is found too.
  const leaf = p.doc.createElement("span");
  p.doc.body.appendChild(leaf);
  const leafRoot = leaf.attachShadow({ mode: "open" });
  assert.deepEqual(reg.discoverAdded([leaf]), { fresh: true, overflow: false });
  assert.ok(reg.roots().includes(leafRoot));
  // Budget: two nodes allowed, the third overflows (left for the next full walk).
  const many = [1, 2, 3].map(() => {
    const d = p.doc.createElement("div");
    p.doc.body.appendChild(d);
    d.attachShadow({ mode: "open" });
    return d;
  });
  assert.deepEqual(reg.discoverAdded(many, 2), { fresh: true, overflow: true });
  assert.equal(reg.size(), 4, "the first two were taken");
  assert.deepEqual(reg.discoverAdded(many.slice(2), 1), { fresh: true, overflow: false }, "exactly the budget: no overflow");
});

test("discoverAdded's default budget is 5000 nodes", () => {
  const p = page();
  const reg = D.createRegistry(p.doc);
  const nodes = [];
  for (let i = 0; i < 5001; i += 1) {
    const d = p.doc.createElement("i");
    p.doc.body.appendChild(d);
    nodes.push(d);
  }
  assert.equal(reg.discoverAdded(nodes.slice(0, 5000)).overflow, false);
  assert.equal(reg.discoverAdded(nodes).overflow, true);
});

test("fromPath: open roots an event came through (and roots inside them); never closed ones, ours or junk", () => {
  const p = page();
  const reg = D.createRegistry(p.doc);
  assert.equal(reg.fromPath(null), false);
  assert.equal(reg.fromPath([null, p.doc.body, p.closed, p.ours]), false);
  assert.equal(reg.size(), 0);
  assert.equal(reg.fromPath([p.outlet.querySelector("section"), p.outlet, p.doc.body]), true);
  assert.deepEqual(reg.roots(), [p.outlet, p.inner], "the nested root inside it too");
  assert.equal(reg.fromPath([p.outlet]), false, "known already");
});

test("checkHosts: named hosts whose root appeared since, with roots inside; no selector, nothing", () => {
  const p = page();
  const reg = D.createRegistry(p.doc);
  assert.equal(reg.checkHosts(""), false);
  assert.equal(reg.checkHosts("#nothing"), false);
  assert.equal(reg.checkHosts("#closed"), false, "a closed root is not readable");
  assert.equal(reg.checkHosts("#outlet"), true);
  assert.deepEqual(reg.roots(), [p.outlet, p.inner]);
  assert.equal(reg.checkHosts("#outlet"), false, "known already");
});

test("rendered: false for nothing or a detached element; jsdom cannot tell (null)", () => {
  const p = page();
  assert.equal(D.rendered(null), false);
  assert.equal(D.rendered(p.doc.createElement("div")), false);
  assert.equal(D.rendered(p.doc.body), null);
});
