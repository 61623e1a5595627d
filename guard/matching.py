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
