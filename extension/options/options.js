/*
 * The options page: every rule with its name, one line of what it does, its
 * state (on/off and how it warns), and "needs setup" where its settings are
 * missing (from the host's get_rules, generated from the rules' own docs).
 * A switch per rule turns it on or off through patch_settings, with Undo;
 * "Learn more" opens that rule's section of the dashboard's catalogue
 * (/rules#LGnnn). Settings never change from a LinkedIn page, only here,
 * in the popup or in the dashboard.
 */
/* global i18n, pages */
"use strict";

const $ = (id) => document.getElementById(id);
const ask = (type, payload) => pages.ask(type, payload);

async function openPage(page, rule) {
  $("open-error").textContent = "";
  const reply = await ask("open_dashboard", rule ? { page, rule } : { page });
  if (!reply.ok) $("open-error").textContent = reply.error.message;
}

function renderStatus(s) {
  $("status").dataset.state = s.state;
  $("status-text").textContent = i18n.msg(`state_${s.state}`) || s.state;
  $("install").hidden = s.state !== "not_installed";
  $("install-command").textContent = s.install_command || "linkedin-guard install";
  $("status-detail").textContent = s.state === "connected" ? "" : s.detail || "";
  $("settings-problem").hidden = !s.settings_problem;
  $("settings-problem").textContent = s.settings_problem ? i18n.msg("popup_settings_problem", [String(s.settings_problem)]) : "";
  // The organisation's layer refused by the host (its previous layer, if any, stays) or managed.json unusable.
  $("managed-problem").hidden = !s.managed_problem;
  $("managed-problem").textContent = s.managed_problem ? i18n.msg("managed_problem", [String(s.managed_problem)]) : "";
}

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "text") node.textContent = v;
    else if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
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

function ruleItem(rule, managed) {
  const id = rule.id;
  const box = el("input", { type: "checkbox", id: `rule-${id}`, role: "switch", "aria-describedby": `rule-${id}-state rule-${id}-summary rule-${id}-setup` });
  box.dataset.rule = id;
  box.checked = rule.enabled;
  box.addEventListener("change", () => pages.setRule(id, box.checked, $("rules-status"), renderRules));
  const label = el("label", { for: box.id }, [el("span", { class: "rule", text: id }), pages.text(rule.title)]);
  markLocked(box, label, `rules.${id}.enabled`, managed);
  const state = el("span", { id: `rule-${id}-state`, class: `rule-state ${rule.enabled ? "on" : "off"}`, text: pages.stateLabel(rule) });
  const setupText = pages.setupLabel(rule);
  const setup = el("p", { id: `rule-${id}-setup`, class: `setup setup-${rule.setup}`, text: setupText });
  setup.hidden = !setupText;
  const learn = el("button", { type: "button", class: "link", "aria-label": i18n.msg("options_learn_more_label", [id]), text: i18n.msg("options_learn_more") });
  learn.addEventListener("click", () => openPage("rules", id));
  const item = el("li", { "data-rule": id, "data-setup": rule.setup }, [
    el("div", { class: "rule-head" }, [box, label, state]),
    el("p", { id: `rule-${id}-summary`, class: "summary", text: pages.text(rule.summary) }),
    setup,
    learn,
  ]);
  return item;
}

async function renderRules() {
  const reply = await ask("get_rules");
  $("rules-unavailable").hidden = reply.ok;
  if (!reply.ok) return;
  // Re-rendered after every change: give focus back to the element that had it.
  const focused = document.activeElement && document.activeElement.closest("#rules") ? document.activeElement.id : null;
  $("rules").replaceChildren(...(reply.result.rules || []).map((rule) => ruleItem(rule, reply.result.managed)));
  if (focused && $(focused)) $(focused).focus();
}

let rulesShown = false;
async function refresh() {
  const reply = await ask("status");
  if (!reply.ok) return;
  renderStatus(reply.result);
  if (reply.result.state === "connected" && !rulesShown) {
    rulesShown = true;
    await renderRules();
  } else if (reply.result.state !== "connected" && !rulesShown) {
    $("rules-unavailable").hidden = false;
  }
}

$("open-settings").addEventListener("click", () => openPage("settings"));
$("open-log").addEventListener("click", () => openPage("log"));
$("open-rules").addEventListener("click", () => openPage("rules"));
$("open-consent").addEventListener("click", () => openPage("consent"));
refresh();
setInterval(refresh, 1500);
