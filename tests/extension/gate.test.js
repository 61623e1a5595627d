// The message gate's replies, beyond who may send what (background.test.js):
// a refusal is never ok, names what is wrong, and the listener wiring
// answers asynchronously. Found missing by StrykerJS (benchmarks/mutation_bench.py).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "..");
const { MessageGate, classifySender } = require(path.join(ROOT, "extension", "background", "gate.js"));

const RUNTIME = "gphpeapcgdpbiaihmcfbepcfkoccooab";
const ORIGIN = `chrome-extension://${RUNTIME}/`;
const CONTENT = { id: RUNTIME, url: "https://www.linkedin.com/feed/", tab: { id: 4 }, frameId: 0 };
const POPUP = { id: RUNTIME, url: `${ORIGIN}popup/popup.html` };

function gate(table) {
  return new MessageGate(table, RUNTIME, ORIGIN);
}

test("a LinkedIn page is a content sender only from a tab with a numeric id", () => {
  const base = { id: RUNTIME, url: "https://www.linkedin.com/feed/", frameId: 0 };
  assert.equal(classifySender(base, RUNTIME, ORIGIN), null, "no tab: not a content script");
  assert.equal(classifySender({ ...base, tab: {} }, RUNTIME, ORIGIN), null, "a tab without id");
  assert.equal(classifySender({ ...base, tab: { id: "4" } }, RUNTIME, ORIGIN), null, "a tab id that is not a number");
  assert.equal(classifySender({ ...base, tab: { id: 4 } }, RUNTIME, ORIGIN), "content");
  // frameId missing (not every engine reports it for the top frame) still means the top frame.
  assert.equal(classifySender({ id: RUNTIME, url: base.url, tab: { id: 4 } }, RUNTIME, ORIGIN), "content");
});

test("every refusal is ok:false with a code and a message naming what is wrong", async () => {
  const g = gate({ pause: { from: ["extension"], handle: () => ({}) } });
  const cases = [
    [{ type: "pause" }, { id: "other-extension", url: CONTENT.url }, "forbidden_sender", /sender/],
    [null, CONTENT, "invalid_request", /string type/],
    [{ type: "evaluate" }, CONTENT, "unknown_type", /evaluate/],
    [{ type: "pause" }, CONTENT, "forbidden_type", /pause.*content/],
  ];
  for (const [msg, sender, code, message] of cases) {
    const reply = await g.dispatch(msg, sender);
    assert.equal(reply.ok, false, code);
    assert.equal(reply.error.code, code);
    assert.match(reply.error.message, message, code);
    assert.equal("result" in reply, false, `${code}: a refusal carries no result`);
  }
});

test("a message that is not an object with a string type is an invalid request, not an unknown type", async () => {
  const g = gate({ undefined: { from: ["content"], handle: () => ({ ran: true }) }, 5: { from: ["content"], handle: () => ({ ran: true }) } });
  for (const msg of ["pause", 5, true, { type: 5 }, { type: undefined }, { kind: "pause" }]) {
    const reply = await g.dispatch(msg, CONTENT);
    assert.deepEqual(reply.error && reply.error.code, "invalid_request", JSON.stringify(msg));
  }
});

test("a handler that returns nothing still answers ok with an empty result; its value otherwise", async () => {
  const g = gate({
    nothing: { from: ["extension"], handle: () => undefined },
    zero: { from: ["extension"], handle: () => 0 },
    kind: { from: ["content", "extension"], handle: (_m, _s, kind) => ({ kind }) },
  });
  assert.deepEqual(await g.dispatch({ type: "nothing" }, POPUP), { ok: true, result: {} });
  assert.deepEqual(await g.dispatch({ type: "zero" }, POPUP), { ok: true, result: 0 });
  assert.deepEqual(await g.dispatch({ type: "kind" }, CONTENT), { ok: true, result: { kind: "content" } });
  assert.deepEqual(await g.dispatch({ type: "kind" }, POPUP), { ok: true, result: { kind: "extension" } });
});

test("a handler's error becomes ok:false with its code, message and details; a thrown string too", async () => {
  const hostError = Object.assign(new Error("settings are locked"), { code: "locked", details: [{ path: "fail_mode" }] });
  const g = gate({
    locked: { from: ["extension"], handle: () => Promise.reject(hostError) },
    plain: { from: ["extension"], handle: () => { throw new Error("disk full"); } },
    text: { from: ["extension"], handle: () => { throw "host gone"; } },
  });
  assert.deepEqual(await g.dispatch({ type: "locked" }, POPUP), {
    ok: false,
    error: { code: "locked", message: "settings are locked", details: [{ path: "fail_mode" }] },
  });
  assert.deepEqual(await g.dispatch({ type: "plain" }, POPUP), { ok: false, error: { code: "error", message: "disk full", details: null } });
  assert.deepEqual(await g.dispatch({ type: "text" }, POPUP), { ok: false, error: { code: "error", message: "host gone", details: null } });
});

test("listener(): keeps the channel open (returns true) and answers through sendResponse", async () => {
  const g = gate({ ping: { from: ["content"], handle: () => ({ pong: 1 }) } });
  const listen = g.listener();
  const replies = {};
  const kept = listen({ type: "ping" }, CONTENT, (r) => (replies.content = r));
  assert.equal(kept, true, "true tells the browser the reply comes later");
  const refused = listen({ type: "ping" }, POPUP, (r) => (replies.popup = r));
  assert.equal(refused, true);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(replies, {
    content: { ok: true, result: { pong: 1 } },
    popup: { ok: false, error: { code: "forbidden_type", message: "ping is not allowed from extension" } },
  });
});

test("listener(): a dispatch that fails outright still answers ok:false", async () => {
  const g = gate({});
  g.dispatch = () => Promise.reject(new Error("gate broke"));
  const replies = [];
  g.listener()({ type: "x" }, CONTENT, (r) => replies.push(r));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(replies, [{ ok: false, error: { code: "error", message: "Error: gate broke" } }]);
});
