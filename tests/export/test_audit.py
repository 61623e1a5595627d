"""The audit judges the export through the Engine: who sent what, threads, subjects, one finding per post."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from guard.cli import main
from guard.export.audit import audit
from guard.export.store import AuditStore, audit_db_path
from guard.models import parse_settings
from tests.export import builder as b

SETTINGS = parse_settings(b.SETTINGS)


def run(tmp_path: Path, files: dict[str, bytes], name: str = "Basic_LinkedInDataExport_04-17-2026.zip", settings=SETTINGS):
    return audit(b.write_zip(tmp_path / name, files), settings).as_json()


def of(result, rule):
    return [f for f in result["findings"] if f["rule"] == rule]


def test_2026_export_gives_the_expected_findings(tmp_path):
    result = run(tmp_path, b.files_2026())
    assert result["export"] == {"kind": "basic", "date": "2026-04-17", "files": [
        "Comments.csv", "Connections.csv", "Invitations.csv", "messages.csv", "Positions.csv", "Profile.csv",
        "Rich_Media.csv", "Shares.csv"]}
    assert result["summary"] == {"LG201": 2, "LG202": 2, "LG301": 1, "LG401": 1, "LG402": 1, "LG501": 2}
    assert {(f["source"], f["subject"]) for f in of(result, "LG201")} == {("messages.csv", "Joris Visser"),
                                                                         ("Invitations.csv", "Bram Peters")}
    assert [(f["subject"], f["date"]) for f in of(result, "LG401")] == [("Head of Sales", "2024-01")]
    assert sorted(f["subject"] for f in of(result, "LG501")) == ["Lotte Bakker", "Pieter Jansen"]
    assert result["problems"] == []


def test_received_messages_are_never_findings(tmp_path):
    result = run(tmp_path, b.files_2026())
    assert not [f for f in result["findings"] if "Kees" in f["subject"]]
    # A received sales pitch alone gives nothing.
    files = b.files_2026()
    files["messages.csv"] = b.csv_text(
        ["CONVERSATION ID", "FROM", "SENDER PROFILE URL", "TO", "DATE", "CONTENT"],
        [["2-a", "Kees Smit", "https://www.linkedin.com/in/kees", "Anneke de Wit", "2026-01-01 10:00:00 UTC", b.RECEIVED_SALES],
         ["2-b", "Anneke de Wit", b.ME_URL, "Lotte Bakker", "2026-01-02 10:00:00 UTC", "Hoi Lotte, tot morgen!"]]).encode()
    assert not [f for f in run(tmp_path, files, "b.zip")["findings"] if f["source"] == "messages.csv"]


def test_member_found_without_a_profile_as_the_sender_in_most_conversations(tmp_path):
    files = b.files_2022()
    del files["Profile.csv"]
    result = run(tmp_path, files)
    assert {f["subject"] for f in of(result, "LG201")} == {"Joris Visser"}


def test_follow_up_after_a_first_message_with_the_notice_needs_no_lg202(tmp_path):
    result = run(tmp_path, b.files_2022())
    assert of(result, "LG202") == []  # the first carried the notice; the follow-up is a follow-up
    assert [f["date"] for f in of(result, "LG201")] == ["2022-05-01T09:00:00Z", "2022-05-03T09:00:00Z"]


def test_thread_is_rebuilt_in_date_order_not_file_order(tmp_path):
    files = b.files_2022()
    header = ["CONVERSATION ID", "FROM", "SENDER PROFILE URL", "TO", "DATE", "CONTENT"]
    # The file lists the follow-up first; the first message (no notice) is older.
    files["messages.csv"] = b.csv_text(header, [
        ["2-t", "Anneke de Wit", b.ME_URL, "Joris Visser", "2022-05-03 09:00:00 UTC", b.FOLLOW_UP],
        ["2-t", "Anneke de Wit", b.ME_URL, "Joris Visser", "2022-05-01 09:00:00 UTC", b.SALES],
    ]).encode()
    result = run(tmp_path, files)
    assert [f["date"] for f in of(result, "LG202")] == ["2022-05-01T09:00:00Z"]


def test_drafts_are_not_judged(tmp_path):
    result = run(tmp_path, b.files_2026())
    assert all(f["date"] != "2026-02-03T09:00:00Z" for f in result["findings"])


def test_dutch_sales_message_is_judged_and_dutch_small_talk_is_not(tmp_path):
    files = b.files_2026()
    files["messages.csv"] = b.csv_text(["CONVERSATION ID", "FROM", "SENDER PROFILE URL", "TO", "DATE", "CONTENT"], [
        ["2-nl", "Anneke de Wit", b.ME_URL, "Joris Visser", "2026-01-02 10:00:00 UTC",
         "Hoi Joris, ons nieuwe CRM-pakket bespaart je team 20% administratie. Zal ik je een offerte met korting sturen?"],
        ["2-nl2", "Anneke de Wit", b.ME_URL, "Sanne de Boer", "2026-01-03 10:00:00 UTC",
         "Hoi Sanne, leuk je gisteren te spreken op de borrel! Tot snel."],
    ]).encode()
    result = run(tmp_path, files)
    assert {f["subject"] for f in of(result, "LG201") if f["source"] == "messages.csv"} == {"Joris Visser"}


def test_one_finding_per_post_even_when_listed_twice_and_in_rich_media(tmp_path):
    result = run(tmp_path, b.files_2026())
    posts = [f for f in result["findings"] if f["rule"] in ("LG301", "LG402")]
    assert sorted(f["rule"] for f in posts) == ["LG301", "LG402"]
    assert {f["subject"] for f in posts} == {"https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A333"}


def test_a_link_preview_is_not_a_photo(tmp_path):
    # 2022: the party post has no upload in Rich Media, only text: no LG301 (photo rule) for it.
    result = run(tmp_path, b.files_2022())
    assert of(result, "LG301") == []


def test_open_to_work_from_job_seeker_preferences(tmp_path):
    result = run(tmp_path, b.files_2022())
    assert [(f["subject"], f["source"]) for f in of(result, "LG102")] == [("#OpenToWork", "Job Seeker Preferences.csv")]
    files = b.files_2022()
    files["Jobs/Job Seeker Preferences.csv"] = files["Jobs/Job Seeker Preferences.csv"].replace(b"RECRUITERS", b"PUBLIC")
    assert [f["subject"] for f in of(run(tmp_path, files, "p.zip"), "LG101")] == ["#OpenToWork"]


def test_2018_utf16_export_with_direction_column(tmp_path):
    result = run(tmp_path, b.files_2018(), "Complete_LinkedInDataExport_11-04-2018.zip")
    assert result["export"]["kind"] == "complete" and result["export"]["date"] == "2018-11-04"
    assert [f["subject"] for f in of(result, "LG201")] == ["Joris Visser"]
    assert [f["date"] for f in of(result, "LG402")] == ["2017-06-08T08:15:44Z"]


def test_without_settings_only_message_rules_can_fire(tmp_path):
    result = run(tmp_path, b.files_2026(), settings=parse_settings({}))
    assert set(result["summary"]) <= {"LG201", "LG202", "LG301"}


def test_rules_switched_off_in_settings_stay_off(tmp_path):
    settings = parse_settings({**b.SETTINGS, "rules": {"LG201": {"enabled": False}}})
    assert of(run(tmp_path, b.files_2026(), settings=settings), "LG201") == []


def test_cli_json_matches_the_contract_and_stores_privately(tmp_path, capsys):
    zipped = b.write_zip(tmp_path / "Basic_LinkedInDataExport_04-17-2026.zip", b.files_2026())
    settings_file = tmp_path / "s.json"
    settings_file.write_text(json.dumps(b.SETTINGS))
    assert main(["audit", str(zipped), "--json", "--settings", str(settings_file)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"export", "findings", "summary", "problems"}
    assert all(set(f) == {"rule", "source", "date", "subject", "about", "excerpt"} for f in out["findings"])
    path = audit_db_path()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with AuditStore(path) as store:
        latest = store.latest()
    assert latest["summary"] == out["summary"]
    assert {f["fix"] for f in latest["findings"] if f["rule"] == "LG501"} == {"Remove this connection."}
    assert main(["audit", "--forget"]) == 0
    with AuditStore(path) as store:
        assert store.latest() is None


def test_stored_results_follow_retention_and_excerpt_setting(tmp_path):
    result = audit(b.write_zip(tmp_path / "e.zip", b.files_2026()), SETTINGS)
    with AuditStore() as store:
        store.save(result, "e.zip", store_excerpts=False)
        assert all(f["excerpt"] is None for f in store.latest()["findings"])
        store.conn.execute("UPDATE audit_runs SET created_at = '2020-01-01T00:00:00Z'")
        store.conn.commit()
        assert store.apply_retention(180) == 1
        assert store.latest() is None
        assert store.conn.execute("SELECT COUNT(*) FROM audit_findings").fetchone()[0] == 0


def test_handled_findings_stay_handled_in_the_next_run(tmp_path):
    result = audit(b.write_zip(tmp_path / "e.zip", b.files_2026()), SETTINGS)
    with AuditStore() as store:
        store.save(result, "e.zip")
        first = store.latest()["findings"][0]
        store.set_handled([first["id"]], True)
        store.save(result, "e.zip")
        again = [f for f in store.latest()["findings"] if f["subject"] == first["subject"] and f["rule"] == first["rule"]]
        assert again and again[0]["handled_at"]


def test_cli_text_output_and_exit_codes_in_a_real_process(tmp_path):
    zipped = b.write_zip(tmp_path / "Basic_LinkedInDataExport_04-17-2026.zip", b.files_2026())
    env = {**os.environ, "LINKEDIN_GUARD_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-m", "guard", "audit", str(zipped), "--no-store"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0 and "LG201" in done.stdout
    bad = subprocess.run([sys.executable, "-m", "guard", "audit", str(tmp_path)], capture_output=True, text=True,
                         env=env, timeout=60)
    assert bad.returncode == 2 and bad.stdout == "" and bad.stderr.count("\n") == 1
    assert not (tmp_path / "home" / "audit.sqlite3").exists()


def test_english_small_talk_sent_by_the_member_is_not_judged(tmp_path):
    files = b.files_2026()
    files["messages.csv"] = b.csv_text(["CONVERSATION ID", "FROM", "SENDER PROFILE URL", "TO", "DATE", "CONTENT"], [
        ["2-en", "Anneke de Wit", b.ME_URL, "Joris Visser", "2026-01-02 10:00:00 UTC",
         "Thanks Joris, good to see you at the meetup last week. Coffee next Tuesday?"],
    ]).encode()
    assert not [f for f in run(tmp_path, files)["findings"] if f["source"] == "messages.csv"]


def test_excel_resaved_connections_semicolons_no_preamble(tmp_path):
    files = b.files_2026()
    files["Connections.csv"] = ("First Name;Last Name;Email Address;Company;Position;Connected on\r\n"
                                "Pieter;Jansen;;Zuiderbank N.V.;CFO;16.09.2021\r\n").encode("utf-8-sig")
    result = run(tmp_path, files)
    assert [(f["subject"], f["date"]) for f in of(result, "LG501")] == [("Pieter Jansen", "2021-09-16")]


def test_unreadable_rows_go_to_problems_and_the_run_goes_on(tmp_path):
    files = b.files_2026()
    files["Positions.csv"] = b"Company Name,Title,Description,Location,Started On,Finished On\n" \
                             b"Acme Data B.V.,Head of Sales,,,Jan 2024,\nx,y,z,1,2,3,4,5\n"
    files["messages.csv"] = files["messages.csv"].replace(b"2026-02-01 09:00:00 UTC", b"sometime soon")
    result = run(tmp_path, files)
    assert {p["file"] for p in result["problems"]} == {"Positions.csv", "messages.csv"}
    assert of(result, "LG401") and of(result, "LG501")


def test_a_prolific_sender_is_not_mistaken_for_the_member_who_sent_nothing(tmp_path):
    files = b.files_2026()
    del files["Profile.csv"]
    rows = [[f"2-s{i}", "Kees Smit", "https://www.linkedin.com/in/kees", "Anneke de Wit", f"2026-01-0{i} 10:00:00 UTC",
             b.RECEIVED_SALES] for i in range(1, 4)]
    rows.append(["2-o", "Joris Visser", "https://www.linkedin.com/in/joris", "Anneke de Wit", "2026-01-05 10:00:00 UTC", "Hi!"])
    rows.append(["2-p", "Lotte Bakker", "https://www.linkedin.com/in/lotte", "Anneke de Wit", "2026-01-06 10:00:00 UTC", "Hoi!"])
    files["messages.csv"] = b.csv_text(["CONVERSATION ID", "FROM", "SENDER PROFILE URL", "TO", "DATE", "CONTENT"], rows).encode()
    assert not [f for f in run(tmp_path, files)["findings"] if f["source"] == "messages.csv"]


def test_when_the_member_cannot_be_told_apart_no_message_is_judged(tmp_path):
    files = b.files_2026()
    del files["Profile.csv"]
    files["messages.csv"] = b.csv_text(["CONVERSATION ID", "FROM", "SENDER PROFILE URL", "TO", "DATE", "CONTENT"], [
        ["2-one", "Kees Smit", "https://www.linkedin.com/in/kees", "Anneke de Wit", "2026-01-01 10:00:00 UTC",
         b.RECEIVED_SALES]]).encode()
    result = run(tmp_path, files)
    assert not [f for f in result["findings"] if f["source"] == "messages.csv"]
    assert [p["file"] for p in result["problems"]] == ["messages.csv"]
