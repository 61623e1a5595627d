/*
 * The warnings in the page: one small chip next to the thing a warning is
 * about (composer, form, profile card) that opens compact cards, and the
 * confirm-before-send dialog.
 *
 * Private and unforgeable (protocol.md, "In the page", v1.1):
 *   - everything lives in CLOSED shadow roots; the references are kept only
 *     here, in the content script's isolated world (LinkedIn probes for
 *     extensions, and its scripts run in the page's main world);
 *   - the shadow host is a bare <div> with no id, class or attribute that
 *     names the guard; data-guard-rule exists only inside the closed roots
 *     (one visible marker per shown warning in the chip, even collapsed);
 *   - every handler ignores events whose isTrusted is false (a page script's
 *     element.click() or dispatchEvent), Escape included;
 *   - nothing here changes settings (turning a rule off happens in the
 *     extension's own pages or the dashboard).
 * Built with createElement/textContent only: LinkedIn enforces Trusted
 * Types, and every string may come from a stranger's profile.
 *
 * Compact like the inline assistants (Harper's SuggestionBox, Grammarly's
 * card): a chip with the worst severity and the count; a card is a title,
 * one sentence of why and its action; the rest (full text, suggestion, legal
 * basis, Learn more) sits behind "Why?". The cards open in a floating panel
 * (the top layer where the browser has popovers), so they never push the
 * composer out of view. LG201 + LG202 on one message are one card.
 */
(function (root) {
  "use strict";

  const SEVERITIES = ["info", "warning", "critical"];
  // "Open" only for the accessibility test page (axe cannot see into closed
  // roots); the page cannot reach this switch: it lives in the isolated world.
  let rootMode = "closed";
  const ownHosts = new WeakSet();

  const STYLE = `
    :host { all: initial; display: block; margin: 4px 0; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); }
    * { box-sizing: border-box; }
    .ui { --fg: #1d2226; --muted: #56687a; --bg: #ffffff; --line: #d0d7de; --accent: #0a66c2; --accent-fg: #ffffff;
          --info: #0a66c2; --warning: #b24020; --critical: #cc1016; --chip-bg: #ffffff; --focus: #0a66c2; color: var(--fg); }
    .ui.dark { --fg: #e9e9e9; --muted: #b0b7bf; --bg: #1d2226; --line: #41484f; --accent: #71b7fb; --accent-fg: #0b1218;
               --info: #71b7fb; --warning: #f5987e; --critical: #ff7b7b; --chip-bg: #283038; --focus: #71b7fb; }
    .chip { display: inline-flex; align-items: center; gap: 6px; font: inherit; font-weight: 600; color: var(--fg);
            background: var(--chip-bg); border: 1px solid var(--line); border-radius: 999px; padding: 2px 10px 2px 4px;
            cursor: pointer; min-height: 24px; max-width: 100%; }
    .chip:hover { border-color: var(--accent); }
    .sev { display: inline-flex; align-items: center; justify-content: center; width: 18px; height: 18px; border-radius: 50%;
           color: #fff; font-size: 12px; font-weight: 700; flex: none; }
    .ui.dark .sev { color: #0b1218; }
    .sev.info { background: var(--info); } .sev.warning { background: var(--warning); } .sev.critical { background: var(--critical); }
    .markers { display: inline-flex; gap: 3px; }
    .marker { display: inline-block; width: 7px; height: 7px; border-radius: 50%; background: var(--warning); }
    .marker.info { background: var(--info); } .marker.critical { background: var(--critical); }
    .panel { position: fixed; inset: auto; margin: 0; z-index: 2147483646; width: 360px; max-width: calc(100vw - 16px);
             overflow: auto; background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 8px;
             box-shadow: 0 6px 24px rgba(0,0,0,.22); padding: 6px; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    .panel[hidden] { display: none; }
    .panel-head { display: flex; justify-content: space-between; align-items: center; padding: 2px 4px 4px; color: var(--muted); font-size: 12px; }
    .card { border-left: 4px solid var(--warning); border-radius: 4px; padding: 6px 8px; margin: 4px 0; background: transparent; }
    .card + .card { border-top: 1px solid var(--line); }
    .card.critical { border-left-color: var(--critical); } .card.info { border-left-color: var(--info); }
    .title { font-size: 14px; font-weight: 600; margin: 0; }
    .why { margin: 2px 0 0; }
    .more { margin-top: 4px; color: var(--fg); }
    .more[hidden] { display: none; }
    .more p { margin: 4px 0 0; }
    .suggestion { font-style: italic; }
    .legal { font-size: 12px; color: var(--muted); }
    a { color: var(--accent); }
    .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; align-items: center; }
    .note { font-size: 12px; color: var(--muted); margin: 4px 0 0; }
    button { font: inherit; font-size: 13px; border: 1px solid var(--accent); background: transparent; color: var(--accent);
             border-radius: 14px; padding: 2px 12px; cursor: pointer; min-height: 26px; }
    button.primary { background: var(--accent); color: var(--accent-fg); font-weight: 600; }
    button.link { border-color: transparent; padding: 2px 4px; text-decoration: underline; }
    button.close { border-color: transparent; padding: 0 6px; font-size: 16px; line-height: 1; color: var(--muted); }
    button:focus-visible, .chip:focus-visible, input:focus-visible, textarea:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    dialog { border: none; border-radius: 10px; padding: 18px; width: min(480px, calc(100vw - 24px)); max-height: calc(100vh - 24px);
             overflow: auto; background: var(--bg); color: var(--fg); box-shadow: 0 10px 40px rgba(0,0,0,.35);
             font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    dialog::backdrop { background: rgba(0,0,0,.45); }
    dialog h2 { font-size: 17px; margin: 0 0 10px; }
    dialog ul { margin: 0 0 10px; padding: 0; list-style: none; }
    dialog li { border-left: 4px solid var(--warning); padding: 2px 0 2px 8px; margin: 6px 0; }
    dialog li.critical { border-left-color: var(--critical); } dialog li.info { border-left-color: var(--info); }
    dialog li strong { display: block; }
    fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 10px 0 0; padding: 6px 10px 8px; }
    legend { font-size: 13px; padding: 0 4px; }
    fieldset label { display: flex; gap: 6px; align-items: center; margin: 4px 0; font-size: 13px; }
    .reason { display: block; font-size: 13px; margin-top: 10px; }
    textarea { width: 100%; min-height: 44px; font: inherit; margin-top: 4px; color: var(--fg); background: var(--bg);
               border: 1px solid var(--line); border-radius: 6px; padding: 4px 6px; }
    dialog .actions { justify-content: flex-end; margin-top: 14px; flex-wrap: wrap-reverse; }
  `;

  // ------------------------------------------------------------ helpers

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    if (attrs) for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined && v !== false) node.setAttribute(k, String(v));
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

  /** "{n} warnings" with the count filled in. */
  function fill(text, values) {
    return String(text).replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
  }

  function severityOf(w) {
    return SEVERITIES.includes(w.severity) ? w.severity : "warning";
  }

  function worst(warnings) {
    let best = 0;
    for (const w of warnings) best = Math.max(best, SEVERITIES.indexOf(severityOf(w)));
    return SEVERITIES[best];
  }

  /** The first sentence: a card says one sentence of why; the rest is behind "Why?". */
  function firstSentence(text) {
    const s = String(text || "").trim();
    const m = s.match(/^.*?[.!?](?=\s+[A-Z0-9"'(“‘])/su);
    return m ? m[0] : s;
  }

  /** A handler that runs only for the person's own input (isTrusted), never for a page script's. */
  function trusted(fn) {
    return (e) => {
      if (!e.isTrusted) return;
      fn(e);
    };
  }

  /** Which word the action has: message -> send, invitation -> invite, post -> post, forms -> save. */
  function actionOf(surfaceKey) {
    const k = String(surfaceKey || "");
    if (k.startsWith("invitation")) return "invite";
    if (k.startsWith("post")) return "post";
    if (k.startsWith("message")) return "send";
    if (k.endsWith("_form")) return "save";
    return "send";
  }

  const DEFAULT_ANYWAY = { send: "Send anyway", post: "Post anyway", save: "Save anyway", invite: "Send invitation anyway" };
  const DEFAULT_CONFIRM = { send: "Send this message?", post: "Post this?", save: "Save this?", invite: "Send this invitation?" };
  const DEFAULT_DISMISS_NOTE = {
    send: "Dismissing means you will not be asked again when you send.",
    post: "Dismissing means you will not be asked again when you post.",
    save: "Dismissing means you will not be asked again when you save.",
    invite: "Dismissing means you will not be asked again when you send the invitation.",
  };

  /**
   * Group the warnings into cards: LG201 (unsolicited pitch) and LG202 (no
   * opt-out) on the same message are one card about one message, led by
   * LG201; no Fix is offered then, since LG201 says not to send it at all.
   */
  function groupCards(warnings) {
    const pitch = warnings.find((w) => w.rule === "LG201");
    const optOut = warnings.find((w) => w.rule === "LG202");
    const cards = [];
    for (const w of warnings) {
      if (pitch && optOut && w === optOut) continue;
      if (pitch && optOut && w === pitch) cards.push({ lead: pitch, also: [optOut] });
      else cards.push({ lead: w, also: [] });
    }
    return cards;
  }

  // ------------------------------------------------------------- theme

  let themeCache = { at: 0, dark: false };
  /**
   * Follow LinkedIn's theme: its theme class on <html>/<body>
   * (S.theme.dark in linkedin-selectors.js); without one, the page's own
   * background colour decides (dark when its luminance is low).
   */
  function pageIsDark() {
    const now = Date.now();
    if (now - themeCache.at < 1000) return themeCache.dark;
    let dark = false;
    const S = root.LGSelectors;
    const sel = S && S.theme && S.theme.dark;
    if (sel && document.querySelector(sel)) dark = true;
    else if (!(S && S.theme && S.theme.light && document.querySelector(S.theme.light))) {
      dark = luminance(document.body) < 0.35 && luminance(document.documentElement) < 0.35;
    }
    themeCache = { at: now, dark };
    return dark;
  }

  function luminance(node) {
    if (!node) return 1;
    const m = getComputedStyle(node).backgroundColor.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/);
    if (!m || (m[4] !== undefined && Number(m[4]) === 0)) return 1; // transparent: the browser's white
    return (0.2126 * m[1] + 0.7152 * m[2] + 0.0722 * m[3]) / 255;
  }

  // ------------------------------------------------------- shadow hosts

  // Our buttons act on a trusted click, or on Enter/Space handled here:
  // Firefox does not turn Enter/Space on a focused button inside a closed
  // shadow root into a click (seen in firefox-esr 153). Handling the key
  // ourselves (and preventing the default) gives both browsers one path; a
  // page script's button.click() stays untrusted and ignored.
  const activators = new WeakMap();

  function onActivate(button, fn) {
    activators.set(button, fn);
    button.addEventListener("click", trusted(fn));
  }

  function activateByKey(e) {
    if (!e.isTrusted || e.repeat || (e.key !== "Enter" && e.key !== " ")) return;
    const target = e.composedPath()[0];
    const fn = target ? activators.get(target) : null;
    if (!fn || target.disabled) return;
    e.preventDefault();
    e.stopPropagation();
    fn(e);
  }

  function newHost() {
    // A bare element: no id, class or attribute that names the guard. Inline
    // display wins over common page rules such as div:empty { display: none }
    // (the host looks empty to the page: its content is in the closed root).
    const host = document.createElement("div");
    host.style.setProperty("display", "block");
    const shadow = host.attachShadow({ mode: rootMode });
    shadow.appendChild(el("style", null, STYLE));
    // Capture: before the dialog's own keydown handler, which stops every key.
    shadow.addEventListener("keydown", activateByKey, true);
    ownHosts.add(host);
    return { host, shadow };
  }

  /** True for the elements this file created as shadow hosts (for the observer and input listeners). */
  function owns(node) {
    return Boolean(node) && ownHosts.has(node);
  }

  /**
   * Attach (or re-attach after LinkedIn re-rendered) the host next to the
   * anchor. The anchor may be any element, also one inside an open shadow
   * root (insertAdjacentElement works there the same way).
   */
  function ensureHost(rec) {
    const anchor = rec.surface.anchor;
    if (!anchor || !anchor.isConnected) return null;
    if (!rec.ui) rec.ui = buildSurfaceUI(rec);
    const host = rec.ui.host;
    const placement = rec.surface.placement || "beforebegin";
    const inPlace =
      placement === "afterend"
        ? anchor.nextElementSibling === host
        : placement === "beforebegin"
        ? anchor.previousElementSibling === host
        : placement === "afterbegin"
        ? anchor.firstElementChild === host
        : anchor.lastElementChild === host;
    if (!inPlace) anchor.insertAdjacentElement(placement, host);
    return host;
  }

  function removeHost(rec) {
    if (rec.ui) {
      closePanel(rec.ui, false);
      rec.ui.host.remove();
    }
    rec.ui = null;
    rec.renderedKey = "";
  }

  function buildSurfaceUI(rec) {
    const { host, shadow } = newHost();
    const wrap = el("div", { class: "ui" });
    const chip = el("button", { type: "button", class: "chip", "aria-expanded": "false", "aria-haspopup": "true" });
    const panel = el("div", { class: "panel", role: "region", hidden: "", tabindex: "-1" });
    if (typeof panel.showPopover === "function") panel.setAttribute("popover", "manual");
    const live = el("div", { class: "sr", role: "status", "aria-live": "polite" });
    wrap.append(chip, panel, live);
    shadow.appendChild(wrap);
    const ui = { host, shadow, wrap, chip, panel, live, open: false, announced: new Set(), rec, onMove: null, cards: [] };
    ui.onMove = () => {
      if (ui.open) placePanel(ui);
    };
    // The person clicks elsewhere on the page: the cards fold away (like an assistant's card).
    ui.onOutside = trusted((e) => {
      if (ui.open && !e.composedPath().includes(host)) closePanel(ui, false);
    });
    onActivate(chip, (e) => {
      e.preventDefault();
      e.stopPropagation();
      if (ui.open) closePanel(ui, true);
      else openPanel(ui);
    });
    panel.addEventListener("keydown", trusted((e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        closePanel(ui, true);
      }
    }));
    chip.addEventListener("keydown", trusted((e) => {
      if (e.key === "Escape" && ui.open) {
        e.preventDefault();
        e.stopPropagation();
        closePanel(ui, true);
      }
    }));
    return ui;
  }

  function openPanel(ui) {
    ui.open = true;
    ui.wrap.classList.toggle("dark", pageIsDark());
    buildCards(ui);
    ui.panel.hidden = false;
    if (ui.panel.showPopover) {
      try {
        ui.panel.showPopover();
      } catch (_e) {
        /* already shown or not connected: the fixed position still works */
      }
    }
    ui.chip.setAttribute("aria-expanded", "true");
    placePanel(ui);
    window.addEventListener("scroll", ui.onMove, { capture: true, passive: true });
    window.addEventListener("resize", ui.onMove, { passive: true });
    document.addEventListener("pointerdown", ui.onOutside, true);
    const first = ui.panel.querySelector(".card button, .card a, button");
    if (first) first.focus();
  }

  function closePanel(ui, focusChip) {
    if (!ui.open) return;
    ui.open = false;
    if (ui.panel.hidePopover) {
      try {
        ui.panel.hidePopover();
      } catch (_e) {
        /* not shown */
      }
    }
    ui.panel.hidden = true;
    ui.chip.setAttribute("aria-expanded", "false");
    window.removeEventListener("scroll", ui.onMove, { capture: true });
    window.removeEventListener("resize", ui.onMove);
    document.removeEventListener("pointerdown", ui.onOutside, true);
    if (focusChip && ui.chip.isConnected) ui.chip.focus();
  }

  /** The box the panel must leave free: the thing the chip is about and its send buttons. */
  function keepClear(ui) {
    const rects = [];
    const anchor = ui.rec.surface.anchor;
    if (anchor && anchor.isConnected) rects.push(anchor.getBoundingClientRect());
    try {
      const buttons = typeof ui.rec.surface.sendButtons === "function" ? ui.rec.surface.sendButtons() : [];
      for (const b of buttons) rects.push(b.getBoundingClientRect());
    } catch (_e) {
      /* no buttons */
    }
    const shown = rects.filter((r) => r.width || r.height);
    if (!shown.length) return null;
    return { top: Math.min(...shown.map((r) => r.top)), bottom: Math.max(...shown.map((r) => r.bottom)) };
  }

  /**
   * Float the panel beside the chip, above it or below what the chip is
   * about (the composer and its Send button stay visible and clickable),
   * wherever there is more room, capped to that room: the page's layout never
   * moves.
   */
  function placePanel(ui) {
    const r = ui.chip.getBoundingClientRect();
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = document.documentElement.clientHeight || window.innerHeight;
    const width = Math.min(360, vw - 16);
    const left = Math.max(8, Math.min(r.left, vw - width - 8));
    const clear = keepClear(ui);
    const belowFrom = Math.max(r.bottom, clear ? clear.bottom : r.bottom) + 6;
    const aboveTo = Math.min(r.top, clear ? clear.top : r.top) - 6;
    const above = aboveTo - 8;
    const below = vh - belowFrom - 8;
    const up = above >= 200 || above >= below;
    const style = ui.panel.style;
    style.width = `${width}px`;
    style.left = `${left}px`;
    style.right = "auto";
    if (up) {
      style.top = "auto";
      style.bottom = `${Math.max(4, vh - aboveTo)}px`;
      style.maxHeight = `${Math.max(100, above)}px`;
    } else {
      style.bottom = "auto";
      style.top = `${Math.min(vh - 104, belowFrom)}px`;
      style.maxHeight = `${Math.max(100, below)}px`;
    }
  }

  // --------------------------------------------------------------- cards

  function chipLabel(warnings, strings) {
    const n = groupCards(warnings).length; // what there is to read: LG201 + LG202 on one message count once
    const infoOnly = warnings.every((w) => severityOf(w) === "info");
    if (infoOnly) return n === 1 ? t(strings, "page_chip_note_one", "1 note") : fill(t(strings, "page_chip_note_many", "{n} notes"), { n });
    return n === 1 ? t(strings, "page_chip_warning_one", "1 warning") : fill(t(strings, "page_chip_warning_many", "{n} warnings"), { n });
  }

  function fillChip(ui, warnings, strings) {
    const sev = worst(warnings);
    const label = chipLabel(warnings, strings);
    ui.chip.replaceChildren();
    ui.chip.appendChild(el("span", { class: `sev ${sev}`, "aria-hidden": "true" }, sev === "info" ? "i" : "!"));
    ui.chip.appendChild(el("span", { class: "label" }, label));
    const markers = el("span", { class: "markers", "aria-hidden": "true" });
    for (const w of warnings) {
      markers.appendChild(el("span", { class: `marker ${severityOf(w)}`, "data-guard-rule": w.rule, "data-guard-warning": w.id, "data-guard-severity": severityOf(w), "data-guard-mode": w.mode === "confirm" ? "confirm" : "inform" }));
    }
    ui.chip.appendChild(markers);
    // Its name is its visible words (WCAG 2.5.3, label in name), then whose chip it is.
    ui.chip.appendChild(el("span", { class: "sr brand" }, `(${t(strings, "page_brand", "LinkedIn Guard")})`));
    ui.chip.dataset.severity = sev;
  }

  function card(group, ctx) {
    const { handlers, strings, canFix, action } = ctx;
    const w = group.lead;
    const all = [w, ...group.also];
    const sev = worst(all);
    const node = el("section", { class: `card ${sev}`, "data-guard-card": all.map((x) => x.id).join(" "), "data-guard-mode": all.some((x) => x.mode === "confirm") ? "confirm" : "inform", lang: w.language || null });
    const titleId = `t-${ctx.index}`;
    node.setAttribute("aria-labelledby", titleId);
    node.appendChild(el("h3", { class: "title", id: titleId }, w.title));
    let why = firstSentence(w.message);
    if (group.also.some((x) => x.rule === "LG202")) why += ` ${t(strings, "page_merged_no_opt_out", "It also has no line saying they can object.")}`;
    node.appendChild(el("p", { class: "why" }, why));

    const more = el("div", { class: "more", hidden: "", id: `m-${ctx.index}` });
    for (const x of all) {
      // The lead's first sentence is already on the card: "Why?" goes on from there.
      const text = String(x.message || "").trim();
      const rest = x === w ? text.slice(firstSentence(text).length).trim() : text;
      if (rest) more.appendChild(el("p", null, rest));
      if (x.suggestion) more.appendChild(el("p", { class: "suggestion" }, x.suggestion));
    }
    const bases = all.flatMap((x) => (Array.isArray(x.legal_basis) ? x.legal_basis : []));
    if (bases.length) {
      const legal = el("p", { class: "legal" }, `${t(strings, "page_legal_basis", "Legal basis")}: `);
      bases.forEach((b, i) => {
        if (i) legal.appendChild(document.createTextNode("; "));
        const label = `${b.source || ""} ${b.article || ""}`.trim();
        const href = safeHttpsUrl(b.url);
        if (href) {
          const a = el("a", { href, target: "_blank", rel: "noopener noreferrer" }, label);
          a.addEventListener("click", (e) => {
            if (!e.isTrusted) e.preventDefault();
          });
          legal.appendChild(a);
        } else legal.appendChild(document.createTextNode(label));
      });
      more.appendChild(legal);
    }

    const actions = el("div", { class: "actions" });
    const button = (name, label, cls, run) => {
      const b = el("button", { type: "button", "data-guard-action": name, class: cls || null }, label);
      onActivate(b, (e) => {
        e.preventDefault();
        e.stopPropagation();
        run(b);
      });
      actions.appendChild(b);
      return b;
    };
    const fixable = !group.also.length && canFix && w.fix && w.fix.action === "append_text" && typeof w.fix.text === "string";
    if (fixable) button("fix", t(strings, "page_fix", "Fix"), "primary", () => handlers.fix(w));
    button("dismiss", t(strings, "page_dismiss", "Dismiss"), fixable ? null : "primary", () => {
      for (const x of all) handlers.dismiss(x);
    });
    const whyButton = button("why", t(strings, "page_why", "Why?"), "link", () => {
      const open = more.hidden;
      more.hidden = !open;
      whyButton.setAttribute("aria-expanded", String(open));
    });
    whyButton.setAttribute("aria-expanded", "false");
    whyButton.setAttribute("aria-controls", more.id);
    node.appendChild(actions);
    if (all.some((x) => x.mode === "confirm")) {
      node.appendChild(el("p", { class: "note", "data-guard-dismiss-note": action }, t(strings, `page_dismiss_note_${action}`, DEFAULT_DISMISS_NOTE[action])));
    }
    const learn = el("button", { type: "button", class: "link", "data-guard-action": "learn-more" }, t(strings, "page_learn_more", "Learn more"));
    onActivate(learn, (e) => {
      e.preventDefault();
      e.stopPropagation();
      handlers["learn-more"](w);
    });
    more.appendChild(learn);
    node.appendChild(more);
    return node;
  }

  function announce(ui, warnings, strings) {
    const fresh = warnings.filter((w) => severityOf(w) !== "info" && !ui.announced.has(w.id));
    for (const w of warnings) ui.announced.add(w.id);
    if (!fresh.length) return;
    const text = `${t(strings, "page_announce", "LinkedIn Guard warns")}: ${fresh.map((w) => w.title).join("; ")}`;
    // Set on the next frame: a live region announces changes, not its first content.
    setTimeout(() => {
      ui.live.textContent = text;
    }, 50);
  }

  /**
   * Show exactly these warnings for the surface (none: remove the host).
   * Re-renders only when the warnings changed, so typing does not flicker.
   */
  function render(rec, warnings, handlers, strings) {
    const key = JSON.stringify(warnings.map((w) => [w.id, w.title, w.message, w.severity, w.mode])) + (rec.note || "") + (strings && strings.page_dismiss);
    if (!warnings.length && !rec.note) {
      removeHost(rec);
      return;
    }
    if (!ensureHost(rec)) return;
    if (rec.renderedKey === key) return;
    rec.renderedKey = key;
    const ui = rec.ui;
    // The theme is read when something changes (and when the cards open), not on every scan:
    // getComputedStyle on a page LinkedIn just mutated forces a style recalculation.
    ui.wrap.classList.toggle("dark", pageIsDark());
    ui.panel.setAttribute("aria-label", t(strings, "page_brand", "LinkedIn Guard"));
    const focusWasInside = ui.open && ui.shadow.activeElement !== null;
    ui.panel.replaceChildren();
    if (!warnings.length) {
      // Only a note to show (e.g. "sent without a check"): a line, no chip.
      ui.chip.hidden = true;
      closePanel(ui, false);
      ui.live.textContent = rec.note;
      ui.panel.hidden = true;
      if (!ui.noteLine) {
        ui.noteLine = el("p", { class: "note", "data-guard-note": rec.noteKind || "" });
        ui.wrap.insertBefore(ui.noteLine, ui.panel);
      }
      ui.noteLine.setAttribute("data-guard-note", rec.noteKind || "");
      ui.noteLine.textContent = rec.note;
      return;
    }
    ui.chip.hidden = false;
    if (ui.noteLine) ui.noteLine.remove();
    ui.noteLine = null;
    if (rec.note) {
      ui.noteLine = el("p", { class: "note", "data-guard-note": rec.noteKind || "" }, rec.note);
      ui.wrap.insertBefore(ui.noteLine, ui.panel);
    }
    fillChip(ui, warnings, strings);
    // The cards are built when they are shown: while collapsed, typing costs only the chip.
    ui.content = { warnings, handlers, strings };
    if (ui.open) buildCards(ui);
    else ui.panel.replaceChildren();
    announce(ui, warnings, strings);
    if (ui.open) {
      placePanel(ui);
      if (focusWasInside) {
        const first = ui.panel.querySelector(".card button");
        if (first) first.focus();
        else ui.chip.focus();
      }
    }
  }

  function buildCards(ui) {
    const { warnings, handlers, strings } = ui.content || {};
    ui.panel.replaceChildren();
    if (!warnings || !warnings.length) return;
    const head = el("div", { class: "panel-head" });
    head.appendChild(el("span", null, t(strings, "page_brand", "LinkedIn Guard")));
    const close = el("button", { type: "button", class: "close", "aria-label": t(strings, "page_close", "Close") }, "×");
    onActivate(close, (e) => {
      e.preventDefault();
      e.stopPropagation();
      closePanel(ui, true);
    });
    head.appendChild(close);
    ui.panel.appendChild(head);
    const ctx = { handlers, strings, canFix: Boolean(ui.rec.surface.editor), action: actionOf(ui.rec.surface.key), index: 0 };
    for (const group of groupCards(warnings)) {
      ctx.index += 1;
      ui.panel.appendChild(card(group, ctx));
    }
  }

  // ------------------------------------------------------ confirm dialog

  /**
   * Ask before a send. Resolves {proceed, choice, justification, reasonKind,
   * fix}: choice is "back" (the safe default: primary button, focused,
   * Escape), "anyway", "not_applicable" (with reasonKind "not_a_pitch" or
   * "asked_for_it") or "fix" (apply the warning's fix, do not send yet).
   * opts: {offline, action: "send"|"post"|"save"|"invite", canFix}.
   */
  function confirmSend(warnings, strings, opts) {
    const o = opts || {};
    const action = ["send", "post", "save", "invite"].includes(o.action) ? o.action : "send";
    return new Promise((resolve) => {
      const { host, shadow } = newHost();
      const wrap = el("div", { class: pageIsDark() ? "ui dark" : "ui" });
      const dialog = el("dialog", { "data-guard-confirm": action, "aria-labelledby": "dlg-title", "aria-describedby": "dlg-body" });
      const title = o.offline ? t(strings, "page_offline_title", "LinkedIn Guard could not check this") : t(strings, `page_confirm_title_${action}`, DEFAULT_CONFIRM[action]);
      dialog.appendChild(el("h2", { id: "dlg-title" }, title));
      const body = el("div", { id: "dlg-body" });
      if (o.offline) body.appendChild(el("p", null, t(strings, "page_offline_closed", "Your settings say not to send anything unchecked. Go ahead only if you are sure.")));
      const list = el("ul");
      for (const group of groupCards(warnings)) {
        const all = [group.lead, ...group.also];
        const li = el("li", { class: worst(all), lang: group.lead.language || null });
        for (const x of all) li.appendChild(el("span", { "data-guard-rule": x.rule, "data-guard-warning": x.id, hidden: x === group.lead ? null : "" }));
        li.appendChild(el("strong", null, group.lead.title));
        let why = firstSentence(group.lead.message);
        if (group.also.some((x) => x.rule === "LG202")) why += ` ${t(strings, "page_merged_no_opt_out", "It also has no line saying they can object.")}`;
        li.appendChild(document.createTextNode(why));
        list.appendChild(li);
      }
      if (warnings.length) body.appendChild(list);
      dialog.appendChild(body);

      const commercial = warnings.some((w) => w.rule === "LG201" || w.rule === "LG202");
      let radios = [];
      if (commercial) {
        const fs = el("fieldset");
        fs.appendChild(el("legend", null, t(strings, "page_na_legend", "Does this rule apply here? (optional)")));
        const options = [
          ["", t(strings, "page_na_applies", "Yes, or I am not sure")],
          ["not_a_pitch", t(strings, "page_na_not_pitch", "It is not a sales pitch")],
          ["asked_for_it", t(strings, "page_na_asked", "They asked for this")],
        ];
        radios = options.map(([value, text], i) => {
          const label = el("label");
          const input = el("input", { type: "radio", name: "na", value, "data-guard-reason-kind": value || "none", checked: i === 0 ? "" : null });
          label.append(input, document.createTextNode(text));
          fs.appendChild(label);
          return input;
        });
        dialog.appendChild(fs);
      }
      const reasonLabel = el("label", { class: "reason" }, t(strings, "page_justification", "Why is this fine? (optional, kept in your local log)"));
      const area = el("textarea", { "data-guard-justification": "", maxlength: "500", rows: "2" });
      reasonLabel.appendChild(area);
      dialog.appendChild(reasonLabel);

      const actions = el("div", { class: "actions" });
      const fixable = !o.offline && o.canFix && !warnings.some((w) => w.rule === "LG201")
        ? warnings.find((w) => w.fix && w.fix.action === "append_text" && typeof w.fix.text === "string")
        : null;
      const back = el("button", { type: "button", class: "primary", "data-guard-action": "back" }, t(strings, "page_back_to_edit", "Back to editing"));
      const anyway = el("button", { type: "button", "data-guard-action": "anyway" }, t(strings, `page_anyway_${action}`, DEFAULT_ANYWAY[action]));
      let fixButton = null;
      if (fixable) fixButton = el("button", { type: "button", "data-guard-action": "fix" }, t(strings, "page_fix_add_line", "Add the suggested line"));
      // Reading order: the safe choice first for keyboard and screen readers;
      // wrap-reverse shows it rightmost, where dialogs put the primary button.
      actions.appendChild(back);
      if (fixButton) actions.appendChild(fixButton);
      actions.appendChild(anyway);
      dialog.appendChild(actions);
      wrap.appendChild(dialog);
      shadow.appendChild(wrap);

      const returnTo = o.returnFocus || document.activeElement;
      let finished = false;
      const done = (choice) => {
        if (finished) return;
        finished = true;
        document.removeEventListener("keydown", onDocKey, true);
        const picked = radios.find((r) => r.checked && r.value);
        const answer = {
          choice: choice === "anyway" && picked ? "not_applicable" : choice,
          proceed: choice === "anyway",
          justification: area.value.trim(),
          reasonKind: choice === "anyway" && picked ? picked.value : null,
          fix: choice === "fix" ? fixable : null,
        };
        try {
          if (dialog.open) dialog.close();
        } catch (_e) {
          /* gone already */
        }
        host.remove();
        if (returnTo && returnTo.isConnected && typeof returnTo.focus === "function") {
          try {
            returnTo.focus();
          } catch (_e) {
            /* not focusable any more */
          }
        }
        resolve(answer);
      };
      onActivate(back, () => done("back"));
      onActivate(anyway, () => done("anyway"));
      if (fixButton) onActivate(fixButton, () => done("fix"));
      // Escape: the browser's own cancel (trusted) and keydown, both only from the person.
      dialog.addEventListener("cancel", (e) => {
        e.preventDefault();
        if (e.isTrusted) done("back");
      });
      const focusables = () => [...dialog.querySelectorAll("button, input, textarea")].filter((n) => !n.disabled && n.getClientRects().length);
      dialog.addEventListener("keydown", (e) => {
        if (!e.isTrusted) {
          e.stopPropagation();
          return;
        }
        if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          done("back");
        } else if (e.key === "Tab") {
          // Keep focus in the dialog (a modal dialog lets Tab leave to the browser's UI).
          const items = focusables();
          const here = shadow.activeElement;
          const i = items.indexOf(here);
          let next = null;
          if (e.shiftKey && (i <= 0)) next = items[items.length - 1];
          else if (!e.shiftKey && i === items.length - 1) next = items[0];
          if (next) {
            e.preventDefault();
            next.focus();
          }
        }
        e.stopPropagation(); // LinkedIn's shortcuts never see what is typed here
      });
      const onDocKey = (e) => {
        if (e.isTrusted && e.key === "Escape" && !finished) {
          e.preventDefault();
          e.stopPropagation();
          done("back");
        }
      };
      document.addEventListener("keydown", onDocKey, true);
      (document.body || document.documentElement).appendChild(host);
      try {
        dialog.showModal();
      } catch (_e) {
        dialog.setAttribute("open", "");
      }
      back.focus();
    });
  }

  const api = {
    render,
    removeHost,
    confirmSend,
    ensureHost,
    owns,
    actionOf,
    groupCards,
    firstSentence,
    /** Test pages only (axe-core cannot read closed roots); the content script never calls it. */
    useOpenRootsForTests() {
      rootMode = "open";
    },
  };
  root.LGWarningUI = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
