#!/usr/bin/env python3
"""How LG201 and LG202 do on the labelled corpus: per-rule precision/recall, per-language accuracy, worst errors.

    .venv/bin/python scripts/corpus_report.py                # the held-apart split (the honest figures)
    .venv/bin/python scripts/corpus_report.py --split all    # or: train
    .venv/bin/python scripts/corpus_report.py --errors 30    # more of the worst errors
    .venv/bin/python scripts/corpus_report.py --split cv     # out-of-fold verdicts on the training split
    .venv/bin/python scripts/corpus_report.py --split cv --lang nl --errors 40   # one language's figures

``--split cv`` is the figure to work from while improving the signals: the
held-apart split stays unread. The training split is cut into ``--folds``
parts (by a hash of each id, a cut of its own); each part is judged by weights
AND thresholds fitted on the other parts exactly as scripts/fit_weights.py fits
(its ``fit_rules``: the thresholds by cross-validation inside those parts, with
the same ``--l2``, ``--prior``, ``--folds``, ``--repeats``, ``--min-precision``).
Every verdict is thus out of fold, and the rules' legal conditions are applied
as ``guard.signals.judge`` applies them. It refits ``folds x (folds x repeats + 1)``
times per rule (a few minutes; ``--repeats 1`` is quicker and a little noisier).
Worst errors are measured from their own fold's threshold. ``--lang`` keeps
only one language's messages in the figures and errors (every split; the
fits still learn from all languages).

Judges every message through the same ``guard.signals.judge`` the rules call,
with the weights in guard/signals/weights.json. "Exact" means both labels
right. Worst errors are the wrong verdicts furthest from their threshold.
Note: scripts/fit_weights.py picks the thresholds by cross-validation on the
training split (its default, ``--thresholds cv``), so the held-apart figures
are an honest measurement: neither the weights nor the thresholds saw those
messages. (With ``--thresholds held`` they were picked on the held-apart split,
and its precision is then >= 0.98 by construction.) The training split's
figures are optimistic: the weights were fitted on it.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))  # fit_weights: --split cv fits exactly as it does

from guard.signals import corpus, wording  # noqa: E402
from guard.signals.model import MODELS  # noqa: E402

# The outer cut of --split cv: its own hash salt, so it differs from the inner cuts that choose thresholds.
OUTER_CUT = 1000


def predictions_out_of_fold(train, args) -> tuple[list, dict[str, float], list[str]]:
    """(record, verdicts, scores) per training message from a fit that never saw it, and the thresholds used.

    Returns the predictions, each message's thresholds (rule -> its fold's), and
    one line per fold saying which thresholds that fold's fit chose.
    """
    from fit_weights import fit_rules, fold_of, with_wording

    # Only training messages ever reach the features and the fits: the held-apart split stays unread.
    assert not any(r.held_apart for r in train)
    values = {r.id: corpus.features_of(r) for r in train}
    preds, thresholds, notes = [], {}, []
    for k in range(args.folds):
        inside = [r for r in train if fold_of(r.id, args.folds, OUTER_CUT) != k]
        outside = [r for r in train if fold_of(r.id, args.folds, OUTER_CUT) == k]
        fitted, _, tables = fit_rules(inside, values, args)
        tables = wording.compile_tables(tables)
        t201, t202 = fitted["LG201"]["threshold"], fitted["LG202"]["threshold"]
        notes.append(f"fold {k + 1}: fitted on {len(inside)}, judged {len(outside)}; "
                     f"thresholds LG201 {t201:+.3f} LG202 {t202:+.3f}")
        for rec in outside:
            v = with_wording(values[rec.id], rec, tables)  # read through the tables this fold learned
            scores = {rule: corpus.score(fitted[rule], v) for rule in corpus.RULES}
            preds.append((rec, verdicts(rec, v, scores, t201, t202), scores))
            thresholds[rec.id] = {"LG201": t201, "LG202": t202}
    return preds, thresholds, notes


def verdicts(rec, values, scores, t201: float, t202: float) -> dict[str, bool]:
    """The rules' verdicts as ``guard.signals.Judgement.fires`` gives them, with these thresholds."""
    excused = bool(values.get("asked_for_it") or values.get("permission_only"))
    lg201 = not excused and scores["LG201"] >= t201
    marketing = not excused and (scores["LG202"] >= t202 or scores["LG201"] >= t201)
    return {"LG201": lg201, "LG202": rec.me == 0 and not values.get("opt_out") and marketing}


def report(records, split: str, errors: int, args=None, lang: str | None = None) -> list[str]:
    notes: list[str] = []
    if split == "cv":
        train = [r for r in records if not r.held_apart]
        preds, thresholds, notes = predictions_out_of_fold(train, args)
        chosen = [r for r in train if lang is None or r.lang == lang]
        preds = [p for p in preds if lang is None or p[0].lang == lang]
        threshold_of = lambda rec, rule: thresholds[rec.id][rule]  # noqa: E731
        what = f"cv: out of fold on the training split, {args.folds} folds"
    else:
        chosen = [r for r in records if (split == "all" or (r.held_apart == (split == "held")))
                  and (lang is None or r.lang == lang)]
        preds = corpus.predictions(chosen)
        threshold_of = lambda rec, rule: MODELS[rule].threshold  # noqa: E731
        what = split
    lines = [f"split: {what} ({len(chosen)} of {len(records)} messages"
             + (f", language {lang}" if lang else "") + ")", *notes, ""]
    lines.append(f"{'rule':<6} {'precision':>9} {'recall':>7} {'tp':>5} {'fp':>4} {'fn':>4}")
    for rule in corpus.RULES:
        p, r, tp, fp, fn = corpus.precision_recall((pr[rule], rec.labels[rule]) for rec, pr, _ in preds)
        lines.append(f"{rule:<6} {p:>9.3f} {r:>7.3f} {tp:>5} {fp:>4} {fn:>4}")
    by_lang: dict[str, list[bool]] = defaultdict(list)
    for rec, pr, _ in preds:
        by_lang[rec.lang].append(all(pr[rule] == rec.labels[rule] for rule in corpus.RULES))
    lines += ["", f"{'language':<8} {'exact':>7} {'n':>5}"]
    for lang in corpus.LANGS:
        got = by_lang.get(lang)
        if got:
            lines.append(f"{lang:<8} {sum(got) / len(got):>7.1%} {len(got):>5}")
    total = [ok for got in by_lang.values() for ok in got]
    if total:
        lines.append(f"{'all':<8} {sum(total) / len(total):>7.1%} {len(total):>5}")
    wrong = []
    for rec, pr, scores in preds:
        for rule in corpus.RULES:
            if pr[rule] != rec.labels[rule]:
                margin = abs(scores[rule] - threshold_of(rec, rule))
                wrong.append((margin, rule, rec, pr[rule], scores[rule]))
    wrong.sort(key=lambda w: -w[0])
    lines += ["", f"worst errors ({len(wrong)} wrong verdicts; showing {min(errors, len(wrong))}):"]
    for margin, rule, rec, said, s in wrong[:errors]:
        text = " ".join(rec.text.split())
        lines.append(f"- {rec.id} {rule} said {'yes' if said else 'no'} (score {s:+.2f}, threshold "
                     f"{threshold_of(rec, rule):+.2f}) [{rec.phenomenon}] {rec.source}")
        lines.append(f"    {text[:160]}{'…' if len(text) > 160 else ''}")
    return lines


def main(argv: list[str] | None = None) -> int:
    from fit_weights import parser_of

    # The fit's own options (--l2, --folds, --repeats, ...): --split cv fits with them.
    parser = parser_of(__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("held", "train", "all", "cv"), default="held",
                        help="held (default): the held-apart split; cv: out-of-fold verdicts on the training split")
    parser.add_argument("--lang", choices=corpus.LANGS, help="only this language's messages in the figures")
    parser.add_argument("--errors", type=int, default=15)
    args = parser.parse_args(argv)
    if args.split == "cv" and args.thresholds != "cv":
        parser.error("--split cv chooses thresholds by cross-validation: --thresholds held would read the "
                     "held-apart split")
    try:
        records = corpus.load(args.corpus)
    except (corpus.CorpusError, OSError) as err:
        print(f"corpus_report: {err}", file=sys.stderr)
        return 2
    print("\n".join(report(records, args.split, args.errors, args, args.lang)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
