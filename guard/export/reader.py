"""The export's records, read by header name from whichever year's files are present.

Each ``read_*`` function takes an opened :class:`~guard.export.source.Export`
and yields plain records; every file and column is optional (LinkedIn only
sends the categories that apply). What cannot be read goes to ``problems``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterator

from guard.export.csvread import Problems, norm, read_rows
from guard.export.dates import parse_date
from guard.export.source import Export, Member


def _get(row: dict[str, str], *names: str) -> str:
    for n in names:
        value = row.get(norm(n))
        if value:
            return value.strip()
    return ""


def _members(export: Export, purpose: str) -> list[Member]:
    """The file, and its numbered splits in the same folder (``Shares_1.csv``, ``Shares_2.csv``)."""
    members = export.files.get(purpose) or []
    if not members:
        return []
    folder = members[0].name.replace("\\", "/").rpartition("/")[0]
    same_folder = [m for m in members if m.name.replace("\\", "/").rpartition("/")[0] == folder]
    # A ZIP may list one name twice; it is read once.
    return list({m.name: m for m in same_folder}.values())


def rows(export: Export, purpose: str, required: tuple[str, ...], problems: Problems,
         placeholder_ok: bool = False) -> Iterator[tuple[str, dict[str, str]]]:
    for member in _members(export, purpose):
        with export.open(member) as raw:
            for row in read_rows(raw, member.base, required, problems, placeholder_ok):
                yield member.base, row


# --------------------------------------------------------------------------
# Text clean-up
# --------------------------------------------------------------------------

_BREAKS = re.compile(r"<\s*(?:br\s*/?|/p|/li|/div|/h\d)\s*>", re.I)
_TAGS = re.compile(r"<[^>]{0,2000}>")


def strip_html(text: str) -> str:
    """Message bodies (sponsored, InMail) are HTML: text for matching, never markup to render."""
    if "<" not in text and "&" not in text:
        return text
    text = _BREAKS.sub("\n", text)
    text = _TAGS.sub("", text)
    text = html.unescape(text).replace("\xa0", " ")
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def clean_commentary(text: str) -> str:
    """Undo Shares.csv's per-line quoting: ``First"\\n""\\n"Second"`` -> ``First\\n\\nSecond``."""
    if "\n" not in text:
        if text.startswith('"') and text.count('"') % 2 == 1:
            return text[1:]
        return text
    lines = []
    for line in text.split("\n"):
        if line == '""':
            lines.append("")
            continue
        if line.startswith('"'):
            line = line[1:]
        if line.endswith('"'):
            line = line[:-1]
        lines.append(line)
    return "\n".join(lines)


def fold_name(name: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


# --------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------


@dataclass
class Profile:
    name: str
    headline: str


def read_profile(export: Export, problems: Problems) -> Profile | None:
    for _file, row in rows(export, "profile", ("First Name", "Last Name"), problems):
        name = " ".join(f"{_get(row, 'First Name')} {_get(row, 'Last Name')}".split())
        if name:
            return Profile(name=name, headline=_get(row, "Headline"))
    return None


@dataclass
class PositionRow:
    title: str
    company: str
    started: str | None
    finished: str | None

    @property
    def current(self) -> bool:
        return not self.finished


def read_positions(export: Export, problems: Problems) -> list[PositionRow]:
    out = []
    for file, row in rows(export, "positions", ("Company Name", "Title"), problems):
        title, company = _get(row, "Title"), _get(row, "Company Name")
        if not title and not company:
            continue
        out.append(PositionRow(title=title, company=company, started=parse_date(_get(row, "Started On")),
                               finished=_get(row, "Finished On") or None))
    return out


@dataclass
class ConnectionRow:
    name: str
    url: str | None
    company: str
    position: str
    connected: str | None


def read_connections(export: Export, problems: Problems) -> Iterator[ConnectionRow]:
    for _file, row in rows(export, "connections", ("First Name", "Last Name"), problems):
        name = " ".join(f"{_get(row, 'First Name')} {_get(row, 'Last Name')}".split())
        if not name:
            continue  # "hidden" rows: everything empty but the date
        yield ConnectionRow(name=name, url=_get(row, "URL") or None, company=_get(row, "Company"),
                            position=_get(row, "Position"),
                            connected=parse_date(_get(row, "Connected On", "Connected on")))


@dataclass
class MessageRow:
    order: int
    conversation: str
    sender: str
    sender_url: str
    to: str
    recipient_urls: list[str]
    date: str | None
    subject: str
    text: str
    folder: str
    direction: str
    draft: bool
    file: str


def read_messages(export: Export, problems: Problems) -> Iterator[MessageRow]:
    for order, (file, row) in enumerate(rows(export, "messages", ("From", "Content"), problems)):
        raw_date = _get(row, "Date")
        date = parse_date(raw_date)
        if raw_date and date is None:
            problems.add(file, f"message {order + 1}: unreadable date {raw_date[:40]!r}")
        urls = [u.strip() for u in re.split(r"[;,]\s*(?=https?://|www\.)", _get(row, "Recipient Profile URLs")) if u.strip()]
        yield MessageRow(
            order=order,
            conversation=_get(row, "Conversation ID"),
            sender=_get(row, "From"),
            sender_url=_get(row, "Sender Profile URL"),
            to=_get(row, "To"),
            recipient_urls=urls,
            date=date,
            subject=_get(row, "Subject"),
            text=strip_html(_get(row, "Content")),
            folder=_get(row, "Folder").upper(),
            direction=_get(row, "Direction").upper(),
            draft=_get(row, "Is Message Draft").lower() in ("yes", "true"),
            file=file,
        )


@dataclass
class InvitationRow:
    to: str
    url: str | None
    date: str | None
    text: str


def read_sent_invitations(export: Export, problems: Problems) -> Iterator[InvitationRow]:
    for _file, row in rows(export, "invitations", ("From", "To", "Direction"), problems):
        text = _get(row, "Message")
        if _get(row, "Direction").upper() != "OUTGOING" or not text:
            continue
        yield InvitationRow(to=_get(row, "To"), url=_get(row, "inviteeProfileUrl") or None,
                            date=parse_date(_get(row, "Sent At")), text=text)


@dataclass
class ShareRow:
    date: str | None
    link: str | None
    text: str
    shared_url: str | None
    media_url: str | None
    file: str


def read_shares(export: Export, problems: Problems) -> Iterator[ShareRow]:
    for file, row in rows(export, "shares", ("Date",), problems):
        text = clean_commentary(_get(row, "ShareCommentary", "Share Commentary"))
        link = _get(row, "ShareLink", "Share Link") or None
        if not text and not link:
            continue
        yield ShareRow(date=parse_date(_get(row, "Date")), link=link, text=text,
                       shared_url=_get(row, "SharedUrl", "Shared URL") or None,
                       media_url=_get(row, "MediaUrl", "Media URL") or None, file=file)


@dataclass
class MediaRow:
    date: str | None
    kind: str  # "image" | "video" | "document" | "other"
    feed: bool  # uploaded with a post, not a profile photo or a group logo
    description: str


_UPLOAD = re.compile(r"uploaded an? ([a-z ]+?) on ", re.I)


def read_rich_media(export: Export, problems: Problems) -> Iterator[MediaRow]:
    """Rich_Media.csv: one row per upload, its date a sentence; the 2022 ``Type,Link`` placeholders are skipped."""
    for file, row in rows(export, "rich_media", ("Media Description",), problems, placeholder_ok=True):
        sentence = _get(row, "Date/Time")
        m = _UPLOAD.search(sentence)
        if not m:
            if sentence:
                problems.add(file, f"unreadable upload line {sentence[:60]!r}")
            continue
        what = m[1].lower()
        kind = "image" if "photo" in what else "video" if "video" in what else "document" if "document" in what else "other"
        feed = not any(w in what for w in ("profile", "group", "background", "article cover", "logo"))
        description = _get(row, "Media Description")
        yield MediaRow(date=parse_date(sentence), kind=kind, feed=feed,
                       description="" if description in ("-", "") else clean_commentary(description))


@dataclass
class CommentRow:
    date: str | None
    link: str | None
    text: str


def read_comments(export: Export, problems: Problems) -> Iterator[CommentRow]:
    for _file, row in rows(export, "comments", ("Date", "Message"), problems):
        text = clean_commentary(_get(row, "Message"))
        if text:
            yield CommentRow(date=parse_date(_get(row, "Date")), link=_get(row, "Link") or None, text=text)


@dataclass
class JobSeeker:
    audience: str | None  # "public" | "recruiters" | "unknown" | None (not open to work)
    titles: list[str]


# Only "RECRUITERS" was seen in real exports; these are the plausible
# spellings of the public frame. Any other value is "unknown": no note.
_PUBLIC_VALUES = {"PUBLIC", "ALL_LINKEDIN_MEMBERS", "ALL_MEMBERS", "EVERYONE", "ALL"}


def read_job_seeker(export: Export, problems: Problems) -> JobSeeker | None:
    for _file, row in rows(export, "job_seeker", ("Open To Recruiters",), problems):
        open_flag = _get(row, "Open To Recruiters").lower() in ("yes", "true")
        visibility = _get(row, "Open Candidate Visibility").upper()
        titles = [t.strip() for t in re.split(r"\s*\|\s*|\],\s*\[", _get(row, "Job Titles").strip("[]")) if t.strip()]
        if visibility in _PUBLIC_VALUES:
            audience = "public"
        elif visibility in ("RECRUITERS", "RECRUITERS_ONLY"):
            audience = "recruiters"
        elif visibility:
            audience = "unknown"
        else:
            audience = "recruiters" if open_flag else None
        if visibility and not open_flag and _get(row, "Open To Recruiters"):
            audience = None  # switched off; the visibility is a leftover
        return JobSeeker(audience=audience, titles=titles)
    return None


@dataclass
class Article:
    name: str
    title: str
    text: str
    date: str | None


_TITLE = re.compile(r"<title[^>]*>(.*?)</title>|<h1[^>]*>(.*?)</h1>", re.I | re.S)
_FILE_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")


def read_articles(export: Export, problems: Problems) -> Iterator[Article]:
    for member in export.articles:
        with export.open(member) as raw:
            data = raw.read().decode("utf-8", errors="replace")
        m = _TITLE.search(data)
        title = strip_html((m[1] or m[2]) if m else "").strip()
        body = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", data, flags=re.I | re.S)
        text = strip_html(body)
        created = re.search(r"(?:Created on|Published on)\s*([0-9]{4}-[0-9]{2}-[0-9]{2}[ T0-9:]*)", text)
        date = parse_date(created[1].strip()) if created else None
        if date is None and (fm := _FILE_DATE.search(member.base)):
            date = parse_date(fm[1])
        if text:
            yield Article(name=member.base, title=title, text=text, date=date)
