"""LG501 — still connected to clients of a former employer with a cleanup clause."""

from __future__ import annotations

from typing import Iterable

from guard import legal
from guard.matching import company_from_headline, company_key, fold, join_names, profile_key, same_company
from guard.models import ConnectionsContext, Context, Evidence, ProfileContext, Settings
from guard.rules.base import Hit, Rule, Text, Wording

# One warning names everyone, but the evidence list stays small enough for a
# host-to-browser message (1 MiB) even on a page listing thousands of people.
_MAX_EVIDENCE = 200

_CLAUSE_NOTE = Text(
    en="That duty comes from your contract (a cleanup clause, often next to a non-solicitation clause, "
    "BW 7:653), not from a statute.",
    nl="Die plicht komt uit je contract (een opschoonbeding, vaak naast een relatiebeding, BW 7:653), "
    "niet uit de wet.",
)


def _client_index(settings: Settings) -> dict[str, tuple[str, str]]:
    """company_key(client) -> (client as written, former employer), for clauses only.

    A client that is your *current* employer is left out: a cleanup clause
    cannot mean dropping your own colleagues after you joined that client.
    """
    current = settings.employer.name if settings.employer else None
    index: dict[str, tuple[str, str]] = {}
    for former in settings.former_employers:
        if not former.cleanup_clause:
            continue
        for client in former.clients:
            key = company_key(client)
            if key and key not in index and not same_company(client, current):
                index[key] = (client, former.name)
    return index


def _match(companies: Iterable[str | None], index: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    for company in companies:
        if company:
            found = index.get(company_key(company))
            if found:
                return found
    return None


class CleanupClauseConnection(Rule):
    """You are still connected to clients of a former employer whose contract has a cleanup clause.

    ## What it does
    For every former employer in settings with `cleanup_clause: true`, the
    guard looks at your connections page and at profiles of 1st-degree
    connections. People whose company — the company field, a headline such
    as "Inkoper bij Bakkerij Jansen" or "Buyer at Globex", or a current
    position — is one of that employer's clients are named in one warning.
    2nd- and 3rd-degree people are not your connections and are left alone;
    so is a client that has since become your own employer.

    ## Why is this bad?
    Some employment contracts oblige you, on leaving, to remove the
    employer's clients from your LinkedIn network (an "opschoonbeding"),
    next to the usual non-solicitation clause. Staying connected can be read
    as keeping the employer's client list, and breaking the clause can cost
    you the penalty in the contract.

    ## Example
    Settings: former employer "Bureau Noord" with `cleanup_clause: true` and
    clients ["Bakkerij Jansen", "Globex"]. Connections page: "Eva Smit —
    Inkoper bij Bakkerij Jansen B.V.".

    ## Use instead
    Remove these connections, or ask the former employer in writing whether
    the clause still applies to them.

    ## Legal basis
    The duty itself is a contract clause, not a statute; the law on
    non-solicitation clauses it usually sits next to is Burgerlijk Wetboek
    7:653. The guard informs; it is not legal advice.
    """

    doc_nl = """
    Je bent nog verbonden met klanten van een vorige werkgever van wie het
    contract een opruimbeding heeft.

    ## Wat het doet
    Voor elke vorige werkgever in de instellingen met
    `cleanup_clause: true` kijkt de guard naar je connectiepagina en naar
    profielen van connecties in de 1e graad. Mensen van wie het bedrijf —
    het bedrijfsveld, een kopregel als "Inkoper bij Bakkerij Jansen" of
    "Buyer at Globex", of een huidige functie — een klant van die
    werkgever is, worden samen in één waarschuwing genoemd. Mensen in de
    2e en 3e graad zijn geen connecties van je en blijven buiten
    beschouwing, net als een klant die inmiddels je eigen werkgever is.

    ## Waarom is dit riskant?
    Sommige arbeidscontracten verplichten je om bij vertrek de klanten van
    de werkgever uit je LinkedIn-netwerk te verwijderen (een opruim- of
    opschoonbeding), naast het gebruikelijke relatiebeding. Verbonden
    blijven kan worden uitgelegd als het bewaren van het klantenbestand
    van de werkgever, en wie het beding overtreedt kan de boete uit het
    contract verbeuren.

    ## Voorbeeld
    Instellingen: vorige werkgever "Bureau Noord" met
    `cleanup_clause: true` en klanten ["Bakkerij Jansen", "Globex"].
    Connectiepagina: "Eva Smit — Inkoper bij Bakkerij Jansen B.V.".

    ## Doe in plaats daarvan
    Verwijder deze connecties, of vraag de vorige werkgever schriftelijk
    of het beding voor hen nog geldt.

    ## Juridische basis
    De plicht zelf staat in het contract, niet in de wet; de wettelijke
    regeling voor het relatiebeding waar zo'n beding meestal naast staat,
    is Burgerlijk Wetboek art. 7:653. De guard informeert; dit is geen
    juridisch advies.
    """

    id = "LG501"
    slug = "cleanup-clause-connection"
    kinds = ("connections", "profile")
    default_severity = "warning"
    default_mode = "inform"
    legal_basis = (legal.BW_7_653,)
    wordings = {
        "default": Wording(
            title=Text(
                en="Connected to a former employer's clients",
                nl="Connecties bij klanten van een oud-werkgever",
            ),
            message=Text(
                en="Connections at clients of {former}: {people}. Your contract with {former} requires you to "
                "remove its clients from your network. " + _CLAUSE_NOTE.en,
                nl="Connecties bij klanten van {former}: {people}. Je contract met {former} verplicht je om die "
                "klanten uit je netwerk te verwijderen. " + _CLAUSE_NOTE.nl,
            ),
            suggestion=Text(
                en="Remove these connections, or ask {former} in writing whether the clause still applies.",
                nl="Verwijder deze connecties, of vraag {former} schriftelijk of het beding nog geldt.",
            ),
        ),
        "profile": Wording(
            title=Text(
                en="{name} works at a client of {former}",
                nl="{name} werkt bij een klant van {former}",
            ),
            message=Text(
                en="You are connected to {name}, who works at {client}, a client of {former} — and your contract "
                "with {former} requires you to remove its clients from your network. " + _CLAUSE_NOTE.en,
                nl="Je bent verbonden met {name}, die werkt bij {client}, een klant van {former} — en je contract "
                "met {former} verplicht je om die klanten uit je netwerk te verwijderen. " + _CLAUSE_NOTE.nl,
            ),
            suggestion=Text(
                en="Remove the connection, or ask {former} in writing whether the clause still applies.",
                nl="Verwijder de connectie, of vraag {former} schriftelijk of het beding nog geldt.",
            ),
        ),
    }

    def check(self, ctx: Context, settings: Settings) -> Iterable[Hit]:
        index = _client_index(settings)
        if not index:
            return
        if isinstance(ctx, ConnectionsContext):
            yield from self._connections(ctx, index)
        elif isinstance(ctx, ProfileContext):
            if ctx.own or ctx.connection_degree != "1st":
                return
            companies = [company_from_headline(ctx.headline)] + [p.company for p in ctx.positions if p.current]
            found = _match(companies, index)
            if found is None:
                return
            client, former = found
            yield Hit(
                subject=profile_key(ctx.url) or fold(ctx.name),
                evidence=[Evidence(field="profile", excerpt=f"{ctx.name} — {client}")],
                params={"name": ctx.name, "client": client, "former": former},
                about=" ".join(ctx.name.split()),
                wording="profile",
            )

    def _connections(self, ctx: ConnectionsContext, index: dict[str, tuple[str, str]]) -> Iterable[Hit]:
        shown: list[str] = []
        formers: list[str] = []
        evidence: list[Evidence] = []
        seen: set[str] = set()
        for i, person in enumerate(ctx.people):
            if person.connection_degree in ("2nd", "3rd"):
                continue
            found = _match([person.company, company_from_headline(person.headline)], index)
            if found is None:
                continue
            key = profile_key(person.profile_url) or fold(person.name)
            if key in seen:
                continue
            seen.add(key)
            client, former = found
            shown.append(f"{person.name} ({client})")
            if former not in formers:
                formers.append(former)
            if len(evidence) < _MAX_EVIDENCE:
                evidence.append(Evidence(field=f"people[{i}]", excerpt=f"{person.name} — {client}"))
        if not shown:
            return
        yield Hit(
            subject="connections",
            # Not the names: more connections load as the page scrolls, and
            # the log groups by this label.
            about=Text(en="connections list", nl="connectielijst"),
            evidence=evidence,
            params={
                "people": Text(en=join_names(shown, "en"), nl=join_names(shown, "nl")),
                "former": Text(en=join_names(formers, "en"), nl=join_names(formers, "nl")),
            },
        )
