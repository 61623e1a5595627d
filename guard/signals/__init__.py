"""Message signals: what LG201 and LG202 know about a message, and why.

    from guard.signals import judge
    j = judge("Hallo Herr Weber, wir helfen Unternehmen ...", me=0, them=0)
    j.fires("LG201"), j.evidence("LG201"), print(j.explain())

* ``text`` — normalising (HTML, case, accents, emoji, punctuation);
* ``lexicon`` — the pattern files ``patterns/*.md`` and their compiled bank;
* ``language`` — which languages the message uses;
* ``features`` — the named signals (``FEATURES``) and their extraction;
* ``model`` — the fitted weights (``weights.json``) and thresholds.

Everything is local: no network, nothing downloaded at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import Mapping, NamedTuple

from guard.signals import wording
from guard.signals.features import FEATURES, UNUSED, Extraction, extract, wording_tables
from guard.signals.language import Languages
from guard.signals.model import CONTEXT, META, MODELS
from guard.signals.text import fold

__all__ = ["FEATURES", "EvidenceItem", "Judgement", "judge", "opt_out_notice", "NOTICES"]

MAX_EVIDENCE = 6
_MAX_EXCERPT = 120
_KIND_GROUPS = {"charitable": ("donation",), "idealistic": ("cause",)}


class EvidenceItem(NamedTuple):
    """One excerpt that made a signal fire, with the signal's push (weight x value) in the rule's score."""

    feature: str
    weight: float
    excerpt: str
    start: int
    end: int


@dataclass(frozen=True)
class Judgement:
    extraction: Extraction
    scores: dict[str, float]
    first_message: bool

    # -- what the text is ---------------------------------------------------
    @property
    def text(self) -> str:
        return self.extraction.text

    @property
    def values(self) -> dict[str, float]:
        return self.extraction.values

    @property
    def languages(self) -> Languages:
        return self.extraction.languages

    @property
    def language(self) -> str | None:
        return self.extraction.languages.primary

    @property
    def formal(self) -> bool:
        return self.extraction.formal

    @property
    def confident(self) -> bool:
        return self.extraction.languages.primary is not None

    @property
    def values_key(self) -> tuple[tuple[str, float], ...]:
        """The signal values as a key (remembered per judgement)."""
        got = self.__dict__.get("_values_key")
        if got is None:
            got = self.__dict__["_values_key"] = tuple(self.extraction.values.items())
        return got

    def has(self, feature: str) -> bool:
        return bool(self.extraction.values.get(feature))

    # -- verdicts -------------------------------------------------------------
    def content_score(self, rule: str) -> float:
        """The score without the situation (thread, reply, permission): is the text itself a pitch?"""
        m = MODELS[rule]
        return m.bias + sum(m.weights.get(n, 0.0) * v for n, v in self.values.items() if n not in CONTEXT)

    def excused(self) -> bool:
        """The law's own exceptions (legal-basis.md): the recipient asked, or it only asks permission."""
        return self.has("asked_for_it") or self.has("permission_only")

    def marketing(self) -> bool:
        """Direct marketing, before the first-message and opt-out conditions.

        Every solicitation LG201 sees is direct marketing too (legal-basis.md:
        "first sales or recruitment message"), so LG201's verdict counts;
        LG202's own score adds recruitment outreach and what LG201 leaves.
        """
        if self.excused():
            return False
        return (self.scores["LG202"] >= MODELS["LG202"].threshold
                or self.scores["LG201"] >= MODELS["LG201"].threshold)

    def fires(self, rule: str) -> bool:
        if rule == "LG201":
            return not self.excused() and self.scores["LG201"] >= MODELS["LG201"].threshold
        if rule == "LG202":
            return self.first_message and not self.has("opt_out") and self.marketing()
        raise KeyError(rule)

    def kind(self) -> str:
        """``commercial``, ``charitable`` or ``idealistic``: the strongest kind of ask (LG201 wording)."""
        model = MODELS["LG201"]
        return model.derived("kind", self.values_key, lambda: _kind(model.weights, self.extraction.values))

    def recruitment_led(self) -> bool:
        """LG202's wording: recruitment rather than selling."""
        model = MODELS["LG202"]
        return model.derived("recruitment_led", self.values_key,
                             lambda: _recruitment_led(model.weights, self.extraction.values))

    def shared(self) -> dict:
        """What is remembered for this judgement's outcome: its evidence, and what the rules make of it.

        Typing judges a new text on every keystroke, mostly with the same
        outcome; ``judge`` hands a judgement the previous one's memo when
        everything the evidence and the warnings read is the same
        (``_same_outcome``), so they are not built again.
        """
        got = self.__dict__.get("_shared")
        if got is None:
            prev = self.__dict__.pop("_prev", None)
            if prev is not None and _same_outcome(prev, self):
                got = self.__dict__["_shared"] = prev.shared()
            else:
                got = self.__dict__["_shared"] = {"models": _models_now()}
        return got

    def evidence(self, rule: str, limit: int = MAX_EVIDENCE) -> tuple[EvidenceItem, ...]:
        """The text signals that pushed towards the rule, strongest first, each with its excerpts.

        Remembered per outcome (``shared``): LG201 and LG202 ask on every keystroke.
        """
        memo = self.shared()
        key = ("evidence", rule, limit)
        got = memo.get(key)
        if got is None:
            got = memo[key] = tuple(self._evidence(rule, limit))
        return got

    def _evidence(self, rule: str, limit: int | None = None) -> list[EvidenceItem]:
        """The first ``limit`` items (all when None); excerpts are cut only for those."""
        out: list[EvidenceItem] = []
        if limit is not None and limit <= 0:
            return self._evidence(rule)[:limit] if limit < 0 else out
        # LG201 and LG202 quote the same spans, each with its own weights: cut once.
        quotes = self.shared().setdefault("quotes", {})
        spans = self.extraction.spans
        new = tuple.__new__
        model = MODELS[rule]
        values = self.values
        for name, weight in model.derived("pushes", self.values_key, lambda: tuple(model.pushes(values))):
            got = quotes.get(name)
            if got is None:
                text = self.extraction.text
                got = quotes[name] = [(_excerpt(text[s:e]), s, e) for s, e in spans.get(name, ())]
            for excerpt, s, e in got:
                out.append(new(EvidenceItem, (name, weight, excerpt, s, e)))
                if len(out) == limit:
                    return out
        return out

    def explain(self) -> str:
        """The score breakdown, for ``linkedin-guard evaluate --explain``."""
        lang = self.languages
        lines = [f"languages: {', '.join(lang.used) or 'unknown'} (confidence {lang.confidence}; common words "
                 + ", ".join(f"{code} {n}" for code, n in lang.counts) + ")"]
        if self.has("asked_for_it"):
            lines.append("the recipient asked for it: neither rule applies (legal-basis.md)")
        elif self.has("permission_only"):
            lines.append("only asks permission: neither rule applies (legal-basis.md)")
        for rule in ("LG201", "LG202"):
            m = MODELS[rule]
            verdict = "FIRES" if self.fires(rule) else "silent"
            lines.append(f"{rule}: score {self.scores[rule]:+.2f}, threshold {m.threshold:+.2f} -> {verdict}")
            lines.append(f"  {'bias':<18} {m.bias:+.2f}")
            for name, weight in m.contributions(self.values):
                if name in UNUSED[rule]:
                    continue  # this rule does not weigh it (features.UNUSED)
                quotes = [" ".join(self.text[s:e].split()) for s, e in self.extraction.spans.get(name, ())]
                quoted = ("  " + "; ".join(f'"{q}"' for q in quotes)) if quotes else ""
                if name in wording.SIGNALS:  # a value, not a phrase: the tokens that made it
                    quoted = (f"  (value {self.values[name]:+.1f}; strongest words: "
                              f"{wording.explain(wording_tables(), fold(self.text), name)})")
                lines.append(f"  {name:<18} {weight:+.2f}{quoted}")
            if rule == "LG202":
                if (self.scores["LG202"] < m.threshold and self.marketing()):
                    lines.append("  (direct marketing because LG201 fires: a first solicitation needs the notice too)")
                if not self.first_message:
                    lines.append("  (not the first message: LG202 does not apply)")
                if self.has("opt_out"):
                    lines.append("  (has an opt-out notice: LG202 is satisfied)")
        fitted = META.get("fitted_on")
        if fitted:
            lines.append(f"weights: {fitted}")
        return "\n".join(lines)


def _kind(w: Mapping[str, float], v: Mapping[str, float]) -> str:
    best, best_score = "commercial", 0.0
    selling = _positive_sum(w, v, ("offer", "discount", "claim", "benefit", "price"))
    for kind, names in _KIND_GROUPS.items():
        score = _positive_sum(w, v, names)
        if score > max(selling, best_score):
            best, best_score = kind, score
    return best


def _recruitment_led(w: Mapping[str, float], v: Mapping[str, float]) -> bool:
    rec = w.get("recruitment", 0.0) if v.get("recruitment") else 0.0
    sell = _positive_sum(w, v, ("offer", "discount", "claim", "benefit"))
    return rec > sell


def _positive_sum(weights: Mapping[str, float], values: Mapping[str, float], names: tuple[str, ...]) -> float:
    """The positive weights of these signals that fired, summed in order from 0 (as ``sum`` would)."""
    total = 0
    for n in names:
        if values.get(n):
            total += max(weights.get(n, 0.0), 0.0)
    return total


# Quoted pieces, by their raw text: typing quotes the same phrases on every keystroke.
_EXCERPTS: dict[str, str] = {}


def _excerpt(piece: str) -> str:
    """The quoted text of a span: on one line, at most ``_MAX_EXCERPT`` characters."""
    got = _EXCERPTS.get(piece)
    if got is None:
        if len(_EXCERPTS) >= 4096:
            _EXCERPTS.clear()
        got = " ".join(piece.split())
        if len(got) > _MAX_EXCERPT:
            got = got[: _MAX_EXCERPT - 1] + "…"
        _EXCERPTS[piece] = got
    return got


@lru_cache(maxsize=512)
def judge(text: str, *, me: int = 0, them: int = 0, last_from_recipient: str | None = None,
          channel: str = "message", prefer_language: str | None = None) -> Judgement:
    """Judge one message (memoised: LG201 and LG202 read the same message on the same keystroke)."""
    ex = extract(text, me=me, them=them, last_from_recipient=last_from_recipient, channel=channel,
                 prefer_language=prefer_language)
    # Typing keeps the signal values for many keystrokes: each model's score is remembered per values.
    values, key = ex.values, tuple(ex.values.items())
    scores = {rule: m.derived("score", key, lambda m=m: m.score(values)) for rule, m in MODELS.items()}
    j = Judgement(ex, scores, me == 0)
    j.__dict__["_values_key"] = key
    _follow(j, (me, them, last_from_recipient, channel, prefer_language))
    return j


# The last judgement per situation (thread, channel, language): the text
# typed before, whose outcome the next keystroke most likely keeps.
_PREVIOUS: dict[tuple, Judgement] = {}
_MAX_PREVIOUS = 256


def _follow(j: Judgement, situation: tuple) -> None:
    """Note the previous judgement in the same situation: ``shared`` takes over its memo when first asked
    (a message without warnings never asks) and the outcome is the same."""
    prev = _PREVIOUS.get(situation)
    if prev is not None:
        prev.__dict__.pop("_prev", None)  # one step back only: no chain of old judgements is kept alive
        j.__dict__["_prev"] = prev
    if len(_PREVIOUS) >= _MAX_PREVIOUS and situation not in _PREVIOUS:
        _PREVIOUS.clear()
    _PREVIOUS[situation] = j


def _models_now() -> tuple:
    return tuple(MODELS.values())


def _same_outcome(a: Judgement, b: Judgement) -> bool:
    """Whether the evidence and the warnings of ``a`` hold for ``b``: the same weights, signal values (in
    order), spans, languages, formality and first-message, and the same text wherever a span quotes it."""
    if a.shared()["models"] != _models_now():
        return False
    if a.first_message != b.first_message or a.values_key != b.values_key:
        return False
    ea, eb = a.extraction, b.extraction
    if ea.spans != eb.spans or ea.languages != eb.languages or ea.formal != eb.formal:
        return False
    end = max(map(itemgetter(1), chain.from_iterable(eb.spans.values())), default=0)
    return ea.text[:end] == eb.text[:end]


# --------------------------------------------------------------------------
# The notice LG202 offers to append
# --------------------------------------------------------------------------

NOTICES = {
    "en": "Not interested? You can object to messages like this at any time: "
          "reply \"stop\" and I won't contact you again.",
    "nl": "Geen interesse? Je kunt altijd bezwaar maken tegen dit soort berichten: "
          "antwoord \"stop\" en ik benader je niet meer.",
    "nl-formal": "Geen interesse? U kunt altijd bezwaar maken tegen dit soort berichten: "
                 "antwoord \"stop\" en ik benader u niet meer.",
    # For LinkedIn's invitation notes, which hold 300 characters at most.
    "en-short": "Not interested? Reply \"stop\" and I won't contact you again.",
    "nl-short": "Geen interesse? Antwoord \"stop\" en ik benader je niet meer.",
    "nl-formal-short": "Geen interesse? Antwoord \"stop\" en ik benader u niet meer.",
}


def opt_out_notice(lang: str | None, formal: bool = False, short: bool = False) -> str:
    """A notice of the right to object (GDPR art. 21(4)) in ``nl`` or ``en`` (other languages: English).

    ``formal``: Dutch "u" instead of "je". ``short``: without naming the
    right, for places where every character counts.
    """
    key = "nl-formal" if lang == "nl" and formal else "nl" if lang == "nl" else "en"
    return NOTICES[key + "-short" if short else key]
