"""The consent register: people who asked to hear about an offer, so LG201 stays quiet for them.

When the person answers an LG201/LG202 warning with "They asked for this"
(decision ``not_applicable``, ``reason_kind`` ``asked_for_it``, protocol
v1.1), the host adds the message's recipient here: who (their LinkedIn
profile key and name), when, and the person's own note. Later messages to
someone in the register are not flagged as unsolicited (LG201); the filter
is :meth:`guard.engine.Engine.evaluate`'s, not LG201's own, so the rule
stays a judgement about the text.

Who is matched how (precision first: a wrong match silences a real warning):

* by profile key (``in/<slug>`` from the profile URL, lower case) when both
  the entry and the message's recipient have one;
* by name (case, accents of composition and spacing folded, NFKC) only
  when one side has no profile key; two different people with one name and
  known profile URLs never match.

Kept in its own SQLite file next to the warning log (``consent.sqlite3``,
mode 0600, WAL), read by the host and written by the host, the dashboard and
the CLI at once. Entries are **kept until the person removes them**, not
aged out with the log's retention: consent is a standing permission the
recipient gave, and the sender must be able to show it for as long as they
rely on it (Telecommunicatiewet art. 11.7: the sender proves prior consent);
a register that forgot after 180 days would bring the warning back for a
person who asked. Nothing here ever leaves the machine.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
import threading
import time
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from guard.warning_log import csv_cell, utc_iso

BUSY_TIMEOUT_MS = 15_000
#: How long the register trusts its in-memory copy before asking SQLite whether it changed.
CHECK_S = 0.25
MAX_NAME = 300
MAX_NOTE = 2000
FIELDS = ("id", "name", "profile_key", "note", "created_at", "updated_at", "source")

_PROFILE_PATH = re.compile(r"^/(in|pub)/([^/?#]+)")
_SPACES = re.compile(r"\s+")


def profile_key(profile_url: str | None) -> str | None:
    """``in/<slug>`` for a LinkedIn member URL (absolute or ``/in/...``), else None."""
    if not profile_url or not isinstance(profile_url, str):
        return None
    try:
        parts = urlsplit(profile_url.strip())
    except ValueError:
        return None
    if parts.netloc and not (parts.netloc.lower() == "linkedin.com" or parts.netloc.lower().endswith(".linkedin.com")):
        return None
    match = _PROFILE_PATH.match(parts.path)
    if not match:
        return None
    slug = unquote(match.group(2)).strip().lower()
    return f"{match.group(1)}/{slug}" if slug else None


def name_key(name: str | None) -> str:
    """A name folded for comparison: NFKC, case-folded, one space between words."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", name or "")).strip().casefold()


class ConsentError(ValueError):
    """Bad input to the register (the message names the field)."""


class ConsentRegister:
    """The register at ``path`` (default: ``consent.sqlite3`` in the guard's data folder).

    Opening is lazy: a host that never meets a consented recipient never
    creates or opens the file. Thread-safe (one lock per instance).
    """

    def __init__(self, path: Path | None = None):
        if path is None:
            from guard.paths import data_dir

            path = data_dir() / "consent.sqlite3"
        self.path = Path(path)
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._version: int | None = None
        self._checked_at = -1e9
        self._by_key: set[str] = set()
        self._by_name: dict[str, list[str | None]] = {}

    # -- connection ------------------------------------------------------------

    def _open(self, create: bool) -> sqlite3.Connection | None:
        if self._conn is not None:
            return self._conn
        if not create and not self.path.exists():
            return None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.path.exists():
            try:  # who consented is personal data: owner-only, like the log
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            except FileExistsError:  # pragma: no cover - another process won the race
                pass
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(
            """CREATE TABLE IF NOT EXISTS consent (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL,
                name_key TEXT NOT NULL,
                profile_key TEXT,
                note TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                source TEXT NOT NULL DEFAULT 'asked_for_it'
            )"""
        )
        conn.execute("CREATE INDEX IF NOT EXISTS consent_name ON consent (name_key)")
        conn.execute("CREATE UNIQUE INDEX IF NOT EXISTS consent_profile ON consent (profile_key)"
                     " WHERE profile_key IS NOT NULL")
        self._conn = conn
        return conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # -- writing ---------------------------------------------------------------

    def add(self, name: str, profile_url: str | None = None, note: str | None = None,
            source: str = "asked_for_it") -> dict[str, Any]:
        """Add (or refresh) one person; the entry. The same person twice is one entry, note updated."""
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
            raise ConsentError(f"name: expected the recipient's name (1 to {MAX_NAME} characters)")
        note = _clean_note(note)
        key = profile_key(profile_url)
        nkey = name_key(name)
        now = utc_iso()
        with self._lock:
            conn = self._open(create=True)
            conn.execute("BEGIN IMMEDIATE")
            try:
                if key is not None:
                    row = conn.execute("SELECT id FROM consent WHERE profile_key = ?", (key,)).fetchone()
                else:
                    row = conn.execute("SELECT id FROM consent WHERE name_key = ? AND profile_key IS NULL",
                                       (nkey,)).fetchone()
                if row is None:
                    entry_id = conn.execute(
                        "INSERT INTO consent (name, name_key, profile_key, note, created_at, updated_at, source)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (name.strip(), nkey, key, note, now, now, source),
                    ).lastrowid
                else:
                    entry_id = row[0]
                    # A new note replaces the old one; no note keeps it.
                    conn.execute("UPDATE consent SET name = ?, name_key = ?, updated_at = ?,"
                                 " note = COALESCE(?, note) WHERE id = ?",
                                 (name.strip(), nkey, now, note, entry_id))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            self._checked_at = -1e9
            return self.entry(entry_id) or {}

    def remove(self, ids: list[int] | int) -> int:
        ids = [ids] if isinstance(ids, int) else [int(i) for i in ids]
        with self._lock:
            conn = self._open(create=False)
            if conn is None or not ids:
                return 0
            marks = ",".join("?" * len(ids))
            removed = conn.execute(f"DELETE FROM consent WHERE id IN ({marks})", ids).rowcount
            self._checked_at = -1e9
            return removed

    def set_note(self, entry_id: int, note: str | None) -> int:
        note = _clean_note(note)
        with self._lock:
            conn = self._open(create=False)
            if conn is None:
                return 0
            changed = conn.execute("UPDATE consent SET note = ?, updated_at = ? WHERE id = ?",
                                   (note, utc_iso(), int(entry_id))).rowcount
            return changed

    # -- reading ---------------------------------------------------------------

    def entries(self) -> list[dict[str, Any]]:
        """Everyone in the register, newest first."""
        with self._lock:
            conn = self._open(create=False)
            if conn is None:
                return []
            cols = ", ".join(FIELDS)
            return [dict(r) for r in conn.execute(f"SELECT {cols} FROM consent ORDER BY id DESC")]

    def entry(self, entry_id: int) -> dict[str, Any] | None:
        with self._lock:
            conn = self._open(create=False)
            if conn is None:
                return None
            row = conn.execute(f"SELECT {', '.join(FIELDS)} FROM consent WHERE id = ?", (int(entry_id),)).fetchone()
            return dict(row) if row is not None else None

    def exempts(self, name: str | None, profile_url: str | None) -> bool:
        """Whether this recipient is in the register (see the module docstring for how people match)."""
        self._refresh()
        if not self._by_name and not self._by_key:
            return False
        key = profile_key(profile_url)
        if key is not None and key in self._by_key:
            return True
        for entry_key in self._by_name.get(name_key(name), ()):
            if entry_key is None or key is None:
                return True
        return False

    def _refresh(self) -> None:
        """Reload the in-memory copy when another process changed the file (checked every CHECK_S)."""
        now = time.monotonic()
        if now - self._checked_at < CHECK_S:
            return
        with self._lock:
            self._checked_at = now
            conn = self._open(create=False)
            if conn is None:
                return
            version = conn.execute("PRAGMA data_version").fetchone()[0]
            count = conn.execute("SELECT COUNT(*), MAX(updated_at) FROM consent").fetchone()
            signature = (version, count[0], count[1])
            if signature == self._version:
                return
            self._version = signature
            by_key: set[str] = set()
            by_name: dict[str, list[str | None]] = {}
            for row in conn.execute("SELECT name_key, profile_key FROM consent"):
                if row["profile_key"]:
                    by_key.add(row["profile_key"])
                by_name.setdefault(row["name_key"], []).append(row["profile_key"])
            self._by_key, self._by_name = by_key, by_name

    # -- export ----------------------------------------------------------------

    def export_json(self) -> str:
        return json.dumps(self.entries(), ensure_ascii=False, indent=2) + "\n"

    def export_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(FIELDS)
        for entry in self.entries():
            writer.writerow([csv_cell(entry[f]) for f in FIELDS])
        return out.getvalue()


def _clean_note(note: Any) -> str | None:
    if note is None:
        return None
    if not isinstance(note, str):
        raise ConsentError("note: expected text or nothing")
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise ConsentError(f"note: at most {MAX_NOTE} characters")
    return note or None
