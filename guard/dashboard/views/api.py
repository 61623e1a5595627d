"""The JSON API the pages and scripts use. Same filters and validation as the pages."""

from __future__ import annotations

import json
import os

from aiohttp import web

import guard
from guard import safe_json
from guard.settings_store import cannot_save_message
from guard.dashboard import keys
from guard.dashboard.filters import FilterError, int_param, parse_filters
from guard.dashboard.layout import rule_ids
from guard.dashboard.views.chart import weekly, weeks_param
from guard.dashboard.views.log import entry_dict
from guard.dashboard.views.rules import catalogue_in_force
from guard.dashboard.views.settings import check_text, refuse_locked

MAX_SETTINGS_BYTES = 5 * 1024 * 1024


def _json(data, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=lambda d: json.dumps(d, ensure_ascii=False))


def _bad(message: str, code: str = "invalid_request", status: int = 400, details=None) -> web.Response:
    error = {"code": code, "message": message}
    if details is not None:
        error["details"] = details
    return _json({"error": error}, status=status)


async def ping(request: web.Request) -> web.Response:
    config = request.app[keys.CONFIG]
    return _json({"instance": config.instance, "version": guard.__version__, "pid": os.getpid()})


async def get_log(request: web.Request) -> web.Response:
    try:
        filters = parse_filters(request.query, frozenset(rule_ids()))
        limit = int_param(request.query, "limit", 50, 1, 500)
        offset = int_param(request.query, "offset", 0, 0, 10**9)
        before_id = int_param(request.query, "before_id", 0, 0, 2**62) or None
    except FilterError as err:
        return _bad(str(err))
    db = request.app[keys.LOG]
    kwargs = filters.log_kwargs()
    entries = await db.call("entries", limit=limit, offset=offset, before_id=before_id, **kwargs)
    total = await db.call("count", **kwargs)
    return _json({"entries": [entry_dict(e) for e in entries], "total": total, "limit": limit, "offset": offset})


async def get_entry(request: web.Request) -> web.Response:
    try:
        entry_id = int(request.match_info["id"])
    except ValueError:
        return _bad("id: expected a whole number", "not_found", 404)
    entry = await request.app[keys.LOG].call("entry", entry_id)
    if entry is None:
        return _bad(f"no entry {entry_id}", "not_found", 404)
    return _json(entry)


async def delete_log(request: web.Request) -> web.Response:
    """``DELETE /api/log`` with ``{"ids": [1, 2]}`` or ``{"all": true}``."""
    try:
        body = safe_json.loads(await request.read())
    except safe_json.JSONRejected as err:
        return _bad(f"body: expected JSON, {err}")
    db = request.app[keys.LOG]
    if isinstance(body, dict) and body.get("all") is True:
        return _json({"deleted": await db.call("clear")})
    ids = body.get("ids") if isinstance(body, dict) else None
    if not isinstance(ids, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        return _bad('body: expected {"ids": [whole numbers]} or {"all": true}')
    return _json({"deleted": await db.call("delete", ids)})


async def get_settings(request: web.Request) -> web.Response:
    loaded = request.app[keys.SETTINGS].load()
    return _json({"settings": loaded.settings.model_dump(mode="json"), "problem": loaded.problem})


async def put_settings(request: web.Request) -> web.Response:
    """Validated exactly like ``set_settings``: all or nothing; 422 names each bad field."""
    # The whole body (request.content.read(n) returns only what is buffered:
    # audit C10b); above client_max_size aiohttp answers 413 itself.
    raw = await request.read()
    if len(raw) > MAX_SETTINGS_BYTES:
        return _bad(f"body: too large (at most {MAX_SETTINGS_BYTES // (1024 * 1024)} MiB)", status=413)
    settings, details = check_text(raw)
    if settings is None:
        message = "; ".join(f"{d['path']}: {d['message']}" for d in details)
        return _bad(f"invalid settings: {message}", "invalid_settings", 422, details)
    settings, refused = refuse_locked(request, settings)
    if settings is None:
        return _bad("locked by your organisation: " + ", ".join(d["path"] for d in refused), "locked", 409, refused)
    try:
        request.app[keys.SETTINGS].save(settings)
    except OSError as err:
        return _bad(cannot_save_message(request.app[keys.SETTINGS].path, err), "unavailable", 503)
    return _json({"settings": settings.model_dump(mode="json")})


async def get_rules(request: web.Request) -> web.Response:
    return _json({"rules": catalogue_in_force(request)})


async def get_chart(request: web.Request) -> web.Response:
    weeks = weeks_param(request)
    counts = await weekly(request, weeks)
    return _json({"weeks": [{"week": w, "counts": c} for w, c in counts.items()]})
