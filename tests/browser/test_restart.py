"""After the browser restarts with the guard installed, the first LinkedIn page gets its warning.

Every other browser test installs the extension into a browser that is
already running, and an install runs the background at once. A person's
browser starts with the guard already installed: Firefox then starts the
guard's background (an MV3 event page without ``runtime.onStartup``) only
when something asks for it, here the content script of the first LinkedIn
page (docs/browser-testing.md). So the same profile is launched twice:
Chromium with the unpacked extension, as the other tests load it; Firefox
with the add-on installed in the profile (an XPI in ``<profile>/extensions``,
unsigned: ESR with ``xpinstall.signatures.required`` off), never as a
temporary add-on, which goes when Firefox quits.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.browser.conftest import (
    EXT_DIR, GECKO_ID, FIREFOX_UUID, SCENARIO_SETTINGS, Guard, Site, firefox_prefs, guard_dirs, install_host, launch,
)

pytestmark = pytest.mark.browser

#: What an installed (not temporary) unsigned add-on needs in Firefox ESR.
INSTALLED_ADDON_PREFS = {
    "xpinstall.signatures.required": False,
    "extensions.autoDisableScopes": 0,
    "extensions.enabledScopes": 15,
}


def firefox_with_the_addon_installed(tmp: Path, site: Site) -> Guard:
    """firefox-esr on the profile in ``tmp``, the add-on installed there (the first launch installs it)."""
    from tests.browser import firefox
    from tests.browser.fake_linkedin import FakeLinkedIn

    home, guard_home, profile, env = guard_dirs(tmp, SCENARIO_SETTINGS)
    xpi = profile / "extensions" / f"{GECKO_ID}.xpi"
    if not xpi.exists():
        install_host(profile, env, "firefox")
        xpi.parent.mkdir(parents=True)
        with zipfile.ZipFile(xpi, "w") as z:
            for path in sorted(EXT_DIR.rglob("*")):
                if path.is_file() and path.suffix != ".md":
                    z.write(path, path.relative_to(EXT_DIR).as_posix())
    fake = FakeLinkedIn(site.respond, tmp / "cert")
    try:
        ctx = firefox.launch(profile=profile, env=env, prefs={**firefox_prefs(fake), **INSTALLED_ADDON_PREFS},
                             extension=None, log_path=tmp / "firefox.log")
    except BaseException:
        fake.close()
        raise
    return Guard(ctx=ctx, page=ctx.pages[0], site=site, home=home, guard_home=guard_home, profile=profile,
                 ext_id=FIREFOX_UUID, env=env, browser="firefox", fake=fake)


@pytest.fixture
def start(pw, tmp_path, browser_name):
    """start(): the browser on the same profile each time, the guard installed; closed after the test."""
    started: list[Guard] = []

    def again() -> Guard:
        for g in started:
            g.close()
        site = Site()
        if browser_name == "firefox":
            g = firefox_with_the_addon_installed(tmp_path / "g", site)
        else:
            g = launch(pw, tmp_path / "g", site, settings=SCENARIO_SETTINGS)
        started.append(g)
        return g

    yield again
    for g in started:
        g.close()


def test_after_a_restart_the_first_linkedin_page_gets_its_warning(start):
    g = start()
    g.page.goto(g.site.add("/in/sanne-de-vries/", "ember-en/profile-own.html"))
    g.wait_warning("LG101")
    # The same profile again: nothing is installed now, the guard is simply there.
    g = start()
    g.page.goto(g.site.add("/in/sanne-de-vries/", "ember-en/profile-own.html"))
    g.wait_warning("LG101")
