"""Run the dashboard: bind 127.0.0.1, publish the state file, print the one-time link, stop when idle.

stdout gets exactly one line — the URL with a one-time token — because the
launcher (started from the native host) reads that line and then closes the
pipe. Everything else goes to stderr.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import threading
import time
from typing import Callable

from aiohttp import web

from guard.dashboard import keys, tokens
from guard.dashboard.app import DashboardConfig, create_app

BIND_HOST = "127.0.0.1"  # loopback only, never 0.0.0.0 or "localhost" (which may resolve to ::1 or more)


#: Seconds a connection may stay open without a complete request (headers included).
HEADER_TIMEOUT = 15.0


class PortInUse(OSError):
    pass


def _say(text: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        print(f"linkedin-guard ui: {text}", file=sys.stderr, flush=True)


async def serve(
    port: int = 0,
    *,
    open_browser: bool = False,
    idle_timeout: float | None = 600.0,
    page_path: str = "/",
    on_url: Callable[[str], None] | None = None,
) -> int:
    config = DashboardConfig(idle_timeout=idle_timeout)
    app = create_app(config)
    # keepalive_timeout is also how long a connection may take to send a whole
    # request head: aiohttp arms it when the connection opens and closes a
    # connection still waiting for its request when it fires (audit C11:
    # half-open connections were held for ever).
    runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=2.0,
                           keepalive_timeout=HEADER_TIMEOUT)
    await runner.setup()
    site = web.TCPSite(runner, BIND_HOST, port)
    try:
        await site.start()
    except OSError as err:
        await runner.cleanup()
        raise PortInUse(f"cannot listen on {BIND_HOST}:{port}: {err.strerror or err}") from err
    actual_port = int(runner.addresses[0][1])

    state = tokens.DashboardState(
        pid=os.getpid(), port=actual_port, secret=config.secret, instance=config.instance, started_at=time.time()
    )
    tokens.write_state(state)
    url = f"http://{BIND_HOST}:{actual_port}{page_path}?token={tokens.mint(config.secret, tokens.PRINTED_TOKEN_TTL)}"
    (on_url or _print_first_line)(url)
    if open_browser:
        # A separate token for the browser: the printed link stays usable once.
        browser_url = f"http://{BIND_HOST}:{actual_port}{page_path}?token={tokens.mint(config.secret)}"
        threading.Thread(target=_open_browser, args=(browser_url,), daemon=True).start()

    stop = app[keys.STOP]
    loop = asyncio.get_running_loop()
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
        if idle_timeout is not None and app[keys.ACTIVITY].idle_for() >= idle_timeout:
            _say(f"no clients for {idle_timeout:.0f} s; stopping")
    finally:
        tokens.remove_state(config.instance)
        await runner.cleanup()
    return 0


def _print_first_line(url: str) -> None:
    try:
        sys.stdout.write(url + "\n")
        sys.stdout.flush()
    except (BrokenPipeError, OSError, ValueError):
        # The launcher gave up waiting and closed the pipe; the state file
        # lets the next launch find this server anyway.
        pass
    # Nothing else may ever reach this stdout.
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _open_browser(url: str) -> None:
    import webbrowser

    try:
        if not webbrowser.open(url, new=2):
            _say("could not open a browser; open the link printed above")
    except Exception as err:  # pragma: no cover - depends on the desktop
        _say(f"could not open a browser ({type(err).__name__}); open the link printed above")


def run(port: int = 0, *, open_browser: bool = False, idle_timeout: float | None = 600.0, page_path: str = "/") -> int:
    return asyncio.run(serve(port, open_browser=open_browser, idle_timeout=idle_timeout, page_path=page_path))
