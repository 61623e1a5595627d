"""Start the dashboard, or reuse the running one, and return a one-time link to it.

Called by the native host for ``open_dashboard`` (the popup's "Warning log" and
"Settings", the options page) and by ``linkedin-guard tail``. Rules for this
module, because the host imports it:

* stdlib only — never aiohttp (the host must start fast and stay small);
* return within two seconds, or raise :class:`DashboardError`;
* the dashboard runs detached (its own session), so closing the browser or
  the host does not take it down; it stops by itself when idle;
* the host's stdout is its protocol channel: the child never inherits it.

How a running dashboard is recognised and reused: see :mod:`guard.dashboard.tokens`
(state file with pid, port and a 0600 launch secret; tokens are signed with it).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import subprocess
import sys
import threading
import time
from typing import Iterator
from urllib.parse import urlsplit

from guard import paths
from guard.files import open_private, private_dir
from guard.dashboard import tokens

# A cold start (Python, aiohttp, pydantic) takes about 0.5 s on an idle
# machine but several seconds on a busy one; the extension waits 8 s for the
# host's reply, so the launcher may wait up to 6 s.
DEADLINE_SECONDS = 6.0
# Keep a margin for the host to write its reply and the browser to open the tab.
_START_BUDGET = 5.8
_PING_TIMEOUT = 0.4

_RULE_ID = re.compile(r"^LG\d{3}$")

PAGES = {
    None: "/", "log": "/", "settings": "/settings", "rules": "/rules", "chart": "/chart",
    "audit": "/audit", "consent": "/consent",
}


class DashboardError(RuntimeError):
    """The dashboard could not be started or reached; the message says why."""


def page_path(page: str | None) -> str:
    try:
        return PAGES[page]
    except KeyError:
        raise ValueError(f"unknown dashboard page {page!r} (known: {', '.join(p for p in PAGES if p)})") from None


def ensure_dashboard(page: str | None = None, rule: str | None = None) -> dict[str, str]:
    """``{"url": "http://127.0.0.1:PORT/<page>?token=…"}`` for a running dashboard.

    ``rule`` (optional, e.g. ``"LG201"``) adds ``#LG201`` so the catalogue opens
    at that rule ("Learn more" on a warning); anything else is ignored.
    """
    path = page_path(page)
    fragment = f"#{rule}" if isinstance(rule, str) and _RULE_ID.match(rule) else ""
    # The fragment does not survive the token exchange (the continue page's
    # refresh goes to path and query only): ``rule=`` in the query does, and
    # the catalogue then redirects to its own #LGnnn.
    focus = f"&rule={rule}" if fragment else ""
    started = time.monotonic()
    with _start_lock(started + _START_BUDGET):
        state = tokens.read_state()
        if state is not None and is_alive(state):
            return {"url": _link(state, path) + focus + fragment}
        url = _spawn(started + _START_BUDGET)
    parts = urlsplit(url)
    return {"url": f"{parts.scheme}://{parts.netloc}{path}?{parts.query}{focus}{fragment}"}


def running_dashboard() -> tokens.DashboardState | None:
    """The state of a live dashboard, or None."""
    state = tokens.read_state()
    return state if state is not None and is_alive(state) else None


def mint_link(state: tokens.DashboardState, page: str | None = None) -> str:
    return _link(state, page_path(page))


def _link(state: tokens.DashboardState, path: str) -> str:
    return f"{state.base_url}{path}?token={tokens.mint(state.secret)}"


def is_alive(state: tokens.DashboardState) -> bool:
    """The process exists and the server on that port answers as that very instance."""
    if not _pid_exists(state.pid):
        return False
    conn = http.client.HTTPConnection("127.0.0.1", state.port, timeout=_PING_TIMEOUT)
    try:
        conn.request(
            "GET",
            "/api/ping",
            headers={
                "Host": f"127.0.0.1:{state.port}",
                "Authorization": f"Bearer {tokens.mint(state.secret, ttl=30)}",
            },
        )
        resp = conn.getresponse()
        body = resp.read(4096)
        if resp.status != 200:
            return False
        return json.loads(body).get("instance") == state.instance
    except (OSError, ValueError, http.client.HTTPException):
        return False
    finally:
        conn.close()


def _pid_exists(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would terminate on Windows; rely on the ping
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _spawn(deadline: float) -> str:
    log_path = paths.data_dir() / "dashboard.log"
    private_dir(log_path.parent)
    cmd = [sys.executable, "-m", "guard", "ui", "--no-open", "--port", "0"]
    kwargs: dict = {}
    if os.name == "nt":
        kwargs["creationflags"] = (
            subprocess.DETACHED_PROCESS | subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW
        )
    else:
        kwargs["start_new_session"] = True
    with open_private(log_path, "ab") as errlog:  # 0600: it names the home folder and times of use
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=errlog,
            close_fds=True,
            **kwargs,
        )
    line = _first_line(proc, deadline)
    # The server prints exactly one line; closing our end is safe.
    proc.stdout.close()
    if not line:
        code = proc.poll()
        if code is None:
            raise DashboardError(
                f"the dashboard did not start within {DEADLINE_SECONDS:.0f} s (still starting; try again; log: {log_path})"
            )
        raise DashboardError(f"the dashboard exited with code {code} (see {log_path})")
    if not line.startswith("http://127.0.0.1:") or "token=" not in line:
        raise DashboardError(f"the dashboard printed an unexpected first line (see {log_path})")
    return line


def _first_line(proc: subprocess.Popen, deadline: float) -> str:
    result: list[bytes] = []

    def read() -> None:
        with contextlib.suppress(Exception):
            result.append(proc.stdout.readline(4096))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(max(0.0, deadline - time.monotonic()))
    if not result:
        return ""
    return result[0].decode("utf-8", "replace").strip()


@contextlib.contextmanager
def _start_lock(deadline: float) -> Iterator[None]:
    """Serialise starts so two quick clicks do not start two dashboards."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory lock; a duplicate start only wastes a process
        yield
        return
    lock_path = paths.data_dir() / "dashboard.lock"
    private_dir(lock_path.parent)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise DashboardError("another dashboard start is still in progress; try again") from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _main() -> int:  # pragma: no cover - manual check: python -m guard.dashboard.launcher [page]
    page = sys.argv[1] if len(sys.argv) > 1 else None
    print(ensure_dashboard(page)["url"])
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(_main())


__all__ = ["DashboardError", "ensure_dashboard", "is_alive", "mint_link", "page_path", "running_dashboard"]
