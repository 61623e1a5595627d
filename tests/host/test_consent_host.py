"""The host records the person's corrections; "They asked for this" fills the consent register (issue 9, point 5)."""

from __future__ import annotations

import json

import pytest

from guard.consent import ConsentRegister
from tests.host.conftest import ask, frame, run_host, split_frames
from tests.host.test_dispatch import error_of, result_of

PITCH = ("Hi Mark, our lead generation platform helps B2B teams book 30% more demos. "
         "Can I show you a quick 15 minute demo next week? Free trial this month.")
PITCH_NL = ("Hoi Mark, met ons leadgeneratieplatform boeken B2B-teams 30% meer demo's. "
            "Zal ik je volgende week een korte demo van 15 minuten laten zien? Deze maand gratis proefperiode.")
MARK = {"name": "Mark Visser", "profile_url": "https://www.linkedin.com/in/markvisser/"}


def message(text=PITCH, recipient=MARK, session="tab-1/nav-1"):
    return {"kind": "message", "url": "https://www.linkedin.com/messaging/thread/1/", "trigger": "input",
            "page_session": session, "channel": "message", "recipient": recipient, "text": text,
            "thread": {"messages_from_me": 0, "messages_from_recipient": 0}}


def warnings_for(session, ctx, rid=1):
    return {w["rule"]: w for w in result_of(ask(session, {"id": rid, "type": "evaluate", "context": ctx}))["warnings"]}


def test_not_a_pitch_is_recorded_and_adds_no_consent(session, guard_home):
    w = warnings_for(session, message())["LG201"]
    result = result_of(ask(session, {"id": 2, "type": "decide", "warning_id": w["id"], "decision": "not_applicable",
                                     "reason_kind": "not_a_pitch", "justification": "a colleague's question",
                                     "page_session": "tab-1/nav-1"}))
    assert result == {"recorded": 1}
    entry = [e for e in session.warm_up().log.entries() if e.rule == "LG201"][0]
    assert (entry.decision, entry.justification) == ("not_applicable", "a colleague's question")
    assert ConsentRegister(guard_home / "consent.sqlite3").entries() == []
    assert "LG201" in warnings_for(session, message(session="tab-1/nav-2"), 3)


@pytest.mark.parametrize("text", [PITCH, PITCH_NL], ids=["en", "nl"])
def test_they_asked_for_this_exempts_later_messages_to_them_from_lg201_only(session, guard_home, text):
    w = warnings_for(session, message(text))["LG201"]
    result = result_of(ask(session, {"id": 2, "type": "decide", "warning_id": w["id"], "decision": "not_applicable",
                                     "reason_kind": "asked_for_it", "justification": "asked for a quote at the fair",
                                     "page_session": "tab-1/nav-1"}))
    assert result["recorded"] == 1 and result["consent"]["name"] == "Mark Visser"
    [entry] = ConsentRegister(guard_home / "consent.sqlite3").entries()
    assert (entry["name"], entry["profile_key"], entry["note"]) == (
        "Mark Visser", "in/markvisser", "asked for a quote at the fair")
    later = warnings_for(session, message(text, session="tab-2/nav-1"), 3)
    assert "LG201" not in later and "LG202" in later
    eva = {"name": "Eva de Boer", "profile_url": "https://www.linkedin.com/in/evadeboer/"}
    assert "LG201" in warnings_for(session, message(text, recipient=eva, session="tab-3/nav-1"), 4)


def test_asked_for_it_on_an_lg202_warning_names_the_same_recipient(session, guard_home):
    w = warnings_for(session, message())["LG202"]
    result = result_of(ask(session, {"id": 2, "type": "decide", "warning_id": w["id"], "decision": "not_applicable",
                                     "reason_kind": "asked_for_it"}))
    assert result["consent"]["name"] == "Mark Visser"
    assert ConsentRegister(guard_home / "consent.sqlite3").entries()[0]["note"] is None


def test_asked_for_it_on_a_warning_this_host_never_saw_adds_nobody(session, guard_home):
    result = result_of(ask(session, {"id": 1, "type": "decide", "warning_id": "w-0123456789abcdef",
                                     "decision": "not_applicable", "reason_kind": "asked_for_it"}))
    assert result == {"recorded": 0, "consent": None}
    assert ConsentRegister(guard_home / "consent.sqlite3").entries() == []


@pytest.mark.parametrize("fields", [
    {"decision": "proceeded", "reason_kind": "asked_for_it"},
    {"decision": "not_applicable", "reason_kind": "because"},
    {"decision": "not_applicable", "reason_kind": 1},
])
def test_reason_kind_errors(session, fields):
    error = error_of(ask(session, {"id": 1, "type": "decide", "warning_id": "w-1", **fields}))
    assert error["code"] == "invalid_request" and error["details"][0]["path"] == "reason_kind"


def test_real_host_process_records_consent_and_writes_nothing_but_frames(guard_home):
    """The host the browser starts: evaluate, "They asked for this", evaluate again."""
    first = message()
    frames = [frame({"id": 1, "type": "hello"}), frame({"id": 2, "type": "evaluate", "context": first})]
    out = split_frames(run_host(b"".join(frames), guard_home).stdout)
    [w] = [w for m in out if m.get("id") == 2 for w in m["result"]["warnings"] if w["rule"] == "LG201"]
    frames = [frame({"id": 1, "type": "evaluate", "context": first}),
              frame({"id": 2, "type": "decide", "warning_id": w["id"], "decision": "not_applicable",
                     "reason_kind": "asked_for_it", "justification": "they wrote first"}),
              frame({"id": 3, "type": "evaluate", "context": message(session="tab-1/nav-2")})]
    result = run_host(b"".join(frames), guard_home)
    replies = {m["id"]: m for m in split_frames(result.stdout) if m.get("id") is not None}
    assert replies[2]["result"]["consent"]["name"] == "Mark Visser"
    assert {w["rule"] for w in replies[3]["result"]["warnings"]} == {"LG202"}
    assert json.loads(ConsentRegister(guard_home / "consent.sqlite3").export_json())[0]["note"] == "they wrote first"


def test_a_register_that_cannot_write_still_answers_the_recorded_decision(session, guard_home):
    (guard_home / "consent.sqlite3").write_bytes(b"not a database" * 100)
    w = warnings_for(session, message())["LG201"]
    result = result_of(ask(session, {"id": 2, "type": "decide", "warning_id": w["id"], "decision": "not_applicable",
                                     "reason_kind": "asked_for_it", "justification": "n" * 4000}))
    assert result == {"recorded": 1, "consent": None}
    assert [e.decision for e in session.warm_up().log.entries() if e.rule == "LG201"] == ["not_applicable"]


def test_a_long_note_is_kept_up_to_the_registers_limit(session, guard_home):
    w = warnings_for(session, message())["LG201"]
    result = result_of(ask(session, {"id": 2, "type": "decide", "warning_id": w["id"], "decision": "not_applicable",
                                     "reason_kind": "asked_for_it", "justification": "n" * 4000}))
    assert result["consent"]["name"] == "Mark Visser"
    assert len(ConsentRegister(guard_home / "consent.sqlite3").entries()[0]["note"]) == 2000
