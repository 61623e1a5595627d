"""The engine: language, modes from settings, and the label the log shows."""

from guard.engine import Engine, finding_id
from guard.models import parse_context, parse_settings
from guard.warning_log import WarningLog
from tests.rules.helpers import message, post, profile

PITCH = ("Hi Mark, our lead generation platform helps B2B teams book 30% more demos. "
         "Can I show you a quick 15 minute demo next week? Free trial this month.")
PERSON = {"name": "Mark  Visser", "profile_url": "https://www.linkedin.com/in/markvisser/"}
POLICY = {"employer": {"name": "Acme Data", "social_media_policy": True}}


def test_language_follows_settings_then_ui():
    ctx = parse_context(post("Feest bij Acme Data", ui_language="nl"))
    assert Engine(parse_settings(POLICY)).evaluate(ctx)[0].language == "nl"
    assert Engine(parse_settings({**POLICY, "language": "en"})).evaluate(ctx)[0].language == "en"
    other = parse_context(post("Party at Acme Data", ui_language="de"))
    assert Engine(parse_settings(POLICY)).evaluate(other)[0].language == "en"


def test_settings_mode_overrides_and_disabled_rules_are_silent():
    ctx = parse_context(post("Party at Acme Data"))
    [f] = Engine(parse_settings({**POLICY, "rules": {"LG402": {"mode": "confirm"}}})).evaluate(ctx)
    assert f.mode == "confirm"
    assert Engine(parse_settings({**POLICY, "rules": {"LG402": {"enabled": False}}})).evaluate(ctx) == []


def test_confirm_never_on_pages_without_a_send_button():
    ctx = parse_context(profile(own=True, open_to_work={"audience": "public"},
                                positions=[{"title": "Engineer", "company": "Acme", "current": True}]))
    findings = Engine(parse_settings({"rules": {"LG101": {"mode": "confirm"}}})).evaluate(ctx)
    assert findings and {f.mode for f in findings} == {"inform"}


def test_finding_id_is_stable_per_subject_and_page_session():
    assert finding_id("LG201", "/in/a", "s1") == finding_id("LG201", "/in/a", "s1")
    assert finding_id("LG201", "/in/a", "s1") != finding_id("LG201", "/in/a", "s2")
    assert finding_id("LG201", "/in/a", "s1") != finding_id("LG202", "/in/a", "s1")


def test_log_shows_the_person_not_the_identity_key(guard_home):
    ctx = parse_context(message(PITCH, recipient=PERSON, page_session="p1",
                                thread={"messages_from_me": 0, "messages_from_recipient": 0}))
    findings = Engine().evaluate(ctx)
    assert {f.rule for f in findings} == {"LG201", "LG202"}
    assert {f.subject for f in findings} == {"/in/markvisser"}  # identity: the profile
    assert {f.about for f in findings} == {"Mark Visser"}  # for people: the name
    log = WarningLog(guard_home / "log.sqlite3")
    for f in findings:
        log.record(f, ctx, store_excerpt=False)
    # Typing on: the same entries, not new ones.
    more = parse_context(message(PITCH + " Cheers!", recipient=PERSON, page_session="p1",
                                 thread={"messages_from_me": 0, "messages_from_recipient": 0}))
    for f in Engine().evaluate(more):
        log.record(f, more, store_excerpt=False)
    entries = log.entries()
    assert len(entries) == 2 and {e.subject for e in entries} == {"Mark Visser"}


def test_findings_built_without_validation_equal_validated_ones():
    """The engine builds warnings from its own values without validating them again (speed):
    each must be exactly what validation would have made, for every rule that fires here."""
    from guard.models import Finding

    settings = parse_settings({
        **POLICY, "employer": {**POLICY["employer"], "official_title": "Account Manager"},
        "former_employers": [{"name": "Old Corp", "cleanup_clause": True, "clients": ["Globex"]}],
        "clients": [{"name": "Pieter Jansen", "company": "Bakkerij Jansen"}]})
    contexts = [
        message(PITCH, recipient=PERSON),
        message(PITCH, recipient=PERSON, ui_language="nl"),
        post("Great client event at Acme Data!", mentions=[{"name": "Pieter Jansen", "entity": "person"}],
             media=[{"type": "image", "people_tagged": [{"name": "Pieter Jansen"}]}]),
        profile(own=True, open_to_work={"audience": "public"},
                positions=[{"title": "Sales Director", "company": "Acme Data", "current": True}]),
    ]
    seen = set()
    for data in contexts:
        for f in Engine(settings).evaluate(parse_context(data)):
            seen.add(f.rule)
            validated = Finding.model_validate(dict(f.__dict__))
            assert f == validated
            assert list(f.__dict__) == list(validated.__dict__)
            assert f.model_fields_set == validated.model_fields_set
            assert f.model_dump_json() == validated.model_dump_json()
            assert type(f.evidence) is list and type(f.legal_basis) is list
    assert {"LG201", "LG202", "LG301", "LG402", "LG101", "LG401"} <= seen
