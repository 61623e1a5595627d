"""``linkedin-guard doctor``: is the host reachable from each browser, and if not, what to do.

For each browser: the manifest is where the browser looks, names this host,
points at an absolute, executable launcher, allows our extension's ID, and the
launcher answers ``hello`` within two seconds, started the way the browser
starts it (same arguments, working directory = the launcher's folder). Every
failed check comes with one concrete fix.
"""

from __future__ import annotations

import json
import os
import shlex
import struct
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from native_host import HOST_NAME
from native_host import launcher as launcher_mod
from native_host.install import (
    BROWSERS,
    Browser,
    Env,
    ExtensionIds,
    InstallError,
    Target,
    is_present,
    sandbox_notes,
    target,
)

HELLO_TIMEOUT_S = 2.0


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str | None = None


@dataclass
class Report:
    target: Target
    checks: list[Check] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def as_json(self) -> dict[str, Any]:
        return {
            "browser": self.target.browser.key,
            "scope": self.target.scope,
            "manifest": str(self.target.manifest),
            "ok": self.ok,
            "checks": [c.__dict__ for c in self.checks],
            "notes": self.notes,
        }


def install_command(t: Target) -> str:
    from guard.cli.invocation import command

    cmd = command("install", "--browser", t.browser.key)
    if t.scope == "system":
        cmd += " --system"
    if t.scope == "profile":
        cmd += f" --user-data-dir {shlex.quote(str(t.manifest.parent.parent))}"
    return cmd


def _manifest_location(env: Env, t: Target) -> tuple[Path | None, str]:
    """Where the browser will read the manifest from, and how we know."""
    if t.registry is None:
        return (t.manifest if t.manifest.exists() else None), str(t.manifest)
    hive, key = t.registry
    value = env.registry.get(hive, key) if env.registry is not None else None
    if value is None:
        return None, f"registry key {hive}\\{key}"
    return Path(value), f"{hive}\\{key} -> {value}"


def check_target(env: Env, t: Target, ids: ExtensionIds | None, ids_error: str | None) -> Report:
    report = Report(t, notes=sandbox_notes(env, t.browser))
    fix_install = f"run: {install_command(t)}"
    path, where = _manifest_location(env, t)
    if path is None or not path.exists():
        report.checks.append(Check("manifest present", False, f"no host manifest at {where}", fix_install))
        return report
    report.checks.append(Check("manifest present", True, where))
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(manifest, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError) as err:
        report.checks.append(Check("manifest readable", False, f"{path}: {err}", fix_install))
        return report
    problems = []
    if manifest.get("name") != HOST_NAME:
        problems.append(f"name is {manifest.get('name')!r}, expected {HOST_NAME!r}")
    if t.registry is None and path.name != f"{HOST_NAME}.json":
        problems.append(f"file name {path.name} must be {HOST_NAME}.json")
    if manifest.get("type") != "stdio":
        problems.append(f"type is {manifest.get('type')!r}, expected 'stdio'")
    report.checks.append(Check("manifest valid", not problems, "; ".join(problems) or f"names {HOST_NAME}, type stdio",
                               None if not problems else fix_install))

    # -- the launcher ------------------------------------------------------------
    launcher = manifest.get("path")
    launcher_ok = False
    if not isinstance(launcher, str) or not launcher:
        report.checks.append(Check("launcher path", False, "the manifest has no \"path\"", fix_install))
    elif not os.path.isabs(launcher) and not (t.registry is not None and (path.parent / launcher).exists()):
        report.checks.append(Check("launcher path", False, f"{launcher!r} is not absolute (browsers on Linux and macOS "
                                   "need an absolute path)", fix_install))
    elif not Path(launcher if os.path.isabs(launcher) else path.parent / launcher).exists():
        report.checks.append(Check("launcher path", False, f"{launcher} does not exist (moved or deleted?)",
                                   f"{fix_install}  (writes the launcher again and points the manifest at it)"))
    else:
        launcher_path = Path(launcher if os.path.isabs(launcher) else path.parent / launcher)
        if env.system != "windows" and not os.access(launcher_path, os.X_OK):
            report.checks.append(Check("launcher path", False, f"{launcher_path} is not executable",
                                       f"run: chmod +x {shlex.quote(str(launcher_path))}  (or {install_command(t)})"))
        else:
            report.checks.append(Check("launcher path", True, f"{launcher_path} (absolute, executable)"))
            launcher_ok = True
            if env.system == "windows" and launcher_path.suffix.lower() in (".bat", ".cmd"):
                report.notes.append(
                    f"{launcher_path.name} is started through cmd.exe: where policy disables cmd (DisableCMD) or makes "
                    "hosts launch directly (NativeHostsExecutablesLaunchDirectly) the browser cannot start it. "
                    f"Install the guard with pip, then run {install_command(t)} (it points at an .exe)")

    # -- who may connect ---------------------------------------------------------
    if ids is None:
        report.checks.append(Check("allowed extension", False, ids_error or "the extension's ID is unknown",
                                   "pass --extension-manifest FILE (the project's extension/manifest.json)"))
    elif t.browser.family == "firefox":
        allowed = manifest.get("allowed_extensions")
        allowed = allowed if isinstance(allowed, list) else []
        if ids.gecko and ids.gecko in allowed:
            report.checks.append(Check("allowed extension", True, f"allows the add-on {ids.gecko}"))
        else:
            report.checks.append(Check("allowed extension", False,
                                       f"allowed_extensions is {allowed}, the add-on's ID is {ids.gecko}",
                                       f"{fix_install}  (writes the add-on's current ID)"))
    else:
        allowed = manifest.get("allowed_origins")
        allowed = allowed if isinstance(allowed, list) else []
        if ids.origin in allowed:
            report.checks.append(Check("allowed extension", True, f"allows {ids.origin}"))
        else:
            report.checks.append(Check("allowed extension", False,
                                       f"allowed_origins is {allowed}, but the extension's ID is {ids.chromium} "
                                       f"(from the key in {ids.source}); the browser would answer \"Access to the "
                                       "specified native messaging host is forbidden\"",
                                       f"{fix_install}  (writes the extension's current ID)"))

    # -- does it answer? -------------------------------------------------------------
    if not launcher_ok:
        report.checks.append(Check("answers hello", False, "not tried: the launcher is not usable", fix_install))
    elif not env.can_run:
        report.notes.append("hello not tried: this launcher is for another operating system")
    else:
        launcher_path = Path(launcher if os.path.isabs(launcher) else path.parent / launcher)
        if t.browser.family == "firefox":
            args = [str(path), (ids.gecko if ids and ids.gecko else "unknown@addon")]
        else:
            args = [ids.origin if ids else "chrome-extension://doctor/"]
        report.checks.append(hello_check(launcher_path, args, t))
    return report


def hello_check(launcher: Path, args: list[str], t: Target, timeout: float = HELLO_TIMEOUT_S) -> Check:
    request = json.dumps({"id": "doctor", "type": "hello", "protocol": 1}).encode()
    frame = struct.pack("@I", len(request)) + request
    started = time.perf_counter()
    try:
        proc = subprocess.Popen([str(launcher), *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, cwd=str(launcher.parent))
    except OSError as err:
        return Check("answers hello", False, f"cannot start {launcher}: {err.strerror}",
                     f"run: {install_command(t)}")
    try:
        out, err = proc.communicate(frame, timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return Check("answers hello", False, f"no answer within {timeout:.0f} s",
                     f"look at the host log (linkedin-guard's data dir, host.log), then run: {install_command(t)}")
    elapsed = (time.perf_counter() - started) * 1000
    reply = None
    if len(out) >= 4:
        (n,) = struct.unpack("@I", out[:4])
        try:
            reply = json.loads(out[4 : 4 + n])
        except ValueError:
            reply = None
    if isinstance(reply, dict) and reply.get("ok") and reply.get("id") == "doctor":
        result = reply.get("result") or {}
        detail = f"hello answered in {elapsed:.0f} ms (host {result.get('host_version')}, protocol {result.get('protocol')})"
        if result.get("settings_problem"):
            detail += f"; settings problem: {result['settings_problem']}"
        return Check("answers hello", True, detail)
    stderr = err.decode("utf-8", "replace").strip().splitlines()
    last = stderr[-1] if stderr else "no output"
    fix = f"run: {install_command(t)}"
    python = _launcher_python(launcher)
    if python and not Path(python).exists():
        detail = f"the launcher runs {python}, which no longer exists (a removed virtualenv?)"
        fix = f"run {install_command(t)} with the Python you use now (it writes that Python into the launcher)"
    elif out and reply is None:
        detail = f"the host wrote something that is not a frame on stdout ({out[:40]!r})"
    else:
        detail = f"exit code {proc.returncode}: {last[:300]}"
    return Check("answers hello", False, detail, fix)


def _launcher_python(launcher: Path) -> str | None:
    if launcher.suffix.lower() == ".exe":
        return launcher_mod.python_of_exe(launcher)
    try:
        return launcher_mod.python_of(launcher.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None


def diagnose(env: Env, browsers: list[Browser] | None, ids: ExtensionIds | None, ids_error: str | None = None, *,
             system: bool = False, user_data_dir: Path | None = None) -> tuple[list[Report], list[str]]:
    """Reports for the checked targets, and general notes (browsers found but not set up)."""
    notes: list[str] = []
    if browsers is None:
        # Not named: every browser with a manifest, and mention the others found.
        chosen = []
        for b in BROWSERS.values():
            t = target(env, b, system=system)
            present, _ = _manifest_location(env, t)
            if present is not None and present.exists():
                chosen.append(b)
            elif is_present(env, b):
                notes.append(f"{b.label} is on this machine but the guard is not set up for it "
                             f"(to use it: {install_command(t)})")
                for n in sandbox_notes(env, b):
                    notes.append(n)
        if not chosen:
            from guard.cli.invocation import command

            raise InstallError(f"the host is not installed for any browser: run {command('install')} "
                               f"(or {command('install', '--browser', 'NAME')})")
        browsers = chosen
    reports = [check_target(env, target(env, b, system=system, user_data_dir=user_data_dir), ids, ids_error)
               for b in browsers]
    for r in reports:  # enterprise policy that breaks the host (below)
        checks, policy_notes = policy_checks(env, r.target, ids)
        r.checks += checks
        r.notes += policy_notes
    refused = managed_problem_check(env)
    if refused is not None and reports:  # one guard folder for every browser: said once
        reports[0].checks.append(refused)
    return reports, notes


def render(reports: list[Report], notes: list[str], ids: ExtensionIds | None) -> str:
    lines = []
    if ids is not None:
        lines.append(f"extension ID {ids.chromium}" + (f", Firefox add-on {ids.gecko}" if ids.gecko else "")
                     + f" (from {ids.source})")
    for r in reports:
        lines.append("")
        lines.append(f"{r.target.label}: {'OK' if r.ok else 'BROKEN'}")
        for c in r.checks:
            lines.append(f"  {'ok  ' if c.ok else 'FAIL'} {c.name}: {c.detail}")
            if not c.ok and c.fix:
                lines.append(f"       fix: {c.fix}")
        for n in r.notes:
            lines.append(f"  note: {n}")
    if notes:
        lines.append("")
        lines.extend(f"note: {n}" for n in notes)
    return "\n".join(lines)


# --------------------------------------------------------------------------
# Enterprise policy that breaks the host (docs/admin.md, managed-policy.md §3.3, §5.5)
# --------------------------------------------------------------------------
#
# Read-only: the browser's policy as the OS holds it, to say which policy
# blocks the host and whether the organisation's layer the extension relayed
# (managed.json) is the one the policy holds. Windows: the registry
# (native_host/policy_registry.py), the same checks on the same shapes.

POLICY_DIRS_LINUX = {
    "chrome": "/etc/opt/chrome/policies/managed",
    "chromium": "/etc/chromium/policies/managed",
    "edge": "/etc/opt/edge/policies/managed",
    "brave": "/etc/brave/policies/managed",
}
POLICY_DOMAINS_MAC = {"chrome": "com.google.Chrome", "chromium": "org.chromium.Chromium", "edge": "com.microsoft.Edge",
                      "brave": "com.brave.Browser"}
# Firefox reads the first that exists (EnterprisePoliciesParent: SysConfD, else the install's
# distribution/); Debian's firefox-esr reads /etc/firefox/policies too (checked), not /etc/firefox-esr.
FIREFOX_POLICY_FILES_LINUX = ("/etc/firefox/policies/policies.json", "/usr/lib/firefox-esr/distribution/policies.json",
                              "/usr/lib/firefox/distribution/policies.json")


def browser_policy(env: Env, browser: Browser) -> tuple[dict[str, Any], list[str]]:
    """The machine's policy for ``browser`` (Chromium: the policy dict; Firefox: ``policies``) and the files read."""
    merged: dict[str, Any] = {}
    read: list[str] = []
    if env.system == "windows":
        from native_host.policy_registry import POLICY_KEYS_WINDOWS, read_policy

        if env.policy_registry is None or browser.key not in POLICY_KEYS_WINDOWS:
            return merged, read
        return read_policy(env.policy_registry, POLICY_KEYS_WINDOWS[browser.key],
                           "Extensions" if browser.family == "firefox" else "extensions")
    if browser.family == "firefox":
        files = [env.system_path(p) for p in FIREFOX_POLICY_FILES_LINUX] if env.system == "linux" else []
        for path in files:
            data = _json_file(path)
            if isinstance(data, dict) and isinstance(data.get("policies"), dict):
                merged.update(data["policies"])
                read.append(str(path))
                break  # the first file found is the one Firefox uses
        return merged, read
    if env.system == "linux" and browser.key in POLICY_DIRS_LINUX:
        folder = env.system_path(POLICY_DIRS_LINUX[browser.key])
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            data = _json_file(path)
            if isinstance(data, dict):
                merged.update(data)
                read.append(str(path))
    elif env.system == "darwin" and browser.key in POLICY_DOMAINS_MAC:
        import plistlib

        base = env.system_path("/Library/Managed Preferences")
        domain = POLICY_DOMAINS_MAC[browser.key]
        for path in [base / f"{domain}.plist", *sorted(base.glob(f"{domain}.extensions.*.plist"))]:
            try:
                data = plistlib.loads(path.read_bytes())
            except (OSError, ValueError, plistlib.InvalidFileException):
                continue
            if path.name == f"{domain}.plist":
                merged.update(data)
            else:
                ext_id = path.name[len(domain) + len(".extensions."):-len(".plist")]
                merged.setdefault("3rdparty", {}).setdefault("extensions", {})[ext_id] = data
            read.append(str(path))
    return merged, read


def _json_file(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _listed(value: Any, name: str) -> bool:
    return isinstance(value, list) and (name in value or "*" in value)


def policy_checks(env: Env, t: Target, ids: ExtensionIds | None) -> tuple[list[Check], list[str]]:
    """Checks for the policy states that break the host, and notes (which files were read)."""
    policy, read = browser_policy(env, t.browser)
    checks: list[Check] = []
    notes = [f"policy read from {', '.join(read)}"] if read else []
    if t.browser.family == "chromium":
        checks += _native_messaging_policy(env, t, policy)
        if ids is not None:
            checks += _extension_settings_policy(policy, ids.chromium, t)
    drift = _managed_drift(env, t, policy, ids)
    if drift is not None:
        checks.append(drift)
    return checks, notes


def _native_messaging_policy(env: Env, t: Target, policy: dict[str, Any]) -> list[Check]:
    checks = []
    user_allowed = policy.get("NativeMessagingUserLevelHosts", True) is not False
    system_t = target(env, t.browser, system=True)
    if not user_allowed and t.scope in ("user", "profile"):
        checks.append(Check("user-level hosts allowed", False,
                            "policy NativeMessagingUserLevelHosts is false: this browser only starts hosts "
                            "installed for the whole machine",
                            f"run (as administrator): linkedin-guard install --browser {t.browser.key} --system"))
    blocked = _listed(policy.get("NativeMessagingBlocklist"), HOST_NAME)
    allowed = isinstance(policy.get("NativeMessagingAllowlist"), list) and HOST_NAME in policy["NativeMessagingAllowlist"]
    if blocked and not allowed:
        checks.append(Check("not blocked by policy", False,
                            f"policy NativeMessagingBlocklist {policy['NativeMessagingBlocklist']} blocks {HOST_NAME}",
                            f"add {HOST_NAME} to the NativeMessagingAllowlist policy"))
    elif "NativeMessagingBlocklist" in policy or "NativeMessagingAllowlist" in policy:
        checks.append(Check("not blocked by policy", True, f"{HOST_NAME} is allowed by the native messaging policies"))
    user_t = target(env, t.browser, system=False)
    if user_allowed and system_t.manifest.exists() and user_t.manifest.exists():
        own, system = _json_file(user_t.manifest), _json_file(system_t.manifest)
        if isinstance(own, dict) and isinstance(system, dict) and own.get("path") != system.get("path"):
            checks.append(Check("no user-level shadow", False,
                                f"{user_t.manifest} is used instead of the system-wide {system_t.manifest} "
                                f"(it starts {own.get('path')}, not {system.get('path')})",
                                f"run: linkedin-guard uninstall --browser {t.browser.key}  (or set the policy "
                                "NativeMessagingUserLevelHosts to false)"))
    return checks


def _extension_settings_policy(policy: dict[str, Any], ext_id: str, t: Target) -> list[Check]:
    settings = policy.get("ExtensionSettings")
    if not isinstance(settings, dict):
        return []
    checks = []
    for key in ("*", ext_id):
        entry = settings.get(key)
        if not isinstance(entry, dict):
            continue
        hosts = entry.get("runtime_blocked_hosts") or []
        if any("linkedin.com" in h or h in ("*://*", "<all_urls>") for h in hosts if isinstance(h, str)):
            checks.append(Check("runs on LinkedIn", False, f"ExtensionSettings[{key!r}].runtime_blocked_hosts {hosts} "
                                "keeps the extension off linkedin.com", "remove linkedin.com from runtime_blocked_hosts"))
        if "nativeMessaging" in (entry.get("blocked_permissions") or []):
            checks.append(Check("may talk to the host", False, f"ExtensionSettings[{key!r}].blocked_permissions "
                                "blocks nativeMessaging", "remove nativeMessaging from blocked_permissions"))
    return checks


def _managed_json_path(env: Env) -> Path:
    from guard import paths

    home = env.guard_home
    return Path(home) / "managed.json" if home else paths.settings_path().with_name("managed.json")


def _managed_drift(env: Env, t: Target, policy: dict[str, Any], ids: ExtensionIds | None) -> Check | None:
    """Does the layer the host holds (managed.json) match the browser's policy?"""
    from guard import managed

    if ids is None:
        return None
    if t.browser.family == "firefox":
        layer = ((policy.get("3rdparty") or {}).get("Extensions") or {}).get(ids.gecko or "")
    else:
        layer = ((policy.get("3rdparty") or {}).get("extensions") or {}).get(ids.chromium)
    path = _managed_json_path(env)
    held, problem = managed.load(path)
    if layer is None and held.empty:
        return None
    if problem or managed.refusal(path):
        return None  # said by managed_problem_check, with its fix
    try:
        wanted = managed.parse({k: v for k, v in (layer or {}).items() if k in managed.LAYERS} or None)
    except managed.ManagedError as err:
        return Check("managed settings in step", False, f"the browser policy's layer is invalid: {err}",
                     "fix the policy (linkedin-guard policy template shows a valid one)")
    if wanted == held:
        return Check("managed settings in step", True, f"{path} matches the browser policy"
                     + ("" if not wanted.empty else " (none)"))
    says = "has no layer for the extension" if wanted.empty else \
        f"says {json.dumps(wanted.as_json(), sort_keys=True)[:300]}"
    held_text = "no layer" if held.empty else json.dumps(held.as_json(), sort_keys=True)[:300]
    if t.browser.family == "firefox":
        fix = ("restart Firefox (it reads its policy only at start), then open LinkedIn or the guard's popup: "
               "the extension relays the policy when it runs")
    else:
        fix = (f"open {t.browser.label} and LinkedIn or the guard's popup (or \"Reload policies\" at chrome://policy "
               "while it runs): the extension relays the policy when it runs and on every change")
    return Check("managed settings in step", False, f"{path} holds {held_text} but the browser policy {says}", fix)


def managed_problem_check(env: Env) -> Check | None:
    """The organisation's layer the host refused last, or a managed.json it cannot use (guard.managed.problem)."""
    from guard import managed

    path = _managed_json_path(env)
    problem = managed.problem(path)
    if problem is None:
        return None
    if managed.refusal(path):
        fix = ("fix the browser policy's \"defaults\"/\"locked\" (check a layer with: linkedin-guard policy template "
               "--browser NAME --managed FILE); the extension relays it again at the next browser start or policy reload")
    else:
        fix = "start the browser: the extension relays the policy again and the host writes managed.json anew"
    return Check("organisation's settings applied", False,
                 f"your organisation's guard settings could not be applied: {problem}", fix)


# -- pages the guard could not read (issue 8) ------------------------------------

HEALTH_DAYS = 7


def unreadable_pages(days: int = HEALTH_DAYS) -> list[dict[str, Any]]:
    """What the extension reported it could not read in the last ``days`` (from the log database; read only).

    Empty when there is no log yet. Never fails the doctor: this is a hint that
    LinkedIn changed a page, not a broken installation.
    """
    from datetime import datetime, timedelta, timezone

    from guard.paths import log_db_path

    path = log_db_path()
    if not path.exists():
        return []
    try:
        from guard.warning_log import WarningLog

        with WarningLog(path) as log:
            return log.page_health(datetime.now(timezone.utc) - timedelta(days=days))
    except Exception:  # a locked or broken log must not stop the installation checks
        return []


def render_unreadable(rows: list[dict[str, Any]], days: int = HEALTH_DAYS) -> str:
    lines = [f"Pages the guard could not read (last {days} days):"]
    if not rows:
        lines.append("  none")
        return "\n".join(lines)
    for r in rows:
        lines.append(f"  {r['surface']} on {r['page_type']} pages ({r['frontend']}): {r['count']} times, "
                     f"last {r['last_seen']} (extension {r['extension_version']})")
    lines.append("  LinkedIn changed these pages: the guard could not check them. To report it, open the page, "
                 "click the toolbar icon, then \"Save page structure\" (it holds no names or text).")
    return "\n".join(lines)
