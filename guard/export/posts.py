"""The member's own posts, articles and comments in a local full-text archive (SQLite FTS5).

``archive.sqlite3`` in the guard home, private (0600). Each item has a stable
key (its LinkedIn link, else kind + date + text), so importing a newer export
adds only what is new. An item missing from a later import is marked gone in
that import (a removed post is worth knowing about) and un-marked if it comes
back. ``Rich_Media.csv`` descriptions are the text of posts already in
``Shares.csv``, so they are not items of their own. The archive is the
person's backup and evidence: it is not subject to the log's retention
(deliberately; README, "Privacy"): it holds only what the person published,
copied at their request, never anything the guard observed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from guard import paths
from guard.export import reader
from guard.export.csvread import Problems
from guard.export.source import open_export
from guard.export.store import private_sqlite

SCHEMA = """
CREATE TABLE IF NOT EXISTS imports (id INTEGER PRIMARY KEY, at TEXT NOT NULL, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    date TEXT,
    text TEXT NOT NULL,
    url TEXT,
    first_import INTEGER NOT NULL,
    last_import INTEGER NOT NULL,
    gone_in_import INTEGER
);
CREATE INDEX IF NOT EXISTS items_date_id ON items (date, id);
CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5(text, content='items', content_rowid='id');
CREATE TRIGGER IF NOT EXISTS items_ai AFTER INSERT ON items BEGIN
    INSERT INTO items_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS items_ad AFTER DELETE ON items BEGIN
    INSERT INTO items_fts(items_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
"""


def archive_db_path() -> Path:
    return paths.data_dir() / "archive.sqlite3"


@dataclass
class Item:
    kind: str  # post | article | comment
    date: str | None
    text: str
    url: str | None

    @property
    def key(self) -> str:
        if self.url:
            return f"{self.kind}:{self.url}"
        digest = hashlib.blake2b(" ".join(self.text.split()).encode(), digest_size=12).hexdigest()
        return f"{self.kind}:{self.date}:{digest}"


@dataclass
class ImportReport:
    added: int = 0
    kept: int = 0
    gone: list[dict[str, Any]] = field(default_factory=list)
    problems: list[dict[str, str]] = field(default_factory=list)


def items_of(path: Path, problems: Problems) -> Iterator[Item]:
    with open_export(path) as export:
        for share in reader.read_shares(export, problems):
            if share.text:
                yield Item("post", share.date, share.text, share.link)
        for article in reader.read_articles(export, problems):
            text = article.text if not article.title or article.text.startswith(article.title) \
                else f"{article.title}\n\n{article.text}"
            yield Item("article", article.date, text, None)
        for comment in reader.read_comments(export, problems):
            yield Item("comment", comment.date, comment.text, comment.link)


class PostArchive:
    def __init__(self, path: Path | None = None):
        self.conn = private_sqlite(path or archive_db_path())
        self.conn.executescript(SCHEMA)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "PostArchive":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def import_export(self, path: Path) -> ImportReport:
        """All or nothing: the export is read first, then written in one transaction."""
        problems = Problems()
        items = {item.key: item for item in items_of(path, problems)}
        report = ImportReport(problems=problems.as_list())
        now = datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
        with self.conn:
            import_id = int(self.conn.execute("INSERT INTO imports (at, source) VALUES (?, ?)",
                                              (now, Path(path).name)).lastrowid)
            known = {row[0]: row[1] for row in self.conn.execute("SELECT key, id FROM items")}
            for key, item in items.items():
                if key in known:
                    report.kept += 1
                    self.conn.execute("UPDATE items SET last_import = ?, gone_in_import = NULL WHERE id = ?",
                                      (import_id, known[key]))
                else:
                    report.added += 1
                    self.conn.execute(
                        "INSERT INTO items (key, kind, date, text, url, first_import, last_import)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)", (key, item.kind, item.date, item.text, item.url, import_id, import_id))
            gone_keys = [k for k in known if k not in items]
            for key in gone_keys:
                row = self.conn.execute("SELECT id, kind, date, text, url, gone_in_import FROM items WHERE key = ?",
                                        (key,)).fetchone()
                if row["gone_in_import"] is None:
                    self.conn.execute("UPDATE items SET gone_in_import = ? WHERE id = ?", (import_id, row["id"]))
                    report.gone.append(_public(row))
        return report

    def search(self, query: str, limit: int = 50) -> list[dict[str, Any]]:
        match = fts_query(query)
        if not match:
            return []
        # Walk the date index newest first and keep matching rows: stops after
        # ``limit`` rows instead of sorting every match (common words match most posts).
        rows = self.conn.execute(
            "SELECT kind, date, text, url FROM items INDEXED BY items_date_id"
            " WHERE id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)"
            " ORDER BY date DESC, id DESC LIMIT ?", (match, limit))
        return [_public(r) for r in rows]

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM items").fetchone()[0])


def _public(row) -> dict[str, Any]:
    return {"date": row["date"], "kind": row["kind"], "text": row["text"], "url": row["url"]}


_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(query: str) -> str:
    """The person's words as quoted FTS5 terms (all must match); FTS syntax is never taken from input."""
    words = _WORD.findall(query)[:20]
    return " ".join(f'"{w}"' for w in words)
