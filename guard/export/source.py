"""Opening an export: a ZIP read in place, or the folder it was unpacked into.

The archive is hostile input until proven otherwise:

* A ZIP is never extracted to disk; members are streamed from it.
* Any member name with ``..`` or an absolute path (``/x``, ``\\x``, ``C:x``)
  refuses the *whole* archive: a tool that would write it out elsewhere
  would escape its folder, so the archive was not made by LinkedIn.
* Zip bombs lie about their sizes, so sizes are checked twice: the declared
  uncompressed sizes (per member and in total) before anything is read, and
  the bytes actually inflated, counted while reading (:class:`_Capped`).
* Only the files the audit and the archive need are opened at all
  (``WANTED``), found by base name, case-insensitively, at any depth —
  people flatten and rename the folders.

Every refusal is an :class:`ExportError` with one line naming why.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Iterator

# Real exports: a 2026 messages.csv of 22,557 rows is 2.6 MB; the largest
# files seen are a few tens of MB. Far above that is not an export.
MAX_MEMBER_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_MEMBERS = 20_000
MAX_ARTICLE_BYTES = 8 * 1024 * 1024


class ExportError(Exception):
    """PATH is not a readable export: one line for stderr (exit code 2)."""


def file_key(name: str) -> str:
    """``Jobs/Job Seeker Preferences.csv`` -> ``job seeker preferences``; ``Shares_2.csv`` -> ``shares``.

    Spaces and underscores are one thing (``Rich Media.csv`` / ``Rich_Media.csv``)
    and numbered splits (``_1``) belong to their file.
    """
    base = PurePosixPath(name.replace("\\", "/")).name.lower()
    if base.endswith(".csv"):
        base = base[:-4]
    base = re.sub(r"[\s_]+", " ", base).strip()
    return re.sub(r" \d+$", "", base)


# key -> what it is for. "marker" files only tell a Complete archive apart.
WANTED = {
    "profile": "profile",
    "positions": "positions",
    "connections": "connections",
    "messages": "messages",
    "invitations": "invitations",
    "shares": "shares",
    "rich media": "rich_media",
    "comments": "comments",
    "job seeker preferences": "job_seeker",
}
COMPLETE_MARKERS = frozenset({
    "logins", "search queries", "searchqueries", "security challenges", "account status history",
    "ad targeting", "inferences about you", "ads clicked", "reviews",
})


@dataclass
class Member:
    name: str  # as stored in the archive / relative path in the folder
    size: int  # declared (ZIP) or on-disk size

    @property
    def base(self) -> str:
        return PurePosixPath(self.name.replace("\\", "/")).name


@dataclass
class Export:
    """An opened export: its relevant files by purpose, readable as capped byte streams."""

    path: Path
    files: dict[str, list[Member]] = field(default_factory=dict)  # purpose -> members
    articles: list[Member] = field(default_factory=list)
    all_csv: list[str] = field(default_factory=list)
    complete_markers: bool = False
    _zip: zipfile.ZipFile | None = None
    _budget: list[int] = field(default_factory=lambda: [MAX_TOTAL_BYTES])

    def open(self, member: Member) -> BinaryIO:
        limit = MAX_ARTICLE_BYTES if member in self.articles else MAX_MEMBER_BYTES
        if self._zip is not None:
            try:
                raw: BinaryIO = self._zip.open(member.name)  # type: ignore[assignment]
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError) as err:
                # Encrypted, an unknown compression method, a broken local header.
                raise ExportError(f"cannot read {member.name} from the archive: {err}") from err
        else:
            raw = _open_regular(self.path / member.name)
        return _Capped(raw, member.name, limit, self._budget)  # type: ignore[return-value]

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> "Export":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Capped(io.RawIOBase):
    """A reader that stops with ExportError once a member or the whole run inflates too far."""

    def __init__(self, raw: BinaryIO, name: str, limit: int, budget: list[int]):
        self._raw, self._name, self._left, self._budget = raw, name, limit, budget

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        want = min(len(buffer), 1 << 16)
        try:
            data = self._raw.read(want)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as err:
            raise ExportError(f"cannot read {self._name} from the archive: {err}") from err
        n = len(data)
        self._left -= n
        self._budget[0] -= n
        if self._left < 0:
            raise ExportError(f"{self._name} inflates to more than {MAX_MEMBER_BYTES // 2**20} MiB: not a LinkedIn export")
        if self._budget[0] < 0:
            raise ExportError(f"the archive inflates to more than {MAX_TOTAL_BYTES // 2**20} MiB: not a LinkedIn export")
        buffer[:n] = data
        return n

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


def _open_regular(path: Path) -> BinaryIO:
    # O_NOFOLLOW: a symlink planted in the folder must not lead outside it.
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    return os.fdopen(fd, "rb")


def unsafe_name(name: str) -> bool:
    """``..`` anywhere, or an absolute path in any of its spellings."""
    if not name or "\x00" in name:
        return True
    unified = name.replace("\\", "/")
    if unified.startswith("/") or re.match(r"^[A-Za-z]:", unified):
        return True
    return any(part == ".." for part in unified.split("/"))


def _classify(export: Export, name: str, size: int) -> None:
    lowered = name.replace("\\", "/").lower()
    if lowered.endswith(".html") and "articles" in lowered.split("/")[:-1]:
        export.articles.append(Member(name, size))
        return
    if not lowered.endswith(".csv"):
        return
    export.all_csv.append(PurePosixPath(name.replace("\\", "/")).name)
    key = file_key(name)
    if key in COMPLETE_MARKERS:
        export.complete_markers = True
    purpose = WANTED.get(key)
    if purpose:
        export.files.setdefault(purpose, []).append(Member(name, size))


def _check_sizes(export: Export) -> None:
    total = 0
    for members in [*export.files.values(), export.articles]:
        for m in members:
            limit = MAX_ARTICLE_BYTES if members is export.articles else MAX_MEMBER_BYTES
            if m.size > limit:
                raise ExportError(f"{m.name} would inflate to {m.size / 2**20:,.0f} MiB: not a LinkedIn export")
            total += m.size
    if total > MAX_TOTAL_BYTES:
        raise ExportError(f"the archive would inflate to {total / 2**30:,.1f} GiB: not a LinkedIn export")


def _open_zip(path: Path) -> Export:
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as err:
        raise ExportError(f"{path.name} is not a ZIP archive ({err})") from err
    except OSError as err:
        raise ExportError(f"cannot read {path}: {err.strerror or err}") from err
    try:
        infos = zf.infolist()
        if not infos:
            raise ExportError(f"{path.name} is an empty ZIP archive")
        if len(infos) > MAX_MEMBERS:
            raise ExportError(f"{path.name} holds {len(infos):,} files: not a LinkedIn export")
        for info in infos:
            if unsafe_name(info.filename):
                raise ExportError(f"{path.name} has an unsafe file name ({info.filename[:80]!r}): refused as a whole")
        export = Export(path=path, _zip=zf)
        for info in infos:
            if not info.is_dir():
                _classify(export, info.filename, info.file_size)
        _check_sizes(export)
        return export
    except BaseException:
        zf.close()
        raise


def _walk(root: Path) -> Iterator[tuple[str, int]]:
    count = 0
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in files:
            full = Path(folder) / name
            try:
                st = os.lstat(full)
            except OSError:
                continue
            if not stat.S_ISREG(st.st_mode):
                continue  # symlinks and devices are not part of an export
            count += 1
            if count > MAX_MEMBERS:
                raise ExportError(f"{root} holds more than {MAX_MEMBERS:,} files: not a LinkedIn export")
            yield full.relative_to(root).as_posix(), st.st_size


def open_export(path: Path) -> Export:
    """The export at ``path`` (ZIP or folder), or ExportError naming why it is not one."""
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ExportError(f"{path}: no such file or folder") from None
    except OSError as err:
        raise ExportError(f"cannot read {path}: {err.strerror or err}") from err
    if stat.S_ISDIR(st.st_mode):
        export = Export(path=path)
        zips: list[str] = []
        for name, size in _walk(path):
            _classify(export, name, size)
            if "linkedindataexport" in name.lower() and name.lower().endswith(".zip"):
                zips.append(name)
        if not export.files and not export.articles and zips:
            # Pointed at Downloads rather than the export: say which file to pass.
            raise ExportError(f"{path} is not an export folder; pass the ZIP itself, e.g. {path / sorted(zips)[-1]}")
        _check_sizes(export)
    elif stat.S_ISREG(st.st_mode):
        with open(path, "rb") as fh:
            magic = fh.read(4)
        if magic[:2] != b"PK":
            raise ExportError(f"{path.name} is not a ZIP archive or an unpacked export folder")
        export = _open_zip(path)
    else:
        raise ExportError(f"{path} is not a file or folder")
    if not export.files and not export.articles:
        export.close()
        seen = f" (found {len(export.all_csv)} unrelated CSV files)" if export.all_csv else ""
        raise ExportError(f"{path.name} holds no LinkedIn export files such as Connections.csv or messages.csv{seen}")
    # Several copies of one file (a flattened folder next to the original):
    # the shallowest, then the first by name, is the export's own.
    for members in export.files.values():
        members.sort(key=lambda m: (m.name.count("/"), m.name))
    return export


_NAME_DATE = re.compile(r"(Basic|Complete|Initial)_LinkedInDataExport_(\d{2})-(\d{2})-(\d{4})", re.I)


def name_facts(path: Path) -> tuple[str | None, str | None]:
    """(kind word, ISO date) from ``Basic_LinkedInDataExport_MM-DD-YYYY``: month first."""
    m = _NAME_DATE.search(path.name)
    if not m:
        return None, None
    from guard.export.dates import _d

    return m[1].lower(), _d(int(m[4]), int(m[2]), int(m[3]))
