"""Where the guard keeps its files.

``LINKEDIN_GUARD_HOME`` puts everything (settings, log, host state) under one
folder; without it the platform's usual per-user folders are used. Every
command and the host the browser starts read the same variable, so tests and
demos never touch a person's real data.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "linkedin-guard"


def guard_home() -> Path | None:
    value = os.environ.get("LINKEDIN_GUARD_HOME")
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    home = guard_home()
    if home is not None:
        return home
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    home = guard_home()
    if home is not None:
        return home
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    return config_dir() / "settings.json"


def log_db_path() -> Path:
    return data_dir() / "warnings.sqlite3"


def host_log_path() -> Path:
    return data_dir() / "host.log"


def extension_dir() -> Path:
    """The WebExtension folder to load unpacked (and whose manifest names the extension's ID).

    Installed from a wheel (pip, pipx): ``guard/extension/`` inside the
    package, put there at build time by ``setup.py``. In a checkout (the
    README's run command installs it editable): ``extension/`` beside
    ``guard/``. The first that holds a ``manifest.json`` wins; if neither
    does, the packaged location is returned and callers say it is missing.
    """
    package = Path(__file__).resolve().parent
    candidates = (package / "extension", package.parent / "extension")
    for candidate in candidates:
        if (candidate / "manifest.json").is_file():
            return candidate
    return candidates[0]
