"""LG101 — #OpenToWork shown to everyone while employed.

Also holds what LG101 and LG102 share: deciding whether the person is
employed (``current_employer``) and remembering the own profile's positions
for the open-to-work form, which shows none (``OpenToWorkCheck``).
"""

from __future__ import annotations

from typing import Iterable, Sequence

from guard import legal
from guard.matching import not_an_employer, same_company
from guard.models import (
    Context,
    Evidence,
    Mode,
    OpenToWorkFormContext,
    Position,
    ProfileContext,
    Settings,
)
from guard.rules.base import Hit, Rule, Text, Wording

# An own profile lists at most a few dozen positions; keep no more than this.
_MAX_REMEMBERED = 100


def current_employer(positions: Sequence[Position], settings: Settings) -> str | None:
    """The employer the person works for now, or ``None`` when not employed.

    * A current position counts, except "Self-employed", "Freelance",
      "Career break" and the like (``not_an_employer``): nobody there to hide from.
    * ``settings.employer`` counts too (the profile may not list the job) —
      unless the profile lists positions, none of them current, and that
      employer among them as a past one: then the person has left and the
      settings are stale. Precision over recall.
    """
    current = [p for p in positions if p.current and not not_an_employer(p.company)]
    employer = settings.employer
    if employer is not None:
        left = (
            positions
            and not current
            and any(same_company(p.company, employer.name) for p in positions)
        )
        if not left:
            return employer.name
    return current[0].company if current else None


class OpenToWorkCheck:
    """The check LG101 and LG102 share; mixed into their Rule classes.

    Not a Rule itself, so the catalogue sees exactly one rule per module.

    The open-to-work form shows no positions. The form is opened from the
    person's own profile, which the extension reports first, so the rule
    remembers the positions of the last own profile it saw (one Engine lives
    as long as the host process). Without settings or a remembered profile
    the form gets no warning: the guard cannot know the person is employed.
    """

    audience: str  # "public" (LG101) or "recruiters" (LG102)
    profile_mode: Mode
    form_mode: Mode

    def __init__(self) -> None:
        self._own_positions: list[Position] = []

    def check(self, ctx: Context, settings: Settings) -> Iterable[Hit]:
        if isinstance(ctx, ProfileContext):
            if not ctx.own:
                return  # other people's profiles are never this rule's business
            if ctx.positions:
                # An own profile seen before its Experience section loaded
                # (no positions yet) must not wipe what was seen earlier.
                self._own_positions = list(ctx.positions[:_MAX_REMEMBERED])
            # "unknown": the extension saw the status but not who sees it.
            # Saying the employer sees it would be a guess; stay silent.
            if ctx.open_to_work is None or ctx.open_to_work.audience != self.audience:
                return
            employer = current_employer(ctx.positions, settings)
            if employer is None:
                return
            yield Hit(
                subject="open-to-work",
                about="#OpenToWork",
                evidence=[Evidence(field="open_to_work.audience", excerpt=self.audience)],
                params={"employer": employer},
                wording="default",
                mode=self.profile_mode,
            )
        elif isinstance(ctx, OpenToWorkFormContext):
            if ctx.audience != self.audience:
                return
            employer = current_employer(self._own_positions, settings)
            if employer is None:
                return
            yield Hit(
                subject="open-to-work-form",
                about=Text(en="#OpenToWork settings", nl="#OpenToWork-instellingen"),
                evidence=[Evidence(field="audience", excerpt=self.audience)],
                params={"employer": employer},
                wording="form",
                mode=self.form_mode,
            )


class OpenToWorkPublic(OpenToWorkCheck, Rule):
    """Your #OpenToWork status is shown to all LinkedIn members while you have an employer.

    ## What it does
    Warns when your own profile shows #OpenToWork to "All LinkedIn members"
    while you have a current position (or an employer in settings), and holds
    the Save button of the open-to-work form when you choose that visibility
    while employed. Other people's profiles are never checked. Freelance,
    self-employed and career-break entries do not count as an employer. When
    the visibility cannot be read ("unknown") nothing is said.

    ## Why is this bad?
    "All LinkedIn members" puts a green #OpenToWork frame on your photo that
    everyone sees — your manager, your colleagues and HR included. That you
    are looking for another job is personal data; once it is public you
    cannot take back who saw it.

    ## Example
    Settings: employer "Acme Data B.V.". Own profile: current position
    "Data engineer at Acme Data", #OpenToWork visible to all LinkedIn members.

    ## Use instead
    Choose "Recruiters only" (LinkedIn hides it from recruiters at your own
    company), or switch the status off if your employer must not know.

    ## Legal basis
    GDPR (AVG) art. 5(1)(a)-(b) and 6(4): your availability is personal data;
    you chose who may see it. The guard informs; it is not legal advice.
    """

    doc_nl = """
    Je #OpenToWork-status is zichtbaar voor alle LinkedIn-leden terwijl je
    een werkgever hebt.

    ## Wat het doet
    Waarschuwt als je eigen profiel #OpenToWork laat zien aan "Alle
    LinkedIn-leden" terwijl je een huidige functie hebt (of een werkgever
    in de instellingen), en houdt de knop Opslaan van het
    open-to-work-formulier tegen als je die zichtbaarheid kiest terwijl je
    in dienst bent. Profielen van anderen worden nooit gecontroleerd.
    Freelancewerk, werken als zzp'er en een loopbaanonderbreking tellen
    niet als werkgever. Is de zichtbaarheid niet te lezen ("unknown"), dan
    zegt de guard niets.

    ## Waarom is dit riskant?
    Bij "Alle LinkedIn-leden" krijgt je profielfoto een groene
    #OpenToWork-rand die iedereen ziet — ook je leidinggevende, je
    collega's en HR. Dat je een andere baan zoekt is een persoonsgegeven;
    staat het eenmaal openbaar, dan kun je niet meer terugdraaien wie het
    heeft gezien.

    ## Voorbeeld
    Instellingen: werkgever "Acme Data B.V.". Eigen profiel: huidige
    functie "Data engineer bij Acme Data", #OpenToWork zichtbaar voor alle
    LinkedIn-leden.

    ## Doe in plaats daarvan
    Kies "Alleen recruiters" (LinkedIn verbergt het dan voor recruiters
    van je eigen bedrijf), of zet de status uit als je werkgever het niet
    mag weten.

    ## Juridische basis
    AVG (GDPR) art. 5 lid 1 onder a en b en art. 6 lid 4: je
    beschikbaarheid is een persoonsgegeven en jij hebt gekozen wie het mag
    zien. De guard informeert; dit is geen juridisch advies.
    """

    id = "LG101"
    slug = "open-to-work-public"
    kinds = ("profile", "open_to_work_form")
    default_severity = "warning"
    # Holding Save only makes sense on the form; the engine turns it into
    # "inform" on the profile page, and the profile hit says so itself.
    default_mode = "confirm"
    legal_basis = (legal.GDPR_5_1_A, legal.GDPR_6)
    audience = "public"
    profile_mode = "inform"
    form_mode = "confirm"
    wordings = {
        "default": Wording(
            title=Text(
                en="Your employer can see your #OpenToWork",
                nl="Je werkgever kan je #OpenToWork zien",
            ),
            message=Text(
                en="Your #OpenToWork status is shown to all LinkedIn members, so people at {employer} see it too. "
                "That you are looking for a job is personal data (GDPR art. 5 and 6); once it is public, "
                "you no longer control who knows.",
                nl="Je #OpenToWork-status is zichtbaar voor alle LinkedIn-leden, dus mensen bij {employer} zien hem ook. "
                "Dat je een baan zoekt is een persoonsgegeven (AVG art. 5 en 6); staat het openbaar, "
                "dan heb je geen grip meer op wie het weet.",
            ),
            suggestion=Text(
                en="Set the visibility to \"Recruiters only\", or switch #OpenToWork off if {employer} must not know.",
                nl="Zet de zichtbaarheid op \"Alleen recruiters\", of zet #OpenToWork uit als {employer} het niet mag weten.",
            ),
        ),
        "form": Wording(
            title=Text(
                en="Everyone, {employer} included, will see this",
                nl="Iedereen ziet dit, ook {employer}",
            ),
            message=Text(
                en="With \"All LinkedIn members\" a green #OpenToWork frame appears on your photo for everyone, "
                "colleagues and HR at {employer} included. Your job search is personal data (GDPR art. 5 and 6).",
                nl="Met \"Alle LinkedIn-leden\" krijgt je foto een groene #OpenToWork-rand die iedereen ziet, "
                "collega's en HR bij {employer} inbegrepen. Dat je een baan zoekt is een persoonsgegeven (AVG art. 5 en 6).",
            ),
            suggestion=Text(
                en="Choose \"Recruiters only\" before you save.",
                nl="Kies \"Alleen recruiters\" voordat je opslaat.",
            ),
        ),
    }
