"""csv_cell, one dangerous lead character at a time (OWASP "CSV injection").

The test review (2026-12) found only ``=`` and ``+`` pinned by the export
tests; mutmut (benchmarks/mutation_bench.py) showed the rest of the branch
untested. Every character a spreadsheet starts a formula with gets a leading
quote; the same text with the character elsewhere does not.
"""

from __future__ import annotations

import pytest

from guard.warning_log import csv_cell


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_a_formula_is_quoted(lead):
    value = f"{lead}HYPERLINK(\"http://evil.example\")"
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize("text", ["Mark Visser", "a=b", "1+1", "e-mail", "mark@example.org", "x\ty", "", "'already quoted"])
def test_plain_text_is_left_as_it_is(text):
    assert csv_cell(text) == text


def test_none_is_an_empty_cell():
    assert csv_cell(None) == ""


def test_lists_are_json_with_their_own_characters_and_still_defused():
    assert csv_cell(["café", 2]) == '["café", 2]'
    assert csv_cell({"a": 1}) == '{"a": 1}'
    assert csv_cell(-5) == "'-5"
    assert csv_cell(7) == "7"
