// Extractor tests: the content script's readers run under jsdom on the
// LinkedIn-like fixture pages (both frontends, both UI languages).
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
const table = JSON.parse(fs.readFileSync(path.join(FIXTURES, "fixtures.json"), "utf8"));

function load(file, url) {
  const dom = new JSDOM(fs.readFileSync(path.join(FIXTURES, file), "utf8"), { url });
  return dom.window.document;
}

function load_html(html, url) {
  return new JSDOM(html, { url }).window.document;
}

function surfaces(doc, url) {
  return X.extractAll(doc, url);
}

test("the fixture table covers every context kind, both frontends and both UI languages", () => {
  const kinds = new Set(table.flatMap((f) => f.expect.map((e) => e.context.kind)));
  for (const kind of ["profile", "open_to_work_form", "position_form", "message", "post", "connections"]) {
    assert.ok(kinds.has(kind), `no fixture for ${kind}`);
  }
  const channels = new Set(table.flatMap((f) => f.expect.filter((e) => e.context.kind === "message").map((e) => e.context.channel)));
  assert.deepEqual([...channels].sort(), ["inmail", "invitation", "message"]);
  assert.deepEqual([...new Set(table.map((f) => f.frontend))].sort(), ["ember", "react"]);
  assert.deepEqual([...new Set(table.map((f) => f.ui_language))].sort(), ["en", "nl"]);
});

for (const fx of table) {
  test(`${fx.file}: ${fx.title}`, () => {
    const doc = load(fx.file, fx.url);
    const got = surfaces(doc, fx.url);
    assert.deepEqual(
      got.map((s) => ({ key: s.key.replace(/:\d+$/, ""), send_buttons: s.sendButtons().length, context: s.context })),
      fx.expect
    );
    assert.equal(X.detectFrontend(doc), fx.frontend);
    assert.equal(X.uiLanguage(doc), fx.ui_language);
    for (const s of got) {
      assert.ok(s.anchor && s.anchor.isConnected, "every surface has an anchor in the page for its warnings");
    }
  });
}

test("page type comes from the URL", () => {
  const cases = {
    "https://www.linkedin.com/in/sanne-de-vries/": "profile",
    "https://www.linkedin.com/in/sanne-de-vries": "profile",
    "https://www.linkedin.com/in/me/opportunities/job-opportunities/edit/?jobOpportunitiesOrigin=PROFILE_TOP_CARD": "otw_form",
    "https://www.linkedin.com/jobs/opportunities/job-opportunities/onboarding?origin=JOB_SEEKING_PREFERENCES": "otw_form",
    "https://www.linkedin.com/in/me/edit/forms/position/new/?profileFormEntryPoint=PROFILE_SECTION": "position_form",
    "https://www.linkedin.com/in/me/add-edit/POSITION/": "position_form",
    "https://www.linkedin.com/messaging/thread/2-abc/": "messaging",
    "https://www.linkedin.com/preload/custom-invite/?vanityName=x": "invite",
    "https://www.linkedin.com/mynetwork/invite-connect/connections/": "connections",
    "https://www.linkedin.com/feed/": "feed",
    "https://www.linkedin.com/jobs/": "other",
    "https://www.linkedin.com/in/sanne/details/experience/": "other",
  };
  for (const [url, type] of Object.entries(cases)) assert.equal(X.pageType(url), type, url);
});

test("typing into the composer changes the message text; the recipient stays", () => {
  const url = "https://www.linkedin.com/messaging/thread/2-abc/";
  const doc = load("ember-en/messaging-thread.html", url);
  const editor = doc.querySelector(".msg-form__contenteditable");
  editor.innerHTML = "<p>Hi Mark,</p><p>our <b>new</b> offer is 20% off</p>";
  const [s] = surfaces(doc, url);
  assert.equal(s.context.text, "Hi Mark,\nour new offer is 20% off");
  assert.equal(s.context.recipient.name, "Mark Visser");
  assert.equal(s.editor, editor);
});

test("screen-reader duplicates are read once", () => {
  const url = "https://www.linkedin.com/in/sanne-de-vries/";
  const doc = load("ember-en/profile-own.html", url);
  const [s] = surfaces(doc, url);
  assert.equal(s.context.positions[0].title, "Data Engineer");
  assert.ok(!s.context.positions[0].company.includes("Full-time"));
});

test("switching the open-to-work radio to recruiters changes the audience", () => {
  const url = "https://www.linkedin.com/in/me/opportunities/job-opportunities/edit/";
  const doc = load("ember-en/otw-form.html", url);
  doc.getElementById("vis-rec").checked = true;
  const [s] = surfaces(doc, url);
  assert.equal(s.context.audience, "recruiters");
});

test("no radio checked in the open-to-work form: nothing to say yet", () => {
  const url = "https://www.linkedin.com/in/me/opportunities/job-opportunities/edit/";
  const doc = load("ember-en/otw-form.html", url);
  doc.getElementById("vis-all").checked = false;
  assert.deepEqual(surfaces(doc, url), []);
});

test("unchecking 'currently working here' in Dutch is read as not current", () => {
  const url = "https://www.linkedin.com/in/me/edit/forms/position/new/";
  const doc = load("react-nl/position-form.html", url);
  doc.querySelector("input[type=checkbox]").checked = false;
  const [s] = surfaces(doc, url);
  assert.equal(s.context.current, false);
});

test("an own profile without open-to-work has open_to_work null", () => {
  const url = "https://www.linkedin.com/in/sanne-de-vries/";
  const doc = load("ember-en/profile-own.html", url);
  doc.querySelector(".pv-open-to-carousel").remove();
  const img = doc.querySelector(".pv-top-card-profile-picture img");
  img.setAttribute("alt", "Sanne de Vries");
  img.setAttribute("title", "Sanne de Vries");
  img.setAttribute("src", "https://media.licdn.com/dms/image/x/profile-displayphoto-shrink_200_200/0/1.jpg");
  const [s] = surfaces(doc, url);
  assert.equal(s.context.own, true);
  assert.equal(s.context.open_to_work, null);
});

test("a #HIRING frame is not open to work", () => {
  const url = "https://www.linkedin.com/in/mark-visser/";
  const doc = load("ember-nl/profile-other.html", url);
  const img = doc.querySelector(".pv-top-card-profile-picture img");
  img.setAttribute("alt", "Mark Visser, #HIRING");
  img.setAttribute("title", "Mark Visser, #HIRING");
  const [s] = surfaces(doc, url);
  assert.equal(s.context.open_to_work, null);
});

test("pages without a LinkedIn surface give nothing", () => {
  const url = "https://www.linkedin.com/feed/";
  const doc = load_html(
    `<html lang="en"><body class="ember-application"><main><div class="feed-shared-update-v2"><p>Hello</p></div>
     <div class="comments-comment-box"><div class="ql-editor" contenteditable="true"><p>a comment</p></div></div>
     <dialog><div class="share-box"><div class="ql-editor" contenteditable="true"><p>closed</p></div></div></dialog></main></body></html>`,
    url
  );
  assert.deepEqual(surfaces(doc, url), []);
});

test("a profile URL without a top card gives no profile context", () => {
  const url = "https://www.linkedin.com/in/someone/";
  const doc = load_html(`<html><body><main><p>Loading…</p></main></body></html>`, url);
  assert.deepEqual(surfaces(doc, url), []);
});

test("a contenteditable outside a message form is not a message", () => {
  const url = "https://www.linkedin.com/messaging/thread/2-abc/";
  const doc = load_html(
    `<html><body><main><header><a href="/in/x/"><h2>X</h2></a></header><form><div role="textbox" contenteditable="true" aria-label="Search messages"></div></form></main></body></html>`,
    url
  );
  assert.deepEqual(surfaces(doc, url), []);
});

test("invitation dialog with the Premium upsell instead of a note gives nothing", () => {
  const url = "https://www.linkedin.com/preload/custom-invite/?vanityName=x";
  const doc = load_html(
    `<html><body><div role="dialog" class="artdeco-modal send-invite"><h2>Add a note?</h2><a href="/premium/">Try Premium</a><button>Send without a note</button></div></body></html>`,
    url
  );
  assert.deepEqual(surfaces(doc, url), []);
});

test("hostile markup in names stays text in the context", () => {
  const fx = table.find((f) => f.file === "react-en/profile-other.html");
  const doc = load(fx.file, fx.url);
  const [s] = surfaces(doc, fx.url);
  assert.match(s.context.name, /<img src=x onerror=/);
  assert.equal(doc.querySelectorAll("main img").length, 1, "the name's markup was not parsed into the page");
});

test("contexts carry only contract fields", () => {
  const allowed = {
    profile: ["kind", "own", "name", "headline", "open_to_work", "positions", "connection_degree"],
    open_to_work_form: ["kind", "audience", "job_titles"],
    position_form: ["kind", "title", "company", "current"],
    message: ["kind", "channel", "recipient", "text", "thread"],
    post: ["kind", "text", "mentions", "media", "audience"],
    connections: ["kind", "people"],
  };
  const person = ["name", "profile_url", "headline", "company", "connection_degree"];
  for (const fx of table) {
    for (const e of fx.expect) {
      for (const k of Object.keys(e.context)) assert.ok(allowed[e.context.kind].includes(k), `${fx.file}: ${k}`);
      const people = [].concat(
        e.context.recipient ? [e.context.recipient] : [],
        e.context.people || [],
        ...(e.context.media || []).map((m) => m.people_tagged)
      );
      for (const p of people) for (const k of Object.keys(p)) assert.ok(person.includes(k), `${fx.file}: person.${k}`);
    }
  }
});

test("every LinkedIn selector lives in linkedin-selectors.js", () => {
  // Class and hook names that only LinkedIn uses; none may appear in the
  // other content scripts (the one-file rule: when LinkedIn changes, one file changes).
  const markers = ["msg-form", "pv-top-card", "share-box", "ql-editor", "artdeco", "data-view-name", "componentkey", "mn-connection", "openToWork", "profileEditFormElement"];
  const dir = path.join(ROOT, "extension", "content");
  for (const name of fs.readdirSync(dir)) {
    if (name === "linkedin-selectors.js") continue;
    const src = fs.readFileSync(path.join(dir, name), "utf8");
    for (const m of markers) assert.ok(!src.includes(m), `${name} mentions ${m}`);
  }
  assert.ok(S.text.en && S.text.nl, "nl and en text tables");
  assert.deepEqual(Object.keys(S.text.en).sort(), Object.keys(S.text.nl).sort(), "nl and en tables have the same keys");
});
