/*
 * The content script's controller: watch the page cheaply, extract contexts
 * (extract.js), ask the background to evaluate them when they changed, and
 * show what comes back (warning-ui.js). It decides nothing itself.
 *
 * Observer habits from keepassxreboot/keepassxc-browser:
 * keepassxc-browser/content/observer-helper.js — skip hidden tabs, cap the
 * work per mutation batch, ignore our own nodes, debounce.
 */
(function () {
  "use strict";
  if (globalThis.__linkedinGuardContent) return;
  globalThis.__linkedinGuardContent = true;

  const X = globalThis.LGExtract;
  const UI = globalThis.LGWarningUI;
  const D = globalThis.LGDeep;
  const SHADOW_HOSTS = globalThis.LGSelectors.shadowHosts;
  const api = globalThis.chrome;

  // Keystroke -> chip visible p95 <= 150 ms (issue 10; benchmarks/extension_bench.py): the
  // debounce plus a host round trip and the render must fit, also on a busy machine.
  const INPUT_DEBOUNCE_MS = 80;
  const OBSERVE_DELAY_MS = 150;
  const MAX_RECORDS_CHECKED = 200;
  // Added elements remembered between scans, to look for new shadow roots
  // in them (never a walk of the whole page per mutation); past this many
  // the next scan walks the page once instead.
  const MAX_PENDING_ADDED = 2000;
  const ROOTS_WALK_TICKS = 6; // a walk for roots attached without a trace: every 3 s
  const NOTE_MS = 10000;
  // Dirty tracking (dirty.js): a full scan at least this often, as a safety net.
  const FULL_SCAN_EVERY_MS = 3000;
  // A surface must stay unreadable this long before the guard says it went
  // blind there (a page still rendering is not a LinkedIn change).
  const UNREADABLE_AFTER_MS = 2500;

  const dirty = globalThis.LGDirty.createTracker(X.candidates, (r) => ours(r), (n) => UI.owns(n));
  let lastExtracted = null; // extractor name -> its last result and what it read
  let lastFullScanAt = 0;
  let partialSinceFull = false;
  let pageSession = newSession();
  let currentUrl = location.href;
  let failMode = "open";
  let pausedUntil = 0;
  let hostOffline = false;
  let scanTimer = null;
  let scanTrigger = "observe";
  let dirtyWhileHidden = false;
  let resumeTimer = null;
  const recs = new Map(); // surface key -> record
  const dismissed = new Set(); // warning ids dismissed in this page session
  const strings = {}; // lang -> {key: text}
  // Timings of our own work, bounded (benchmarks/extension_bench.py asks for them: timings_of_page).
  // scanByBatch: batch number -> duration of the scan that batch scheduled.
  // chipShownAt: performance.now() each time a surface's chip appears (the page cannot see it: closed root).
  const stats = { scans: 0, partialScans: 0, evaluations: 0, batches: 0, batchMs: [], scanMs: [], scanByBatch: {}, chipShownAt: [], shadowRoots: 0, walkMs: [] };
  let scanScheduledBy = 0;
  function timing(list, ms) {
    if (list.length >= 5000) list.shift();
    list.push(ms);
  }

  function newSession() {
    const rnd = globalThis.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2);
    return `ps-${rnd}`;
  }

  function send(msg) {
    try {
      return api.runtime.sendMessage(msg).catch((err) => ({ ok: false, error: { code: "extension_gone", message: String(err) } }));
    } catch (err) {
      // The extension was reloaded or removed: this script is an orphan.
      return Promise.resolve({ ok: false, error: { code: "extension_gone", message: String(err) } });
    }
  }

  function paused() {
    return pausedUntil > Date.now();
  }

  // ------------------------------------------------------------- strings

  function langOf(rec) {
    const w = rec && rec.warnings && rec.warnings[0];
    if (w && (w.language === "nl" || w.language === "en")) return w.language;
    return X.uiLanguage(document) === "nl" ? "nl" : "en";
  }

  function stringsFor(rec) {
    const lang = langOf(rec);
    if (!strings[lang]) {
      strings[lang] = {};
      send({ type: "ui_strings", lang }).then((reply) => {
        if (reply && reply.ok) {
          strings[lang] = reply.result.strings || {};
          for (const r of recs.values()) {
            r.renderedKey = "";
            draw(r);
          }
        }
      });
    }
    return strings[lang];
  }

  // ---------------------------------------------------------- page life

  function newPage() {
    currentUrl = location.href;
    dirty.all();
    rootsWalkDue = true;
    pageSession = newSession();
    for (const rec of recs.values()) UI.removeHost(rec);
    recs.clear();
    dismissed.clear();
    unreadableSince.clear();
    reportedUnreadable = "";
    send({ type: "new_page", page_session: pageSession }).then(applyPageState);
  }

  function applyPageState(reply) {
    if (!reply || !reply.ok) return;
    const r = reply.result || {};
    if (r.fail_mode) failMode = r.fail_mode;
    setPaused(r.paused_until || 0);
  }

  function setPaused(until) {
    pausedUntil = Number(until) || 0;
    clearTimeout(resumeTimer);
    if (paused()) {
      for (const rec of recs.values()) {
        rec.warnings = [];
        UI.removeHost(rec);
      }
      resumeTimer = setTimeout(reevaluateAll, pausedUntil - Date.now() + 50);
    }
  }

  function reevaluateAll() {
    for (const rec of recs.values()) rec.sentJson = null;
    dirty.all();
    schedule("observe", 0);
  }

  // --------------------------------------------------------------- scan

  function schedule(trigger, delay) {
    if (trigger === "input") {
      scanScheduledBy = 0;
      scanTrigger = "input";
      clearTimeout(scanTimer);
      scanTimer = setTimeout(scan, delay);
      return;
    }
    if (scanTimer) return; // an earlier scan is due anyway: never postpone it
    scanTrigger = trigger;
    scanTimer = setTimeout(scan, delay);
  }

  function scan() {
    const t0 = performance.now();
    const by = scanScheduledBy;
    scanScheduledBy = 0;
    try {
      scanNow();
    } finally {
      const ms = performance.now() - t0;
      timing(stats.scanMs, ms);
      if (by && Object.keys(stats.scanByBatch).length < 5000) stats.scanByBatch[by] = ms;
    }
  }

  function scanNow() {
    scanTimer = null;
    const trigger = scanTrigger;
    scanTrigger = "observe";
    if (location.href !== currentUrl) newPage();
    if (paused()) return;
    stats.scans += 1;
    findShadowRoots();
    if (performance.now() - lastFullScanAt > FULL_SCAN_EVERY_MS) dirty.all(); // the safety net
    const plan = { last: lastExtracted, clean: dirty.clean(lastExtracted), next: new Map() };
    const full = plan.clean.size === 0;
    if (full) lastFullScanAt = performance.now();
    else stats.partialScans += 1;
    partialSinceFull = !full;
    const found = X.extractAll(document, location.href, plan);
    lastExtracted = plan.next;
    dirty.watch(plan.next);
    observeScopes(dirty.scopes());
    const seen = new Set();
    for (const surface of found) {
      seen.add(surface.key);
      let rec = recs.get(surface.key);
      if (!rec) {
        rec = { surface, warnings: [], sentJson: null, evaluatedJson: null, currentJson: null, seq: 0, inflight: null, host: null, note: "" };
        recs.set(surface.key, rec);
      }
      // A surface given again unread (dirty tracking) has the context it had: no new JSON to make.
      if (rec.surface !== surface || rec.currentJson === null) {
        rec.surface = surface;
        rec.currentJson = JSON.stringify(surface.context);
      }
      if (rec.currentJson !== rec.sentJson) evaluate(rec, trigger);
      else draw(rec); // re-attach if LinkedIn re-rendered around us
    }
    for (const [key, rec] of recs) {
      if (seen.has(key)) continue;
      UI.removeHost(rec);
      recs.delete(key);
      send({ type: "surface_gone", surface: key });
    }
    // The health check reads the page for candidates: only a full scan can have seen one come or go.
    if (full) checkHealth(found);
    else lastFound = found;
  }

  // ------------------------------------------------------- page health

  const unreadableSince = new Map(); // surface name -> when first seen unreadable
  let reportedUnreadable = "";
  let healthTimer = null;
  let healthCheckedAt = 0;
  // Not urgent, and as dear as an extractor: at most once a second, not per scan.
  const HEALTH_EVERY_MS = 1000;

  let lastFound = [];

  /**
   * Surfaces the page evidently has but the extractors could not read: say so
   * (badge, popup, a count in the host's log; names only, never page text),
   * once they stayed unreadable for UNREADABLE_AFTER_MS.
   */
  function checkHealth(found) {
    lastFound = found;
    const now = Date.now();
    if (now - healthCheckedAt < HEALTH_EVERY_MS) {
      if (!healthTimer) {
        healthTimer = setTimeout(() => {
          healthTimer = null;
          if (!paused()) checkHealth(lastFound);
        }, HEALTH_EVERY_MS - (now - healthCheckedAt));
      }
      return;
    }
    healthCheckedAt = now;
    const names = X.unreadable(document, location.href, found);
    for (const name of Array.from(unreadableSince.keys())) if (!names.includes(name)) unreadableSince.delete(name);
    for (const name of names) if (!unreadableSince.has(name)) unreadableSince.set(name, now);
    const due = names.filter((n) => now - unreadableSince.get(n) >= UNREADABLE_AFTER_MS).sort();
    if (names.length > due.length && !healthTimer) {
      // Nothing may change on the page: look again when the wait is over.
      healthTimer = setTimeout(() => {
        healthTimer = null;
        dirty.all();
        schedule("observe", 0);
      }, UNREADABLE_AFTER_MS + 50);
    }
    const key = due.join(",");
    if (key === reportedUnreadable) return;
    reportedUnreadable = key;
    send({
      type: "unreadable_page",
      page_session: pageSession,
      surfaces: due,
      page_type: X.pageType(location.href),
      frontend: X.detectFrontend(document),
    });
  }

  /** Re-read one surface now (at send time the last scan may be 100 ms old). */
  function refresh(rec) {
    const found = X.extractAll(document, location.href).find((s) => s.key === rec.surface.key);
    if (found) {
      rec.surface = found;
      rec.currentJson = JSON.stringify(found.context);
    }
  }

  function evaluate(rec, trigger) {
    const json = rec.currentJson;
    rec.sentJson = json;
    rec.seq += 1;
    const seq = rec.seq;
    stats.evaluations += 1;
    const context = Object.assign({}, rec.surface.context, {
      url: location.href,
      page_session: pageSession,
      trigger,
      observed_at: new Date().toISOString(),
    });
    const lang = X.uiLanguage(document);
    if (lang) context.ui_language = lang;
    const p = send({ type: "evaluate", surface: rec.surface.key, context }).then((reply) => {
      if (seq !== rec.seq) return reply; // a newer evaluation is on its way
      rec.inflight = null;
      rec.evaluatedJson = json;
      if (!reply || !reply.ok) {
        hostOffline = true;
        rec.warnings = [];
      } else {
        const r = reply.result || {};
        if (r.fail_mode) failMode = r.fail_mode;
        if (r.paused) {
          setPaused(r.paused_until);
          return reply;
        }
        hostOffline = Boolean(r.offline);
        rec.warnings = (r.warnings || []).filter((w) => w && typeof w.rule === "string" && !dismissed.has(w.id));
      }
      draw(rec);
      return reply;
    });
    rec.inflight = p;
    return p;
  }

  // --------------------------------------------------------------- draw

  function draw(rec) {
    if (!recs.has(rec.surface.key) && !rec.note) return;
    const shown = Boolean(rec.ui && rec.ui.host.isConnected && !rec.ui.chip.hidden);
    UI.render(rec, paused() ? [] : rec.warnings, handlersFor(rec), stringsFor(rec));
    if (!shown && rec.ui && rec.ui.host.isConnected && !rec.ui.chip.hidden) timing(stats.chipShownAt, performance.now());
  }

  // Called only from the UI's trusted-event handlers (warning-ui.js): a page
  // script cannot reach these. Nothing here changes settings.
  function handlersFor(rec) {
    return {
      fix: (w) => {
        appendText(rec.surface.editor, w.fix.text);
        send({ type: "decide", warning_id: w.id, decision: "fixed", page_session: pageSession });
        schedule("input", INPUT_DEBOUNCE_MS);
      },
      dismiss: (w) => {
        dismissed.add(w.id);
        for (const r of recs.values()) {
          r.warnings = r.warnings.filter((x) => x.id !== w.id);
          draw(r);
        }
        send({ type: "decide", warning_id: w.id, decision: "dismissed", page_session: pageSession });
      },
      "learn-more": (w) => {
        send({ type: "open_dashboard", page: "rules", rule: w.rule }).then((reply) => {
          // rate_limited: the dashboard opened a moment ago; no second tab of another kind either.
          if (reply && (reply.ok || (reply.error && reply.error.code === "rate_limited"))) return;
          const basis = (w.legal_basis || [])[0];
          if (basis && /^https:\/\//.test(basis.url || "")) window.open(basis.url, "_blank", "noopener,noreferrer");
        });
      },
    };
  }

  function note(rec, kind) {
    const s = stringsFor(rec);
    rec.note = kind === "offline" ? s.page_offline_note || "LinkedIn Guard was offline: this was sent without a check." : "";
    rec.noteKind = kind;
    draw(rec);
    setTimeout(() => {
      rec.note = "";
      draw(rec);
    }, NOTE_MS);
  }

  // ----------------------------------------------------------------- fix

  /**
   * Append text through real editing commands, so LinkedIn's editor state
   * (and its Send button) notices: setting textContent does not
   * (opencues/opencues#93).
   */
  function appendText(editor, text) {
    if (!editor || !editor.isConnected) return;
    editor.focus();
    if (editor.tagName === "TEXTAREA" || editor.tagName === "INPUT") {
      const end = editor.value.length;
      editor.setSelectionRange(end, end);
      if (!document.execCommand("insertText", false, text)) {
        editor.setRangeText(text, end, end, "end");
        editor.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text }));
      }
      return;
    }
    // The end of the text: down the last child while it is an element, so a
    // line break in the middle (Shift+Enter: "text<br>more") is not mistaken
    // for the trailing <br> an empty line ends with.
    const lastNode = (el) => {
      let n = el.lastChild;
      while (n && n.nodeType === 3 && !n.data.trim() && n.previousSibling) n = n.previousSibling;
      return n;
    };
    let target = editor;
    for (let n = lastNode(target); n && n.nodeType === 1 && n.tagName !== "BR"; n = lastNode(target)) target = n;
    const tail = lastNode(target);
    const range = document.createRange();
    if (tail && tail.nodeType === 1 && tail.tagName === "BR") range.setStartBefore(tail);
    else {
      range.selectNodeContents(target);
      range.collapse(false);
    }
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    let ok = true;
    text.split("\n").forEach((part, i) => {
      if (i) ok = document.execCommand("insertParagraph") && ok;
      if (part) ok = document.execCommand("insertText", false, part) && ok;
    });
    if (!ok) {
      const before = new InputEvent("beforeinput", { bubbles: true, cancelable: true, inputType: "insertText", data: text });
      if (editor.dispatchEvent(before)) {
        target.appendChild(document.createTextNode(text));
        editor.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text }));
      }
    }
  }

  // ---------------------------------------------------- send interception

  /**
   * The decide message for one warning after the confirm dialog: "They asked
   * for this" / "Not a sales pitch" say the commercial-message rules (LG201,
   * LG202) do not apply (decision not_applicable, protocol v1.1); for other
   * warnings in the same dialog the send simply went ahead.
   */
  function decisionFor(w, answer) {
    const out = { warning_id: w.id };
    if (answer.justification) out.justification = answer.justification;
    if (answer.choice === "fix") out.decision = answer.fix && answer.fix.id === w.id ? "fixed" : "cancelled";
    else if (!answer.proceed) out.decision = "cancelled";
    else if (answer.choice === "not_applicable" && (w.rule === "LG201" || w.rule === "LG202")) {
      out.decision = "not_applicable";
      out.reason_kind = answer.reasonKind;
    } else out.decision = "proceeded";
    return out;
  }

  const controller = {
    strings: stringsFor,
    // `target` is the event's real target (its composed path's first node), inside shadow roots too.
    surfaceForSendButton(target) {
      if (!recs.size || !target || !target.closest) return null;
      const clicked = target.closest("button, [role='button'], input[type='submit']");
      if (!clicked) return null;
      for (const rec of recs.values()) {
        const buttons = rec.surface.sendButtons();
        if (buttons.includes(clicked)) return { rec, button: clicked };
      }
      return null;
    },
    surfaceForEditor(target) {
      for (const rec of recs.values()) {
        const ed = rec.surface.editor;
        if (ed && (ed === target || ed.contains(target))) return rec;
      }
      return null;
    },
    shouldHold(rec) {
      if (paused()) return false;
      refresh(rec);
      if (rec.currentJson !== rec.evaluatedJson) return true;
      if (rec.warnings.some((w) => w.mode === "confirm")) return true;
      return hostOffline && failMode === "closed";
    },
    offlineOpen() {
      return hostOffline && failMode === "open" && !paused();
    },
    async assess(rec) {
      refresh(rec);
      if (rec.currentJson !== rec.evaluatedJson) {
        if (rec.inflight && rec.sentJson === rec.currentJson) await rec.inflight;
        else await evaluate(rec, "submit");
      }
      const confirm = rec.warnings.filter((w) => w.mode === "confirm");
      if (confirm.length) return { action: "ask", warnings: confirm };
      if (hostOffline) return failMode === "closed" ? { action: "ask_offline", warnings: [] } : { action: "pass_offline" };
      return { action: "pass" };
    },
    /** What the confirm dialog needs to fit the action: its verb and whether a Fix can be applied. */
    dialogOptions(rec) {
      return { action: UI.actionOf(rec.surface.key), canFix: Boolean(rec.surface.editor) };
    },
    recordConfirm(rec, warnings, answer) {
      if (answer.choice === "fix" && answer.fix) {
        appendText(rec.surface.editor, answer.fix.text);
        schedule("input", INPUT_DEBOUNCE_MS);
      }
      for (const w of warnings) send(Object.assign({ type: "decide", page_session: pageSession }, decisionFor(w, answer)));
    },
    note,
  };
  globalThis.LGSendGuard.install(controller);

  // ------------------------------------------------------------ watching

  function ours(record) {
    if (record.type !== "childList") return false;
    const nodes = [...record.addedNodes, ...record.removedNodes];
    return nodes.length > 0 && nodes.every((n) => UI.owns(n));
  }

  function onBatch(records) {
    const t0 = performance.now();
    stats.batches += 1;
    onMutations(records);
    timing(stats.batchMs, performance.now() - t0);
  }
  const observer = new MutationObserver(onBatch);

  // A bubble minimised by a class, a dialog hidden or shown again through its style: the
  // page-wide observer leaves class and style out (they change all the time on
  // a feed), so these two are observed on the few elements the last scan read.
  const scopeObserver = new MutationObserver(onBatch);
  let observedScopes = [];
  function observeScopes(scopes) {
    if (scopes.length === observedScopes.length && scopes.every((el, i) => el === observedScopes[i])) return;
    const pending = scopeObserver.takeRecords(); // disconnect drops them
    scopeObserver.disconnect();
    observedScopes = scopes;
    for (const el of scopes) scopeObserver.observe(el, { attributes: true, attributeFilter: globalThis.LGDirty.SCOPE_ATTRIBUTES });
    if (pending.length) onBatch(pending);
  }

  const OBSERVE_OPTIONS = {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["open", "aria-checked", "hidden", "aria-hidden"],
  };

  // Open shadow roots (LinkedIn's #interop-outlet holds the 2026 composers
  // and dialogs): each one found is observed by the same observer, and
  // "change" (not a composed event) is listened to inside it.
  const roots = D.createRegistry(document, (shadowRoot) => {
    observer.observe(shadowRoot, OBSERVE_OPTIONS);
    shadowRoot.addEventListener("change", onChange, true);
    stats.shadowRoots += 1;
    // Records before it was observed are lost: one with a candidate in it is read in full.
    if (shadowRoot.querySelector(X.candidates)) dirty.all();
  });
  D.useRegistry(roots);
  let pendingAdded = [];
  let rootsWalkDue = true;

  /** Before each scan: new roots in what was added since, or one walk of the page when due. */
  function findShadowRoots() {
    if (rootsWalkDue) {
      rootsWalkDue = false;
      pendingAdded = [];
      roots.discover();
      return;
    }
    roots.checkHosts(SHADOW_HOSTS);
    if (!pendingAdded.length) return;
    const added = pendingAdded;
    pendingAdded = [];
    if (roots.discoverAdded(added, MAX_PENDING_ADDED).overflow) roots.discover();
  }

  function rememberAdded(n) {
    if (rootsWalkDue) return;
    if (pendingAdded.length >= MAX_PENDING_ADDED) {
      rootsWalkDue = true;
      pendingAdded = [];
      return;
    }
    pendingAdded.push(n);
  }

  function onMutations(records) {
    dirty.note(records, rememberAdded);
    if (scanTimer) return; // a scan is due anyway
    const n = Math.min(records.length, MAX_RECORDS_CHECKED);
    let relevant = false;
    for (let i = 0; i < n; i += 1) {
      if (!ours(records[i])) {
        relevant = true;
        break;
      }
    }
    if (!relevant) return;
    if (document.hidden) {
      dirtyWhileHidden = true;
      return;
    }
    scanScheduledBy = stats.batches;
    schedule("observe", OBSERVE_DELAY_MS);
  }
  observer.observe(document.documentElement, OBSERVE_OPTIONS);

  // Typing inside a shadow root reaches the document retargeted to the host:
  // the composed path says where it really happened (and names a root that
  // was attached without any mutation record).
  document.addEventListener(
    "input",
    (e) => {
      if (D.fromGuardUi(e, ownsNode)) return;
      roots.fromPath(e.composedPath());
      dirty.all(); // typing is what a warning answers: read everything, as before dirty tracking
      schedule("input", INPUT_DEBOUNCE_MS);
    },
    true
  );
  document.addEventListener(
    "focusin",
    (e) => {
      if (D.fromGuardUi(e, ownsNode)) return;
      // Focus decides which of several composers is the real one (extract.js preferReal).
      dirty.all();
      if (roots.fromPath(e.composedPath())) schedule("observe", 0);
    },
    true
  );
  // Our own page UI: marked hosts here; a page UI in closed roots may keep its hosts bare and answer owns().
  function ownsNode(node) {
    return typeof UI.owns === "function" && UI.owns(node);
  }
  function onChange() {
    dirty.all(); // a checked property or a value: no mutation record says where
    schedule("observe", 30);
  }
  document.addEventListener("change", onChange, true);
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && dirtyWhileHidden) {
      dirtyWhileHidden = false;
      dirty.all();
      schedule("observe", 0);
    }
  });
  window.addEventListener("popstate", () => {
    dirty.all();
    schedule("observe", 0);
  });
  // LinkedIn is a single-page app: a cheap URL check catches pushState
  // navigations that change nothing we observe.
  let ticks = 0;
  setInterval(() => {
    ticks += 1;
    if (location.href !== currentUrl) schedule("observe", 0);
    // The safety net at rest: what partial scans may have missed is read in full within seconds.
    else if (partialSinceFull && performance.now() - lastFullScanAt > FULL_SCAN_EVERY_MS && !document.hidden) {
      partialSinceFull = false;
      dirty.all();
      schedule("observe", 0);
    }
    // attachShadow on a host already in the page makes no mutation record:
    // LinkedIn's outlet is looked at every tick; every other element once
    // every few seconds, in idle time (one walk, never per mutation).
    else if (roots.checkHosts(SHADOW_HOSTS)) schedule("observe", 0);
    else if (ticks % ROOTS_WALK_TICKS === 0 && !document.hidden) whenIdle(() => {
      const t0 = performance.now();
      const fresh = roots.discover();
      timing(stats.walkMs, performance.now() - t0);
      if (fresh) schedule("observe", 0);
    });
  }, 500);

  function whenIdle(fn) {
    if (typeof requestIdleCallback === "function") requestIdleCallback(fn, { timeout: 2000 });
    else setTimeout(fn, 0);
  }

  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (!sender || sender.id !== api.runtime.id || sender.tab) return;
    if (msg && msg.type === "skeleton_of_page") {
      // The popup's "Save page structure": names and text are replaced here,
      // in the page, before anything leaves it (skeleton.js).
      sendResponse({ skeleton: globalThis.LGSkeleton.skeleton(document), page_type: X.pageType(location.href) });
      return;
    }
    if (msg && msg.type === "timings_of_page") {
      // benchmarks/extension_bench.py, in both browsers: our own timings and counts
      // (numbers only, no page data), asked by the background (sender checked above).
      sendResponse(stats);
      return;
    }
    if (msg && msg.type === "reevaluate") {
      if (msg.reason === "resumed") setPaused(0);
      reevaluateAll();
    }
    else if (msg && msg.type === "paused") setPaused(msg.until);
  });

  send({ type: "new_page", page_session: pageSession }).then((reply) => {
    applyPageState(reply);
    schedule("observe", 0);
  });
})();
