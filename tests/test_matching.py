"""The comparison helpers every rule shares: what counts as "the same"."""

import pytest

from guard.matching import (
    company_from_headline,
    company_key,
    find_phrase,
    fold,
    join_names,
    not_an_employer,
    profile_key,
    same_company,
    same_text,
    same_title,
    title_key,
)


@pytest.mark.parametrize(("raw", "folded"), [
    (" Zoë  de Vries ", "zoe de vries"),
    ("ACCOUNTMANAGER", "accountmanager"),
    ("Ångström\tLab", "angstrom lab"),
])
def test_fold(raw, folded):
    assert fold(raw) == folded


@pytest.mark.parametrize(("a", "b"), [
    ("Acme Data", "Acme Data B.V."),
    ("ACME data bv", "Acme Data N.V."),
    ("Bakkerij Jansen & Zonen", "bakkerij jansen and zonen"),
    ("Société Générale SA", "Societe Generale"),
    ("Acme Data Holding B.V.", "Acme Data"),
    ("Zuivel Coöperatie U.A.", "Zuivel Cooperatie"),
])
def test_same_company(a, b):
    assert same_company(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("Acme Data", "Acme Datasystems"),
    ("Acme Data", "Acme"),
    ("Group Acme", "Acme"),
    ("Acme", None),
    ("", ""),
])
def test_different_company(a, b):
    assert not same_company(a, b)


def test_company_key_keeps_a_lone_suffix_word():
    assert company_key("Group") == "group"


def test_same_text():
    assert same_text("Zoë de Vries", "zoe  DE vries")
    assert not same_text("Zoë de Vries", "Zoë Vries")
    assert not same_text("", "")


@pytest.mark.parametrize(("a", "b"), [
    ("Account Manager New Business", "account manager new business"),
    ("Accountmanager", "Account Manager"),
    ("Account-manager  New Business", "Accountmanager new business"),
    ("Sr. Développeur", "sr developpeur"),
])
def test_same_title(a, b):
    assert same_title(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("Sales Director", "Account Manager"),
    ("Account Manager", "Senior Account Manager"),
    ("Account Manager", None),
    ("--", "  "),
])
def test_different_title(a, b):
    assert not same_title(a, b)


def test_title_key():
    assert title_key("Head of R&D") == "headofrd"


@pytest.mark.parametrize("company", [
    "Self-employed", "Freelance", "ZZP'er", "Zelfstandig ondernemer", "Career Break", "", None,
])
def test_not_an_employer(company):
    assert not_an_employer(company)


@pytest.mark.parametrize("company", ["Acme Data B.V.", "Freelance.nl", "Independent Bank", "Jansen Consultancy"])
def test_real_employer(company):
    assert not not_an_employer(company)


@pytest.mark.parametrize(("text", "phrase", "found"), [
    ("Met Zoë de  Vries!", "zoe de vries", "Zoë de  Vries"),
    ("Thanks JAN JANSEN.", "Jan Jansen", "JAN JANSEN"),
    ("Bij Acme-Data vandaag", "Acme Data", "Acme-Data"),
    ("Straße Jan Jansen", "jan jansen", "Jan Jansen"),
])
def test_find_phrase(text, phrase, found):
    span = find_phrase(text, phrase)
    assert span is not None
    assert text[span[0]:span[1]] == found


@pytest.mark.parametrize(("text", "phrase"), [
    ("Jan Jansens verjaardag", "Jan Jansen"),
    ("Mijn fiets", "Jan Jansen"),
    ("Jan en Piet Jansen", "Jan Jansen"),
    ("anything", "!!"),
    ("", "Jan"),
])
def test_find_phrase_misses(text, phrase):
    assert find_phrase(text, phrase) is None


@pytest.mark.parametrize(("url", "key"), [
    ("https://www.linkedin.com/in/Jan-de-Vries/?trk=x", "/in/jan-de-vries"),
    ("https://nl.linkedin.com/in/jan-de-vries", "/in/jan-de-vries"),
    ("/in/jan-de-vries/", "/in/jan-de-vries"),
    (None, None),
])
def test_profile_key(url, key):
    assert profile_key(url) == key


@pytest.mark.parametrize(("headline", "company"), [
    ("Account manager at Acme | Speaker", "Acme"),
    ("Consultant bij Bakkerij Jansen B.V. · Amsterdam", "Bakkerij Jansen B.V"),
    ("CTO @ Globex", "Globex"),
    ("Helping teams grow", None),
    (None, None),
])
def test_company_from_headline(headline, company):
    assert company_from_headline(headline) == company


def test_join_names():
    assert join_names(["A", "B", "C"], "en") == "A, B and C"
    assert join_names(["A", "B"], "nl") == "A en B"
    assert join_names(["A"], "en") == "A"
    assert join_names(list("ABCDEFG"), "nl", limit=5) == "A, B, C, D, E en 2 meer"
