"""LG102 — #OpenToWork for recruiters only while employed: not watertight."""

from __future__ import annotations

from guard import legal
from guard.rules.base import Rule, Text, Wording
from guard.rules.lg101_open_to_work_public import OpenToWorkCheck


class OpenToWorkRecruiters(OpenToWorkCheck, Rule):
    """Your #OpenToWork is set to "Recruiters only" while you have an employer.

    ## What it does
    Gives a quiet note when your own profile, or the open-to-work form, sets
    #OpenToWork to "Recruiters only" while you have a current position (or an
    employer in settings). Other people's profiles are never checked;
    freelance, self-employed and career-break entries do not count as an
    employer; an unreadable visibility ("unknown") gets no note.

    ## Why is this bad?
    LinkedIn hides the status from recruiters at your own company, but
    recruiters everywhere else still see it. Employers have arranged with
    another company's recruiter to look up their staff and report who is
    open to work. Passing it on is unlawful, but nothing technical stops it.

    ## Example
    Settings: employer "Acme Data B.V.". Open-to-work form: visibility
    "Recruiters only", job titles "Data engineer".

    ## Use instead
    Keep it on only if you could live with your employer finding out. If it
    is passed on, object — the works council (OR) or a union is the safest
    route.

    ## Legal basis
    GDPR (AVG) art. 5(1)(a)-(b) and 6(4): the recruiter may see your status
    because you allowed it, but handing it to your employer is a new purpose
    you explicitly excluded. The guard informs; it is not legal advice.
    """

    doc_nl = """
    Je #OpenToWork staat op "Alleen recruiters" terwijl je een werkgever
    hebt.

    ## Wat het doet
    Geeft een rustige melding als je eigen profiel, of het
    open-to-work-formulier, #OpenToWork op "Alleen recruiters" zet terwijl
    je een huidige functie hebt (of een werkgever in de instellingen).
    Profielen van anderen worden nooit gecontroleerd; freelancewerk,
    werken als zzp'er en een loopbaanonderbreking tellen niet als
    werkgever; een zichtbaarheid die niet te lezen is ("unknown") krijgt
    geen melding.

    ## Waarom is dit riskant?
    LinkedIn verbergt de status voor recruiters van je eigen bedrijf, maar
    recruiters van alle andere bedrijven zien hem wel. Er zijn werkgevers
    die met de recruiter van een ander bedrijf afspraken dat die hun
    personeel opzoekt en doorgeeft wie openstaat voor een nieuwe baan. Dat
    doorgeven is onrechtmatig, maar technisch houdt niets het tegen.

    ## Voorbeeld
    Instellingen: werkgever "Acme Data B.V.". Open-to-work-formulier:
    zichtbaarheid "Alleen recruiters", functietitel "Data engineer".

    ## Doe in plaats daarvan
    Laat het alleen aan staan als je ermee kunt leven dat je werkgever het
    te weten komt. Wordt het toch doorgegeven, maak dan bezwaar — via de
    ondernemingsraad (OR) of een vakbond is het veiligst.

    ## Juridische basis
    AVG (GDPR) art. 5 lid 1 onder a en b en art. 6 lid 4: de recruiter mag
    je status zien omdat jij dat toestond, maar hem aan je werkgever geven
    is een nieuw doel dat je juist hebt uitgesloten. De guard informeert;
    dit is geen juridisch advies.
    """

    id = "LG102"
    slug = "open-to-work-recruiters"
    kinds = ("profile", "open_to_work_form")
    default_severity = "info"
    default_mode = "inform"
    legal_basis = (legal.GDPR_5_1_A, legal.GDPR_6)
    audience = "recruiters"
    profile_mode = "inform"
    form_mode = "inform"
    wordings = {
        "default": Wording(
            title=Text(
                en="\"Recruiters only\" is not watertight",
                nl="\"Alleen recruiters\" is niet waterdicht",
            ),
            message=Text(
                en="LinkedIn hides your #OpenToWork from recruiters at {employer}, but recruiters at other "
                "companies see it and can pass it on. Passing it to your employer breaks the GDPR "
                "(art. 5(1)(b) and 6(4)), but nothing stops it technically.",
                nl="LinkedIn verbergt je #OpenToWork voor recruiters van {employer}, maar recruiters bij andere "
                "bedrijven zien het wel en kunnen het doorspelen. Doorgeven aan je werkgever is in strijd met de "
                "AVG (art. 5 lid 1 sub b en 6 lid 4), maar technisch houdt niets het tegen.",
            ),
            suggestion=Text(
                en="Keep it on only if you could live with {employer} finding out. If it is passed on, "
                "you can object; the works council or a union can help.",
                nl="Laat het alleen aan als je het aankunt dat {employer} het hoort. Wordt het doorgespeeld, "
                "dan kun je bezwaar maken; de OR of een vakbond kan helpen.",
            ),
        ),
        "form": Wording(
            title=Text(
                en="Recruiters elsewhere can still tell {employer}",
                nl="Recruiters elders kunnen het {employer} vertellen",
            ),
            message=Text(
                en="\"Recruiters only\" hides your status from recruiters at {employer}, not from recruiters at "
                "other companies, who could pass it on. That would break the GDPR (art. 5(1)(b) and 6(4)), "
                "but it cannot be prevented.",
                nl="\"Alleen recruiters\" verbergt je status voor recruiters van {employer}, niet voor recruiters "
                "bij andere bedrijven, die het kunnen doorspelen. Dat is in strijd met de AVG (art. 5 lid 1 sub b "
                "en 6 lid 4), maar voorkomen kun je het niet.",
            ),
            suggestion=Text(
                en="Save only if you could live with {employer} finding out.",
                nl="Sla alleen op als je het aankunt dat {employer} het hoort.",
            ),
        ),
    }
