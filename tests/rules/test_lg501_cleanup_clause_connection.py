"""LG501: connections at clients of a former employer with a cleanup clause — tables."""

import pytest

from tests.rules.helpers import connections, evaluate, profile

CLAUSE = {"former_employers": [
    {"name": "Bureau Noord B.V.", "cleanup_clause": True, "clients": ["Bakkerij Jansen B.V.", "Globex", "Zuivel Coöperatie"]},
    {"name": "Old Corp", "cleanup_clause": False, "clients": ["Initech"]},
]}
NO_CLAUSE = {"former_employers": [
    {"name": "Bureau Noord", "cleanup_clause": False, "clients": ["Bakkerij Jansen B.V.", "Globex"]},
]}
# Joined a former client: its staff are now colleagues, not clients to drop.
NOW_AT_CLIENT = {**CLAUSE, "employer": {"name": "Globex Corporation"}}


def person(name, headline=None, company=None, degree=None, url=None):
    return {"name": name, "headline": headline, "company": company, "connection_degree": degree,
            "profile_url": url}


@pytest.mark.parametrize(
    ("people", "named"),
    [
        ([person("Eva Smit", headline="Inkoper bij Bakkerij Jansen B.V. | Duurzaam bakken")], ["Eva Smit"]),
        ([person("John Miller", headline="Head of Procurement at GLOBEX")], ["John Miller"]),
        ([person("Henk de Wit", company="Zuivel Cooperatie")], ["Henk de Wit"]),
        ([person("Anna Berg", company="bakkerij jansen bv", degree="1st"),
          person("Piet Klaas", headline="Developer at Initech"),
          person("Mark Visser", headline="Buyer @ Globex Ltd", url="https://www.linkedin.com/in/markv/")],
         ["Anna Berg", "Mark Visser"]),
    ],
)
def test_warns_once_naming_connections_at_clients(people, named):
    [finding] = evaluate(connections(people), CLAUSE, rule="LG501")
    assert finding.severity == "warning"
    assert finding.subject == "connections"
    assert "Bureau Noord" in finding.message
    for name in named:
        assert name in finding.message
    assert [e.excerpt.split(" — ")[0] for e in finding.evidence] == named
    assert "Piet Klaas" not in finding.message


def test_dutch_wording_joins_names_in_dutch():
    people = [person("Eva Smit", company="Bakkerij Jansen"), person("Henk de Wit", company="Zuivel Coöperatie U.A.")]
    [finding] = evaluate(connections(people, ui_language="nl"), CLAUSE, rule="LG501")
    assert finding.language == "nl"
    assert "Eva Smit (Bakkerij Jansen B.V.) en Henk de Wit (Zuivel Coöperatie)" in finding.message
    assert "opschoonbeding" in finding.message
    assert "BW 7:653" in finding.message


def test_same_person_listed_twice_is_named_once():
    eva = person("Eva Smit", company="Globex", url="https://www.linkedin.com/in/evasmit/")
    [finding] = evaluate(connections([eva, {**eva, "headline": "Buyer at Globex"}]), CLAUSE, rule="LG501")
    assert len(finding.evidence) == 1


@pytest.mark.parametrize(
    ("people", "settings"),
    [
        ([person("Eva Smit", headline="Inkoper bij Bakkerij Jansen")], NO_CLAUSE),
        ([person("Eva Smit", headline="Inkoper bij Bakkerij Jansen")], {}),
        # The clause's former employer has no such client.
        ([person("Piet Klaas", headline="Developer at Initech")], CLAUSE),
        ([person("Joop Zoet", headline="Bakker bij Bakkerij Jansens Brood")], CLAUSE),
        ([person("Lisa Ray", headline="Globex alumni | Coach")], CLAUSE),
        # Not connections.
        ([person("Eva Smit", company="Bakkerij Jansen", degree="2nd")], CLAUSE),
        ([person("John Miller", headline="Buyer at Globex", degree="3rd")], CLAUSE),
        # The client is the current employer.
        ([person("John Miller", headline="Buyer at Globex")], NOW_AT_CLIENT),
        ([], CLAUSE),
    ],
)
def test_silent_on_connections(people, settings):
    assert evaluate(connections(people), settings, rule="LG501") == []


@pytest.mark.parametrize(
    ("context", "client"),
    [
        (profile(own=False, name="Eva Smit", headline="Inkoper bij Bakkerij Jansen", connection_degree="1st",
                 ui_language="nl"), "Bakkerij Jansen B.V."),
        (profile(own=False, name="John Miller", headline="Open to new challenges", connection_degree="1st",
                 positions=[{"title": "Buyer", "company": "Globex Inc.", "current": True}]), "Globex"),
    ],
)
def test_warns_on_first_degree_profile(context, client):
    [finding] = evaluate(context, CLAUSE, rule="LG501")
    assert finding.severity == "warning"
    assert finding.mode == "inform"
    assert finding.subject == "/in/sanne"
    assert context["name"] in finding.title
    assert client in finding.message
    assert ".." not in finding.message  # a name ending in "B.V." before a full stop


@pytest.mark.parametrize(
    ("context", "settings"),
    [
        (profile(own=False, name="Eva Smit", headline="Inkoper bij Bakkerij Jansen", connection_degree="2nd"), CLAUSE),
        (profile(own=False, name="Eva Smit", headline="Inkoper bij Bakkerij Jansen", connection_degree="3rd",
                 ui_language="nl"), CLAUSE),
        (profile(own=False, name="Eva Smit", headline="Inkoper bij Bakkerij Jansen"), CLAUSE),
        (profile(own=False, name="Eva Smit", headline="Inkoper bij Bakkerij Jansen", connection_degree="1st"),
         NO_CLAUSE),
        # Worked at the client before, not now.
        (profile(own=False, name="John Miller", headline="Buyer", connection_degree="1st",
                 positions=[{"title": "Buyer", "company": "Globex", "current": False}]), CLAUSE),
        (profile(own=True, name="Me", headline="Consultant at Globex", connection_degree="1st"), CLAUSE),
        (profile(own=False, name="John Miller", headline="Buyer at Globex", connection_degree="1st"), NOW_AT_CLIENT),
    ],
)
def test_silent_on_profiles(context, settings):
    assert evaluate(context, settings, rule="LG501") == []
