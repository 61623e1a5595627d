"""``linkedin-guard settings show|import FILE|export|path``."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("settings", help="show, import or export the settings")
    s = p.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    shw = s.add_parser("show", help="print the settings in force")
    shw.add_argument("--effective", action="store_true",
                     help="merge in your organisation's layer (managed.json) and say where each value comes from")
    shw.add_argument("--json", action="store_true", help='with --effective: {"settings": ..., "sources": ...}')
    shw.set_defaults(func=show)
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
    if getattr(args, "effective", False):
        return show_effective(loaded.settings, as_json=args.json)
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
    settings = _refuse_locked(settings)
    target = settings_store.save(settings)
    print(f"settings imported into {target}", file=sys.stderr)
    _say_what_stays_locked(settings)
    return 0


def _say_what_stays_locked(settings) -> None:
    """Your own value at a locked path is kept (it rules again when the lock goes), but not in force: say so."""
    from guard import managed

    layer = _managed_layer()
    own = managed.user_leaves(settings)  # what the person set themselves (differs from the built-in)
    overruled = [managed.dotted(path) for path, value in sorted(managed.flatten(layer.locked).items())
                 if path in own and own[path] != value]
    if overruled:
        print("note: set by your organisation, so your own value does not apply while it is locked: "
              + ", ".join(overruled), file=sys.stderr)


def path(args) -> int:
    from guard import paths

    print(paths.settings_path())
    return 0


def _managed_layer():
    from guard import managed, paths

    layer, problem = managed.load(managed.path_for(paths.settings_path()))
    if problem:
        print(f"linkedin-guard: {problem}", file=sys.stderr)
    return layer


def _refuse_locked(settings):
    """The imported settings, or exit 2 naming each path the organisation locked."""
    from guard import managed, settings_store
    from guard.cli import UsageError

    layer = _managed_layer()
    current = settings_store.load().settings
    refused = managed.locked_changes(settings, current, layer)
    if refused:
        raise UsageError("refused (locked): " + "; ".join(f"{d['path']}: {d['message']}" for d in refused))
    return managed.keep_own_values(settings, current, layer)


def show_effective(user_settings, *, as_json: bool) -> int:
    from guard import managed

    merged = managed.effective(user_settings, _managed_layer())
    if merged.problem:
        print(f"linkedin-guard: {merged.problem}", file=sys.stderr)
    data = merged.settings.model_dump(mode="json")
    if as_json:
        print(json.dumps({"settings": data, "sources": merged.sources}, indent=2, ensure_ascii=False))
        return 0
    flat = managed.flatten(data)
    width = max(len(managed.dotted(p)) for p in flat)
    for path, value in flat.items():
        name = managed.dotted(path)
        print(f"{name:<{width}}  {json.dumps(value, ensure_ascii=False)}  ({merged.sources[name]})")
    return 0
