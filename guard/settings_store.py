"""Settings on disk: one JSON file, validated before it is applied, written atomically.

* The file lives at :func:`guard.paths.settings_path` (``$LINKEDIN_GUARD_HOME``
  or the platform's user config dir).
* Writes go to a temporary file in the same folder, are flushed to disk and
  then renamed over the old file, so a crash leaves either the old or the new
  settings, never half of each.
* A file that cannot be read or does not validate is never overwritten
  silently: it is moved aside to ``settings.json.corrupt-<time>`` and the guard
  runs on defaults, saying so (``problem``).
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
from guard.files import atomic_write
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
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise SettingsError(f"invalid settings: not JSON ({err})") from err
    return validate(data)


def load(path: Path | None = None) -> Loaded:
    path = path or paths.settings_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Loaded(Settings())
    except OSError as err:
        # Unreadable (permissions): run on defaults but do not move it.
        return Loaded(Settings(), problem=f"cannot read {path}: {err.strerror}")
    try:
        return Loaded(parse_text(raw))
    except SettingsError as err:
        moved = _move_aside(path)
        problem = f"{path} was not valid and was kept as {moved.name}; running on defaults ({err})"
        log.warning(problem)
        return Loaded(Settings(), problem=problem, moved_to=moved)


def save(settings: Settings, path: Path | None = None) -> Path:
    path = path or paths.settings_path()
    text = json.dumps(settings.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    atomic_write(path, text.encode("utf-8"))
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
