"""LG601 — many other people's profiles opened in a short window."""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime, timedelta, timezone
from typing import Iterable

from guard import legal
from guard.matching import fold, profile_key
from guard.models import Context, Evidence, ProfileContext, Settings
from guard.rules.base import Hit, Rule, Text, Wording


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _person_key(ctx: ProfileContext) -> str:
    """``/in/<slug>`` for member profiles; otherwise the page path and the name,
    so different people shown under one generic address still count apart."""
    key = profile_key(ctx.url) or ""
    if key.startswith(("/in/", "/pub/")):
        return key
    return f"{key}#{fold(ctx.name)}"


class BulkProfileCollection(Rule):
    """Many different people's profiles opened within a few minutes.

    ## What it does
    Counts the distinct other people's profiles you open (by profile address,
    else by name; your own profile and repeat visits do not count) and, when
    more than `bulk.profiles` fall within `bulk.minutes` (default: more than
    40 in 10 minutes, by the time each page was seen), gives one quiet note.
    After a note it stays quiet for a full window, then notes again only if
    the pace goes on. It remembers no more visits than it needs to decide.

    ## Why is this bad?
    Going through profiles at this pace looks like collecting them — for a
    lead list, a recruitment database or a scraping tool. In the US the
    hiQ v. LinkedIn ruling held that reading public profiles is not
    unauthorised access, but in the EU the GDPR applies to public profiles
    as well: storing and reusing them needs a legal basis and the people must
    be told.

    ## Example
    Settings: `bulk: {"profiles": 40, "minutes": 10}`. You open 41 different
    people's profiles between 14:00 and 14:08.

    ## Use instead
    Look up the few people you need for one clear purpose, keep only what
    that purpose needs, and do not copy profiles into lists or tools without
    a legal basis.

    ## Legal basis
    GDPR (AVG) art. 6(1) (a legal basis for the processing) and art. 14
    (informing people whose data you did not get from them); hiQ Labs v.
    LinkedIn (9th Cir. 2022) for the US side. The guard informs; it is not
    legal advice.
    """

    doc_nl = """
    Veel profielen van verschillende mensen binnen een paar minuten
    geopend.

    ## Wat het doet
    Telt de verschillende profielen van anderen die je opent (op
    profieladres, anders op naam; je eigen profiel en herhaalde bezoeken
    tellen niet) en geeft één rustige melding als er meer dan
    `bulk.profiles` binnen `bulk.minutes` vallen (standaard: meer dan 40
    in 10 minuten, gerekend naar het moment waarop elke pagina werd
    gezien). Na een melding blijft de guard een heel venster lang stil en
    meldt daarna alleen opnieuw als het tempo aanhoudt. Hij onthoudt niet
    meer bezoeken dan hij nodig heeft om te beslissen.

    ## Waarom is dit riskant?
    Profielen in dit tempo doorlopen lijkt op verzamelen — voor een
    leadlijst, een wervingsbestand of een scrapingtool. In de VS oordeelde
    de rechter in hiQ v. LinkedIn dat het lezen van openbare profielen
    geen ongeoorloofde toegang is, maar in de EU geldt de AVG ook voor
    openbare profielen: opslaan en hergebruiken vraagt een rechtsgrond, en
    de mensen om wie het gaat moeten het te horen krijgen.

    ## Voorbeeld
    Instellingen: `bulk: {"profiles": 40, "minutes": 10}`. Je opent tussen
    14:00 en 14:08 de profielen van 41 verschillende mensen.

    ## Doe in plaats daarvan
    Zoek alleen de paar mensen op die je voor één duidelijk doel nodig
    hebt, bewaar alleen wat dat doel vraagt, en kopieer geen profielen
    naar lijsten of tools zonder rechtsgrond.

    ## Juridische basis
    AVG (GDPR) art. 6 lid 1 (een rechtsgrond voor de verwerking) en art.
    14 (mensen informeren van wie je de gegevens niet zelf hebt gekregen);
    hiQ Labs v. LinkedIn (9th Cir. 2022) voor de Amerikaanse kant. De
    guard informeert; dit is geen juridisch advies.
    """

    id = "LG601"
    slug = "bulk-profile-collection"
    kinds = ("profile",)
    default_severity = "info"
    default_mode = "inform"
    legal_basis = (legal.GDPR_6, legal.GDPR_14, legal.HIQ_V_LINKEDIN)
    wordings = {
        "default": Wording(
            title=Text(
                en="Many profiles in a short time",
                nl="Veel profielen in korte tijd",
            ),
            message=Text(
                en="You opened {count} different people's profiles within {minutes} minutes. If you are collecting "
                "their details, the GDPR applies to public profiles too: you need a legal basis (art. 6) and must "
                "tell the people (art. 14). The US ruling hiQ v. LinkedIn does not change that in the EU.",
                nl="Je opende {count} profielen van verschillende mensen binnen {minutes} minuten. Verzamel je hun "
                "gegevens, dan geldt de AVG ook voor openbare profielen: je hebt een grondslag nodig (art. 6) en "
                "moet de mensen informeren (art. 14). De Amerikaanse uitspraak hiQ v. LinkedIn verandert dat in de "
                "EU niet.",
            ),
            suggestion=Text(
                en="Keep only what you need for one clear purpose, and do not copy profiles into lists or tools "
                "without a legal basis.",
                nl="Bewaar alleen wat je voor één duidelijk doel nodig hebt, en kopieer geen profielen naar lijsten "
                "of tools zonder grondslag.",
            ),
        )
    }

    def __init__(self) -> None:
        # Profile key -> when it was last seen, least recently seen first.
        self._seen: OrderedDict[str, datetime] = OrderedDict()
        self._fired_at: datetime | None = None

    def check(self, ctx: Context, settings: Settings) -> Iterable[Hit]:
        assert isinstance(ctx, ProfileContext)
        if ctx.own:
            return
        key = _person_key(ctx)
        now = ctx.seen_at()
        window = timedelta(minutes=settings.bulk.minutes)
        limit = settings.bulk.profiles
        horizon = now - window

        previous = self._seen.pop(key, None)
        self._seen[key] = max(now, previous) if previous else now
        # "More than limit within the window" only needs the limit + 1 most
        # recent distinct profiles: older ones can never change the answer.
        # This bounds memory however long the host runs.
        while len(self._seen) > limit + 1:
            self._seen.popitem(last=False)
        for stale in [k for k, seen in self._seen.items() if seen <= horizon]:
            del self._seen[stale]

        in_window = [seen for seen in self._seen.values() if seen > horizon]
        if len(in_window) <= limit:
            return
        # Once per window: after a note, a full window must pass.
        if self._fired_at is not None and now < self._fired_at + window:
            return
        self._fired_at = now
        start = min(in_window)
        yield Hit(
            subject=f"bulk:{_iso(start)}",
            evidence=[Evidence(field="profiles", excerpt=f"{len(in_window)} profiles, {_iso(start)} – {_iso(now)}")],
            params={"count": str(len(in_window)), "minutes": str(settings.bulk.minutes)},
            about=Text(en=f"{len(in_window)} profiles in {settings.bulk.minutes} minutes",
                       nl=f"{len(in_window)} profielen in {settings.bulk.minutes} minuten"),
        )
