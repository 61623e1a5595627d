/*
 * One long-lived native messaging port to the LinkedIn Guard host.
 *
 * Habits from keepassxreboot/keepassxc-browser: keepassxc-browser/background/client.js:
 * an id on every request, replies matched by id, a timeout per request, and
 * everything pending failed clearly on disconnect. Unlike KeePassXC's fixed
 * 1 s loop, reconnects back off exponentially with jitter.
 *
 * States (each shown distinctly in the popup):
 *   idle            never connected yet
 *   connecting      port open, waiting for the hello reply
 *   connected       hello answered with our protocol version
 *   reconnecting    the host exited or crashed; a reconnect is scheduled
 *   not_installed   Chromium: "Specified native messaging host not found." /
 *                   "Access to the specified native messaging host is forbidden."
 *   version_mismatch the host speaks another protocol version
 *
 * Requests made while connecting or reconnecting are queued and sent once
 * the hello succeeds; when the host is not installed or speaks another
 * protocol they fail at once, so the content script can follow fail_mode
 * without waiting.
 */
/* exported NativeHost, HOST_NAME, PROTOCOL_VERSION, INSTALL_COMMAND */
"use strict";

const HOST_NAME = "com.linkedin_guard.host";
const PROTOCOL_VERSION = 1;
const INSTALL_COMMAND = "linkedin-guard install";

const NOT_FOUND = /not found|no such native application|manifest/i;
const FORBIDDEN = /forbidden/i;

/** -1, 0 or 1: dotted numeric versions ("0.10.0" > "0.9.1"). */
function compareVersions(a, b) {
  const pa = String(a).split(".").map((n) => parseInt(n, 10) || 0);
  const pb = String(b).split(".").map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

class HostError extends Error {
  constructor(code, message, details) {
    super(message);
    this.code = code;
    this.details = details || null;
  }
}

class NativeHost {
  /**
   * @param {object} opts
   * @param {(msg: object) => void} [opts.onEvent]  pushes from the host (no id)
   * @param {(state: object) => void} [opts.onState] called on every state change
   * @param {() => object} [opts.helloPayload]
   */
  constructor(opts = {}) {
    this.onEvent = opts.onEvent || (() => {});
    this.onState = opts.onState || (() => {});
    this.helloPayload = opts.helloPayload || (() => ({}));
    this.connectNative = opts.connectNative || ((name) => chrome.runtime.connectNative(name));
    this.port = null;
    this.state = "idle";
    this.detail = "";
    this.hello = null;
    this.nextId = 1;
    this.pending = new Map(); // id -> {resolve, reject, timer, type}
    this.queue = []; // requests waiting for a connection
    this.failures = 0;
    this.reconnectTimer = null;
    this.connectedAt = null;
    this.lastError = null;
  }

  snapshot() {
    return {
      state: this.state,
      detail: this.detail,
      host_version: this.hello ? this.hello.host_version || null : null,
      protocol: this.hello ? this.hello.protocol : null,
      rules: this.hello ? this.hello.rules || [] : [],
      settings_problem: this.hello ? this.hello.settings_problem || null : null,
      fail_mode: this.hello ? this.hello.fail_mode || null : null,
      version_notice: this.versionNotice(),
      failures: this.failures,
      install_command: INSTALL_COMMAND,
      last_error: this.lastError,
    };
  }

  /**
   * When host and extension versions differ, which one to update, in words for the popup; else null.
   * The older of the two is the one to update (the host reports its version in hello).
   */
  versionNotice() {
    const host = this.hello && this.hello.host_version;
    const ext = (this.helloPayload() || {}).extension_version;
    if (typeof host !== "string" || typeof ext !== "string" || host === ext) return null;
    const key = compareVersions(host, ext) < 0 ? "version_update_host" : "version_update_extension";
    const i18n = globalThis.chrome && chrome.i18n && chrome.i18n.getMessage;
    const text = i18n ? chrome.i18n.getMessage(key, [host, ext]) : "";
    if (text) return text;
    return key === "version_update_host"
      ? `The guard program (version ${host}) is older than the extension (${ext}): update the program.`
      : `The extension (version ${ext}) is older than the guard program (${host}): update the extension.`;
  }

  setState(state, detail = "") {
    this.state = state;
    this.detail = detail;
    try {
      this.onState(this.snapshot());
    } catch (_e) {
      /* a listener's bug must not break the port */
    }
  }

  /** Open the port if it is not open; idempotent. */
  connect() {
    if (this.port || this.closed) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    let port;
    try {
      port = this.connectNative(HOST_NAME);
    } catch (err) {
      this.handleDisconnect(String((err && err.message) || err));
      return;
    }
    this.port = port;
    this.setState("connecting");
    port.onMessage.addListener((msg) => this.handleMessage(msg));
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      const err = (globalThis.chrome && chrome.runtime.lastError) || port.error || null;
      this.handleDisconnect(err ? String(err.message || err) : "Native host has exited.");
    });
    const id = this.newId();
    this.sendRaw({ id, type: "hello", protocol: PROTOCOL_VERSION, ...this.helloPayload() });
    this.track(id, "hello", 5000)
      .then((result) => {
        this.hello = result || {};
        if (this.hello.protocol !== PROTOCOL_VERSION) {
          this.setState("version_mismatch", `host protocol ${this.hello.protocol}, extension protocol ${PROTOCOL_VERSION}`);
          this.failQueue(new HostError("version_mismatch", this.detail));
          return;
        }
        this.failures = 0;
        this.connectedAt = Date.now();
        this.setState("connected");
        this.flushQueue();
      })
      .catch((err) => {
        if (this.port === port && err.code === "timeout") {
          // A host that never answers hello is as good as crashed.
          this.disconnect();
          this.handleDisconnect("The host did not answer hello within 5 s.");
        } else if (this.port === port && err.code === "unknown_type") {
          this.setState("version_mismatch", "the host does not know hello");
          this.failQueue(err);
        }
      });
  }

  /** Close the port from our side (onDisconnect does not fire for that: clear it ourselves). */
  disconnect() {
    const port = this.port;
    this.port = null;
    if (port) {
      try {
        port.disconnect();
      } catch (_e) {
        /* already gone */
      }
    }
  }

  handleDisconnect(message) {
    this.port = null;
    this.hello = null;
    this.lastError = message;
    const err = new HostError("disconnected", message);
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err);
      this.pending.delete(id);
    }
    this.failures += 1;
    let delay;
    if (NOT_FOUND.test(message) || FORBIDDEN.test(message)) {
      this.setState("not_installed", message);
      this.failQueue(new HostError("host_not_installed", message));
      // Check again now and then: the person may run the install command.
      delay = Math.min(60000, 5000 * Math.min(this.failures, 12));
    } else {
      this.setState("reconnecting", message);
      const base = Math.min(30000, 200 * 2 ** Math.min(this.failures - 1, 8));
      delay = Math.round(base * (0.8 + Math.random() * 0.4));
    }
    clearTimeout(this.reconnectTimer);
    if (this.closed) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  /** Stop for good: no port, no timers, every waiting request failed. */
  close() {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const err = new HostError("closed", "the connection was closed");
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err);
      this.pending.delete(id);
    }
    this.failQueue(err);
    this.disconnect();
  }

  /** Reconnect now (the popup's "retry"). */
  retry() {
    this.failures = 0;
    this.disconnect();
    this.connect();
  }

  newId() {
    const id = `r-${this.nextId}`;
    this.nextId += 1;
    return id;
  }

  sendRaw(msg) {
    try {
      this.port.postMessage(msg);
    } catch (err) {
      // "Attempting to use a disconnected port object".
      this.handleDisconnect(String((err && err.message) || err));
    }
  }

  track(id, type, timeoutMs) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new HostError("timeout", `no reply to ${type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer, type });
    });
  }

  handleMessage(msg) {
    if (!msg || typeof msg !== "object") return;
    if (msg.id === undefined || msg.id === null) {
      if (msg.type === "event") {
        this.onEvent(msg);
        if (msg.event === "settings_changed" && this.hello) {
          // A problem found after hello (or its end) must reach the popup too (audit B15).
          this.hello.settings_problem = msg.settings_problem || null;
          if (msg.settings && msg.settings.fail_mode) this.hello.fail_mode = msg.settings.fail_mode;
          this.setState(this.state, this.detail);
        }
      }
      return;
    }
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.ok) p.resolve(msg.result || {});
    else {
      const e = msg.error || {};
      p.reject(new HostError(e.code || "error", e.message || "host error", e.details));
    }
  }

  /**
   * Send a request; resolves with the reply's result, rejects with a HostError.
   * @param {string} type
   * @param {object} payload  fields go top-level in the envelope
   * @param {{timeout?: number}} opts
   */
  request(type, payload = {}, opts = {}) {
    const timeout = opts.timeout || 5000;
    if (this.state === "not_installed" || this.state === "version_mismatch") {
      // The error is decided before connect(), which moves the state on to "connecting".
      const err = new HostError(this.state === "not_installed" ? "host_not_installed" : "version_mismatch", this.detail);
      if (this.state === "not_installed" && !this.port && !this.reconnectTimer) this.connect();
      return Promise.reject(err);
    }
    if (this.state !== "connected") {
      this.connect();
      // connectNative can fail at once (host not registered): say so now, not at the timeout.
      if (this.state === "not_installed") return Promise.reject(new HostError("host_not_installed", this.detail));
      return new Promise((resolve, reject) => {
        const item = { type, payload, timeout, resolve, reject };
        item.timer = setTimeout(() => {
          this.queue = this.queue.filter((q) => q !== item);
          reject(new HostError("timeout", `host not reachable within ${timeout} ms (${this.state})`));
        }, timeout);
        this.queue.push(item);
      });
    }
    const id = this.newId();
    const promise = this.track(id, type, timeout);
    this.sendRaw({ ...payload, id, type });
    return promise;
  }

  flushQueue() {
    const items = this.queue;
    this.queue = [];
    for (const item of items) {
      clearTimeout(item.timer);
      this.request(item.type, item.payload, { timeout: item.timeout }).then(item.resolve, item.reject);
    }
  }

  failQueue(err) {
    const items = this.queue;
    this.queue = [];
    for (const item of items) {
      clearTimeout(item.timer);
      item.reject(err);
    }
  }
}

if (typeof module === "object" && module.exports) module.exports = { NativeHost, HostError, HOST_NAME, PROTOCOL_VERSION, INSTALL_COMMAND, compareVersions };
