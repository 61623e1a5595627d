"""Looking back: LinkedIn's "Get a copy of your data" export (protocol.md, "Looking back").

* ``source`` — opens the ZIP in place or the unpacked folder; refuses hostile archives.
* ``csvread`` / ``dates`` / ``reader`` — every documented year's files, by header name.
* ``audit`` — the export as page contexts, judged by ``guard.engine.Engine``.
* ``store`` — audit results in ``audit.sqlite3`` (private, the log's retention).
* ``posts`` — the member's own posts, articles and comments in ``archive.sqlite3`` (FTS5).

Format reference: ``shared/reference/linkedin-export.md``.
"""
