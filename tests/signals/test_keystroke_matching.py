"""Typing, keystroke by keystroke: the incremental phrase matching says exactly what matching from scratch says.

``Bank.spans`` works a text out from the most alike text it matched before
(``_Index.spans``: the common beginning, a window of words before the
change, the words that came and went). These tests type messages of the
corpus in every language — character by character, then with edits in the
middle, deletions, pastes, and two tabs typing in turn — and hold every
keystroke's spans to ``Bank.spans_reference``, and every keystroke's
judgement (signal values, scores, evidence, wording) and findings to the
ones computed from scratch. They also show the window is tight: one word
less of it (``_SLACK = -1``) and they find a difference.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from guard.signals import corpus, features, lexicon
from guard.signals.text import clean, fold

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
GROUP_SETS = (("en",), ("nl",), ("nl", "en"), ("de",), ("fr", "es"), ("es",))
# Texts whose prices and numbers make the unbounded ``regex:`` lines reach far back.
NUMBERS = [
    "Our offer: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 eur per month, or 1 500 000 usd, $ 49 999 k, 30 % off",
    "Prijs 1 000 000 eur, 20%korting 15%% en 99 $ per maand; bel 06 12 34 56 78 of https://calendly.com/x",
    "Kosten 2 500 chf per Monat, 30 % Rabatt, www.example.de, 12 3 4 5 pesos, eur 1 000 000 000",
]


@pytest.fixture(autouse=True)
def always_incremental(monkeypatch):
    """Texts with few candidates are matched from scratch (``_Index.FEW``): here every text keeps a state, so
    the incremental path is what is tested (``test_texts_growing_past_few_candidates`` tests the switch)."""
    monkeypatch.setattr(lexicon._Index, "FEW", -1)


@pytest.fixture(scope="module")
def records():
    recs = corpus.load(CORPUS)
    by_lang: dict[str, list] = {}
    for rec in recs:
        by_lang.setdefault(rec.lang, []).append(rec)
    rng = random.Random(20261203)
    picked = []
    for lang in sorted(by_lang):
        picked += rng.sample(by_lang[lang], 4)
    return picked


def _edits(text: str, rng: random.Random, pastes: list[str], n: int) -> list[str]:
    """Texts after each of ``n`` random edits: typing or deleting in the middle, pasting, backspacing."""
    out = []
    for _ in range(n):
        k = rng.randrange(len(text) + 1)
        op = rng.random()
        if op < 0.3:
            typed = rng.choice([" ", "x", "%", "30% ", " de ", "demo", "\n", "€ 1 500", "$", "🚀"])
            text = text[:k] + typed + text[k:]
        elif op < 0.55:
            text = text[:k] + text[k + rng.randint(1, 6):]
        elif op < 0.7:
            for _ in range(rng.randint(1, 8)):  # backspace at the end
                text = text[:-1]
                out.append(text)
            continue
        else:
            text = text[:k] + rng.choice(pastes)[: rng.randint(1, 80)] + text[k:]
        out.append(text)
    return out


def _sessions(records, rng: random.Random) -> list[tuple[tuple[str, ...], list[str]]]:
    """(groups, texts one keystroke apart) per typed message."""
    pastes = [r.text for r in records] + NUMBERS
    sessions = []
    for n, rec in enumerate([*records, *NUMBERS]):
        text = rec if isinstance(rec, str) else rec.text
        langs = GROUP_SETS[n % len(GROUP_SETS)]
        typed = [text[:k] for k in range(1, len(text) + 1)]
        sessions.append(((*langs, lexicon.SHARED, lexicon.ANY), typed + _edits(text, rng, pastes, 40)))
    return sessions


def _differences(bank, sessions, interleave: bool = False) -> list[str]:
    out = []
    steps = []
    if interleave:  # two tabs typing in turn, on the same languages
        for (groups, a), (_, b) in zip(sessions[::2], sessions[1::2]):
            for x, y in zip(a, b):
                steps += [(groups, x), (groups, y)]
    else:
        steps = [(groups, t) for groups, texts in sessions for t in texts]
    for groups, text in steps:
        low = fold(clean(text))
        words = frozenset(low.split())
        got = bank.spans(low, words, groups, features.TEXT_FEATURES, features.MAX_SPANS)
        want = bank.spans_reference(low, words, groups, features.TEXT_FEATURES, features.MAX_SPANS)
        if got != want:
            out.append(f"{groups} {text[-60:]!r}: {got} != {want}")
    return out


def _fresh_bank():
    """The shipped phrases in a bank of their own: no texts remembered from other tests."""
    shipped = features.BANK
    return lexicon.Bank(shipped.phrases, shipped.keys)


def test_every_keystroke_gives_the_spans_matching_from_scratch_gives(records):
    bank = _fresh_bank()
    bad = _differences(bank, _sessions(records, random.Random(1)))
    assert not bad, "\n".join(bad[:5])


def test_texts_growing_past_few_candidates_switch_between_both_ways(records, monkeypatch):
    """With the shipped threshold, messages switch between matching from scratch and incrementally as they
    grow and shrink: every keystroke still gives the reference spans."""
    monkeypatch.setattr(lexicon._Index, "FEW", 12)
    bank = _fresh_bank()
    bad = _differences(bank, _sessions(records, random.Random(8)))
    assert not bad, "\n".join(bad[:5])


def test_two_tabs_typing_in_turn_keep_their_own_texts(records):
    bank = _fresh_bank()
    sessions = _sessions(records, random.Random(2))
    bad = _differences(bank, sessions, interleave=True)
    assert not bad, "\n".join(bad[:5])
    index = next(iter(bank._indexes.values()))
    assert 1 < len(index.typing) <= lexicon._Index.MAX_TYPING


def test_the_window_is_exact_and_one_word_less_is_caught(records, monkeypatch):
    """With no slack the results are still exact; a window one word (or character) short gives wrong spans."""
    sessions = _sessions(records, random.Random(3))
    monkeypatch.setattr(lexicon, "_SLACK", 0)
    assert not _differences(_fresh_bank(), sessions)
    monkeypatch.setattr(lexicon, "_SLACK", -1)
    assert _differences(_fresh_bank(), sessions)


def test_a_regex_window_one_character_short_is_caught(monkeypatch):
    """The ``regex:`` lines' window (characters other than digits and spaces) is needed to the character.

    ``\\d+ab\\b`` reads the digits, "a", "b" and the character after: typing
    "c" after "12ab" takes its match away, which a window of two other
    characters misses.
    """
    bank = lexicon.Bank.from_files([lexicon.parse_file("xx", "## price\n- regex: \\d+ab\\b\n")])
    texts = [t[:k] for t in ("pay 12abc, now 12ab 3 4 5ab", "x 1 2 3 4 5 6 7 8 9ab") for k in range(1, len(t) + 1)]
    wanted = frozenset({"price"})

    def differences() -> int:
        bank._indexes.clear()
        bad = 0
        for text in texts:
            low = fold(text)
            words = frozenset(low.split())
            bad += bank.spans(low, words, ("xx",), wanted, 2) != bank.spans_reference(low, words, ("xx",), wanted, 2)
        return bad

    real = lexicon._safe_before_others
    monkeypatch.setattr(lexicon, "_SLACK", 0)
    assert differences() == 0
    monkeypatch.setattr(lexicon, "_safe_before_others", lambda low, c, n: real(low, c, n - 1))
    assert differences() > 0


def test_typing_glued_signs_and_tricky_phrases_gives_the_reference_spans():
    """The tricky phrases of ``test_fast_matching`` (choices, stems, ``...``, ``#``, ``%``, ``regex:``), typed
    with "%" and "$" glued to words ("korting%": a word whose key is the part before the sign) and edited."""
    from tests.signals.test_fast_matching import FEATURES, GROUPS, PATTERNS, _realise

    bank = lexicon.Bank.from_files([lexicon.parse_file("xx", PATTERNS)])
    rng = random.Random(5)
    sources = [p.source for p in bank.phrases if not p.source.startswith("regex:")]
    # "30 ... korting" is keyed on "korting", here far before the window; deleting the "x" makes
    # "korting%" match, a word whose key is only its part before the "%".
    glued = "korting a b c d e f g h i j k 30 kortingx%"
    sessions = [[glued[:k] for k in range(1, len(glued) + 1)] + [glued.replace("x%", "%")]]
    for _ in range(60):
        text = " ".join(_realise(rng.choice(sources), rng) for _ in range(rng.randint(2, 6)))
        sessions.append([text[:k] for k in range(1, len(text) + 1)])
        texts = sessions[-1]
        for _ in range(30):
            k = rng.randrange(len(text) + 1)
            op = rng.random()
            if op < 0.4:
                text = text[:k] + rng.choice(["%", "$", "x", " ", "korting", "30", "% off", "demo"]) + text[k:]
            elif op < 0.8:
                text = text[:k] + text[k + rng.randint(1, 3):]
            else:
                text = text[:k] + _realise(rng.choice(sources), rng) + text[k:]
            texts.append(text)
    bad = []
    for texts in sessions:
        for text in texts:
            low = fold(clean(text))
            words = frozenset(low.split())
            got = bank.spans(low, words, GROUPS, FEATURES, 2)
            if got != bank.spans_reference(low, words, GROUPS, FEATURES, 2):
                bad.append(text)
    assert not bad, bad[:3]


def test_same_text_other_signals_or_spans_limit_are_not_mixed_up():
    """One index per groups and signals; a text matched again with another ``max_spans`` is rebuilt."""
    bank = _fresh_bank()
    text = "We help SaaS companies grow. Book a demo: https://calendly.com/x. 30% off, special offer, free trial"
    low = fold(text)
    words = frozenset(low.split())
    groups = ("en", lexicon.SHARED, lexicon.ANY)
    for limit in (2, 1, 3, 2):
        for wanted in (features.TEXT_FEATURES, features.REPLY_FEATURES, frozenset({"cta"})):
            assert bank.spans(low, words, groups, wanted, limit) == bank.spans_reference(low, words, groups,
                                                                                         wanted, limit)
    got = bank.spans(low, words, groups, features.TEXT_FEATURES, 2)
    got["offer"].append((0, 1))  # the caller's copy: the remembered result is not touched
    assert bank.spans(low, words, groups, features.TEXT_FEATURES, 2) == bank.spans_reference(
        low, words, groups, features.TEXT_FEATURES, 2)


def test_remembered_texts_stay_bounded(monkeypatch):
    bank = _fresh_bank()
    monkeypatch.setattr(lexicon._Index, "MAX_TYPED", 100)
    groups = ("en", lexicon.SHARED, lexicon.ANY)
    for n in range(30):
        text = f"tab {n}: we help companies grow, book a demo " * (1 + n % 4)
        low = fold(text)
        bank.spans(low, frozenset(low.split()), groups, features.TEXT_FEATURES, 2)
    index = bank._index(groups, features.TEXT_FEATURES)
    assert len(index.typing) <= lexicon._Index.MAX_TYPING
    assert all(len(state.low) <= 100 for state in index.typing)


# --------------------------------------------------------------------------
# Whole judgements and warnings, keystroke by keystroke
# --------------------------------------------------------------------------

def _judge_from_scratch(text, *, me=0, them=0, last_from_recipient=None, channel="message", prefer_language=None):
    """``judge`` without anything remembered: spans from ``spans_reference``, no memo of a previous text."""
    from guard.signals import Judgement
    from guard.signals.model import MODELS

    real = features.match_spans
    features.match_spans = lambda bank, low, words, groups, wanted: bank.spans_reference(
        low, words, groups, wanted, features.MAX_SPANS)
    try:
        ex = features.extract(text, me=me, them=them, last_from_recipient=last_from_recipient, channel=channel,
                              prefer_language=prefer_language)
    finally:
        features.match_spans = real
    return Judgement(ex, {rule: m.score(ex.values) for rule, m in MODELS.items()}, me == 0)


def _outcome(j) -> dict:
    ex = j.extraction
    return {"text": ex.text, "languages": ex.languages, "formal": ex.formal, "values": list(ex.values.items()),
            "spans": ex.spans, "scores": j.scores, "fires": [j.fires("LG201"), j.fires("LG202")],
            "kind": j.kind(), "recruitment_led": j.recruitment_led(), "explain": j.explain(),
            "evidence": [j.evidence(rule, limit) for rule in ("LG201", "LG202") for limit in (6, 99, 1)]}


def _typed(text: str, rng: random.Random, pastes: list[str]) -> list[str]:
    """About 120 keystrokes a message (the suite stays quick), then edits that keep the spans but change what
    they quote (capitals) or where a notice goes (line breaks at the end), then random edits."""
    step = max(1, len(text) // 120)
    out = [text[:k] for k in range(1, len(text) + 1, step)] + [text, text + "\n", text + "\n\n", text + "\n"]
    out += [text.upper(), text[: len(text) // 2].upper() + text[len(text) // 2:], text]
    return out + _edits(text, rng, pastes, 15)


def test_every_keystroke_judges_as_judging_from_scratch(records):
    """Signal values (in order), spans, scores, verdicts, wording and evidence of every keystroke, with the
    previous keystroke's outcome remembered, equal a judgement made from scratch."""
    from guard.signals import judge

    rng = random.Random(6)
    pastes = [r.text for r in records]
    for rec in records:
        for prefer in ("en", "nl"):
            for text in _typed(rec.text, rng, pastes):
                got = judge.__wrapped__(text, me=rec.me, them=rec.them, last_from_recipient=rec.last,
                                        channel=rec.channel, prefer_language=prefer)
                want = _judge_from_scratch(text, me=rec.me, them=rec.them, last_from_recipient=rec.last,
                                           channel=rec.channel, prefer_language=prefer)
                assert _outcome(got) == _outcome(want), (rec.id, text[-80:])


def _context(rec, text: str, ui: str, tab: str) -> dict:
    return {"kind": "message", "channel": rec.channel, "text": text, "trigger": "input",
            "url": "https://www.linkedin.com/messaging/thread/2-x/", "page_session": tab, "ui_language": ui,
            "recipient": {"name": f"Mark {tab}", "profile_url": f"https://www.linkedin.com/in/{tab}/"},
            "thread": {"messages_from_me": rec.me, "messages_from_recipient": rec.them,
                       "last_from_recipient": rec.last}}


def test_every_keystroke_warns_as_evaluating_from_scratch(records, monkeypatch):
    """``Engine.evaluate`` on each keystroke of two tabs typing in turn (English and Dutch UI, a setting that
    overrides LG201's mode) returns the findings a fresh engine returns with nothing remembered."""
    from guard.engine import Engine
    from guard.models import parse_context, parse_settings
    from guard.rules import lg201_unsolicited_commercial_message as lg201

    settings = [None, parse_settings({"language": "nl", "rules": {"LG201": {"mode": "inform"}}})]
    engines = [Engine(s) for s in settings]
    rng = random.Random(7)
    pastes = [r.text for r in records]
    firing = [r for r in records if r.labels.get("LG201") or r.labels.get("LG202")] or records
    # An invitation note near LinkedIn's 300 characters: the notice offered shrinks as it grows.
    pitch = ("Hi Mark, we help SaaS companies cut their cloud costs by 30% with our platform. Book a quick "
             "15 minute demo next week? Special offer this month. ")
    invitation = SimpleNamespace(id="invitation", channel="invitation", text=(pitch * 3)[:290], me=0, them=0,
                                 last=None)
    firing = [invitation, *firing]
    pairs = list(zip(firing[::2], firing[1::2]))[:6]
    checked = 0
    for rec_a, rec_b in pairs:
        for ui in ("en", "nl"):
            tabs = [(rec_a, _typed(rec_a.text, rng, pastes), "tab-a"),
                    (rec_b, _typed(rec_b.text, rng, pastes), "tab-b")]
            for n in range(max(len(tabs[0][1]), len(tabs[1][1]))):
                for rec, texts, tab in tabs:
                    if n >= len(texts):
                        continue
                    ctx = parse_context(_context(rec, texts[n], ui, tab))
                    got = [[f.model_dump(mode="json") for f in e.evaluate(ctx)] for e in engines]
                    with monkeypatch.context() as m:
                        m.setattr(lg201, "judge", _judge_from_scratch)
                        want = [[f.model_dump(mode="json") for f in Engine(s).evaluate(ctx)] for s in settings]
                    assert got == want, (rec.id, tab, texts[n][-80:])
                    checked += sum(map(len, got))
    assert checked > 100  # warnings were compared, not only silence


def test_threads_typing_at_once_get_the_reference_spans(records):
    """The dashboard judges in worker threads: texts typed in several threads at once, one bank."""
    import threading

    bank = _fresh_bank()
    sessions = _sessions(records, random.Random(9))
    bad: list[str] = []

    def work(part):
        bad.extend(_differences(bank, part))

    # The same messages in every thread: they pick the same remembered texts to work from.
    threads = [threading.Thread(target=work, args=(sessions[:6],)) for n in range(4)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns all the time: a race would show
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert not bad, "\n".join(bad[:5])
