"""``linkedin-guard evaluate``: contexts on stdin, findings on stdout. Never writes the log.

With the saved settings it judges as the host does: the organisation's
managed layer applies, and so does the consent register (a recipient who
asked for the offer gets no LG201). ``--settings FILE`` judges the text
alone: no managed layer, no register.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import ValidationError


def register(sub) -> None:
    p = sub.add_parser("evaluate", help="judge a context (JSON on stdin); prints {\"warnings\": [...]}")
    p.add_argument("--settings", type=Path, metavar="FILE",
                   help="settings JSON to use instead of the saved settings")
    p.add_argument("--jsonl", action="store_true",
                   help="one context per line in, one result per line out (rate windows kept across lines)")
    p.add_argument("--explain", action="store_true",
                   help="for a message, also print LG201/LG202's score breakdown (signals, weights, excerpts) "
                        "on stderr; stdout stays the JSON result")
    p.set_defaults(func=run)


def load_settings_arg(path: Path | None):
    from guard import settings_store
    from guard.cli import UsageError

    if path is None:
        loaded = settings_store.load()
        if loaded.problem:
            print(f"linkedin-guard: {loaded.problem}", file=sys.stderr)
        from guard.cli.settings import _managed_layer
        from guard.managed import effective

        return effective(loaded.settings, _managed_layer()).settings  # as the host judges: with the organisation's layer
    try:
        return settings_store.parse_text(path.read_bytes())
    except OSError as err:
        raise UsageError(f"cannot read settings file {path}: {err.strerror}") from err
    except settings_store.SettingsError as err:
        raise UsageError(f"{path}: {err}") from err


def _result(engine, text: str, where: str, explain: bool = False) -> str:
    from guard.cli import UsageError
    from guard.models import one_line, parse_context

    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise UsageError(f"invalid context{where}: not JSON ({err.msg} at line {err.lineno} column {err.colno})") from err
    if not isinstance(data, dict):
        raise UsageError(f"invalid context{where}: (root): expected a JSON object")
    try:
        ctx = parse_context(data)
    except ValidationError as err:
        raise UsageError(one_line(err, f"context{where}")) from err
    findings = engine.evaluate(ctx)
    if explain:
        _explain(engine, ctx, where)
    return json.dumps({"warnings": [f.model_dump(mode="json") for f in findings]}, ensure_ascii=False)


def _explain(engine, ctx, where: str) -> None:
    """The message signals' score breakdown, for people (stderr: stdout is the JSON)."""
    if ctx.kind != "message":
        print(f"explain{where}: only message contexts have a score breakdown (this is {ctx.kind!r})",
              file=sys.stderr)
        return
    from guard.rules.lg201_unsolicited_commercial_message import judge_message

    head = f"explain{where}:" if where else "explain:"
    print(head + "\n" + judge_message(ctx, engine.settings).explain(), file=sys.stderr, flush=True)


def _saved_consent(settings_path: Path | None):
    """The person's consent register when judging with the saved settings (read only: never created here)."""
    if settings_path is not None:
        return None
    from guard.consent import ConsentRegister

    return ConsentRegister()


def run(args) -> int:
    from guard.engine import Engine

    engine = Engine(load_settings_arg(args.settings), consent=_saved_consent(args.settings))
    if not args.jsonl:
        print(_result(engine, sys.stdin.read(), "", args.explain))
        return 0
    for number, line in enumerate(sys.stdin, start=1):
        if line.strip():
            print(_result(engine, line, f" (line {number})", args.explain), flush=True)
    return 0
