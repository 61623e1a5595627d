"""install / uninstall / doctor for each OS's paths, against a fake home, root and registry."""

from __future__ import annotations

import base64
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from guard.cli.invocation import command

from native_host import HOST_NAME
from native_host import doctor
from native_host.install import (
    BROWSERS,
    Env,
    ExtensionIds,
    InstallError,
    MemoryRegistry,
    extension_id_from_key,
    extension_ids,
    install,
    select_browsers,
    uninstall,
)
from native_host.launcher import python_of

IDS = ExtensionIds("abcdefghijklmnopabcdefghijklmnop", "linkedin-guard@linkedin-guard.local", "test manifest")
NAME = f"{HOST_NAME}.json"
ROOT = Path(__file__).resolve().parents[2]


FAKE_EXE = b"MZ pip console-script launcher (fake) #!python.exe + appended zip"


def make_env(tmp_path: Path, system: str, *, console_script: bool = True, **environ: str) -> Env:
    """A fake machine. On Windows, Python lives in a venv's Scripts folder next to
    ``linkedin-guard-host.exe``, the console script pip generates (unless ``console_script=False``)."""
    python = sys.executable
    if system == "windows":
        scripts = tmp_path / "venv/Scripts"
        scripts.mkdir(parents=True, exist_ok=True)
        python = str(scripts / "python.exe")
        if console_script:
            (scripts / "linkedin-guard-host.exe").write_bytes(FAKE_EXE)
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    root = tmp_path / "root"
    root.mkdir(exist_ok=True)
    base = {"PATH": str(tmp_path / "bin")}
    if system == "windows":
        base |= {"LOCALAPPDATA": str(home / "AppData/Local"), "APPDATA": str(home / "AppData/Roaming"),
                 "ProgramData": str(root / "ProgramData")}
        data = home / "AppData/Local/linkedin-guard"
    elif system == "darwin":
        data = home / "Library/Application Support/linkedin-guard"
    else:
        data = home / ".local/share/linkedin-guard"
    return Env(system=system, home=home, environ={**base, **environ}, data_dir=data, root=root,
               registry=MemoryRegistry() if system == "windows" else None, python=python,
               can_run=system != "windows")


def all_files(base: Path) -> set[str]:
    return {str(p.relative_to(base)) for p in base.rglob("*")}


# -- the manifest locations ---------------------------------------------------------------

LINUX_USER = {
    "chrome": ".config/google-chrome/NativeMessagingHosts",
    "chromium": ".config/chromium/NativeMessagingHosts",
    "edge": ".config/microsoft-edge/NativeMessagingHosts",
    "brave": ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts",
    "vivaldi": ".config/vivaldi/NativeMessagingHosts",
    "firefox": ".mozilla/native-messaging-hosts",
}
LINUX_SYSTEM = {
    "chrome": "etc/opt/chrome/native-messaging-hosts",
    "chromium": "etc/chromium/native-messaging-hosts",
    "edge": "etc/opt/edge/native-messaging-hosts",
    "brave": "etc/opt/chrome/native-messaging-hosts",
    "vivaldi": "etc/opt/vivaldi/native-messaging-hosts",
    "firefox": "usr/lib/mozilla/native-messaging-hosts",
}
MAC_USER = {
    "chrome": "Library/Application Support/Google/Chrome/NativeMessagingHosts",
    "chromium": "Library/Application Support/Chromium/NativeMessagingHosts",
    "edge": "Library/Application Support/Microsoft Edge/NativeMessagingHosts",
    "brave": "Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts",
    "vivaldi": "Library/Application Support/Vivaldi/NativeMessagingHosts",
    "firefox": "Library/Application Support/Mozilla/NativeMessagingHosts",
}
MAC_SYSTEM = {
    "chrome": "Library/Google/Chrome/NativeMessagingHosts",
    "chromium": "Library/Application Support/Chromium/NativeMessagingHosts",
    "edge": "Library/Microsoft/Edge/NativeMessagingHosts",
    "brave": "Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts",
    "vivaldi": "Library/Application Support/Vivaldi/NativeMessagingHosts",
    "firefox": "Library/Application Support/Mozilla/NativeMessagingHosts",
}
WINDOWS_KEYS = {
    "chrome": r"Software\Google\Chrome\NativeMessagingHosts",
    "chromium": r"Software\Chromium\NativeMessagingHosts",
    "edge": r"Software\Microsoft\Edge\NativeMessagingHosts",
    "brave": r"Software\BraveSoftware\Brave-Browser\NativeMessagingHosts",
    "vivaldi": r"Software\Vivaldi\NativeMessagingHosts",
    "firefox": r"Software\Mozilla\NativeMessagingHosts",
}


def check_manifest(path: Path, browser: str, launcher: Path) -> None:
    data = json.loads(path.read_text())
    assert data["name"] == HOST_NAME and data["type"] == "stdio"
    assert data["path"] == str(launcher) and os.path.isabs(data["path"])
    if browser == "firefox":
        assert data["allowed_extensions"] == [IDS.gecko] and "allowed_origins" not in data
    else:
        assert data["allowed_origins"] == [f"chrome-extension://{IDS.chromium}/"] and "allowed_extensions" not in data


@pytest.mark.parametrize("browser", list(BROWSERS))
@pytest.mark.parametrize(("system", "scope"), [("linux", "user"), ("linux", "system"), ("darwin", "user"),
                                               ("darwin", "system")])
def test_posix_locations(tmp_path, system, scope, browser):
    env = make_env(tmp_path, system)
    table = {("linux", "user"): LINUX_USER, ("linux", "system"): LINUX_SYSTEM,
             ("darwin", "user"): MAC_USER, ("darwin", "system"): MAC_SYSTEM}[(system, scope)]
    base = env.home if scope == "user" else env.root
    [outcome] = install(env, [BROWSERS[browser]], IDS, system=scope == "system")
    manifest = base / table[browser] / NAME
    assert outcome.target.manifest == manifest
    if scope == "user":
        launcher = env.data_dir / "native-host" / "linkedin-guard-host"
    else:
        launcher = env.root / ("usr/local/lib/linkedin-guard" if system == "linux"
                               else "Library/Application Support/linkedin-guard") / "linkedin-guard-host"
    check_manifest(manifest, browser, launcher)
    assert stat.S_IMODE(launcher.stat().st_mode) == 0o755
    assert python_of(launcher.read_text()) == sys.executable


def test_linux_respects_xdg_config_home_but_firefox_does_not(tmp_path):
    env = make_env(tmp_path, "linux", XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    outcomes = install(env, [BROWSERS["chromium"], BROWSERS["firefox"]], IDS)
    assert outcomes[0].target.manifest == tmp_path / "xdg/chromium/NativeMessagingHosts" / NAME
    assert outcomes[1].target.manifest == env.home / ".mozilla/native-messaging-hosts" / NAME


def test_relative_xdg_config_home_is_ignored_as_the_spec_says(tmp_path):
    env = make_env(tmp_path, "linux", XDG_CONFIG_HOME="relative/dir")
    [o] = install(env, [BROWSERS["chrome"]], IDS)
    assert o.target.manifest == env.home / ".config/google-chrome/NativeMessagingHosts" / NAME


@pytest.mark.parametrize("browser", list(BROWSERS))
@pytest.mark.parametrize("system_scope", [False, True])
def test_windows_registry(tmp_path, browser, system_scope):
    env = make_env(tmp_path, "windows")
    [outcome] = install(env, [BROWSERS[browser]], IDS, system=system_scope)
    hive = "HKLM" if system_scope else "HKCU"
    key = WINDOWS_KEYS[browser] + "\\" + HOST_NAME
    value = env.registry.get(hive, key)
    ldir = (env.root / "ProgramData/linkedin-guard") if system_scope else env.data_dir / "native-host"
    assert value == str(ldir / "manifests" / browser / NAME)
    # The manifest points at an .exe, never a .bat: no cmd.exe between browser and host.
    launcher = ldir / "linkedin-guard-host.exe"
    check_manifest(Path(value), browser, launcher)
    assert launcher.read_bytes() == FAKE_EXE  # pip's console script, copied beside its launch defaults
    assert not (ldir / "linkedin-guard-host.bat").exists()
    defaults = json.loads((ldir / "linkedin-guard-host.launch.json").read_text())
    assert defaults["python"] == env.python
    assert defaults["install_record"] == str(ldir / "install.json")


def test_windows_exe_launcher_carries_guard_home_and_the_record_into_the_host(tmp_path, monkeypatch):
    from native_host.launcher import apply_launch_defaults

    env = make_env(tmp_path, "windows", LINKEDIN_GUARD_HOME=str(tmp_path / "100%guard"))
    install(env, [BROWSERS["edge"]], IDS)
    exe = env.data_dir / "native-host/linkedin-guard-host.exe"
    environ: dict[str, str] = {}
    assert apply_launch_defaults(exe, environ)
    assert environ == {"LINKEDIN_GUARD_HOME": str(tmp_path / "100%guard"),
                       "LINKEDIN_GUARD_INSTALL_RECORD": str(env.data_dir / "native-host/install.json")}
    browser_env = {"LINKEDIN_GUARD_HOME": "/from/the/browser"}
    apply_launch_defaults(exe, browser_env)
    assert browser_env["LINKEDIN_GUARD_HOME"] == "/from/the/browser"  # a default only


def test_windows_without_the_console_script_falls_back_to_a_bat_and_says_why(tmp_path):
    env = make_env(tmp_path, "windows", console_script=False)
    [outcome] = install(env, [BROWSERS["chrome"]], IDS)
    launcher = env.data_dir / "native-host/linkedin-guard-host.bat"
    check_manifest(outcome.target.manifest, "chrome", launcher)
    text = launcher.read_bytes().decode()
    assert text.startswith("@echo off\r\n") and python_of(text) == env.python
    assert any("cmd.exe" in note and "pip" in note for note in outcome.target.notes)


def test_windows_reinstall_with_the_console_script_replaces_the_bat(tmp_path):
    env = make_env(tmp_path, "windows", console_script=False)
    install(env, [BROWSERS["chrome"]], IDS)
    (Path(env.python).parent / "linkedin-guard-host.exe").write_bytes(FAKE_EXE)
    [outcome] = install(env, [BROWSERS["chrome"]], IDS)
    ldir = env.data_dir / "native-host"
    assert json.loads(outcome.target.manifest.read_text())["path"] == str(ldir / "linkedin-guard-host.exe")
    assert not (ldir / "linkedin-guard-host.bat").exists()


def test_windows_batch_fallback_escapes_percent_and_keeps_guard_home_as_a_default(tmp_path):
    env = make_env(tmp_path, "windows", console_script=False, LINKEDIN_GUARD_HOME=str(tmp_path / "100%guard"))
    install(env, [BROWSERS["edge"]], IDS)
    text = (env.data_dir / "native-host/linkedin-guard-host.bat").read_bytes().decode()
    assert f'if not defined LINKEDIN_GUARD_HOME set "LINKEDIN_GUARD_HOME={tmp_path}/100%%guard"' in text


def test_user_data_dir_writes_into_the_profile_only(tmp_path):
    env = make_env(tmp_path, "linux")
    profile = tmp_path / "profile"
    before = all_files(tmp_path)
    [o] = install(env, [BROWSERS["chromium"]], IDS, user_data_dir=profile)
    folder = profile / "NativeMessagingHosts"
    assert o.target.manifest == folder / NAME
    check_manifest(folder / NAME, "chromium", folder / "linkedin-guard-host")
    assert {f for f in all_files(tmp_path) - before if not f.startswith("profile")} == set()
    uninstall(env, [BROWSERS["chromium"]], user_data_dir=profile)
    assert all_files(tmp_path) == before  # the profile folder it created is gone too


@pytest.mark.parametrize(("browser", "system"), [("firefox", "linux"), ("chromium", "windows")])
def test_user_data_dir_refusals(tmp_path, browser, system):
    with pytest.raises(InstallError):
        install(make_env(tmp_path, system), [BROWSERS[browser]], IDS, user_data_dir=tmp_path / "p")


# -- idempotence, repair, uninstall -------------------------------------------------------


def test_install_twice_is_the_same_and_repairs_a_stale_path(tmp_path):
    env = make_env(tmp_path, "linux")
    [o] = install(env, [BROWSERS["chrome"]], IDS)
    first = o.target.manifest.read_text()
    data = json.loads(first)
    data["path"] = "/old/venv/linkedin-guard-host"
    o.target.manifest.write_text(json.dumps(data))
    install(env, [BROWSERS["chrome"]], IDS)
    assert o.target.manifest.read_text() == first
    record = json.loads((env.data_dir / "native-host/install.json").read_text())
    assert [m["browsers"] for m in record["manifests"]] == [["chrome"]]


def test_uninstall_removes_exactly_what_install_wrote(tmp_path):
    env = make_env(tmp_path, "linux")
    (env.home / ".config/chromium").mkdir(parents=True)  # the browser's own folder, there before us
    (env.home / ".config/chromium/Local State").write_text("{}")
    before = all_files(tmp_path)
    install(env, [BROWSERS["chromium"], BROWSERS["firefox"]], IDS)
    assert all_files(tmp_path) > before
    uninstall(env, [BROWSERS["chromium"], BROWSERS["firefox"]])
    assert all_files(tmp_path) == before


def test_uninstall_one_browser_keeps_the_launcher_for_the_others(tmp_path):
    env = make_env(tmp_path, "linux")
    install(env, [BROWSERS["chromium"], BROWSERS["firefox"]], IDS)
    uninstall(env, [BROWSERS["chromium"]])
    assert not (env.home / LINUX_USER["chromium"] / NAME).exists()
    assert (env.home / LINUX_USER["firefox"] / NAME).exists()
    assert (env.data_dir / "native-host/linkedin-guard-host").exists()


def test_a_manifest_shared_by_two_browsers_stays_until_both_are_uninstalled(tmp_path):
    env = make_env(tmp_path, "linux")
    install(env, [BROWSERS["chrome"], BROWSERS["brave"]], IDS, system=True)
    shared = env.root / LINUX_SYSTEM["chrome"] / NAME
    uninstall(env, [BROWSERS["brave"]], system=True)
    assert shared.exists()
    uninstall(env, [BROWSERS["chrome"]], system=True)
    assert not shared.exists()


def test_uninstall_leaves_someone_elses_manifest_alone(tmp_path):
    env = make_env(tmp_path, "linux")
    foreign = env.home / LINUX_USER["chrome"] / NAME
    foreign.parent.mkdir(parents=True)
    foreign.write_text(json.dumps({"name": HOST_NAME, "description": "another program", "path": "/x"}))
    uninstall(env, [BROWSERS["chrome"]])
    assert foreign.exists()


def test_windows_uninstall_removes_keys_and_files(tmp_path):
    env = make_env(tmp_path, "windows")
    before = all_files(tmp_path)
    install(env, [BROWSERS["chrome"], BROWSERS["firefox"]], IDS)
    assert len(env.registry.values) == 2
    uninstall(env, [BROWSERS["chrome"], BROWSERS["firefox"]])
    assert env.registry.values == {}
    assert all_files(tmp_path) == before


# -- which browsers ---------------------------------------------------------------------


def test_default_selection_is_the_browsers_found(tmp_path):
    env = make_env(tmp_path, "linux")
    with pytest.raises(InstallError, match="no supported browser found"):
        select_browsers(env, None)
    (env.home / ".config/chromium").mkdir(parents=True)
    bindir = tmp_path / "bin"
    bindir.mkdir()
    (bindir / "firefox-esr").write_text("#!/bin/sh\n")
    (bindir / "firefox-esr").chmod(0o755)
    assert [b.key for b in select_browsers(env, None)] == ["chromium", "firefox"]
    assert [b.key for b in select_browsers(env, ["all"])] == list(BROWSERS)
    assert [b.key for b in select_browsers(env, ["edge", "edge"])] == ["edge"]


@pytest.mark.parametrize(("system", "make"), [
    ("darwin", "Applications/Google Chrome.app"),
    ("windows", "home/AppData/Local/Google/Chrome/User Data"),
])
def test_browser_detection_on_macos_and_windows(tmp_path, system, make):
    env = make_env(tmp_path, system)
    (tmp_path / ("root/" + make if make.startswith("Applications") else make)).mkdir(parents=True)
    assert [b.key for b in select_browsers(env, None)] == ["chrome"]


def test_snap_and_flatpak_are_named_plainly(tmp_path):
    env = make_env(tmp_path, "linux")
    (env.root / "snap/chromium").mkdir(parents=True)
    (env.root / "snap/firefox").mkdir(parents=True)
    (env.home / ".var/app/com.google.Chrome").mkdir(parents=True)
    outcomes = install(env, [BROWSERS["chromium"], BROWSERS["firefox"], BROWSERS["chrome"]], IDS)
    notes = {o.target.browser.key: " ".join(o.target.notes) for o in outcomes}
    assert "Snap" in notes["chromium"] and "cannot connect" in notes["chromium"]
    assert "portal" in notes["firefox"]
    assert "Flatpak" in notes["chrome"] and "sandbox" in notes["chrome"]
    assert not (env.home / ".var/app/com.google.Chrome/config").exists()  # nothing written into the sandbox


# -- the extension's identity --------------------------------------------------------------


def test_extension_id_from_key_maps_sha256_hex_to_a_to_p():
    import hashlib

    der = b"\x30\x82\x01\x22 not really a key but bytes"
    key = base64.b64encode(der).decode()
    digest = hashlib.sha256(der).hexdigest()[:32]
    expected = "".join(chr(ord("a") + int(c, 16)) for c in digest)
    assert extension_id_from_key(key) == expected
    assert set(expected) <= set("abcdefghijklmnop") and len(expected) == 32


def test_the_projects_extension_id_is_the_one_chromium_shows():
    # Seen in real Chromium: chrome-extension://gphpeapcgdpbiaihmcfbepcfkoccooab/ with extension/ loaded unpacked.
    ids = extension_ids()
    assert ids.chromium == "gphpeapcgdpbiaihmcfbepcfkoccooab"
    assert ids.gecko == "linkedin-guard@linkedin-guard.local"


def test_extension_manifest_problems_are_explained(tmp_path):
    with pytest.raises(InstallError, match="cannot find the extension's manifest"):
        extension_ids(tmp_path / "missing.json")
    (tmp_path / "m.json").write_text(json.dumps({"name": "x"}))
    with pytest.raises(InstallError, match='no "key"'):
        extension_ids(tmp_path / "m.json")
    (tmp_path / "m.json").write_text(json.dumps({"key": "***"}))
    with pytest.raises(InstallError, match="not base64"):
        extension_ids(tmp_path / "m.json")


def test_firefox_needs_a_gecko_id(tmp_path):
    with pytest.raises(InstallError, match="gecko.id"):
        install(make_env(tmp_path, "linux"), [BROWSERS["firefox"]], ExtensionIds("a" * 32, None, "m"))


# -- doctor ------------------------------------------------------------------------------


def checks(report) -> dict[str, tuple[bool, str, str | None]]:
    return {c.name: (c.ok, c.detail, c.fix) for c in report.checks}


@pytest.fixture
def linux_installed(tmp_path, guard_home):
    env = make_env(tmp_path, "linux")
    install(env, [BROWSERS["chromium"], BROWSERS["firefox"]], IDS)
    return env


def test_doctor_is_green_after_install_and_the_host_answers(linux_installed):
    reports, notes = doctor.diagnose(linux_installed, None, IDS)
    assert [r.target.browser.key for r in reports] == ["chromium", "firefox"]
    for r in reports:
        assert r.ok, doctor.render(reports, notes, IDS)
        assert "hello answered in" in checks(r)["answers hello"][1]


def test_doctor_names_the_fix_for_a_moved_launcher(linux_installed):
    launcher = linux_installed.data_dir / "native-host/linkedin-guard-host"
    launcher.rename(launcher.with_name("moved"))
    [report] = doctor.diagnose(linux_installed, [BROWSERS["chromium"]], IDS)[0]
    ok, detail, fix = checks(report)["launcher path"]
    assert not ok and "does not exist" in detail
    assert command("install", "--browser", "chromium") in fix
    assert not checks(report)["answers hello"][0]


def test_doctor_names_the_fix_for_a_wrong_extension_id(linux_installed):
    other = ExtensionIds("ponmlkjihgfedcbaponmlkjihgfedcba", "other@addon", "new manifest")
    reports, _ = doctor.diagnose(linux_installed, [BROWSERS["chromium"], BROWSERS["firefox"]], other)
    for r in reports:
        ok, detail, fix = checks(r)["allowed extension"]
        assert not ok
        assert "install --browser" in fix and "current ID" in fix
    assert "ponmlkjihgfedcbaponmlkjihgfedcba" in checks(reports[0])["allowed extension"][1]
    assert "forbidden" in checks(reports[0])["allowed extension"][1]


def test_doctor_on_a_launcher_that_is_not_executable(linux_installed):
    launcher = linux_installed.data_dir / "native-host/linkedin-guard-host"
    launcher.chmod(0o644)
    [report] = doctor.diagnose(linux_installed, [BROWSERS["chromium"]], IDS)[0]
    ok, detail, fix = checks(report)["launcher path"]
    assert not ok and "chmod +x" in fix


def test_doctor_on_a_launcher_whose_python_is_gone(linux_installed):
    launcher = linux_installed.data_dir / "native-host/linkedin-guard-host"
    launcher.write_text(launcher.read_text().replace(sys.executable, "/gone/venv/bin/python3"))
    [report] = doctor.diagnose(linux_installed, [BROWSERS["chromium"]], IDS)[0]
    ok, detail, fix = checks(report)["answers hello"]
    assert not ok and "/gone/venv/bin/python3" in detail and "no longer exists" in detail
    assert "Python you use now" in fix


def test_doctor_on_a_host_that_hangs(linux_installed):
    launcher = linux_installed.data_dir / "native-host/linkedin-guard-host"
    launcher.write_text("#!/bin/sh\nexec sleep 30\n")
    [report] = doctor.diagnose(linux_installed, [BROWSERS["chromium"]], IDS)[0]
    ok, detail, _ = checks(report)["answers hello"]
    assert not ok and "within 2 s" in detail


def test_doctor_on_a_host_that_prints_junk(linux_installed):
    launcher = linux_installed.data_dir / "native-host/linkedin-guard-host"
    launcher.write_text("#!/bin/sh\necho hello there\n")
    [report] = doctor.diagnose(linux_installed, [BROWSERS["chromium"]], IDS)[0]
    ok, detail, _ = checks(report)["answers hello"]
    assert not ok and "not a frame" in detail


def test_doctor_on_a_missing_or_broken_manifest(linux_installed):
    reports, _ = doctor.diagnose(linux_installed, [BROWSERS["edge"]], IDS)
    ok, detail, fix = checks(reports[0])["manifest present"]
    assert not ok and fix == "run: " + command("install", "--browser", "edge")
    manifest = linux_installed.home / LINUX_USER["chromium"] / NAME
    data = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**data, "name": "com.other.host", "path": "relative/launcher"}))
    [report] = doctor.diagnose(linux_installed, [BROWSERS["chromium"]], IDS)[0]
    assert not checks(report)["manifest valid"][0]
    assert "not absolute" in checks(report)["launcher path"][1]


def test_doctor_without_any_install_says_so(tmp_path):
    with pytest.raises(InstallError, match="not installed for any browser"):
        doctor.diagnose(make_env(tmp_path, "linux"), None, IDS)


def test_doctor_mentions_browsers_found_but_not_set_up(linux_installed):
    (linux_installed.home / ".config/google-chrome").mkdir(parents=True)
    _, notes = doctor.diagnose(linux_installed, None, IDS)
    assert any("Google Chrome is on this machine" in n and "install --browser chrome" in n for n in notes)


def test_doctor_reads_the_windows_registry(tmp_path):
    env = make_env(tmp_path, "windows")
    install(env, [BROWSERS["edge"]], IDS)
    [report] = doctor.diagnose(env, [BROWSERS["edge"]], IDS)[0]
    assert report.ok, checks(report)
    assert "HKCU" in checks(report)["manifest present"][1]
    assert any("another operating system" in n for n in report.notes)
    env.registry.delete("HKCU", WINDOWS_KEYS["edge"] + "\\" + HOST_NAME)
    [report] = doctor.diagnose(env, [BROWSERS["edge"]], IDS)[0]
    assert not checks(report)["manifest present"][0]


def test_doctor_warns_about_a_batch_launcher_on_windows(tmp_path):
    env = make_env(tmp_path, "windows", console_script=False)
    install(env, [BROWSERS["edge"]], IDS)
    [report] = doctor.diagnose(env, [BROWSERS["edge"]], IDS)[0]
    assert any("cmd.exe" in n and "NativeHostsExecutablesLaunchDirectly" in n for n in report.notes)
    env2 = make_env(tmp_path / "b", "windows")
    install(env2, [BROWSERS["edge"]], IDS)
    [report2] = doctor.diagnose(env2, [BROWSERS["edge"]], IDS)[0]
    assert not any("cmd.exe" in n for n in report2.notes)


# -- store IDs: listed in one place, and --extension-id ---------------------------------

STORE_CHROMIUM = "bcdefghijklmnopabcdefghijklmnopa"


def test_host_manifests_allow_the_store_ids_listed_in_the_package(tmp_path, monkeypatch):
    from native_host import store_ids

    monkeypatch.setattr(store_ids, "CHROMIUM_STORE_IDS", (STORE_CHROMIUM,))
    monkeypatch.setattr(store_ids, "FIREFOX_STORE_IDS", ("guard@store.example",))
    env = make_env(tmp_path, "linux")
    outcomes = install(env, [BROWSERS["chrome"], BROWSERS["firefox"]], IDS)
    by_browser = {o.target.browser.key: json.loads(o.target.manifest.read_text()) for o in outcomes}
    assert by_browser["chrome"]["allowed_origins"] == [IDS.origin, f"chrome-extension://{STORE_CHROMIUM}/"]
    assert by_browser["firefox"]["allowed_extensions"] == [IDS.gecko, "guard@store.example"]


def test_extension_id_adds_one_and_a_later_install_keeps_it(tmp_path):
    env = make_env(tmp_path, "linux")
    install(env, [BROWSERS["chromium"], BROWSERS["firefox"]], IDS, extra_ids=[STORE_CHROMIUM, "other@example.org"])
    install(env, [BROWSERS["chromium"], BROWSERS["firefox"]], IDS)  # e.g. `start` later, without the option
    chromium = json.loads((env.home / LINUX_USER["chromium"] / NAME).read_text())
    firefox = json.loads((env.home / LINUX_USER["firefox"] / NAME).read_text())
    assert chromium["allowed_origins"] == [IDS.origin, f"chrome-extension://{STORE_CHROMIUM}/"]
    assert firefox["allowed_extensions"] == [IDS.gecko, "other@example.org"]
    [report] = doctor.diagnose(env, [BROWSERS["chromium"]], IDS)[0]
    assert checks(report)["allowed extension"][0]


@pytest.mark.parametrize("bad", ["ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP", "short", "chrome-extension://x/", ""])
def test_extension_id_must_look_like_one(tmp_path, bad):
    with pytest.raises(InstallError) as err:
        install(make_env(tmp_path, "linux"), [BROWSERS["chromium"]], IDS, extra_ids=[bad])
    assert "is not an extension ID" in str(err.value)


def test_install_command_takes_extension_id(tmp_path, guard_home):
    env = {**os.environ, "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "guard", "install", "--browser", "chromium", "--user-data-dir",
                           str(tmp_path / "p"), "--extension-id", STORE_CHROMIUM],
                          capture_output=True, text=True, env=env, cwd=str(ROOT), timeout=60)
    assert done.returncode == 0, done.stderr
    manifest = json.loads((tmp_path / "p/NativeMessagingHosts" / NAME).read_text())
    assert f"chrome-extension://{STORE_CHROMIUM}/" in manifest["allowed_origins"]


@pytest.mark.skipif(os.name == "nt", reason="the POSIX twin of the Windows .exe: pip's console script")
def test_the_console_script_host_reads_its_launch_defaults(tmp_path):
    """What the Windows .exe does, with the console script pip made here: copied next to its
    launch defaults, started with no guard environment, it serves from the guard home they name."""
    import shutil
    import struct

    from native_host.launcher import LAUNCH_DEFAULTS, render_launch_defaults

    script = Path(sys.executable).parent / "linkedin-guard-host"
    assert script.exists(), "pip install -e . makes it ([project.scripts])"
    folder = tmp_path / "native-host"
    folder.mkdir()
    shutil.copy2(script, folder / "linkedin-guard-host")
    home = tmp_path / "guard home"
    (folder / LAUNCH_DEFAULTS).write_text(render_launch_defaults(python=sys.executable, guard_home=str(home),
                                                                  record=str(folder / "install.json")))
    hello = json.dumps({"id": 1, "type": "hello"}).encode()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LINKEDIN_GUARD", "PYTHONPATH"))}
    done = subprocess.run([str(folder / "linkedin-guard-host"), "chrome-extension://x/"],
                          input=struct.pack("@I", len(hello)) + hello, capture_output=True, env=env,
                          cwd=str(folder), timeout=60)
    (n,) = struct.unpack("@I", done.stdout[:4])
    reply = json.loads(done.stdout[4:4 + n])
    assert reply["ok"] and reply["result"]["protocol"] == 1
    assert (home / "host.log").exists()  # the guard home came from the launch defaults
