"""``linkedin-guard package``: store-ready files, reproducible, lint clean, loadable."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import guard
from guard.cli import main

ROOT = Path(__file__).resolve().parents[1]
NODE = shutil.which("node")
WEB_EXT = ROOT / "node_modules" / "web-ext" / "bin" / "web-ext.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
NAMES = {"chromium": f"linkedin-guard-{guard.__version__}-chromium.zip",
         "firefox": f"linkedin-guard-{guard.__version__}-firefox.xpi"}


def package(out: Path) -> dict[str, Path]:
    done = subprocess.run([sys.executable, "-m", "guard", "package", "--out", str(out)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return {browser: out / name for browser, name in NAMES.items()}


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> dict[str, Path]:
    return package(tmp_path_factory.mktemp("packages"))


def test_two_runs_give_the_same_bytes(packages, tmp_path):
    again = package(tmp_path / "again")
    for browser in NAMES:
        assert again[browser].read_bytes() == packages[browser].read_bytes(), browser


def test_manifest_at_the_root_without_the_development_key(packages):
    dev = json.loads((ROOT / "extension/manifest.json").read_text())
    for browser, path in packages.items():
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
        assert "key" not in manifest, browser
        assert manifest["version"] == guard.__version__
        assert manifest["permissions"] == dev["permissions"]
    with zipfile.ZipFile(packages["firefox"]) as archive:
        firefox = json.loads(archive.read("manifest.json"))
    assert firefox["browser_specific_settings"]["gecko"]["id"] == dev["browser_specific_settings"]["gecko"]["id"]
    with zipfile.ZipFile(packages["chromium"]) as archive:
        chromium = json.loads(archive.read("manifest.json"))
    assert chromium["background"]["service_worker"] and "service_worker" not in firefox["background"]


def test_entries_are_sorted_with_fixed_times_and_modes(packages):
    shipped = subprocess.run(["git", "ls-files", "extension"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    expected = sorted(f.removeprefix("extension/") for f in shipped if not f.endswith(".md") and f != "extension/manifest.json")
    for path in packages.values():
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
        assert [i.filename for i in infos] == ["manifest.json", *expected]
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert {(i.external_attr >> 16) & 0o777 for i in infos} == {0o644}


def test_a_version_mismatch_stops_with_exit_2(tmp_path, monkeypatch, capsys):
    copy = tmp_path / "extension"
    shutil.copytree(ROOT / "extension", copy)
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest["version"] = "9.9.9"
    (copy / "manifest.json").write_text(json.dumps(manifest))
    monkeypatch.setattr("guard.paths.extension_dir", lambda: copy)
    assert main(["package", "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "'9.9.9'" in err and guard.__version__ in err
    assert not (tmp_path / "out" / NAMES["chromium"]).exists()


def lint(folder: Path) -> dict:
    done = subprocess.run([NODE, str(WEB_EXT), "lint", "--source-dir", str(folder), "--self-hosted", "--output", "json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    return json.loads(done.stdout)


@pytest.mark.skipif(NODE is None or not WEB_EXT.exists(), reason="web-ext not installed (npm ci)")
def test_web_ext_lint_is_clean(packages, tmp_path):
    for browser, path in packages.items():
        folder = tmp_path / browser
        with zipfile.ZipFile(path) as archive:
            archive.extractall(folder)
        report = lint(folder)
        assert report["errors"] == [], (browser, report["errors"])
        codes = [m["code"] for m in report["warnings"] + report["notices"]]
        # The .zip is for Chromium; its only remark is Firefox ignoring the service worker.
        assert codes == ([] if browser == "firefox" else ["BACKGROUND_SERVICE_WORKER_IGNORED"]), (browser, codes)


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"Chromium not found at {CHROMIUM}")
def test_the_chromium_package_loads_in_chromium(packages, tmp_path):
    from playwright.sync_api import sync_playwright

    folder = tmp_path / "unpacked"
    with zipfile.ZipFile(packages["chromium"]) as archive:
        archive.extractall(folder)
    with sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True,
            ignore_default_args=["--disable-extensions"],
            args=["--no-sandbox", "--disable-gpu", f"--disable-extensions-except={folder}", f"--load-extension={folder}",
                  "--host-resolver-rules=MAP * ~NOTFOUND"])
        try:
            worker = ctx.service_workers[0] if ctx.service_workers else ctx.wait_for_event("serviceworker", timeout=15000)
            assert worker.url.startswith("chrome-extension://") and worker.url.endswith("/background/service-worker.js")
            # Without the key, the ID is not the development one: a store assigns it.
            assert "gphpeapcgdpbiaihmcfbepcfkoccooab" not in worker.url
            assert worker.evaluate("chrome.runtime.getManifest().version") == guard.__version__
        finally:
            ctx.close()


@pytest.mark.browser
def test_the_firefox_package_installs_in_firefox_and_its_background_runs(packages, tmp_path):
    """The .xpi itself (not the source folder) installs in Debian's firefox-esr under the add-on ID,
    and its background runs: with no host installed, the first-run page opens in a new tab."""
    from tests.browser import firefox

    missing = firefox.missing()
    if missing:
        pytest.skip(f"firefox: {missing}")
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "LINKEDIN_GUARD_HOME": str(tmp_path / "guard")}
    browser = firefox.launch(profile=tmp_path / "profile", env=env, prefs={}, extension=packages["firefox"],
                             log_path=tmp_path / "firefox.log")
    try:
        manifest = json.loads(zipfile.ZipFile(packages["firefox"]).read("manifest.json"))
        assert browser.bridge.extension_id == manifest["browser_specific_settings"]["gecko"]["id"]
        deadline = time.monotonic() + 30
        urls: list[str] = []
        while time.monotonic() < deadline:
            urls = [page.url for page in browser.pages]
            if any(u.startswith("moz-extension://") and u.endswith("/welcome/welcome.html") for u in urls):
                break
            time.sleep(0.2)
        assert any(u.endswith("/welcome/welcome.html") for u in urls), urls
    finally:
        browser.close()
