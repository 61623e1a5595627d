/*
 * The first-run page (opened once after installation, and again from the
 * options page or the popup): asks for what the rules need — the employer
 * and the official title (LG401), whether the contract restricts naming the
 * employer (LG402), clients (LG301), former employers with a cleanup clause
 * and their clients (LG501) — and saves it through the host with one
 * patch_settings (validated there; nothing is half-saved). Fields start from
 * the current settings, and what the page does not show is kept (a client's
 * profile URL, former employers without a cleanup clause).
 */
/* global i18n, pages */
"use strict";

const $ = (id) => document.getElementById(id);
let current = null; // the settings the form started from

function lines(text) {
  return String(text || "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

function formerItem(index, former) {
  const n = String(index + 1);
  const box = document.createElement("div");
  box.className = "former-item";
  const nameField = document.createElement("p");
  nameField.className = "field";
  const nameLabel = document.createElement("label");
  nameLabel.htmlFor = `former-name-${index}`;
  nameLabel.textContent = i18n.msg("welcome_former_name", [n]);
  const name = document.createElement("input");
  name.type = "text";
  name.id = `former-name-${index}`;
  name.maxLength = 300;
  name.className = "former-name";
  name.value = former ? former.name : "";
  nameField.append(nameLabel, name);
  const clientsField = document.createElement("p");
  clientsField.className = "field";
  const clientsLabel = document.createElement("label");
  clientsLabel.htmlFor = `former-clients-${index}`;
  clientsLabel.textContent = i18n.msg("welcome_former_clients", [n]);
  const clients = document.createElement("textarea");
  clients.id = `former-clients-${index}`;
  clients.rows = 3;
  clients.className = "former-clients";
  clients.value = former ? (former.clients || []).join("\n") : "";
  clientsField.append(clientsLabel, clients);
  box.append(nameField, clientsField);
  return box;
}

function addFormer(former) {
  const list = $("former-list");
  const item = formerItem(list.children.length, former);
  list.appendChild(item);
  return item;
}

function fill(settings) {
  current = settings;
  const employer = settings.employer;
  $("employer-name").value = employer ? employer.name : "";
  $("official-title").value = employer && employer.official_title ? employer.official_title : "";
  if (employer) $(employer.social_media_policy ? "restriction-yes" : "restriction-no").checked = true;
  $("clients").value = (settings.clients || []).map((c) => (c.company && c.company !== c.name ? `${c.name}, ${c.company}` : c.name)).join("\n");
  $("former-list").replaceChildren();
  for (const f of settings.former_employers || []) if (f.cleanup_clause) addFormer(f);
  if (!$("former-list").children.length) addFormer(null);
}

/** The clients from the text area; a line naming a known client keeps what the form does not show. */
function clientsFromForm() {
  const known = new Map((current.clients || []).map((c) => [c.name.toLowerCase(), c]));
  return lines($("clients").value).map((line) => {
    const comma = line.lastIndexOf(",");
    const name = (comma > 0 ? line.slice(0, comma) : line).trim();
    const company = comma > 0 ? line.slice(comma + 1).trim() || null : null;
    const before = known.get(name.toLowerCase());
    return { ...(before || {}), name, company: company || (before ? before.company : null) || null };
  });
}

function formerFromForm() {
  const kept = (current.former_employers || []).filter((f) => !f.cleanup_clause);
  const shown = [];
  for (const item of $("former-list").children) {
    const name = item.querySelector(".former-name").value.trim();
    const clients = lines(item.querySelector(".former-clients").value);
    if (name) shown.push({ name, cleanup_clause: true, clients });
  }
  return [...kept, ...shown];
}

function patchFromForm() {
  const name = $("employer-name").value.trim();
  const title = $("official-title").value.trim();
  const restriction = document.querySelector('input[name="restriction"]:checked');
  const patch = { clients: clientsFromForm(), former_employers: formerFromForm() };
  // A merge patch: the employer object merges (title aliases stay); null removes it.
  patch.employer = name
    ? { name, official_title: title || null, social_media_policy: restriction ? restriction.value === "yes" : false }
    : null;
  return patch;
}

function showErrors(error) {
  const list = $("error-list");
  list.replaceChildren();
  const details = Array.isArray(error.details) && error.details.length ? error.details : [{ path: "", message: error.message }];
  for (const d of details) {
    const item = document.createElement("li");
    item.textContent = d.path && d.path !== "(root)" ? `${d.path}: ${d.message}` : d.message;
    list.appendChild(item);
  }
  $("errors").hidden = false;
  $("errors").focus();
}

async function save(event) {
  event.preventDefault();
  $("errors").hidden = true;
  $("save-status").textContent = "";
  if (!current) return;
  const reply = await pages.ask("patch_settings", { patch: patchFromForm() });
  if (!reply.ok) {
    showErrors(reply.error);
    return;
  }
  fill(reply.result.settings);
  $("save-status").textContent = i18n.msg("welcome_saved");
}

async function load() {
  const status = await pages.ask("status");
  if (status.ok && status.result.install_command) $("install-command").textContent = status.result.install_command;
  const reply = await pages.ask("get_settings");
  if (!reply.ok) {
    $("host-missing").hidden = false;
    $("save").disabled = true;
    // The host may still be starting: try again shortly.
    setTimeout(load, 1500);
    return;
  }
  $("host-missing").hidden = true;
  $("save").disabled = false;
  fill(reply.result.settings);
}

$("setup").addEventListener("submit", save);
$("former-add").addEventListener("click", () => {
  const item = addFormer(null);
  item.querySelector(".former-name").focus();
});
load();
