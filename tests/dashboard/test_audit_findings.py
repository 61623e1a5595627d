"""The outside audit's dashboard findings (audit-2026-12.md, part C), one test each.

C8 sessions never expired, C10b ``PUT /api/settings`` read only what was
buffered, C10c deep JSON gave 500, C11 no header timeout, and B16/B17 for
the dashboard: a disk that refuses gives a clear 503, not a 500.
"""

from __future__ import annotations

import asyncio
import errno
import json
import os
import sqlite3

import pytest

from guard import settings_store
from guard.dashboard import server
from guard.dashboard.keys import LOG, SESSIONS
from guard.dashboard.security import Sessions
from guard.models import Settings
from tests.dashboard.conftest import same_origin


def big_settings(clients: int) -> bytes:
    data = {"clients": [{"name": f"Client person number {i}", "company": f"Company {i} B.V.",
                         "profile_url": f"https://www.linkedin.com/in/client-{i}/"} for i in range(clients)]}
    return json.dumps(data).encode()


# -- C10b: whole bodies up to the limit, 413 above it ------------------------------


@pytest.mark.parametrize("clients", [4000, 9000])
async def test_put_settings_reads_a_large_valid_body_whole(client, clients):
    body = big_settings(clients)
    assert len(body) > 400 * 1024
    resp = await client.put("/api/settings", data=body, headers={**same_origin(client), "Content-Type": "application/json"})
    assert resp.status == 200, await resp.text()
    assert len(settings_store.load().settings.clients) == clients


async def test_put_settings_above_its_limit_is_413(client):
    body = b'{"language": "en", "x": "' + b"a" * (5 * 1024 * 1024) + b'"}'
    resp = await client.put("/api/settings", data=body, headers={**same_origin(client), "Content-Type": "application/json"})
    assert resp.status == 413
    assert settings_store.load().settings == Settings()


# -- C10c: deep JSON and lone surrogates are the client's error -----------------------


async def test_deep_json_to_delete_log_is_400(client, seed):
    seed.add()
    resp = await client.delete("/api/log", data=b"[" * 100_000, headers=same_origin(client))
    assert resp.status == 400
    assert "nested too deeply" in (await resp.json())["error"]["message"]


async def test_deep_json_to_put_settings_is_a_client_error(client):
    resp = await client.put("/api/settings", data=b"[" * 50_000 + b"]" * 50_000, headers=same_origin(client))
    assert resp.status == 422
    assert "nested too deeply" in (await resp.json())["error"]["message"]


async def test_a_lone_surrogate_in_settings_is_replaced_not_a_500(client):
    body = b'{"employer": {"name": "Acme \\ud800 B.V."}}'
    resp = await client.put("/api/settings", data=body, headers=same_origin(client))
    assert resp.status == 200, await resp.text()
    assert settings_store.load().settings.employer.name == "Acme \ufffd B.V."


# -- C8: sessions expire and are pruned -----------------------------------------------


def test_sessions_expire_when_idle_and_at_their_maximum_age():
    now = [1000.0]
    sessions = Sessions(clock=lambda: now[0])
    idle, busy = sessions.new(), sessions.new()
    now[0] += Sessions.IDLE_TTL - 1
    assert sessions.valid(busy)
    now[0] += 2
    assert not sessions.valid(idle)
    assert sessions.valid(busy)  # used within the idle limit
    now[0] = 1000.0 + Sessions.MAX_AGE
    assert not sessions.valid(busy)  # however busy


def test_expired_sessions_are_pruned_and_their_number_is_capped():
    now = [0.0]
    sessions = Sessions(clock=lambda: now[0])
    for _ in range(10):
        sessions.new()
    now[0] += Sessions.MAX_AGE
    sessions.new()
    assert len(sessions) == 1
    for _ in range(Sessions.MAX_SESSIONS + 50):
        sessions.new()
    assert len(sessions) == Sessions.MAX_SESSIONS


async def test_an_expired_session_cookie_is_401(client, monkeypatch):
    store = client.app[SESSIONS]
    monkeypatch.setattr(store, "_clock", lambda: 10**12)
    resp = await client.get("/api/ping")
    assert resp.status == 401
    assert len(store) == 0


# -- C11: a header timeout ---------------------------------------------------------


async def test_a_connection_that_never_finishes_its_request_head_is_closed(guard_home, monkeypatch):
    monkeypatch.setattr(server, "HEADER_TIMEOUT", 0.5)
    urls: list[str] = []
    task = asyncio.create_task(server.serve(0, idle_timeout=None, on_url=urls.append))
    try:
        for _ in range(200):
            if urls:
                break
            await asyncio.sleep(0.02)
        port = int(urls[0].split(":")[2].split("/")[0])
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Slow: ".encode())
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), timeout=5)  # EOF: the server closed it
        assert data == b""
        writer.close()
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task


# -- B16/B17 for the dashboard: a disk that refuses --------------------------------------


def _refuse(code):
    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return refuse


async def test_saving_settings_on_a_read_only_disk_is_503_with_words(client, monkeypatch):
    monkeypatch.setattr(settings_store, "atomic_write", _refuse(errno.EROFS))
    resp = await client.put("/api/settings", json={"language": "en"}, headers=same_origin(client))
    assert resp.status == 503
    error = (await resp.json())["error"]
    assert error["code"] == "unavailable" and "read-only" in error["message"]


async def test_the_settings_form_on_a_full_disk_says_so_at_the_top(client, monkeypatch):
    monkeypatch.setattr(settings_store, "atomic_write", _refuse(errno.ENOSPC))
    resp = await client.post("/settings", data={"language": "en", "fail_mode": "open", "log.retention_days": "180",
                                                 "bulk.profiles": "40", "bulk.minutes": "10"},
                             headers=same_origin(client))
    text = await resp.text()
    assert resp.status == 503
    assert "the disk is full" in text
    assert text.index("the disk is full") < text.index("<form")


async def test_a_log_database_that_cannot_be_opened_is_503_not_500(client, monkeypatch):
    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(client.app[LOG], "_call", broken)
    api = await client.get("/api/log")
    assert api.status == 503
    assert "readonly database" in (await api.json())["error"]["message"]
    page = await client.get("/")
    assert page.status == 503
    assert "Traceback" not in await page.text()
