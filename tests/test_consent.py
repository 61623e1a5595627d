"""The consent register and the engine's consent filter (issue 9, point 5)."""

from __future__ import annotations

import csv
import io
import json
import os
import stat

import pytest

from guard.consent import ConsentError, ConsentRegister, name_key, profile_key
from guard.engine import Engine
from guard.models import parse_context
from tests.rules.helpers import message

PITCH_EN = ("Hi Mark, our lead generation platform helps B2B teams book 30% more demos. "
            "Can I show you a quick 15 minute demo next week? Free trial this month.")
PITCH_NL = ("Hoi Mark, met ons leadgeneratieplatform boeken B2B-teams 30% meer demo's. "
            "Zal ik je volgende week een korte demo van 15 minuten laten zien? Deze maand gratis proefperiode.")
MARK = {"name": "Mark Visser", "profile_url": "https://www.linkedin.com/in/markvisser/"}
OTHER = {"name": "Eva de Boer", "profile_url": "https://www.linkedin.com/in/evadeboer/"}
FIRST = {"messages_from_me": 0, "messages_from_recipient": 0}


def rules_fired(engine: Engine, text: str, recipient: dict) -> set[str]:
    ctx = parse_context(message(text, recipient=recipient, page_session="p1", thread=FIRST))
    return {f.rule for f in engine.evaluate(ctx)}


@pytest.fixture
def register(tmp_path):
    reg = ConsentRegister(tmp_path / "consent.sqlite3")
    yield reg
    reg.close()


# -- keys ------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "key"), [
    ("https://www.linkedin.com/in/MarkVisser/", "in/markvisser"),
    ("https://nl.linkedin.com/in/mark-visser-12a/?originalSubdomain=nl", "in/mark-visser-12a"),
    ("/in/mark%C3%A9/", "in/marké"),
    ("https://www.linkedin.com/company/acme/", None),
    ("https://evil.example/in/markvisser/", None),
    ("", None),
    (None, None),
])
def test_profile_key(url, key):
    assert profile_key(url) == key


def test_name_key_folds_case_and_spacing():
    assert name_key("  Mark   VISSER ") == name_key("mark visser")
    assert name_key("Mark Visser") != name_key("Marc Visser")


# -- the engine's filter ---------------------------------------------------------


@pytest.mark.parametrize("pitch", [PITCH_EN, PITCH_NL], ids=["en", "nl"])
def test_lg201_is_suppressed_for_a_consented_recipient_only(register, pitch):
    engine = Engine(consent=register)
    assert rules_fired(engine, pitch, MARK) == {"LG201", "LG202"}
    register.add("Mark Visser", MARK["profile_url"], note="asked me for a quote at the fair")
    # LG202 (no opt-out notice) is unchanged: consent to an offer is no opt-out notice.
    assert rules_fired(engine, pitch, MARK) == {"LG202"}
    assert rules_fired(engine, pitch, OTHER) == {"LG201", "LG202"}


def test_without_a_register_nothing_is_suppressed():
    assert rules_fired(Engine(), PITCH_EN, MARK) == {"LG201", "LG202"}


def test_same_name_other_profile_is_not_exempt(register):
    register.add("Mark Visser", MARK["profile_url"])
    namesake = {"name": "Mark Visser", "profile_url": "https://www.linkedin.com/in/mark-visser-rotterdam/"}
    assert "LG201" in rules_fired(Engine(consent=register), PITCH_EN, namesake)


def test_name_matches_when_one_side_has_no_profile_url(register):
    engine = Engine(consent=register)
    register.add("Mark Visser", MARK["profile_url"])
    assert "LG201" not in rules_fired(engine, PITCH_EN, {"name": "mark  visser"})
    register.add("Eva de Boer", None)
    assert "LG201" not in rules_fired(engine, PITCH_NL, OTHER)


def test_removing_consent_brings_the_warning_back(register):
    engine = Engine(consent=register)
    entry = register.add("Mark Visser", MARK["profile_url"])
    assert "LG201" not in rules_fired(engine, PITCH_EN, MARK)
    assert register.remove(entry["id"]) == 1
    assert "LG201" in rules_fired(engine, PITCH_EN, MARK)


def test_a_change_by_another_process_is_seen(tmp_path, monkeypatch):
    from guard import consent

    host_side = ConsentRegister(tmp_path / "consent.sqlite3")
    engine = Engine(consent=host_side)
    assert "LG201" in rules_fired(engine, PITCH_EN, MARK)  # the file does not even exist yet
    dashboard_side = ConsentRegister(tmp_path / "consent.sqlite3")
    dashboard_side.add("Mark Visser", MARK["profile_url"])
    monkeypatch.setattr(consent, "CHECK_S", 0)
    assert "LG201" not in rules_fired(engine, PITCH_EN, MARK)
    dashboard_side.remove(dashboard_side.entries()[0]["id"])
    assert "LG201" in rules_fired(engine, PITCH_EN, MARK)


def test_an_unreadable_register_exempts_nobody(tmp_path):
    path = tmp_path / "consent.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    assert rules_fired(Engine(consent=ConsentRegister(path)), PITCH_EN, MARK) == {"LG201", "LG202"}


def test_the_engine_remembers_who_a_message_warning_is_about(register):
    engine = Engine(consent=register)
    ctx = parse_context(message(PITCH_EN, recipient=MARK, page_session="p1", thread=FIRST))
    for finding in engine.evaluate(ctx):
        assert engine.recipient_of(finding.id) == ("Mark Visser", MARK["profile_url"])
    assert engine.recipient_of("w-unknown") is None


# -- the register ----------------------------------------------------------------


def test_add_twice_is_one_entry_with_the_newest_note(register):
    first = register.add("Mark Visser", MARK["profile_url"], note="asked at the fair")
    again = register.add("Mark Visser", "https://www.linkedin.com/in/MarkVisser", note=None)
    assert again["id"] == first["id"] and again["note"] == "asked at the fair"
    register.add("Mark Visser", MARK["profile_url"], note="asked again by mail")
    [entry] = register.entries()
    assert entry["note"] == "asked again by mail"
    assert entry["profile_key"] == "in/markvisser" and entry["created_at"].endswith("Z")


def test_edit_note_and_remove(register):
    entry = register.add("Eva de Boer", None, note="old")
    assert register.set_note(entry["id"], "  new note ") == 1
    assert register.entry(entry["id"])["note"] == "new note"
    assert register.set_note(entry["id"], "") == 1 and register.entry(entry["id"])["note"] is None
    assert register.remove([entry["id"], 999]) == 1 and register.entries() == []


@pytest.mark.parametrize(("name", "note"), [("", None), ("x" * 301, None), ("Mark", "n" * 2001), ("Mark", 5)])
def test_bad_input_is_refused_naming_the_field(register, name, note):
    with pytest.raises(ConsentError, match="name|note"):
        register.add(name, None, note=note)
    assert register.entries() == []


def test_file_is_private(register):
    register.add("Mark Visser", None)
    assert stat.S_IMODE(os.stat(register.path).st_mode) == 0o600


def test_exports_are_complete_and_csv_is_formula_safe(register):
    register.add("=HYPERLINK(\"http://evil\")", None, note="@SUM(A1)")
    register.add("Mark Visser", MARK["profile_url"], note="asked for a quote")
    data = json.loads(register.export_json())
    assert [e["name"] for e in data] == ["Mark Visser", "=HYPERLINK(\"http://evil\")"]
    rows = list(csv.reader(io.StringIO(register.export_csv())))
    assert rows[0] == ["id", "name", "profile_key", "note", "created_at", "updated_at", "source"]
    assert rows[2][1].startswith("'=") and rows[2][3] == "'@SUM(A1)"
    assert rows[1][2] == "in/markvisser"


# Found missing by mutmut (benchmarks/mutation_bench.py).

def test_a_note_for_a_register_that_does_not_exist_changes_nothing_and_creates_no_file(tmp_path):
    register = ConsentRegister(tmp_path / "consent.sqlite3")
    assert register.set_note(1, "met at the fair") == 0
    assert not (tmp_path / "consent.sqlite3").exists()
    assert register.remove(1) == 0
    assert not (tmp_path / "consent.sqlite3").exists()


def test_json_export_keeps_names_readable(register):
    register.add("José Müller", None, note="café")
    text = register.export_json()
    assert "José Müller" in text and "café" in text
    assert text.endswith("\n")


@pytest.mark.parametrize(("url", "key"), [
    ("https://linkedin.com/in/mark/", "in/mark"),
    ("https://WWW.LINKEDIN.COM/in/Mark/", "in/mark"),
    ("https://linkedin.com.evil.example/in/mark/", None),
    ("https://www.linkedin.com/in/%20/", None),
    (5, None),
])
def test_profile_key_hosts_and_empty_slugs(url, key):
    assert profile_key(url) == key


def test_name_key_of_nothing_is_empty():
    assert name_key(None) == "" and name_key("") == ""


def test_a_name_of_exactly_the_maximum_length_is_accepted(register):
    register.add("M" * 300, None)
    with pytest.raises(ConsentError):
        register.add("M" * 301, None)


def test_the_same_profile_twice_is_one_entry_with_the_newer_name(register):
    register.add("Mark Visser", "https://www.linkedin.com/in/markvisser/", note="first")
    register.add("Mark J. Visser", "https://nl.linkedin.com/in/MarkVisser/?x=1")
    [entry] = register.entries()
    assert entry["name"] == "Mark J. Visser"
    assert entry["note"] == "first", "no new note keeps the old one"
    assert entry["profile_key"] == "in/markvisser"


def test_the_register_lives_in_the_guard_home_by_default(tmp_path, monkeypatch):
    monkeypatch.setenv("LINKEDIN_GUARD_HOME", str(tmp_path))
    assert ConsentRegister().path == tmp_path / "consent.sqlite3"
