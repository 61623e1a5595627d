"""``linkedin-guard consent``: the consent register (people who asked for your offer).

    linkedin-guard consent list [--json]
    linkedin-guard consent remove ID [ID ...]
    linkedin-guard consent note ID TEXT     (an empty TEXT removes the note)
    linkedin-guard consent export FILE      (.json or .csv, written atomically, mode 0600)

"They asked for this" on an LG201/LG202 warning adds the recipient; later
messages to them get no LG201. Entries stay until removed (see
:mod:`guard.consent` for why). Nothing here leaves the machine.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from guard.files import atomic_write


def register(sub) -> None:
    p = sub.add_parser("consent", help="people who asked for your offer (exempt from LG201): list, remove, export")
    p.set_defaults(func=show, json=False)
    s = p.add_subparsers(dest="consent_command", metavar="ACTION")
    ls = s.add_parser("list", help="list the register, newest first")
    ls.add_argument("--json", action="store_true", help="print a JSON list")
    ls.set_defaults(func=show)
    rm = s.add_parser("remove", help="remove entries by id (their messages get LG201 again)")
    rm.add_argument("ids", nargs="+", type=int, metavar="ID")
    rm.set_defaults(func=remove)
    nt = s.add_parser("note", help="replace an entry's note")
    nt.add_argument("id", type=int, metavar="ID")
    nt.add_argument("text", metavar="TEXT")
    nt.set_defaults(func=note)
    ex = s.add_parser("export", help="write the register to FILE (.json or .csv)")
    ex.add_argument("file", type=Path, metavar="FILE")
    ex.set_defaults(func=export)


def _register():
    from guard.consent import ConsentRegister

    return ConsentRegister()


def show(args) -> int:
    entries = _register().entries()
    if args.json:
        print(json.dumps(entries, ensure_ascii=False, indent=2))
        return 0
    if not entries:
        print("The consent register is empty.")
        return 0
    for e in entries:
        who = f"{e['name']} ({e['profile_key']})" if e["profile_key"] else e["name"]
        line = f"{e['id']:>4}  {e['created_at']}  {who}"
        print(line + (f"  — {e['note']}" if e["note"] else ""))
    return 0


def remove(args) -> int:
    from guard.cli import UsageError

    removed = _register().remove(args.ids)
    if removed == 0:
        raise UsageError(f"ID: no consent entry with id {', '.join(map(str, args.ids))}")
    print(f"Removed {removed} entr{'y' if removed == 1 else 'ies'}.")
    return 0


def note(args) -> int:
    from guard.cli import UsageError
    from guard.consent import ConsentError

    try:
        changed = _register().set_note(args.id, args.text)
    except ConsentError as err:
        raise UsageError(str(err)) from None
    if not changed:
        raise UsageError(f"ID: no consent entry with id {args.id}")
    print("Note saved.")
    return 0


def export(args) -> int:
    from guard.cli import UsageError

    suffix = args.file.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise UsageError(f"FILE: {args.file.name!r} must end in .json or .csv")
    reg = _register()
    data = reg.export_json() if suffix == ".json" else reg.export_csv()
    atomic_write(args.file, data.encode("utf-8"), mode=0o600)
    print(f"Wrote {len(reg.entries())} entries to {args.file}", file=sys.stderr)
    return 0
