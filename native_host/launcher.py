"""The launcher the host manifest points at: a tiny script that execs the right Python.

Browsers start ``path`` from the host manifest with no shell profile, no
virtualenv and a minimal environment, so the launcher pins everything down:

* the absolute path of the Python that ran ``linkedin-guard install``
  (``sys.executable``), run directly, never through ``/usr/bin/env`` (a
  lookup that cost ~90 ms per start here, and finds the wrong Python);
* ``-P`` so the launcher's folder (the host's working directory) is not put
  on ``sys.path``;
* ``PYTHONPATH`` only when that Python cannot import ``native_host`` by itself
  (running from a source checkout that was never pip-installed);
* ``LINKEDIN_GUARD_HOME`` when it was set at install time, as a default: a
  value the browser's own environment carries wins (tests and the demo start
  the browser with it), otherwise the host uses the folder the installing
  command used, so ``linkedin-guard log`` and the host see the same log;
* ``LINKEDIN_GUARD_INSTALL_RECORD``: where install wrote down the extension
  IDs, so the host can log a caller it did not expect.

POSIX: a ``/bin/sh`` script (mode 0755).

Windows: ``linkedin-guard-host.exe``, a copy of the console-script launcher
pip generated for ``[project.scripts] linkedin-guard-host`` (it holds the
absolute path of its Python and starts ``native_host.host:entry`` directly).
Not a ``.bat``: Chrome and Edge run batch hosts through ``cmd.exe``, which
breaks where policy disables cmd or makes hosts launch directly
(``NativeHostsExecutablesLaunchDirectly``; managed-policy.md §3.3). An
``.exe`` cannot carry environment variables, so what the ``.bat`` set goes
into ``linkedin-guard-host.launch.json`` beside it, which :func:`entry`
reads at start. The ``.bat`` remains only as a fallback for an install
without the console script (a checkout never pip-installed), and says so.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from pathlib import Path
from typing import Any, MutableMapping

LAUNCHER_POSIX = "linkedin-guard-host"
LAUNCHER_WINDOWS = "linkedin-guard-host.bat"  # fallback only (see the module docstring)
LAUNCHER_WINDOWS_EXE = "linkedin-guard-host.exe"
LAUNCH_DEFAULTS = "linkedin-guard-host.launch.json"

_POSIX_HEADER = """#!/bin/sh
# LinkedIn Guard native messaging host launcher ({host_name}).
# Written by `linkedin-guard install`; run that again to repair it, and
# `linkedin-guard doctor` to check it. The browser starts this file.
"""

_EXEC_POSIX = re.compile(r"^exec (?P<python>.+?) -P -m native_host ", re.MULTILINE)
_EXEC_WINDOWS = re.compile(r'^"(?P<python>[^"]+)" -P -m native_host', re.MULTILINE)


def render_posix(*, host_name: str, python: str, guard_home: str | None, pythonpath: str | None,
                 record: str) -> str:
    lines = [_POSIX_HEADER.format(host_name=host_name)]
    if guard_home:
        lines.append(f"LINKEDIN_GUARD_HOME=\"${{LINKEDIN_GUARD_HOME:-{_sh_default(guard_home)}}}\"\n"
                     "export LINKEDIN_GUARD_HOME\n")
    if pythonpath:
        lines.append(f"PYTHONPATH={shlex.quote(pythonpath)}\nexport PYTHONPATH\n")
    lines.append(f"LINKEDIN_GUARD_INSTALL_RECORD={shlex.quote(record)}\nexport LINKEDIN_GUARD_INSTALL_RECORD\n")
    lines.append(f'exec {shlex.quote(python)} -P -m native_host "$@"\n')
    return "".join(lines)


def _sh_default(value: str) -> str:
    # Inside "${VAR:-...}" in double quotes: escape what the shell expands there.
    return re.sub(r'([\\"$`}])', r"\\\1", value)


def _bat(value: str) -> str:
    return value.replace("%", "%%")


def render_windows(*, host_name: str, python: str, guard_home: str | None, pythonpath: str | None,
                   record: str) -> str:
    lines = [
        "@echo off\r\n",
        f"rem LinkedIn Guard native messaging host launcher ({host_name}).\r\n",
        "rem Written by `linkedin-guard install`; run that again to repair it.\r\n",
    ]
    if guard_home:
        lines.append(f'if not defined LINKEDIN_GUARD_HOME set "LINKEDIN_GUARD_HOME={_bat(guard_home)}"\r\n')
    if pythonpath:
        lines.append(f'set "PYTHONPATH={_bat(pythonpath)}"\r\n')
    lines.append(f'set "LINKEDIN_GUARD_INSTALL_RECORD={_bat(record)}"\r\n')
    lines.append(f'"{_bat(python)}" -P -m native_host %*\r\n')
    return "".join(lines)


def python_of(launcher_text: str) -> str | None:
    """The interpreter a launcher we wrote runs (for doctor's diagnosis)."""
    m = _EXEC_POSIX.search(launcher_text)
    if m:
        words = shlex.split(m.group("python"))
        return words[0] if words else None
    m = _EXEC_WINDOWS.search(launcher_text)
    if m:
        return m.group("python").replace("%%", "%")
    return None


def render_launch_defaults(*, python: str, guard_home: str | None, record: str) -> str:
    """What the Windows ``.exe`` launcher's sidecar holds (the ``.bat``'s ``set`` lines, as JSON)."""
    data: dict[str, Any] = {"python": python, "install_record": record}
    if guard_home:
        data["guard_home"] = guard_home
    return json.dumps(data, indent=2) + "\n"


def apply_launch_defaults(launcher: str | os.PathLike, environ: MutableMapping[str, str]) -> bool:
    """Read ``<launcher folder>/linkedin-guard-host.launch.json`` into ``environ``; False when there is none.

    ``LINKEDIN_GUARD_HOME`` only as a default (the browser's environment wins,
    as with the POSIX launcher); the install record always.
    """
    path = Path(launcher).resolve().parent / LAUNCH_DEFAULTS
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(data, dict):
        return False
    if isinstance(data.get("guard_home"), str) and not environ.get("LINKEDIN_GUARD_HOME"):
        environ["LINKEDIN_GUARD_HOME"] = data["guard_home"]
    if isinstance(data.get("install_record"), str):
        environ["LINKEDIN_GUARD_INSTALL_RECORD"] = data["install_record"]
    return True


def python_of_exe(launcher: Path) -> str | None:
    """The interpreter an ``.exe`` launcher we installed runs (from its sidecar), for doctor."""
    try:
        data = json.loads((launcher.parent / LAUNCH_DEFAULTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data.get("python") if isinstance(data, dict) and isinstance(data.get("python"), str) else None


def console_script(python: str) -> Path:
    """Where pip put the ``linkedin-guard-host.exe`` console script for this Python (its Scripts folder)."""
    return Path(python).parent / LAUNCHER_WINDOWS_EXE
