"""LG202: should-warn and should-not-warn tables, Dutch and English."""

import pytest

from guard.text_analysis import analyse, opt_out_notice
from tests.rules.helpers import evaluate, message, thread
from tests.rules.test_lg201_unsolicited_commercial_message import CONVERSATIONS

RULE = "LG202"

RECRUITER_EN = ("Hi Mark, I'm a recruiter at TechTalent. My client, a fintech in Amsterdam, is looking for a "
                "Senior Backend Engineer. Your profile caught my eye. Open to a quick chat?")
RECRUITER_NL = ("Hoi Mark, ik ben recruiter bij TechTalent. Mijn opdrachtgever, een fintech in Amsterdam, zoekt "
                "een Senior Backend Engineer. Je profiel sprong er direct uit. Sta je open voor een kort gesprek?")
RECRUITER_NL_FORMAL = ("Geachte heer Visser, namens mijn opdrachtgever, een beursgenoteerde verzekeraar, zoek ik "
                       "een Head of Pricing. Staat u open voor een vertrouwelijk gesprek?")
PITCH_EN = ("Hi Mark, we help logistics companies cut their fuel costs by 18% with our route planning software. "
            "Would you be open to a 15-minute demo next week?")
PITCH_NL = ("Hoi Mark, wij helpen logistieke bedrijven hun brandstofkosten met 18% te verlagen met onze "
            "planningssoftware. Zullen we volgende week een demo inplannen?")

SHOULD_WARN = [
    (message(RECRUITER_EN), "en"),
    (message(RECRUITER_EN, thread=thread(me=0, them=0)), "en"),
    (message(RECRUITER_EN, channel="inmail"), "en"),
    (message("Hi Mark, we're hiring a Staff Engineer at Acme and your experience looks like a great fit. "
             "Interested in hearing more?", channel="invitation"), "en"),
    (message(PITCH_EN), "en"),
    (message(PITCH_EN, thread=thread(me=0, them=1, last="Thanks for connecting!")), "en"),
    (message(RECRUITER_NL), "nl"),
    (message(RECRUITER_NL_FORMAL, channel="inmail"), "nl"),
    (message("Hoi Mark, wij zijn op zoek naar een Lead Designer en jouw portfolio viel me direct op. Zin in "
             "een kennismaking?", channel="invitation"), "nl"),
    (message(PITCH_NL), "nl"),
    (message(PITCH_NL, thread=thread(me=0, them=1, last="Bedankt voor het connecten!")), "nl"),
    # the message's language, not LinkedIn's, decides the notice's language
    (message(RECRUITER_NL, ui_language="en"), "nl"),
    (message(RECRUITER_EN, ui_language="nl"), "en"),
]

SHOULD_NOT_WARN = [
    # follow-ups: the first message was the place for the notice
    message(RECRUITER_EN, thread=thread(me=1, them=0)),
    message(PITCH_NL, thread=thread(me=2, them=1, last="Ik denk er even over na.")),
    # with an opt-out notice, in many phrasings
    message(RECRUITER_EN + " If you'd rather not hear from me about roles like this, just let me know and I "
            "won't contact you again."),
    message(RECRUITER_EN + " Not looking? Reply STOP and I'll remove you from my list."),
    message(PITCH_EN + " You can object to these messages at any time."),
    message(RECRUITER_NL + " Wil je liever niet meer benaderd worden, laat het me dan weten."),
    message(RECRUITER_NL + " Geen interesse? Antwoord STOP en ik haal je van mijn lijst."),
    message(RECRUITER_NL_FORMAL + " U kunt altijd bezwaar maken tegen deze berichten."),
    message(PITCH_NL + " Afmelden voor verdere berichten kan met één woord: stop."),
    # replies to the recipient's own question
    message(RECRUITER_EN, thread=thread(me=0, them=1, last="Could you send me more details about the role?")),
    message(RECRUITER_NL, thread=thread(me=0, them=1, last="Kun je me meer informatie over de functie sturen?")),
    # a permission question is not yet the marketing
    message("Hi Mark, we specialise in annual reports. May I send you some information about our services?"),
    message("Hoi Mark, wij zijn gespecialiseerd in jaarverslagen. Mag ik je wat informatie over onze diensten "
            "sturen?"),
    # not marketing at all
    message("Hi Mark, we're hiring a data engineer in my team. Do you know anyone who might be interested?"),
    message("Hoi Mark, we zoeken een data engineer voor mijn team. Ken jij iemand die interesse heeft?"),
    message("Dear Mark, I'd like to apply for the Data Analyst vacancy. My CV is attached."),
    message("Beste Mark, naar aanleiding van jullie vacature wil ik graag solliciteren. Mijn cv zit in de bijlage."),
    message("Congratulations on the new role, Mark! Quick call next week to catch up?"),
    message("Gefeliciteerd met je nieuwe baan! Snel een keer koffie?"),
    message(""),
]


@pytest.mark.parametrize(("context", "lang"), SHOULD_WARN)
def test_warns_on_first_marketing_message_without_opt_out(context, lang):
    [finding] = evaluate(context, rule=RULE)
    assert finding.rule == RULE and finding.slug == "direct-marketing-without-opt-out"
    assert finding.severity == "warning" and finding.mode == "confirm"
    assert [lb.article for lb in finding.legal_basis] == ["21(2)-(4)"]
    assert finding.evidence
    assert finding.fix is not None and finding.fix.action == "append_text"
    notice = finding.fix.text.strip()
    assert analyse(notice).language == lang
    assert notice in (opt_out_notice(lang), opt_out_notice(lang, formal=True),
                      opt_out_notice(lang, short=True), opt_out_notice(lang, formal=True, short=True))
    assert notice in finding.suggestion


@pytest.mark.parametrize("context", SHOULD_NOT_WARN)
def test_silent_otherwise(context):
    assert evaluate(context, rule=RULE) == []


@pytest.mark.parametrize(("context", "_"), SHOULD_WARN)
def test_applying_the_fix_silences_the_warning(context, _):
    [finding] = evaluate(context, rule=RULE)
    fixed = {**context, "text": context["text"] + finding.fix.text}
    assert evaluate(fixed, rule=RULE) == []


def test_notice_is_a_separate_paragraph():
    [finding] = evaluate(message(RECRUITER_EN), rule=RULE)
    assert finding.fix.text.startswith("\n\n")
    [finding] = evaluate(message(RECRUITER_EN + "\n"), rule=RULE)
    assert finding.fix.text.startswith("\n") and not finding.fix.text.startswith("\n\n")


def test_formal_dutch_gets_a_formal_notice():
    [finding] = evaluate(message(RECRUITER_NL_FORMAL), rule=RULE)
    assert finding.fix.text.strip() == opt_out_notice("nl", formal=True)
    [finding] = evaluate(message(RECRUITER_NL), rule=RULE)
    assert finding.fix.text.strip() == opt_out_notice("nl")


def test_invitation_note_gets_a_notice_that_fits():
    note = ("Hi Mark, I'm a recruiter at TechTalent. My client, a fintech in Amsterdam, is looking for a "
            "Senior Backend Engineer. Your profile caught my eye. Open to a quick chat next week? Best regards, "
            "Tom from TechTalent")
    assert len(note) + 2 + len(opt_out_notice("en")) > 300
    [finding] = evaluate(message(note, channel="invitation"), rule=RULE)
    assert len(note) + len(finding.fix.text) <= 300
    assert finding.fix.text.strip() == opt_out_notice("en", short=True)
    [finding] = evaluate(message(note), rule=RULE)
    assert finding.fix.text.strip() == opt_out_notice("en"), "an ordinary message has room"


def test_title_follows_the_ui_language_and_the_fix_the_message():
    [finding] = evaluate(message(RECRUITER_EN, ui_language="nl"), rule=RULE)
    assert finding.language == "nl"
    assert finding.title == "Eerste wervingsbericht zonder afmeldmogelijkheid"
    assert finding.fix.text.strip() == opt_out_notice("en")


def test_sales_and_recruitment_wordings():
    [sales] = evaluate(message(PITCH_EN), rule=RULE)
    [recruiting] = evaluate(message(RECRUITER_EN), rule=RULE)
    assert sales.title == "First marketing message without an opt-out"
    assert recruiting.title == "First recruitment message without an opt-out"
    assert "Mark Visser" in sales.message and "Mark Visser" in recruiting.message


def test_subject_is_the_recipient():
    person = {"name": "Mark Visser", "profile_url": "https://www.linkedin.com/in/markvisser/"}
    [finding] = evaluate(message(RECRUITER_EN, recipient=person), rule=RULE)
    assert finding.subject == "/in/markvisser"


@pytest.mark.parametrize(("_", "expected", "context"), CONVERSATIONS)
def test_realistic_conversations(_, expected, context):
    assert bool(evaluate(context, rule=RULE)) is expected


def test_the_documented_example_and_its_alternative():
    from guard.rules.lg202_direct_marketing_without_opt_out import DirectMarketingWithoutOptOut as Rule

    doc = Rule.doc_sections()
    example = " ".join(doc["Example"].split()).strip('"')
    [finding] = evaluate(message(example), rule=RULE)
    assert evaluate(message(example + finding.fix.text), rule=RULE) == []
    assert opt_out_notice("en").split(":")[0] in " ".join(doc["Use instead"].split())
