"""Register the host with browsers: one table of browser -> manifest location, three actions.

Where each browser looks for native messaging host manifests (sources in
``../shared/reference/peers.md`` §E2: Chrome, Edge and MDN docs, browserpass,
KeePassXC and Bitwarden installers):

=========  ==========================================  ==========================================  ==============================================
browser    Linux user (``$XDG_CONFIG_HOME``=~/.config)  macOS user (~/Library/Application Support)  Windows (HKCU, or HKLM with ``--system``)
=========  ==========================================  ==========================================  ==============================================
chrome     $XDG_CONFIG_HOME/google-chrome/NMH           Google/Chrome/NMH                           Software\\Google\\Chrome\\NativeMessagingHosts
chromium   $XDG_CONFIG_HOME/chromium/NMH                Chromium/NMH                                Software\\Chromium\\NativeMessagingHosts
edge       $XDG_CONFIG_HOME/microsoft-edge/NMH          Microsoft Edge/NMH                          Software\\Microsoft\\Edge\\NativeMessagingHosts
brave      $XDG_CONFIG_HOME/BraveSoftware/Brave-Browser/NMH  BraveSoftware/Brave-Browser/NMH       Software\\BraveSoftware\\Brave-Browser\\NativeMessagingHosts
vivaldi    $XDG_CONFIG_HOME/vivaldi/NMH                 Vivaldi/NMH                                 Software\\Vivaldi\\NativeMessagingHosts
firefox    ~/.mozilla/native-messaging-hosts            Mozilla/NativeMessagingHosts                Software\\Mozilla\\NativeMessagingHosts
=========  ==========================================  ==========================================  ==============================================

(NMH = ``NativeMessagingHosts``; system-wide directories are in ``BROWSERS``.)
``--user-data-dir DIR`` writes ``DIR/NativeMessagingHosts/<name>.json``:
Chromium-family browsers started with ``--user-data-dir=DIR`` read that
first (Linux and macOS; Windows uses the registry only).

Layout written by ``install`` (one *launcher folder* per scope):

* user scope: ``<data dir>/native-host/`` (``$LINKEDIN_GUARD_HOME/native-host``
  when set) holds the launcher ``linkedin-guard-host`` (on Windows
  ``linkedin-guard-host.exe``, pip's console script, with ``.launch.json``)
  and ``install.json``, the record of everything written; on Windows also
  ``manifests/<browser>/<name>.json``, which the registry keys point to.
* system scope (``--system``): the same in ``/usr/local/lib/linkedin-guard``,
  ``/Library/Application Support/linkedin-guard`` or
  ``%ProgramData%\\linkedin-guard``.
* profile scope (``--user-data-dir DIR``): launcher and record next to the
  manifest in ``DIR/NativeMessagingHosts/`` — nothing outside DIR.

``install`` is idempotent and repairs stale paths (it rewrites manifest and
launcher); ``uninstall`` removes exactly what the record says install wrote
(files, registry keys, folders it created), and never a manifest of the
same name that is not ours.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Protocol

from guard.files import atomic_write
from native_host import HOST_NAME
from native_host import launcher as launcher_mod
from native_host.record import RECORD_NAME, read_record

HOST_DESCRIPTION = "LinkedIn Guard: warns before risky LinkedIn actions, locally"


class InstallError(Exception):
    """Something the person must fix; the message says what."""


# --------------------------------------------------------------------------
# The browsers
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Browser:
    key: str
    label: str
    family: str  # "chromium" | "firefox"
    linux_user: str  # relative to $XDG_CONFIG_HOME ("~" prefix: relative to home)
    linux_system: str
    linux_profile_root: str  # presence: relative to $XDG_CONFIG_HOME ("~" prefix: home)
    linux_commands: tuple[str, ...]
    mac_user: str  # relative to ~/Library/Application Support
    mac_system: str
    mac_profile_root: str  # presence, relative to ~/Library/Application Support
    mac_app: str
    win_key: str
    win_profile_root: str  # presence: "LOCALAPPDATA\\..." or "APPDATA\\..."
    flatpak: str | None
    snap: str | None


BROWSERS: dict[str, Browser] = {
    b.key: b
    for b in (
        Browser("chrome", "Google Chrome", "chromium",
                "google-chrome/NativeMessagingHosts", "/etc/opt/chrome/native-messaging-hosts",
                "google-chrome", ("google-chrome", "google-chrome-stable"),
                "Google/Chrome/NativeMessagingHosts", "/Library/Google/Chrome/NativeMessagingHosts",
                "Google/Chrome", "/Applications/Google Chrome.app",
                r"Software\Google\Chrome\NativeMessagingHosts", r"LOCALAPPDATA\Google\Chrome\User Data",
                "com.google.Chrome", None),
        Browser("chromium", "Chromium", "chromium",
                "chromium/NativeMessagingHosts", "/etc/chromium/native-messaging-hosts",
                "chromium", ("chromium", "chromium-browser"),
                "Chromium/NativeMessagingHosts", "/Library/Application Support/Chromium/NativeMessagingHosts",
                "Chromium", "/Applications/Chromium.app",
                r"Software\Chromium\NativeMessagingHosts", r"LOCALAPPDATA\Chromium\User Data",
                "org.chromium.Chromium", "chromium"),
        Browser("edge", "Microsoft Edge", "chromium",
                "microsoft-edge/NativeMessagingHosts", "/etc/opt/edge/native-messaging-hosts",
                "microsoft-edge", ("microsoft-edge", "microsoft-edge-stable"),
                "Microsoft Edge/NativeMessagingHosts", "/Library/Microsoft/Edge/NativeMessagingHosts",
                "Microsoft Edge", "/Applications/Microsoft Edge.app",
                r"Software\Microsoft\Edge\NativeMessagingHosts", r"LOCALAPPDATA\Microsoft\Edge\User Data",
                "com.microsoft.Edge", None),
        # Brave system-wide on Linux reads Chrome's folder (browserpass's Makefile).
        Browser("brave", "Brave", "chromium",
                "BraveSoftware/Brave-Browser/NativeMessagingHosts", "/etc/opt/chrome/native-messaging-hosts",
                "BraveSoftware/Brave-Browser", ("brave-browser", "brave"),
                "BraveSoftware/Brave-Browser/NativeMessagingHosts",
                "/Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts",
                "BraveSoftware/Brave-Browser", "/Applications/Brave Browser.app",
                r"Software\BraveSoftware\Brave-Browser\NativeMessagingHosts",
                r"LOCALAPPDATA\BraveSoftware\Brave-Browser\User Data",
                "com.brave.Browser", "brave"),
        Browser("vivaldi", "Vivaldi", "chromium",
                "vivaldi/NativeMessagingHosts", "/etc/opt/vivaldi/native-messaging-hosts",
                "vivaldi", ("vivaldi", "vivaldi-stable"),
                "Vivaldi/NativeMessagingHosts", "/Library/Application Support/Vivaldi/NativeMessagingHosts",
                "Vivaldi", "/Applications/Vivaldi.app",
                r"Software\Vivaldi\NativeMessagingHosts", r"LOCALAPPDATA\Vivaldi\User Data",
                "com.vivaldi.Vivaldi", "vivaldi"),
        Browser("firefox", "Firefox", "firefox",
                "~/.mozilla/native-messaging-hosts", "/usr/lib/mozilla/native-messaging-hosts",
                "~/.mozilla", ("firefox", "firefox-esr"),
                "Mozilla/NativeMessagingHosts", "/Library/Application Support/Mozilla/NativeMessagingHosts",
                "Firefox", "/Applications/Firefox.app",
                r"Software\Mozilla\NativeMessagingHosts", r"APPDATA\Mozilla\Firefox",
                "org.mozilla.firefox", "firefox"),
    )
}

BROWSER_CHOICES = (*BROWSERS, "all")


# --------------------------------------------------------------------------
# The machine (replaceable in tests: a fake home, a fake root, a fake registry)
# --------------------------------------------------------------------------


class Registry(Protocol):
    """The default value of a key under HKCU or HKLM."""

    def get(self, hive: str, key: str) -> str | None: ...
    def set(self, hive: str, key: str, value: str) -> None: ...
    def delete(self, hive: str, key: str) -> bool: ...


class WindowsRegistry:  # pragma: no cover - exercised on Windows only
    def _hive(self, hive: str) -> Any:
        import winreg

        return {"HKCU": winreg.HKEY_CURRENT_USER, "HKLM": winreg.HKEY_LOCAL_MACHINE}[hive]

    def get(self, hive: str, key: str) -> str | None:
        import winreg

        try:
            with winreg.OpenKey(self._hive(hive), key) as k:
                value, _ = winreg.QueryValueEx(k, "")
                return str(value)
        except OSError:
            return None

    def set(self, hive: str, key: str, value: str) -> None:
        import winreg

        with winreg.CreateKey(self._hive(hive), key) as k:
            winreg.SetValueEx(k, "", 0, winreg.REG_SZ, value)

    def delete(self, hive: str, key: str) -> bool:
        import winreg

        try:
            winreg.DeleteKey(self._hive(hive), key)
            return True
        except OSError:
            return False


def _windows_policy_registry() -> Any:  # pragma: no cover - Windows only
    from native_host.policy_registry import WinregPolicyRegistry

    return WinregPolicyRegistry()


class MemoryRegistry:
    """A registry in a dict, for tests (and for reading what install would do)."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def get(self, hive: str, key: str) -> str | None:
        return self.values.get((hive, key.lower()))

    def set(self, hive: str, key: str, value: str) -> None:
        self.values[(hive, key.lower())] = value

    def delete(self, hive: str, key: str) -> bool:
        return self.values.pop((hive, key.lower()), None) is not None


def _system_name() -> str:
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "darwin"
    return "linux"


@dataclass
class Env:
    system: str  # "linux" | "darwin" | "windows"
    home: Path
    environ: Mapping[str, str]
    data_dir: Path  # the guard's user data dir ($LINKEDIN_GUARD_HOME when set)
    root: Path = Path("/")  # prefix for system-wide paths (tests: a temp folder)
    registry: Registry | None = None
    python: str = sys.executable
    can_run: bool = True  # launchers written here can be started here
    policy_registry: Any = None  # native_host.policy_registry.PolicyRegistry: browser policy on Windows (doctor)

    @classmethod
    def current(cls) -> "Env":
        from guard import paths

        system = _system_name()
        return cls(
            system=system,
            home=Path.home(),
            environ=dict(os.environ),
            data_dir=paths.data_dir(),
            registry=WindowsRegistry() if system == "windows" else None,
            policy_registry=_windows_policy_registry() if system == "windows" else None,
        )

    def system_path(self, absolute: str) -> Path:
        return self.root / absolute.lstrip("/")

    @property
    def guard_home(self) -> str | None:
        value = self.environ.get("LINKEDIN_GUARD_HOME")
        return str(Path(value).expanduser().resolve()) if value else None

    @property
    def xdg_config(self) -> Path:
        value = self.environ.get("XDG_CONFIG_HOME")
        return Path(value) if value and os.path.isabs(value) else self.home / ".config"

    def win_dir(self, spec: str) -> Path:
        var, _, rest = spec.partition("\\")
        base = self.environ.get(var) or str(self.home / ("AppData/Local" if var == "LOCALAPPDATA" else "AppData/Roaming"))
        return Path(base, *rest.split("\\"))

    def which(self, command: str) -> str | None:
        return shutil.which(command, path=self.environ.get("PATH", os.defpath))


# --------------------------------------------------------------------------
# The extension's identity
# --------------------------------------------------------------------------


def default_extension_manifest() -> Path:
    from guard.paths import extension_dir

    return extension_dir() / "manifest.json"


def extension_id_from_key(key: str) -> str:
    """Chromium's ID for an unpacked extension with this ``key``.

    sha256 of the DER public key; the first 32 hex digits, each mapped 0-f -> a-p.
    """
    try:
        der = base64.b64decode(key.strip(), validate=True)
    except (binascii.Error, ValueError) as err:
        raise InstallError(f"the extension's \"key\" is not base64: {err}") from None
    digest = hashlib.sha256(der).hexdigest()[:32]
    return digest.translate(str.maketrans("0123456789abcdef", "abcdefghijklmnop"))


@dataclass(frozen=True)
class ExtensionIds:
    chromium: str
    gecko: str | None
    source: str

    @property
    def origin(self) -> str:
        return f"chrome-extension://{self.chromium}/"


def extension_ids(manifest: Path | None = None) -> ExtensionIds:
    path = manifest or default_extension_manifest()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InstallError(
            f"cannot find the extension's manifest at {path}: the host must name the extension's ID, "
            "which comes from its \"key\". Reinstall the package (a wheel carries it as guard/extension/) "
            "or pass --extension-manifest FILE (extension/manifest.json in a checkout)."
        ) from None
    except (OSError, ValueError) as err:
        raise InstallError(f"cannot read the extension's manifest {path}: {err}") from None
    key = data.get("key") if isinstance(data, dict) else None
    if not isinstance(key, str) or not key.strip():
        raise InstallError(f"{path} has no \"key\": without it the extension's ID is not fixed")
    gecko = None
    bss = data.get("browser_specific_settings") or data.get("applications") or {}
    if isinstance(bss, dict) and isinstance(bss.get("gecko"), dict):
        gecko_id = bss["gecko"].get("id")
        gecko = gecko_id if isinstance(gecko_id, str) and gecko_id else None
    return ExtensionIds(extension_id_from_key(key), gecko, str(path))


# --------------------------------------------------------------------------
# Targets: where one browser's manifest goes
# --------------------------------------------------------------------------


@dataclass
class Target:
    browser: Browser
    scope: str  # "user" | "system" | "profile"
    manifest: Path
    launcher_dir: Path
    registry: tuple[str, str] | None = None  # (hive, key) on Windows
    notes: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        where = {"user": "", "system": ", system-wide", "profile": f", profile {self.manifest.parent.parent}"}
        return f"{self.browser.label}{where[self.scope]}"


def launcher_dir(env: Env, scope: str) -> Path:
    if scope == "user":
        return env.data_dir / "native-host"
    if env.system == "linux":
        return env.system_path("/usr/local/lib/linkedin-guard")
    if env.system == "darwin":
        return env.system_path("/Library/Application Support/linkedin-guard")
    return Path(env.environ.get("ProgramData") or env.environ.get("PROGRAMDATA") or r"C:\ProgramData") / "linkedin-guard"


def _user_dir(env: Env, spec: str) -> Path:
    if spec.startswith("~/"):
        return env.home / spec[2:]
    return env.xdg_config / spec


def target(env: Env, browser: Browser, *, system: bool = False, user_data_dir: Path | None = None) -> Target:
    name = f"{HOST_NAME}.json"
    if user_data_dir is not None:
        if browser.family != "chromium":
            raise InstallError("--user-data-dir works for Chromium-family browsers only (Firefox has no per-profile host manifests)")
        if env.system == "windows":
            raise InstallError("--user-data-dir is not available on Windows: Chromium finds hosts through the registry only")
        folder = Path(user_data_dir).expanduser().resolve() / "NativeMessagingHosts"
        return Target(browser, "profile", folder / name, folder)
    scope = "system" if system else "user"
    ldir = launcher_dir(env, scope)
    if env.system == "linux":
        folder = env.system_path(browser.linux_system) if system else _user_dir(env, browser.linux_user)
        return Target(browser, scope, folder / name, ldir)
    if env.system == "darwin":
        folder = (env.system_path(browser.mac_system) if system
                  else env.home / "Library/Application Support" / browser.mac_user)
        return Target(browser, scope, folder / name, ldir)
    hive = "HKLM" if system else "HKCU"
    return Target(browser, scope, ldir / "manifests" / browser.key / name, ldir,
                  registry=(hive, f"{browser.win_key}\\{HOST_NAME}"))


# --------------------------------------------------------------------------
# What is on this machine
# --------------------------------------------------------------------------


def is_present(env: Env, browser: Browser) -> bool:
    if env.system == "linux":
        root = _user_dir(env, browser.linux_profile_root)
        return root.exists() or any(
            (found := env.which(c)) is not None and not found.startswith("/snap/") for c in browser.linux_commands
        )
    if env.system == "darwin":
        return ((env.home / "Library/Application Support" / browser.mac_profile_root).exists()
                or env.system_path(browser.mac_app).exists()
                or (env.home / browser.mac_app.lstrip("/")).exists())
    return env.win_dir(browser.win_profile_root).exists()


def sandbox_notes(env: Env, browser: Browser) -> list[str]:
    """Plain words about Snap and Flatpak builds of this browser, when there are any."""
    if env.system != "linux":
        return []
    notes = []
    if browser.flatpak and ((env.home / ".var/app" / browser.flatpak).exists()
                            or env.system_path(f"/var/lib/flatpak/app/{browser.flatpak}").exists()):
        notes.append(
            f"{browser.label} from Flatpak ({browser.flatpak}) runs in a sandbox that cannot start programs "
            "outside it, so it cannot start the guard's host; the manifest is not written into the sandbox. "
            f"Use {browser.label} from your distribution's packages or the vendor's .deb/.rpm for the guard."
        )
    if browser.snap and (env.system_path(f"/snap/{browser.snap}").exists() or (env.home / "snap" / browser.snap).exists()):
        if browser.family == "firefox":
            notes.append(
                "Firefox from Snap reads ~/.mozilla/native-messaging-hosts through the WebExtensions portal: "
                "it works once you allow it when Firefox asks the first time."
            )
        else:
            notes.append(
                f"{browser.label} from Snap is confined and does not read the host manifests written for a "
                f"regular install, so the guard cannot connect from it. Use a non-Snap {browser.label} "
                "(e.g. the vendor's .deb) or Firefox."
            )
    return notes


def select_browsers(env: Env, names: Iterable[str] | None, *, user_data_dir: Path | None = None) -> list[Browser]:
    names = list(names or [])
    if user_data_dir is not None and not names:
        return [BROWSERS["chromium"]]
    if "all" in names:
        return list(BROWSERS.values())
    if names:
        unknown = [n for n in names if n not in BROWSERS]
        if unknown:
            raise InstallError(f"unknown browser {', '.join(unknown)} (choose from {', '.join(BROWSER_CHOICES)})")
        return [BROWSERS[n] for n in dict.fromkeys(names)]
    found = [b for b in BROWSERS.values() if is_present(env, b)]
    if not found:
        raise InstallError(
            "no supported browser found on this machine (looked for "
            + ", ".join(b.label for b in BROWSERS.values())
            + "); name one with --browser, or use --browser all"
        )
    return found


# --------------------------------------------------------------------------
# The install record
# --------------------------------------------------------------------------


def _write_text(path: Path, text: str, mode: int | None = None) -> None:
    """Atomic: a browser starting mid-install sees the old file or the new one."""
    atomic_write(path, text, mode=mode)


def _mkdirs(folder: Path) -> list[str]:
    """Create ``folder`` and parents; the ones this call created, outermost first."""
    created = []
    probe = folder
    while not probe.exists():
        created.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    folder.mkdir(parents=True, exist_ok=True)
    return [str(p) for p in reversed(created)]


# --------------------------------------------------------------------------
# install / uninstall
# --------------------------------------------------------------------------


def _needs_pythonpath(env: Env) -> str | None:
    """The source folder to put on PYTHONPATH, when ``env.python`` cannot import native_host itself."""
    here = Path(__file__).resolve().parent
    if not env.can_run:
        return None
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    try:
        out = subprocess.run(
            [env.python, "-P", "-c", "import native_host, sys; sys.stdout.write(native_host.__file__)"],
            capture_output=True, text=True, timeout=20, cwd=tempfile.gettempdir(), env=clean,
        )
        if out.returncode == 0 and Path(out.stdout.strip()).resolve().parent == here:
            return None
    except (OSError, subprocess.SubprocessError):
        pass
    return str(here.parent)


def allowed_ids(ids: ExtensionIds, family: str, extra: Iterable[str] = ()) -> list[str]:
    """Development ID first, then the store IDs (native_host/store_ids.py), then ``--extension-id`` ones."""
    from native_host import store_ids

    if family == "firefox":
        found = [ids.gecko, *store_ids.FIREFOX_STORE_IDS, *(e for e in extra if store_ids.kind_of(e) == "firefox")]
    else:
        found = [ids.chromium, *store_ids.CHROMIUM_STORE_IDS,
                 *(e for e in extra if store_ids.kind_of(e) == "chromium")]
    return list(dict.fromkeys(i for i in found if i))


def manifest_for(browser: Browser, launcher_path: Path, ids: ExtensionIds, extra: Iterable[str] = ()) -> dict[str, Any]:
    manifest: dict[str, Any] = {
        "name": HOST_NAME,
        "description": HOST_DESCRIPTION,
        "path": str(launcher_path),
        "type": "stdio",
    }
    if browser.family == "firefox":
        if not ids.gecko:
            raise InstallError(
                f"{ids.source} has no browser_specific_settings.gecko.id: Firefox needs it to allow the host"
            )
        manifest["allowed_extensions"] = allowed_ids(ids, "firefox", extra)
    else:
        manifest["allowed_origins"] = [f"chrome-extension://{i}/" for i in allowed_ids(ids, "chromium", extra)]
    return manifest


def _write_launcher(env: Env, ldir: Path, pythonpath: str | None) -> tuple[Path, list[str]]:
    """The launcher the manifests point at, and notes about it. See native_host/launcher.py."""
    record = str(ldir / RECORD_NAME)
    if env.system == "windows":
        exe = launcher_mod.console_script(env.python)
        if exe.is_file():
            target = ldir / launcher_mod.LAUNCHER_WINDOWS_EXE
            _write_bytes(target, exe.read_bytes())
            _write_text(ldir / launcher_mod.LAUNCH_DEFAULTS, launcher_mod.render_launch_defaults(
                python=env.python, guard_home=env.guard_home, record=record), mode=0o644)
            _remove_files(ldir, [launcher_mod.LAUNCHER_WINDOWS])  # an older install's batch launcher
            return target, []
        note = (f"{exe} is missing (the guard was not installed with pip), so the host is started through a .bat "
                "and cmd.exe; policies that disable cmd or make hosts launch directly will block it. "
                "Install the guard with pip (pip install -e . in a checkout), then run install again.")
        text = launcher_mod.render_windows(host_name=HOST_NAME, python=env.python, guard_home=env.guard_home,
                                           pythonpath=pythonpath, record=record)
        target = ldir / launcher_mod.LAUNCHER_WINDOWS
        _write_text(target, text, mode=0o755)
        return target, [note]
    text = launcher_mod.render_posix(host_name=HOST_NAME, python=env.python, guard_home=env.guard_home,
                                     pythonpath=pythonpath, record=record)
    target = ldir / launcher_mod.LAUNCHER_POSIX
    _write_text(target, text, mode=0o755)
    return target, []


def _write_bytes(path: Path, data: bytes) -> None:
    atomic_write(path, data, mode=0o755)


def _remove_files(folder: Path, names: Iterable[str]) -> None:
    for name in names:
        try:
            (folder / name).unlink()
        except FileNotFoundError:
            pass


@dataclass
class Outcome:
    target: Target
    action: str  # "installed" | "removed" | "absent" | "skipped"
    detail: str = ""


def install(env: Env, browsers: list[Browser], ids: ExtensionIds, *, system: bool = False,
            user_data_dir: Path | None = None, extra_ids: Iterable[str] = ()) -> list[Outcome]:
    """Write launcher, manifests and record; ``extra_ids`` (``--extension-id``) are allowed too, and remembered."""
    from native_host import store_ids

    extra_ids = list(extra_ids)
    bad = [e for e in extra_ids if store_ids.kind_of(e) is None]
    if bad:
        raise InstallError(f"--extension-id {bad[0]!r} is not an extension ID (Chromium: 32 letters a-p; "
                           "Firefox: name@domain or {{GUID}})")
    targets = [target(env, b, system=system, user_data_dir=user_data_dir) for b in browsers]
    outcomes: list[Outcome] = []
    by_dir: dict[Path, list[Target]] = {}
    for t in targets:
        by_dir.setdefault(t.launcher_dir, []).append(t)
    pythonpath = _needs_pythonpath(env)
    for ldir, group in by_dir.items():
        record = read_record(ldir)
        created_ldir = _mkdirs(ldir)
        if str(env.data_dir) in created_ldir and os.name != "nt":
            os.chmod(env.data_dir, 0o700)  # the guard's own folder: 0700, as when the host or the CLI makes it
        launcher_path, launcher_notes = _write_launcher(env, ldir, pythonpath)
        record.update({
            "host_name": HOST_NAME,
            "launcher": str(launcher_path),
            "python": env.python,
            "guard_home": env.guard_home,
            "extension_id": ids.chromium,
            "gecko_id": ids.gecko,
            "extension_manifest": ids.source,
        })
        remembered = [e for e in record.get("extra_extension_ids", []) if isinstance(e, str)]
        record["extra_extension_ids"] = list(dict.fromkeys(remembered + extra_ids))
        record.setdefault("created_dirs", [])
        record["created_dirs"] = list(dict.fromkeys(record["created_dirs"] + created_ldir))
        entries = {e["path"]: e for e in record["manifests"] if isinstance(e, dict) and "path" in e}
        for t in group:
            manifest = manifest_for(t.browser, launcher_path, ids, record["extra_extension_ids"])
            created = _mkdirs(t.manifest.parent)
            _write_text(t.manifest, json.dumps(manifest, indent=2) + "\n", mode=0o644)
            entry = entries.get(str(t.manifest)) or {"path": str(t.manifest), "browsers": [], "created_dirs": []}
            entry["browsers"] = sorted(set(entry.get("browsers", [])) | {t.browser.key})
            entry["scope"] = t.scope
            entry["created_dirs"] = list(dict.fromkeys(entry.get("created_dirs", []) + created))
            if t.registry is not None:
                assert env.registry is not None, "a registry backend is needed on Windows"
                env.registry.set(t.registry[0], t.registry[1], str(t.manifest))
                entry["registry"] = {"hive": t.registry[0], "key": t.registry[1]}
            entries[str(t.manifest)] = entry
            t.notes.extend(sandbox_notes(env, t.browser))
            t.notes.extend(launcher_notes)
            outcomes.append(Outcome(t, "installed", str(t.manifest)))
        record["manifests"] = list(entries.values())
        _write_text(ldir / RECORD_NAME, json.dumps(record, indent=2) + "\n", mode=0o644)
    return outcomes


def _is_ours(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("name") == HOST_NAME and data.get("description") == HOST_DESCRIPTION


def _remove_dirs(dirs: Iterable[str]) -> None:
    # Innermost first, and only when empty: a folder we created may since
    # hold the browser's own files.
    for d in sorted(set(dirs), key=len, reverse=True):
        try:
            os.rmdir(d)
        except OSError:
            pass


def uninstall(env: Env, browsers: list[Browser], *, system: bool = False,
              user_data_dir: Path | None = None) -> list[Outcome]:
    targets = [target(env, b, system=system, user_data_dir=user_data_dir) for b in browsers]
    outcomes: list[Outcome] = []
    by_dir: dict[Path, list[Target]] = {}
    for t in targets:
        by_dir.setdefault(t.launcher_dir, []).append(t)
    for ldir, group in by_dir.items():
        record = read_record(ldir)
        entries = {e["path"]: e for e in record["manifests"] if isinstance(e, dict) and "path" in e}
        for t in group:
            entry = entries.get(str(t.manifest))
            if entry is not None:
                remaining = [b for b in entry.get("browsers", []) if b != t.browser.key]
                if remaining:
                    # One file serves two browsers (Brave and Chrome system-wide on Linux).
                    entry["browsers"] = remaining
                    outcomes.append(Outcome(t, "removed", f"{t.manifest} kept: still used by {', '.join(remaining)}"))
                    continue
                del entries[str(t.manifest)]
            removed_something = False
            if t.registry is not None and env.registry is not None:
                value = env.registry.get(*t.registry)
                if value is not None and (entry is not None or Path(value) == t.manifest):
                    env.registry.delete(*t.registry)
                    removed_something = True
            if _is_ours(t.manifest):  # never someone else's manifest of the same name
                t.manifest.unlink()
                removed_something = True
            if entry is not None:
                _remove_dirs(entry.get("created_dirs", []))
            elif t.registry is not None:
                _remove_dirs([str(t.manifest.parent), str(t.manifest.parent.parent)])
            outcomes.append(Outcome(t, "removed" if removed_something else "absent", str(t.manifest)))
        record["manifests"] = list(entries.values())
        if record["manifests"]:
            _write_text(ldir / RECORD_NAME, json.dumps(record, indent=2) + "\n", mode=0o644)
        else:
            # Nothing points at the launcher any more: remove it and the record.
            _remove_files(ldir, (launcher_mod.LAUNCHER_POSIX, launcher_mod.LAUNCHER_WINDOWS,
                                 launcher_mod.LAUNCHER_WINDOWS_EXE, launcher_mod.LAUNCH_DEFAULTS, RECORD_NAME))
            _remove_dirs([str(ldir / "manifests")] + record.get("created_dirs", []))
    return outcomes
