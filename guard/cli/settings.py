"""``linkedin-guard settings show|import FILE|export|path``."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("settings", help="show, import or export the settings")
    s = p.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    s.add_parser("show", help="print the settings in force").set_defaults(func=show)
    imp = s.add_parser("import", help="validate FILE and make it the settings (nothing changes if invalid)")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.set_defaults(func=import_)
    s.add_parser("export", help="print the saved settings as JSON (to save or share)").set_defaults(func=show)
    s.add_parser("path", help="print where the settings file is").set_defaults(func=path)


def show(args) -> int:
    from guard import settings_store

    loaded = settings_store.load()
    if loaded.problem:
        print(f"linkedin-guard: {loaded.problem}", file=sys.stderr)
    print(json.dumps(loaded.settings.model_dump(mode="json"), indent=2, ensure_ascii=False))
    return 0


def import_(args) -> int:
    from guard import settings_store
    from guard.cli import UsageError

    try:
        raw = args.file.read_bytes()
    except OSError as err:
        raise UsageError(f"cannot read {args.file}: {err.strerror}") from err
    try:
        settings = settings_store.parse_text(raw)
    except settings_store.SettingsError as err:
        raise UsageError(f"{args.file}: {err}") from err
    target = settings_store.save(settings)
    print(f"settings imported into {target}", file=sys.stderr)
    return 0


def path(args) -> int:
    from guard import paths

    print(paths.settings_path())
    return 0
