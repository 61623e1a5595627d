"""``linkedin-guard tail``: the live feed in a terminal, through the websockets client."""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
import time

import pytest

from guard.cli.ui import format_event, terminal_safe
from guard.warning_log import WarningLog
from tests.dashboard.conftest import make_context, make_finding
from tests.dashboard.test_launcher import ROOT


@pytest.mark.parametrize(
    "hostile",
    ["\x1b]0;owned\x07", "\x1b[2J\x1b[H", "a\rb", "\u202eevil\u202c", "\x9b31m", "line\nbreak"],
)
def test_terminal_escapes_are_made_visible(hostile):
    safe = terminal_safe(hostile)
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F or 0x202A <= ord(ch) <= 0x202E for ch in safe)
    assert "\\u" in safe


def test_format_warning_and_decision():
    entry = {"id": 7, "rule": "LG402", "severity": "info", "kind": "post", "subject": "Mark\x1b[31m",
             "created_at": "2026-11-28T17:01:02Z", "excerpt": "Proud of Acme", "decision": None}
    line = format_event({"type": "warning", "entry": entry, "view": {"when_full": "2026-11-28 18:01:02", "kind_label": "post",
                                                                      "rule_title": "Your contract limits naming your employer"}})
    assert "LG402" in line and "Mark\\u001b[31m" in line and "Proud of Acme" in line and "\x1b" not in line
    decided = format_event({"type": "decision", "entry": {**entry, "decision": "proceeded", "justification": "ok"},
                            "view": {"decision_label": "sent anyway"}})
    assert "sent anyway" in decided and "#7" in decided
    assert format_event({"type": "hello", "event_id": 1}) is None


def _read_line(proc: subprocess.Popen, timeout: float) -> str:
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    buf = b""
    while time.monotonic() < deadline:
        if sel.select(timeout=max(0.0, deadline - time.monotonic())):
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            buf += chunk
            if b"\n" in buf:
                return buf.split(b"\n", 1)[0].decode()
    raise AssertionError(f"no line within {timeout} s (got {buf!r})")


def test_tail_follows_new_warnings_live(dashboards):
    proc = subprocess.Popen([sys.executable, "-m", "guard", "tail", "--json"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=str(ROOT))
    try:
        # tail starts a dashboard when none runs; wait until it follows.
        deadline = time.monotonic() + 10
        while dashboards() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        wait_until_following(proc)  # a loaded machine may first say the start is slow; tail retries
        with WarningLog() as log:
            log.record(make_finding("LG402", subject="tailed"), make_context(), store_excerpt=True)
        msg = json.loads(_read_line(proc, timeout=3))
        assert msg["type"] == "warning" and msg["entry"]["subject"] == "tailed"
    finally:
        proc.terminate()
        proc.wait(timeout=5)


def wait_until_following(proc) -> None:
    """Lines before "following" may say a slow start is still going on (a loaded machine): tail retries."""
    for _ in range(20):
        line = proc.stderr.readline().decode()
        if "following" in line:
            return
        assert line, "tail ended before following"
    raise AssertionError("tail never said it was following")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM"])
def test_tail_stops_the_dashboard_it_started(dashboards, how):
    import signal

    proc = subprocess.Popen([sys.executable, "-m", "guard", "tail"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=str(ROOT))
    try:
        wait_until_following(proc)
        state = dashboards()
        assert state is not None and _alive(state.pid)
        proc.send_signal(getattr(signal, how))
        proc.wait(timeout=10)
        assert b"stopped the dashboard it had started" in proc.stderr.read()
        deadline = time.monotonic() + 10
        while _alive(state.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(state.pid)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=5)


def test_tail_leaves_a_dashboard_it_did_not_start_running(dashboards):
    import signal

    ui = subprocess.Popen([sys.executable, "-m", "guard", "ui", "--no-open", "--port", "0"], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, cwd=str(ROOT))
    proc = None
    try:
        assert ui.stdout.readline().startswith(b"http://127.0.0.1:")
        state = dashboards()
        assert state is not None and state.pid == ui.pid
        proc = subprocess.Popen([sys.executable, "-m", "guard", "tail"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, cwd=str(ROOT))
        wait_until_following(proc)
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=10)
        assert b"stopped the dashboard" not in proc.stderr.read()
        assert ui.poll() is None and _alive(state.pid)
    finally:
        for p in (proc, ui):
            if p is not None and p.poll() is None:
                p.kill()
                p.wait(timeout=5)
