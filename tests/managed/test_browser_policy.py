"""The real policy engine: a Chromium policy file, the extension reads storage.managed, the host enforces it.

CI runs as root, so this writes a JSON file under /etc/chromium/policies/managed/
(removed in a ``finally``, always). Every Chromium on the machine reads that
folder, so the policy names a throwaway copy of the extension with its own
key (its own ID): no other browser or test sees a managed layer.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM, EXT_DIR, ROOT
from tests.managed.conftest import open_to_work_form

POLICY_DIR = Path("/etc/chromium/policies/managed")
LAYER = {"defaults": {"employer": {"name": "Acme Data B.V."}},
         "locked": {"rules": {"LG201": {"enabled": True, "mode": "confirm"}}}}


def _browser_ready() -> str | None:
    if not os.path.exists(CHROMIUM):
        return f"Chromium not found at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    if os.geteuid() != 0:
        return "writing /etc/chromium/policies needs root (CI runs as root)"
    if not shutil.which("openssl"):
        return "openssl is needed to give the extension copy its own key"
    return None


pytestmark = [pytest.mark.browser, pytest.mark.skipif(_browser_ready() is not None and not os.environ.get(
    "LINKEDIN_GUARD_REQUIRE_BROWSER"), reason=_browser_ready() or "")]


def extension_copy(tmp: Path) -> tuple[Path, str]:
    """The extension with a fresh key: another ID, so the policy reaches only this copy."""
    key_pem = tmp / "key.pem"
    subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", str(key_pem)],
                   check=True, capture_output=True)
    der = subprocess.run(["openssl", "pkey", "-in", str(key_pem), "-pubout", "-outform", "DER"], check=True,
                         capture_output=True).stdout
    ext = tmp / "extension"
    shutil.copytree(EXT_DIR, ext)
    manifest = json.loads((ext / "manifest.json").read_text())
    manifest["key"] = base64.b64encode(der).decode()
    (ext / "manifest.json").write_text(json.dumps(manifest, indent=2))
    digest = hashlib.sha256(der).hexdigest()[:32]
    return ext, "".join(chr(ord("a") + int(c, 16)) for c in digest)


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_chromium_policy_reaches_the_host_is_enforced_and_goes_with_the_policy(tmp_path):
    from playwright.sync_api import sync_playwright

    ext, ext_id = extension_copy(tmp_path)
    home, guard_home, profile = tmp_path / "home", tmp_path / "guard-home", tmp_path / "profile"
    for d in (home, guard_home, profile):
        d.mkdir(exist_ok=True)
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_CACHE_HOME": str(home / ".cache"), "LINKEDIN_GUARD_HOME": str(guard_home)}
    out = subprocess.run([sys.executable, "-m", "guard", "install", "--browser", "chromium", "--user-data-dir",
                          str(profile), "--extension-manifest", str(ext / "manifest.json")],
                         env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    policy_file = POLICY_DIR / f"linkedin-guard-test-{ext_id}.json"
    managed_json = guard_home / "managed.json"
    created = [d for d in (POLICY_DIR.parent, POLICY_DIR) if not d.exists()]
    try:
        POLICY_DIR.mkdir(parents=True, exist_ok=True)
        policy_file.write_text(json.dumps({"3rdparty": {"extensions": {ext_id: LAYER}}}))
        with sync_playwright() as pw:
            ctx = pw.chromium.launch_persistent_context(
                str(profile), executable_path=CHROMIUM, headless=True, env=env,
                ignore_default_args=["--disable-extensions"],
                args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                      "--disable-component-update", "--disable-sync", f"--disable-extensions-except={ext}",
                      f"--load-extension={ext}", "--host-resolver-rules=MAP * ~NOTFOUND"])
            try:
                worker = wait_for(lambda: next((w for w in ctx.service_workers if ext_id in w.url), None)
                                  or ctx.wait_for_event("serviceworker", timeout=1000) and None, 15, "the service worker")
                # 1. The policy reaches the host (delivery takes a few seconds at start).
                wait_for(managed_json.exists, 30, "managed.json from the relayed policy")
                assert json.loads(managed_json.read_text()) == LAYER
                assert not (guard_home / "settings.json").exists()  # a fresh profile: no own settings

                def host(type_, payload):
                    return worker.evaluate(
                        """async ([t, p]) => { try { return {ok: true, result: await globalThis.linkedinGuard.host
                               .request(t, p, {timeout: 8000})}; } catch (e) { return {ok: false, code: e.code,
                               details: e.details}; } }""", [type_, payload])

                # 2. A rule that needs the managed employer fires.
                reply = host("evaluate", {"context": open_to_work_form()})
                assert reply["ok"] and "LG101" in [w["rule"] for w in reply["result"]["warnings"]]
                # 3. A locked change is refused, through the extension and in its options page.
                refused = host("set_settings", {"settings": {"rules": {"LG201": {"enabled": False}}}})
                assert refused["ok"] is False and refused["code"] == "locked"
                assert refused["details"][0]["path"] == "rules.LG201.enabled"
                options = ctx.new_page()
                options.goto(f"chrome-extension://{ext_id}/options/options.html")
                box = options.locator("#rule-LG201")
                box.wait_for(timeout=10000)
                assert box.is_disabled() and box.is_checked()
                assert "set by your organisation" in options.locator("label[for=rule-LG201]").inner_text()
                assert options.locator("#rule-LG202").is_enabled()
                page = ctx.new_page()
                page.goto("chrome://policy")

                def reload_policies():
                    try:
                        page.locator("#reload-policies").click(timeout=2000)
                    except Exception:
                        pass

                # 4. A layer that fits the schema but not the guard (an employer without a name): refused, the
                #    previous layer stays, and the popup and the options page say so in one line.
                policy_file.write_text(json.dumps({"3rdparty": {"extensions": {ext_id: {
                    "locked": {"employer": {"official_title": "Account manager"}}}}}}))
                popup = ctx.new_page()
                popup.goto(f"chrome-extension://{ext_id}/popup/popup.html")
                line = popup.locator("#managed-problem")
                deadline = time.monotonic() + 40
                while not line.is_visible() and time.monotonic() < deadline:
                    reload_policies()
                    time.sleep(1)
                assert line.inner_text().startswith("Your organisation's guard settings could not be applied:")
                assert "employer.name" in line.inner_text()
                options.locator("#managed-problem").wait_for(state="visible", timeout=5000)
                assert json.loads(managed_json.read_text()) == LAYER
                # 5. Removing the policy removes the layer (Chromium notices the folder changed), and the problem.
                policy_file.unlink()
                deadline = time.monotonic() + 40
                while managed_json.exists() and time.monotonic() < deadline:
                    reload_policies()
                    time.sleep(1)
                assert not managed_json.exists(), "the layer outlived the policy"
                line.wait_for(state="hidden", timeout=5000)
                reply = host("evaluate", {"context": open_to_work_form()})
                assert "LG101" not in [w["rule"] for w in reply["result"]["warnings"]]
            finally:
                ctx.close()
    finally:
        policy_file.unlink(missing_ok=True)
        for folder in reversed(created):  # only the folders this test made, and only when empty
            try:
                folder.rmdir()
            except OSError:
                pass
