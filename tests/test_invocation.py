"""After the README's run command, `linkedin-guard` works, or every hint spells out the command that does."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).parent / "linkedin-guard"

pytestmark = pytest.mark.skipif(os.name == "nt" or not SCRIPT.exists(), reason="POSIX venv with the console script")


def bootstrap():
    spec = importlib.util.spec_from_file_location("bootstrap_for_test", ROOT / "scripts/bootstrap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.BIN = SCRIPT.parent  # the environment under test, wherever it lives
    return module


def test_run_links_the_command_into_local_bin_when_that_is_on_path(tmp_path):
    local_bin = tmp_path / ".local/bin"
    local_bin.mkdir(parents=True)
    said = bootstrap().put_on_path(tmp_path, {"PATH": f"{local_bin}:/usr/bin"})
    link = local_bin / "linkedin-guard"
    assert link.resolve() == SCRIPT.resolve()
    assert f"linked {link} -> {SCRIPT}" in said and "remove that link to undo" in said
    assert "is on your PATH" in bootstrap().put_on_path(tmp_path, {"PATH": f"{local_bin}:/usr/bin"})


def test_run_touches_nothing_when_local_bin_is_not_on_path(tmp_path):
    said = bootstrap().put_on_path(tmp_path, {"PATH": "/usr/bin:/bin"})
    assert not (tmp_path / ".local").exists()
    assert f"use the full command: {SCRIPT}" in said


def test_run_leaves_another_linkedin_guard_alone(tmp_path):
    local_bin = tmp_path / ".local/bin"
    local_bin.mkdir(parents=True)
    other = local_bin / "linkedin-guard"
    other.write_text("#!/bin/sh\necho someone else's\n")
    other.chmod(0o755)
    said = bootstrap().put_on_path(tmp_path, {"PATH": f"{local_bin}:/usr/bin"})
    assert "left alone" in said and str(SCRIPT) in said
    assert other.read_text().startswith("#!/bin/sh")


def hint(path: str, profile: Path) -> str:
    env = {**os.environ, "PATH": path}
    out = subprocess.run([str(SCRIPT), "install", "--browser", "chromium", "--user-data-dir", str(profile)],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    return out.stdout + out.stderr


def test_hints_name_the_full_command_when_linkedin_guard_is_not_on_path(tmp_path):
    text = hint("/usr/bin:/bin", tmp_path / "profile")
    assert f"check it with: {SCRIPT} doctor" in text


def test_hints_say_just_linkedin_guard_when_it_is_on_path(tmp_path):
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "linkedin-guard").symlink_to(SCRIPT)
    text = hint(f"{folder}:/usr/bin:/bin", tmp_path / "profile")
    assert "check it with: linkedin-guard doctor" in text
