"""LG201 — a sales pitch (or a charity or campaign ask) nobody asked for.

Also holds what LG201 and LG202 share: the finding's subject (the recipient),
how a message is judged (``judge_message``: ``guard.signals``) and how the
signals that fired become evidence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from guard import legal
from guard.engine import pick_language
from guard.matching import profile_key
from guard.models import Context, Evidence, MessageContext, Person, Settings
from guard.rules.base import Hit, Rule, Text, Wording
from guard.signals import EvidenceItem, Judgement, judge

# Said in the warning when the message's language has no pattern file: only
# the shared cues (prices, links) were read.
LESS_SURE = Text(
    en=" The guard does not know this message's language and judged it on prices and links only, "
       "so it is less sure than usual.",
    nl=" De guard kent de taal van dit bericht niet en keek alleen naar prijzen en links; "
       "het oordeel is daardoor minder zeker dan normaal.",
)


def judge_message(ctx: MessageContext, settings: Settings) -> Judgement:
    """The signals' judgement of the message, with its thread and channel (memoised per keystroke)."""
    thread = ctx.thread
    return judge(ctx.text,
                 me=thread.messages_from_me if thread else 0,
                 them=thread.messages_from_recipient if thread else 0,
                 last_from_recipient=thread.last_from_recipient if thread else None,
                 channel=ctx.channel,
                 prefer_language=pick_language(settings, ctx))


def confidence_note(j: Judgement) -> str | Text:
    return "" if j.confident else LESS_SURE


def recipient_subject(person: Person) -> str:
    """One stable subject per conversation partner, so typing keeps one finding id."""
    return _subject(person.profile_url, person.name)


def recipient_name(person: Person) -> str | Text:
    return _name(person.name)


# LG201 and LG202 ask about the same recipient on every keystroke.
@lru_cache(maxsize=256)
def _subject(profile_url: str | None, name: str) -> str:
    return profile_key(profile_url) or name.strip() or "recipient"


@lru_cache(maxsize=256)
def _name(name: str) -> str | Text:
    joined = " ".join(name.split())
    return joined or Text(en="the recipient", nl="de ontvanger")


def text_evidence(items: Iterable[EvidenceItem]) -> list[Evidence]:
    """The signals that fired as evidence, strongest first; a new list of shared (read-only) ``Evidence``."""
    return list(_evidence(tuple(items)))


@lru_cache(maxsize=256)
def _evidence(items: tuple[EvidenceItem, ...]) -> tuple[Evidence, ...]:
    # LG201 and LG202 quote the same phrases, and typing keeps them: built once.
    return tuple(Evidence(field="text", excerpt=i.excerpt, feature=i.feature) for i in items)


# Hits remembered per judgement outcome (``Judgement.shared``) and what else
# they are made of: typing repeats the same warning on every keystroke. The
# engine builds each finding from a hit once (``Engine._finding``), so the
# same hit object must come back for the same inputs. Shared, read-only.
_MAX_HITS = 32


def remembered_hit(j: Judgement, key: tuple) -> Hit | None:
    return j.shared().get("hits", {}).get(key)


def remember_hit(j: Judgement, key: tuple, hit: Hit) -> Hit:
    hits = j.shared().setdefault("hits", {})
    if len(hits) >= _MAX_HITS:
        hits.clear()
    hits[key] = hit
    return hit


class UnsolicitedCommercialMessage(Rule):
    """A message, InMail or invitation note pitches something the recipient did not ask for.

    ## What it does
    Reads the message you are writing (Dutch, English, German, French or
    Spanish) and warns before
    you send it when it is a commercial, charitable or idealistic
    solicitation — a sales pitch, a "quick call?" that is really a cold sales
    call, a request to sponsor your run, to sign a petition — and the
    recipient has not asked for it. Like a spam filter, the guard weighs
    named signals — an offer, a call to action, a benefit to you, a
    follow-up of an unanswered pitch, the thread so far, and how much the
    words read like the pitches it learned from — with weights
    fitted on a labelled corpus, and the warning lists the signals that
    fired, strongest first (``linkedin-guard evaluate --explain`` shows the
    whole score). A pitch after the recipient said no counts extra. In a
    language it has no patterns for, it reads only prices and links and
    says it is less sure. Nothing is said about:

    * a message that only asks permission ("May I send you some information
      about our services?");
    * a reply when the recipient's last message asked for an offer, a quote
      or more information;
    * a long two-way thread (a working relationship) about prices or
      discounts;
    * personal, collegial, job-application and knowledge-sharing messages;
    * recruitment that sells nothing (LG202 covers recruiters).

    ## Why is this bad?
    Dutch law forbids unsolicited electronic messages with a commercial,
    idealistic or charitable purpose unless the recipient agreed beforehand.
    A LinkedIn message is such an electronic message; the Dutch regulator
    fined a spammer for messages on the social network Hyves. Being
    connected, or in the same group, is consent to talk — not to receive an
    advertisement. InMail to a stranger is still your own message.

    ## Example
    "Hi Mark, I came across your profile. We help SaaS companies cut their
    cloud costs by 30% with our platform. Open to a quick 15-minute call?"

    ## Use instead
    Ask permission first: "I work on cloud cost reduction — may I send you
    some information?" and send the offer only after a yes.

    ## Legal basis
    Telecommunicatiewet art. 11.7 (Dutch Telecommunications Act), which
    implements ePrivacy Directive 2002/58/EC art. 13. The guard informs; it is
    not legal advice.
    """

    doc_nl = """
    Een bericht, InMail of uitnodigingsnotitie biedt iets aan waar de
    ontvanger niet om heeft gevraagd.

    ## Wat het doet
    Leest het bericht dat je schrijft (Nederlands, Engels, Duits, Frans of
    Spaans) en
    waarschuwt voordat je het verstuurt als het een commercieel,
    charitatief of ideëel verzoek is — een verkooppraatje, een "even kort
    bellen?" dat eigenlijk koude acquisitie is, een vraag om je
    sponsorloop te steunen of een petitie te tekenen — en de ontvanger er
    niet om heeft gevraagd. Net als een spamfilter weegt de guard
    benoemde signalen — een aanbod, een oproep tot actie, een voordeel
    voor jou, een herinnering aan een onbeantwoord verkoopbericht, het
    gesprek tot nu toe — met gewichten die op een gelabeld corpus zijn
    gefit; de waarschuwing noemt de signalen die afgingen, sterkste eerst
    (``linkedin-guard evaluate --explain`` toont de hele score). Een
    verkoopbericht nadat de ontvanger nee zei, telt extra zwaar. In een
    taal waarvoor geen patronen zijn, kijkt de guard alleen naar prijzen
    en links en zegt hij dat hij minder zeker is. De guard zegt niets over:

    * een bericht dat alleen om toestemming vraagt ("Mag ik je wat
      informatie sturen over onze diensten?");
    * een antwoord als het laatste bericht van de ontvanger om een aanbod,
      een offerte of meer informatie vroeg;
    * een lang gesprek over en weer (een werkrelatie) over prijzen of
      kortingen;
    * persoonlijke en collegiale berichten, sollicitaties en berichten
      waarin je kennis deelt;
    * werving waarbij niets verkocht wordt (recruiters vallen onder
      LG202).

    ## Waarom is dit riskant?
    De Nederlandse wet verbiedt ongevraagde elektronische berichten met
    een commercieel, ideëel of charitatief doel, tenzij de ontvanger
    vooraf toestemming gaf. Een LinkedIn-bericht is zo'n elektronisch
    bericht; de Nederlandse toezichthouder heeft al eens een spammer
    beboet voor berichten op het sociale netwerk Hyves. Verbonden zijn, of
    in dezelfde groep zitten, is toestemming om contact te hebben — niet
    om reclame te ontvangen. Ook een InMail aan een onbekende blijft je
    eigen bericht.

    ## Voorbeeld
    "Hoi Mark, ik kwam je profiel tegen. Wij helpen mkb-bedrijven hun
    energierekening met 30% te verlagen met ons platform. Heb je zin in
    een kort belletje van een kwartier?"

    ## Doe in plaats daarvan
    Vraag eerst toestemming: "Ik help bedrijven met het verlagen van hun
    energiekosten — mag ik je daar wat informatie over sturen?" en stuur
    het aanbod pas na een ja.

    ## Juridische basis
    Telecommunicatiewet art. 11.7, de Nederlandse uitwerking van de
    ePrivacyrichtlijn 2002/58/EG art. 13. De guard informeert; dit is geen
    juridisch advies.
    """

    id = "LG201"
    slug = "unsolicited-commercial-message"
    kinds = ("message",)
    default_severity = "warning"
    default_mode = "confirm"
    legal_basis = (legal.TELECOMMUNICATIEWET_11_7, legal.EPRIVACY_13)
    wordings = {
        "default": Wording(
            title=Text(
                en="Unsolicited sales message",
                nl="Ongevraagd commercieel bericht",
            ),
            message=Text(
                en="This reads as a sales pitch to {recipient}, who has not asked for it. The Dutch "
                   "Telecommunications Act (art. 11.7) forbids unsolicited commercial messages without "
                   "prior consent, LinkedIn messages included. Being connected is not consent.{confidence}",
                nl="Dit leest als een verkoopbericht aan {recipient}, die er niet om heeft gevraagd. De "
                   "Telecommunicatiewet (art. 11.7) verbiedt ongevraagde commerciële berichten zonder "
                   "voorafgaande toestemming, ook op LinkedIn. Een connectie is geen toestemming.{confidence}",
            ),
            suggestion=Text(
                en="Ask first whether they want your offer (\"May I send you some information about …?\") "
                   "and send it only after a yes.",
                nl="Vraag eerst of ze je aanbod willen ontvangen (\"Mag ik je wat informatie sturen over …?\") "
                   "en stuur het pas na een ja.",
            ),
        ),
        "charitable": Wording(
            title=Text(
                en="Unsolicited request for a donation",
                nl="Ongevraagde oproep om te doneren",
            ),
            message=Text(
                en="This asks {recipient} for money or sponsorship for a cause without being asked. The "
                   "Dutch Telecommunications Act (art. 11.7) also forbids unsolicited messages with a "
                   "charitable purpose without prior consent.{confidence}",
                nl="Dit vraagt {recipient} ongevraagd om geld of sponsoring voor een goed doel. De "
                   "Telecommunicatiewet (art. 11.7) verbiedt ook ongevraagde berichten met een "
                   "charitatief doel zonder voorafgaande toestemming.{confidence}",
            ),
            suggestion=Text(
                en="Ask first whether they want to hear about your cause, or share it in a post instead "
                   "of a private message.",
                nl="Vraag eerst of ze over je actie willen horen, of deel hem in een bericht op je tijdlijn "
                   "in plaats van privé.",
            ),
        ),
        "idealistic": Wording(
            title=Text(
                en="Unsolicited call to support a cause",
                nl="Ongevraagde oproep voor een ideëel doel",
            ),
            message=Text(
                en="This asks {recipient} to sign, join or vote for a cause without being asked. The Dutch "
                   "Telecommunications Act (art. 11.7) also forbids unsolicited messages with an idealistic "
                   "purpose without prior consent.{confidence}",
                nl="Dit vraagt {recipient} ongevraagd om te tekenen, lid te worden of te stemmen voor een "
                   "zaak. De Telecommunicatiewet (art. 11.7) verbiedt ook ongevraagde berichten met een "
                   "ideëel doel zonder voorafgaande toestemming.{confidence}",
            ),
            suggestion=Text(
                en="Ask first whether they want to hear about it, or share it in a post instead of a "
                   "private message.",
                nl="Vraag eerst of ze erover willen horen, of deel het in een bericht op je tijdlijn in "
                   "plaats van privé.",
            ),
        ),
    }

    def check(self, ctx: Context, settings: Settings) -> Iterable[Hit]:
        assert isinstance(ctx, MessageContext)
        j = judge_message(ctx, settings)
        if not j.fires("LG201"):
            return
        recipient = ctx.recipient
        key = ("LG201", recipient.name, recipient.profile_url)
        hit = remembered_hit(j, key)
        if hit is None:
            kind = j.kind()
            hit = remember_hit(j, key, Hit(
                subject=recipient_subject(recipient),
                evidence=text_evidence(j.evidence("LG201")),
                params={"recipient": recipient_name(recipient), "confidence": confidence_note(j)},
                about=recipient_name(recipient),
                wording="default" if kind == "commercial" else kind,
            ))
        yield hit
