"""LG402: should-warn and should-not-warn tables, Dutch and English."""

import pytest

from tests.rules.helpers import evaluate, post

POLICY = {"employer": {"name": "Acme Data B.V.", "social_media_policy": True}}
NO_POLICY = {"employer": {"name": "Acme Data B.V.", "social_media_policy": False}}


@pytest.mark.parametrize(
    "context",
    [
        post("Proud of my team at Acme Data for shipping the new platform!"),
        post("Trots op mijn collega's bij ACME DATA bv: de migratie is klaar."),
        post("Great week", mentions=[{"name": "Acme Data", "entity": "company"}]),
        post("Mooie dag bij acme-data vandaag."),
    ],
)
def test_warns_when_post_names_employer(context):
    [finding] = evaluate(context, POLICY, rule="LG402")
    assert finding.severity == "info"
    assert finding.mode == "inform"
    assert "Acme Data B.V." in finding.message


@pytest.mark.parametrize(
    ("context", "settings"),
    [
        (post("Proud of my team at Acme Data!"), NO_POLICY),
        (post("Proud of my team at Acme Data!"), {}),
        (post("Had a great time at the Acme conference."), POLICY),
        (post("Data is the new oil, says everybody."), POLICY),
        (post("Mijn nieuwe fiets is binnen!"), POLICY),
        (post("Congrats", mentions=[{"name": "Acme Data", "entity": "person"}]), POLICY),
        (post("Blij met ons team bij Acmedata Solutions"), POLICY),
    ],
)
def test_silent_otherwise(context, settings):
    assert evaluate(context, settings, rule="LG402") == []


def test_dutch_wording():
    [finding] = evaluate(post("Bij Acme Data is het feest", ui_language="nl"), POLICY, rule="LG402")
    assert finding.language == "nl"
    assert "arbeidscontract" in finding.message
