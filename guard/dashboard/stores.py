"""The dashboard's access to the warning log and the settings file.

The log is SQLite (``guard.warning_log.WarningLog``, owned by the host). Its
calls are blocking, so they run on one dedicated worker thread: the event loop
stays free for the live feed, and the connection is only ever used from the
thread that opened it (sqlite3's ``check_same_thread``).
"""

from __future__ import annotations

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from guard import paths, settings_store
from guard.models import Settings


class LogAccess:
    def __init__(self, path: Path | None = None):
        self.path = path
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="guard-dashboard-log")
        self._log: Any = None

    def _open(self) -> Any:
        if self._log is None:
            from guard.warning_log import WarningLog

            self._log = WarningLog(self.path)
        return self._log

    def _call(self, method: str, args: tuple, kwargs: dict) -> Any:
        return getattr(self._open(), method)(*args, **kwargs)

    async def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(self._call, method, args, kwargs))

    def _close(self) -> None:
        if self._log is not None and hasattr(self._log, "close"):
            self._log.close()
        self._log = None

    async def close(self) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._executor, self._close)
        self._executor.shutdown(wait=True)


class SettingsAccess:
    """Settings read from disk when the file changed; saved atomically via settings_store."""

    def __init__(self, path: Path | None = None):
        self._path = path
        self._cache: tuple[tuple[int, int] | None, settings_store.Loaded] | None = None

    @property
    def path(self) -> Path:
        return self._path or paths.settings_path()

    def _stamp(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def load(self) -> settings_store.Loaded:
        stamp = self._stamp()
        if self._cache is None or self._cache[0] != stamp:
            loaded = settings_store.load(self.path)
            self._cache = (self._stamp(), loaded)
        return self._cache[1]

    @property
    def settings(self) -> Settings:
        return self.load().settings

    # -- with the organisation's layer (guard.managed): what is in force -------

    @property
    def managed_path(self) -> Path:
        from guard import managed

        return managed.path_for(self.path)

    def managed(self) -> tuple[Any, str | None]:
        """The layer the host keeps (``managed.json``) and a problem when it cannot be used."""
        from guard import managed

        return managed.load(self.managed_path)

    def effective(self) -> Any:
        """defaults < the person's own < locked (:class:`guard.managed.Effective`), as the host judges."""
        from guard import managed

        layer, _problem = self.managed()
        return managed.effective(self.settings, layer)

    @property
    def effective_settings(self) -> Settings:
        return self.effective().settings

    def save(self, settings: Settings) -> None:
        from guard.settings_patch import locked

        with locked(self.path):  # never in the middle of an extension's patch_settings
            settings_store.save(settings, self.path)
        self._cache = None
