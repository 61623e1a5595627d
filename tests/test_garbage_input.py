"""Garbage in: always a clear validation error naming a path, never a crash."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from guard.engine import Engine
from guard.models import parse_context, parse_settings, validation_details
from guard.settings_store import SettingsError, validate

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)
KINDS = ["profile", "open_to_work_form", "position_form", "message", "post", "connections", "other"]
FIELDS = ["url", "trigger", "own", "name", "text", "channel", "recipient", "people", "mentions",
          "media", "audience", "title", "company", "current", "positions", "open_to_work", "thread"]
contextish = st.builds(
    lambda kind, extra: {"kind": kind, **extra},
    st.sampled_from(KINDS),
    st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=8),
)
ENGINE = Engine()


@settings(max_examples=300, deadline=None)
@given(st.one_of(json_values, contextish))
def test_context_garbage_is_validation_error_or_evaluates(data):
    try:
        ctx = parse_context(data)
    except ValidationError as err:
        details = validation_details(err)
        assert details and all(d["path"] and d["message"] for d in details)
        return
    assert isinstance(ENGINE.evaluate(ctx), list)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_context_garbage_text(text):
    try:
        parse_context(text)
    except ValidationError as err:
        assert validation_details(err)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_settings_garbage_is_settings_error(data):
    try:
        parsed = validate(data)
    except SettingsError as err:
        assert str(err).startswith("invalid settings: ")
        return
    # Whatever validated must round-trip.
    assert parse_settings(json.loads(parsed.model_dump_json())) == parsed
