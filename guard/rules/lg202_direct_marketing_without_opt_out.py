"""LG202 — a first sales or recruitment message without an opt-out notice."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from guard import legal
from guard.engine import pick_language
from guard.models import Context, Fix, MessageContext, Settings
from guard.rules.base import Hit, Rule, Text, Wording
from guard.rules.lg201_unsolicited_commercial_message import (
    confidence_note,
    judge_message,
    recipient_name,
    recipient_subject,
    remember_hit,
    remembered_hit,
    text_evidence,
)
from guard.signals import opt_out_notice

# LinkedIn cuts invitation notes at 300 characters.
INVITATION_LIMIT = 300


def notice_fix(text: str, lang: str | None, formal: bool, channel: str) -> Fix:
    """The notice as its own paragraph (art. 21(4): "separately"), in the message's language."""
    blank = not text or text.isspace()  # ``not text.strip()`` without copying the text on every keystroke
    sep = "" if blank else "" if text.endswith("\n\n") else "\n" if text.endswith("\n") else "\n\n"
    notice = opt_out_notice(lang, formal)
    if channel == "invitation" and len(text) + len(sep) + len(notice) > INVITATION_LIMIT:
        notice = opt_out_notice(lang, formal, short=True)
    return _fix(sep + notice)


@lru_cache(maxsize=64)
def _fix(text: str) -> Fix:
    # A handful of notices, one per keystroke: built once (shared, read-only).
    return Fix(action="append_text", text=text)


class DirectMarketingWithoutOptOut(Rule):
    """A first sales or recruitment message does not tell the recipient they can object.

    ## What it does
    When the first message you send someone (no earlier messages from you in
    the thread, or an invitation note) is direct marketing — a sales pitch,
    or recruitment outreach by an agency or an employer — and it has no
    sentence telling the recipient they can object or ask not to be
    contacted again, the guard warns before you send it. One click appends
    such a sentence in the language of your message (Dutch, formal or
    informal, or English; English for German, French and Spanish messages).
    Whether a message is direct marketing is weighed from named signals
    with fitted weights, as for LG201; the warning lists the signals that
    fired. Common phrasings are recognised: "reply STOP",
    "let me know if you'd rather not be contacted again", "afmelden",
    "je kunt bezwaar maken", "laat het weten als je niet meer benaderd wilt
    worden". Follow-ups, permission questions and replies to a request for
    an offer or more details are left alone.

    ## Why is this bad?
    Direct marketing — recruitment outreach included — gives the recipient
    an absolute right to object to the use of their data for it. The GDPR
    requires telling them so explicitly, clearly and separately from the
    rest, at the latest in the first message. Recruiters often find that
    impractical in a LinkedIn message; the obligation stands all the same.

    ## Example
    "Hi Mark, I'm a recruiter at TechTalent. My client is looking for a
    Senior Backend Engineer and your profile caught my eye. Open to a chat?"

    ## Use instead
    Add one sentence: "Not interested? You can object to messages like this
    at any time: reply "stop" and I won't contact you again."

    ## Legal basis
    GDPR (AVG) art. 21(2)-(4): the right to object to direct marketing and
    the duty to point it out at the first communication. The guard informs;
    it is not legal advice.
    """

    doc_nl = """
    Een eerste verkoop- of wervingsbericht vertelt de ontvanger niet dat
    die bezwaar kan maken.

    ## Wat het doet
    Is het eerste bericht dat je iemand stuurt (nog geen eerdere berichten
    van jou in het gesprek, of een uitnodigingsnotitie) direct marketing —
    een verkooppraatje, of wervingscontact door een bureau of een
    werkgever — en staat er geen zin in die de ontvanger vertelt dat die
    bezwaar kan maken of kan vragen niet meer benaderd te worden, dan
    waarschuwt de guard voordat je het verstuurt. Met één klik komt zo'n
    zin onder je bericht, in de taal van dat bericht (Nederlands met je of
    u, of Engels; Engels bij Duitse, Franse en Spaanse berichten). Of een
    bericht direct marketing is, weegt de guard af uit benoemde signalen
    met gefitte gewichten, net als bij LG201; de waarschuwing noemt de
    signalen die afgingen. Gangbare formuleringen worden herkend: "afmelden", "je
    kunt bezwaar maken", "laat het weten als je niet meer benaderd wilt
    worden", "reply STOP", "let me know if you'd rather not be contacted
    again". Vervolgberichten, vragen om toestemming en antwoorden op een
    verzoek om een aanbod of meer informatie blijven buiten schot.

    ## Waarom is dit riskant?
    Bij direct marketing — werving inbegrepen — heeft de ontvanger een
    onvoorwaardelijk recht om bezwaar te maken tegen het gebruik van zijn
    gegevens daarvoor. De AVG eist dat je daar uitdrukkelijk, duidelijk en
    los van de rest op wijst, uiterlijk in het eerste bericht. Recruiters
    vinden dat in een LinkedIn-bericht vaak onhandig; de plicht geldt
    evengoed.

    ## Voorbeeld
    "Hoi Mark, ik ben recruiter bij TechTalent. Mijn opdrachtgever in
    Utrecht zoekt een Senior Backend Engineer en jouw profiel viel me op.
    Zin in een kennismaking?"

    ## Doe in plaats daarvan
    Voeg één zin toe: "Geen interesse? Je kunt altijd bezwaar maken tegen
    dit soort berichten: antwoord met "stop" en ik benader je niet meer."

    ## Juridische basis
    AVG (GDPR) art. 21 lid 2 tot en met 4: het recht van bezwaar tegen
    direct marketing en de plicht daar uiterlijk bij het eerste contact op
    te wijzen. De guard informeert; dit is geen juridisch advies.
    """

    id = "LG202"
    slug = "direct-marketing-without-opt-out"
    kinds = ("message",)
    default_severity = "warning"
    default_mode = "confirm"
    legal_basis = (legal.GDPR_21,)
    wordings = {
        "default": Wording(
            title=Text(
                en="First marketing message without an opt-out",
                nl="Eerste marketingbericht zonder afmeldmogelijkheid",
            ),
            message=Text(
                en="This first message to {recipient} is direct marketing. The GDPR (art. 21(4)) requires "
                   "telling them in it, explicitly and separately, that they can object and not be "
                   "contacted again.{confidence}",
                nl="Dit eerste bericht aan {recipient} is direct marketing. Volgens de AVG (art. 21 lid 4) "
                   "moet je daarin uitdrukkelijk en apart vermelden dat de ontvanger bezwaar kan maken en "
                   "niet meer benaderd hoeft te worden.{confidence}",
            ),
            suggestion=Text(
                en="Add a sentence saying they can object; the fix appends: {notice}",
                nl="Voeg een zin toe dat de ontvanger bezwaar kan maken; de oplossing voegt toe: {notice}",
            ),
        ),
        "recruitment": Wording(
            title=Text(
                en="First recruitment message without an opt-out",
                nl="Eerste wervingsbericht zonder afmeldmogelijkheid",
            ),
            message=Text(
                en="Recruitment outreach to {recipient} is direct marketing too. The GDPR (art. 21(4)) "
                   "requires that this first message tells them, explicitly and separately, that they can "
                   "object and not be contacted again.{confidence}",
                nl="Ook werving is direct marketing. Volgens de AVG (art. 21 lid 4) moet dit eerste bericht "
                   "{recipient} uitdrukkelijk en apart laten weten dat bezwaar maken kan en dat ze dan niet "
                   "meer benaderd worden.{confidence}",
            ),
            suggestion=Text(
                en="Add a sentence saying they can object; the fix appends: {notice}",
                nl="Voeg een zin toe dat de ontvanger bezwaar kan maken; de oplossing voegt toe: {notice}",
            ),
        ),
    }

    def check(self, ctx: Context, settings: Settings) -> Iterable[Hit]:
        assert isinstance(ctx, MessageContext)
        # A follow-up (the first message was the place for the notice) and a
        # message with a notice are settled inside ``fires``.
        j = judge_message(ctx, settings)
        if not j.fires("LG202"):
            return
        # The notice goes in the message's own language; the UI language
        # decides when the text does not tell.
        lang = j.language or pick_language(settings, ctx)
        fix = notice_fix(ctx.text, lang, j.formal, ctx.channel)
        recipient = ctx.recipient
        key = ("LG202", recipient.name, recipient.profile_url, fix.text)
        hit = remembered_hit(j, key)
        if hit is None:
            hit = remember_hit(j, key, Hit(
                subject=recipient_subject(recipient),
                evidence=text_evidence(j.evidence("LG202")),
                params={"recipient": recipient_name(recipient), "notice": fix.text.strip(),
                        "confidence": confidence_note(j)},
                about=recipient_name(recipient),
                wording="recruitment" if j.recruitment_led() else "default",
                fix=fix,
            ))
        yield hit
