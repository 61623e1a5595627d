"""``linkedin-guard install|uninstall|doctor``: register the native host with browsers and check it.

Exit codes: 0 fine, 1 ``doctor`` found something broken, 2 bad input
(unknown browser, unreadable extension manifest, ...).
"""

from __future__ import annotations

import json
from pathlib import Path


def _common(p) -> None:
    from native_host.install import BROWSER_CHOICES

    p.add_argument("--browser", action="extend", nargs="+", choices=BROWSER_CHOICES, metavar="NAME",
                   help=f"one or more of {', '.join(BROWSER_CHOICES)} (default: every browser found here)")
    p.add_argument("--system", action="store_true",
                   help="for every user of this machine (needs administrator rights)")
    p.add_argument("--user-data-dir", type=Path, metavar="DIR",
                   help="only this Chromium profile folder (what the browser gets as --user-data-dir)")
    p.add_argument("--extension-manifest", type=Path, metavar="FILE",
                   help="the extension's manifest.json, where its ID comes from (default: this project's extension/)")


def register(sub) -> None:
    p = sub.add_parser("install", help="register the native host with your browsers (again: repairs it)")
    _common(p)
    p.add_argument("--extension-id", action="append", default=[], metavar="ID",
                   help="also allow this extension ID (a store-assigned one); remembered for later installs")
    p.set_defaults(func=run_install)
    p = sub.add_parser("uninstall", help="remove exactly what install wrote")
    _common(p)
    p.set_defaults(func=run_uninstall)
    p = sub.add_parser("doctor", help="check that each browser can reach the host; says how to fix what is not")
    _common(p)
    p.add_argument("--json", action="store_true", help="machine-readable report")
    p.set_defaults(func=run_doctor)


def _env_and_browsers(args, *, for_doctor: bool = False):
    from native_host.install import Env, InstallError, select_browsers

    env = Env.current()
    if args.system and args.user_data_dir:
        raise InstallError("--system and --user-data-dir exclude each other")
    if for_doctor and not args.browser and not args.user_data_dir:
        return env, None
    return env, select_browsers(env, args.browser, user_data_dir=args.user_data_dir)


def run_install(args) -> int:
    from guard.cli import UsageError
    from native_host import HOST_NAME
    from native_host.install import InstallError, extension_ids, install

    try:
        env, browsers = _env_and_browsers(args)
        ids = extension_ids(args.extension_manifest)
        outcomes = install(env, browsers, ids, system=args.system, user_data_dir=args.user_data_dir,
                           extra_ids=args.extension_id)
    except InstallError as err:
        raise UsageError(str(err)) from err
    except PermissionError as err:
        raise UsageError(f"no permission to write {err.filename}"
                         + (" (--system needs administrator rights)" if args.system else "")) from err
    print(f"host {HOST_NAME} for extension {ids.chromium}" + (f" / add-on {ids.gecko}" if ids.gecko else ""))
    for o in outcomes:
        reg = f" (registry {o.target.registry[0]}\\{o.target.registry[1]})" if o.target.registry else ""
        print(f"  {o.target.label}: {o.target.manifest}{reg}")
        for note in o.target.notes:
            print(f"    note: {note}")
    if outcomes:
        print(f"launcher: {json.loads(outcomes[0].target.manifest.read_text())['path']}")
    from guard.cli.invocation import command
    from guard.cli.start import load_unpacked_lines

    if args.extension_manifest is None:
        print("extension: " + "\n  ".join(load_unpacked_lines()))
    print("check it with: " + command("doctor") + _same_options(args))
    return 0


def _same_options(args) -> str:
    out = ""
    if args.browser:
        out += " --browser " + " ".join(args.browser)
    if args.system:
        out += " --system"
    if args.user_data_dir:
        out += f" --user-data-dir {args.user_data_dir}"
    return out


def run_uninstall(args) -> int:
    from guard.cli import UsageError
    from native_host.install import InstallError, uninstall

    try:
        env, browsers = _env_and_browsers(args)
        if not args.browser and not args.user_data_dir:
            from native_host.install import BROWSERS

            browsers = list(BROWSERS.values())
        outcomes = uninstall(env, browsers, system=args.system, user_data_dir=args.user_data_dir)
    except InstallError as err:
        raise UsageError(str(err)) from err
    except PermissionError as err:
        raise UsageError(f"no permission to remove {err.filename}") from err
    for o in outcomes:
        if o.action == "removed":
            print(f"  {o.target.label}: removed {o.detail}")
        elif args.browser or args.user_data_dir:
            print(f"  {o.target.label}: nothing to remove ({o.detail})")
    return 0


def run_doctor(args) -> int:
    from native_host import doctor
    from native_host.install import InstallError, extension_ids

    ids, ids_error = None, None
    try:
        ids = extension_ids(args.extension_manifest)
    except InstallError as err:
        ids_error = str(err)
    try:
        env, browsers = _env_and_browsers(args, for_doctor=True)
        reports, notes = doctor.diagnose(env, browsers, ids, ids_error, system=args.system,
                                         user_data_dir=args.user_data_dir)
    except InstallError as err:
        if args.json:
            print(json.dumps({"ok": False, "error": str(err), "reports": []}, indent=2))
        else:
            print(f"BROKEN: {err}")
        return 1
    ok = all(r.ok for r in reports)
    unreadable = doctor.unreadable_pages()
    if args.json:
        print(json.dumps({"ok": ok, "reports": [r.as_json() for r in reports], "notes": notes,
                          "unreadable_pages": unreadable}, indent=2))
    else:
        print(doctor.render(reports, notes, ids))
        print()
        print(doctor.render_unreadable(unreadable))
        print()
        print("all good" if ok else "something is broken: apply the fix under each FAIL, then run doctor again")
    return 0 if ok else 1
