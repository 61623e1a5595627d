"""Shared for the managed layer's tests: the host session and dashboard fixtures of the other suites."""

from __future__ import annotations

from tests.dashboard.conftest import anon, client, config  # noqa: F401  (fixtures)
from tests.host.conftest import session  # noqa: F401  (fixture)

POLICY = {
    "defaults": {"employer": {"name": "Acme Data B.V.", "official_title": "Account manager"}},
    "locked": {"rules": {"LG201": {"enabled": True, "mode": "confirm"}}},
}


def open_to_work_form(audience: str = "public") -> dict:
    return {"kind": "open_to_work_form", "url": "https://www.linkedin.com/in/me/opportunities/job-opportunities/edit/",
            "trigger": "submit", "audience": audience, "job_titles": ["Data engineer"]}
