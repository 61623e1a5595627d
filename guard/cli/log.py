"""``linkedin-guard log``: read, export and clear the warning log.

    linkedin-guard log [--json|--csv] [--rule ID] [--since DATE] [--limit N]
    linkedin-guard log clear [--before DATE] [--yes]
    linkedin-guard log export FILE          (.json or .csv, written atomically)

Newest first. Times are shown in local time with the UTC offset, exactly as
the dashboard shows them (``2026-11-28 18:01 +01:00``); ``--json`` and the
exports keep the stored UTC time. DATE is ``YYYY-MM-DD`` (midnight, local
time), an ISO 8601 time (local unless it names a zone: ``Z``, ``+01:00``),
or a span back from now such as ``7d``, ``12h`` or ``30m``. Rule ids are
case-insensitive (``lg201``); an unknown one is an error naming the known
ones (exit 2).

CSV cells that start with ``= + - @`` (or a tab/CR) get a leading ``'``:
excerpts come from pages strangers wrote, and a spreadsheet would otherwise
run them as formulas (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import json
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable

from guard.files import atomic_file
from guard.timefmt import local_time


def register(sub) -> None:
    p = sub.add_parser("log", help="the warning log: list (default), export, clear")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print a JSON list of log entries")
    fmt.add_argument("--csv", action="store_true", help="print CSV")
    p.add_argument("--rule", metavar="ID", help="only this rule, e.g. LG201 (any case)")
    p.add_argument("--since", metavar="DATE",
                   help="only entries from DATE on: 2026-11-01 (local midnight), 2026-11-01T09:00 (local time; "
                        "add Z or +01:00 for another zone), or a span back from now: 7d, 12h, 30m")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N entries (default 50; 0 = all)")
    p.set_defaults(func=show)
    s = p.add_subparsers(dest="log_command", metavar="ACTION")
    c = s.add_parser("clear", help="delete entries (asks first unless --yes)")
    c.add_argument("--before", metavar="DATE", help="only entries older than DATE")
    c.add_argument("--yes", action="store_true", help="do not ask")
    c.set_defaults(func=clear)
    e = s.add_parser("export", help="write the whole log to FILE (.json or .csv)")
    e.add_argument("file", type=Path, metavar="FILE")
    e.add_argument("--rule", dest="export_rule", metavar="ID", help="only this rule (any case)")
    e.add_argument("--since", dest="export_since", metavar="DATE", help="only entries from DATE on")
    e.set_defaults(func=export)


_SPAN = re.compile(r"^(\d+)\s*([dhm])$")


def parse_when(text: str, what: str) -> datetime:
    """A date, ISO time or ``7d``/``12h``/``30m`` span, as an aware UTC datetime."""
    from guard.cli import UsageError

    value = text.strip()
    m = _SPAN.match(value)
    if m:
        n, unit = int(m.group(1)), m.group(2)
        delta = {"d": timedelta(days=n), "h": timedelta(hours=n), "m": timedelta(minutes=n)}[unit]
        return datetime.now(timezone.utc) - delta
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(f"{what}: {text!r} is not a date (use 2026-11-01, 2026-11-01T09:00, 7d or 12h)") from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a person types local time
    return moment.astimezone(timezone.utc)


def rule_id(text: str | None) -> str | None:
    """``lg201`` -> ``LG201``; an unknown id is a usage error naming the known ones."""
    from guard.cli import UsageError
    from native_host.dispatch import rule_ids_cheaply

    if text is None:
        return None
    known = rule_ids_cheaply()
    value = text.strip().upper()
    if value not in known:
        raise UsageError(f"--rule: unknown rule {text!r} (known: {', '.join(known)})")
    return value


def _open_log():
    from guard.warning_log import WarningLog

    return WarningLog()


def _write_csv(rows: Iterable[dict[str, Any]], fields: tuple[str, ...], out) -> None:
    from guard.warning_log import csv_cell

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for row in rows:
        writer.writerow([csv_cell(row.get(f)) for f in fields])


def show(args) -> int:
    from guard.cli import UsageError
    from guard.warning_log import ENTRY_FIELDS

    if args.limit < 0:
        raise UsageError("--limit must be 0 (all) or more")
    since = parse_when(args.since, "--since") if args.since else None
    args.rule = rule_id(args.rule)
    log = _open_log()
    limit = args.limit or None
    rows = log._select(ENTRY_FIELDS, limit=limit, rule=args.rule, since=since)
    entries = [dict(r) for r in rows]
    if args.json:
        print(json.dumps(entries, ensure_ascii=False, indent=2))
    elif args.csv:
        _write_csv(entries, ENTRY_FIELDS, sys.stdout)
    else:
        if not entries:
            print("the warning log is empty" + (" for these filters" if args.rule or since else ""), file=sys.stderr)
        for e in entries:
            when = local_time(e["created_at"])  # as the dashboard shows it: local, offset shown
            decision = f" [{e['decision']}]" if e["decision"] else ""
            excerpt = f"  “{e['excerpt']}”" if e["excerpt"] else ""
            print(f"{e['id']:>6}  {when}  {e['rule']}  {e['severity']:<8} {e['kind']:<17} {e['subject']}{decision}{excerpt}")
        total = log.count(rule=args.rule, since=since)
        if entries and total > len(entries):
            print(f"({len(entries)} of {total}; --limit 0 shows all)", file=sys.stderr)
    return 0


def clear(args) -> int:
    before = parse_when(args.before, "--before") if args.before else None
    log = _open_log()
    n = log.count(until=before) if before else log.count()
    if n == 0:
        print("nothing to delete", file=sys.stderr)
        return 0
    scope = f"{n} entries older than {local_time(before.isoformat())}" if before else f"all {n} entries"
    if not args.yes:
        print(f"Delete {scope} from the warning log? This cannot be undone. [y/N] ", end="", file=sys.stderr, flush=True)
        try:
            answer = sys.stdin.readline() if sys.stdin is not None else ""
        except (OSError, ValueError):
            answer = ""
        if not answer:
            print("\nlinkedin-guard: no answer (stdin is closed or not a terminal); nothing deleted. "
                  "Add --yes to clear without asking.", file=sys.stderr)
            return 1
        if answer.strip().lower() not in ("y", "yes", "j", "ja"):
            print("nothing deleted", file=sys.stderr)
            return 1
    removed = log.clear(before)
    print(f"deleted {removed} entries", file=sys.stderr)
    return 0


def export(args) -> int:
    from guard.cli import UsageError
    from guard.warning_log import DETAIL_FIELDS

    suffix = args.file.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise UsageError(f"{args.file}: the file name must end in .json or .csv (that picks the format)")
    since = parse_when(args.export_since, "--since") if args.export_since else None
    args.export_rule = rule_id(args.export_rule)
    log = _open_log()
    rows = log.iter_details(rule=args.export_rule, since=since)
    target = args.file.expanduser()
    if not target.parent.exists():
        raise UsageError(f"{target.parent} does not exist")
    count = 0
    # 0600: the log is private; so is its export.
    with atomic_file(target, mode=0o600) as fh:
        if suffix == ".json":
            fh.write("[")
            for row in rows:
                fh.write(("\n  " if count == 0 else ",\n  ") + json.dumps(row, ensure_ascii=False))
                count += 1
            fh.write("\n]\n" if count else "]\n")
        else:
            def counted():
                nonlocal count
                for row in rows:
                    count += 1
                    yield row
            _write_csv(counted(), DETAIL_FIELDS, fh)
    print(f"exported {count} entries to {target}", file=sys.stderr)
    return 0
