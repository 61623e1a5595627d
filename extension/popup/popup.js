/*
 * The toolbar popup: connection status (with the exact install command when
 * the host is missing), this tab's warnings, pause for 10 minutes, and the
 * way to the warning log and settings (the local dashboard, opened by the
 * host; when it cannot open, the latest log entries are listed here).
 * Everything is built with textContent: log entries hold page text.
 */
/* global i18n */
"use strict";

const $ = (id) => document.getElementById(id);

function ask(type, payload = {}) {
  return chrome.runtime.sendMessage({ type, ...payload }).catch((err) => ({ ok: false, error: { code: "error", message: String(err) } }));
}

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
  if (s.settings_problem) $("status-detail").textContent = String(s.settings_problem);
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

async function renderPageWarnings() {
  const tabId = await currentTabId();
  const list = $("page-warnings");
  list.replaceChildren();
  const reply = tabId === null ? null : await ask("tab_warnings", { tab_id: tabId });
  const warnings = reply && reply.ok ? reply.result.warnings : [];
  const onLinkedIn = reply && reply.ok && reply.result.url;
  for (const w of warnings) {
    list.appendChild(li("", { "data-guard-rule": w.rule, "data-severity": w.severity }, [span("rule", w.rule), span("", w.title)]));
  }
  $("page-empty").hidden = warnings.length > 0;
  $("page-empty").textContent = i18n.msg(onLinkedIn ? "popup_no_warnings" : "popup_not_linkedin");
  renderUnreadable(reply && reply.ok ? reply.result.unreadable || [] : [], Boolean(onLinkedIn));
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

async function refresh() {
  renderGrant();
  const reply = await ask("status");
  if (reply.ok) {
    renderStatus(reply.result);
    if (reply.result.state === "connected") renderRecent(false);
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
