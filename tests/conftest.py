"""Suite-wide test setup.

* Every test gets its own ``LINKEDIN_GUARD_HOME`` so nothing touches the
  person's real settings or log.
* With ``LINKEDIN_GUARD_REQUIRE_BROWSER=1`` (set by ``.ci/run``) a skipped test
  is reported as a failure: locally a missing Chromium skips with a reason, in
  CI nothing may skip.
"""

from __future__ import annotations

import os

import pytest

REQUIRE_EVERYTHING = os.environ.get("LINKEDIN_GUARD_REQUIRE_BROWSER") == "1"


@pytest.fixture(autouse=True)
def guard_home(tmp_path, monkeypatch):
    home = tmp_path / "guard-home"
    home.mkdir()
    monkeypatch.setenv("LINKEDIN_GUARD_HOME", str(home))
    return home


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if REQUIRE_EVERYTHING and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped, but CI requires every test to run: {reason}"
