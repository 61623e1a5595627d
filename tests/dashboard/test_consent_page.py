"""The dashboard's Consent page: listed, editable, exportable, escaped, protected (issue 9, point 5)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from guard import paths
from guard.consent import ConsentRegister
from tests.dashboard.conftest import MARKUP, same_origin
from tests.dashboard.test_security import parse_tags


@pytest.fixture
def register(guard_home):
    reg = ConsentRegister(paths.data_dir() / "consent.sqlite3")  # where the host writes it
    yield reg
    reg.close()


async def test_empty_register_says_so_and_the_nav_links_it(client):
    text = await (await client.get("/consent")).text()
    assert "Nobody is in the register yet." in text
    assert ('a', {"href": "/consent", "aria-current": "page"}) in parse_tags(text)


async def test_lists_who_when_and_note_escaped(client, register):
    register.add("Mark Visser", "https://www.linkedin.com/in/markvisser/", note="asked for a quote")
    register.add(MARKUP, None, note=MARKUP)
    text = await (await client.get("/consent")).text()
    assert "Mark Visser" in text and "in/markvisser" in text and 'value="asked for a quote"' in text
    assert "<script>window.__pwned" not in text and "<b>bold</b>" not in text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in text
    assert [a for t, a in parse_tags(text) if t == "script"] == [{"src": "/static/app.js", "defer": None}]


async def test_dutch_page(client, register):
    from guard import settings_store
    from guard.models import Settings

    settings_store.save(Settings.model_validate({"language": "nl"}))
    text = await (await client.get("/consent")).text()
    assert "Toestemmingsregister" in text and "Er staat nog niemand in het register." in text


async def test_remove_asks_first_then_removes(client, register):
    keep = register.add("Eva de Boer", None)
    gone = register.add("Mark Visser", None)
    resp = await client.post("/consent/remove", data={"id": str(gone["id"])}, headers=same_origin(client))
    assert resp.status == 200 and "Remove Mark Visser from the consent register?" in await resp.text()
    assert len(register.entries()) == 2
    resp = await client.post("/consent/remove", data={"id": str(gone["id"]), "confirmed": "1"},
                             headers=same_origin(client), allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/consent?removed=1"
    assert [e["id"] for e in register.entries()] == [keep["id"]]
    assert "Removed from the register." in await (await client.get("/consent?removed=1")).text()


async def test_edit_note(client, register):
    entry = register.add("Mark Visser", None, note="old")
    resp = await client.post("/consent/note", data={"id": str(entry["id"]), "note": "asked again in March"},
                             headers=same_origin(client), allow_redirects=False)
    assert resp.status == 303
    assert register.entry(entry["id"])["note"] == "asked again in March"
    resp = await client.post("/consent/note", data={"id": str(entry["id"]), "note": "n" * 2001},
                             headers=same_origin(client))
    assert resp.status == 422 and "at most 2000" in await resp.text()
    assert register.entry(entry["id"])["note"] == "asked again in March"


@pytest.mark.parametrize(("path", "data", "status"), [
    ("/consent/remove", {"id": "999", "confirmed": "1"}, 404),
    ("/consent/note", {"id": "999", "note": "x"}, 404),
    ("/consent/remove", {"id": "x"}, 400),
])
async def test_bad_ids(client, register, path, data, status):
    resp = await client.post(path, data=data, headers=same_origin(client), allow_redirects=False)
    assert resp.status == status


@pytest.mark.parametrize("path", ["/consent/remove", "/consent/note"])
@pytest.mark.parametrize("headers", [{}, {"Origin": "http://evil.example"}, {"Origin": "null"}])
async def test_cross_site_posts_are_refused(client, register, path, headers):
    entry = register.add("Mark Visser", None, note="keep")
    resp = await client.post(path, data={"id": str(entry["id"]), "confirmed": "1", "note": "pwned"},
                             headers=headers, allow_redirects=False)
    assert resp.status == 403
    assert register.entry(entry["id"])["note"] == "keep"


@pytest.mark.parametrize("path", ["/consent", "/consent/export.csv", "/consent/export.json"])
async def test_needs_a_session(anon, register, path):
    register.add("Mark Visser", None)
    resp = await anon.get(path, allow_redirects=False)
    assert resp.status == 401 and "Mark Visser" not in await resp.text()


async def test_exports(client, register):
    register.add("=cmd|'/c calc'!A0", None, note="@SUM(A1)")
    register.add("Mark Visser", "https://www.linkedin.com/in/markvisser/", note="asked")
    resp = await client.get("/consent/export.json")
    assert resp.headers["Content-Disposition"].startswith("attachment")
    assert [e["name"] for e in json.loads(await resp.text())] == ["Mark Visser", "=cmd|'/c calc'!A0"]
    resp = await client.get("/consent/export.csv")
    assert resp.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO((await resp.read()).decode("utf-8-sig"))))
    assert rows[1][1:4] == ["Mark Visser", "in/markvisser", "asked"]
    assert rows[2][1].startswith("'=") and rows[2][3] == "'@SUM(A1)"


async def test_rules_page_has_an_anchor_per_rule_for_learn_more(client):
    """"Learn more" in the extension opens /rules#LGnnn: every rule needs its own id there."""
    from guard.rules import all_rules

    tags = parse_tags(await (await client.get("/rules")).text())
    ids = {a.get("id") for _, a in tags}
    assert {r.id for r in all_rules()} <= ids


async def test_learn_more_link_lands_on_the_rules_own_section(client):
    resp = await client.get("/rules?rule=LG301", allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/rules#LG301"
    resp = await client.get("/rules?rule=<script>", allow_redirects=False)
    assert resp.status == 200
