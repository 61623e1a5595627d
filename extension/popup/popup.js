/*
 * The toolbar popup: connection status (with the exact install command when
 * the host is missing), this tab's warnings — or "Not checked" when the
 * guard could not check the page, never "nothing to warn about" then —,
 * turning a rule off (with undo; a LinkedIn page cannot), pause for 10
 * minutes, rules that still need setup, and the way to the warning log and
 * settings (the local dashboard, opened by the host; when it cannot open, the
 * latest log entries are listed here).
 * Everything is built with textContent: log entries hold page text.
 */
/* global i18n, pages */
"use strict";

const $ = (id) => document.getElementById(id);
const ask = (type, payload) => pages.ask(type, payload);

function li(className, attrs, children) {
  const el = document.createElement("li");
  if (className) el.className = className;
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  for (const c of children) el.appendChild(c);
  return el;
}

function span(className, text) {
  const el = document.createElement("span");
  if (className) el.className = className;
  el.textContent = text;
  return el;
}

async function currentTabId() {
  const fromQuery = new URLSearchParams(location.search).get("tab");
  if (fromQuery) return Number(fromQuery);
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab ? tab.id : null;
}

function renderStatus(s) {
  const box = $("status");
  box.dataset.state = s.state;
  const key = `state_${s.state}`;
  $("status-text").textContent = i18n.msg(key) || s.state;
  $("install").hidden = s.state !== "not_installed";
  $("install-command").textContent = s.install_command || "linkedin-guard install";
  $("retry").hidden = s.state === "connected" || s.state === "connecting";
  $("status-detail").textContent = s.state === "connected" ? "" : s.detail || "";
  // From hello and from every settings_changed event (the file can turn invalid later).
  $("settings-problem").hidden = !s.settings_problem;
  $("settings-problem").textContent = s.settings_problem ? i18n.msg("popup_settings_problem", [String(s.settings_problem)]) : "";
  // The organisation's layer refused by the host (its previous layer, if any, stays) or managed.json unusable.
  $("managed-problem").hidden = !s.managed_problem;
  $("managed-problem").textContent = s.managed_problem ? i18n.msg("managed_problem", [String(s.managed_problem)]) : "";
  if (s.version_notice) $("status-detail").textContent = String(s.version_notice);
  $("versions").textContent = `v${s.extension_version}${s.host_version ? ` · ${i18n.msg("popup_host_version")} ${s.host_version}` : ""}`;
  const pausedUntil = s.paused_until;
  $("pause").hidden = Boolean(pausedUntil);
  $("resume").hidden = !pausedUntil;
  if (pausedUntil) {
    const time = new Date(pausedUntil).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    $("status-text").textContent = i18n.msg("popup_paused_until", [time]);
    box.dataset.paused = "true";
  } else delete box.dataset.paused;
}

function turnOffButton(rule) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "turn-off";
  button.textContent = i18n.msg("popup_turn_off");
  button.setAttribute("aria-label", i18n.msg("popup_turn_off_label", [rule]));
  button.addEventListener("click", () => pages.setRule(rule, false, $("rule-status")));
  return button;
}

let shownSignature = null;
async function renderPageWarnings() {
  const tabId = await currentTabId();
  const reply = tabId === null ? null : await ask("tab_warnings", { tab_id: tabId });
  const result = reply && reply.ok ? reply.result : {};
  const warnings = result.warnings || [];
  let empty = "popup_not_linkedin";
  const unreadable = Array.isArray(result.unreadable) ? result.unreadable : [];
  if (result.url) empty = result.not_checked ? (unreadable.length ? "popup_not_checked_page" : "popup_not_checked_host") : "popup_no_warnings";
  // Rebuilt only when something changed: a refresh must not take keyboard focus away.
  const signature = JSON.stringify([warnings.map((w) => [w.id, w.rule, w.title, w.severity]), empty, unreadable, Boolean(result.url)]);
  if (signature === shownSignature) return;
  shownSignature = signature;
  const list = $("page-warnings");
  list.replaceChildren();
  const offered = new Set();
  for (const w of warnings) {
    const children = [span("rule", w.rule), span("", w.title)];
    if (!offered.has(w.rule)) {
      offered.add(w.rule);
      children.push(document.createTextNode(" "), turnOffButton(w.rule));
    }
    list.appendChild(li("", { "data-guard-rule": w.rule, "data-severity": w.severity }, children));
  }
  $("page-empty").hidden = warnings.length > 0 && !result.not_checked;
  $("page-empty").textContent = i18n.msg(empty);
  $("page-empty").dataset.state = result.url && result.not_checked ? "not_checked" : "";
  renderUnreadable(unreadable, Boolean(result.url));
}

async function renderSetupNeeded() {
  const reply = await ask("get_rules");
  if (!reply.ok) return;
  const count = (reply.result.rules || []).filter((r) => r.enabled && r.setup === "needs_setup").length;
  // The link to the setup page is always there; the count only when some rule cannot warn yet.
  $("setup-needed").dataset.count = String(count);
  $("setup-needed-text").textContent = count ? i18n.msg("popup_setup_needed", [String(count)]) : "";
}

/** "The guard can't read this page": one line naming each surface, and the way to report it. */
function renderUnreadable(surfaces, onLinkedIn) {
  const list = $("page-unreadable");
  list.replaceChildren();
  for (const surface of surfaces) {
    list.appendChild(li("unreadable", { "data-unreadable": surface }, [span("", i18n.msg(`popup_unreadable_${surface}`))]));
  }
  list.hidden = surfaces.length === 0;
  if (surfaces.length) $("page-empty").hidden = true;
  $("structure").hidden = !onLinkedIn;
}

$("save-structure").addEventListener("click", async () => {
  const out = $("structure-result");
  const tabId = await currentTabId();
  const reply = await ask("save_page_structure", { tab_id: tabId });
  out.hidden = false;
  out.textContent = reply.ok ? i18n.msg("popup_structure_saved", [reply.result.path]) : reply.error.message;
  out.dataset.saved = reply.ok ? "true" : "false";
});

async function renderRecent(note) {
  const reply = await ask("get_log", { limit: 5 });
  const section = $("recent");
  if (!reply.ok) {
    if (note) {
      section.hidden = false;
      $("recent-note").textContent = `${i18n.msg("popup_dashboard_unavailable")} (${reply.error.message})`;
    }
    return;
  }
  section.hidden = false;
  $("recent-note").textContent = note ? i18n.msg("popup_dashboard_unavailable") : "";
  const list = $("recent-list");
  list.replaceChildren();
  const entries = reply.result.entries || [];
  for (const e of entries) {
    const when = e.created_at ? new Date(e.created_at).toLocaleString() : "";
    list.appendChild(
      li("", { "data-guard-rule": e.rule, "data-log-id": String(e.id) }, [span("rule", e.rule), span("", `${e.subject || e.kind} `), span("muted", when)])
    );
  }
  if (!entries.length) list.appendChild(li("", {}, [span("muted", i18n.msg("popup_log_empty"))]));
}

async function openDashboard(page) {
  const reply = await ask("open_dashboard", { page });
  if (reply.ok) {
    window.close();
    return;
  }
  await renderRecent(true);
}

// Firefox treats MV3 host permissions as optional: ask at runtime, from a
// click (permissions.request needs a user gesture).
const LINKEDIN = { origins: ["https://www.linkedin.com/*"] };
async function renderGrant() {
  if (!chrome.permissions) return;
  const has = await chrome.permissions.contains(LINKEDIN).catch(() => true);
  $("grant").hidden = has;
}
$("grant-button").addEventListener("click", async () => {
  await chrome.permissions.request(LINKEDIN).catch(() => false);
  renderGrant();
});

let setupChecked = false;
async function refresh() {
  renderGrant();
  const reply = await ask("status");
  if (reply.ok) {
    renderStatus(reply.result);
    if (reply.result.state === "connected") renderRecent(false);
    if (reply.result.state === "connected" && !setupChecked) {
      setupChecked = true;
      renderSetupNeeded();
    }
  }
  await renderPageWarnings();
}

$("retry").addEventListener("click", async () => {
  const reply = await ask("reconnect");
  if (reply.ok) renderStatus(reply.result);
  setTimeout(refresh, 400);
});
$("pause").addEventListener("click", async () => {
  await ask("pause", { minutes: 10 });
  refresh();
});
$("resume").addEventListener("click", async () => {
  await ask("resume");
  refresh();
});
$("open-log").addEventListener("click", () => openDashboard("log"));
$("open-settings").addEventListener("click", () => openDashboard("settings"));

refresh();
// The state can change while the popup is open (connecting -> connected).
setInterval(refresh, 1500);
