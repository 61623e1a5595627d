"""Loose but predictable comparison of names, companies, titles and profile URLs.

Page text and settings are typed by different people: "Acme Data B.V." in a
contract, "ACME data" in a headline, "Zoë" with or without the diaeresis. The
rules compare through these helpers so every rule agrees on what "the same"
means. All of them are pure and cheap (they run on the typing path).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit

_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w&]+")

# Legal-form suffixes that do not make a company different. Dutch, English,
# German, French, Belgian and Scandinavian forms, as people write them in
# headlines. Compared after folding and punctuation removal ("b.v." -> "b v").
_LEGAL_SUFFIXES = {
    ("bv",), ("b", "v"), ("nv",), ("n", "v"), ("vof",), ("v", "o", "f"), ("cv",),
    ("ltd",), ("limited",), ("llc",), ("l", "l", "c"), ("inc",), ("incorporated",),
    ("corp",), ("corporation",), ("co",), ("company",), ("plc",), ("llp",), ("lp",),
    ("gmbh",), ("ag",), ("kg",), ("se",), ("sa",), ("sarl",), ("sas",), ("srl",),
    ("bvba",), ("ab",), ("as",), ("oy",), ("holding",), ("group",), ("groep",),
    # Dutch cooperatives: "Zuivel Coöperatie U.A." (also W.A., B.A.).
    ("u", "a"), ("ua",), ("w", "a"), ("b", "a"),
}
_MAX_SUFFIX = max(len(s) for s in _LEGAL_SUFFIXES)


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Case-, accent- and whitespace-insensitive form: ``" Zoë  de Vries"`` -> ``"zoe de vries"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE.sub(" ", stripped.casefold()).strip()


@lru_cache(maxsize=4096)
def company_key(name: str) -> str:
    """A company name without punctuation and legal suffixes.

    ``"Acme Data B.V."``, ``"ACME Data"`` and ``"Acme Data BV"`` share the key
    ``"acme data"``. Only trailing suffixes are dropped, so ``"Group Acme"``
    keeps its first word.
    """
    words = [w for w in _NON_WORD.sub(" ", fold(name).replace("&", " & ")).split() if w]
    words = ["and" if w == "&" else w for w in words]
    changed = True
    while changed and len(words) > 1:
        changed = False
        for n in range(min(_MAX_SUFFIX, len(words) - 1), 0, -1):
            if tuple(words[-n:]) in _LEGAL_SUFFIXES:
                del words[-n:]
                changed = True
                break
    return " ".join(words)


def same_company(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    ka, kb = company_key(a), company_key(b)
    return bool(ka) and ka == kb


def same_text(a: str | None, b: str | None) -> bool:
    """Equal after folding (titles, names)."""
    if a is None or b is None:
        return False
    fa = fold(a)
    return bool(fa) and fa == fold(b)


def profile_key(url: str | None) -> str | None:
    """``https://www.linkedin.com/in/Jan-de-Vries/?trk=x`` -> ``/in/jan-de-vries``."""
    if not url:
        return None
    try:
        path = urlsplit(url.strip()).path if "://" in url else url.strip().split("?")[0]
    except ValueError:
        return None
    path = path.rstrip("/").lower()
    match = re.search(r"/(in|company|school|pub)/([^/]+)", path)
    if match:
        return f"/{match.group(1)}/{match.group(2)}"
    return path or None


# "Account manager at Acme", "Consultant bij Acme B.V. | Speaker", "CTO @ Acme".
_HEADLINE_COMPANY = re.compile(r"(?:^|\s)(?:at|bij|@|chez|bei)\s+(.+)$", re.IGNORECASE)
_HEADLINE_CUT = re.compile(r"\s*(?:\||·|•|,|;| - | – | — |\(|/ )")


def company_from_headline(headline: str | None) -> str | None:
    """The employer named in a headline of the form "X at/bij Y", if any."""
    if not headline:
        return None
    match = _HEADLINE_COMPANY.search(_HEADLINE_CUT.split(headline, maxsplit=1)[0]) or \
        _HEADLINE_COMPANY.search(headline)
    if not match:
        return None
    company = _HEADLINE_CUT.split(match.group(1), maxsplit=1)[0].strip(" .")
    return company or None


def join_names(names: list[str], lang: str, limit: int = 5) -> str:
    """``["A", "B", "C"]`` -> ``"A, B and C"`` (``"A, B en C"`` in Dutch); long lists cut."""
    word = "en" if lang == "nl" else "and"
    more = "meer" if lang == "nl" else "more"
    shown = names[:limit]
    rest = len(names) - len(shown)
    if rest > 0:
        return f"{', '.join(shown)} {word} {rest} {more}"
    if len(shown) <= 1:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} {word} {shown[-1]}"


# --------------------------------------------------------------------------
# Additions for LG101/LG301/LG401 (additive; the helpers above are unchanged)
# --------------------------------------------------------------------------

_TITLE_NOISE = re.compile(r"[\W_]+")


@lru_cache(maxsize=4096)
def title_key(title: str) -> str:
    """A job title without case, accents, punctuation and spaces.

    Dutch writes "accountmanager" and "account manager" for the same job, and
    "Sr. Developer" is "Sr Developer": none of that is a different title.
    """
    return _TITLE_NOISE.sub("", fold(title))


def same_title(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    ka = title_key(a)
    return bool(ka) and ka == title_key(b)


# Company names people give for "no employer": self-employment, freelance
# work and career breaks. Compared as company_key().
_NOT_AN_EMPLOYER = frozenset({
    "self employed", "selfemployed", "self employment", "freelance", "freelancer",
    "freelance professional", "independent", "independent consultant", "zzp", "zzp er",
    "zzper", "zelfstandig", "zelfstandige", "zelfstandig ondernemer",
    "zelfstandige zonder personeel", "eigen bedrijf", "eigen onderneming",
    "career break", "loopbaanonderbreking", "sabbatical", "open to work",
    "looking for new opportunities", "werkzoekend", "beschikbaar",
})


def not_an_employer(company: str | None) -> bool:
    """True for "Self-employed", "Freelance", "ZZP'er", "Career break" and the like."""
    if not company:
        return True
    return company_key(company) in _NOT_AN_EMPLOYER


@lru_cache(maxsize=64)
def _fold_with_map(text: str) -> tuple[str, tuple[int, ...] | None]:
    """Fold ``text``, remembering where each folded char came from.

    ``None`` as the map means "position for position": the common case of
    plain ASCII text, where folding is lower-casing. Cached because one
    evaluation looks for several names in the same post text.
    """
    if text.isascii():
        return text.lower(), None
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        if char.isascii():
            folded = char.lower()
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        out.append(folded)
        where.extend([i] * len(folded))
    return "".join(out), tuple(where)


def find_phrase(text: str, phrase: str) -> tuple[int, int] | None:
    """Where ``phrase`` stands in ``text`` as whole words, ignoring case, accents
    and punctuation between the words; the span is in the original ``text``.

    ``find_phrase("Met Zoë de  Vries!", "zoe de vries")`` -> ``(4, 17)``.
    """
    words = re.findall(r"\w+", fold(phrase))
    if not words or not text:
        return None
    pattern = r"(?<!\w)" + r"\W+".join(re.escape(w) for w in words) + r"(?!\w)"
    folded, where = _fold_with_map(text)
    match = re.search(pattern, folded)
    if not match:
        return None
    if where is None:
        return match.span()
    return where[match.start()], where[match.end() - 1] + 1
