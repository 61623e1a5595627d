"""Fixtures for the dashboard: the app from the same ``create_app`` the command uses.

``guard_home`` (suite-wide, autouse) gives every test its own
``LINKEDIN_GUARD_HOME``, so the log and the settings here are throwaway.
"""

from __future__ import annotations

import itertools
import os
import signal
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from guard import paths
from guard.dashboard import tokens
from guard.dashboard.app import DashboardConfig, create_app
from guard.dashboard.keys import TOKENS
from guard.models import Evidence, Finding, parse_context
from guard.warning_log import WarningLog

MARKUP = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">"\'&<b>bold</b>'

_counter = itertools.count(1)


def make_finding(rule: str = "LG402", *, subject: str = "post", severity: str = "info",
                 excerpt: str = "Proud of my team at Acme Data", title: str = "Your contract limits naming your employer") -> Finding:
    return Finding(
        id=f"w-{next(_counter):016x}",
        rule=rule,
        slug={"LG402": "employer-mention-restricted", "LG101": "open-to-work-public"}.get(rule, "some-rule"),
        severity=severity,
        mode="inform",
        title=title,
        message="A message.",
        legal_basis=[],
        evidence=[Evidence(field="text", excerpt=excerpt)],
        subject=subject,
    )


def make_context(kind: str = "post", *, text: str = "Proud of my team at Acme Data", session: str | None = None,
                 url: str = "https://www.linkedin.com/feed/") -> Any:
    base = {"url": url, "trigger": "input", "page_session": session or f"ps-{next(_counter)}"}
    if kind == "post":
        return parse_context({**base, "kind": "post", "text": text})
    if kind == "message":
        return parse_context({**base, "kind": "message", "channel": "message", "recipient": {"name": "Mark Visser"}, "text": text})
    if kind == "profile":
        return parse_context({**base, "kind": "profile", "own": True, "name": "Sanne"})
    raise ValueError(kind)


class Seeder:
    """Writes entries the way the host does (``WarningLog.record``)."""

    def __init__(self, path: Path):
        self.path = path

    def add(self, rule: str = "LG402", *, kind: str = "post", subject: str = "post", severity: str = "info",
            excerpt: str = "Proud of my team at Acme Data", url: str = "https://www.linkedin.com/feed/",
            created_at: str | None = None, decision: str | None = None, store_excerpt: bool = True) -> int:
        finding = make_finding(rule, subject=subject, severity=severity, excerpt=excerpt)
        ctx = make_context(kind, text=excerpt, url=url)
        with WarningLog(self.path) as log:
            entry_id = log.record(finding, ctx, store_excerpt=store_excerpt)
            if decision:
                log.decide(finding.id, decision, "because" if decision == "proceeded" else None)
        if created_at:
            with sqlite3.connect(self.path) as conn:
                conn.execute("UPDATE entries SET created_at = ? WHERE id = ?", (created_at, entry_id))
        return entry_id

    def many(self, n: int, **kw) -> list[int]:
        return [self.add(subject=f"subject {i}", **kw) for i in range(n)]


@pytest.fixture
def seed(guard_home) -> Seeder:
    return Seeder(paths.log_db_path())


@pytest.fixture
def config(guard_home) -> DashboardConfig:
    return DashboardConfig(idle_timeout=None, live_interval=0.05)


@pytest.fixture
async def anon(aiohttp_client, config):
    """A client without a session."""
    return await aiohttp_client(create_app(config))


@pytest.fixture
async def client(anon):
    """A client that exchanged a one-time token for the session cookie."""
    token = anon.app[TOKENS].mint()
    resp = await anon.get(f"/?token={token}", allow_redirects=False)
    assert resp.status == 200 and "lg_session_" in resp.headers.get("Set-Cookie", ""), await resp.text()
    return anon


def origin(client) -> str:
    return f"http://127.0.0.1:{client.port}"


def same_origin(client) -> dict[str, str]:
    return {"Origin": origin(client)}


@pytest.fixture
def dashboards():
    """Stops every dashboard process started during the test (by pid, from the state files seen)."""
    pids: set[int] = set()

    def remember() -> tokens.DashboardState | None:
        state = tokens.read_state()
        if state is not None:
            pids.add(state.pid)
        return state

    yield remember
    remember()
    for pid in pids:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            continue
        for _ in range(300):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            try:  # reap it if it is our child (it is not: detached), else just wait
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pass
            time.sleep(0.01)
