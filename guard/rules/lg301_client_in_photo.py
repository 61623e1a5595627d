"""LG301 — a photo or video post that shows clients, or an event's guests."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from guard import legal
from guard.matching import (
    company_from_headline,
    find_phrase,
    fold,
    join_names,
    profile_key,
    same_company,
    same_text,
)
from guard.models import Client, Context, Evidence, PostContext, Settings
from guard.rules.base import Hit, Rule, Text, Wording, excerpt

VISUAL = frozenset({"image", "video"})

# --- event lexicon (matched on folded text: lower case, no accents) --------

# Words that say other people were there as guests.
_GUESTS = (
    r"klanten|relaties|gasten|genodigden|bezoekers|deelnemers|aanwezigen"
    r"|clients|customers|guests|attendees|visitors|participants|delegates|invitees"
    r"|iedereen die (?:er )?(?:was|erbij was|kwam|aanwezig was)"
    r"|(?:everyone|everybody|all) who (?:came|joined|attended|was there)"
)
# Words for a gathering where photos get taken. Not "launch": product launches
# are posted with product pictures and speak of customers all the time.
_EVENT = (
    r"events?|evenement(?:en)?|seminars?|seminarie|congres|conference|symposium|bijeenkomst"
    r"|\w*borrel|\w*feest|\w*diner|\w*receptie|reception|gala|dinner|workshop|masterclass|summit"
    r"|beurs|expo|meetup|meet-up|kick-?off|party|jubileum|anniversary"
    r"|networking|netwerkavond|open dag|open house|trade fair|trade show|exhibition|beursstand"
)
# A gathering that is about clients by its very name.
_CLIENT_GATHERING = (
    r"(?:klant(?:en)?|relatie)-?(?:dag|event|evenement|middag|avond|borrel|diner|bijeenkomst|feest)"
    r"|(?:customer|client|guest)s? (?:day|event|evening|night|dinner|reception|party)"
)
# Inviting to a coming event, not reporting on one that took place.
_ANNOUNCEMENT = (
    r"meld je (?:nu )?aan|aanmelden|schrijf je (?:nu )?in|inschrijven|save the date|rsvp"
    r"|register|registration|sign up|tickets?"
)
# Alt texts saying the picture is not of people.
_NOT_PEOPLE = (
    r"logo|banner|flyer|poster|graphic|grafiek|chart|diagram|infographic|screenshot"
    r"|schermafbeelding|illustrati(?:e|on)|uitnodiging|invitation|slide|dia"
)


def _words(alternatives: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


GUESTS, EVENT, CLIENT_GATHERING = _words(_GUESTS), _words(_EVENT), _words(_CLIENT_GATHERING)
ANNOUNCEMENT, NOT_PEOPLE = _words(_ANNOUNCEMENT), _words(_NOT_PEOPLE)


@dataclass
class _Match:
    label: Text  # how the person is named in the message
    evidence: Evidence


def _client_company(client: Client) -> str:
    # A client entry without a company is taken to be a company itself
    # ({"name": "Bakkerij Jansen"}); one with a company is a person there.
    return client.company or client.name


def _is_client_person(name: str, url: str | None, clients: Sequence[Client]) -> Client | None:
    """By profile URL, else by name — but two different profile URLs are two people."""
    key = profile_key(url)
    for client in clients:
        client_key = profile_key(client.profile_url)
        if key and client_key:
            if key == client_key:
                return client
            continue  # a namesake with another profile
        if same_text(name, client.name):
            return client
    return None


def _client_company_of(company: str | None, clients: Sequence[Client]) -> str | None:
    if not company:
        return None
    for client in clients:
        if same_company(company, _client_company(client)):
            return _client_company(client)
    return None


def _looks_like_a_person(client: Client) -> bool:
    """Only people's names are searched for in the post text: a company named
    in the text ("we built Globex's new shop") says nothing about who is in a photo."""
    return bool(client.company) or "/in/" in (client.profile_url or "")


class ClientInPhoto(Rule):
    """A photo or video post that tags or mentions a client, or shows guests at an event.

    ## What it does
    For posts with at least one image or video (documents alone are not
    photos), the guard compares the post's mentions and the people tagged in
    the photos with the clients in settings: by profile URL, by name (case and
    accents ignored; a same-named person with another profile URL is someone
    else), and by company — a tagged person whose company or headline ("Inkoper
    bij Bakkerij Jansen") is a client company. A client's full name in the
    post text also counts. A match is a warning that asks before posting.
    Without a match, a photo post about an event with clients, customers or
    guests ("klantendag", "thanks to all our guests", "nieuwjaarsborrel met
    relaties") gets a quiet question whether everyone in it agreed — unless
    the post invites people to a coming event, or every picture is described
    as a logo, banner, flyer or chart.

    ## Why is this bad?
    A recognisable person in a photo is personal data, and using it to
    promote your company needs a basis — in practice their consent. Under the
    portrait right a person can also object to publication of a portrait
    they did not commission when they have a reasonable interest, and
    commercial use on social media is the textbook case. A client who finds
    himself in your event photo on LinkedIn may complain, to you or to your
    employer.

    ## Example
    Settings: client "Jan Jansen" at "Bakkerij Jansen". Post: a group photo
    from the customer day, with "Jan Jansen" tagged in it.

    ## Use instead
    Ask the people in the photo before posting it, or use a picture in which
    nobody is recognisable.

    ## Legal basis
    Auteurswet art. 21 (portrait right); GDPR (AVG) art. 6(1) (a lawful basis,
    in practice consent, for using someone's image). The guard informs; it is
    not legal advice.
    """

    doc_nl = """
    Een foto- of videopost die een klant tagt of noemt, of gasten van een
    evenement laat zien.

    ## Wat het doet
    Bij posts met minstens één foto of video (alleen een document telt
    niet als foto) vergelijkt de guard de vermeldingen in de post en de
    mensen die in de foto's getagd zijn met de klanten in de instellingen:
    op profiel-URL, op naam (hoofdletters en accenten tellen niet; iemand
    met dezelfde naam maar een ander profiel is iemand anders) en op
    bedrijf — een getagd persoon van wie het bedrijf of de kopregel
    ("Inkoper bij Bakkerij Jansen") een klantbedrijf is. Ook de volledige
    naam van een klant in de tekst van de post telt mee. Bij een treffer
    volgt een waarschuwing die eerst vraagt of je wilt plaatsen. Zonder
    treffer krijgt een fotopost over een evenement met klanten, relaties
    of gasten ("klantendag", "bedankt aan al onze gasten",
    "nieuwjaarsborrel met relaties") een rustige vraag of iedereen op de
    foto ermee instemde — behalve als de post uitnodigt voor een evenement
    dat nog komt, of als elke afbeelding beschreven is als logo, banner,
    flyer of grafiek.

    ## Waarom is dit riskant?
    Een herkenbaar persoon op een foto is een persoonsgegeven, en die foto
    gebruiken om je bedrijf te promoten vraagt een grondslag — in de
    praktijk toestemming. Daarnaast kan iemand met het portretrecht
    bezwaar maken tegen publicatie van een portret waarvoor hij zelf geen
    opdracht gaf, als hij daar een redelijk belang bij heeft; commercieel
    gebruik op sociale media is daarvan het schoolvoorbeeld. Een klant die
    zichzelf op LinkedIn terugziet in jouw evenementfoto kan zich
    beklagen, bij jou of bij je werkgever.

    ## Voorbeeld
    Instellingen: klant "Jan Jansen" van "Bakkerij Jansen". Post: een
    groepsfoto van de klantendag, met "Jan Jansen" erin getagd.

    ## Doe in plaats daarvan
    Vraag de mensen op de foto om toestemming voordat je hem plaatst, of
    kies een foto waarop niemand herkenbaar is.

    ## Juridische basis
    Auteurswet art. 21 (portretrecht); AVG (GDPR) art. 6 lid 1 (een
    rechtsgrond, in de praktijk toestemming, om iemands beeld te
    gebruiken). De guard informeert; dit is geen juridisch advies.
    """

    id = "LG301"
    slug = "client-in-photo"
    kinds = ("post",)
    default_severity = "warning"
    default_mode = "confirm"
    legal_basis = (legal.AUTEURSWET_21, legal.GDPR_6)
    wordings = {
        "default": Wording(
            title=Text(
                en="A client in your photo post",
                nl="Een klant in je fotobericht",
            ),
            message=Text(
                en="This photo or video post tags or mentions clients: {people}. A recognisable person in a photo "
                "is personal data (GDPR art. 6), and under the portrait right (Auteurswet art. 21) they can "
                "object to commercial use of their picture.",
                nl="Dit bericht met foto of video tagt of noemt klanten: {people}. Een herkenbaar persoon op een "
                "foto is een persoonsgegeven (AVG art. 6), en op grond van het portretrecht (Auteurswet art. 21) "
                "kan iemand bezwaar maken tegen commercieel gebruik van zijn foto.",
            ),
            suggestion=Text(
                en="Ask them for permission first, or post without the photo and the tags.",
                nl="Vraag eerst hun toestemming, of plaats het bericht zonder de foto en de tags.",
            ),
        ),
        "event": Wording(
            title=Text(
                en="Did everyone in the photo agree?",
                nl="Is iedereen op de foto akkoord?",
            ),
            message=Text(
                en="This looks like a photo or video of an event with clients or guests. Recognisable people in "
                "it can object to its use on social media (portrait right, Auteurswet art. 21; GDPR art. 6).",
                nl="Dit lijkt een foto of video van een evenement met klanten of gasten. Herkenbare mensen erop "
                "kunnen bezwaar maken tegen gebruik op sociale media (portretrecht, Auteurswet art. 21; AVG art. 6).",
            ),
            suggestion=Text(
                en="Post it only if the people in it agreed, or choose a photo in which nobody is recognisable.",
                nl="Plaats hem alleen als de mensen erop akkoord zijn, of kies een foto waarop niemand herkenbaar is.",
            ),
        ),
    }

    def check(self, ctx: Context, settings: Settings) -> Iterable[Hit]:
        assert isinstance(ctx, PostContext)
        visual = [(i, m) for i, m in enumerate(ctx.media) if m.type in VISUAL]
        if not visual:
            return
        matches = self._client_matches(ctx, visual, settings.clients) if settings.clients else []
        if matches:
            en = [m.label.en.rstrip(".") for m in matches]  # no "B.V.." before the full stop
            nl = [m.label.nl.rstrip(".") for m in matches]
            yield Hit(
                subject="post",
                about=Text(en="photo post", nl="fotobericht"),
                evidence=[m.evidence for m in matches],
                params={"people": Text(en=join_names(en, "en"), nl=join_names(nl, "nl"))},
                severity="warning",
                mode="confirm",
            )
            return
        event = self._event_evidence(ctx, visual)
        if event is not None:
            yield Hit(subject="post-event", evidence=[event], wording="event", severity="info", mode="inform",
                      about=Text(en="event photo", nl="evenementfoto"))

    # -- clients -----------------------------------------------------------

    def _client_matches(self, ctx: PostContext, visual, clients: Sequence[Client]) -> list[_Match]:
        found: list[_Match] = []
        seen: set[str] = set()

        def add(key: str, label: Text, field: str, shown: str) -> None:
            key = fold(key)
            if key not in seen:
                seen.add(key)
                found.append(_Match(label, Evidence(field=field, excerpt=shown)))

        def plain(name: str) -> Text:
            return Text(en=name, nl=name)

        for j, mention in enumerate(ctx.mentions):
            field = f"mentions[{j}]"
            if mention.entity == "person":
                if _is_client_person(mention.name, mention.profile_url, clients):
                    add(mention.name, plain(mention.name), field, mention.name)
            else:
                company = _client_company_of(mention.name, clients)
                if company is None and profile_key(mention.profile_url):
                    company = next((_client_company(c) for c in clients
                                    if profile_key(c.profile_url) == profile_key(mention.profile_url)), None)
                if company:
                    add(company, plain(company), field, mention.name)

        for i, media in visual:
            for k, person in enumerate(media.people_tagged):
                field = f"media[{i}].people_tagged[{k}]"
                if _is_client_person(person.name, person.profile_url, clients):
                    add(person.name, plain(person.name), field, person.name)
                    continue
                company = _client_company_of(person.company, clients) or \
                    _client_company_of(company_from_headline(person.headline), clients)
                if company:
                    label = Text(en=f"{person.name} of {company}", nl=f"{person.name} van {company}")
                    add(person.name, label, field, f"{person.name} — {company}")

        for client in clients:
            if len(client.name.split()) < 2 or not _looks_like_a_person(client):
                continue
            span = find_phrase(ctx.text, client.name)
            if span is not None:
                add(client.name, plain(client.name), "text", excerpt(ctx.text, *span))
        return found

    # -- events --------------------------------------------------------------

    def _event_evidence(self, ctx: PostContext, visual) -> Evidence | None:
        alts = [m.alt for _, m in visual if m.alt]
        if len(alts) == len(visual) and all(NOT_PEOPLE.search(fold(alt)) for alt in alts):
            return None  # every picture is a logo, banner, chart...
        sources = [("text", ctx.text)] + [(f"media[{i}].alt", m.alt) for i, m in visual if m.alt]
        if any(ANNOUNCEMENT.search(fold(text)) for _, text in sources):
            return None
        for field, text in sources:
            match = CLIENT_GATHERING.search(fold(text))
            if match:
                return Evidence(field=field, excerpt=_excerpt_of(text, match.group(0)))
        guest = next(((f, t, m) for f, t in sources if (m := GUESTS.search(fold(t)))), None)
        event = next(((f, t, m) for f, t in sources if (m := EVENT.search(fold(t)))), None)
        if guest and event:
            field, text, match = guest
            return Evidence(field=field, excerpt=_excerpt_of(text, match.group(0)))
        return None


def _excerpt_of(text: str, folded_words: str) -> str:
    span = find_phrase(text, folded_words)
    return excerpt(text, *span) if span else excerpt(text, 0, min(len(text), 80), width=0)
