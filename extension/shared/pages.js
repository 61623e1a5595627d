/*
 * What the extension's own pages (popup, options, welcome) share: asking the
 * background, the rule texts in the UI language, a rule's state in words, and
 * turning a rule on or off with undo. Settings change only through
 * patch_settings (the host patches the file as it is, under a lock), so two
 * quick clicks never lose each other.
 */
/* global i18n */
/* exported pages */
"use strict";

const pages = {
  ask(type, payload = {}) {
    return chrome.runtime
      .sendMessage({ type, ...payload })
      .catch((err) => ({ ok: false, error: { code: "error", message: String(err) } }));
  },

  lang() {
    const ui = (chrome.i18n.getUILanguage() || "en").toLowerCase();
    return ui.startsWith("nl") ? "nl" : "en";
  },

  /** A rule's title or summary in the UI language (the host sends both, from the rule's docs). */
  text(texts) {
    if (!texts) return "";
    return texts[pages.lang()] || texts.en || "";
  },

  /** "On · asks before you send" / "On · informs" / "Off": what the switch says next to it. */
  stateLabel(rule) {
    if (!rule.enabled) return i18n.msg("rule_state_off");
    const mode = rule.mode || rule.default_mode;
    return i18n.msg(mode === "confirm" ? "rule_state_on_confirm" : "rule_state_on_inform");
  },

  /** "Needs setup: …" / "Does not apply: …" / "" for a rule that can fire. */
  setupLabel(rule) {
    if (rule.setup === "needs_setup") return i18n.msg(`setup_missing_${String(rule.missing || "").replace(/\./g, "_")}`) || i18n.msg("rule_needs_setup");
    if (rule.setup === "not_applicable") return i18n.msg(`setup_na_${String(rule.missing || "").replace(/\./g, "_")}`) || "";
    return "";
  },

  /**
   * Turn a rule on or off; resolves {ok, error}. `status` (a live region) then
   * says what happened and offers Undo, which sends the inverse patch.
   */
  async setRule(ruleId, enabled, status, onChange) {
    const reply = await pages.ask("patch_settings", { patch: { rules: { [ruleId]: { enabled } } } });
    status.replaceChildren();
    if (!reply.ok) {
      status.textContent = i18n.msg("options_error", [reply.error.message]);
      return reply;
    }
    const text = document.createElement("span");
    text.textContent = `${i18n.msg("options_saved")} ${i18n.msg(enabled ? "rule_turned_on" : "rule_turned_off", [ruleId])}`;
    const undo = document.createElement("button");
    undo.type = "button";
    undo.className = "undo";
    undo.textContent = i18n.msg("rule_undo");
    undo.setAttribute("aria-label", i18n.msg("rule_undo_label", [ruleId]));
    undo.addEventListener("click", async () => {
      const back = await pages.setRule(ruleId, !enabled, status, onChange);
      if (!back.ok) return;
      status.firstChild.textContent = i18n.msg("rule_undone", [ruleId]);
      // The Undo button is gone: keep keyboard focus on the rule's switch, or the new Undo.
      const target = document.getElementById(`rule-${ruleId}`) || status.querySelector("button.undo");
      if (target) target.focus();
    });
    status.append(text, " ", undo);
    if (onChange) await onChange();
    return reply;
  },
};
