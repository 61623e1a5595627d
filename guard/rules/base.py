"""What every rule is made of.

A rule is a class in its own module ``guard/rules/lgNNN_<slug>.py``. It
proposes *hits* (what it found, about whom, with which evidence); the engine
turns hits into localized findings, applies the person's settings and gives
each finding a stable id. A rule never formats user-facing text itself beyond
choosing a wording and filling its parameters, so English and Dutch stay in
step and every text can be checked by the catalogue meta-test.

The class docstring is the rule's documentation, with the headings
``## What it does``, ``## Why is this bad?``, ``## Example``,
``## Use instead`` and ``## Legal basis``. ``linkedin-guard rules`` and the
dashboard's catalogue are generated from it.

``doc_nl`` is the same documentation in Dutch, written for Dutch readers (not
word for word), with the headings of :data:`DOC_HEADINGS_NL`. Its sections
are keyed by the English headings, so ``describe()["doc_nl"]["Example"]`` is
the Dutch ``## Voorbeeld``.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable

from guard.models import Context, Evidence, Fix, LegalBasis, Mode, Settings, Severity

DOC_HEADINGS = ("What it does", "Why is this bad?", "Example", "Use instead", "Legal basis")
# The Dutch heading for each English one, in ``doc_nl``.
DOC_HEADINGS_NL = {
    "What it does": "Wat het doet",
    "Why is this bad?": "Waarom is dit riskant?",
    "Example": "Voorbeeld",
    "Use instead": "Doe in plaats daarvan",
    "Legal basis": "Juridische basis",
}
_FROM_NL = {nl.casefold(): en for en, nl in DOC_HEADINGS_NL.items()}


@dataclass(frozen=True)
class Text:
    """One sentence in both languages. ``{name}`` placeholders are filled from hit params."""

    en: str
    nl: str

    def get(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


@dataclass(frozen=True)
class Wording:
    title: Text
    message: Text
    suggestion: Text | None = None


@dataclass
class Hit:
    """What a rule found. ``subject`` makes the finding's identity within a page session."""

    subject: str
    evidence: list[Evidence] = field(default_factory=list)
    params: dict[str, str | Text] = field(default_factory=dict)
    wording: str = "default"
    severity: Severity | None = None  # None: the rule's default
    mode: Mode | None = None  # None: the rule's default
    fix: Fix | None = None
    # What a person reads in the log's "About" column ("Mark Visser"); None:
    # the subject itself is readable enough.
    about: str | Text | None = None


class Rule:
    """Base class: subclasses set the class variables and implement ``check``."""

    id: ClassVar[str]
    slug: ClassVar[str]
    kinds: ClassVar[tuple[str, ...]]
    default_severity: ClassVar[Severity]
    default_mode: ClassVar[Mode]
    wordings: ClassVar[dict[str, Wording]]
    legal_basis: ClassVar[tuple[LegalBasis, ...]]
    # The documentation in Dutch: a summary line, then the DOC_HEADINGS_NL sections.
    doc_nl: ClassVar[str] = ""

    def check(self, ctx: Context, settings: Settings) -> Iterable[Hit]:
        """Yield hits for this context. Rules with memory keep it on ``self``."""
        raise NotImplementedError

    # -- documentation ---------------------------------------------------

    @classmethod
    def doc_sections(cls, lang: str = "en") -> dict[str, str]:
        """The docstring split at its ``## Heading`` lines.

        ``lang="nl"``: ``doc_nl`` split the same way, keyed by the *English*
        headings (``"Example"`` for ``## Voorbeeld``); empty when the rule
        has no Dutch documentation.
        """
        if lang == "nl":
            return {_FROM_NL.get(k.casefold(), k): v for k, v in _split_doc(cls.doc_nl).items()}
        return _split_doc(cls.__doc__)

    @classmethod
    def describe(cls) -> dict[str, Any]:
        """The catalogue entry (``rules --json``, dashboard, docs)."""
        default = cls.wordings["default"]
        return {
            "id": cls.id,
            "slug": cls.slug,
            "kinds": list(cls.kinds),
            "severity": cls.default_severity,
            "mode": cls.default_mode,
            "title": {"en": default.title.en, "nl": default.title.nl},
            "legal_basis": [lb.model_dump() for lb in cls.legal_basis],
            "doc": cls.doc_sections(),
            "doc_nl": cls.doc_sections("nl"),
        }


def _split_doc(text: str | None) -> dict[str, str]:
    """Documentation split at its ``## Heading`` lines; the text before the first is ``Summary``."""
    doc = inspect.cleandoc(text or "")
    sections: dict[str, str] = {}
    current = "Summary"
    lines: list[str] = []
    for line in doc.splitlines():
        m = re.match(r"^##\s+(.+?)\s*$", line)
        if m:
            sections[current] = "\n".join(lines).strip()
            current, lines = m.group(1), []
        else:
            lines.append(line)
    sections[current] = "\n".join(lines).strip()
    return {k: v for k, v in sections.items() if v or k != "Summary"}


def excerpt(text: str, start: int, end: int, width: int = 40) -> str:
    """The matched span with a little context, on one line, at most ~120 chars."""
    lo = max(0, start - width)
    hi = min(len(text), end + width)
    piece = " ".join(text[lo:hi].split())
    return ("…" if lo > 0 else "") + piece + ("…" if hi < len(text) else "")
