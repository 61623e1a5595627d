"""The whole path as a person takes it: extension popup -> dashboard tab -> live warning -> setting -> extension follows.

Uses the extension suite's harness (``tests/browser/conftest.py``): Chromium
with the unpacked extension and the real host installed into a temp profile,
and Firefox ESR with the add-on and the host installed into a temp HOME.
"""

from __future__ import annotations

import os
import signal
import time

import pytest

from guard.dashboard import tokens
from tests.dashboard.test_browser import BROWSER_PARAMS, pytestmark  # noqa: F401  (browser marker, skips)

browser_harness = pytest.importorskip("tests.browser.conftest")


@pytest.fixture(params=BROWSER_PARAMS)
def extension_guard(request, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        g = browser_harness.launch(pw, tmp_path / "g", browser_harness.Site(), settings=browser_harness.SCENARIO_SETTINGS,
                                   browser=request.param)
        try:
            g.wait_host("connected")
            yield g
        finally:
            g.close()
            # The host started a detached dashboard for this guard home: stop it.
            state = tokens.read_state(g.guard_home / tokens.STATE_FILE_NAME)
            if state is not None:
                try:
                    os.kill(state.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass


def test_popup_to_dashboard_live_warning_and_a_setting_the_extension_follows(extension_guard):
    g = extension_guard
    popup = g.extension_page("popup/popup.html")
    popup.locator("#status[data-state='connected']").wait_for(timeout=5000)
    # Settled: this page's line is in (it appears above the buttons, which then move).
    popup.locator("#page-empty").wait_for(timeout=5000)
    started = time.monotonic()
    with g.expect_page(timeout=8000) as opened:
        popup.locator("#open-log").click()
    dash = opened.value
    dash.locator("h1").wait_for(timeout=5000)
    print(f"popup click -> dashboard tab with content: {(time.monotonic() - started) * 1000:.0f} ms")
    # Signed in through the one-time link: the log, not the 401 page (SameSite=Strict survives the redirect).
    assert dash.locator("h1").inner_text() == "Warning log"
    assert "token=" not in dash.url
    dash.locator("#live-status[data-state='on']").wait_for(timeout=5000)
    dash.evaluate("window.__sameDocument = 'yes'")

    # A warning on LinkedIn shows up in the open dashboard, no reload.
    g.site.add("/feed/", "ember-nl/post-composer.html")
    g.page.bring_to_front()
    g.page.goto("https://www.linkedin.com/feed/")
    g.wait_warning("LG402")
    row = dash.locator("#log-rows tr[data-entry-id]").filter(has_text="LG402").first
    row.wait_for(timeout=3000)
    assert dash.evaluate("window.__sameDocument") == "yes"

    # Change a setting in the dashboard: LG402 asks before posting from now on.
    dash.goto(dash.url.split("#")[0].rsplit("/", 1)[0] + "/settings")
    dash.select_option("#f-rules-LG402-mode", "confirm")
    dash.click("button:text('Save settings')")
    dash.locator(".flash-ok").wait_for(timeout=3000)

    # The extension follows: the same page now shows LG402 in confirm mode.
    g.page.reload()
    g.ui().wait_for('[data-guard-rule="LG402"][data-guard-warning][data-guard-mode="confirm"]', timeout=10)
