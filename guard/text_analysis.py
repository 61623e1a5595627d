"""What a LinkedIn message is — the older question-and-answer view of ``guard.signals``.

The judgement itself lives in ``guard.signals``: named signals from
per-language pattern files, weights fitted on a labelled corpus, and the
evidence behind every verdict. This module keeps the small vocabulary the
rest of the code and its tests speak — "is it a solicitation, of which kind,
only a permission question, requested, recruitment, with an opt-out?" — as
a view on one ``Judgement``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from guard.signals import Judgement, judge, opt_out_notice  # noqa: F401 - re-exported

MAX_EVIDENCE = 6


class Signal(NamedTuple):
    """One signal that fired, and where: ``category`` and ``group`` are the signal's name."""

    category: str
    group: str
    weight: float
    phrase: str
    start: int
    end: int


class Analysis(NamedTuple):
    language: str
    formal: bool
    solicitation: str | None  # commercial | charitable | idealistic: the text is a pitch of that kind
    evidence: tuple[Signal, ...]  # why (LG201's evidence, in text order)
    recruitment: bool
    recruitment_evidence: tuple[Signal, ...]
    permission_only: bool
    requested: bool
    has_opt_out: bool
    unsolicited: bool  # LG201 would fire (no thread information)
    direct_marketing: bool  # LG202's "is direct marketing" (before the first-message and opt-out conditions)
    signals: tuple[Signal, ...]  # every text signal that fired, in text order
    judgement: Judgement

    def marketing_evidence(self) -> tuple[Signal, ...]:
        return self.recruitment_evidence if self.recruitment else self.evidence


def _signals(j: Judgement, rule: str) -> tuple[Signal, ...]:
    items = j.evidence(rule, MAX_EVIDENCE)
    return tuple(sorted((Signal(e.feature, e.feature, e.weight, j.text[e.start:e.end], e.start, e.end)
                         for e in items), key=lambda s: s.start))


@lru_cache(maxsize=512)
def analyse(text: str, last_from_recipient: str | None = None, default_language: str = "en") -> Analysis:
    j = judge(text, last_from_recipient=last_from_recipient, prefer_language=default_language)
    from guard.signals.model import MODELS

    pitch = j.content_score("LG201") >= MODELS["LG201"].threshold
    solicitation = j.kind() if pitch else None
    marketing = j.marketing()
    recruitment = j.has("recruitment") and marketing and solicitation is None
    every = tuple(sorted((Signal(name, name, 0.0, j.text[s:e], s, e)
                          for name, spans in j.extraction.spans.items() for s, e in spans),
                         key=lambda s: s.start))
    return Analysis(
        language=j.language or default_language,
        formal=j.formal,
        solicitation=solicitation,
        evidence=_signals(j, "LG201") if solicitation else (),
        recruitment=recruitment,
        recruitment_evidence=_signals(j, "LG202") if recruitment else (),
        permission_only=solicitation is not None and j.has("permission_only"),
        requested=j.has("asked_for_it"),
        has_opt_out=j.has("opt_out"),
        unsolicited=j.fires("LG201"),
        direct_marketing=marketing,
        signals=every,
        judgement=j,
    )


def detect_language(text: str, default: str = "en") -> str:
    return analyse(text, None, default).language
