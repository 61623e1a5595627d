"""``/api/live``: new warnings and decisions from any process, pushed within a second."""

from __future__ import annotations

import asyncio
import sys
import textwrap
import time
from pathlib import Path

from guard import paths
from guard.dashboard.keys import LIVE
from guard.warning_log import WarningLog
from tests.dashboard.conftest import make_context, make_finding, same_origin

ROOT = Path(__file__).resolve().parents[2]


async def receive_type(ws, kind: str, timeout: float = 1.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        assert left > 0, f"no {kind} message within {timeout} s"
        msg = await ws.receive_json(timeout=left)
        if msg["type"] == kind:
            return msg


async def test_hello_then_a_new_warning_within_a_second(client, seed):
    seed.add(subject="before")  # already there: not replayed
    ws = await client.ws_connect("/api/live", headers=same_origin(client))
    hello = await receive_type(ws, "hello")
    finding = make_finding("LG402", subject="post", severity="warning", excerpt="Proud of Acme")
    started = time.monotonic()
    await asyncio.to_thread(_record, finding)
    msg = await receive_type(ws, "warning", timeout=1.0)
    assert time.monotonic() - started < 1.0
    assert msg["event_id"] > hello["event_id"]
    assert msg["entry"]["subject"] == "post" and msg["entry"]["rule"] == "LG402"
    assert msg["view"]["href"] == f"/log/{msg['entry']['id']}"
    assert msg["view"]["severity_label"] == "warning"
    await ws.close()


def _record(finding) -> int:
    with WarningLog(paths.log_db_path()) as log:
        return log.record(finding, make_context("post", text="Proud of Acme"), store_excerpt=True)


async def test_decisions_are_pushed_too(client):
    ws = await client.ws_connect("/api/live", headers=same_origin(client))
    await receive_type(ws, "hello")
    finding = make_finding("LG402", subject="post")
    entry_id = await asyncio.to_thread(_record, finding)
    await receive_type(ws, "warning")

    def decide():
        with WarningLog(paths.log_db_path()) as log:
            log.decide(finding.id, "proceeded", "client asked for it")

    await asyncio.to_thread(decide)
    msg = await receive_type(ws, "decision")
    assert msg["entry"]["id"] == entry_id
    assert msg["entry"]["decision"] == "proceeded"
    # A post's "proceeded" is said with its own verb (issue 10).
    assert msg["view"]["decision_label"] == "posted anyway"
    await ws.close()


async def test_a_warning_written_by_another_process_arrives(client):
    ws = await client.ws_connect("/api/live", headers=same_origin(client))
    await receive_type(ws, "hello")
    code = textwrap.dedent(
        """
        from guard.warning_log import WarningLog
        from tests.dashboard.conftest import make_context, make_finding
        with WarningLog() as log:
            log.record(make_finding("LG101", subject="from another process"), make_context("profile"), store_excerpt=True)
        """
    )
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", code, cwd=str(ROOT))
    assert await proc.wait() == 0
    msg = await receive_type(ws, "warning", timeout=1.0)
    assert msg["entry"]["subject"] == "from another process"
    await ws.close()


async def test_reconnecting_with_after_misses_nothing(client, seed):
    first = seed.add(subject="one")
    second = seed.add(subject="two")
    ws = await client.ws_connect("/api/live?after=0", headers=same_origin(client))
    await receive_type(ws, "hello")
    got = [(await receive_type(ws, "warning"))["entry"]["id"] for _ in range(2)]
    assert got == [first, second]
    await ws.close()


async def test_burst_of_warnings_all_arrive_in_order(client):
    ws = await client.ws_connect("/api/live", headers=same_origin(client))
    await receive_type(ws, "hello")

    def burst():
        with WarningLog(paths.log_db_path()) as log:
            return [log.record(make_finding(subject=f"s{i}"), make_context(), store_excerpt=True) for i in range(450)]

    ids = await asyncio.to_thread(burst)
    got = [(await receive_type(ws, "warning", timeout=3.0))["entry"]["id"] for _ in ids]
    assert got == ids
    await ws.close()


async def test_listener_count_follows_connections(client):
    hub = client.app[LIVE]
    ws = await client.ws_connect("/api/live", headers=same_origin(client))
    await receive_type(ws, "hello")
    assert hub.clients == 1
    await ws.close()
    for _ in range(100):
        if hub.clients == 0:
            break
        await asyncio.sleep(0.01)
    assert hub.clients == 0


async def test_markup_travels_as_data_not_html(client):
    ws = await client.ws_connect("/api/live", headers=same_origin(client))
    await receive_type(ws, "hello")
    await asyncio.to_thread(_record, make_finding(subject="<img src=x onerror=alert(1)>"))
    msg = await receive_type(ws, "warning")
    # JSON carries the text as it is; the page places it with textContent (see the browser test).
    assert msg["entry"]["subject"] == "<img src=x onerror=alert(1)>"
    await ws.close()
