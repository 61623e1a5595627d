"""LG301: clients in photo/video posts, and event photos with guests — tables, Dutch and English."""

import pytest

from tests.rules.helpers import evaluate, post

CLIENTS = {"clients": [
    {"name": "Jan Jansen", "company": "Bakkerij Jansen B.V.", "profile_url": "https://www.linkedin.com/in/janjansen/"},
    {"name": "Zoë de Vries", "company": "Globex"},
    {"name": "Initech"},  # a client company, no person
]}


def image(*tagged, alt=None):
    return {"type": "image", "people_tagged": list(tagged), "alt": alt}


def video(*tagged):
    return {"type": "video", "people_tagged": list(tagged)}


def document(*tagged):
    return {"type": "document", "people_tagged": list(tagged)}


def person(name, **extra):
    return {"name": name, **extra}


def mention(name, entity="person", url=None):
    return {"name": name, "entity": entity, "profile_url": url}


@pytest.mark.parametrize(
    ("context", "named"),
    [
        (post("Great afternoon!", media=[image(person("Jan Jansen"))]), "Jan Jansen"),
        # By profile URL, whatever the name looks like.
        (post("Thanks for the visit", media=[image(person("J. Jansen",
              profile_url="https://nl.linkedin.com/in/JanJansen?trk=public"))]), "J. Jansen"),
        # Case and accents.
        (post("Demo day", mentions=[mention("ZOE DE VRIES")], media=[video()]), "ZOE DE VRIES"),
        (post("Op bezoek", media=[image(person("zoë  de vries"))], ui_language="nl"), "zoë  de vries"),
        # Someone whose company (headline or field) is a client company.
        (post("Mooie dag in Utrecht", media=[image(person("Eva Smit", headline="Inkoper bij Bakkerij Jansen | Brood"))],
              ui_language="nl"), "Eva Smit van Bakkerij Jansen B.V"),
        (post("Workshop done", media=[image(person("Mark Visser", company="Initech Ltd"))]), "Mark Visser of Initech"),
        (post("Workshop done", media=[image(person("Mark Visser", headline="CTO @ Globex Inc."))]),
         "Mark Visser of Globex"),
        # A client company mentioned on a photo post.
        (post("Kick-off met het team", mentions=[mention("Globex Corporation", entity="company")],
              media=[image()], ui_language="nl"), "Globex"),
        # A client person's full name in the text of a photo post.
        (post("Mooie middag met Zoë de Vries van Globex!", media=[image()], ui_language="nl"), "Zoë de Vries"),
        # Tags on the image count even when a document is attached too.
        (post("Slides and a photo", media=[document(), image(person("Jan Jansen"))]), "Jan Jansen"),
    ],
)
def test_warns_and_asks_before_posting(context, named):
    [finding] = evaluate(context, CLIENTS, rule="LG301")
    assert finding.severity == "warning"
    assert finding.mode == "confirm"
    assert finding.subject == "post"
    assert named in finding.message
    assert ".." not in finding.message  # a name ending in "B.V." before a full stop


def test_names_every_matched_person_once_in_dutch():
    ctx = post("Klantendag!", mentions=[mention("Jan Jansen")],
               media=[image(person("Jan Jansen"), person("Eva Smit", company="Globex"), person("Kees Bos"))],
               ui_language="nl")
    [finding] = evaluate(ctx, CLIENTS, rule="LG301")
    assert finding.language == "nl"
    assert "klanten: Jan Jansen en Eva Smit van Globex." in finding.message
    assert "Auteurswet" in finding.message and "AVG" in finding.message
    assert [e.field for e in finding.evidence] == ["mentions[0]", "media[0].people_tagged[1]"]
    assert "Kees Bos" not in finding.message


@pytest.mark.parametrize(
    ("context", "settings"),
    [
        # No media, or a document only.
        (post("Met Jan Jansen gesproken", mentions=[mention("Jan Jansen")]), CLIENTS),
        (post("Our deck", media=[document(person("Jan Jansen"))]), CLIENTS),
        # A namesake: another profile URL than the client's.
        (post("Team photo", media=[image(person("Jan Jansen", profile_url="https://www.linkedin.com/in/jan-jansen-82/"))]),
         CLIENTS),
        # Near names and near companies.
        (post("Teamfoto", media=[image(person("Janneke Jansen"))], ui_language="nl"), CLIENTS),
        (post("Teamfoto", media=[image(person("Eva Smit", headline="Bakker bij Bakkerij Jansens Brood"))],
              ui_language="nl"), CLIENTS),
        (post("Team", media=[image(person("Lisa Ray", company="Globex Logistics"))]), CLIENTS),
        # A client company named in the text is not a person in the photo.
        (post("We bouwden de nieuwe webshop van Initech en Globex", media=[image()], ui_language="nl"), CLIENTS),
        (post("Congrats to Jan on the new bakery", media=[image()]), CLIENTS),
        # A person mention that merely shares a client company's name.
        (post("Nice chat", mentions=[mention("Initech Bakker")], media=[image()]), CLIENTS),
        # No clients configured and no event.
        (post("Thanks for the visit", media=[image(person("Jan Jansen"))]), {}),
    ],
)
def test_silent(context, settings):
    assert evaluate(context, settings, rule="LG301") == []


@pytest.mark.parametrize(
    "context",
    [
        post("Wat een geweldige klantendag gisteren! Dank aan iedereen die er was.", media=[image()], ui_language="nl"),
        post("Nieuwjaarsborrel met onze relaties in Amersfoort", media=[video()], ui_language="nl"),
        post("Bedankt aan alle gasten van ons evenement", media=[image(), image()], ui_language="nl"),
        post("Great evening at our customer event in Amsterdam.", media=[image()]),
        post("Thanks to all attendees of our seminar in Utrecht!", media=[image()]),
        post("What a night!", media=[image(alt="Group photo of our guests at the reception")]),
        post("We welcomed 200 visitors at our stand at the trade fair", media=[video()]),
        # Clients configured, nobody matched: still an event with guests.
        post("Our clients at the summit in Rotterdam", media=[image(person("Kees Bos"))]),
    ],
)
def test_event_photo_with_guests_gets_a_quiet_question(context):
    [finding] = evaluate(context, CLIENTS, rule="LG301")
    assert finding.severity == "info"
    assert finding.mode == "inform"
    assert finding.subject == "post-event"
    assert finding.evidence


@pytest.mark.parametrize(
    "context",
    [
        # Invitations to a coming event.
        post("Onze klantendag komt eraan: meld je nu aan!", media=[image()], ui_language="nl"),
        post("Save the date: customer day on 12 March", media=[image()]),
        # No photo or video.
        post("Thanks to all our guests at the event", media=[]),
        post("Dank aan alle gasten van ons evenement", media=[document()], ui_language="nl"),
        # The only picture is a logo or banner.
        post("Thanks to all our guests at the event", media=[image(alt="Acme logo")]),
        post("Dank aan alle klanten voor de klantendag", media=[image(alt="Banner klantendag 2026")],
             ui_language="nl"),
        # Colleagues, not guests; customers but no event; event but no guests.
        post("Gezellige vrijdagmiddagborrel met het team", media=[image()], ui_language="nl"),
        post("Wij helpen klanten met hun administratie", media=[image()], ui_language="nl"),
        post("Our customers love the new release", media=[image()]),
        post("Proud to launch our new app for customers", media=[image()]),
        post("Excited to speak at the conference tomorrow", media=[image()]),
        post("Vandaag op de beurs in Utrecht", media=[image()], ui_language="nl"),
    ],
)
def test_no_event_note(context):
    assert evaluate(context, CLIENTS, rule="LG301") == []


def test_event_wording_in_dutch():
    [finding] = evaluate(post("Klantendag 2026 was top", media=[image()], ui_language="nl"), {}, rule="LG301")
    assert finding.language == "nl"
    assert finding.title == "Is iedereen op de foto akkoord?"
    assert "portretrecht" in finding.message
    assert "Klantendag" in finding.evidence[0].excerpt


def test_same_post_same_id_while_typing():
    base = dict(media=[image(person("Jan Jansen"))], page_session="tab2-nav1")
    [a] = evaluate(post("Great", **base), CLIENTS, rule="LG301")
    [b] = evaluate(post("Great afternoon with", **base), CLIENTS, rule="LG301")
    assert a.id == b.id
