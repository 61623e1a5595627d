"""The warning log: one SQLite file, written by every host process at once.

* One entry per warning per subject per page session: typing the same message
  for a minute is one entry, not hundreds (a unique index on
  ``(rule, subject, session_key)`` and ``INSERT ... ON CONFLICT DO NOTHING``).
* Several host processes (one per browser profile, per port) write at the same
  time: WAL mode, a busy timeout and ``BEGIN IMMEDIATE`` for every write, so a
  writer waits for the lock instead of failing, and no row is lost.
* Schema changes are named, append-only migrations recorded in the
  ``migrations`` table (sqlite-utils' habit): never edit one that shipped,
  add the next.
* With ``store_excerpt`` false no message or post text is stored at all:
  ``excerpt`` and ``evidence`` stay NULL.
* A host records the same warning on every keystroke: each instance
  remembers the entries it wrote and answers those from memory, checking
  SQLite's ``data_version`` at most every ``KNOWN_CHECK_S`` so that an entry
  deleted elsewhere (``log clear``) is written again (see ``record``).
* An append-only ``events`` table (written in the same transaction as the
  entry or decision) lets the dashboard follow warnings from *any* host
  process by polling ``events_after(last_seen)``.

Times are UTC, ISO 8601 with a ``Z`` (``2026-11-28T17:01:02Z``), so text
comparison is time comparison.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import uuid
from collections import defaultdict
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

from guard.models import Finding, LogEntry

#: How long a writer waits for another process's lock before giving up.
BUSY_TIMEOUT_MS = 15_000

#: The longest excerpt kept: enough to recognise the message, no more.
EXCERPT_MAX = 280

#: How long an entry this instance remembers having written is trusted
#: without asking SQLite whether another connection changed the log.
KNOWN_CHECK_S = 0.25
#: Entries remembered per instance; past that the memory starts over.
KNOWN_MAX = 20_000

_monotonic = time.monotonic  # one global lookup on the hot path; tests replace it

#: Columns of :class:`guard.models.LogEntry`, in order (``log --json``, CSV).
ENTRY_FIELDS: tuple[str, ...] = tuple(LogEntry.model_fields)
#: What ``entry()`` and exports add to that.
DETAIL_FIELDS: tuple[str, ...] = ENTRY_FIELDS + ("title", "evidence", "decided_at", "warning_id")

DECISIONS = ("dismissed", "proceeded", "cancelled", "fixed", "not_applicable")
#: Why a rule does not apply (decision ``not_applicable``, protocol v1.1; the consent register hooks on it).
REASON_KINDS = ("not_a_pitch", "asked_for_it")

#: Kinds of entries that come from looking at a page (a profile, a connections
#: list), not from an action with a decision: a repeated visit to the same
#: subject folds into the open entry (``count``, ``last_seen``) instead of a new
#: row, so a page that re-navigates (pushState) cannot flood the log.
FOLD_KINDS = ("profile", "connections")
#: How long after its last sighting an undecided entry still takes repeats.
FOLD_WINDOW = timedelta(hours=6)

# name -> SQL. Append only: a database remembers which names it has applied.
MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_entries",
        """
        CREATE TABLE entries (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: cursors stay valid after deletes
            warning_id    TEXT NOT NULL,
            rule          TEXT NOT NULL,
            slug          TEXT NOT NULL,
            severity      TEXT NOT NULL,
            kind          TEXT NOT NULL,
            url           TEXT NOT NULL,
            page_session  TEXT,
            session_key   TEXT NOT NULL,     -- page_session, or a per-connection key when there is none
            subject       TEXT NOT NULL,
            created_at    TEXT NOT NULL,
            title         TEXT,
            evidence      TEXT,              -- JSON list, only while store_excerpts
            excerpt       TEXT,              -- only while store_excerpts
            decision      TEXT,
            justification TEXT,
            decided_at    TEXT
        );
        CREATE UNIQUE INDEX entries_dedup ON entries (rule, subject, session_key);
        CREATE INDEX entries_rule ON entries (rule, id);
        CREATE INDEX entries_severity ON entries (severity, id);
        CREATE INDEX entries_kind ON entries (kind, id);
        CREATE INDEX entries_decision ON entries (decision, id);
        CREATE INDEX entries_created ON entries (created_at);
        CREATE INDEX entries_warning ON entries (warning_id);
        """,
    ),
    (
        "0002_events",
        """
        CREATE TABLE events (
            event_id INTEGER PRIMARY KEY AUTOINCREMENT,
            entry_id INTEGER NOT NULL,
            type     TEXT NOT NULL CHECK (type IN ('warning', 'decision')),
            at       TEXT NOT NULL
        );
        CREATE INDEX events_entry ON events (entry_id);
        """,
    ),
    (
        # Covers the weekly chart (GROUP BY day, rule) and time filters
        # without touching the table; supersedes entries_created.
        "0003_created_rule_index",
        """
        CREATE INDEX entries_created_rule ON entries (created_at, rule);
        DROP INDEX entries_created;
        """,
    ),
    (
        # Protocol v1.1 (additive): repeated visits fold into one entry; why
        # a rule did not apply.
        "0004_count_last_seen_reason_kind",
        """
        ALTER TABLE entries ADD COLUMN count INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE entries ADD COLUMN last_seen TEXT;
        ALTER TABLE entries ADD COLUMN reason_kind TEXT;
        """,
    ),
    (
        # Pages the guard could not read (issue 8): which surface, on which
        # kind of page, per day, counted. Never a URL or any page text.
        "0005_page_health",
        """
        CREATE TABLE page_health (
            day          TEXT NOT NULL,   -- YYYY-MM-DD (UTC)
            surface      TEXT NOT NULL,   -- message, post, invitation, otw_form, profile, connections
            page_type    TEXT NOT NULL,   -- messaging, feed, profile, ... (from the URL's path pattern)
            frontend     TEXT NOT NULL,   -- ember, react, unknown
            extension_version TEXT NOT NULL,
            count        INTEGER NOT NULL DEFAULT 1,
            first_seen   TEXT NOT NULL,
            last_seen    TEXT NOT NULL,
            PRIMARY KEY (day, surface, page_type, frontend, extension_version)
        );
        CREATE INDEX page_health_last_seen ON page_health (last_seen);
        """,
    ),
)

#: What a page-health event may say (anything else is refused by the host).
HEALTH_SURFACES = ("message", "post", "invitation", "otw_form", "profile", "connections")
HEALTH_PAGE_TYPES = ("otw_form", "position_form", "invite", "messaging", "connections", "profile", "feed", "other")
HEALTH_FRONTENDS = ("ember", "react", "unknown")

_ENTRY_COLUMNS = ", ".join(f"e.{c}" for c in DETAIL_FIELDS)


def utc_iso(moment: datetime | None = None) -> str:
    moment = moment or datetime.now(timezone.utc)
    if moment.tzinfo is None:
        # A naive datetime from a caller is read as UTC, never as local time.
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def make_excerpt(finding: Finding, ctx: Any) -> str | None:
    """A short excerpt: the evidence the rule quoted, else the start of the text."""
    parts = [e.excerpt for e in finding.evidence if e.excerpt]
    text = " … ".join(parts) if parts else (getattr(ctx, "text", None) or "")
    text = " ".join(text.split())
    if not text:
        return None
    if len(text) > EXCERPT_MAX:
        text = text[: EXCERPT_MAX - 1].rstrip() + "…"
    return text



def csv_cell(value: Any) -> str:
    """A CSV cell of a log export that a spreadsheet will not run as a formula.

    Excerpts and names come from LinkedIn pages that strangers wrote; a cell
    starting with ``= + - @`` (or a tab/CR) would become a live formula when
    the export is opened in Excel or LibreOffice (OWASP "CSV injection"). A
    leading quote makes it plain text. Lists (evidence) are written as JSON.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        value = json.dumps(value, ensure_ascii=False)
    if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


class WarningLog:
    """The log at ``path`` (default: :func:`guard.paths.log_db_path`).

    One instance may be shared by threads (calls are serialised by a lock);
    several processes may each have their own.
    """

    def __init__(self, path: Path | None = None):
        if path is None:
            from guard.paths import log_db_path

            path = log_db_path()
        self.path = Path(path)
        self._lock = threading.RLock()
        self._conn = self._open()
        # (rule, subject, session key) -> (entry id, generation): entries this
        # instance wrote or found, so typing the same message does not cost a
        # write transaction per keystroke. See record().
        self._known: dict[tuple[str, str, str], tuple[int, int]] = {}
        self._generation = 0
        self._data_version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        self._checked_at = _monotonic()

    # -- connection and schema ---------------------------------------------

    def _open(self) -> sqlite3.Connection:
        from guard.files import private_dir

        private_dir(self.path.parent)  # 0700: the log holds what people wrote to others
        if not self.path.exists():
            # The log holds what people wrote to others: readable by its owner
            # only. SQLite gives the -wal and -shm files the same mode.
            try:
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            except FileExistsError:  # pragma: no cover - another process won the race
                pass
        conn = sqlite3.connect(
            self.path,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,  # transactions are explicit (BEGIN IMMEDIATE)
            check_same_thread=False,
        )
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL in WAL mode: a power cut may lose the last commits, never
        # corrupt the file; a full fsync per warning would slow typing.
        conn.execute("PRAGMA synchronous = NORMAL")
        self._migrate(conn)
        return conn

    @staticmethod
    def _migrate(conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            done = {row[0] for row in conn.execute("SELECT name FROM migrations")}
            for name, sql in MIGRATIONS:
                if name in done:
                    continue
                for statement in sql.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (name, utc_iso()))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def applied_migrations(self) -> list[str]:
        with self._lock:
            return [r[0] for r in self._conn.execute("SELECT name FROM migrations ORDER BY name")]

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> "WarningLog":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------

    def record(self, finding: Finding, ctx: Any, *, store_excerpt: bool, session_key: str | None = None) -> int:
        """Log ``finding`` seen in ``ctx``; the entry id (the existing one when already logged).

        Entries are unique per (rule, subject, page session). Without a
        ``page_session`` the caller's ``session_key`` groups them (the host
        passes one per connection); without either, nothing is grouped.
        When the person is about to send (``trigger == "submit"``) the stored
        excerpt is refreshed, so the log shows what was sent, not the first
        keystrokes that raised the warning.

        The first time is always written to SQLite before this returns. After
        that the instance remembers the entry and answers from memory (no
        write transaction per keystroke), except on submit. The unique index
        stays the truth: when an entry was deleted (``log clear``, retention,
        the dashboard, in any process) the next call for it at least
        ``KNOWN_CHECK_S`` after the delete writes it again.
        """
        page_session = getattr(ctx, "page_session", None)
        key = page_session if page_session is not None else session_key
        # The log shows (and groups by) what a person reads: "Mark Visser",
        # not the rule's identity key "/in/mark-visser".
        subject = finding.about or finding.subject
        refresh = store_excerpt and getattr(ctx, "trigger", None) == "submit"
        if key is not None and not refresh:
            known = (finding.rule, subject, key)
            item = self._known.get(known)
            if item is not None:
                # The hot path (every keystroke), without the lock: a dict read
                # and two comparisons. A delete racing with it in another
                # thread is the same as a delete just after.
                if item[1] == self._generation and _monotonic() - self._checked_at < KNOWN_CHECK_S:
                    return item[0]
                entry_id = self._known_id(known)
                if entry_id is not None:
                    return entry_id
        if key is None:
            key = f"single-{uuid.uuid4().hex}"
        now = utc_iso()
        excerpt = make_excerpt(finding, ctx) if store_excerpt else None
        evidence = (
            json.dumps([e.model_dump() for e in finding.evidence], ensure_ascii=False)
            if store_excerpt
            else None
        )
        with self._lock:
            with self._write() as conn:
                folded = None
                if getattr(ctx, "kind", "") in FOLD_KINDS and not conn.execute(
                    "SELECT 1 FROM entries WHERE rule = ? AND subject = ? AND session_key = ?",
                    (finding.rule, subject, key),
                ).fetchone():
                    folded = self._fold_into(conn, finding, ctx, subject, now)
                if folded is not None:
                    # A repeated visit: counted on the open entry, no new row.
                    conn.execute(
                        "UPDATE entries SET count = count + 1, last_seen = ?, session_key = ?, page_session = ?,"
                        " warning_id = ?, url = ? WHERE id = ?",
                        (now, key, page_session, finding.id, getattr(ctx, "url", ""), folded),
                    )
                    row = (folded,)
                else:
                    row = conn.execute(
                        """
                        INSERT INTO entries (warning_id, rule, slug, severity, kind, url, page_session, session_key,
                                             subject, created_at, title, evidence, excerpt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (rule, subject, session_key) DO NOTHING
                        RETURNING id
                        """,
                        (finding.id, finding.rule, finding.slug, finding.severity, getattr(ctx, "kind", ""),
                         getattr(ctx, "url", ""), page_session, key, subject, now, finding.title,
                         evidence, excerpt),
                    ).fetchone()
                    if row is not None:
                        conn.execute(
                            "INSERT INTO events (entry_id, type, at) VALUES (?, 'warning', ?)", (row[0], now)
                        )
                if row is not None:
                    entry_id = row[0]
                else:
                    (entry_id,) = conn.execute(
                        "SELECT id FROM entries WHERE rule = ? AND subject = ? AND session_key = ?",
                        (finding.rule, subject, key),
                    ).fetchone()
                    if refresh:
                        conn.execute(
                            "UPDATE entries SET excerpt = ?, evidence = ?, url = ? WHERE id = ?",
                            (excerpt, evidence, getattr(ctx, "url", ""), entry_id),
                        )
            # Remembered only once committed: a failed write is tried again next time.
            if len(self._known) >= KNOWN_MAX:
                self._known.clear()
            self._known[(finding.rule, subject, key)] = (entry_id, self._generation)
        return entry_id

    @staticmethod
    def _fold_into(conn: sqlite3.Connection, finding: Finding, ctx: Any, subject: str, now: str) -> int | None:
        """The open entry a repeated visit folds into, or None (see FOLD_KINDS, FOLD_WINDOW).

        Open: same rule, subject and kind, no decision yet, seen within
        FOLD_WINDOW. It takes the newest visit's page session and warning id,
        so the person's decision on the page they look at now lands on it.
        """
        kind = getattr(ctx, "kind", "")
        cutoff = utc_iso(datetime.strptime(now, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc) - FOLD_WINDOW)
        row = conn.execute(
            "SELECT id FROM entries WHERE rule = ? AND subject = ? AND kind = ? AND decision IS NULL"
            " AND COALESCE(last_seen, created_at) >= ? ORDER BY id DESC LIMIT 1",
            (finding.rule, subject, kind, cutoff),
        ).fetchone()
        return row[0] if row is not None else None

    def _known_id(self, key: tuple[str, str, str]) -> int | None:
        """The entry for ``key`` when this instance wrote or found it and it still exists; else None.

        What another connection did (``linkedin-guard log clear``, the
        dashboard, retention in another host) is seen through SQLite's
        ``PRAGMA data_version``, read at most every KNOWN_CHECK_S: when it
        moved, each remembered entry is looked up once by its id (a read, no
        write lock) before it is trusted again. Deletes through this instance
        forget everything at once.
        """
        with self._lock:
            item = self._known.get(key)
            if item is None:
                return None
            now = _monotonic()
            if now - self._checked_at >= KNOWN_CHECK_S:
                self._checked_at = now
                version = self._conn.execute("PRAGMA data_version").fetchone()[0]
                if version != self._data_version:
                    self._data_version = version
                    self._generation += 1
            entry_id, generation = item
            if generation == self._generation:
                return entry_id
            if self._conn.execute("SELECT 1 FROM entries WHERE id = ?", (entry_id,)).fetchone() is None:
                del self._known[key]
                return None
            self._known[key] = (entry_id, self._generation)
            return entry_id

    def decide(
        self,
        warning_id: str,
        decision: str,
        justification: str | None = None,
        page_session: str | None = None,
        reason_kind: str | None = None,
    ) -> int:
        """Record the person's decision on the newest entry of ``warning_id``; rows updated (0 or 1).

        ``reason_kind`` ("not_a_pitch", "asked_for_it") says why a rule did
        not apply; only with decision ``not_applicable``.
        """
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {', '.join(DECISIONS)}")
        if reason_kind is not None and (decision != "not_applicable" or reason_kind not in REASON_KINDS):
            raise ValueError(f"reason_kind must be one of {', '.join(REASON_KINDS)}, with decision not_applicable")
        now = utc_iso()
        where = "warning_id = ?"
        params: list[Any] = [warning_id]
        if page_session is not None:
            where += " AND page_session = ?"
            params.append(page_session)
        with self._write() as conn:
            row = conn.execute(
                f"SELECT id FROM entries WHERE {where} ORDER BY id DESC LIMIT 1", params
            ).fetchone()
            if row is None:
                return 0
            conn.execute(
                "UPDATE entries SET decision = ?, justification = ?, decided_at = ?, reason_kind = ? WHERE id = ?",
                (decision, justification, now, reason_kind, row[0]),
            )
            conn.execute("INSERT INTO events (entry_id, type, at) VALUES (?, 'decision', ?)", (row[0], now))
            return 1

    def delete(self, ids: Iterable[int]) -> int:
        ids = [int(i) for i in ids]
        removed = 0
        with self._write() as conn:
            self._known.clear()
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                removed += conn.execute(f"DELETE FROM entries WHERE id IN ({marks})", chunk).rowcount
                conn.execute(f"DELETE FROM events WHERE entry_id IN ({marks})", chunk)
        return removed

    def clear(self, before: datetime | None = None) -> int:
        """Delete every entry (created before ``before``, when given); how many."""
        with self._write() as conn:
            self._known.clear()
            if before is None:
                removed = conn.execute("DELETE FROM entries").rowcount
                conn.execute("DELETE FROM events")
            else:
                cutoff = utc_iso(before)
                removed = conn.execute("DELETE FROM entries WHERE created_at < ?", (cutoff,)).rowcount
                if removed:
                    conn.execute("DELETE FROM events WHERE entry_id NOT IN (SELECT id FROM entries)")
        return removed

    def apply_retention(self, days: int) -> int:
        cutoff = datetime.now(timezone.utc) - timedelta(days=days)
        with self._write() as conn:
            conn.execute("DELETE FROM page_health WHERE last_seen < ?", (utc_iso(cutoff),))
        return self.clear(before=cutoff)

    # -- page health ---------------------------------------------------------

    def record_page_health(self, surface: str, page_type: str, frontend: str, extension_version: str,
                           at: datetime | None = None) -> None:
        """Count one "the guard could not read this" sighting: one row per day and kind, no page text."""
        if surface not in HEALTH_SURFACES or page_type not in HEALTH_PAGE_TYPES or frontend not in HEALTH_FRONTENDS:
            raise ValueError("unknown surface, page type or frontend")
        now = utc_iso(at)
        with self._write() as conn:
            conn.execute(
                """
                INSERT INTO page_health (day, surface, page_type, frontend, extension_version, first_seen, last_seen)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (day, surface, page_type, frontend, extension_version)
                DO UPDATE SET count = count + 1, last_seen = excluded.last_seen
                """,
                (now[:10], surface, page_type, frontend, extension_version[:40], now, now),
            )

    def page_health(self, since: datetime) -> list[dict[str, Any]]:
        """Surfaces the guard could not read since ``since``, most recent first, summed over days."""
        with self._lock:
            rows = self._conn.execute(
                """
                SELECT surface, page_type, frontend, SUM(count) AS count, MIN(first_seen) AS first_seen,
                       MAX(last_seen) AS last_seen, MAX(extension_version) AS extension_version
                FROM page_health WHERE last_seen >= ?
                GROUP BY surface, page_type, frontend ORDER BY MAX(last_seen) DESC
                """,
                (utc_iso(since),),
            ).fetchall()
        return [dict(r) for r in rows]

    # -- reading -----------------------------------------------------------

    @staticmethod
    def _where(
        *,
        rule: str | None = None,
        severity: str | None = None,
        kind: str | None = None,
        decision: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        search: str | None = None,
        before_id: int | None = None,
        for_paging: bool = False,
    ) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for column, value in (("rule", rule), ("severity", severity), ("kind", kind)):
            if value is not None:
                clauses.append(f"e.{column} = ?")
                params.append(value)
        if decision is not None:
            if decision == "none":
                clauses.append("e.decision IS NULL")
            else:
                clauses.append("e.decision = ?")
                params.append(decision)
        # For a page of newest entries, walking the id order and testing the
        # time is faster than sorting an index range ("+" keeps SQLite off the
        # created_at index): entries are appended in time order.
        time_col = "+e.created_at" if for_paging else "e.created_at"
        if since is not None:
            clauses.append(f"{time_col} >= ?")
            params.append(utc_iso(since))
        if until is not None:
            clauses.append(f"{time_col} < ?")
            params.append(utc_iso(until))
        if search:
            pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            clauses.append("(e.excerpt LIKE ? ESCAPE '\\' OR e.subject LIKE ? ESCAPE '\\')")
            params += [pattern, pattern]
        if before_id is not None:
            clauses.append("e.id < ?")
            params.append(int(before_id))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def entries(
        self,
        *,
        rule: str | None = None,
        severity: str | None = None,
        kind: str | None = None,
        decision: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        search: str | None = None,
        limit: int = 50,
        offset: int = 0,
        before_id: int | None = None,
    ) -> list[LogEntry]:
        """Entries matching every given filter, newest first."""
        rows = self._select(
            ENTRY_FIELDS, rule=rule, severity=severity, kind=kind, decision=decision, since=since,
            until=until, search=search, limit=limit, offset=offset, before_id=before_id,
        )
        return [LogEntry.model_validate(dict(r)) for r in rows]

    def _select(self, columns: Iterable[str], *, limit: int | None, offset: int = 0, **filters: Any) -> list[sqlite3.Row]:
        where, params = self._where(for_paging=True, **filters)
        sql = f"SELECT {', '.join('e.' + c for c in columns)} FROM entries e{where} ORDER BY e.id DESC"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [max(0, int(limit)), max(0, int(offset))]
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def count(self, **filters: Any) -> int:
        where, params = self._where(**filters)
        with self._lock:
            return self._conn.execute(f"SELECT COUNT(*) FROM entries e{where}", params).fetchone()[0]

    @staticmethod
    def _detail(row: sqlite3.Row) -> dict[str, Any]:
        data = dict(row)
        if data.get("evidence") is not None:
            try:
                data["evidence"] = json.loads(data["evidence"])
            except ValueError:  # pragma: no cover - only we write it
                data["evidence"] = None
        return data

    def entry(self, entry_id: int) -> dict[str, Any] | None:
        """One entry with everything stored: LogEntry fields, title, evidence, decided_at, warning_id."""
        with self._lock:
            row = self._conn.execute(
                f"SELECT {_ENTRY_COLUMNS} FROM entries e WHERE e.id = ?", (int(entry_id),)
            ).fetchone()
        return self._detail(row) if row is not None else None

    def iter_details(self, batch: int = 1000, **filters: Any) -> Iterator[dict[str, Any]]:
        """Every matching entry with all its fields, newest first (for exports)."""
        before_id = filters.pop("before_id", None)
        while True:
            rows = self._select(DETAIL_FIELDS, limit=batch, before_id=before_id, **filters)
            if not rows:
                return
            for row in rows:
                yield self._detail(row)
            before_id = rows[-1]["id"]

    # -- the live feed -------------------------------------------------------

    def events_after(self, event_id: int, limit: int = 200) -> list[dict[str, Any]]:
        """Warnings and decisions recorded after ``event_id``, oldest first."""
        with self._lock:
            rows = self._conn.execute(
                f"""
                SELECT ev.event_id AS event_id, ev.type AS event_type, {", ".join("e." + c for c in ENTRY_FIELDS)}
                FROM events ev JOIN entries e ON e.id = ev.entry_id
                WHERE ev.event_id > ? ORDER BY ev.event_id LIMIT ?
                """,
                (int(event_id), int(limit)),
            ).fetchall()
        out = []
        for row in rows:
            data = dict(row)
            event_id_, event_type = data.pop("event_id"), data.pop("event_type")
            out.append({"event_id": event_id_, "type": event_type, "entry": LogEntry.model_validate(data).model_dump()})
        return out

    def last_event_id(self) -> int:
        """The newest event id ever handed out (0 when none): where a live feed starts."""
        with self._lock:
            row = self._conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'").fetchone()
        return int(row[0]) if row else 0

    # -- the chart -----------------------------------------------------------

    def weekly_counts(self, since: datetime | None = None) -> list[dict[str, Any]]:
        """Entries per ISO week per rule, oldest week first: ``{"week": "2026-W48", "rule", "count"}``."""
        sql = "SELECT substr(created_at, 1, 10) AS day, rule, COUNT(*) FROM entries"
        params: list[Any] = []
        if since is not None:
            sql += " WHERE created_at >= ?"
            params.append(utc_iso(since))
        sql += " GROUP BY day, rule"
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        weeks: dict[tuple[str, str], int] = defaultdict(int)
        for day, rule, n in rows:
            year, week, _ = date.fromisoformat(day).isocalendar()
            weeks[(f"{year}-W{week:02d}", rule)] += n
        return [{"week": w, "rule": r, "count": n} for (w, r), n in sorted(weeks.items())]
