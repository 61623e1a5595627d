"""LG401: job title at the employer differs from the official one — tables, Dutch and English."""

import pytest

from tests.rules.helpers import evaluate, profile

ACME = {"employer": {"name": "Acme Data B.V.", "official_title": "Account manager New Business",
                     "title_aliases": ["Accountmanager Nieuwe Klanten"]}}
GEMEENTE = {"employer": {"name": "Gemeente Den Haag", "official_title": "Beleidsmedewerker Wonen"}}
NO_TITLE = {"employer": {"name": "Acme Data B.V."}}


def pos(title, company, current=True):
    return {"title": title, "company": company, "current": current}


def position_form(title, company, current=True, trigger="submit", **extra):
    return {"kind": "position_form", "url": "https://www.linkedin.com/in/me/edit/forms/position/new/",
            "trigger": trigger, "title": title, "company": company, "current": current, **extra}


@pytest.mark.parametrize(
    ("context", "settings", "title"),
    [
        (profile(own=True, positions=[pos("Sales Director", "Acme Data")]), ACME, "Sales Director"),
        (profile(own=True, positions=[pos("Head of Sales", "ACME DATA BV")]), ACME, "Head of Sales"),
        # A narrower title is still another title.
        (profile(own=True, positions=[pos("Account manager", "Acme Data B.V.")]), ACME, "Account manager"),
        (profile(own=True, positions=[pos("Senior beleidsadviseur", "Gemeente Den Haag")], ui_language="nl"),
         GEMEENTE, "Senior beleidsadviseur"),
        # Past positions elsewhere do not hide the current one.
        (profile(own=True, positions=[pos("Beleidsmedewerker Wonen", "Gemeente Delft", current=False),
                                      pos("Teamleider Wonen", "gemeente den haag")], ui_language="nl"),
         GEMEENTE, "Teamleider Wonen"),
    ],
)
def test_warns_on_own_profile(context, settings, title):
    [finding] = evaluate(context, settings, rule="LG401")
    assert finding.severity == "warning"
    assert finding.mode == "inform"
    assert finding.subject == "position"
    assert f'"{title}"' in finding.message
    assert settings["employer"]["official_title"] in finding.message
    assert finding.evidence[0].excerpt == title


@pytest.mark.parametrize(
    ("context", "settings"),
    [
        # Same title, written differently.
        (profile(own=True, positions=[pos("account manager new business", "Acme Data")]), ACME),
        (profile(own=True, positions=[pos("Account-Manager  New Business", "Acme Data BV")]), ACME),
        (profile(own=True, positions=[pos("Accountmanager New Business", "Acme Data")]), ACME),
        (profile(own=True, positions=[pos("beleidsmedewerker wonen", "Gemeente Den Haag")], ui_language="nl"),
         GEMEENTE),
        (profile(own=True, positions=[pos("Beleidsmédewerker Wonen", "Gemeente Den Haag")], ui_language="nl"),
         GEMEENTE),
        # An agreed alias.
        (profile(own=True, positions=[pos("accountmanager nieuwe klanten", "Acme Data")], ui_language="nl"), ACME),
        # Past position at the employer, or another company.
        (profile(own=True, positions=[pos("Sales Director", "Acme Data", current=False)]), ACME),
        (profile(own=True, positions=[pos("Sales Director", "Globex Corporation")]), ACME),
        (profile(own=True, positions=[pos("Sales Director", "Acme Datasystems")]), ACME),
        (profile(own=True, positions=[pos("Teamleider", "Gemeente Den Haag Zuid")], ui_language="nl"), GEMEENTE),
        # Someone else's profile.
        (profile(own=False, positions=[pos("Sales Director", "Acme Data")]), ACME),
        (profile(own=False, positions=[pos("Teamleider Wonen", "Gemeente Den Haag")], ui_language="nl"), GEMEENTE),
        # No official title in settings, or no employer at all.
        (profile(own=True, positions=[pos("Sales Director", "Acme Data")]), NO_TITLE),
        (profile(own=True, positions=[pos("Sales Director", "Acme Data")]), {}),
        # The official title is there; the other current role is an extra one.
        (profile(own=True, positions=[pos("Account manager New Business", "Acme Data"),
                                      pos("Lid ondernemingsraad", "Acme Data")], ui_language="nl"), ACME),
    ],
)
def test_silent_on_profiles(context, settings):
    assert evaluate(context, settings, rule="LG401") == []


@pytest.mark.parametrize(
    ("context", "settings"),
    [
        (position_form("Sales Director", "Acme Data"), ACME),
        (position_form("Chief Revenue Officer", "Acme Data B.V.", trigger="input"), ACME),
        (position_form("Teamleider Wonen", "Gemeente Den Haag", ui_language="nl"), GEMEENTE),
        # Typed on its way to nothing accepted.
        (position_form("Directeur", "Gemeente Den Haag", trigger="input", ui_language="nl"), GEMEENTE),
        # A prefix of the official title, but saved as is.
        (position_form("Account manager", "Acme Data", trigger="submit"), ACME),
    ],
)
def test_form_asks_before_saving(context, settings):
    [finding] = evaluate(context, settings, rule="LG401")
    assert finding.severity == "warning"
    assert finding.mode == "confirm"
    assert finding.subject == "position-form"
    assert context["title"] in finding.message


@pytest.mark.parametrize(
    ("context", "settings"),
    [
        (position_form("Account Manager New Business", "Acme Data"), ACME),
        (position_form("Accountmanager nieuwe klanten", "Acme Data", ui_language="nl"), ACME),
        (position_form("Sales Director", "Acme Data", current=False), ACME),
        (position_form("Sales Director", "Globex"), ACME),
        (position_form("Teamleider Wonen", "Gemeente Den Haag", current=False, ui_language="nl"), GEMEENTE),
        (position_form("Teamleider Wonen", "Gemeente Rotterdam", ui_language="nl"), GEMEENTE),
        (position_form("Sales Director", "Acme Data"), NO_TITLE),
        # Still typing the official title (or an alias): not wrong yet.
        (position_form("Account man", "Acme Data", trigger="input"), ACME),
        (position_form("Beleidsmedewerker", "Gemeente Den Haag", trigger="input", ui_language="nl"), GEMEENTE),
        (position_form("Accountmanager nieuw", "Acme Data", trigger="input", ui_language="nl"), ACME),
        # Nothing typed yet.
        (position_form("", "Acme Data", trigger="input"), ACME),
    ],
)
def test_form_silent(context, settings):
    assert evaluate(context, settings, rule="LG401") == []


def test_dutch_wording():
    [finding] = evaluate(position_form("Teamleider Wonen", "Gemeente Den Haag", ui_language="nl"),
                         GEMEENTE, rule="LG401")
    assert finding.language == "nl"
    assert "officiële functietitel" in finding.title
    assert "BW 7:678" in finding.message
    assert '"Beleidsmedewerker Wonen"' in finding.suggestion
