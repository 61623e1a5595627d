"""Real-browser harness: Debian's Chromium, headless, with the extension loaded
and the real native host installed into the temporary profile.

Recipe: ``shared/reference/browser-testing.md``. Pages are LinkedIn-like
fixtures (``tests/fixtures/``) answered through ``context.route`` for
``https://www.linkedin.com/*``; every other host fails at once
(``MAP * ~NOTFOUND``), so nothing leaks out. Settings, log and host state
live in a temp ``LINKEDIN_GUARD_HOME``; HOME and XDG dirs are temp too.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXT_DIR = ROOT / "extension"
FIXTURES = ROOT / "tests" / "fixtures"
# LinkedIn's page code stand-in: one file for the demo and the fixtures.
PAGE_APP_JS = ROOT / "guard" / "demo" / "pages" / "app.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
HOST_NAME = "com.linkedin_guard.host"

#: Settings that make every rule in the catalogue fire on the fixture pages.
SCENARIO_SETTINGS: dict[str, Any] = {
    "language": "auto",
    "employer": {
        "name": "Acme Data B.V.",
        "official_title": "Data Engineer",
        "title_aliases": [],
        "social_media_policy": True,
    },
    "former_employers": [{"name": "Globex", "cleanup_clause": True, "clients": ["Initech"]}],
    "clients": [
        {"name": "Mark Visser", "company": "Initech", "profile_url": "https://www.linkedin.com/in/mark-visser/"},
        {"name": "Initech", "company": "Initech"},
    ],
    "rules": {},
    "log": {"retention_days": 180, "store_excerpts": True},
    "fail_mode": "open",
    "bulk": {"profiles": 3, "minutes": 10},
}


def extension_id() -> str:
    key = json.loads((EXT_DIR / "manifest.json").read_text())["key"]
    digest = hashlib.sha256(base64.b64decode(key)).hexdigest()[:32]
    return "".join(chr(ord("a") + int(c, 16)) for c in digest)


def pytest_collection_modifyitems(config, items):
    reason = None
    if not os.path.exists(CHROMIUM):
        reason = f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "playwright is not installed (pip install -e '.[test]')"
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


@dataclass
class Site:
    """URL path -> fixture file, answered for https://www.linkedin.com/."""

    pages: dict[str, str] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)  # path -> literal HTML

    def add(self, path: str, fixture: str) -> str:
        self.pages[path.split("?")[0]] = fixture
        return "https://www.linkedin.com" + path

    def add_html(self, path: str, html: str) -> str:
        self.extra[path.split("?")[0]] = html
        return "https://www.linkedin.com" + path

    def handle(self, route, request) -> None:
        from urllib.parse import urlsplit

        path = urlsplit(request.url).path
        if path == "/_fixture/app.js":
            route.fulfill(status=200, content_type="text/javascript", body=PAGE_APP_JS.read_text())
        elif path in self.pages:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=(FIXTURES / self.pages[path]).read_text())
        elif path in self.extra:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=self.extra[path])
        elif path == "/favicon.ico":
            route.fulfill(status=204, body="")
        else:
            route.fulfill(status=404, content_type="text/html", body="<html><body><main><h1>Not a fixture</h1></main></body></html>")


@dataclass
class Guard:
    """One browser with the extension, the host installed into its profile, a temp guard home."""

    ctx: Any
    page: Any
    site: Site
    home: Path
    guard_home: Path
    profile: Path
    ext_id: str
    env: dict[str, str]

    # ------------------------------------------------------------ helpers

    def worker(self):
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            for sw in self.ctx.service_workers:
                if self.ext_id in sw.url:
                    return sw
            try:
                self.ctx.wait_for_event("serviceworker", timeout=500)
            except Exception:
                pass
        raise AssertionError("the extension's service worker did not start")

    def host_state(self) -> dict:
        return self.worker().evaluate("() => globalThis.linkedinGuard.status()")

    def wait_host(self, state: str = "connected", timeout: float = 10.0) -> dict:
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            last = self.host_state()
            if last["state"] == state:
                return last
            time.sleep(0.05)
        raise AssertionError(f"host state {last!r}, wanted {state}")

    def log(self, rule: str | None = None) -> list[dict]:
        """The warning log as ``linkedin-guard log --json`` prints it (newest first)."""
        cmd = [sys.executable, "-m", "guard", "log", "--json", "--limit", "500"]
        if rule:
            cmd += ["--rule", rule]
        out = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=30, cwd=ROOT)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout or "[]")

    def wait_log(self, rule: str, predicate: Callable[[dict], bool] = lambda e: True, timeout: float = 10.0) -> dict:
        deadline = time.monotonic() + timeout
        entries: list[dict] = []
        while time.monotonic() < deadline:
            entries = self.log(rule)
            for e in entries:
                if predicate(e):
                    return e
            time.sleep(0.2)
        raise AssertionError(f"no log entry for {rule} matching; entries: {entries}")

    def wait_evaluated(self, timeout: float = 10.0) -> None:
        """Until the host's answer for the current page is back in the background."""
        url = self.page.url
        js = """(url) => { for (const t of globalThis.linkedinGuard.tabState.tabs.values())
                   if (t.url === url && Object.keys(t.surfaces).length) return true; return false; }"""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.worker().evaluate(js, url):
                return
            time.sleep(0.05)
        raise AssertionError(f"{url} was not evaluated within {timeout} s")

    def ui(self, page=None):
        """The guard's page UI (closed shadow roots), read through the automation protocol."""
        from tests.browser.closed_roots import closed_roots

        page = page or self.page
        cache = self.__dict__.setdefault("_ui", {})
        if id(page) not in cache:
            cache[id(page)] = closed_roots(page)
        return cache[id(page)]

    def warning_selector(self, rule: str) -> str:
        """The marker every shown warning keeps (protocol.md "In the page": inside a closed root)."""
        return f'[data-guard-rule="{rule}"][data-guard-warning]'

    def wait_warning(self, rule: str, page=None, timeout: float = 20.0):
        return self.ui(page).wait_for(self.warning_selector(rule), timeout=timeout)

    def warning_count(self, rule: str | None = None, page=None) -> int:
        return self.ui(page).count(self.warning_selector(rule) if rule else "[data-guard-rule][data-guard-warning]")

    def open_cards(self, page=None):
        """Click the chip (real input) so the cards show; the first chip's panel."""
        ui = self.ui(page)
        chip = ui.wait_for(".chip")
        if ui.attr(chip, "aria-expanded") != "true":
            ui.click(chip)
        return ui.wait_for(".panel")

    def card_action(self, rule: str, action: str, page=None):
        """The button ``action`` on the card of ``rule`` (opening the cards first)."""
        ui = self.ui(page)
        self.open_cards(page)
        marker = ui.wait_for(self.warning_selector(rule))
        warning_id = ui.attr(marker, "data-guard-warning")
        return ui.wait_for(f'[data-guard-card~="{warning_id}"] [data-guard-action="{action}"]', timeout=5)

    def pids(self, marker: bytes, exact: bool = False) -> list[int]:
        """Processes of this guard home (its LINKEDIN_GUARD_HOME) whose command line mentions ``marker``."""
        pids = []
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                cmd = (proc / "cmdline").read_bytes().split(b"\0")
                environ = (proc / "environ").read_bytes()
            except OSError:
                continue
            hit = marker in cmd if exact else any(marker in c for c in cmd)
            if hit and f"LINKEDIN_GUARD_HOME={self.guard_home}".encode() in environ:
                pids.append(int(proc.name))
        return pids

    def host_pids(self) -> list[int]:
        """Processes running our host for this guard home."""
        return sorted(set(self.pids(b"native_host")) | set(self.pids(b"linkedin-guard-host")))

    def settings(self, data: dict) -> None:
        (self.guard_home / "settings.json").write_text(json.dumps(data, indent=2))


def install_host(profile: Path, env: dict[str, str]) -> None:
    """``linkedin-guard install --browser chromium --user-data-dir PROFILE`` (the real installer)."""
    out = subprocess.run(
        [sys.executable, "-m", "guard", "install", "--browser", "chromium", "--user-data-dir", str(profile)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert out.returncode == 0, f"install failed: {out.stdout}\n{out.stderr}"
    assert (profile / "NativeMessagingHosts" / f"{HOST_NAME}.json").exists(), out.stdout


def launch(pw, tmp: Path, site: Site, *, settings: dict | None = None, install: bool = True, headless: bool = True):
    home = tmp / "home"
    guard_home = tmp / "guard-home"
    profile = tmp / "profile"
    for d in (home, guard_home, profile):
        d.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "LINKEDIN_GUARD_HOME": str(guard_home),
    }
    if settings is not None:
        (guard_home / "settings.json").write_text(json.dumps(settings, indent=2))
    if install:
        install_host(profile, env)
    ctx = pw.chromium.launch_persistent_context(
        str(profile),
        executable_path=CHROMIUM,
        headless=headless,
        env=env,
        ignore_default_args=["--disable-extensions"],
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--disable-extensions-except={EXT_DIR}",
            f"--load-extension={EXT_DIR}",
            # The local dashboard (127.0.0.1) stays reachable; every other host fails at once.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        ],
        viewport={"width": 1200, "height": 900},
    )
    ctx.route("https://www.linkedin.com/**", site.handle)
    page = ctx.pages[0] if ctx.pages else ctx.new_page()
    return Guard(ctx=ctx, page=page, site=site, home=home, guard_home=guard_home, profile=profile, ext_id=extension_id(), env=env)


@pytest.fixture(scope="module")
def pw():
    # Module scope, not session: a running sync Playwright keeps its asyncio
    # loop current on this thread, which breaks every async (aiohttp) test
    # and every other sync_playwright() that runs while it is open.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture
def make_guard(pw, tmp_path):
    """Factory: ``make_guard(settings=..., install=True)``; every browser is closed after the test."""
    made: list[Guard] = []

    def factory(*, settings: dict | None = None, install: bool = True) -> Guard:
        g = launch(pw, tmp_path / f"g{len(made)}", Site(), settings=SCENARIO_SETTINGS if settings is None else settings, install=install)
        made.append(g)
        return g

    yield factory
    for g in made:
        try:
            g.ctx.close()
        except Exception:
            pass
        # A dashboard the popup asked for outlives the browser (it stops when idle);
        # end the ones this test started, found by their temp guard home.
        for pid in g.pids(b"ui", exact=True):
            try:
                os.kill(pid, signal.SIGTERM)
            except OSError:
                pass


@pytest.fixture
def guard(make_guard) -> Guard:
    g = make_guard()
    g.wait_host("connected")
    return g


@pytest.fixture(scope="session", autouse=True)
def _no_stray_hosts():
    yield
    # Hosts exit on EOF when the browser closes; nothing to clean by hand.
    shutil.rmtree(ROOT / ".pytest-browser-tmp", ignore_errors=True)
