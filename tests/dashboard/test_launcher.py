"""The launcher the host calls for ``open_dashboard``: start or reuse, fresh one-time link, no aiohttp.

These start real dashboard processes; the fixture stops each one it started.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from guard.dashboard import launcher, tokens

ROOT = Path(__file__).resolve().parents[2]


def get(url: str, cookie: str | None = None) -> http.client.HTTPResponse:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=3)
    headers = {"Cookie": cookie} if cookie else {}
    conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers)
    resp = conn.getresponse()
    resp.read()
    conn.close()
    return resp


def login(url: str) -> str:
    """Follow the one-time link like a browser: the cookie it sets."""
    resp = get(url)
    assert resp.status == 200 and resp.getheader("Refresh"), resp.status
    return resp.getheader("Set-Cookie").split(";")[0]


def test_starts_a_dashboard_and_the_link_logs_in(dashboards):
    result = launcher.ensure_dashboard(None)
    state = dashboards()
    url = result["url"]
    assert url.startswith(f"http://127.0.0.1:{state.port}/?token=t1.")
    assert state.secret not in url
    cookie = login(url)
    page = get(f"http://127.0.0.1:{state.port}/", cookie)
    assert page.status == 200
    assert get(url).status == 401  # the link was one-time


def test_reuses_the_running_dashboard_with_a_fresh_token(dashboards):
    first = launcher.ensure_dashboard("log")["url"]
    state = dashboards()
    second = launcher.ensure_dashboard("settings")["url"]
    assert dashboards().pid == state.pid  # same process
    assert urlsplit(second).port == state.port
    assert urlsplit(second).path == "/settings"
    assert first.split("token=")[1] != second.split("token=")[1]
    login(first)
    login(second)  # both work, once each


@pytest.mark.parametrize("page,path", [(None, "/"), ("log", "/"), ("settings", "/settings"), ("rules", "/rules")])
def test_page_paths(page, path):
    assert launcher.page_path(page) == path


def test_unknown_page_is_refused():
    with pytest.raises(ValueError):
        launcher.page_path("../../etc")


def test_a_stale_state_file_is_replaced(dashboards, guard_home):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free_port = s.getsockname()[1]
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    tokens.write_state(tokens.DashboardState(pid=dead.pid, port=free_port, secret=tokens.new_secret(),
                                             instance="gone", started_at=0))
    url = launcher.ensure_dashboard(None)["url"]
    state = dashboards()
    assert state.instance != "gone" and state.pid != dead.pid
    assert urlsplit(url).port == state.port
    login(url)


def test_a_live_process_on_the_port_that_is_not_our_dashboard_is_not_trusted(dashboards):
    # Our own pid is alive, but nothing answers /api/ping as that instance.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        tokens.write_state(tokens.DashboardState(pid=os.getpid(), port=port, secret=tokens.new_secret(),
                                                 instance="impostor", started_at=0))
        assert not launcher.is_alive(tokens.read_state())
    launcher.ensure_dashboard(None)
    assert dashboards().instance != "impostor"


def test_state_file_is_private(dashboards):
    launcher.ensure_dashboard(None)
    dashboards()
    mode = stat.S_IMODE(tokens.state_path().stat().st_mode)
    assert mode == 0o600


def test_the_dashboard_runs_detached(dashboards):
    launcher.ensure_dashboard(None)
    state = dashboards()
    assert os.getsid(state.pid) != os.getsid(0)


def test_launcher_does_not_import_aiohttp():
    code = "import sys, guard.dashboard.launcher; print(sorted(m for m in sys.modules if m.split('.')[0] in ('aiohttp', 'websockets', 'yarl', 'multidict')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT), check=True)
    assert out.stdout.strip() == "[]"


def test_open_dashboard_through_the_host(dashboards):
    from native_host.dispatch import Session

    session = Session()
    try:
        reply = session.handle(json.dumps({"id": "r-9", "type": "open_dashboard", "page": "settings"}).encode())[0]
    finally:
        session.close()
    assert reply["ok"] is True, reply
    state = dashboards()
    url = reply["result"]["url"]
    assert url.startswith(f"http://127.0.0.1:{state.port}/settings?token=")
    login(url)


def test_dashboard_stops_when_idle_and_removes_its_state(guard_home):
    proc = subprocess.Popen(
        [sys.executable, "-m", "guard", "ui", "--no-open", "--port", "0", "--idle-timeout", "0.4"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=str(ROOT),
    )
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        assert tokens.read_state() is not None
        assert proc.wait(timeout=10) == 0
        assert "no clients" in proc.stderr.read()
        assert tokens.read_state() is None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_ui_prints_exactly_one_line_on_stdout(guard_home):
    proc = subprocess.Popen(
        [sys.executable, "-m", "guard", "ui", "--no-open", "--port", "0", "--idle-timeout", "0.3"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=str(ROOT),
    )
    out, _ = proc.communicate(timeout=10)
    lines = out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("http://127.0.0.1:") and "?token=t1." in lines[0]


def test_ui_on_a_busy_port_says_so(guard_home):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        out = subprocess.run([sys.executable, "-m", "guard", "ui", "--no-open", "--port", str(port)],
                             capture_output=True, text=True, cwd=str(ROOT), timeout=10)
    assert out.returncode == 1
    assert f"127.0.0.1:{port}" in out.stderr
    assert out.stdout == ""


def test_rule_anchor_for_learn_more(dashboards):
    url = launcher.ensure_dashboard("rules", rule="LG301")["url"]
    dashboards()
    assert urlsplit(url).path == "/rules" and url.endswith("#LG301")
    again = launcher.ensure_dashboard("rules", rule="LG301\"><script>")["url"]
    assert "#" not in again and "script" not in again
