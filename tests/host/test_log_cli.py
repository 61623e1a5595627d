"""``linkedin-guard log`` through a subprocess, as a person runs it."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.host.conftest import ROOT


def cli(*args: str, stdin: bytes | None = None, guard_home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "LINKEDIN_GUARD_HOME": str(guard_home)}
    return subprocess.run([sys.executable, "-m", "guard", "log", *args], input=stdin,
                          stdin=None if stdin is not None else subprocess.DEVNULL,
                          capture_output=True, env=env, cwd=ROOT, timeout=60)


@pytest.fixture
def filled(guard_home):
    """Four entries: two LG201 (one old), one LG402 with a formula-like excerpt, one decided."""
    import sqlite3

    from guard.models import Evidence, Finding, parse_context
    from guard.warning_log import WarningLog

    rows = [("LG201", "Mark Visser", "Wij bieden korting", "2026-01-05T09:00:00Z"),
            ("LG402", "post", "=HYPERLINK(\"http://evil\")", "2026-11-20T09:00:00Z"),
            ("LG201", "Eva de Vries", "Nog een aanbieding", "2026-11-21T09:00:00Z"),
            ("LG301", "post", "Foto met Initech", "2026-11-22T09:00:00Z")]
    with WarningLog(guard_home / "warnings.sqlite3") as log:
        for i, (rule, subject, excerpt, when) in enumerate(rows):
            f = Finding(id=f"w-{i}", rule=rule, slug="slug", severity="warning", mode="inform", title="t",
                        message="m", legal_basis=[], subject=subject, evidence=[Evidence(field="text", excerpt=excerpt)])
            ctx = parse_context({"kind": "post", "url": "https://www.linkedin.com/feed/", "trigger": "input",
                                 "text": excerpt, "page_session": f"s{i}"})
            entry_id = log.record(f, ctx, store_excerpt=True)
            with sqlite3.connect(log.path) as db:
                db.execute("UPDATE entries SET created_at = ? WHERE id = ?", (when, entry_id))
        log.decide("w-3", "proceeded", "Initech gaf toestemming")
    return guard_home


def test_empty_log(guard_home):
    out = cli(guard_home=guard_home)
    assert out.returncode == 0 and out.stdout == b""
    assert b"empty" in out.stderr
    assert json.loads(cli("--json", guard_home=guard_home).stdout) == []


def test_table_newest_first(filled):
    lines = cli(guard_home=filled).stdout.decode().splitlines()
    assert [line.split()[0] for line in lines] == ["4", "3", "2", "1"]
    assert "[proceeded]" in lines[0] and "“Foto met Initech”" in lines[0]


def test_json_is_a_list_of_log_entries(filled):
    entries = json.loads(cli("--json", guard_home=filled).stdout)
    assert [e["id"] for e in entries] == [4, 3, 2, 1]
    assert set(entries[0]) == {"id", "rule", "slug", "severity", "kind", "url", "page_session", "subject",
                               "created_at", "decision", "justification", "excerpt", "count", "last_seen", "reason_kind"}
    assert entries[0]["justification"] == "Initech gaf toestemming"


@pytest.mark.parametrize(
    ("args", "expected"),
    [(["--rule", "LG201"], [3, 1]), (["--limit", "2"], [4, 3]), (["--limit", "0"], [4, 3, 2, 1]),
     (["--since", "2026-11-21"], [4, 3]), (["--since", "2026-11-20T12:00:00Z"], [4, 3]),
     (["--rule", "LG201", "--since", "2026-06-01"], [3])],
)
def test_filters(filled, args, expected):
    assert [e["id"] for e in json.loads(cli("--json", *args, guard_home=filled).stdout)] == expected


def test_relative_since(filled):
    assert json.loads(cli("--json", "--since", "1d", guard_home=filled).stdout) == []  # all older than a day
    assert len(json.loads(cli("--json", "--since", "3650d", guard_home=filled).stdout)) == 4


def test_bad_date_is_a_usage_error(filled):
    out = cli("--since", "last tuesday", guard_home=filled)
    assert out.returncode == 2
    assert b"--since" in out.stderr and b"Traceback" not in out.stderr


def test_csv_defuses_formulas(filled):
    rows = list(csv.DictReader(io.StringIO(cli("--csv", guard_home=filled).stdout.decode())))
    assert [r["id"] for r in rows] == ["4", "3", "2", "1"]
    assert rows[2]["excerpt"] == "'=HYPERLINK(\"http://evil\")"
    assert rows[0]["decision"] == "proceeded" and rows[1]["decision"] == ""


def test_clear_refuses_without_an_answer(filled):
    out = cli("clear", guard_home=filled)
    assert out.returncode == 1
    assert b"nothing deleted" in out.stderr and b"--yes" in out.stderr
    assert len(json.loads(cli("--json", guard_home=filled).stdout)) == 4


def test_clear_asks_and_takes_no_for_an_answer(filled):
    out = cli("clear", stdin=b"n\n", guard_home=filled)
    assert out.returncode == 1 and b"Delete all 4 entries" in out.stderr
    assert len(json.loads(cli("--json", guard_home=filled).stdout)) == 4


def test_clear_after_yes(filled):
    out = cli("clear", stdin=b"y\n", guard_home=filled)
    assert out.returncode == 0 and b"deleted 4 entries" in out.stderr
    assert json.loads(cli("--json", guard_home=filled).stdout) == []


def test_clear_before_with_yes_flag(filled):
    out = cli("clear", "--before", "2026-11-21", "--yes", guard_home=filled)
    assert out.returncode == 0 and b"deleted 2 entries" in out.stderr
    assert [e["id"] for e in json.loads(cli("--json", guard_home=filled).stdout)] == [4, 3]


@pytest.mark.parametrize("name", ["log.json", "log.csv"])
def test_export(filled, tmp_path, name):
    target = tmp_path / "out" / name
    target.parent.mkdir()
    out = cli("export", str(target), guard_home=filled)
    assert out.returncode == 0 and b"exported 4 entries" in out.stderr
    assert os.listdir(target.parent) == [name]  # no temp file left behind
    assert (target.stat().st_mode & 0o777) == 0o600
    if name.endswith(".json"):
        rows = json.loads(target.read_text())
        assert rows[0]["evidence"] == [{"field": "text", "excerpt": "Foto met Initech"}]
        assert rows[0]["warning_id"] == "w-3" and rows[0]["decided_at"]
    else:
        rows = list(csv.DictReader(io.StringIO(target.read_text())))
        assert rows[2]["excerpt"].startswith("'=")
        assert json.loads(rows[0]["evidence"]) == [{"field": "text", "excerpt": "Foto met Initech"}]
    assert [int(r["id"]) for r in rows] == [4, 3, 2, 1]


def test_export_of_an_empty_log_is_valid_json(guard_home, tmp_path):
    assert cli("export", str(tmp_path / "e.json"), guard_home=guard_home).returncode == 0
    assert json.loads((tmp_path / "e.json").read_text()) == []


def test_export_replaces_atomically_and_refuses_unknown_formats(filled, tmp_path):
    target = tmp_path / "log.json"
    target.write_text("old")
    assert cli("export", str(target), guard_home=filled).returncode == 0
    assert len(json.loads(target.read_text())) == 4
    out = cli("export", str(tmp_path / "log.txt"), guard_home=filled)
    assert out.returncode == 2 and b".json or .csv" in out.stderr
    assert not (tmp_path / "log.txt").exists()
