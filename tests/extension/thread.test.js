// Thread reading (extract.js readRecipient/readThread): who wrote each message
// of a conversation, and what the recipient wrote last. These counts decide
// LG201/LG202 (a first message to a stranger vs. a reply), so a message
// counted on the wrong side is a wrong warning. Small pages in the shapes of
// the fixtures (Ember: msg-s-* classes; React/2026: role=list, data-view-name).
// Found missing by StrykerJS (benchmarks/mutation_bench.py).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { JSDOM } = require("jsdom");

const ROOT = path.resolve(__dirname, "..", "..");
const X = require(path.join(ROOT, "extension", "content", "extract.js"));
const URL_ = "https://www.linkedin.com/messaging/thread/2-abc/";

function message(html, { header = REACT_HEADER, form = REACT_FORM } = {}) {
  const doc = new JSDOM(
    `<html lang="en"><body><main><div data-view-name="conversation">${header}<div role="list">${html}</div>${form}</div></main></body></html>`,
    { url: URL_ }
  ).window.document;
  const got = X.extractAll(doc, URL_).filter((s) => s.kind === "message");
  assert.equal(got.length, 1, "one message surface");
  return got[0].context;
}

const REACT_HEADER = `<header><a href="/in/mark-visser/"><h2>Mark Visser</h2></a></header>`;
const REACT_FORM = `<form><div role="textbox" contenteditable="true" aria-label="Write a message"><p><br></p></div><button type="submit">Send</button></form>`;

const item = (inner, attrs = "") => `<div role="listitem"${attrs}>${inner}</div>`;
const from = (name, href = null) =>
  href ? `<a href="${href}"><span data-view-name="sender-name">${name}</span></a>` : `<span data-view-name="sender-name">${name}</span>`;

test("a message labelled with someone else's name is mine; the recipient's name or profile link makes it theirs", () => {
  const t = message(
    item(`${from("Mark Visser", "/in/mark-visser/")}<p>Hello from Mark</p>`) +
      item(`${from("Sanne de Vries", "/in/sanne-de-vries/")}<p>Hi Mark</p>`) +
      item(`${from("Mark", "https://www.linkedin.com/in/mark-visser/?miniProfile=x")}<p>Same link, short name</p>`) +
      item(`${from("mark visser")}<p>Same name, no link</p>`)
  ).thread;
  assert.deepEqual(t, { messages_from_me: 1, messages_from_recipient: 3, last_from_recipient: "Same name, no link" });
});

test("a sender link to another profile is not the recipient, even with a name alike", () => {
  const t = message(item(`${from("Sanne", "/in/sanne-de-vries/")}<p>Mine</p>`) + item(`<p>Also mine</p>`)).thread;
  assert.deepEqual(t, { messages_from_me: 2, messages_from_recipient: 0 });
});

test("an unlabeled first message is mine; unlabeled ones after a label belong to that sender", () => {
  const t = message(
    item(`<p>Mine, unlabeled</p>`) +
      item(`${from("Mark Visser", "/in/mark-visser/")}<p>Theirs 1</p>`) +
      item(`<p>Theirs 2</p>`) +
      item(`${from("Sanne de Vries", "/in/sanne-de-vries/")}<p>Mine 2</p>`) +
      item(`<p>Mine 3</p>`)
  ).thread;
  assert.deepEqual(t, { messages_from_me: 3, messages_from_recipient: 2, last_from_recipient: "Theirs 2" });
});

test("data-sender=me wins over a label that looks like the recipient's", () => {
  const t = message(item(`${from("Mark Visser", "/in/mark-visser/")}<p>Actually mine</p>`, ` data-sender="me"`)).thread;
  assert.deepEqual(t, { messages_from_me: 1, messages_from_recipient: 0 });
});

test("the --other class marks their messages on the item or inside it (Ember)", () => {
  const ember = (cls, inner) => `<li class="msg-s-message-list__event"><div class="msg-s-event-listitem ${cls}">${inner}</div></li>`;
  const header = `<header><h2 class="msg-entity-lockup__entity-title">Mark Visser</h2></header>`;
  const form = `<form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox"><p><br></p></div><button class="msg-form__send-button">Send</button></form>`;
  const doc = new JSDOM(
    `<html lang="en"><body><main><div class="msg-thread">${header}<ul class="msg-s-message-list-content">
      ${ember("msg-s-event-listitem--other", `<p class="msg-s-event-listitem__body">Theirs</p>`)}
      ${ember("", `<span class="msg-s-message-group__name">Sanne de Vries</span><p class="msg-s-event-listitem__body">Mine</p>`)}
      ${ember("msg-s-event-listitem--other", `<div class="msg-s-event-listitem__attachment">a shared post</div>`)}
      <li class="msg-s-message-list__event"><time class="msg-s-message-list__time-heading">Today</time></li>
    </ul>${form}</div></main></body></html>`,
    { url: URL_ }
  ).window.document;
  const [s] = X.extractAll(doc, URL_).filter((x) => x.kind === "message");
  // The shared post is their message (counted) without text: the last text stays "Theirs".
  // The date heading is an event but not a message. Each li holds the --other item: found inside it.
  assert.deepEqual(s.context.thread, { messages_from_me: 1, messages_from_recipient: 2, last_from_recipient: "Theirs" });
});

test("an Ember item reads its text from the body only, not from the sender line around it", () => {
  const header = `<header><h2 class="msg-entity-lockup__entity-title">Mark Visser</h2></header>`;
  const form = `<form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox"><p><br></p></div><button class="msg-form__send-button">Send</button></form>`;
  const doc = new JSDOM(
    `<html lang="en"><body><main><div class="msg-thread">${header}<ul>
      <li class="msg-s-message-list__event"><div class="msg-s-event-listitem msg-s-event-listitem--other">
        <span class="msg-s-message-group__name">Mark Visser</span><time>10:02</time>
        <div class="msg-s-event-listitem__body">Are you hiring?</div></div></li>
    </ul>${form}</div></main></body></html>`,
    { url: URL_ }
  ).window.document;
  const [s] = X.extractAll(doc, URL_).filter((x) => x.kind === "message");
  assert.equal(s.context.thread.last_from_recipient, "Are you hiring?");
});

test("a React item without a body element gives its whole text; the last text is the latest of theirs", () => {
  const t = message(
    item(`${from("Mark Visser", "/in/mark-visser/")}<div>first words</div>`) +
      item(`<div>second words</div>`) +
      item(`${from("Sanne", "/in/sanne/")}<p>my answer</p>`)
  ).thread;
  assert.equal(t.last_from_recipient.endsWith("second words"), true, t.last_from_recipient);
  assert.equal(t.last_from_recipient.includes("first words"), false);
  assert.equal(t.messages_from_recipient, 2);
  assert.equal(t.messages_from_me, 1);
});

test("their last message is cut at 5,000 characters", () => {
  const long = "a".repeat(6000);
  const t = message(item(`${from("Mark Visser", "/in/mark-visser/")}<p>${long}</p>`)).thread;
  assert.equal(t.last_from_recipient, "a".repeat(5000));
});

test("a thread with no events, or only events in the composer, has zero messages and no last text", () => {
  assert.deepEqual(message("").thread, { messages_from_me: 0, messages_from_recipient: 0 });
  const t = message("", {
    form: `<form><div role="list"><div role="listitem"><p>offer.pdf</p></div></div><div role="textbox" contenteditable="true" aria-label="Write a message"><p><br></p></div><button type="submit">Send</button></form>`,
  }).thread;
  assert.deepEqual(t, { messages_from_me: 0, messages_from_recipient: 0 });
});

// ------------------------------------------------------------------ recipient

test("the recipient: name from the header, profile link made absolute, degree and headline", () => {
  const c = message("", {
    header: `<header><a href="/in/mark-visser/"><h2>Mark Visser</h2></a><span class="artdeco-entity-lockup__degree">· 2nd</span><p>Sales lead at Acme</p></header>`,
  });
  assert.deepEqual(c.recipient, {
    name: "Mark Visser",
    profile_url: "https://www.linkedin.com/in/mark-visser/",
    headline: "Sales lead at Acme",
    connection_degree: "2nd",
  });
});

test("the recipient's name from the profile link's text when no heading names them; no headline equal to the name", () => {
  const c = message("", { header: `<header><a href="/in/mark-visser/"><span>Mark Visser</span></a><p>Mark Visser</p></header>` });
  assert.deepEqual(c.recipient, { name: "Mark Visser", profile_url: "https://www.linkedin.com/in/mark-visser/" });
});

test("a new message to chosen people: the pills name the recipients, with no profile", () => {
  const doc = new JSDOM(
    `<html lang="en"><body><main><div class="msg-convo-wrapper"><div class="msg-compose-form">
      <span class="artdeco-pill">Mark Visser</span><span class="artdeco-pill">Sanne de Vries</span></div>
      <form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox"><p><br></p></div><button class="msg-form__send-button">Send</button></form>
    </div></main></body></html>`,
    { url: "https://www.linkedin.com/messaging/thread/new/" }
  ).window.document;
  const [s] = X.extractAll(doc, "https://www.linkedin.com/messaging/thread/new/").filter((x) => x.kind === "message");
  assert.deepEqual(s.context.recipient, { name: "Mark Visser, Sanne de Vries", profile_url: null });
});

test("no recipient to name: no message surface (nothing to judge)", () => {
  const doc = new JSDOM(
    `<html lang="en"><body><main><div class="msg-convo-wrapper"><form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox"><p><br></p></div><button class="msg-form__send-button">Send</button></form></div></main></body></html>`,
    { url: URL_ }
  ).window.document;
  assert.deepEqual(X.extractAll(doc, URL_).filter((x) => x.kind === "message"), []);
});

test("the degree badge and its dot are stripped from the name, in both languages", () => {
  for (const h2 of ["Mark Visser · 2nd", "Mark Visser 2e ·", "Mark Visser • 3rd+"]) {
    const c = message("", { header: `<header><h2>${h2}</h2></header>` });
    assert.equal(c.recipient.name, "Mark Visser", h2);
  }
});

test("names and headlines are cut to the contract's lengths", () => {
  const c = message("", { header: `<header><h2>${"N".repeat(400)}</h2><p>${"h".repeat(700)}</p></header>` });
  assert.equal(c.recipient.name.length, 300);
  assert.equal(c.recipient.headline.length, 500);
});

test("the presence line (Status is …) never becomes the headline, in either language", () => {
  for (const [status, lang] of [["Status is online", "en"], ["Status is offline", "en"], ["Status: bereikbaar", "nl"]]) {
    const c = message("", {
      header: `<header><h2>Mark Visser</h2><dl><dd class="msg-entity-lockup__entity-info"><span>${status}</span>\n<span>Sales lead at Acme</span></dd></dl></header>`,
    });
    assert.equal(c.recipient.headline, "Sales lead at Acme", `${lang}: ${status}`);
  }
});

test("a heading names the recipient even when a separate profile link has other text", () => {
  const c = message("", { header: `<header><h2>Mark Visser</h2><a href="/in/mark-visser/">View profile</a></header>` });
  assert.equal(c.recipient.name, "Mark Visser");
  assert.equal(c.recipient.profile_url, "https://www.linkedin.com/in/mark-visser/");
});

test("data-sender=me after their message is mine, and so is what follows unlabeled", () => {
  const t = message(
    item(`${from("Mark Visser", "/in/mark-visser/")}<p>Theirs</p>`) + item(`<p>Mine</p>`, ` data-sender="me"`) + item(`<p>Mine too</p>`)
  ).thread;
  assert.deepEqual(t, { messages_from_me: 2, messages_from_recipient: 1, last_from_recipient: "Theirs" });
});
