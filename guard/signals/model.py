"""Weights and verdicts: a fitted linear score per rule, and the evidence behind it.

``weights.json`` holds, per rule, a bias, one weight per signal and a
threshold. A message's score is the bias plus the weights of the signals
that fired; the rule fires when the score reaches the threshold. The
weights are fitted by ``scripts/fit_weights.py`` (logistic regression on the
training split of ``tests/corpus/``) and the threshold is the lowest that
keeps precision at or above 0.98 on out-of-fold scores of the training split
(cross-validation; the held-apart split is left for measuring) — see
``docs/DEVELOPING.md`` ("Refitting the message signals").

Some conditions are law, not statistics, and are not left to the weights
(legal-basis.md): neither rule fires when the recipient asked for the offer
or information (``asked_for_it``) or when the message only asks permission
(``permission_only``); LG202 concerns the *first* message only (a follow-up
needs no notice of its own) and is satisfied by an opt-out notice; and
every solicitation LG201 finds in a first message is direct marketing for
LG202 as well (LG202's own score adds recruitment outreach). The fit sees
only the messages these conditions leave open.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from operator import itemgetter
from typing import Mapping

from guard.signals.features import FEATURES

RULES = ("LG201", "LG202")
# Signals that describe the situation, not what the message says: left out
# when asking "is this text a pitch at all?" (``content_score``).
CONTEXT = frozenset(n for n, (src, _) in FEATURES.items() if src in ("reply", "thread", "channel")) | {
    "permission_only", "asked_for_it", "pitch_after_no", "permission"}


@dataclass(frozen=True)
class RuleModel:
    bias: float
    weights: Mapping[str, float]
    threshold: float
    # What these weights make of a message's signal values (``derived``),
    # remembered: typing keeps the values the same for many keystrokes. On
    # the model, so a model with other weights starts afresh.
    _derived: dict = field(default_factory=dict, compare=False, repr=False, hash=False)

    def derived(self, what: str, values: tuple[tuple[str, float], ...], compute):
        """``compute()`` remembered per ``what`` and the signal values (as ``tuple(values.items())``)."""
        memo = self._derived
        key = (what, values)
        got = memo.get(key)
        if got is None:
            if len(memo) >= 4096:
                memo.clear()
            got = memo[key] = compute()
        return got

    def score(self, values: Mapping[str, float]) -> float:
        w = self.weights
        total = 0  # summed as ``sum`` does (from 0, in order), then the bias: the same float
        for n, v in values.items():
            total += w.get(n, 0.0) * v
        return self.bias + total

    def contributions(self, values: Mapping[str, float]) -> list[tuple[str, float]]:
        """(signal, weight x value) of the signals that fired, strongest push first."""
        w = self.weights
        out = [(n, w.get(n, 0.0) * v) for n, v in values.items() if v]
        out.sort(key=itemgetter(1), reverse=True)  # stable: equal pushes keep their order, as before
        return out

    def pushes(self, values: Mapping[str, float]) -> list[tuple[str, float]]:
        """``contributions`` that push towards firing (weight x value > 0), in the same order.

        The evidence quotes only these: filtering before the (stable) sort
        sorts fewer and keeps their order.
        """
        w = self.weights
        out = []
        for n, v in values.items():
            if v:
                push = w.get(n, 0.0) * v
                if push > 0:
                    out.append((n, push))
        out.sort(key=itemgetter(1), reverse=True)
        return out


def parse_weights(data: Mapping) -> dict[str, RuleModel]:
    models = {}
    for rule in RULES:
        entry = data.get(rule)
        if not isinstance(entry, Mapping):
            raise ValueError(f"weights: missing {rule}")
        unknown = set(entry.get("weights", {})) - set(FEATURES)
        if unknown:
            raise ValueError(f"weights: {rule} names unknown signals: {', '.join(sorted(unknown))}")
        models[rule] = RuleModel(float(entry["bias"]), {k: float(v) for k, v in entry["weights"].items()},
                                 float(entry["threshold"]))
    return models


def load_weights() -> tuple[dict[str, RuleModel], dict]:
    raw = json.loads(resources.files("guard.signals").joinpath("weights.json").read_text(encoding="utf-8"))
    return parse_weights(raw), raw.get("meta", {})


MODELS, META = load_weights()
