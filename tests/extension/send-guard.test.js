// The send guard (extension/content/send-guard.js) under jsdom, on the
// LinkedIn-like fixture pages: which clicks and Enter presses it holds, what
// it does with the verdict, and how it learns that Enter makes a new line.
// The browser tests (tests/browser/test_extension_behaviour.py) drive the
// whole extension; these pin each branch of the guard itself (StrykerJS found
// them untested: benchmarks/mutation_bench.py).
//
// Events are dispatched as the browser does for a person's input: trusted
// (jsdom's own dispatch with isTrusted set, which dispatchEvent cannot do), so
// the guard's capture listener on the document runs before LinkedIn's
// handlers, and preventDefault/stopImmediatePropagation really stop them.
// The controller is a small stand-in for main.js's (its surface lookups are
// main.js's; what to hold and the verdict are set per test).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { JSDOM, VirtualConsole } = require("jsdom");
const jsdomUtils = require("jsdom/lib/jsdom/living/generated/utils.js");

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURES = path.join(ROOT, "tests", "fixtures");
const X = require(path.join(ROOT, "extension", "content", "extract.js"));
const D = require(path.join(ROOT, "extension", "content", "deep-dom.js"));
const G = require(path.join(ROOT, "extension", "content", "send-guard.js"));

const THREAD = { file: "ember-en/messaging-thread.html", url: "https://www.linkedin.com/messaging/thread/2-abc/" };
const OUTLET = { file: "dom2026/overlay-bubble-outlet-en.html", url: "https://www.linkedin.com/feed/" };
const WARNING = { id: "w1", rule: "LG201", mode: "confirm" };

const tick = () => new Promise((r) => setImmediate(r));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function fakeStorage(initial = {}) {
  const data = { ...initial };
  const sets = [];
  return {
    sets,
    data,
    get: (key) => Promise.resolve(key in data ? { [key]: data[key] } : {}),
    set: (obj) => {
      sets.push(obj);
      Object.assign(data, obj);
      return Promise.resolve();
    },
  };
}

/**
 * A fixture page with the send guard installed. `linkedin` counts what the
 * page's own handlers saw: a click on Send and an Enter in the composer.
 */
async function page({ fixture = THREAD, storage = fakeStorage(), answer = { proceed: true } } = {}) {
  const html = fs.readFileSync(path.join(FIXTURES, fixture.file), "utf8");
  const virtualConsole = new VirtualConsole();
  const errors = [];
  virtualConsole.on("jsdomError", (err) => errors.push(err)); // an exception in a listener lands here
  const dom = new JSDOM(html, { url: fixture.url, runScripts: "dangerously", virtualConsole });
  const doc = dom.window.document;
  const [surface] = X.extractAll(doc, fixture.url).filter((s) => s.kind === "message");
  assert.ok(surface, `${fixture.file} has a message composer`);
  const rec = { surface, holding: false };
  const button = surface.sendButtons()[0];
  button.removeAttribute("disabled"); // LinkedIn enables Send once there is text
  surface.editor.innerHTML = "<p>Hi Pieter, a quote for cleaning?</p>";

  const calls = { assess: 0, notes: [], confirms: [], recorded: [] };
  const ctl = {
    hold: true,
    offline: false,
    verdict: { action: "pass" },
    strings: () => ({ title: "strings" }),
    dialogOptions: () => ({ action: "send", canFix: true }),
    // main.js's lookups: the clicked button of a surface, the surface of an editor.
    surfaceForSendButton(target) {
      const clicked = target && target.closest && target.closest("button, [role='button'], input[type='submit']");
      return clicked && surface.sendButtons().includes(clicked) ? { rec, button: clicked } : null;
    },
    surfaceForEditor(target) {
      return surface.editor === target || surface.editor.contains(target) ? rec : null;
    },
    shouldHold: () => ctl.hold,
    offlineOpen: () => ctl.offline,
    async assess() {
      calls.assess += 1;
      return ctl.verdict;
    },
    recordConfirm: (r, warnings, ans) => calls.recorded.push({ r, warnings, ans }),
    note: (r, kind) => calls.notes.push(kind),
  };

  const linkedin = { clicks: 0, enters: 0 };
  button.addEventListener("click", () => (linkedin.clicks += 1));
  surface.editor.addEventListener("keydown", (e) => {
    if (e.key === "Enter") linkedin.enters += 1;
  });

  globalThis.document = doc;
  globalThis.LGExtract = X;
  globalThis.LGDeep = D;
  globalThis.chrome = { storage: { local: storage } };
  globalThis.LGWarningUI = {
    confirmSend: async (warnings, strings, opts) => {
      calls.confirms.push({ warnings, strings, opts });
      return answer;
    },
  };
  const guard = G.install(ctl);
  await tick(); // the stored Enter lesson is read
  installed.push(guard);
  return { dom, doc, window: dom.window, surface, rec, button, editor: surface.editor, ctl, calls, linkedin, guard, storage, errors };
}

const installed = [];
test.afterEach(() => {
  while (installed.length) installed.pop().uninstall();
});

/** Dispatch as the browser does for real input (isTrusted), through the DOM; returns the event. */
function trusted(target, event) {
  const impl = jsdomUtils.implForWrapper(event);
  impl.isTrusted = true;
  jsdomUtils.implForWrapper(target)._dispatch(impl);
  return event;
}

function click(p, target = p.button) {
  return trusted(target, new p.window.MouseEvent("click", { bubbles: true, cancelable: true, composed: true }));
}

function key(p, opts = {}, target = p.editor) {
  return trusted(target, new p.window.KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true, composed: true, ...opts }));
}

// ---------------------------------------------------------------- clicks

test("a click on Send with nothing to say is not touched: LinkedIn sends at once, nothing is assessed", async () => {
  const p = await page();
  p.ctl.hold = false;
  const ev = click(p);
  assert.equal(ev.defaultPrevented, false);
  assert.equal(p.linkedin.clicks, 1);
  await tick();
  assert.equal(p.calls.assess, 0);
  assert.deepEqual(p.calls.notes, [], "the host is not offline: nothing to note");
});

test("a click on Send while the host is offline and fail_mode is open goes through, noted as offline", async () => {
  const p = await page();
  p.ctl.hold = false;
  p.ctl.offline = true;
  click(p);
  assert.equal(p.linkedin.clicks, 1);
  assert.deepEqual(p.calls.notes, ["offline"]);
});

test("a held click is stopped before LinkedIn's handler; a 'pass' verdict then sends it once", async () => {
  const p = await page();
  const ev = click(p);
  assert.equal(ev.defaultPrevented, true);
  assert.equal(p.linkedin.clicks, 0, "LinkedIn did not see the held click");
  await tick();
  assert.equal(p.calls.assess, 1);
  assert.equal(p.linkedin.clicks, 1, "released: the click is re-dispatched on the same button");
  assert.deepEqual(p.calls.confirms, [], "nothing to ask");
  assert.equal(p.rec.holding, false);
});

test("'pass_offline': the held click is released and noted as offline, without a dialog", async () => {
  const p = await page();
  p.ctl.verdict = { action: "pass_offline" };
  click(p);
  await tick();
  assert.equal(p.linkedin.clicks, 1);
  assert.deepEqual(p.calls.notes, ["offline"]);
  assert.deepEqual(p.calls.confirms, []);
});

test("'ask': the dialog gets the warnings, the strings and the options; 'Send anyway' sends and is recorded", async () => {
  const p = await page({ answer: { proceed: true, choice: "proceed" } });
  p.ctl.verdict = { action: "ask", warnings: [WARNING] };
  click(p);
  await tick();
  assert.equal(p.calls.confirms.length, 1);
  const [c] = p.calls.confirms;
  assert.deepEqual(c.warnings, [WARNING]);
  assert.deepEqual(c.strings, { title: "strings" });
  assert.deepEqual(c.opts, { offline: false, action: "send", canFix: true });
  assert.equal(p.calls.recorded.length, 1);
  assert.equal(p.calls.recorded[0].r, p.rec);
  assert.deepEqual(p.calls.recorded[0].warnings, [WARNING]);
  assert.deepEqual(p.calls.recorded[0].ans, { proceed: true, choice: "proceed" });
  assert.equal(p.linkedin.clicks, 1, "sent after 'Send anyway'");
});

test("'ask' answered 'Back': nothing is sent, the decision is recorded and the composer gets the focus back", async () => {
  const p = await page({ answer: { proceed: false } });
  p.ctl.verdict = { action: "ask", warnings: [WARNING] };
  p.button.focus();
  click(p);
  await tick();
  assert.equal(p.linkedin.clicks, 0);
  assert.equal(p.calls.recorded.length, 1);
  assert.equal(p.doc.activeElement, p.editor, "back in the composer");
  assert.equal(p.rec.holding, false, "the next click is judged again");
});

test("'ask_offline' (host unreachable, fail_mode closed) asks with the offline flag", async () => {
  const p = await page({ answer: { proceed: true } });
  p.ctl.verdict = { action: "ask_offline", warnings: [] };
  click(p);
  await tick();
  assert.equal(p.calls.confirms[0].opts.offline, true);
  assert.equal(p.linkedin.clicks, 1);
});

test("a second click while the first is being decided is held too, and judged once", async () => {
  const p = await page();
  let finish;
  p.ctl.assess = () => {
    p.calls.assess += 1;
    return new Promise((r) => (finish = r));
  };
  click(p);
  const second = click(p);
  assert.equal(second.defaultPrevented, true, "still held: no double send");
  assert.equal(p.calls.assess, 1, "one check for both clicks");
  finish({ action: "pass" });
  await tick();
  assert.equal(p.linkedin.clicks, 1, "sent once");
});

test("a click made by a page script (not trusted) is never held", async () => {
  const p = await page();
  p.button.click();
  assert.equal(p.linkedin.clicks, 1);
  await tick();
  assert.equal(p.calls.assess, 0);
});

test("a disabled Send (disabled or aria-disabled) is not held: there is nothing to send", async () => {
  const p = await page();
  p.button.setAttribute("aria-disabled", "true");
  assert.equal(click(p).defaultPrevented, false);
  p.button.setAttribute("aria-disabled", "false");
  assert.equal(click(p).defaultPrevented, true, "aria-disabled=false is enabled");
  await tick();
  const q = await page();
  q.button.disabled = true;
  assert.equal(click(q).defaultPrevented, false);
  await tick();
  assert.equal(q.calls.assess, 0);
});

test("clicks elsewhere (the composer, another button) are not held", async () => {
  const p = await page();
  assert.equal(click(p, p.editor).defaultPrevented, false);
  const other = p.doc.createElement("button");
  other.textContent = "Attach";
  other.type = "button"; // not a submit: jsdom cannot submit forms
  p.editor.closest("form").appendChild(other);
  assert.equal(click(p, other).defaultPrevented, false);
  assert.equal(click(p, p.doc.body).defaultPrevented, false);
  await tick();
  assert.equal(p.calls.assess, 0);
  assert.deepEqual(p.errors, [], "the guard's listener threw nothing");
});

test("Send anyway after the composer was closed: the removed button is not clicked", async () => {
  let proceed;
  const p = await page({ answer: new Promise((r) => (proceed = r)) });
  p.ctl.verdict = { action: "ask", warnings: [WARNING] };
  click(p);
  await tick();
  p.button.remove(); // the overlay closed while the dialog was open
  proceed({ proceed: true });
  await tick();
  await tick();
  assert.equal(p.linkedin.clicks, 0);
  assert.equal(p.rec.holding, false);
});

test("Back on a surface without an editor (nothing to focus) ends the hold cleanly", async () => {
  const p = await page({ answer: { proceed: false } });
  p.ctl.verdict = { action: "ask", warnings: [WARNING] };
  p.surface.editor = null;
  const failures = [];
  const onRejection = (err) => failures.push(err);
  process.on("unhandledRejection", onRejection);
  try {
    click(p);
    await tick();
    await tick();
  } finally {
    process.off("unhandledRejection", onRejection);
  }
  assert.deepEqual(failures, []);
  assert.equal(p.rec.holding, false);
  assert.equal(p.linkedin.clicks, 0);
});

test("a click on the text inside Send (the span, a text node) is the Send click", async () => {
  const p = await page();
  p.button.innerHTML = "<span>Send</span>";
  assert.equal(click(p, p.button.querySelector("span")).defaultPrevented, true);
  await tick();
  assert.equal(p.calls.assess, 1);
});

test("inside #interop-outlet's shadow root the real target (composed path) is found: Send is held", async () => {
  const p = await page({ fixture: OUTLET });
  assert.notEqual(p.button.getRootNode(), p.doc, "the composer lives in a shadow root");
  const ev = click(p);
  assert.equal(ev.defaultPrevented, true);
  assert.equal(p.linkedin.clicks, 0);
  assert.equal(key(p).defaultPrevented, true, "Enter in the shadow composer too");
  await tick();
});

test("uninstall removes both listeners", async () => {
  const p = await page();
  p.guard.uninstall();
  assert.equal(click(p).defaultPrevented, false);
  assert.equal(key(p).defaultPrevented, false);
  assert.equal(p.linkedin.clicks, 1);
});

// ----------------------------------------------------------------- Enter

test("Enter in the composer with something to say is held before LinkedIn sees it, and judged as a send", async () => {
  const p = await page();
  const ev = key(p);
  assert.equal(ev.defaultPrevented, true);
  assert.equal(p.linkedin.enters, 0);
  await tick();
  assert.equal(p.calls.assess, 1);
  assert.equal(p.linkedin.clicks, 1, "a 'pass' clicks the surface's Send button");
});

test("Shift+Enter, an IME composition and other keys are never held", async () => {
  const p = await page();
  for (const opts of [{ shiftKey: true }, { isComposing: true }, { key: "a" }, { key: "Tab" }]) {
    assert.equal(key(p, opts).defaultPrevented, false, JSON.stringify(opts));
  }
  assert.equal(p.linkedin.enters, 2, "LinkedIn saw Shift+Enter and the composing Enter");
  await tick();
  assert.equal(p.calls.assess, 0);
  assert.equal(p.linkedin.clicks, 0);
});

test("Enter made by a page script, or outside the composer, is not held", async () => {
  const p = await page();
  p.editor.dispatchEvent(new p.window.KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
  assert.equal(p.linkedin.enters, 1);
  assert.equal(key(p, {}, p.doc.body).defaultPrevented, false);
  await tick();
  assert.equal(p.calls.assess, 0);
});

test("Enter is not held on a surface where Enter does not send, nor when the surface has no Send button", async () => {
  const p = await page();
  p.surface.enterSends = false;
  assert.equal(key(p).defaultPrevented, false);
  p.surface.enterSends = true;
  const buttons = p.surface.sendButtons;
  p.surface.sendButtons = () => [];
  assert.equal(key(p).defaultPrevented, false);
  p.surface.sendButtons = buttons;
  assert.equal(key(p).defaultPrevented, true);
  await tick();
});

test("Enter the guard let through that added a line teaches 'Enter makes a new line': Enter is then never held, and the lesson is stored", async () => {
  const p = await page();
  p.ctl.hold = false;
  assert.equal(key(p).defaultPrevented, false);
  p.editor.innerHTML = "<p>Hi Pieter, a quote for cleaning?</p><p>Kind regards</p>"; // Enter made a line, typing went on
  await sleep(350);
  assert.deepEqual(p.storage.sets, [{ enterMakesNewline: true }]);
  p.ctl.hold = true;
  assert.equal(key(p).defaultPrevented, false, "learnt: Enter is a line break here");
  assert.equal(click(p).defaultPrevented, true, "the Send button is still guarded");
  await tick();
});

test("Enter that made a new line teaches it also when the person types on that line only after a pause", async () => {
  const p = await page();
  p.ctl.hold = false;
  assert.equal(key(p).defaultPrevented, false);
  p.editor.innerHTML = "<p>Hi Pieter, a quote for cleaning?</p><p><br></p>"; // the new line, still empty
  await sleep(350); // longer than the guard waits before it looks
  p.editor.innerHTML = "<p>Hi Pieter, a quote for cleaning?</p><p>Kind regards</p>";
  assert.deepEqual(p.storage.sets, [{ enterMakesNewline: true }]);
  p.ctl.hold = true;
  assert.equal(key(p).defaultPrevented, false, "learnt: Enter is a line break here");
  await tick();
});

test("the same pause in a plain contenteditable (<div><br></div>, a bare <br>) and in a textarea is learnt too", async () => {
  for (const after of ["Hi Pieter, a quote?<div><br></div>", "Hi Pieter, a quote?<br><br>"]) {
    const p = await page();
    p.ctl.hold = false;
    p.editor.innerHTML = "Hi Pieter, a quote?";
    key(p);
    p.editor.innerHTML = after;
    await sleep(350);
    assert.deepEqual(p.storage.sets, [{ enterMakesNewline: true }], after);
    p.guard.uninstall();
  }
  const p = await page();
  p.ctl.hold = false;
  const area = p.doc.createElement("textarea");
  area.value = "Hi Pieter, a quote?";
  p.editor.replaceWith(area);
  p.surface.editor = area;
  key(p, {}, area);
  area.value = "Hi Pieter, a quote?\n";
  await sleep(350);
  assert.deepEqual(p.storage.sets, [{ enterMakesNewline: true }]);
});

test("no lesson from an Enter that sent the message (composer emptied) or changed nothing", async () => {
  const p = await page();
  p.ctl.hold = false;
  key(p);
  p.editor.innerHTML = "<p><br></p>"; // sent: LinkedIn empties the composer
  await sleep(350);
  p.editor.innerHTML = "<p>Hi Pieter,</p><p>a quote?</p>";
  key(p); // nothing changes afterwards: same two lines
  await sleep(350);
  p.editor.innerHTML = "<p>Hi Pieter, a quote?</p>";
  key(p); // fewer lines afterwards (edited): no sign either
  p.editor.innerHTML = "<p>Hi Pieter, a quote?</p>";
  await sleep(350);
  key(p); // typing went on in the same line: longer, not more lines
  p.editor.innerHTML = "<p>Hi Pieter, a quote? Thanks</p>";
  await sleep(350);
  assert.deepEqual(p.storage.sets, []);
  p.ctl.hold = true;
  assert.equal(key(p).defaultPrevented, true, "Enter is still treated as a send");
  await tick();
});

test("no lesson from an Enter in an empty composer, nor from a composer that is gone", async () => {
  const p = await page();
  p.ctl.hold = false;
  p.editor.innerHTML = "<p><br></p>";
  key(p);
  p.editor.innerHTML = "<p>one</p><p>two</p>";
  await sleep(350);
  assert.deepEqual(p.storage.sets, [], "an empty composer gives no line count to compare");
  key(p);
  const form = p.editor.closest("form");
  form.remove(); // the overlay was closed
  p.editor.innerHTML = "<p>one</p><p>two</p><p>three</p>";
  await sleep(350);
  assert.deepEqual(p.storage.sets, []);
});

test("a lesson already stored is used from the start: Enter is not held", async () => {
  const p = await page({ storage: fakeStorage({ enterMakesNewline: true }) });
  assert.equal(key(p).defaultPrevented, false);
  assert.equal(p.linkedin.enters, 1);
  const q = await page({ storage: fakeStorage({ enterMakesNewline: "yes" }) });
  assert.equal(key(q).defaultPrevented, true, "only the stored value true counts");
  await tick();
});

test("without extension storage the guard still works and still learns for this page", async () => {
  const p = await page();
  p.guard.uninstall();
  globalThis.chrome = {};
  const guard = G.install(p.ctl);
  installed.push(guard);
  assert.equal(key(p).defaultPrevented, true, "nothing learnt yet: Enter is a send");
  await tick();
  p.ctl.hold = false;
  key(p);
  p.editor.innerHTML = "<p>Hi Pieter, a quote for cleaning?</p><p>Kind regards</p>";
  await sleep(350);
  p.ctl.hold = true;
  assert.equal(key(p).defaultPrevented, false);
});
