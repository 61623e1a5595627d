"""The page's own scripts against the guard (issue 10, protocol.md "In the page" v1.1).

A main-world script (``page.add_init_script``: it runs before the page and
before the content script, like LinkedIn's own code) hunts for private
values — it walks the DOM, every attribute, every open shadow root, every
node added after load, and every shadow root created in the main world —
and forges clicks, keys and Escape on the guard's UI and on LinkedIn's own
Send/Post/Save. With every rule firing, it must read none of the settings
values (employer, official title, former employer and its clients, clients)
and none of the warning texts, and no forged event may change a decision, a
setting or the log. The guard's UI is read only through the automation
protocol (closed_roots.py), never from the page.
"""

from __future__ import annotations

import json
import time

import pytest

pytestmark = pytest.mark.browser

SENT = "#fixture-sent li"
PITCH = ("Hi Linda, we help CFOs cut cloud costs by 30%. Our offer ends Friday - can I book a demo call next week?")
JUSTIFICATION = "SECRET-JUSTIFICATION-7731 approved by Mark Visser"

#: Settings values (conftest.SCENARIO_SETTINGS) the page must never read from the guard.
PRIVATE = ["Acme Data B.V.", "Acme Data", "Data Engineer", "Globex", "Initech", "Mark Visser", "SECRET-JUSTIFICATION"]

HUNTER = r"""
(() => {
  const hunt = { added: [], roots: [] };
  Object.defineProperty(window, "__hunt", { value: hunt });
  // Shadow roots created in the main world are captured (closed ones too):
  // the guard creates its roots in the isolated world, out of this patch's reach.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const r = attach.call(this, init);
    hunt.roots.push(r);
    return r;
  };
  // From the end of parsing on (the fixture's own markup is LinkedIn's, not ours).
  const watch = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) hunt.added.push(n);
  });
  document.addEventListener("DOMContentLoaded", () => watch.observe(document, { childList: true, subtree: true, characterData: true }));

  const inEditor = (n) => {
    const e = n.nodeType === 1 ? n : n.parentElement;
    return Boolean(e && e.closest && e.closest("[contenteditable], textarea, input"));
  };
  function walk(root, out, everything) {
    for (const el of root.querySelectorAll("*")) {
      for (const a of el.attributes) out.names.push(a.name + "=" + a.value);
      if (el.shadowRoot) {
        out.text.push(el.shadowRoot.textContent);
        walk(el.shadowRoot, out, true);
      }
      if (everything) for (const a of el.attributes) out.text.push(a.value);
    }
  }
  // Everything the page could learn from the guard: text and attributes of
  // nodes added after load (not what the person typed into LinkedIn's
  // editors), open shadow roots, captured roots; all attribute names.
  window.__harvest = () => {
    const out = { names: [], text: [] };
    walk(document, out, false);
    for (const r of hunt.roots) {
      out.text.push(r.textContent);
      walk(r, out, true);
    }
    for (const n of hunt.added) {
      if (inEditor(n)) continue;
      if (n.nodeType === 3) out.text.push(n.textContent);
      if (n.nodeType === 1) {
        out.text.push(n.textContent);
        for (const a of n.attributes) out.text.push(a.value);
        for (const d of n.querySelectorAll("*")) for (const a of d.attributes) out.text.push(a.value);
      }
    }
    out.globals = Object.keys(window).filter((k) => /guard|LG[A-Z]/i.test(k) && k !== "__hunt" && k !== "__harvest" && k !== "__forge");
    return out;
  };
  // Forge: clicks on every bare element (the guard's hosts are bare divs),
  // on what sits at given points (the chip), on LinkedIn's send buttons;
  // Escape/Enter/Space/Tab on the document, the window and the focused element.
  window.__forge = (points, sendSelector) => {
    const targets = new Set();
    for (const el of document.querySelectorAll("div, span")) if (!el.attributes.length) targets.add(el);
    for (const [x, y] of points || []) {
      const el = document.elementFromPoint(x, y);
      if (el) targets.add(el);
    }
    for (const el of targets) {
      for (const type of ["pointerdown", "mousedown", "pointerup", "mouseup", "click"]) {
        el.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true, clientX: 1, clientY: 1 }));
      }
      if (typeof el.click === "function") el.click();
      el.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, composed: true }));
    }
    if (sendSelector) for (const b of document.querySelectorAll(sendSelector)) b.click();
    for (const t of [document, window, document.body, document.activeElement]) {
      if (!t) continue;
      for (const key of ["Escape", "Enter", " ", "Tab"]) {
        t.dispatchEvent(new KeyboardEvent("keydown", { key, code: key, bubbles: true, composed: true, cancelable: true }));
        t.dispatchEvent(new KeyboardEvent("keyup", { key, code: key, bubbles: true, composed: true }));
      }
    }
    return targets.size;
  };
})();
"""


def harvest(g) -> dict:
    return g.page.evaluate("() => window.__harvest()")


def warning_texts(g) -> list[str]:
    """The titles and messages the host returned for this tab (the background's copy)."""
    return g.background(
        """() => { const out = [];
             for (const t of globalThis.linkedinGuard.tabState.tabs.values())
               for (const list of Object.values(t.surfaces)) for (const w of list || []) out.push(w.title, w.message);
             return out; }"""
    )


def assert_nothing_private(g, extra: list[str] = ()) -> None:
    got = harvest(g)
    names = "\n".join(got["names"]).lower()
    assert "guard" not in names, [n for n in got["names"] if "guard" in n.lower()][:5]
    assert not got["globals"], got["globals"]
    text = "\n".join(got["text"])
    texts = [t for t in warning_texts(g) if t]
    assert texts, "the warnings were shown (test precondition)"
    for value in [*PRIVATE, *texts, *extra]:
        assert value not in text, f"the page can read {value!r}"


def chip_points(g) -> list[list[float]]:
    ui = g.ui()
    pts = []
    for n in ui.query_all(".chip, .marker, button"):
        b = ui.box(n)
        if b:
            pts.append([b["x"] + b["width"] / 2, b["y"] + b["height"] / 2])
    return pts


def snapshot(g) -> tuple:
    settings = (g.guard_home / "settings.json").read_bytes()
    log = [(e["id"], e["rule"], e["decision"], e["justification"]) for e in g.log()]
    return settings, log


@pytest.fixture
def hunted(guard):
    guard.page.add_init_script(HUNTER)
    return guard


def visit(g, path: str, fixture: str, rules: list[str], act=None) -> None:
    g.page.goto(g.site.add(path, fixture))
    if act:
        act(g)
    for rule in rules:
        g.wait_warning(rule)
    # The person opens the cards and reads "Why?": the full texts are in the DOM now.
    ui = g.ui()
    for chip in ui.query_all(".chip"):
        if ui.attr(chip, "aria-expanded") != "true":
            ui.click(chip)
    ui.wait_for("[data-guard-card]")
    for why in ui.query_all('[data-guard-action="why"]'):
        if ui.visible(why):
            ui.click(why)


def type_into(selector: str, text: str):
    def act(g):
        g.page.locator(selector).first.click()
        g.page.keyboard.type(text, delay=2)

    return act


PAGES = [
    ("/in/sanne-de-vries/", "ember-en/profile-own.html", ["LG101"], None),
    ("/in/sanne-de-vries/", "react-nl/profile-own.html", ["LG102", "LG401"], None),
    ("/in/me/add-edit/POSITION/", "ember-en/position-form.html", ["LG401"], None),
    ("/feed/", "react-nl/post-composer.html", ["LG301"], None),
    ("/feed/", "ember-nl/post-composer.html", ["LG402"], None),
    ("/mynetwork/invite-connect/connections/", "ember-en/connections.html", ["LG501"], None),
    ("/messaging/compose/", "ember-en/inmail.html", ["LG201", "LG202"], type_into(".msg-form [contenteditable='true']", PITCH)),
]


@pytest.mark.parametrize("path,fixture,rules,act", PAGES, ids=[f"{p[1]}" for p in PAGES])
def test_a_page_script_reads_no_private_value_and_no_warning_text(hunted, path, fixture, rules, act):
    g = hunted
    visit(g, path, fixture, rules, act)
    assert_nothing_private(g)


def test_bulk_visits_warning_is_private_too(hunted):
    g = hunted
    for name in ("anna-1", "anna-2", "anna-3", "eve-bakker"):
        g.wait_evaluated() if name != "anna-1" else None
        g.page.goto(g.site.add(f"/in/{name}/", "ember-nl/profile-other.html"))
    g.wait_warning("LG601")
    assert_nothing_private(g)


def test_forged_clicks_and_keys_change_nothing_while_the_card_and_dialog_are_shown(hunted):
    g = hunted
    ui = g.ui()
    g.page.goto(g.site.add("/feed/", "react-nl/post-composer.html"))
    g.wait_warning("LG301")
    g.wait_log("LG301")
    before = snapshot(g)
    pages_before = len(g.ctx.pages)
    # Collapsed chip: forged clicks on it (and on everything bare) do not open it, dismiss or decide.
    forged = g.page.evaluate("([pts]) => window.__forge(pts, null)", [chip_points(g)])
    assert forged > 0
    time.sleep(0.5)
    assert ui.attr(ui.query(".chip"), "aria-expanded") == "false"
    assert snapshot(g) == before
    # Open cards (the person's click), then forge again on the now visible buttons' positions.
    g.open_cards()
    g.page.evaluate("([pts]) => window.__forge(pts, null)", [chip_points(g)])
    time.sleep(0.5)
    assert g.warning_count("LG301") == 1, "a forged Dismiss did nothing"
    assert snapshot(g) == before
    assert len(g.ctx.pages) == pages_before, "no dashboard tab without the person's click"
    # The person presses Post: the dialog asks. The page forges Escape, Enter, clicks
    # and types a justification of its own; the dialog stays, nothing is posted or logged.
    g.page.get_by_role("button", name="Plaatsen").click()
    dialog = ui.wait_for("dialog[data-guard-confirm]", timeout=5)
    ui.click(ui.wait_for("dialog[data-guard-confirm] [data-guard-justification]"))
    g.page.keyboard.type(JUSTIFICATION)
    g.page.evaluate("([pts]) => window.__forge(pts, null)", [chip_points(g)])
    time.sleep(0.7)
    assert ui.query("dialog[data-guard-confirm]") is not None, "a forged Escape/click closed the person's dialog"
    assert g.page.locator(SENT).count() == 0
    assert snapshot(g) == before
    assert_nothing_private(g, [JUSTIFICATION])
    # The person's own choice counts: back to editing (trusted click).
    ui.click(ui.wait_for('dialog[data-guard-confirm] [data-guard-action="back"]'))
    entry = g.wait_log("LG301", lambda e: e["decision"] == "cancelled")
    assert entry["justification"] == JUSTIFICATION
    assert dialog is not None


def test_forged_clicks_on_linkedins_send_never_decide_or_log(hunted):
    g = hunted
    g.page.goto(g.site.add("/messaging/compose/", "ember-en/inmail.html"))
    g.page.locator(".msg-form [contenteditable='true']").click()
    g.page.keyboard.type(PITCH, delay=2)
    g.wait_warning("LG201")
    g.wait_log("LG201")
    before = snapshot(g)
    # LinkedIn can send on its own (it is LinkedIn's page): the guard neither asks
    # nor records a decision the person did not make.
    g.page.evaluate("() => window.__forge([], \".msg-form button[type='submit'], .msg-form__send-button\")")
    time.sleep(0.7)
    assert g.ui().count("dialog[data-guard-confirm]") == 0
    assert snapshot(g)[1] == before[1]
    assert snapshot(g)[0] == before[0]


def test_a_page_that_re_navigates_cannot_flood_the_log(hunted):
    """Audit A3.9: pushState to the own profile again and again folds into one entry."""
    g = hunted
    g.page.goto(g.site.add("/in/sanne-de-vries/", "ember-en/profile-own.html"))
    g.wait_warning("LG101")
    g.wait_log("LG101")
    for i in range(6):
        g.page.evaluate("(i) => history.pushState({}, '', '/in/sanne-de-vries/?flood=' + i)", i)
        time.sleep(0.7)  # the content script notices a URL change within 500 ms
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        entries = g.log("LG101")
        if entries and entries[0].get("count", 1) >= 4:
            break
        time.sleep(0.2)
    assert len(entries) == 1, entries
    assert entries[0]["count"] >= 4
    assert entries[0]["last_seen"]


def test_the_log_budget_per_tab_caps_entries_with_made_up_subjects(guard):
    """A page can write any names into the DOM: a tab gets a dozen new log entries a minute."""
    g = guard
    g.page.goto(g.site.add("/mynetwork/invite-connect/connections/", "ember-en/connections.html"))
    g.wait_warning("LG501")
    tab_id = g.background("async () => (await chrome.tabs.query({url: 'https://www.linkedin.com/*'}))[0].id")
    replies = g.background(
        """async (tabId) => {
             const out = [];
             const sender = {id: chrome.runtime.id, url: 'https://www.linkedin.com/mynetwork/invite-connect/connections/', tab: {id: tabId}, frameId: 0};
             for (let i = 0; i < 30; i += 1) {
               // A made-up first-degree profile at a former employer's client, each time another person.
               const context = {kind: 'profile', url: 'https://www.linkedin.com/in/p' + i + '/', trigger: 'observe', page_session: 'flood-' + i,
                 own: false, name: 'Person ' + i, headline: 'Buyer at Initech', connection_degree: '1st', positions: []};
               const r = await globalThis.linkedinGuard.gate.dispatch({type: 'evaluate', surface: 'profile', context}, sender);
               out.push(r.ok ? r.result.warnings.length : r.error.code);
             }
             return out;
           }""",
        tab_id,
    )
    assert all(isinstance(n, int) and n >= 1 for n in replies), replies  # every one is still judged and shown
    flood = [e for e in g.log("LG501") if (e["subject"] or "").startswith("Person ")]
    assert 0 < len(flood) <= 12, len(flood)


def test_learn_more_opens_at_most_one_dashboard_per_few_seconds(guard):
    g = guard
    g.page.goto(g.site.add("/in/sanne-de-vries/", "ember-en/profile-own.html"))
    g.wait_warning("LG101")
    tab_id = g.background("async () => (await chrome.tabs.query({url: 'https://www.linkedin.com/*'}))[0].id")
    codes = g.background(
        """async (tabId) => {
             const sender = {id: chrome.runtime.id, url: 'https://www.linkedin.com/in/sanne-de-vries/', tab: {id: tabId}, frameId: 0};
             const out = [];
             for (let i = 0; i < 3; i += 1) {
               const r = await globalThis.linkedinGuard.gate.dispatch({type: 'open_dashboard', page: 'rules', rule: 'LG101'}, sender);
               out.push(r.ok ? 'ok' : r.error.code);
             }
             return out;
           }""",
        tab_id,
    )
    assert codes == ["ok", "rate_limited", "rate_limited"], codes



def test_untrusted_events_on_the_guards_own_buttons_are_ignored(guard):
    """Defence in depth behind the closed roots: even a script that holds a reference to
    the chip, Dismiss, Why? or the dialog's buttons (here: the test, through CDP, calling
    element.click() and dispatching Escape — untrusted events) changes nothing."""
    g = guard
    ui = g.ui()
    g.page.goto(g.site.add("/feed/", "react-nl/post-composer.html"))
    g.wait_warning("LG301")
    g.wait_log("LG301")
    before = snapshot(g)
    chip = ui.wait_for(".chip")
    ui.call(chip, "function () { this.click(); }")
    time.sleep(0.3)
    assert ui.attr(chip, "aria-expanded") == "false", "a script click opened the cards"
    g.open_cards()
    for action in ("dismiss", "why", "learn-more"):
        for node in ui.query_all(f'[data-guard-action="{action}"]'):
            ui.call(node, "function () { this.click(); }")
    ui.call(ui.query(".panel"), "function () { this.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true})); }")
    time.sleep(0.5)
    assert g.warning_count("LG301") == 1
    assert ui.attr(ui.query('[data-guard-action="why"]'), "aria-expanded") == "false"
    assert ui.visible(ui.query(".panel")), "a script Escape closed the cards"
    g.page.get_by_role("button", name="Plaatsen").click()
    dialog = ui.wait_for("dialog[data-guard-confirm]", timeout=5)
    for action in ("anyway", "back"):
        ui.call(ui.query(f'dialog[data-guard-confirm] [data-guard-action="{action}"]'), "function () { this.click(); }")
    ui.call(dialog, "function () { this.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true})); this.dispatchEvent(new Event('cancel', {cancelable: true})); }")
    time.sleep(0.5)
    assert ui.query("dialog[data-guard-confirm]") is not None
    assert g.page.locator(SENT).count() == 0
    assert snapshot(g) == before


#: Sends ``timings_of_page`` to the LinkedIn tab from where the extension's background runs
#: (Chromium's service worker; Firefox's background page, reached from an add-on document).
ASK_TIMINGS = """async (firefox) => {
  const api = firefox ? (await browser.runtime.getBackgroundPage()).browser : chrome;
  const [tab] = await api.tabs.query({url: "https://www.linkedin.com/*"});
  return JSON.stringify(await api.tabs.sendMessage(tab.id, {type: "timings_of_page"}, {frameId: 0}));
}"""


def test_the_content_scripts_timings_are_numbers_only_and_never_in_the_page(guard):
    """benchmarks/extension_bench.py asks the content script for its timings through the background
    (timings_of_page; runtime.onMessage hears only our own extension): numbers only, never page text,
    and nothing of them in the page's world."""
    g = guard
    g.page.goto(g.site.add("/messaging/thread/2-abc/", "ember-en/messaging-thread.html"))
    g.page.locator(".msg-form [contenteditable='true']").click()
    g.page.keyboard.type("Hello")
    g.wait_evaluated()
    stats = json.loads(g.background(ASK_TIMINGS, g.firefox))
    assert stats["scans"] >= 1 and stats["batches"] >= 1 and stats["scanMs"], stats

    def leaves(value):
        if isinstance(value, dict):
            for v in value.values():
                yield from leaves(v)
        elif isinstance(value, list):
            for v in value:
                yield from leaves(v)
        else:
            yield value

    assert all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in leaves(stats)), stats
    assert g.page.evaluate("() => typeof window.__linkedinGuardStats") == "undefined"
