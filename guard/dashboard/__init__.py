"""The local dashboard: review the warning log, edit settings, watch warnings live.

An aiohttp app on 127.0.0.1 (``guard.dashboard.app.create_app``), started by
``linkedin-guard ui`` or by the native host through
:mod:`guard.dashboard.launcher`. The launcher is imported by the host, so this
package's ``__init__`` must stay free of aiohttp: ``create_app`` is loaded on
first use.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from guard.dashboard.app import create_app

        return create_app
    raise AttributeError(name)
