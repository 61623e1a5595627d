"""Atomic file writes, shared by everything that writes a file a reader may open mid-write.

Settings, the dashboard's state file, host manifests and launchers, log
exports: each is written to a temporary file in the same folder, flushed to
disk, given its permissions and then renamed over the target, so a reader (a
browser starting mid-install, a host reloading settings) sees the old file or
the new one, never half of either. Standard library only: the dashboard
launcher and the native host import this on their fast paths.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

TYPE_CHECKING = False  # not typing's: the native host answers hello without importing typing
if TYPE_CHECKING:
    from typing import IO, Iterator


@contextmanager
def atomic_file(path: Path, *, mode: int | None = None, binary: bool = False, durable: bool = True) -> Iterator[IO]:
    """Yield a file to write; on success it replaces ``path`` (with ``mode``), on error nothing changes.

    The temporary file is created 0600 (``mkstemp``), so a private file is
    never readable by others, not even for a moment. ``durable=False`` skips
    the fsync (still atomic) for copies whose loss in a power cut costs nothing.
    """
    import tempfile  # here, not at the top: the native host imports this module before its first reply

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if binary:
            fh = os.fdopen(fd, "wb")
        else:
            fh = os.fdopen(fd, "w", encoding="utf-8", newline="")
        with fh:
            yield fh
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def atomic_write(path: Path, data: bytes | str, *, mode: int | None = None, durable: bool = True) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_file`)."""
    with atomic_file(path, mode=mode, binary=isinstance(data, bytes), durable=durable) as fh:
        fh.write(data)


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) for the guard's own files: 0700, whatever the umask.

    A folder this call creates, or one named like the guard's own
    (``linkedin-guard``, from an older install with 0755), is made 0700. A
    folder the person chose and that already existed (``LINKEDIN_GUARD_HOME``
    pointing at one) keeps its mode: changing that would surprise them.
    """
    existed = path.is_dir()
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name != "nt" and (not existed or path.name == "linkedin-guard"):
        try:
            if path.stat().st_mode & 0o077:
                os.chmod(path, 0o700)
        except OSError:  # read-only disk: nothing to fix there now
            pass
    return path


def open_private(path: Path, mode: str = "ab", **kwargs) -> IO:
    """Open a log or state file for appending, created 0600 (an existing 0644 one is tightened)."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        if os.name != "nt" and os.fstat(fd).st_mode & 0o077:
            os.fchmod(fd, 0o600)
    except OSError:
        pass
    return os.fdopen(fd, mode, **kwargs)
