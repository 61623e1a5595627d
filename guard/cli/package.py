"""``linkedin-guard package [--out DIR]``: the files the browser stores take.

Writes ``linkedin-guard-<version>-chromium.zip`` (Chrome Web Store, Edge
Add-ons) and ``linkedin-guard-<version>-firefox.xpi`` (addons.mozilla.org)
from the extension folder (``guard.paths.extension_dir``):

* ``manifest.json`` at the root of each archive, as the stores require.
* The development ``key`` is left out: a store assigns the ID itself (the
  host allows those IDs through ``native_host/store_ids.py`` or
  ``install --extension-id``). The Firefox package leaves out
  ``background.service_worker``, which Firefox ignores (it runs
  ``background.scripts``). ``web-ext lint`` finds nothing in the .xpi; in
  the .zip only the Firefox-only note that the service worker is ignored
  there. (``browser_specific_settings`` stays in both: Chromium ignores it,
  and web-ext lint requires the add-on ID.)
* Byte for byte reproducible: entries sorted by name, every timestamp
  1980-01-01 00:00, every mode 0644, the same compression, no extra fields;
  the manifest is rewritten in one fixed format. Two runs (or two machines
  with the same zlib) give identical files.
* Documentation (``*.md``) and dotfiles stay out.

The version in ``extension/manifest.json`` must equal the package's
(``guard.__version__``); a mismatch stops with exit 2 naming both.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o644
DEV_ONLY_KEYS = ("key",)


def register(sub) -> None:
    p = sub.add_parser("package", help="write the store packages: a Chromium .zip and a Firefox .xpi")
    p.add_argument("--out", type=Path, default=Path("."), metavar="DIR",
                   help="folder to write them into (default: the current folder; created if missing)")
    p.set_defaults(func=run)


def store_manifest(manifest: dict[str, Any], browser: str) -> dict[str, Any]:
    out = {k: v for k, v in manifest.items() if k not in DEV_ONLY_KEYS}
    background = out.get("background")
    if browser == "firefox" and isinstance(background, dict) and "scripts" in background:
        # Firefox runs background.scripts and ignores service_worker (web-ext lint warns about it).
        out["background"] = {k: v for k, v in background.items() if k != "service_worker"}
    return out


def package_files(folder: Path) -> list[tuple[str, Path]]:
    """(archive name, file) for every file that ships, sorted by archive name."""
    files = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if not path.is_file() or any(part.startswith(".") for part in rel.parts) or path.suffix == ".md":
            continue
        if rel.as_posix() == "manifest.json":
            continue
        files.append((rel.as_posix(), path))
    return sorted(files)


def build_archive(folder: Path, browser: str) -> bytes:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    entries = [("manifest.json", (json.dumps(store_manifest(manifest, browser), indent=2, ensure_ascii=False)
                                  + "\n").encode("utf-8"))]
    entries += [(name, path.read_bytes()) for name, path in package_files(folder)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:  # manifest first, then sorted: a fixed order
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o100000 | FILE_MODE) << 16  # a regular file, rw-r--r--
            info.create_system = 3  # Unix, on every OS, so the mode bits mean the same
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def archive_names(version: str) -> dict[str, str]:
    return {"chromium": f"linkedin-guard-{version}-chromium.zip", "firefox": f"linkedin-guard-{version}-firefox.xpi"}


def run(args) -> int:
    from guard import __version__
    from guard.cli import UsageError
    from guard.files import atomic_write
    from guard.paths import extension_dir

    folder = extension_dir()
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise UsageError(f"cannot read {folder / 'manifest.json'}: {err}") from None
    if manifest.get("version") != __version__:
        raise UsageError(f"extension/manifest.json says version {manifest.get('version')!r} but the package is "
                         f"{__version__}: make them equal (guard/__init__.py is the source of truth)")
    out = args.out.expanduser()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UsageError(f"--out {out}: {err.strerror or err}") from None
    for browser, name in archive_names(__version__).items():
        target = out / name
        atomic_write(target, build_archive(folder, browser), mode=FILE_MODE)
        print(target)
    print("upload the .zip to the Chrome Web Store / Edge Add-ons and the .xpi to addons.mozilla.org; when a store "
          "assigns an ID, list it in native_host/store_ids.py (or: linkedin-guard install --extension-id ID)",
          file=sys.stderr)
    return 0
