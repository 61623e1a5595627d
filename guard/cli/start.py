"""``linkedin-guard start``: what the README's run command does.

1. Register the native host with every supported browser found here, so a
   loaded extension can reach the guard (``install``; idempotent, repairs
   stale paths).
2. Say where the extension is and how to load it.
3. Show the guard at work. When the extension has never reported anything
   (no warning log yet) the demo runs: Chromium with the extension on bundled
   LinkedIn-like pages. Otherwise the dashboard opens on the warning log.
"""

from __future__ import annotations

import sys



def register(sub) -> None:
    p = sub.add_parser("start", help="register the host, then run the demo or open the dashboard")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--demo", dest="show", action="store_const", const="demo",
                      help="always run the demo")
    what.add_argument("--dashboard", dest="show", action="store_const", const="dashboard",
                      help="always open the dashboard")
    p.set_defaults(func=run, show=None)


def load_unpacked_lines() -> list[str]:
    """Where the extension folder is and how to load it unpacked (start and install both say it)."""
    from guard.paths import extension_dir

    folder = extension_dir()
    return [f"Load {folder} as an unpacked extension:",
            "Chrome/Edge/Brave/Vivaldi: chrome://extensions -> Developer mode -> Load unpacked",
            f"Firefox: about:debugging -> This Firefox -> Load Temporary Add-on -> {folder / 'manifest.json'}"]


def say(text: str = "") -> None:
    print(text, file=sys.stderr, flush=True)


def run(args) -> int:
    from guard import paths
    from guard.cli import main
    from guard.cli.invocation import command

    say("== 1. Registering the native host with the browsers found on this machine")
    if main(["install"]) != 0:
        say(f"   (the host could not be registered everywhere; `{command('doctor')}` says why)")
    say()
    say("== 2. The extension")
    for line in load_unpacked_lines():
        say("   " + line)
    say()
    show = args.show or ("dashboard" if paths.log_db_path().exists() else "demo")
    if show == "demo":
        say("== 3. No warnings logged yet: the demo shows the guard on bundled LinkedIn-like pages")
        say(f"      (afterwards: `{command('ui')}` opens your own warning log)")
        return main(["demo"])
    say("== 3. Opening the dashboard with your warning log (Ctrl-C stops it)")
    return main(["ui"])
