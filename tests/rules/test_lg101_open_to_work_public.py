"""LG101: public #OpenToWork while employed — should-warn and should-not-warn tables."""

import pytest

from guard.engine import Engine
from guard.models import parse_context, parse_settings
from guard.rules import rule_by_id
from tests.rules.helpers import evaluate, profile

EMPLOYER = {"employer": {"name": "Acme Data B.V."}}
PUBLIC = {"audience": "public"}
NOW_ACME = {"title": "Data engineer", "company": "Acme Data", "current": True}
PAST_ACME = {"title": "Data engineer", "company": "Acme Data B.V.", "current": False}
NOW_BAKKER = {"title": "Accountmanager", "company": "Bakkerij Jansen B.V.", "current": True}
PAST_BAKKER = {"title": "Stagiair", "company": "Bakkerij Jansen B.V.", "current": False}
NOW_ZZP = {"title": "Interim-manager", "company": "Zelfstandig ondernemer", "current": True}
NOW_FREELANCE = {"title": "Designer", "company": "Self-employed", "current": True}


def form(audience: str, **extra):
    return {"kind": "open_to_work_form", "url": "https://www.linkedin.com/in/me/opportunities/job-opportunities/edit/",
            "trigger": "submit", "audience": audience, "job_titles": ["Data engineer"], **extra}


@pytest.mark.parametrize(
    ("context", "settings", "employer"),
    [
        (profile(own=True, open_to_work=PUBLIC, positions=[NOW_ACME]), {}, "Acme Data"),
        (profile(own=True, open_to_work=PUBLIC, positions=[]), EMPLOYER, "Acme Data B.V."),
        (profile(own=True, open_to_work=PUBLIC, positions=[NOW_BAKKER, PAST_ACME], ui_language="nl"), {},
         "Bakkerij Jansen B.V."),
        # A side business next to a real job is still a job.
        (profile(own=True, open_to_work=PUBLIC, positions=[NOW_ZZP, NOW_BAKKER], ui_language="nl"), {},
         "Bakkerij Jansen B.V."),
        # Settings name the employer; the profile lists another current job.
        (profile(own=True, open_to_work=PUBLIC, positions=[NOW_BAKKER]), EMPLOYER, "Acme Data B.V."),
        # The profile does not list the settings employer at all: settings win.
        (profile(own=True, open_to_work=PUBLIC, positions=[PAST_BAKKER]), EMPLOYER, "Acme Data B.V."),
    ],
)
def test_warns_on_own_public_profile_while_employed(context, settings, employer):
    [finding] = evaluate(context, settings, rule="LG101")
    assert finding.severity == "warning"
    assert finding.mode == "inform"
    assert finding.subject == "open-to-work"
    assert employer in finding.message
    assert employer in finding.suggestion
    assert ".." not in finding.message  # a name ending in "B.V." before a full stop


@pytest.mark.parametrize(
    ("context", "settings"),
    [
        # Someone else's public #OpenToWork is none of our business.
        (profile(own=False, open_to_work=PUBLIC, positions=[NOW_ACME]), EMPLOYER),
        (profile(own=False, open_to_work=PUBLIC, positions=[NOW_BAKKER], ui_language="nl"), {}),
        # Not employed.
        (profile(own=True, open_to_work=PUBLIC, positions=[]), {}),
        (profile(own=True, open_to_work=PUBLIC, positions=[PAST_ACME, PAST_BAKKER]), {}),
        (profile(own=True, open_to_work=PUBLIC, positions=[NOW_ZZP], ui_language="nl"), {}),
        (profile(own=True, open_to_work=PUBLIC, positions=[NOW_FREELANCE]), {}),
        # Settings still name Acme, but the profile shows Acme as past and no current job: left.
        (profile(own=True, open_to_work=PUBLIC, positions=[PAST_ACME]), EMPLOYER),
        (profile(own=True, open_to_work=PUBLIC, positions=[PAST_ACME, NOW_FREELANCE]), EMPLOYER),
        # Other audiences or no status.
        (profile(own=True, open_to_work={"audience": "recruiters"}, positions=[NOW_ACME]), EMPLOYER),
        (profile(own=True, open_to_work={"audience": "unknown"}, positions=[NOW_ACME]), EMPLOYER),
        (profile(own=True, open_to_work=None, positions=[NOW_BAKKER], ui_language="nl"), EMPLOYER),
    ],
)
def test_silent_on_profiles(context, settings):
    assert evaluate(context, settings, rule="LG101") == []


@pytest.mark.parametrize("trigger", ["observe", "input", "submit"])
def test_form_public_with_employer_in_settings_asks_before_saving(trigger):
    [finding] = evaluate(form("public", trigger=trigger, ui_language="nl" if trigger == "input" else "en"),
                         EMPLOYER, rule="LG101")
    assert ".." not in finding.message
    assert finding.severity == "warning"
    assert finding.mode == "confirm"
    assert finding.subject == "open-to-work-form"
    assert "Acme Data B.V." in finding.title


def test_form_remembers_the_own_profile_seen_before():
    engine = Engine(parse_settings({}), rules=[rule_by_id("LG101")])
    assert engine.evaluate(parse_context(profile(own=True, positions=[NOW_BAKKER]))) == []
    [finding] = engine.evaluate(parse_context(form("public", ui_language="nl")))
    assert finding.mode == "confirm"
    assert "Bakkerij Jansen B.V." in finding.message
    assert "Alleen recruiters" in finding.suggestion


def test_form_memory_ignores_other_peoples_profiles_and_follows_the_latest_own():
    engine = Engine(parse_settings({}), rules=[rule_by_id("LG101")])
    engine.evaluate(parse_context(profile(own=True, positions=[NOW_ACME])))
    engine.evaluate(parse_context(profile(own=False, positions=[NOW_BAKKER])))
    assert len(engine.evaluate(parse_context(form("public")))) == 1
    # The own profile now shows no current job: the form is silent again.
    engine.evaluate(parse_context(profile(own=True, positions=[PAST_ACME])))
    assert engine.evaluate(parse_context(form("public"))) == []


@pytest.mark.parametrize(
    ("context", "settings"),
    [
        (form("public"), {}),  # nothing tells the guard the person is employed
        (form("public", ui_language="nl"), {"language": "nl"}),
        (form("recruiters"), EMPLOYER),
        (form("recruiters", ui_language="nl"), EMPLOYER),
    ],
)
def test_form_silent(context, settings):
    assert evaluate(context, settings, rule="LG101") == []


def test_form_memory_survives_an_own_profile_seen_before_its_positions_loaded():
    engine = Engine(parse_settings({}), rules=[rule_by_id("LG101")])
    engine.evaluate(parse_context(profile(own=True, positions=[NOW_BAKKER])))
    engine.evaluate(parse_context(profile(own=True, positions=[])))
    assert len(engine.evaluate(parse_context(form("public")))) == 1


def test_form_silent_when_only_someone_elses_profile_was_seen():
    engine = Engine(parse_settings({}), rules=[rule_by_id("LG101")])
    engine.evaluate(parse_context(profile(own=False, positions=[NOW_ACME])))
    assert engine.evaluate(parse_context(form("public"))) == []


def test_dutch_wording():
    [finding] = evaluate(profile(own=True, open_to_work=PUBLIC, positions=[NOW_BAKKER], ui_language="nl"),
                         {}, rule="LG101")
    assert finding.language == "nl"
    assert "werkgever" in finding.title
    assert "AVG" in finding.message
    assert "Alleen recruiters" in finding.suggestion


def test_same_page_session_gives_the_same_id():
    ctx = profile(own=True, open_to_work=PUBLIC, positions=[NOW_ACME], page_session="tab1-nav3")
    [a] = evaluate(ctx, {}, rule="LG101")
    [b] = evaluate({**ctx, "trigger": "input"}, {}, rule="LG101")
    [c] = evaluate({**ctx, "page_session": "tab1-nav4"}, {}, rule="LG101")
    assert a.id == b.id != c.id
