"""``create_app()``: the dashboard as an aiohttp application (the command and the tests use it alike)."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import AsyncIterator

from aiohttp import web

from guard.dashboard import keys
from guard.dashboard.i18n import Translator, pick
from guard.dashboard.layout import page
from guard.dashboard.live import LiveHub, live
from guard.dashboard.markup import Markup, html
from guard.dashboard.security import UNAUTHORIZED_STYLE, Sessions, add_security_headers, make_middlewares
from guard.dashboard.stores import LogAccess, SettingsAccess
from guard.dashboard.tokens import TokenBook, new_secret
from guard.dashboard.views import api, audit, chart, consent, log, rules, settings

STATIC_DIR = Path(__file__).parent / "static"


@dataclass
class DashboardConfig:
    log_path: Path | None = None  # default: guard.paths.log_db_path()
    settings_path: Path | None = None  # default: guard.paths.settings_path()
    secret: str = field(default_factory=new_secret)
    instance: str = field(default_factory=lambda: secrets.token_hex(8))
    # Stop after this many seconds with no request and no open live feed; None: never.
    idle_timeout: float | None = 600.0
    live_interval: float = 0.25


class Activity:
    """When the dashboard was last used (requests and open live feeds)."""

    def __init__(self) -> None:
        self.last = time.monotonic()

    def touch(self) -> None:
        self.last = time.monotonic()

    def idle_for(self) -> float:
        return time.monotonic() - self.last


def _translator(request: web.Request) -> Translator:
    store = request.app[keys.SETTINGS]
    try:
        language = store.effective_settings.language  # the organisation may set it
    except Exception:  # an unreadable settings file must not lock the person out
        language = "auto"
    return Translator(pick(language, request.headers.get("Accept-Language")))


@web.middleware
async def language(request: web.Request, handler) -> web.StreamResponse:
    request[keys.TR] = _translator(request)
    return await handler(request)


@web.middleware
async def error_pages(request: web.Request, handler) -> web.StreamResponse:
    """404 as a page in the person's language (API paths keep plain errors)."""
    try:
        return await handler(request)
    except RecursionError:  # a body nested absurdly deep: the client's error, not ours (audit C10c)
        return _error(request, 400, "invalid_request", "the request nests too deeply")
    except (sqlite3.Error, OSError) as err:
        if isinstance(err, ConnectionError):
            raise
        # Read-only or full disk, a broken log file: say what, no traceback (audit B16/B17).
        return _error(request, 503, "unavailable", f"the warning log or settings cannot be used: {_reason(err)}")
    except web.HTTPNotFound:
        if request.path.startswith(("/api/", "/static/")):
            raise
        t = request[keys.TR]
        body = html('<div class="page-head"><h1>404</h1><p class="lead">{text}</p></div><p><a href="/">{back}</a></p>',
                    text=t("error.404"), back=t("entry.back"))
        return page(request, title="404", body=body, status=404)


def _reason(err: BaseException) -> str:
    return getattr(err, "strerror", None) or str(err) or type(err).__name__


def _error(request: web.Request, status: int, code: str, message: str) -> web.Response:
    if request.path.startswith("/api/") or request.method not in ("GET", "HEAD"):
        return web.json_response({"error": {"code": code, "message": message}}, status=status)
    body = html('<div class="page-head"><h1>{status}</h1><p class="lead">{text}</p></div>', status=str(status),
                text=message)
    return page(request, title=str(status), body=body, status=status)


def unauthorized_page(request: web.Request) -> web.Response:
    t = _translator(request)
    # No stylesheet link: /static needs a session too; one hashed inline style (see security.py).
    doc = html(
        """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>401 · LinkedIn Guard</title><style>{style}</style></head><body><main><h1>{title}</h1><p>{body}</p></main></body></html>
""",
        lang=t.lang,
        style=Markup(UNAUTHORIZED_STYLE),
        title=t("error.401.title"),
        body=t("error.401.body"),
    )
    return web.Response(text=doc, status=401, content_type="text/html", charset="utf-8")


def setup_routes(app: web.Application) -> None:
    r = app.router
    r.add_get("/", log.log_page, name="log")
    r.add_get("/log/export.csv", log.export_csv)
    r.add_get("/log/export.json", log.export_json)
    r.add_get(r"/log/{id:\d+}", log.entry_page)
    r.add_post("/log/delete", log.delete_entries)
    r.add_post("/log/clear", log.clear_log)
    r.add_post("/log/retention", log.apply_retention)
    r.add_get("/chart", chart.chart_page)
    r.add_get("/settings", settings.settings_page)
    r.add_post("/settings", settings.settings_post)
    r.add_post("/settings/import", settings.settings_import)
    r.add_get("/settings/export.json", settings.settings_export)
    r.add_get("/rules", rules.rules_page)
    audit.setup(r)
    consent.setup_routes(r)

    r.add_get("/api/ping", api.ping)
    r.add_get("/api/log", api.get_log)
    r.add_delete("/api/log", api.delete_log)
    r.add_get(r"/api/log/{id:\d+}", api.get_entry)
    r.add_get("/api/settings", api.get_settings)
    r.add_put("/api/settings", api.put_settings)
    r.add_get("/api/rules", api.get_rules)
    r.add_get("/api/chart", api.get_chart)
    r.add_get("/api/live", live)

    r.add_static("/static/", STATIC_DIR, show_index=False, follow_symlinks=False, append_version=False)


async def _resources(app: web.Application) -> AsyncIterator[None]:
    hub = app[keys.LIVE]
    tasks = [asyncio.create_task(hub.run(), name="live-hub")]
    config = app[keys.CONFIG]
    if config.idle_timeout is not None:
        tasks.append(asyncio.create_task(_idle_watch(app, config.idle_timeout), name="idle-watch"))
    yield
    for task in tasks:
        task.cancel()
    for task in tasks:
        with contextlib.suppress(asyncio.CancelledError):
            await task
    await app[keys.LOG].close()


async def _idle_watch(app: web.Application, idle_timeout: float) -> None:
    activity, hub = app[keys.ACTIVITY], app[keys.LIVE]
    step = max(0.05, min(5.0, idle_timeout / 4))
    while True:
        await asyncio.sleep(step)
        if hub.clients == 0 and activity.idle_for() >= idle_timeout:
            app[keys.STOP].set()
            return


def create_app(config: DashboardConfig | None = None) -> web.Application:
    config = config or DashboardConfig()
    tokens = TokenBook(config.secret)
    sessions = Sessions()
    activity = Activity()
    app = web.Application(
        middlewares=[*make_middlewares(tokens, sessions, activity.touch, unauthorized_page), language, error_pages],
        client_max_size=6 * 1024 * 1024,
    )
    db = LogAccess(config.log_path)
    app[keys.CONFIG] = config
    app[keys.TOKENS] = tokens
    app[keys.SESSIONS] = sessions
    app[keys.ACTIVITY] = activity
    app[keys.LOG] = db
    app[keys.SETTINGS] = SettingsAccess(config.settings_path)
    app[keys.LIVE] = LiveHub(db, config.live_interval)
    app[keys.STOP] = asyncio.Event()
    app[keys.CONSENT] = consent.register_for(config.log_path)
    app.on_response_prepare.append(add_security_headers)
    app.cleanup_ctx.append(_resources)
    setup_routes(app)
    return app
