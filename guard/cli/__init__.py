"""``linkedin-guard``: one entry point, one module per command group.

Each module listed in ``COMMAND_MODULES`` has ``register(subparsers)`` which
adds its commands and sets ``func`` on the parsed arguments. Modules are
imported when the CLI starts, so keep heavy imports (aiohttp, playwright)
inside the command functions.

Exit codes: 0 fine, 1 something is broken (e.g. ``doctor`` found a problem),
2 bad input (one line on stderr naming the problem and the field path).
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES = (
    "guard.cli.evaluate",
    "guard.cli.rules",
    "guard.cli.settings",
    "guard.cli.log",
    "guard.cli.consent",
    "native_host.cli",
    "guard.cli.ui",
    "guard.cli.demo",
    "guard.cli.start",
)


class UsageError(Exception):
    """Bad input from the person: printed as one line, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="linkedin-guard",
        description="Warns you before risky LinkedIn actions. Everything stays on this machine.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except UsageError as err:
        print(f"linkedin-guard: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `linkedin-guard log | head`: the reader left, which is not an error.
        # Point stdout at devnull so the interpreter's final flush stays quiet.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
