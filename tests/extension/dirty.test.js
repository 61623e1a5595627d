// Dirty tracking (extension/content/dirty.js) under jsdom: which extractors a
// scan may skip after which mutations, and that the one candidate selector
// covers every page-wide lookup of the extractors on every fixture page.
// Run: node --test tests/extension/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { JSDOM } = require("jsdom");

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURES = path.join(ROOT, "tests", "fixtures");
const X = require(path.join(ROOT, "extension", "content", "extract.js"));
const S = require(path.join(ROOT, "extension", "content", "linkedin-selectors.js"));
const Dirty = require(path.join(ROOT, "extension", "content", "dirty.js"));
const table = JSON.parse(fs.readFileSync(path.join(FIXTURES, "fixtures.json"), "utf8"));

test("surfaceCandidates covers every element a page-wide lookup finds, on every fixture", () => {
  let checked = 0;
  for (const f of table) {
    const dom = new JSDOM(fs.readFileSync(path.join(FIXTURES, f.file), "utf8"), { url: f.url, runScripts: "dangerously" });
    const doc = dom.window.document;
    const scopes = [doc, ...require(path.join(ROOT, "extension", "content", "deep-dom.js")).walkRoots(doc)];
    for (const scope of scopes) {
      for (const sel of X.pageWideLookups) {
        for (const el of scope.querySelectorAll(sel)) {
          checked += 1;
          assert.ok(el.matches(S.surfaceCandidates), `${f.file}: <${el.tagName.toLowerCase()}> found by ${sel} is no surface candidate`);
        }
      }
    }
  }
  assert.ok(checked > 50, `only ${checked} elements checked`);
});

const BUBBLE = `<!DOCTYPE html><html lang="en"><body><main><div id="feed"><p id="post">Post</p></div></main>
<aside class="msg-overlay-container"><div class="msg-overlay-conversation-bubble">
  <header class="msg-overlay-bubble-header"><h2 class="msg-overlay-bubble-header__title"><a href="/in/pieter-jansen/"><span id="name">Pieter Jansen</span></a></h2></header>
  <form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox"><p>Hello</p></div>
    <button class="msg-form__send-button" type="submit">Send</button></form></div></aside></body></html>`;

/** A page, a tracker fed by a MutationObserver, and a scan like main.js's. */
function setup() {
  const dom = new JSDOM(BUBBLE, { url: "https://www.linkedin.com/feed/" });
  const doc = dom.window.document;
  const tracker = Dirty.createTracker(S.surfaceCandidates, () => false, () => false);
  new dom.window.MutationObserver((records) => tracker.note(records)).observe(doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["open", "aria-checked", "hidden", "aria-hidden"],
  });
  // As main.js: class and style only on the elements the extractors read.
  const scoped = new dom.window.MutationObserver((records) => tracker.note(records));
  let last = null;
  const scan = () => {
    const plan = { last, clean: tracker.clean(last), next: new Map() };
    const found = X.extractAll(doc, "https://www.linkedin.com/feed/", plan);
    last = plan.next;
    tracker.watch(plan.next);
    scoped.disconnect();
    for (const el of tracker.scopes()) scoped.observe(el, { attributes: true, attributeFilter: Dirty.SCOPE_ATTRIBUTES });
    return { clean: plan.clean, found };
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { doc, scan, settle };
}

test("a mutation no extractor read leaves the message surface as it was; one in its bubble re-reads it", async () => {
  const { doc, scan, settle } = setup();
  const first = scan();
  assert.equal(first.clean.size, 0, "the first scan is full");
  assert.equal(first.found.find((s) => s.kind === "message").context.recipient.name, "Pieter Jansen");

  doc.getElementById("post").textContent = "Edited post";
  doc.getElementById("feed").appendChild(doc.createElement("div"));
  await settle();
  const second = scan();
  assert.ok(second.clean.has("messages"), "a feed mutation does not re-read the bubble");
  assert.equal(second.found.find((s) => s.kind === "message"), first.found.find((s) => s.kind === "message"));

  doc.getElementById("name").textContent = "Mark Visser";
  await settle();
  const third = scan();
  assert.ok(!third.clean.has("messages"));
  assert.equal(third.found.find((s) => s.kind === "message").context.recipient.name, "Mark Visser");
});

test("an added editor, a changed visibility attribute or a removed bubble makes the next scan read it", async () => {
  const { doc, scan, settle } = setup();
  scan();
  const box = doc.createElement("div");
  box.innerHTML = "<div contenteditable='true'></div>";
  doc.getElementById("feed").appendChild(box);
  await settle();
  assert.equal(scan().clean.size, 0, "a new candidate: full scan");

  scan();
  doc.getElementById("feed").setAttribute("hidden", "");
  await settle();
  assert.equal(scan().clean.size, 0, "an observed attribute: full scan");

  scan();
  doc.querySelector(".msg-overlay-container").remove();
  await settle();
  const after = scan();
  assert.ok(!after.clean.has("messages"));
  assert.ok(!after.found.some((s) => s.kind === "message"), "the removed bubble's surface is gone");
});

test("a bubble minimised or restored by its class alone is read again, and only its extractor", async () => {
  const { doc, scan, settle } = setup();
  scan();
  scan();
  const bubble = doc.querySelector(".msg-overlay-conversation-bubble");
  bubble.classList.add("msg-overlay-conversation-bubble--is-minimized");
  await settle();
  const minimised = scan();
  assert.ok(minimised.clean.size > 0, "a class change is no reason for a full scan");
  assert.ok(!minimised.clean.has("messages"), "the bubble's extractor re-reads it");
  assert.ok(!minimised.found.some((s) => s.kind === "message"), "a minimised bubble has no surface");
  bubble.classList.remove("msg-overlay-conversation-bubble--is-minimized");
  await settle();
  const restored = scan();
  assert.ok(!restored.clean.has("messages"));
  assert.equal(restored.found.find((s) => s.kind === "message").context.recipient.name, "Pieter Jansen");
  // class and style elsewhere (a feed post) change nothing an extractor reads.
  doc.getElementById("post").className = "highlighted";
  doc.getElementById("post").style.color = "red";
  await settle();
  assert.ok(scan().clean.has("messages"));
});

test("a composer dialog hidden or shown again through its style attribute alone is read again", async () => {
  const { doc, scan, settle } = setup();
  const dialog = doc.createElement("div");
  dialog.setAttribute("role", "dialog");
  dialog.className = "share-box";
  const editor = doc.createElement("div");
  editor.className = "ql-editor";
  editor.setAttribute("contenteditable", "true");
  editor.setAttribute("aria-label", "Text editor for creating content");
  editor.textContent = "Kick-off at Initech today";
  const post = doc.createElement("button");
  post.className = "share-actions__primary-action";
  post.textContent = "Post";
  dialog.append(editor, post);
  doc.body.appendChild(dialog);
  await settle();
  assert.ok(scan().found.some((s) => s.kind === "post"));
  scan();
  dialog.style.display = "none";
  await settle();
  const hidden = scan();
  assert.ok(hidden.clean.size > 0, "a style change is no reason for a full scan");
  assert.ok(!hidden.found.some((s) => s.kind === "post"), "a hidden composer has no surface");
  dialog.style.display = "";
  await settle();
  assert.ok(scan().found.some((s) => s.kind === "post"));
});

/** A dialog as LinkedIn keeps it between showings: in the page, hidden through its style. */
function hiddenDialog(doc, html) {
  const dialog = doc.createElement("div");
  dialog.setAttribute("role", "dialog");
  dialog.className = "artdeco-modal";
  dialog.style.display = "none";
  dialog.innerHTML = html;
  doc.body.appendChild(dialog);
  return dialog;
}

const INVITE = `<h2 id="send-invite-modal">Add a note to your invitation</h2>
  <p class="artdeco-modal__content">Personalize your invitation to <strong>Linda de Boer</strong> by adding a note.</p>
  <textarea name="message" id="custom-message">We offer 20% off cleaning contracts</textarea>
  <button type="button" aria-label="Send invitation">Send</button>`;

const POSITION = `<h2>Edit experience</h2><form data-testid="position-form">
  <label for="t">Title*</label><input id="t" value="Facility manager">
  <label for="c">Company or organization*</label><input id="c" value="Initech">
  <input type="checkbox" id="cur" checked><label for="cur">I am currently working in this role</label>
  <button class="artdeco-button--primary">Save</button></form>`;

/**
 * A dialog (`html`, made by `dress`) kept hidden through its style, scanned in full and then
 * partly, is shown again through its style alone: the scan after that, which must be partial.
 */
async function shownAgainByStyle(html, dress) {
  const { doc, scan, settle } = setup();
  const dialog = hiddenDialog(doc, html);
  dress(dialog);
  await settle();
  const hidden = scan();
  scan();
  dialog.style.display = "block";
  await settle();
  const shown = scan();
  assert.ok(shown.clean.size > 0, "a style change is no reason for a full scan");
  return { hidden, shown };
}

test("an invitation dialog shown again through its style attribute alone is read at the next scan", async () => {
  const { hidden, shown } = await shownAgainByStyle(INVITE, (dialog) => {
    dialog.classList.add("send-invite");
    dialog.setAttribute("aria-labelledby", "send-invite-modal");
  });
  assert.ok(!hidden.found.some((s) => s.key.startsWith("invitation:")), "a hidden invitation dialog has no surface");
  assert.ok(!shown.clean.has("invitation"), "the invitation extractor re-reads the dialog it found hidden");
  const invite = shown.found.find((s) => s.key.startsWith("invitation:"));
  assert.ok(invite, "the dialog shown again has its surface at once");
  assert.equal(invite.context.recipient.name, "Linda de Boer");
});

test("a form dialog shown again through its style attribute alone is read at the next scan", async () => {
  const { hidden, shown } = await shownAgainByStyle(POSITION, () => {});
  assert.ok(!hidden.found.some((s) => s.kind === "position_form"), "a hidden form dialog has no surface");
  assert.ok(!shown.clean.has("positionForm"), "the form extractors re-read the dialog they found hidden");
  assert.ok(shown.found.some((s) => s.kind === "position_form"), "the form shown again has its surface at once");
});
