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


def confirm_dialog(page):
    return page.locator("[data-guard-confirm]")


def test_confirm_before_post_holds_the_click_then_lets_it_through(guard):
    g = guard
    g.page.goto(g.site.add("/feed/", "react-nl/post-composer.html"))
    g.warning("LG301").first.wait_for(timeout=10000)
    g.page.get_by_role("button", name="Plaatsen").click()
    dialog = confirm_dialog(g.page)
    dialog.wait_for(timeout=5000)
    assert dialog.locator('[data-guard-rule="LG301"]').count() == 1
    assert g.page.locator(SENT).count() == 0, "the post went out before the person decided"
    dialog.locator("[data-guard-justification]").fill("Mark agreed to the photo")
    dialog.locator('[data-guard-action="send-anyway"]').click()
    g.page.locator(SENT).first.wait_for(timeout=5000)
    assert "Mooie dag" in g.page.locator(SENT).first.inner_text()
    entry = g.wait_log("LG301", lambda e: e["decision"] == "proceeded")
    assert entry["justification"] == "Mark agreed to the photo"


def test_confirm_edit_cancels_the_send_and_records_it(guard):
    g = guard
    g.page.goto(g.site.add("/in/me/add-edit/POSITION/", "ember-en/position-form.html"))
    g.warning("LG401").first.wait_for(timeout=10000)
    g.page.get_by_role("button", name="Save").click()
    dialog = confirm_dialog(g.page)
    dialog.wait_for(timeout=5000)
    dialog.locator('[data-guard-action="edit"]').click()
    dialog.wait_for(state="detached", timeout=3000)
    # The decision is recorded only after the held Save was dropped; nothing went out.
    g.wait_log("LG401", lambda e: e["decision"] == "cancelled")
    assert g.page.locator(SENT).count() == 0


def test_nothing_to_say_means_no_hold(guard):
    g = guard
    g.page.goto(g.site.add("/messaging/thread/2-abc/", "ember-en/messaging-thread.html"))
    box = g.page.locator(".msg-form [contenteditable='true']")
    box.click()
    g.page.keyboard.type("Thanks Mark, see you on Friday!")
    g.page.wait_for_timeout(500)  # the evaluation of the typed text is back
    g.page.get_by_role("button", name="Send", exact=True).click()
    # LinkedIn's own handler ran in the same click: nothing was held.
    assert g.page.locator(SENT).count() == 1
    assert confirm_dialog(g.page).count() == 0
    assert g.page.locator("[data-guard-warning]").count() == 0


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
    dialog = confirm_dialog(g.page)
    dialog.wait_for(timeout=10000)
    assert dialog.locator('[data-guard-rule="LG201"]').count() == 1
    assert g.page.locator(SENT).count() == 0, "the unchecked pitch went out"
    dialog.locator('[data-guard-action="send-anyway"]').click()
    g.page.locator(SENT).first.wait_for(timeout=5000)
    assert g.page.locator(SENT).first.inner_text().startswith("Hi Mark, our lead generation platform")


def test_host_killed_mid_session_reconnects_and_warns_again(guard):
    g = guard
    g.page.goto(g.site.add("/in/sanne-de-vries/", "ember-en/profile-own.html"))
    g.warning("LG101").first.wait_for(timeout=10000)
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
    g.warning("LG401").first.wait_for(timeout=10000)
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
    note = g.page.locator('[data-guard-note="offline"]')
    note.wait_for(timeout=3000)
    assert "offline" in note.inner_text()


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
    dialog = confirm_dialog(g.page)
    dialog.wait_for(timeout=3000)
    assert "offline" in dialog.inner_text()
    assert g.page.locator(SENT).count() == 0
    dialog.locator('[data-guard-action="send-anyway"]').click()
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
    card = g.warning("LG501").first
    card.wait_for(timeout=10000)
    text = card.locator(".message").inner_text()
    assert '<img src=x onerror="window.__pwned=1">Mallory' in text
    assert card.locator("img, script, b").count() == 0
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
    card = g.warning("LG101").first
    card.wait_for(timeout=10000)
    card.locator('[data-guard-action="dismiss"]').click()
    card.wait_for(state="detached", timeout=3000)
    g.wait_log("LG101", lambda e: e["decision"] == "dismissed")


def test_turn_off_this_rule_updates_settings_and_hides_it(guard):
    g = guard
    g.page.goto(g.site.add("/in/sanne-de-vries/", "react-nl/profile-own.html"))
    card = g.warning("LG102").first
    card.wait_for(timeout=10000)
    card.locator('[data-guard-action="turn-off"]').click()
    card.wait_for(state="detached", timeout=3000)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        saved = json.loads((g.guard_home / "settings.json").read_text())
        if saved.get("rules", {}).get("LG102", {}).get("enabled") is False:
            break
        time.sleep(0.1)
    assert saved["rules"]["LG102"]["enabled"] is False
    # Still off after a reload: the host no longer returns it.
    g.page.reload()
    g.warning("LG401").first.wait_for(timeout=10000)
    assert g.warning("LG102").count() == 0


def test_single_page_navigation_starts_a_new_page_session(guard):
    g = guard
    g.site.add("/in/sanne-de-vries/", "ember-en/profile-own.html")
    nav = """<!DOCTYPE html><html lang="en"><head><title>Feed | LinkedIn</title></head><body class="ember-application">
      <main><a id="go" data-fixture-spa href="/in/sanne-de-vries/">My profile</a></main>
      <script src="/_fixture/app.js"></script></body></html>"""
    g.page.goto(g.site.add_html("/feed/", nav))
    # The content script announced this page (new_page) before we look: no LG101 on the feed.
    g.wait_page_known()
    assert g.warning("LG101").count() == 0
    g.page.click("#go")
    g.page.wait_for_url("**/in/sanne-de-vries/")
    g.warning("LG101").first.wait_for(timeout=10000)
    entry = g.wait_log("LG101")
    assert entry["url"] == "https://www.linkedin.com/in/sanne-de-vries/"


def test_pause_for_ten_minutes_hides_warnings(guard):
    g = guard
    g.page.goto(g.site.add("/in/sanne-de-vries/", "ember-en/profile-own.html"))
    g.warning("LG101").first.wait_for(timeout=10000)
    tab_id = g.background(TAB_ID)
    popup = g.extension_page(f"popup/popup.html?tab={tab_id}")
    popup.locator("#pause").click()
    popup.locator("#resume").wait_for(state="visible", timeout=3000)
    assert "Paused until" in popup.locator("#status-text").inner_text()
    g.warning("LG101").first.wait_for(state="detached", timeout=3000)
    popup.locator("#resume").click()
    g.warning("LG101").first.wait_for(timeout=5000)


def test_badge_counts_this_tabs_warnings(guard):
    g = guard
    g.page.goto(g.site.add("/in/sanne-de-vries/", "react-nl/profile-own.html"))
    g.warning("LG102").first.wait_for(timeout=10000)
    g.warning("LG401").first.wait_for(timeout=10000)
    tab_id = g.background(TAB_ID)
    text = g.background("(tabId) => chrome.action.getBadgeText({tabId})", tab_id)
    assert text == str(g.page.locator("[data-guard-warning]").count())


def test_fix_appends_the_opt_out_notice_through_real_input_events(guard):
    g = guard
    typed = "Hi Linda, we help CFOs cut cloud costs by 30%. Our offer ends Friday - can I book a demo call next week?"
    g.page.goto(g.site.add("/messaging/compose/", "ember-en/inmail.html"))
    g.page.locator(".msg-form [contenteditable='true']").click()
    g.page.keyboard.type(typed)
    card = g.warning("LG202").first
    card.wait_for(timeout=10000)
    card.locator('[data-guard-action="fix"]').click()
    g.wait_log("LG202", lambda e: e["decision"] == "fixed")
    # Exactly what was typed, then the English notice as its own paragraph.
    text = g.page.locator(".msg-form [contenteditable='true']").inner_text()
    assert text.startswith(typed)
    assert " ".join(text[len(typed):].split()) == " ".join(opt_out_notice("en").split())
    assert text[len(typed):].startswith("\n"), repr(text[len(typed):len(typed) + 4])
    card.wait_for(state="detached", timeout=5000)


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
    g.warning("LG101").first.wait_for(timeout=10000)
    old = set(g.host_pids())
    # Chromium: the service worker stopped; Firefox: the event page terminated (its idle stop).
    stop_background(g)
    # The next page wakes the background, which reconnects and evaluates.
    g.page.bring_to_front()
    g.page.goto(g.site.add("/in/me/add-edit/POSITION/", "ember-en/position-form.html"))
    g.warning("LG401").first.wait_for(timeout=10000)
    assert set(g.host_pids()) - old, "a new host process serves the restarted worker"


def test_learn_more_opens_the_rule_in_the_dashboard_catalogue(guard):
    g = guard
    g.page.goto(g.site.add("/in/sanne-de-vries/", "ember-en/profile-own.html"))
    card = g.warning("LG101").first
    card.wait_for(timeout=10000)
    with g.expect_page(timeout=8000) as new_page:
        card.locator('[data-guard-action="learn-more"]').click()
    tab = new_page.value
    tab.wait_for_load_state()
    assert tab.url.startswith("http://127.0.0.1:"), tab.url
    assert tab.url.endswith("#LG101")
    # The catalogue itself (the sign-in step before it is a page of its own).
    tab.locator("body").filter(has_text="LG101").wait_for(timeout=5000)



def test_enter_is_held_until_the_guard_learns_that_enter_makes_a_new_line(guard):
    g = guard
    g.page.goto(g.site.add("/messaging/thread/2-abc/", "ember-en/messaging-thread.html"))
    box = g.page.locator(".msg-form [contenteditable='true']")
    # LinkedIn set to "Click Send": Enter makes a new line, never a send.
    g.page.evaluate("document.querySelector('.msg-form').setAttribute('data-fixture-enter-newline', '')")
    box.click()
    g.page.keyboard.type(PITCH)
    g.warning("LG201").first.wait_for(timeout=10000)
    # Not learnt yet: Enter with a confirm warning is treated as a send and held.
    g.page.keyboard.press("Enter")
    dialog = confirm_dialog(g.page)
    dialog.wait_for(timeout=5000)
    dialog.locator('[data-guard-action="edit"]').click()
    # A harmless message: Enter is not held, and it visibly made a new line.
    box.fill("")
    g.page.keyboard.type("Hi Mark, thanks for Friday!")
    g.page.wait_for_timeout(400)  # its evaluation is back: nothing to say
    g.page.keyboard.press("Enter")
    g.page.keyboard.type("Speak soon.")
    g.page.wait_for_function("() => document.querySelector('.msg-form [contenteditable]').innerText.includes('\\n')")
    g.page.wait_for_timeout(600)
    # Now a pitch again: Enter makes a line break, no dialog, nothing sent.
    box.fill("")
    g.page.keyboard.type(PITCH)
    g.warning("LG201").first.wait_for(timeout=10000)
    g.page.keyboard.press("Enter")
    # The concrete event: the line break is in the box (the Enter was neither held nor sent).
    g.page.wait_for_function("() => document.querySelector('.msg-form [contenteditable]').innerText.trimEnd() !== document.querySelector('.msg-form [contenteditable]').innerText")
    assert confirm_dialog(g.page).count() == 0
    assert g.page.locator(SENT).count() == 0
    # The Send button is still guarded.
    g.page.get_by_role("button", name="Send", exact=True).click()
    confirm_dialog(g.page).wait_for(timeout=5000)
