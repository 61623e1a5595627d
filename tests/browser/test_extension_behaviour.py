"""How the extension behaves around the warnings, in real Chromium and Firefox
ESR with the real host: confirm before send, fail-open when the host is gone,
reconnect after a crash, the install command when it is missing, hostile page
text, dismiss / turn off / fix, single-page navigation, pause."""

from __future__ import annotations

import json
import os
import signal
import time
from urllib.parse import urlsplit

import pytest

from guard.text_analysis import opt_out_notice
from tests.browser.conftest import stop_background

pytestmark = pytest.mark.browser

SENT = "#fixture-sent li"
PITCH = ("Hi Mark, our lead generation platform helps B2B teams book 30% more demos. "
         "Can I show you a quick 15 minute demo next week? Free trial this month.")
TAB_ID = "async () => (await chrome.tabs.query({url: 'https://www.linkedin.com/*'}))[0].id"


DIALOG = "dialog[data-guard-confirm]"


def wait_dialog(g, timeout: float = 5):
    """The confirm dialog (in a closed shadow root: read through the automation protocol)."""
    return g.ui().wait_for(DIALOG, timeout=timeout)


def dialog_count(g) -> int:
    return g.ui().count(DIALOG)


def press_dialog(g, action: str) -> None:
    """A real click on a dialog button: back, anyway, fix."""
    ui = g.ui()
    ui.click(ui.wait_for(f'{DIALOG} [data-guard-action="{action}"]', timeout=5))


def type_justification(g, text: str) -> None:
    ui = g.ui()
    ui.click(ui.wait_for(f"{DIALOG} [data-guard-justification]", timeout=5))
    g.page.keyboard.type(text)


def test_confirm_before_post_holds_the_click_then_lets_it_through(guard):
    g = guard
    g.page.goto(g.site.add("/feed/", "react-nl/post-composer.html"))
    g.wait_warning("LG301")
    g.page.get_by_role("button", name="Plaatsen").click()
    wait_dialog(g)
    assert g.ui().count(f'{DIALOG} [data-guard-rule="LG301"]') == 1
    assert g.page.locator(SENT).count() == 0, "the post went out before the person decided"
    type_justification(g, "Mark agreed to the photo")
    press_dialog(g, "anyway")
    g.page.locator(SENT).first.wait_for(timeout=5000)
    assert "Mooie dag" in g.page.locator(SENT).first.inner_text()
    entry = g.wait_log("LG301", lambda e: e["decision"] == "proceeded")
    assert entry["justification"] == "Mark agreed to the photo"


def test_confirm_edit_cancels_the_send_and_records_it(guard):
    g = guard
    g.page.goto(g.site.add("/in/me/add-edit/POSITION/", "ember-en/position-form.html"))
    g.wait_warning("LG401")
    g.page.get_by_role("button", name="Save").click()
    wait_dialog(g)
    press_dialog(g, "back")
    g.ui().wait_for(DIALOG, state="detached", timeout=3)
    # The decision is recorded only after the held Save was dropped; nothing went out.
    g.wait_log("LG401", lambda e: e["decision"] == "cancelled")
    assert g.page.locator(SENT).count() == 0


def test_nothing_to_say_means_no_hold(guard):
    g = guard
    g.page.goto(g.site.add("/messaging/thread/2-abc/", "ember-en/messaging-thread.html"))
    box = g.page.locator(".msg-form [contenteditable='true']")
    box.click()
    g.page.keyboard.type(PITCH)
    g.wait_warning("LG201")
    # The concrete event, not a fixed wait: the pitch's warning goes once the
    # host has checked the harmless text that replaced it (nothing to say).
    _replace_with_harmless_text_checked(g)
    g.page.get_by_role("button", name="Send", exact=True).click()
    # LinkedIn's own handler ran in the same click: nothing was held.
    assert g.page.locator(SENT).count() == 1
    assert dialog_count(g) == 0
    assert g.warning_count() == 0


def test_fast_enter_after_harmless_typing_is_sent(guard):
    g = guard
    g.page.goto(g.site.add("/messaging/thread/2-abc/", "ember-en/messaging-thread.html"))
    box = g.page.locator(".msg-form [contenteditable='true']")
    box.click()
    g.page.keyboard.type("See you Friday", delay=0)
    g.page.keyboard.press("Enter")  # before the 120 ms typing debounce
    g.page.locator(SENT).first.wait_for(timeout=3000)
    assert g.page.locator(SENT).first.inner_text() == "See you Friday"


def test_fast_enter_after_typing_a_pitch_is_checked_and_held(guard):
    # Enter before any evaluation of the text came back: the guard must check
    # the text first (a pitch: LG201 asks to confirm), not send it unchecked.
    g = guard
    g.page.goto(g.site.add("/messaging/thread/2-abc/", "ember-en/messaging-thread.html"))
    box = g.page.locator(".msg-form [contenteditable='true']")
    box.click()
    g.page.keyboard.type(PITCH, delay=0)
    g.page.keyboard.press("Enter")  # before the 120 ms typing debounce
    wait_dialog(g, timeout=20)
    assert g.ui().count(f'{DIALOG} [data-guard-rule="LG201"]') == 1
    assert g.page.locator(SENT).count() == 0, "the unchecked pitch went out"
    press_dialog(g, "anyway")
    g.page.locator(SENT).first.wait_for(timeout=5000)
    assert g.page.locator(SENT).first.inner_text().startswith("Hi Mark, our lead generation platform")


def test_host_killed_mid_session_reconnects_and_warns_again(guard):
    g = guard
    g.page.goto(g.site.add("/in/sanne-de-vries/", "ember-en/profile-own.html"))
    g.wait_warning("LG101")
    pids = g.host_pids()
    assert pids, "no host process found"
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    # The worker notices the exit and reconnects with backoff.
    deadline = time.monotonic() + 10
    seen_states = set()
    while time.monotonic() < deadline:
        st = g.host_state()
        seen_states.add(st["state"])
        if st["state"] == "connected" and set(g.host_pids()) - set(pids):
            break
        time.sleep(0.02)
    assert set(g.host_pids()) - set(pids), f"no new host process; states seen {seen_states}"
    assert g.host_state()["last_error"], "the disconnect was noticed"
    # The next page's warning still shows (and is logged by the new host).
    g.page.goto(g.site.add("/in/me/add-edit/POSITION/", "ember-en/position-form.html"))
    g.wait_warning("LG401")
    g.wait_log("LG401")


def test_host_missing_popup_shows_install_command_and_sends_fail_open(make_guard):
    g = make_guard(install=False)
    st = g.wait_host("not_installed")
    # Each browser's own words for a missing manifest.
    assert ("no such native application" if g.firefox else "not found") in st["detail"].lower()
    popup = g.extension_page("popup/popup.html")
    popup.locator("#install-command").wait_for(state="visible", timeout=5000)
    assert popup.locator("#install-command").inner_text() == "linkedin-guard install"
    assert popup.locator("#status").get_attribute("data-state") == "not_installed"
    assert "not installed" in popup.locator("#status-text").inner_text()
    # LinkedIn keeps working: the send goes through (fail_mode open) and we say we were offline.
    g.page.bring_to_front()
    g.page.goto(g.site.add("/messaging/thread/2-abc/", "ember-en/messaging-thread.html"))
    g.page.locator(".msg-form [contenteditable='true']").click()
    g.page.keyboard.type("Hello there")
    g.page.wait_for_timeout(400)
    g.page.get_by_role("button", name="Send", exact=True).click()
    g.page.locator(SENT).first.wait_for(timeout=3000)
    note = g.ui().wait_for('[data-guard-note="offline"]', timeout=3)
    assert "offline" in g.ui().text(note)


def test_fail_mode_closed_holds_the_send_while_offline(make_guard):
    g = make_guard(install=False)
    g.wait_host("not_installed")
    # What the last hello said (cached for when the host is gone): fail closed.
    g.background("() => globalThis.linkedinGuard.setFailMode('closed')")
    g.page.goto(g.site.add("/messaging/thread/2-abc/", "ember-en/messaging-thread.html"))
    g.page.locator(".msg-form [contenteditable='true']").click()
    g.page.keyboard.type("Hello there")
    g.page.wait_for_timeout(400)
    g.page.get_by_role("button", name="Send", exact=True).click()
    dialog = wait_dialog(g, 3)
    assert "could not check" in g.ui().text(dialog)
    assert g.page.locator(SENT).count() == 0
    press_dialog(g, "anyway")
    g.page.locator(SENT).first.wait_for(timeout=3000)


def test_markup_in_names_and_headlines_stays_inert_text(guard):
    g = guard
    hostile = '<img src=x onerror="window.__pwned=1">Mallory<script>window.__pwned=2</script>'
    page = f"""<!DOCTYPE html><html lang="en"><head><title>Connections | LinkedIn</title></head>
    <body class="ember-application"><main><section class="mn-connections"><ul>
    <li class="mn-connection-card"><a class="mn-connection-card__link" href="/in/mallory/">
      <span class="mn-connection-card__name">{hostile.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</span>
      <span class="mn-connection-card__occupation">&lt;b&gt;Buyer&lt;/b&gt; at Initech</span></a></li>
    </ul></section></main></body></html>"""
    g.page.goto(g.site.add_html("/mynetwork/invite-connect/connections/", page))
    g.wait_warning("LG501")
    ui = g.ui()
    g.open_cards()
    card = ui.wait_for("[data-guard-card]")
    text = ui.call(card, "function () { return this.textContent; }")
    assert '<img src=x onerror="window.__pwned=1">Mallory' in text
    assert ui.count("[data-guard-card] img, [data-guard-card] script, [data-guard-card] b") == 0
    assert g.page.evaluate("() => window.__pwned") is None
    # The popup lists this tab's warnings as text too.
    tab_id = g.background(TAB_ID)
    popup = g.extension_page(f"popup/popup.html?tab={tab_id}")
    popup.locator('#page-warnings [data-guard-rule="LG501"]').wait_for(timeout=5000)
    entry = g.wait_log("LG501")
    assert entry["kind"] == "connections"


def test_dismiss_hides_the_warning_and_records_it(guard):
    g = guard
    g.page.goto(g.site.add("/in/sanne-de-vries/", "ember-en/profile-own.html"))
    g.wait_warning("LG101")
    g.ui().click(g.card_action("LG101", "dismiss"))
    g.ui().wait_for(g.warning_selector("LG101"), state="detached", timeout=3)
    g.wait_log("LG101", lambda e: e["decision"] == "dismissed")


def test_no_turn_off_in_the_page_and_the_gate_refuses_it_from_linkedin(guard):
    """Turning a rule off happens in the extension's pages or the dashboard, never in LinkedIn's page."""
    g = guard
    g.page.goto(g.site.add("/in/sanne-de-vries/", "react-nl/profile-own.html"))
    g.wait_warning("LG102")
    g.open_cards()
    g.ui().wait_for("[data-guard-card]")
    assert g.ui().count('[data-guard-action="turn-off"]') == 0
    # Even a content script (the page's own extension frame) cannot ask for it.
    tab_id = g.background(TAB_ID)
    reply = g.background(
        """(tabId) => globalThis.linkedinGuard.gate.dispatch({type: 'set_rule_enabled', rule: 'LG102', enabled: false},
             {id: chrome.runtime.id, url: 'https://www.linkedin.com/in/sanne-de-vries/', tab: {id: tabId}, frameId: 0})""", tab_id)
    assert reply["ok"] is False and reply["error"]["code"] == "forbidden_type"
    assert "LG102" not in json.loads((g.guard_home / "settings.json").read_text()).get("rules", {})


def test_single_page_navigation_starts_a_new_page_session(guard):
    g = guard
    g.site.add("/in/sanne-de-vries/", "ember-en/profile-own.html")
    nav = """<!DOCTYPE html><html lang="en"><head><title>Feed | LinkedIn</title></head><body class="ember-application">
      <main><a id="go" data-fixture-spa href="/in/sanne-de-vries/">My profile</a></main>
      <script src="/_fixture/app.js"></script></body></html>"""
    g.page.goto(g.site.add_html("/feed/", nav))
    # The content script announced this page (new_page) before we look: no LG101 on the feed.
    g.wait_page_known()
    assert g.warning_count("LG101") == 0
    g.page.click("#go")
    g.page.wait_for_url("**/in/sanne-de-vries/")
    g.wait_warning("LG101")
    entry = g.wait_log("LG101")
    assert entry["url"] == "https://www.linkedin.com/in/sanne-de-vries/"


def test_pause_for_ten_minutes_hides_warnings(guard):
    g = guard
    g.page.goto(g.site.add("/in/sanne-de-vries/", "ember-en/profile-own.html"))
    g.wait_warning("LG101")
    tab_id = g.background(TAB_ID)
    popup = g.extension_page(f"popup/popup.html?tab={tab_id}")
    popup.locator("#pause").click()
    popup.locator("#resume").wait_for(state="visible", timeout=3000)
    assert "Paused until" in popup.locator("#status-text").inner_text()
    g.ui().wait_for(g.warning_selector("LG101"), state="detached", timeout=3)
    popup.locator("#resume").click()
    g.wait_warning("LG101", timeout=5)


def test_badge_counts_this_tabs_warnings(guard):
    g = guard
    g.page.goto(g.site.add("/in/sanne-de-vries/", "react-nl/profile-own.html"))
    g.wait_warning("LG102")
    g.wait_warning("LG401")
    tab_id = g.background(TAB_ID)
    text = g.background("(tabId) => chrome.action.getBadgeText({tabId})", tab_id)
    assert text == str(g.warning_count())


RECRUITER = ("Hi Linda, I am a recruiter at Brightlane. We have an exciting vacancy for a CFO in Utrecht. "
             "Are you open to a new role? Let me know!")
OPT_OUT_EN = "Not interested? You can object to messages like this at any time"


def test_fix_appends_the_opt_out_notice_through_real_input_events(guard):
    g = guard
    g.page.goto(g.site.add("/messaging/compose/", "ember-en/inmail.html"))
    g.page.locator(".msg-form [contenteditable='true']").click()
    g.page.keyboard.type(RECRUITER)
    g.wait_warning("LG202")
    assert g.warning_count("LG201") == 0, "a recruitment message, not a sales pitch: LG202 alone, with its Fix"
    g.ui().click(g.card_action("LG202", "fix"))
    g.wait_log("LG202", lambda e: e["decision"] == "fixed")
    text = g.page.locator(".msg-form [contenteditable='true']").inner_text()
    assert text.startswith(RECRUITER)
    appended = text[len(RECRUITER):]
    # Exactly the English notice (what the rule's fix says), as its own paragraph.
    assert appended.startswith("\n"), repr(appended[:4])
    assert " ".join(appended.split()) == " ".join(opt_out_notice("en").split())
    assert appended.strip().startswith(OPT_OUT_EN) and 'reply "stop"' in appended
    g.ui().wait_for(g.warning_selector("LG202"), state="detached", timeout=5)


@pytest.mark.parametrize("button,page_path", [("#open-log", "/"), ("#open-settings", "/settings")])
def test_popup_opens_the_dashboard_in_a_tab(guard, button, page_path):
    g = guard
    popup = g.extension_page("popup/popup.html")
    popup.locator("#status[data-state='connected']").wait_for(timeout=5000)
    # Settled: this page's line is in (it appears above the buttons, which then move).
    popup.locator("#page-empty").wait_for(timeout=5000)
    started = time.monotonic()
    with g.expect_page(timeout=8000) as new_page:  # the host's open_dashboard timeout
        popup.locator(button).click()
    tab = new_page.value
    tab.wait_for_load_state()
    elapsed = time.monotonic() - started
    assert tab.url.startswith("http://127.0.0.1:"), tab.url
    assert elapsed < 5, elapsed  # issue 5 asks for two seconds; CI machines are slower than this one
    # Signed in (the page's own navigation), not the 401 "needs a fresh link"
    # page, and the one-time token gone from the address bar.
    tab.wait_for_url(lambda u: "token=" not in u, timeout=5000)
    tab.locator("nav a").first.wait_for(timeout=5000)
    assert urlsplit(tab.url).path == page_path, tab.url


def test_options_page_toggles_a_rule(guard):
    g = guard
    opts = g.extension_page("options/options.html")
    box = opts.locator("#rule-LG402")
    box.wait_for(timeout=5000)
    assert box.is_checked()
    box.uncheck()
    opts.locator("#rules-status").filter(has_text="Saved").wait_for(timeout=5000)
    saved = json.loads((g.guard_home / "settings.json").read_text())
    assert saved["rules"]["LG402"]["enabled"] is False


def test_service_worker_stopped_by_the_browser_comes_back_and_still_warns(guard):
    g = guard
    g.page.goto(g.site.add("/in/sanne-de-vries/", "ember-en/profile-own.html"))
    g.wait_warning("LG101")
    old = set(g.host_pids())
    # Chromium: the service worker stopped; Firefox: the event page terminated (its idle stop).
    stop_background(g)
    # The next page wakes the background, which reconnects and evaluates.
    g.page.bring_to_front()
    g.page.goto(g.site.add("/in/me/add-edit/POSITION/", "ember-en/position-form.html"))
    g.wait_warning("LG401")
    assert set(g.host_pids()) - old, "a new host process serves the restarted worker"


def test_learn_more_opens_the_rule_in_the_dashboard_catalogue(guard):
    g = guard
    g.page.goto(g.site.add("/in/sanne-de-vries/", "ember-en/profile-own.html"))
    g.wait_warning("LG101")
    ui = g.ui()
    ui.click(g.card_action("LG101", "why"))
    learn = ui.wait_for('[data-guard-action="learn-more"]', timeout=3)
    with g.expect_page(timeout=8000) as new_page:
        ui.click(learn)
    tab = new_page.value
    tab.wait_for_load_state()
    assert tab.url.startswith("http://127.0.0.1:"), tab.url
    assert tab.url.endswith("#LG101")
    # The catalogue itself (the sign-in step before it is a page of its own).
    tab.locator("body").filter(has_text="LG101").wait_for(timeout=5000)



#: The message box's text ends in a line break the Enter just made (neither held nor sent).
ENDS_IN_LINE_BREAK_JS = ("() => { const t = document.querySelector('.msg-form [contenteditable]').innerText;"
                         " return t.trimEnd() !== t; }")


def _pitch_where_enter_makes_a_new_line(g):
    """The thread page with LinkedIn set to "Click Send" (Enter makes a new line, never a send)
    and a pitch typed, its LG201 shown; the message box."""
    g.page.goto(g.site.add("/messaging/thread/2-abc/", "ember-en/messaging-thread.html"))
    box = g.page.locator(".msg-form [contenteditable='true']")
    g.page.evaluate("document.querySelector('.msg-form').setAttribute('data-fixture-enter-newline', '')")
    box.click()
    g.page.keyboard.type(PITCH)
    g.wait_warning("LG201")
    return box


def _replace_with_harmless_text_checked(g) -> None:
    """A harmless message replaces the pitch in one edit (no half-typed text in between, in
    either browser); return once LG201's warning is gone: the host has checked exactly this
    text and has nothing to say, so an Enter now is not held."""
    g.page.evaluate("""() => { const box = document.querySelector('.msg-form [contenteditable]');
        const range = document.createRange(); range.selectNodeContents(box);
        getSelection().removeAllRanges(); getSelection().addRange(range);
        document.execCommand('insertText', false, 'Hi Mark, thanks for Friday!'); }""")
    g.ui().wait_for(g.warning_selector("LG201"), state="detached", timeout=10)


def _wait_until_learnt_that_enter_makes_a_new_line(g) -> None:
    stored = "async () => (await chrome.storage.local.get('enterMakesNewline')).enterMakesNewline === true"
    deadline = time.monotonic() + 10
    while not g.background(stored):
        assert time.monotonic() < deadline, "the guard never learnt that Enter makes a new line"
        time.sleep(0.05)


def _pitch_and_enter_make_a_line_break(g, box) -> None:
    """Learnt: a pitch and Enter make a line break, no dialog, nothing sent."""
    box.fill("")
    g.page.keyboard.type(PITCH)
    g.wait_warning("LG201")
    g.page.keyboard.press("Enter")
    # The concrete event: the line break is in the box (the Enter was neither held nor sent).
    g.page.wait_for_function(ENDS_IN_LINE_BREAK_JS)
    assert dialog_count(g) == 0
    assert g.page.locator(SENT).count() == 0


def test_enter_is_held_until_the_guard_learns_that_enter_makes_a_new_line(guard):
    g = guard
    box = _pitch_where_enter_makes_a_new_line(g)
    # Not learnt yet: Enter with a confirm warning is treated as a send and held.
    g.page.keyboard.press("Enter")
    wait_dialog(g)
    press_dialog(g, "back")
    # A harmless message: Enter is not held, and it visibly made a new line.
    _replace_with_harmless_text_checked(g)
    g.page.keyboard.press("Enter")
    g.page.keyboard.type("Speak soon.")
    g.page.wait_for_function("() => document.querySelector('.msg-form [contenteditable]').innerText.includes('\\n')")
    _wait_until_learnt_that_enter_makes_a_new_line(g)
    assert g.page.locator(SENT).count() == 0
    _pitch_and_enter_make_a_line_break(g, box)
    # The Send button is still guarded.
    g.page.get_by_role("button", name="Send", exact=True).click()
    wait_dialog(g)


def test_enter_that_makes_a_new_line_is_learnt_when_the_person_pauses_before_typing_on_it(guard):
    g = guard
    box = _pitch_where_enter_makes_a_new_line(g)
    _replace_with_harmless_text_checked(g)
    g.page.keyboard.press("Enter")
    # The person pauses on the new, still empty line (longer than the guard
    # waits before it looks: the pause is the scenario, not a wait for the guard), then types on it.
    g.page.wait_for_timeout(700)
    g.page.keyboard.type("Speak soon.")
    _wait_until_learnt_that_enter_makes_a_new_line(g)
    assert g.page.locator(SENT).count() == 0
    _pitch_and_enter_make_a_line_break(g, box)
