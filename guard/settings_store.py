"""Settings on disk: one JSON file, validated before it is applied, written atomically.

* The file lives at :func:`guard.paths.settings_path` (``$LINKEDIN_GUARD_HOME``
  or the platform's user config dir).
* Writes go to a temporary file in the same folder, are flushed to disk and
  then renamed over the old file, so a crash leaves either the old or the new
  settings, never half of each.
* A file that cannot be read or does not validate is never overwritten
  silently: it is moved aside to ``settings.json.corrupt-<time>`` and the guard
  says so (``problem``). It does not fall back to plain defaults, which
  would quietly turn ``fail_mode: "closed"`` into ``"open"`` (audit B15): it
  runs on the last valid settings (``settings.json.last-good``, refreshed
  on every save and every valid load), with the ``fail_mode`` the broken file
  still states, if it states one. With neither, it fails closed: in doubt, a
  guard that holds the action is the safe side.
* ``version`` allows later migrations: ``MIGRATIONS[n]`` turns a version-n
  dict into version n+1.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from pydantic import ValidationError

from guard import paths
from guard.files import atomic_write, private_dir
from guard.models import SETTINGS_VERSION, Settings, one_line

log = logging.getLogger(__name__)

# version n -> function turning a version-n dict into version n+1. Append only.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class SettingsError(ValueError):
    """Settings that cannot be applied; the message names the bad field."""


@dataclass
class Loaded:
    settings: Settings
    problem: str | None = None  # set when the file was corrupt and moved aside
    moved_to: Path | None = None


def last_good_path(path: Path) -> Path:
    return path.with_name(path.name + ".last-good")


def cannot_save_message(path: Path, err: OSError) -> str:
    """Words for a save that the disk refused (read-only, full, no permission)."""
    reason = {28: "the disk is full", 30: "the disk is read-only", 13: "permission denied"}.get(
        err.errno or 0, err.strerror or type(err).__name__)
    return f"cannot save the settings to {path}: {reason}; the settings in force are unchanged"


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("version", 1)
    if not isinstance(version, int) or version < 1:
        return data  # validation reports it
    while version < SETTINGS_VERSION and version in MIGRATIONS:
        data = MIGRATIONS[version](data)
        version = data["version"]
    return data


def validate(data: Any) -> Settings:
    """Raise :class:`SettingsError` (one line naming each bad field) or return Settings."""
    if not isinstance(data, dict):
        raise SettingsError("invalid settings: (root): expected a JSON object")
    try:
        return Settings.model_validate(migrate(data))
    except ValidationError as err:
        raise SettingsError(one_line(err, "settings")) from err


def parse_text(text: str | bytes) -> Settings:
    from guard.safe_json import JSONRejected, loads

    try:
        data = loads(text)
    except JSONRejected as err:
        raise SettingsError(f"invalid settings: {err}") from err
    return validate(data)


def load(path: Path | None = None) -> Loaded:
    path = path or paths.settings_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Loaded(Settings())
    except OSError as err:
        # Unreadable (permissions): do not move it; run as for a broken file.
        fallback, source = _fallback(path, b"")
        return Loaded(fallback, problem=f"cannot read {path}: {err.strerror}; running on {source}")
    try:
        settings = parse_text(raw)
    except SettingsError as err:
        fallback, source = _fallback(path, raw)
        try:
            moved: Path | None = _move_aside(path)
            kept = f"was kept as {moved.name}"
        except OSError:  # read-only folder: leave it where it is
            moved, kept = None, "could not be moved aside"
        problem = f"{path} was not valid and {kept}; running on {source} ({err})"
        log.warning(problem)
        return Loaded(fallback, problem=problem, moved_to=moved)
    _remember_good(path, raw)
    return Loaded(settings)


def _fallback(path: Path, raw: bytes) -> tuple[Settings, str]:
    """The settings to run on while the file is broken, and how to name them."""
    try:
        base, source = parse_text(last_good_path(path).read_bytes()), "the last valid settings"
    except (OSError, SettingsError):
        base, source = Settings(fail_mode="closed"), "defaults with fail_mode closed"
    stated = _stated_fail_mode(raw)
    if stated is not None and stated != base.fail_mode:
        base = base.model_copy(update={"fail_mode": stated})
        source += f" with the file's fail_mode {stated}"
    return base, source


def _stated_fail_mode(raw: bytes) -> str | None:
    """The ``fail_mode`` a broken file still states clearly (valid JSON, one bad field elsewhere)."""
    from guard.safe_json import JSONRejected, loads

    try:
        data = loads(raw)
    except JSONRejected:
        return None
    value = data.get("fail_mode") if isinstance(data, dict) else None
    return value if value in ("open", "closed") else None


def _remember_good(path: Path, raw: bytes) -> None:
    """Keep a copy of valid settings for the day the file turns invalid (best effort)."""
    good = last_good_path(path)
    try:
        if good.read_bytes() == raw:
            return
    except OSError:
        pass
    try:
        # No fsync: it runs on the host's warm-up path, and the file it copies is durable itself.
        atomic_write(good, raw, durable=False)
    except OSError as err:  # a read-only disk must not stop the guard
        log.info("could not keep the last valid settings: %s", err.strerror or type(err).__name__)


def save(settings: Settings, path: Path | None = None) -> Path:
    """Write ``settings`` atomically (0600 in a 0700 folder); OSError when the disk refuses."""
    path = path or paths.settings_path()
    text = json.dumps(settings.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    private_dir(path.parent)
    atomic_write(path, text.encode("utf-8"))
    _remember_good(path, text.encode("utf-8"))
    return path


def _move_aside(path: Path) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    os.replace(path, target)
    return target
