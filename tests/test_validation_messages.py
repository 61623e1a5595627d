"""What a refused document says, field by field: the path, the message, and the
type and ctx a translation is built from (guard.models.validation_errors).
Found missing by mutmut (benchmarks/mutation_bench.py): the selected suites
checked paths and messages, never type/ctx, and never the no-suggestion case.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from guard.models import error_path, one_line, parse_context, parse_settings, validation_errors


def _errors(parse, data):
    with pytest.raises(ValidationError) as err:
        parse(data)
    return err.value, validation_errors(err.value)


def test_a_bound_gives_pydantics_type_and_its_parameter():
    _, [e] = _errors(parse_settings, {"log": {"retention_days": 0}})
    assert e["path"] == "log.retention_days"
    assert e["type"] == "greater_than_equal"
    assert e["ctx"] == {"ge": 1}


def test_an_unknown_rule_id_carries_the_lists_for_a_translation():
    _, [e] = _errors(parse_settings, {"rules": {"LG999": {}, "LG998": {}}})
    assert e["path"] == "rules"
    assert e["ctx"]["reason"] == "unknown_rule_id"
    assert e["ctx"]["unknown"] == "LG998, LG999"
    assert "LG201" in e["ctx"]["known"]
    assert isinstance(e["ctx"]["error"], str) and "LG999" in e["ctx"]["error"]


def test_an_unknown_field_with_nothing_close_says_so_without_a_suggestion():
    _, [e] = _errors(parse_settings, {"zzzzzz": 1})
    assert e["message"] == "unknown field"
    assert e["type"] == "extra_forbidden"
    assert "suggestion" not in e["ctx"]


def test_one_line_names_every_bad_field():
    err, _ = _errors(parse_settings, {"language": "de", "log": {"retention_days": 0}})
    line = one_line(err, "settings")
    assert line.startswith("invalid settings: ")
    assert "language: " in line and "; log.retention_days: " in line


def test_an_unknown_context_kind_is_named():
    _, [e] = _errors(parse_context, {"kind": "fax", "url": "https://www.linkedin.com/"})
    assert e["message"] == "unknown kind 'fax'"


def test_error_paths_leave_out_the_kind_tag_but_not_a_lone_field():
    assert error_path(("message", "recipient", "name")) == "recipient.name"
    assert error_path(("message",)) == "message"
    assert error_path(("clients", 2, "name")) == "clients[2].name"
    assert error_path(()) == "(root)"
