"""LG102: recruiters-only #OpenToWork while employed — should-warn and should-not-warn tables."""

import pytest

from guard.engine import Engine
from guard.models import parse_context, parse_settings
from guard.rules import rule_by_id
from tests.rules.helpers import evaluate, profile

EMPLOYER = {"employer": {"name": "Gemeente Utrecht"}}
RECRUITERS = {"audience": "recruiters"}
NOW_ACME = {"title": "Data engineer", "company": "Acme Data B.V.", "current": True}
PAST_ACME = {"title": "Data engineer", "company": "Acme Data", "current": False}
NOW_GEMEENTE = {"title": "Beleidsmedewerker", "company": "Gemeente Utrecht", "current": True}
PAST_GEMEENTE = {"title": "Beleidsmedewerker", "company": "gemeente utrecht", "current": False}
NOW_ZZP = {"title": "Coach", "company": "ZZP'er", "current": True}
CAREER_BREAK = {"title": "Wereldreis", "company": "Loopbaanonderbreking", "current": True}


def form(audience: str, **extra):
    return {"kind": "open_to_work_form", "url": "https://www.linkedin.com/in/me/opportunities/job-opportunities/edit/",
            "trigger": "submit", "audience": audience, "job_titles": ["Beleidsadviseur"], **extra}


@pytest.mark.parametrize(
    ("context", "settings", "employer"),
    [
        (profile(own=True, open_to_work=RECRUITERS, positions=[NOW_ACME]), {}, "Acme Data B.V."),
        (profile(own=True, open_to_work=RECRUITERS, positions=[NOW_GEMEENTE], ui_language="nl"), {},
         "Gemeente Utrecht"),
        (profile(own=True, open_to_work=RECRUITERS, positions=[]), EMPLOYER, "Gemeente Utrecht"),
        (profile(own=True, open_to_work=RECRUITERS, positions=[NOW_ZZP, NOW_ACME], ui_language="nl"), {},
         "Acme Data B.V."),
    ],
)
def test_notes_recruiters_only_while_employed(context, settings, employer):
    [finding] = evaluate(context, settings, rule="LG102")
    assert finding.severity == "info"
    assert finding.mode == "inform"
    assert finding.subject == "open-to-work"
    assert employer in finding.message


@pytest.mark.parametrize(
    ("context", "settings"),
    [
        (profile(own=False, open_to_work=RECRUITERS, positions=[NOW_ACME]), EMPLOYER),
        (profile(own=False, open_to_work=RECRUITERS, positions=[NOW_GEMEENTE], ui_language="nl"), {}),
        (profile(own=True, open_to_work=RECRUITERS, positions=[]), {}),
        (profile(own=True, open_to_work=RECRUITERS, positions=[PAST_ACME]), {}),
        (profile(own=True, open_to_work=RECRUITERS, positions=[NOW_ZZP], ui_language="nl"), {}),
        (profile(own=True, open_to_work=RECRUITERS, positions=[CAREER_BREAK], ui_language="nl"), {}),
        # Left the settings employer (listed as past, nothing current).
        (profile(own=True, open_to_work=RECRUITERS, positions=[PAST_GEMEENTE], ui_language="nl"), EMPLOYER),
        # Public is LG101's, unknown is nobody's, none is nothing.
        (profile(own=True, open_to_work={"audience": "public"}, positions=[NOW_ACME]), EMPLOYER),
        (profile(own=True, open_to_work={"audience": "unknown"}, positions=[NOW_GEMEENTE], ui_language="nl"),
         EMPLOYER),
        (profile(own=True, open_to_work=None, positions=[NOW_ACME]), {}),
    ],
)
def test_silent_on_profiles(context, settings):
    assert evaluate(context, settings, rule="LG102") == []


@pytest.mark.parametrize("trigger", ["input", "submit"])
def test_form_recruiters_only_is_a_quiet_note(trigger):
    [finding] = evaluate(form("recruiters", trigger=trigger), EMPLOYER, rule="LG102")
    assert finding.severity == "info"
    assert finding.mode == "inform"
    assert finding.subject == "open-to-work-form"
    assert "Gemeente Utrecht" in finding.message


def test_form_uses_the_own_profile_seen_before():
    engine = Engine(parse_settings({}), rules=[rule_by_id("LG102")])
    engine.evaluate(parse_context(profile(own=True, positions=[NOW_GEMEENTE], ui_language="nl")))
    [finding] = engine.evaluate(parse_context(form("recruiters", ui_language="nl")))
    assert finding.language == "nl"
    assert "Gemeente Utrecht" in finding.message


@pytest.mark.parametrize(
    ("context", "settings"),
    [
        (form("recruiters"), {}),
        (form("recruiters", ui_language="nl"), {}),
        (form("public"), EMPLOYER),
        (form("public", ui_language="nl"), EMPLOYER),
    ],
)
def test_form_silent(context, settings):
    assert evaluate(context, settings, rule="LG102") == []


def test_dutch_wording():
    [finding] = evaluate(profile(own=True, open_to_work=RECRUITERS, positions=[NOW_GEMEENTE], ui_language="nl"),
                         {}, rule="LG102")
    assert finding.language == "nl"
    assert "waterdicht" in finding.title
    assert "AVG" in finding.message
    assert "OR" in finding.suggestion
