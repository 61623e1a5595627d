"""Normalising message text and telling its languages apart (guard.signals.text, .language)."""

from __future__ import annotations

import pytest

from guard.signals import judge
from guard.signals.features import COMMON, extract
from guard.signals.language import identify
from guard.signals.lexicon import LANGUAGES
from guard.signals.text import clean, fold


@pytest.mark.parametrize(("raw", "folded"), [
    ("GRATIS🚀demo", "gratis demo"),                      # emoji glued to words
    ("Kortingscode:ZOMER20!", "kortingscode zomer20 "),   # punctuation glued
    ("Möchten Sie ÉÉN Café?", "mochten sie een cafe "),   # case and diacritics
    ("straße", "strase"),
    ("we’re", "we're"),                                   # curly apostrophe inside a word
    ("reply 'stop'", "reply  stop "),                     # quote marks are not apostrophes
    ("line\nbreak\r\n• bullet", "line break    bullet"),   # line breaks and bullets
    ("https://calendly.com/x", "https   calendly com x"),  # URLs read as words
    ("€ 1.500 / £20", "$ 1 500   $20"),                     # every currency sign reads $
])
def test_fold(raw, folded):
    assert fold(raw) == folded
    assert len(fold(raw)) == len(raw), "one character in, one out: spans quote the original"


def test_fold_keeps_length_for_rare_capitals():
    text = "İstanbul deal 🚀"
    assert len(fold(text)) == len(text)


def test_clean_strips_export_html():
    body = ('<p class="spinmail-quill-editor__spin-break">Hi there, %FIRSTNAME%!</p>'
            '<ul><li>Book&nbsp;a <strong>demo</strong> &amp; save</li></ul>')
    out = clean(body)
    assert "<" not in out and "%FIRSTNAME%" not in out and "&amp;" not in out
    assert "Book\xa0a demo & save" in out


def test_clean_leaves_plain_text_alone():
    text = "Hi Mark, 3 < 5 and R&D matters"
    assert clean(text) == text


def test_signals_read_through_html():
    j = judge("<p>Hi %FIRSTNAME%,</p><p>Book your <strong>free demo</strong> today and get "
              "<strong>30% off</strong>.</p>")
    assert j.has("discount") and j.has("offer")
    assert all("<" not in e.excerpt for e in j.evidence("LG201"))


@pytest.mark.parametrize(("text", "lang"), [
    ("Hoi Mark, hoe gaat het met je? Zullen we binnenkort lunchen?", "nl"),
    ("Hi Mark, how are you doing? Shall we have lunch soon?", "en"),
    ("Hallo Mark, wie geht es dir? Sollen wir bald zusammen essen?", "de"),
    ("Bonjour Marc, comment allez-vous ? On déjeune ensemble bientôt ?", "fr"),
    ("Hola Marcos, ¿cómo estás? ¿Comemos juntos pronto?", "es"),
])
def test_language_of_short_messages(text, lang):
    assert extract(text).languages.primary == lang


def test_mixed_dutch_english_uses_both_pattern_files():
    text = ("Hoi Mark, leuk je te zien op het event! We help SaaS companies cut their cloud costs "
            "with our platform. Zullen we een keer bellen?")
    ex = extract(text)
    assert set(ex.languages.used) >= {"nl", "en"}
    assert "offer" in ex.values, "the English sales phrase counts in a Dutch message"
    assert "cta" in ex.values, "and so does the Dutch call to action"


def test_unknown_language_is_judged_on_shared_cues_and_says_so():
    ex = extract("Salve Marco, abbiamo una piattaforma nuova: https://calendly.com/x 49 EUR")
    assert ex.languages.primary is None and ex.languages.confidence == "low"
    assert {"price", "link", "calendar_link", "unknown_language"} <= set(ex.values)
    j = judge("Salve Marco, abbiamo una piattaforma nuova: https://calendly.com/x 49 EUR")
    assert not j.confident


def test_a_tie_goes_to_the_preferred_language():
    words = frozenset({"de"})  # Dutch, French and Spanish all use it
    assert identify(words, COMMON, LANGUAGES, prefer="es").primary == "es"
    assert identify(words, COMMON, LANGUAGES, prefer="nl").primary == "nl"
    assert identify(frozenset(), COMMON, LANGUAGES, prefer="nl").primary is None


def test_every_language_has_everyday_words():
    for lang in LANGUAGES:
        assert len(COMMON[lang]) >= 40, lang
