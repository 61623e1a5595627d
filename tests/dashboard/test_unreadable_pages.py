"""The chart page lists the pages the guard could not read in the last days (issue 8), in both languages."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from guard import paths
from guard.warning_log import WarningLog


async def test_pages_the_guard_could_not_read_are_listed(client, seed):
    with WarningLog(paths.log_db_path()) as log:
        log.record_page_health("invitation", "profile", "ember", "0.1.0")
        log.record_page_health("invitation", "profile", "ember", "0.1.0")
        log.record_page_health("connections", "connections", "react", "0.1.0",
                               at=datetime.now(timezone.utc) - timedelta(days=9))
    text = await (await client.get("/chart")).text()
    assert "Pages the guard could not read" in text
    section = text[text.index('id="unreadable-pages"'):]
    section = section[: section.index("</section>")]
    assert "<td>invitation</td><td>profile (ember)</td><td class=\"num\">2</td>" in section
    assert "connections" not in section, "older than the last 7 days"


async def test_none_listed_says_so_in_dutch_too(client):
    text = await (await client.get("/chart", headers={"Accept-Language": "nl"})).text()
    assert "Pagina's die de guard niet kon lezen" in text or "Pagina&#x27;s die de guard niet kon lezen" in text
    assert "Geen: de guard kon elke pagina lezen." in text
