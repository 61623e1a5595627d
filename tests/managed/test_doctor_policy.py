"""doctor reads the browser's policy (fake roots) and says which policy breaks the host, and drift."""

from __future__ import annotations

import json
import plistlib

from guard import managed
from native_host import HOST_NAME
from native_host.doctor import diagnose
from native_host.install import BROWSERS, install
from tests.host.test_install import IDS, make_env
from tests.managed.conftest import POLICY


def failing(reports):
    return {c.name: c for r in reports for c in r.checks if not c.ok}


def write_policy(env, data, name="org.json", folder="/etc/chromium/policies/managed"):
    path = env.system_path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))
    return path


def test_user_level_hosts_disabled_by_policy_needs_a_system_install(tmp_path):
    env = make_env(tmp_path, "linux")
    install(env, [BROWSERS["chromium"]], IDS)
    assert "user-level hosts allowed" not in failing(diagnose(env, [BROWSERS["chromium"]], IDS)[0])
    write_policy(env, {"NativeMessagingUserLevelHosts": False})
    bad = failing(diagnose(env, [BROWSERS["chromium"]], IDS)[0])
    assert "--system" in bad["user-level hosts allowed"].fix
    install(env, [BROWSERS["chromium"]], IDS, system=True)
    assert "user-level hosts allowed" not in failing(diagnose(env, [BROWSERS["chromium"]], IDS, system=True)[0])


def test_a_blocklist_that_excludes_the_host_unless_allowlisted(tmp_path):
    env = make_env(tmp_path, "linux")
    install(env, [BROWSERS["chromium"]], IDS)
    write_policy(env, {"NativeMessagingBlocklist": ["*"]})
    assert "NativeMessagingAllowlist" in failing(diagnose(env, [BROWSERS["chromium"]], IDS)[0])["not blocked by policy"].fix
    write_policy(env, {"NativeMessagingAllowlist": [HOST_NAME]}, name="zz-allow.json")
    assert "not blocked by policy" not in failing(diagnose(env, [BROWSERS["chromium"]], IDS)[0])


def test_a_user_level_manifest_shadows_the_system_one(tmp_path):
    env = make_env(tmp_path, "linux")
    install(env, [BROWSERS["chromium"]], IDS, system=True)
    assert "no user-level shadow" not in failing(diagnose(env, [BROWSERS["chromium"]], IDS, system=True)[0])
    install(env, [BROWSERS["chromium"]], IDS)  # another launcher, per user
    assert "uninstall" in failing(diagnose(env, [BROWSERS["chromium"]], IDS, system=True)[0])["no user-level shadow"].fix


def test_extension_settings_that_keep_the_guard_off_linkedin(tmp_path):
    env = make_env(tmp_path, "linux")
    install(env, [BROWSERS["chromium"]], IDS)
    write_policy(env, {"ExtensionSettings": {"*": {"runtime_blocked_hosts": ["*://*.linkedin.com"]},
                                             IDS.chromium: {"blocked_permissions": ["nativeMessaging"]}}})
    bad = failing(diagnose(env, [BROWSERS["chromium"]], IDS)[0])
    assert {"runs on LinkedIn", "may talk to the host"} <= set(bad)


def test_drift_between_managed_json_and_the_browser_policy(tmp_path):
    env = make_env(tmp_path, "linux", LINKEDIN_GUARD_HOME=str(tmp_path / "guard"))
    install(env, [BROWSERS["chromium"]], IDS)
    write_policy(env, {"3rdparty": {"extensions": {IDS.chromium: POLICY}}})
    bad = failing(diagnose(env, [BROWSERS["chromium"]], IDS)[0])
    assert "relays" in bad["managed settings in step"].fix  # the host has not got it yet
    managed.store(managed.parse(POLICY), tmp_path / "guard" / "managed.json")
    [report] = diagnose(env, [BROWSERS["chromium"]], IDS)[0]
    assert [c.ok for c in report.checks if c.name == "managed settings in step"] == [True]
    env.system_path("/etc/chromium/policies/managed/org.json").unlink()  # policy gone, layer still held
    assert "managed settings in step" in failing(diagnose(env, [BROWSERS["chromium"]], IDS)[0])


def test_macos_managed_preferences_and_firefox_policies_json(tmp_path):
    env = make_env(tmp_path, "darwin", LINKEDIN_GUARD_HOME=str(tmp_path / "guard"))
    install(env, [BROWSERS["chrome"]], IDS)
    prefs = env.system_path("/Library/Managed Preferences")
    prefs.mkdir(parents=True)
    (prefs / "com.google.Chrome.plist").write_bytes(plistlib.dumps({"NativeMessagingUserLevelHosts": False}))
    (prefs / f"com.google.Chrome.extensions.{IDS.chromium}.plist").write_bytes(plistlib.dumps(POLICY))
    bad = failing(diagnose(env, [BROWSERS["chrome"]], IDS)[0])
    assert {"user-level hosts allowed", "managed settings in step"} <= set(bad)

    (tmp_path / "fx").mkdir()
    env = make_env(tmp_path / "fx", "linux", LINKEDIN_GUARD_HOME=str(tmp_path / "fx-guard"))
    install(env, [BROWSERS["firefox"]], IDS)
    write_policy(env, {"policies": {"3rdparty": {"Extensions": {IDS.gecko: POLICY}}}}, name="policies.json",
                 folder="/etc/firefox/policies")
    assert "managed settings in step" in failing(diagnose(env, [BROWSERS["firefox"]], IDS)[0])
    managed.store(managed.parse(POLICY), tmp_path / "fx-guard" / "managed.json")
    assert "managed settings in step" not in failing(diagnose(env, [BROWSERS["firefox"]], IDS)[0])


def test_doctor_says_when_the_organisations_settings_could_not_be_applied(tmp_path):
    env = make_env(tmp_path, "linux", LINKEDIN_GUARD_HOME=str(tmp_path / "guard"))
    install(env, [BROWSERS["chromium"]], IDS)
    (tmp_path / "guard").mkdir(exist_ok=True)
    assert "organisation's settings applied" not in failing(diagnose(env, [BROWSERS["chromium"]], IDS)[0])
    try:
        managed.parse({"locked": {"employer": {"official_title": "Account manager"}}})
    except managed.ManagedError as err:
        managed.record_refusal(err, tmp_path / "guard" / "managed.json")  # as the host does on invalid_managed
    check = failing(diagnose(env, [BROWSERS["chromium"]], IDS)[0])["organisation's settings applied"]
    assert "could not be applied" in check.detail and "employer.name" in check.detail
    assert "policy template" in check.fix
    managed.clear_refusal(tmp_path / "guard" / "managed.json")
    (tmp_path / "guard" / "managed.json").write_text("{not json")
    check = failing(diagnose(env, [BROWSERS["chromium"]], IDS)[0])["organisation's settings applied"]
    assert "managed.json" in check.detail and "start the browser" in check.fix


# -- Windows: the registry, through a dict-backed reader (native_host/policy_registry.py) -------------


def parse_reg(text: str) -> dict[str, dict]:
    """A .reg file (as regedit imports it) as ``{key path: {name: data}}``: REG_SZ and dword values."""
    import re

    keys: dict[str, dict] = {}
    current = None
    for line in text.splitlines():
        if line.startswith("[") and line.endswith("]"):
            current = keys.setdefault(line[1:-1].replace("HKEY_LOCAL_MACHINE", "HKLM").replace("HKEY_CURRENT_USER", "HKCU"), {})
            continue
        m = re.match(r'^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-fA-F]{8}))$', line)
        if m and current is not None:
            unescape = lambda s: re.sub(r"\\(.)", r"\1", s)  # noqa: E731
            current[unescape(m.group(1))] = unescape(m.group(2)) if m.group(3) is None else int(m.group(3), 16)
    return keys


def windows_env(tmp_path, keys):
    from native_host.policy_registry import DictPolicyRegistry

    env = make_env(tmp_path, "windows", LINKEDIN_GUARD_HOME=str(tmp_path / "guard"))
    env.policy_registry = DictPolicyRegistry(keys)
    return env


def test_windows_registry_policy_that_breaks_the_host(tmp_path):
    root = r"SOFTWARE\Policies\Google\Chrome"
    env = windows_env(tmp_path, {})
    install(env, [BROWSERS["chrome"]], IDS)
    assert not failing(diagnose(env, [BROWSERS["chrome"]], IDS)[0]).keys() & {"user-level hosts allowed", "not blocked by policy"}
    env.policy_registry.set(f"HKLM\\{root}", {"NativeMessagingUserLevelHosts": 0,  # REG_DWORD, as GPO writes it
                                              "ExtensionSettings": json.dumps({"*": {"runtime_blocked_hosts": ["*://*.linkedin.com"]}})})
    env.policy_registry.set(f"HKLM\\{root}\\NativeMessagingBlocklist", {"1": "*"})
    bad = failing(diagnose(env, [BROWSERS["chrome"]], IDS)[0])
    assert "--system" in bad["user-level hosts allowed"].fix
    assert "NativeMessagingAllowlist" in bad["not blocked by policy"].fix
    assert "runs on LinkedIn" in bad
    # A user-level allowlist (HKCU) is merged in; machine policy wins where both set the same name.
    env.policy_registry.set(f"HKCU\\{root}\\NativeMessagingAllowlist", {"1": HOST_NAME})
    env.policy_registry.set(f"HKCU\\{root}", {"NativeMessagingUserLevelHosts": 1})
    bad = failing(diagnose(env, [BROWSERS["chrome"]], IDS)[0])
    assert "not blocked by policy" not in bad and "user-level hosts allowed" in bad
    [report] = diagnose(env, [BROWSERS["chrome"]], IDS)[0]
    assert any(f"HKLM\\{root}" in n for n in report.notes)


def test_windows_registry_from_the_policy_template_and_drift(tmp_path, capsys):
    from guard.cli import main

    assert main(["policy", "template", "--browser", "edge", "--os", "windows", "--extension-id", IDS.chromium]) == 0
    keys = parse_reg(capsys.readouterr().out)
    # Edge's documentation spells the key 3rdparty\Extensions: the registry ignores case, so does doctor.
    keys = {k.replace(r"\3rdparty\extensions", r"\3rdparty\Extensions"): v for k, v in keys.items()}
    env = windows_env(tmp_path, keys)
    install(env, [BROWSERS["edge"]], IDS)
    bad = failing(diagnose(env, [BROWSERS["edge"]], IDS)[0])
    assert "relays" in bad["managed settings in step"].fix  # the host has not got the layer yet
    layer = {name: json.loads(keys[k][name]) for k in keys if k.endswith("policy") for name in keys[k]}
    managed.store(managed.parse(layer), tmp_path / "guard" / "managed.json")
    [report] = diagnose(env, [BROWSERS["edge"]], IDS)[0]
    assert [c.ok for c in report.checks if c.name == "managed settings in step"] == [True]


def test_windows_firefox_3rdparty_in_the_registry(tmp_path):
    root = r"HKLM\SOFTWARE\Policies\Mozilla\Firefox\3rdparty\Extensions" + "\\" + IDS.gecko
    env = windows_env(tmp_path, {root: {"locked": json.dumps(POLICY["locked"]), "defaults": json.dumps(POLICY["defaults"])}})
    install(env, [BROWSERS["firefox"]], IDS)
    assert "managed settings in step" in failing(diagnose(env, [BROWSERS["firefox"]], IDS)[0])
    managed.store(managed.parse(POLICY), tmp_path / "guard" / "managed.json")
    assert "managed settings in step" not in failing(diagnose(env, [BROWSERS["firefox"]], IDS)[0])


def test_a_layer_left_after_firefox_lost_its_policy_says_restart_firefox(tmp_path):
    env = make_env(tmp_path, "linux", LINKEDIN_GUARD_HOME=str(tmp_path / "guard"))
    install(env, [BROWSERS["firefox"]], IDS)
    managed.store(managed.parse(POLICY), tmp_path / "guard" / "managed.json")  # relayed while the policy was there
    check = failing(diagnose(env, [BROWSERS["firefox"]], IDS)[0])["managed settings in step"]
    assert "the browser policy has no layer for the extension" in check.detail
    assert check.fix.startswith("restart Firefox")
