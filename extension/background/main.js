/*
 * The background: all extension state lives here. Content scripts extract
 * and show; the host decides; this file connects the two through the one
 * message gate (gate.js) and the one native port (native-port.js).
 */
/* global NativeHost, TabState, MessageGate, INSTALL_COMMAND */
"use strict";

const RULE_ID = /^LG\d{3}$/;
const DECISIONS = new Set(["dismissed", "proceeded", "cancelled", "fixed", "not_applicable"]);
const REASON_KINDS = new Set(["not_a_pitch", "asked_for_it"]);
// What a LinkedIn page can make the extension do is rate-limited per tab: its
// scripts can fake DOM changes, navigations (pushState) and clicks.
const DASHBOARD_EVERY_MS = 5000; // one dashboard tab per tab per 5 s (the content script asks only after a trusted click)
const LOG_BUDGET_PER_MINUTE = 12; // distinct warnings per tab per minute that may become log entries
const DASHBOARD_PAGES = new Set(["log", "settings", "rules", "chart", "audit", "consent"]);
const PAUSE_MINUTES = 10;
const api = globalThis.chrome;

const tabState = new TabState(api.storage && api.storage.session);
let failMode = "open";
let pausedUntil = 0;
// The latest word on the settings file: from hello, then from every
// settings_changed event (a file that turns invalid later must reach the popup too).
let settingsProblem = null;

const host = new NativeHost({
  helloPayload: () => ({ extension_version: api.runtime.getManifest().version }),
  onEvent: (msg) => {
    if (msg.event === "settings_changed") {
      settingsProblem = msg.settings_problem || null;
      managedProblem = msg.managed_problem || null; // the host's word: a refused layer or an unusable managed.json
      if (msg.settings && msg.settings.fail_mode) setFailMode(msg.settings.fail_mode);
      broadcast({ type: "reevaluate", reason: "settings_changed" });
    }
  },
  onState: (snap) => {
    if (snap.fail_mode) setFailMode(snap.fail_mode);
    if (snap.state === "connected") {
      settingsProblem = snap.settings_problem || null;
      relayManaged();
      broadcast({ type: "reevaluate", reason: "connected" });
    }
    for (const id of tabState.tabIds()) updateBadge(id);
    if (!tabState.tabIds().length) updateBadge(null);
  },
});

function setFailMode(mode) {
  if (mode !== "open" && mode !== "closed") return;
  failMode = mode;
  api.storage.local.set({ fail_mode: mode }).catch(() => {});
}

const ready = (async () => {
  try {
    const saved = await api.storage.local.get(["fail_mode", "paused_until"]);
    if (saved.fail_mode) failMode = saved.fail_mode;
    pausedUntil = Number(saved.paused_until || 0);
  } catch (_e) {
    /* defaults */
  }
  await tabState.load();
})();

function paused() {
  return pausedUntil > Date.now();
}

function hostProblem() {
  return host.state === "not_installed" || host.state === "version_mismatch" || host.state === "reconnecting";
}

function updateBadge(tabId) {
  if (!api.action) return;
  const b = tabId === null ? { text: "", color: "#0a66c2" } : tabState.badge(tabId);
  let text = b.text;
  let color = b.color;
  if (paused()) {
    text = "II";
    color = "#666666";
  } else if ((!text || b.unreadable) && hostProblem()) {
    // The host being unreachable outranks "cannot read this page".
    text = "!";
    color = "#666666";
  } else if (!text && tabId !== null && tabState.notChecked(tabId, false)) {
    // A LinkedIn page the guard could not check: never the empty "all clear" badge.
    text = "?";
    color = "#666666";
  }
  const where = tabId === null ? {} : { tabId };
  const notChecked = text === "?" || text === "!";
  const title = `${api.i18n.getMessage("actionTitle")}${notChecked ? ` — ${api.i18n.getMessage("popup_not_checked")}` : ""}`;
  if (api.action.setTitle) api.action.setTitle({ ...where, title }).catch(() => {});
  api.action.setBadgeText({ ...where, text }).catch(() => {});
  api.action.setBadgeBackgroundColor({ ...where, color }).catch(() => {});
}

function broadcast(msg) {
  for (const tabId of tabState.tabIds()) {
    api.tabs.sendMessage(tabId, msg).catch(() => {
      /* tab gone or no content script: forget it */
    });
  }
}

function hostStatus() {
  return {
    ...host.snapshot(),
    install_command: INSTALL_COMMAND,
    fail_mode: failMode,
    paused_until: paused() ? pausedUntil : null,
    settings_problem: settingsProblem,
    extension_version: api.runtime.getManifest().version,
    managed_problem: managedProblem,
  };
}

// ---------------------------------------------------------------- checks

function requireString(value, name, max = 2000) {
  if (typeof value !== "string" || !value || value.length > max) {
    const err = new Error(`${name} must be a non-empty string`);
    err.code = "invalid_request";
    throw err;
  }
  return value;
}

function checkContext(ctx, sender) {
  if (!ctx || typeof ctx !== "object" || Array.isArray(ctx)) {
    const err = new Error("context must be an object");
    err.code = "invalid_request";
    throw err;
  }
  requireString(ctx.kind, "context.kind", 40);
  requireString(ctx.url, "context.url");
  // A content script may only speak about the page it runs on.
  if (new URL(ctx.url).origin !== new URL(sender.url).origin) {
    const err = new Error("context.url is not the sender's page");
    err.code = "forbidden_sender";
    throw err;
  }
}

// -------------------------------------------------------------- handlers

// ----------------------------------------------------------- rate limits

const pageBudget = new Map(); // tabId -> {warnings: Map(id -> first seen ms), dashboardAt: ms}

function budgetOf(tabId) {
  let b = pageBudget.get(tabId);
  if (!b) {
    b = { warnings: new Map(), dashboardAt: 0 };
    pageBudget.set(tabId, b);
  }
  return b;
}

/**
 * Whether the host may log what this evaluation finds. A page that churns
 * page sessions or subjects (audit A3.9: 20 pushState calls, 20 entries)
 * gets LOG_BUDGET_PER_MINUTE distinct warnings a minute; past that the host
 * still judges and the page still warns, but nothing new is written — except
 * when the person is about to send (trigger "submit" follows a trusted click
 * or Enter), whose decision needs its entry.
 */
function mayLog(tabId, trigger, now = Date.now()) {
  if (trigger === "submit") return true;
  const seen = budgetOf(tabId).warnings;
  for (const [id, at] of seen) if (now - at > 60000) seen.delete(id);
  return seen.size < LOG_BUDGET_PER_MINUTE;
}

function spendLogBudget(tabId, warnings, now = Date.now()) {
  const seen = budgetOf(tabId).warnings;
  for (const w of warnings) if (w && typeof w.id === "string" && !seen.has(w.id)) seen.set(w.id, now);
}

async function evaluate(msg, sender) {
  await ready;
  const tabId = sender.tab.id;
  const surface = requireString(msg.surface, "surface", 200);
  const ctx = msg.context;
  checkContext(ctx, sender);
  if (paused()) {
    tabState.setSurface(tabId, ctx.page_session, ctx.url, surface, [], false);
    updateBadge(tabId);
    return { paused: true, paused_until: pausedUntil, warnings: [], state: host.state, fail_mode: failMode };
  }
  try {
    const payload = { context: ctx };
    if (!mayLog(tabId, ctx.trigger)) payload.record = false;
    const result = await host.request("evaluate", payload, { timeout: 4000 });
    const warnings = Array.isArray(result.warnings) ? result.warnings : [];
    if (payload.record !== false) spendLogBudget(tabId, warnings);
    const kept = tabState.setSurface(tabId, ctx.page_session, ctx.url, surface, warnings, false);
    updateBadge(tabId);
    return { warnings: kept, state: host.state, fail_mode: failMode };
  } catch (err) {
    tabState.setSurface(tabId, ctx.page_session, ctx.url, surface, [], true);
    updateBadge(tabId);
    return { warnings: [], offline: true, error: err.code || "error", state: host.state, fail_mode: failMode };
  }
}

async function decide(msg, sender) {
  requireString(msg.warning_id, "warning_id", 200);
  if (!DECISIONS.has(msg.decision)) {
    const err = new Error("decision must be one of dismissed, proceeded, cancelled, fixed, not_applicable");
    err.code = "invalid_request";
    throw err;
  }
  if (msg.reason_kind !== undefined && msg.reason_kind !== null && !(msg.decision === "not_applicable" && REASON_KINDS.has(msg.reason_kind))) {
    const err = new Error("reason_kind must be not_a_pitch or asked_for_it, with decision not_applicable");
    err.code = "invalid_request";
    throw err;
  }
  if (sender.tab && msg.decision === "dismissed") {
    tabState.dismiss(sender.tab.id, msg.warning_id);
    updateBadge(sender.tab.id);
  }
  const payload = { warning_id: msg.warning_id, decision: msg.decision };
  if (typeof msg.justification === "string" && msg.justification.trim()) payload.justification = msg.justification.slice(0, 2000);
  if (typeof msg.page_session === "string") payload.page_session = msg.page_session.slice(0, 200);
  if (msg.reason_kind) payload.reason_kind = msg.reason_kind;
  return host.request("decide", payload, { timeout: 4000 });
}

async function setRuleEnabled(msg) {
  const rule = requireString(msg.rule, "rule", 10);
  if (!RULE_ID.test(rule)) {
    const err = new Error("rule must look like LG201");
    err.code = "invalid_request";
    throw err;
  }
  return patchSettings({ patch: { rules: { [rule]: { enabled: Boolean(msg.enabled) } } } });
}

/**
 * Change part of the settings. The host applies the patch to the file as it
 * is, under a lock: reading here and writing back (get_settings, then
 * set_settings) lost one of two quick clicks.
 */
async function patchSettings(msg) {
  const patch = msg.patch;
  if (!patch || typeof patch !== "object" || Array.isArray(patch)) {
    const err = new Error("patch must be an object (a JSON merge patch of the settings)");
    err.code = "invalid_request";
    throw err;
  }
  const result = await host.request("patch_settings", { patch }, { timeout: 5000 });
  broadcast({ type: "reevaluate", reason: "settings_patched" });
  return result;
}

async function openDashboard(msg, sender, kind) {
  if (kind === "content") {
    // A LinkedIn page asks only from a trusted click on "Learn more"; still,
    // at most one dashboard tab per tab every few seconds (audit A3.8).
    const b = budgetOf(sender.tab.id);
    const now = Date.now();
    if (now - b.dashboardAt < DASHBOARD_EVERY_MS) {
      const err = new Error("the dashboard was opened from this tab a moment ago");
      err.code = "rate_limited";
      throw err;
    }
    b.dashboardAt = now;
  }
  const page = DASHBOARD_PAGES.has(msg.page) ? msg.page : "log";
  const payload = { page };
  if (typeof msg.rule === "string" && RULE_ID.test(msg.rule)) payload.rule = msg.rule;
  const result = await host.request("open_dashboard", payload, { timeout: 8000 });
  const url = String(result.url || "");
  // Only ever open the local dashboard.
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url)) {
    const err = new Error("the host returned a dashboard URL that is not on this machine");
    err.code = "invalid_reply";
    throw err;
  }
  await api.tabs.create({ url });
  return { url };
}

let localeCache = null;
async function uiStrings(msg) {
  if (!localeCache) {
    localeCache = {};
    for (const lang of ["en", "nl"]) {
      const res = await fetch(api.runtime.getURL(`_locales/${lang}/messages.json`));
      const data = await res.json();
      localeCache[lang] = {};
      for (const [key, value] of Object.entries(data)) if (key.startsWith("page_")) localeCache[lang][key] = value.message;
    }
  }
  const lang = msg.lang === "nl" ? "nl" : "en";
  return { lang, strings: localeCache[lang] };
}

async function pause(msg) {
  const minutes = Number(msg.minutes) > 0 && Number(msg.minutes) <= 24 * 60 ? Number(msg.minutes) : PAUSE_MINUTES;
  pausedUntil = Date.now() + minutes * 60000;
  await api.storage.local.set({ paused_until: pausedUntil });
  for (const id of tabState.tabIds()) {
    const t = tabState.tab(id);
    t.surfaces = {};
    updateBadge(id);
  }
  broadcast({ type: "paused", until: pausedUntil });
  return { paused_until: pausedUntil };
}

async function resume() {
  pausedUntil = 0;
  await api.storage.local.set({ paused_until: 0 });
  for (const id of tabState.tabIds()) updateBadge(id);
  broadcast({ type: "reevaluate", reason: "resumed" });
  return {};
}

// --------------------------------------------------- page health (issue 8)

const PAGE_TYPES = new Set(["otw_form", "position_form", "invite", "messaging", "connections", "profile", "feed", "other"]);

/** The content script cannot read a surface it should: badge, popup line, and a count in the host's log (names only). */
async function pageHealth(msg, sender) {
  await ready;
  const tabId = sender.tab.id;
  const fresh = tabState.setUnreadable(tabId, typeof msg.page_session === "string" ? msg.page_session : "", msg.surfaces);
  updateBadge(tabId);
  if (fresh && fresh.length && PAGE_TYPES.has(msg.page_type)) {
    const payload = {
      surfaces: fresh,
      page_type: msg.page_type,
      frontend: ["ember", "react"].includes(msg.frontend) ? msg.frontend : "unknown",
      extension_version: api.runtime.getManifest().version,
    };
    host.request("unreadable_page", payload, { timeout: 4000 }).catch(() => {
      /* the badge and popup still say it; the count is best effort */
    });
  }
  return { unreadable: tabState.unreadable(tabId) };
}

/** The popup's "Save page structure": the tab's sanitized skeleton, written by the host into the guard home. */
async function savePageStructure(msg) {
  const tabId = Number(msg.tab_id);
  const tab = await api.tabs.get(tabId);
  if (!tab || !/^https:\/\/www\.linkedin\.com\//.test(tab.url || "")) {
    const err = new Error("this tab is not a LinkedIn page");
    err.code = "invalid_request";
    throw err;
  }
  const got = await api.tabs.sendMessage(tabId, { type: "skeleton_of_page" }, { frameId: 0 });
  if (!got || typeof got.skeleton !== "string") {
    const err = new Error("the page did not answer (reload it and try again)");
    err.code = "unavailable";
    throw err;
  }
  const pageType = PAGE_TYPES.has(got.page_type) ? got.page_type : "other";
  return host.request("save_page_structure", { skeleton: got.skeleton, page_type: pageType }, { timeout: 10000 });
}

const handlers = {
  evaluate: { from: ["content"], handle: evaluate },
  decide: { from: ["content", "extension"], handle: decide },
  surface_gone: {
    from: ["content"],
    handle: (msg, sender) => {
      tabState.dropSurface(sender.tab.id, String(msg.surface || ""));
      updateBadge(sender.tab.id);
      return {};
    },
  },
  new_page: {
    from: ["content"],
    handle: async (msg, sender) => {
      await ready;
      tabState.reset(sender.tab.id, String(msg.page_session || ""), sender.url);
      updateBadge(sender.tab.id);
      return { paused_until: paused() ? pausedUntil : null, fail_mode: failMode };
    },
  },
  // Settings change only from the extension's own pages: nothing a LinkedIn page can click.
  set_rule_enabled: { from: ["extension"], handle: setRuleEnabled },
  open_dashboard: { from: ["content", "extension"], handle: openDashboard },
  ui_strings: { from: ["content", "extension"], handle: uiStrings },
  status: {
    from: ["content", "extension"],
    handle: async () => {
      await ready;
      if (host.state === "idle") host.connect();
      return hostStatus();
    },
  },
  tab_warnings: {
    from: ["extension"],
    handle: async (msg) => {
      await ready;
      const tabId = Number(msg.tab_id);
      const t = tabState.tabs.get(tabId);
      return {
        warnings: tabState.warnings(tabId),
        url: t ? t.url : null,
        offline: t ? t.offline : false,
        not_checked: t ? tabState.notChecked(tabId, hostProblem()) : false,
        // The surfaces the guard cannot read here (names only; [] when it reads everything).
        unreadable: tabState.unreadable(tabId),
      };
    },
  },
  get_log: {
    from: ["extension"],
    handle: (msg) => {
      const payload = { limit: Math.max(1, Math.min(100, Number(msg.limit) || 10)) };
      if (msg.before_id) payload.before_id = msg.before_id;
      if (typeof msg.rule === "string" && RULE_ID.test(msg.rule)) payload.rule = msg.rule;
      return host.request("get_log", payload, { timeout: 5000 });
    },
  },
  get_settings: { from: ["extension"], handle: () => host.request("get_settings", {}, { timeout: 5000 }) },
  get_rules: { from: ["extension"], handle: () => host.request("get_rules", {}, { timeout: 5000 }) },
  patch_settings: { from: ["extension"], handle: patchSettings },
  set_settings: {
    from: ["extension"],
    handle: (msg) => host.request("set_settings", { settings: msg.settings }, { timeout: 5000 }),
  },
  unreadable_page: { from: ["content"], handle: pageHealth },
  save_page_structure: { from: ["extension"], handle: savePageStructure },
  pause: { from: ["extension"], handle: pause },
  resume: { from: ["extension"], handle: resume },
  reconnect: {
    from: ["extension"],
    handle: () => {
      host.retry();
      return hostStatus();
    },
  },
};

const gate = new MessageGate(handlers, api.runtime.id, api.runtime.getURL(""));
api.runtime.onMessage.addListener(gate.listener());

api.tabs.onRemoved.addListener((tabId) => {
  tabState.forget(tabId);
  pageBudget.delete(tabId);
});

// ------------------------------------------------- the organisation's layer

// Enterprise policy (storage.managed, extension/managed_schema.json) reaches
// the host on every connect and on every change; the host re-validates it and
// keeps it as managed.json, so the CLI and the dashboard enforce it too. No
// policy (Firefox throws when there is none) relays null: the layer goes.
async function readManaged() {
  if (!api.storage || !api.storage.managed) return null;
  let data;
  try {
    data = await api.storage.managed.get(null);
  } catch (_e) {
    return null;
  }
  const layer = {};
  for (const key of ["defaults", "locked"]) {
    const value = data && data[key];
    if (value && typeof value === "object" && !Array.isArray(value)) layer[key] = value;
  }
  return Object.keys(layer).length ? layer : null;
}

// Why the organisation's layer does not apply (null when it does): shown in the
// popup and the options page as "Your organisation's guard settings could not be applied: …".
let managedProblem = null;
async function relayManaged() {
  const layer = await readManaged();
  try {
    const result = await host.request("set_managed", { managed: layer }, { timeout: 8000 });
    managedProblem = (result && result.managed_problem) || null;
  } catch (err) {
    // A policy the host refuses (invalid_managed names each bad path), or an older host (unknown_type).
    managedProblem = String((err && err.message) || err).slice(0, 2000);
  }
}

if (api.storage && api.storage.onChanged) {
  api.storage.onChanged.addListener((_changes, area) => {
    if (area === "managed") relayManaged();
  });
}

// First run: a page that welcomes the person and asks what the rules need.
// Not when the settings already give every rule what it needs (an
// organisation's or a re-install's settings): nothing to ask then. When the
// host cannot answer, the page opens and shows how to install it.
// Registered at the top level: an MV3 worker must add listeners synchronously.
api.runtime.onInstalled.addListener((details) => {
  if (!details || details.reason !== "install") return;
  host
    .request("get_rules", {}, { timeout: 8000 })
    .then((r) => (r.rules || []).some((rule) => rule.enabled && rule.setup === "needs_setup"), () => true)
    .then((needed) => (needed ? api.tabs.create({ url: api.runtime.getURL("welcome/welcome.html") }) : null))
    .catch(() => {});
});

// Connect at start so the popup knows the host's state at once.
host.connect();

// For tests and debugging from the service worker console.
globalThis.linkedinGuard = { host, tabState, status: hostStatus, gate, setFailMode, pageBudget, relayManaged };
