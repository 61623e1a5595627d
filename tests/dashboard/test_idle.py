"""Auto-stop: the dashboard stops after the configured time without clients, never while a tab listens."""

from __future__ import annotations

import asyncio

from guard.dashboard.app import DashboardConfig, create_app
from guard.dashboard.keys import STOP, TOKENS
from tests.dashboard.conftest import same_origin


async def _wait(event: asyncio.Event, timeout: float) -> bool:
    try:
        await asyncio.wait_for(event.wait(), timeout)
        return True
    except asyncio.TimeoutError:
        return False


async def test_stops_after_idle_time(aiohttp_client, guard_home):
    client = await aiohttp_client(create_app(DashboardConfig(idle_timeout=0.3, live_interval=0.05)))
    assert await _wait(client.app[STOP], 3.0)


async def test_requests_keep_it_alive(aiohttp_client, guard_home):
    client = await aiohttp_client(create_app(DashboardConfig(idle_timeout=0.6, live_interval=0.05)))
    await client.get(f"/?token={client.app[TOKENS].mint()}", allow_redirects=False)
    for _ in range(6):
        await asyncio.sleep(0.2)
        await client.get("/api/ping")
        assert not client.app[STOP].is_set()
    assert await _wait(client.app[STOP], 3.0)


async def test_an_open_live_feed_keeps_it_alive(aiohttp_client, guard_home):
    client = await aiohttp_client(create_app(DashboardConfig(idle_timeout=0.3, live_interval=0.05)))
    await client.get(f"/?token={client.app[TOKENS].mint()}", allow_redirects=False)
    ws = await client.ws_connect("/api/live", headers=same_origin(client))
    await ws.receive_json(timeout=2)
    assert not await _wait(client.app[STOP], 1.2)
    await ws.close()
    assert await _wait(client.app[STOP], 3.0)


async def test_no_idle_timeout_means_never(aiohttp_client, guard_home):
    client = await aiohttp_client(create_app(DashboardConfig(idle_timeout=None)))
    assert not await _wait(client.app[STOP], 0.5)


async def test_requests_without_a_session_do_not_keep_it_alive(aiohttp_client, guard_home):
    client = await aiohttp_client(create_app(DashboardConfig(idle_timeout=0.5, live_interval=0.05)))
    for _ in range(12):
        await asyncio.sleep(0.1)
        assert (await client.get("/api/ping")).status == 401
    assert client.app[STOP].is_set()
