"""Page health (issue 8): the host counts "the guard could not read this
page" sightings without any page text, ``doctor`` lists them, retention
removes them, and ``save_page_structure`` writes only skeletons."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from guard.warning_log import WarningLog
from tests.host.conftest import ask

ROOT = Path(__file__).resolve().parents[2]


def test_page_health_is_counted_per_day_without_page_text(session):
    for _ in range(3):
        reply = ask(session, {"id": 1, "type": "unreadable_page", "surfaces": ["message"], "page_type": "messaging",
                              "frontend": "ember", "extension_version": "0.1.0"})[0]
        assert reply == {"id": 1, "ok": True, "result": {"recorded": 1}}
    ask(session, {"id": 2, "type": "unreadable_page", "surfaces": ["post", "invitation"], "page_type": "feed",
                  "frontend": "react", "extension_version": "0.1.0"})
    log = session.warm_up().log
    rows = log.page_health(datetime.now(timezone.utc) - timedelta(days=7))
    by = {(r["surface"], r["page_type"]): r for r in rows}
    assert by[("message", "messaging")]["count"] == 3
    assert set(by) == {("message", "messaging"), ("post", "feed"), ("invitation", "feed")}
    # The table holds names only: no column can carry a URL or text.
    cols = [r[1] for r in log._conn.execute("PRAGMA table_info(page_health)")]
    assert cols == ["day", "surface", "page_type", "frontend", "extension_version", "count", "first_seen", "last_seen"]


@pytest.mark.parametrize("bad,field", [
    ({"surfaces": ["https://www.linkedin.com/in/mark-visser/"], "page_type": "profile"}, "surfaces"),
    ({"surfaces": [], "page_type": "profile"}, "surfaces"),
    ({"surfaces": "message", "page_type": "messaging"}, "surfaces"),
    ({"surfaces": ["message"], "page_type": "/messaging/thread/2-abc/"}, "page_type"),
    ({"surfaces": ["message"], "page_type": "messaging", "frontend": "Mark Visser"}, "frontend"),
    ({"surfaces": ["message"], "page_type": "messaging", "extension_version": "x" * 41}, "extension_version"),
])
def test_page_health_refuses_anything_but_known_names(session, bad, field):
    reply = ask(session, {"id": 3, "type": "unreadable_page", **bad})[0]
    assert reply["ok"] is False and reply["error"]["code"] == "invalid_request"
    assert field in reply["error"]["message"] or any(d["path"] == field for d in reply["error"].get("details", []))
    assert session.warm_up().log.page_health(datetime.now(timezone.utc) - timedelta(days=1)) == []


def test_retention_removes_old_page_health(tmp_path):
    with WarningLog(tmp_path / "w.sqlite3") as log:
        old = datetime.now(timezone.utc) - timedelta(days=40)
        log.record_page_health("profile", "profile", "react", "0.1.0", at=old)
        log.record_page_health("connections", "connections", "react", "0.1.0")
        log.apply_retention(30)
        rows = log.page_health(old - timedelta(days=1))
        assert [r["surface"] for r in rows] == ["connections"]


SKELETON = '<html lang="en">\n  <body class="x">\n    <div id="interop-…" data-testid="interop-shadowdom">\n' \
           '      #shadow-root (open)\n        <div role="dialog" aria-label="…">\n          "…"\n'


def test_save_page_structure_writes_a_private_file_in_the_guard_home(session):
    reply = ask(session, {"id": 4, "type": "save_page_structure", "skeleton": SKELETON, "page_type": "feed"})[0]
    assert reply["ok"], reply
    path = Path(reply["result"]["path"])
    assert path.parent.name == "page-structures" and path.name.endswith("-feed.txt")
    assert path.read_text(encoding="utf-8") == SKELETON
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


@pytest.mark.parametrize("bad", [
    SKELETON + "Mark Visser\n",                       # text outside the skeleton's shape
    SKELETON + '<a href="/in/mark-visser/">x</a>\n',   # markup with content
    "<div>\n<script>alert(1)</script>\n",
    "",
])
def test_save_page_structure_refuses_what_is_not_a_skeleton(session, bad):
    reply = ask(session, {"id": 5, "type": "save_page_structure", "skeleton": bad, "page_type": "feed"})[0]
    assert reply["ok"] is False and reply["error"]["code"] == "invalid_request"
    assert not list(Path(session.warm_up().log.path).parent.glob("page-structures/*"))


def test_doctor_lists_pages_the_guard_could_not_read(tmp_path):
    home = tmp_path / "guard-home"
    with WarningLog(home / "warnings.sqlite3") as log:
        log.record_page_health("message", "messaging", "ember", "0.1.0")
        log.record_page_health("message", "messaging", "ember", "0.1.0")
        log.record_page_health("otw_form", "otw_form", "react", "0.1.0",
                               at=datetime.now(timezone.utc) - timedelta(days=20))
    env = {**os.environ, "LINKEDIN_GUARD_HOME": str(home), "HOME": str(tmp_path / "home")}
    profile = tmp_path / "profile"
    out = subprocess.run([sys.executable, "-m", "guard", "doctor", "--browser", "chromium", "--user-data-dir", str(profile)],
                         env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert "Pages the guard could not read (last 7 days)" in out.stdout, out.stdout + out.stderr
    assert "message on messaging pages (ember): 2 times" in out.stdout
    assert "otw_form" not in out.stdout, "older than the window"
    out = subprocess.run([sys.executable, "-m", "guard", "doctor", "--json", "--browser", "chromium", "--user-data-dir",
                          str(profile)], env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
    report = json.loads(out.stdout)
    assert [(p["surface"], p["page_type"], p["count"]) for p in report["unreadable_pages"]] == [("message", "messaging", 2)]


def test_documented_examples_get_replies_of_the_documented_shape(session):
    from tests.host.test_protocol_doc import example, message_sections, same_shape

    sections = message_sections()
    for name in ("unreadable_page", "save_page_structure"):
        request, documented = example(sections[name], "Request"), example(sections[name], "Reply")
        reply = ask(session, request)[0]
        assert reply["ok"], reply
        same_shape(documented["result"], reply["result"], name)
