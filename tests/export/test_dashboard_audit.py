"""The dashboard's Audit page: chart per year, findings escaped, mark handled, delete, archive search."""

from __future__ import annotations

import re

from guard.export.audit import audit
from guard.export.posts import PostArchive
from guard.export.store import AuditStore
from guard.models import parse_settings
from tests.dashboard.conftest import MARKUP, same_origin
from tests.export import builder as b


def stored(tmp_path, files=None) -> None:
    zipped = b.write_zip(tmp_path / "Basic_LinkedInDataExport_04-17-2026.zip", files or b.files_2026())
    with AuditStore() as store:
        store.save(audit(zipped, parse_settings(b.SETTINGS)), zipped.name)


async def test_empty_audit_page_explains_how_to_run_one(client):
    text = await (await client.get("/audit")).text()
    assert "No audit yet" in text and 'aria-current="page">Audit</a>' in text


async def test_audit_page_shows_chart_per_year_findings_and_fixes(client, tmp_path):
    stored(tmp_path)
    resp = await client.get("/audit")
    text = await resp.text()
    assert resp.status == 200
    assert '<svg class="chart"' in text and ">2024</text>" in text and ">2026</text>" in text
    assert len(re.findall(r'<tr data-finding-id="\d+"', text)) == 9
    assert "Remove this connection." in text and "Correct this title to “Account manager”." in text
    assert "9 findings, 9 still to handle" in text


async def test_export_text_is_escaped(client, tmp_path):
    files = b.files_2026()
    files["Connections.csv"] = (b.NOTES + b.csv_text(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"],
        [[MARKUP, "X", "javascript:alert(1)", "", "Zuiderbank N.V.", "CFO", "16 Dec 2024"]])).encode()
    stored(tmp_path, files)
    text = await (await client.get("/audit")).text()
    assert "<script>window.__pwned" not in text and "<img src=x" not in text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in text


async def test_mark_handled_and_back(client, tmp_path):
    stored(tmp_path)
    text = await (await client.get("/audit")).text()
    first = int(re.search(r'<tr data-finding-id="(\d+)"', text)[1])
    resp = await client.post("/audit/handled", data={"id": str(first), "handled": "1"}, headers=same_origin(client),
                             allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/audit?updated=1"
    text = await (await client.get("/audit")).text()
    assert f'<tr data-finding-id="{first}" class="handled">' in text and "8 still to handle" in text
    await client.post("/audit/handled", data={"id": str(first), "handled": "0"}, headers=same_origin(client))
    assert "9 still to handle" in await (await client.get("/audit")).text()


async def test_posts_without_same_origin_are_refused(client, tmp_path):
    stored(tmp_path)
    resp = await client.post("/audit/delete", data={"confirmed": "1"}, headers={"Origin": "https://evil.example"})
    assert resp.status == 403
    with AuditStore() as store:
        assert store.latest() is not None


async def test_delete_asks_then_deletes(client, tmp_path):
    stored(tmp_path)
    resp = await client.post("/audit/delete", headers=same_origin(client))
    assert resp.status == 200 and 'name="confirmed" value="1"' in await resp.text()
    resp = await client.post("/audit/delete", data={"confirmed": "1"}, headers=same_origin(client), allow_redirects=False)
    assert resp.status == 303
    with AuditStore() as store:
        assert store.latest() is None
    assert "No audit yet" in await (await client.get("/audit?deleted=1")).text()


async def test_archive_search_on_the_page(client, tmp_path):
    with PostArchive() as archive:
        archive.import_export(b.write_zip(tmp_path / "e.zip", b.files_2026()))
    text = await (await client.get("/audit?q=summer+party")).text()
    assert "What a great evening with our clients" in text
    assert "No archived post matches." in await (await client.get("/audit?q=zebra")).text()


async def test_audit_page_needs_a_session(anon):
    assert (await anon.get("/audit")).status == 401


async def test_audit_page_in_dutch(client, tmp_path):
    stored(tmp_path)
    text = await (await client.get("/audit", headers={"Accept-Language": "nl-NL,nl;q=0.9"})).text()
    assert "Controle van je export" in text and ">Controle</a>" in text and "Markeer als afgehandeld" in text


async def test_big_runs_are_paged_and_filtered(client, tmp_path):
    files = b.files_2026()
    people = [[f"Person{i}", "Fictional", f"https://www.linkedin.com/in/p{i}", "", "Zuiderbank N.V.", "CFO", "16 Dec 2024"]
              for i in range(250)]
    files["Connections.csv"] = (b.NOTES + b.csv_text(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"], people)).encode()
    stored(tmp_path, files)
    text = await (await client.get("/audit")).text()
    assert len(re.findall(r'<tr data-finding-id="\d+"', text)) == 200
    assert "1–200 of 257" in text and 'href="/audit?offset=200"' in text
    text = await (await client.get("/audit?offset=200")).text()
    assert len(re.findall(r'<tr data-finding-id="\d+"', text)) == 57
    text = await (await client.get("/audit?rule=LG401")).text()
    rows = re.findall(r'<tr data-finding-id="(\d+)"', text)
    assert len(rows) == 1 and "257 findings, 257 still to handle" in text
    await client.post("/audit/handled", data={"id": rows[0]}, headers=same_origin(client))
    text = await (await client.get("/audit?rule=LG401&open=1")).text()
    assert not re.findall(r'<tr data-finding-id="\d+"', text)
    assert (await client.get("/audit?rule=<x>")).status == 400
    assert (await client.get("/audit?offset=many")).status == 400


async def test_mark_handled_returns_to_the_same_filter_and_never_elsewhere(client, tmp_path):
    stored(tmp_path)
    text = await (await client.get("/audit?rule=LG501")).text()
    first = re.search(r'<tr data-finding-id="(\d+)"', text)[1]
    assert 'name="back" value="/audit?rule=LG501"' in text
    resp = await client.post("/audit/handled", data={"id": first, "back": "/audit?rule=LG501"},
                             headers=same_origin(client), allow_redirects=False)
    assert resp.headers["Location"] == "/audit?rule=LG501&updated=1"
    resp = await client.post("/audit/handled", data={"id": first, "back": "https://evil.example/"},
                             headers=same_origin(client), allow_redirects=False)
    assert resp.headers["Location"] == "/audit?updated=1"


def test_ui_can_open_the_audit_page():
    from guard.cli import build_parser
    from guard.dashboard.launcher import page_path

    assert page_path("audit") == "/audit"
    assert build_parser().parse_args(["ui", "--page", "audit", "--no-open"]).page == "audit"
