"""``linkedin-guard demo`` headless: the bundled pages raise live warnings.

The demo command is a Chromium feature (it launches Debian's Chromium through
Playwright), so ``[chromium]`` runs the command itself. ``[firefox]`` takes
the same tour over the same bundled pages in Firefox ESR through the test
harness, so the pages a person is shown also work in Firefox.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from guard import demo

pytestmark = pytest.mark.browser


class DemoSite:
    """The demo's own routes (``demo.ROUTES`` / ``demo.ASSETS``) for the Firefox harness."""

    def respond(self, path: str) -> tuple[int, str, bytes]:
        if path in demo.ROUTES:
            return 200, "text/html; charset=utf-8", (demo.PAGES / demo.ROUTES[path]).read_bytes()
        if path in demo.ASSETS:
            name, ctype = demo.ASSETS[path]
            return 200, ctype, (demo.PAGES / name).read_bytes()
        return 404, "text/html", b"<html><body><main>Not part of the demo</main></body></html>"


TITLES = """() => { const out = {};
  for (const t of globalThis.linkedinGuard.tabState.tabs.values())
    for (const list of Object.values(t.surfaces)) for (const w of list || []) out[w.id] = w.title;
  return out; }"""


def firefox_collect(g):
    """``demo.collect`` for Firefox: the markers in the closed roots through BiDi, titles from the background."""
    from tests.browser.closed_roots import closed_roots

    def collect(page) -> list[dict[str, str]]:
        ui = closed_roots(page)
        out = []
        for node in ui.query_all("[data-guard-warning]"):
            attrs = ui.call(node, "function () { const o = {}; for (const a of this.attributes) o[a.name] = a.value; return o; }")
            out.append({"id": attrs.get("data-guard-warning", ""), "rule": attrs.get("data-guard-rule", ""),
                        "severity": attrs.get("data-guard-severity", ""), "mode": attrs.get("data-guard-mode", "")})
        titles = g.background(TITLES) if out else {}
        for w in out:
            w["title"] = titles.get(w.pop("id"), w["rule"])
        return out

    return collect


def tour_in_firefox(tmp_path, shot, out, monkeypatch) -> list:
    from tests.browser import conftest

    g = conftest.launch_firefox(tmp_path / "g", DemoSite(), settings=demo.DEMO_SETTINGS)
    try:
        g.wait_host("connected")
        # The demo reads the closed-root UI over CDP (a Chromium feature); Firefox reads it over BiDi.
        monkeypatch.setattr(demo, "collect", firefox_collect(g))
        return demo._tour(g.ctx, g.page, shot, out, 600)
    finally:
        g.close()


def test_headless_demo_sees_warnings_from_several_rules_and_saves_a_screenshot(tmp_path, browser_name, monkeypatch):
    lines: list[str] = []
    shot = tmp_path / "demo.png"
    if browser_name == "firefox":
        seen = tour_in_firefox(tmp_path, shot, lines.append, monkeypatch)
    else:
        seen = demo.run(headless=True, screenshot=shot, out=lines.append, wait_ms=600)
    rules = {s.rule for s in seen}
    assert {"LG101", "LG201", "LG202", "LG301", "LG401", "LG402", "LG501"} <= rules, lines
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert any("screenshot:" in line for line in lines)
    confirm = {s.rule for s in seen if s.mode == "confirm"}
    assert "LG201" in confirm
    text = "\n".join(lines)
    if browser_name == "chromium":  # the command itself (Chromium only) says it ran without a window, and how to watch it
        assert "The demo ran headless, as asked (--headless)" in text
        assert "demo --show" in text
    # One language in the terminal: the Dutch demo page (connections) does not make one line Dutch.
    from guard.rules import rule_by_id

    lg501 = rule_by_id("LG501").wordings["default"].title
    assert lg501.en in text and lg501.nl not in text


def test_an_automatic_headless_run_says_why(tmp_path, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    lines: list[str] = []
    demo.run(headless=None, screenshot=None, out=lines.append, wait_ms=100)
    text = "\n".join(lines)
    assert "because no display was found" in text and "demo --show" in text


def test_demo_command_is_registered():
    out = subprocess.run([sys.executable, "-m", "guard", "demo", "--help"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0
    assert "--headless" in out.stdout and "--screenshot" in out.stdout


def test_demo_pages_answer_only_known_paths():
    class Route:
        def fulfill(self, **kw):
            self.kw = kw

    class Req:
        def __init__(self, url):
            self.url = url

    r = Route()
    demo.route_handler(r, Req("https://www.linkedin.com/feed/"))
    assert r.kw["status"] == 200 and "share-box" in r.kw["body"]
    demo.route_handler(r, Req("https://www.linkedin.com/../../etc/passwd"))
    assert r.kw["status"] == 404
    demo.route_handler(r, Req("https://www.linkedin.com/_demo/app.js"))
    assert r.kw["status"] == 200
