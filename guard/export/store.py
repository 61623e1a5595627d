"""Audit results in the guard home (``audit.sqlite3``, private to the user).

Only what the person needs to work through the findings is kept: the
export's kind/date/file names, each finding (excerpts only when
``log.store_excerpts`` allows), the fix, and whether it was handled. The raw
export is never copied. Runs older than ``log.retention_days`` are deleted
whenever a run is stored or read; ``clear()`` deletes everything.

A separate database file from the warning log: the host never opens it, and
deleting it loses nothing else.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from guard import paths

SCHEMA = """
CREATE TABLE IF NOT EXISTS audit_runs (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    export_date TEXT,
    files TEXT NOT NULL,
    summary TEXT NOT NULL,
    problems TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_findings (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES audit_runs(id) ON DELETE CASCADE,
    fkey TEXT NOT NULL,
    rule TEXT NOT NULL,
    source TEXT NOT NULL,
    date TEXT,
    subject TEXT NOT NULL,
    about TEXT NOT NULL,
    excerpt TEXT,
    fix TEXT,
    handled_at TEXT
);
CREATE INDEX IF NOT EXISTS audit_findings_run ON audit_findings (run_id, rule);
CREATE INDEX IF NOT EXISTS audit_findings_key ON audit_findings (fkey);
"""


def audit_db_path() -> Path:
    return paths.data_dir() / "audit.sqlite3"


def private_sqlite(path: Path) -> sqlite3.Connection:
    """A SQLite connection to ``path``, created 0600 (never readable by others, not even briefly)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def finding_key(f: dict[str, Any]) -> str:
    raw = "\x1f".join(str(f.get(k) or "") for k in ("rule", "source", "date", "subject"))
    return hashlib.blake2b(raw.encode(), digest_size=10).hexdigest()


class AuditStore:
    def __init__(self, path: Path | None = None):
        self.path = path or audit_db_path()
        self.conn = private_sqlite(self.path)
        self.conn.executescript(SCHEMA)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "AuditStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save(self, result, source: str, *, store_excerpts: bool = True, retention_days: int | None = None) -> int:
        """Store one run in a single transaction; a finding handled in an earlier run stays handled."""
        data = result.as_json()
        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO audit_runs (created_at, source, kind, export_date, files, summary, problems)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (_now(), source, data["export"]["kind"], data["export"]["date"], json.dumps(data["export"]["files"]),
                 json.dumps(data["summary"]), json.dumps(data["problems"])))
            run_id = int(cur.lastrowid)
            handled = {row["fkey"]: row["handled_at"] for row in self.conn.execute(
                "SELECT fkey, MAX(handled_at) AS handled_at FROM audit_findings WHERE handled_at IS NOT NULL GROUP BY fkey")}
            self.conn.executemany(
                "INSERT INTO audit_findings (run_id, fkey, rule, source, date, subject, about, excerpt, fix, handled_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(run_id, key, f["rule"], f["source"], f["date"], f["subject"], f["about"],
                  f["excerpt"] if store_excerpts else None, fix, handled.get(key))
                 for f, fix in zip(data["findings"], result.fixes) for key in [finding_key(f)]])
        if retention_days is not None:
            self.apply_retention(retention_days)
        return run_id

    def apply_retention(self, days: int) -> int:
        cutoff = (datetime.now(timezone.utc) - timedelta(days=days)).isoformat(timespec="seconds").replace("+00:00", "Z")
        with self.conn:
            return self.conn.execute("DELETE FROM audit_runs WHERE created_at < ?", (cutoff,)).rowcount

    def latest(self, *, rule: str | None = None, open_only: bool = False, limit: int | None = None,
               offset: int = 0) -> dict[str, Any] | None:
        """The newest run: its facts, counts per rule and year, and (a page of) its findings.

        ``counts`` always covers the whole run; ``rule``/``open_only``/``limit``
        only narrow ``findings`` (a big export has tens of thousands).
        """
        run = self.conn.execute("SELECT * FROM audit_runs ORDER BY id DESC LIMIT 1").fetchone()
        if run is None:
            return None
        counts = [dict(r) for r in self.conn.execute(
            "SELECT rule, substr(COALESCE(date, ''), 1, 4) AS year, COUNT(*) AS n,"
            " SUM(handled_at IS NULL) AS open FROM audit_findings WHERE run_id = ? GROUP BY rule, year", (run["id"],))]
        where, params = "run_id = ?", [run["id"]]
        if rule:
            where += " AND rule = ?"
            params.append(rule)
        if open_only:
            where += " AND handled_at IS NULL"
        matching = int(self.conn.execute(f"SELECT COUNT(*) FROM audit_findings WHERE {where}", params).fetchone()[0])
        page = " LIMIT ? OFFSET ?" if limit is not None else ""
        page_params = [limit, offset] if limit is not None else []
        findings = [dict(r) for r in self.conn.execute(
            "SELECT id, rule, source, date, subject, about, excerpt, fix, handled_at FROM audit_findings"
            f" WHERE {where} ORDER BY rule, date DESC, id{page}", [*params, *page_params])]
        return {"id": run["id"], "created_at": run["created_at"], "source": run["source"], "kind": run["kind"],
                "export_date": run["export_date"], "files": json.loads(run["files"]),
                "summary": json.loads(run["summary"]), "problems": json.loads(run["problems"]),
                "counts": counts, "matching": matching, "findings": findings}

    def set_handled(self, finding_ids: list[int], handled: bool) -> int:
        with self.conn:
            n = 0
            for fid in finding_ids:
                row = self.conn.execute("SELECT fkey FROM audit_findings WHERE id = ?", (fid,)).fetchone()
                if row is None:
                    continue
                n += self.conn.execute("UPDATE audit_findings SET handled_at = ? WHERE fkey = ?",
                                       (_now() if handled else None, row["fkey"])).rowcount
            return n

    def clear(self) -> int:
        with self.conn:
            n = self.conn.execute("DELETE FROM audit_runs").rowcount
        self.conn.execute("VACUUM")  # deleted means gone from the file too
        return n
