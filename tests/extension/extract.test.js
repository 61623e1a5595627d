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

// Inline fixture scripts run (the 2026 fixtures attach #interop-outlet's open
// shadow root and set radios' checked property the way LinkedIn's code does);
// external ones (/_fixture/app.js) are not loaded.
function load(file, url) {
  const dom = new JSDOM(fs.readFileSync(path.join(FIXTURES, file), "utf8"), { url, runScripts: "dangerously" });
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
  const languages = new Set(table.map((f) => f.ui_language));
  assert.ok(languages.has("en") && languages.has("nl"), [...languages].join(","));
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
    assert.deepEqual(X.unreadable(doc, fx.url, got), [], "a page the guard reads is not reported as unreadable");
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

// ------------------------------------------------ 2026: shadow roots, threads, health

const D = require(path.join(ROOT, "extension", "content", "deep-dom.js"));

test("composers and dialogs inside #interop-outlet's shadow root are read; their editor, anchor and buttons are in the root", () => {
  for (const file of ["dom2026/post-composer-outlet-en.html", "dom2026/invitation-outlet-nl.html", "dom2026/overlay-bubble-outlet-en.html"]) {
    const fx = table.find((f) => f.file === file);
    const doc = load(fx.file, fx.url);
    const outlet = doc.getElementById("interop-outlet");
    const inShadow = surfaces(doc, fx.url).filter((s) => s.kind !== "profile");
    assert.equal(inShadow.length, 1, file);
    const [s] = inShadow;
    assert.equal(s.editor.getRootNode(), outlet.shadowRoot, `${file}: the editor is the one in the shadow root`);
    assert.equal(s.anchor.getRootNode(), outlet.shadowRoot, `${file}: warnings go next to it, inside the root`);
    assert.ok(s.sendButtons().every((b) => b.getRootNode() === outlet.shadowRoot), file);
  }
});

test("the decoy editor in the light DOM is never the composer; without the shadow composer it is read", () => {
  const fx = table.find((f) => f.file === "dom2026/post-composer-outlet-en.html");
  const doc = load(fx.file, fx.url);
  const posts = surfaces(doc, fx.url);
  assert.equal(posts.length, 1);
  assert.ok(D.inShadow(posts[0].editor));
  doc.getElementById("interop-outlet").remove();
  const left = surfaces(doc, fx.url);
  assert.equal(left.length, 1, "a lone light-DOM composer is still a composer");
  assert.ok(!D.inShadow(left[0].editor));
});

test("a shadow root attached later is found by a fresh walk and by the registry's checks", () => {
  const url = "https://www.linkedin.com/feed/";
  const doc = load_html(`<html lang="en"><body><main></main><div id="interop-outlet" data-testid="interop-shadowdom"></div></body></html>`, url);
  const reg = D.createRegistry(doc, null);
  reg.discover();
  assert.equal(reg.size(), 0);
  const root = doc.getElementById("interop-outlet").attachShadow({ mode: "open" });
  const inner = doc.createElement("div");
  root.appendChild(inner);
  const nested = inner.attachShadow({ mode: "open" });
  assert.equal(reg.checkHosts(S.shadowHosts), true, "the named host's new root (and the root nested in it) is found");
  assert.deepEqual(reg.roots(), [root, nested]);
  const later = doc.createElement("section");
  const laterRoot = later.attachShadow({ mode: "open" });
  doc.querySelector("main").appendChild(later);
  assert.equal(reg.discoverAdded([later]).fresh, true, "an added subtree is walked, not the page");
  assert.ok(reg.roots().includes(laterRoot));
  later.remove();
  assert.ok(!reg.roots().includes(laterRoot), "disconnected roots are forgotten");
  const closedHost = doc.createElement("div");
  closedHost.attachShadow({ mode: "closed" });
  doc.body.appendChild(closedHost);
  assert.equal(reg.discover(), false, "closed roots stay closed");
});

test("an unlabeled message grouped under the other person's name counts as theirs (React thread, no --other class)", () => {
  const url = "https://www.linkedin.com/messaging/thread/2-react/";
  const doc = load_html(
    `<html lang="en"><body><main><div data-view-name="conversation"><header><a href="/in/mark-visser/"><h2>Mark Visser</h2></a></header>
     <div role="list">
       <div role="listitem"><a href="/in/mark-visser/"><span data-view-name="sender-name">Mark Visser</span></a><p>Hi there</p></div>
       <div role="listitem"><p>Are you free next week?</p></div>
     </div>
     <form><div role="textbox" contenteditable="true" aria-label="Write a message"><p><br></p></div><button type="submit">Send</button></form></div></main></body></html>`,
    url
  );
  const [s] = surfaces(doc, url);
  assert.deepEqual(s.context.thread, { messages_from_me: 0, messages_from_recipient: 2, last_from_recipient: "Are you free next week?" });
});

test("events inside the composer form (an attachment list) are not messages", () => {
  const url = "https://www.linkedin.com/messaging/thread/2-react/";
  const doc = load_html(
    `<html lang="en"><body><main><div data-view-name="conversation"><header><a href="/in/mark-visser/"><h2>Mark Visser</h2></a></header>
     <div role="list"><div role="listitem"><a href="/in/mark-visser/"><span data-view-name="sender-name">Mark Visser</span></a><p>Hi there</p></div></div>
     <form><div role="list"><div role="listitem"><p>offer.pdf</p></div><div role="listitem"><p>photo.jpg</p></div></div>
       <div role="textbox" contenteditable="true" aria-label="Write a message"><p><br></p></div><button type="submit">Send</button></form></div></main></body></html>`,
    url
  );
  const [s] = surfaces(doc, url);
  assert.deepEqual(s.context.thread, { messages_from_me: 0, messages_from_recipient: 1, last_from_recipient: "Hi there" });
});

test("the hidden status text never becomes the headline (en, visually hidden; nl, a visible status line)", () => {
  for (const file of ["dom2026/messaging-thread-en.html", "dom2026/messaging-thread-nl.html"]) {
    const fx = table.find((f) => f.file === file);
    const [s] = surfaces(load(fx.file, fx.url), fx.url);
    assert.ok(!/status/i.test(s.context.recipient.headline), `${file}: ${s.context.recipient.headline}`);
  }
});

test("the open-to-work form is read from the checked property, not the attribute, in any UI language", () => {
  const fx = table.find((f) => f.file === "dom2026/otw-form-de.html");
  const doc = load(fx.file, fx.url);
  assert.equal(doc.querySelector("input[checked]"), null, "no checked attribute, as in real captures");
  assert.equal(surfaces(doc, fx.url)[0].context.audience, "recruiters");
  doc.querySelector("input[value='LOGGED_IN_MEMBERS']").checked = true;
  assert.equal(surfaces(doc, fx.url)[0].context.audience, "public");
});

test("page health: pages the guard reads, pages still loading and unrelated dialogs are not reported", () => {
  const cases = [
    ["https://www.linkedin.com/in/someone/", `<html><body><main><p>Loading…</p></main></body></html>`],
    ["https://www.linkedin.com/feed/", `<html><body><main><p>Feed</p></main><dialog><p>Ad options</p><textarea></textarea></dialog><div role="dialog" hidden><div class="ql-editor" contenteditable="true"></div></div></body></html>`],
    ["https://www.linkedin.com/mynetwork/invite-connect/connections/", `<html><body><main><p>No connections yet</p></main></body></html>`],
    ["https://www.linkedin.com/in/me/opportunities/job-opportunities/edit/", `<html><body><main><form><input type="radio" name="x"><input type="radio" name="x"></form></main></body></html>`],
  ];
  for (const [url, html] of cases) {
    const doc = load_html(html, url);
    assert.deepEqual(X.unreadable(doc, url, surfaces(doc, url)), [], url);
  }
});

test("page health: a surface the page evidently has but the guard cannot read is named", () => {
  const cases = [
    // A message composer whose header LinkedIn renamed: no recipient.
    ["https://www.linkedin.com/messaging/thread/2-abc/", `<html><body><main><form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox"></div></form></main></body></html>`, ["message"]],
    // A profile whose top card holds no name we know.
    ["https://www.linkedin.com/in/someone/", `<html><body><main><div><h1>X</h1></div></main></body></html>`, ["profile"]],
    // Connections in an unknown card structure.
    ["https://www.linkedin.com/mynetwork/invite-connect/connections/", `<html><body><main><div><a href="/in/x/">X</a></div></main></body></html>`, ["connections"]],
    // The form with a checked radio whose value and label we do not know.
    ["https://www.linkedin.com/in/me/opportunities/job-opportunities/edit/", `<html><body><main><form><input type="radio" name="x" value="A" checked><input type="radio" name="x" value="B"></form></main></body></html>`, ["otw_form"]],
    // A composer root whose editor we no longer recognise.
    ["https://www.linkedin.com/feed/", `<html><body><main></main><div role="dialog" class="share-box"><div role="textbox" contenteditable="plaintext-only"></div></div></body></html>`, ["post"]],
  ];
  for (const [url, html, want] of cases) {
    const doc = load_html(html, url);
    assert.deepEqual(X.unreadable(doc, url, surfaces(doc, url)), want, url);
  }
  // An invitation note inside the shadow root without a recipient name.
  const url = "https://www.linkedin.com/feed/";
  const doc = load_html(`<html><body><main></main><div id="interop-outlet"></div></body></html>`, url);
  const root = doc.getElementById("interop-outlet").attachShadow({ mode: "open" });
  const dialog = doc.createElement("div");
  dialog.setAttribute("role", "dialog");
  dialog.setAttribute("aria-labelledby", "send-invite-modal");
  dialog.appendChild(doc.createElement("textarea"));
  root.appendChild(dialog);
  assert.deepEqual(X.unreadable(doc, url, surfaces(doc, url)), ["invitation"]);
});

// ------------------------------------------------------------ page skeleton

const K = require(path.join(ROOT, "extension", "content", "skeleton.js"));

/** Everything in a fixture that is about a person or says something: texts and the attributes that carry words. */
function privateStrings(doc) {
  const found = new Set();
  const visit = (scope) => {
    const walker = doc.createTreeWalker(scope, 5 /* elements and text */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === 3) {
        const p = n.parentElement;
        if (p && ["SCRIPT", "STYLE"].includes(p.tagName)) continue;
        found.add(n.data.replace(/\s+/g, " ").trim());
        continue;
      }
      for (const a of ["aria-label", "title", "alt", "value", "placeholder", "data-placeholder", "data-label", "data-original-text"]) {
        if (n.hasAttribute(a)) found.add(n.getAttribute(a).trim());
      }
      for (const a of ["href", "src"]) {
        // Vanity names and ids in links: every path segment after the first.
        const v = n.getAttribute(a);
        if (v) for (const seg of v.replace(/^https?:\/\/[^/]+/, "").split(/[/?&=#]/).slice(2)) found.add(seg);
      }
      if (n.shadowRoot) visit(n.shadowRoot);
      if (n.tagName === "INPUT" && n.value) found.add(n.value);
    }
  };
  visit(doc.documentElement);
  // Short, one-word UI strings ("Send", "Feed") may equal a class or tag fragment; names and sentences may not.
  return [...found].filter((s) => s.length >= 6 || (s.includes(" ") && s.length >= 4));
}

test("the page skeleton keeps structure and hooks, and no name, text, label or URL id of any fixture survives", () => {
  for (const fx of table) {
    const doc = load(fx.file, fx.url);
    const sk = K.skeleton(doc);
    for (const secret of privateStrings(doc)) assert.ok(!sk.includes(secret), `${fx.file}: "${secret}" survived into the skeleton`);
    const people = fx.expect.flatMap((e) => [e.context.name, e.context.headline, e.context.text, e.context.recipient && e.context.recipient.name]
      .concat((e.context.people || []).flatMap((p) => [p.name, p.headline]))
      .concat(e.context.job_titles || []));
    for (const s of people.filter((v) => typeof v === "string" && v.length >= 4)) assert.ok(!sk.includes(s), `${fx.file}: ${s}`);
    assert.ok(!/ACo[A-Za-z0-9]{4}/.test(sk), `${fx.file}: a member id survived`);
  }
  const fx = table.find((f) => f.file === "dom2026/post-composer-outlet-en.html");
  const sk = K.skeleton(load(fx.file, fx.url));
  assert.match(sk, /<div id="interop-…" data-testid="interop-shadowdom">\n\s+#shadow-root \(open\)\n/, "shadow-root boundaries are shown");
  assert.match(sk, /<div class="ql-editor" contenteditable="true" role="textbox" aria-multiline="true" aria-label="…" data-placeholder="…">/);
  assert.match(sk, /<a class="ql-mention" href="\/company\/…" data-entity-urn="urn:li:fsd_company:…">/);
  const otw = table.find((f) => f.file === "dom2026/otw-form-de.html");
  const otwSk = K.skeleton(load(otw.file, otw.url));
  assert.match(otwSk, /name="urn:li:fsd_openToWorkPreferencesFormElement:VISIBILITY" value="…" checked>/, "the checked property is shown, the value is not");
  const react = table.find((f) => f.file === "dom2026/profile-own-react-en.html");
  const reactSk = K.skeleton(load(react.file, react.url));
  assert.match(reactSk, /componentkey="com\.linkedin\.sdui\.profile\.card\.ref…"/);
  assert.match(reactSk, /componentkey="ProfileVerificationTriggerRef-…"/, "the vanity name after the hook is cut");
});

test("an enrolled open-to-work card without a photo to tell says audience unknown, never public", () => {
  const fx = table.find((f) => f.file === "dom2026/profile-own-ember2024-en.html");
  const doc = load(fx.file, fx.url);
  doc.querySelector(".profile-photo-edit img").remove();
  const [s] = surfaces(doc, fx.url);
  assert.equal(s.context.own, true, "the photo editor still says own profile");
  assert.deepEqual(s.context.open_to_work, { audience: "unknown" });
});

test("the thread's profile card subtitle (div[title]) gives the headline when the lockup has none", () => {
  const fx = table.find((f) => f.file === "dom2026/messaging-thread-en.html");
  const doc = load(fx.file, fx.url);
  doc.querySelector("dd.msg-entity-lockup__entity-info").remove();
  const [s] = surfaces(doc, fx.url);
  assert.equal(s.context.recipient.headline, "Head of Procurement at Initech");
  assert.equal(s.context.recipient.connection_degree, "1st");
});

test("a connections card whose profile link holds the name and the headline as two lines gives the first as the name", () => {
  // The SDUI list as a listitem list without auto-component cards: the
  // fallback cards read the name from the link (linkedin-dom-2026.md §3).
  const url = "https://www.linkedin.com/mynetwork/invite-connect/connections/";
  const doc = load_html(
    `<html lang="nl"><body><main><div data-view-name="connections-list">
       <div role="listitem"><a href="/in/eva-bakker/"><p>Eva Bakker</p><p>Recruiter bij Globex</p></a></div>
       <div role="listitem"><a href="/in/tom-hendriks/"><p>Tom Hendriks</p><p>Buyer at Globex</p></a></div>
     </div></main></body></html>`,
    url
  );
  const [s] = surfaces(doc, url);
  assert.deepEqual(
    s.context.people.map((p) => [p.name, p.headline]),
    [["Eva Bakker", "Recruiter bij Globex"], ["Tom Hendriks", "Buyer at Globex"]]
  );
});
