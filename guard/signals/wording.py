"""Wording: how much a message's words read like the corpus's pitches (a Bayes signal, as SpamAssassin's BAYES_*).

The named signals (``features.py``) catch what someone wrote a pattern for.
New writers word the same pitch in new ways: fitted on two writers and
judged on text from new ones, the signals alone found about 15 points
fewer pitches than cross-validation promised. Spam filters answer this with
a token classifier next to the hand-written tests; this is ours, with two
signals the fit weighs like any other:

* ``pitch_words`` — learned from LG201's labels (solicitations);
* ``marketing_words`` — learned from LG202's (direct marketing, recruitment
  outreach included).

How a message is read: its folded text (``text.fold``: lower case, no
accents, no punctuation or emoji) cut into words, apostrophes trimmed; the
tokens are those words and each pair of neighbouring words ("book a",
"a demo"). Each token of the table has a log-odds: how much more often it
appears in messages with the label than in those without (smoothed, seen in
at least ``MIN_COUNT`` messages; near-even tokens are left out of the file).
The message's score is the sum of the ``TOP`` tokens with the strongest
log-odds, either way (Graham's "most interesting" tokens: a long friendly
message is not made a pitch by one word), and the signal's value is
``tanh(score / SCALE)`` in steps of 0.1, from -1 (reads like ordinary talk)
to +1 (reads like a pitch). The steps keep the value, and with it the
warning, the same over most keystrokes.

The evidence quotes the telling token (a word of four letters or more that
is not a common word) with the highest log-odds. The tables are data
(``wording.json``), written by ``scripts/fit_weights.py`` from the training
split only; the fit gives each training message the value a table learned
*without* it (out of fold), so the weights learn how far the signal is to be
trusted on text it has not seen. A recipient's name is never a token of the
tables (see ``train``).
"""

from __future__ import annotations

import json
import math
import re
from importlib import resources
from operator import itemgetter
from typing import Iterable, Mapping, NamedTuple

SIGNALS = {"pitch_words": "LG201", "marketing_words": "LG202"}
TOP = 15
SCALE = 4.0
MIN_COUNT = 3
# Tokens whose log-odds are nearer to zero than this say little and are left out of the file.
KEEP_ABOVE = 0.4


def tokens(low: str) -> list[str]:
    """The words of a folded text (apostrophes trimmed, single characters left out) and each pair of neighbours."""
    words = [w for w in (w.strip("'") for w in low.split()) if len(w) > 1]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def train(examples: Iterable[tuple[Iterable[str], bool]], *, min_count: int = MIN_COUNT,
          keep_above: float = KEEP_ABOVE, names: frozenset[str] = frozenset()) -> dict[str, float]:
    """token -> log-odds (rounded to 0.01) from (tokens of a message, its label) pairs.

    A token counts once per message. P(token | label) is smoothed by half a
    message each way, so a token seen only on one side gets a finite log-odds.
    A token with a word of ``names`` (the people written to) is left out: a
    corpus that greets Karin in a pitch twice must not make every message to
    a Karin read like one.
    """
    pos: dict[str, int] = {}
    neg: dict[str, int] = {}
    n_pos = n_neg = 0
    for toks, label in examples:
        seen = set(toks)
        if label:
            n_pos += 1
            counts = pos
        else:
            n_neg += 1
            counts = neg
        for t in seen:
            counts[t] = counts.get(t, 0) + 1
    table = {}
    for t in sorted(set(pos) | set(neg)):
        a, b = pos.get(t, 0), neg.get(t, 0)
        if a + b < min_count or (names and not names.isdisjoint(t.split())):
            continue
        lo = round(math.log(((a + 0.5) / (n_pos + 1)) / ((b + 0.5) / (n_neg + 1))), 2)
        if abs(lo) >= keep_above:
            table[t] = lo
    return table


def strongest(table: Mapping[str, float], toks: Iterable[str]) -> list[tuple[str, float]]:
    """The ``TOP`` distinct tokens of the table with the largest |log-odds|, strongest first (for ``--explain``)."""
    found = {t: table[t] for t in toks if t in table}
    return sorted(found.items(), key=lambda kv: (-abs(kv[1]), -kv[1], kv[0]))[:TOP]


def value_of(table: Mapping[str, float], toks: Iterable[str]) -> float:
    """The signal's value, -1 .. +1 in steps of 0.1 (0.0 when no token of the table appears): the plain reference.

    ``read`` computes the same from compiled tables, faster (a test compares them on the corpus).
    """
    los = [table[t] for t in dict.fromkeys(toks) if t in table]
    return _value(los)


def _value(los: list[float]) -> float:
    """tanh(sum of the ``TOP`` strongest log-odds / ``SCALE``) in steps of 0.1; equal |log-odds|: positive first."""
    if len(los) > TOP:
        los = sorted(los, reverse=True)
        los.sort(key=abs, reverse=True)  # stable: of equal strength, the positive one stays first
        del los[TOP:]
    return round(math.tanh(math.fsum(los) / SCALE) * 10) / 10


class Tables(NamedTuple):
    """The tables as ``read`` uses them: per word and per pair of words, the log-odds of every signal."""

    raw: Mapping[str, Mapping[str, float]]  # signal -> token -> log-odds, as in wording.json
    words: dict[str, tuple[float, ...]]
    pairs: dict[str, dict[str, tuple[float, ...]]]  # first word -> second word -> log-odds


def compile_tables(raw: Mapping[str, Mapping[str, float]]) -> Tables:
    names = tuple(SIGNALS)
    words: dict[str, list[float]] = {}
    pairs: dict[str, dict[str, list[float]]] = {}
    for k, name in enumerate(names):
        for token, lo in raw.get(name, {}).items():
            first, _, second = token.partition(" ")
            slot = pairs.setdefault(first, {}).setdefault(second, [0.0] * len(names)) if second else (
                words.setdefault(first, [0.0] * len(names)))
            slot[k] = lo
    return Tables(raw, {w: tuple(v) for w, v in words.items()},
                  {w: {x: tuple(v) for x, v in nxt.items()} for w, nxt in pairs.items()})


EMPTY = compile_tables({})


def read(tables: Tables, low: str, common: frozenset[str] = frozenset()
         ) -> tuple[dict[str, float], dict[str, list[tuple[int, int]]]]:
    """Per signal its value (only when not 0) and where its strongest telling pitch token stands.

    A token made only of ``common`` words ("their", "for the") is never
    quoted: as evidence it would say nothing to the person warned. Runs on
    every keystroke: the words up to the last space are read once per text
    typed (``_head``), and while the word being typed adds no token — most
    keystrokes — the answer is the one for those words. ``read_plain`` is
    the same without the memo (tests compare them keystroke by keystroke).
    """
    cut = low.rfind(" ") + 1  # low[:cut] ends in a space: its words are whole
    head = _head(tables, low[:cut])
    more: dict[str, tuple[float, ...]] = {}
    _scan(tables, low[cut:], more, head.prev, head.after, head.found)
    if more:
        return _judge({**head.found, **more}, low, common)
    got = head.answers.get(common)
    if got is None:
        got = head.answers[common] = _judge(head.found, low[:cut], common)
    values, spans = got
    return dict(values), dict(spans)


def read_plain(tables: Tables, low: str, common: frozenset[str] = frozenset()
               ) -> tuple[dict[str, float], dict[str, list[tuple[int, int]]]]:
    """``read`` without remembering anything: every word read, every time."""
    found: dict[str, tuple[float, ...]] = {}
    _scan(tables, low, found, "", None, {})
    return _judge(found, low, common)


class _Head(NamedTuple):
    tables: Tables
    text: str  # the text up to (and with) its last space
    found: dict[str, tuple[float, ...]]
    prev: str
    after: dict | None
    answers: dict  # common words -> (values, spans) when nothing follows


# The words read so far of texts being typed, by their text up to the last space (two tabs typing, a reply).
_HEADS: dict[str, _Head] = {}
_MAX_HEADS = 64


def _head(tables: Tables, text: str) -> _Head:
    got = _HEADS.get(text)
    if got is None or got.tables is not tables:
        found: dict[str, tuple[float, ...]] = {}
        prev, after, start = "", None, 0
        last = _LAST_HEAD[0]
        if last is not None and last.tables is tables and text.startswith(last.text):
            # The word before the space just typed ended the previous head: read on from there.
            found.update(last.found)
            prev, after, start = last.prev, last.after, len(last.text)
        prev, after = _scan(tables, text[start:], found, prev, after, {})
        if len(_HEADS) >= _MAX_HEADS:
            _HEADS.clear()
        got = _HEADS[text] = _Head(tables, text, found, prev, after, {})
    _LAST_HEAD[0] = got
    return got


_LAST_HEAD: list[_Head | None] = [None]


def _scan(tables: Tables, text: str, found: dict, prev: str, after: dict | None, known: dict
          ) -> tuple[str, dict | None]:
    """Add the tokens of ``text``'s words (and the pair with ``prev``, the word before) that the tables know and
    neither ``found`` nor ``known`` holds; returns the last word read and the pairs that may follow it."""
    word_los, pairs_after = tables.words.get, tables.pairs.get
    ws = text.split()
    if "'" in text:
        ws = [w.strip("'") for w in ws]
    for w in ws:
        if len(w) < 2:
            continue
        if after is not None:
            los = after.get(w)
            if los is not None:
                pair = f"{prev} {w}"
                if pair not in known:
                    found.setdefault(pair, los)
        los = word_los(w)
        if los is not None and w not in known:
            found.setdefault(w, los)
        prev, after = w, pairs_after(w)
    return prev, after


def _judge(found: dict[str, tuple[float, ...]], low: str, common: frozenset[str]
           ) -> tuple[dict[str, float], dict[str, list[tuple[int, int]]]]:
    values: dict[str, float] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    if not found:
        return values, spans
    for k, name in enumerate(SIGNALS):
        v = _value([los[k] for los in found.values() if los[k]])
        if v:
            values[name] = v
            if v > 0:
                quote = _quote(found, k, common)
                if quote is not None:
                    spans[name] = spans_of(low, [quote])
    return values, spans


def _quote(found: dict[str, tuple[float, ...]], k: int, common: frozenset[str]) -> str | None:
    """The telling token with the highest positive log-odds for signal ``k`` (of equal ones, the first read)."""
    best, best_lo = None, 0.0
    for token, los in found.items():
        lo = los[k]
        if lo > best_lo and _telling(token, common):
            best, best_lo = token, lo
    return best


def spans_of(low: str, pushing: list[str]) -> list[tuple[int, int]]:
    """Where the first of these tokens stand in the folded text (whole words, any spaces between), in order."""
    out = []
    for tok in pushing:
        span = _whole_word(low, tok) if " " not in tok else None
        if span is None:  # a pair (any spaces and quotes between), or a word only found inside others so far
            found = re.search(r"(?<![^ '])" + r"'* +'*".join(map(re.escape, tok.split())) + r"(?![^ '])", low)
            span = found.span() if found else None
        if span is not None:
            out.append(span)
    return out


def _whole_word(low: str, word: str) -> tuple[int, int] | None:
    """The first place ``word`` stands as a whole word in ``low`` (a space or a quote on each side)."""
    start = low.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or low[start - 1] in " '") and (end == len(low) or low[end] in " '"):
            return start, end
        start = low.find(word, start + 1)
    return None


def _telling(token: str, common: frozenset[str]) -> bool:
    """Worth quoting: a word of four letters or more that is not one of the languages' common words."""
    return any(len(w) >= 4 and w not in common for w in token.split())


def explain(tables: Tables, low: str, name: str, limit: int = 8) -> str:
    """The strongest tokens behind a signal's value, for ``--explain``: 'demo +2.1, koffie -1.4, ...'."""
    top = strongest(tables.raw.get(name, {}), tokens(low))[:limit]
    return ", ".join(f"{t} {lo:+.1f}" for t, lo in top)


class WordingError(ValueError):
    """``wording.json`` is not what ``scripts/fit_weights.py`` writes."""


def parse_tables(data: object) -> dict[str, dict[str, float]]:
    if not isinstance(data, Mapping):
        raise WordingError("wording: expected a JSON object")
    out = {}
    for name in SIGNALS:
        table = data.get(name)
        if not isinstance(table, Mapping):
            raise WordingError(f"wording: missing the table {name!r}")
        bad = next((t for t, lo in table.items() if not isinstance(lo, (int, float)) or isinstance(lo, bool)), None)
        if bad is not None:
            raise WordingError(f"wording: {name} token {bad!r} has no number")
        out[name] = {t: float(lo) for t, lo in table.items()}
    return out


def load_tables() -> Tables:
    """The shipped tables, compiled; empty (the signals never fire) before the first fit has written them."""
    ref = resources.files("guard.signals").joinpath("wording.json")
    if not ref.is_file():
        return EMPTY
    return compile_tables(parse_tables(json.loads(ref.read_text(encoding="utf-8"))))
