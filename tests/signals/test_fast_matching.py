"""The fast phrase matching says exactly what the plain one says (guard.signals.lexicon).

``Bank.spans`` looks phrases up by the words of a message (classified once
per word) and finds a phrase's first match with ``Phrase.first``, which
skips ``re``'s walk over every position (per choice of a first word, at
digits). These tests pin the meaning to the plain algorithm: the phrases
whose key word occurs (``Bank.candidates``) tried in file order with
``Phrase.search`` — on tricky inputs
(emoji glued to words, accents, line breaks, bullets, URLs, ``word*``,
``*word``, ``a/b``, ``[opt]``, ``...``, ``#``, ``%`` and ``$`` right after a
word) and on every phrase of the shipped pattern files.
"""

from __future__ import annotations

import random

import pytest

from guard.signals import features
from guard.signals.lexicon import Bank, Scan, parse_file
from guard.signals.text import clean, fold

PATTERNS = """\
# test patterns
## offer
- our/my ... service/services/platform
- we/i help ... companies/teams
- dienst*
- *korting
- [free] trial
- gratis proefperiode
- #/one minute demo/call
- # % off
- special/limited offer
- Möchten Sie
- één/een gesprek
- calendly com
## cta
- book/schedule a/an [quick] demo/call
- quick call
- bel/mail me
- rabatt/korting
- 50%/60%
- regex: \\d+ ?k\\b
- regex: https?(?= )
- regex: \\d[\\d ]* ?(?:eur|usd)\\b
## discount
- *rabatt
- early bird*
- % off
- 30 ... korting
"""

FEATURES = frozenset({"offer", "cta", "discount"})
GROUPS = ("xx",)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return Bank.from_files([parse_file("xx", PATTERNS)])


def reference_spans(bank: Bank, low: str, words: frozenset[str]) -> dict:
    return reference_for(bank, low, words, GROUPS, FEATURES)


def quoted(text: str, spans: dict) -> dict[str, list[str]]:
    return {f: [text[s:e] for s, e in found] for f, found in spans.items()}


@pytest.mark.parametrize(("text", "expected"), [
    # a choice of first word, with up to five words in between (...), across punctuation and emoji
    ("Hi! My 🚀new platform helps. Our own services...", {"offer": ["My 🚀new platform helps. Our own services"]}),
    ("We help SaaS companies; I help teams", {"offer": ["We help SaaS companies; I help teams"]}),
    ("Teams? I help them. We help companies", {"offer": ["I help them. We help companies"]}),
    # word*, *word, an optional first word, accents, glued emoji, line breaks and bullets
    ("Onze dienstverlening:\n• zomerkorting\n• free🎁trial", {"offer": ["dienstverlening", "zomerkorting"]}),
    ("MÖCHTEN\nSIE einen Termin? Één gesprek.", {"offer": ["MÖCHTEN\nSIE", "Één gesprek"]}),
    ("Gratis💥proefperiode en trial", {"offer": ["trial", "Gratis💥proefperiode"]}),
    # a number first (#): a digit or the word; "%" right after a number
    ("Een 15 minute demo of one minute call", {"offer": ["15 minute demo"]}),
    ("Bel: one minute call", {"offer": ["one minute call"]}),
    ("Nu 30% off, 30 % off", {"offer": ["30% off"], "discount": ["% off"]}),
    ("Vroeg: 30 procent korting", {"offer": ["korting"], "discount": ["30 procent korting"],
                                   "cta": ["korting"]}),
    # a URL reads as words; regex: lines, one starting with a digit
    ("Book a quick demo: https://calendly.com/x", {"offer": ["calendly.com"],
                                                   "cta": ["Book a quick demo", "https"]}),
    ("Salaris 60k of 60 k, 1 500 EUR", {"cta": ["60k", "1 500 EUR"]}),
    # "%" or "$" right after a one-word choice still ends the word ("korting%")
    ("Korting% nu, korting later", {"offer": ["Korting"], "cta": ["Korting"]}),
    ("Rabatt$ nu, korting later", {"offer": ["korting"], "cta": ["Rabatt"]}),
    # a choice with "%" in it, right before another "%"
    ("Nu 50%% en 60%", {"cta": ["50%"]}),
    # near misses: a word glued to another, "$" where a space must be, an apostrophe, six words between
    ("ourservices and we're help companies", {}),
    ("special$ offer, limited offer", {"offer": ["limited offer"]}),
    ("our one two three four five six services", {}),
    ("Preis mit Frühbucherrabatt und early birds", {"discount": ["Frühbucherrabatt", "early birds"]}),
])
def test_tricky_inputs_match_as_the_plain_search_does(bank, text, expected):
    src = clean(text)
    low = fold(src)
    words = frozenset(low.split())
    got = bank.spans(low, words, GROUPS, FEATURES, 2)
    assert got == reference_spans(bank, low, words)
    assert quoted(src, got) == expected


_NOISE = ["🚀", "•", "\n", ", ", "...", " - ", "30%", "$5", "€ 20", "we're", "i", "a", "één", "http://x.nl/a",
          "15", "k", "é", "'", "%", "$"]


def _realise(source: str, rng: random.Random) -> str:
    """One text the phrase should match (or nearly match), glued and decorated at random."""
    out = []
    for tok in source.split():
        if tok == "...":
            out.extend(rng.choice(["x"] * 3 + ["äh"]) for _ in range(rng.randint(0, 6)))
            continue
        if tok.startswith("[") and tok.endswith("]"):
            if rng.random() < 0.5:
                continue
            tok = tok[1:-1]
        choice = rng.choice(tok.split("/"))
        if choice == "#":
            choice = str(rng.randint(1, 999))
        if choice.startswith("*"):
            choice = rng.choice(["zomer", "", "x"]) + choice[1:]
        if choice.endswith("*") and len(choice) > 1:
            choice = choice[:-1] + rng.choice(["", "en", "s1"])
        if rng.random() < 0.15:
            choice = choice.upper()
        out.append(choice)
    sep = [" ", "  ", "🚀", "\n• ", ", ", "-", " % ", "$ "]
    return "".join(w + rng.choice(sep) for w in out)


def test_every_shipped_phrase_finds_what_the_plain_search_finds():
    """Each phrase of the shipped pattern files, on texts built from its own words among decoys."""
    bank = features.BANK
    rng = random.Random(9)
    checked = 0
    for p in bank.phrases:
        if p.source.startswith("regex:"):
            texts = ["Kost 1 500 eur of 60k, 30% off, $49 per month https://x.nl www.y calendly.com/z",
                     "x1 2k 3 usd 4 5 6 pesos 7$ 8 %"]
        else:
            texts = []
            for _ in range(3):
                decoy = _realise(p.source, rng)
                real = _realise(p.source, rng)
                noise = " ".join(rng.choice(_NOISE) for _ in range(rng.randint(0, 6)))
                texts.append(f"{decoy[: len(decoy) // 2]}{noise} {real}{rng.choice(_NOISE)}{decoy}")
        for text in texts:
            low = fold(clean(text))
            scan = Scan(low, frozenset(low.split()))
            assert p.first(scan) == p.search(low), (p.where, p.source, text)
            checked += 1
    assert checked > 3 * 1000


def test_whole_messages_give_the_same_spans_as_the_plain_algorithm():
    """Random messages made of many phrases' words: the looked-up, fast spans equal the plain ones."""
    bank = Bank.from_files([parse_file("xx", PATTERNS)])
    rng = random.Random(1)
    sources = [p.source for p in bank.phrases if not p.source.startswith("regex:")]
    for _ in range(400):
        text = " ".join(_realise(rng.choice(sources), rng) for _ in range(rng.randint(1, 8)))
        text += rng.choice(["", " 60k", " 1 500 eur", " https://x"])
        low = fold(clean(text))
        words = frozenset(low.split())
        assert bank.spans(low, words, GROUPS, FEATURES, 2) == reference_spans(bank, low, words), text


def test_a_word_classified_for_one_message_is_classified_the_same_for_the_next(bank):
    """Words are remembered per group and signal set; a later message must not get another's phrases."""
    first = fold("we help companies, book a demo")
    again = fold("we help companies")
    words_first, words_again = frozenset(first.split()), frozenset(again.split())
    assert "cta" in bank.spans(first, words_first, GROUPS, FEATURES, 2)
    assert bank.spans(again, words_again, GROUPS, FEATURES, 2) == reference_spans(bank, again, words_again)
    assert bank.spans(again, words_again, GROUPS, frozenset({"cta"}), 2) == {}


def test_corpus_messages_give_the_same_spans_as_the_plain_algorithm():
    """Every fifth corpus message, also cut as by typing: the shipped bank, fast and plain, in all its groups."""
    from pathlib import Path

    from guard.signals import corpus
    from guard.signals.lexicon import SHARED, ANY

    bank = features.BANK
    records = corpus.load(Path(__file__).resolve().parents[1] / "corpus")[::5]
    for rec in records:
        for text in (rec.text, rec.text[: len(rec.text) * 2 // 3], rec.text.upper()):
            low = fold(clean(text))
            words = frozenset(low.split())
            for langs in (("nl",), ("en", "nl"), ("de", "fr", "es")):
                groups = (*langs, SHARED, ANY)
                want = reference_for(bank, low, words, groups, features.TEXT_FEATURES)
                assert bank.spans(low, words, groups, features.TEXT_FEATURES, features.MAX_SPANS) == want, rec.id


def reference_for(bank: Bank, low: str, words: frozenset[str], groups: tuple[str, ...], wanted) -> dict:
    spans: dict[str, list[tuple[int, int]]] = {}
    for i in sorted(bank.candidates(low, words, groups)):
        p = bank.phrases[i]
        if p.feature not in wanted:
            continue
        got = spans.get(p.feature)
        if got is not None and len(got) >= features.MAX_SPANS:
            continue
        if not p.possible(words):
            continue
        span = p.search(low)
        if span is None:
            continue
        if got is None:
            spans[p.feature] = [span]
            continue
        for k, (s, e) in enumerate(got):
            if s < span[1] and span[0] < e:
                if span[1] - span[0] > e - s:
                    got[k] = span
                break
        else:
            got.append(span)
    return spans


def _plain_fold(text: str) -> str:
    """``fold`` as first written: one dictionary translation, then every other character a space."""
    from guard.signals import text as t

    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower()[:1] for c in text)
    if low.isascii():
        low = low.encode("ascii").translate(t._ASCII).decode("ascii")
    else:
        low = low.translate(t._UNI)
        low = low.encode("ascii").translate(t._ASCII).decode("ascii") if low.isascii() else t._OTHER.sub(" ", low)
    return t._QUOTE.sub(" ", low) if "'" in low else low


def test_fold_of_every_character_is_the_plain_fold():
    """The Latin-1 byte table and the mapping beyond it give what the one translation gave, character by character."""
    for cp in (*range(0x3000), *range(0x3000, 0x30000, 97)):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        for text in (f"{c}a{c}", f"É{c}s", f"{c}`t€"):
            assert fold(text) == _plain_fold(text), hex(cp)


@pytest.mark.parametrize("text", ["Möchten Sie één Café? “Gratis” proefperiode — 30 € korting 🚀",
                                  "it`s ASCII", "é`s", "İstanbul’s œuvre ß ẞ ﬁ", "Ǆ ǅ ǆ ΐ"])
def test_fold_of_mixed_texts_is_the_plain_fold(text):
    assert fold(text) == _plain_fold(text)


def test_remembered_words_and_indexes_stay_bounded(monkeypatch):
    from guard.signals import lexicon

    bank = Bank.from_files([parse_file("xx", PATTERNS)])
    monkeypatch.setattr(lexicon._Index, "MAX_WORDS", 50)
    monkeypatch.setattr(lexicon._Index, "MAX_INDEXES", 3)
    for n in range(200):
        low = fold(f"we help companies w{n} book a demo")
        words = frozenset(low.split())
        groups = ("xx",) + ("shared",) * (n % 5)
        assert bank.spans(low, words, groups, FEATURES, 2) == reference_for(bank, low, words, groups, FEATURES)
    assert len(bank._indexes) <= 3
    assert all(len(index.seen) <= 50 + 10 for index in bank._indexes.values())


def test_remembered_evidence_order_follows_the_weights_in_force(monkeypatch):
    """The evidence's order of signals is remembered per set of signal values on the weights'
    model: other weights for the same values must give their own order, not the remembered one."""
    from guard.signals import judge, model

    text = ("Hi Mark, our lead generation platform helps B2B teams book 30% more demos. "
            "Can I show you a quick 15 minute demo next week? Free trial this month.")
    before = judge.__wrapped__(text).evidence("LG201")
    assert len({e.feature for e in before}) >= 2
    m = model.MODELS["LG201"]
    first = before[0].feature
    weights = {**m.weights, first: min(w for n, w in m.weights.items() if w > 0) / 10}
    monkeypatch.setitem(model.MODELS, "LG201", model.RuleModel(m.bias, weights, m.threshold))
    after = judge.__wrapped__(text).evidence("LG201")
    assert after[0].feature != first
    assert [e.feature for e in after] == [n for n, _ in model.MODELS["LG201"].contributions(
        judge.__wrapped__(text).values) for _ in judge.__wrapped__(text).extraction.spans.get(n, ())][:len(after)]


def test_first_from_a_position_is_the_plain_search_from_there():
    """``Phrase.first(scan, pos)`` (the incremental matching's search of a text's end) equals
    ``Phrase.search(low, pos)`` for every shipped phrase, from every kind of position: a word start, inside
    a word, a space, a digit, past the end."""
    bank = features.BANK
    rng = random.Random(10)
    checked = 0
    for p in bank.phrases[::3]:
        if p.source.startswith("regex:"):
            text = "Kost 1 500 eur of 60k, 30% off, $49 per month https://x.nl calendly.com/z 12 3 usd"
        else:
            text = f"{_realise(p.source, rng)} {rng.choice(_NOISE)} {_realise(p.source, rng)}"
        low = fold(clean(text))
        scan = Scan(low, frozenset(low.split()))
        ends = {0, 1, len(low) // 3, len(low) // 2, len(low) - 1, len(low)}
        for pos in sorted(ends | set(rng.sample(range(len(low) + 1), 4))):
            assert p.first(scan, pos) == p.search(low, pos), (p.where, p.source, text, pos)
            checked += 1
    assert checked > 5000


def test_whether_any_regex_line_matches_from_a_position_is_what_their_alternation_says():
    """``_AnyOf`` (the incremental matching's check of the bounded ``regex:`` lines it has no match for)
    tries each line only where it can begin (a digit, one of its literal beginnings); its answer is the
    plain alternation's search, for every set of lines an index keeps and from every position."""
    import re

    from guard.signals.corpus import load
    from guard.signals.lexicon import _AnyOf
    from pathlib import Path

    bank = features.BANK
    rng = random.Random(11)
    lines = [i for i, w in enumerate(bank.regex_widths()) if w is not None]
    texts = ["Kost 1 500 eur of 60k, 30% off, $49 per month https://x.nl calendly.com/z 12 3 usd",
             "Statt 1 200 eur nur 900 euro! Au lieu de 50$ seulement, van €30 voor €20, was $50 now $40, www.x.nl"]
    texts += [r.text for r in rng.sample(load(Path(__file__).resolve().parents[1] / "corpus"), 150)]
    checked = matched = 0
    for n in (1, 2, 3, 5, 8, len(lines)):
        for _ in range(6 if n < len(lines) else 1):
            chosen = sorted(rng.sample(lines, n))
            phrases = [bank.phrases[i] for i in chosen]
            any_of = _AnyOf(phrases)
            plain = re.compile("|".join(f"(?:{p.regex})" for p in phrases))
            for text in rng.sample(texts, 25) + texts[:2]:
                low = fold(clean(text))
                for pos in {0, 1, len(low) // 2, len(low) - 4, len(low), *rng.sample(range(len(low) + 1), 3)}:
                    pos = max(pos, 0)
                    expected = plain.search(low, pos) is not None
                    assert any_of.matches_from(low, pos) == expected, (chosen, text, pos)
                    checked += 1
                    matched += expected
    assert checked > 4000 and matched > 300


@pytest.mark.parametrize(("regex", "runs"), [
    (r"\d+ ?k\b", True), (r"\d[\d ]*(?: ?k)? ?(?:eur|usd)\b", True), (r"\d\d+x", True), (r"\d[\d ]*+ ?%", True),
    (r"\d{2}k", False), (r"\d(?<=1)\d*x", False), (r"\d[a-z]*x", False), (r"\d[^a]*x", False), (r"\d", False),
])
def test_a_line_is_tried_only_where_a_run_of_digits_begins_when_it_begins_with_one(regex, runs):
    """``_AnyOf`` skips digits inside a run for these lines only; for each shape, what it says is what the
    line's own search says, from every position of texts full of runs."""
    from guard.signals.lexicon import Phrase, _AnyOf, _run_first

    phrase = Phrase("price", "shared", "regex: " + regex, "t.md:1", regex, False)
    assert _run_first(phrase) is runs
    any_of = _AnyOf([phrase])
    import re

    rx = re.compile(regex)
    for low in ("123k 4 5 eur 67x 89 % 1x", "12k 3k 100 usd 1 2 3x 77 x 1x", "a1b22c333k 4444 eur 5555x"):
        for pos in range(len(low) + 1):
            assert any_of.matches_from(low, pos) == (rx.search(low, pos) is not None), (regex, low, pos)


def test_digits_from_a_position_are_the_digits_of_the_whole_text_from_there():
    low = fold("a1 22b 3%$ 44 x5 6")
    whole = Scan(low, frozenset()).digits()
    for pos in range(len(low) + 1):
        scan = Scan(low, frozenset())
        anywhere, at_word = scan.digits(pos)
        assert [i for i in anywhere if i >= pos] == [i for i in whole[0] if i >= pos]
        assert [i for i in at_word if i >= pos] == [i for i in whole[1] if i >= pos]
        assert scan.digits(0) == whole  # asked for less, then more: computed again from the start


@pytest.mark.parametrize(("regex", "width"), [
    (r"\d+ ?%", 2), (r"\d+ab\b", 2), (r"https?(?= )", 6), (r"\$ ?\d+(?: \d{3})*(?: ?k\b)?", 4),
    (r"\d[\d ]*(?: ?k)? ?(?:euros?|eur)\b", 9), (r"cal com \w", 9),
    (r"[a-z]+ eur", None), (r"\d+(?:x\d)*", None), (r"^\d+", None), (r"(\d)\1", None),
])
def test_regex_widths_count_what_a_match_can_read_besides_digits_and_spaces(regex, width):
    from guard.signals.lexicon import Phrase, _regex_width

    assert _regex_width(Phrase("price", "shared", f"regex: {regex}", "x", regex, False)) == width
