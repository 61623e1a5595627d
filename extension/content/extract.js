/*
 * Extractors: read what is on a LinkedIn page and turn it into protocol v1
 * contexts. They read, they decide nothing (all policy is in the host).
 *
 * Every selector and text comes from LGSelectors (linkedin-selectors.js).
 * Each extractor returns "surfaces": the thing a warning is about (a
 * composer, a form, a profile card), with the context to evaluate and the
 * elements the UI needs (where to show warnings, the editor, the send
 * buttons). Contexts carry only contract fields.
 *
 * Runs in the content script and, unchanged, under jsdom in
 * tests/extension/ (no layout there: no innerText, no offsetParent).
 */
(function (root) {
  "use strict";

  const S = root.LGSelectors || (typeof require === "function" ? require("./linkedin-selectors.js") : null);
  // Page-wide queries go through the document AND every open shadow root
  // (LinkedIn's #interop-outlet, linkedin-dom-2026.md §1).
  const D = root.LGDeep || (typeof require === "function" ? require("./deep-dom.js") : null);

  // ---------------------------------------------------------------- helpers

  function first(scope, selectors) {
    if (!scope) return null;
    for (const sel of selectors) {
      const el = scope.querySelector(sel);
      if (el) return el;
    }
    return null;
  }

  function all(scope, selectors) {
    if (!scope) return [];
    for (const sel of selectors) {
      const found = scope.querySelectorAll(sel);
      if (found.length) return Array.from(found);
    }
    return [];
  }

  function closest(el, selectors) {
    for (const sel of selectors) {
      const hit = el.closest(sel);
      if (hit) return hit;
    }
    return null;
  }

  /** Every element matching any selector, in the document and every open shadow root. */
  function deepAll(doc, selectors) {
    const found = [];
    const seen = new Set();
    for (const sel of [].concat(selectors)) {
      for (const el of D.queryAll(doc, sel)) {
        if (!seen.has(el)) {
          seen.add(el);
          found.push(el);
        }
      }
    }
    return found;
  }

  // ------------------------------------------------------------ what was read

  /*
   * For the content script's dirty tracking (main.js, dirty.js): while an
   * extractor runs, it names the elements whose subtrees its result was read
   * from (reads), or says it read the page as a whole (readsPage: it re-runs
   * on every scan). A mutation outside every element an extractor named, that
   * adds or removes no candidate (candidates below), cannot change its result.
   * Collected only when extractAll is given a plan.
   */
  let readLog = null;
  function reads(el) {
    // Once each: the invitation extractor meets the same dialog under several selectors.
    if (readLog && el && !readLog.scopes.includes(el)) readLog.scopes.push(el);
  }
  function readsPage() {
    if (readLog) readLog.page = true;
  }

  function isGuardUi(el) {
    return Boolean(D.closest(el, "[data-guard-host]"));
  }

  const BLOCK = new Set(["P", "DIV", "LI", "BR", "H1", "H2", "H3", "H4", "SECTION", "ARTICLE", "TR", "UL", "OL"]);

  /** Visible text of an element, without screen-reader duplicates; block elements become lines. */
  function readText(el) {
    if (!el) return "";
    if (el.tagName === "TEXTAREA" || el.tagName === "INPUT") return String(el.value || "");
    const out = [];
    const walk = (node) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) {
          out.push(child.data);
        } else if (child.nodeType === 1) {
          const tag = child.tagName;
          if (tag === "SCRIPT" || tag === "STYLE" || tag === "TEMPLATE") continue;
          if (child.hasAttribute("data-guard-host")) continue;
          if (child.matches(S.hiddenText)) continue;
          if (tag === "BR") {
            out.push("\n");
            continue;
          }
          const block = BLOCK.has(tag);
          if (block) out.push("\n");
          walk(child);
          if (block) out.push("\n");
        }
      }
    };
    walk(el);
    return out
      .join("")
      .split("\n")
      .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
      .filter(Boolean)
      .join("\n")
      .trim();
  }

  /** One line of text: whitespace collapsed. */
  function line(el) {
    return readText(el).replace(/\s+/g, " ").trim();
  }

  /**
   * The first line of an element's text. A name element may hold a second
   * line (pronouns, or the headline: the SDUI profile link's second <p>);
   * line() would fold it into the name.
   */
  function firstLine(el) {
    return readText(el).split("\n")[0];
  }

  function fold(s) {
    return String(s || "")
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2026.…:]+$/g, "")
      .replace(/\s+/g, " ")
      .trim();
  }

  /** Phrases for a text-table key, both UI languages (matching never depends on guessing the language right). */
  function phrases(key) {
    return [].concat(S.text.en[key] || [], S.text.nl[key] || []);
  }

  function startsWithPhrase(label, key) {
    const f = fold(label);
    if (!f) return false;
    return phrases(key).some((p) => f === p || f.startsWith(p + " ") || f.startsWith(p));
  }

  function equalsPhrase(label, key) {
    const f = fold(label);
    return phrases(key).some((p) => f === p);
  }

  function absoluteUrl(href, base) {
    if (!href) return null;
    try {
      const u = new URL(href, base);
      if (u.protocol !== "https:" && u.protocol !== "http:") return null;
      return u.origin + u.pathname;
    } catch (_e) {
      return null;
    }
  }

  function profileUrl(href, base) {
    const url = absoluteUrl(href, base);
    if (!url) return null;
    const m = /^(https?:\/\/[^/]+)\/in\/([^/?#]+)/.exec(url);
    return m ? `${m[1]}/in/${m[2]}/` : null;
  }

  function labelOf(el) {
    const aria = el.getAttribute && el.getAttribute("aria-label");
    if (aria) return aria;
    return line(el);
  }

  function degreeFrom(text) {
    const m = S.degreeToken.exec(text || "");
    if (!m) return null;
    const token = m[1].toLowerCase();
    const table = Object.assign({}, S.text.en.degree, S.text.nl.degree);
    return table[token] || null;
  }

  /** "Head of Sales at Initech · 1st" -> "Head of Sales at Initech". */
  function stripDegree(text) {
    return String(text || "")
      .replace(new RegExp(S.degreeToken.source, "gi"), " ")
      .replace(/\s*[·•]\s*$/, "")
      .replace(/^\s*[·•]\s*/, "")
      .trim();
  }

  function isShown(el) {
    if (!el || !el.isConnected) return false;
    // Across shadow boundaries: a closed dialog or hidden host hides its shadow content too.
    if (D.closest(el, "[hidden], dialog:not([open])")) return false;
    const style = el.getAttribute("style") || "";
    return !/display\s*:\s*none/i.test(style);
  }

  /**
   * Several candidates for one kind of editor (LinkedIn's /preload/ route
   * leaves a decoy editor in the light DOM while the real composer sits
   * in the shadow root, linkedin-dom-2026.md §1): keep the focused one; else
   * the rendered ones (where the browser has layout); else the ones in a
   * shadow root. One candidate is kept as it is.
   */
  function preferReal(doc, editors) {
    if (editors.length < 2) return editors;
    const active = D.activeElement(doc);
    const focused = editors.filter((e) => active && (e === active || e.contains(active)));
    if (focused.length) return focused;
    const seen = editors.map((e) => D.rendered(e));
    if (seen.some((v) => v === true)) return editors.filter((_e, i) => seen[i] === true);
    const shadowed = editors.filter((e) => D.inShadow(e));
    return shadowed.length ? shadowed : editors;
  }

  function uiLanguage(doc) {
    const lang = (doc.documentElement.getAttribute("lang") || "").trim();
    return lang ? lang.slice(0, 2).toLowerCase() : null;
  }

  function detectFrontend(doc) {
    if (doc.querySelector(S.frontend.react)) return "react";
    if (doc.querySelector(S.frontend.ember)) return "ember";
    return "unknown";
  }

  function buttonsMatching(scope, selectors, textKey) {
    const found = new Set();
    for (const sel of selectors) {
      for (const b of scope.querySelectorAll(sel)) found.add(b);
    }
    if (textKey) {
      for (const b of scope.querySelectorAll("button, [role='button']")) {
        if (equalsPhrase(labelOf(b), textKey) || equalsPhrase(line(b), textKey)) found.add(b);
      }
    }
    return Array.from(found);
  }

  // --------------------------------------------------------------- page type

  function pageType(url) {
    const u = new URL(url);
    const path = u.pathname;
    if (S.urls.otwForm.test(path)) return "otw_form";
    if (S.urls.positionForm.test(path)) return "position_form";
    if (S.urls.invite.test(path)) return "invite";
    if (S.urls.messaging.test(path)) return "messaging";
    if (S.urls.connections.test(path)) return "connections";
    if (S.urls.profile.test(path)) return "profile";
    if (path === "/feed/" || path === "/feed" || path === "/") return "feed";
    return "other";
  }

  // ----------------------------------------------------------------- profile

  function topCardOf(doc) {
    const main = doc.querySelector("main") || doc.body;
    for (const sel of S.profile.topCard) {
      const el = main.querySelector(sel);
      if (el && line(first(el, S.profile.name))) return el;
    }
    return null;
  }

  /** Own profile: an edit-intro link, the photo editor, or the "Open to" button (linkedin-dom-2026.md §4). */
  function ownProfileSignals(doc) {
    const main = doc.querySelector("main") || doc;
    if (first(main, S.profile.ownMarkers)) return true;
    for (const b of main.querySelectorAll(S.profile.ownButtons)) {
      if (equalsPhrase(labelOf(b), "openToButton") || equalsPhrase(line(b), "openToButton")) return true;
    }
    return false;
  }

  function readPositions(doc) {
    let section = null;
    const anchor = first(doc, S.profile.experienceAnchor);
    if (anchor) section = anchor.closest("section") || anchor.parentElement;
    if (!section) {
      for (const sel of S.profile.experienceSection) {
        for (const candidate of doc.querySelectorAll(sel)) {
          const heading = candidate.querySelector(S.profile.sectionHeading);
          if (heading && equalsPhrase(line(heading), "experience")) {
            section = candidate;
            break;
          }
        }
        if (section) break;
      }
    }
    if (!section) return [];
    let items = [];
    for (const sel of S.profile.experienceItems) {
      items = Array.from(section.querySelectorAll(sel)).filter((it) => !it.parentElement.closest(sel));
      if (items.length) break;
    }
    const positions = [];
    for (const item of items.slice(0, 50)) {
      const lines = [];
      for (const node of item.querySelectorAll(S.profile.lineNodes)) {
        if (node.querySelector(S.profile.lineNodes)) continue;
        if (node.closest(S.hiddenText)) continue;
        const t = line(node);
        if (t && !lines.includes(t)) lines.push(t);
      }
      if (!lines.length) continue;
      const title = lines[0];
      const dates = lines.find((l) => S.dateLine.test(l)) || "";
      const companyLine = lines.slice(1).find((l) => l !== dates) || "";
      const company = companyLine.split("·")[0].trim();
      if (!title || !company) continue;
      const current = phrases("present").some((p) => new RegExp(`(^|[\\s-–])${p}(\\s|$|·)`, "i").test(dates));
      positions.push({ title: title.slice(0, 300), company: company.slice(0, 300), current });
    }
    return positions;
  }

  function readOwnOpenToWork(doc) {
    const main = doc.querySelector("main") || doc.body;
    let card = first(main, S.profile.otwCard);
    if (!card) {
      // React build: no stable class; find a section whose heading says "Open to work".
      for (const sec of main.querySelectorAll(S.profile.cardSections)) {
        const h = sec.querySelector("h2, h3");
        if (h && startsWithPhrase(line(h), "otwHeading")) {
          card = sec;
          break;
        }
      }
    }
    if (!card) return null;
    const text = fold(readText(card));
    if (!phrases("otwHeading").some((p) => text.includes(p))) return null;
    if (phrases("visibilityRecruiters").some((p) => text.includes(p))) return { audience: "recruiters" };
    if (phrases("visibilityPublic").some((p) => text.includes(p))) return { audience: "public" };
    return { audience: "unknown" };
  }

  function readPhotoFrame(topCard, doc) {
    const imgs = [];
    for (const sel of S.profile.photo) {
      for (const img of (topCard || doc).querySelectorAll(sel)) if (!imgs.includes(img)) imgs.push(img);
    }
    for (const img of imgs) {
      const said = `${img.getAttribute("alt") || ""} ${img.getAttribute("title") || ""}`;
      if (S.profile.otwPhotoText.test(said)) return "otw";
      if (S.profile.hiringPhotoText.test(said)) return "hiring";
    }
    if (imgs.some((img) => (img.getAttribute("src") || "").includes(S.profile.framedPhotoSrc))) return "framed";
    if (imgs.some((img) => (img.getAttribute("src") || "").includes(S.profile.unframedPhotoSrc))) return "unframed";
    return null;
  }

  function extractProfile(doc, url) {
    const path = new URL(url).pathname;
    if (!S.urls.profile.test(path)) return [];
    readsPage(); // the top card, Experience and the Open to work card: all over the page
    const card = topCardOf(doc);
    if (!card) return [];
    const nameEl = first(card, S.profile.name);
    let name = line(nameEl);
    if (!name) name = (doc.title || "").split("|")[0].trim();
    if (!name) return [];
    let headline = line(first(card, S.profile.headline));
    if (!headline) {
      // React build: the first substantive paragraph after the name.
      for (const p of card.querySelectorAll("p, div.text-body-medium")) {
        const t = line(p);
        if (t && t !== name && !degreeFrom(` ${t} `) && t.length > 2) {
          headline = t;
          break;
        }
      }
    }
    const own = S.urls.ownProfileAlias.test(path) || ownProfileSignals(doc);
    let degree = degreeFrom(line(first(card, S.profile.degree)));
    if (!degree && !own) degree = degreeFrom(readText(card).replace(/\n/g, " "));
    const frame = readPhotoFrame(card, doc);
    let otw = null;
    if (own) otw = readOwnOpenToWork(doc);
    if (frame === "otw") otw = { audience: "public" };
    else if (!otw && frame === "framed") otw = { audience: "unknown" };
    else if (own && otw && otw.audience === "unknown" && frame === "unframed" && doc.querySelector(S.profile.otwEnrolledCard)) {
      // The enrolled card does not say who sees it; a public choice frames
      // your own photo too, so an unframed own photo means recruiters only.
      otw = { audience: "recruiters" };
    }
    const context = {
      kind: "profile",
      own,
      name: name.slice(0, 300),
      headline: headline ? headline.slice(0, 500) : null,
      open_to_work: otw,
      positions: readPositions(doc),
      connection_degree: own ? null : degree,
    };
    return [
      {
        key: "profile",
        kind: "profile",
        root: card,
        anchor: card,
        placement: "afterend",
        editor: null,
        sendButtons: () => [],
        context,
      },
    ];
  }

  // -------------------------------------------------------- open-to-work form

  function labelTextFor(input, scope) {
    if (input.id) {
      const lab = scope.querySelector(`label[for="${cssEscape(input.id)}"]`);
      if (lab) return line(lab);
    }
    const wrap = input.closest("label");
    if (wrap) return line(wrap);
    const by = input.getAttribute("aria-labelledby");
    if (by) {
      const parts = by
        .split(/\s+/)
        .map((id) => scope.ownerDocument.getElementById(id))
        .filter(Boolean);
      if (parts.length) return parts.map(line).join(" ");
    }
    return input.getAttribute("aria-label") || "";
  }

  function cssEscape(s) {
    if (root.CSS && root.CSS.escape) return root.CSS.escape(s);
    return String(s).replace(/["\\\]]/g, "\\$&");
  }

  // The page's dialogs, shown or hidden, looked up once per extractAll (two
  // form extractors ask; each lookup is a query per open shadow root).
  let dialogsOfScan = null;
  function pageDialogs(doc) {
    if (dialogsOfScan && dialogsOfScan.doc === doc) return dialogsOfScan.list;
    const list = deepAll(doc, S.dialogs).filter((d) => !isGuardUi(d));
    if (dialogsOfScan) dialogsOfScan = { doc, list };
    return list;
  }

  /** Open dialogs; the page's main area too when the URL says this is the form's page. */
  function formScopes(doc, onUrl) {
    const dialogs = pageDialogs(doc);
    // Hidden ones are read too: one shown again through its style alone
    // (LinkedIn keeps the node) is then watched, and read at once (dirty.js).
    for (const dialog of dialogs) reads(dialog);
    const scopes = dialogs.filter(isShown);
    if (onUrl) readsPage();
    const main = onUrl ? doc.querySelector("main") : null;
    if (main) scopes.push(main);
    return scopes;
  }

  /**
   * The visibility radios by their language-free values (RECRUITERS,
   * LOGGED_IN_MEMBERS), read from the checked PROPERTY: the same in every UI
   * language (linkedin-dom-2026.md §5). {group: null} when the form has none.
   */
  function visibilityByValue(scope) {
    const radios = Array.from(scope.querySelectorAll(S.otwForm.visibilityRadios)).filter((r) => {
      const v = String(r.value || "").split(":").pop();
      return Object.prototype.hasOwnProperty.call(S.otwForm.visibilityValues, v);
    });
    if (!radios.length) return { audience: null, group: null };
    const group = closest(radios[0], S.otwForm.visibilityGroup) || radios[0].parentElement;
    const checked = radios.find((r) => r.checked === true);
    const audience = checked ? S.otwForm.visibilityValues[String(checked.value).split(":").pop()] : null;
    return { audience, group };
  }

  /** Titles from dismissible pills: "Remove Data Engineer" / "Data Engineer verwijderen". */
  function titlesFromDismissPills(scope) {
    const words = phrases("remove").join("|");
    const strip = new RegExp(`^\\s*(${words})\\s+|\\s+(${words})\\s*$`, "i");
    const titles = [];
    for (const b of scope.querySelectorAll(S.otwForm.dismissPills)) {
      const t = (line(b) || String(b.getAttribute("aria-label") || "").replace(strip, "")).trim();
      if (t && !titles.includes(t)) titles.push(t.slice(0, 300));
    }
    return titles;
  }

  function extractOtwForm(doc, url) {
    const onUrl = S.urls.otwForm.test(new URL(url).pathname);
    for (const scope of formScopes(doc, onUrl)) {
      let { audience, group } = visibilityByValue(scope);
      for (const sel of group ? [] : S.otwForm.visibilityFieldset) {
        for (const fs of scope.querySelectorAll(sel)) {
          const radios = Array.from(fs.querySelectorAll("input[type='radio'], [role='radio']"));
          if (!radios.length) continue;
          const labels = radios.map((r) => labelTextFor(r, scope));
          const knows = labels.some((l) => startsWithPhrase(l, "visibilityPublic") || startsWithPhrase(l, "visibilityRecruiters"));
          if (!knows) continue;
          group = fs;
          radios.forEach((r, i) => {
            const checked = r.checked || r.getAttribute("aria-checked") === "true";
            if (!checked) return;
            if (startsWithPhrase(labels[i], "visibilityPublic")) audience = "public";
            else if (startsWithPhrase(labels[i], "visibilityRecruiters")) audience = "recruiters";
          });
          break;
        }
        if (group) break;
      }
      if (!group) continue;
      if (!audience) return [];
      const titlesBox = first(scope, S.otwForm.jobTitlesFieldset);
      const jobTitles = titlesBox ? [] : titlesFromDismissPills(scope);
      if (titlesBox) {
        for (const pill of all(titlesBox, S.otwForm.pills)) {
          const t = line(pill)
            .replace(new RegExp(`\\s*(${phrases("remove").join("|")})\\b.*$`, "i"), "")
            .trim();
          if (t && !jobTitles.includes(t)) jobTitles.push(t.slice(0, 300));
        }
      }
      return [
        {
          key: "otw_form",
          kind: "open_to_work_form",
          root: scope,
          anchor: group,
          placement: "beforebegin",
          editor: null,
          sendButtons: () => buttonsMatching(scope, S.otwForm.save, "save"),
          context: { kind: "open_to_work_form", audience, job_titles: jobTitles },
        },
      ];
    }
    return [];
  }

  // ----------------------------------------------------------- position form

  function fieldByLabel(scope, key) {
    for (const lab of scope.querySelectorAll("label")) {
      if (!equalsPhrase(line(lab).replace(/\*$/, ""), key)) continue;
      const target = lab.htmlFor ? scope.ownerDocument.getElementById(lab.htmlFor) : lab.querySelector("input, select, textarea");
      if (target) return target;
    }
    return null;
  }

  function extractPositionForm(doc, url) {
    const onUrl = S.urls.positionForm.test(new URL(url).pathname);
    for (const scope of formScopes(doc, onUrl)) {
      const marked = Boolean(first(scope, S.positionForm.markers));
      const titleEl = fieldByLabel(scope, "positionTitle") || first(scope, S.positionForm.titleFallback);
      const companyEl = fieldByLabel(scope, "positionCompany") || first(scope, S.positionForm.companyFallback);
      if (!titleEl || !companyEl) continue;
      if (!onUrl && !marked) continue;
      let current = false;
      for (const box of scope.querySelectorAll("input[type='checkbox'], [role='checkbox']")) {
        if (startsWithPhrase(labelTextFor(box, scope), "positionCurrent")) {
          current = Boolean(box.checked) || box.getAttribute("aria-checked") === "true";
          break;
        }
      }
      const title = String(titleEl.value || "").trim();
      const company = String(companyEl.value || "").trim();
      if (!title && !company) return [];
      const form = titleEl.closest("form") || scope;
      return [
        {
          key: "position_form",
          kind: "position_form",
          root: scope,
          anchor: form,
          placement: "afterbegin",
          editor: null,
          sendButtons: () => buttonsMatching(scope, S.positionForm.save, "save"),
          context: { kind: "position_form", title: title.slice(0, 300), company: company.slice(0, 300), current },
        },
      ];
    }
    return [];
  }

  // ---------------------------------------------------------------- messages

  let surfaceCounter = 0;
  const surfaceIds = new WeakMap();
  function idFor(el) {
    let id = surfaceIds.get(el);
    if (!id) {
      surfaceCounter += 1;
      id = String(surfaceCounter);
      surfaceIds.set(el, id);
    }
    return id;
  }

  function readRecipient(container, doc, url) {
    let name = firstLine(first(container, S.messaging.recipientName));
    const link = first(container, S.messaging.recipientLink);
    if (!name && link) name = firstLine(link);
    const pUrl = link ? profileUrl(link.getAttribute("href"), url) : null;
    if (!name) {
      const pills = all(container, S.messaging.recipientPills).map(line).filter(Boolean);
      if (pills.length) name = pills.join(", ");
    }
    if (!name) return null;
    name = name.replace(S.degreeToken, "").replace(/[·•]\s*$/, "").trim();
    const subtitle = withoutStatus(first(container, S.messaging.recipientSubtitle));
    const headerText = line(first(container, S.messaging.header));
    const person = { name: name.slice(0, 300), profile_url: pUrl };
    const headline = stripDegree(subtitle);
    if (headline && headline !== name) person.headline = headline.slice(0, 500);
    const degree =
      degreeFrom(` ${line(first(container, S.messaging.recipientDegree))} `) || degreeFrom(` ${headerText} `) || degreeFrom(` ${subtitle} `);
    if (degree) person.connection_degree = degree;
    return person;
  }

  /**
   * The headline without the presence line ("Status is offline") that sits
   * before it, visually hidden or not (linkedin-dom-2026.md §2).
   */
  function withoutStatus(el) {
    if (!el) return "";
    return readText(el)
      .split("\n")
      .filter((l) => !startsWithPhrase(l, "status"))
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
  }

  function readThread(container, recipient, url) {
    const events = all(container, S.messaging.events);
    if (!events.length) return { messages_from_me: 0, messages_from_recipient: 0 };
    let fromMe = 0;
    let fromThem = 0;
    let last = null;
    let sender = null; // "me" | "them"
    const recipientKey = fold(recipient.name);
    for (const ev of events) {
      if (ev.closest("form")) continue;
      let who = null;
      if (ev.matches(S.messaging.eventFromOther) || ev.querySelector(S.messaging.eventFromOther)) who = "them";
      const nameEl = first(ev, S.messaging.eventSenderName);
      const linkEl = first(ev, S.messaging.eventSenderLink);
      if (!who && (nameEl || linkEl)) {
        const senderName = fold(line(nameEl || linkEl));
        const senderUrl = linkEl ? profileUrl(linkEl.getAttribute("href"), url) : null;
        const isThem = (recipient.profile_url && senderUrl === recipient.profile_url) || (senderName && senderName === recipientKey);
        who = isThem ? "them" : "me";
      }
      if (ev.getAttribute("data-sender") === "me") who = "me";
      if (!who) who = sender || "me";
      sender = who;
      // Only message items count: a list event holding just a date line or a
      // typing indicator is not a message.
      if (!ev.matches(S.messaging.eventItem) && !ev.querySelector(S.messaging.eventItem)) continue;
      // Ember items keep their text in the body element only: one without a
      // body is a shared profile/post card, a message without text (§2).
      const strict = ev.matches(S.messaging.bodyOnlyItem) || ev.querySelector(S.messaging.bodyOnlyItem);
      const body = strict ? ev.querySelector(S.messaging.eventBody[0]) : first(ev, S.messaging.eventBody);
      const text = body ? readText(body) : strict ? "" : readText(ev);
      if (who === "them") {
        fromThem += 1;
        if (text) last = text;
      } else fromMe += 1;
    }
    const thread = { messages_from_me: fromMe, messages_from_recipient: fromThem };
    if (last) thread.last_from_recipient = last.slice(0, 5000);
    return thread;
  }

  function extractMessages(doc, url) {
    const surfaces = [];
    const seen = new Set();
    for (const sel of S.messaging.editors) {
      for (const editor of D.queryAll(doc, sel)) {
        if (seen.has(editor) || isGuardUi(editor)) continue;
        const form = closest(editor, S.messaging.form);
        if (!form) continue;
        // Message editors sit in LinkedIn's message form (Ember), or in a
        // form whose editor is labelled "Write a message" (React build).
        const isMsg = form.matches(S.messaging.form[0]) || startsWithPhrase(editor.getAttribute("aria-label") || editor.getAttribute("data-placeholder") || "", "writeMessage");
        if (!isMsg) continue;
        if (editor.closest(S.invitation.dialog.join(",")) && editor.tagName === "TEXTAREA") continue;
        seen.add(editor);
        const boxed = closest(form.parentElement || form, S.messaging.container);
        const container = boxed || form.getRootNode().body || form.getRootNode();
        if (boxed) reads(boxed);
        else readsPage();
        if (container.matches(S.messaging.minimized)) continue;
        const recipient = readRecipient(container, doc, url);
        if (!recipient) continue;
        const isInmail =
          Boolean(first(container, S.messaging.inmailMarkers)) ||
          all(container, S.messaging.pill).some((p) => startsWithPhrase(line(p), "inmail"));
        const context = {
          kind: "message",
          channel: isInmail ? "inmail" : "message",
          recipient,
          text: readText(editor).slice(0, 20000),
          thread: readThread(container, recipient, url),
        };
        surfaces.push({
          key: `message:${idFor(editor)}`,
          kind: "message",
          root: container,
          anchor: form,
          placement: "beforebegin",
          editor,
          sendButtons: () => buttonsMatching(form, S.messaging.send, "send").filter((b) => !isGuardUi(b)),
          enterSends: true,
          context,
        });
      }
    }
    return surfaces;
  }

  // -------------------------------------------------------------- invitation

  function extractInvitation(doc, url) {
    const surfaces = [];
    const u = new URL(url);
    const vanity = S.urls.invite.test(u.pathname) ? u.searchParams.get("vanityName") : null;
    for (const sel of S.invitation.dialog) {
      for (const dialog of D.queryAll(doc, sel)) {
        if (isGuardUi(dialog)) continue;
        reads(dialog); // hidden too: shown again through its style alone, it is read at once (dirty.js)
        if (!isShown(dialog)) continue;
        if (surfaces.some((s) => s.root === dialog || s.root.contains(dialog) || dialog.contains(s.root))) continue;
        const note = first(dialog, S.invitation.note);
        if (!note || note.tagName !== "TEXTAREA") continue;
        let name = "";
        for (const el of dialog.querySelectorAll(S.invitation.recipientName.join(","))) {
          const t = line(el);
          if (t && t.length < 120 && !startsWithPhrase(t, "invitationNote")) {
            name = t;
            break;
          }
        }
        let pUrl = vanity ? `https://${S.host}/in/${encodeURIComponent(vanity)}/` : null;
        const profileMatch = S.urls.profile.exec(u.pathname);
        if (!pUrl && profileMatch) pUrl = `https://${S.host}/in/${profileMatch[1]}/`;
        if (!name) {
          readsPage();
          const card = topCardOf(doc);
          name = card ? line(first(card, S.profile.name)) : "";
        }
        if (!name && vanity) name = vanity;
        if (!name) continue;
        surfaces.push({
          key: `invitation:${idFor(dialog)}`,
          kind: "message",
          root: dialog,
          anchor: note,
          placement: "beforebegin",
          editor: note,
          sendButtons: () =>
            buttonsMatching(dialog, S.invitation.send, "send").filter((b) => !equalsPhrase(labelOf(b), "invitationNote") && !isGuardUi(b)),
          context: {
            kind: "message",
            channel: "invitation",
            recipient: { name: name.slice(0, 300), profile_url: pUrl },
            text: String(note.value || "").slice(0, 20000),
            thread: { messages_from_me: 0, messages_from_recipient: 0 },
          },
        });
      }
    }
    return surfaces;
  }

  // -------------------------------------------------------------------- post

  function mentionFrom(el, url) {
    const urn = el.getAttribute("data-entity-urn") || el.getAttribute("data-id") || "";
    const name = (el.getAttribute("data-original-text") || el.getAttribute("data-label") || line(el)).replace(/^@/, "").trim();
    if (!name) return null;
    const href = el.getAttribute("href");
    const entity = S.post.companyUrn.test(urn) || (href && /\/company\//.test(href)) ? "company" : "person";
    const m = { name: name.slice(0, 300), entity };
    const pUrl = href && href !== "#" ? profileUrl(href, url) : null;
    if (pUrl) m.profile_url = pUrl;
    return m;
  }

  /** A comment box, whatever its editor (Quill or TipTap): never a post (linkedin-dom-2026.md §6). */
  function isCommentEditor(editor) {
    if (D.closest(editor, S.post.notInside)) return true;
    const label = editor.getAttribute("aria-label") || editor.getAttribute("data-placeholder") || "";
    if (startsWithPhrase(label, "commentEditor")) return true;
    const ph = editor.querySelector(S.post.placeholder);
    return Boolean(ph && startsWithPhrase(ph.getAttribute("data-placeholder"), "commentEditor"));
  }

  /** Post editors with their composer root, decoys left out. */
  function postEditors(doc) {
    const found = [];
    for (const sel of S.post.editors) {
      for (const editor of D.queryAll(doc, sel)) {
        if (isGuardUi(editor)) continue;
        reads(editor); // its placeholder says whether it is a comment box
        if (isCommentEditor(editor)) continue;
        const rootEl = closest(editor, S.post.roots);
        reads(rootEl);
        if (!rootEl || !isShown(rootEl)) continue;
        if (found.some((f) => f.editor === editor || f.root === rootEl)) continue;
        const labelled =
          editor.matches(S.post.knownEditor) ||
          startsWithPhrase(editor.getAttribute("aria-label") || editor.getAttribute("data-placeholder") || "", "postEditor") ||
          rootEl.matches(S.post.knownRoot);
        if (labelled) found.push({ editor, root: rootEl });
      }
    }
    if (found.length > 1) readsPage(); // which one is real depends on focus and layout
    const kept = preferReal(doc, found.map((f) => f.editor));
    return found.filter((f) => kept.includes(f.editor));
  }

  function extractPosts(doc, url) {
    const surfaces = [];
    for (const { editor, root: rootEl } of postEditors(doc)) {
      const mentions = [];
      for (const el of all(editor, S.post.mentions)) {
        const m = mentionFrom(el, url);
        if (m && !mentions.some((x) => x.name === m.name && x.entity === m.entity)) mentions.push(m);
      }
      const media = [];
      const preview = first(rootEl, S.post.mediaPreview);
      if (preview) {
        const tagged = [];
        for (const t of all(preview, S.post.taggedPeople)) {
          const name = (t.getAttribute("data-tagged-person") || line(t)).trim();
          if (name && !tagged.some((p) => p.name === name)) {
            const person = { name: name.slice(0, 300) };
            const pUrl = t.getAttribute("href") ? profileUrl(t.getAttribute("href"), url) : null;
            if (pUrl) person.profile_url = pUrl;
            tagged.push(person);
          }
        }
        const imgs = Array.from(preview.querySelectorAll("img")).filter((i) => !/profile-displayphoto/.test(i.getAttribute("src") || ""));
        for (const img of imgs.slice(0, 20)) {
          const item = { type: "image", people_tagged: tagged };
          const alt = img.getAttribute("alt");
          if (alt) item.alt = alt.slice(0, 500);
          media.push(item);
        }
        for (const _v of Array.from(preview.querySelectorAll("video")).slice(0, 5)) media.push({ type: "video", people_tagged: tagged });
        if (first(preview, S.post.documentPreview)) media.push({ type: "document", people_tagged: [] });
      }
      const context = { kind: "post", text: readText(editor).slice(0, 20000), mentions, media };
      const audienceBtn = first(rootEl, S.post.audienceButton);
      if (audienceBtn) {
        const a = line(audienceBtn);
        if (a) context.audience = a.slice(0, 100);
      }
      surfaces.push({
        key: `post:${idFor(editor)}`,
        kind: "post",
        root: rootEl,
        anchor: editor,
        placement: "beforebegin",
        editor,
        sendButtons: () => buttonsMatching(rootEl, S.post.send, "post").filter((b) => !isGuardUi(b)),
        context,
      });
    }
    return surfaces;
  }

  // ------------------------------------------------------------- connections

  /**
   * React SDUI cards (linkedin-dom-2026.md §3): no li, no listitem; the
   * outermost auto-component holding a connections-profile link is a card,
   * the link's first <p> the name, its second the headline.
   */
  function readReactConnections(main, url) {
    const people = [];
    const seen = new Set();
    const cards = Array.from(main.querySelectorAll(S.connections.reactCards)).filter(
      (c) => c.querySelector(S.connections.reactLink) && !(c.parentElement && c.parentElement.closest(S.connections.reactCards))
    );
    for (const card of cards) {
      const link = card.querySelector(S.connections.reactLink);
      const pUrl = profileUrl(link.getAttribute("href"), url);
      const lines = Array.from(link.querySelectorAll(S.connections.reactLines)).map(line).filter(Boolean);
      if (!pUrl || seen.has(pUrl) || !lines.length) continue;
      seen.add(pUrl);
      const person = { name: lines[0].slice(0, 300), profile_url: pUrl, connection_degree: "1st" };
      if (lines[1] && lines[1] !== lines[0]) person.headline = lines[1].slice(0, 500);
      people.push(person);
      if (people.length >= 2000) break;
    }
    return people;
  }

  function extractConnections(doc, url) {
    if (!S.urls.connections.test(new URL(url).pathname)) return [];
    readsPage();
    const main = doc.querySelector("main") || doc.body;
    const people = readReactConnections(main, url);
    const seenUrls = new Set(people.map((p) => p.profile_url));
    for (const card of people.length ? [] : all(main, S.connections.cards)) {
      const link = first(card, S.connections.link);
      if (!link) continue;
      const pUrl = profileUrl(link.getAttribute("href"), url);
      if (!pUrl || seenUrls.has(pUrl)) continue;
      const name = firstLine(first(card, S.connections.name));
      if (!name) continue;
      seenUrls.add(pUrl);
      const person = { name: name.slice(0, 300), profile_url: pUrl, connection_degree: "1st" };
      const occ = Array.from(card.querySelectorAll(S.connections.occupation.join(","))).map(line).find((t) => t && t !== name);
      if (occ) person.headline = occ.slice(0, 500);
      people.push(person);
      if (people.length >= 2000) break;
    }
    if (!people.length) return [];
    const list = first(main, S.connections.list) || main;
    return [
      {
        key: "connections",
        kind: "connections",
        root: main,
        anchor: list,
        placement: "beforebegin",
        editor: null,
        sendButtons: () => [],
        context: { kind: "connections", people },
      },
    ];
  }

  // -------------------------------------------------------------------- all

  const EXTRACTORS = [
    ["profile", extractProfile],
    ["otwForm", extractOtwForm],
    ["positionForm", extractPositionForm],
    ["invitation", extractInvitation],
    ["messages", extractMessages],
    ["posts", extractPosts],
    ["connections", extractConnections],
  ];

  /**
   * Every surface on the page, each with a protocol context (without
   * url/trigger/page_session).
   *
   * With a plan ({last, clean, next}: the content script's dirty tracking),
   * an extractor named in plan.clean gives its last result (plan.last) again
   * without reading the page; every extractor's result and what it read
   * (reads/readsPage) is put in plan.next.
   */
  function extractAll(doc, url, plan) {
    const out = [];
    dialogsOfScan = { doc: null, list: [] };
    try {
      for (const [name, fn] of EXTRACTORS) {
        const last = plan && plan.clean && plan.clean.has(name) ? plan.last.get(name) : null;
        if (last) {
          plan.next.set(name, last);
          for (const s of last.surfaces) out.push(s);
          continue;
        }
        const log = { surfaces: [], scopes: [], page: false };
        readLog = plan ? log : null;
        try {
          log.surfaces = fn(doc, url);
        } catch (err) {
          log.page = true; // never reused: it is run again next time
          // One broken extractor (a LinkedIn DOM change) must not hide the others.
          if (root.console) root.console.debug("[linkedin-guard] extractor failed", fn.name, err);
        } finally {
          readLog = null;
        }
        if (plan) plan.next.set(name, log);
        for (const s of log.surfaces) out.push(s);
      }
    } finally {
      dialogsOfScan = null;
    }
    // An invitation textarea is not also a message composer.
    return out.filter((s) => !(s.kind === "message" && s.key.startsWith("message:") && out.some((o) => o.key.startsWith("invitation:") && o.root.contains(s.editor))));
  }

  // ------------------------------------------------------------ page health

  /**
   * Surfaces the page evidently has but the extractors could not read: the
   * guard went blind there (LinkedIn changed its markup). Names only, never
   * page text: "message", "post", "invitation", "otw_form", "profile",
   * "connections". Each check needs positive evidence of the surface (a
   * composer, a dialog with a note, a checked radio, a heading, profile
   * links), so a page still loading or an unrelated dialog says nothing.
   */
  function unreadable(doc, url, surfaces) {
    const have = new Set(surfaces.map((s) => (s.key.startsWith("invitation:") ? "invitation" : s.kind)));
    const type = pageType(url);
    const out = [];
    // Attributes only: checkVisibility() here would force a layout of the page on every check.
    const shown = (el) => isShown(el) && !isGuardUi(el);
    if (!have.has("message")) {
      const editors = deepAll(doc, S.health.messageEditors).filter(shown);
      const open = editors.filter((e) => !D.closest(e, S.messaging.minimized));
      const onThread = type === "messaging" && deepAll(doc, S.health.threadComposer).some(shown);
      if (open.length || onThread) out.push("message");
    }
    if (!have.has("post")) {
      // Rendered too (the browser's check, only for these few candidates): the
      // decoy editor LinkedIn leaves hidden in the light DOM is no composer.
      const seen = (el) => shown(el) && D.rendered(el) !== false;
      const editors = deepAll(doc, S.post.knownEditor).filter((e) => !isCommentEditor(e) && seen(e));
      const roots = deepAll(doc, S.post.knownRoot).filter(seen);
      if (editors.length || roots.length) out.push("post");
    }
    if (!have.has("invitation")) {
      if (deepAll(doc, S.health.invitationDialog).some((d) => shown(d) && d.querySelector("textarea"))) out.push("invitation");
    }
    if (!have.has("open_to_work_form") && type === "otw_form") {
      const radios = deepAll(doc, "input[type='radio']");
      if (radios.some((r) => r.checked === true)) out.push("otw_form");
    }
    const main = doc.querySelector("main");
    if (!have.has("profile") && type === "profile" && main && main.querySelector(S.health.profileEvidence)) out.push("profile");
    if (!have.has("connections") && type === "connections" && main && main.querySelector(S.health.connectionsEvidence)) out.push("connections");
    return out;
  }

  /**
   * Every selector an extractor (or the health check) looks for page-wide:
   * an element added or removed that matches one of them may make or end a
   * surface. The content script's dirty tracking (dirty.js) matches the
   * broader S.surfaceCandidates instead (one cheap selector); a node test
   * checks that it covers these.
   */
  const pageWideLookups = [
    S.messaging.editors,
    S.post.editors,
    S.post.knownEditor,
    S.post.knownRoot,
    S.invitation.dialog,
    S.invitation.note,
    S.dialogs,
    S.health.messageEditors,
    S.health.threadComposer,
    S.health.invitationDialog,
  ].flat();

  const api = {
    candidates: S.surfaceCandidates,
    pageWideLookups,
    unreadable,
    extractAll,
    pageType,
    uiLanguage,
    detectFrontend,
    readText,
    extractors: {
      profile: extractProfile,
      otwForm: extractOtwForm,
      positionForm: extractPositionForm,
      messages: extractMessages,
      invitation: extractInvitation,
      posts: extractPosts,
      connections: extractConnections,
    },
  };
  root.LGExtract = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
