"""``linkedin-guard audit PATH``: judge a LinkedIn data export (ZIP or folder) with the same rules.

Contract: protocol.md, "Looking back". Exit 0 when the export was read (with
or without findings), 2 when PATH is not a readable export (one line on
stderr). Results are stored in the guard home (``audit.sqlite3``) for the
dashboard's Audit page unless ``--no-store``; ``--forget`` deletes them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("audit", help="judge your LinkedIn data export (ZIP or unpacked folder) with the same rules")
    p.add_argument("path", type=Path, nargs="?", metavar="PATH", help="Basic_/Complete_LinkedInDataExport_….zip or its folder")
    p.add_argument("--json", action="store_true", help="print one JSON object (see protocol.md)")
    p.add_argument("--settings", type=Path, metavar="FILE", help="settings JSON to use instead of the saved settings")
    p.add_argument("--no-store", action="store_true", help="do not keep the results for the dashboard")
    p.add_argument("--forget", action="store_true", help="delete every stored audit result and exit")
    p.set_defaults(func=run)


def run(args) -> int:
    from guard.cli import UsageError
    from guard.cli.evaluate import load_settings_arg
    from guard.export.audit import audit
    from guard.export.source import ExportError
    from guard.export.store import AuditStore

    if args.forget:
        with AuditStore() as store:
            n = store.clear()
        print(f"deleted {n} stored audit run(s)")
        return 0
    if args.path is None:
        raise UsageError("audit: PATH is required (the export ZIP or its folder)")
    settings = load_settings_arg(args.settings)
    try:
        result = audit(args.path, settings)
    except ExportError as err:
        raise UsageError(str(err)) from None
    if not args.no_store:
        with AuditStore() as store:
            store.save(result, args.path.name, store_excerpts=settings.log.store_excerpts,
                       retention_days=settings.log.retention_days)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        _print_text(result, stored=not args.no_store)
    return 0


def _print_text(result, stored: bool) -> None:
    export = result.export
    print(f"Export: {export['kind']}, dated {export['date'] or 'unknown'}, {len(export['files'])} files read")
    if not result.findings:
        print("No findings.")
    for f, fix in zip(result.findings, result.fixes):
        line = f"{f['rule']}  {f['date'] or '-':<20}  {f['source']:<26}  {f['subject']}"
        print(line)
        if f["excerpt"]:
            print(f"       “{f['excerpt']}”")
        if fix:
            print(f"       fix: {fix}")
    if result.summary:
        print("Summary: " + ", ".join(f"{rule} {n}" for rule, n in result.summary.items()))
    for p in result.problems:
        print(f"problem: {p['file']}: {p['message']}", file=sys.stderr)
    if stored:
        print("Stored for the dashboard's Audit page: linkedin-guard ui --page audit")
