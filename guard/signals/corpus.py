"""The labelled message corpus (``tests/corpus/**/*.jsonl``): loading, the split, fitting, figures.

Used by ``scripts/fit_weights.py`` (fit the weights, pick the thresholds,
write ``weights.json``) and ``scripts/corpus_report.py`` (per-rule precision
and recall, per-language accuracy, worst errors). Pure Python: a few
thousand messages and forty signals fit in seconds without numpy.

The split is deterministic: a message is held apart when the SHA-256 of its
``id`` falls in the lowest ``HELD_PERCENT`` of the range, so adding messages
never moves an old one from one side to the other.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from functools import lru_cache
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from guard.signals.features import FEATURES, SIGNS, UNUSED, extract
from guard.signals.text import clean, fold

RULES = ("LG201", "LG202")
HELD_PERCENT = 20
LANGS = ("nl", "en", "de", "fr", "es", "nl-en")
CHANNELS = ("message", "inmail", "invitation")
# The rules judge with the UI language as tie-breaker; the corpus has none, and
# ``pick_language`` then says English.
PREFER_LANGUAGE = "en"


class CorpusError(ValueError):
    """A corpus line that is not a valid record; names the file and line."""


@dataclass(frozen=True)
class Record:
    id: str
    lang: str
    channel: str
    text: str
    me: int
    them: int
    last: str | None
    labels: Mapping[str, bool]
    phenomenon: str
    note: str
    source: str  # file:line
    recipient_name: str = ""  # the (fictional) person written to: its words are no evidence of a pitch

    @property
    def held_apart(self) -> bool:
        return is_held_apart(self.id)


def is_held_apart(record_id: str) -> bool:
    digest = hashlib.sha256(record_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % 100 < HELD_PERCENT


def _record(data: object, where: str) -> Record:
    if not isinstance(data, dict):
        raise CorpusError(f"{where}: expected a JSON object")

    def need(key: str, kind: type | tuple[type, ...]):
        if key not in data:
            raise CorpusError(f"{where}: missing {key!r}")
        value = data[key]
        if not isinstance(value, kind) or isinstance(value, bool) and kind is int:
            raise CorpusError(f"{where}: {key!r} has the wrong type")
        return value

    thread = need("thread", dict)
    labels = need("labels", dict)
    for rule in RULES:
        if not isinstance(labels.get(rule), bool):
            raise CorpusError(f"{where}: labels.{rule} must be true or false")
    lang = need("lang", str)
    if lang not in LANGS:
        raise CorpusError(f"{where}: lang {lang!r} is not one of {', '.join(LANGS)}")
    channel = need("channel", str)
    if channel not in CHANNELS:
        raise CorpusError(f"{where}: channel {channel!r} is not one of {', '.join(CHANNELS)}")
    me, them = thread.get("messages_from_me"), thread.get("messages_from_recipient")
    if not isinstance(me, int) or not isinstance(them, int) or me < 0 or them < 0:
        raise CorpusError(f"{where}: thread counts must be whole numbers >= 0")
    last = thread.get("last_from_recipient")
    if last is not None and not isinstance(last, str):
        raise CorpusError(f"{where}: thread.last_from_recipient must be text or null")
    return Record(need("id", str), lang, channel, need("text", str), me, them, last,
                  {r: labels[r] for r in RULES}, str(data.get("phenomenon", "")), str(data.get("note", "")),
                  where, _recipient_name(data))


def _recipient_name(data: dict) -> str:
    recipient = data.get("recipient")
    name = recipient.get("name") if isinstance(recipient, dict) else None
    return name if isinstance(name, str) else ""


def load(root: Path) -> list[Record]:
    """Every record of every ``*.jsonl`` under ``root``; a duplicate id is an error."""
    files = sorted(root.rglob("*.jsonl"))
    if not files:
        raise CorpusError(f"{root}: no *.jsonl files")
    out: list[Record] = []
    seen: dict[str, str] = {}
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{path.relative_to(root)}:{number}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as err:
                raise CorpusError(f"{where}: not JSON ({err.msg})") from err
            rec = _record(data, where)
            if rec.id in seen:
                raise CorpusError(f"{where}: id {rec.id!r} already used at {seen[rec.id]}")
            seen[rec.id] = where
            out.append(rec)
    return out


def features_of(rec: Record) -> dict[str, float]:
    return extract(rec.text, me=rec.me, them=rec.them, last_from_recipient=rec.last, channel=rec.channel,
                   prefer_language=PREFER_LANGUAGE).values


def folded_of(rec: Record) -> str:
    """The message's folded text, as the signals read it (remembered: the fit reads each message many times)."""
    return _folded(rec.text)


@lru_cache(maxsize=None)
def _folded(text: str) -> str:
    return fold(clean(text))


def tokens_of(rec: Record) -> list[str]:
    """The wording tokens of a message (guard.signals.wording.tokens)."""
    from guard.signals.wording import tokens

    return tokens(folded_of(rec))


def name_words(records: Sequence[Record]) -> frozenset[str]:
    """The words of the recipients' names (folded) that the messages never write in lower case.

    "Karin", "Gonzalo", "Achterberg" are names; "van", "de", "Account" (of
    "Account Team") also appear in lower case in some message, as words.
    """
    in_lower_case = {fold(w) for r in records for w in re.findall(r"(?<![\w'])[^\W\d_A-Z][\w']*", r.text)
                     if w[:1].islower()}
    return frozenset(w for r in records for w in _folded(r.recipient_name).split()
                     if len(w) > 1 and w.isalpha() and w not in in_lower_case)


def applies(rule: str, rec: Record, values: Mapping[str, float]) -> bool:
    """The rule's legal conditions (not fitted, see guard.signals.model): can the score decide?"""
    if values.get("asked_for_it") or values.get("permission_only"):
        return False
    return rule == "LG201" or (rec.me == 0 and not values.get("opt_out"))


# --------------------------------------------------------------------------
# Logistic regression (batch gradient descent, L2), pure Python
# --------------------------------------------------------------------------

@dataclass
class Fit:
    bias: float
    weights: dict[str, float]


def fit_logistic(rows: Sequence[Mapping[str, float]], labels: Sequence[bool], *, l2: float = 0.002,
                 rate: float = 0.5, rounds: int = 2500, signs: Mapping[str, int] | None = None,
                 prior: Fit | None = None, unused: frozenset[str] = frozenset()) -> Fit:
    """Class-balanced logistic regression; ``signs`` keeps a weight >= 0 (+1) or <= 0 (-1); ``unused`` stay 0.

    The L2 penalty pulls towards ``prior`` (a MAP estimate with the expert's
    weights as the prior's centre), so a signal the corpus hardly shows keeps
    about its prior weight instead of dropping to zero.
    """
    names = [n for n in FEATURES if n not in unused]
    index = {n: i for i, n in enumerate(names)}
    y = [1.0 if label else 0.0 for label in labels]
    n = max(len(rows), 1)
    # Balance the classes so a rare class still shapes the weights.
    pos = sum(y) or 1.0
    neg = (len(y) - sum(y)) or 1.0
    class_weight = {1.0: len(y) / (2 * pos), 0.0: len(y) / (2 * neg)}
    # Identical rows (the same signals and label; the corpus has many) are one row counted
    # several times: the same gradient, a fraction of the work (cross-validation fits hundreds).
    counts: dict[tuple[tuple[tuple[int, float], ...], float], int] = {}
    for row, t in zip(rows, y):
        key = (tuple((index[name], v) for name, v in row.items() if v and name in index), t)
        counts[key] = counts.get(key, 0) + 1
    grouped = [(xs, t, class_weight[t] * count) for (xs, t), count in counts.items()]
    centre = [prior.weights.get(name, 0.0) if prior else 0.0 for name in names]
    w = list(centre)
    b = prior.bias if prior else 0.0
    sign_of = [(signs or {}).get(name, 0) for name in names]
    exp = math.exp
    for _ in range(rounds):
        gw = [0.0] * len(names)
        gb = 0.0
        for xs, t, c in grouped:
            z = b
            for i, v in xs:
                z += w[i] * v
            p = 1.0 / (1.0 + exp(-z)) if z > -30 else 0.0
            g = (p - t) * c
            gb += g
            for i, v in xs:
                gw[i] += g * v
        b -= rate * gb / n
        for i in range(len(w)):
            w[i] -= rate * (gw[i] / n + l2 * (w[i] - centre[i]))
            sign = sign_of[i]
            if sign and w[i] * sign < 0:
                w[i] = 0.0
    weights = {name: round(w[i], 3) for i, name in enumerate(names)}
    return Fit(b, {name: weights.get(name, 0.0) for name in FEATURES})


def load_prior(path: Path, rule: str) -> Fit:
    data = json.loads(path.read_text(encoding="utf-8"))[rule]
    return Fit(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()})


def score(fit_: Fit | Mapping, values: Mapping[str, float]) -> float:
    bias = fit_.bias if isinstance(fit_, Fit) else fit_["bias"]
    weights = fit_.weights if isinstance(fit_, Fit) else fit_["weights"]
    return bias + sum(weights.get(n, 0.0) * v for n, v in values.items())


def pick_threshold(scores: Sequence[float], labels: Sequence[bool], min_precision: float = 0.98,
                   forced: Sequence[bool] | None = None) -> tuple[float, float, float]:
    """The lowest threshold whose precision on these messages is >= ``min_precision``.

    Returns (threshold, precision, recall). The threshold sits halfway
    between the lowest score it lets through and the next lower score, so a
    message scoring a hair less than a held-apart one is not decided by
    rounding. With no threshold good enough, the highest score plus one
    (nothing fires) is returned. ``forced`` marks messages that fire
    whatever this threshold is (LG202 fires wherever LG201 does): they
    count from the start.
    """
    forced = list(forced) if forced is not None else [False] * len(scores)
    pairs = sorted(((s, t) for s, t, f in zip(scores, labels, forced) if not f), key=lambda p: -p[0])
    total_pos = sum(1 for t in labels if t)
    best: tuple[float, float, float] | None = None
    tp = sum(1 for t, f in zip(labels, forced) if f and t)
    fp = sum(1 for t, f in zip(labels, forced) if f and not t)
    for k, (s, t) in enumerate(pairs):
        tp += t
        fp += not t
        nxt = pairs[k + 1][0] if k + 1 < len(pairs) else s - 1.0
        if nxt == s:
            continue  # the same score: both sides of it fire together
        precision = tp / (tp + fp)
        if precision >= min_precision:
            best = ((s + nxt) / 2, precision, tp / total_pos if total_pos else 0.0)
    if best is None:
        top = pairs[0][0] if pairs else 0.0
        return top + 1.0, 1.0, 0.0
    return best


# --------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------

def predictions(records: Iterable[Record]) -> list[tuple[Record, dict[str, bool], dict[str, float]]]:
    """What the rules say about each record, through the same ``judge`` the rules call."""
    from guard.signals import judge

    out = []
    for rec in records:
        j = judge(rec.text, me=rec.me, them=rec.them, last_from_recipient=rec.last, channel=rec.channel,
                  prefer_language=PREFER_LANGUAGE)
        out.append((rec, {r: j.fires(r) for r in RULES}, dict(j.scores)))
    return out


def precision_recall(pairs: Iterable[tuple[bool, bool]]) -> tuple[float, float, int, int, int]:
    tp = fp = fn = 0
    for predicted, actual in pairs:
        tp += predicted and actual
        fp += predicted and not actual
        fn += actual and not predicted
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn
