"""Every phenomenon issue 9 lists under "Why", in Dutch and English and at least one of German, French, Spanish.

Unit cases written for these tests (not corpus messages). Each row says which
signals must fire (independent of the fitted weights) and what LG201 and
LG202 must conclude through the rules (with the shipped weights).
"""

from __future__ import annotations

import pytest

from tests.rules.helpers import evaluate, message, thread

# (phenomenon, lang, text, thread or None, channel, LG201, LG202, signals that must fire)
CASES = [
    # -- German, French and Spanish pitches and recruiters ------------------------------------------
    ("foreign-pitch", "de", "Sehr geehrte Frau Krüger, wir helfen Logistikunternehmen, ihre Frachtkosten um bis zu 20 % "
     "zu senken. Hätten Sie nächste Woche 15 Minuten für ein kurzes Gespräch?", None, "message", True, True,
     {"offer", "cta"}),
    ("foreign-pitch", "fr", "Bonjour Claire, nous aidons les cabinets comptables à automatiser la saisie des factures. "
     "Seriez-vous disponible pour une démo gratuite de 20 minutes ?", None, "message", True, True, {"offer", "cta"}),
    ("foreign-pitch", "es", "Hola Marta, ayudamos a las clínicas dentales a conseguir más pacientes con Google Ads. "
     "¿Le interesa una auditoría gratuita?", None, "message", True, True, {"offer"}),
    ("foreign-recruiter", "de", "Hallo Herr Schulz, ich bin Personalberater bei TalentNord. Mein Kunde, ein "
     "Maschinenbauer in Hamburg, sucht einen Head of Engineering. Wären Sie offen für ein vertrauliches Gespräch?",
     None, "inmail", False, True, {"recruitment"}),
    ("foreign-recruiter", "fr", "Bonjour Julien, je suis consultant en recrutement chez Talentis. Mon client, une "
     "fintech parisienne, recherche un CTO. Votre profil a retenu mon attention. Un échange confidentiel ?",
     None, "message", False, True, {"recruitment"}),
    ("foreign-recruiter", "es", "Hola Diego, soy reclutadora en Selecta. Mi cliente busca un Director Financiero en "
     "Madrid. Su perfil me llamó la atención. ¿Estaría abierto a nuevas oportunidades?", None, "message", False,
     True, {"recruitment"}),
    # -- coffee chat that pivots to a product --------------------------------------------------------
    ("coffee-chat-pivot", "nl", "Hoi Sanne, leuk dat we nu connected zijn! Zullen we een keer koffie drinken? Dan "
     "vertel ik je meteen over onze nieuwe HR-software, die bespaart teams zo 5 uur per week.", None, "message",
     True, True, {"offer"}),
    ("coffee-chat-pivot", "en", "Hey Tom, great to connect! Fancy a virtual coffee sometime? I'd love to show you "
     "our new analytics platform - teams using it save 6 hours a week.", None, "message", True, True, {"offer"}),
    ("coffee-chat-pivot", "de", "Hallo Lena, schön, dass wir vernetzt sind! Lust auf einen virtuellen Kaffee? Dann "
     "zeige ich Ihnen gerne unsere neue Plattform für Zeiterfassung.", None, "message", True, True, {"offer"}),
    # -- partnership, reseller, affiliate, referral partner -----------------------------------------
    ("partnership-ask", "nl", "Beste Joris, wij zoeken installateurs als officieel verkooppunt voor onze "
     "warmtepompen. Word partner en verdien 12% commissie op elke verkoop. Interesse?", None, "message", True, True,
     {"benefit"}),
    ("partnership-ask", "en", "Hi Priya, we're looking for agencies to become a reseller of our booking software. "
     "Partners earn 20% commission on every deal. Open to a chat?", None, "message", True, True, {"benefit"}),
    ("partnership-ask", "fr", "Bonjour Marc, devenez partenaire revendeur de notre logiciel de caisse et touchez une "
     "commission de 15 % sur chaque vente.", None, "message", True, True, {"benefit"}),
    # -- agencies selling recruitment or secondment services -------------------------------------------
    ("agency-services", "nl", "Hoi Eva, ik zag jullie vacature voor een projectleider. Wij kunnen per direct een "
     "gedetacheerde projectleider leveren, tarief vanaf € 85 per uur. Zal ik een cv sturen?", None, "message",
     True, True, {"offer", "price"}),
    ("agency-services", "en", "Hi Mark, I saw you're hiring three developers. We supply pre-vetted contractors "
     "within a week; our fee is only 15% of first-year salary. Shall I send some profiles?", None, "message", True,
     True, {"offer"}),
    ("agency-services", "de", "Guten Tag Herr Vogel, wir vermitteln erfahrene SAP-Berater in Arbeitnehmerüberlassung, "
     "Tagessatz ab 750 Euro. Hätten Sie Interesse?", None, "message", True, True, {"offer", "price"}),
    # -- freelancers, coaches, ghostwriters ------------------------------------------------------
    ("freelancer-services", "nl", "Hoi Ruben, ik ben freelance copywriter en schrijf websiteteksten die converteren. "
     "Mijn tarief is € 75 per uur. Zal ik wat voorbeelden sturen?", None, "message", True, True, {"offer"}),
    ("coach-services", "en", "Hi Grace, I'm an executive coach for first-time managers. My 8-week programme has "
     "helped 50+ leaders. Would a free 30-minute intro session be useful?", None, "message", True, True, {"offer"}),
    ("ghostwriter-services", "es", "Hola Lucía, soy redactora freelance y escribo publicaciones de LinkedIn para "
     "directivos. Ofrezco un paquete de 8 posts al mes desde 600 euros. ¿Le interesa?", None, "message", True,
     True, {"offer", "price"}),
    # -- vendor webinars and events ------------------------------------------------------------
    ("vendor-webinar", "nl", "Hoi Ilse, graag nodig ik je uit voor ons gratis webinar over slimme facturatie op 12 "
     "maart, met een live demo van FactuurFlow. Meld je aan via de link!", None, "message", True, True,
     {"event_invite"}),
    ("vendor-event", "en", "Hi Oliver, we're hosting an exclusive roundtable dinner for CFOs on 4 June, with a "
     "preview of our new treasury platform. Can I reserve you a seat?", None, "message", True, True,
     {"event_invite"}),
    ("vendor-webinar", "fr", "Bonjour Sophie, je vous invite à notre webinaire gratuit sur la paie le 10 avril, avec "
     "une démonstration de notre logiciel. Inscrivez-vous ici !", None, "message", True, True, {"event_invite"}),
    # -- pay-to-appear podcasts -----------------------------------------------------------------
    ("pay-to-appear-podcast", "nl", "Beste Karin, je bent geselecteerd als gast in onze podcast Leiders van Nu. Er "
     "geldt een eenmalige productiefee van € 495. Zal ik een opnamedatum voor je plannen?", None, "message", True,
     True, {"benefit"}),
    ("pay-to-appear-podcast", "en", "Hi Dr. Lee, we'd love to feature you as a guest on our podcast. There's a small "
     "production fee of $395 for editing and promotion. Interested in a slot?", None, "message", True, True,
     {"benefit"}),
    # -- crypto ----------------------------------------------------------------------------------
    ("crypto-pitch", "nl", "Hoi Niels, ik verdien sinds kort 2k per maand extra met crypto trading. Ik laat je graag "
     "zien hoe, interesse?", None, "message", True, True, {"industry"}),
    ("crypto-pitch", "en", "Hi Sam, I manage a bitcoin fund that returned 40% this year. We're opening a small "
     "allocation for private investors. Shall I send you the deck?", None, "message", True, True, {"industry"}),
    # -- short follow-ups ------------------------------------------------------------------------
    ("followup-bump", "nl", "Hoi Femke, even een bumpje op mijn vorige bericht!", thread(me=1), "message", True, False,
     {"follow_up"}),
    ("followup-bump", "en", "Hi Chris, just bumping this to the top of your inbox.", thread(me=1), "message", True,
     False, {"follow_up"}),
    ("followup-proposal", "en", "Hi Chris, did you get a chance to look at the proposal?", thread(me=2), "message",
     True, False, {"follow_up"}),
    ("followup-proposal", "de", "Hallo Frau Brandt, ich wollte kurz nachhaken: Konnten Sie sich unser Angebot schon "
     "ansehen?", thread(me=1), "message", True, False, {"follow_up"}),
    # -- pitches after the recipient said no or stop -------------------------------------------------
    ("pitch-after-no", "nl", "Helemaal goed! Maar wist je dat we nu 30% korting geven op het eerste jaar?",
     thread(me=1, them=1, last="Nee dank je, geen interesse."), "message", True, False, {"discount", "refused"}),
    ("pitch-after-no", "en", "Understood! But we've just launched a cheaper plan at $9 per month - worth a look?",
     thread(me=1, them=1, last="Not interested, please stop messaging me."), "message", True, False,
     {"refused", "pitch_after_no"}),
    ("pitch-after-no", "es", "Entendido. Pero ahora tenemos un 20% de descuento, ¿seguro que no le interesa?",
     thread(me=1, them=1, last="No me interesa, gracias."), "message", True, False, {"refused", "discount"}),
    # -- charity galas and political donations ----------------------------------------------------
    ("charity-gala", "nl", "Beste Hans, op 14 november is ons benefietgala voor het Prinses Máxima Centrum. Er zijn "
     "nog tafels beschikbaar; elke bijdrage telt. Mag ik er een voor je reserveren?", None, "message", True, True,
     {"donation"}),
    ("charity-gala", "en", "Hi Emma, our charity gala for the children's hospice is on 3 May. Would you consider "
     "buying a table or making a donation? Every contribution helps.", None, "message", True, True, {"donation"}),
    ("political-donation", "en", "Hi Aaron, I'm running for city council. Could you chip in $25 to our campaign? "
     "Every donation counts.", None, "message", True, True, {"donation"}),
    ("political-donation", "fr", "Bonjour Paul, je suis candidat aux municipales. Pourriez-vous soutenir notre "
     "campagne par un don ? Chaque don compte.", None, "message", True, True, {"donation"}),
    # -- emoji glued to Dutch words, ALL CAPS ------------------------------------------------------
    ("emoji-glued", "nl", "Hoi Lotte👋wij helpen🚀webshops aan💰meer omzet met onze software✨Zin in een🎯gratis demo?",
     None, "message", True, True, {"offer", "claim"}),
    ("emoji-glued", "en", "Hi Jake👋we help🚀SaaS startups get💰more leads with our platform✨Free demo?", None,
     "message", True, True, {"offer", "claim"}),
    ("all-caps", "nl", "HOI MARK! ALLEEN DEZE WEEK 40% KORTING OP ONZE BOEKHOUDSOFTWARE. MELD JE NU AAN VIA DE LINK!",
     None, "message", True, True, {"discount"}),
    ("all-caps", "en", "HI MARK! THIS WEEK ONLY: 40% OFF OUR PAYROLL SOFTWARE. SIGN UP HERE!", None, "message",
     True, True, {"discount"}),
    # -- headhunters and hiring alerts (LG202 only) -------------------------------------------------
    ("headhunter", "nl", "Beste Marieke, als executive search bureau zoeken wij namens een beursgenoteerde klant een "
     "CFO. Uw profiel viel ons op. Staat u open voor een vertrouwelijk gesprek?", None, "inmail", False, True,
     {"recruitment"}),
    ("headhunter", "en", "Dear Paul, I lead an executive search for a listed insurer looking for a Chief Risk "
     "Officer. Your background stood out. Open to a confidential conversation?", None, "inmail", False, True,
     {"recruitment"}),
    ("hiring-alert", "nl", "Hiring alert! 🚨\n• Senior Java Developer\n• Utrecht, hybride\n• Salaris tot € 80k\n"
     "Jouw profiel past er perfect bij. Zin in een belletje?", None, "message", False, True, {"recruitment"}),
    ("hiring-alert", "en", "🚨 HIRING ALERT 🚨\n- Lead Data Engineer\n- Remote (EU)\n- Up to €110k + equity\n"
     "Your profile looks like a great fit. Fancy a chat?", None, "message", False, True, {"recruitment"}),
    # -- a pitch that carries an opt-out is still a pitch ------------------------------------------
    ("pitch-with-opt-out", "nl", "Hoi Bram, wij helpen bouwbedrijven met slimme planningssoftware, 30 dagen gratis "
     "te proberen. Interesse? Geen interesse? Laat het weten, dan benader ik je niet meer.", None, "message", True,
     False, {"offer", "opt_out"}),
    ("pitch-with-opt-out", "en", "Hi Nina, we help clinics cut no-shows by 30% with our reminder app. Free trial? "
     "If you'd rather not hear from me again, just say so.", None, "message", True, False, {"offer", "opt_out"}),
    ("pitch-with-opt-out", "de", "Hallo Herr Braun, wir bieten Ihrem Team eine kostenlose Demo unserer "
     "Buchhaltungssoftware an. Sie können der Nutzung Ihrer Daten jederzeit widersprechen.", None, "message", True,
     False, {"offer", "opt_out"}),
    # -- false alarms: long working threads, thank-you notes, the recipient asked -------------------
    ("colleague-pricing-thread", "nl", "Hoi Joost, de korting van 15% geldt ook voor de tweede vestiging. Ik pas de "
     "offerte aan en stuur hem morgen.", thread(me=24, them=27, last="Geldt die korting ook voor Breda?"), "message",
     False, False, set()),
    ("colleague-pricing-thread", "en", "Hi Laura, the discount code for the client is SPRING20, valid until Friday. "
     "Pricing for the extra seats stays at €12 per user.", thread(me=31, them=29, last="What was the discount code "
     "again?"), "message", False, False, set()),
    ("thank-you-free-ticket", "nl", "Hoi Kim, nogmaals bedankt voor het gratis ticket voor het congres! Was een "
     "superdag, ik heb veel geleerd.", None, "message", False, False, set()),
    ("thank-you-free-ticket", "en", "Hi Ben, thanks again for the free ticket to the summit - great talks, and lovely "
     "to meet your team!", None, "message", False, False, set()),
    ("recipient-asked", "nl", "Zeker! Onze software kost € 29 per maand per gebruiker, de eerste maand is gratis. "
     "Zal ik een demo inplannen?", thread(me=1, them=1, last="Klinkt goed, kun je me daar meer over vertellen?"),
     "message", False, False, {"asked"}),
    ("recipient-asked", "en", "Of course! Our software is $29 per user per month, and the first month is free. "
     "Shall I set up a demo?", thread(me=1, them=1, last="Sounds good, can you tell me more about it?"), "message",
     False, False, {"asked"}),
    ("recipient-asked", "fr", "Bien sûr ! Notre logiciel coûte 29 euros par mois et par utilisateur. Voulez-vous une "
     "démo ?", thread(me=1, them=1, last="Pouvez-vous m'en dire plus sur les tarifs ?"), "message", False, False,
     {"asked"}),
]

IDS = [f"{c[0]}-{c[1]}" for c in CASES]


def _context(text, thr, channel):
    return message(text, thread=thr, channel=channel)


@pytest.mark.parametrize(("phenomenon", "lang", "text", "thr", "channel", "lg201", "lg202", "signals"), CASES,
                         ids=IDS)
def test_signals_fire(phenomenon, lang, text, thr, channel, lg201, lg202, signals):
    from guard.signals import judge

    t = thr or {}
    j = judge(text, me=t.get("messages_from_me", 0), them=t.get("messages_from_recipient", 0),
              last_from_recipient=t.get("last_from_recipient"), channel=channel)
    fired = {name for name, v in j.values.items() if v}
    assert signals <= fired, j.explain()
    if lang != "nl-en":
        assert lang in j.languages.used, j.explain()


@pytest.mark.parametrize(("phenomenon", "lang", "text", "thr", "channel", "lg201", "lg202", "signals"), CASES,
                         ids=IDS)
def test_rule_verdicts(phenomenon, lang, text, thr, channel, lg201, lg202, signals):
    ctx = _context(text, thr, channel)
    got = (bool(evaluate(ctx, rule="LG201")), bool(evaluate(ctx, rule="LG202")))
    if got != (lg201, lg202):
        from guard.signals import judge

        t = thr or {}
        j = judge(text, me=t.get("messages_from_me", 0), them=t.get("messages_from_recipient", 0),
                  last_from_recipient=t.get("last_from_recipient"), channel=channel)
        pytest.fail(f"LG201/LG202 {got}, expected {(lg201, lg202)}\n{j.explain()}")


def test_every_phenomenon_of_the_issue_has_dutch_and_english_and_another_language():
    by_kind: dict[str, set[str]] = {}
    for phenomenon, lang, *_ in CASES:
        kind = phenomenon.split("-")[0] if phenomenon.startswith(("foreign", "followup")) else phenomenon
        by_kind.setdefault(kind, set()).add(lang)
    langs = set().union(*by_kind.values())
    assert {"nl", "en", "de", "fr", "es"} <= langs
