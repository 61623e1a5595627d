"""Every dashboard page passes axe-core (no serious or critical violation) and works with the keyboard alone.

axe-core comes from npm (exact pin in package.json, installed by
``scripts/bootstrap.py test``). It is injected as an init script (through the
automation protocol, so the dashboard's CSP, which allows no foreign
script, does not apply) into Debian's Chromium, headless. Plain Playwright
APIs only, so the same test can run in Firefox.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from guard import settings_store
from guard.models import Settings
from tests.dashboard.conftest import Seeder
from tests.dashboard.test_browser import CHROMIUM, ROOT, _missing, base, dashboard, pw  # noqa: F401 (fixtures)

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def _why_not() -> str | None:
    if not AXE.exists():
        return f"axe-core is not installed ({AXE}): npm ci (scripts/bootstrap.py test does it)"
    return _missing()


pytestmark = [pytest.mark.browser, pytest.mark.skipif(_why_not() is not None, reason=_why_not() or "")]


@pytest.fixture
def page(pw, tmp_path):  # noqa: F811
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}
    ctx = pw.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, env=env,
        args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
        viewport={"width": 1280, "height": 900}, locale="en-US")
    ctx.add_init_script(path=str(AXE))
    page = ctx.pages[0] if ctx.pages else ctx.new_page()
    page.on("dialog", lambda d: d.accept())
    yield page
    ctx.close()


def serious_violations(page) -> list[str]:
    found = page.evaluate(
        """async () => {
          const result = await axe.run(document, {resultTypes: ['violations']});
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.impact} ${v.id}: ${v.help} -> ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        }"""
    )
    return found


def seeded(guard_home) -> int:
    seeder = Seeder(guard_home / "warnings.sqlite3")
    seeder.add("LG402", decision="proceeded")
    seeder.add("LG201", kind="message", subject="Mark Visser", excerpt="Can I show you a demo?")
    return seeder.add("LG101", kind="profile", subject="own profile", severity="warning")


def test_every_page_has_no_serious_or_critical_axe_violation(page, dashboard, guard_home):  # noqa: F811
    settings_store.save(Settings.model_validate({"employer": {"name": "Acme Data B.V."},
                                                  "clients": [{"name": "Mark Visser", "company": "Initech"}]}))
    entry = seeded(guard_home)
    root = base(dashboard)
    page.goto(dashboard)
    page.wait_for_url(root + "/")
    problems: dict[str, list[str]] = {}
    for path in ["/", "/?rule=LG201", f"/log/{entry}", "/chart", "/settings", "/rules", "/no-such-page",
                 "/settings?saved=1"]:
        page.goto(root + path)
        page.wait_for_load_state("load")
        problems[path] = serious_violations(page)
    # A settings form with errors next to its fields and an import error at the top.
    page.goto(root + "/settings")
    page.fill("[name='log.retention_days']", "0")
    page.locator("form.settings-form button[type=submit]").click()
    page.wait_for_load_state("load")
    problems["/settings (errors)"] = serious_violations(page)
    page.locator("#import-file").set_input_files(
        files=[{"name": "typo.json", "mimeType": "application/json", "buffer": b'{"fail_mod": "closed"}'}])
    page.locator("form.import-form button[type=submit]").click()
    page.wait_for_load_state("load")
    problems["/settings/import (errors)"] = serious_violations(page)
    # The page a browser without a session gets.
    page.context.clear_cookies()
    page.goto(root + "/")
    problems["401"] = serious_violations(page)
    assert {k: v for k, v in problems.items() if v} == {}


def tab_to(page, predicate: str, limit: int = 80) -> None:
    """Press Tab until ``predicate`` (a JS expression on ``el``) holds for the focused element."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return Boolean(el && ({predicate})); }})()"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate}")


def focus_is_visible(page) -> bool:
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          if (!el || el === document.body) return false;
          const box = el.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) return false;
          const style = getComputedStyle(el);
          return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        }"""
    )


def test_the_dashboard_works_with_the_keyboard_alone(page, dashboard, guard_home):  # noqa: F811
    seeded(guard_home)
    root = base(dashboard)
    page.goto(dashboard)
    page.wait_for_url(root + "/")
    # Every stop on the log page is visible and shows where the focus is.
    stops = 0
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break
        assert focus_is_visible(page), page.evaluate("document.activeElement.outerHTML.slice(0, 200)")
        stops += 1
    assert stops >= 5
    # To the settings page by keyboard, change a setting, save with Enter.
    page.goto(root + "/")
    tab_to(page, "el.tagName === 'A' && new URL(el.href).pathname === '/settings'")
    page.keyboard.press("Enter")
    page.wait_for_url(root + "/settings")
    tab_to(page, "el.name === 'fail_mode'")
    page.keyboard.press("ArrowDown" if page.evaluate("document.activeElement.value") == "open" else "ArrowUp")
    tab_to(page, "el.tagName === 'BUTTON' && el.type === 'submit' && el.form && el.form.classList.contains('settings-form')")
    page.keyboard.press("Enter")
    page.wait_for_url(root + "/settings?saved=1")
    assert settings_store.load().settings.fail_mode == "closed"
    # A log entry opened from the list with the keyboard.
    page.goto(root + "/")
    tab_to(page, "el.tagName === 'A' && /^\\/log\\/\\d+$/.test(new URL(el.href).pathname)")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/log/" in url)
    assert page.locator("h1").count() == 1


def test_the_axe_check_finds_a_real_violation(page, dashboard):  # noqa: F811
    """The check itself works: a page that breaks a serious rule is caught."""
    root = base(dashboard)
    page.goto(dashboard)
    page.wait_for_url(root + "/")
    page.evaluate("() => { const i = document.createElement('img'); i.src = '/static/favicon.svg'; document.querySelector('main').append(i); }")
    assert any("image-alt" in v for v in serious_violations(page))


@pytest.fixture(autouse=True)
def _no_real_home(guard_home):
    assert Path(os.environ["LINKEDIN_GUARD_HOME"]) == guard_home
