"""Pinned, reproducible dependencies (audit D1/D10): locks with hashes, minimums past advisories, pinned test tools."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
LOCKS = ["lock.txt", "demo-lock.txt", "test-lock.txt"]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
_PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s\\;]+)")


def pins(name: str) -> dict[str, tuple[str, int]]:
    """package -> (version, number of hashes) from one lock file."""
    out: dict[str, tuple[str, int]] = {}
    current = None
    for line in (ROOT / "requirements" / name).read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        m = _PIN.match(line)
        if m:
            current = m.group(1).lower().replace("_", "-")
            out[current] = (m.group(2), 0)
        elif line.strip().startswith("--hash=sha256:") and current:
            version, n = out[current]
            out[current] = (version, n + 1)
        elif not line.startswith(" "):
            raise AssertionError(f"{name}: a line that is not a pin: {line!r}")
    return out


@pytest.mark.parametrize("name", LOCKS)
def test_every_lock_entry_is_an_exact_version_with_hashes(name):
    entries = pins(name)
    assert entries
    assert {p: v for p, (v, hashes) in entries.items() if hashes == 0} == {}


@pytest.mark.parametrize(("name", "extras"), [("lock.txt", []), ("demo-lock.txt", ["demo"]),
                                              ("test-lock.txt", ["test", "demo"])])
def test_locks_satisfy_pyproject(name, extras):
    entries = pins(name)
    wanted = [Requirement(r) for r in PYPROJECT["project"]["dependencies"]]
    for extra in extras:
        wanted += [Requirement(r) for r in PYPROJECT["project"]["optional-dependencies"][extra]]
    for req in wanted:
        key = req.name.lower().replace("_", "-")
        assert key in entries, f"{name} lacks {req.name}"
        assert req.specifier.contains(entries[key][0]), f"{name}: {req.name}=={entries[key][0]} is not {req.specifier}"


def test_the_three_locks_agree_on_shared_packages():
    base, demo, test = (pins(n) for n in LOCKS)
    for smaller in (base, demo):
        assert {p: v for p, (v, _) in smaller.items() if test.get(p, (v,))[0] != v} == {}


def test_runtime_minimums_are_past_known_advisories():
    floors = {Requirement(r).name: Requirement(r).specifier for r in PYPROJECT["project"]["dependencies"]}
    # aiohttp: multipart DoS fixed in 3.9.4; multipart size/header DoS fixes in 3.13.4 (audit D1).
    assert not floors["aiohttp"].contains("3.13.3") and floors["aiohttp"].contains("3.13.4")
    assert Version(pins("lock.txt")["aiohttp"][0]) >= Version("3.13.4")


def test_test_tools_are_pinned_exactly():
    for spec in PYPROJECT["project"]["optional-dependencies"]["test"]:
        assert "==" in spec, f"test tool not pinned: {spec}"


def test_bootstrap_installs_from_the_locks_with_hashes_then_the_project_without_deps():
    spec = importlib.util.spec_from_file_location("bootstrap", ROOT / "scripts/bootstrap.py")
    bootstrap = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bootstrap)
    for extras, lock in bootstrap.LOCKS.items():
        deps, project = bootstrap.install_commands(extras)
        assert "--require-hashes" in deps and deps[deps.index("-r") + 1] == str(ROOT / "requirements" / lock)
        assert "--no-deps" in project and "--require-hashes" not in project
    assert re.fullmatch(r"pip-tools==[\d.]+", bootstrap.PIP_TOOLS)


def _bootstrap():
    spec = importlib.util.spec_from_file_location("bootstrap_lock", ROOT / "scripts/bootstrap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: An absolute path: POSIX (a "/" not inside a relative path) or Windows (a drive letter).
_ABSOLUTE = re.compile(r"(?<![\w.])/[\w.-]+/|\b[A-Za-z]:[\\/]")


def test_lock_refresh_gives_pip_compile_paths_relative_to_the_checkout(monkeypatch):
    """pip-compile writes the paths it is given into each lock's header and its ``# via`` lines:
    ``bootstrap.py lock`` gives them relative to the checkout (and runs there), so a refresh
    anywhere writes the same files."""
    bootstrap = _bootstrap()
    calls: list[tuple[list[str], dict]] = []

    class NoVenv:  # the throwaway tools environment is not needed to see the calls
        def __init__(self, **_):
            pass

        def create(self, _path):
            pass

    monkeypatch.setattr(bootstrap.venv, "EnvBuilder", NoVenv)
    monkeypatch.setattr(bootstrap.subprocess, "run", lambda cmd, **kw: calls.append((cmd, kw)))
    assert bootstrap.lock(["--upgrade-package", "aiohttp"]) == 0
    compiles = [(cmd, kw) for cmd, kw in calls if Path(cmd[0]).name == "pip-compile"]
    assert len(compiles) == len(bootstrap.LOCKS)
    for (cmd, kw), name in zip(compiles, bootstrap.LOCKS.values()):
        args = cmd[1:]
        assert Path(kw["cwd"]) == ROOT
        assert [a for a in args if _ABSOLUTE.search(a) or str(ROOT) in a] == [], args
        output, source = args[args.index("--output-file") + 1], args[-1]
        assert (ROOT / output).resolve() == ROOT / "requirements" / name
        assert (ROOT / source).resolve() == ROOT / "pyproject.toml"
        # The committed header is what this call makes pip-compile write.
        header = (ROOT / "requirements" / name).read_text().splitlines()[4]
        assert f" --output-file={output} " in header and header.endswith(f" {source}"), header


@pytest.mark.parametrize("name", LOCKS)
def test_lock_files_name_no_absolute_path(name):
    comments = [line for line in (ROOT / "requirements" / name).read_text().splitlines() if line.lstrip().startswith("#")]
    assert any("pyproject.toml" in line for line in comments)
    assert [line for line in comments if _ABSOLUTE.search(line)] == []


def test_the_refresh_command_is_documented():
    text = (ROOT / "requirements/README.md").read_text()
    assert "python3 scripts/bootstrap.py lock" in text
    assert "scripts/bootstrap.py lock" in (ROOT / "README.md").read_text()


def test_the_runtime_lock_installs_with_hashes_checked(tmp_path):
    """pip itself accepts the lock in --require-hashes mode (downloads from the registry, installs nothing)."""
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
                           "--require-hashes", "--no-deps", "-r", str(ROOT / "requirements/lock.txt")],
                          capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
