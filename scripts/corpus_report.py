#!/usr/bin/env python3
"""How LG201 and LG202 do on the labelled corpus: per-rule precision/recall, per-language accuracy, worst errors.

    .venv/bin/python scripts/corpus_report.py                # the held-apart split (the honest figures)
    .venv/bin/python scripts/corpus_report.py --split all    # or: train
    .venv/bin/python scripts/corpus_report.py --errors 30    # more of the worst errors

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

from guard.signals import corpus  # noqa: E402
from guard.signals.model import MODELS  # noqa: E402


def report(records, split: str, errors: int) -> list[str]:
    chosen = [r for r in records if split == "all" or (r.held_apart == (split == "held"))]
    preds = corpus.predictions(chosen)
    lines = [f"split: {split} ({len(chosen)} of {len(records)} messages)", ""]
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
                margin = abs(scores[rule] - MODELS[rule].threshold)
                wrong.append((margin, rule, rec, pr[rule], scores[rule]))
    wrong.sort(key=lambda w: -w[0])
    lines += ["", f"worst errors ({len(wrong)} wrong verdicts; showing {min(errors, len(wrong))}):"]
    for margin, rule, rec, said, s in wrong[:errors]:
        text = " ".join(rec.text.split())
        lines.append(f"- {rec.id} {rule} said {'yes' if said else 'no'} (score {s:+.2f}, threshold "
                     f"{MODELS[rule].threshold:+.2f}) [{rec.phenomenon}] {rec.source}")
        lines.append(f"    {text[:160]}{'…' if len(text) > 160 else ''}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus")
    parser.add_argument("--split", choices=("held", "train", "all"), default="held")
    parser.add_argument("--errors", type=int, default=15)
    args = parser.parse_args(argv)
    try:
        records = corpus.load(args.corpus)
    except (corpus.CorpusError, OSError) as err:
        print(f"corpus_report: {err}", file=sys.stderr)
        return 2
    print("\n".join(report(records, args.split, args.errors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
