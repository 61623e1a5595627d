"""Judging the past: an export's records as page contexts, through the same Engine.

No rule logic lives here. Each part of the export becomes the context the
extension would have sent at the time, and ``guard.engine.Engine`` decides:

* ``messages.csv`` — only messages **the member sent** become message
  contexts, each with its thread as it stood then (messages from me and from
  the recipient before it in the same conversation, in date order, and the
  recipient's last message). So a follow-up after a first message (with or
  without the opt-out notice) is judged as a follow-up. Received messages
  only shape the thread; they are never findings. Drafts are skipped.
  The member is recognised by the name in ``Profile.csv``, else as the person
  taking part in the most conversations (2018: ``Direction`` = OUTGOING).
* ``Invitations.csv`` — outgoing invitation notes are messages too.
* ``Positions.csv`` (+ ``Job Seeker Preferences.csv``) — the own profile:
  LG401, LG101/LG102. A position without a finished date is current.
* ``Connections.csv`` — connections in pages of 100, LG501; each person
  named in the rule's evidence is one finding.
* ``Shares.csv`` (+ ``Rich_Media.csv`` uploads matched by text or minute) —
  posts, LG301/LG402, one finding per rule per post. ``MediaUrl`` is only a
  link preview and does not make a photo post.

Subjects follow protocol.md ("Looking back").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from guard.engine import Engine
from guard.export import reader
from guard.export.csvread import Problems
from guard.export.source import Export, name_facts, open_export
from guard.models import (
    MAX_TEXT,
    ConnectionsContext,
    Finding,
    Media,
    MessageContext,
    OpenToWork,
    Person,
    Position,
    PostContext,
    ProfileContext,
    Settings,
    Thread,
)

CONNECTIONS_PAGE = 100
EXCERPT_LIMIT = 280
PROFILE_URL = "https://www.linkedin.com/in/me/"


@dataclass
class AuditResult:
    export: dict[str, Any]
    findings: list[dict[str, Any]] = field(default_factory=list)
    problems: list[dict[str, str]] = field(default_factory=list)
    fixes: list[str | None] = field(default_factory=list)  # per finding, for the dashboard

    @property
    def summary(self) -> dict[str, int]:
        return dict(sorted(Counter(f["rule"] for f in self.findings).items()))

    def as_json(self) -> dict[str, Any]:
        return {"export": self.export, "findings": self.findings, "summary": self.summary, "problems": self.problems}


def _short(text: str | None, limit: int = EXCERPT_LIMIT) -> str | None:
    if not text:
        return None
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


_FIXES = {
    "LG401": {"en": "Correct this title to “{official}”.", "nl": "Verbeter deze titel naar ‘{official}’."},
    "LG501": {"en": "Remove this connection.", "nl": "Verwijder deze connectie."},
    # A sent message cannot be changed: the fix is for the next first message.
    "LG202": {"en": "In a first message like this, add: {notice}", "nl": "Zet in een eerste bericht als dit: {notice}"},
}


class Auditor:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.engine = Engine(settings)
        self.result: AuditResult | None = None
        self._seen: set[tuple[str, str, str]] = set()

    # -- findings ------------------------------------------------------------

    def _add(self, f: Finding, source: str, date: str | None, subject: str, excerpt: str | None,
             about: str | None = None) -> None:
        key = (f.rule, source if f.rule not in ("LG301", "LG402") else "post", subject)
        if f.rule in ("LG301", "LG402", "LG101", "LG102", "LG401"):
            if key in self._seen:
                return
            self._seen.add(key)
        assert self.result is not None
        self.result.findings.append({
            "rule": f.rule, "source": source, "date": date, "subject": subject,
            "about": about or f.about or subject, "excerpt": _short(excerpt),
        })
        self.result.fixes.append(self._fix(f))

    def _fix(self, f: Finding) -> str | None:
        template = _FIXES.get(f.rule)
        if template:
            official = self.settings.employer.official_title if self.settings.employer else ""
            notice = f.fix.text.strip() if f.fix is not None else ""
            return template[f.language].format(official=official or "", notice=notice)
        return f.suggestion

    @staticmethod
    def _evidence(f: Finding) -> str | None:
        return f.evidence[0].excerpt if f.evidence else None

    # -- the run -------------------------------------------------------------

    def run(self, path: Path) -> AuditResult:
        problems = Problems()
        with open_export(path) as export:
            word, date = name_facts(Path(path))
            kind = "complete" if export.complete_markers else ("basic" if word == "basic" else
                                                               "complete" if word == "complete" else "unknown")
            files = sorted({m.base for ms in export.files.values() for m in ms}, key=str.lower)
            self.result = AuditResult(export={"kind": kind, "date": date, "files": files})
            profile = reader.read_profile(export, problems)
            self._messages(export, profile, problems)
            self._invitations(export, problems)
            self._own_profile(export, profile, problems)
            self._connections(export, problems)
            self._posts(export, problems)
        self.result.problems = problems.as_list()
        return self.result

    # -- messages ------------------------------------------------------------

    def _messages(self, export: Export, profile: reader.Profile | None, problems: Problems) -> None:
        messages = list(reader.read_messages(export, problems))
        if not messages:
            return
        is_mine = _member_test(messages, profile, problems)
        threads: dict[str, list[reader.MessageRow]] = defaultdict(list)
        for m in messages:
            key = m.conversation or "with:" + reader.fold_name(m.to if is_mine(m) else m.sender)
            threads[key].append(m)
        for key, thread in threads.items():
            thread.sort(key=lambda m: (m.date or "", m.order))
            mine = theirs = 0
            last: str | None = None
            for m in thread:
                if m.draft:
                    continue  # never sent
                if not is_mine(m):
                    theirs += 1
                    last = m.text or last
                    continue
                if m.text.strip():
                    ctx = MessageContext(
                        kind="message", url=f"https://www.linkedin.com/messaging/thread/{key[:200]}/",
                        page_session=f"export:{key[:200]}", trigger="submit",
                        channel="inmail" if m.subject else "message",
                        recipient=Person(name=(m.to or "recipient")[:2000],
                                         profile_url=(m.recipient_urls[0][:2000] if m.recipient_urls else None)),
                        text=m.text[:MAX_TEXT],
                        thread=Thread(messages_from_me=mine, messages_from_recipient=theirs,
                                      last_from_recipient=last[:MAX_TEXT] if last else None),
                    )
                    for f in self.engine.evaluate(ctx):
                        self._add(f, m.file, m.date, m.to or "recipient", self._evidence(f) or m.text, about=m.to)
                mine += 1

    def _invitations(self, export: Export, problems: Problems) -> None:
        for inv in reader.read_sent_invitations(export, problems):
            ctx = MessageContext(kind="message", url="https://www.linkedin.com/mynetwork/", trigger="submit",
                                 channel="invitation",
                                 recipient=Person(name=(inv.to or "recipient")[:2000], profile_url=inv.url),
                                 text=inv.text[:MAX_TEXT],
                                 thread=Thread(messages_from_me=0, messages_from_recipient=0))
            for f in self.engine.evaluate(ctx):
                self._add(f, "Invitations.csv", inv.date, inv.to or "recipient", self._evidence(f) or inv.text,
                          about=inv.to)

    # -- the own profile -----------------------------------------------------

    def _own_profile(self, export: Export, profile: reader.Profile | None, problems: Problems) -> None:
        positions = reader.read_positions(export, problems)
        seeker = reader.read_job_seeker(export, problems)
        if not positions and (seeker is None or seeker.audience is None):
            return
        ctx = ProfileContext(
            kind="profile", url=PROFILE_URL, trigger="observe", own=True,
            name=(profile.name if profile else "me")[:2000],
            headline=(profile.headline[:2000] if profile and profile.headline else None),
            open_to_work=OpenToWork(audience=seeker.audience) if seeker and seeker.audience else None,
            positions=[Position(title=p.title[:2000], company=p.company[:2000], current=p.current)
                       for p in positions[:5000]],
        )
        for f in self.engine.evaluate(ctx):
            if f.rule == "LG401":
                index = _index_of(f, "positions[")
                pos = positions[index] if index is not None and index < len(positions) else None
                title = pos.title if pos else (self._evidence(f) or "")
                self._add(f, "Positions.csv", pos.started if pos else None, title,
                          f"{title} — {pos.company}" if pos else title)
            elif f.rule in ("LG101", "LG102"):
                excerpt = ", ".join(seeker.titles) if seeker and seeker.titles else None
                self._add(f, "Job Seeker Preferences.csv", None, "#OpenToWork", excerpt, about="#OpenToWork")

    # -- connections -----------------------------------------------------------

    def _connections(self, export: Export, problems: Problems) -> None:
        if not (self.settings.former_employers and any(fe.cleanup_clause for fe in self.settings.former_employers)):
            # Nothing to match against: still read the file so its problems show.
            for _ in reader.read_connections(export, problems):
                pass
            return
        page: list[reader.ConnectionRow] = []
        done: set[str] = set()
        for row in reader.read_connections(export, problems):
            page.append(row)
            if len(page) == CONNECTIONS_PAGE:
                self._connection_page(page, done)
                page = []
        if page:
            self._connection_page(page, done)

    def _connection_page(self, page: list[reader.ConnectionRow], done: set[str]) -> None:
        ctx = ConnectionsContext(kind="connections", url="https://www.linkedin.com/mynetwork/invite-connect/connections/",
                                 trigger="observe",
                                 people=[Person(name=c.name[:2000], profile_url=(c.url or None) and c.url[:2000],
                                                company=c.company[:2000] or None, connection_degree="1st")
                                         for c in page])
        for f in self.engine.evaluate(ctx):
            for ev in f.evidence:
                index = _field_index(ev.field, "people[")
                if index is None or index >= len(page):
                    continue
                person = page[index]
                key = (person.url or "").lower() or reader.fold_name(person.name)
                if key in done:
                    continue
                done.add(key)
                self._add(f, "Connections.csv", person.connected, person.name, ev.excerpt, about=person.name)

    # -- posts ---------------------------------------------------------------

    def _posts(self, export: Export, problems: Problems) -> None:
        media = [m for m in reader.read_rich_media(export, problems) if m.feed and m.kind in ("image", "video", "document")]
        by_text: dict[str, list[int]] = defaultdict(list)
        by_minute: dict[str, list[int]] = defaultdict(list)
        for i, m in enumerate(media):
            if m.description:
                by_text[_text_key(m.description)].append(i)
            if m.date:
                by_minute[m.date[:16]].append(i)
        used: set[int] = set()
        seen_posts: set[str] = set()
        for share in reader.read_shares(export, problems):
            post_key = share.link or f"{share.date}|{_text_key(share.text)}"
            if post_key in seen_posts:
                continue
            seen_posts.add(post_key)
            matched = set(by_text.get(_text_key(share.text), []) if share.text else []) | \
                set(by_minute.get(share.date[:16], []) if share.date else [])
            used |= matched
            self._post(share.file, share.date, share.link or share.date or "post", share.text, share.link,
                       [media[i].kind for i in sorted(matched)])
        for i, m in enumerate(media):
            if i in used or not m.description:
                continue
            key = f"{m.date}|{_text_key(m.description)}"
            if key in seen_posts:
                continue
            seen_posts.add(key)
            self._post("Rich_Media.csv", m.date, m.date or "post", m.description, None, [m.kind])

    def _post(self, source: str, date: str | None, subject: str, text: str, link: str | None, kinds: Iterable[str]) -> None:
        ctx = PostContext(kind="post", url=(link or "https://www.linkedin.com/feed/")[:2000], trigger="submit",
                          page_session=f"export:{subject[:200]}", text=text[:MAX_TEXT],
                          media=[Media(type=k) for k in kinds])
        for f in self.engine.evaluate(ctx):
            self._add(f, source, date, subject, self._evidence(f) or text)


def _text_key(text: str) -> str:
    return reader.fold_name(text)[:200]


def _field_index(name: str, prefix: str) -> int | None:
    if not name.startswith(prefix):
        return None
    digits = name[len(prefix):].split("]", 1)[0]
    return int(digits) if digits.isdigit() else None


def _index_of(f: Finding, prefix: str) -> int | None:
    for ev in f.evidence:
        index = _field_index(ev.field, prefix)
        if index is not None:
            return index
    return None


def _member_test(messages: list[reader.MessageRow], profile: reader.Profile | None, problems: Problems):
    """A predicate: did the member send this message?

    The member takes part in every conversation of their own export, as
    sender or recipient; anyone else only in theirs. So the member is the
    name in ``Profile.csv`` when it takes part at all, else the name in the
    most conversations. Counting senders alone would crown a prolific
    spammer when the member sent little or nothing.
    """
    if any(m.direction for m in messages):  # 2018: the export says so
        return lambda m: m.direction == "OUTGOING" or m.folder == "SENT"
    taking_part: dict[str, set[str]] = defaultdict(set)
    urls_of: dict[str, Counter] = defaultdict(Counter)
    for m in messages:
        conversation = m.conversation or f"{reader.fold_name(m.sender)}|{reader.fold_name(m.to)}"
        sender = reader.fold_name(m.sender)
        for name in {sender, reader.fold_name(m.to), *(reader.fold_name(n) for n in m.to.split(", "))}:
            if name and name != "linkedin member":
                taking_part[name].add(conversation)
        if m.sender_url and sender:
            urls_of[sender][m.sender_url.rstrip("/").lower()] += 1
    member_name = reader.fold_name(profile.name) if profile else None
    if not member_name or member_name not in taking_part:
        ranked = sorted(taking_part, key=lambda n: len(taking_part[n]), reverse=True)
        if len(ranked) > 1 and len(taking_part[ranked[0]]) == len(taking_part[ranked[1]]):
            # Two people in as many conversations (one conversation, say): a
            # guess could make a stranger's pitch the member's. Judge nothing.
            problems.add(messages[0].file, "cannot tell which sender is you (no Profile.csv); messages were not judged")
            return lambda m: False
        member_name = ranked[0] if ranked else None
    if member_name is None:
        return lambda m: False
    member_urls = {u for u, _ in urls_of[member_name].most_common(1)}

    def is_mine(m: reader.MessageRow) -> bool:
        if m.sender_url and member_urls:
            return m.sender_url.rstrip("/").lower() in member_urls
        return reader.fold_name(m.sender) == member_name

    return is_mine


def audit(path: Path, settings: Settings) -> AuditResult:
    """Read the export at ``path`` and judge it; ExportError when it is not a readable export."""
    return Auditor(settings).run(path)
