"""``linkedin-guard demo``: see live warnings on bundled LinkedIn-like pages.

Opens Chromium with the extension on demo pages served locally as
www.linkedin.com, in a throwaway profile with its own guard home. Without a
display it runs headless, prints the warnings it saw and saves a screenshot.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="see live warnings on bundled demo pages (no LinkedIn account needed)",
        description="Open Chromium with the extension on bundled LinkedIn-like demo pages, in a throwaway "
        "profile. Without a display ($DISPLAY unset) it runs headless, prints the warnings and saves a screenshot.",
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--headless", dest="headless", action="store_true", default=None,
                      help="run without a window even when a display is available")
    mode.add_argument("--show", dest="headless", action="store_false",
                      help="open a window (needs a display)")
    p.add_argument("--chromium", metavar="PATH", help="the Chromium binary (default: $CHROMIUM_PATH or /usr/bin/chromium)")
    p.add_argument("--screenshot", metavar="FILE", type=Path, default=Path("demo-output/demo.png"),
                   help="where the headless run saves its screenshot (default: %(default)s)")
    p.add_argument("--keep", action="store_true", help="keep the throwaway profile and guard home (for a look at the log)")
    p.set_defaults(func=run)


def run(args) -> int:
    from guard.cli import UsageError
    from guard.demo import DemoError
    from guard.demo import run as run_demo

    try:
        seen = run_demo(headless=args.headless, chromium=args.chromium, screenshot=args.screenshot, keep=args.keep)
    except DemoError as err:
        raise UsageError(str(err)) from err
    if seen is not None and not seen:
        from guard.cli.invocation import command

        print(f"no warnings were seen: is the native host working? try: {command('doctor')}")
        return 1
    return 0
