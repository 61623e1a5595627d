// The native port beyond the happy paths of background.test.js: the states
// and texts the popup shows, what fails when, timers (hello timeout, backoff
// delays, queued timeouts) and replies the host should never send. Each test
// was written for mutants StrykerJS showed surviving
// (benchmarks/mutation_bench.py).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "..");
const { NativeHost, HOST_NAME, compareVersions } = require(path.join(ROOT, "extension", "background", "native-port.js"));
const { fakeNative, answerHello: hello, tick, hostsClosedAfterEach } = require("./fake-native-port.js");

const newHost = hostsClosedAfterEach(test, NativeHost);
test.afterEach(() => {
  delete globalThis.chrome;
});

async function connected(opts = {}) {
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect, ...opts });
  host.connect();
  hello(f.ports[0]);
  await tick();
  return { f, host, port: f.ports[0] };
}

/** setTimeout recorded (delay and callback) instead of run; real timers come back after. */
function recordTimers() {
  const real = global.setTimeout;
  const timers = [];
  global.setTimeout = (fn, ms) => {
    timers.push({ fn, ms });
    return real(() => {}, 0);
  };
  return { timers, restore: () => (global.setTimeout = real) };
}

// ------------------------------------------------------------ identity and states

test("the host name is the one the host's manifest registers", () => {
  const py = fs.readFileSync(path.join(ROOT, "native_host", "__init__.py"), "utf8");
  assert.equal(HOST_NAME, py.match(/^HOST_NAME = "([^"]+)"/m)[1]);
  assert.equal(HOST_NAME, "com.linkedin_guard.host");
});

test("without connectNative given, chrome.runtime.connectNative opens the port, by the host's name", () => {
  const f = fakeNative();
  globalThis.chrome = { runtime: { connectNative: f.connect, lastError: null } };
  const host = newHost({});
  host.connect();
  assert.equal(f.ports.length, 1);
  assert.equal(f.ports[0].name, HOST_NAME);
  assert.equal(f.ports[0].sent[0].type, "hello");
});

test("before anything: idle, no detail, no host facts", () => {
  const host = newHost({ connectNative: fakeNative().connect });
  assert.deepEqual(host.snapshot(), {
    state: "idle",
    detail: "",
    host_version: null,
    protocol: null,
    rules: [],
    settings_problem: null,
    fail_mode: null,
    version_notice: null,
    failures: 0,
    install_command: "linkedin-guard install",
    last_error: null,
  });
});

test("connected after a hello without extras: detail empty, host_version null, rules []", async () => {
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect });
  host.connect();
  hello(f.ports[0], { protocol: 1 });
  await tick();
  const s = host.snapshot();
  assert.equal(s.state, "connected");
  assert.equal(s.detail, "");
  assert.equal(s.host_version, null);
  assert.deepEqual(s.rules, []);
  assert.equal(s.protocol, 1);
});

test("the snapshot after hello carries the host's version and rules", async () => {
  const { host } = await connected();
  assert.equal(host.snapshot().host_version, "0.1.0");
  assert.deepEqual(host.snapshot().rules, ["LG101"]);
});

// -------------------------------------------------------------------- versions

test("compareVersions: numeric parts, missing parts are zero", () => {
  assert.equal(compareVersions("0.10.0", "0.9.1"), 1);
  assert.equal(compareVersions("0.9.1", "0.10.0"), -1);
  assert.equal(compareVersions("1.0", "1.0.1"), -1);
  assert.equal(compareVersions("1.0.1", "1.0"), 1);
  assert.equal(compareVersions("1.0.0", "1.0"), 0);
  assert.equal(compareVersions("2", "2"), 0);
});

test("a host one patch behind (shorter version string) is the one to update", async () => {
  const { host } = await connected({ helloPayload: () => ({ extension_version: "0.1.0.1" }) });
  assert.match(host.snapshot().version_notice, /guard program \(version 0\.1\.0\) is older than the extension \(0\.1\.0\.1\)/);
});

test("no version notice when either side gives no version", async () => {
  const a = await connected({ helloPayload: () => ({}) });
  assert.equal(a.host.snapshot().version_notice, null, "the extension gave none");
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect, helloPayload: () => ({ extension_version: "0.2.0" }) });
  host.connect();
  hello(f.ports[0], { protocol: 1, host_version: 7 });
  await tick();
  assert.equal(host.snapshot().version_notice, null, "the host's version is not a string");
});

test("the version notice comes from the locale when there is one (host and extension versions as its two values)", async () => {
  const calls = [];
  globalThis.chrome = { runtime: {}, i18n: { getMessage: (key, subs) => (calls.push([key, subs]), `${key}: ${subs.join(" < ")}`) } };
  const { host } = await connected({ helloPayload: () => ({ extension_version: "0.2.0" }) });
  assert.equal(host.snapshot().version_notice, "version_update_host: 0.1.0 < 0.2.0");
  assert.deepEqual(calls.at(-1), ["version_update_host", ["0.1.0", "0.2.0"]]);
  globalThis.chrome.i18n.getMessage = () => "";
  assert.match(host.snapshot().version_notice, /^The guard program \(version 0\.1\.0\)/, "an empty locale text falls back to English");
});

test("hello answered with another protocol: version_mismatch naming both, queued requests fail", async () => {
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect });
  const queued = host.request("evaluate", {});
  hello(f.ports[0], { protocol: 2 });
  await assert.rejects(queued, (err) => err.code === "version_mismatch" && err.message === "host protocol 2, extension protocol 1");
  assert.equal(host.snapshot().detail, "host protocol 2, extension protocol 1");
});

test("a host that does not know hello is a version mismatch; queued requests fail with it", async () => {
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect });
  const queued = host.request("evaluate", {});
  const h = f.ports[0].sent[0];
  f.ports[0].reply({ id: h.id, ok: false, error: { code: "unknown_type", message: "unknown type hello" } });
  await assert.rejects(queued, (err) => err.code === "unknown_type");
  assert.equal(host.state, "version_mismatch");
  assert.equal(host.detail, "the host does not know hello");
});

test("another error reply to hello changes nothing: still connecting", async () => {
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect });
  host.connect();
  const h = f.ports[0].sent[0];
  f.ports[0].reply({ id: h.id, ok: false, error: { code: "busy", message: "warming up" } });
  await tick();
  assert.equal(host.state, "connecting");
  assert.equal(host.port, f.ports[0]);
});

// ------------------------------------------------------------------- failures

test("connectNative throwing 'not found' is not_installed with that message; requests then fail at once", async () => {
  const host = newHost({
    connectNative: () => {
      throw new Error("Specified native messaging host not found.");
    },
  });
  host.connect();
  assert.equal(host.state, "not_installed");
  assert.equal(host.snapshot().last_error, "Specified native messaging host not found.");
  await assert.rejects(host.request("evaluate", {}), (err) => err.code === "host_not_installed");
});

test("a disconnect with chrome.runtime.lastError uses that message (forbidden = not installed)", async () => {
  const { host, port } = await connected();
  globalThis.chrome = { runtime: { lastError: { message: "Access to the specified native messaging host is forbidden." } } };
  port.die(null);
  assert.equal(host.state, "not_installed");
  assert.equal(host.snapshot().last_error, "Access to the specified native messaging host is forbidden.");
});

test("a disconnect with no error at all says the host exited, and reconnects", async () => {
  const { host, port } = await connected();
  port.die(null);
  assert.equal(host.state, "reconnecting");
  assert.equal(host.snapshot().last_error, "Native host has exited.");
  assert.equal(host.detail, "Native host has exited.");
});

test("a port that dies while we post fails that request as disconnected, and reconnects", async () => {
  const { host, port } = await connected();
  port.dead = true; // gone, but onDisconnect not delivered yet
  await assert.rejects(host.request("evaluate", {}), (err) => err.code === "disconnected" && /disconnected port object/.test(err.message));
  assert.equal(host.state, "reconnecting");
  assert.equal(host.snapshot().last_error, "Attempting to use a disconnected port object");
});

test("retry closes the old port from our side; a port that throws on disconnect does not stop it", async () => {
  const { f, host, port } = await connected();
  host.retry();
  assert.equal(port.dead, true, "the old port was disconnected");
  assert.equal(f.ports.length, 2);
  f.ports[1].disconnect = () => {
    throw new Error("already gone");
  };
  host.retry();
  assert.equal(f.ports.length, 3);
  assert.equal(host.state, "connecting");
});

test("hello unanswered for 5 s: the port is dropped and a reconnect is scheduled", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect });
  host.connect();
  t.mock.timers.tick(4999);
  await tick();
  assert.equal(host.state, "connecting");
  t.mock.timers.tick(1);
  await tick();
  assert.equal(f.ports[0].dead, true, "dropped");
  assert.equal(host.state, "reconnecting");
  assert.equal(host.snapshot().last_error, "The host did not answer hello within 5 s.");
  t.mock.timers.tick(300);
  assert.equal(f.ports.length, 2, "reconnected by the backoff timer");
});

test("a stale hello timing out after a retry leaves the new connection alone", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect });
  host.connect();
  t.mock.timers.tick(1000);
  host.retry();
  hello(f.ports[1]);
  await tick();
  assert.equal(host.state, "connected");
  t.mock.timers.tick(4500); // the first hello's 5 s run out
  await tick();
  assert.equal(host.state, "connected");
  assert.equal(host.port, f.ports[1]);
  assert.equal(f.ports[1].dead, false);
});

test("not installed: checked again after 5 s per failure, at most a minute", async () => {
  const rec = recordTimers();
  const host = newHost({
    connectNative: () => {
      throw new Error("Specified native messaging host not found.");
    },
  });
  try {
    for (let i = 0; i < 14; i += 1) host.connect();
  } finally {
    rec.restore();
  }
  const delays = rec.timers.map((x) => x.ms);
  assert.deepEqual(delays.slice(0, 3), [5000, 10000, 15000]);
  assert.equal(Math.max(...delays), 60000);
  assert.equal(delays.at(-1), 60000);
});

test("crash backoff: 200 ms doubling with ±20 % jitter, capped at 30 s", async () => {
  const random = Math.random;
  Math.random = () => 0; // the low end of the jitter: 0.8 x base
  const rec = recordTimers();
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect });
  try {
    host.connect();
    for (let i = 0; i < 10; i += 1) {
      host.port.die("Native host has exited.");
      rec.timers.filter((x) => x.ms !== 5000).at(-1).fn();
    }
  } finally {
    rec.restore();
    Math.random = random;
  }
  const delays = rec.timers.map((x) => x.ms).filter((ms) => ms !== 5000);
  assert.deepEqual(delays, [160, 320, 640, 1280, 2560, 5120, 10240, 20480, 24000, 24000]);
});

test("a request while not installed tries to connect again when nothing is scheduled", async () => {
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect });
  host.connect();
  f.ports[0].die("Specified native messaging host not found.");
  assert.ok(host.reconnectTimer, "a check is scheduled");
  await assert.rejects(host.request("evaluate", {}), (err) => err.code === "host_not_installed");
  assert.equal(f.ports.length, 1, "the scheduled check is not hurried");
  clearTimeout(host.reconnectTimer);
  host.reconnectTimer = null;
  await assert.rejects(host.request("evaluate", {}), (err) => err.code === "host_not_installed" && /not found/.test(err.message));
  assert.equal(f.ports.length, 2, "nothing scheduled: the request itself tries again");
});

test("close: pending and queued requests fail as closed, and nothing reconnects afterwards", async () => {
  const { f, host, port } = await connected();
  const pending = host.request("evaluate", {});
  host.close();
  await assert.rejects(pending, (err) => err.code === "closed" && err.message === "the connection was closed");
  assert.equal(port.dead, true);
  host.connect();
  assert.equal(f.ports.length, 1, "a closed host opens no port");

  const g = fakeNative();
  const other = newHost({ connectNative: g.connect });
  const queued = other.request("evaluate", {});
  other.close();
  await assert.rejects(queued, (err) => err.code === "closed");
});

// -------------------------------------------------------------------- replies

test("request ids are unique and the envelope's id and type win over the payload's", async () => {
  const { host, port } = await connected();
  host.request("evaluate", { id: "spoofed", type: "pause", context: {} }).catch(() => {}); // closed after the test
  host.request("evaluate", {}).catch(() => {});
  const [a, b] = port.sent.slice(1);
  assert.notEqual(a.id, "spoofed");
  assert.equal(a.type, "evaluate");
  assert.notEqual(a.id, b.id);
  assert.match(a.id, /^r-\d+$/);
});

test("a reply that never comes times out with a message naming the type and the time", async () => {
  const { host } = await connected();
  await assert.rejects(host.request("get_settings", {}, { timeout: 20 }), (err) => err.code === "timeout" && err.message === "no reply to get_settings within 20 ms");
});

test("an error reply without code or message still rejects clearly", async () => {
  const { host, port } = await connected();
  const p = host.request("evaluate", {});
  const m = port.sent.at(-1);
  port.reply({ id: m.id, ok: false });
  await assert.rejects(p, (err) => err.code === "error" && err.message === "host error" && err.details === null);
});

test("junk from the host is ignored: not an object, an unknown id, a push that is not an event", async () => {
  const events = [];
  const { host, port } = await connected({ onEvent: (e) => events.push(e) });
  const p = host.request("evaluate", {});
  const m = port.sent.at(-1);
  for (const junk of [null, "text", 5, { id: "r-999", ok: true, result: { x: 1 } }, { type: "log", message: "x" }]) {
    assert.doesNotThrow(() => port.reply(junk), JSON.stringify(junk));
  }
  assert.deepEqual(events, [], "only type=event pushes are events");
  port.reply({ id: m.id, ok: true, result: { warnings: [] } });
  assert.deepEqual(await p, { warnings: [] });
});

test("a push with id null is an event too; settings_changed before hello does not break the port", async () => {
  const events = [];
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect, onEvent: (e) => events.push(e) });
  host.connect();
  assert.doesNotThrow(() => f.ports[0].reply({ id: null, type: "event", event: "settings_changed", settings: { fail_mode: "closed" } }));
  assert.equal(events.length, 1);
  assert.equal(host.snapshot().fail_mode, null, "no hello yet: nothing to update");
  hello(f.ports[0]);
  await tick();
  f.ports[0].reply({ type: "event", event: "settings_changed", settings: {} });
  assert.equal(host.snapshot().fail_mode, "open", "a change without fail_mode keeps it");
  f.ports[0].reply({ type: "event", event: "rules_changed" });
  assert.equal(host.snapshot().fail_mode, "open");
});

// ---------------------------------------------------------------------- queue

test("a queued request that times out is dropped from the queue: never sent after hello", async () => {
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect });
  const late = host.request("evaluate", { context: { kind: "late" } }, { timeout: 20 });
  const kept = host.request("evaluate", { context: { kind: "kept" } }, { timeout: 3000 });
  await assert.rejects(late, (err) => err.code === "timeout" && /host not reachable within 20 ms \(connecting\)/.test(err.message));
  hello(f.ports[0]);
  await tick();
  const sent = f.ports[0].sent.filter((m) => m.type === "evaluate").map((m) => m.context.kind);
  assert.deepEqual(sent, ["kept"]);
  const ev = f.ports[0].sent.find((m) => m.type === "evaluate");
  f.ports[0].reply({ id: ev.id, ok: true, result: {} });
  await kept;
});

test("a queued request keeps its own timeout once sent", async () => {
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect });
  const p = host.request("evaluate", {}, { timeout: 40 });
  hello(f.ports[0]);
  await tick();
  await assert.rejects(p, (err) => err.code === "timeout" && err.message === "no reply to evaluate within 40 ms");
});

test("connectNative throwing at once (host not registered) fails the first request at once, not at its timeout", async () => {
  const host = newHost({
    connectNative: () => {
      throw new Error("Specified native messaging host not found.");
    },
  });
  let error = null;
  host.request("evaluate", {}, { timeout: 600000 }).catch((err) => {
    error = err;
  });
  await tick();
  assert.ok(error, "settled within a tick, not after the request's ten-minute timeout");
  assert.equal(error.code, "host_not_installed");
  assert.match(error.message, /not found/);
  assert.equal(host.snapshot().state, "not_installed");
  assert.equal(host.queue.length, 0, "nothing left waiting");
});
