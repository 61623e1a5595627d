"""Typed keys for what the app holds (``web.AppKey``: no string keys, no guessing types)."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from aiohttp import web

if TYPE_CHECKING:
    from guard.dashboard.app import DashboardConfig, Activity
    from guard.dashboard.live import LiveHub
    from guard.dashboard.security import Sessions
    from guard.dashboard.stores import LogAccess, SettingsAccess
    from guard.dashboard.tokens import TokenBook
    from guard.consent import ConsentRegister

CONFIG: web.AppKey["DashboardConfig"] = web.AppKey("config")
LOG: web.AppKey["LogAccess"] = web.AppKey("log")
SETTINGS: web.AppKey["SettingsAccess"] = web.AppKey("settings")
TOKENS: web.AppKey["TokenBook"] = web.AppKey("tokens")
SESSIONS: web.AppKey["Sessions"] = web.AppKey("sessions")
LIVE: web.AppKey["LiveHub"] = web.AppKey("live")
ACTIVITY: web.AppKey["Activity"] = web.AppKey("activity")
STOP: web.AppKey[asyncio.Event] = web.AppKey("stop")
CONSENT: web.AppKey["ConsentRegister"] = web.AppKey("consent")

# Per-request values (aiohttp >= 3.12 has typed request keys; older ones take strings).
_RequestKey = getattr(web, "RequestKey", None)


def _request_key(name: str, type_: object):
    return _RequestKey(name, type_) if _RequestKey is not None else name


PORT = _request_key("port", object)  # the local port the connection came in on
TR = _request_key("tr", object)  # the request's Translator
