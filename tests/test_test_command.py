"""The README's test command (``scripts/bootstrap.py test``) gives each run a temporary folder of its own.

pytest's default, ``/tmp/pytest-of-USER/pytest-N``, is shared by every run of
the user, and each run prunes the numbered folders when it ends: runs at once
(several checkouts, a benchmark beside the suite) remove what another run keeps.
These tests run real pytest processes through the command, on a tiny test file.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Records where pytest put its tmp_path, and the folder around the run's basetemp, then passes or fails.
PROBE = """
import os, pathlib, stat

def test_probe(tmp_path, tmp_path_factory):
    base = tmp_path_factory.getbasetemp()
    pathlib.Path(os.environ["PROBE_OUT"]).write_text(
        "\\n".join([str(tmp_path), str(base), oct(stat.S_IMODE(base.parent.stat().st_mode))]))
    assert os.environ.get("PROBE_FAIL") != "1"
"""


@pytest.fixture()
def bootstrap(tmp_path, monkeypatch):
    """scripts/bootstrap.py with this interpreter as the environment's and ``tmp_path`` as the system temp folder."""
    spec = importlib.util.spec_from_file_location("bootstrap_test_command", ROOT / "scripts/bootstrap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.PYTHON = Path(sys.executable)
    monkeypatch.setattr(module, "ensure_venv", lambda extras: None)
    monkeypatch.setattr(module, "ensure_node_packages", lambda: None)
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return module


def run_probe(bootstrap, tmp_path, monkeypatch, *, fail: bool = False, args: tuple[str, ...] = ()) -> tuple[int, list[str]]:
    probe = tmp_path / "probe" / "test_probe.py"
    probe.parent.mkdir(exist_ok=True)
    probe.write_text(PROBE)
    out = tmp_path / "probe" / "out.txt"
    monkeypatch.setenv("PROBE_OUT", str(out))
    monkeypatch.setenv("PROBE_FAIL", "1" if fail else "0")
    code = bootstrap.test(["-q", "-p", "no:cacheprovider", str(probe), *args])
    return code, out.read_text().splitlines()


def runs_in(temp: Path) -> list[Path]:
    return sorted(temp.glob("linkedin-guard-tests-*"))


def test_each_run_has_a_private_temp_folder_of_its_own_removed_when_it_passes(bootstrap, tmp_path, monkeypatch):
    temp = Path(tempfile.gettempdir())
    code, (tmp, base, mode) = run_probe(bootstrap, tmp_path, monkeypatch)
    assert code == 0
    # Not /tmp/pytest-of-USER/pytest-N, which every run shares: a folder of this run's own.
    assert Path(base).parent.parent == temp and Path(base).parent.name.startswith(bootstrap.RUN_TEMP_PREFIX)
    assert Path(tmp).is_relative_to(base)
    assert mode == "0o700", "the run's folder is private"
    assert not Path(base).parent.exists(), "a passing run leaves nothing behind"
    _, (_tmp, second, _mode) = run_probe(bootstrap, tmp_path, monkeypatch)
    assert Path(second).parent != Path(base).parent, "every run gets a new folder"
    assert runs_in(temp) == []


def test_a_failed_run_keeps_its_folder_and_only_the_newest_failed_runs_are_kept(bootstrap, tmp_path, monkeypatch, capsys):
    temp = Path(tempfile.gettempdir())
    # A run still going in another terminal: no finished mark, never removed by another run.
    going = temp / (bootstrap.RUN_TEMP_PREFIX + "going")
    (going / "basetemp").mkdir(parents=True)
    kept = []
    for _ in range(bootstrap.KEEP_FAILED_RUNS + 2):
        code, (_tmp, base, _mode) = run_probe(bootstrap, tmp_path, monkeypatch, fail=True)
        assert code == 1
        assert Path(base).is_dir(), "a failed run's files are kept for a look"
        assert f"kept in {base}" in capsys.readouterr().err
        kept.append(Path(base).parent)
        os.utime(kept[-1] / bootstrap.FINISHED, (len(kept), len(kept)))  # distinct finishing times
    assert runs_in(temp) == sorted([going, *kept[-bootstrap.KEEP_FAILED_RUNS:]])


def test_a_basetemp_given_by_the_caller_is_used_as_it_is(bootstrap, tmp_path, monkeypatch, capsys):
    mine = tmp_path / "mine"
    code, (_tmp, base, _mode) = run_probe(bootstrap, tmp_path, monkeypatch, fail=True, args=(f"--basetemp={mine}",))
    assert code == 1 and Path(base) == mine.resolve()
    assert runs_in(Path(tempfile.gettempdir())) == [], "no folder of its own made (and kept) beside the caller's"
    assert "kept in" not in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX: folders have an owning user id")
def test_another_users_finished_folder_is_never_removed(bootstrap, tmp_path, monkeypatch):
    other = Path(tempfile.gettempdir()) / (bootstrap.RUN_TEMP_PREFIX + "other")
    other.mkdir()
    (other / bootstrap.FINISHED).touch()
    assert bootstrap._finished_at(other) is not None
    monkeypatch.setattr(bootstrap.os, "getuid", lambda: os.stat(other).st_uid + 1)
    assert bootstrap._finished_at(other) is None
