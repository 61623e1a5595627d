"""``/api/live``: every new warning and decision, from any host process, within a second.

Hosts are separate processes (one per browser profile) that write the same
SQLite log; they cannot call the dashboard. The log keeps an append-only
``events`` table instead, and the dashboard polls it:

* One :class:`LiveHub` task checks ``last_event_id()`` every
  ``interval`` seconds (0.25 s), and only while someone is listening. A
  cheap single-row read; when the number moves it wakes every connection.
* Each connection then reads ``events_after(its own last id)`` and sends
  them, so a slow client never holds up the others, and a client that
  reconnects with ``?after=<event id>`` misses nothing in between.

Messages (JSON text frames)::

    {"type": "hello", "event_id": 41}
    {"type": "warning" | "decision", "event_id": 42, "entry": {LogEntry...},
     "view": {"when", "rule_title", "severity_label", "kind_label", "decision_label", "href"}}

``view`` carries the texts the page shows, already in the person's language,
so the page script only places text (``textContent``), never HTML.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from aiohttp import WSMsgType, web

from guard.dashboard import keys
from guard.dashboard.i18n import Translator
from guard.dashboard.layout import decision_label, kind_label, local_time, rule_title, tr

log = logging.getLogger(__name__)

BATCH = 200


class LiveHub:
    def __init__(self, db: Any, interval: float = 0.25):
        self.db = db
        self.interval = interval
        self.clients = 0
        self.version = 0
        self.last_event_id: int | None = None
        self._changed = asyncio.Event()

    def _bump(self) -> None:
        self.version += 1
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    async def wait_for_change(self, since_version: int) -> None:
        while self.version == since_version:
            await self._changed.wait()

    async def run(self) -> None:
        while True:
            if self.clients:
                try:
                    current = await self.db.call("last_event_id")
                except Exception as err:  # a locked or missing file must not end the feed
                    log.warning("live feed: cannot read the log (%s)", type(err).__name__)
                    current = self.last_event_id
                if current != self.last_event_id:
                    self.last_event_id = current
                    self._bump()
            await asyncio.sleep(self.interval)


def view(t: Translator, entry: dict[str, Any]) -> dict[str, str]:
    return {
        "when": local_time(entry.get("created_at")),
        "when_full": local_time(entry.get("created_at"), with_seconds=True),
        "rule_title": rule_title(entry.get("rule", ""), t.lang),
        "severity_label": t(f"severity.{entry.get('severity')}") if entry.get("severity") in ("info", "warning", "critical") else str(entry.get("severity")),
        "kind_label": kind_label(t, entry.get("kind", "")),
        "decision_label": decision_label(t, entry.get("decision"), entry.get("kind")),
        "href": f"/log/{int(entry['id'])}",
    }


async def live(request: web.Request) -> web.StreamResponse:
    hub = request.app[keys.LIVE]
    db = request.app[keys.LOG]
    t = tr(request)
    after_raw = request.query.get("after", "")
    ws = web.WebSocketResponse(heartbeat=20.0, max_msg_size=4096)
    await ws.prepare(request)
    hub.clients += 1
    request.app[keys.ACTIVITY].touch()
    reader = asyncio.create_task(_drain(ws))
    try:
        last = int(after_raw) if after_raw.isdigit() else await db.call("last_event_id")
        await ws.send_json({"type": "hello", "event_id": last})
        while not ws.closed and not reader.done():
            version = hub.version  # before reading: a change during the read is not lost
            events = await db.call("events_after", last, BATCH)
            for event in events:
                entry = event["entry"]
                await ws.send_json(
                    {"type": event["type"], "event_id": event["event_id"], "entry": entry, "view": view(t, entry)}
                )
                last = event["event_id"]
            if len(events) == BATCH:
                continue
            waiter = asyncio.create_task(hub.wait_for_change(version))
            await asyncio.wait({waiter, reader}, return_when=asyncio.FIRST_COMPLETED)
            waiter.cancel()
    except ConnectionResetError:
        pass
    finally:
        hub.clients -= 1
        request.app[keys.ACTIVITY].touch()
        reader.cancel()
        with contextlib.suppress(Exception):
            await ws.close()
    return ws


async def _drain(ws: web.WebSocketResponse) -> None:
    """Read (and ignore) what the client sends, so a close is noticed at once."""
    async for msg in ws:
        if msg.type in (WSMsgType.ERROR, WSMsgType.CLOSE):
            break
