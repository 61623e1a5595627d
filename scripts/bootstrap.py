#!/usr/bin/env python3
"""Set up a private virtual environment, then run the guard or its test suite.

    python3 scripts/bootstrap.py run     # set up and start LinkedIn Guard
    python3 scripts/bootstrap.py test    # set up and run the whole test suite

Needs only Python 3.11+. The environment lives in ``.venv/`` next to this
repository and is refreshed when ``pyproject.toml`` changes. Extra arguments
after ``run``/``test`` go to ``linkedin-guard start`` / ``pytest``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def say(text: str) -> None:
    print(f"[bootstrap] {text}", file=sys.stderr, flush=True)


def ensure_venv(extras: str) -> None:
    """Create .venv and install the package with ``extras``; skip when nothing changed."""
    if sys.version_info < (3, 11):
        sys.exit(f"LinkedIn Guard needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    stamp = VENV / f".installed-{extras or 'base'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PYTHON.exists() and stamp.exists() and stamp.read_text() == digest:
        return
    if not PYTHON.exists():
        say(f"creating virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    target = f"{ROOT}[{extras}]" if extras else str(ROOT)
    say(f"installing linkedin-guard ({extras or 'runtime'} dependencies)")
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "--editable", target], check=True)
    stamp.write_text(digest)


def ensure_node_packages() -> None:
    """The extension's lint and extractor tests use npm packages (eslint, web-ext, jsdom)."""
    if not (ROOT / "package.json").exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        say("npm not found: the extension lint/extractor tests will skip (CI installs Node.js)")
        return
    lock = ROOT / "package-lock.json"
    stamp = ROOT / "node_modules" / ".installed"
    digest = hashlib.sha256((lock if lock.exists() else ROOT / "package.json").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    say("installing the extension's test tools from the npm registry")
    cmd = [npm, "ci" if lock.exists() else "install", "--no-audit", "--no-fund", "--silent"]
    subprocess.run(cmd, cwd=ROOT, check=True)
    stamp.write_text(digest)


def run(args: list[str]) -> int:
    ensure_venv("demo")
    return subprocess.call([str(BIN / "linkedin-guard"), "start", *args])


def test(args: list[str]) -> int:
    ensure_venv("test")
    ensure_node_packages()
    code = subprocess.call([str(PYTHON), "-m", "pytest", *args], cwd=ROOT)
    if code == 5:
        say("pytest collected no tests: that is a failure, not a pass")
        return 1
    return code


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"run", "test"}:
        print(__doc__, file=sys.stderr)
        return 2
    return {"run": run, "test": test}[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
