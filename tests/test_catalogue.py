"""Meta-test over the rule registry: every rule is complete and documented.

Adding a rule means adding its module and its test module; this test fails
until both exist with every piece a rule needs.
"""

import re
import string
from pathlib import Path

import pytest

from guard.rules import all_rules
from guard.rules.base import DOC_HEADINGS, DOC_HEADINGS_NL

EXPECTED = {
    "LG101": "open-to-work-public", "LG102": "open-to-work-recruiters",
    "LG201": "unsolicited-commercial-message", "LG202": "direct-marketing-without-opt-out",
    "LG301": "client-in-photo", "LG401": "job-title-mismatch",
    "LG402": "employer-mention-restricted", "LG501": "cleanup-clause-connection",
    "LG601": "bulk-profile-collection",
}
RULES = all_rules()
TESTS = Path(__file__).parent / "rules"


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_ids_and_slugs_are_the_protocols(rule):
    assert EXPECTED.get(rule.id) == rule.slug


def test_ids_are_unique():
    assert len({r.id for r in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_docstring_has_every_heading(rule):
    sections = rule.doc_sections()
    for heading in DOC_HEADINGS:
        assert sections.get(heading), f"{rule.id} docstring lacks '## {heading}'"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_dutch_documentation_has_every_heading(rule):
    assert rule.doc_nl.strip(), f"{rule.id} has no doc_nl"
    written = re.findall(r"^\s*##\s+(.+?)\s*$", rule.doc_nl, re.M)
    assert written == [DOC_HEADINGS_NL[h] for h in DOC_HEADINGS], f"{rule.id} doc_nl headings"
    english, dutch = rule.doc_sections(), rule.doc_sections("nl")
    # Keyed by the English headings, so consumers can put them side by side.
    assert set(dutch) == set(english), f"{rule.id} doc_nl sections differ from the docstring's"
    for heading in DOC_HEADINGS:
        assert dutch.get(heading), f"{rule.id} doc_nl lacks '## {DOC_HEADINGS_NL[heading]}'"
        assert dutch[heading] != english[heading], f"{rule.id}/{heading} is not translated"
    assert dutch.get("Summary"), f"{rule.id} doc_nl has no summary line"
    # What the reader types or looks up stays the same: setting names and rule ids.
    for section in DOC_HEADINGS:
        flat = " ".join(dutch[section].split())
        for code in re.findall(r"`([^`]+)`", " ".join(english[section].split())):
            assert f"`{code}`" in flat, f"{rule.id}/{section}: `{code}` missing in Dutch"
    assert rule.describe()["doc_nl"] == dutch


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_both_languages_and_consistent_placeholders(rule):
    assert "default" in rule.wordings
    assert not _placeholders(rule.wordings["default"].title.en), "catalogue titles take no parameters"
    for name, wording in rule.wordings.items():
        for part in (wording.title, wording.message, wording.suggestion):
            if part is None:
                continue
            assert part.en.strip() and part.nl.strip(), f"{rule.id}/{name} misses a language"
            assert part.en != part.nl, f"{rule.id}/{name} is not translated"
            assert _placeholders(part.en) == _placeholders(part.nl), f"{rule.id}/{name} placeholders differ"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_legal_basis_links_official_texts(rule):
    assert rule.legal_basis
    for lb in rule.legal_basis:
        assert re.match(r"^https://", lb.url) and lb.source and lb.article


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_its_own_test_module(rule):
    module = rule.__module__.rsplit(".", 1)[1]
    assert (TESTS / f"test_{module}.py").is_file(), f"tests/rules/test_{module}.py is missing"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_defaults_are_valid(rule):
    assert rule.default_severity in {"info", "warning", "critical"}
    assert rule.default_mode in {"inform", "confirm"}
    assert rule.kinds


def test_whole_catalogue_is_present():
    # Fails until every rule of protocol.md exists.
    assert {r.id for r in RULES} == set(EXPECTED)
