"""Dispatch: every request type, every error code, replies matched by id."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
import types

import pytest

from native_host import MAX_OUTGOING
from native_host.dispatch import GET_LOG_MAX, encode
from native_host.errors import ERROR_CODES
from tests.host.conftest import ACME, ROOT, ask, post

def error_of(replies: list[dict]) -> dict:
    reply = replies[0]
    assert reply["ok"] is False, reply
    return reply["error"]


def result_of(replies: list[dict]) -> dict:
    reply = replies[0]
    assert reply["ok"] is True, reply
    return reply["result"]


def write_settings(session, data: dict) -> None:
    path = session.settings_path
    path.write_text(json.dumps(data))
    # Make sure the change is visible even on coarse mtime clocks.
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10_000_000))


# -- envelope errors -------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"", "empty_frame"),
        (b"\xff\xfe{}", "invalid_utf8"),
        (b'{"id": "a", "type": "ping"', "invalid_json"),
        (b'{"id": "a", "type": "echo", "payload": NaN}', "invalid_json"),
        (b"[" * 100_000 + b"]" * 100_000, "invalid_json"),
        (b'{"id": 1, "type": "echo", "payload": ' + b"9" * 5000 + b"}", "invalid_json"),
        (b"[1, 2]", "not_an_object"),
        (b'"hello"', "not_an_object"),
        (b"null", "not_an_object"),
    ],
)
def test_unreadable_frames_get_an_error_with_null_id(session, raw, code):
    replies = ask(session, raw)
    assert len(replies) == 1
    assert replies[0]["id"] is None
    assert error_of(replies)["code"] == code


def test_missing_type_keeps_the_id(session):
    replies = ask(session, {"id": "r-1"})
    assert replies[0]["id"] == "r-1"
    assert error_of(replies)["code"] == "missing_type"


def test_unknown_type_keeps_serving(session):
    replies = ask(session, {"id": 7, "type": "format_disk"})
    assert replies[0]["id"] == 7
    error = error_of(replies)
    assert error["code"] == "unknown_type"
    assert "hello" in error["message"]
    assert result_of(ask(session, {"id": 8, "type": "ping"})) == {"pong": True}


@pytest.mark.parametrize("bad_id", [True, 1.5, [], {}, "x" * 201])
def test_an_id_of_the_wrong_type_is_refused_and_not_echoed(session, bad_id):
    replies = ask(session, {"id": bad_id, "type": "ping"})
    assert replies[0]["id"] is None
    error = error_of(replies)
    assert error["code"] == "invalid_request"
    assert error["details"][0]["path"] == "id"


def test_type_of_the_wrong_type(session):
    error = error_of(ask(session, {"id": "a", "type": 5}))
    assert error["code"] == "invalid_request"
    assert error["details"] == [{"path": "type", "message": "expected a string"}]


def test_unknown_fields_are_ignored(session):
    assert result_of(ask(session, {"id": "a", "type": "ping", "future_field": [1, 2]})) == {"pong": True}


def test_lone_surrogates_become_replacement_characters(session):
    [reply] = session.handle(b'{"id": "s", "type": "echo", "payload": {"\\udc00k": ["a\\ud800b", "\\ud83d\\ude00"]}}')
    data = encode(reply)
    data.decode("utf-8")  # valid UTF-8 on the wire
    assert json.loads(data)["result"]["payload"] == {"\ufffdk": ["a\ufffdb", "\U0001F600"]}  # pairs stay whole


# -- hello -----------------------------------------------------------------------


def test_hello_reports_protocol_rules_and_settings_state(session):
    result = result_of(ask(session, {"id": "h", "type": "hello", "extension_version": "0.1.0", "protocol": 1}))
    from guard.rules import rule_ids

    assert result["protocol"] == 1
    assert result["host_version"] == "0.1.0"
    assert result["rules"] == sorted(rule_ids())
    assert result["settings_problem"] is None
    assert result["fail_mode"] == "open"


def test_hello_reads_fail_mode_from_the_file(session):
    write_settings(session, {"fail_mode": "closed"})
    assert result_of(ask(session, {"id": "h", "type": "hello"}))["fail_mode"] == "closed"


def test_hello_reports_a_corrupt_settings_file_and_moves_it_aside(session):
    session.settings_path.write_text("{not json")
    result = result_of(ask(session, {"id": "h", "type": "hello"}))
    assert "was not valid" in result["settings_problem"]
    assert not session.settings_path.exists()
    assert list(session.settings_path.parent.glob("settings.json.corrupt-*"))


def test_a_deeper_settings_problem_found_after_hello_is_pushed(session):
    write_settings(session, {"log": {"retention_days": "often"}})
    assert result_of(ask(session, {"id": "h", "type": "hello"}))["settings_problem"] is None
    session.warm_up()
    [event] = session.after_warm_up_events()
    assert event["type"] == "event" and event["event"] == "settings_changed"
    assert "retention_days" in event["settings_problem"]
    assert event["settings"]["log"]["retention_days"] == 180  # defaults in force
    assert session.after_warm_up_events() == []  # said once


@pytest.mark.parametrize(("field", "value"), [("extension_version", 3), ("protocol", "1"), ("protocol", True)])
def test_hello_with_wrong_field_types(session, field, value):
    error = error_of(ask(session, {"id": "h", "type": "hello", field: value}))
    assert error["code"] == "invalid_request"
    assert error["details"][0]["path"] == field


def test_hello_does_not_load_pydantic_rules_or_sqlite(tmp_path):
    """The cold-start budget: hello must be answered before the heavy imports."""
    code = (
        "import json, sys\n"
        "from native_host.dispatch import Session\n"
        "s = Session(settings_path=sys.argv[1])\n"
        "[r] = s.handle(json.dumps({'id': 1, 'type': 'hello'}).encode())\n"
        "assert r['ok'], r\n"
        "heavy = [m for m in ('pydantic', 'sqlite3', 'guard.rules', 'guard.engine') if m in sys.modules]\n"
        "print(json.dumps(heavy))\n"
    )
    assert _printed_by_a_fresh_python(tmp_path, code) == []


def _printed_by_a_fresh_python(tmp_path, code: str):
    """What ``code`` prints (JSON) when run in a new interpreter with ACME's settings file as its argument."""
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps(ACME))
    out = subprocess.run([sys.executable, "-c", code, str(settings)], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "LINKEDIN_GUARD_HOME": str(tmp_path)}, timeout=30)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_the_host_answers_hello_without_the_imports_a_start_does_not_need(tmp_path):
    """The cold-start budget, by import: the host's logging, its log file and hello without
    ``logging.handlers`` (socket, pickle), ``tempfile`` or ``typing``."""
    code = (
        "import json, sys\n"
        "from native_host import host\n"
        "host.setup_logging()\n"
        "from native_host.dispatch import Session\n"
        "s = Session(settings_path=sys.argv[1])\n"
        "[r] = s.handle(json.dumps({'id': 1, 'type': 'hello'}).encode())\n"
        "assert r['ok'], r\n"
        "host.log.info('hello answered')\n"
        "print(json.dumps([m for m in ('logging.handlers', 'socket', 'tempfile', 'typing') if m in sys.modules]))\n"
    )
    assert _printed_by_a_fresh_python(tmp_path, code) == []
    assert "hello answered" in (tmp_path / "host.log").read_text()


# -- evaluate ------------------------------------------------------------------


def test_evaluate_returns_warnings_and_logs_them_once_per_page_session(session):
    write_settings(session, ACME)
    text = "Proud of my team at Acme Data"
    for i in range(len("Proud of my team at Acme Data"), len(text) + 30):
        result = result_of(ask(session, {"id": i, "type": "evaluate", "context": post(text + "!" * (i - 28))}))
        [warning] = result["warnings"]
        assert warning["rule"] == "LG402"
        assert warning["subject"] == "post"
        assert warning["language"] == "en"
    log = session.warm_up().log
    assert log.count() == 1
    # Another page visit is another entry.
    result_of(ask(session, {"id": "x", "type": "evaluate", "context": post(text, session="tab-1/nav-2")}))
    assert log.count() == 2


def test_evaluate_without_page_session_groups_per_connection(session):
    write_settings(session, ACME)
    for i in range(5):
        result_of(ask(session, {"id": i, "type": "evaluate", "context": post("At Acme Data today", session=None)}))
    assert session.warm_up().log.count() == 1


def test_evaluate_with_store_excerpts_off_stores_no_text(session, guard_home):
    write_settings(session, {**ACME, "log": {"store_excerpts": False}})
    secret = "Secret merger plans at Acme Data zebra-quokka"
    result_of(ask(session, {"id": 1, "type": "evaluate", "context": post(secret, trigger="submit")}))
    log = session.warm_up().log
    [entry] = log.entries()
    assert entry.excerpt is None
    assert log.entry(entry.id)["evidence"] is None
    log.close()
    session._core.log = None
    for f in guard_home.glob("warnings.sqlite3*"):
        assert b"zebra-quokka" not in f.read_bytes()


def test_evaluate_rejects_an_invalid_context_with_paths(session):
    error = error_of(ask(session, {"id": 1, "type": "evaluate", "context": {
        "kind": "message", "url": "u", "trigger": "input", "channel": "message", "text": "hi",
        "recipient": {"name": 5}}}))
    assert error["code"] == "invalid_request"
    assert any(d["path"] == "context.recipient.name" for d in error["details"])


@pytest.mark.parametrize("context", [None, [], "post", 3])
def test_evaluate_needs_a_context_object(session, context):
    request = {"id": 1, "type": "evaluate"}
    if context is not None:
        request["context"] = context
    error = error_of(ask(session, request))
    assert error["code"] == "invalid_request"
    assert error["details"][0]["path"] == "context"


def test_evaluate_reloads_settings_changed_on_disk_and_pushes_an_event(session):
    ctx = post("Proud of Acme Data")
    assert result_of(ask(session, {"id": 1, "type": "evaluate", "context": ctx}))["warnings"] == []
    write_settings(session, ACME)
    replies = ask(session, {"id": 2, "type": "evaluate", "context": ctx})
    assert [w["rule"] for w in result_of(replies)["warnings"]] == ["LG402"]
    assert replies[1]["event"] == "settings_changed"
    assert replies[1]["settings"]["employer"]["name"] == "Acme Data B.V."
    # No change, no event.
    assert len(ask(session, {"id": 3, "type": "evaluate", "context": ctx})) == 1


def test_reloading_keeps_the_engine_and_its_rate_state(session):
    engine = session.warm_up().engine
    write_settings(session, {"language": "nl"})
    ask(session, {"id": 1, "type": "evaluate", "context": post("x")})
    assert session.warm_up().engine is engine
    assert engine.settings.language == "nl"


# -- settings check: evaluate looks at the file at most every SETTINGS_CHECK_S ----


@pytest.fixture
def throttled(guard_home, monkeypatch):
    """A session with the production interval and a clock the test moves."""
    from native_host import dispatch

    clock = types.SimpleNamespace(now=1000.0)
    monkeypatch.setattr(dispatch, "_monotonic", lambda: clock.now)
    s = dispatch.Session(settings_path=guard_home / "settings.json", log_path=guard_home / "warnings.sqlite3")
    assert s.settings_check_interval == dispatch.SETTINGS_CHECK_S
    s.warm_up()
    s.clock = clock
    yield s
    s.close()


def test_settings_check_interval_is_well_within_a_second():
    from native_host.dispatch import SETTINGS_CHECK_S

    assert 0 < SETTINGS_CHECK_S <= 0.5


def test_evaluate_sees_a_settings_change_once_the_interval_has_passed(throttled):
    from native_host.dispatch import SETTINGS_CHECK_S

    ctx = post("Proud of Acme Data")
    assert result_of(ask(throttled, {"id": 1, "type": "evaluate", "context": ctx}))["warnings"] == []
    write_settings(throttled, ACME)
    throttled.clock.now += SETTINGS_CHECK_S / 2
    replies = ask(throttled, {"id": 2, "type": "evaluate", "context": ctx})
    assert len(replies) == 1 and result_of(replies)["warnings"] == []  # not looked yet: old settings
    throttled.clock.now += SETTINGS_CHECK_S / 2
    replies = ask(throttled, {"id": 3, "type": "evaluate", "context": ctx})
    assert [w["rule"] for w in result_of(replies)["warnings"]] == ["LG402"]
    assert replies[1]["event"] == "settings_changed"
    assert replies[1]["settings"]["employer"]["name"] == "Acme Data B.V."
    throttled.clock.now += SETTINGS_CHECK_S * 10
    assert len(ask(throttled, {"id": 4, "type": "evaluate", "context": ctx})) == 1  # no change, no event


def test_get_settings_always_looks_at_the_file(throttled):
    write_settings(throttled, {"language": "nl"})
    replies = ask(throttled, {"id": 1, "type": "get_settings"})  # clock not moved
    assert result_of(replies)["settings"]["language"] == "nl"
    assert replies[1]["event"] == "settings_changed"
    # and evaluate, inside the interval, runs on what get_settings loaded
    ask(throttled, {"id": 2, "type": "evaluate", "context": post("x")})
    assert throttled.warm_up().engine.settings.language == "nl"


def test_own_set_settings_applies_at_once_inside_the_interval(throttled):
    result_of(ask(throttled, {"id": 1, "type": "set_settings", "settings": ACME}))
    replies = ask(throttled, {"id": 2, "type": "evaluate", "context": post("Acme Data!")})  # clock not moved
    assert [w["rule"] for w in result_of(replies)["warnings"]] == ["LG402"]
    assert len(replies) == 1  # our own write is not reported again


def test_a_settings_change_reaches_evaluate_within_a_second_in_real_time(guard_home):
    """No fake clock: the default session, the file written, then a pause below a second."""
    from native_host.dispatch import Session

    s = Session(settings_path=guard_home / "settings.json", log_path=guard_home / "warnings.sqlite3")
    try:
        ctx = post("Proud of Acme Data")
        assert result_of(ask(s, {"id": 1, "type": "evaluate", "context": ctx}))["warnings"] == []
        write_settings(s, ACME)
        time.sleep(0.5)
        replies = ask(s, {"id": 2, "type": "evaluate", "context": ctx})
        assert [w["rule"] for w in result_of(replies)["warnings"]] == ["LG402"]
        assert replies[1]["event"] == "settings_changed"
    finally:
        s.close()


def test_an_oversized_evaluate_reply_is_trimmed_under_one_mebibyte(session):
    warnings = [{"id": f"w-{i}", "rule": "LG501", "evidence": [{"field": "people", "excerpt": "e" * 2000}],
                 "message": "m" * 500} for i in range(2000)]
    result = session._fit_warnings(warnings)
    assert result["truncated"] is True
    assert 0 < len(result["warnings"]) < 2000
    assert all(w["evidence"] == [] for w in result["warnings"])
    assert len(encode({"id": "x", "ok": True, "result": result})) <= MAX_OUTGOING

def test_evaluate_reply_carries_each_warning_as_the_model_dumps_it(session):
    """The warnings are encoded in one call; on the wire they are what model_dump gives, in order."""
    write_settings(session, {**ACME, "clients": [{"name": "Mark Visser", "company": "Bouwbedrijf Visser"}]})
    core = session.warm_up()
    ctx = {"kind": "message", "url": "https://www.linkedin.com/messaging/thread/2-abc/", "page_session": "t/n",
           "trigger": "input", "channel": "message", "ui_language": "nl",
           "recipient": {"name": "Mark Visser", "headline": "Directeur bij Bouwbedrijf Visser"},
           "text": "Hoi Mark, ik zag dat jullie groeien. Wij helpen bedrijven als het jouwe met een slimme "
                   "CRM-oplossing. Zullen we volgende week even bellen over een demo en onze prijzen?",
           "thread": {"messages_from_me": 0, "messages_from_recipient": 0}}
    expected = [f.model_dump(mode="json") for f in core.engine.evaluate(core.parse_context(ctx))]
    assert len(expected) >= 2
    [reply] = session.handle(json.dumps({"id": "r-9", "type": "evaluate", "context": ctx}).encode())
    wire = encode(reply)
    assert json.loads(wire) == {"id": "r-9", "ok": True, "result": {"warnings": expected}}


def test_evaluate_with_nothing_to_say_is_the_short_reply(session):
    [reply] = session.handle(json.dumps({"id": 5, "type": "evaluate", "context": post("Mooie dag op de hei")}).encode())
    assert encode(reply) == b'{"id":5,"ok":true,"result":{"warnings":[]}}'
    assert reply["result"]["warnings"] == []  # reads like the dict in-process


def test_evaluate_warnings_above_one_mebibyte_are_trimmed(session, monkeypatch):
    from guard.models import Evidence, Finding

    core = session.warm_up()
    big = [Finding(id=f"w-{i}", rule="LG501", slug="s", severity="info", mode="inform", title="t",
                   message="m" * 500, legal_basis=[], subject=f"s{i}",
                   evidence=[Evidence(field="text", excerpt="e" * 2000)]) for i in range(2000)]
    monkeypatch.setattr(core.engine, "evaluate", lambda ctx: big)
    monkeypatch.setattr(core, "log", None)
    [reply] = session.handle(json.dumps({"id": 1, "type": "evaluate", "context": post("x")}).encode())
    wire = encode(reply)
    assert len(wire) <= MAX_OUTGOING
    result = json.loads(wire)["result"]
    assert result["truncated"] is True and 0 < len(result["warnings"]) < 2000



# -- decide ----------------------------------------------------------------------


def test_decide_records_on_the_logged_entry(session):
    write_settings(session, ACME)
    [warning] = result_of(ask(session, {"id": 1, "type": "evaluate", "context": post("Acme Data rocks")}))["warnings"]
    result = result_of(ask(session, {"id": 2, "type": "decide", "warning_id": warning["id"], "decision": "proceeded",
                                     "justification": "HR said fine", "page_session": "tab-1/nav-1"}))
    assert result == {"recorded": 1}
    [entry] = session.warm_up().log.entries()
    assert (entry.decision, entry.justification) == ("proceeded", "HR said fine")


def test_a_warning_still_shown_after_log_clear_is_logged_again_with_its_decision(session, monkeypatch):
    """`linkedin-guard log clear` (another process) while someone types: the host
    remembers what it logged, but not past a clear."""
    from guard import warning_log
    from guard.warning_log import KNOWN_CHECK_S, WarningLog

    clock = types.SimpleNamespace(t=1000.0)
    monkeypatch.setattr(warning_log, "_monotonic", lambda: clock.t)
    write_settings(session, ACME)
    ask(session, {"id": 1, "type": "evaluate", "context": post("Proud of Acme Data")})
    with WarningLog(session.warm_up().log.path) as cli:
        assert cli.clear() == 1
        clock.t += KNOWN_CHECK_S
        [warning] = result_of(ask(session, {"id": 2, "type": "evaluate", "context": post("Proud of Acme Data!")}))[
            "warnings"]
        assert cli.count() == 1
        assert result_of(ask(session, {"id": 3, "type": "decide", "warning_id": warning["id"],
                                       "decision": "proceeded", "page_session": "tab-1/nav-1"})) == {"recorded": 1}
        [entry] = cli.entries()
        assert entry.decision == "proceeded"


def test_decide_not_applicable_with_reason_kind(session):
    """v1.1: "They asked for this" / "Not a sales pitch" (the consent register hooks on reason_kind)."""
    write_settings(session, ACME)
    [warning] = result_of(ask(session, {"id": 1, "type": "evaluate", "context": post("Acme Data rocks")}))["warnings"]
    result = result_of(ask(session, {"id": 2, "type": "decide", "warning_id": warning["id"], "decision": "not_applicable",
                                     "reason_kind": "asked_for_it", "page_session": "tab-1/nav-1"}))
    assert result == {"recorded": 1, "consent": None}  # a post has no recipient to put in the consent register
    [entry] = session.warm_up().log.entries()
    assert (entry.decision, entry.reason_kind) == ("not_applicable", "asked_for_it")


def test_evaluate_with_record_false_judges_without_logging(session):
    """The extension's per-tab log budget (a page can re-navigate at will): judged, shown, not logged."""
    write_settings(session, ACME)
    # Twice: the second time the fast path would have been taken without the check.
    for i in (1, 2):
        reply = ask(session, {"id": i, "type": "evaluate", "record": False, "context": post("Acme Data rocks", session=f"s{i}")})
        assert [w["rule"] for w in result_of(reply)["warnings"]] == ["LG402"]
    assert session.warm_up().log.entries() == []
    ask(session, {"id": 3, "type": "evaluate", "context": post("Acme Data rocks", session="s3")})
    assert len(session.warm_up().log.entries()) == 1
    assert ask(session, {"id": 4, "type": "evaluate", "record": "no", "context": post("x")})[0]["error"]["code"] == "invalid_request"


def test_decide_on_an_unknown_warning_records_nothing(session):
    assert result_of(ask(session, {"id": 1, "type": "decide", "warning_id": "w-0", "decision": "dismissed"})) == {
        "recorded": 0}


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"decision": "dismissed"}, "warning_id"),
        ({"warning_id": "", "decision": "dismissed"}, "warning_id"),
        ({"warning_id": "w-1"}, "decision"),
        ({"warning_id": "w-1", "decision": "ignored"}, "decision"),
        ({"warning_id": "w-1", "decision": "fixed", "justification": 5}, "justification"),
        ({"warning_id": "w-1", "decision": "fixed", "justification": "j" * 5001}, "justification"),
        ({"warning_id": "w-1", "decision": "fixed", "page_session": 3}, "page_session"),
        ({"warning_id": "w-1", "decision": "proceeded", "reason_kind": "asked_for_it"}, "reason_kind"),
        ({"warning_id": "w-1", "decision": "not_applicable", "reason_kind": "because"}, "reason_kind"),
    ],
)
def test_decide_field_errors(session, fields, path):
    error = error_of(ask(session, {"id": 1, "type": "decide", **fields}))
    assert error["code"] == "invalid_request"
    assert error["details"][0]["path"] == path


def test_decide_without_a_log_is_unavailable(session):
    session.warm_up().log.close()
    session._core.log = None
    session._core.log_error = "cannot open the warning log: disk full"
    error = error_of(ask(session, {"id": 1, "type": "decide", "warning_id": "w-1", "decision": "fixed"}))
    assert error["code"] == "unavailable"
    assert "disk full" in error["message"]


def test_evaluate_still_warns_when_the_log_cannot_be_opened(guard_home):
    from native_host.dispatch import Session

    (guard_home / "settings.json").write_text(json.dumps(ACME))
    blocker = guard_home / "not-a-dir"
    blocker.write_text("")
    s = Session(settings_path=guard_home / "settings.json", log_path=blocker / "warnings.sqlite3")
    result = result_of(ask(s, {"id": 1, "type": "evaluate", "context": post("Acme Data")}))
    assert [w["rule"] for w in result["warnings"]] == ["LG402"]
    assert s.warm_up().log is None


# -- settings --------------------------------------------------------------------


def test_get_settings_returns_defaults_without_a_file(session):
    settings = result_of(ask(session, {"id": 1, "type": "get_settings"}))["settings"]
    assert settings["fail_mode"] == "open"
    assert settings["log"] == {"retention_days": 180, "store_excerpts": True}


def test_set_settings_saves_applies_and_pushes_after_the_reply(session):
    replies = ask(session, {"id": 1, "type": "set_settings", "settings": {**ACME, "language": "nl"}})
    assert result_of(replies)["settings"]["language"] == "nl"
    assert replies[1] == {"type": "event", "event": "settings_changed", "settings": result_of(replies)["settings"]}
    assert json.loads(session.settings_path.read_text())["language"] == "nl"
    [warning] = result_of(ask(session, {"id": 2, "type": "evaluate", "context": post("Acme Data!")}))["warnings"]
    assert warning["language"] == "nl"
    # Our own write is not reported again as a change on disk.
    assert len(ask(session, {"id": 3, "type": "evaluate", "context": post("x")})) == 1


def test_set_settings_refuses_invalid_settings_and_applies_nothing(session):
    write_settings(session, {"language": "en"})
    before = session.settings_path.read_bytes()
    replies = ask(session, {"id": 1, "type": "set_settings", "settings": {
        "language": "fr", "log": {"retention_days": 0}, "colour": "red"}})
    error = error_of(replies)
    assert len(replies) == 1  # no event
    assert error["code"] == "invalid_settings"
    paths = {d["path"] for d in error["details"]}
    assert paths == {"language", "log.retention_days", "colour"}
    assert session.settings_path.read_bytes() == before
    assert result_of(ask(session, {"id": 2, "type": "get_settings"}))["settings"]["language"] == "en"


@pytest.mark.parametrize("settings", [[], "x", 3, None])
def test_set_settings_needs_an_object(session, settings):
    error = error_of(ask(session, {"id": 1, "type": "set_settings", "settings": settings}))
    assert error["code"] == "invalid_settings"
    assert error["details"] == [{"path": "(root)", "message": "expected a JSON object"}]


def test_set_settings_without_settings(session):
    assert error_of(ask(session, {"id": 1, "type": "set_settings"}))["code"] == "invalid_request"


# -- get_log ---------------------------------------------------------------------


def fill_log(session, n: int, *, big: bool = False) -> None:
    from guard.models import Evidence, Finding, parse_context

    log = session.warm_up().log
    for i in range(n):
        ctx = parse_context(post("t", session=f"s{i}", url="https://www.linkedin.com/feed/" + ("u" * 1900 if big else "")))
        f = Finding(id=f"w-{i}", rule="LG402" if i % 2 else "LG301", slug="s", severity="info", mode="inform",
                    title="t", message="m", legal_basis=[], subject=f"subject {i}",
                    evidence=[Evidence(field="text", excerpt="x")])
        log.record(f, ctx, store_excerpt=True)
        if big:
            log.decide(f"w-{i}", "proceeded", "j" * 5000)


def test_get_log_pages_with_next_before_id(session):
    fill_log(session, 7)
    first = result_of(ask(session, {"id": 1, "type": "get_log", "limit": 3}))
    assert [e["id"] for e in first["entries"]] == [7, 6, 5]
    assert first["next_before_id"] == 5
    second = result_of(ask(session, {"id": 2, "type": "get_log", "limit": 3, "before_id": 5}))
    assert [e["id"] for e in second["entries"]] == [4, 3, 2]
    last = result_of(ask(session, {"id": 3, "type": "get_log", "limit": 3, "before_id": 2}))
    assert [e["id"] for e in last["entries"]] == [1]
    assert last["next_before_id"] is None


def test_get_log_defaults_and_rule_filter(session):
    fill_log(session, 30)
    assert len(result_of(ask(session, {"id": 1, "type": "get_log"}))["entries"]) == 20
    entries = result_of(ask(session, {"id": 2, "type": "get_log", "rule": "LG301", "limit": 500}))["entries"]
    assert len(entries) == 15 and {e["rule"] for e in entries} == {"LG301"}
    assert set(entries[0]) == {"id", "rule", "slug", "severity", "kind", "url", "page_session", "subject",
                               "created_at", "decision", "justification", "excerpt", "count", "last_seen", "reason_kind"}


def test_get_log_never_sends_more_than_one_mebibyte(session):
    fill_log(session, 300, big=True)  # ~7 KB each: 2 MB in all
    seen = []
    before = None
    while True:
        request = {"id": 1, "type": "get_log", "limit": GET_LOG_MAX}
        if before is not None:
            request["before_id"] = before
        [reply] = ask(session, request)
        assert len(encode(reply)) <= MAX_OUTGOING
        seen += [e["id"] for e in reply["result"]["entries"]]
        before = reply["result"]["next_before_id"]
        if before is None:
            break
    assert seen == list(range(300, 0, -1))  # nothing lost, nothing twice


@pytest.mark.parametrize(
    ("fields", "path"),
    [({"limit": 0}, "limit"), ({"limit": 501}, "limit"), ({"limit": "5"}, "limit"), ({"limit": True}, "limit"),
     ({"before_id": "3"}, "before_id"), ({"rule": 201}, "rule")],
)
def test_get_log_field_errors(session, fields, path):
    error = error_of(ask(session, {"id": 1, "type": "get_log", **fields}))
    assert (error["code"], error["details"][0]["path"]) == ("invalid_request", path)


# -- ping, echo, open_dashboard ---------------------------------------------------


def test_ping_and_echo(session):
    assert result_of(ask(session, {"id": 1, "type": "ping"})) == {"pong": True}
    payload = {"a": [1, 2.5, None, "é", {"b": False}]}
    assert result_of(ask(session, {"id": 2, "type": "echo", "payload": payload})) == {"payload": payload}
    assert error_of(ask(session, {"id": 3, "type": "echo"}))["code"] == "invalid_request"


def test_open_dashboard_uses_the_dashboard_launcher(session, monkeypatch):
    calls = []
    fake = types.ModuleType("guard.dashboard.launcher")
    fake.ensure_dashboard = lambda page: calls.append(page) or {"url": "http://127.0.0.1:9/log?token=t", "reused": True}
    monkeypatch.setitem(sys.modules, "guard.dashboard.launcher", fake)
    result = result_of(ask(session, {"id": 1, "type": "open_dashboard", "page": "log"}))
    assert result["url"] == "http://127.0.0.1:9/log?token=t"
    assert calls == ["log"]
    assert error_of(ask(session, {"id": 2, "type": "open_dashboard", "page": "admin"}))["code"] == "invalid_request"
    assert error_of(ask(session, {"id": 3, "type": "open_dashboard", "rule": "x"}))["code"] == "invalid_request"


def test_open_dashboard_passes_the_rule_and_maps_dashboard_errors(session, monkeypatch):
    class DashboardError(RuntimeError):
        pass

    def ensure(page, rule=None):
        if page == "settings":
            raise DashboardError("port 8765 is taken by another program")
        return {"url": f"http://127.0.0.1:9/rules?token=t#{rule}"}

    fake = types.ModuleType("guard.dashboard.launcher")
    fake.ensure_dashboard = ensure
    monkeypatch.setitem(sys.modules, "guard.dashboard.launcher", fake)
    assert result_of(ask(session, {"id": 1, "type": "open_dashboard", "page": "rules", "rule": "LG201"}))["url"].endswith(
        "#LG201")
    error = error_of(ask(session, {"id": 2, "type": "open_dashboard", "page": "settings"}))
    assert error == {"code": "unavailable", "message": "port 8765 is taken by another program"}


def test_open_dashboard_without_the_dashboard_is_unavailable(session, monkeypatch):
    monkeypatch.setitem(sys.modules, "guard.dashboard.launcher", None)  # import raises ImportError
    assert error_of(ask(session, {"id": 1, "type": "open_dashboard"}))["code"] == "unavailable"


def test_the_host_never_imports_aiohttp(session, monkeypatch):
    monkeypatch.delitem(sys.modules, "aiohttp", raising=False)
    for request in ({"id": 1, "type": "hello"}, {"id": 2, "type": "evaluate", "context": post("x")},
                    {"id": 3, "type": "get_log"}):
        ask(session, request)
    assert "aiohttp" not in sys.modules


# -- internal errors, retention --------------------------------------------------


def test_an_exception_in_a_handler_is_an_internal_error_without_the_message(session, caplog):
    def boom(req):
        raise RuntimeError(req["text"])  # as if an exception quoted page text

    session.handlers["ping"] = boom
    error = error_of(ask(session, {"id": 1, "type": "ping", "text": "zebra-quokka secret"}))
    assert error["code"] == "internal_error"
    assert "zebra-quokka" not in error["message"]
    assert "zebra-quokka" not in caplog.text
    assert "RuntimeError" in caplog.text
    assert result_of(ask(session, {"id": 2, "type": "echo", "payload": 1})) == {"payload": 1}


def test_retention_is_applied_at_warm_up_and_again_after_a_day(session, monkeypatch):
    fill_log(session, 3)
    log = session.warm_up().log
    with sqlite3.connect(log.path) as db:
        db.execute("UPDATE entries SET created_at = '2000-01-01T00:00:00Z' WHERE id = 1")
    session._core.retention_at -= 25 * 3600
    ask(session, {"id": 1, "type": "ping"})
    assert [e.id for e in log.entries()] == [3, 2]


def test_every_error_code_has_a_request_that_produces_it(session, monkeypatch):
    """One request per code in the table, so a new code without a path to it is noticed."""
    monkeypatch.setitem(sys.modules, "guard.dashboard.launcher", None)
    session.handlers["ping"] = lambda req: 1 / 0
    examples = {
        "invalid_json": b"{",
        "invalid_utf8": b"\xc3",
        "not_an_object": b"1",
        "empty_frame": b"",
        "missing_type": b'{"id": 1}',
        "unknown_type": b'{"id": 1, "type": "nope"}',
        "invalid_request": b'{"id": 1, "type": "get_log", "limit": -1}',
        "invalid_settings": b'{"id": 1, "type": "set_settings", "settings": {"fail_mode": "ajar"}}',
        "internal_error": b'{"id": 1, "type": "ping"}',
        "unavailable": b'{"id": 1, "type": "open_dashboard"}',
        "locked": b'{"id": 1, "type": "set_settings", "settings": {"language": "en"}}',
        "invalid_managed": b'{"id": 1, "type": "set_managed", "managed": {"locked": {"fail_mode": "ajar"}}}',
    }
    ask(session, {"id": 0, "type": "set_managed", "managed": {"locked": {"language": "nl"}}})
    for code, raw in examples.items():
        assert error_of(ask(session, raw))["code"] == code
    # too_large comes from the host loop: tests/host/test_host_process.py.
    assert set(examples) | {"too_large"} == set(ERROR_CODES)


def test_the_fast_encoding_of_warnings_equals_the_plain_one(session):
    from native_host.dispatch import RawJSON

    write_settings(session, ACME)
    [reply] = session.handle(json.dumps({"id": 1, "type": "evaluate", "context": post("Trots op Acme Data — ü")}).encode())
    assert isinstance(reply["result"], RawJSON)
    findings = session.warm_up().engine.evaluate(__import__("guard.models").models.parse_context(post("Trots op Acme Data — ü")))
    assert json.loads(encode(reply))["result"] == {"warnings": [f.model_dump(mode="json") for f in findings]}


def _message(text: str, name: str = "Mark Visser") -> dict:
    return {"kind": "message", "url": "https://www.linkedin.com/messaging/thread/2-x/", "trigger": "input",
            "page_session": "tab-1/nav-1", "channel": "message", "text": text,
            "recipient": {"name": name}, "thread": {"messages_from_me": 0, "messages_from_recipient": 0}}


def test_typed_warnings_encode_as_the_plain_encoding_does_keystroke_by_keystroke(session):
    """Each warning's JSON is remembered (``_Core.warnings_json``): typing changes the evidence, the
    notice LG202 appends and the recipient, and every reply still says what the warnings say now."""
    from guard.models import parse_context

    pitch = ("Hi Mark, our platform helps B2B teams book 30% more demos. Can I show you a quick demo next "
             "week? We offer a free trial and special pricing this month.\n")
    steps = [pitch[:k] for k in range(40, len(pitch) + 1, 3)] + [pitch, pitch + "\n", pitch + "\n\nTo"]
    engine = session.warm_up().engine
    said = set()
    for i, text in enumerate(steps + steps[::-1]):
        ctx = _message(text, "Mark Visser" if i % 7 else "Jane Doe")
        [reply] = session.handle(json.dumps({"id": i, "type": "evaluate", "context": ctx}).encode())
        expected = [f.model_dump(mode="json") for f in engine.evaluate(parse_context(ctx))]
        got = json.loads(encode(reply))["result"]["warnings"]
        assert got == expected, text
        said.update(json.dumps(w, sort_keys=True) for w in got)
    assert len(said) > 6  # evidence, notice and recipient did change along the way


def test_a_warning_said_again_is_encoded_once(session, monkeypatch):
    write_settings(session, ACME)
    core = session.warm_up()
    encoded = []
    plain = core.findings_json
    monkeypatch.setattr(core, "findings_json", lambda findings: encoded.append(len(findings)) or plain(findings))
    text = "Hi Mark, our platform helps B2B teams book 30% more demos. Can I show you a quick demo next week?"
    for i in range(5):
        [reply] = session.handle(json.dumps({"id": i, "type": "evaluate", "context": _message(text + " " * i)}).encode())
        assert [w["rule"] for w in json.loads(encode(reply))["result"]["warnings"]] == ["LG201", "LG202"]
    assert encoded == [1, 1]  # each warning once, on the first keystroke
    for i in range(3):  # a post's warning (new evidence every time) is encoded as it always was, not remembered
        ctx = post("Acme Data rocks" + "!" * i)
        [reply] = session.handle(json.dumps({"id": i, "type": "evaluate", "context": ctx}).encode())
        assert [w["rule"] for w in json.loads(encode(reply))["result"]["warnings"]] == ["LG402"]
    assert len(core._warning_json) == 2


def test_a_lone_surrogate_in_page_text_still_gets_its_warning(session):
    write_settings(session, ACME)
    raw = b'{"id": 1, "type": "evaluate", "context": {"kind": "post", "url": "u", "trigger": "input", ' \
          b'"text": "Acme Data \\ud83d rocks", "mentions": [], "media": []}}'
    [reply] = session.handle(raw)
    data = encode(reply)
    data.decode("utf-8")
    assert [w["rule"] for w in json.loads(data)["result"]["warnings"]] == ["LG402"]
