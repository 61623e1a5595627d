"""LG201: should-warn and should-not-warn tables, Dutch and English."""

import pytest

from tests.rules.helpers import evaluate, message, thread

RULE = "LG201"

SHOULD_WARN = [
    # English sales pitches, every channel
    message("Hi Mark, we help logistics companies cut their fuel costs by 18% with our route planning "
            "software. Would you be open to a 15-minute demo next week?"),
    message("Hi Mark, I noticed Acme is expanding to Germany. We're a localisation agency for SaaS products; "
            "clients include Booking and Miro. Shall we have a quick call on Thursday?", channel="inmail"),
    message("Hi Mark, we offer a free GDPR audit for scale-ups. Book your slot: https://calendly.com/x/audit",
            channel="invitation"),
    message("Hi Mark, I help consultants land 3-5 new clients a month with LinkedIn content. "
            "Free strategy session this week?"),
    message("Hi Mark, our new accounting app is 50% off for the first year. Sign up here: https://example.com"),
    # a pitch in a thread where the recipient never asked for it, or said no
    message("Just following up: our platform helps HR teams reduce sick leave by 20%. Worth a quick call?",
            thread=thread(me=1, them=0)),
    message("I understand, but our solution really can double your leads. Can we schedule a demo?",
            thread=thread(me=1, them=1, last="No thanks, not interested.")),
    # charitable and idealistic asks count too (art. 11.7)
    message("Hi Mark, I'm cycling 300 km for Alzheimer research next month. Would you sponsor me? Every "
            "donation counts: https://example.org/ride"),
    message("Hi Mark, please sign our petition against the closure of the children's hospital ward: "
            "https://example.org/petition"),
    # Dutch
    message("Hoi Mark, wij helpen logistieke bedrijven hun brandstofkosten met 18% te verlagen met onze "
            "planningssoftware. Zullen we volgende week een demo inplannen?"),
    message("Beste Mark, ik zag dat Acme naar Duitsland uitbreidt. Wij zijn een vertaalbureau voor "
            "SaaS-bedrijven; klanten als Booking en Miro gingen je voor. Zullen we donderdag even bellen?",
            channel="inmail"),
    message("Hoi Mark, wij bieden scale-ups een gratis AVG-scan aan. Plan direct een afspraak in via "
            "https://calendly.com/x/scan", channel="invitation"),
    message("Geachte heer Visser, graag bied ik u onze schoonmaakdiensten aan tegen een scherp tarief: "
            "vanaf € 25 per uur. Mag ik u bellen voor een vrijblijvende offerte?"),
    message("Hoi Mark, onze nieuwe boekhoudapp is het eerste jaar 50% korting. Meld je nu aan via de link!"),
    message("Ik kom er nog even op terug: ons platform verlaagt het ziekteverzuim met 20%. Even bellen?",
            thread=thread(me=1, them=1, last="Nee dank je, geen interesse.")),
    message("Hoi Mark, ik fiets volgende maand 300 km voor Alzheimer Nederland. Wil je mij sponsoren? Elke "
            "donatie helpt!"),
    message("Hoi Mark, wil je onze petitie tegen de sluiting van de kinderafdeling tekenen? "
            "https://example.org/petitie"),
]

SHOULD_NOT_WARN = [
    # permission questions
    message("Hi Mark, I run a small design studio and we specialise in annual reports. May I send you some "
            "information about our services?"),
    message("Hoi Mark, wij zijn gespecialiseerd in jaarverslagen. Mag ik je wat informatie over onze diensten "
            "sturen?"),
    message("Hi Mark, we build data platforms for retailers. If you accept my invitation, I'd be happy to tell "
            "you more about our services.", channel="invitation"),
    # replies to a request
    message("Our Team plan is €12 per user per month; for 20 licences we offer 10% off. Shall I send the "
            "contract?", thread=thread(me=0, them=1, last="Could you send me a quote for 20 licences?")),
    message("Ons Team-abonnement kost € 12 per gebruiker per maand; bij 20 licenties krijg je 10% korting.",
            thread=thread(me=1, them=2, last="Wat kost dat voor 20 licenties?")),
    message("Great! Our free trial runs 30 days; here's the link to book a demo: https://calendly.com/x",
            thread=thread(me=1, them=1, last="Yes please, tell me more about your platform.")),
    # recruitment that sells nothing: LG202's business
    message("Hi Mark, I'm a recruiter at TechTalent. My client is looking for a Senior Data Engineer, salary "
            "up to €85k. Your profile caught my eye. Open to a quick chat?"),
    message("Hoi Mark, ik ben recruiter bij TechTalent. Mijn opdrachtgever zoekt een Senior Data Engineer, "
            "salaris tot € 85.000. Sta je open voor een kort gesprek?"),
    # personal, collegial, applicants, knowledge sharing
    message("Congratulations on the new role, Mark! Let's have a quick call next week to catch up."),
    message("Gefeliciteerd met je nieuwe functie, Mark! Zullen we volgende week even bellen?"),
    message("Hi Mark, could you check the pricing slide for the client meeting? Our platform numbers are in "
            "there too."),
    message("Hoi Mark, kun je even kijken naar de prijzen in de offerte voor de klant? Tot morgen op kantoor!"),
    message("Dear Mark, I'd like to apply for the Data Analyst vacancy. My CV is attached."),
    message("Beste Mark, ik wil graag solliciteren op de vacature voor Data Analist. Mijn cv zit in de bijlage."),
    message("Hi Mark, as promised here's the article on lead generation we discussed. Thought you might "
            "find it useful."),
    message("Hoi Mark, zoals beloofd hierbij het artikel over leadgeneratie. Misschien handig voor je!"),
    message("Hey team, birthday drinks for Sanne on Friday in the office. See you there!"),
    message("Hoi allemaal, vrijdag is er een borrel voor Sannes verjaardag op kantoor. Tot dan!"),
    message(""),
]


@pytest.mark.parametrize("context", SHOULD_WARN)
def test_warns_on_unsolicited_solicitation(context):
    [finding] = evaluate(context, rule=RULE)
    assert finding.rule == RULE and finding.slug == "unsolicited-commercial-message"
    assert finding.severity == "warning"
    assert finding.mode == "confirm"
    assert finding.evidence and all(e.field == "text" for e in finding.evidence)
    folded = " ".join(context["text"].split())
    assert all(e.excerpt in folded for e in finding.evidence), "evidence quotes the message"
    assert {lb.source for lb in finding.legal_basis} == {"Telecommunicatiewet", "ePrivacy Directive 2002/58/EC"}
    assert finding.suggestion
    assert "Mark Visser" in finding.message


@pytest.mark.parametrize("context", SHOULD_NOT_WARN)
def test_silent_otherwise(context):
    assert evaluate(context, rule=RULE) == []


def test_evidence_lists_the_commercial_phrases():
    [finding] = evaluate(message(
        "Hi Mark, we help SaaS companies cut their cloud costs by 30% with our platform. Quick call?"),
        rule=RULE)
    excerpts = [e.excerpt for e in finding.evidence]
    assert "we help SaaS companies" in excerpts
    assert "our platform" in excerpts


def test_title_names_the_kind_of_solicitation():
    [sales] = evaluate(SHOULD_WARN[0], rule=RULE)
    [charity] = evaluate(SHOULD_WARN[7], rule=RULE)
    [cause] = evaluate(SHOULD_WARN[8], rule=RULE)
    assert sales.title == "Unsolicited sales message"
    assert "donation" in charity.title
    assert "cause" in cause.title
    assert "charitable" in charity.message and "idealistic" in cause.message


def test_dutch_wording_follows_the_ui_language():
    ctx = message("We help SaaS companies grow their revenue with our platform. Quick call?", ui_language="nl")
    [finding] = evaluate(ctx, rule=RULE)
    assert finding.language == "nl"
    assert finding.title == "Ongevraagd commercieel bericht"
    assert "Telecommunicatiewet" in finding.message


def test_same_recipient_keeps_one_finding_id_while_typing():
    person = {"name": "Mark Visser", "profile_url": "https://www.linkedin.com/in/markvisser/?trk=x"}
    first = message("We help SaaS companies grow their revenue. Quick call?", recipient=person,
                    page_session="tab-1")
    later = message("We help SaaS companies grow their revenue with our platform. Quick call next week?",
                    recipient={**person, "profile_url": "https://www.linkedin.com/in/MarkVisser"},
                    page_session="tab-1")
    [a] = evaluate(first, rule=RULE)
    [b] = evaluate(later, rule=RULE)
    assert a.id == b.id
    assert a.subject == "/in/markvisser"


def test_subject_falls_back_to_the_name():
    [finding] = evaluate(message("We help SaaS companies grow their revenue. Quick call?", to="Sanne de Boer"),
                         rule=RULE)
    assert finding.subject == "Sanne de Boer"


def test_mode_and_switch_follow_settings():
    ctx = SHOULD_WARN[0]
    [finding] = evaluate(ctx, {"rules": {RULE: {"mode": "inform"}}}, rule=RULE)
    assert finding.mode == "inform"
    assert evaluate(ctx, {"rules": {RULE: {"enabled": False}}}, rule=RULE) == []


# Conversations written after the tables above, as a new user would type them:
# (LG201 expected, LG202 expected, context). test_lg202 reads the same list.
CONVERSATIONS = [
    (True, True, message(
        "Hi Mark, our HR chatbot answers 80% of employee questions automatically. We're offering "
        "pilots at half price this quarter. Interested in a demo?")),
    (True, True, message(
        "Hi Mark, Sarah from CloudCo here. We help engineering leaders reduce AWS spend by "
        "30-40%. Would a 15 min call next Tuesday work?")),
    (True, False, message(
        "Hi Mark, circling back on this - our audit is still available at the reduced rate of "
        "€1,500 until Friday.", thread=thread(me=2))),
    (True, True, message(
        "Hoi Mark, wij zijn gespecialiseerd in SEO voor advocatenkantoren. Onze klanten staan "
        "gemiddeld binnen 3 maanden op pagina 1. Zullen we even bellen?")),
    (True, True, message(
        "Beste Mark, graag stel ik u ons nieuwe ERP-pakket voor. Nu met 3 maanden gratis support."
        " Mag ik u een demo geven?")),
    (True, False, message(
        "Hoi Mark, nog even een herinnering: de vroegboekkorting voor onze training loopt morgen "
        "af!", thread=thread(me=1))),
    (True, True, message(
        "Hi Mark, please consider supporting our charity run for the children's hospital. You can"
        " donate here: https://example.org/run")),
    (True, True, message(
        "Hoi Mark, ik loop de marathon voor het goede doel. Wil je mij sponsoren? "
        "https://example.org/loop")),
    (False, True, message(
        "Hi Mark, I'm a headhunter specialising in fintech. I have a VP Engineering search for a "
        "scale-up in Berlin, €180k + options. Open to a confidential chat?")),
    (False, True, message(
        "Hoi Mark, voor een mooie opdrachtgever in Utrecht zoek ik een Data Engineer (32-40 uur)."
        " Jouw profiel past er goed bij. Zullen we even bellen?")),
    (False, False, message(
        "Hi Mark, I'm a recruiter at Hays. I have a Data Lead role that might interest you. If "
        "this isn't for you, just let me know and I won't reach out again.")),
    (False, False, message(
        "Hoi Mark, ik ben recruiter bij Brunel en heb een mooie functie als Data Lead. Geen "
        "interesse? Laat het weten, dan benader ik je niet meer.")),
    (False, False, message(
        "Sure! Here is the quote: €2,400 for the 2-day training incl. materials. Let me know if "
        "you'd like to book.", thread=thread(me=0, them=1, last="Can you send me a quote for the 2-day training?"))),
    (False, False, message(
        "Zeker! De training kost € 2.400 voor twee dagen inclusief materiaal. Laat maar weten of "
        "je wilt boeken.", thread=thread(me=0, them=1, last="Kun je me een offerte sturen voor de tweedaagse training?"))),
    (False, False, message(
        "Hi Mark, I work on sustainability software. Would you be open to receiving some "
        "information about what we do?")),
    (False, False, message(
        "Hoi Mark, ik werk aan duurzaamheidssoftware. Staat u open voor het ontvangen van wat "
        "informatie over wat wij doen?")),
    (False, False, message(
        "Hi Mark, congrats on the new job! If you ever need anything from me, just shout.")),
    (False, False, message(
        "Hoi Mark, kun je morgen de notulen van het MT-overleg rondsturen? Dank!")),
    (False, False, message(
        "Hi Mark, I'm applying for the Senior Analyst role on your team. Could you tell me a bit "
        "about the culture?")),
    (False, False, message(
        "Hoi Mark, ik heb gesolliciteerd op de functie van Data Analist. Mag ik je een paar "
        "vragen stellen over het team?")),
    (False, False, message(
        "Hi Mark, found this great podcast on data contracts - thought you'd enjoy it given your "
        "talk last week.")),
    (False, False, message(
        "Hoi Mark, deze podcast over datacontracten vond ik erg goed, misschien leuk om te "
        "luisteren!")),
    (False, False, message(
        "Hi Mark, our department's Christmas dinner is on the 18th. Can you confirm if you'll "
        "join?")),
    (False, False, message(
        "Hoi Mark, vrijdag is de afscheidsborrel van Peter. Kom je ook?")),
    (False, False, message(
        "Hi Mark, my daughter is selling cookies for her scouting group - just kidding, how are "
        "you doing?")),
    (False, False, message(
        "Hoi Mark, we zijn een nieuwe meetup gestart over data engineering. Eerste editie is "
        "gratis en bij ons op kantoor. Kom je ook?")),
    (False, False, message(
        "Hi Mark, I'm doing research for my startup idea. Could I ask you a few questions about "
        "how your team handles data quality? No sales pitch, promise.")),
    (False, False, message(
        "Hoi Mark, bedankt voor je offerte. We hebben besloten om met een andere partij verder te"
        " gaan.")),
]


@pytest.mark.parametrize(("expected", "_", "context"), CONVERSATIONS)
def test_realistic_conversations(expected, _, context):
    assert bool(evaluate(context, rule=RULE)) is expected


def test_the_documented_example_and_its_alternative():
    from guard.rules.lg201_unsolicited_commercial_message import UnsolicitedCommercialMessage as Rule

    doc = Rule.doc_sections()
    example = " ".join(doc["Example"].split()).strip('"')
    instead = " ".join(doc["Use instead"].split()).split('"')[1]
    assert evaluate(message(example), rule=RULE)
    assert evaluate(message(instead), rule=RULE) == []
