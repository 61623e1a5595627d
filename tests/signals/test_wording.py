"""The wording signals (guard/signals/wording.py): tokens, the table's fit, the value, the evidence, the fit's stacking."""

from __future__ import annotations

import hashlib
import json
import math
import sys
from argparse import Namespace
from importlib import resources
from pathlib import Path

import pytest

from guard.signals import corpus, features, judge, wording
from guard.signals.text import clean, fold

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import fit_weights  # noqa: E402


def folded(text: str) -> str:
    return fold(clean(text))


# -- tokens -------------------------------------------------------------------------------------------------

def test_tokens_are_folded_words_and_neighbour_pairs():
    assert wording.tokens(folded("Gratis🚀 DEMO!\n• Boek 'nu'")) == [
        "gratis", "demo", "boek", "nu", "gratis demo", "demo boek", "boek nu"]


def test_tokens_of_an_empty_text_and_single_characters():
    assert wording.tokens(folded(" \n🙂 ")) == []
    assert wording.tokens(folded("x / y: ok")) == ["ok"]


# -- the table ------------------------------------------------------------------------------------------------

def test_a_token_counts_once_per_message_and_needs_min_count_messages():
    examples = [(["demo", "demo", "demo"], True), (["demo"], True), (["hoi"], False), (["hoi"], False),
                (["hoi"], False), (["koffie"], False)]
    table = wording.train(examples, min_count=3, keep_above=0.0)
    # "demo" is in 2 messages only (3 times in one): not kept; "hoi" in 3 negatives: kept, negative.
    assert "demo" not in table and "koffie" not in table
    assert table["hoi"] == round(math.log((0.5 / 3) / (3.5 / 5)), 2) < 0


def test_tokens_near_even_are_left_out():
    examples = [(["call"], True), (["call"], False)] * 3 + [(["demo"], True)] * 3 + [(["mama"], False)] * 3
    table = wording.train(examples, min_count=3, keep_above=0.4)
    assert "call" not in table and table["demo"] > 0.4 and table["mama"] < -0.4


def test_read_gives_the_plain_reference_value_on_every_corpus_message():
    """``read`` (compiled tables, one pass) against ``value_of`` (flat tables, the plain definition)."""
    tables = features.wording_tables()
    assert tables.words, "no shipped wording tables"
    for rec in corpus.load(ROOT / "tests" / "corpus"):
        low = folded(rec.text)
        got, _ = wording.read(tables, low)
        for name in wording.SIGNALS:
            assert got.get(name, 0.0) == wording.value_of(tables.raw[name], wording.tokens(low)), (rec.id, name)


def test_of_equally_strong_tokens_past_the_top_the_positive_counts():
    table = {f"p{i}": 1.0 for i in range(10)} | {f"n{i}": -1.0 for i in range(10)}
    toks = list(table)
    # 20 tokens of strength 1, TOP of them read: the 10 positive first, then 5 negative.
    assert wording.value_of(table, toks) == round(math.tanh(5.0 / wording.SCALE) * 10) / 10
    assert wording.read(wording.compile_tables({"pitch_words": table}), " ".join(toks))[0]["pitch_words"] == (
        wording.value_of(table, toks))


def test_value_reads_only_the_strongest_tokens():
    table = {"demo": 3.0, **{f"w{i}": -0.5 for i in range(40)}}
    toks = ["demo", *(f"w{i}" for i in range(40))]
    # The TOP strongest: demo (+3) and 14 weak ones (-0.5 each) = -4; all 40 would be -17.
    assert wording.value_of(table, toks) == round(math.tanh(-4.0 / wording.SCALE) * 10) / 10
    assert wording.value_of(table, ["demo"]) == round(math.tanh(3.0 / wording.SCALE) * 10) / 10 > 0
    assert wording.value_of(table, ["unknown"]) == 0.0


def test_read_quotes_the_strongest_telling_pitch_token_as_a_whole_word():
    tables = wording.compile_tables(
        {"pitch_words": {"for the": 4.0, "demo": 3.0, "gratis": 0.5, "koffie": -1.0}, "marketing_words": {}})
    low = folded("Demos zijn leuk. Koffie? For the record: demo gratis")
    values, spans = wording.read(tables, low, common=frozenset({"for", "the"}))
    assert values == {"pitch_words": round(math.tanh(6.5 / wording.SCALE) * 10) / 10}
    # "for the" is stronger but says nothing (common words); "demo" as a whole word, not inside "demos".
    assert [low[s:e] for s, e in spans["pitch_words"]] == ["demo"]
    assert spans["pitch_words"][0][0] > low.index("record")


def test_a_quoted_pair_of_words_may_stand_apart_or_in_quotes():
    tables = wording.compile_tables({"pitch_words": {"gratis demo": 3.0}, "marketing_words": {}})
    low = folded("Een 'gratis'  \n demo!")
    values, spans = wording.read(tables, low)
    assert values["pitch_words"] > 0
    (start, end), = spans["pitch_words"]
    assert low[start:end].replace("'", " ").split() == ["gratis", "demo"] and low[end:].strip() == ""


def test_explain_lists_the_strongest_tokens_both_ways():
    tables = wording.compile_tables({"pitch_words": {"demo": 3.0, "koffie": -1.0, "leuk": 0.5}})
    assert wording.explain(tables, folded("Koffie en een demo, leuk!"), "pitch_words") == (
        "demo +3.0, koffie -1.0, leuk +0.5")


def test_a_message_that_reads_like_talk_has_a_negative_value_and_no_quote():
    tables = wording.compile_tables({"pitch_words": {"koffie": -3.0}, "marketing_words": {}})
    values, spans = wording.read(tables, folded("koffie?"))
    assert values["pitch_words"] < 0 and "pitch_words" not in spans


@pytest.mark.parametrize("data, says", [
    ([], "expected a JSON object"),
    ({"pitch_words": {}}, "missing the table 'marketing_words'"),
    ({"pitch_words": {"demo": "veel"}, "marketing_words": {}}, "pitch_words token 'demo' has no number"),
    ({"pitch_words": {"demo": True}, "marketing_words": {}}, "pitch_words token 'demo' has no number"),
])
def test_a_broken_table_file_is_refused_by_name(data, says):
    with pytest.raises(wording.WordingError, match=says):
        wording.parse_tables(data)


# -- the shipped tables and the weights fitted with them --------------------------------------------------------

def _shipped_text() -> str:
    return resources.files("guard.signals").joinpath("wording.json").read_text(encoding="utf-8")


def test_the_weights_were_fitted_with_the_shipped_tables():
    meta = json.loads(resources.files("guard.signals").joinpath("weights.json").read_text(encoding="utf-8"))["meta"]
    assert meta["wording_sha256"] == hashlib.sha256(_shipped_text().encode("utf-8")).hexdigest()


@pytest.mark.parametrize("text", [
    "Hi Mark, we help SaaS companies cut cloud costs by 30%. Open to a quick demo next week?",
    "Hoi Sanne, wij helpen webshops aan meer omzet met ons platform. Zullen we een demo inplannen?",
])
def test_a_pitch_reads_like_one_and_quotes_its_words(text):
    j = judge(text)
    assert j.values["pitch_words"] > 0.3
    assert any(item.feature == "pitch_words" for item in j.evidence("LG201", limit=20))


@pytest.mark.parametrize("text", [
    "Gefeliciteerd met je nieuwe baan, Sanne! Veel succes en tot snel bij de borrel.",
    "Congratulations on the new role, Mark! Hope the move went well, say hi to the kids.",
])
def test_a_personal_note_reads_like_talk(text):
    assert judge(text).values.get("pitch_words", 0.0) < 0


# -- the fit: each training message read through a table that never saw it -------------------------------------

@pytest.fixture(scope="module")
def some_records():
    records = [r for r in corpus.load(ROOT / "tests" / "corpus") if not r.held_apart]
    return records[::6]


def test_restack_reads_each_training_message_through_a_table_learned_without_it(some_records):
    args = Namespace(folds=5)
    values = {r.id: corpus.features_of(r) for r in some_records}
    train, others = some_records[:-40], some_records[-40:]
    out, tables = fit_weights.restack(train, values, args, others)
    assert tables == fit_weights.wording_tables(train, values)
    differs = 0
    fold = {r.id: fit_weights.fold_of(r.id, 5, fit_weights.WORDING_CUT) for r in train}
    without = [wording.compile_tables(fit_weights.wording_tables([x for x in train if fold[x.id] != k], values))
               for k in range(5)]
    for r in train:
        assert out[r.id] == fit_weights.with_wording(values[r.id], r, without[fold[r.id]]), r.id
        differs += out[r.id] != fit_weights.with_wording(values[r.id], r, wording.compile_tables(tables))
    # The out-of-fold reading matters: many training messages read differently through the whole table.
    assert differs > len(train) // 10
    for r in others:
        assert out[r.id] == fit_weights.with_wording(values[r.id], r, wording.compile_tables(tables))


def test_with_wording_replaces_the_old_wording_values(some_records):
    rec = some_records[0]
    values = {"offer": 1.0, "pitch_words": 0.9, "marketing_words": 0.8}
    got = fit_weights.with_wording(values, rec, wording.EMPTY)
    assert got == {"offer": 1.0}


def test_the_fit_learns_tables_that_make_the_signals_fire(some_records):
    values = {r.id: corpus.features_of(r) for r in some_records}
    tables = fit_weights.wording_tables(some_records, values)
    assert set(tables) == set(wording.SIGNALS) and all(len(t) > 50 for t in tables.values())
    features.use_wording(tables)
    try:
        j = features.extract("We help agencies like yours get more leads. Book a free demo this week?")
        assert j.values["pitch_words"] > 0
    finally:
        features.use_wording(None)


# -- typing: the words before the last space are read once ------------------------------------------------------

def _typed(text: str):
    """Every keystroke of typing ``text``, then an edit in the middle and a paste at the end."""
    for i in range(1, len(text) + 1):
        yield text[:i]
    middle = len(text) // 2
    yield text[:middle] + " demo gratis " + text[middle:]
    yield text + " Book a free demo today: https://cal.com/x"


@pytest.mark.parametrize("lang", ["nl", "en", "de", "fr", "es", "nl-en"])
def test_typing_reads_as_reading_from_scratch(lang):
    tables = features.wording_tables()
    common = features._state()[3]
    records = [r for r in corpus.load(ROOT / "tests" / "corpus") if r.lang == lang][:6]
    other = folded(records[-1].text)
    for rec in records:
        for typed in _typed(rec.text):
            low = folded(typed)
            assert wording.read(tables, low, common) == wording.read_plain(tables, low, common), (rec.id, typed)
            # Another tab typing in between must not lend its words.
            assert wording.read(tables, other, common) == wording.read_plain(tables, other, common)


def test_a_word_typed_after_the_last_space_that_makes_a_pair_counts():
    tables = wording.compile_tables({"pitch_words": {"gratis demo": 3.0, "demo": 0.5}, "marketing_words": {}})
    assert wording.read(tables, "een gratis de") == ({}, {})
    assert wording.read(tables, "een gratis demo")[0]["pitch_words"] == wording.value_of(
        tables.raw["pitch_words"], ["gratis demo", "demo"])
    # The same head with another last word: the head's own answer, not the one before.
    assert wording.read(tables, "een gratis dem") == ({}, {})


def test_explain_lists_each_wording_signal_only_under_the_rule_that_weighs_it():
    text = "Hi Mark, we help SaaS companies cut cloud costs by 30%. Open to a quick demo next week?"
    j = judge(text)
    assert j.values.get("pitch_words") and j.values.get("marketing_words")
    lg201, lg202 = j.explain().split("\nLG202:")
    assert "pitch_words" in lg201 and "marketing_words" not in lg201
    assert "marketing_words" in lg202 and "pitch_words" not in lg202
