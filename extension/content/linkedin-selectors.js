/*
 * Every LinkedIn-specific selector, URL pattern and UI text lives in this one
 * file. When LinkedIn changes its DOM, this is the file that changes
 * (the habit of keepassxreboot/keepassxc-browser: keepassxc-browser/common/sites.js).
 *
 * LinkedIn runs two frontends at once (2025-2026): the Ember app (artdeco/BEM
 * classes such as msg-form__*, pv-top-card*, share-box*) and the React "SDUI"
 * build (hashed CSS-module classes; stable hooks are componentkey,
 * data-testid, data-view-name, role/aria-label and dialog[open]). Each list
 * below is a fallback chain, strongest first: URL -> stable attributes ->
 * ARIA/labels through the nl/en text tables -> legacy classes last.
 * Sources for each entry: shared/reference/linkedin-dom.md (sections named in
 * the comments). Dutch texts are best effort: LinkedIn's nl strings were not
 * checked against the live site; matching is case-insensitive and by prefix,
 * so small wording changes still match.
 */
(function (root) {
  "use strict";

  const LINKEDIN_SELECTORS = {
    host: "www.linkedin.com",

    // §6 URL patterns. Tested against location.pathname (+ search where noted).
    urls: {
      profile: /^\/in\/([^/]+)\/?$/,
      profileDetails: /^\/in\/([^/]+)\/details\//,
      otwForm: /\/opportunities\/job-opportunities\/(edit|onboarding)/,
      positionForm: /(\/edit\/forms\/position\/|\/edit\/position\/|\/add-edit\/POSITION)/i,
      messaging: /^\/messaging\//,
      invite: /^\/preload\/custom-invite\//,
      connections: /^\/mynetwork\/invite-connect\/connections\/?/,
      ownProfileAlias: /^\/in\/me\/?$/,
    },

    // LinkedIn's colour theme (the guard's chip and cards follow it). The
    // artdeco design system sets theme classes on <html> ("theme
    // theme--mercado", plus "theme--dark" in dark mode); no class -> the page's
    // background colour decides (warning-ui.js). Not verified against the
    // live site: a best-known signal with a robust fallback.
    theme: {
      dark: "html.theme--dark, body.theme--dark, html[data-theme='dark'], html[data-color-scheme='dark']",
      light: "html.theme--light, body.theme--light, html[data-theme='light']",
    },

    // §7: markers of which frontend rendered the page (reported, not relied on).
    frontend: {
      ember: "body.ember-application, .ember-view",
      react: "[data-sdui-screen], #root[data-strictmode], [componentkey]",
    },

    // Dialog shells: prefer open ones; LinkedIn keeps hidden <dialog>s around.
    // An open dialog alone is no evidence of a composer (ad options are dialogs
    // too, linkedin-dom-2026.md §1): each extractor still needs its own fields.
    dialogs: "dialog[open], [role='dialog'], .artdeco-modal, [aria-modal='true']",

    // Elements that may make a surface (the content script's dirty tracking,
    // content/dirty.js): one added or removed that is or holds one of these
    // makes the next scan read everything. Must cover every page-wide lookup
    // of the extractors and the health check: editors, note fields, dialogs,
    // composer shells (tests/extension/dirty.test.js checks it on every
    // fixture). Broader than those lookups on purpose: plain selectors are
    // cheap to match, and one too many only costs a full scan.
    surfaceCandidates:
      "[contenteditable], textarea, dialog, [role='dialog'], [aria-modal], .artdeco-modal, .send-invite, [aria-labelledby='send-invite-modal'], .share-box, .share-creation-state, .ql-editor, [data-test-ql-editor-contenteditable]",

    // linkedin-dom-2026.md §1: body-level hosts whose OPEN shadow root holds the
    // post composer, the invitation modal and on some builds the message
    // bubble. attachShadow on them makes no mutation record, so the content
    // script looks at these hosts on its own (deep-dom.js reads every open root).
    shadowHosts: "[data-testid='interop-shadowdom'], #interop-outlet",

    // §2a profile top card.
    profile: {
      // linkedin-dom-2026.md §4: the Ember card lost pv-top-card in 2024 (the
      // first profile-card section is the top card); React cards carry
      // componentkey "...profile.card.ref<ID>Topcard".
      topCard: [
        "section[componentkey*='topcard' i]",
        "div[componentkey*='topcard' i]",
        "[data-view-name='profile-top-card']",
        // Pre-2024 pages only; checked before the generic card below because
        // there the Experience card is also a profile-card and comes first.
        ".pv-top-card",
        "section.artdeco-card.pv-top-card",
        "section[data-view-name='profile-card']",
        "main section",
      ],
      // React may put the name in an h2 under the verification trigger, or in a
      // <p> under the verified badge (§4).
      name: [
        "[componentkey^='ProfileVerificationTriggerRef'] h2",
        "[data-view-name='profile-top-card-verified-badge'] p",
        "h1.text-heading-xlarge",
        "h1[class*='text-heading']",
        "h1",
        "h2",
      ],
      headline: [
        "[data-anonymize='headline']",
        ".text-body-medium.break-words",
        ".pv-text-details__left-panel .text-body-medium",
      ],
      degree: [".dist-value", ".distance-badge", "[class*='distance']"],
      // A link to edit the intro card exists only on your own profile (§2a,
      // stickerdaniel/linkedin-mcp-server: extractor.py).
      ownMarkers: [
        "a[href*='/edit/intro/']",
        "a[href*='/edit/forms/intro/']",
        ".profile-photo-edit",
        ".pv-open-to-carousel",
        "section.open-to",
      ],
      // The "Open to" button is on your own top card only (§4); found by its label.
      ownButtons: "button, a[role='button']",
      photo: [
        "[data-view-name='profile-top-card-member-photo'] img",
        ".pv-top-card-profile-picture__image--show",
        "img.pv-top-card-profile-picture__image",
        ".pv-top-card-profile-picture img",
        "img[src*='profile-framedphoto']",
        "img[src*='profile-displayphoto']",
      ],
      // §1a: the frame is baked into the image; its alt/title says which.
      otwPhotoText: /#OPEN[_ ]?TO[_ ]?WORK/i,
      hiringPhotoText: /#HIRING/i,
      framedPhotoSrc: "profile-framedphoto",
      unframedPhotoSrc: "profile-displayphoto",
      // The enrolled card says nothing about who sees it (§4).
      otwEnrolledCard: ".pv-open-to-carousel-card--enrolled",
      // §1b own-profile card.
      otwCard: [
        ".pv-open-to-carousel-card--enrolled",
        ".pv-open-to-carousel-card",
        "section.open-to",
        "[componentkey*='opentowork' i]",
        "[data-view-name*='open-to-work' i]",
      ],
      // §2b Experience.
      experienceAnchor: ["#experience"],
      experienceSection: [
        "section[componentkey*='experience' i]",
        "[data-view-name='profile-card']",
        "section",
      ],
      experienceItems: [
        "[data-view-name='profile-component-entity']",
        "li.pvs-list__paged-list-item",
        "li.artdeco-list__item",
        "li[class*='pvs-list__item']",
        "div[role='listitem']",
        "li",
      ],
      sectionHeading: "h2, .pvs-header__title",
      // Cards of the React build: no stable class, found by their heading.
      cardSections: "section, [componentkey]",
      // Text nodes that hold one line of an entry (each string is rendered
      // twice: aria-hidden and visually-hidden; the reader skips the latter).
      lineNodes: "span[aria-hidden='true'], p, h3",
    },

    // §1c open-to-work preferences form.
    otwForm: {
      // linkedin-dom-2026.md §5: the radios carry language-free values; the
      // checked one is the checked PROPERTY (no attribute in captures).
      visibilityRadios: "input[type='radio'][name$='openToWorkPreferencesFormElement:VISIBILITY'], input[type='radio'][name*='VISIBILITY']",
      visibilityValues: { RECRUITERS: "recruiters", LOGGED_IN_MEMBERS: "public" },
      visibilityGroup: ["fieldset", "[role='radiogroup']"],
      visibilityFieldset: [
        "fieldset[id*='openToWorkPreferencesFormElement-VISIBILITY']",
        "[role='radiogroup'][aria-label]",
        "fieldset",
      ],
      jobTitlesFieldset: [
        "fieldset[id*='openToWorkPreferencesFormElement-JOB-TITLES']",
        "[data-testid*='job-titles' i]",
      ],
      pills: [".artdeco-pill", "[role='listitem']", "li"],
      // Dismissible title pills: aria-label "Remove <title>" (localised).
      dismissPills: "button.artdeco-pill--dismiss[aria-label]",
      save: [
        "button[data-view-name='open-to-work-job-preferences-save']",
        "button[type='submit']",
        "button.artdeco-button--primary",
      ],
    },

    // §2c add/edit position form.
    positionForm: {
      markers: ["[id*='profileEditFormElement-POSITION']", "[data-testid*='position-form' i]"],
      titleFallback: ["[id*='profileEditFormElement-POSITION'][id$='-title']"],
      companyFallback: ["[id$='-requiredCompany']"],
      save: ["button[data-view-name*='save' i]", "button[type='submit']"],
    },

    // §3 messaging.
    messaging: {
      editors: [
        "div.msg-form__contenteditable[contenteditable='true']",
        "[role='textbox'][contenteditable='true']",
        ".msg-form [contenteditable='true']",
        "textarea.msg-form__textarea",
      ],
      form: [".msg-form", "form"],
      container: [
        ".msg-overlay-conversation-bubble",
        ".msg-convo-wrapper",
        ".msg-thread",
        ".scaffold-layout__detail",
        "[componentkey*='conversation' i]",
        "[data-view-name*='conversation' i]",
        "[data-testid*='conversation' i]",
        "main",
      ],
      minimized: ".msg-overlay-conversation-bubble--is-minimized",
      header: ["header", ".msg-overlay-bubble-header", ".msg-title-bar"],
      recipientName: [
        ".msg-overlay-bubble-header__title",
        "h2.msg-entity-lockup__entity-title",
        ".msg-entity-lockup__entity-title",
        "[data-view-name*='recipient' i]",
        "header h2",
        "header h3",
      ],
      recipientLink: [
        "a.msg-thread__link-to-profile",
        ".msg-overlay-bubble-header__title a[href*='/in/']",
        "header a[href*='/in/']",
        ".msg-entity-lockup a[href*='/in/']",
      ],
      // linkedin-dom-2026.md §2: the headline is dd.msg-entity-lockup__entity-info
      // (after a visually hidden status text); entity-subtitle is pre-2026.
      recipientSubtitle: [
        "dd.msg-entity-lockup__entity-info",
        ".artdeco-entity-lockup__subtitle div[title]",
        ".msg-entity-lockup__entity-subtitle",
        ".msg-overlay-bubble-header__subtitle",
        "[data-view-name*='recipient-headline' i]",
        "header p",
      ],
      recipientDegree: [".artdeco-entity-lockup__degree"],
      // New-message recipient picker: chosen people show as pills.
      recipientPills: [".msg-connections-typeahead__recipient", ".msg-compose-form .artdeco-pill"],
      inmailMarkers: [
        "input.msg-form__subject",
        "input[name='subject']",
        ".msg-inmail-compose",
      ],
      pill: ["span.msg-conversation-card__pill", ".msg-thread__pill", "[data-view-name*='pill' i]"],
      events: [
        "li.msg-s-message-list__event",
        ".msg-s-event-listitem",
        "[data-view-name='message-list-item']",
        "[role='list'] > [role='listitem']",
      ],
      eventFromOther: ".msg-s-event-listitem--other",
      // An event that is a message (a shared profile/post card has no text body, §2).
      eventItem: ".msg-s-event-listitem, [data-view-name='message-list-item'], [role='listitem']",
      bodyOnlyItem: ".msg-s-event-listitem",
      eventSenderName: [".msg-s-message-group__name", "[data-view-name*='sender' i]"],
      eventSenderLink: [".msg-s-message-group__profile-link", "a[href*='/in/']"],
      eventBody: [".msg-s-event-listitem__body", "[data-view-name*='message-body' i]", "p"],
      send: [
        "button.msg-form__send-button",
        "button.msg-form__send-btn",
        "button[type='submit']",
      ],
    },

    // §4 invitation note dialog.
    invitation: {
      dialog: [".artdeco-modal.send-invite", "dialog[open]", "[role='dialog']", ".artdeco-modal"],
      note: [
        "textarea[name='message']",
        "textarea#custom-message",
        "textarea.connect-button-send-invite__custom-message",
        "textarea",
      ],
      recipientName: ["strong", "b", "h2"],
      send: ["button.artdeco-button--primary", "button[type='submit']"],
    },

    // §5 post composer.
    post: {
      editors: [
        "div.ql-editor[contenteditable='true']",
        "[data-test-ql-editor-contenteditable='true']",
        "[role='textbox'][contenteditable='true']",
        "[contenteditable='true']",
      ],
      roots: [
        ".share-box",
        ".share-creation-state",
        "dialog[open]",
        "[role='dialog']",
        "[data-testid='dialog']",
      ],
      knownEditor: ".ql-editor, [data-test-ql-editor-contenteditable]",
      knownRoot: ".share-box, .share-creation-state",
      // Comment boxes and message editors are not posts. The Ember comment box
      // has the post composer's aria-label: only its comments-comment-box*
      // ancestry tells (linkedin-dom-2026.md §6).
      notInside:
        "[data-view-name*='comment' i], [componentkey*='comment' i], [data-testid*='comment' i], .msg-form, .comments-comment-box, .comments-comment-texteditor, [class*='comments-comment-box']",
      // TipTap/ProseMirror (the new feed's comments): the empty paragraph's placeholder names it.
      placeholder: "[data-placeholder]",
      mentions: [
        "a.ql-mention",
        "[data-test-ql-mention]",
        "[data-entity-urn]",
        "span[data-type='mention']",
      ],
      companyUrn: /fsd_company|organization|urn:li:company/i,
      mediaPreview: [
        ".share-creation-state__media-preview",
        ".share-media-preview",
        ".image-sharing-detour-container",
        "[data-testid*='media-preview' i]",
        "[data-view-name*='media-preview' i]",
      ],
      // Tagged people on an image: no public selector exists (§5); these are
      // our best guess at the overlay (person links/urns inside the preview).
      taggedPeople: ["[data-entity-urn*='fsd_profile']", "a[href*='/in/']", "[data-tagged-person]"],
      documentPreview: ["[data-view-name*='document' i]", ".share-document-preview"],
      audienceButton: [
        "button.share-unified-settings-entry-button",
        "button[aria-label*='visibility' i]",
        "button[aria-label*='zichtbaarheid' i]",
        "[data-view-name*='visibility' i]",
      ],
      send: [
        "button.share-actions__primary-action",
        "button[data-control-name='share.post']",
        "footer button.artdeco-button--primary",
      ],
    },

    // §6 connections list.
    connections: {
      // linkedin-dom-2026.md §3: the React list has no li/listitem; each card
      // is an auto-component child holding a connections-profile link whose
      // first <p> is the name and second the headline. Hashed classes: never.
      reactCards: "[data-view-name='connections-list'] [componentkey^='auto-component-']",
      reactLink: "a[data-view-name='connections-profile']",
      reactLines: "p",
      cards: [
        "li.mn-connection-card",
        ".mn-connection-card",
        "[data-view-name='connections-list'] [role='listitem']",
        "[componentkey*='connection' i][role='listitem']",
        "main [role='listitem']",
        "main li",
      ],
      name: [".mn-connection-card__name", "[data-view-name*='name' i]", "a[href*='/in/'] span", "a[href*='/in/']"],
      occupation: [".mn-connection-card__occupation", "[data-view-name*='occupation' i]", "p"],
      link: ["a.mn-connection-card__link", "a[href*='/in/']"],
      list: ["[data-view-name='connections-list']", ".mn-connections", "ul", "main"],
    },

    // Evidence that a surface is on the page even when its extractor found
    // nothing (the "guard can't read this page" state, issue 8 point 3).
    health: {
      messageEditors: "div.msg-form__contenteditable[contenteditable='true'], .msg-form [contenteditable='true']",
      threadComposer: "form [contenteditable='true'][role='textbox'], form textarea",
      invitationDialog: "[aria-labelledby='send-invite-modal'], .send-invite",
      profileEvidence: "h1, [componentkey*='topcard' i], [data-view-name='profile-top-card']",
      connectionsEvidence: "a[href*='/in/']",
    },

    // The "Save page structure" skeleton (a bug report without anyone's
    // data): which attributes are kept as they are (hooks worth knowing),
    // which are kept up to their first id-like part, which only say they exist.
    skeleton: {
      keep: ["role", "type", "contenteditable", "data-view-name", "data-testid", "data-sdui-screen", "aria-modal", "aria-multiline", "dir", "lang", "open", "hidden", "disabled", "checked"],
      prefix: ["componentkey", "name", "id", "aria-labelledby", "data-urn", "data-entity-urn", "data-id"],
      present: ["aria-label", "title", "alt", "value", "placeholder", "data-placeholder", "aria-describedby"],
      link: ["href", "src"],
    },

    // Nodes we should never read text from (duplicates for screen readers).
    hiddenText: ".visually-hidden, .a11y-text, .sr-only, [hidden]",

    // UI texts, per LinkedIn UI language. Matched case-insensitively; a
    // phrase matches when the label starts with it.
    text: {
      en: {
        degree: { "1st": "1st", "2nd": "2nd", "3rd": "3rd", "3rd+": "3rd" },
        otwHeading: ["open to work", "open to job opportunities", "#opentowork"],
        visibilityPublic: ["all linkedin members", "anyone on linkedin"],
        visibilityRecruiters: ["recruiters only", "only recruiters"],
        experience: ["experience"],
        present: ["present"],
        positionTitle: ["title", "job title"],
        positionCompany: ["company or organization", "company"],
        positionCurrent: ["i am currently working in this role", "i currently work here"],
        send: ["send", "send now", "send invitation"],
        sendWithoutNote: ["send without a note"],
        post: ["post", "share"],
        save: ["save"],
        inmail: ["inmail", "sponsored"],
        writeMessage: ["write a message"],
        postEditor: ["text editor for creating content", "what do you want to talk about", "share your thoughts"],
        invitationNote: ["add a note", "invitation", "message"],
        audience: ["anyone", "connections only", "group"],
        remove: ["remove"],
        status: ["status is", "status:"],
        openToButton: ["open to"],
        commentEditor: ["add a comment", "add a reply", "comment", "reply"],
      },
      nl: {
        degree: { "1e": "1st", "2e": "2nd", "3e": "3rd", "3e+": "3rd" },
        otwHeading: ["open voor werk", "open voor vacatures", "open voor nieuwe kansen", "#opentowork"],
        visibilityPublic: ["alle linkedin-leden", "alle leden van linkedin", "iedereen op linkedin"],
        visibilityRecruiters: ["alleen recruiters", "recruiters alleen"],
        experience: ["ervaring", "werkervaring"],
        present: ["heden", "nu"],
        positionTitle: ["functie", "functietitel", "titel"],
        positionCompany: ["bedrijf of organisatie", "bedrijf"],
        positionCurrent: ["ik ben momenteel werkzaam in deze functie", "ik werk hier momenteel", "ik werk hier nu"],
        send: ["verzenden", "verstuur", "nu verzenden", "uitnodiging verzenden"],
        sendWithoutNote: ["verzenden zonder notitie", "verzenden zonder bericht"],
        post: ["plaatsen", "posten", "delen"],
        save: ["opslaan", "bewaren"],
        inmail: ["inmail", "gesponsord"],
        writeMessage: ["schrijf een bericht", "typ een bericht"],
        postEditor: ["teksteditor voor het maken van content", "waar wil je het over hebben", "deel je gedachten"],
        invitationNote: ["notitie toevoegen", "uitnodiging", "bericht"],
        audience: ["iedereen", "alleen connecties", "groep"],
        remove: ["verwijderen"],
        status: ["status is", "status:"],
        openToButton: ["open voor"],
        commentEditor: ["voeg een reactie toe", "reactie toevoegen", "reageer", "reageren", "reactie"],
      },
    },

    // Dates in Experience entries, e.g. "Jan 2020 - Present · 4 yrs" or
    // "jan. 2020 - heden · 4 jr".
    dateLine: /((19|20)\d{2}|present|heden)\s*[-–]\s*|\b(19|20)\d{2}\b.*·/i,
    degreeToken: /(?:^|[\s·•])(1st|2nd|3rd\+?|1e|2e|3e\+?)(?=$|[\s·•])/i,
  };

  root.LGSelectors = LINKEDIN_SELECTORS;
  if (typeof module === "object" && module.exports) module.exports = LINKEDIN_SELECTORS;
})(typeof globalThis !== "undefined" ? globalThis : this);
