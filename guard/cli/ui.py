"""``linkedin-guard ui``: the local dashboard; ``linkedin-guard tail``: new warnings in the terminal.

``tail`` follows the dashboard's ``/api/live`` WebSocket with the
``websockets`` client (starting a dashboard when none runs): the same feed the
browser shows, so there is one live path to test, not two.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time

DEFAULT_IDLE = 600.0


def register(sub) -> None:
    p = sub.add_parser("ui", help="open the dashboard (warning log, settings, rules) in the browser")
    p.add_argument("--port", type=int, default=0, metavar="N", help="port on 127.0.0.1 (default: a free one)")
    p.add_argument("--no-open", action="store_true", help="only print the link; do not open a browser")
    p.add_argument(
        "--idle-timeout",
        type=float,
        default=DEFAULT_IDLE,
        metavar="SECONDS",
        help=f"stop after this long without any open dashboard tab or request (default {DEFAULT_IDLE:.0f}; 0: never)",
    )
    p.add_argument("--page", choices=("log", "settings", "rules", "chart", "audit"), default=None, help="the page to open")
    p.set_defaults(func=run_ui)

    t = sub.add_parser("tail", help="print new warnings and decisions as they happen (follows the dashboard's live feed)")
    t.add_argument("--json", action="store_true", help="one JSON object per line")
    t.set_defaults(func=run_tail)


def run_ui(args) -> int:
    from guard.cli import UsageError

    if not 0 <= args.port <= 65535:
        raise UsageError("--port: expected 0..65535")
    if args.idle_timeout < 0:
        raise UsageError("--idle-timeout: expected 0 or more seconds")
    from guard.dashboard.launcher import page_path
    from guard.dashboard.server import PortInUse, run

    try:
        return run(
            args.port,
            open_browser=not args.no_open,
            idle_timeout=args.idle_timeout or None,
            page_path=page_path(args.page),
        )
    except PortInUse as err:
        print(f"linkedin-guard ui: {err}", file=sys.stderr)
        return 1


# --------------------------------------------------------------------------
# tail
# --------------------------------------------------------------------------

# Page text is hostile in a terminal too: escape sequences could rewrite the
# screen or the window title, bidi controls could reorder what is shown
# ("Trojan Source", CVE-2021-42574). They are shown as visible escapes.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: object) -> str:
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", "" if text is None else str(text))


def format_event(msg: dict) -> str | None:
    kind = msg.get("type")
    entry = msg.get("entry") or {}
    view = msg.get("view") or {}
    if kind == "warning":
        parts = [
            view.get("when_full") or entry.get("created_at", ""),
            entry.get("rule", ""),
            f"{entry.get('severity', ''):<8}",
            view.get("kind_label") or entry.get("kind", ""),
            "—",
            entry.get("subject") or "",
        ]
        line = "  ".join(terminal_safe(p) for p in parts)
        if view.get("rule_title"):
            line += f"  ({terminal_safe(view['rule_title'])})"
        if entry.get("excerpt"):
            line += f"\n    “{terminal_safe(entry['excerpt'])}”"
        return line
    if kind == "decision":
        line = f"{terminal_safe(time.strftime('%Y-%m-%d %H:%M:%S'))}  {terminal_safe(entry.get('rule', ''))}  → {terminal_safe(view.get('decision_label') or entry.get('decision'))}"
        line += f"  #{int(entry.get('id', 0))} {terminal_safe(entry.get('subject') or '')}"
        if entry.get("justification"):
            line += f"\n    “{terminal_safe(entry['justification'])}”"
        return line
    return None


def _accept_language() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"


def run_tail(args) -> int:
    """Follow the feed; a dashboard that tail had to start is stopped again when tail ends."""
    import signal

    def stop(signum, frame):  # SIGTERM ends tail like Ctrl-C: through the finally below
        raise KeyboardInterrupt

    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, stop)
    started: list[int] = []
    try:
        return _follow(args, started)
    finally:
        for pid in started:
            _stop_dashboard(pid)


def _stop_dashboard(pid: int) -> None:
    """Stop the dashboard this tail started (by its pid, never by name); a newer one is left alone."""
    import signal

    from guard.dashboard import tokens

    state = tokens.read_state()
    if state is None or state.pid != pid:
        return  # it stopped by itself (idle), or another one runs now: not ours
    try:
        os.kill(pid, signal.SIGTERM)
    except OSError:
        return
    print("linkedin-guard tail: stopped the dashboard it had started", file=sys.stderr, flush=True)


def _follow(args, started: list[int]) -> int:
    from websockets.exceptions import InvalidHandshake, InvalidStatus, WebSocketException
    from websockets.sync.client import connect

    from guard.dashboard import launcher, tokens

    after: int | None = None
    began = time.time() - 1  # the state file's clock, with a little slack
    none_before = launcher.running_dashboard() is None
    announced = False
    backoff = 0.5
    while True:
        state = launcher.running_dashboard()
        if state is None:
            try:
                launcher.ensure_dashboard(None)
            except launcher.DashboardError as err:
                print(f"linkedin-guard tail: {err}", file=sys.stderr)
                time.sleep(backoff)
                backoff = min(backoff * 2, 10)
                continue
            state = tokens.read_state()
            if state is None:
                continue
        # Ours when it started after tail did and none ran before: that also
        # covers a start that outlasted the launcher's deadline and was found
        # on a later round.
        if none_before and state.started_at >= began and state.pid not in started:
            started.append(state.pid)
        uri = f"ws://127.0.0.1:{state.port}/api/live" + (f"?after={after}" if after is not None else "")
        try:
            with connect(
                uri,
                origin=f"http://127.0.0.1:{state.port}",
                additional_headers={
                    "Authorization": f"Bearer {tokens.mint(state.secret, ttl=30)}",
                    "Accept-Language": _accept_language(),
                },
                proxy=None,  # loopback: never through a proxy from the environment
                open_timeout=5,
            ) as ws:
                backoff = 0.5
                for raw in ws:
                    msg = json.loads(raw)
                    if isinstance(msg.get("event_id"), int):
                        after = msg["event_id"]
                    if msg.get("type") == "hello":
                        # Only now is the server's starting point fixed: from here on nothing is missed.
                        if not announced:
                            print("linkedin-guard tail: following new warnings (Ctrl-C to stop)", file=sys.stderr, flush=True)
                            announced = True
                        continue
                    if args.json:
                        print(json.dumps({k: msg[k] for k in ("type", "event_id", "entry") if k in msg}, ensure_ascii=False), flush=True)
                    else:
                        line = format_event(msg)
                        if line:
                            print(line, flush=True)
        except InvalidStatus as err:
            print(f"linkedin-guard tail: the dashboard refused the connection ({err.response.status_code})", file=sys.stderr)
            return 1
        except (OSError, InvalidHandshake, WebSocketException, ValueError):
            # The dashboard stopped (idle) or restarted: find or start it again.
            time.sleep(backoff)
            backoff = min(backoff * 2, 10)
