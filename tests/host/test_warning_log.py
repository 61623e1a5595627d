"""The warning log: dedup, decisions, filters, the live feed, weeks, retention, many writers."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import time
import types
from datetime import datetime, timedelta, timezone

import pytest

from guard.models import Evidence, Finding, parse_context
from guard.warning_log import EXCERPT_MAX, MIGRATIONS, WarningLog
from tests.host.conftest import ROOT


def finding(rule="LG201", subject="Mark Visser", *, session="tab-1", severity="warning", evidence=("korting",)):
    from guard.engine import finding_id

    return Finding(id=finding_id(rule, subject, session), rule=rule, slug="slug", severity=severity,
                   mode="confirm", title=f"Title {rule}", message="msg", legal_basis=[], subject=subject,
                   evidence=[Evidence(field="text", excerpt=e) for e in evidence])


def message(text="Wij bieden 20% korting op onze software", *, session="tab-1", to="Mark Visser",
            trigger="input", url="https://www.linkedin.com/messaging/thread/2-abc/"):
    ctx = {"kind": "message", "url": url, "trigger": trigger, "channel": "message",
           "recipient": {"name": to}, "text": text}
    if session is not None:
        ctx["page_session"] = session
    return parse_context(ctx)


@pytest.fixture
def log(tmp_path):
    with WarningLog(tmp_path / "log.sqlite3") as wl:
        yield wl


def set_created(wl: WarningLog, entry_id: int, when: str) -> None:
    with sqlite3.connect(wl.path) as db:
        db.execute("UPDATE entries SET created_at = ? WHERE id = ?", (when, entry_id))


# -- schema ------------------------------------------------------------------------


def test_migrations_are_named_recorded_and_applied_once(tmp_path):
    path = tmp_path / "log.sqlite3"
    WarningLog(path).close()
    with WarningLog(path) as again:
        assert again.applied_migrations() == [name for name, _ in MIGRATIONS]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)


def test_the_log_file_is_private(tmp_path):
    WarningLog(tmp_path / "sub" / "log.sqlite3").close()
    assert stat.S_IMODE(os.stat(tmp_path / "sub" / "log.sqlite3").st_mode) == 0o600


def test_default_path_follows_guard_home(guard_home):
    with WarningLog() as wl:
        assert wl.path == guard_home / "warnings.sqlite3"


# -- record --------------------------------------------------------------------------


def test_record_stores_the_contract_fields(log):
    f = finding()
    entry_id = log.record(f, message(), store_excerpt=True)
    [entry] = log.entries()
    assert entry.id == entry_id
    assert (entry.rule, entry.slug, entry.severity, entry.kind) == ("LG201", "slug", "warning", "message")
    assert (entry.subject, entry.page_session) == ("Mark Visser", "tab-1")
    assert entry.url == "https://www.linkedin.com/messaging/thread/2-abc/"
    assert entry.excerpt == "korting"
    assert datetime.strptime(entry.created_at, "%Y-%m-%dT%H:%M:%SZ")
    detail = log.entry(entry_id)
    assert detail["warning_id"] == f.id
    assert detail["title"] == "Title LG201"
    assert detail["evidence"] == [{"field": "text", "excerpt": "korting"}]
    assert detail["decided_at"] is None


def test_same_rule_subject_and_page_session_is_one_entry(log):
    ids = {log.record(finding(), message("Wij bieden " + "x" * i), store_excerpt=True) for i in range(60)}
    assert len(ids) == 1 and log.count() == 1
    assert log.events_after(0)[0]["type"] == "warning" and len(log.events_after(0)) == 1


@pytest.mark.parametrize("change", ["rule", "subject", "session"])
def test_a_different_rule_subject_or_session_is_another_entry(log, change):
    log.record(finding(), message(), store_excerpt=True)
    other = {"rule": finding(rule="LG202"), "subject": finding(subject="Eva"),
             "session": finding(session="tab-2")}[change]
    ctx = message(session="tab-2") if change == "session" else message()
    log.record(other, ctx, store_excerpt=True)
    assert log.count() == 2


def test_without_page_session_the_session_key_groups_and_nothing_else_does(log):
    for _ in range(3):
        log.record(finding(session=None), message(session=None), store_excerpt=True, session_key="conn-1")
    assert log.count() == 1
    log.record(finding(session=None), message(session=None), store_excerpt=True, session_key="conn-2")
    log.record(finding(session=None), message(session=None), store_excerpt=True)
    log.record(finding(session=None), message(session=None), store_excerpt=True)
    assert log.count() == 4


def test_submit_refreshes_the_excerpt_of_the_existing_entry(log):
    entry_id = log.record(finding(evidence=()), message("Wij bie"), store_excerpt=True)
    log.record(finding(evidence=()), message("Wij bieden korting, bel me"), store_excerpt=True)
    assert log.entry(entry_id)["excerpt"] == "Wij bie"
    log.record(finding(evidence=()), message("Wij bieden korting, bel me!", trigger="submit"), store_excerpt=True)
    assert log.entry(entry_id)["excerpt"] == "Wij bieden korting, bel me!"


def test_excerpt_falls_back_to_the_text_and_is_short(log):
    long_text = "woord " * 200
    entry_id = log.record(finding(evidence=()), message(long_text), store_excerpt=True)
    excerpt = log.entry(entry_id)["excerpt"]
    assert len(excerpt) <= EXCERPT_MAX and excerpt.endswith("…")
    assert "  " not in excerpt


def test_store_excerpt_false_keeps_no_text_at_all(tmp_path):
    path = tmp_path / "log.sqlite3"
    with WarningLog(path) as wl:
        entry_id = wl.record(finding(evidence=("zebra-quokka",)), message("secret zebra-quokka offer", trigger="submit"),
                             store_excerpt=False)
        assert wl.entry(entry_id)["excerpt"] is None and wl.entry(entry_id)["evidence"] is None
        wl.record(finding(evidence=("zebra-quokka",)), message("secret zebra-quokka offer", trigger="submit"),
                  store_excerpt=False)
    files = list(tmp_path.glob("log.sqlite3*"))
    assert files
    for f in files:
        assert b"zebra-quokka" not in f.read_bytes(), f


# -- decide --------------------------------------------------------------------------


def test_decide_sets_decision_justification_and_time(log):
    f = finding()
    entry_id = log.record(f, message(), store_excerpt=True)
    assert log.decide(f.id, "proceeded", "klant vroeg erom", page_session="tab-1") == 1
    detail = log.entry(entry_id)
    assert (detail["decision"], detail["justification"]) == ("proceeded", "klant vroeg erom")
    assert detail["decided_at"].endswith("Z")
    assert [e["type"] for e in log.events_after(0)] == ["warning", "decision"]


def test_decide_matches_the_page_session_and_updates_only_the_newest(log):
    f = finding(session=None)
    first = log.record(f, message(session=None), store_excerpt=True, session_key="a")
    second = log.record(f, message(session=None), store_excerpt=True, session_key="b")
    assert log.decide(f.id, "dismissed") == 1
    assert log.entry(first)["decision"] is None and log.entry(second)["decision"] == "dismissed"
    assert log.decide(f.id, "dismissed", page_session="elsewhere") == 0
    assert log.decide("w-unknown", "fixed") == 0


def test_decide_refuses_unknown_decisions(log):
    with pytest.raises(ValueError):
        log.decide("w-1", "ignored")


# -- reading -------------------------------------------------------------------------


@pytest.fixture
def filled(log):
    rows = [("LG201", "message", "warning", "Mark Visser", "2026-11-02T10:00:00Z", None),
            ("LG202", "message", "info", "Eva de Vries", "2026-11-09T10:00:00Z", "proceeded"),
            ("LG402", "post", "info", "post", "2026-11-16T10:00:00Z", "dismissed"),
            ("LG201", "message", "critical", "Jan Jansen", "2026-11-23T10:00:00Z", None)]
    for i, (rule, kind, severity, subject, when, decision) in enumerate(rows):
        f = finding(rule=rule, subject=subject, session=f"s{i}", severity=severity, evidence=(f"about {subject}",))
        ctx = message(session=f"s{i}") if kind == "message" else parse_context(
            {"kind": "post", "url": "https://www.linkedin.com/feed/", "trigger": "input", "text": "t",
             "page_session": f"s{i}"})
        entry_id = log.record(f, ctx, store_excerpt=True)
        set_created(log, entry_id, when)
        if decision:
            log.decide(f.id, decision)
    return log


def ids(entries):
    return [e.id for e in entries]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [4, 3, 2, 1]),
        ({"rule": "LG201"}, [4, 1]),
        ({"severity": "info"}, [3, 2]),
        ({"kind": "post"}, [3]),
        ({"decision": "none"}, [4, 1]),
        ({"decision": "proceeded"}, [2]),
        ({"since": datetime(2026, 11, 9, tzinfo=timezone.utc)}, [4, 3, 2]),
        ({"until": datetime(2026, 11, 9, 10, 0, 1)}, [2, 1]),  # naive = UTC
        ({"search": "Vries"}, [2]),
        ({"search": "about"}, [4, 3, 2, 1]),
        ({"search": "%"}, []),  # LIKE wildcards are literal
        ({"before_id": 3}, [2, 1]),
        ({"rule": "LG201", "decision": "none", "since": datetime(2026, 11, 20, tzinfo=timezone.utc)}, [4]),
    ],
)
def test_filters(filled, filters, expected):
    assert ids(filled.entries(**filters)) == expected
    assert filled.count(**{k: v for k, v in filters.items()}) == len(expected)


def test_limit_and_offset(filled):
    assert ids(filled.entries(limit=2)) == [4, 3]
    assert ids(filled.entries(limit=2, offset=2)) == [2, 1]


def test_entry_of_a_missing_id_is_none(filled):
    assert filled.entry(99) is None


def test_iter_details_walks_everything_in_batches(filled):
    rows = list(filled.iter_details(batch=3))
    assert [r["id"] for r in rows] == [4, 3, 2, 1]
    assert rows[0]["evidence"] == [{"field": "text", "excerpt": "about Jan Jansen"}]


def test_delete_and_clear(filled):
    assert filled.delete([1, 3, 99]) == 2
    assert ids(filled.entries()) == [4, 2]
    assert {e["entry"]["id"] for e in filled.events_after(0)} == {4, 2}
    assert filled.clear(before=datetime(2026, 11, 20, tzinfo=timezone.utc)) == 1
    assert ids(filled.entries()) == [4]
    assert filled.clear() == 1 and filled.count() == 0


def test_ids_are_never_reused_after_a_clear(log):
    first = log.record(finding(), message(), store_excerpt=True)
    log.clear()
    assert log.record(finding(), message(), store_excerpt=True) > first


# -- remembered entries: no write per keystroke, yet a cleared entry comes back ---------


@pytest.fixture
def clock(monkeypatch):
    from guard import warning_log

    now = types.SimpleNamespace(t=1000.0)
    monkeypatch.setattr(warning_log, "_monotonic", lambda: now.t)
    return now


def writes(wl: WarningLog) -> list[str]:
    """Statements that change the log, as this connection runs them (filled in as it goes)."""
    seen: list[str] = []
    wl._conn.set_trace_callback(
        lambda sql: seen.append(sql) if sql.lstrip().split()[0].upper() in ("INSERT", "UPDATE", "DELETE", "BEGIN") else None)
    return seen


def test_the_same_warning_again_costs_no_write(log):
    first = log.record(finding(), message("Wij bieden k"), store_excerpt=True)
    seen = writes(log)
    for i in range(20):
        assert log.record(finding(), message("Wij bieden korting" + "!" * i), store_excerpt=True) == first
    assert seen == []
    assert log.count() == 1


def test_submit_still_writes_to_refresh_the_excerpt(log):
    first = log.record(finding(evidence=()), message("Wij bie"), store_excerpt=True)
    seen = writes(log)
    log.record(finding(evidence=()), message("Wij bieden korting!", trigger="submit"), store_excerpt=True)
    assert any(sql.lstrip().startswith("UPDATE entries SET excerpt") for sql in seen)
    assert log.entry(first)["excerpt"] == "Wij bieden korting!"


def test_an_entry_cleared_through_the_same_log_is_written_again_at_once(log, clock):
    first = log.record(finding(), message(), store_excerpt=True)
    log.clear()
    second = log.record(finding(), message(), store_excerpt=True)  # clock not moved
    assert second > first and log.count() == 1
    log.delete([second])
    assert log.record(finding(), message(), store_excerpt=True) > second and log.count() == 1


def test_an_entry_cleared_by_another_process_is_written_again_after_the_check_interval(tmp_path, clock):
    from guard.warning_log import KNOWN_CHECK_S

    path = tmp_path / "log.sqlite3"
    with WarningLog(path) as host, WarningLog(path) as cli:
        f = finding()
        first = host.record(f, message(), store_excerpt=True)
        assert cli.clear() == 1  # `linkedin-guard log clear`, another connection
        # Inside the interval the host still trusts its memory (documented window) ...
        clock.t += KNOWN_CHECK_S / 2
        assert host.record(f, message(), store_excerpt=True) == first
        assert cli.count() == 0
        # ... and once it has passed, the warning still on screen is logged again,
        clock.t += KNOWN_CHECK_S / 2
        second = host.record(f, message(), store_excerpt=True)
        assert second > first
        [entry] = cli.entries()
        assert entry.id == second and entry.subject == "Mark Visser"
        assert [e["type"] for e in cli.events_after(0)] == ["warning"]
        # so the person's decision on it is recorded, not lost.
        assert host.decide(f.id, "proceeded", page_session="tab-1") == 1
        # After that, memory again: no write per keystroke.
        seen = writes(host)
        clock.t += KNOWN_CHECK_S * 4
        assert host.record(f, message(), store_excerpt=True) == second
        assert seen == []


def test_writes_by_other_processes_cost_one_read_per_remembered_entry_not_a_write(tmp_path, clock):
    from guard.warning_log import KNOWN_CHECK_S

    path = tmp_path / "log.sqlite3"
    with WarningLog(path) as host, WarningLog(path) as other_host:
        first = host.record(finding(), message(), store_excerpt=True)
        other_host.record(finding(subject="Eva", session="tab-9"), message(session="tab-9"), store_excerpt=True)
        clock.t += KNOWN_CHECK_S
        seen = writes(host)
        assert host.record(finding(), message(), store_excerpt=True) == first
        assert host.record(finding(), message(), store_excerpt=True) == first
        assert seen == []
        assert host.count() == 2


def test_retention_in_another_process_lets_a_still_shown_warning_be_logged_again(tmp_path, clock):
    from guard.warning_log import KNOWN_CHECK_S

    path = tmp_path / "log.sqlite3"
    with WarningLog(path) as host, WarningLog(path) as other_host:
        old = host.record(finding(), message(), store_excerpt=True)
        set_created(host, old, (datetime.now(timezone.utc) - timedelta(days=40)).strftime("%Y-%m-%dT%H:%M:%SZ"))
        assert other_host.apply_retention(30) == 1
        clock.t += KNOWN_CHECK_S
        assert host.record(finding(), message(), store_excerpt=True) > old
        assert other_host.count() == 1


def test_a_failed_write_is_not_remembered(log, monkeypatch):
    from contextlib import contextmanager

    real_write = log._write

    @contextmanager
    def commit_fails():  # the INSERT runs, then the transaction is lost
        with log._lock:
            log._conn.execute("BEGIN IMMEDIATE")
            yield log._conn
            log._conn.execute("ROLLBACK")
            raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(log, "_write", commit_fails)
    with pytest.raises(sqlite3.OperationalError):
        log.record(finding(), message(), store_excerpt=True)
    monkeypatch.setattr(log, "_write", real_write)
    seen = writes(log)
    entry_id = log.record(finding(), message(), store_excerpt=True)
    assert any(sql.lstrip().startswith("INSERT") for sql in seen)
    assert [e.id for e in log.entries()] == [entry_id]


def test_memory_is_bounded(log, monkeypatch):
    from guard import warning_log

    monkeypatch.setattr(warning_log, "KNOWN_MAX", 5)
    for i in range(12):
        log.record(finding(subject=f"s{i}"), message(), store_excerpt=True)
        assert len(log._known) <= 5
    assert log.count() == 12


def test_apply_retention_removes_only_old_entries(log):
    old = log.record(finding(subject="old"), message(), store_excerpt=True)
    log.record(finding(subject="new"), message(), store_excerpt=True)
    set_created(log, old, (datetime.now(timezone.utc) - timedelta(days=31)).strftime("%Y-%m-%dT%H:%M:%SZ"))
    assert log.apply_retention(30) == 1
    assert [e.subject for e in log.entries()] == ["new"]


# -- the live feed -------------------------------------------------------------------


def test_events_after_and_last_event_id(log):
    assert log.last_event_id() == 0 and log.events_after(0) == []
    f = finding()
    log.record(f, message(), store_excerpt=True)
    start = log.last_event_id()
    log.record(finding(subject="Eva"), message(), store_excerpt=True)
    log.decide(f.id, "cancelled")
    events = log.events_after(start)
    assert [(e["type"], e["entry"]["subject"]) for e in events] == [("warning", "Eva"), ("decision", "Mark Visser")]
    assert events[1]["entry"]["decision"] == "cancelled"
    assert [e["event_id"] for e in events] == [start + 1, start + 2]
    assert log.events_after(events[-1]["event_id"]) == []
    assert len(log.events_after(0, limit=1)) == 1
    log.clear()
    assert log.last_event_id() == start + 2  # a feed never goes back


def test_events_from_another_connection_are_seen(tmp_path):
    path = tmp_path / "log.sqlite3"
    with WarningLog(path) as reader, WarningLog(path) as writer:
        start = reader.last_event_id()
        writer.record(finding(), message(), store_excerpt=True)
        assert [e["entry"]["subject"] for e in reader.events_after(start)] == ["Mark Visser"]


# -- the chart -----------------------------------------------------------------------


def test_weekly_counts_use_iso_weeks(log):
    days = {"2026-12-27T12:00:00Z": "A", "2026-12-28T12:00:00Z": "B", "2027-01-01T12:00:00Z": "C",
            "2027-01-03T23:59:59Z": "D", "2027-01-04T00:00:00Z": "E"}
    for when, subject in days.items():
        set_created(log, log.record(finding(subject=subject), message(), store_excerpt=True), when)
    set_created(log, log.record(finding(rule="LG202", subject="F"), message(), store_excerpt=True),
                "2027-01-02T08:00:00Z")
    assert log.weekly_counts() == [
        {"week": "2026-W52", "rule": "LG201", "count": 1},
        {"week": "2026-W53", "rule": "LG201", "count": 3},
        {"week": "2026-W53", "rule": "LG202", "count": 1},
        {"week": "2027-W01", "rule": "LG201", "count": 1},
    ]
    assert log.weekly_counts(since=datetime(2027, 1, 4, tzinfo=timezone.utc)) == [
        {"week": "2027-W01", "rule": "LG201", "count": 1}]


# -- several processes -----------------------------------------------------------------

WRITER = r"""
import os, sys, time
from guard.models import Finding, parse_context
from guard.warning_log import WarningLog
path, who = sys.argv[1], sys.argv[2]
log = WarningLog(path)
# Start together, so the four really write at the same time.
open(f"{path}.ready-{who}", "w").close()
while not os.path.exists(f"{path}.go"):
    time.sleep(0.001)
for i in range(250):
    f = Finding(id=f"w-{who}-{i}", rule="LG201", slug="s", severity="warning", mode="confirm", title="t",
                message="m", legal_basis=[], subject=f"person {i}")
    ctx = parse_context({"kind": "message", "url": "u", "trigger": "input", "channel": "message",
                         "recipient": {"name": "x"}, "text": "t", "page_session": f"{who}"})
    log.record(f, ctx, store_excerpt=True)
    if i % 10 == 0:
        log.decide(f"w-{who}-{i}", "dismissed")
log.close()
"""


def test_four_processes_writing_250_warnings_each_leave_1000_entries(tmp_path):
    path = tmp_path / "log.sqlite3"
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), f"p{n}"], cwd=ROOT, stderr=subprocess.PIPE)
             for n in range(4)]
    deadline = time.monotonic() + 60
    while len(list(tmp_path.glob("log.sqlite3.ready-*"))) < 4:
        assert time.monotonic() < deadline and all(p.poll() is None for p in procs), "writers did not start"
        time.sleep(0.01)
    (tmp_path / "log.sqlite3.go").touch()
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    with WarningLog(path) as wl:
        assert wl.count() == 1000
        assert wl.count(decision="dismissed") == 100
        assert len({e.id for e in wl.entries(limit=2000)}) == 1000
        events = wl.events_after(0, limit=5000)
        assert sum(e["type"] == "warning" for e in events) == 1000
        assert sum(e["type"] == "decision" for e in events) == 100


# -- v1.1: repeated visits fold, not_applicable ---------------------------------------


def profile(session: str, url: str = "https://www.linkedin.com/in/sanne/"):
    return parse_context({"kind": "profile", "url": url, "trigger": "observe", "page_session": session,
                          "own": True, "name": "Sanne", "positions": []})


def test_repeated_visits_to_a_profile_fold_into_one_entry(log):
    first = log.record(finding("LG101", "open-to-work", session="s1"), profile("s1"), store_excerpt=True)
    for i in range(2, 21):  # a page re-navigating 20 times (audit A3.9)
        again = log.record(finding("LG101", "open-to-work", session=f"s{i}"), profile(f"s{i}", f"https://www.linkedin.com/in/sanne/?flood={i}"),
                           store_excerpt=True)
        assert again == first
    entries = log.entries(rule="LG101")
    assert len(entries) == 1
    assert entries[0].count == 20
    assert entries[0].last_seen is not None
    # The newest visit's page session and warning id: the person's decision there lands on it.
    assert log.decide(finding("LG101", "open-to-work", session="s20").id, "dismissed", page_session="s20") == 1


def test_a_decided_or_old_entry_takes_no_more_visits_and_messages_never_fold(log):
    a = log.record(finding("LG101", "open-to-work", session="s1"), profile("s1"), store_excerpt=True)
    log.decide(finding("LG101", "open-to-work", session="s1").id, "dismissed", page_session="s1")
    b = log.record(finding("LG101", "open-to-work", session="s2"), profile("s2"), store_excerpt=True)
    assert b != a, "after a decision a new visit is a new entry"
    set_created(log, b, "2020-01-01T00:00:00Z")
    c = log.record(finding("LG101", "open-to-work", session="s3"), profile("s3"), store_excerpt=True)
    assert c != b, "outside the fold window"
    m1 = log.record(finding(session="t1"), message(session="t1"), store_excerpt=True)
    m2 = log.record(finding(session="t2"), message(session="t2"), store_excerpt=True)
    assert m1 != m2, "messages are actions with their own decisions: never folded"
    assert {e.count for e in log.entries()} == {1}


def test_not_applicable_with_reason_kind(log):
    f = finding()
    log.record(f, message(), store_excerpt=True)
    assert log.decide(f.id, "not_applicable", "they asked at the fair", page_session="tab-1", reason_kind="asked_for_it") == 1
    e = log.entries(rule="LG201")[0]
    assert (e.decision, e.reason_kind, e.justification) == ("not_applicable", "asked_for_it", "they asked at the fair")
    with pytest.raises(ValueError):
        log.decide(f.id, "proceeded", reason_kind="asked_for_it")
    with pytest.raises(ValueError):
        log.decide(f.id, "not_applicable", reason_kind="because")
