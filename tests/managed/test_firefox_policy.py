"""Firefox ESR's policy engine: policies.json "3rdparty" reaches the extension's storage.managed and the host.

Firefox reads /etc/firefox/policies/policies.json (Debian's firefox-esr too)
at start only, and every Firefox on the machine reads it: so the policy names
a throwaway copy of the add-on with its own ID, the file exists only while
this test runs (removed in a ``finally``), and it holds nothing but that
``3rdparty`` entry. The copy is side-loaded into a temporary profile
(unsigned: ESR with ``xpinstall.signatures.required`` off).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
import zipfile
from pathlib import Path

import pytest

from tests.browser.conftest import EXT_DIR, ROOT
from tests.managed.conftest import open_to_work_form
from tests.managed.test_browser_policy import LAYER, wait_for

FIREFOX = os.environ.get("FIREFOX_PATH", "/usr/bin/firefox-esr")
POLICY_FILE = Path("/etc/firefox/policies/policies.json")


def _ready() -> str | None:
    if not os.path.exists(FIREFOX):
        return f"Firefox ESR not found at {FIREFOX}"
    if os.geteuid() != 0:
        return "writing /etc/firefox/policies needs root (CI runs as root)"
    if POLICY_FILE.exists():
        return f"{POLICY_FILE} exists already: not touching a real policy"
    return None


pytestmark = [pytest.mark.browser, pytest.mark.skipif(_ready() is not None and not os.environ.get(
    "LINKEDIN_GUARD_REQUIRE_BROWSER"), reason=_ready() or "")]

PREFS = """
user_pref("xpinstall.signatures.required", false);
user_pref("extensions.autoDisableScopes", 0);
user_pref("extensions.enabledScopes", 15);
user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);
user_pref("network.dns.disableIPv6", true);
user_pref("network.proxy.type", 0);
"""


def addon_copy(tmp: Path) -> tuple[Path, str]:
    gecko_id = f"linkedin-guard-test-{uuid.uuid4().hex[:12]}@linkedin-guard.invalid"
    ext = tmp / "extension"
    shutil.copytree(EXT_DIR, ext)
    manifest = json.loads((ext / "manifest.json").read_text())
    manifest["browser_specific_settings"]["gecko"]["id"] = gecko_id
    (ext / "manifest.json").write_text(json.dumps(manifest, indent=2))
    xpi = tmp / f"{gecko_id}.xpi"
    with zipfile.ZipFile(xpi, "w") as z:
        for path in sorted(ext.rglob("*")):
            if path.is_file():
                z.write(path, path.relative_to(ext).as_posix())
    return ext, gecko_id


def start_firefox(profile: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([FIREFOX, "--headless", "--no-remote", "--profile", str(profile), "about:blank"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, 15)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait(10)


def test_firefox_policies_json_reaches_the_host_and_goes_with_the_policy(tmp_path):
    assert not POLICY_FILE.exists(), f"{POLICY_FILE} exists: this test never overwrites a real policy"
    ext, gecko_id = addon_copy(tmp_path)
    home, guard_home, profile = tmp_path / "home", tmp_path / "guard-home", tmp_path / "profile"
    for d in (home, guard_home, profile / "extensions"):
        d.mkdir(parents=True, exist_ok=True)
    (profile / "user.js").write_text(PREFS)
    shutil.copy(tmp_path / f"{gecko_id}.xpi", profile / "extensions" / f"{gecko_id}.xpi")
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_CACHE_HOME": str(home / ".cache"), "LINKEDIN_GUARD_HOME": str(guard_home), "MOZ_HEADLESS": "1"}
    out = subprocess.run([sys.executable, "-m", "guard", "install", "--browser", "firefox", "--extension-manifest",
                          str(ext / "manifest.json")], env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    managed_json = guard_home / "managed.json"
    created = [d for d in (POLICY_FILE.parent.parent, POLICY_FILE.parent) if not d.exists()]
    try:
        POLICY_FILE.parent.mkdir(parents=True, exist_ok=True)
        POLICY_FILE.write_text(json.dumps({"policies": {"3rdparty": {"Extensions": {gecko_id: LAYER}}}}))
        firefox = start_firefox(profile, env)
        try:
            wait_for(managed_json.exists, 60, "managed.json relayed from Firefox's storage.managed")
        finally:
            stop(firefox)
            POLICY_FILE.unlink(missing_ok=True)  # read at start only: gone before anything else starts
        assert json.loads(managed_json.read_text()) == LAYER
        # Enforced: the managed employer makes LG101 fire; a locked change is refused.
        judged = subprocess.run([sys.executable, "-m", "guard", "evaluate"], input=json.dumps(open_to_work_form()),
                                env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
        assert "LG101" in [w["rule"] for w in json.loads(judged.stdout)["warnings"]]
        change = tmp_path / "mine.json"
        change.write_text(json.dumps({"rules": {"LG201": {"enabled": False}}}))
        refused = subprocess.run([sys.executable, "-m", "guard", "settings", "import", str(change)], env=env,
                                 capture_output=True, text=True, timeout=60, cwd=ROOT)
        assert refused.returncode == 2 and "rules.LG201.enabled" in refused.stderr
        # No policy at the next start: the layer goes. (A fresh profile: the first one was stopped
        # with a signal, and what a killed Firefox leaves behind is not what this test is about.)
        profile = tmp_path / "profile-2"
        (profile / "extensions").mkdir(parents=True)
        (profile / "user.js").write_text(PREFS)
        shutil.copy(tmp_path / f"{gecko_id}.xpi", profile / "extensions" / f"{gecko_id}.xpi")
        firefox = start_firefox(profile, env)
        try:
            try:
                wait_for(lambda: not managed_json.exists(), 60, "managed.json removed once the policy is gone")
            except AssertionError:
                log = guard_home / "host.log"
                raise AssertionError(log.read_text()[-3000:] if log.exists() else "no host.log") from None
        finally:
            stop(firefox)
    finally:
        POLICY_FILE.unlink(missing_ok=True)
        for folder in reversed(created):
            try:
                folder.rmdir()
            except OSError:
                pass
