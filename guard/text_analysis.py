"""What a LinkedIn message is: a sales pitch, a request for support, recruitment, or none of these.

Used by LG201 (unsolicited commercial message) and LG202 (direct marketing
without an opt-out notice). Everything is local and explainable: Dutch and
English lexicons of weighted regular expressions, a few veto signals, and for
every conclusion the phrases that led to it. No network, no models.

How a message is judged
-----------------------
* Each pattern belongs to a *category* (``commercial``, ``charitable``,
  ``idealistic``, ``recruitment``, a veto kind, ``permission``, ``optout``)
  and a *group* inside it with a weight. A pattern counts once, however often
  it matches. Weak groups are capped, so three industry words never add up to
  a sales pitch on their own (see ``_CAPS``).
* A category wins when its score reaches ``BAR`` (3). Any veto signal —
  congratulations, colleagues, an applicant, sharing knowledge, personal
  talk — raises the bar to ``BAR + VETO_RAISE`` (6): a real pitch that opens
  with "congrats on the new role" still counts, small talk with a "quick
  call?" in it does not.
* Commercial needs *substance*: something is offered, claimed, discounted or
  priced (``_SUBSTANCE``), or it is the cold-call shape the Dutch regulator
  and the legal-basis note call out — an industry word plus a cold opener
  ("I came across your company") plus bait ("quick call?"). Bait alone is not
  enough: colleagues ask for quick calls all day.
* In a recruitment message the words recruiters share with salespeople
  (salary figures, "quick call", "I came across your profile", "we offer")
  do not count as commercial: recruitment that sells nothing is LG202's
  business, not LG201's.

* A permission question ("may I send you some information?") is not the
  advertisement itself, unless it already carries a claim, a price, a
  discount or a booking link. When the recipient's last message asked for an
  offer, a quote or details (and did not say no), the reply is requested.
* Opt-out notices ("reply STOP", "je kunt bezwaar maken", "laat het weten als
  je niet meer benaderd wilt worden") are looked for in every message; the
  notices ``opt_out_notice`` offers are checked at import to count as one.

Precision over recall: when in doubt the analysis says "not commercial".

Speed
-----
Python's ``re`` tries every branch of an alternation at every position, so
one big alternation of a few hundred phrases costs a millisecond. Instead each
pattern is split into *pieces* that start with a literal (``_pieces``): ``re``
then jumps from one occurrence of that literal to the next, and a piece is
searched only when the text contains the words its literal start spells
(the text is split into a set of words once) and that literal start itself.
Pieces that spell no word — Dutch compounds, prices — are searched when one
of the pattern's hand-written trigger words or substrings occurs (a piece
that starts with a number is written so that ``re`` skips to digits); a
test generates a sample for every
branch of every pattern to prove those lists complete. Vetoes, permission
questions, industry words and the recipient's reply are searched only when
they can change the verdict. Everything is compiled at import, and
``analyse`` is memoised, so LG201 and LG202 reading one message pay once.
``benchmarks/core_bench.py`` measures it with a new text every round (as
typing does), so the memo does not hide the cost.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Literal, NamedTuple

Language = Literal["nl", "en"]
Solicitation = Literal["commercial", "idealistic", "charitable"]

BAR = 3
VETO_RAISE = 3
MAX_EVIDENCE = 6

# Weak groups are capped: many of them together are still weak.
_CAPS = {"price": 2, "domain": 1, "bait": 2, "cold": 2, "cta": 2, "link": 2, "terms": 1,
         "context": 2}
# Groups that show something is actually being sold.
_SUBSTANCE = frozenset({"offer", "soft", "claim", "discount", "price"})
# Groups a recruiter uses just as much as a salesperson; ignored for
# "commercial" when the message is recruitment outreach.
_SHARED_WITH_RECRUITERS = frozenset({"price", "bait", "cold", "cta", "link", "soft"})
# A permission question stops being "only a question" when it already makes
# the pitch: a claim, a discount, a price or a booking link.
_HARD_SELL = frozenset({"claim", "discount", "price", "link"})

VETO_KINDS = ("applicant", "congratulation", "collegial", "knowledge", "personal")


# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------

# One character in, one character out, so spans found in the normalised text
# point at the same characters of the original (evidence is quoted from it).
_FOLD = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u201a": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2011": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "\n": " ", "\r": " ", "\t": " ",
    "\u00e0": "a", "\u00e1": "a", "\u00e2": "a", "\u00e4": "a", "\u00e3": "a", "\u00e5": "a",
    "\u00e8": "e", "\u00e9": "e", "\u00ea": "e", "\u00eb": "e",
    "\u00ec": "i", "\u00ed": "i", "\u00ee": "i", "\u00ef": "i",
    "\u00f2": "o", "\u00f3": "o", "\u00f4": "o", "\u00f6": "o", "\u00f5": "o",
    "\u00f9": "u", "\u00fa": "u", "\u00fb": "u", "\u00fc": "u",
    "\u00e7": "c", "\u00f1": "n", "\u00fd": "y", "\u00ff": "y",
})
_WHITESPACE = str.maketrans({"\n": " ", "\r": " ", "\t": " "})
# For the word set only: punctuation becomes a space ("profile," -> "profile").
_PUNCT_TO_SPACE = str.maketrans({c: " " for c in string.punctuation + "\u20ac\u00a3"})
# The same for ASCII text, as a byte table (``bytes.translate`` is several times faster).
_ASCII_PUNCT_TO_SPACE = bytes.maketrans(string.punctuation.encode(), b" " * len(string.punctuation))


def _normalise(text: str) -> tuple[str, str]:
    """``(source, low)``: the text evidence is quoted from, and its lower-case folded twin."""
    if text.isascii():
        low = text.lower()
        if "\n" in low or "\t" in low or "\r" in low:
            low = low.translate(_WHITESPACE)
        return text, low
    src = unicodedata.normalize("NFC", text)
    low = src.lower().translate(_FOLD)
    if len(low) != len(src):  # a rare character whose lower case is longer ("İ")
        src = low
    return src, low


# --------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Pattern:
    cat: str
    group: str
    weight: int
    words: frozenset[str]  # any of these words in the text: search
    subs: tuple[str, ...]  # or any of these substrings (Dutch compounds)
    rx: re.Pattern[str]


def _pattern(cat: str, group: str, weight: int, triggers: str, regex: str) -> _Pattern:
    """``triggers``: words, ``*stem`` for a substring, ``*`` alone: always search."""
    words, subs = set(), []
    for t in triggers.split():
        if t.startswith("*"):
            subs.append(t[1:])
        else:
            words.add(t)
    # One outer group, so a top-level "a|b|c" splits like a leading group.
    rx = re.compile(f"(?:{regex})")
    if rx.groups:
        raise ValueError(f"use non-capturing groups only: {regex}")
    return _Pattern(cat, group, weight, frozenset(words), tuple(subs), rx)


P = _pattern

# -- commercial, English ---------------------------------------------------

_COMMERCIAL_EN = [
    P("commercial", "offer", 2,
      "services service solution solutions platform software product products tool app agency "
      "offering offerings package packages program programme course masterclass consultancy subscription "
      "subscriptions membership memberships plan plans",
      r"(?:our|my) (?:new |own )?(?:[\w-]+ )?(?:services?|solutions?|platform|software|products?|tool|app|agency|"
      r"offerings?|packages?|program(?:me)?|course|masterclass|consultancy|subscriptions?|memberships?|"
      r"(?:pro|premium|basic|starter|team|business|enterprise) plans?)\b"
      r"(?! (?:team|manager|owner|lead|roadmap|department|people|meeting|review|launch party|release|sprint))"),
    P("commercial", "offer", 3, "help",
      r"(?:we|i) help (?:[\w-]+ ){0,3}?(?:companies|businesses|brands|teams|organi(?:s|z)ations|founders|"
      r"startups|scale-?ups|agencies|coaches|consultants|professionals|clients|firms|leaders|ceos|ctos|"
      r"cfos|executives|owners|entrepreneurs|recruiters|shops|webshops|stores|retailers|practices|"
      r"clinics|smes|people like you)\b"),
    P("commercial", "claim", 2, "helped worked supported",
      r"(?:we|i)(?:'ve| have) (?:already )?(?:helped|worked with|supported) (?:over |more than |dozens of |"
      r"hundreds of |\d+\+? )*(?:[\w-]+ )?(?:companies|businesses|brands|clients|customers|startups|firms|"
      r"organi(?:s|z)ations|teams|founders|agencies|shops)\b"),
    P("commercial", "soft", 2, "offer provide supply sell specialize specialise specialized specialised",
      r"(?:we|i) (?:offer|provide|supply|sell|specialize in|specialise in|are specialized in|"
      r"are specialised in|am specialized in|am specialised in)\b"),
    P("commercial", "soft", 2, "agency consultancy studio provider vendor reseller supplier shop house firm",
      r"(?:we(?:'re| are)|i(?:'m| am)(?: the (?:founder|owner|ceo) of)?) (?:a|an) (?:[\w-]+ ){0,3}"
      r"(?:agency|consultancy|studio|provider|vendor|reseller|supplier|shop|house|firm)\b"),
    P("commercial", "soft", 2, "available",
      r"(?:cvs?|profiles|resumes) of (?:\w+ ){0,2}?available (?:[\w-]+ )?(?:developers|engineers|consultants|"
      r"candidates|specialists|freelancers)|available (?:[\w-]+ )?(?:developers|engineers|consultants|"
      r"freelancers) (?:for|to|at)\b"),
    P("commercial", "soft", 2, "benefit",
      r"(?:could|would|might|can) (?:really |greatly )?benefit from (?:our|my)\b"),
    P("commercial", "claim", 2, "save saves saving",
      r"(?:save|saves|saving) (?:you |your team |teams |them )?(?:up to |over |at least )?\d+ hours\b"),
    P("commercial", "discount", 3, "free",
      r"(?:\d+|one|two|three|six) (?:months?|weeks?) (?:for )?free\b"),
    P("commercial", "cold", 1, "current",
      r"(?:happy|satisfied) with your (?:current )?(?:[\w-]+ )?(?:provider|supplier|vendor|agency|solution|"
      r"tool|system|software|contract|partner|bank|insurer)\b"),
    P("commercial", "bait", 1, "suit work",
      r"(?:when|what time|which day) (?:would|does|will) (?:\w+ )?(?:suit you|work for you|work best)\b"),
    P("commercial", "cta", 1, "book schedule grab",
      r"(?:book|schedule|grab) (?:\d+|a few|ten|fifteen|twenty) minutes\b"),
    P("commercial", "claim", 2, "solved fixed done",
      r"(?:we|i)(?:'ve| have) (?:already )?(?:solved|fixed|done) (?:this|that|it) for (?:over |more than |"
      r"dozens of |hundreds of |\d+\+? )*(?:[\w-]+ )?[\w-]+"),
    P("commercial", "offer", 2, "sponsorship sponsor",
      r"sponsor(?:ship)? (?:packages?|opportunit(?:y|ies)|deals?|slots?)\b"),
    P("commercial", "offer", 3, "free",
      r"free (?:\d+[- ]day )?(?:trial|demo|consultation|consult|audit|analysis|scan|quote|"
      r"strategy (?:call|session)|discovery call|assessment|sample|intro(?:ductory)? (?:call|session)|"
      r"valuation|estimate|proposal)s?\b"),
    P("commercial", "offer", 2, "free",
      r"free (?:mock-?ups?|e-?book|guide|webinar|masterclass|workshop|training|checklist|template|whitepaper|"
      r"report|class|event|ticket|seat)s?\b"),
    P("commercial", "offer", 3, "demo walkthrough walk through",
      r"(?:book|schedule|arrange|set up|grab|request|see|show you) (?:a |an |your |our )?(?:free |quick |"
      r"short |live |personal(?:i[sz]ed)? |\d+[- ]?min(?:ute)?s? )*(?:product )?(?:demo|walkthrough|walk-through)\b"),
    P("commercial", "cta", 2, "book schedule grab reserve claim pick",
      r"(?:book|schedule|grab|reserve|claim|pick) (?:a |an |your )?(?:free |quick |short |"
      r"\d+[- ]?min(?:ute)?s? )*(?:call|slot|spot|seat|meeting|session|time ?slot)\b"),
    P("commercial", "link", 2, "calendly cal hubspot zcal savvycal tidycal",
      r"(?:calendly\.com|cal\.com/|meetings\.hubspot|hubspot\.com/meetings|zcal\.co|savvycal\.com|"
      r"tidycal\.com)"),
    P("commercial", "discount", 3, "off discount",
      r"\d{1,2} ?% (?:off|discount)\b"),
    P("commercial", "discount", 3, "half reduced discounted price rate",
      r"(?:half[- ]price|half off|(?:reduced|discounted|special) (?:rate|price|fee)s?\b)"),
    P("commercial", "soft", 2, "offering",
      r"(?:we(?:'re| are)|i(?:'m| am)) (?:now |currently )?offering\b"),
    P("commercial", "discount", 3, "coupon coupons voucher vouchers promo promotional",
      r"(?:coupon|voucher|promo(?:tion(?:al)?)? code)s?\b"),
    # A bare "discount" may be the recipient's own quote being discussed.
    P("commercial", "discount", 2, "discount discounts discounted",
      r"discount(?:s|ed)?\b"),
    P("commercial", "offer", 3, "complimentary",
      r"complimentary (?:first |initial |\d+[- ]minute )?(?:session|consultation|consult|audit|call|assessment|"
      r"review|trial|demo|analysis|coaching session|strategy session)\b"),
    P("commercial", "soft", 2, "offer",
      r"(?:i(?:'d| would) (?:love|like) to|let me|allow me to) offer you\b"),
    P("commercial", "discount", 3, "free",
      r"free for (?:the first )?(?:\d+|one|two|three|six) (?:days|weeks|months)\b"),
    P("commercial", "offer", 2, "early access",
      r"(?:early|exclusive|free|beta) access\b"),
    P("commercial", "soft", 2, "built build developed created",
      r"(?:we|i)(?:'ve| have)? (?:built|build|developed|created) (?:a|an) (?:[\w-]+ ){0,2}?(?:tool|platform|app|"
      r"product|solution|service|software|plugin|integration)\b"),
    P("commercial", "claim", 2, "half",
      r"(?:cuts?|halves|reduces?|slashes) (?:[\w-]+ ){0,3}?in half\b"),
    P("commercial", "soft", 2, "available ready",
      r"(?:our|my) (?:[\w-]+ )?(?:consultants|developers|engineers|specialists|experts|freelancers|team) "
      r"(?:are|is) (?:available|ready)\b"),
    P("commercial", "price", 2, "competitive rates rate prices pricing",
      r"competitive (?:day |hourly )?(?:rates?|prices|pricing)\b"),
    P("commercial", "discount", 3, "special exclusive limited introductory launch early bird",
      r"(?:special|exclusive|limited(?:[- ]time)?|introductory|launch|early[- ]bird) (?:offer|price|"
      r"pricing|deal|rate|discount)s?\b"),
    P("commercial", "discount", 3, "buy order shop",
      r"(?:buy|order|shop) (?:it |them )?(?:now|today|here|online)\b"),
    P("commercial", "price", 2, "*\u20ac *$ *\u00a3 eur usd gbp",
      r"(?:\u20ac ?\d[\d.,]*|\$ ?\d[\d.,]*|\u00a3 ?\d[\d.,]*|(?:eur|usd|gbp) ?\d[\d.,]*)"),
    P("commercial", "price", 2, "*eur *dollar *usd *\u20ac",
      r"\d[\d.,]*(?: ?k)? ?(?:\u20ac|euros?\b|eur\b|dollars?\b|usd\b)"),
    P("commercial", "price", 1, "per month year user seat licence license mo yr",
      r"(?:per |/ ?)(?:month|mo|year|yr|user|seat|licen[cs]e)\b"),
    P("commercial", "price", 2, "pricing price rates fees prices fee tariffs rate",
      r"(?:pricing|price list|rate card|(?:our|my) (?:rates|fees|prices|fee|tariffs|day rate))\b"),
    P("commercial", "claim", 3,
      "increase boost grow double triple skyrocket maximize maximise improve scale 10x 2x 3x",
      r"(?:increase|boost|grow|double|triple|10x|2x|3x|skyrocket|maximi[sz]e|improve|scale) (?:your|their) "
      r"(?:[\w-]+ )?(?:sales|revenue|leads|conversions?|conversion rate|roi|traffic|rankings?|pipeline|"
      r"profits?|bookings|business|visibility|reach|followers|engagement|income|margins?|turnover|growth)\b"),
    P("commercial", "claim", 2, "leads clients customers appointments sales revenue demos bookings subscribers",
      r"(?:more|qualified|warm|inbound|b2b|high[- ]quality|extra|consistent) (?:leads|clients|customers|"
      r"appointments|sales meetings|sales|revenue|demos|bookings|subscribers)\b"),
    P("commercial", "claim", 2,
      "generate generates generating capture captures capturing attract attracts attracting land lands "
      "landing win wins winning",
      r"(?:generat(?:e|es|ing)|captur(?:e|es|ing)|attract(?:s|ing)?|land(?:s|ing)?|win(?:s|ning)?) "
      r"(?:more |qualified |new |high-quality )?"
      r"(?:leads|appointments|revenue|sales|clients|customers)\b"),
    P("commercial", "claim", 3, "guaranteed guarantee risk cure win",
      r"(?:guaranteed (?:results|roi|leads|growth|returns?|rankings?|traffic|sales)|results guaranteed|"
      r"money[- ]back guarantee|satisfaction guarantee|risk[- ]free (?:trial|test)|no cure,? no pay|"
      r"no win,? no fee)"),
    P("commercial", "claim", 2, "save saving saves cut cuts reduce reduces lower slash",
      r"(?:save|saving|saves|cut|cuts|reduce|reduces|lower|slash)(?:s|ing)? (?:up to )?(?:\d+ ?%|your|their) "
      r"(?:[\w-]+ ){0,2}?(?:costs?|spend|bill|expenses|overhead)\b"),
    P("commercial", "claim", 2, "clients customers trusted used chosen",
      r"(?:(?:clients|customers) (?:like|such as|include|including)\b|(?:trusted|used|chosen) by "
      r"(?:over |more than )?(?:\d+|hundreds|thousands|leading|top))"),
    P("commercial", "claim", 3, "rank ranking page google",
      r"(?:rank|ranking|get you) (?:\w+ )?(?:on|in) (?:page (?:one|1)|the first page|the top of google|"
      r"google)"),
    P("commercial", "cold", 1, "noticed saw came stumbled found looking browsing checked",
      r"i (?:noticed|saw|came across|stumbled (?:up)?on|found|was looking at|was browsing|checked out) "
      r"(?:your|that you|you(?:'re| are))"),
    P("commercial", "cold", 2, "like industry space sector position role",
      r"(?:(?:companies|businesses|organi(?:s|z)ations|firms|brands|leaders|founders) like (?:yours|you)|"
      r"(?:companies|businesses|leaders|people) in your (?:industry|space|sector)|"
      r"someone in your (?:role|position))\b"),
    P("commercial", "cold", 1, "reaching reach introduce",
      r"(?:i(?:'m| am) reaching out|(?:reaching|reach) out to (?:see|ask|introduce)|"
      r"allow me to introduce|let me introduce (?:myself|our|my company))"),
    P("commercial", "cold", 1, "help support assist",
      r"(?:we|i) (?:can|could) (?:help|support|assist) (?:you|your (?:team|company|business|organi(?:s|z)ation))\b"),
    P("commercial", "soft", 2, "show walk",
      r"(?:i(?:'d| would) love to (?:show|walk) you|(?:let me|allow me to) show you how)"),
    P("commercial", "soft", 2, "partnership collaboration partnering business explore discuss",
      r"(?:(?:partnership|collaboration|partnering|business) opportunit(?:y|ies)|"
      r"(?:explore|discuss) (?:a |how we (?:can|could) )?(?:partnership|collaboration|working together))"),
    P("commercial", "cta", 2, "sign register enrol enroll",
      r"(?:sign up|register|enrol|enroll) (?:now|today|here|via|through|at|for free)\b"),
    P("commercial", "domain", 1,
      "seo staffing search google ppc web website app lead outsourcing outsource offshore nearshore white "
      "dedicated staff insurance pension mortgage investment crypto forex coaching business life "
      "bookkeeping accounting virtual cybersecurity cyber it managed digital social ghostwriting "
      "ghostwriter video linkedin solar energy leasing marketing",
      r"(?:seo|staffing|search engine optimi[sz]ation|google ads|ppc|web ?design|website (?:redesign|development)|"
      r"app development|lead gen(?:eration)?|outsourc\w*|offshore (?:team|developers)|nearshor\w*|"
      r"white[- ]label|dedicated (?:developers|team)|staff augmentation|insurance|pension plan|mortgage|"
      r"investment opportunit\w+|crypto\w*|forex|coaching (?:program\w*|package|sessions?)|"
      r"(?:business|life|executive) coach\w*|bookkeeping|accounting services|virtual assistants?|"
      r"cyber ?security|it services|managed services|digital marketing|social media (?:management|marketing)|"
      r"ghostwrit\w+|video production|linkedin (?:growth|automation|ghostwriting|marketing)|"
      r"solar panels|energy contracts?|car leasing|marketing (?:services|agency|automation))\b"),
    P("commercial", "bait", 1,
      "call chat zoom meeting conversation intro catch catchup",
      r"(?:quick|short|brief|virtual|zoom|intro(?:ductory)?|discovery|teams) "
      r"(?:call|chat|zoom|meeting|conversation|intro|catch-?up)\b"),
    P("commercial", "bait", 1, "call chat zoom meeting conversation intro catch catchup",
      r"\d+[- ]?min(?:ute)?s? (?:call|chat|zoom|meeting|conversation|intro|catch-?up)\b"),
    P("commercial", "bait", 1, "hop jump worth",
      r"(?:(?:hop|jump) on a (?:quick |short )?call|worth a (?:quick |short )?(?:call|chat|conversation))"),
    P("commercial", "bait", 1, "call chat",
      r"(?:shall|should|can|could) we (?:have |schedule |set up |do )?(?:a )?(?:quick |short )?(?:call|chat)\b"),
    P("commercial", "cta", 1, "interested open",
      r"(?:would you be|are you|is this something you(?:'d| would)? be|is this something you(?:'re| are)) "
      r"(?:\w+ )?(?:interested|open) (?:in|to)\b"),
    P("commercial", "cta", 1, "interested",
      r"interested in (?:a |an )?(?:free|quick|short|our|my|demo|trial|pilot)\b"),
    P("commercial", "discount", 3, "save",
      r"save (?:up to )?(?:\u20ac|\$|\u00a3) ?\d"),
    P("commercial", "discount", 3, "early bird",
      r"early[- ]bird (?:tickets?|registration|seats?)\b"),
    P("commercial", "cta", 1, "interested relevant interesting",
      r"(?:interested\?|let me know if (?:you(?:'re| are| would be|'d be)? (?:interested|open)|"
      r"this (?:sounds|is) (?:interesting|relevant|of interest)))"),
    P("commercial", "cta", 1, "work sense",
      r"(?:does|would) (?:\w+ ){0,3}?(?:work for you|make sense)\?"),
]

# -- commercial, Dutch -----------------------------------------------------

_COMMERCIAL_NL = [
    P("commercial", "offer", 2,
      "diensten dienstverlening oplossing oplossingen software tool app producten product aanbod "
      "pakket pakketten programma training trainingen cursus cursussen coachingstraject masterclass "
      "bureau platform abonnement propositie",
      r"(?:onze|mijn|ons) (?:nieuwe |eigen )?(?:[\w]+[ -])?(?:diensten|dienstverlening|oplossing(?:en)?|software|tool|app|"
      r"producten|product|aanbod|pakket(?:ten)?|programma|training(?:en)?|cursus(?:sen)?|coachingstraject|"
      r"masterclass|bureau|platform|abonnement|propositie)\b(?! (?:team|manager|owner|afdeling|overleg))"),
    P("commercial", "offer", 3,
      "help helpen ondersteun ondersteunen begeleid begeleiden adviseer adviseren ontzorg ontzorgen",
      r"(?:wij|we|ik) (?:help(?:en)?|ondersteun(?:en)?|begeleid(?:en)?|adviseer|adviseren|ontzorg(?:en)?) "
      r"(?:[\w'-]+ ){0,4}?(?:[\w]+-)?(?:bedrijven|ondernemers|organisaties|mkb(?:'ers)?|zzp'?ers|coaches|"
      r"ondernemingen|b2b|webshops|startups|scale-?ups|teams|professionals|merken|klanten|praktijken|"
      r"winkels|retailers|kantoren|gemeenten|instellingen|bedrijven zoals)\b"),
    P("commercial", "soft", 2,
      "bieden leveren verzorgen verkopen specialiseren gespecialiseerd bied lever verzorg verkoop",
      r"(?:(?:wij|we|ik) (?:bieden|leveren|verzorgen|verkopen|specialiseren|zijn gespecialiseerd|"
      r"ben gespecialiseerd|bied|lever|verzorg|verkoop)|(?:bieden|bied|leveren|lever|verzorgen|verzorg) "
      r"(?:wij|we|ik))\b"),
    P("commercial", "soft", 2, "zijn ben",
      r"(?:wij zijn|we zijn|ik ben) (?:een|het) (?:[\w-]+ ){0,3}?[\w-]*?(?:bureau|agency|consultancy|"
      r"leverancier|aanbieder|studio|specialist|partner)\b"),
    P("commercial", "soft", 2, "ontzorg ontzorgen ontzorgt ontzorging",
      r"ontzorg\w*"),
    P("commercial", "offer", 3, "gratis",
      r"gratis (?:(?:en )?vrijblijvende? )?(?:proefperiode|proefabonnement|demo|adviesgesprek|"
      r"kennismaking(?:sgesprek)?|consult|scan|quickscan|analyse|audit|offerte|strategiesessie|"
      r"strategiegesprek|proefles|intake(?:gesprek)?|check|waardebepaling|advies|sessie|belafspraak)\b"),
    P("commercial", "offer", 3, "gratis",
      r"\d+ dagen gratis\b"),
    P("commercial", "offer", 2, "sponsorpakket sponsorpakketten sponsormogelijkheden",
      r"sponsor(?:pakket(?:ten)?|mogelijkheden)\b"),
    P("commercial", "offer", 2, "gratis",
      r"gratis (?:ontwerp\w*|schets|mock-?up|e-?book|whitepaper|webinar|workshop|masterclass|training|gids|checklist|ticket|"
      r"kaartje|event|toegang)s?\b"),
    P("commercial", "soft", 2, "vrijblijvend vrijblijvende vrijblijvendheid",
      r"vrijblijvend\w*"),
    P("commercial", "cta", 2,
      "plan boek reserveer maak prik plannen inplannen inboeken boeken",
      r"(?:(?:plan|boek|reserveer|maak|prik) (?:\w+ ){0,2}?(?:demo|afspraak|belafspraak|gesprek|call|"
      r"kennismaking(?:sgesprek)?|sessie|plek|tijdslot)\b|(?:demo|afspraak|belafspraak|gesprek|call) "
      r"(?:in ?plannen|inboeken|boeken)\b)"),
    P("commercial", "discount", 3, "korting kortingscode kortingsactie actieprijs speciale tijdelijk tijdelijke "
      "exclusief exclusieve introductieprijs kennismakingsaanbod kennismakingsprijs bird earlybird vroegboek vroegboekkorting vroegboekers vroegboekactie vroegboektarief bestel koop",
      r"(?:\d{1,2} ?% korting|kortingscode\w*|kortingsactie\w*|actieprijs|"
      r"speciale (?:aanbieding|prijs|actie|deal)|(?:tijdelijke?|exclusieve?) (?:aanbod|actie|korting|prijs|tarief)|"
      r"introductieprijs|kennismakings(?:aanbod|prijs|tarief)|vroegboek\w*|early ?bird|"
      r"(?:bestel|koop) (?:nu|vandaag|hier|direct)\b)"),
    # A bare "korting" may be about the recipient's own quote.
    P("commercial", "discount", 2, "*korting aanbieding aanbiedingen",
      r"(?:~korting(?:en)?\b|aanbieding(?:en)?\b)"),
    P("commercial", "soft", 2, "betekenen",
      r"wat (?:we|wij|ik) (?:voor|bij) (?:je|jou|u|jullie) (?:kunnen |kan |zouden kunnen |zou kunnen )?betekenen\b"),
    P("commercial", "price", 2,
      "tarief tarieven uurtarief prijs prijzen prijslijst investering kosten",
      r"(?:tarief|tarieven|uurtarief|prijs|prijzen|investering|kosten) (?:bedraagt|bedragen|is slechts|"
      r"zijn slechts|vanaf|slechts|maar)\b|prijslijst|(?:onze|mijn) (?:tarieven|prijzen)\b"),
    P("commercial", "price", 1, "per",
      r"per (?:maand|jaar|gebruiker|licentie|maand excl)\b"),
    P("commercial", "claim", 3,
      "verhoog verdubbel vergroot verbeter boost verhogen verdubbelen vergroten verbeteren laat laten",
      r"(?:verhoog|verdubbel|vergroot|verbeter|boost|verhogen|verdubbelen|vergroten|verbeteren|laat|laten) "
      r"(?:je|jouw|uw|de|jullie) (?:[\w-]+ )?(?:omzet|winst|conversie|verkoop|verkopen|zichtbaarheid|"
      r"vindbaarheid|bereik|leads|marge|rendement|klantenbestand|groei)\b"),
    P("commercial", "claim", 2,
      "leads klanten omzet afspraken aanvragen opdrachten verkopen bezoekers conversie",
      r"(?:meer|gekwalificeerde|warme|extra|structureel meer|structureel nieuwe) (?:leads|klanten|omzet|"
      r"afspraken|aanvragen|opdrachten|verkopen|bezoekers|conversie)\b"),
    P("commercial", "claim", 2, "google",
      r"(?:(?:hoger|beter|bovenaan|op de eerste pagina|op 1|op nummer 1) (?:\w+ )?(?:in|van|op) google|"
      r"vindbaar(?:heid)? in google|google[- ](?:ranking|positie)s?)"),
    P("commercial", "claim", 3, "*garantie gegarandeerd cure geld risicovrij",
      r"(?:(?:resultaat|rendement|succes|geld[- ]terug|tevredenheids)[- ]?garantie|gegarandeerd (?:resultaat|"
      r"meer|hoger|succes)|garantie op (?:resultaat|succes|meer)|no cure,? no pay|niet goed,? geld terug|"
      r"risicovrij (?:proberen|uitproberen|testen))"),
    P("commercial", "claim", 2,
      "bespaar besparen bespaart verlaag verlagen verlaagt reduceer halveer halveren besparing goedkoper",
      r"(?:(?:bespaar|besparen|bespaart|verlaag|verlagen|verlaagt|reduceer|halveer|halveren) (?:tot |wel |"
      r"gemiddeld )?(?:\d+ ?%|je|jouw|uw|de|jullie) ?(?:[\w-]+ ){0,2}?(?:kosten|uitgaven|energierekening|"
      r"rekening|premie|inkoopkosten)\b|\d+ ?% (?:besparing|goedkoper))"),
    P("commercial", "claim", 2, "geholpen ondersteund begeleid",
      r"(?:wij|we|ik) (?:hebben|heb) (?:al |inmiddels )?(?:meer dan |ruim |tientallen |honderden |\d+\+? )*"
      r"(?:[\w-]+ )?(?:bedrijven|klanten|ondernemers|organisaties|merken|webshops|praktijken) "
      r"(?:geholpen|ondersteund|begeleid)"),
    P("commercial", "claim", 2, "opgelost gedaan geregeld",
      r"(?:wij|we|ik) (?:hebben|heb) (?:dat|dit|het) (?:al |ook )?(?:voor|bij) (?:meer dan |ruim )?(?:\d+\+? )?"
      r"[\w-]+ (?:opgelost|gedaan|geregeld)\b"),
    P("commercial", "claim", 2, "klanten vertrouwd gebruikt gekozen",
      r"(?:klanten (?:zoals|als|waaronder|onder wie)\b|(?:vertrouwd|gebruikt|gekozen) door (?:meer dan |"
      r"ruim |al )?(?:\d+|honderden|duizenden))"),
    P("commercial", "cold", 1, "zag kwam las zie merkte vond bekeek profiel",
      r"(?:ik (?:zag|kwam|las|zie|merkte|vond|bekeek) (?:\w+ ){0,2}?(?:dat (?:je|u|jij|jullie)|je profiel|"
      r"uw profiel|jouw profiel|je bedrijf|uw bedrijf|jullie bedrijf|(?:je|uw|jouw) website)|"
      r"(?:je|uw|jouw) profiel (?:tegen|opgevallen))"),
    P("commercial", "cold", 2, "zoals als branche sector vakgebied markt",
      r"(?:(?:bedrijven|organisaties|ondernemers|ondernemingen|teams) (?:zoals|als) (?:die van (?:jou|u)|"
      r"het uwe|de uwe|jullie|dat van jou|jouw bedrijf|uw bedrijf|het jouwe)\b|"
      r"(?:bedrijven|ondernemers|organisaties) (?:in|uit) (?:jouw|uw|jullie) (?:branche|sector|vakgebied|markt))"),
    P("commercial", "cold", 1, "contact stel voorstellen",
      r"(?:ik neem (?:contact met (?:je|u) op|(?:je|u) contact op)|(?:graag|even) (?:stel ik|wil ik) "
      r"(?:me|mij|mijzelf|mezelf|ons(?: bedrijf)?) (?:even |graag |kort )?(?:voor|aan (?:je|u) voor)|"
      r"(?:mag|wil) ik (?:me|mij|mezelf|mijzelf|ons) (?:even |kort )?voorstellen)"),
    P("commercial", "cold", 1, "helpen ondersteunen",
      r"(?:kan|kunnen) (?:ik|wij|we) (?:je|u|jou|jullie) (?:daarbij |hierbij |daar |hier |flink |goed |ook )?"
      r"(?:helpen|ondersteunen)\b"),
    P("commercial", "claim", 2, "besparen bespaart bespaar",
      r"(?:besparen|bespaart|bespaar) (?:\w+ ){0,2}?op (?:je|jouw|uw|de|jullie) (?:[\w-]+ )?(?:kosten|"
      r"energierekening|rekening|premie|uitgaven|inkoop)\b"),
    P("commercial", "discount", 3, "gratis",
      r"(?:\d+|een|twee|drie|zes) (?:maanden|maand|weken|week) gratis\b"),
    P("commercial", "cold", 1, "huidige tevreden",
      r"(?:tevreden|blij) (?:met|over) (?:je|jouw|uw|jullie) (?:huidige )?(?:[\w-]+ )?(?:leverancier|aanbieder|"
      r"partij|bureau|provider|software|systeem|contract|salarisverwerking|boekhouder|verzekeraar|bank)\b"),
    P("commercial", "cold", 1, "specialist",
      r"(?:als|as an?) (?:[\w-]+ )?specialist (?:in|op het gebied van)\b"),
    P("commercial", "cta", 1, "lijkt",
      r"lijkt (?:dit|dat|het|je dit|je dat) (?:je|jou|u|jullie)? ?(?:wat|iets)\b"),
    P("commercial", "cold", 1, "helpen ondersteunen dienst",
      r"(?:wij|we|ik) (?:kunnen|kan) (?:je|u|jou|jullie) (?:daarbij |hierbij |daar |hier |goed )?"
      r"(?:helpen|ondersteunen|van dienst zijn)\b"),
    P("commercial", "soft", 2, "zien vertellen meenemen",
      r"(?:ik|we|wij) (?:zou|zouden|wil|willen) (?:je|u|jou|jullie) (?:graag )?(?:laten zien|vertellen|"
      r"meenemen in) hoe"),
    P("commercial", "soft", 2, "samenwerking partnership samenwerkingsmogelijkheden samenwerkingsmogelijkheid partnermogelijkheden zakelijke",
      r"(?:(?:interesse in|mogelijkheden (?:voor|tot)|verkennen van|openstaan voor) (?:een )?"
      r"(?:samenwerking|partnership)|samenwerkingsmogelijkhe\w+|partnermogelijkhe\w+|zakelijke kans)"),
    P("commercial", "cta", 2, "schrijf meld aanmelden inschrijven bestel koop probeer claim klik",
      r"(?:(?:schrijf|meld) (?:je|jezelf|u) (?:nu |hier |direct |snel |gratis )?(?:in|aan)\b|"
      r"(?:aanmelden|inschrijven) (?:kan |via |op |is )|(?:probeer|claim) (?:het |hem |je |jouw |uw )?"
      r"(?:nu|vandaag|hier|direct|gratis)\b|klik (?:hier|op de link))"),
    P("commercial", "domain", 1,
      "*seo *zoekmachine *webdesign website *websites *webshop *ontwikkeling maatwerksoftware *leadgen "
      "*outsourc *nearshor *offshor detachering *verzeker *pensioen *hypothe beleggen *belegging "
      "vermogensbeheer crypto coachingstraject *coach *boekhoud administratiekantoor *virtuele "
      "cybersecurity cyber *diensten *marketing social contentcreatie *energiecontract zonnepanelen "
      "*laadpa *lease vastgoed copywriting videoproductie drukwerk bedrijfskleding *schoonmaak linkedin",
      r"(?:~seo\b|zoekmachine\w*|google ads|webdesign|website laten (?:maken|bouwen)|nieuwe website|"
      r"webshops?\b|~(?:app|software)[- ]?ontwikkeling|maatwerksoftware|leadgen\w*|outsourc\w*|nearshor\w*|"
      r"offshor\w*|detachering|~verzeker\w*|~pensioen\w*|hypothe\w*|beleggen|belegging\w*|"
      r"vermogensbeheer|crypto\w*|coachingstraject|~coach\w*|"
      r"boekhoud\w*|administratiekantoor|virtuele? assistent\w*|cyber ?security|(?:ict|it)-diensten|"
      r"~marketing\b|social media[- ]?(?:beheer|marketing)|"
      r"contentcreatie|~energiecontract\w*|zonnepanelen|~laadpa(?:al|len)\w*|~lease\w*|vastgoed|"
      r"copywriting|videoproductie|drukwerk|bedrijfskleding|~schoonmaak\w*|"
      r"linkedin[- ](?:marketing|groei|automatisering|ghostwriting))"),
    P("commercial", "bait", 1,
      "kort even snel telefonisch vrijblijvend kennismakingsgesprek kennismaking kennismakingscall "
      "belafspraak videocall teamscall zoomcall teams zoom call minuten minuutjes belletje gesprekje koffietje bakkie",
      r"(?:(?:kort|even|snel|telefonisch|vrijblijvend) (?:\w+ )?(?:gesprek(?:je)?|bellen|sparren|"
      r"(?:video)?call|kennismaken|afspraak(?:je)?|koffie(?:tje)?|bakkie)\b|kennismakings?gesprek|"
      r"kennismakingscall|belafspraak|videocall|teams-?call|zoom-?call|"
      r"(?:een|'n) (?:kort |snel )?(?:belletje|gesprekje|koffietje|bakkie))"),
    P("commercial", "bait", 1, "minuten minuutjes",
      r"\d+ (?:minuten|minuutjes)\b"),
    P("commercial", "cta", 1,
      "interesse belangstelling geinteresseerd interessant open iets",
      r"(?:(?:heb|hebt|heeft|hebben) (?:je|u|jij|jullie) (?:hier |daar |wellicht |misschien |mogelijk )?"
      r"(?:interesse|belangstelling)|(?:zou|zouden|ben|bent|is) (?:je|u|jij|jullie|dat|dit) (?:hier |daar |"
      r"daarvoor |misschien |wellicht )?(?:geinteresseerd|interessant voor (?:je|u|jullie))|interesse\?|"
      r"laat (?:het |even |gerust )?(?:me |mij )?(?:even |gerust )?weten als (?:je|u) (?:interesse|belangstelling)|"
      r"zou (?:dat|dit) (?:iets|interessant) (?:voor (?:je|u|jullie) )?(?:zijn|kunnen zijn))"),
]

# -- charitable and idealistic -------------------------------------------

_CHARITY = [
    P("charitable", "ask", 3,
      "donate donating sponsor sponsoring",
      r"(?:please|would you|could you|can you|will you|consider|want to|like to|help us by|you can|feel free to) "
      r"(?:\w+ )?(?:donate|donating|sponsor(?:ing)? (?:me|us|my|our))\b"),
    P("charitable", "ask", 3,
      "donation gift contribution gofundme justgiving crowdfunding fundraising fundraiser donate",
      r"(?:(?:make|making|give|giving) a (?:small |one-off |monthly )?(?:donation|gift|contribution)|"
      r"(?:any|every|a small) (?:donation|contribution|gift)s? (?:is|are|helps?|counts?|makes|would)|"
      r"donate (?:here|now|today|via|through|at)|donation (?:page|link)|gofundme|justgiving|"
      r"crowdfunding (?:page|campaign)|fundrais(?:ing|er) page)"),
    P("charitable", "ask", 3, "chip",
      r"chip in\b"),
    P("charitable", "ask", 3, "mee",
      r"(?:doe|doet|doen) (?:je|u|jij|jullie) (?:ook )?mee (?:met|aan) (?:een|onze|mijn) (?:donatie|gift|"
      r"bijdrage|inzamelingsactie|actie)\b"),
    P("charitable", "ask", 3, "telt helpt welkom",
      r"elke (?:euro|donatie|bijdrage|gift) (?:telt|helpt|is (?:van harte )?welkom)\b"),
    P("charitable", "context", 2, "zamelt zamelen zamelde",
      r"(?:zamelt|zamelen|zamelde|zamelden) (?:\w+ )?geld in\b"),
    P("charitable", "context", 2,
      "cause charity foundation raise raising fundraising fundraiser",
      r"(?:(?:for|support(?:ing)?|raise money for|raising money for|raising funds for) (?:a |the |our )?"
      r"(?:good cause|charity|foundation|cancer research|children in need)|(?:raise|raising) (?:money|funds)|"
      r"fundrais\w+|charity (?:run|walk|ride|event|auction|gala|dinner))"),
    P("charitable", "ask", 3,
      "steunen sponsoren helpen",
      r"(?:wil|zou|kun|kunt|wilt) (?:je|u|jij) (?:mij|me|ons|onze [\w-]+|mijn [\w-]+|het goede doel|deze actie) "
      r"(?:\w+ )?(?:steunen|sponsoren)\b"),
    P("charitable", "ask", 3,
      "doneer steun sponsor",
      r"(?:doneer|steun|sponsor) (?:mij|me|ons|nu|vandaag|via|hier|onze [\w-]+|mijn [\w-]+)\b"),
    P("charitable", "ask", 3,
      "donatie gift bijdrage elke word doneren actiepagina donatiepagina *crowdfunding whydonate "
      "doneeractie inzamelingsactie",
      r"(?:(?:kleine|eenmalige|maandelijkse|financiele) (?:donatie|gift|bijdrage)|(?:donatie|gift) "
      r"(?:is|zijn|helpt) (?:welkom|enorm|van harte)|(?:doe|geef|maak|doneer) (?:een )?(?:kleine |eenmalige )?"
      r"(?:donatie|gift)\b|elke (?:euro|donatie|bijdrage|gift) (?:telt|helpt)|word (?:donateur|vriend van)|"
      r"(?:doneren|donatie) (?:kan|via|op)\b|actiepagina|donatiepagina|crowdfunding\w*|whydonate|"
      r"doneeractie|inzamelingsactie)"),
    P("charitable", "context", 2,
      "doel doelen geld inzameling sponsorloop sponsortocht kwf alpe collecte",
      r"(?:goede doel(?:en)?|geld (?:in)?zamelen|geld ophalen|inzameling\w*|sponsorloop|sponsortocht|"
      r"kwf|alpe d'huzes|collecte)"),
]

_IDEALISTIC = [
    P("idealistic", "ask", 3,
      "sign signing share petition vote join support back become volunteer volunteering stand write",
      r"(?:(?:sign|signing|share) (?:our|the|my|this) (?:[\w-]+ ){0,3}?petition|petition (?:here|link|now)|"
      r"vote for (?:me|us|our|my)\b|(?:join|support|back) (?:our|the|my) (?:movement|campaign|cause|party|"
      r"protest|march|strike|union|initiative)\b|become a (?:member|supporter|volunteer)\b|"
      r"volunteer(?:ing)? (?:with|for) us|stand with us|write to your (?:mp|representative|councillor))"),
    P("idealistic", "ask", 3, "vote",
      r"vote (?:\w+ ){0,3}?for (?:our|my) (?:party|candidate|list)\b"),
    P("idealistic", "ask", 3, "stem",
      r"stem (?:jij|je|u|jullie) (?:[\w-]+ ){0,4}?op (?:onze|mijn|ons|de) (?:partij|lijst|kandidaat|kandidate)\b"),
    P("idealistic", "context", 1, "petition manifesto climate political social",
      r"(?:petition|manifesto|(?:climate|political|social) (?:action|justice|movement))"),
    P("idealistic", "ask", 3,
      "teken onderteken steun deel petitie stem word wordt lid sluit doe loop kom",
      r"(?:(?:teken|onderteken|steun|deel) (?:ook )?(?:onze|de|deze|mijn) petitie|(?:onze|de|deze|mijn) petitie "
      r"(?:[\w-]+ ){0,8}?(?:tekenen|ondertekenen|steunen|delen)\b|petitie (?:tekenen|"
      r"ondertekenen|steunen|via|hier)|stem (?:op|voor) (?:mij|ons|onze|mijn|lijst)\b|"
      r"(?:word|wordt) (?:ook )?(?:lid|vrijwilliger|supporter|ambassadeur)\b|lid (?:worden|te worden) van "
      r"(?:onze|de|het|ons)\b|sluit (?:je|u) (?:ook )?aan bij (?:onze|de|ons) (?:beweging|partij|actie|campagne|"
      r"vakbond|initiatief|protest|demonstratie)|(?:doe|loop|kom) (?:ook )?mee (?:met|aan) (?:onze|de) "
      r"(?:actie|mars|demonstratie|staking|protest)|steun (?:onze|ons|mijn) (?:campagne|actie|initiatief|"
      r"beweging|zaak))"),
    P("idealistic", "context", 1, "petitie manifest klimaat",
      r"(?:petitie|manifest|klimaatactie)"),
]

# -- recruitment -----------------------------------------------------------

_RECRUITMENT = [
    P("recruitment", "role", 2,
      "recruiter headhunter talent sourcer recruitment recruiting hiring headhunting search",
      r"(?:(?:i(?:'m| am)|as) (?:an? )?(?:[\w-]+ )?(?:recruiter|headhunter|talent (?:acquisition|partner|"
      r"scout|sourcer)|sourcer|recruitment consultant)|(?:i(?:'m| am)|we(?:'re| are)) (?:currently |actively )?"
      r"(?:recruiting|hiring|headhunting)\b|recruit(?:ing|ment) (?:agency|firm|partner|consultant)|"
      r"executive search)"),
    P("recruitment", "pitch", 3, "client clients behalf",
      r"(?:(?:my|our) clients?,? (?:[\w-]+,? ){0,8}?(?:is|are) (?:currently |actively )?(?:looking|searching|"
      r"hiring|seeking|recruiting)|on behalf of (?:my|our|a) client)"),
    P("recruitment", "pitch", 2,
      "opportunity opportunities role position vacancy opening job challenge career assignment",
      r"(?:exciting|interesting|great|unique|amazing|fantastic|challenging|rewarding|attractive) "
      r"(?:[\w-]+ ){0,2}?(?:opportunit(?:y|ies)|role|position|vacancy|opening|job|challenge|"
      r"career (?:move|step|opportunity)|assignment)\b"),
    P("recruitment", "pitch", 2, "have got recruiting hiring working",
      r"(?:have|got|recruiting for|hiring for|working on|filling) (?:a|an) (?:[\w-]+ ){0,3}?"
      r"(?:opportunity|role|position|vacancy|opening|assignment)\b"),
    P("recruitment", "pitch", 2,
      "opportunity opportunities role roles position positions challenge challenges career move change switch",
      r"(?:open to|interested in|considering|exploring|thinking about) (?:a |new |other |exploring )?(?:new )?"
      r"(?:opportunit(?:y|ies)|roles?|positions?|challenges?|career (?:moves?|steps?|opportunit(?:y|ies))|"
      r"a (?:move|change|switch))\b"),
    P("recruitment", "pitch", 2, "hiring looking recruiting",
      r"(?:that's|that is|who is|who are|which is|they're|they are) (?:currently |actively )?(?:hiring|"
      r"looking for|recruiting)\b"),
    P("recruitment", "fit", 2, "fit match",
      r"looks? like (?:a |an )?(?:great|good|strong|perfect|excellent|ideal) (?:fit|match)\b"),
    P("recruitment", "fit", 2,
      "profile background experience skillset skill skills cv record fit match candidate",
      r"(?:(?:your|you're|you are) (?:[\w-]+ ){0,2}?(?:profile|background|experience|skill ?set|skills|cv|"
      r"track record) (?:caught my (?:eye|attention)|stood out|stands out|looks? (?:like )?(?:a |an )?"
      r"(?:great|good|strong|perfect|excellent|ideal)|(?:is|seems|would be) (?:a )?(?:great|good|strong|"
      r"perfect|ideal) (?:fit|match)|matches|fits)|(?:perfect|great|good|strong|ideal|excellent) "
      r"(?:fit|match|candidate) for (?:a|this|the|an|my|our)\b)"),
    P("recruitment", "role", 2, "looking searching",
      r"(?:we(?:'re| are)|i(?:'m| am)) (?:currently |actively )?(?:looking|searching) for (?:a|an) "
      r"(?!(?:[\w-]+ )?(?:role|job|position|opportunity|challenge|internship|assignment)\b)(?:[\w-]+ ){0,3}?"
      r"[\w-]*?(?:engineer|developer|designer|manager|consultant|adviseur|advisor|specialist|medewerker|"
      r"analist|analyst|architect|directeur|director|lead|head|cfo|cto|ceo|coo|hoofd|scientist|accountant|"
      r"controller|marketeer|officer|owner|recruiter)s?\b"),
    P("recruitment", "bait", 1, "interested",
      r"interested\?"),
    P("recruitment", "pitch", 1, "building growing expanding scaling",
      r"(?:building out|building|growing|expanding|scaling) (?:the|our|my) (?:[\w-]+ )?team\b"),
    P("recruitment", "bait", 1, "fancy",
      r"fancy a (?:coffee|chat|call|catch-?up)\b"),
    P("recruitment", "terms", 1,
      "salary compensation base bonus ote equity benefits annum fte",
      r"(?:salary|compensation|base pay|bonus|ote|equity|benefits|per annum|fte)\b"),
    P("recruitment", "bait", 1, "chat call conversation",
      r"(?:(?:open|up) (?:to|for) (?:a )?(?:quick |short |brief |confidential |informal )?(?:chat|call|"
      r"conversation)|(?:confidential|informal|exploratory) (?:chat|call|conversation))"),
    P("recruitment", "pitch", 1, "job description spec role position",
      r"(?:job (?:description|spec)|the (?:role|position) (?:is|involves|offers|includes|requires|would))\b"),
    # Dutch
    P("recruitment", "role", 2,
      "recruiter headhunter intercedent werven collega kandidaten talent recruitment recruitmentbureau recruitmentpartner recruitmentconsultant werving wervings headhunt headhunter headhunters headhunten headhunting",
      r"(?:(?:ik ben|als) (?:[\w-]+ )?(?:recruiter|headhunter|intercedent|talent acquisition\w*|"
      r"recruitment consultant)|(?:wij|we) (?:zijn )?(?:aan het werven|op zoek naar (?:een )?(?:nieuwe )?"
      r"(?:collega|kandidaten|talent))|recruitment(?:bureau|partner|consultant)|werving (?:&|en) selectie|"
      r"wervings- en selectie\w*|headhunt\w*)"),
    P("recruitment", "pitch", 3, "opdrachtgever klant relatie namens",
      r"(?:(?:mijn|onze|een) (?:opdrachtgever|klant|relatie),? (?:[^.?!]{0,60}?,? )?(?:is (?:naarstig |"
      r"momenteel |nu )?(?:op zoek|zoekende)|zoekt|heeft een (?:[\w-]+ )?(?:vacature|functie|rol|opdracht|"
      r"positie))|namens (?:mijn|onze|een) (?:opdrachtgever|klant|relatie)|voor (?:een|mijn|onze) "
      r"(?:[\w-]+ )?(?:opdrachtgever|klant|relatie) (?:ben ik|zijn wij|zijn we|zoek ik|zoeken wij|zoeken we))"),
    P("recruitment", "pitch", 2, "zoek zoeken",
      r"voor (?:een|mijn|onze) (?:[\w-]+ ){1,4}?(?:zoek ik|zoeken wij|zoeken we|ben ik op zoek naar|"
      r"zijn wij op zoek naar|zijn we op zoek naar) (?:een|naar een) (?:[\w-]+ ){0,3}?(?:[\w-]*(?:engineer|"
      r"developer|manager|consultant|adviseur|specialist|medewerker|analist|architect|directeur|lead|head|"
      r"cfo|cto|ceo|coo|hoofd|kandida\w+|professional))\b"),
    P("recruitment", "pitch", 1, "functie rol positie",
      r"de (?:functie|rol|positie) (?:biedt|omvat|vraagt|is)\b"),
    P("recruitment", "pitch", 2,
      "vacature functie rol baan uitdaging kans positie opdracht carrierestap carrierekans job",
      r"(?:mooie|leuke|interessante|uitdagende|unieke|toffe|gave|prachtige|spannende|vaste|interim) "
      r"(?:[\w-]+ ){0,2}?(?:vacature|functie|rol|baan|uitdaging|kans|positie|opdracht|carrierestap|"
      r"carrierekans|job)\b"),
    P("recruitment", "pitch", 3, "open zoek toe klaar",
      r"(?:(?:sta|staat) (?:je|jij|u) (?:\w+ )?open voor (?:een )?(?:nieuwe |andere |volgende )?(?:uitdaging|"
      r"baan|functie|rol|carrierestap|kans|overstap|stap|job)|open voor een (?:nieuwe|andere|volgende) "
      r"(?:uitdaging|stap|baan|functie|rol)|(?:ben|bent) (?:je|jij|u) (?:\w+ )?(?:op zoek naar|toe aan|"
      r"klaar voor) (?:een )?(?:nieuwe|andere|volgende) (?:uitdaging|baan|functie|rol|stap|carrierestap))"),
    P("recruitment", "fit", 2,
      "profiel achtergrond ervaring cv loopbaan portfolio match kandidaat fit",
      r"(?:(?:je|jouw|uw) (?:[\w-]+ )?(?:profiel|achtergrond|ervaring|cv|loopbaan|portfolio) (?:sprong|springt) er "
      r"(?:direct |meteen |gelijk )?uit|"
      r"(?:je|jouw|uw) (?:[\w-]+ )?(?:profiel|achtergrond|ervaring|cv|loopbaan|portfolio) (?:sprong|springt|viel|"
      r"valt|trok) (?:me|mij|ons) (?:direct |meteen |gelijk )?(?:op|in het oog)|(?:je|jouw|uw) "
      r"(?:profiel|achtergrond|ervaring|cv) (?:[\w-]+ ){0,3}?(?:past|sluit) (?:\w+ ){0,3}?(?:aan|bij)|(?:perfecte|goede|mooie|"
      r"sterke) (?:match|kandidaat|fit) voor)"),
    P("recruitment", "role", 2, "zoek zoeken",
      r"(?:(?:wij|we|ik) (?:zijn|ben) op zoek naar|(?:wij|we|ik) (?:zoeken|zoek)(?: naar)?) (?:een )?(?:nieuwe )?"
      r"(?!(?:[\w-]+ )?(?:baan|job|functie|rol|uitdaging|stage|werkplek|opdracht)\b)(?:[\w-]+ ){0,3}?"
      r"[\w-]*?(?:engineer|developer|designer|manager|consultant|adviseur|advisor|specialist|medewerker|"
      r"analist|analyst|architect|directeur|director|lead|head|cfo|cto|ceo|coo|hoofd|scientist|accountant|"
      r"controller|marketeer|officer|owner|recruiter)s?\b"),
    P("recruitment", "bait", 1, "interesse zin lijkt",
      r"(?:interesse\?|zin in een (?:kennismaking\w*|gesprek\w*|kop koffie|koffie)|lijkt (?:dit|dat|het) "
      r"(?:je|jou|u) (?:wat|iets)\b)"),
    P("recruitment", "pitch", 3, "zoek zoeken",
      r"(?:wij|we|ik) (?:zoeken|zoek) voor (?:onze|mijn|een) (?:[\w-]+ )?(?:klant|opdrachtgever|relatie)\b"),
    P("recruitment", "terms", 1,
      "*salaris bruto arbeidsvoorwaarden leaseauto thuiswerken thuiswerk thuiswerkvergoeding thuiswerkdagen hybride fulltime parttime uur fte vast "
      "vaste dertiende bonusregeling",
      r"(?:salaris(?:indicatie|schaal|range)?\b|brutosalaris|bruto|arbeidsvoorwaarden|leaseauto|thuiswerk\w*|hybride werken|fulltime|parttime|"
      r"uur per week|fte|vast contract|vaste aanstelling|dertiende maand|bonusregeling)"),
    P("recruitment", "bait", 1, "vrijblijvend vertrouwelijk informeel kort",
      r"(?:vrijblijvend|vertrouwelijk|informeel|kort) (?:\w+ )?(?:gesprek(?:je)?|kennismaken|bellen|"
      r"koffie|sparren)"),
    P("recruitment", "pitch", 1, "vacature vacatures",
      r"vacatures?\b"),
]

# -- vetoes ----------------------------------------------------------------

_VETOES = [
    P("applicant", "applicant", 1,
      "apply applying applied cv resume application letter portfolio interested still regarding vacancy",
      r"(?:i(?:'d| would) (?:like|love) to apply|i(?:'m| am) (?:applying|writing to apply)|i (?:have |just )?"
      r"applied|(?:my|attached) (?:cv|resume|application|cover letter|portfolio)\b|i(?:'m| am) (?:very |really )?"
      r"interested in (?:the|your) (?:[\w-]+ ){0,3}?(?:position|role|vacancy|job|opening|internship|"
      r"traineeship)|is the (?:[\w-]+ ){0,3}?(?:position|role|vacancy|job|opening) still (?:open|available)|"
      r"(?:regarding|about) (?:the|your) (?:[\w-]+ ){0,3}?(?:vacancy|job (?:posting|opening|ad))|"
      r"apply for (?:the|this|your)\b)"),
    P("applicant", "applicant", 1,
      "solliciteren solliciteer sollicitatie gesolliciteerd cv motivatie motivatiebrief portfolio vacature "
      "interesse belangstelling",
      r"(?:(?:ik wil|ik zou) (?:graag )?(?:\w+ )?solliciteren|ik solliciteer|hierbij solliciteer|mijn "
      r"sollicitatie|ik heb (?:net |gisteren |vandaag )?gesolliciteerd|mijn (?:cv|motivatie(?:brief)?|portfolio)\b|"
      r"is de (?:[\w-]+ )?vacature (?:nog )?(?:open|beschikbaar|vacant)|(?:n\.?a\.?v\.?|naar aanleiding van|"
      r"reageer op|reageren op|vraag over) (?:de|uw|jullie|je|jouw) (?:[\w-]+ )?vacature|ik heb (?:interesse|"
      r"belangstelling) (?:in|voor) de (?:[\w-]+ ){0,2}?(?:functie|vacature|positie|rol|stage|baan))"),
    # Someone looking for a job themselves is not recruiting anybody.
    P("applicant", "applicant", 1, "role job position opportunity challenge internship work",
      r"(?:i(?:'m| am) (?:currently |actively )?(?:looking for|searching for|seeking) (?:a |an )?(?:new )?"
      r"(?:[\w-]+ )?(?:role|job|position|opportunity|challenge|internship)\b|open to work\b)"),
    P("applicant", "applicant", 1, "baan job functie rol uitdaging stage werkplek",
      r"ik ben (?:\w+ )?op zoek naar (?:een )?(?:nieuwe |andere )?(?:[\w-]+ )?(?:baan|job|functie|rol|uitdaging|"
      r"stage|werkplek)\b"),
    P("congratulation", "congratulation", 1,
      "congrats congratulations congratulation done happy wishes luck sorry condolences soon welcome",
      r"(?:congrat\w*|well done|happy (?:birthday|anniversary|work anniversary|new year|holidays)|"
      r"best wishes|good luck|sorry (?:for your loss|to hear)|condolences|get well soon|"
      r"welcome (?:to the team|back|aboard))"),
    P("congratulation", "congratulation", 1,
      "gefeliciteerd proficiat harte fijne succes gecondoleerd sterkte beterschap welkom",
      r"(?:gefeliciteerd|proficiat|van harte (?:gefeliciteerd|proficiat|welkom)|fijne verjaardag|"
      r"veel succes (?:met|bij|in|gewenst)|gecondoleerd|sterkte\b|beterschap|welkom (?:in het team|terug|aan boord))"),
    P("collegial", "collegial", 1,
      "team all colleague colleagues everyone meeting lunch drinks outing offsite standup stand sprint "
      "retro retrospective hands party cake see office review check look deck slides report minutes "
      "agenda notes budget planning",
      r"(?:(?:hi|hey|hello|dear) (?:team|all|colleagues?|everyone)\b|(?:team|weekly|monthly) (?:meeting|lunch|"
      r"drinks|outing|offsite)|stand-?up\b|our sprint|the sprint|retro(?:spective)?\b|all-hands|"
      r"(?:birthday|farewell|leaving|goodbye|friday|team) (?:drinks|party|lunch|cake)|see you (?:tomorrow|"
      r"monday|tuesday|wednesday|thursday|friday|at the office|in the office)\b|(?:at|in) the office\b|"
      r"(?:could|can) you (?:please )?(?:review|check|have a look at|take a look at|look at) (?:the|my|this|our)\b|"
      r"the (?:deck|slides|report|minutes|agenda|notes|budget|planning) for\b)"),
    P("collegial", "collegial", 1,
      "collega collegas *borrel teamuitje heidag personeelsfeest teamoverleg werkoverleg overleg standup "
      "stand sprint kwartaaloverleg mt afdelingsoverleg tot kantoor zaak kijken checken reviewen "
      "nakijken meelezen slides presentatie notulen agenda planning begroting",
      r"(?:(?:hoi|hi|hey|hallo|beste|dag|he|lieve) collega'?s?\b|~borrel\w*|teamuitje|heidag|personeelsfeest|"
      r"(?:het|ons|de|morgen|wekelijkse?) (?:teamoverleg|werkoverleg|overleg|stand-?up|sprint|kwartaaloverleg|"
      r"mt|afdelingsoverleg)\b|tot (?:morgen|maandag|dinsdag|woensdag|donderdag|vrijdag|straks|zo)\b|"
      r"op (?:kantoor|de zaak)\b|(?:kun|kan|wil) (?:je|jij) (?:\w+ )?(?:even |nog )?(?:kijken|checken|"
      r"reviewen|nakijken|meelezen)\b|de (?:slides|presentatie|notulen|agenda|planning|begroting) (?:voor|van)\b)"),
    P("knowledge", "knowledge", 1,
      "thought figured might useful helpful relevant here sharing attached link article paper talk slides "
      "repo recording book report study discussed mentioned promised talked question asked interesting interest",
      r"(?:(?:thought|figured) (?:this|you|that you)(?: might| would| could)? (?:find|like|enjoy|appreciate|"
      r"be (?:useful|helpful|relevant))|you might (?:find|like|enjoy)|(?:might|may|could) be (?:useful|helpful|"
      r"of interest|relevant) (?:for|to) you|(?:here(?:'s| is)|sharing) the (?:link|article|paper|talk|slides|"
      r"repo|recording|book|report|study)|interesting (?:article|read|paper|talk|podcast|book|study)|"
      r"(?:as|like) (?:we|you|i) (?:discussed|mentioned|promised|talked about)|as promised|"
      r"(?:to|in) answer (?:to )?your question|you asked (?:about|me))"),
    P("knowledge", "knowledge", 1,
      "dit deze misschien wellicht mogelijk zoals hierbij vraag vroeg dacht",
      r"(?:(?:dit|deze) (?:artikel|blog|paper|boek|podcast|video|studie|onderzoek|rapport)\b|"
      r"(?:misschien|wellicht|mogelijk) (?:handig|nuttig|leuk om te lezen) (?:voor (?:je|jou|u|jullie))?|"
      r"zoals (?:beloofd|besproken|toegezegd|afgesproken)|hierbij (?:de|het) (?:link|slides|presentatie|artikel|"
      r"rapport|document)|op je vraag|antwoord op (?:je|jouw|uw) vraag|je vroeg (?:naar|om|of)|"
      r"dacht (?:aan (?:jou|je|u)|dat (?:je|jij|u) dit))"),
    P("personal", "personal", 1,
      "mom mum dad honey sweetie darling bro sis grandma grandpa kids wife husband family dinner drinks beer weekend",
      r"(?:(?:mom|mum|dad|honey|sweetie|darling|bro|sis|grandma|grandpa)\b|(?:your|the) (?:kids|wife|husband|"
      r"family)\b|(?:dinner|drinks|beers?) (?:tonight|tomorrow|this weekend|on (?:friday|saturday|sunday))|"
      r"(?:this|next|the) weekend\b)"),
    P("personal", "personal", 1,
      "mam pap schat lieverd opa oma kinderen kids vrouw man vriendin vriend familie weekend etentje biertje",
      r"(?:(?:mam|pap|schat|lieverd|opa|oma)\b|(?:de|je|jouw) (?:kinderen|kids|vrouw|man|vriendin|vriend|"
      r"familie)\b|(?:dit|het|volgend) weekend\b|(?:etentje|biertje|borrelen) (?:vanavond|morgen|zaterdag|"
      r"zondag|vrijdag))"),
    # Asking a contact to pass a vacancy on is not outreach to that contact.
    P("referral", "referral", 1,
      "know referral referrals recommendation recommendations share forward pass",
      r"(?:know (?:anyone|someone|somebody)\b|(?:any|a) (?:referrals?|recommendations?) for|"
      r"(?:would you|could you|can you) (?:share|forward|pass)(?: this| it)? (?:with|to|on))"),
    P("referral", "referral", 1, "ken weet delen doorsturen",
      r"(?:(?:ken|weet) (?:jij|je|u) (?:iemand|mensen)\b|(?:wil|kun|kunt|zou) (?:je|jij|u) (?:dit|deze vacature) "
      r"(?:\w+ )?(?:delen|doorsturen))"),
]

# -- permission questions ------------------------------------------------

_PERMISSION = [
    P("permission", "permission", 1,
      "send share email mail forward drop pass mind ok okay alright fine open interested like permission "
      "consent accept",
      r"(?:(?:may|can|could|might) i (?:[\w-]+ ){0,2}?(?:send|share|email|e-mail|forward|drop|pass on) you "
      r"(?:[\w-]+ ){0,4}?(?:information|info|details|proposal|offer|quote|brochure|overview|deck|presentation|"
      r"materials?|pricing|one-pager|case stud(?:y|ies)|more)\b|(?:would|do) you mind if i (?:send|share|email|"
      r"contact|tell|reach)|is it (?:ok|okay|alright|all right|fine) (?:if|to|with you if) (?:i )?(?:send|share|"
      r"email|contact|reach|tell)|(?:would you|are you) (?:be )?(?:open|interested) (?:to|in) (?:receiving|receive|"
      r"hearing more about|getting|me sending)|would you like me to (?:send|share|email)|with your "
      r"(?:permission|consent)|(?:if|once) you accept (?:my|this|the) (?:invitation|invite|request|connection)|"
      r"if you(?:'re| are) (?:interested|open to it)[^.?!]{0,30}(?:i(?:'ll| will| can| could| would)|happy to) "
      r"(?:\w+ )?(?:send|share))"),
    P("permission", "permission", 1,
      "mag kan zou vind vindt bezwaar toestemming open accepteert interesse belangstelling",
      r"(?:(?:mag|kan) ik (?:je|u|jou|jullie) (?:[\w-]+ ){0,5}?(?:sturen|toesturen|mailen|e-?mailen|opsturen|"
      r"doorsturen|laten zien|voorleggen|informeren)\b|zou ik (?:je|u|jou|jullie) (?:[\w-]+ ){0,5}?(?:mogen|kunnen) "
      r"(?:sturen|toesturen|mailen|opsturen|informeren|benaderen|voorleggen)|(?:vind|vindt) (?:je|u|jij) het "
      r"(?:goed|prima|ok|oke|okay|fijn|een probleem) als ik|(?:heb|hebt|heeft) (?:je|u|jij) er (?:\w+ )?bezwaar "
      r"tegen als ik|met (?:je|uw|jouw) toestemming|(?:sta|staat) (?:je|u) open voor (?:het ontvangen van|"
      r"een voorstel|een offerte|wat informatie|meer informatie)|als (?:je|u|jij) (?:mijn|de) (?:uitnodiging|"
      r"connectieverzoek|verzoek) accepteert|als (?:je|u) (?:interesse|belangstelling) (?:hebt|heeft|hebben)"
      r"[^.?!]{0,30}(?:stuur|kan|zal|wil|mail) ik)"),
]

# -- opt-out notices -------------------------------------------------------

_OPT_OUT = [
    P("optout", "optout", 1, "stop",
      r"(?:reply|respond|text|type|answer|send|write|say)(?: with| back| me| just)? [\"']?stop\b"),
    P("optout", "optout", 1, "unsubscribe opt optout object",
      r"(?:unsubscribe|opt(?:[- ])?out\b|(?:right|entitled) to object|(?:can|may) (?:always |at any time |"
      r"also )?object\b)"),
    P("optout", "optout", 1, "again anymore more further",
      r"(?:won't|will not|wont|never|not) (?:[\w-]+ ){0,2}?(?:contact|message|email|e-mail|bother|approach|"
      r"write to|reach out to|follow up with|disturb) you (?:again|any ?more|further)"),
    P("optout", "optout", 1, "again anymore more",
      r"(?:won't|will not|wont|will never|never) (?:reach out|follow up|get in touch|write|be in touch|bother you)"
      r"(?: (?:to|with) you)? (?:again|any ?more)\b"),
    P("optout", "optout", 1, "contacted approached messaged emailed receive hear hearing",
      r"(?:don't|do not|no longer|rather not|prefer not to|not) (?:want|wish|like) (?:to )?(?:be |get )?"
      r"(?:contacted|approached|messaged|emailed|receive (?:these|such|further|more|any) (?:messages|emails|"
      r"mails)|hear(?:ing)? from me)"),
    P("optout", "optout", 1, "rather prefer",
      r"(?:rather|prefer) not (?:to )?(?:be |get )?(?:contacted|approached|messaged|hear from me|"
      r"receive|hearing from me)"),
    P("optout", "optout", 1, "list contacting messaging emailing reaching",
      r"(?:(?:remove|take) you (?:off|from) (?:my|our|the) (?:list|mailing list|database|pipeline|outreach)|"
      r"(?:i'll|i will) (?:stop|not be) (?:contacting|messaging|emailing|reaching out))"),
    P("optout", "optout", 1, "interested",
      r"not interested\?[^.!?]{0,60}(?:let me know|reply|tell me|say so|just say|drop me a)"),
    P("optout", "optout", 1, "afmelden afmelding meld schrijf uitschrijven bezwaar",
      r"(?:afmelden|afmelding|(?:meld|schrijf) (?:je|u|jezelf|uzelf) (?:dan |gerust |hier |eenvoudig )?"
      r"(?:af|uit)\b|uitschrijven|bezwaar (?:maken|tegen|aantekenen)|recht (?:op|van) bezwaar|"
      r"(?:je|u) (?:kunt|kan|mag) (?:altijd |te allen tijde |op elk moment |op ieder moment |ook )?bezwaar)"),
    P("optout", "optout", 1, "meer langer nogmaals opnieuw",
      r"niet (?:meer|langer|nogmaals|opnieuw) (?:[\w-]+ ){0,3}?(?:benaderd|gecontacteerd|gebeld|gemaild|"
      r"ge-?maild|berichten|lastig ?gevallen|gestoord|mails|ontvangen|horen)"),
    P("optout", "optout", 1, "meer",
      r"geen (?:[\w-]+ )?(?:berichten|mails|e-?mails|contact|benadering|berichtjes) meer"),
    P("optout", "optout", 1, "meer nogmaals opnieuw langer rust",
      r"(?:(?:benader|contacteer|mail|bericht|stoor|bel|app) ik (?:je|u|jou) (?:verder )?niet (?:meer|nogmaals|"
      r"opnieuw|langer)|hoor (?:je|u|jij) (?:niets|niks) meer van (?:me|mij|ons)|laat ik (?:je|u|jou) "
      r"(?:verder )?met rust)"),
    P("optout", "optout", 1, "stop",
      r"(?:antwoord|reageer|stuur|typ|zeg)(?: met| dan| gewoon| even)? [\"']?stop\b"),
    P("optout", "optout", 1, "interesse",
      r"geen interesse\?[^.!?]{0,60}(?:laat|meld|stuur|antwoord|reageer|zeg|geef)"),
    P("optout", "optout", 1, "haal verwijder",
      r"(?:haal (?:ik )?(?:je|u|jou) (?:uit|van) (?:mijn|onze|de) (?:lijst|bestand|database|mailinglijst)|"
      r"verwijder ik (?:je|u|jouw|uw) (?:gegevens|naam|contactgegevens))"),
]

# -- what the recipient wrote last --------------------------------------

_REPLY = [
    P("request", "request", 1, "send give share email mail forward",
      r"(?:send|give|share|email|e-mail|mail|forward) (?:me|us) (?:[\w-]+ ){0,3}?(?:quote|quotation|offer|"
      r"proposal|pricing|prices|price list|rates|info|information|details|brochure|deck|overview|demo|more)\b"),
    P("request", "request", 1, "could can would will",
      r"(?:could|can|would|will) you (?:please )?(?:send|share|give|email|tell|quote|show) (?:me|us)\b"),
    P("request", "request", 1, "what how",
      r"(?:what (?:are|is|would be)(?: your| the)? (?:prices?|pricing|rates?|fees?|costs?)|what (?:do you charge|"
      r"would (?:it|that|this) cost|does (?:it|that|this) cost)|how much (?:do|does|would|is|are|will|for))"),
    P("request", "request", 1, "tell more interested",
      r"(?:tell me more|more (?:info|information|details)|(?:i(?:'m| am)|we(?:'re| are)) (?:very |definitely |"
      r"quite |really |certainly )?interested\b)"),
    P("request", "request", 1, "like love appreciate",
      r"(?:i'd|i would|we'd|we would) (?:like|love|appreciate) (?:to (?:know|hear|see|receive|get|learn) )?"
      r"(?:more|a quote|an offer|a proposal|a demo|your pricing|some information|details)"),
    P("request", "request", 1, "please pls yes yeah sure ok okay go feel",
      r"(?:(?:please|pls) (?:send|share|tell)|(?:yes|yeah|sure|ok|okay),? (?:please|go ahead|send|sure|i'd like|"
      r"i would|that would)|go ahead\b|feel free\b)"),
    P("request", "request", 1, "offer charge sell looking need provide have do",
      r"(?:what do you (?:offer|charge|sell)|do you (?:offer|have|sell|do|provide) (?:\w+ )?(?:a |an |any )?"
      r"(?:[\w-]+ )?(?:service|package|product|solution|plan|discount|option)s?\b|(?:looking for|in need of|"
      r"need) (?:a |an )?(?:quote|supplier|provider|vendor|agency|proposal))"),
    P("request", "request", 1, "stuur mail stuurt mailt",
      r"(?:stuur|mail|stuurt|mailt)(?: je| u)? (?:me|mij|ons) (?:[\w-]+ ){0,3}?(?:offerte|aanbieding|voorstel|"
      r"informatie|info|prijzen|tarieven|details|brochure|prijsopgave|prijslijst|meer)\b"),
    P("request", "request", 1, "kun kunt kan zou wil wilt",
      r"(?:kun|kunt|kan|zou|wil|wilt) (?:je|u|jij) (?:me|mij|ons) (?:[\w-]+ ){0,4}?(?:offerte|voorstel|informatie|"
      r"info|prijzen|tarieven|details|prijsopgave|aanbod|brochure)"),
    P("request", "request", 1, "wat meer vertel",
      r"(?:wat (?:kost|kosten|zijn (?:je|jullie|uw|de) (?:tarieven|prijzen|kosten))|meer (?:informatie|info|"
      r"details)\b|vertel (?:me |eens |mij )?(?:meer|eens))"),
    P("request", "request", 1, "interesse belangstelling geinteresseerd benieuwd",
      r"(?:(?:ik heb|wij hebben|we hebben|heb ik) (?:wel |zeker |best )?(?:interesse|belangstelling)|"
      r"(?:ik ben|wij zijn|we zijn) (?:wel |zeker |erg |heel )?(?:geinteresseerd|benieuwd))"),
    P("request", "request", 1, "graag ja jazeker prima goed oke ok stuur",
      r"(?:graag (?:een |meer |wat |uw |je )?(?:offerte|informatie|info|voorstel|details|prijsopgave|demo)|"
      r"(?:ja|jazeker|prima|goed|oke|ok),? (?:graag|prima|stuur maar|is goed|hoor|ga je gang|doe maar|stuur)|"
      r"stuur (?:maar|gerust|het maar)\b)"),
    P("request", "request", 1, "wat prijsopgave offerte zoek behoefte",
      r"(?:wat (?:bieden|doen|leveren|kosten) (?:jullie|u|jij|je)|prijsopgave|offerte (?:aanvragen|ontvangen)|"
      r"(?:op zoek naar|behoefte aan) (?:een )?(?:offerte|leverancier|aanbieder|partij|bureau|voorstel))"),
    P("refusal", "refusal", 1,
      "interested thank thanks please stop unsubscribe remove contact message email send now moment need "
      "set good covered already",
      r"(?:not (?:\w+ )?interested|no,? thank|no thanks|please (?:stop|don't|do not|remove)|stop (?:messaging|"
      r"contacting|sending|emailing)|unsubscribe|remove me|(?:don't|do not) (?:contact|message|email|send)|"
      r"not (?:right )?now|not at (?:this|the) moment|no need|we(?:'re| are) (?:all )?(?:set|good|covered)|"
      r"already have (?:a|an)\b)"),
    P("refusal", "refusal", 1, "geen niet nee stop liever hoeft hebben nodig moment even",
      r"(?:geen (?:\w+ )?(?:interesse|behoefte|belangstelling)|niet (?:\w+ )?geinteresseerd|nee,? (?:dank|"
      r"bedankt|hoor|dankje)|niet (?:meer )?(?:benaderen|mailen|sturen|contacteren|berichten)|stop (?:met|"
      r"alsjeblieft|aub)|liever niet|hoeft niet|(?:wij|we) hebben (?:al )?(?:een|iemand)\b|niet nodig|"
      r"op dit moment niet|nu even niet)"),
]

del P


def _group_end(regex: str, i: int) -> tuple[list[str], int]:
    """The alternatives of the group ``(?:...)`` opening at ``i``, and the index after its ``)``."""
    depth, j, in_class, cuts = 0, i, False, []
    while j < len(regex):
        c = regex[j]
        if c == "\\":
            j += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                break
        elif c == "|" and depth == 1:
            cuts.append(j)
        j += 1
    bounds = [i + 3, *(c + 1 for c in cuts)]
    ends = [*cuts, j]
    return [regex[lo:hi] for lo, hi in zip(bounds, ends)], j + 1


_LITERAL = frozenset(string.ascii_lowercase + string.digits + " '-")
_QUANTIFIERS = ("?", "*", "+", "{")
# A class of word separators, not optional: the word before it is whole ("limited[- ]time").
_SEPARATOR_CLASS = re.compile(r"\[[ '-]+\](?![?*+{])")
# Literal punctuation that ends a word in a pattern ("interesse?" is written "interesse\\?").
_PUNCTUATION = frozenset(",:;%/!\"&")
# Words too common to gate a piece on their own: such a piece also needs one
# of its pattern's trigger words.
_COMMON = frozenset("""
a an and are as at be but can could do for have i if in is it me my not of on or our so that the this to
we will with would you your
de een en het ik je jij jou jouw u uw wij we van voor met niet dat die dit op te naar om ook maar als
bent ben ben heb hebt heeft kan kun kunt wil wilt zou mag bij nog wel geen mijn onze ons jullie zijn er
""".split())
_MAX_PIECES = 128
# Words that occur in most messages of their language: poor keys for a gate.
_FREQUENT = _COMMON | frozenset("""
a about all an and any are as at be been but can could do for from has have hello hi how i if in is it just
know like me more my not of on or our so some that the their there they this to very was we were what when
which who will with would you your
aan als ben bent dan dat de deze die dit dus een en er gaat geen had heb hebt heeft het hier hij hoe ik in is
je jij jou jouw jullie kan kun kunt maar me mee met mij mijn mooi naar niet nog nu of om onze ook op over te
u uw van voor waar wat we wel wij wil wilt zal ze zich zijn zo zou
""".split())
# A word with more groups than this gets its groups indexed by their rarest word.
_FEW_GROUPS = 4


def _class_led(piece: str) -> str:
    """The same pattern with a leading ``\\d+`` or ``\\d{1,2}`` as ``\\d\\d*`` / ``\\d\\d?``."""
    if piece.startswith("\\d+"):
        return "\\d\\d*" + piece[3:]
    if piece.startswith("\\d{1,2}"):
        return "\\d\\d?" + piece[7:]
    return piece


_LITERAL_RUN = re.compile(r"[a-z0-9 '-]*")


def _literal_start(piece: str) -> str:
    """The literal text every match of ``piece`` starts with (read as ``_pieces`` reads it)."""
    i = _LITERAL_RUN.match(piece).end()  # type: ignore[union-attr]
    if piece[i:i + 1] in _QUANTIFIERS and i > 0:
        i -= 1  # the last literal is optional
    return piece[:i]


_FROZENSETS: dict[frozenset[str], frozenset[str]] = {}


def _interned(words: frozenset[str]) -> frozenset[str]:
    """One object per distinct word set (thousands of pieces need the same few: memory)."""
    return _FROZENSETS.setdefault(words, words)


def _rarity(word: str) -> tuple[bool, int, str]:
    """Order words by how rarely they occur: infrequent first, then longer (then by spelling)."""
    return word not in _FREQUENT, len(word), word


def _pieces(regex: str) -> list[tuple[str, tuple[str, ...]]]:
    """Split a pattern into pieces that start with as long a literal as possible.

    ``re`` finds a pattern fast only when it starts with a literal: it jumps
    from one occurrence of that literal to the next. A leading alternation
    makes it try every branch at every position, a hundred times slower.
    So ``(?:we|i) help (?:companies|brands)`` becomes four pieces
    (``we help companies`` ...), and each piece also yields the *words*
    every match must contain ({"we", "help", "companies"}): the piece is
    searched only when the text has all of them.
    """
    out: list[tuple[str, tuple[str, ...]]] = []
    todo = [(regex, 0)]
    while todo:
        rx, i = todo.pop()
        while i < len(rx) and rx[i] in _LITERAL:
            i += 1
        if i < len(rx) and rx[i] == "?" and i > 0 and rx[i - 1].isalnum() and rx[i + 1:i + 2] not in ("?", "+") \
                and len(out) + len(todo) < _MAX_PIECES:
            # "services?": one piece with the letter, one without
            todo.append((rx[:i - 1] + rx[i + 1:], i - 1))
            todo.append((rx[:i] + rx[i + 1:], i - 1))
            continue
        if i < len(rx) and rx[i] in "?*+{" and i > 0:
            i -= 1  # the last literal is optional: it is not part of the prefix
        enough = len(re.findall(r"[a-z0-9]+[ '-]", rx[:i])) >= 2  # two words: selective enough
        if rx.startswith("(?:", i) and not enough and len(out) + len(todo) < _MAX_PIECES:
            alts, j = _group_end(rx, i)
            quantifier = rx[j:j + 1]
            if quantifier == "?" and rx[j + 1:j + 2] not in ("?", "+"):
                alts, j = alts + [""], j + 1
                quantifier = ""
            if quantifier not in ("*", "+", "{", "?"):
                for alt in reversed(alts):
                    todo.append((rx[:i] + alt + rx[j:], i))
                continue
        prefix = rx[:i]
        tokens = re.split(r"[ '-]+", prefix)
        nxt, after = rx[i:i + 1], rx[i + 1:i + 2]
        if i == len(rx) and prefix[-1:].isalnum():
            rx += "\\b"  # a pattern ending in a word means that whole word
        elif not (prefix.endswith((" ", "'", "-")) or rx.startswith("\\b", i)
                  or (nxt == "\\" and after and not after.isalnum() and rx[i + 2:i + 3] not in _QUANTIFIERS)
                  or (nxt and nxt in _PUNCTUATION and after not in _QUANTIFIERS)
                  or _SEPARATOR_CLASS.match(rx, i)):  # "limited[- ]time": the word ends there
            tokens = tokens[:-1]  # the last word may go on ("service" of "services?")
        out.append((rx, tuple(t for t in tokens if t)))
    return out


class _Bank:
    """Patterns searched only when the words they need occur in the text.

    Each pattern is split into pieces (see ``_pieces``). A piece whose
    literal start names words is searched only when the text has all of
    them; a piece that names none (a Dutch compound, a price) is searched
    when one of its pattern's trigger words or substrings occurs.
    """

    def __init__(self, patterns: Iterable[_Pattern]):
        self.patterns = tuple(patterns)
        # word -> ((pattern index, compiled piece, other words needed), ...)
        by_word: dict[str, list[tuple[int, re.Pattern[str], frozenset[str]]]] = {}
        # pieces listed under several words (their words are all common), by
        # (id of the compiled piece, pattern index): hashing a compiled
        # pattern hashes its whole code
        shared: set[tuple[int, int]] = set()
        # pieces that name no words, by pattern
        self.loose: list[tuple[tuple[re.Pattern[str], bool], ...]] = []
        by_trigger: dict[str, list[int]] = {}
        self.by_sub: list[tuple[str, int]] = []
        self.always: list[int] = []
        for i, p in enumerate(self.patterns):
            loose: list[tuple[re.Pattern[str], bool]] = []
            for piece, needed in _pieces(p.rx.pattern):
                is_infix = piece.startswith("~")
                piece = piece.lstrip("~")
                if needed and not is_infix and set(needed) <= _COMMON and p.words and not p.subs:
                    # Only common words ("we are"): listed under the pattern's
                    # trigger words instead, which are rarer.
                    compiled = re.compile(piece)
                    shared.add((id(compiled), i))
                    rest = _interned(frozenset(needed))
                    for key in p.words:
                        by_word.setdefault(key, []).append((i, compiled, rest))
                elif needed and not is_infix:
                    key = max(needed, key=len)
                    by_word.setdefault(key, []).append((i, re.compile(piece), _interned(frozenset(needed) - {key})))
                else:
                    loose.append((re.compile(_class_led(piece)), is_infix))
            self.loose.append(tuple(loose))
            if loose:
                if not p.words and not p.subs:
                    raise ValueError(f"pattern piece needs trigger words: {p.rx.pattern}")
                for w in p.words:
                    by_trigger.setdefault(w, []).append(i)
                for s in p.subs:
                    if s:
                        self.by_sub.append((s, i))
                    else:
                        self.always.append(i)
        self.by_word = {w: tuple(v) for w, v in by_word.items()}
        self.words_vocabulary = frozenset(by_word)
        self.by_trigger = {w: tuple(v) for w, v in by_trigger.items()}
        self.trigger_vocabulary = frozenset(by_trigger)
        self._gates = self._build_gates(shared)
        self._loose_all = tuple(range(len(self.patterns)))
        # Substrings that can occur in ASCII text (not "€").
        self._by_sub_ascii = [(sub, i) for sub, i in self.by_sub if sub.isascii()]
        # Loose pieces that start with a number ("\\d+ dagen gratis") have no
        # literal for ``re`` to skip to; ``_class_led`` writes them so that
        # they start with a character class, which ``re`` skips to almost as
        # fast. For ASCII text (where "\\d", "\\w" and "\\b" mean the same)
        # an ASCII-only twin is faster still; compiled when first needed.
        self._ascii_twin: dict[re.Pattern[str], re.Pattern[str] | None] = {
            rx: None for pieces in self.loose for rx, _ in pieces
            if rx.pattern.startswith("\\d") and "\\s" not in rx.pattern and "\\S" not in rx.pattern}
        # The first three fields of each pattern's signals.
        self._heads = tuple((p.cat, p.group, p.weight) for p in self.patterns)

    def _build_gates(self, shared: set[tuple[int, int]]) -> dict[str, Any]:
        # What ``_find`` walks, per word: groups of pieces with the same
        # other words and the same literal start (``_literal_start``). A group
        # is searched only when the text has those words and contains that
        # start (the words side by side). A word with many groups indexes
        # them once more by their rarest other word, so only groups whose
        # rarest word occurs are looked at. Pieces listed under several
        # words are marked: they are searched once however many of their
        # words occur.
        Group = tuple[frozenset[str], str, tuple[Any, ...], bool]
        gates: dict[str, tuple[tuple[Group, ...], dict[str, tuple[Group, ...]], frozenset[str]]] = {}
        piece_ids = {key: n for n, key in enumerate(shared)}
        starts: dict[int, str] = {}
        for w, entries in self.by_word.items():
            grouped: dict[tuple[frozenset[str], str, bool], list[Any]] = {}
            seen: set[tuple[int, int]] = set()
            for i, rx, rest in entries:
                key = (id(rx), i)
                if key in seen:
                    continue
                seen.add(key)
                start = starts.get(key[0])
                if start is None:
                    start = starts[key[0]] = _literal_start(rx.pattern)
                if key in shared:
                    # as (number, piece) pairs, deduplicated by the number
                    grouped.setdefault((rest, start, True), []).append((piece_ids[key], (rx, i)))
                else:
                    grouped.setdefault((rest, start, False), []).append((rx, i))
            if len(grouped) <= _FEW_GROUPS or sum(1 for r, _, _ in grouped if r) <= _FEW_GROUPS:
                gates[w] = (tuple((r, st, tuple(v), sh) for (r, st, sh), v in grouped.items()), {}, frozenset())
                continue
            plain: list[Group] = []
            sub: dict[str, list[Group]] = {}
            for (rest, start, sh), v in grouped.items():
                if rest:
                    k = max(rest, key=_rarity)
                    sub.setdefault(k, []).append((_interned(rest - {k}), start, tuple(v), sh))
                else:
                    plain.append((rest, start, tuple(v), sh))
            gates[w] = (tuple(plain), {k: tuple(v) for k, v in sub.items()}, frozenset(sub))
        return gates

    def run(self, low: str, words: frozenset[str], *, gated: bool = True) -> list[tuple[_Pattern, int, int]]:
        """``(pattern, start, end)`` of each pattern's first match (a pattern counts once).

        Of two pieces of one pattern that match at the same place, the longer
        match is quoted. ``gated=False`` searches every piece: the tests
        compare both ways to prove that the word gates never hide a match.
        """
        patterns = self.patterns
        return [(patterns[i], s, e) for i, (s, e) in self._find(low, words, gated).items()]

    def signals(self, src: str, low: str, words: frozenset[str]) -> list[Signal]:
        """``run`` as ``Signal`` s quoted from ``src``."""
        heads = self._heads
        return [_new_tuple(Signal, heads[i] + (src[s:e], s, e)) for i, (s, e) in self._find(low, words).items()]

    def _find(self, low: str, words: frozenset[str], gated: bool = True) -> dict[int, tuple[int, int]]:
        """Pattern index -> ``(start, end)`` of its first match."""
        best: dict[int, tuple[int, int]] = {}
        if gated:
            gates = self._gates
            pieces: list[tuple[re.Pattern[str], int]] = []
            add = pieces.extend
            once: dict[int, tuple[re.Pattern[str], int]] = {}
            for w in self.words_vocabulary.intersection(words):
                groups, sub, keys = gates[w]
                for rest, start, ps, several in groups:
                    if rest <= words and start in low:
                        if several:
                            once.update(ps)
                        else:
                            add(ps)
                if keys:
                    for k in keys.intersection(words):
                        for rest, start, ps, several in sub[k]:
                            if rest <= words and start in low:
                                if several:
                                    once.update(ps)
                                else:
                                    add(ps)
            if once:
                add(once.values())
            loose: Iterable[int] = ()
            trig = self.trigger_vocabulary.intersection(words)
            if trig or self.always or self.by_sub:
                lset = set(self.always)
                for w in trig:
                    lset.update(self.by_trigger[w])
                for sub, i in self._by_sub_ascii if low.isascii() else self.by_sub:
                    if sub in low:
                        lset.add(i)
                loose = lset
        else:
            pieces = list(dict.fromkeys((rx, i) for v in self.by_word.values() for i, rx, _ in v))
            loose = self._loose_all
        for rx, i in pieces:
            m = rx.search(low)
            if m is None:
                continue
            s = m.start()
            # Pieces start with a literal so ``re`` can skip ahead; the
            # word boundary before the match is checked here instead.
            while s and low[s - 1].isalnum() and low[s].isalnum():
                m = rx.search(low, s + 1)
                if m is None:
                    break
                s = m.start()
            else:
                old = best.get(i)
                if old is None or s < old[0] or (s == old[0] and m.end() > old[1]):
                    best[i] = (s, m.end())
        twins = self._ascii_twin if gated and low.isascii() else {}
        for i in loose:
            for rx, infix in self.loose[i]:
                if twins and rx in twins:
                    twin = twins[rx]
                    if twin is None:
                        twin = twins[rx] = re.compile(rx.pattern, re.ASCII)
                    rx = twin
                m = rx.search(low)
                while m is not None:
                    s = m.start()
                    if infix:
                        while s and low[s - 1].isalnum():  # quote the whole compound word
                            s -= 1
                    elif s and low[s - 1].isalnum() and low[s].isalnum():
                        m = rx.search(low, s + 1)
                        continue
                    old = best.get(i)
                    if old is None or s < old[0] or (s == old[0] and m.end() > old[1]):
                        best[i] = (s, m.end())
                    break
        return best


_CORE_BANK = _Bank([p for p in _COMMERCIAL_EN + _COMMERCIAL_NL if p.group != "domain"]
                   + _CHARITY + _IDEALISTIC + _RECRUITMENT + _OPT_OUT)
# Industry words matter only for the cold-call shape; searched only then.
_DOMAIN_BANK = _Bank(p for p in _COMMERCIAL_EN + _COMMERCIAL_NL if p.group == "domain")
_VETO_BANK = _Bank(_VETOES)
_RECRUITMENT_VETO_BANK = _Bank(p for p in _VETOES if p.cat in ("applicant", "referral"))
_PERMISSION_BANK = _Bank(_PERMISSION)
_REPLY_BANK = _Bank(_REPLY)

# -- language ---------------------------------------------------------------

# Function words that occur in one language only (not "is", "we", "in", "me",
# "of", "was", "hi": both languages use those).
_NL_WORDS = frozenset("""
de het een en ik je jij jou jouw uw wij van voor met niet dat die dit op te naar om ook maar wat hoe
graag bent heb hebt heeft kan kun kunt wil wilt zou mag bij nog wel geen mijn onze ons jullie hallo
hoi groet groeten bedankt dank zijn er hier daar kunnen willen hebben gaat zal zullen moet moeten
eens even echt goed mooi leuk beste vriendelijke groetjes wij zij hun deze waar wanneer omdat dus
""".split())
_EN_WORDS = frozenset("""
the a an and i you your our are for with not that this on to at would could can will have has be my
hello thanks thank regards if it do just know about from as but what how there their they been were
should sure great love like looking forward who which when because so any some all more very
""".split())
_FORMAL_NL = frozenset({"u", "uw", "uzelf"})


# --------------------------------------------------------------------------
# Result
# --------------------------------------------------------------------------


class Signal(NamedTuple):
    """One phrase that counted: what it was evidence of, and where."""

    category: str  # commercial, charitable, idealistic, recruitment, a veto kind, permission, optout, ...
    group: str
    weight: int
    phrase: str  # as written in the text (line breaks included)
    start: int
    end: int


class Analysis(NamedTuple):
    """What a message is, with the phrases that say so."""

    language: Language
    formal: bool  # Dutch text that addresses the reader as "u"
    scores: dict[str, int]  # commercial / charitable / idealistic / recruitment
    bar: int  # the score a category needed (raised by vetoes)
    solicitation: Solicitation | None
    evidence: tuple[Signal, ...]  # why it is a solicitation (empty when it is not)
    recruitment: bool
    recruitment_evidence: tuple[Signal, ...]
    permission_only: bool  # only asks permission to send an offer
    requested: bool  # the recipient's last message asked for an offer, a quote or information
    # personal, collegial, applicant, knowledge-sharing, congratulations; looked
    # for only when a score reached BAR (below it a veto changes nothing)
    vetoes: tuple[Signal, ...]
    has_opt_out: bool
    opt_out: Signal | None
    signals: tuple[Signal, ...]  # every phrase found in the message, in text order

    @property
    def commercial_score(self) -> int:
        return self.scores["commercial"]

    @property
    def unsolicited(self) -> bool:
        """A solicitation nobody asked for and that is not a mere permission question (LG201)."""
        return self.solicitation is not None and not self.permission_only and not self.requested

    @property
    def direct_marketing(self) -> bool:
        """Marketing or recruitment outreach that owes an opt-out notice on first contact (LG202)."""
        if self.requested:
            return False
        return self.recruitment or (self.solicitation is not None and not self.permission_only)

    def marketing_evidence(self) -> tuple[Signal, ...]:
        if self.solicitation is not None and not self.permission_only:
            return self.evidence
        return self.recruitment_evidence


def _score(signals: Iterable[Signal]) -> tuple[int, dict[str, int]]:
    """Sum of weights per group, each weak group capped."""
    groups: dict[str, int] = {}
    if not signals:
        return 0, groups
    for s in signals:
        g = s[1]
        groups[g] = groups.get(g, 0) + s[2]
    total = 0
    for g, v in groups.items():
        cap = _CAPS.get(g)
        total += v if cap is None or v < cap else cap
    return total, groups


def _top(signals: list[Signal]) -> tuple[Signal, ...]:
    """The strongest phrases first, at most MAX_EVIDENCE, then back in text order."""
    best = sorted(signals, key=_strength)[:MAX_EVIDENCE] if len(signals) > MAX_EVIDENCE else signals
    return tuple(sorted(best, key=_start_then_strength))


def _strength(s: Signal) -> tuple[int, int]:
    return -s[2], s[4]


def _start(s: Signal) -> int:
    return s[4]


def _start_then_strength(s: Signal) -> tuple[int, int]:
    return s[4], -s[2]


_new_tuple = tuple.__new__


def _by_category(signals: list[Signal]) -> dict[str, list[Signal]]:
    by_cat: dict[str, list[Signal]] = {}
    for s in signals:
        cat = s[0]
        if cat in by_cat:
            by_cat[cat].append(s)
        else:
            by_cat[cat] = [s]
    return by_cat


def _words(low: str) -> frozenset[str]:
    if low.isascii():
        return frozenset(low.encode("ascii").translate(_ASCII_PUNCT_TO_SPACE).decode("ascii").split())
    return frozenset(low.translate(_PUNCT_TO_SPACE).split())


@lru_cache(maxsize=512)
def analyse(text: str, last_from_recipient: str | None = None, default_language: Language = "en") -> Analysis:
    """Judge one message. ``default_language`` decides only when the text itself does not.

    Vetoes, permission questions, industry words and the recipient's last
    message are looked at only when they can change the verdict (a veto
    can only lower a score that reached the bar), which keeps the common
    case — an ordinary message — cheap.
    """
    src, low = _normalise(text)
    words = _words(low)

    nl, en = len(words & _NL_WORDS), len(words & _EN_WORDS)
    language: Language = "nl" if nl > en else "en" if en > nl else default_language
    formal = language == "nl" and not words.isdisjoint(_FORMAL_NL)

    signals = _CORE_BANK.signals(src, low, words)
    by_cat = _by_category(signals)
    get = by_cat.get

    rec_score, rec_groups = _score(get("recruitment", ()))
    rec_candidate = rec_score >= BAR and not rec_groups.keys().isdisjoint(("role", "pitch", "fit"))
    com_all = get("commercial", ())
    com_score, com_groups = _score(com_all)
    cha_score, cha_groups = _score(get("charitable", ()))
    ide_score, ide_groups = _score(get("idealistic", ()))
    # Vetoes can only pull a score that reached BAR back under BAR + VETO_RAISE;
    # applicants and referrals also decide whether recruitment is outreach.
    undecided = (BAR <= com_score < BAR + VETO_RAISE or BAR <= cha_score < BAR + VETO_RAISE
                 or BAR <= ide_score < BAR + VETO_RAISE)
    extra = (_VETO_BANK.signals(src, low, words) if undecided
             else _RECRUITMENT_VETO_BANK.signals(src, low, words) if rec_candidate else None)
    vetoes: tuple[Signal, ...] = ()
    if extra:
        # Their categories are not the core bank's: appended, the core lists stay as they are.
        signals += extra
        for sig in extra:
            by_cat.setdefault(sig[0], []).append(sig)
        vetoes = tuple(sig for k in VETO_KINDS for sig in get(k, ()))
    bar = BAR + (VETO_RAISE if vetoes else 0)

    # Recruitment first: it decides which commercial words count.
    recruitment = rec_candidate and "applicant" not in by_cat and "referral" not in by_cat
    if recruitment:
        com_signals = [sig for sig in com_all if sig[1] not in _SHARED_WITH_RECRUITERS]
        com_score, com_groups = _score(com_signals)
    else:
        com_signals = list(com_all)  # the score above is its score
    commercial = False
    if com_score >= bar:
        substance = 0
        for g, v in com_groups.items():
            if g in _SUBSTANCE:
                substance += min(v, _CAPS.get(g, v))
        commercial = substance >= 2
    if (not commercial and not recruitment and "cold" in com_groups
            and ("bait" in com_groups or "cta" in com_groups)):
        # The cold-call shape: opener + bait + an industry word.
        domain = _DOMAIN_BANK.signals(src, low, words)[:1]
        if domain:
            signals += domain
            com_signals += domain
            com_score, com_groups = _score(com_signals)
            commercial = com_score >= bar

    scores = {"commercial": com_score, "recruitment": rec_score, "charitable": cha_score, "idealistic": ide_score}
    candidates: list[tuple[int, str, list[Signal]]] = []
    if commercial:
        candidates.append((com_score, "commercial", com_signals))
    if cha_score >= bar and "ask" in cha_groups:
        candidates.append((cha_score, "charitable", by_cat["charitable"]))
    if ide_score >= bar and "ask" in ide_groups:
        candidates.append((ide_score, "idealistic", by_cat["idealistic"]))
    solicitation: Solicitation | None = None
    evidence: tuple[Signal, ...] = ()
    if candidates:
        # The strongest kind names the message; commercial wins a tie (the
        # anti-spam article treats all three alike, the wording differs).
        _, kind, kind_signals = (candidates[0] if len(candidates) == 1
                                 else max(candidates, key=lambda c: (c[0], c[1] == "commercial")))
        solicitation = kind  # type: ignore[assignment]
        evidence = _top(kind_signals)

    permission_only = False
    if solicitation == "commercial" and not any(sig[1] in _HARD_SELL for sig in com_signals):
        permission = _PERMISSION_BANK.signals(src, low, words)
        signals += permission
        permission_only = bool(permission)

    requested = False
    if last_from_recipient and (solicitation is not None or recruitment):
        _, reply_low = _normalise(last_from_recipient)
        reply_heads = _REPLY_BANK._heads
        reply_cats = {reply_heads[i][0] for i in _REPLY_BANK._find(reply_low, _words(reply_low))}
        requested = "request" in reply_cats and "refusal" not in reply_cats

    opt_out_signals = get("optout", ())
    signals.sort(key=_start)
    return Analysis(
        language=language,
        formal=formal,
        scores=scores,
        bar=bar,
        solicitation=solicitation,
        evidence=evidence,
        recruitment=recruitment,
        recruitment_evidence=_top(by_cat["recruitment"]) if recruitment else (),
        permission_only=permission_only,
        requested=requested,
        vetoes=vetoes,
        has_opt_out=bool(opt_out_signals),
        opt_out=opt_out_signals[0] if opt_out_signals else None,
        signals=tuple(signals),
    )


def detect_language(text: str, default: Language = "en") -> Language:
    return analyse(text, None, default).language


# --------------------------------------------------------------------------
# The notice LG202 offers to append
# --------------------------------------------------------------------------

_NOTICES = {
    "en": "Not interested? You can object to messages like this at any time: "
          "reply \"stop\" and I won't contact you again.",
    "nl": "Geen interesse? Je kunt altijd bezwaar maken tegen dit soort berichten: "
          "antwoord \"stop\" en ik benader je niet meer.",
    "nl-formal": "Geen interesse? U kunt altijd bezwaar maken tegen dit soort berichten: "
                 "antwoord \"stop\" en ik benader u niet meer.",
    # For LinkedIn's invitation notes, which hold 300 characters at most.
    "en-short": "Not interested? Reply \"stop\" and I won't contact you again.",
    "nl-short": "Geen interesse? Antwoord \"stop\" en ik benader je niet meer.",
    "nl-formal-short": "Geen interesse? Antwoord \"stop\" en ik benader u niet meer.",
}


def opt_out_notice(lang: str, formal: bool = False, short: bool = False) -> str:
    """A notice of the right to object (GDPR art. 21(4)) in ``nl`` or ``en``.

    ``formal``: Dutch "u" instead of "je". ``short``: without naming the
    right, for places where every character counts.
    """
    key = "nl-formal" if lang == "nl" and formal else "nl" if lang == "nl" else "en"
    return _NOTICES[key + "-short" if short else key]


def _self_check() -> None:
    # The notices we offer must count as opt-outs, or the fix would not
    # silence the warning it fixes.
    for notice in _NOTICES.values():
        if not analyse(notice).has_opt_out:  # pragma: no cover - caught at import
            raise AssertionError(f"notice not recognised as an opt-out: {notice}")


_self_check()
