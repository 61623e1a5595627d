"""The contract's models: what they accept, what they refuse, and how they say it."""

import pytest
from pydantic import ValidationError

from guard.models import (
    ConnectionsContext,
    MessageContext,
    Settings,
    one_line,
    parse_context,
    parse_settings,
    validation_details,
)

MESSAGE = {
    "kind": "message", "url": "https://www.linkedin.com/messaging/thread/1/", "trigger": "input",
    "channel": "inmail", "recipient": {"name": "Mark Visser", "connection_degree": "2nd"},
    "text": "Hoi Mark", "thread": {"messages_from_me": 0, "messages_from_recipient": 0},
}


def test_discriminated_union_picks_the_kind():
    ctx = parse_context(MESSAGE)
    assert isinstance(ctx, MessageContext)
    assert ctx.recipient.connection_degree == "2nd"
    conn = parse_context({"kind": "connections", "url": "u", "trigger": "observe", "people": []})
    assert isinstance(conn, ConnectionsContext)


def test_unknown_extra_fields_are_tolerated():
    ctx = parse_context({**MESSAGE, "future_field": {"x": 1}, "recipient": {"name": "A", "new": 2}})
    assert ctx.text == "Hoi Mark"


def test_json_text_is_accepted():
    import json

    assert parse_context(json.dumps(MESSAGE)).kind == "message"


@pytest.mark.parametrize(
    ("mutation", "path"),
    [
        ({"recipient": {}}, "recipient.name"),
        ({"recipient": {"name": "A", "connection_degree": "4th"}}, "recipient.connection_degree"),
        ({"text": 5}, "text"),
        ({"thread": {"messages_from_me": -1, "messages_from_recipient": 0}}, "thread.messages_from_me"),
        ({"trigger": "hover"}, "trigger"),
        ({"channel": "email"}, "channel"),
    ],
)
def test_errors_name_the_field_path(mutation, path):
    with pytest.raises(ValidationError) as err:
        parse_context({**MESSAGE, **mutation})
    paths = [d["path"] for d in validation_details(err.value)]
    assert path in paths
    assert path in one_line(err.value, "context")


def test_missing_field_is_named():
    data = dict(MESSAGE)
    del data["channel"]
    with pytest.raises(ValidationError) as err:
        parse_context(data)
    assert validation_details(err.value) == [{"path": "channel", "message": "Field required"}]


def test_unknown_kind_is_named():
    with pytest.raises(ValidationError) as err:
        parse_context({**MESSAGE, "kind": "story"})
    [detail] = validation_details(err.value)
    assert "story" in detail["message"]


def test_list_items_are_indexed_in_paths():
    with pytest.raises(ValidationError) as err:
        parse_context({"kind": "connections", "url": "u", "trigger": "observe",
                       "people": [{"name": "A"}, {"headline": "x"}]})
    assert validation_details(err.value)[0]["path"] == "people[1].name"


def test_naive_observed_at_is_utc():
    ctx = parse_context({**MESSAGE, "observed_at": "2026-11-28T10:00:00"})
    assert ctx.observed_at.utcoffset().total_seconds() == 0


def test_settings_defaults_match_the_protocol():
    s = Settings()
    assert s.language == "auto"
    assert s.log.retention_days == 180 and s.log.store_excerpts is True
    assert s.fail_mode == "open"
    assert (s.bulk.profiles, s.bulk.minutes) == (40, 10)


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"language": "de"}, "language"),
        ({"log": {"retention_days": 0}}, "log.retention_days"),
        ({"rules": {"LG999": {"enabled": False}}}, "rules"),
        ({"rules": {"LG201": {"mode": "block"}}}, "rules.LG201.mode"),
        ({"clients": [{"name": ""}]}, "clients[0].name"),
        ({"employer": {"official_title": "CTO"}}, "employer.name"),
        ({"langauge": "nl"}, "langauge"),
        ({"bulk": {"profiles": "many"}}, "bulk.profiles"),
    ],
)
def test_invalid_settings_name_the_field(data, path):
    with pytest.raises(ValidationError) as err:
        parse_settings(data)
    assert path in [d["path"] for d in validation_details(err.value)]


def test_unknown_rule_id_message_lists_known_ids():
    with pytest.raises(ValidationError) as err:
        parse_settings({"rules": {"LG999": {}}})
    assert "LG402" in one_line(err.value, "settings")
