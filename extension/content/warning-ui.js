/*
 * The warnings in the page: cards next to the thing they are about, inside
 * an open shadow root (LinkedIn's CSS cannot reach them; tests can pierce
 * open roots). Built with createElement/textContent only: LinkedIn enforces
 * Trusted Types, and every string here may come from a stranger's profile.
 *
 * Every card carries data-guard-rule="<rule id>" (protocol.md, "In the page").
 */
(function (root) {
  "use strict";

  const STYLE = `
    :host { all: initial; display: block; margin: 6px 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2226; }
    .card { border: 1px solid #d0d7de; border-left: 4px solid #b24020; border-radius: 6px; background: #fff8f3; padding: 8px 10px; margin: 4px 0; }
    .card.critical { border-left-color: #cc1016; background: #fff1f1; }
    .card.info { border-left-color: #0a66c2; background: #f3f8fd; padding: 4px 8px; font-size: 13px; }
    .head { display: flex; gap: 6px; align-items: baseline; }
    .badge { font-size: 11px; font-weight: 600; color: #fff; background: #b24020; border-radius: 3px; padding: 0 4px; }
    .critical .badge { background: #cc1016; }
    .info .badge { background: #0a66c2; }
    .title { font-weight: 600; }
    .message, .suggestion, .legal { margin: 4px 0 0; }
    .suggestion { font-style: italic; }
    .legal { font-size: 12px; color: #56687a; }
    .legal a { color: #0a66c2; }
    .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
    .info .actions { margin-top: 2px; }
    button { font: inherit; font-size: 13px; border: 1px solid #0a66c2; background: #fff; color: #0a66c2; border-radius: 12px; padding: 1px 10px; cursor: pointer; }
    button.primary { background: #0a66c2; color: #fff; }
    button:focus-visible { outline: 2px solid #1d2226; outline-offset: 1px; }
    .note { font-size: 12px; color: #56687a; margin: 2px 0; }
    .brand { font-size: 11px; color: #56687a; }
    .overlay { position: fixed; inset: 0; background: rgba(0,0,0,.45); display: flex; align-items: center; justify-content: center; z-index: 2147483647; }
    .dialog { background: #fff; border-radius: 8px; max-width: 520px; width: calc(100% - 40px); padding: 16px; box-shadow: 0 8px 30px rgba(0,0,0,.3); }
    .dialog h2 { font-size: 16px; margin: 0 0 8px; }
    .dialog ul { margin: 0 0 8px; padding-left: 18px; }
    .dialog label { display: block; font-size: 13px; margin-top: 8px; }
    .dialog textarea { width: 100%; box-sizing: border-box; min-height: 48px; font: inherit; margin-top: 4px; }
    .dialog .actions { justify-content: flex-end; margin-top: 12px; }
  `;

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    if (attrs) for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function safeHttpsUrl(url) {
    try {
      const u = new URL(String(url));
      return u.protocol === "https:" ? u.href : null;
    } catch (_e) {
      return null;
    }
  }

  function t(strings, key, fallback) {
    return (strings && strings[key]) || fallback;
  }

  /** Attach (or re-attach after LinkedIn re-rendered) the shadow host next to the anchor. */
  function ensureHost(rec) {
    const anchor = rec.surface.anchor;
    if (!anchor || !anchor.isConnected) return null;
    if (!rec.host) {
      const host = el("div", { "data-guard-host": "", "data-guard-surface": rec.surface.key });
      const shadow = host.attachShadow({ mode: "open" });
      shadow.appendChild(el("style", null, STYLE));
      rec.list = el("div", { class: "list", part: "list" });
      shadow.appendChild(rec.list);
      rec.host = host;
    }
    const placement = rec.surface.placement || "beforebegin";
    const wanted =
      placement === "afterend"
        ? anchor.nextElementSibling === rec.host
        : placement === "beforebegin"
        ? anchor.previousElementSibling === rec.host
        : placement === "afterbegin"
        ? anchor.firstElementChild === rec.host
        : anchor.lastElementChild === rec.host;
    if (!wanted) anchor.insertAdjacentElement(placement, rec.host);
    return rec.host;
  }

  function removeHost(rec) {
    if (rec.host) rec.host.remove();
    rec.host = null;
    rec.list = null;
    rec.renderedKey = "";
  }

  function card(w, handlers, strings, canFix) {
    const sev = ["info", "warning", "critical"].includes(w.severity) ? w.severity : "warning";
    const node = el("div", {
      class: `card ${sev}`,
      "data-guard-rule": w.rule,
      "data-guard-warning": w.id,
      "data-guard-severity": sev,
      "data-guard-mode": w.mode === "confirm" ? "confirm" : "inform",
      role: sev === "info" ? "status" : "alert",
      lang: w.language || null,
    });
    const head = el("div", { class: "head" });
    head.appendChild(el("span", { class: "badge" }, w.rule));
    head.appendChild(el("span", { class: "title" }, w.title));
    node.appendChild(head);
    node.appendChild(el("p", { class: "message" }, w.message));
    if (w.suggestion) node.appendChild(el("p", { class: "suggestion" }, w.suggestion));
    const bases = Array.isArray(w.legal_basis) ? w.legal_basis : [];
    if (bases.length) {
      const legal = el("p", { class: "legal" }, `${t(strings, "page_legal_basis", "Legal basis")}: `);
      bases.forEach((b, i) => {
        if (i) legal.appendChild(document.createTextNode("; "));
        const label = `${b.source || ""} ${b.article || ""}`.trim();
        const href = safeHttpsUrl(b.url);
        if (href) {
          const a = el("a", { href, target: "_blank", rel: "noopener noreferrer", "data-guard-legal": "" }, label);
          legal.appendChild(a);
        } else legal.appendChild(document.createTextNode(label));
      });
      node.appendChild(legal);
    }
    const actions = el("div", { class: "actions" });
    const button = (action, label, primary) => {
      const b = el("button", { type: "button", "data-guard-action": action, class: primary ? "primary" : null }, label);
      b.addEventListener("click", (e) => {
        e.preventDefault();
        e.stopPropagation();
        handlers[action](w, b);
      });
      actions.appendChild(b);
    };
    if (canFix && w.fix && w.fix.action === "append_text" && typeof w.fix.text === "string") {
      button("fix", t(strings, "page_fix", "Fix"), true);
    }
    button("dismiss", t(strings, "page_dismiss", "Dismiss"));
    button("turn-off", t(strings, "page_turn_off", "Turn off this rule"));
    button("learn-more", t(strings, "page_learn_more", "Learn more"));
    node.appendChild(actions);
    return node;
  }

  /**
   * Show exactly these warnings for the surface (none: remove the host).
   * Re-renders only when the warnings changed, so typing does not flicker.
   */
  function render(rec, warnings, handlers, strings) {
    const key = JSON.stringify(warnings.map((w) => [w.id, w.title, w.message, w.severity, w.mode])) + (rec.note || "");
    if (!warnings.length && !rec.note) {
      removeHost(rec);
      return;
    }
    if (!ensureHost(rec)) return;
    if (rec.renderedKey === key) return;
    rec.renderedKey = key;
    rec.list.replaceChildren();
    if (rec.note) rec.list.appendChild(el("p", { class: "note", "data-guard-note": rec.noteKind || "" }, rec.note));
    const canFix = Boolean(rec.surface.editor);
    for (const w of warnings) rec.list.appendChild(card(w, handlers, strings, canFix));
  }

  /**
   * Ask before a send: resolves {proceed, justification}. The dialog lists
   * the warnings that want a confirmation (or says the guard is offline).
   */
  function confirmSend(warnings, strings, opts) {
    return new Promise((resolve) => {
      const host = el("div", { "data-guard-host": "", "data-guard-confirm-host": "" });
      const shadow = host.attachShadow({ mode: "open" });
      shadow.appendChild(el("style", null, STYLE));
      const overlay = el("div", { class: "overlay" });
      const dialog = el("div", { class: "dialog", role: "dialog", "aria-modal": "true", "data-guard-confirm": "" });
      const title = opts && opts.offline ? t(strings, "page_offline_title", "LinkedIn Guard is offline") : t(strings, "page_confirm_title", "Send this anyway?");
      dialog.setAttribute("aria-label", title);
      dialog.appendChild(el("h2", null, title));
      if (opts && opts.offline) dialog.appendChild(el("p", null, t(strings, "page_offline_closed", "The guard could not check this. Your settings say not to send unchecked.")));
      const list = el("ul");
      for (const w of warnings) {
        const li = el("li", { "data-guard-rule": w.rule, "data-guard-warning": w.id });
        li.appendChild(el("strong", null, w.title));
        li.appendChild(document.createTextNode(` — ${w.message}`));
        list.appendChild(li);
      }
      if (warnings.length) dialog.appendChild(list);
      const label = el("label", null, t(strings, "page_justification", "Why is this fine? (optional, kept in your local log)"));
      const area = el("textarea", { "data-guard-justification": "", maxlength: "500" });
      label.appendChild(area);
      dialog.appendChild(label);
      const actions = el("div", { class: "actions" });
      const done = (proceed) => {
        host.remove();
        document.removeEventListener("keydown", onKey, true);
        resolve({ proceed, justification: area.value.trim() });
      };
      const edit = el("button", { type: "button", "data-guard-action": "edit" }, t(strings, "page_edit", "Edit"));
      const send = el("button", { type: "button", class: "primary", "data-guard-action": "send-anyway" }, t(strings, "page_send_anyway", "Send anyway"));
      edit.addEventListener("click", () => done(false));
      send.addEventListener("click", () => done(true));
      actions.appendChild(edit);
      actions.appendChild(send);
      dialog.appendChild(actions);
      overlay.appendChild(dialog);
      shadow.appendChild(overlay);
      const onKey = (e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          done(false);
        }
      };
      document.addEventListener("keydown", onKey, true);
      document.documentElement.appendChild(host);
      edit.focus();
    });
  }

  const api = { render, removeHost, confirmSend, ensureHost };
  root.LGWarningUI = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
