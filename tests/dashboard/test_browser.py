"""The dashboard in Debian's Chromium and in Firefox ESR, headless, used as a person would.

* A log full of markup (names, excerpts, URLs from hostile pages) renders as
  text: no script runs, no element is created from it, no CSP violation
  (which would mean escaping failed and only the CSP saved us).
* The live feed: a warning raised through the real native host
  (``python -m native_host`` fed an ``evaluate`` frame) appears in an open
  dashboard without a reload; the decision follows.
* Filter, delete with the confirmation dialog, and a settings error shown
  next to its field, then fixed and saved.

Recipe: ``shared/reference/browser-testing.md`` (never ``playwright install``).
Firefox through the harness in ``tests/browser/firefox.py`` (same page API).
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from guard import paths, settings_store
from guard.models import Settings
from tests.dashboard.conftest import MARKUP, Seeder

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def _missing(name: str = "chromium") -> str | None:
    if not os.path.exists(CHROMIUM):
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    if name == "firefox":
        from tests.browser import firefox

        return firefox.missing()
    return None


pytestmark = [pytest.mark.browser]

#: Every test here runs in both browsers: ``[chromium]``, ``[firefox]``.
BROWSER_PARAMS = [pytest.param(name, id=name, marks=pytest.mark.skipif(_missing(name) is not None, reason=f"{name}: {_missing(name)}"))
                  for name in ("chromium", "firefox")]

# Runs before any page script; CDP-injected, so the CSP does not apply to it.
WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(scope="module")
def pw():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(params=BROWSER_PARAMS)
def browser(request, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_CACHE_HOME": str(home / ".cache"), "XDG_DATA_HOME": str(home / ".local/share")}
    if request.param == "firefox":
        yield from firefox_page(tmp_path, env)
        return
    pw = request.getfixturevalue("pw")
    ctx = pw.chromium.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=CHROMIUM,
        headless=True,
        env=env,
        args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
        viewport={"width": 1280, "height": 900},
        locale="en-US",
    )
    ctx.add_init_script(WATCH)
    dialogs: list[str] = []
    page = ctx.pages[0] if ctx.pages else ctx.new_page()
    page.on("dialog", lambda d: (dialogs.append((d.type, d.message)), d.accept()))
    page.dialogs = dialogs  # type: ignore[attr-defined]
    yield page
    ctx.close()


def firefox_page(tmp_path: Path, env: dict[str, str]):
    """firefox-esr without the add-on; every host but 127.0.0.1 refused by the harness's proxy."""
    from tests.browser import firefox
    from tests.browser.fake_linkedin import FakeLinkedIn

    fake = FakeLinkedIn(lambda path: (404, "text/plain", b""), tmp_path / "cert")
    try:
        ctx = firefox.launch(profile=tmp_path / "profile", env=env, prefs={**fake.prefs, "intl.accept_languages": "en-US"},
                             extension=None, log_path=tmp_path / "firefox.log")
        try:
            ctx.add_init_script(WATCH)
            dialogs: list[tuple[str, str]] = []
            page = ctx.pages[0]
            page.on("dialog", lambda d: (dialogs.append((d.type, d.message)), d.accept()))
            page.dialogs = dialogs  # type: ignore[attr-defined]
            yield page
        finally:
            ctx.close()
    finally:
        fake.close()


@pytest.fixture
def dashboard(guard_home):
    """A real ``linkedin-guard ui`` process; yields its one-time URL."""
    proc = subprocess.Popen([sys.executable, "-m", "guard", "ui", "--no-open", "--port", "0", "--idle-timeout", "120"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=str(ROOT))
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), url
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def base(url: str) -> str:
    return url.split("?")[0].rstrip("/")


def assert_inert(page) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("window.__csp") == []
    # Only our own "are you sure?" confirmations; never an alert or prompt from page text.
    assert [d for d in page.dialogs if d[0] != "confirm" or "cannot be undone" not in d[1]] == []
    assert page.locator("img[src='x'], b:text('bold')").count() == 0


def test_markup_from_the_log_never_runs(browser, dashboard, guard_home):
    seed = Seeder(paths.log_db_path())
    entry_id = seed.add(subject=MARKUP, excerpt=MARKUP, url="javascript:window.__pwned=3")
    settings_store.save(Settings.model_validate({"employer": {"name": MARKUP, "title_aliases": ["</textarea><script>window.__pwned=4</script>"]}}))
    page = browser
    page.goto(dashboard)
    assert page.locator("h1").inner_text() == "Warning log"
    subject = page.locator(f'tr[data-entry-id="{entry_id}"] .col-subject').inner_text()
    assert "<script>window.__pwned=1</script>" in subject  # shown as text
    assert_inert(page)

    page.goto(f"{base(dashboard)}/log/{entry_id}")
    assert MARKUP in page.locator(".facts").inner_text()
    assert page.locator(".facts a[href^='javascript:']").count() == 0
    assert_inert(page)

    page.goto(f"{base(dashboard)}/settings")
    assert page.locator("#f-employer-name").input_value() == MARKUP
    assert "</textarea><script>" in page.locator("#f-employer-title_aliases").input_value()
    assert_inert(page)

    # A hostile warning arriving live is placed as text too.
    page.goto(base(dashboard) + "/")
    page.locator("#live-status[data-state='on']").wait_for(timeout=5000)
    live_id = seed.add(subject=MARKUP.replace("__pwned=1", "__pwned=5"), excerpt=MARKUP)
    row = page.locator(f'tr[data-entry-id="{live_id}"]')
    row.wait_for(timeout=3000)
    assert "__pwned=5" in row.locator(".col-subject").inner_text()
    assert_inert(page)


def frame(message: dict) -> bytes:
    body = json.dumps(message).encode()
    return struct.pack("=I", len(body)) + body


def read_frame(stream) -> dict:
    (length,) = struct.unpack("=I", stream.read(4))
    return json.loads(stream.read(length))


def request(host: subprocess.Popen, message: dict) -> dict:
    host.stdin.write(frame(message))
    host.stdin.flush()
    while True:
        reply = read_frame(host.stdout)
        if reply.get("id") == message["id"]:
            return reply


def test_a_warning_from_the_host_appears_live_without_reload(browser, dashboard, guard_home):
    settings_store.save(Settings.model_validate({"employer": {"name": "Acme Data B.V.", "social_media_policy": True}}))
    page = browser
    page.goto(dashboard)
    page.locator("#live-status[data-state='on']").wait_for(timeout=5000)
    assert page.locator("#log-empty").is_visible()
    page.evaluate("window.__sameDocument = 'yes'")

    host = subprocess.Popen([sys.executable, "-m", "native_host", "chrome-extension://dashboardtest/"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=str(ROOT))
    try:
        assert request(host, {"id": "h", "type": "hello", "protocol": 1})["ok"]
        context = {"kind": "post", "url": "https://www.linkedin.com/feed/", "trigger": "input", "page_session": "ps-live",
                   "text": "So proud of my team at Acme Data for shipping the new platform!", "mentions": [], "media": []}
        reply = request(host, {"id": "e", "type": "evaluate", "context": context})
        warnings = reply["result"]["warnings"]
        assert [w["rule"] for w in warnings] == ["LG402"]
        shown = time.monotonic()
        row = page.locator("#log-rows tr[data-entry-id]").first
        row.wait_for(timeout=2000)
        arrived = time.monotonic() - shown
        assert "LG402" in row.inner_text() and "So proud of my team at Acme Data" in row.inner_text()
        assert page.evaluate("window.__sameDocument") == "yes"  # no reload
        assert page.locator("#log-empty").count() == 0
        assert page.locator("#log-count").inner_text() == "1 warning"

        decided = request(host, {"id": "d", "type": "decide", "warning_id": warnings[0]["id"], "decision": "dismissed",
                                 "page_session": "ps-live"})
        assert decided["ok"] and decided["result"]["recorded"] == 1
        page.locator("#log-rows .col-decision[data-decision='dismissed']").wait_for(timeout=2000)
        assert page.evaluate("window.__sameDocument") == "yes"
        print(f"warning visible in the dashboard {arrived * 1000:.0f} ms after the host replied")
    finally:
        host.stdin.close()
        host.wait(timeout=10)


def test_filter_delete_with_confirmation_and_settings_errors(browser, dashboard, guard_home):
    seed = Seeder(paths.log_db_path())
    keep = seed.add("LG101", kind="profile", subject="Keep me", severity="warning")
    drop = seed.add("LG402", subject="Delete me")
    page = browser
    page.goto(dashboard)

    # Filter by rule through the form.
    page.select_option("#filter-rule", "LG402")
    page.click("button:text('Filter')")
    page.wait_for_url("**/?rule=LG402**")
    assert page.locator("#log-rows tr[data-entry-id]").count() == 1

    # Delete with the browser's confirmation dialog (accepted by the fixture).
    page.check(f'tr[data-entry-id="{drop}"] input[name="id"]')
    page.click("button:text('Delete selected')")
    page.locator(".flash-ok").wait_for()
    assert page.dialogs and page.dialogs[-1][0] == "confirm" and "cannot be undone" in page.dialogs[-1][1]
    page.goto(base(dashboard) + "/")
    ids = page.locator("#log-rows tr[data-entry-id]").evaluate_all("rows => rows.map(r => r.dataset.entryId)")
    assert ids == [str(keep)]

    # A bad setting: the error sits next to the field and nothing is saved.
    page.goto(base(dashboard) + "/settings")
    page.fill("#f-log-retention_days", "0")
    page.click("button:text('Save settings')")
    # The click only starts the POST: wait for the page that answers it
    # (is_visible() at once read the old page whenever the server was slower).
    error = page.locator("#f-log-retention_days-error")
    error.wait_for(state="visible")
    assert "greater than or equal to 1" in error.inner_text()
    assert settings_store.load().settings.log.retention_days == 180
    # Fix it, add a client row with the Add button, save.
    page.fill("#f-log-retention_days", "30")
    page.locator("fieldset[data-list='clients'] [data-add-row]").click()
    page.locator("fieldset[data-list='clients'] .rows [data-row]").last.locator("input").first.fill("Jan de Vries")
    page.click("button:text('Save settings')")
    page.locator(".flash-ok").wait_for()
    saved = settings_store.load().settings
    assert saved.log.retention_days == 30
    assert [c.name for c in saved.clients] == ["Jan de Vries"]
    assert_inert(page)
