"""LG401 — the current job title at the employer is not the official one."""

from __future__ import annotations

from typing import Iterable

from guard import legal
from guard.matching import same_company, same_title, title_key
from guard.models import Context, Employer, Evidence, PositionFormContext, ProfileContext, Settings
from guard.rules.base import Hit, Rule, Text, Wording


def _accepted(employer: Employer) -> list[str]:
    return [employer.official_title or "", *employer.title_aliases]


def _is_accepted(title: str, employer: Employer) -> bool:
    return any(same_title(title, ok) for ok in _accepted(employer))


def _still_typing(title: str, employer: Employer) -> bool:
    """While typing, "Account Man" is on its way to "Account Manager": not yet wrong."""
    typed = title_key(title)
    return any(title_key(ok).startswith(typed) for ok in _accepted(employer))


class JobTitleMismatch(Rule):
    """Your current position at your employer shows another title than your official one.

    ## What it does
    When settings give your official job title (`employer.official_title`),
    the guard compares it with the title of your current position at that
    employer — on your own profile (warning) and in the position form, where
    it asks before you save. Case, accents, spaces and punctuation do not
    count ("Accountmanager" is "Account manager"), titles listed in
    `employer.title_aliases` are fine, and the company matches loosely
    ("Acme Data" is "Acme Data B.V."). Past positions, other companies and
    other people's profiles are never checked. If one of several current
    positions at the employer carries the official title, the others are
    taken to be extra roles and left alone.

    ## Why is this bad?
    Your profile speaks to clients and recruiters on your employer's behalf.
    A Dutch court (Rechtbank Midden-Nederland) upheld the summary dismissal of
    an employee who kept an inflated job title on LinkedIn after the employer
    had repeatedly asked him to correct it.

    ## Example
    Settings: employer "Acme Data B.V.", official title "Account manager New
    Business". Own profile: current position "Sales Director" at "Acme Data".

    ## Use instead
    Use your official title, or agree an alternative with your employer and add
    it to `employer.title_aliases`.

    ## Legal basis
    Burgerlijk Wetboek 7:677 and 7:678 (summary dismissal for an urgent reason,
    such as ignoring reasonable instructions). The guard informs; it is not
    legal advice.
    """

    doc_nl = """
    Je huidige functie bij je werkgever toont een andere titel dan je
    officiële functietitel.

    ## Wat het doet
    Staat je officiële functietitel in de instellingen
    (`employer.official_title`), dan vergelijkt de guard die met de titel
    van je huidige functie bij die werkgever — op je eigen profiel
    (waarschuwing) en in het functieformulier, waar hij het vraagt voordat
    je opslaat. Hoofdletters, accenten, spaties en leestekens tellen niet
    ("Accountmanager" is "Account manager"), titels in
    `employer.title_aliases` zijn goed, en het bedrijf wordt ruim
    vergeleken ("Acme Data" is "Acme Data B.V."). Eerdere functies, andere
    bedrijven en profielen van anderen worden nooit gecontroleerd. Heeft
    één van meerdere huidige functies bij de werkgever de officiële titel,
    dan gelden de andere als extra rollen en blijven ze ongemoeid.

    ## Waarom is dit riskant?
    Je profiel spreekt namens je werkgever tot klanten en recruiters. De
    Rechtbank Midden-Nederland vond het ontslag op staande voet terecht
    van een werknemer die een opgeklopte functietitel op LinkedIn liet
    staan, nadat de werkgever hem herhaaldelijk had gevraagd die te
    corrigeren.

    ## Voorbeeld
    Instellingen: werkgever "Acme Data B.V.", officiële titel
    "Accountmanager New Business". Eigen profiel: huidige functie "Sales
    Director" bij "Acme Data".

    ## Doe in plaats daarvan
    Gebruik je officiële titel, of spreek met je werkgever een andere
    titel af en zet die in `employer.title_aliases`.

    ## Juridische basis
    Burgerlijk Wetboek art. 7:677 en 7:678 (ontslag op staande voet om een
    dringende reden, zoals het negeren van redelijke opdrachten). De guard
    informeert; dit is geen juridisch advies.
    """

    id = "LG401"
    slug = "job-title-mismatch"
    kinds = ("profile", "position_form")
    default_severity = "warning"
    # The position form's Save is held; on the profile page the hit says
    # "inform" itself (and the engine would force it there anyway).
    default_mode = "confirm"
    legal_basis = (legal.BW_7_678,)
    wordings = {
        "default": Wording(
            title=Text(
                en="Job title differs from your official title",
                nl="Functietitel wijkt af van je officiële functie",
            ),
            message=Text(
                en="Your current position at {employer} says \"{title}\", but your official title is \"{official}\". "
                "A Dutch court upheld a summary dismissal (BW 7:678) of an employee who kept a wrong job title "
                "on LinkedIn after being asked to correct it.",
                nl="Je huidige functie bij {employer} heet \"{title}\", maar je officiële functietitel is \"{official}\". "
                "Een Nederlandse rechter liet een ontslag op staande voet (BW 7:678) in stand van een werknemer die "
                "een onjuiste functietitel op LinkedIn liet staan na verzoeken die te verbeteren.",
            ),
            suggestion=Text(
                en="Change the title to \"{official}\", or add yours to the accepted titles in settings "
                "if {employer} agreed to it.",
                nl="Verander de titel in \"{official}\", of zet jouw titel bij de toegestane titels in de instellingen "
                "als {employer} ermee akkoord is.",
            ),
        ),
        "form": Wording(
            title=Text(
                en="This is not your official job title",
                nl="Dit is niet je officiële functietitel",
            ),
            message=Text(
                en="You are saving \"{title}\" as your current position at {employer}; your official title is "
                "\"{official}\". Keeping a wrong title after your employer objected once led to a summary "
                "dismissal that a Dutch court upheld (BW 7:678).",
                nl="Je slaat \"{title}\" op als huidige functie bij {employer}; je officiële functietitel is "
                "\"{official}\". Een onjuiste titel laten staan nadat je werkgever bezwaar maakte, leidde eens tot "
                "een ontslag op staande voet dat de rechter in stand liet (BW 7:678).",
            ),
            suggestion=Text(
                en="Save \"{official}\" instead, unless {employer} agreed to this title.",
                nl="Sla \"{official}\" op, tenzij {employer} met deze titel akkoord is.",
            ),
        ),
    }

    def check(self, ctx: Context, settings: Settings) -> Iterable[Hit]:
        employer = settings.employer
        if employer is None or not employer.official_title:
            return
        params = {"employer": employer.name, "official": employer.official_title}
        if isinstance(ctx, ProfileContext):
            if not ctx.own:
                return
            at_employer = [
                (i, p) for i, p in enumerate(ctx.positions)
                if p.current and title_key(p.title) and same_company(p.company, employer.name)
            ]
            if not at_employer or any(_is_accepted(p.title, employer) for _, p in at_employer):
                return
            i, position = at_employer[0]
            yield Hit(
                subject="position",
                about=Text(en="job title on your profile", nl="functietitel op je profiel"),
                evidence=[Evidence(field=f"positions[{i}].title", excerpt=position.title)],
                params={**params, "title": position.title},
                mode="inform",
            )
        elif isinstance(ctx, PositionFormContext):
            if not ctx.current or not same_company(ctx.company, employer.name):
                return
            if not title_key(ctx.title) or _is_accepted(ctx.title, employer):
                return
            if ctx.trigger == "input" and _still_typing(ctx.title, employer):
                return
            yield Hit(
                subject="position-form",
                about=Text(en="job title form", nl="formulier functietitel"),
                evidence=[Evidence(field="title", excerpt=ctx.title)],
                params={**params, "title": ctx.title},
                wording="form",
                mode="confirm",
            )
