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

The tables are data (``wording.json``), written by ``scripts/fit_weights.py``
from the training split only; the fit gives each training message the
value a table learned *without* it (out of fold), so the weights learn how
far the signal is to be trusted on text it has not seen. The evidence quotes
the tokens that pushed hardest towards a pitch.
"""

from __future__ import annotations

import json
import math
from importlib import resources
from typing import Iterable, Mapping

SIGNALS = {"pitch_words": "LG201", "marketing_words": "LG202"}
TOP = 15
SCALE = 4.0
MIN_COUNT = 3
# Tokens whose log-odds are nearer to zero than this say little and are left out of the file.
KEEP_ABOVE = 0.4
QUOTED = 1  # the strongest pitch token quoted as evidence (the named signals' phrases say more)


def tokens(low: str) -> list[str]:
    """The words of a folded text (apostrophes trimmed, single characters left out) and each pair of neighbours."""
    words = [w for w in (w.strip("'") for w in low.split()) if len(w) > 1]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def train(examples: Iterable[tuple[Iterable[str], bool]], *, min_count: int = MIN_COUNT,
          keep_above: float = KEEP_ABOVE) -> dict[str, float]:
    """token -> log-odds (rounded to 0.01) from (tokens of a message, its label) pairs.

    A token counts once per message. P(token | label) is smoothed by half a
    message each way, so a token seen only on one side gets a finite log-odds.
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
        if a + b < min_count:
            continue
        lo = round(math.log(((a + 0.5) / (n_pos + 1)) / ((b + 0.5) / (n_neg + 1))), 2)
        if abs(lo) >= keep_above:
            table[t] = lo
    return table


def strongest(table: Mapping[str, float], toks: Iterable[str]) -> list[tuple[str, float]]:
    """The ``TOP`` distinct tokens of the table with the largest |log-odds|, strongest first."""
    found = {t: table[t] for t in toks if t in table}
    return sorted(found.items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:TOP]


def value_of(table: Mapping[str, float], toks: Iterable[str]) -> float:
    """The signal's value, -1 .. +1 in steps of 0.1 (0.0 when no token of the table appears)."""
    score = sum(lo for _, lo in strongest(table, toks))
    return round(math.tanh(score / SCALE) * 10) / 10


def spans_of(low: str, pushing: list[str]) -> list[tuple[int, int]]:
    """Where the first of these tokens stand in the folded text (whole words), in the order given."""
    out = []
    for tok in pushing:
        start = 0
        while True:
            at = low.find(tok, start)
            if at < 0:
                break
            end = at + len(tok)
            if (at == 0 or low[at - 1] in " '") and (end == len(low) or low[end] in " '"):
                out.append((at, end))
                break
            start = at + 1
    return out


def read(table_of: Mapping[str, Mapping[str, float]], low: str, common: frozenset[str] = frozenset()
         ) -> tuple[dict[str, float], dict[str, list]]:
    """Per signal its value (only when not 0) and where its strongest pitch token stands.

    A token made only of ``common`` words ("their", "for the") is never
    quoted: as evidence it would say nothing to the person warned.
    """
    toks = tokens(low)
    values: dict[str, float] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for name in SIGNALS:
        table = table_of.get(name)
        if not table:
            continue
        top = strongest(table, toks)
        v = round(math.tanh(sum(lo for _, lo in top) / SCALE) * 10) / 10
        if v:
            values[name] = v
            if v > 0:
                quotable = [t for t, lo in top if lo > 0 and _telling(t, common)]
                if quotable:
                    spans[name] = spans_of(low, quotable[:QUOTED])
    return values, spans


def _telling(token: str, common: frozenset[str]) -> bool:
    """Worth quoting: a word of four letters or more that is not one of the languages' common words."""
    return any(len(w) >= 4 and w not in common for w in token.split())


def explain(table_of: Mapping[str, Mapping[str, float]], low: str, name: str, limit: int = 8) -> str:
    """The strongest tokens behind a signal's value, for ``--explain``: 'demo +2.1, koffie -1.4, ...'."""
    top = strongest(table_of.get(name, {}), tokens(low))[:limit]
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


def load_tables() -> dict[str, dict[str, float]]:
    """The shipped tables; empty (the signals never fire) before the first fit has written them."""
    ref = resources.files("guard.signals").joinpath("wording.json")
    if not ref.is_file():
        return {}
    return parse_tables(json.loads(ref.read_text(encoding="utf-8")))
