"""Reading one export CSV by header *name*, whatever year it is from.

* Encoding is sniffed from the first bytes: UTF-16 with a BOM (2018, tab-
  separated, every field quoted), UTF-8 with or without a BOM; undecodable
  bytes become U+FFFD rather than stopping the run.
* The header is found by content, not by a line count: ``Connections.csv``
  has a ``Notes:`` preamble (a quoted paragraph and a blank line) that makes
  naive readers return zero rows. The first row (of the first
  ``HEADER_SCAN`` rows) holding every required column name is the header.
* Names are compared normalised (lower case, letters and digits only), so
  ``SharedURL``/``SharedUrl``/``Shared URL`` are one column; columns come
  and go between exports, unknown ones are ignored.
* Quoted fields may span lines (posts, comments): Python's csv module reads
  a stream opened with ``newline=""``, so CRLF and LF both work.
* The file is streamed, never read whole: memory stays flat on big files.

Rows come out as dicts keyed by normalised names; rows that cannot be read
(more cells than the header has) become problems, and a broken file stops
with one problem, never an exception.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import BinaryIO, Iterator

HEADER_SCAN = 12
_NORM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=1024)
def norm(name: str) -> str:
    return _NORM.sub("", name.replace("\ufeff", "").lower())


@dataclass
class Problems:
    items: list[dict[str, str]] = field(default_factory=list)
    limit: int = 200
    dropped: int = 0

    def add(self, file: str, message: str) -> None:
        if len(self.items) < self.limit:
            self.items.append({"file": file, "message": message})
        else:
            self.dropped += 1

    def as_list(self) -> list[dict[str, str]]:
        out = list(self.items)
        if self.dropped:
            out.append({"file": "", "message": f"{self.dropped} more problems not listed"})
        return out


def _text_stream(raw: BinaryIO) -> tuple[io.TextIOWrapper, bool]:
    """A text stream with the right decoding; True when the file is UTF-16 (tab-separated)."""
    buffered = io.BufferedReader(raw)  # type: ignore[arg-type]
    head = buffered.peek(4)[:4]
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        return io.TextIOWrapper(buffered, encoding="utf-16", errors="replace", newline=""), True
    if head.startswith(codecs.BOM_UTF8):
        return io.TextIOWrapper(buffered, encoding="utf-8-sig", errors="replace", newline=""), False
    return io.TextIOWrapper(buffered, encoding="utf-8", errors="replace", newline=""), False


def _delimiter(first_lines: str, utf16: bool) -> str:
    if utf16:
        return "\t"
    tabs, commas, semis = first_lines.count("\t"), first_lines.count(","), first_lines.count(";")
    if tabs > commas and tabs >= semis:
        return "\t"
    if semis > commas:
        return ";"  # an Excel re-save in a comma-decimal locale
    return ","


def read_rows(raw: BinaryIO, file: str, required: tuple[str, ...], problems: Problems,
              placeholder_ok: bool = False) -> Iterator[dict[str, str]]:
    """Rows of ``file`` as ``{normalised header: value}``; nothing when no header holds ``required``.

    ``placeholder_ok``: a file LinkedIn sometimes fills with "can be downloaded
    at" rows instead of data (``Rich Media.csv`` in 2022) is no problem.
    """
    text, utf16 = _text_stream(raw)
    with text:
        sample = text.read(8192)
        rest = _Chain(sample, text)
        delimiter = _delimiter(_header_guess(sample), utf16)
        reader = csv.reader(rest, delimiter=delimiter)
        want = tuple(norm(r) for r in required)
        header: list[str] | None = None
        try:
            for _ in range(HEADER_SCAN):
                row = next(reader, None)
                if row is None:
                    break
                names = [norm(c) for c in row]
                if all(w in names for w in want):
                    header = names
                    break
            if header is None:
                if placeholder_ok:
                    return
                problems.add(file, f"no header row with {', '.join(required)} in the first {HEADER_SCAN} lines")
                return
            width = len(header)
            for row in reader:
                if not row or not any(cell.strip() for cell in row):
                    continue
                if len(row) > width and any(c.strip() for c in row[width:]):
                    problems.add(file, f"line {reader.line_num}: {len(row)} fields where the header has {width}")
                    continue
                yield {name: row[i] if i < len(row) else "" for i, name in enumerate(header) if name}
        except csv.Error as err:
            problems.add(file, f"line {reader.line_num}: unreadable CSV ({err}); the rest of the file was skipped")


def _header_guess(sample: str) -> str:
    """The first line that is neither empty nor part of the ``Notes:`` preamble (a quoted paragraph)."""
    for line in sample.splitlines()[:HEADER_SCAN]:
        stripped = line.strip()
        if stripped and not stripped.startswith(("Notes:", '"When ')):
            return stripped
    return ""


class _Chain(io.TextIOBase):
    """The sniffed sample, then the rest of the stream, line by line (what csv.reader iterates)."""

    def __init__(self, first: str, rest: io.TextIOBase):
        self._buf = io.StringIO(first)
        self._rest = rest
        self._tail = ""

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = self._buf.readline()
        if line and (line.endswith("\n") or line.endswith("\r")):
            return line
        # The sample may end mid-line: finish it from the stream.
        more = self._rest.readline()
        line += more
        if not line:
            raise StopIteration
        return line
