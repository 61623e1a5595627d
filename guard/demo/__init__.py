"""``linkedin-guard demo``: the extension on bundled LinkedIn-like pages, live.

A newcomer without a LinkedIn account (or without wanting to try it on their
real account) sees real warnings: Chromium starts with the extension loaded
in a throwaway profile, the native host is installed into that profile, the
guard's settings and log live in a temp ``LINKEDIN_GUARD_HOME``, and the
pages under ``guard/demo/pages/`` are answered as ``https://www.linkedin.com/``
by Playwright's request routing (no server, no certificate, nothing leaves
the machine: every other host name fails to resolve).

With a display the browser opens for you to click around until you close
it. Without one (``$DISPLAY`` unset) it runs headless: it visits each demo
page, types where a person would type, prints every warning it saw, and saves
a screenshot.

Playwright is the driver (``pip install -e '.[demo]'`` or ``.[test]``; the
browser is the system's Chromium — never ``playwright install``). It is
imported only when the command runs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

PAGES = Path(__file__).resolve().parent / "pages"

#: Settings that make several rules fire on the demo pages.
DEMO_SETTINGS: dict[str, Any] = {
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
    "log": {"retention_days": 30, "store_excerpts": True},
    "fail_mode": "open",
}

#: URL path on www.linkedin.com -> demo page file.
ROUTES: dict[str, str] = {
    "/": "index.html",
    "/feed/": "feed.html",
    "/messaging/thread/2-demo/": "messaging.html",
    "/in/sanne-de-vries/": "profile.html",
    "/mynetwork/invite-connect/connections/": "connections.html",
    "/in/me/add-edit/POSITION/": "position.html",
    "/in/me/opportunities/job-opportunities/edit/": "otw.html",
}
ASSETS = {
    "/_demo/demo.css": ("demo.css", "text/css"),
    "/_demo/app.js": ("app.js", "text/javascript"),
    "/_demo/avatar.svg": ("avatar.svg", "image/svg+xml"),
    "/_demo/photo.svg": ("photo.svg", "image/svg+xml"),
}

#: The headless tour: (path, what a person would do there: None or "type").
TOUR: list[tuple[str, str | None]] = [
    ("/in/sanne-de-vries/", None),
    ("/feed/", None),
    ("/mynetwork/invite-connect/connections/", None),
    ("/in/me/add-edit/POSITION/", None),
    ("/messaging/thread/2-demo/", "type"),
]
SCREENSHOT_PAGE = "/messaging/thread/2-demo/"


class DemoError(Exception):
    """Something the person must fix to run the demo (one line)."""


def route_handler(route, request) -> None:
    """Answer www.linkedin.com from the bundled pages; anything else: 404."""
    path = urlsplit(request.url).path
    if path in ROUTES:
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=(PAGES / ROUTES[path]).read_text(encoding="utf-8"))
    elif path in ASSETS:
        name, ctype = ASSETS[path]
        route.fulfill(status=200, content_type=ctype, body=(PAGES / name).read_bytes())
    else:
        route.fulfill(status=404, content_type="text/html; charset=utf-8",
                      body='<html><body><main><p>Not part of the demo. <a href="/">Back to the demo</a></p></main></body></html>')


def find_chromium(explicit: str | None = None) -> str:
    candidates = [explicit, os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium",
                  shutil.which("chromium"), shutil.which("chromium-browser"), shutil.which("google-chrome")]
    for c in candidates:
        if c and os.path.exists(c):
            return c
    raise DemoError("Chromium not found: install it (Debian/Ubuntu: apt-get install chromium) or pass --chromium PATH")


def find_extension() -> Path:
    from native_host.install import default_extension_manifest

    manifest = default_extension_manifest()
    if not manifest.exists():
        raise DemoError(f"the extension is missing ({manifest.parent}): reinstall linkedin-guard (its wheel carries "
                        "the extension), or run the demo from a clone installed with pip install -e .")
    return manifest.parent


@dataclass
class Seen:
    path: str
    rule: str
    severity: str
    mode: str
    title: str


def collect(page) -> list[dict[str, str]]:
    """The warnings the page shows, read through the DevTools protocol.

    The guard's UI lives in closed shadow roots (LinkedIn's scripts must not
    read it), so neither a page script nor Playwright's locators see it; CDP's
    ``DOM.getDocument`` with ``pierce`` does. Each shown warning has a marker
    ``[data-guard-rule][data-guard-warning]`` in its chip; the title comes
    from the extension's own record of the tab (the service worker).
    """
    cdp = page.context.new_cdp_session(page)
    try:
        out = _read_markers(cdp)
    finally:
        cdp.detach()
    titles = _titles(page)
    for w in out:
        w["title"] = titles.get(w.pop("id"), w["rule"])
    return out


def _read_markers(cdp, attempts: int = 3) -> list[dict[str, str]]:
    """The warning markers in closed shadow roots, read in one pass over the document.

    The guard re-renders a chip when a new verdict arrives, so a node found a
    moment ago can be gone when its attributes are asked for: the pass is
    then read again from a fresh document (``DOM.getDocument`` renumbers the nodes).
    """
    for attempt in range(attempts):
        try:
            return _markers_once(cdp)
        except Exception as err:  # playwright's Error; the demo does not import playwright at module level
            if "Could not find node" not in str(err) or attempt == attempts - 1:
                raise
    return []


def _markers_once(cdp) -> list[dict[str, str]]:
    doc = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
    roots, stack = [], [doc]
    while stack:
        node = stack.pop()
        for sr in node.get("shadowRoots", []) or []:
            if sr.get("shadowRootType") == "closed":
                roots.append(sr["nodeId"])
            stack.append(sr)
        stack.extend(node.get("children", []) or [])
    out = []
    for root_id in roots:
        for node_id in cdp.send("DOM.querySelectorAll", {"nodeId": root_id, "selector": "[data-guard-warning]"})["nodeIds"]:
            flat = cdp.send("DOM.getAttributes", {"nodeId": node_id})["attributes"]
            attrs = dict(zip(flat[0::2], flat[1::2]))
            out.append({"id": attrs.get("data-guard-warning", ""), "rule": attrs.get("data-guard-rule", ""),
                        "severity": attrs.get("data-guard-severity", ""), "mode": attrs.get("data-guard-mode", ""),
                        "title": ""})
    return out


def _titles(page) -> dict[str, str]:
    """Warning id -> title, from the extension's service worker (empty when it cannot be reached)."""
    try:
        for sw in page.context.service_workers:
            return sw.evaluate(
                """() => { const out = {};
                     for (const t of globalThis.linkedinGuard.tabState.tabs.values())
                       for (const list of Object.values(t.surfaces)) for (const w of list || []) out[w.id] = w.title;
                     return out; }"""
            )
    except Exception:
        pass
    return {}


def run(*, headless: bool | None = None, chromium: str | None = None, screenshot: Path | None = None,
        keep: bool = False, out: Callable[[str], None] = print, wait_ms: int = 1500) -> list[Seen] | None:
    """Run the demo; returns the warnings seen (headless), or None after the person closed the browser."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise DemoError("the demo drives Chromium with Playwright: pip install -e '.[demo]' "
                        "(uses the system Chromium; never run 'playwright install')") from None
    exe = find_chromium(chromium)
    ext = find_extension()
    chosen = headless is not None
    if headless is None:
        headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))

    tmp = Path(tempfile.mkdtemp(prefix="linkedin-guard-demo-"))
    try:
        home, guard_home, profile = tmp / "home", tmp / "guard-home", tmp / "profile"
        for d in (home, guard_home, profile):
            d.mkdir(parents=True)
        (guard_home / "settings.json").write_text(json.dumps(DEMO_SETTINGS, indent=2), encoding="utf-8")
        env = {**os.environ, "LINKEDIN_GUARD_HOME": str(guard_home), "HOME": str(home),
               "XDG_CONFIG_HOME": str(home / ".config"), "XDG_CACHE_HOME": str(home / ".cache"),
               "XDG_DATA_HOME": str(home / ".local/share")}
        done = subprocess.run([sys.executable, "-m", "guard", "install", "--browser", "chromium",
                               "--user-data-dir", str(profile)], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise DemoError(f"installing the host into the demo profile failed: {(done.stderr or done.stdout).strip()}")
        out(f"demo profile: {profile} (thrown away afterwards)" if not keep else f"demo profile: {profile} (kept)")
        out(f"guard home:   {guard_home}")

        with sync_playwright() as pw:
            ctx = pw.chromium.launch_persistent_context(
                str(profile), executable_path=exe, headless=headless, env=env,
                ignore_default_args=["--disable-extensions"],
                args=["--no-first-run", "--disable-sync", "--disable-background-networking",
                      "--disable-component-update", "--disable-quic",
                      f"--disable-extensions-except={ext}", f"--load-extension={ext}",
                      # Only the local dashboard is reachable; LinkedIn itself is answered by the route below.
                      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                      *(["--no-sandbox", "--disable-gpu"] if headless else [])],
                viewport={"width": 1100, "height": 820} if headless else None,
            )
            try:
                ctx.route("https://www.linkedin.com/**", route_handler)
                page = ctx.pages[0] if ctx.pages else ctx.new_page()
                if not headless:
                    page.goto("https://www.linkedin.com/")
                    out("Chromium is open on the demo. Close the browser window to end the demo.")
                    page.wait_for_event("close", timeout=0)
                    return None
                seen = _tour(ctx, page, screenshot, out, wait_ms)
                _say_how_to_watch(out, chosen)
                return seen
            finally:
                try:
                    ctx.close()
                except Exception:
                    pass
    finally:
        if not keep:
            shutil.rmtree(tmp, ignore_errors=True)


def _say_how_to_watch(out: Callable[[str], None], chosen: bool) -> None:
    from guard.cli.invocation import command

    why = "as asked (--headless)" if chosen else "because no display was found ($DISPLAY and $WAYLAND_DISPLAY are unset)"
    out(f"\nThe demo ran headless, {why}: no browser window was shown.")
    out(f"To watch it, run on a desktop session: {command('demo', '--show')}")


def _english_title(rule: str, shown: str) -> str:
    """The rule's English title: the terminal speaks one language, whatever a demo page's language."""
    try:
        from guard.rules import all_rules

        for cls in all_rules():
            if cls.id == rule:
                return cls.wordings["default"].title.en
    except Exception:
        pass
    return shown


def _tour(ctx, page, screenshot: Path | None, out, wait_ms: int) -> list[Seen]:
    seen: list[Seen] = []
    for path, action in TOUR:
        page.goto("https://www.linkedin.com" + path)
        if action == "type":
            editor = page.locator("[contenteditable='true']").first
            editor.click()
            page.keyboard.press("End")
            page.keyboard.type(" Our offer ends Friday!", delay=10)
        # The chips live in closed shadow roots: poll the protocol's view of them.
        deadline = time.monotonic() + 8
        while not collect(page) and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        page.wait_for_timeout(wait_ms if action else 400)
        found = collect(page)
        out(f"\n{path}")
        if not found:
            out("  (no warnings)")
        for w in found:
            seen.append(Seen(path, w["rule"], w["severity"], w["mode"], w["title"]))
            out(f"  {w['rule']}  {w['severity']:<8} {w['mode']:<8} {_english_title(w['rule'], w['title'])}")
        if path == SCREENSHOT_PAGE and screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot), full_page=True)
    if screenshot is not None:
        out(f"\nscreenshot: {screenshot}")
    rules = sorted({s.rule for s in seen})
    out(f"{len(seen)} warnings from {len(rules)} rules: {', '.join(rules)}")
    return seen
