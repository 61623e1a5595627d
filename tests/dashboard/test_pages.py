"""The pages: log with filters and paging, entry detail, delete/clear/retention, exports, chart, rules, language."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from datetime import date, datetime, timedelta, timezone

import pytest

from guard import paths, settings_store
from guard.models import Settings
from guard.rules import all_rules
from tests.dashboard.conftest import same_origin
from tests.dashboard.test_security import parse_tags


def row_ids(text: str) -> list[int]:
    return [int(x) for x in re.findall(r'<tr data-entry-id="(\d+)"', text)]


def stamp(days_ago: float) -> str:
    return (datetime.now(timezone.utc) - timedelta(days=days_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


# --------------------------------------------------------------------------
# The log
# --------------------------------------------------------------------------


async def test_log_lists_entries_newest_first(client, seed):
    ids = seed.many(5)
    text = await (await client.get("/")).text()
    assert row_ids(text) == sorted(ids, reverse=True)
    assert "5 warnings" in text


async def test_empty_log_says_so_and_still_has_the_table_for_the_live_feed(client):
    text = await (await client.get("/")).text()
    assert "No warnings yet" in text
    assert 'id="log-rows"' in text
    assert 'data-live-insert="1"' in text


@pytest.mark.parametrize(
    "query,expected",
    [
        ({"rule": "LG101"}, {"b"}),
        ({"severity": "critical"}, {"c"}),
        ({"kind": "message"}, {"c"}),
        ({"decision": "proceeded"}, {"b"}),
        ({"decision": "none"}, {"a", "c"}),
        ({"q": "invoice"}, {"c"}),
        ({"q": "INVOICE"}, {"c"}),
        ({"q": "100%"}, set()),  # LIKE wildcards are literal
        ({"rule": "LG402", "severity": "info"}, {"a"}),
    ],
)
async def test_log_filters(client, seed, query, expected):
    a = seed.add("LG402", subject="a", excerpt="Proud of my team")
    b = seed.add("LG101", kind="profile", subject="b", severity="warning", decision="proceeded", excerpt="open to work")
    c = seed.add("LG402", kind="message", subject="c", severity="critical", excerpt="Please pay the invoice today")
    by_id = {a: "a", b: "b", c: "c"}
    text = await (await client.get("/", params=query)).text()
    assert {by_id[i] for i in row_ids(text)} == expected
    assert 'data-live-insert="0"' in text  # a filtered view does not take live rows
    api = await (await client.get("/api/log", params=query)).json()
    assert {by_id[e["id"]] for e in api["entries"]} == expected
    assert api["total"] == len(expected)


async def test_log_date_range_uses_local_calendar_days(client, seed):
    old = seed.add(subject="old", created_at=stamp(10))
    mid = seed.add(subject="mid", created_at=stamp(5))
    new = seed.add(subject="new", created_at=stamp(0))
    today = date.today()
    five = datetime.fromisoformat(stamp(5).replace("Z", "+00:00")).astimezone().date()
    text = await (await client.get("/", params={"since": five.isoformat(), "until": five.isoformat()})).text()
    assert row_ids(text) == [mid]
    text = await (await client.get("/", params={"since": (today - timedelta(days=6)).isoformat()})).text()
    assert set(row_ids(text)) == {mid, new}
    text = await (await client.get("/", params={"until": (today - timedelta(days=7)).isoformat()})).text()
    assert row_ids(text) == [old]


@pytest.mark.parametrize("query", [{"rule": "LG999"}, {"severity": "loud"}, {"since": "yesterday"}, {"decision": "maybe"},
                                   {"since": "2026-02-01", "until": "2026-01-01"}, {"page": "x"}, {"q": "x" * 300}])
async def test_bad_filters_are_400(client, query):
    assert (await client.get("/", params=query)).status == 400
    if "page" not in query:
        assert (await client.get("/api/log", params=query)).status == 400


async def test_paging(client, seed):
    ids = sorted(seed.many(120), reverse=True)
    page1 = await (await client.get("/")).text()
    assert row_ids(page1) == ids[:50]
    assert "Page 1 of 3" in page1
    page3 = await (await client.get("/", params={"page": "3"})).text()
    assert row_ids(page3) == ids[100:]
    assert 'data-live-insert="0"' in page3
    beyond = await (await client.get("/", params={"page": "99"})).text()
    assert row_ids(beyond) == ids[100:]  # clamped to the last page
    api = await (await client.get("/api/log", params={"limit": "10", "before_id": str(ids[9])})).json()
    assert [e["id"] for e in api["entries"]] == ids[10:20]


async def test_entry_detail_shows_evidence_and_decision(client, seed):
    entry_id = seed.add("LG101", kind="profile", subject="open-to-work", severity="warning", decision="proceeded",
                        excerpt="#OpenToWork visible to everyone")
    text = await (await client.get(f"/log/{entry_id}")).text()
    assert "#OpenToWork visible to everyone" in text
    assert "sent anyway" in text  # the decision, said plainly
    assert "because" in text  # the justification
    assert 'href="/rules#LG101"' in text
    assert 'href="https://www.linkedin.com/feed/"' in text


async def test_missing_entry_is_404_page(client):
    resp = await client.get("/log/424242")
    assert resp.status == 404
    assert "There is no warning 424242" in await resp.text()


# --------------------------------------------------------------------------
# Delete, clear, retention: confirmation first
# --------------------------------------------------------------------------


async def test_delete_selected_asks_first_then_deletes(client, seed):
    a, b, c = seed.many(3)
    resp = await client.post("/log/delete", data=[("id", str(a)), ("id", str(c))], headers=same_origin(client))
    text = await resp.text()
    assert resp.status == 200 and "Delete 2 selected entries" in text
    assert set(row_ids(await (await client.get("/")).text())) == {a, b, c}  # nothing yet
    resp = await client.post("/log/delete", data=[("id", str(a)), ("id", str(c)), ("confirmed", "1")],
                             headers=same_origin(client), allow_redirects=False)
    assert resp.status == 303 and "deleted=2" in resp.headers["Location"]
    text = await (await client.get(resp.headers["Location"])).text()
    assert row_ids(text) == [b]
    assert "2 entries deleted" in text


async def test_delete_with_nothing_selected(client, seed):
    seed.add()
    resp = await client.post("/log/delete", data={"confirmed": "1"}, headers=same_origin(client), allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/?nothing=1"


async def test_delete_redirect_stays_on_our_site(client, seed):
    a = seed.add()
    resp = await client.post("/log/delete", data={"id": str(a), "confirmed": "1", "next": "//evil.example/x"},
                             headers=same_origin(client), allow_redirects=False)
    assert resp.headers["Location"].startswith("/?")


async def test_clear_all_asks_first_then_clears(client, seed):
    seed.many(4)
    resp = await client.post("/log/clear", headers=same_origin(client))
    assert "Clear the whole warning log (4 entries)" in await resp.text()
    assert (await (await client.get("/api/log")).json())["total"] == 4
    resp = await client.post("/log/clear", data={"confirmed": "1"}, headers=same_origin(client))
    assert "The log was cleared (4 entries)" in await resp.text()
    assert (await (await client.get("/api/log")).json())["total"] == 0


async def test_retention_now_removes_entries_older_than_the_setting(client, seed):
    settings_store.save(Settings.model_validate({"log": {"retention_days": 30}}))
    old = seed.add(subject="old", created_at=stamp(31))
    new = seed.add(subject="new", created_at=stamp(29))
    text = await (await client.get("/")).text()
    assert "older than 30 days" in text
    resp = await client.post("/log/retention", headers=same_origin(client))
    text = await resp.text()
    assert "1 old entries removed" in text
    assert row_ids(text) == [new] and old not in row_ids(text)


# --------------------------------------------------------------------------
# Export
# --------------------------------------------------------------------------


async def test_export_csv_with_filters_and_formula_guard(client, seed):
    seed.add("LG402", subject="=HYPERLINK(\"http://evil\")", excerpt="+cmd|' /C calc'!A0")
    seed.add("LG101", kind="profile", subject="other")
    resp = await client.get("/log/export.csv", params={"rule": "LG402"})
    assert resp.status == 200
    assert resp.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in resp.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO((await resp.read()).decode("utf-8-sig"))))
    assert len(rows) == 1
    assert rows[0]["rule"] == "LG402"
    assert rows[0]["subject"] == "'=HYPERLINK(\"http://evil\")"
    assert rows[0]["excerpt"].startswith("'+cmd")


async def test_export_json_everything(client, seed):
    ids = seed.many(2105)  # more than one export batch
    resp = await client.get("/log/export.json")
    data = json.loads(await resp.read())
    assert [e["id"] for e in data] == sorted(ids, reverse=True)
    assert set(data[0]) >= {"id", "rule", "severity", "kind", "subject", "created_at", "decision", "excerpt"}


# --------------------------------------------------------------------------
# Chart, rules, language, disclaimer
# --------------------------------------------------------------------------


async def test_weekly_chart_is_server_rendered_svg(client, seed):
    seed.add("LG402", subject="a", created_at=stamp(0))
    seed.add("LG402", subject="b", created_at=stamp(0))
    seed.add("LG101", kind="profile", subject="c", created_at=stamp(8))
    seed.add("LG101", kind="profile", subject="too old", created_at=stamp(400))
    text = await (await client.get("/chart")).text()
    tags = parse_tags(text)
    svgs = [a for t, a in tags if t == "svg" and "chart" in (a.get("class") or "")]
    assert len(svgs) == 1 and svgs[0]["role"] == "img"
    rects = [a for t, a in tags if t == "rect" and "data-rule" in a]
    assert {a["data-rule"] for a in rects} == {"LG402", "LG101"}
    assert "<title>" in text and ": 2</title>" in text
    api = await (await client.get("/api/chart", params={"weeks": "8"})).json()
    assert len(api["weeks"]) == 8
    assert sum(sum(w["counts"].values()) for w in api["weeks"]) == 3


async def test_chart_when_empty(client):
    assert "No warnings in this period" in await (await client.get("/chart")).text()


async def test_rule_catalogue_lists_every_rule_from_its_docs(client):
    text = await (await client.get("/rules")).text()
    for rule in all_rules():
        assert f'id="{rule.id}"' in text
        assert rule.slug in text
    api = await (await client.get("/api/rules")).json()
    assert [r["id"] for r in api["rules"]] == [r.id for r in all_rules()]
    first = all_rules()[0]
    assert first.doc_sections()["What it does"].split()[0] in text


async def test_rule_catalogue_shows_turned_off_rules(client):
    rule_id = all_rules()[0].id
    settings_store.save(Settings.model_validate({"rules": {rule_id: {"enabled": False}}}))
    api = await (await client.get("/api/rules")).json()
    assert [r["enabled"] for r in api["rules"] if r["id"] == rule_id] == [False]
    text = await (await client.get("/rules")).text()
    card = text[text.index(f'id="{rule_id}"'):]
    assert "state-off" in card[:800]


@pytest.mark.parametrize(
    "language,accept,expected",
    [
        ("auto", None, "en"),
        ("auto", "nl-NL,nl;q=0.9,en;q=0.8", "nl"),
        ("auto", "en-GB,en;q=0.9,nl;q=0.8", "en"),
        ("auto", "de-DE,de;q=0.9,nl;q=0.5", "nl"),
        ("nl", "en-US", "nl"),
        ("en", "nl-NL", "en"),
    ],
)
async def test_language_from_settings_or_browser(client, language, accept, expected):
    settings_store.save(Settings.model_validate({"language": language}))
    headers = {"Accept-Language": accept} if accept else {}
    for path in ("/", "/settings", "/rules", "/chart"):
        text = await (await client.get(path, headers=headers)).text()
        assert f'<html lang="{expected}">' in text
        assert ("Waarschuwingen" in text) == (expected == "nl"), path
        assert ("geen juridisch advies" in text) == (expected == "nl")


async def test_not_legal_advice_is_said_once_per_page(client, seed):
    seed.add()
    for path in ("/", "/log/1", "/settings", "/rules", "/chart"):
        text = await (await client.get(path)).text()
        assert text.count("LinkedIn Guard informs you; it is not legal advice.") == 1, path


def test_every_text_has_both_languages():
    from guard.dashboard.i18n import TEXTS

    for key, (en, nl) in TEXTS.items():
        assert en.strip() and nl.strip(), key
        assert set(re.findall(r"{(\w+)}", en)) == set(re.findall(r"{(\w+)}", nl)), key


async def test_rule_catalogue_in_dutch_shows_the_dutch_documentation(client):
    from html import unescape

    from guard.rules.base import DOC_HEADINGS, DOC_HEADINGS_NL

    settings_store.save(Settings.model_validate({"language": "nl"}))
    text = unescape(await (await client.get("/rules")).text())
    for rule in all_rules():
        card = text[text.index(f'id="{rule.id}"'):]
        card = card[:card.index("</article>")]
        dutch = rule.doc_sections("nl")
        for heading in DOC_HEADINGS:
            assert f"<h3>{DOC_HEADINGS_NL[heading]}</h3>" in card, (rule.id, heading)
            assert f"<h3>{heading}</h3>" not in card
        assert " ".join(dutch["Example"].split()).split("`")[0][:40] in card
        assert 'lang="en"' not in card
    assert "De uitleg hieronder is in het Engels." not in text
    # English stays English.
    settings_store.save(Settings.model_validate({"language": "en"}))
    text = await (await client.get("/rules")).text()
    assert "<h3>What it does</h3>" in text and "<h3>Wat het doet</h3>" not in text


def test_rule_docs_render_wrapped_list_items_as_one_item():
    from guard.dashboard.views.rules import doc_html

    out = str(doc_html("Nothing is said about:\n\n* a message that only\n  asks permission;\n* a reply"))
    assert out == "<p>Nothing is said about:</p><ul><li>a message that only asks permission;</li><li>a reply</li></ul>"


async def test_repeated_visits_show_their_count_and_last_sighting(client, seed):
    """Visits folded into one entry (warning_log.FOLD_KINDS) show how often, in the list, the entry and exports."""
    once = seed.add("LG101", kind="profile", subject="profile")
    again = seed.add("LG501", kind="profile", subject="someone else")
    with sqlite3.connect(paths.log_db_path()) as conn:
        conn.execute("UPDATE entries SET count = 3, last_seen = '2026-11-30T09:15:00Z' WHERE id = ?", (again,))
    page = await (await client.get("/")).text()
    row_of = {int(m.group(1)): m.group(0) for m in re.finditer(r'<tr data-entry-id="(\d+)".*?</tr>', page, re.S)}
    assert 'class="repeats"' in row_of[again] and "×3" in row_of[again] and "seen on 3 visits" in row_of[again]
    assert 'class="repeats"' not in row_of[once]
    detail = await (await client.get(f"/log/{again}")).text()
    assert "3 visits, last" in detail and 'datetime="2026-11-30T09:15:00Z"' in detail
    assert "visits, last" not in await (await client.get(f"/log/{once}")).text()
    exported = {e["id"]: e for e in json.loads(await (await client.get("/log/export.json")).text())}
    assert (exported[again]["count"], exported[again]["last_seen"]) == (3, "2026-11-30T09:15:00Z")
