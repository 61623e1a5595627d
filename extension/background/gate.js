/*
 * The one message gate of the background (the shape of
 * EFForg/privacybadger: src/js/webrequest.js, branch mv3-chrome): a handler
 * table keyed by message type, an allow-list per kind of sender, and the
 * sender checked before any handler runs.
 *
 * Senders:
 *   content   a content script in the top frame of https://www.linkedin.com/
 *   extension our own pages (popup, options), served from our origin
 * Anything else (another extension, a web page through externally_connectable,
 * a LinkedIn iframe) is refused.
 */
/* exported MessageGate, classifySender */
"use strict";

const LINKEDIN_ORIGIN = "https://www.linkedin.com";

/** The URL's origin, or null when it is not a URL (never a prefix test: https://www.linkedin.com.evil.example). */
function originOf(url) {
  try {
    const u = new URL(String(url));
    // chrome-extension:// and moz-extension:// URLs have an opaque origin ("null") in some engines.
    return u.origin && u.origin !== "null" ? u.origin : `${u.protocol}//${u.host}`;
  } catch (_e) {
    return null;
  }
}

function classifySender(sender, runtimeId, extensionOrigin) {
  if (!sender || sender.id !== runtimeId) return null;
  const origin = originOf(sender.url || "");
  if (!origin) return null;
  if (origin === originOf(extensionOrigin)) return "extension";
  if (!sender.tab || typeof sender.tab.id !== "number") return null;
  // Exactly LinkedIn's origin: same scheme, host and (default) port.
  if (origin !== LINKEDIN_ORIGIN) return null;
  if (sender.frameId !== undefined && sender.frameId !== 0) return null;
  return "content";
}

class MessageGate {
  /**
   * @param {{[type: string]: {from: string[], handle: (msg, sender) => Promise<object>|object}}} table
   */
  constructor(table, runtimeId, extensionOrigin) {
    this.table = table;
    this.runtimeId = runtimeId;
    this.extensionOrigin = extensionOrigin;
  }

  /** Returns a promise of the reply; refusals are replies too ({ok: false}). */
  async dispatch(msg, sender) {
    const kind = classifySender(sender, this.runtimeId, this.extensionOrigin);
    if (!kind) return { ok: false, error: { code: "forbidden_sender", message: "sender not allowed" } };
    if (!msg || typeof msg !== "object" || typeof msg.type !== "string") {
      return { ok: false, error: { code: "invalid_request", message: "a message needs a string type" } };
    }
    const entry = Object.prototype.hasOwnProperty.call(this.table, msg.type) ? this.table[msg.type] : null;
    if (!entry) return { ok: false, error: { code: "unknown_type", message: `unknown type ${msg.type}` } };
    if (!entry.from.includes(kind)) {
      return { ok: false, error: { code: "forbidden_type", message: `${msg.type} is not allowed from ${kind}` } };
    }
    try {
      const result = await entry.handle(msg, sender, kind);
      return { ok: true, result: result === undefined ? {} : result };
    } catch (err) {
      return {
        ok: false,
        error: { code: (err && err.code) || "error", message: String((err && err.message) || err), details: (err && err.details) || null },
      };
    }
  }

  /** Wire into chrome.runtime.onMessage (returns true: the reply is async). */
  listener() {
    return (msg, sender, sendResponse) => {
      this.dispatch(msg, sender).then(sendResponse, (err) =>
        sendResponse({ ok: false, error: { code: "error", message: String(err) } })
      );
      return true;
    };
  }
}

if (typeof module === "object" && module.exports) module.exports = { MessageGate, classifySender, LINKEDIN_ORIGIN };
