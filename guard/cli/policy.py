"""``linkedin-guard policy template --browser B [--os OS]``: a ready-to-edit enterprise policy.

Force-install of the extension plus the organisation's layer (``defaults``
and ``locked``, see guard/managed.py), in the format that browser reads on
that operating system:

* Chrome, Chromium, Edge on Linux: one JSON file for the browser's
  ``policies/managed/`` folder (``ExtensionSettings`` and
  ``3rdparty.extensions.<id>``).
* ... on Windows: a ``.reg`` file for ``HKLM\\SOFTWARE\\Policies\\...``; the
  dictionaries are JSON strings (REG_SZ), which Chromium parses for
  dictionary policies (REG_MULTI_SZ is not supported).
* ... on macOS: a configuration profile (``.mobileconfig``) with one payload
  for the browser's domain (``com.google.Chrome``) and one for the
  extension's (``com.google.Chrome.extensions.<id>``).
* Firefox, every OS: ``policies.json`` (``ExtensionSettings`` and
  ``3rdparty.Extensions.<add-on id>``); Firefox reads it from its
  ``distribution`` folder (and ``/etc/firefox/policies`` on Linux).

``--settings-only`` leaves the force-install out: for machines where the
extension is deployed another way (already force-installed by another
policy, or side-loaded on a test machine, where a force-install entry for
the same ID would make Chromium block the side-loaded copy).

Where the output goes is printed on stderr; stdout is the file alone.
"""

from __future__ import annotations

import json
import plistlib
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BROWSERS = ("chrome", "chromium", "edge", "firefox")
SYSTEMS = ("linux", "windows", "macos")

EXAMPLE_LAYER = {
    "defaults": {
        "employer": {"name": "Example B.V.", "official_title": "Account manager", "social_media_policy": True},
        "log": {"retention_days": 90},
    },
    "locked": {
        "rules": {"LG201": {"enabled": True, "mode": "confirm"}, "LG202": {"enabled": True}},
        "log": {"store_excerpts": False},
    },
}


@dataclass(frozen=True)
class Chromium:
    """Where one Chromium-family browser reads its policy on each OS."""

    linux_dir: str
    windows_key: str  # under HKEY_LOCAL_MACHINE
    mac_domain: str
    update_url: str


CHROMIUM = {
    "chrome": Chromium("/etc/opt/chrome/policies/managed", r"SOFTWARE\Policies\Google\Chrome", "com.google.Chrome",
                       "https://clients2.google.com/service/update2/crx"),
    "chromium": Chromium("/etc/chromium/policies/managed", r"SOFTWARE\Policies\Chromium", "org.chromium.Chromium",
                         "https://clients2.google.com/service/update2/crx"),
    "edge": Chromium("/etc/opt/edge/policies/managed", r"SOFTWARE\Policies\Microsoft\Edge", "com.microsoft.Edge",
                     "https://edge.microsoft.com/extensionwebstorebase/v1/crx"),
}

FIREFOX_PLACES = {
    # Seen with Debian's firefox-esr: /etc/firefox/policies first (then /etc/firefox-esr is NOT read),
    # else the install's distribution/ folder.
    "linux": "/etc/firefox/policies/policies.json (also for firefox-esr), or <firefox dir>/distribution/policies.json",
    "windows": r"C:\Program Files\Mozilla Firefox\distribution\policies.json",
    "macos": "/Applications/Firefox.app/Contents/Resources/distribution/policies.json",
}


def register(sub) -> None:
    p = sub.add_parser("policy", help="enterprise policy for organisations (see docs/admin.md)")
    s = p.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    t = s.add_parser("template", help="print a ready-to-edit policy: force-install plus managed settings")
    t.add_argument("--browser", required=True, choices=BROWSERS)
    t.add_argument("--os", dest="os_name", choices=SYSTEMS, default=None, help="default: this machine's")
    t.add_argument("--managed", type=Path, metavar="FILE",
                   help='your {"defaults": {...}, "locked": {...}} (default: an example to edit)')
    t.add_argument("--extension-id", metavar="ID", help="the extension's ID in that browser (default: this build's)")
    t.add_argument("--update-url", metavar="URL",
                   help="Chromium family: where the extension is installed from (default: the browser's store); "
                        "Firefox: the install_url of the .xpi")
    t.add_argument("--settings-only", action="store_true",
                   help="only the managed settings, no force-install (the extension is deployed another way; "
                        "on a test machine with a side-loaded extension Chromium blocks it when policy force-installs "
                        "the same ID)")
    t.set_defaults(func=template)


def current_os() -> str:
    if sys.platform.startswith("win"):
        return "windows"
    return "macos" if sys.platform == "darwin" else "linux"


def layer_from(path: Path | None) -> dict[str, Any]:
    """The managed layer, validated as the host validates it (and without nulls, which policy cannot carry)."""
    from guard import managed
    from guard.cli import UsageError

    if path is None:
        data: Any = EXAMPLE_LAYER
    else:
        try:
            data = json.loads(path.read_bytes())
        except (OSError, ValueError) as err:
            raise UsageError(f"cannot read {path}: {err}") from err
    try:
        layer = managed.parse(data)
    except managed.ManagedError as err:
        raise UsageError(f"{path}: {err}") from err
    if any(v is None for part in (layer.defaults, layer.locked) for v in managed.flatten(part).values()):
        raise UsageError(f"{path}: browser policy cannot carry null values; leave those settings out")
    return {k: v for k, v in layer.as_json().items() if v}


def _ids(args) -> tuple[str, str]:
    from guard.cli import UsageError
    from native_host.install import InstallError, extension_ids

    try:
        ids = extension_ids()
    except InstallError as err:
        if not args.extension_id:
            raise UsageError(f"{err} (or pass --extension-id)") from err
        return args.extension_id, args.extension_id
    return (args.extension_id or ids.chromium), (args.extension_id or ids.gecko or "")


# --------------------------------------------------------------------------
# One function per format
# --------------------------------------------------------------------------


def chromium_policy(extension_id: str, update_url: str, layer: dict[str, Any], install: bool = True) -> dict[str, Any]:
    """The policy as Chromium holds it: the same dictionary on every OS, only the container differs."""
    policy: dict[str, Any] = {"3rdparty": {"extensions": {extension_id: layer}}}
    if install:
        policy = {"ExtensionSettings": {
            extension_id: {"installation_mode": "force_installed", "update_url": update_url, "toolbar_pin": "force_pinned"},
        }, **policy}
    return policy


def linux_json(policy: dict[str, Any]) -> str:
    return json.dumps(policy, indent=2, ensure_ascii=False) + "\n"


def _reg_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _reg_value(value: Any) -> str:
    if isinstance(value, bool):
        return f"dword:{int(value):08x}"
    if isinstance(value, int):
        return f"dword:{value:08x}"
    if isinstance(value, str):
        return _reg_string(value)
    return _reg_string(json.dumps(value, ensure_ascii=False, separators=(",", ":")))  # dict/list: JSON REG_SZ


def windows_reg(browser: Chromium, extension_id: str, policy: dict[str, Any]) -> str:
    lines = ["Windows Registry Editor Version 5.00", ""]
    base = f"HKEY_LOCAL_MACHINE\\{browser.windows_key}"
    if "ExtensionSettings" in policy:
        lines += [f"[{base}]", f'"ExtensionSettings"={_reg_value(policy["ExtensionSettings"])}', ""]
    lines.append(f"[{base}\\3rdparty\\extensions\\{extension_id}\\policy]")
    for key, value in policy["3rdparty"]["extensions"][extension_id].items():
        lines.append(f'"{key}"={_reg_value(value)}')
    # regedit reads UTF-16 best; administrators convert when they import. Plain CRLF text here.
    return "\r\n".join(lines) + "\r\n"


def _payload(kind: str, name: str, content: dict[str, Any]) -> dict[str, Any]:
    ident = f"org.linkedin-guard.policy.{kind}"
    return {"PayloadType": kind, "PayloadIdentifier": ident, "PayloadUUID": str(uuid.uuid5(uuid.NAMESPACE_DNS, ident)).upper(),
            "PayloadVersion": 1, "PayloadDisplayName": name, **content}


def macos_profile(browser: Chromium, extension_id: str, policy: dict[str, Any]) -> str:
    payloads = [
        *([_payload(browser.mac_domain, "LinkedIn Guard: install", {"ExtensionSettings": policy["ExtensionSettings"]})]
          if "ExtensionSettings" in policy else []),
        _payload(f"{browser.mac_domain}.extensions.{extension_id}", "LinkedIn Guard: managed settings",
                 policy["3rdparty"]["extensions"][extension_id]),
    ]
    profile = {
        "PayloadContent": payloads,
        "PayloadDisplayName": "LinkedIn Guard",
        "PayloadDescription": "Installs LinkedIn Guard and sets the organisation's defaults and locks.",
        "PayloadIdentifier": f"org.linkedin-guard.policy.{browser.mac_domain}",
        "PayloadUUID": str(uuid.uuid5(uuid.NAMESPACE_DNS, browser.mac_domain)).upper(),
        "PayloadType": "Configuration",
        "PayloadScope": "System",
        "PayloadVersion": 1,
    }
    return plistlib.dumps(profile, sort_keys=False).decode("utf-8")


def firefox_policies(addon_id: str, install_url: str, layer: dict[str, Any], install: bool = True) -> str:
    policies: dict[str, Any] = {"3rdparty": {"Extensions": {addon_id: layer}}}
    if install:
        policies = {"ExtensionSettings": {addon_id: {"installation_mode": "force_installed", "install_url": install_url,
                                                     "private_browsing": True}}, **policies}
    policy = {"policies": policies}
    return json.dumps(policy, indent=2, ensure_ascii=False) + "\n"


def render(browser: str, os_name: str, chromium_id: str, gecko_id: str, layer: dict[str, Any],
           update_url: str | None = None, install: bool = True) -> tuple[str, str]:
    """``(file text, where it goes)``; ``install=False``: the managed settings alone (--settings-only)."""
    if browser == "firefox":
        url = update_url or "file:///path/to/linkedin-guard.xpi"
        return firefox_policies(gecko_id, url, layer, install), FIREFOX_PLACES[os_name]
    spec = CHROMIUM[browser]
    policy = chromium_policy(chromium_id, update_url or spec.update_url, layer, install)
    if os_name == "linux":
        return linux_json(policy), f"{spec.linux_dir}/linkedin-guard.json"
    if os_name == "windows":
        return windows_reg(spec, chromium_id, policy), "linkedin-guard.reg (import with regedit, or as GPO preferences)"
    return macos_profile(spec, chromium_id, policy), "linkedin-guard.mobileconfig (deploy with your MDM)"


def template(args) -> int:
    layer = layer_from(args.managed)
    chromium_id, gecko_id = _ids(args)
    os_name = args.os_name or current_os()
    text, where = render(args.browser, os_name, chromium_id, gecko_id, layer, args.update_url,
                         install=not args.settings_only)
    sys.stdout.write(text)
    print(f"linkedin-guard: save as {where}; check with `linkedin-guard doctor` and the browser's policy page",
          file=sys.stderr)
    return 0
