"""Real-browser harness: every scenario runs in Debian's Chromium AND Firefox ESR,
headless, with the extension loaded and the real native host installed.

Tests take ``guard`` / ``make_guard`` and are parametrized by ``browser_name``
(ids ``[chromium]`` / ``[firefox]``); they are written once against the part
of Playwright's sync Page API both sides offer:

* Chromium: Playwright itself (PyPI) driving ``/usr/bin/chromium``; the host
  is installed into the temp profile (``--user-data-dir``); pages answered
  through ``context.route``; every other host fails (``MAP * ~NOTFOUND``).
* Firefox: ``tests/browser/firefox.py`` (puppeteer-core over WebDriver BiDi,
  same API subset) driving ``/usr/bin/firefox-esr`` with the add-on installed
  as a temporary add-on; the host installed with ``linkedin-guard install
  --browser firefox`` into a temp HOME; pages served by
  ``tests/browser/fake_linkedin.py`` (loopback HTTPS + a proxy that refuses
  every other host).

What differs between the browsers goes through :class:`Guard`:
``background(js)`` (service worker / background page), ``extension_page(path)``
(popup, options), ``expect_page()``. The guard's own UI in closed shadow roots:
``tests/browser/closed_roots.py``.

Recipe: ``shared/reference/browser-testing.md``. Settings, log and host state
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
BROWSERS = ("chromium", "firefox")
GECKO_ID = json.loads((EXT_DIR / "manifest.json").read_text())["browser_specific_settings"]["gecko"]["id"]
#: The add-on's moz-extension:// host, fixed through ``extensions.webextensions.uuids``.
FIREFOX_UUID = "4b1d2c3e-0000-4000-8000-00000000c0de"

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


def chromium_missing() -> str | None:
    if not os.path.exists(CHROMIUM):
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None


def browser_missing(name: str) -> str | None:
    """Why ``name`` cannot run here (a skip locally; tests/conftest.py makes it a failure in CI)."""
    if name == "chromium":
        return chromium_missing()
    from tests.browser import firefox

    return chromium_missing() or firefox.missing()  # Playwright runs the Chromium half and is the API model


def pytest_collection_modifyitems(config, items):
    reasons = {name: browser_missing(name) for name in BROWSERS}
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
        callspec = getattr(item, "callspec", None)
        name = callspec.params.get("browser_name") if callspec else None
        if name in reasons and reasons[name]:
            item.add_marker(pytest.mark.skip(reason=f"{name}: {reasons[name]}"))


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

    def respond(self, path: str) -> tuple[int, str, bytes]:
        """(status, content type, body) for a path on www.linkedin.com: the same in both browsers."""
        if path == "/_fixture/app.js":
            return 200, "text/javascript", PAGE_APP_JS.read_bytes()
        if path in self.pages:
            return 200, "text/html; charset=utf-8", (FIXTURES / self.pages[path]).read_bytes()
        if path in self.extra:
            return 200, "text/html; charset=utf-8", self.extra[path].encode()
        if path == "/favicon.ico":
            return 204, "image/x-icon", b""
        return 404, "text/html", b"<html><body><main><h1>Not a fixture</h1></main></body></html>"

    def handle(self, route, request) -> None:
        """Playwright's ``context.route`` handler (Chromium)."""
        from urllib.parse import urlsplit

        status, content_type, body = self.respond(urlsplit(request.url).path)
        route.fulfill(status=status, content_type=content_type, body=body)


@dataclass
class Guard:
    """One browser with the extension, the host installed for it, a temp guard home."""

    ctx: Any  # Playwright BrowserContext, or firefox.Browser
    page: Any
    site: Site
    home: Path
    guard_home: Path
    profile: Path
    ext_id: str  # Chromium: the extension id; Firefox: the moz-extension:// UUID
    env: dict[str, str]
    browser: str = "chromium"
    fake: Any = None  # Firefox: the loopback www.linkedin.com (fake_linkedin.FakeLinkedIn)
    _helper: Any = None  # Firefox: an add-on document to reach the background page from
    pooled: Any = None  # Firefox: the FirefoxPool this browser is reused from

    # ------------------------------------------------------------ browser differences

    @property
    def firefox(self) -> bool:
        return self.browser == "firefox"

    def ext_url(self, path: str) -> str:
        scheme = "moz-extension" if self.firefox else "chrome-extension"
        return f"{scheme}://{self.ext_id}/{path}"

    def extension_page(self, path: str):
        """An extension page (``popup/popup.html``, ``options/options.html``) in a new tab, loaded."""
        page = self.ctx.new_page()
        page.goto(self.ext_url(path))
        return page

    def expect_page(self, timeout: float = 5000):
        """``with g.expect_page() as opened: ...; opened.value`` is the tab that action opened."""
        return self.ctx.expect_page(timeout=timeout)

    def background(self, js: str, arg: Any = None) -> Any:
        """Run ``js`` (a function source) where the extension's background runs:
        Chromium's MV3 service worker, Firefox's background (event) page. In
        Firefox the function runs in an add-on document with the background's
        ``globalThis.linkedinGuard`` in scope; ``chrome.*`` is the same API there."""
        if not self.firefox:
            return self.worker().evaluate(js, arg)
        from tests.browser import firefox

        if self._helper is None:
            # Any document of the add-on has the extension APIs; an icon has no script of its own.
            created = self.ctx.bridge.send("browsingContext.create", {"type": "tab", "background": True})
            self._helper = self.ctx._page(created["context"])
            self._helper.goto(self.ext_url("icons/icon-16.png"))
        body = ("async (arg) => { const bg = await browser.runtime.getBackgroundPage();"
                " globalThis.linkedinGuard = bg.linkedinGuard; return await (" + firefox.as_function(js) + ")(arg); }")
        return self._helper.evaluate(body, arg)

    def close(self) -> None:
        try:
            self.ctx.close()
        except Exception:
            pass
        if self.fake is not None:
            self.fake.close()

    # ------------------------------------------------------------ helpers

    def worker(self):
        assert not self.firefox, "Firefox has no service worker here: use g.background(js)"
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
        return self.background("() => globalThis.linkedinGuard.status()")

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
            if self.background(js, url):
                return
            time.sleep(0.05)
        raise AssertionError(f"{url} was not evaluated within {timeout} s")

    def wait_page_known(self, timeout: float = 10.0) -> None:
        """Until the content script has announced the current page to the background (``new_page``)."""
        url = self.page.url
        js = """(url) => { for (const t of globalThis.linkedinGuard.tabState.tabs.values())
                   if (t.url === url) return true; return false; }"""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.background(js, url):
                return
            time.sleep(0.05)
        raise AssertionError(f"{url} was never announced by the content script within {timeout} s")

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


def install_host(profile: Path, env: dict[str, str], browser: str = "chromium") -> None:
    """The real installer: ``linkedin-guard install --browser chromium --user-data-dir PROFILE``,
    or for Firefox ``linkedin-guard install --browser firefox`` with the temp HOME."""
    if browser == "firefox":
        cmd = [sys.executable, "-m", "guard", "install", "--browser", "firefox"]
        manifest = Path(env["HOME"]) / ".mozilla" / "native-messaging-hosts" / f"{HOST_NAME}.json"
    else:
        cmd = [sys.executable, "-m", "guard", "install", "--browser", "chromium", "--user-data-dir", str(profile)]
        manifest = profile / "NativeMessagingHosts" / f"{HOST_NAME}.json"
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert out.returncode == 0, f"install failed: {out.stdout}\n{out.stderr}"
    assert manifest.exists(), out.stdout


def launch(pw, tmp: Path, site: Site, *, settings: dict | None = None, install: bool = True, headless: bool = True,
           browser: str = "chromium"):
    """A browser with the extension for ``browser`` ("chromium" | "firefox")."""
    if browser == "firefox":
        return launch_firefox(tmp, site, settings=settings, install=install)
    home, guard_home, profile, env = guard_dirs(tmp, settings)
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


def guard_dirs(tmp: Path, settings: dict | None) -> tuple[Path, Path, Path, dict[str, str]]:
    home, guard_home, profile = tmp / "home", tmp / "guard-home", tmp / "profile"
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
    return home, guard_home, profile, env


def firefox_prefs(fake) -> dict[str, Any]:
    return {
        **fake.prefs,
        "extensions.webextensions.uuids": json.dumps({GECKO_ID: FIREFOX_UUID}),
        "browser.tabs.warnOnClose": False,
        "browser.shell.checkDefaultBrowser": False,
    }


def launch_firefox(tmp: Path, site: Site, *, settings: dict | None = None, install: bool = True):
    """firefox-esr with the add-on (temporary add-on), the host installed into the temp HOME."""
    from tests.browser import firefox
    from tests.browser.fake_linkedin import FakeLinkedIn

    home, guard_home, profile, env = guard_dirs(tmp, settings)
    if install:
        install_host(profile, env, "firefox")
    fake = FakeLinkedIn(site.respond, tmp / "cert")
    try:
        ctx = firefox.launch(profile=profile, env=env, prefs=firefox_prefs(fake), extension=EXT_DIR,
                             log_path=tmp / "firefox.log")
    except BaseException:
        fake.close()
        raise
    assert ctx.bridge.extension_id == GECKO_ID, ctx.bridge.extension_id
    return Guard(ctx=ctx, page=ctx.pages[0], site=site, home=home, guard_home=guard_home, profile=profile,
                 ext_id=FIREFOX_UUID, env=env, browser="firefox", fake=fake)


class SiteHolder:
    """The fake www.linkedin.com of a reused Firefox answers from whichever test's Site is current."""

    def __init__(self):
        self.site = Site()

    def respond(self, path: str) -> tuple[int, str, bytes]:
        return self.site.respond(path)


class FirefoxPool:
    """One Firefox per test module, reused test after test (a launch costs seconds here).

    Each test still starts clean: the add-on is uninstalled (its background,
    storage and native port go; the host exits on EOF), every tab but a fresh
    one is closed, the guard home is emptied and gets the test's settings, the
    host manifest is (re)installed or removed as the test asks, and the add-on
    is installed again. What stays is the Firefox profile itself (caches,
    cookies of 127.0.0.1) and HOME. A test that needs a second browser at once
    gets a fresh Firefox of its own.
    """

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.guard: Guard | None = None
        self.holder = SiteHolder()
        self.in_use = False
        self.installed = False

    def acquire(self, *, settings: dict | None, install: bool) -> Guard:
        if self.guard is None:
            g = launch_firefox(self.tmp, self.holder, settings=settings, install=install)
            g.site = self.holder.site
            g.pooled = self
            self.guard, self.installed, self.in_use = g, install, True
            return g
        g = self.guard
        self.in_use = True
        bridge = g.ctx.bridge
        bridge.send("webExtension.uninstall", {"extension": GECKO_ID})
        deadline = time.monotonic() + 5
        while g.host_pids() and time.monotonic() < deadline:
            time.sleep(0.05)
        for pid in g.host_pids():  # never left hanging into the next test
            os.kill(pid, signal.SIGKILL)
        # A fresh tab; every other tab closed.
        fresh = bridge.send("browsingContext.create", {"type": "tab"})["context"]
        for ctx_id in g.ctx._top_contexts():
            if ctx_id != fresh:
                bridge.send("browsingContext.close", {"context": ctx_id})
        g.ctx._pages = {}
        g.page = g.ctx._page(fresh)
        g._helper = None
        g.__dict__.pop("_ui", None)
        # An empty guard home with this test's settings; the host manifest as the test wants it.
        for child in g.guard_home.iterdir():
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
        self.installed = False
        if settings is not None:
            (g.guard_home / "settings.json").write_text(json.dumps(settings, indent=2))
        manifest = g.home / ".mozilla" / "native-messaging-hosts" / f"{HOST_NAME}.json"
        if manifest.exists():
            manifest.unlink()
        if install:
            install_host(g.profile, g.env, "firefox")
        # Uninstalling dropped the add-on's UUID mapping: pin it again, then install.
        chrome = bridge.send("browsingContext.getTree", {"moz:scope": "chrome", "maxDepth": 0})["contexts"][0]["context"]
        bridge.send("script.callFunction", {
            "functionDeclaration": "(v) => Services.prefs.setStringPref('extensions.webextensions.uuids', v)",
            "arguments": [{"type": "string", "value": json.dumps({GECKO_ID: FIREFOX_UUID})}],
            "target": {"context": chrome}, "awaitPromise": True,
        })
        bridge.send("webExtension.install", {"extensionData": {"type": "path", "path": str(EXT_DIR)}})
        self.holder.site = g.site = Site()
        return g

    def release(self) -> None:
        self.in_use = False

    def close(self) -> None:
        if self.guard is not None:
            self.guard.pooled = None
            self.guard.close()
            self.guard = None


@pytest.fixture(scope="module")
def firefox_pool(tmp_path_factory):
    pool = FirefoxPool(tmp_path_factory.mktemp("firefox-pool"))
    yield pool
    pool.close()


@pytest.fixture(scope="module")
def pw():
    # Module scope, not session: a running sync Playwright keeps its asyncio
    # loop current on this thread, which breaks every async (aiohttp) test
    # and every other sync_playwright() that runs while it is open.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(params=BROWSERS)
def browser_name(request) -> str:
    """Every test that takes ``guard``/``make_guard`` runs once per browser: ``[chromium]``, ``[firefox]``."""
    return request.param


@pytest.fixture
def make_guard(pw, tmp_path, browser_name, firefox_pool):
    """Factory: ``make_guard(settings=..., install=True)``; every browser is closed after the test
    (Firefox: the module's reused one is handed back, see :class:`FirefoxPool`)."""
    made: list[Guard] = []

    def factory(*, settings: dict | None = None, install: bool = True) -> Guard:
        settings = SCENARIO_SETTINGS if settings is None else settings
        if browser_name == "firefox" and not firefox_pool.in_use:
            g = firefox_pool.acquire(settings=settings, install=install)
        else:
            g = launch(pw, tmp_path / f"g{len(made)}", Site(), settings=settings, install=install, browser=browser_name)
        made.append(g)
        return g

    yield factory
    for g in made:
        if g.pooled is not None:
            g.pooled.release()
        else:
            g.close()
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


def stop_background(g: Guard) -> None:
    """Stop the extension's background the way the browser does when it is idle.

    Chromium: CDP ``ServiceWorker.stopAllWorkers`` (DevTools attachment would
    otherwise keep the worker alive). Firefox: the event page is terminated
    as its idle timeout does (``Extension.terminateBackground()``, the hook
    Firefox's own tests use), run in the browser window's privileged scope
    (``--remote-allow-system-access``). Firefox exempts a background with an
    open native-messaging port from the idle stop, so the test forces it
    (``disableResetIdleForTest``), as a crash or an update would. Returns once
    it is stopped.
    """
    if g.firefox:
        chrome = g.ctx.bridge.send("browsingContext.getTree", {"moz:scope": "chrome", "maxDepth": 0})["contexts"][0]
        result = g.ctx.bridge.send("script.callFunction", {
            "functionDeclaration": "async (id) => { const ext = WebExtensionPolicy.getByID(id).extension;"
                                   " await ext.terminateBackground({disableResetIdleForTest: true}); return String(ext.backgroundState); }",
            "arguments": [{"type": "string", "value": GECKO_ID}],
            "target": {"context": chrome["context"]},
            "awaitPromise": True,
        })
        assert result.get("type") == "success", result
        assert result["result"]["value"] == "stopped", result
        g._helper = None  # the helper page kept a reference into the old background page
        return
    ext_page = g.ctx.new_page()
    ext_page.goto(g.ext_url("options/options.html"))
    cdp = g.ctx.new_cdp_session(ext_page)
    statuses: list[str] = []
    cdp.on("ServiceWorker.workerVersionUpdated", lambda e: statuses.extend(v["runningStatus"] for v in e["versions"]))
    cdp.send("ServiceWorker.enable")
    cdp.send("ServiceWorker.stopAllWorkers")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and "stopped" not in statuses and "stopping" not in statuses:
        time.sleep(0.05)
    assert {"stopping", "stopped"} & set(statuses), statuses
    cdp.detach()
    ext_page.close()
