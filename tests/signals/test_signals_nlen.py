"""Dutch and English signals added for issue 9's quality targets: each fires where it should and not on a near miss.

Unit cases written for these tests (not corpus messages). Every derived
signal and every new group of phrases has a Dutch and an English case that
fires it and a Dutch and an English near miss that must not; the rule-level
negatives share the vocabulary of the new phrases (a pub quiz "zin om mee te
doen", "I'm free after the workshop") so a phrase that is too broad fails here.
"""

from __future__ import annotations

import pytest

from guard.signals import judge
from guard.signals.features import extract
from tests.signals.verdicts import KNOWN_MISS


def signals(text: str, **context) -> set[str]:
    return set(extract(text, **context).values)


# -- permission_only: not when a call to action stands besides the question ---------------------------

@pytest.mark.parametrize("text", [
    "Hey Tom, we help SaaS teams automate onboarding emails. Mind if I send over a 2-min video? Happy to jump on a "
    "call too.",
    "Hoi Tom, wij maken planningssoftware voor installateurs. Mag ik je een korte video sturen? Zullen we anders "
    "volgende week even bellen?",
])
def test_a_permission_question_with_a_push_of_its_own_is_not_permission_only(text):
    got = signals(text)
    assert "permission" in got and "cta" in got
    assert "permission_only" not in got


@pytest.mark.parametrize("text", [
    "Hi Erin, could I send you a short case study about our roadmap tool? If that's not welcome, I won't send "
    "anything.",
    "Hoi Daan, mag ik je wat info sturen over onze developer tooling? Helemaal prima als je geen interesse hebt, "
    "dan laat ik je met rust.",
    "Goedemiddag Marloes, ik werk bij PlanWijs. Mag ik u eens wat informatie sturen, of heeft u liever dat ik u "
    "niet benader?",
])
def test_a_plain_permission_question_stays_permission_only(text):
    assert "permission_only" in signals(text)
    j = judge(text)
    assert not j.fires("LG201") and not j.fires("LG202")


# -- offer_with_cta ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Onze planningssoftware kost € 9 per maand. Zullen we volgende week een demo inplannen?",
    "Our scheduling platform costs $9 per user. Can we schedule a demo next week?",
])
def test_offer_with_cta(text):
    assert "offer_with_cta" in signals(text)


@pytest.mark.parametrize("text", [
    "Zullen we de demo van het project volgende week inplannen?",  # a call to action, nothing offered
    "Can we schedule the sprint demo for next week?",
    "Onze planningssoftware draait sinds maandag op de nieuwe server.",  # offered thing, no call to action
    "Our platform moved to the new servers on Monday.",
])
def test_offer_with_cta_near_misses(text):
    assert "offer_with_cta" not in signals(text)


# -- thread_upsell -----------------------------------------------------------------------------------------

UPSELLS = [
    "Fijn dat de code werkte! Trouwens, we hebben net een nieuwe module voor kassabeheer, zal ik een proefperiode "
    "voor je aanzetten?",
    "Glad the code worked in the end! By the way, we've just launched a new add-on for ticket scanning. Want me to "
    "add a trial to your account?",
]


@pytest.mark.parametrize("text", UPSELLS)
def test_an_upsell_in_a_long_thread_is_a_thread_upsell(text):
    got = signals(text, me=8, them=9, last_from_recipient="Alles werkt, dank!")
    assert {"thread_upsell", "long_thread"} <= got


@pytest.mark.xfail(strict=True, reason=KNOWN_MISS + "thread_upsell does not outweigh a long two-way thread")
@pytest.mark.parametrize("text", UPSELLS)
def test_an_upsell_in_a_long_thread_fires(text):
    assert judge(text, me=8, them=9, last_from_recipient="Alles werkt, dank!").fires("LG201")


@pytest.mark.parametrize(("text", "last"), [
    ("Hier is de offerte: € 450 per maand. Zal ik het contract sturen?", "Kun je me een offerte sturen?"),
    ("Here is the quote: $450 per month. Shall I send the contract?", "Could you send me a quote?"),
])
def test_no_thread_upsell_when_the_recipient_asked(text, last):
    got = signals(text, me=3, them=3, last_from_recipient=last)
    assert "offer_with_cta" in got and "thread_upsell" not in got
    assert not judge(text, me=3, them=3, last_from_recipient=last).fires("LG201")


@pytest.mark.parametrize("text", [
    "Onze software kost € 9 per maand. Zullen we een demo inplannen?",
    "Our software costs $9 a month. Shall we book a demo?",
])
def test_no_thread_upsell_in_a_first_message(text):
    assert "thread_upsell" not in signals(text)


# -- Dutch messages are read with the English patterns too -------------------------------------------------

def test_english_sales_phrases_in_a_dutch_message_count():
    text = "Hey Thijs, heb je al gehoord van ons nieuwe protocol? Early access voor mijn netwerk, wil je de link?"
    ex = extract(text)
    assert ex.languages.used == ("nl",), "the message's languages stay what they are"
    assert "offer" in ex.values
    assert any(ex.text[s:e].lower() == "early access" for s, e in ex.spans["offer"])


@pytest.mark.parametrize("text", [
    "Hoi Sanne, de meeting is verplaatst naar dinsdag. Kun je de slides nog even checken? Thanks!",
    "Hoi Bas, gefeliciteerd met je nieuwe baan! Best of luck, we gaan je missen op kantoor.",
])
def test_english_words_in_a_dutch_colleague_message_stay_quiet(text):
    j = judge(text, me=3, them=3)
    assert not j.fires("LG201") and not j.fires("LG202")


# -- "wij zoeken": partners and sponsors are a commercial ask, a person is recruitment --------------------

@pytest.mark.parametrize("text", [
    "Wij zoeken installateurs die ons laadpaalsysteem willen verkopen, met 15% commissie.",
    "Hoi Pim, we zoeken nog partners die onze SaaS willen doorverkopen.",
    "Voor ons gala zoeken we nog bedrijven die ons willen sponsoren.",
])
def test_wij_zoeken_partners_is_a_partner_ask_not_recruitment(text):
    got = signals(text)
    assert "recruitment" not in got
    assert got & {"benefit", "donation"}


@pytest.mark.parametrize("text", [
    "Hoi Sem, wij zoeken een ervaren timmerman voor onze vestiging in Zwolle.",
    "Bij Bouwbedrijf Gerritsen zoeken we per direct een uitvoerder, ken je iemand?",
    "Wij zoeken er twee: een kok en een afwasser.",
])
def test_wij_zoeken_a_person_is_recruitment(text):
    got = signals(text)
    assert "recruitment" in got and "benefit" not in got


def test_a_research_ask_for_participants_is_no_partner_ask():
    for text in ("Wij zoeken deelnemers voor ons afstudeeronderzoek naar thuiswerken, het kost 10 minuten.",
                 "We are looking for participants for our thesis research on remote work, it takes 10 minutes."):
        assert "benefit" not in signals(text)
        assert not judge(text).fires("LG201")


# -- new phrases: discounts, free events, launches, calls to action ---------------------------------------

@pytest.mark.parametrize(("signal", "text"), [
    ("discount", "Met onze kassa rekenen je gasten af aan tafel. Eerste maand gratis, daarna € 49 per maand."),
    ("discount", "Nu € 39 in plaats van € 59."),
    ("discount", "Nu 39 euro in plaats van 59 euro."),
    ("discount", "First 10 people get it for £49 instead of £199."),
    ("discount", "It was £99, now £49 for the first ten sign ups."),
    ("discount", "We can do the package for £ 395 if that helps?"),
    ("event_invite", "We're running a free 45-min workshop on sales playbooks next Wednesday."),
    ("offer", "We hebben net onze beveiligingscamera's met slimme detectie gelanceerd."),
    ("cta", "Get your free quote in two minutes."),
    ("cta", "Zin om mee te doen met de pilot?"),
    ("offer", "Zal ik, om het concreet te maken, gratis één post voor u schrijven?"),
])
def test_new_phrases_fire(signal, text):
    assert signal in signals(text)


@pytest.mark.parametrize(("signal", "text"), [
    ("discount", "De eerste ronde drankjes is voor mij, de tweede voor jou."),
    ("discount", "I took the train instead of the car."),
    ("discount", "The first 10 people at the meetup got a sticker."),
    ("discount", "We can do that at the office on Tuesday."),
    ("event_invite", "I'm free after the workshop, shall we grab lunch?"),
    ("event_invite", "Ik ben vrij na de workshop, lunchen?"),
    ("cta", "Did you get a quote from the plumber yet?"),
    ("cta", "Heb je al een offerte van de loodgieter gekregen?"),
    ("offer", "Onze dochter heeft net haar eerste stapjes gezet."),
    ("discount", "Ik nam de trein in plaats van de auto, scheelt € 20 parkeren."),
    ("discount", "The ticket was £12 and the train was late again."),
])
def test_new_phrases_near_misses(signal, text):
    assert signal not in signals(text)


@pytest.mark.parametrize("text", [
    "Hoi Mark, zin om mee te doen met de pubquiz vrijdag? Gezellig!",
    "Hi Mark, fancy joining the pub quiz on Friday? Should be fun!",
    "Dan plan ik de retro in voor donderdag, is dat goed voor het team?",
    "I'll plan the retro in for Thursday, does that work for the team?",
])
def test_everyday_invitations_do_not_fire(text):
    j = judge(text, me=2, them=2)
    assert not j.fires("LG201") and not j.fires("LG202")


# -- bump: not a recruiter's nudge about a vacancy ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hoi Bram, nog even terugkomend op mijn bericht over de CFO-rol. De klant wil voor de kerst een shortlist.",
    "Hi Jenny, following up on my message about the finance director role, the client would love to meet you.",
])
def test_a_recruiters_nudge_is_no_bump_and_no_solicitation(text):
    got = signals(text, me=1, them=0)
    assert {"follow_up", "recruitment"} <= got and "bump" not in got
    assert not judge(text, me=1, them=0).fires("LG201")


@pytest.mark.parametrize("text", [
    "Hoi Bram, nog even terugkomend op mijn voorstel voor onze planningssoftware. Zal ik een demo inplannen?",
    "Hi Jenny, following up on my note about our scheduling platform. Shall I book you a demo?",
])
def test_a_sellers_nudge_stays_a_bump(text):
    assert "bump" in signals(text, me=1, them=0)
    assert judge(text, me=1, them=0).fires("LG201")


@pytest.mark.parametrize(("signal", "text"), [
    ("recruitment", "I really think it is special, and they'd pay well for the right person."),
    ("recruitment", "Ik benader je over een CFO-rol bij een familiebedrijf in Brabant."),
    ("sharing", "Ik wil je niets verkopen, ik wil gewoon van je leren."),
    ("claim", "Met onze screening werken je recruiters 70% sneller."),
    ("claim", "Teams onboard new reps 2x faster with our playbooks."),
])
def test_more_new_phrases_fire(signal, text):
    assert signal in signals(text)


@pytest.mark.parametrize(("signal", "text"), [
    ("recruitment", "The right person to ask is Anna in finance."),
    ("recruitment", "De rol van de CFO in de begroting is groot."),
    ("claim", "We hebben dit jaar 10% minder uitgegeven aan reizen, goed gedaan team."),
    ("claim", "The new build runs 2x slower on my laptop, any idea why?"),
])
def test_more_new_phrases_near_misses(signal, text):
    assert signal not in signals(text)


def test_an_hourly_rate_is_a_price_not_an_offer():
    for text in ("Top, dan doen we € 85 per uur voor de extra uren in december.",
                 "Great, so $85 per hour for the extra hours in December then."):
        got = signals(text, me=6, them=6)
        assert "price" in got and "offer" not in got
        assert not judge(text, me=6, them=6).fires("LG201")


def test_saying_where_you_work_is_a_cold_opener_not_an_offer():
    for text in ("Goedemiddag Bert, ik werk voor een uitzendbureau in de logistiek.",
                 "Good afternoon Bert, I work at a staffing agency in logistics."):
        got = signals(text)
        assert "cold_opener" in got and "offer" not in got


# -- a paid listing that opens with congratulations ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Congratulations Nina! You have been nominated for our Top 50 Women in Fintech list. To confirm your place, "
    "the listing fee is £395.",
    "Gefeliciteerd Nina! Je bent genomineerd voor onze Top 50 Vrouwen in Fintech. Om je plek te bevestigen vragen "
    "we een bijdrage van € 395 voor het vermeldingspakket.",
])
def test_a_paid_listing_opening_with_congratulations_is_a_pitch(text):
    got = signals(text)
    assert {"personal", "benefit", "friendly_pivot"} <= got
    assert judge(text).fires("LG201") and judge(text).fires("LG202")


@pytest.mark.parametrize("text", [
    "Congratulations on your nomination for the employee award, well deserved! To confirm: drinks are at six.",
    "Gefeliciteerd met je nominatie voor de medewerkersprijs, dik verdiend! De borrel is om zes uur.",
])
def test_congratulations_on_a_nomination_stay_quiet(text):
    assert "benefit" not in signals(text)
    assert not judge(text).fires("LG201") and not judge(text).fires("LG202")


# -- "hiring" alone is no recruitment: a job seeker mentions the hiring post -------------------------------

@pytest.mark.parametrize("text", [
    "Hi Kaj, ik zag je hiring-post voor een backend developer. Ik ben junior. Is het zinvol om te solliciteren?",
    "Hi Kaj, I saw your hiring post for a backend developer. I'm a junior, is it worth applying?",
])
def test_a_job_seeker_naming_the_hiring_post_is_an_applicant(text):
    got = signals(text)
    assert "applicant" in got and "recruitment" not in got
    assert not judge(text).fires("LG201") and not judge(text).fires("LG202")


@pytest.mark.parametrize("text", [
    "URGENT HIRING!!! Chef de partie x2, sous chef, kitchen porters in London. Pls share with your team or apply",
    "Hiring alert: uitvoerder, calculator en timmerman gezocht in Zwolle. Ken je iemand?",
])
def test_a_hiring_alert_is_recruitment(text):
    assert "recruitment" in signals(text)


@pytest.mark.parametrize("text", [
    "Try our scheduling app free for 14 days, no strings attached.",
    "Probeer onze planningsapp 14 dagen gratis, geheel vrijblijvend en zonder kosten voor jou.",
])
def test_free_no_strings_is_offer_talk_not_sharing(text):
    got = signals(text)
    assert "offer" in got and "sharing" not in got


@pytest.mark.parametrize("text", [
    "The stand at the job fair is at no cost, we just want local employers there. No payment needed.",
    "De stand op de banenmarkt kost je niets, we willen gewoon lokale werkgevers erbij hebben.",
])
def test_an_event_at_no_cost_is_no_offer(text):
    assert "offer" not in signals(text)


@pytest.mark.parametrize(("signal", "text", "fires"), [
    ("claim", "We have a BI add-on that solves exactly that. Pricing starts at £40 per user.", True),
    ("claim", "Anton has been through exactly the Kafka migration you're planning, you two should talk.", False),
    ("claim", "Dat is precies wat ik bedoelde, dank je.", False),
    ("offer", "Stap over naar onze energiecontracten en betaal de eerste maand niets.", True),
    ("offer", "Ik kom uit het onderwijs en wil graag overstappen naar de zorg.", False),
    ("offer", "I come from teaching and would like to switch to healthcare.", False),
])
def test_exactly_and_overstappen_only_in_their_selling_sense(signal, text, fires):
    assert (signal in signals(text)) == fires
