"""scripts/label_agreement.py: counts, kappa and clear errors on small, known inputs."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_script():
    spec = importlib.util.spec_from_file_location("label_agreement", ROOT / "scripts/label_agreement.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while the class is built
    spec.loader.exec_module(module)
    return module


agreement = _load_script()


def _write_jsonl(path: Path, records) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def _corpus_record(record_id, lang, lg201, lg202):
    return {"id": record_id, "lang": lang, "labels": {"LG201": lg201, "LG202": lg202},
            "note": f"note of {record_id}"}


def _second(record_id, lg201, lg202):
    return {"id": record_id, "LG201": lg201, "LG202": lg202, "reason": f"reason for {record_id}"}


@pytest.fixture
def corpus(tmp_path):
    _write_jsonl(tmp_path / "corpus/a/nl.jsonl", [
        _corpus_record("a-nl-0001", "nl", True, True),
        _corpus_record("a-nl-0002", "nl", False, False),
        _corpus_record("a-nl-0003", "nl", True, False),
        _corpus_record("a-nl-0004", "nl", False, False),  # not in the sample
    ])
    _write_jsonl(tmp_path / "corpus/b/en.jsonl", [
        _corpus_record("b-en-0001", "en", False, True),
        _corpus_record("b-en-0002", "en", True, True),
    ])
    return tmp_path / "corpus"


@pytest.fixture
def second(tmp_path):
    return _write_jsonl(tmp_path / "second.jsonl", [
        _second("a-nl-0001", True, True),      # agrees
        _second("a-nl-0002", True, False),     # LG201: only the second reading
        _second("a-nl-0003", True, True),      # LG202: only the second reading
        _second("b-en-0001", False, False),    # LG202: only the original
        _second("b-en-0002", False, True),     # LG201: only the original
    ])


def test_counts_per_rule_and_language(corpus, second):
    result = agreement.compare(agreement.load_second_reading(second), agreement.load_corpus(corpus))
    lg201 = result.tallies[("all", "LG201")]
    assert (lg201.both_true, lg201.both_false, lg201.only_original, lg201.only_second) == (2, 1, 1, 1)
    lg202 = result.tallies[("all", "LG202")]
    assert (lg202.both_true, lg202.both_false, lg202.only_original, lg202.only_second) == (2, 1, 1, 1)
    assert result.tallies[("nl", "LG201")].agreed == 2 and result.tallies[("nl", "LG201")].total == 3
    assert result.tallies[("en", "LG202")].agreed == 1 and result.tallies[("en", "LG202")].total == 2
    assert [theirs.id for theirs, _, _ in result.disagreements] == [
        "a-nl-0002", "a-nl-0003", "b-en-0001", "b-en-0002"]
    assert result.disagreements[0][2] == ["LG201"]


def test_kappa_matches_hand_computation():
    tally = agreement.Tally(both_true=40, both_false=45, only_original=10, only_second=5)
    # observed 0.85; expected 0.5*0.45 + 0.5*0.55 = 0.5; kappa (0.85-0.5)/0.5 = 0.7
    assert tally.kappa() == pytest.approx(0.7)
    assert agreement.Tally(both_true=3).kappa() is None


def test_report_prints_figures_and_both_reasons(corpus, second, capsys):
    assert agreement.main([str(second), "--corpus", str(corpus), "--disagreements"]) == 0
    out = capsys.readouterr().out
    assert "all     LG201      3/5" in out
    assert "nl      LG202      2/3" in out
    assert "records with any disagreement: 4 of 5" in out
    assert "original note: note of b-en-0002" in out
    assert "second reason: reason for b-en-0002" in out


def test_unknown_id_is_named(corpus, tmp_path, capsys):
    bad = _write_jsonl(tmp_path / "bad.jsonl", [_second("z-nl-9999", True, True)])
    assert agreement.main([str(bad), "--corpus", str(corpus)]) == 2
    assert "z-nl-9999" in capsys.readouterr().err


@pytest.mark.parametrize("line, expected", [
    ('{"id": "a-nl-0001", "LG201": "yes", "LG202": true, "reason": "r"}', "LG201 must be true or false"),
    ('{"id": "a-nl-0001", "LG201": true, "LG202": true}', "has no 'reason'"),
    ('{"LG201": true', "not JSON"),
])
def test_bad_second_reading_names_line_and_problem(tmp_path, line, expected):
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(agreement.LabelFileError, match=expected) as error:
        agreement.load_second_reading(path)
    assert "bad.jsonl:1" in str(error.value)


def test_duplicate_id_in_second_reading(tmp_path):
    path = _write_jsonl(tmp_path / "dup.jsonl", [_second("a-nl-0001", True, True)] * 2)
    with pytest.raises(agreement.LabelFileError, match="appears twice"):
        agreement.load_second_reading(path)
