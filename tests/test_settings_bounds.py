"""Every numeric settings bound, on both sides (test review 2026-12: "bulk.minutes
accepts 0 (LG601 silently off)" survived; the boundaries were untested).

mutmut does not mutate pydantic ``Field(ge=.., le=..)`` in class bodies, so
these bounds are pinned here by hand: the last valid value is accepted, the
first invalid one is refused naming the field.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from guard.models import parse_settings, validation_details


def _nested(path: str, value: int) -> dict:
    head, _, leaf = path.rpartition(".")
    return {head: {leaf: value}} if head else {leaf: value}


BOUNDS = [
    # path, lowest valid, highest valid
    ("log.retention_days", 1, 3650),
    ("bulk.profiles", 2, 10_000),
    ("bulk.minutes", 1, 1440),
    ("version", 1, 1),
]


@pytest.mark.parametrize(("path", "low", "high"), BOUNDS)
def test_the_edges_are_accepted(path, low, high):
    for value in (low, high):
        settings = parse_settings(_nested(path, value))
        got = settings
        for part in path.split("."):
            got = getattr(got, part)
        assert got == value, path


@pytest.mark.parametrize(("path", "low", "high"), BOUNDS)
def test_one_past_either_edge_is_refused_naming_the_field(path, low, high):
    for value in (low - 1, high + 1):
        with pytest.raises(ValidationError) as err:
            parse_settings(_nested(path, value))
        assert [d["path"] for d in validation_details(err.value)] == [path], (path, value)


def test_zero_minutes_would_switch_bulk_checks_off_and_is_refused():
    with pytest.raises(ValidationError) as err:
        parse_settings({"bulk": {"minutes": 0}})
    assert validation_details(err.value)[0]["path"] == "bulk.minutes"


# Settings validation messages (found missing by mutmut, benchmarks/mutation_bench.py).

def test_settings_as_json_text_and_bytes_are_parsed_like_a_dict():
    for raw in ('{"fail_mode": "closed"}', b'{"fail_mode": "closed"}'):
        assert parse_settings(raw).fail_mode == "closed"


@pytest.mark.parametrize(("data", "path", "suggestion"), [
    ({"employer": {"name": "Acme", "offical_title": "CTO"}}, "employer.offical_title", "official_title"),
    ({"rules": {"LG201": {"mod": "confirm"}}}, "rules.LG201.mod", "mode"),
    ({"log": {"retention_day": 30}}, "log.retention_day", "retention_days"),
])
def test_a_misspelt_nested_field_gets_a_suggestion_from_its_own_model(data, path, suggestion):
    from guard.models import validation_errors

    with pytest.raises(ValidationError) as err:
        parse_settings(data)
    [problem] = validation_errors(err.value)
    assert problem["path"] == path
    assert problem["message"] == f"unknown field (did you mean {suggestion!r}?)"
    assert problem["ctx"]["suggestion"] == suggestion
