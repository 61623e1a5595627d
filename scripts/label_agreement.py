"""Agreement between a second reading of corpus labels and the corpus itself.

A second reader labels a sample of tests/corpus/ records without seeing the
original labels (docs/labels/second-reading-*.jsonl: one
{"id", "LG201", "LG202", "reason"} object per line). This script lines the two up
and prints, per rule and per language, how often they agree, Cohen's kappa, and
every disagreement with both reasons, so each can be adjudicated by hand.

It reads labels only: it never runs or imports the engine (labels follow the
law, never what the engine says).

    python3 scripts/label_agreement.py docs/labels/second-reading-2026-12-03.jsonl
    python3 scripts/label_agreement.py SECOND.jsonl --corpus tests/corpus --disagreements
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

RULES = ("LG201", "LG202")
DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"


class LabelFileError(ValueError):
    """A labels file that cannot be compared: the message names file, line and problem."""


@dataclass(frozen=True)
class Label:
    id: str
    lang: str
    labels: dict[str, bool]
    reason: str


@dataclass
class Tally:
    """Agreement counts for one rule within one group of records."""

    both_true: int = 0
    both_false: int = 0
    only_original: int = 0  # original True, second reading False
    only_second: int = 0  # second reading True, original False

    @property
    def total(self) -> int:
        return self.both_true + self.both_false + self.only_original + self.only_second

    @property
    def agreed(self) -> int:
        return self.both_true + self.both_false

    def add(self, original: bool, second: bool) -> None:
        if original and second:
            self.both_true += 1
        elif not original and not second:
            self.both_false += 1
        elif original:
            self.only_original += 1
        else:
            self.only_second += 1

    def kappa(self) -> float | None:
        """Cohen's kappa; None when chance agreement is total (one class only)."""
        n = self.total
        if n == 0:
            return None
        observed = self.agreed / n
        original_true = (self.both_true + self.only_original) / n
        second_true = (self.both_true + self.only_second) / n
        expected = original_true * second_true + (1 - original_true) * (1 - second_true)
        if expected == 1:
            return None
        return (observed - expected) / (1 - expected)


@dataclass
class Comparison:
    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)  # (group, rule)
    disagreements: list[tuple[Label, Label, list[str]]] = field(default_factory=list)

    def tally(self, group: str, rule: str) -> Tally:
        return self.tallies.setdefault((group, rule), Tally())


def _parse_lines(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise LabelFileError(f"{path}: cannot read: {error.strerror or error}") from error
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise LabelFileError(f"{path}:{number}: not JSON: {error.msg}") from error
        if not isinstance(record, dict):
            raise LabelFileError(f"{path}:{number}: expected a JSON object")
        yield number, record


def _bool_labels(path: Path, number: int, source: dict) -> dict[str, bool]:
    labels = {}
    for rule in RULES:
        value = source.get(rule)
        if not isinstance(value, bool):
            raise LabelFileError(f"{path}:{number}: {rule} must be true or false, got {value!r}")
        labels[rule] = value
    return labels


def _record_id(path: Path, number: int, record: dict) -> str:
    record_id = record.get("id")
    if not isinstance(record_id, str) or not record_id:
        raise LabelFileError(f"{path}:{number}: missing 'id'")
    return record_id


def load_second_reading(path: Path) -> dict[str, Label]:
    """{"id", "LG201", "LG202", "reason"} per line; ids unique."""
    result: dict[str, Label] = {}
    for number, record in _parse_lines(path):
        record_id = _record_id(path, number, record)
        if record_id in result:
            raise LabelFileError(f"{path}:{number}: id {record_id} appears twice")
        reason = record.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise LabelFileError(f"{path}:{number}: {record_id} has no 'reason'")
        result[record_id] = Label(record_id, "", _bool_labels(path, number, record), reason)
    return result


def load_corpus(corpus: Path) -> dict[str, Label]:
    """Every record under corpus/*/*.jsonl, with its labels and note."""
    files = sorted(corpus.glob("*/*.jsonl"))
    if not files:
        raise LabelFileError(f"{corpus}: no corpus files (*/*.jsonl)")
    result: dict[str, Label] = {}
    for path in files:
        for number, record in _parse_lines(path):
            record_id = _record_id(path, number, record)
            if record_id in result:
                raise LabelFileError(f"{path}:{number}: id {record_id} appears twice in the corpus")
            labels = record.get("labels")
            if not isinstance(labels, dict):
                raise LabelFileError(f"{path}:{number}: {record_id} has no 'labels' object")
            result[record_id] = Label(
                record_id, str(record.get("lang", "")), _bool_labels(path, number, labels),
                str(record.get("note", "")))
    return result


def compare(second: dict[str, Label], original: dict[str, Label]) -> Comparison:
    missing = sorted(set(second) - set(original))
    if missing:
        raise LabelFileError(f"ids not in the corpus: {', '.join(missing)}")
    comparison = Comparison()
    for record_id, mine in second.items():
        theirs = original[record_id]
        differing = []
        for rule in RULES:
            for group in ("all", theirs.lang):
                comparison.tally(group, rule).add(theirs.labels[rule], mine.labels[rule])
            if theirs.labels[rule] != mine.labels[rule]:
                differing.append(rule)
        if differing:
            comparison.disagreements.append((theirs, mine, differing))
    return comparison


def _format_kappa(kappa: float | None) -> str:
    return "   -" if kappa is None else f"{kappa:5.2f}"


def report(comparison: Comparison, show_disagreements: bool) -> str:
    groups = ["all"] + sorted({group for group, _ in comparison.tallies} - {"all"})
    lines = ["group   rule    agree/total   rate  kappa  orig-only  second-only"]
    for group in groups:
        for rule in RULES:
            tally = comparison.tallies.get((group, rule))
            if tally is None:
                continue
            lines.append(
                f"{group:<7} {rule}  {tally.agreed:>5}/{tally.total:<5}  "
                f"{tally.agreed / tally.total:6.1%}  {_format_kappa(tally.kappa())}  "
                f"{tally.only_original:>9}  {tally.only_second:>11}")
    both = len(comparison.disagreements)
    total = comparison.tallies[("all", RULES[0])].total if comparison.tallies else 0
    lines.append(f"records with any disagreement: {both} of {total}")
    if show_disagreements:
        for theirs, mine, differing in comparison.disagreements:
            marks = ", ".join(
                f"{rule} original={theirs.labels[rule]} second={mine.labels[rule]}"
                for rule in differing)
            lines.append("")
            lines.append(f"{theirs.id}: {marks}")
            lines.append(f"  original note: {theirs.reason}")
            lines.append(f"  second reason: {mine.reason}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("second_reading", type=Path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--disagreements", action="store_true",
                        help="also print every disagreement with both reasons")
    args = parser.parse_args(argv)
    try:
        comparison = compare(load_second_reading(args.second_reading), load_corpus(args.corpus))
    except LabelFileError as error:
        print(f"label_agreement: {error}", file=sys.stderr)
        return 2
    print(report(comparison, args.disagreements))
    return 0


if __name__ == "__main__":
    sys.exit(main())
