"""``scripts/corpus_report.py --split cv``: out-of-fold verdicts on the training split, the held-apart split unread."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from guard.signals import corpus as corpus_mod
from guard.signals import judge
from guard.signals.model import MODELS

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "corpus_report.py"
PITCHES = ["We help SaaS companies grow revenue with our platform. Book a demo: https://calendly.com/x",
           "Our agency offers SEO packages from $500 per month, interested?",
           "Wij helpen webshops met slimme voorraadsoftware. Zullen we een demo inplannen?"]
OTHERS = ["Thanks for the meeting today, see you at the office tomorrow.",
          "Congratulations on the new job, well deserved!",
          "Dank je voor de presentatie van gisteren, tot volgende week op kantoor."]


def _write_corpus(where: Path, *, spoil_held: bool = False, n: int = 90) -> Path:
    """A small corpus; ``spoil_held`` flips every held-apart label and swaps its text for the opposite kind."""
    lines = []
    for i in range(n):
        rid = f"t-{i}"
        pitch = i % 2 == 0
        label = pitch
        text = (PITCHES if pitch else OTHERS)[i % 3]
        if spoil_held and corpus_mod.is_held_apart(rid):
            label = not pitch
            text = (OTHERS if pitch else PITCHES)[i % 3]
        lang = "nl" if i % 3 == 2 else "en"
        lines.append(json.dumps({"id": rid, "lang": lang, "channel": "message", "text": text,
                                 "recipient": {"name": "A"}, "thread": {"messages_from_me": 0,
                                 "messages_from_recipient": 0, "last_from_recipient": None},
                                 "labels": {"LG201": label, "LG202": label}, "phenomenon": "x", "note": "",
                                 "source_shape": "live"}))
    where.mkdir()
    (where / "c.jsonl").write_text("\n".join(lines) + "\n")
    return where


def _report_module():
    spec = importlib.util.spec_from_file_location("corpus_report_under_test", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cv_figures_do_not_change_when_the_held_apart_split_is_spoilt(tmp_path):
    """Flip every held-apart label and text: the out-of-fold report is the same, byte for byte."""
    outputs = []
    for name, spoil in (("plain", False), ("spoilt", True)):
        run = subprocess.run([sys.executable, str(SCRIPT), "--corpus", str(_write_corpus(tmp_path / name,
                              spoil_held=spoil)), "--split", "cv", "--folds", "3", "--repeats", "1",
                              "--errors", "50"], capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
        outputs.append(run.stdout)
    assert any(corpus_mod.is_held_apart(f"t-{i}") for i in range(90))
    assert "cv: out of fold on the training split" in outputs[0] and "LG201" in outputs[0]
    assert outputs[0] == outputs[1]


def test_cv_never_hands_a_held_apart_record_to_the_signals_or_the_fit(tmp_path, monkeypatch):
    report = _report_module()
    records = corpus_mod.load(_write_corpus(tmp_path / "c"))
    held = {r.id for r in records if r.held_apart}
    assert held
    real_features = corpus_mod.features_of
    fitted_on: list[set[str]] = []

    def features_of(rec):
        assert rec.id not in held, f"--split cv read held-apart record {rec.id}"
        return real_features(rec)

    def no_predictions(_records):
        raise AssertionError("--split cv must not judge with the shipped weights")

    import fit_weights

    real_fit_rules = fit_weights.fit_rules

    def fit_rules(train, values, args, held_records=()):
        assert not held & {r.id for r in train} and not held_records
        fitted_on.append({r.id for r in train})
        return real_fit_rules(train, values, args, held_records)

    monkeypatch.setattr(corpus_mod, "features_of", features_of)
    monkeypatch.setattr(corpus_mod, "predictions", no_predictions)
    monkeypatch.setattr(fit_weights, "fit_rules", fit_rules)
    args = fit_weights.parser_of("test").parse_args(["--folds", "3", "--repeats", "1"])
    train = [r for r in records if not r.held_apart]
    preds, thresholds, notes = report.predictions_out_of_fold(train, args)
    assert len(notes) == 3 and len(fitted_on) == 3
    assert sorted(rec.id for rec, _, _ in preds) == sorted(r.id for r in train)
    for rec, _, _ in preds:
        # The fit that judged a message never saw it, and saw every other part.
        fold = fit_weights.fold_of(rec.id, 3, report.OUTER_CUT)
        assert rec.id not in fitted_on[fold]
        assert fitted_on[fold] == {r.id for r in train if fit_weights.fold_of(r.id, 3, report.OUTER_CUT) != fold}
    assert set(thresholds) == {r.id for r in train}
    lines = report.report(records, "cv", 50, args, None)
    assert not any(f" {rid} " in line for line in lines for rid in held)


def test_cv_verdicts_apply_the_legal_conditions_as_judge_does():
    """With the shipped weights and thresholds, ``verdicts`` says what ``judge(...).fires`` says."""
    report = _report_module()
    records = [r for r in corpus_mod.load(ROOT / "tests" / "corpus") if not r.held_apart][::3]
    t201, t202 = MODELS["LG201"].threshold, MODELS["LG202"].threshold
    disagree = []
    seen = {"excused": 0, "follow-up": 0, "opt-out": 0, "fires": 0}
    for rec in records:
        j = judge(rec.text, me=rec.me, them=rec.them, last_from_recipient=rec.last, channel=rec.channel,
                  prefer_language=corpus_mod.PREFER_LANGUAGE)
        got = report.verdicts(rec, j.values, j.scores, t201, t202)
        if got != {rule: j.fires(rule) for rule in corpus_mod.RULES}:
            disagree.append(rec.id)
        seen["excused"] += j.excused()
        seen["opt-out"] += j.has("opt_out") and j.fires("LG201") and rec.me == 0
        seen["follow-up"] += rec.me > 0 and j.fires("LG201")
        seen["fires"] += j.fires("LG202")
    assert not disagree
    assert all(seen.values()), seen  # the sample exercises every condition


@pytest.mark.parametrize(("split", "lang"), [("all", "nl"), ("all", "en"), ("cv", "nl")])
def test_lang_keeps_one_language_in_the_figures(tmp_path, split, lang):
    run = subprocess.run([sys.executable, str(SCRIPT), "--corpus", str(_write_corpus(tmp_path / "c")),
                          "--split", split, "--lang", lang, "--folds", "3", "--repeats", "1"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("language"))
    rows = [line.split()[0] for line in lines[start + 1:lines.index("", start)]]
    assert rows == [lang, "all"]
    expected = sum(1 for i in range(90) if (i % 3 == 2) == (lang == "nl")
                   and (split == "all" or not corpus_mod.is_held_apart(f"t-{i}")))
    assert f"({expected} of 90 messages, language {lang})" in run.stdout
    for line in run.stdout.splitlines():
        if line.startswith("- t-"):  # a worst error: of the chosen language only
            assert (int(line.split()[1][2:]) % 3 == 2) == (lang == "nl"), line


def test_cv_refuses_thresholds_from_the_held_apart_split(tmp_path):
    run = subprocess.run([sys.executable, str(SCRIPT), "--corpus", str(_write_corpus(tmp_path / "c")),
                          "--split", "cv", "--thresholds", "held"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 2 and "held-apart" in run.stderr
