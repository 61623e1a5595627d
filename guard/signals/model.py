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
from dataclasses import dataclass
from importlib import resources
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

    def score(self, values: Mapping[str, float]) -> float:
        w = self.weights
        return self.bias + sum(w.get(n, 0.0) * v for n, v in values.items())

    def contributions(self, values: Mapping[str, float]) -> list[tuple[str, float]]:
        """(signal, weight x value) of the signals that fired, strongest push first."""
        out = [(n, self.weights.get(n, 0.0) * v) for n, v in values.items() if v]
        out.sort(key=lambda c: -c[1])
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
