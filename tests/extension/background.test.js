// Background pieces without a browser: the native port (with a fake port),
// the message gate's sender checks, the tab state and badge, the locales.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "..");
const EXT = path.join(ROOT, "extension");
const { NativeHost, HOST_NAME } = require(path.join(EXT, "background", "native-port.js"));
const { MessageGate, classifySender } = require(path.join(EXT, "background", "gate.js"));
const { TabState } = require(path.join(EXT, "background", "tab-state.js"));
const fakes = require("./fake-native-port.js");

// ------------------------------------------------------------ fake port

// Each connect of the port must name the host.
const fakeNative = () => fakes.fakeNative({ name: HOST_NAME });

function helloOk(port, protocol = 1) {
  fakes.answerHello(port, { ...fakes.HELLO_RESULT, protocol });
}

const { tick } = fakes;
const newHost = fakes.hostsClosedAfterEach(test, NativeHost);

test("requests carry ids; replies are matched by id, out of order too", async () => {
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect });
  host.connect();
  const port = f.ports[0];
  assert.equal(port.sent[0].type, "hello");
  assert.equal(port.sent[0].protocol, 1);
  helloOk(port);
  await tick();
  assert.equal(host.state, "connected");
  const a = host.request("evaluate", { context: { kind: "post" } });
  const b = host.request("get_settings");
  const [ma, mb] = port.sent.slice(1);
  assert.notEqual(ma.id, mb.id);
  assert.deepEqual(ma.context, { kind: "post" });
  port.reply({ id: mb.id, ok: true, result: { settings: { language: "nl" } } });
  port.reply({ id: ma.id, ok: true, result: { warnings: [] } });
  assert.deepEqual(await a, { warnings: [] });
  assert.deepEqual(await b, { settings: { language: "nl" } });
});

test("an error reply rejects with the host's code and details", async () => {
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect });
  host.connect();
  helloOk(f.ports[0]);
  await tick();
  const p = host.request("set_settings", { settings: {} });
  const m = f.ports[0].sent[1];
  f.ports[0].reply({ id: m.id, ok: false, error: { code: "invalid_settings", message: "bad", details: [{ path: "log.retention_days", message: "x" }] } });
  await assert.rejects(p, (err) => err.code === "invalid_settings" && err.details[0].path === "log.retention_days");
});

test("requests made while connecting are queued and sent after hello", async () => {
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect });
  const p = host.request("evaluate", { context: { kind: "profile" } });
  const port = f.ports[0];
  assert.equal(port.sent.length, 1, "only hello so far");
  helloOk(port);
  await tick();
  const ev = port.sent.find((m) => m.type === "evaluate");
  assert.ok(ev, "the queued evaluate went out after hello");
  port.reply({ id: ev.id, ok: true, result: { warnings: [{ rule: "LG101" }] } });
  assert.equal((await p).warnings[0].rule, "LG101");
});

test("host not installed: a distinct state, requests fail at once", async () => {
  const f = fakeNative();
  const states = [];
  const host = newHost({ connectNative: f.connect, onState: (s) => states.push(s.state) });
  host.connect();
  f.ports[0].die("Specified native messaging host not found.");
  assert.equal(host.state, "not_installed");
  assert.equal(host.snapshot().install_command, "linkedin-guard install");
  await assert.rejects(host.request("evaluate", {}), (err) => err.code === "host_not_installed");
  clearTimeout(host.reconnectTimer);
  assert.deepEqual(states, ["connecting", "not_installed"]);
});

test("host crashed: pending requests fail clearly, then the backoff timer reconnects", async () => {
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect });
  host.connect();
  helloOk(f.ports[0]);
  await tick();
  const pending = host.request("evaluate", {});
  f.ports[0].die("Native host has exited.");
  await assert.rejects(pending, (err) => err.code === "disconnected" && /exited/.test(err.message));
  assert.equal(host.state, "reconnecting");
  assert.equal(f.ports.length, 1, "no reconnect before the backoff");
  // Nothing asks for the host here: only the backoff timer can reconnect.
  await new Promise((r) => setTimeout(r, 400)); // first backoff is about 200 ms
  assert.equal(f.ports.length, 2, "the backoff timer reconnected");
  // A request made while the new port waits for hello is queued, then sent.
  const queued = host.request("evaluate", { context: { kind: "post" } }, { timeout: 3000 });
  assert.equal(f.ports[1].sent.filter((m) => m.type === "evaluate").length, 0, "queued until hello");
  helloOk(f.ports[1]);
  await tick();
  const ev = f.ports[1].sent.find((m) => m.type === "evaluate");
  f.ports[1].reply({ id: ev.id, ok: true, result: { warnings: [] } });
  assert.deepEqual(await queued, { warnings: [] });
  assert.equal(host.failures, 0);
});

test("a stale port's disconnect does not tear down the new connection", async () => {
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect });
  host.connect();
  helloOk(f.ports[0]);
  await tick();
  host.retry(); // the popup's retry: the old port is closed from our side, a new one opens
  assert.equal(f.ports.length, 2);
  helloOk(f.ports[1]);
  await tick();
  assert.equal(host.state, "connected");
  // The old port's onDisconnect arrives late: it must be ignored.
  f.ports[0].die("Native host has exited.");
  await tick();
  assert.equal(host.state, "connected");
  assert.equal(host.port, f.ports[1]);
  const p = host.request("get_settings");
  const m = f.ports[1].sent.find((x) => x.type === "get_settings");
  assert.ok(m, "the request went to the live port");
  f.ports[1].reply({ id: m.id, ok: true, result: { settings: {} } });
  assert.deepEqual(await p, { settings: {} });
  assert.equal(host.failures, 0);
});

test("backoff grows while the host keeps crashing, and each scheduled timer reconnects", async () => {
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect });
  const timers = [];
  const realSetTimeout = global.setTimeout;
  global.setTimeout = (fn, ms) => {
    timers.push({ fn, ms });
    return realSetTimeout(() => {}, 0);
  };
  const reconnectTimers = () => timers.filter((t) => t.ms !== 5000); // 5000: hello timeouts
  try {
    host.connect();
    for (let i = 0; i < 5; i += 1) {
      const ports = f.ports.length;
      host.port.die("Native host has exited.");
      assert.equal(reconnectTimers().length, i + 1, "each crash schedules one reconnect");
      reconnectTimers()[i].fn(); // the timer itself, not a request, opens the next port
      assert.equal(f.ports.length, ports + 1, "the scheduled timer reconnected");
    }
  } finally {
    global.setTimeout = realSetTimeout;
  }
  const delays = reconnectTimers().map((t) => t.ms);
  assert.equal(delays.length, 5);
  for (let i = 1; i < delays.length; i += 1) assert.ok(delays[i] > delays[i - 1] * 1.2, `backoff ${delays}`);
});

test("version mismatch is its own state", async () => {
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect });
  host.connect();
  helloOk(f.ports[0], 2);
  await tick();
  assert.equal(host.state, "version_mismatch");
  await assert.rejects(host.request("evaluate", {}), (err) => err.code === "version_mismatch");
});

test("pushes without an id go to onEvent", async () => {
  const f = fakeNative();
  const events = [];
  const host = newHost({ connectNative: f.connect, onEvent: (e) => events.push(e) });
  host.connect();
  f.ports[0].reply({ type: "event", event: "settings_changed", settings: { fail_mode: "closed" } });
  assert.equal(events[0].event, "settings_changed");
});

test("a request gets a timeout", async () => {
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect });
  host.connect();
  helloOk(f.ports[0]);
  await tick();
  await assert.rejects(host.request("evaluate", {}, { timeout: 30 }), (err) => err.code === "timeout");
});

// ----------------------------------------------------------------- gate

const RUNTIME = "gphpeapcgdpbiaihmcfbepcfkoccooab";
const ORIGIN = `chrome-extension://${RUNTIME}/`;

test("sender checks: content only from LinkedIn's top frame, pages only from our origin", () => {
  const tab = { id: 3 };
  assert.equal(classifySender({ id: RUNTIME, url: "https://www.linkedin.com/feed/", tab, frameId: 0 }, RUNTIME, ORIGIN), "content");
  assert.equal(classifySender({ id: RUNTIME, url: `${ORIGIN}popup/popup.html` }, RUNTIME, ORIGIN), "extension");
  assert.equal(classifySender({ id: "other", url: "https://www.linkedin.com/feed/", tab, frameId: 0 }, RUNTIME, ORIGIN), null);
  assert.equal(classifySender({ id: RUNTIME, url: "https://www.linkedin.com/feed/", tab, frameId: 7 }, RUNTIME, ORIGIN), null);
  assert.equal(classifySender({ id: RUNTIME, url: "https://evil.example/", tab, frameId: 0 }, RUNTIME, ORIGIN), null);
  assert.equal(classifySender({ id: RUNTIME, url: "https://linkedin.com.evil.example/", tab, frameId: 0 }, RUNTIME, ORIGIN), null);
  // Prefix tricks: the origin must be exactly LinkedIn's, or exactly ours.
  for (const url of [
    "https://www.linkedin.com.evil.example/feed/",
    "https://www.linkedin.com.evil.example",
    "https://www.linkedin.com:8443/feed/",
    "http://www.linkedin.com/feed/",
    "https://www.linkedin.com@evil.example/",
    "https://www.linkedin.community/",
    "not a url",
  ]) {
    assert.equal(classifySender({ id: RUNTIME, url, tab, frameId: 0 }, RUNTIME, ORIGIN), null, url);
  }
  const bare = ORIGIN.replace(/\/$/, "");
  assert.equal(classifySender({ id: RUNTIME, url: `${bare}x/popup/popup.html` }, RUNTIME, ORIGIN), null, "another extension id sharing our id as prefix");
  assert.equal(classifySender({ id: RUNTIME, url: `${bare}.evil.example/popup.html`, tab, frameId: 0 }, RUNTIME, ORIGIN), null);
});

test("the gate allows each type only from its senders", async () => {
  const calls = [];
  const gate = new MessageGate(
    {
      evaluate: { from: ["content"], handle: (m) => (calls.push(m.type), { warnings: [] }) },
      pause: { from: ["extension"], handle: () => ({ paused_until: 1 }) },
      boom: { from: ["content"], handle: () => Promise.reject(Object.assign(new Error("nope"), { code: "x" })) },
    },
    RUNTIME,
    ORIGIN
  );
  const content = { id: RUNTIME, url: "https://www.linkedin.com/feed/", tab: { id: 1 }, frameId: 0 };
  const popup = { id: RUNTIME, url: `${ORIGIN}popup/popup.html` };
  assert.deepEqual(await gate.dispatch({ type: "evaluate" }, content), { ok: true, result: { warnings: [] } });
  assert.equal((await gate.dispatch({ type: "pause" }, content)).error.code, "forbidden_type");
  assert.equal((await gate.dispatch({ type: "evaluate" }, popup)).error.code, "forbidden_type");
  assert.equal((await gate.dispatch({ type: "toString" }, content)).error.code, "unknown_type");
  assert.equal((await gate.dispatch({ type: "__proto__" }, content)).error.code, "unknown_type");
  assert.equal((await gate.dispatch(null, content)).error.code, "invalid_request");
  assert.equal((await gate.dispatch({ type: "evaluate" }, { id: "x", url: "https://www.linkedin.com/" })).error.code, "forbidden_sender");
  assert.equal((await gate.dispatch({ type: "boom" }, content)).error.code, "x");
  assert.deepEqual(calls, ["evaluate"]);
});

// ------------------------------------------------------------ tab state

test("badge: distinct warnings of the tab, coloured by the worst; dismissed ones drop out", () => {
  const ts = new TabState(null);
  ts.setSurface(1, "ps-1", "https://www.linkedin.com/feed/", "post:1", [
    { id: "w-a", rule: "LG402", severity: "info" },
    { id: "w-b", rule: "LG301", severity: "warning" },
  ]);
  ts.setSurface(1, "ps-1", "https://www.linkedin.com/feed/", "message:2", [{ id: "w-b", rule: "LG301", severity: "warning" }]);
  assert.deepEqual(ts.badge(1), { text: "2", color: "#b24020" });
  ts.dismiss(1, "w-b");
  assert.equal(ts.badge(1).text, "1");
  // The host returns it again on the next keystroke: still dismissed.
  ts.setSurface(1, "ps-1", "https://www.linkedin.com/feed/", "message:2", [{ id: "w-b", rule: "LG301", severity: "warning" }]);
  assert.equal(ts.badge(1).text, "1");
  // A new page session starts clean.
  ts.setSurface(1, "ps-2", "https://www.linkedin.com/in/x/", "profile", [{ id: "w-c", rule: "LG101", severity: "critical" }]);
  assert.deepEqual(ts.badge(1), { text: "1", color: "#cc1016" });
  ts.dropSurface(1, "profile");
  assert.equal(ts.badge(1).text, "");
  assert.equal(ts.badge(99).text, "");
});

test("badge: a page the guard cannot read has its own state; warnings outrank it; a new page forgets it", () => {
  const ts = new TabState(null);
  ts.reset(1, "ps-1", "https://www.linkedin.com/messaging/thread/2-abc/");
  assert.deepEqual(ts.setUnreadable(1, "ps-1", ["message", "https://www.linkedin.com/in/x/", "message"]), ["message"], "known names only, once");
  assert.deepEqual(ts.badge(1), { text: "?", color: "#6f42c1", unreadable: true });
  assert.deepEqual(ts.unreadable(1), ["message"]);
  assert.deepEqual(ts.setUnreadable(1, "ps-1", ["message", "post"]), ["post"], "only what is new goes to the host");
  assert.equal(ts.setUnreadable(1, "ps-0", ["profile"]), false, "an older page's late report is ignored");
  assert.deepEqual(ts.unreadable(1), ["message", "post"]);
  ts.setSurface(1, "ps-1", "https://www.linkedin.com/feed/", "post:1", [{ id: "w-a", rule: "LG402", severity: "info" }]);
  assert.deepEqual(ts.badge(1), { text: "1", color: "#0a66c2" });
  ts.setSurface(1, "ps-2", "https://www.linkedin.com/feed/", "post:1", []);
  assert.deepEqual(ts.unreadable(1), []);
  assert.equal(ts.badge(1).text, "");
  ts.setUnreadable(1, "ps-2", ["post"]);
  ts.reset(1, "ps-3", "https://www.linkedin.com/feed/");
  assert.equal(ts.badge(1).text, "");
});

test("not checked: a LinkedIn tab whose check failed, or while the host is down, never reads as all clear", () => {
  const ts = new TabState(null);
  assert.equal(ts.notChecked(5, true), false, "a tab the guard never saw is not a LinkedIn page to speak of");
  ts.reset(5, "ps-1", "https://www.linkedin.com/feed/");
  assert.equal(ts.notChecked(5, false), false);
  assert.equal(ts.notChecked(5, true), true, "host down: nothing on this page was checked");
  ts.setSurface(5, "ps-1", "https://www.linkedin.com/feed/", "post:1", [], true);
  assert.equal(ts.notChecked(5, false), true, "the last evaluate could not reach the host");
  ts.setSurface(5, "ps-1", "https://www.linkedin.com/feed/", "post:1", [], false);
  assert.equal(ts.notChecked(5, false), false, "checked again: clear");
  ts.tab(5).unreadable = []; // no surface unreadable (the list form)
  assert.equal(ts.notChecked(5, false), false);
  ts.tab(5).unreadable = ["message"];
  assert.equal(ts.notChecked(5, false), true, "a part of the page could not be read");
});

// -------------------------------------------------------------- locales

function locale(lang) {
  return JSON.parse(fs.readFileSync(path.join(EXT, "_locales", lang, "messages.json"), "utf8"));
}

test("en and nl have the same keys, each with a description", () => {
  const en = locale("en");
  const nl = locale("nl");
  assert.deepEqual(Object.keys(en).sort(), Object.keys(nl).sort());
  for (const [lang, table] of [["en", en], ["nl", nl]]) {
    for (const [key, entry] of Object.entries(table)) {
      assert.ok(entry.message, `${lang}.${key} has a message`);
      assert.ok(entry.description && entry.description.length > 10, `${lang}.${key} has a description`);
    }
  }
});

test("every message key the extension uses exists", () => {
  const en = locale("en");
  const used = new Set();
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, name.name);
      if (name.isDirectory()) walk(p);
      else if (/\.(js|html|json)$/.test(name.name) && !p.includes("_locales")) {
        const src = fs.readFileSync(p, "utf8");
        for (const m of src.matchAll(/data-i18n(?:-[a-z-]+)?="([A-Za-z_]+)"/g)) used.add(m[1]);
        for (const m of src.matchAll(/i18n\.msg\(\s*"([A-Za-z_]+)"/g)) used.add(m[1]);
        for (const m of src.matchAll(/__MSG_([A-Za-z_]+)__/g)) used.add(m[1]);
        for (const m of src.matchAll(/["'](page_[a-z_]+)["']/g)) used.add(m[1]);
        for (const m of src.matchAll(/\bs\.(page_[a-z_]+)/g)) used.add(m[1]);
      }
    }
  };
  walk(EXT);
  for (const state of ["connected", "connecting", "idle", "reconnecting", "not_installed", "version_mismatch"]) used.add(`state_${state}`);
  const missing = [...used].filter((k) => !(k in en));
  assert.deepEqual(missing, []);
  assert.ok(used.size > 30);
});

test("the manifest: MV3, public key only, no web_accessible_resources, LinkedIn only", () => {
  const m = JSON.parse(fs.readFileSync(path.join(EXT, "manifest.json"), "utf8"));
  assert.equal(m.manifest_version, 3);
  assert.ok(m.key.startsWith("MIIBIjAN"), "a base64 DER SubjectPublicKeyInfo");
  assert.ok(!("web_accessible_resources" in m));
  assert.deepEqual(m.host_permissions, ["https://www.linkedin.com/*"]);
  assert.deepEqual(m.permissions.sort(), ["nativeMessaging", "storage"]);
  assert.deepEqual(m.browser_specific_settings.gecko.data_collection_permissions, { required: ["none"] });
  assert.ok(m.background.service_worker && m.background.scripts.length);
  for (const f of [m.background.service_worker, ...m.background.scripts, ...m.content_scripts[0].js]) {
    assert.ok(fs.existsSync(path.join(EXT, f)), f);
  }
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
  for (const f of walk(EXT)) assert.ok(!/PRIVATE KEY/.test(fs.readFileSync(f, "latin1")), `no private key in ${f}`);
});

// ------------------------------------------------- versions and settings problems after hello

test("hello with a different host version names the one to update", async () => {
  for (const [hostVersion, extVersion, key] of [["0.1.0", "0.2.0", "version_update_host"], ["0.10.0", "0.9.1", "version_update_extension"]]) {
    const f = fakeNative();
    const host = newHost({ connectNative: f.connect, helloPayload: () => ({ extension_version: extVersion }) });
    host.connect();
    const hello = f.ports[0].sent[0];
    assert.equal(hello.extension_version, extVersion);
    f.ports[0].reply({ id: hello.id, ok: true, result: { protocol: 1, host_version: hostVersion, rules: [], fail_mode: "open" } });
    await tick();
    const notice = host.snapshot().version_notice;
    assert.ok(notice, key);
    if (key === "version_update_host") assert.match(notice, /guard program \(version 0\.1\.0\) is older than the extension \(0\.2\.0\)/);
    else assert.match(notice, /extension \(version 0\.9\.1\) is older than the guard program \(0\.10\.0\)/);
  }
});

test("the same versions give no notice", async () => {
  const f = fakeNative();
  const host = newHost({ connectNative: f.connect, helloPayload: () => ({ extension_version: "0.1.0" }) });
  host.connect();
  helloOk(f.ports[0]);
  await tick();
  assert.equal(host.snapshot().version_notice, null);
});

test("a settings problem pushed after hello reaches the snapshot, and fail_mode with it", async () => {
  const f = fakeNative();
  const states = [];
  const host = newHost({ connectNative: f.connect, onState: (s) => states.push(s) });
  host.connect();
  helloOk(f.ports[0]);
  await tick();
  f.ports[0].reply({ type: "event", event: "settings_changed", settings: { fail_mode: "closed" }, settings_problem: "settings.json was not valid" });
  assert.equal(host.snapshot().settings_problem, "settings.json was not valid");
  assert.equal(host.snapshot().fail_mode, "closed");
  assert.equal(states.at(-1).settings_problem, "settings.json was not valid");
  f.ports[0].reply({ type: "event", event: "settings_changed", settings: { fail_mode: "closed" } });
  assert.equal(host.snapshot().settings_problem, null);
});

test("the locales say which one to update, in both languages", () => {
  for (const lang of ["en", "nl"]) {
    const messages = JSON.parse(fs.readFileSync(path.join(EXT, "_locales", lang, "messages.json"), "utf8"));
    for (const key of ["version_update_host", "version_update_extension"]) {
      assert.match(messages[key].message, /\$HOST\$/);
      assert.match(messages[key].message, /\$EXTENSION\$/);
    }
  }
});
