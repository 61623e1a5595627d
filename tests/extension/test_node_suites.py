"""The extension's JavaScript checks, run from pytest so the one test command
(and CI) covers them: node's test runner (extractors on the fixture pages,
the native port, the gate, locales), ESLint, and ``web-ext lint``.

They need Node.js and the npm packages in package-lock.json (installed by
``scripts/bootstrap.py test``); without them they skip with the reason.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")
NODE_MODULES = ROOT / "node_modules"


def _need(*packages: str) -> None:
    if NODE is None:
        pytest.skip("node is not installed (apt-get install nodejs npm)")
    for p in packages:
        if not (NODE_MODULES / p).exists():
            pytest.skip(f"npm package {p} is missing: run npm ci (scripts/bootstrap.py test does)")


def _run(cmd: list[str], timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def test_node_extension_tests_pass():
    _need("jsdom")
    out = _run([NODE, "--test", "tests/extension/"])
    assert out.returncode == 0, out.stdout[-6000:] + out.stderr[-2000:]
    summary = {line.split()[1]: int(line.split()[2]) for line in out.stdout.splitlines()
               if line.startswith("# ") and len(line.split()) == 3 and line.split()[2].isdigit()}
    assert summary.get("pass", 0) >= 40, summary
    assert summary.get("fail", 1) == 0, summary


def test_eslint_passes():
    _need("eslint", "@eslint/js", "globals")
    out = _run([NODE, str(NODE_MODULES / "eslint" / "bin" / "eslint.js"), "extension", "tests/extension", "eslint.config.js"])
    assert out.returncode == 0, out.stdout[-6000:] + out.stderr[-2000:]


def test_web_ext_lint_has_no_errors():
    _need("web-ext")
    out = _run([NODE, str(NODE_MODULES / "web-ext" / "bin" / "web-ext.js"), "lint", "--source-dir", "extension",
                "--self-hosted", "--output", "json", "--no-input"])
    report = json.loads(out.stdout[out.stdout.index("{"):])
    assert report["errors"] == [], report["errors"]
    # The one expected warning: Firefox ignores background.service_worker (it uses background.scripts).
    codes = {w["code"] for w in report["warnings"]}
    assert codes <= {"BACKGROUND_SERVICE_WORKER_IGNORED"}, report["warnings"]
