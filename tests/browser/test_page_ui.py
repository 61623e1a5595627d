"""The guard's page UI as a person meets it (issue 10): a compact chip that
opens the cards (keyboard too), one card for LG201 + LG202 on one message, a
confirm dialog that fits the action (verb, safe primary choice with focus,
focus trapped and returned, "They asked for this"), a dismissed confirm-mode
card that says what it means and does it, cards that never push the
composer out of view, LinkedIn's dark theme, a live region, and axe-core.

The UI lives in closed shadow roots: read through closed_roots.py (CDP);
clicks and keys are real input. axe-core cannot look into closed roots, so
the accessibility test renders the same warning-ui.js with open roots on a
test page (``useOpenRootsForTests``, reachable only from the test page's own
copy of the script, never from LinkedIn's page).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.browser.conftest import ROOT

pytestmark = pytest.mark.browser

SENT = "#fixture-sent li"
DIALOG = "dialog[data-guard-confirm]"
PITCH = ("Hi Mark, our lead generation platform helps B2B teams book 30% more demos. "
         "Can I show you a quick 15 minute demo next week? Free trial this month.")
INMAIL_PITCH = "Hi Linda, we help CFOs cut cloud costs by 30%. Our offer ends Friday - can I book a demo call next week?"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WARNING_UI = ROOT / "extension" / "content" / "warning-ui.js"


def focused_in_dialog(g) -> bool:
    ui = g.ui()
    return any(ui.is_focused(n) for n in ui.query_all(f"{DIALOG} button, {DIALOG} input, {DIALOG} textarea"))


def press_until_focused(g, node, key="Tab", limit=40) -> None:
    ui = g.ui()
    for _ in range(limit):
        if ui.is_focused(node):
            return
        g.page.keyboard.press(key)
    raise AssertionError("never reached by the keyboard")


# ---------------------------------------------------------------- the chip


def test_chip_is_compact_shows_worst_severity_and_count_and_opens_with_the_keyboard(guard):
    g = guard
    ui = g.ui()
    g.page.goto(g.site.add("/in/sanne-de-vries/", "react-nl/profile-own.html"))
    g.wait_warning("LG102")
    g.wait_warning("LG401")
    chip = ui.wait_for(".chip")
    assert ui.text(chip).startswith("!") and "2 waarschuwingen" in ui.text(chip)
    assert ui.attr(chip, "aria-expanded") == "false"
    assert not ui.visible(ui.query(".panel")), "collapsed by default"
    assert ui.count("[data-guard-card]") == 0  # built when opened
    assert ui.box(chip)["height"] <= 32, "a small chip, not a card"
    assert "dark" not in (ui.attr(ui.query(".ui"), "class") or ""), "LinkedIn's light theme"
    # Keyboard alone: Tab to the chip, Enter opens the cards with focus inside, Escape closes back to the chip.
    g.page.locator("h1, h2").first.click()
    press_until_focused(g, chip)
    g.page.keyboard.press("Enter")
    panel = ui.wait_for(".panel", timeout=3)
    assert ui.attr(chip, "aria-expanded") == "true"
    assert any(ui.is_focused(b) for b in ui.query_all(".panel button")), "focus moved into the cards"
    assert ui.visible(panel)
    assert ui.count("[data-guard-card]") == 2
    g.page.keyboard.press("Escape")
    deadline = time.monotonic() + 3
    while ui.visible(ui.query(".panel")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not ui.visible(ui.query(".panel"))
    assert ui.is_focused(ui.query(".chip")), "focus back on the chip"
    # Space opens it too; the Why? button shows the legal basis behind it.
    g.page.keyboard.press("Space")
    ui.wait_for(".panel", timeout=3)
    why = ui.query('[data-guard-action="why"]')
    assert ui.attr(why, "aria-expanded") == "false"
    ui.click(why)
    assert ui.attr(why, "aria-expanded") == "true"
    ui.wait_for(".more .legal", timeout=3)


def test_a_new_warning_is_announced_in_a_live_region(guard):
    g = guard
    ui = g.ui()
    g.page.goto(g.site.add("/in/sanne-de-vries/", "ember-en/profile-own.html"))
    g.wait_warning("LG101")
    live = ui.wait_for('[role="status"][aria-live="polite"]', state="attached")
    deadline = time.monotonic() + 3
    while "LinkedIn Guard warns" not in (ui.call(live, "function () { return this.textContent; }") or "") and time.monotonic() < deadline:
        time.sleep(0.05)
    text = ui.call(live, "function () { return this.textContent; }")
    assert text.startswith("LinkedIn Guard warns: ")
    assert "#OpenToWork" in text
    chip = ui.query(".chip")
    if g.firefox:
        return  # WebDriver BiDi has no accessibility tree; Chromium checks the chip's accessible name
    name = g.page.context.new_cdp_session(g.page)  # the accessibility tree's name for the chip
    name.send("Accessibility.enable")
    nodes = name.send("Accessibility.getPartialAXTree", {"backendNodeId": chip.backend_id, "fetchRelatives": False})["nodes"]
    assert nodes[0]["name"]["value"] == "1 warning (LinkedIn Guard)", nodes[0]["name"]


def test_dark_mode_follows_linkedins_theme_class(guard):
    g = guard
    ui = g.ui()
    g.page.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => { document.documentElement.classList.add('theme--dark'); });"
    )
    g.page.goto(g.site.add("/in/sanne-de-vries/", "ember-en/profile-own.html"))
    g.wait_warning("LG101")
    assert "dark" in ui.attr(ui.query(".ui"), "class").split()
    bg = ui.call(ui.query(".chip"), "function () { return getComputedStyle(this).backgroundColor; }")
    assert bg == "rgb(40, 48, 56)", bg


# ------------------------------------------------------- one message, one card


def test_lg201_and_lg202_on_one_message_are_one_card_without_a_fix(guard):
    g = guard
    ui = g.ui()
    g.page.goto(g.site.add("/messaging/compose/", "ember-en/inmail.html"))
    g.page.locator(".msg-form [contenteditable='true']").click()
    g.page.keyboard.type(INMAIL_PITCH)
    g.wait_warning("LG201")
    g.wait_warning("LG202")
    g.open_cards()
    ids = [ui.attr(ui.query(g.warning_selector(r)), "data-guard-warning") for r in ("LG201", "LG202")]
    cards = ui.query_all("[data-guard-card]")
    assert len(cards) == 1, "one card about one message"
    assert set(ui.attr(cards[0], "data-guard-card").split()) == set(ids)
    assert ui.count('[data-guard-card] [data-guard-action="fix"]') == 0, "no opt-out Fix for a message LG201 says not to send"
    assert "no line saying they can object" in ui.text(cards[0])
    assert ui.count(g.warning_selector("LG201")) == 1 and ui.count(g.warning_selector("LG202")) == 1, "a marker each"
    assert "1 warning" in ui.text(ui.query(".chip")), "the chip counts what there is to read: one card"
    # At Send: the same single item, no Fix; "They asked for this" -> not_applicable for both.
    g.page.get_by_role("button", name="Send", exact=True).click()
    ui.wait_for(DIALOG, timeout=5)
    assert ui.count(f"{DIALOG} li") == 1
    assert ui.count(f'{DIALOG} [data-guard-action="fix"]') == 0
    assert ui.text(ui.query(f"{DIALOG} h2")) == "Send this message?"
    ui.click(ui.wait_for(f'{DIALOG} [data-guard-reason-kind="asked_for_it"]'))
    ui.click(ui.wait_for(f"{DIALOG} [data-guard-justification]"))
    g.page.keyboard.type("She asked for a quote at the fair")
    ui.click(ui.wait_for(f'{DIALOG} [data-guard-action="anyway"]'))
    g.page.locator(SENT).first.wait_for(timeout=5000)
    for rule in ("LG201", "LG202"):
        e = g.wait_log(rule, lambda e: e["decision"] == "not_applicable")
        assert e["reason_kind"] == "asked_for_it"
        assert e["justification"] == "She asked for a quote at the fair"


# ------------------------------------------------------------- the dialog


DIALOGS = [
    # (path, fixture, rule, act, button name, title, anyway label)
    ("/feed/", "react-nl/post-composer.html", "LG301", None, "Plaatsen", "Dit plaatsen?", "Toch plaatsen"),
    ("/in/me/add-edit/POSITION/", "ember-en/position-form.html", "LG401", None, "Save", "Save this?", "Save anyway"),
    ("/preload/custom-invite/?vanityName=linda-de-boer", "ember-en/invitation.html", "LG201",
     ("textarea", "Hi Linda, our platform cuts cloud costs by 30%. Special offer this month - shall I send a quote?"),
     "Send invitation", "Send this invitation?", "Send invitation anyway"),
    ("/messaging/thread/2-abc/", "ember-en/messaging-thread.html", "LG201", (".msg-form [contenteditable='true']", PITCH),
     "Send", "Send this message?", "Send anyway"),
]


@pytest.mark.parametrize("path,fixture,rule,act,button,title,anyway", DIALOGS, ids=[d[1] for d in DIALOGS])
def test_the_dialog_fits_the_action_the_safe_choice_leads_and_focus_stays_inside(guard, path, fixture, rule, act, button, title, anyway):
    g = guard
    ui = g.ui()
    g.page.goto(g.site.add(path, fixture))
    if act:
        g.page.locator(act[0]).first.click()
        g.page.keyboard.type(act[1])
    g.wait_warning(rule)
    send = g.page.get_by_role("button", name=button, exact=True)
    send.click()
    dialog = ui.wait_for(DIALOG, timeout=5)
    assert ui.text(ui.query(f"{DIALOG} h2")) == title
    back = ui.query(f'{DIALOG} [data-guard-action="back"]')
    assert "primary" in ui.attr(back, "class").split(), "the safe choice is the primary button"
    assert ui.is_focused(back), "and has focus"
    assert ui.text(ui.query(f'{DIALOG} [data-guard-action="anyway"]')) == anyway
    assert ui.attr(dialog, "aria-labelledby") and ui.call(dialog, "function () { return this.matches(':modal'); }")
    # Focus is trapped: Tab and Shift+Tab never leave the dialog.
    for key in ["Tab"] * 8 + ["Shift+Tab"] * 8:
        g.page.keyboard.press(key)
        assert focused_in_dialog(g), f"{key} left the dialog"
    # Escape (the person's) is the safe choice; focus returns to the page.
    g.page.keyboard.press("Escape")
    ui.wait_for(DIALOG, state="detached", timeout=3)
    assert g.page.locator(SENT).count() == 0
    g.wait_log(rule, lambda e: e["decision"] == "cancelled")
    assert g.page.evaluate("() => document.activeElement && document.activeElement !== document.body"), "focus returned"


def test_post_anyway_is_logged_and_shown_as_posted_anyway(guard):
    g = guard
    ui = g.ui()
    g.page.goto(g.site.add("/feed/", "react-nl/post-composer.html"))
    g.wait_warning("LG301")
    g.page.get_by_role("button", name="Plaatsen").click()
    ui.click(ui.wait_for(f'{DIALOG} [data-guard-action="anyway"]', timeout=5))
    g.page.locator(SENT).first.wait_for(timeout=5000)
    entry = g.wait_log("LG301", lambda e: e["decision"] == "proceeded")
    assert entry["kind"] == "post"
    from guard.dashboard.i18n import Translator  # the dashboard's words for it
    from guard.dashboard.layout import decision_label

    assert decision_label(Translator("en"), entry["decision"], entry["kind"]) == "posted anyway"
    assert decision_label(Translator("nl"), "proceeded", "position_form") == "toch opgeslagen"


def test_a_dismissed_confirm_card_says_the_save_will_not_ask_and_it_does_not(guard):
    g = guard
    ui = g.ui()
    g.page.goto(g.site.add("/in/me/add-edit/POSITION/", "ember-en/position-form.html"))
    g.wait_warning("LG401")
    g.open_cards()
    note = ui.wait_for("[data-guard-dismiss-note]")
    assert ui.text(note) == "Dismissing means you will not be asked again when you save."
    ui.click(g.card_action("LG401", "dismiss"))
    ui.wait_for(g.warning_selector("LG401"), state="detached", timeout=3)
    g.wait_log("LG401", lambda e: e["decision"] == "dismissed")
    g.page.get_by_role("button", name="Save").click()
    g.page.locator(SENT).first.wait_for(timeout=3000)
    assert ui.count(DIALOG) == 0


def test_fast_typed_risky_text_that_was_never_checked_is_held(guard):
    """Enter before the typing debounce: the text was never evaluated, so it is checked first (and here, asked)."""
    g = guard
    ui = g.ui()
    g.page.goto(g.site.add("/messaging/thread/2-abc/", "ember-en/messaging-thread.html"))
    g.page.locator(".msg-form [contenteditable='true']").click()
    g.page.keyboard.insert_text(PITCH)  # one input event: no time for the 120 ms debounce
    g.page.keyboard.press("Enter")
    ui.wait_for(DIALOG, timeout=5)
    assert g.page.locator(SENT).count() == 0
    assert ui.count(f'{DIALOG} [data-guard-rule="LG201"]') == 1


# ------------------------------------------------------ layout at two widths


@pytest.mark.parametrize("width", [400, 1280])
def test_cards_never_push_the_composer_out_of_view(guard, width):
    g = guard
    ui = g.ui()
    g.page.set_viewport_size({"width": width, "height": 760})
    g.page.goto(g.site.add("/messaging/compose/", "ember-en/inmail.html"))
    box = g.page.locator(".msg-form [contenteditable='true']")
    box.click()
    g.page.keyboard.type(INMAIL_PITCH)
    g.wait_warning("LG201")
    before = box.bounding_box()
    g.open_cards()
    for why in ui.query_all('[data-guard-action="why"]'):
        ui.click(why)  # everything expanded: the tallest the cards get
    time.sleep(0.2)
    after = box.bounding_box()
    assert after == before, "opening the cards moved the composer"
    assert 0 <= after["y"] and after["y"] + 20 <= 760, after
    panel = ui.box(ui.query(".panel"))
    overlap_y = min(panel["y"] + panel["height"], after["y"] + after["height"]) - max(panel["y"], after["y"])
    assert overlap_y <= 0, f"the cards cover the composer: panel {panel}, composer {after}"
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= width


# ----------------------------------------------------------------- axe-core


AXE_PAGE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Guard UI</title></head><body>
<main><h1>Messaging</h1><form class="msg-form"><div id="composer" contenteditable="true" role="textbox" aria-label="Write a message">Hi</div>
<button type="button">Send</button></form><div id="shadow-host"></div></main></body></html>"""

WARNINGS = [
    {"id": "w-1", "rule": "LG201", "severity": "warning", "mode": "confirm", "title": "A sales pitch to someone who did not ask",
     "message": "This reads as a sales pitch to Mark Visser, who has not asked for it. Unsolicited offers can break the law.",
     "legal_basis": [{"source": "Telecommunicatiewet", "article": "11.7", "url": "https://wetten.overheid.nl/"}],
     "suggestion": "Ask first whether they are interested.", "language": "en"},
    {"id": "w-2", "rule": "LG202", "severity": "warning", "mode": "confirm", "title": "No opt-out notice",
     "message": "A first sales message must say they can object.", "legal_basis": [], "language": "en",
     "fix": {"action": "append_text", "text": "\\n\\nReply stop to object."}},
    {"id": "w-3", "rule": "LG402", "severity": "info", "mode": "inform", "title": "Your contract limits naming your employer",
     "message": "This names your employer.", "legal_basis": [], "language": "en"},
]


def locale(lang: str) -> dict:
    data = json.loads((ROOT / "extension" / "_locales" / lang / "messages.json").read_text())
    return {k: v["message"] for k, v in data.items() if k.startswith("page_")}


def axe_serious(page) -> list:
    result = page.evaluate("async () => { const r = await axe.run(document); return {violations: r.violations, passes: r.passes}; }")
    # axe looked inside the guard's (open, test-only) roots: targets there are shadow paths (lists).
    inside = [n for p in result["passes"] for n in p["nodes"] if isinstance(n["target"][0], list)]
    assert inside, "axe did not see into the shadow roots"
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("lang,dark", [("en", False), ("nl", False), ("en", True)])
def test_axe_finds_no_serious_or_critical_violation_in_chip_cards_and_dialog(make_guard, lang, dark):
    g = make_guard(install=False)
    page = g.page
    page.set_content(AXE_PAGE.format(lang=lang))
    if dark:
        page.evaluate("document.documentElement.classList.add('theme--dark'); document.body.style.background = '#1b1f23'; document.body.style.color = '#eee';")
    page.add_script_tag(path=str(ROOT / "extension" / "content" / "linkedin-selectors.js"))
    page.add_script_tag(path=str(WARNING_UI))
    page.add_script_tag(path=str(AXE))
    page.evaluate(
        """([warnings, strings]) => {
             LGWarningUI.useOpenRootsForTests();
             const handlers = {fix() {}, dismiss() {}, 'learn-more'() {}};
             const editor = document.getElementById('composer');
             window.rec = {surface: {key: 'message:1', anchor: editor.closest('form'), placement: 'beforebegin', editor}};
             LGWarningUI.render(window.rec, warnings.slice(0, 2), handlers, strings);
             // An anchor inside an OPEN shadow root (LinkedIn's 2026 #interop-outlet): the chip goes next to it there.
             const outlet = document.getElementById('shadow-host').attachShadow({mode: 'open'});
             const inner = document.createElement('section'); inner.textContent = 'Post composer'; outlet.appendChild(inner);
             window.rec2 = {surface: {key: 'post:1', anchor: inner, placement: 'beforebegin', editor: null}};
             LGWarningUI.render(window.rec2, warnings.slice(2), handlers, strings);
           }""",
        [WARNINGS, locale(lang)],
    )
    assert page.evaluate("() => { const h = rec2.surface.anchor.previousElementSibling; return Boolean(h && h.shadowRoot && h.shadowRoot.querySelector('.chip')); }")
    assert axe_serious(page) == [], "collapsed chip"
    page.locator(".chip").first.click()
    page.locator(".panel").first.wait_for()
    for why in page.locator('[data-guard-action="why"]').all():
        if why.is_visible():
            why.click()
    assert axe_serious(page) == [], "open cards with Why?"
    page.evaluate("() => { window.answer = LGWarningUI.confirmSend(" + json.dumps(WARNINGS[:2]) + ", " + json.dumps(locale(lang)) + ", {action: 'send', canFix: true}); }")
    page.locator("dialog[data-guard-confirm]").wait_for()
    assert axe_serious(page) == [], "confirm dialog"


def test_the_confirm_dialog_is_decided_with_the_keyboard_alone(make_guard):
    """Enter on the focused safe choice goes back to editing; Tab then Space sends anyway.

    Firefox does not turn Enter/Space on a button inside a closed shadow root
    into a click: the UI handles the keys itself, so both browsers decide the same.
    """
    g = make_guard(settings=None)
    g.wait_host("connected")
    g.page.goto(g.site.add("/messaging/compose/", "ember-en/inmail.html"))
    g.page.locator(".msg-form [contenteditable='true']").first.click()
    g.page.keyboard.type("Hi Linda, we help CFOs cut cloud costs by 30%. Our offer ends Friday - can I book a demo call next week?", delay=5)
    g.wait_warning("LG201")
    send = g.page.locator("button.msg-form__send-button").first
    ui = g.ui()
    send.click()
    ui.wait_for("dialog", timeout=5)
    g.page.keyboard.press("Enter")
    g.wait_log("LG201", lambda e: e["decision"] == "cancelled")
    send.click()
    ui.wait_for("dialog", timeout=5)
    g.page.keyboard.press("Tab")
    g.page.keyboard.press("Space")
    g.wait_log("LG201", lambda e: e["decision"] == "proceeded")
