"""Build step: the WebExtension rides inside the wheel as ``guard/extension/``.

``extension/`` stays where it is in the checkout (loadable unpacked, one copy
in git); a built wheel or sdist-built wheel gets a copy at
``guard/extension/`` so that ``pip install linkedin-guard`` (or pipx) carries
it: ``install`` reads its ID from there and ``start``/``demo`` load it from
there (``guard.paths.extension_dir``). Editable installs skip the copy: they
use the checkout's folder. Everything else is in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithExtension(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        source = HERE / "extension"
        target = Path(self.build_lib) / "guard" / "extension"
        if not (source / "manifest.json").is_file():
            raise SystemExit(f"cannot build: {source}/manifest.json is missing (the extension must ship in the wheel)")
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.pyc", "__pycache__", ".*"))


setup(cmdclass={"build_py": BuildWithExtension})
