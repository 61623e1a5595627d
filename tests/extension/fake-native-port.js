// The fake native port both background suites drive (background.test.js,
// native-port.test.js): what chrome.runtime.connectNative would return, with
// the test playing the host. Not a test file itself (node --test runs
// *.test.js only).
//
//   const f = fakeNative();              // or fakeNative({ name: HOST_NAME }): each connect must use it
//   new NativeHost({ connectNative: f.connect })
//   f.ports[i].sent                      // what the extension posted, in order
//   f.ports[i].reply(msg)                // the host answers
//   f.ports[i].die("Native host has exited.")   // the host goes away (port.error set, onDisconnect fired)
//   answerHello(f.ports[0])              // the host's hello reply, matched by id
"use strict";

const assert = require("node:assert/strict");

/** The hello result a current host gives. */
const HELLO_RESULT = Object.freeze({ protocol: 1, host_version: "0.1.0", rules: ["LG101"], fail_mode: "open" });

function fakeNative({ name: expectedName } = {}) {
  const ports = [];
  const connect = (name) => {
    if (expectedName !== undefined) assert.equal(name, expectedName);
    const listeners = { message: [], disconnect: [] };
    const port = {
      name,
      sent: [],
      error: null,
      dead: false,
      onMessage: { addListener: (f) => listeners.message.push(f) },
      onDisconnect: { addListener: (f) => listeners.disconnect.push(f) },
      postMessage(m) {
        // As the browser's port: a disconnected one throws.
        if (port.dead) throw new Error("Attempting to use a disconnected port object");
        port.sent.push(m);
      },
      disconnect() {
        port.dead = true;
      },
      reply(m) {
        for (const f of listeners.message) f(m);
      },
      die(message) {
        port.dead = true;
        port.error = message ? { message } : null;
        for (const f of listeners.disconnect) f();
      },
    };
    ports.push(port);
    return port;
  };
  return { ports, connect };
}

/** The host answers the port's hello with `result` (a fresh object: the port keeps it and adds to it). */
function answerHello(port, result = { ...HELLO_RESULT }) {
  const hello = port.sent.find((m) => m.type === "hello");
  port.reply({ id: hello.id, ok: true, result });
}

/** The next turn of the event loop: replies and timers queued now have run. */
const tick = () => new Promise((r) => setImmediate(r));

/** A suite's `newHost(opts)`: every host it makes is closed after each test (no stray timers keep node alive). */
function hostsClosedAfterEach(test, NativeHost) {
  const made = [];
  test.afterEach(() => {
    while (made.length) made.pop().close();
  });
  return (opts) => {
    const h = new NativeHost(opts);
    made.push(h);
    return h;
  };
}

module.exports = { fakeNative, answerHello, HELLO_RESULT, tick, hostsClosedAfterEach };
