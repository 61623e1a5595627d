"""Browser policy in the Windows registry, read the way the browsers read it (for ``doctor`` only).

Chrome, Chromium and Edge read ``HKLM`` and ``HKCU`` ``\\SOFTWARE\\Policies\\<vendor>``
(Group Policy, Intune and ``.reg`` files all end up there); machine policy wins
over user policy for the same name. The shapes (Chromium's
``components/policy/core/common/registry_dict.cc``; managed-policy.md §2.2):

* a scalar policy is a value: ``REG_DWORD`` for booleans and integers
  (``NativeMessagingUserLevelHosts`` = 0), ``REG_SZ`` for strings;
* a list policy is a subkey of that name with values ``1``, ``2``, …
  (``NativeMessagingBlocklist\\1`` = ``*``);
* a dictionary policy is one ``REG_SZ`` holding JSON (``ExtensionSettings``);
* an extension's own policy lives under ``3rdparty\\extensions\\<id>\\policy``
  (Edge spells it ``Extensions``; the registry ignores case), each value a
  ``REG_SZ`` JSON document or a scalar, subkeys nested objects.

Firefox's registry policy (``SOFTWARE\\Policies\\Mozilla\\Firefox``) has the same
layout for ``3rdparty\\Extensions\\<add-on id>``.

The reader is an interface so the same conversion runs on Linux in tests,
with :class:`DictPolicyRegistry` standing in for ``winreg``.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

HIVES = ("HKCU", "HKLM")  # later wins: machine policy over user policy

POLICY_KEYS_WINDOWS = {
    "chrome": r"SOFTWARE\Policies\Google\Chrome",
    "chromium": r"SOFTWARE\Policies\Chromium",
    "edge": r"SOFTWARE\Policies\Microsoft\Edge",
    "brave": r"SOFTWARE\Policies\BraveSoftware\Brave",
    "firefox": r"SOFTWARE\Policies\Mozilla\Firefox",
}

# Policies doctor reads whose registry form is a DWORD but whose value is a boolean.
BOOLEAN_POLICIES = {"nativemessaginguserlevelhosts", "nativehostsexecutableslaunchdirectly"}


class PolicyRegistry(Protocol):
    """Read-only access to one registry key: its values and the names of its subkeys."""

    def values(self, hive: str, key: str) -> dict[str, Any] | None:
        """``{name: data}`` of the key (``None`` when the key does not exist)."""
        ...

    def subkeys(self, hive: str, key: str) -> list[str]: ...


class WinregPolicyRegistry:  # pragma: no cover - exercised on Windows only
    def _open(self, hive: str, key: str) -> Any:
        import winreg

        root = {"HKCU": winreg.HKEY_CURRENT_USER, "HKLM": winreg.HKEY_LOCAL_MACHINE}[hive]
        # The 64-bit view: where policy lives on 64-bit Windows, whoever (32- or 64-bit Python) reads it.
        return winreg.OpenKey(root, key, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY)

    def values(self, hive: str, key: str) -> dict[str, Any] | None:
        import winreg

        try:
            handle = self._open(hive, key)
        except OSError:
            return None
        out: dict[str, Any] = {}
        with handle:
            index = 0
            while True:
                try:
                    name, data, _kind = winreg.EnumValue(handle, index)
                except OSError:
                    break
                out[name] = data
                index += 1
        return out

    def subkeys(self, hive: str, key: str) -> list[str]:
        import winreg

        try:
            handle = self._open(hive, key)
        except OSError:
            return []
        out = []
        with handle:
            index = 0
            while True:
                try:
                    out.append(winreg.EnumKey(handle, index))
                except OSError:
                    break
                index += 1
        return out


class DictPolicyRegistry:
    """A registry in a dict: ``{"HKLM\\\\SOFTWARE\\\\Policies\\\\Chromium": {"Name": data}, ...}`` (case-insensitive keys)."""

    def __init__(self, keys: dict[str, dict[str, Any]] | None = None):
        self.keys: dict[str, tuple[str, dict[str, Any]]] = {}  # lower-cased path -> (path as written, values)
        for path, values in (keys or {}).items():
            self.set(path, values)

    def set(self, path: str, values: dict[str, Any]) -> None:
        self.keys[path.lower()] = (path, dict(values))

    def values(self, hive: str, key: str) -> dict[str, Any] | None:
        found = self.keys.get(f"{hive}\\{key}".lower())
        if found is None and self.subkeys(hive, key):
            return {}  # a key that only has subkeys
        return dict(found[1]) if found is not None else None

    def subkeys(self, hive: str, key: str) -> list[str]:
        prefix = f"{hive}\\{key}\\".lower()
        names = {path[len(prefix):].split("\\", 1)[0] for low, (path, _) in self.keys.items() if low.startswith(prefix)}
        return sorted(names)


def _value(name: str, data: Any) -> Any:
    """A registry value as the policy value: JSON strings parsed, boolean DWORDs as booleans."""
    if isinstance(data, str) and data.strip()[:1] in ("{", "["):
        try:
            return json.loads(data)
        except ValueError:
            return data  # the browser shows it as an error at chrome://policy; doctor reports what it reads
    if name.lower() in BOOLEAN_POLICIES and isinstance(data, int):
        return bool(data)
    return data


def _as_list(values: dict[str, Any]) -> list[Any]:
    numbered = sorted((int(k), v) for k, v in values.items() if k.isdigit())
    return [v for _, v in numbered]


def _object(reader: PolicyRegistry, hive: str, key: str) -> dict[str, Any]:
    """A key as a nested object: values, and each subkey as an object of its own."""
    out = {name: _value(name, data) for name, data in (reader.values(hive, key) or {}).items() if name}
    for sub in reader.subkeys(hive, key):
        out[sub] = _object(reader, hive, f"{key}\\{sub}")
    return out


def _third_party(reader: PolicyRegistry, hive: str, root: str) -> dict[str, Any]:
    """``3rdparty\\extensions\\<id>\\policy`` (Chromium family) or ``3rdparty\\Extensions\\<id>`` (Firefox)."""
    out: dict[str, Any] = {}
    for group in reader.subkeys(hive, f"{root}\\3rdparty"):
        if group.lower() != "extensions":
            continue
        for ext_id in reader.subkeys(hive, f"{root}\\3rdparty\\{group}"):
            base = f"{root}\\3rdparty\\{group}\\{ext_id}"
            inner = [s for s in reader.subkeys(hive, base) if s.lower() == "policy"]
            out[ext_id] = _object(reader, hive, f"{base}\\{inner[0]}" if inner else base)
    return out


def read_policy(reader: PolicyRegistry, root: str, extensions_key: str = "extensions") -> tuple[dict[str, Any], list[str]]:
    """The policy under ``root`` in HKCU and HKLM, merged (HKLM wins), and the keys that held any.

    Extensions' own policy comes back as ``{"3rdparty": {extensions_key: {id: ...}}}``, as
    in the policy JSON of that browser (Chromium ``extensions``, Firefox ``Extensions``).
    """
    merged: dict[str, Any] = {}
    read: list[str] = []
    for hive in HIVES:
        values = reader.values(hive, root)
        if values is None:
            continue
        policy: dict[str, Any] = {name: _value(name, data) for name, data in values.items() if name}
        for sub in reader.subkeys(hive, root):
            if sub.lower() == "3rdparty":
                continue
            if sub.lower() == "recommended":
                continue  # recommended policy never blocks the host
            policy[sub] = _as_list(reader.values(hive, f"{root}\\{sub}") or {})
        extensions = _third_party(reader, hive, root)
        for name, value in policy.items():
            merged[name] = value
        if extensions:
            third = merged.setdefault("3rdparty", {}).setdefault(extensions_key, {})
            for ext_id, layer in extensions.items():
                third[ext_id] = layer
        read.append(f"{hive}\\{root}")
    return merged, read
