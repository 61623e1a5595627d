"""LG402 — a post names the employer while the contract restricts that."""

from __future__ import annotations

import re
from typing import Iterable

from guard import legal
from guard.matching import company_key, fold, same_company
from guard.models import Context, Evidence, PostContext, Settings
from guard.rules.base import Hit, Rule, Text, Wording, excerpt


class EmployerMentionRestricted(Rule):
    """A post names your employer while your contract restricts that.

    ## What it does
    When settings say your employment contract has a social-media clause
    (`employer.social_media_policy: true`), a post that names the employer —
    in its text or as a company mention — gets a quiet note.

    ## Why is this bad?
    After restructurings, some employers put clauses in new contracts that
    forbid naming the company on social media. Whether such a clause holds up
    is doubtful, but breaking it can still cost you a conflict with your
    employer. The guard only reminds you; the choice is yours.

    ## Example
    Settings: employer "Acme Data B.V." with `social_media_policy: true`.
    Post: "Proud of my team at Acme Data for shipping the new platform!"

    ## Use instead
    Leave the employer's name out ("proud of my team"), or check the clause
    with HR before posting.

    ## Legal basis
    Burgerlijk Wetboek 7:611 (good employee conduct, the usual ground for such
    clauses). Only active when you say your contract has such a clause.
    """

    doc_nl = """
    Een post noemt je werkgever terwijl je contract dat beperkt.

    ## Wat het doet
    Staat in de instellingen dat je arbeidscontract een socialemediabeding
    heeft (`employer.social_media_policy: true`), dan krijgt een post die
    de werkgever noemt — in de tekst of als bedrijfsvermelding — een
    rustige melding.

    ## Waarom is dit riskant?
    Na een reorganisatie nemen sommige werkgevers in nieuwe contracten een
    beding op dat verbiedt het bedrijf op sociale media te noemen. Of zo'n
    beding standhoudt is twijfelachtig, maar wie het overtreedt kan er
    toch een conflict met de werkgever aan overhouden. De guard herinnert
    je er alleen aan; de keuze is aan jou.

    ## Voorbeeld
    Instellingen: werkgever "Acme Data B.V." met
    `social_media_policy: true`. Post: "Trots op mijn team bij Acme Data:
    het nieuwe platform staat live!"

    ## Doe in plaats daarvan
    Laat de naam van de werkgever weg ("trots op mijn team"), of leg het
    beding eerst voor aan HR voordat je plaatst.

    ## Juridische basis
    Burgerlijk Wetboek art. 7:611 (goed werknemerschap, de gebruikelijke
    grond voor zulke bedingen). Alleen actief als je aangeeft dat je
    contract zo'n beding heeft.
    """

    id = "LG402"
    slug = "employer-mention-restricted"
    kinds = ("post",)
    default_severity = "info"
    default_mode = "inform"
    legal_basis = (legal.BW_7_611,)
    wordings = {
        "default": Wording(
            title=Text(
                en="Your contract limits naming your employer",
                nl="Je contract beperkt het noemen van je werkgever",
            ),
            message=Text(
                en="This post names {employer}. Your settings say your employment contract restricts mentioning the employer on social media.",
                nl="Dit bericht noemt {employer}. Volgens je instellingen beperkt je arbeidscontract het noemen van je werkgever op sociale media.",
            ),
            suggestion=Text(
                en="Leave the company name out, or check with HR first.",
                nl="Laat de bedrijfsnaam weg, of overleg eerst met HR.",
            ),
        )
    }

    def check(self, ctx: Context, settings: Settings) -> Iterable[Hit]:
        employer = settings.employer
        if employer is None or not employer.social_media_policy:
            return
        assert isinstance(ctx, PostContext)
        evidence = [
            Evidence(field="mentions", excerpt=m.name)
            for m in ctx.mentions
            if m.entity == "company" and same_company(m.name, employer.name)
        ]
        span = _name_in_text(ctx.text, employer.name)
        if span is not None:
            evidence.append(Evidence(field="text", excerpt=excerpt(ctx.text, *span)))
        if evidence:
            yield Hit(subject="post", evidence=evidence, params={"employer": employer.name},
                      about=Text(en="post", nl="bericht"))


def _name_in_text(text: str, company: str) -> tuple[int, int] | None:
    """Where the company's name (without legal suffix) stands as whole words."""
    key = company_key(company)
    if not key:
        return None
    words = [re.escape(w) for w in key.split()]
    pattern = r"(?<!\w)" + r"[\s\W]+".join(words) + r"(?!\w)"
    # Fold keeps the length of most text but not all (ligatures); search the
    # folded text and fall back to the whole text as the excerpt's anchor.
    folded = fold(text)
    match = re.search(pattern, folded)
    if not match:
        return None
    if len(folded) == len(text):
        return match.span()
    return (0, min(len(text), 80))
