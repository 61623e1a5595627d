"""``linkedin-guard consent list|remove|note|export`` through a real subprocess."""

from __future__ import annotations

import csv
import json
import os
import stat

from guard.consent import ConsentRegister
from tests.test_cli import cli


def filled(home):
    reg = ConsentRegister(home / "consent.sqlite3")
    a = reg.add("Mark Visser", "https://www.linkedin.com/in/markvisser/", note="asked for a quote")
    b = reg.add("Eva de Boer", None)
    reg.close()
    return a["id"], b["id"]


def test_list_empty_and_filled(guard_home):
    out = cli("consent", "list", home=guard_home)
    assert out.returncode == 0 and "empty" in out.stdout
    assert not (guard_home / "consent.sqlite3").exists(), "listing must not create the register"
    filled(guard_home)
    out = cli("consent", home=guard_home)
    lines = out.stdout.splitlines()
    assert "Eva de Boer" in lines[0] and "Mark Visser (in/markvisser)" in lines[1] and "asked for a quote" in lines[1]
    data = json.loads(cli("consent", "list", "--json", home=guard_home).stdout)
    assert [e["name"] for e in data] == ["Eva de Boer", "Mark Visser"]


def test_remove_and_note(guard_home):
    mark, eva = filled(guard_home)
    assert cli("consent", "note", str(eva), "met at the fair", home=guard_home).returncode == 0
    assert cli("consent", "remove", str(mark), home=guard_home).returncode == 0
    [entry] = ConsentRegister(guard_home / "consent.sqlite3").entries()
    assert (entry["name"], entry["note"]) == ("Eva de Boer", "met at the fair")
    bad = cli("consent", "remove", "999", home=guard_home)
    assert bad.returncode == 2 and "no consent entry with id 999" in bad.stderr and "Traceback" not in bad.stderr
    bad = cli("consent", "note", str(eva), "n" * 2001, home=guard_home)
    assert bad.returncode == 2 and "note: at most 2000" in bad.stderr


def test_export_json_and_csv(guard_home, tmp_path):
    filled(guard_home)
    assert cli("consent", "export", str(tmp_path / "c.json"), home=guard_home).returncode == 0
    assert [e["name"] for e in json.loads((tmp_path / "c.json").read_text())] == ["Eva de Boer", "Mark Visser"]
    assert stat.S_IMODE(os.stat(tmp_path / "c.json").st_mode) == 0o600
    assert cli("consent", "export", str(tmp_path / "c.csv"), home=guard_home).returncode == 0
    rows = list(csv.reader((tmp_path / "c.csv").open(newline="")))
    assert rows[0][:2] == ["id", "name"] and rows[2][1] == "Mark Visser"
    bad = cli("consent", "export", str(tmp_path / "c.txt"), home=guard_home)
    assert bad.returncode == 2 and "must end in .json or .csv" in bad.stderr


PITCH_TO_MARK = {"kind": "message", "url": "https://www.linkedin.com/messaging/thread/1/", "trigger": "input",
                 "channel": "message", "text": "Hi Mark, our lead generation platform helps B2B teams book 30% more "
                 "demos. Can I show you a quick 15 minute demo next week? Free trial this month.",
                 "recipient": {"name": "Mark Visser", "profile_url": "https://www.linkedin.com/in/markvisser/"},
                 "thread": {"messages_from_me": 0, "messages_from_recipient": 0}}


def rules_of(out):
    assert out.returncode == 0, out.stderr
    return {w["rule"] for w in json.loads(out.stdout)["warnings"]}


def test_evaluate_with_saved_settings_honours_the_consent_register(guard_home, tmp_path):
    ctx = json.dumps(PITCH_TO_MARK)
    assert "LG201" in rules_of(cli("evaluate", stdin=ctx, home=guard_home))
    assert not (guard_home / "consent.sqlite3").exists(), "evaluate must not create the register"
    filled(guard_home)  # Mark asked for the offer
    assert "LG201" not in rules_of(cli("evaluate", stdin=ctx, home=guard_home))
    # someone else with a pitch still gets it
    other = json.dumps({**PITCH_TO_MARK, "recipient": {"name": "Lotte Smit", "profile_url": "https://www.linkedin.com/in/lottesmit/"}})
    assert "LG201" in rules_of(cli("evaluate", stdin=other, home=guard_home))
    # --settings FILE judges the text alone
    settings = tmp_path / "s.json"
    settings.write_text("{}")
    assert "LG201" in rules_of(cli("evaluate", "--settings", str(settings), stdin=ctx, home=guard_home))
