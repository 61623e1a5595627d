/*
 * Confirm before send. A capture-phase listener on the document sees a
 * click on Send/Post/Save (and Enter in a message composer) before
 * LinkedIn's own handlers. It holds the action only when there is something
 * to say:
 *
 *   - the surface shows warnings in mode "confirm"            -> ask
 *   - the text changed since the last check (fast typist)     -> check now
 *     (one host round trip), then ask or let it through
 *   - the host is unreachable and settings.fail_mode = closed -> ask
 *   - the host is unreachable and fail_mode = open            -> let it
 *     through and say the guard was offline
 *   - otherwise                                               -> nothing:
 *     the event is not touched, LinkedIn's send is not delayed.
 *
 * After "Send anyway" the decision is recorded (decide) and the click is
 * re-dispatched on the same button with our listener stepping aside.
 *
 * Enter: LinkedIn lets people choose "Press Enter to Send" or "Click Send",
 * and the choice cannot be read from the page. So the guard learns it from
 * an Enter it did not hold: a composer that still holds the text with one
 * more line afterwards means Enter makes a new line, and then Enter is never
 * held (asking "Send anyway?" for a line break would be crying wolf). Until
 * that is seen, Enter in a composer is treated as a send. Only a positive
 * sign (a line added) teaches "newline": a slow send must not switch the
 * check off. The lesson is kept in the extension's own storage.
 * Shift+Enter is always a line break, never a send.
 *
 * Inside a shadow root (LinkedIn's 2026 composers and dialogs live in
 * #interop-outlet's open root) event.target is retargeted to the host; the
 * real target is the first node of the event's composed path.
 */
(function (root) {
  "use strict";

  const ENTER_KEY = "enterMakesNewline";
  const LEARN_AFTER_MS = 250;

  // What makes a line in a composer's markup (Quill and TipTap: <p>; a plain
  // contenteditable: <div> or <br>).
  const LINE_MARKUP = "p, div, li, br, blockquote, pre, h1, h2, h3";

  /**
   * The composer's lines as its markup holds them, empty ones included. An
   * Enter that makes a new line adds one (<p><br></p>, <div><br></div>, <br>,
   * a textarea's "\n") before anything is typed on it; the visible text
   * (readText) drops empty lines, so it showed the new line only once the
   * person typed on it, and a pause longer than the wait went unlearnt.
   */
  function lineCount(editor) {
    if (editor.tagName === "TEXTAREA" || editor.tagName === "INPUT") return String(editor.value || "").split("\n").length;
    return editor.querySelectorAll(LINE_MARKUP).length;
  }

  function install(ctl) {
    let bypass = false;
    let enterMakesNewline = false;
    const storage = root.chrome && root.chrome.storage && root.chrome.storage.local;
    if (storage) {
      storage.get(ENTER_KEY).then((got) => { enterMakesNewline = got[ENTER_KEY] === true; }, () => {});
    }

    function learnFromEnter(editor) {
      if (enterMakesNewline || !editor) return;
      const text = root.LGExtract.readText(editor);
      if (!text.trim()) return;
      const lines = lineCount(editor);
      setTimeout(() => {
        if (!editor.isConnected || !root.LGExtract.readText(editor).trim()) return; // sent (or gone)
        if (lineCount(editor) <= lines) return; // no sign either way
        enterMakesNewline = true;
        if (storage) storage.set({ [ENTER_KEY]: true }).catch(() => {});
      }, LEARN_AFTER_MS);
    }

    function release(button) {
      if (!button || !button.isConnected) return;
      bypass = true;
      try {
        button.click();
      } finally {
        bypass = false;
      }
    }

    async function hold(rec, button, how) {
      if (rec.holding) return;
      rec.holding = true;
      try {
        const verdict = await ctl.assess(rec);
        if (verdict.action === "pass") {
          release(button);
          return;
        }
        if (verdict.action === "pass_offline") {
          release(button);
          ctl.note(rec, "offline");
          return;
        }
        const opts = Object.assign({ offline: verdict.action === "ask_offline" }, ctl.dialogOptions ? ctl.dialogOptions(rec) : {});
        const answer = await root.LGWarningUI.confirmSend(verdict.warnings, ctl.strings(rec), opts);
        ctl.recordConfirm(rec, verdict.warnings, answer);
        if (answer.proceed) release(button);
        else if (rec.surface.editor && rec.surface.editor.isConnected) rec.surface.editor.focus();
      } finally {
        rec.holding = false;
      }
      void how;
    }

    function onClick(e) {
      if (bypass || !e.isTrusted) return;
      const found = ctl.surfaceForSendButton(root.LGDeep.eventTarget(e));
      if (!found) return;
      const { rec, button } = found;
      if (button.disabled || button.getAttribute("aria-disabled") === "true") return;
      if (!ctl.shouldHold(rec)) {
        if (ctl.offlineOpen(rec)) ctl.note(rec, "offline");
        return;
      }
      e.preventDefault();
      e.stopImmediatePropagation();
      hold(rec, button, "click");
    }

    function onKeydown(e) {
      if (bypass || !e.isTrusted || e.key !== "Enter" || e.shiftKey || e.isComposing) return;
      const rec = ctl.surfaceForEditor(root.LGDeep.eventTarget(e));
      if (!rec || !rec.surface.enterSends || enterMakesNewline) return;
      const button = rec.surface.sendButtons()[0];
      if (!button) return;
      if (!ctl.shouldHold(rec)) {
        learnFromEnter(rec.surface.editor);
        return;
      }
      e.preventDefault();
      e.stopImmediatePropagation();
      hold(rec, button, "enter");
    }

    document.addEventListener("click", onClick, true);
    document.addEventListener("keydown", onKeydown, true);
    return {
      uninstall() {
        document.removeEventListener("click", onClick, true);
        document.removeEventListener("keydown", onKeydown, true);
      },
    };
  }

  const api = { install };
  root.LGSendGuard = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
