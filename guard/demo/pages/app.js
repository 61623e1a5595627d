/*
 * A stand-in for LinkedIn's own page code on the demo pages and on the
 * test fixture pages (tests serve this file at /_fixture/app.js). It behaves
 * like LinkedIn where the extension depends on it: the Send/Post button is enabled only by real input events (LinkedIn's
 * React state does not notice text set through innerText: opencues/opencues#93),
 * and a send appends the text to #fixture-sent and clears the composer, so a
 * test can see that a send went through (or was held).
 */
(function () {
  "use strict";
  const sent = () => {
    let log = document.getElementById("fixture-sent");
    if (!log) {
      log = document.createElement("ol");
      log.id = "fixture-sent";
      document.body.appendChild(log);
    }
    return log;
  };

  function editorOf(button) {
    const scope = button.closest("form, [role='dialog'], dialog, .share-box, .artdeco-modal, .fixture-composer") || document;
    return scope.querySelector("[contenteditable='true'], textarea");
  }

  function textOf(editor) {
    if (!editor) return "";
    return editor.tagName === "TEXTAREA" ? editor.value : editor.textContent;
  }

  function refresh(editor) {
    const scope = editor.closest("form, [role='dialog'], dialog, .share-box, .artdeco-modal, .fixture-composer");
    if (!scope) return;
    for (const b of scope.querySelectorAll("[data-fixture-send]")) {
      const empty = !textOf(editor).trim() && !b.hasAttribute("data-fixture-allow-empty");
      b.disabled = empty;
    }
  }

  // LinkedIn's 2026 dialogs live in an open shadow root (#interop-outlet):
  // event.target is retargeted to the host there; the composed path is not.
  const targetOf = (e) => (e.composedPath ? e.composedPath()[0] : e.target);

  document.addEventListener("input", (e) => {
    const ed = targetOf(e).closest && targetOf(e).closest("[contenteditable='true'], textarea");
    if (ed) refresh(ed);
  });

  function send(button) {
    const editor = editorOf(button);
    const li = document.createElement("li");
    li.className = "fixture-sent-item";
    li.textContent = editor ? textOf(editor) : button.textContent.trim();
    sent().appendChild(li);
    if (editor) {
      if (editor.tagName === "TEXTAREA") editor.value = "";
      else editor.textContent = "";
      refresh(editor);
    }
  }

  document.addEventListener("click", (e) => {
    const t = targetOf(e);
    const b = t.closest && t.closest("[data-fixture-send]");
    if (!b || b.disabled) return;
    e.preventDefault();
    send(b);
  });

  document.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || e.shiftKey) return;
    const t = targetOf(e);
    const ed = t.closest && t.closest(".msg-form [contenteditable='true'], [data-fixture-enter-sends]");
    // "Click Send" chosen in LinkedIn's send options: Enter makes a new line.
    if (!ed || ed.closest("[data-fixture-enter-newline]")) return;
    e.preventDefault();
    const form = ed.closest("form");
    const b = form && form.querySelector("[data-fixture-send]");
    if (b && !b.disabled) send(b);
  });

  // SPA navigation like LinkedIn's: links with data-fixture-spa swap the
  // page through history.pushState without a reload.
  document.addEventListener("click", async (e) => {
    const a = e.target.closest && e.target.closest("a[data-fixture-spa]");
    if (!a) return;
    e.preventDefault();
    const res = await fetch(a.href);
    const html = await res.text();
    const doc = new DOMParser().parseFromString(html, "text/html");
    const main = document.querySelector("main");
    const next = doc.querySelector("main");
    if (main && next) main.replaceWith(document.adoptNode(next));
    history.pushState({}, "", a.href);
    document.title = doc.title;
  });

  const outlet = document.getElementById("interop-outlet");
  for (const scope of [document, outlet && outlet.shadowRoot].filter(Boolean)) {
    for (const ed of scope.querySelectorAll("[contenteditable='true'], textarea")) refresh(ed);
  }
})();
