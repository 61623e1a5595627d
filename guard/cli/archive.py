"""``linkedin-guard archive import PATH`` / ``archive search QUERY``: a local archive of your own posts.

Posts (``Shares.csv``), articles (``Articles/*.html``) and comments
(``Comments.csv``) from an export go into ``archive.sqlite3`` in the guard
home, searchable with SQLite FTS5. Re-importing adds only what is new and
lists what disappeared since the last import. Output of ``search --json``:
protocol.md, "Looking back".
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("archive", help="keep and search your own posts, articles and comments from an export")
    inner = p.add_subparsers(dest="archive_command", metavar="ACTION")
    imp = inner.add_parser("import", help="add the posts of an export (ZIP or folder) to the archive")
    imp.add_argument("path", type=Path, metavar="PATH")
    imp.add_argument("--json", action="store_true", help="print {added, kept, gone, problems} as JSON")
    imp.set_defaults(func=run_import)
    search = inner.add_parser("search", help="search the archive, newest first")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--json", action="store_true", help='print [{"date", "kind", "text", "url"}]')
    search.add_argument("--limit", type=int, default=50, help="at most this many matches (default 50)")
    search.set_defaults(func=run_search)
    p.set_defaults(func=lambda args: (p.print_help(), 0)[1])


def run_import(args) -> int:
    from guard.cli import UsageError
    from guard.export.posts import PostArchive
    from guard.export.source import ExportError

    try:
        with PostArchive() as archive:
            report = archive.import_export(args.path)
    except ExportError as err:
        raise UsageError(str(err)) from None
    if args.json:
        print(json.dumps({"added": report.added, "kept": report.kept, "gone": report.gone,
                          "problems": report.problems}, ensure_ascii=False))
        return 0
    print(f"{report.added} new, {report.kept} already in the archive, {len(report.gone)} gone since the last import")
    for item in report.gone:
        text = " ".join(item["text"].split())
        print(f"  gone: {item['date'] or '-'}  {item['kind']}  {text[:100]}{'…' if len(text) > 100 else ''}")
    for p in report.problems:
        print(f"problem: {p['file']}: {p['message']}", file=sys.stderr)
    return 0


def run_search(args) -> int:
    from guard.cli import UsageError
    from guard.export.posts import PostArchive

    if not 1 <= args.limit <= 10_000:
        raise UsageError("archive search: --limit must be between 1 and 10000")
    with PostArchive() as archive:
        matches = archive.search(args.query, limit=args.limit)
    if args.json:
        print(json.dumps(matches, ensure_ascii=False))
        return 0
    if not matches:
        print("No matches.")
    for m in matches:
        text = " ".join(m["text"].split())
        print(f"{m['date'] or '-':<20}  {m['kind']:<8}  {text[:120]}{'…' if len(text) > 120 else ''}")
        if m["url"]:
            print(f"{'':<30}{m['url']}")
    return 0
