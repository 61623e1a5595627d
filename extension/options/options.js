/*
 * The options page: the way to the dashboard's settings, log and rule
 * catalogue (the host opens it), plus a quick on/off per rule through
 * get_settings/set_settings (validated by the host exactly like the dashboard).
 */
/* global i18n */
"use strict";

const $ = (id) => document.getElementById(id);

function ask(type, payload = {}) {
  return chrome.runtime.sendMessage({ type, ...payload }).catch((err) => ({ ok: false, error: { code: "error", message: String(err) } }));
}

async function openPage(page) {
  $("open-error").textContent = "";
  const reply = await ask("open_dashboard", { page });
  if (!reply.ok) $("open-error").textContent = reply.error.message;
}

function renderStatus(s) {
  $("status").dataset.state = s.state;
  $("status-text").textContent = i18n.msg(`state_${s.state}`) || s.state;
  $("install").hidden = s.state !== "not_installed";
  $("install-command").textContent = s.install_command || "linkedin-guard install";
  $("status-detail").textContent = s.state === "connected" ? "" : s.detail || "";
}

async function renderRules(ruleIds) {
  const reply = await ask("get_settings");
  const list = $("rules");
  list.replaceChildren();
  if (!reply.ok) return;
  const settings = reply.result.settings || {};
  for (const id of ruleIds) {
    const item = document.createElement("li");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.id = `rule-${id}`;
    box.dataset.rule = id;
    const rs = (settings.rules || {})[id];
    box.checked = !rs || rs.enabled !== false;
    const label = document.createElement("label");
    label.htmlFor = box.id;
    label.textContent = `${id} — ${i18n.msg("options_rule_enabled")}`;
    markLocked(box, label, `rules.${id}.enabled`, reply.result.managed);
    box.addEventListener("change", async () => {
      const r = await ask("set_rule_enabled", { rule: id, enabled: box.checked });
      $("rules-status").textContent = r.ok ? i18n.msg("options_saved") : i18n.msg("options_error", [r.error.message]);
      if (!r.ok) box.checked = !box.checked;
    });
    item.appendChild(box);
    item.appendChild(label);
    list.appendChild(item);
  }
}

// A value the organisation locked: shown as in force, disabled, "set by your organisation".
function markLocked(control, label, path, managed) {
  if (!managed || !(managed.locked_paths || []).includes(path)) return;
  const value = path.split(".").reduce((node, key) => (node === null || node === undefined ? node : node[key]), managed.effective);
  if (control.type === "checkbox") control.checked = value !== false;
  else if (value !== null && value !== undefined) control.value = String(value);
  control.disabled = true;
  control.dataset.locked = "1";
  const note = document.createElement("span");
  note.className = "locked-note";
  note.textContent = ` (${i18n.msg("options_locked")})`;
  label.appendChild(note);
}

async function refresh() {
  const reply = await ask("status");
  if (!reply.ok) return;
  renderStatus(reply.result);
  if (reply.result.state === "connected") {
    const ids = (reply.result.rules || []).map((r) => (typeof r === "string" ? r : r.id)).filter(Boolean);
    await renderRules(ids);
  }
}

$("open-settings").addEventListener("click", () => openPage("settings"));
$("open-log").addEventListener("click", () => openPage("log"));
$("open-rules").addEventListener("click", () => openPage("rules"));
refresh();
setTimeout(refresh, 1000);
