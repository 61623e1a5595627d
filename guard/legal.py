"""The legal sources the rules cite, with links to the official texts.

Only links: the guard never fetches them. Shared here so two rules citing
the same article cite it identically.
"""

from guard.models import LegalBasis

_GDPR = "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
_EPRIVACY = "https://eur-lex.europa.eu/eli/dir/2002/58/oj"

GDPR_5_1_A = LegalBasis(source="GDPR (AVG)", article="5(1)(a) and 5(1)(b)", url=_GDPR)
GDPR_6 = LegalBasis(source="GDPR (AVG)", article="6(1) and 6(4)", url=_GDPR)
GDPR_14 = LegalBasis(source="GDPR (AVG)", article="14", url=_GDPR)
GDPR_21 = LegalBasis(source="GDPR (AVG)", article="21(2)-(4)", url=_GDPR)
TELECOMMUNICATIEWET_11_7 = LegalBasis(
    source="Telecommunicatiewet",
    article="11.7",
    url="https://wetten.overheid.nl/jci1.3:c:BWBR0009950&hoofdstuk=11&artikel=11.7",
)
EPRIVACY_13 = LegalBasis(source="ePrivacy Directive 2002/58/EC", article="13", url=_EPRIVACY)
AUTEURSWET_21 = LegalBasis(
    source="Auteurswet (portretrecht)",
    article="21",
    url="https://wetten.overheid.nl/jci1.3:c:BWBR0001886&hoofdstuk=II&artikel=21",
)
BW_7_678 = LegalBasis(
    source="Burgerlijk Wetboek Boek 7",
    article="7:677 and 7:678",
    url="https://wetten.overheid.nl/jci1.3:c:BWBR0005290&boek=7&titeldeel=10&artikel=678",
)
BW_7_611 = LegalBasis(
    source="Burgerlijk Wetboek Boek 7 (goed werknemerschap)",
    article="7:611",
    url="https://wetten.overheid.nl/jci1.3:c:BWBR0005290&boek=7&titeldeel=10&artikel=611",
)
BW_7_653 = LegalBasis(
    source="Burgerlijk Wetboek Boek 7 (relatiebeding)",
    article="7:653",
    url="https://wetten.overheid.nl/jci1.3:c:BWBR0005290&boek=7&titeldeel=10&artikel=653",
)
HIQ_V_LINKEDIN = LegalBasis(
    source="hiQ Labs v. LinkedIn (9th Cir. 2022)",
    article="No. 17-16783",
    url="https://cdn.ca9.uscourts.gov/datastore/opinions/2022/04/18/17-16783.pdf",
)
