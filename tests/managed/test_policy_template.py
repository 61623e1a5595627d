"""``policy template``: each browser's format on each OS, holding force-install and a layer the host takes."""

from __future__ import annotations

import json
import plistlib
import re

import pytest

from guard import managed
from guard.cli import main
from guard.cli.policy import EXAMPLE_LAYER
from native_host.install import extension_ids
from tests.managed.test_managed_schema import SCHEMA, fits

IDS = extension_ids()


def run(capsys, *args) -> str:
    assert main(["policy", "template", *args]) == 0
    return capsys.readouterr().out


def check_layer(layer):
    assert fits(layer, SCHEMA) == []  # Chrome delivers it
    assert managed.parse(layer).as_json() == managed.parse(EXAMPLE_LAYER).as_json()  # the host takes it


def check_force_install(settings: dict, update_url: str):
    assert settings == {IDS.chromium: {"installation_mode": "force_installed", "update_url": update_url,
                                       "toolbar_pin": "force_pinned"}}


STORES = {"chrome": "https://clients2.google.com/service/update2/crx",
          "chromium": "https://clients2.google.com/service/update2/crx",
          "edge": "https://edge.microsoft.com/extensionwebstorebase/v1/crx"}


@pytest.mark.parametrize("browser", ["chrome", "chromium", "edge"])
def test_linux_json_for_the_managed_policy_folder(capsys, browser):
    policy = json.loads(run(capsys, "--browser", browser, "--os", "linux"))
    assert set(policy) == {"ExtensionSettings", "3rdparty"}
    check_force_install(policy["ExtensionSettings"], STORES[browser])
    assert list(policy["3rdparty"]) == ["extensions"]
    check_layer(policy["3rdparty"]["extensions"][IDS.chromium])


def parse_reg(text: str) -> dict[str, dict[str, str]]:
    """A .reg file as regedit reads it: keys with their string values (unescaped)."""
    lines = text.split("\r\n")
    assert lines[0] == "Windows Registry Editor Version 5.00"
    keys: dict[str, dict[str, str]] = {}
    current = None
    for line in lines[1:]:
        if not line:
            continue
        if line.startswith("["):
            assert line.endswith("]")
            current = keys.setdefault(line[1:-1], {})
            continue
        m = re.fullmatch(r'"([^"\\]+)"="((?:[^"\\]|\\.)*)"', line)
        assert m and current is not None, f"not a REG_SZ line: {line!r}"
        current[m.group(1)] = re.sub(r"\\(.)", r"\1", m.group(2))
    return keys


@pytest.mark.parametrize(("browser", "root"), [("chrome", r"SOFTWARE\Policies\Google\Chrome"),
                                               ("chromium", r"SOFTWARE\Policies\Chromium"),
                                               ("edge", r"SOFTWARE\Policies\Microsoft\Edge")])
def test_windows_reg_with_json_strings(capsys, browser, root):
    keys = parse_reg(run(capsys, "--browser", browser, "--os", "windows"))
    base = f"HKEY_LOCAL_MACHINE\\{root}"
    assert set(keys) == {base, f"{base}\\3rdparty\\extensions\\{IDS.chromium}\\policy"}
    check_force_install(json.loads(keys[base]["ExtensionSettings"]), STORES[browser])
    policy = keys[f"{base}\\3rdparty\\extensions\\{IDS.chromium}\\policy"]
    check_layer({k: json.loads(v) for k, v in policy.items()})


@pytest.mark.parametrize(("browser", "domain"), [("chrome", "com.google.Chrome"), ("chromium", "org.chromium.Chromium"),
                                                 ("edge", "com.microsoft.Edge")])
def test_macos_configuration_profile(capsys, browser, domain):
    profile = plistlib.loads(run(capsys, "--browser", browser, "--os", "macos").encode())
    assert profile["PayloadType"] == "Configuration" and profile["PayloadVersion"] == 1
    payloads = {p["PayloadType"]: p for p in profile["PayloadContent"]}
    assert set(payloads) == {domain, f"{domain}.extensions.{IDS.chromium}"}
    uuids = [profile["PayloadUUID"], *(p["PayloadUUID"] for p in payloads.values())]
    assert len(set(uuids)) == 3
    for p in payloads.values():
        assert {"PayloadIdentifier", "PayloadUUID", "PayloadVersion", "PayloadDisplayName"} <= set(p)
    check_force_install(payloads[domain]["ExtensionSettings"], STORES[browser])
    layer = {k: v for k, v in payloads[f"{domain}.extensions.{IDS.chromium}"].items() if not k.startswith("Payload")}
    check_layer(layer)


@pytest.mark.parametrize("os_name", ["linux", "windows", "macos"])
def test_firefox_policies_json(capsys, os_name):
    policy = json.loads(run(capsys, "--browser", "firefox", "--os", os_name))
    assert list(policy) == ["policies"]
    settings = policy["policies"]["ExtensionSettings"][IDS.gecko]
    assert settings["installation_mode"] == "force_installed" and settings["private_browsing"] is True
    assert settings["install_url"].startswith("file:///")
    check_layer(policy["policies"]["3rdparty"]["Extensions"][IDS.gecko])


def test_an_own_layer_is_validated_first(tmp_path, capsys):
    own = tmp_path / "layer.json"
    own.write_text(json.dumps({"locked": {"log": {"retention_days": 0}}}))
    assert main(["policy", "template", "--browser", "chrome", "--os", "linux", "--managed", str(own)]) == 2
    assert "locked.log.retention_days" in capsys.readouterr().err
    own.write_text(json.dumps({"locked": {"fail_mode": "closed"}}))
    policy = json.loads(run(capsys, "--browser", "chrome", "--os", "linux", "--managed", str(own)))
    assert policy["3rdparty"]["extensions"][IDS.chromium] == {"locked": {"fail_mode": "closed"}}


@pytest.mark.parametrize("browser,os_name", [("chromium", "linux"), ("edge", "windows"), ("chrome", "macos"), ("firefox", "linux")])
def test_settings_only_leaves_the_force_install_out(capsys, browser, os_name):
    """For a machine where the extension comes another way: Chromium blocks a side-loaded copy of a force-installed ID."""
    assert main(["policy", "template", "--browser", browser, "--os", os_name, "--settings-only"]) == 0
    text = capsys.readouterr().out
    assert "ExtensionSettings" not in text and "force_installed" not in text
    assert "Example B.V." in text and "LG201" in text
