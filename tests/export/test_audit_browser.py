"""The Audit page in Debian's Chromium: hostile export text stays text, handled and delete work."""

from __future__ import annotations

from guard.export.audit import audit
from guard.export.store import AuditStore
from guard.models import parse_settings
from tests.dashboard.conftest import MARKUP
from tests.dashboard.test_browser import base, browser, dashboard, pw, pytestmark  # noqa: F401  (fixtures, skip rule)
from tests.export import builder as b


def test_audit_page_in_a_real_browser(browser, dashboard, guard_home, tmp_path):  # noqa: F811
    files = b.files_2026()
    files["Connections.csv"] = (b.NOTES + b.csv_text(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"],
        [[MARKUP, "X", "javascript:window.__pwned=3", "", "Zuiderbank N.V.", "CFO", "16 Dec 2024"]])).encode()
    zipped = b.write_zip(tmp_path / "Basic_LinkedInDataExport_04-17-2026.zip", files)
    with AuditStore() as store:
        store.save(audit(zipped, parse_settings(b.SETTINGS)), zipped.name)
    page = browser
    page.goto(dashboard)
    page.goto(base(dashboard) + "/audit")
    assert page.locator("h1").inner_text() == "Audit of your export"
    assert page.locator("svg.chart rect[data-rule]").count() >= 3
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("window.__csp") == []
    assert page.locator("img[src='x'], b:text('bold')").count() == 0
    assert MARKUP.split("<img")[0] in page.locator("table.audit-table").inner_text()

    page.locator("tr[data-finding-id] button", has_text="Mark handled").first.click()
    page.wait_for_url("**/audit?updated=*")
    assert page.locator("tr.handled").count() == 1

    page.locator("form[action='/audit/delete'] button").click()
    page.wait_for_url("**/audit?deleted=1")
    assert [d[0] for d in page.dialogs] == ["confirm"]
    assert "No audit yet" in page.locator("main").inner_text()
