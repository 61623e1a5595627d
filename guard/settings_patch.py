"""Change part of the settings without losing anyone else's change (``patch_settings``).

Reading the settings, changing one field and writing them all back is a
race: two quick "Turn off" clicks each read the same file, and the second
write drops the first click's change. A patch is applied by the one who
writes, to the file as it is at that moment, under a lock:

* ``merge_patch`` is RFC 7396 (JSON Merge Patch): an object merges key by
  key, ``null`` removes a key (back to its default), anything else replaces.
  So ``{"rules": {"LG201": {"enabled": false}}}`` touches LG201's switch and
  nothing else, and ``{"rules": {"LG201": null}}`` undoes it to the default.
* ``apply_patch`` holds an exclusive lock (``settings.json.lock`` next to the
  file: ``flock`` on POSIX, ``msvcrt.locking`` on Windows) while it reads the
  current file, patches it, validates the result and writes it atomically.
  Other host processes (one per browser profile) take the same lock.
* Validation is the settings' own (:func:`guard.settings_store.validate`):
  an invalid result raises :class:`~guard.settings_store.SettingsError`
  and nothing is written.
"""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from guard import settings_store
from guard.models import Settings

#: A patch nests at most this deep (settings nest three levels; the rest is a mistake).
MAX_DEPTH = 8

_thread_lock = threading.Lock()  # flock is per process; threads of one process queue here


class PatchError(ValueError):
    """A patch that is not a JSON merge patch of the settings (the message says where)."""


def merge_patch(target: Any, patch: Any, *, _depth: int = 0) -> Any:
    """RFC 7396: ``target`` with ``patch`` applied (neither argument is changed)."""
    if _depth > MAX_DEPTH:
        raise PatchError(f"the patch nests deeper than {MAX_DEPTH} levels")
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value, _depth=_depth + 1)
    return result


@contextmanager
def locked(settings_path: Path) -> Iterator[None]:
    """Hold the settings lock (this process's threads and other processes)."""
    lock_path = settings_path.with_name(settings_path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with _thread_lock:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock_fd(fd)
            try:
                yield
            finally:
                _unlock_fd(fd)
        finally:
            os.close(fd)


def _lock_fd(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)


def _unlock_fd(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def apply_patch(patch: dict[str, Any], settings_path: Path) -> tuple[Settings, str | None]:
    """Patch the settings file as it is now; ``(new settings, problem)``.

    ``problem`` is set when the file on disk was invalid and was moved aside
    (the patch then applies to the defaults, and the person is told).
    Raises :class:`PatchError` or :class:`~guard.settings_store.SettingsError`
    without writing anything.
    """
    if not isinstance(patch, dict):
        raise PatchError("the patch must be a JSON object (a merge patch of the settings)")
    with locked(settings_path):
        loaded = settings_store.load(settings_path)
        current = loaded.settings.model_dump(mode="json")
        settings = settings_store.validate(merge_patch(current, patch))
        settings_store.save(settings, settings_path)
    return settings, loaded.problem
