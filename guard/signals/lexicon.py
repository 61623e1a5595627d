"""The pattern files: one per language, written for people, compiled for speed.

Each file in ``patterns/`` (``nl.md``, ``en.md``, ``de.md``, ``fr.md``,
``es.md``, and ``shared.md`` for cues every language shares) is Markdown:

    ## offer
    Prose explaining the signal (ignored by the guard).

    - our services
    - we/i help ... companies/businesses
    - free trial*

A ``## name`` heading starts a signal; every ``- `` line under it is one
phrase. ``## common words`` lists the language's everyday words (several
per line), which language identification counts. A line starting with
``- regex:`` is a Python regular expression on the folded text (for
programmers; the shared prices and links use it).

Phrase syntax (see ``patterns/README.md`` for examples):

* words separated by spaces match the same words separated by any spaces,
  punctuation, line breaks, bullets or emoji; capitals and accents do not
  matter;
* ``word*`` — any ending (``dienst*``: dienst, diensten, dienstverlening);
  ``*word`` — any beginning, for compounds (``*korting``: vroegboekkorting);
  at least three letters next to the star;
* ``a/b/c`` — any one of these words;
* ``[word]`` or ``[a/b]`` — the word may be left out;
* ``...`` — up to five other words;
* ``#`` — a number.

Speed: a phrase is tried only when the message contains its *key*, the
rarest required word of the phrase (or, for a starred word, a word starting
or ending with the stem), so an ordinary message runs a handful of regular
expressions. Each is compiled the first time it is needed: loading the
files costs a few milliseconds at start-up, not the hundreds compiling
every phrase would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Iterable

from guard.signals.text import fold

LANGUAGES = ("nl", "en", "de", "fr", "es")
SHARED = "shared"
COMMON_WORDS = "common words"

_WORD = r"[a-z0-9'%$]+"
_MIN_STEM = 3


class PatternError(ValueError):
    """A pattern file line the loader cannot read; names the file and line."""


@dataclass(slots=True)
class Phrase:
    feature: str
    lang: str
    source: str  # as written in the file
    where: str  # "nl.md:42"
    regex: str
    starts_with_word: bool
    _rx: re.Pattern[str] | None = None

    def search(self, low: str) -> tuple[int, int] | None:
        rx = self._rx
        if rx is None:
            rx = self._rx = re.compile(self.regex)
        pos = 0
        while True:
            m = rx.search(low, pos)
            if m is None:
                return None
            s = m.start()
            # The word boundary before the match is checked here: a leading
            # look-behind would stop ``re`` from skipping to the first literal.
            if self.starts_with_word and s and (low[s - 1].isalnum() or low[s - 1] in "'%$"):
                pos = s + 1
                continue
            return s, m.end()


def _token_regex(tok: str, where: str) -> tuple[str, list[tuple[str, str]]]:
    """One word of a phrase as a regex, and its keys: ("word", w) / ("prefix", stem) / ("suffix", stem)."""
    alts, keys = [], []
    for alt in tok.split("/"):
        if alt == "#":
            alts.append(r"\d+")
            keys.append(("digit", ""))
            continue
        head, tail = alt.startswith("*"), alt.endswith("*") and len(alt) > 1
        stem = fold(alt.strip("*")).strip()
        if not re.fullmatch(r"[a-z0-9'%$]+", stem):
            raise PatternError(f"{where}: {alt!r} is not one word (write 'e mail', not 'e-mail'; "
                               "letters, digits, ' % $ and a leading or trailing * only)")
        if (head or tail) and len(stem) < _MIN_STEM:
            raise PatternError(f"{where}: {alt!r}: at least {_MIN_STEM} letters next to a star")
        rx = ("[a-z0-9]*" if head else "") + re.escape(stem) + ("[a-z0-9]*" if tail else "")
        alts.append(rx)
        keys.append(("infix" if head and tail else "suffix" if head else "prefix" if tail else "word", stem))
    return (alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"), keys


def compile_phrase(source: str, feature: str, lang: str, where: str) -> tuple[Phrase, list[tuple[str, str]]]:
    """A phrase as a ``Phrase`` and the keys it is filed under."""
    tokens = source.split()
    if not tokens:
        raise PatternError(f"{where}: empty phrase")
    parts: list[str] = []
    required: list[list[tuple[str, str]]] = []
    starts_with_word = True
    sep = ""  # what goes before the next word: nothing at the start, else one or more spaces
    for n, tok in enumerate(tokens):
        if tok == "...":
            if n == 0 or n == len(tokens) - 1:
                raise PatternError(f"{where}: a phrase cannot start or end with ...")
            parts.append(f"(?: +{_WORD}){{0,5}}")
            continue
        if tok == "%":
            parts.append(" *%")  # "30%" and "30 %"
            sep = " +"
            continue
        optional = tok.startswith("[") and tok.endswith("]")
        body = tok[1:-1] if optional else tok
        if not body or "" in body.split("/"):
            raise PatternError(f"{where}: empty word in {tok!r}")
        rx, keys = _token_regex(body, where)
        if n == 0:
            starts_with_word = not optional and all(k in ("word", "prefix", "digit") for k, _ in keys)
        if optional and n == 0:
            parts.append(f"(?:{rx} +)?")
            sep = ""
        else:
            parts.append(f"(?:{sep}{rx})?" if optional else f"{sep}{rx}")
            sep = " +"
        if not optional:
            required.append(keys)
    if not required:
        raise PatternError(f"{where}: every word of {source!r} is optional")
    if tokens[0].startswith("["):
        # an optional first word: check the boundary inside the regex instead
        parts[0] = "(?<![a-z0-9'%$])" + parts[0]
    regex = "".join(parts) + r"(?![a-z0-9'])"
    return Phrase(feature, lang, source, where, regex, starts_with_word), _best_keys(required)


def _best_keys(required: list[list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """The keys of the most selective required word: plain words beat stems, longer beats shorter."""
    def rank(keys: list[tuple[str, str]]) -> tuple[int, int, int]:
        kinds = {k for k, _ in keys}
        plain = 0 if kinds == {"word"} else 1 if "digit" not in kinds and "infix" not in kinds else 2
        return plain, len(keys), -min(len(s) for _, s in keys)
    return min(required, key=rank)


@dataclass
class PatternFile:
    lang: str
    phrases: list[Phrase] = field(default_factory=list)
    keys: list[list[tuple[str, str]]] = field(default_factory=list)
    common_words: frozenset[str] = frozenset()
    features: dict[str, str] = field(default_factory=dict)  # feature -> its prose


def parse_file(lang: str, text: str, name: str | None = None) -> PatternFile:
    name = name or f"{lang}.md"
    out = PatternFile(lang)
    feature: str | None = None
    common: set[str] = set()
    prose: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        where = f"{name}:{number}"
        stripped = line.strip()
        if stripped.startswith("## "):
            if feature and feature != COMMON_WORDS:
                out.features[feature] = " ".join(prose).strip()
            feature, prose = stripped[3:].strip().lower(), []
            continue
        if stripped.startswith("# ") or not stripped:
            continue
        if not stripped.startswith("- "):
            prose.append(stripped)
            continue
        if feature is None:
            raise PatternError(f"{where}: a phrase before the first ## heading")
        item = stripped[2:].strip().strip("`")
        if feature == COMMON_WORDS:
            common.update(fold(item).split())
        elif item.startswith("regex:"):
            regex = item[len("regex:"):].strip()
            try:
                re.compile(regex)
            except re.error as err:
                raise PatternError(f"{where}: bad regex: {err}") from err
            lit = re.match(r"[a-z0-9%']+", regex)
            key = lit.group(0) if lit else ""
            if key and regex[len(key):len(key) + 1] in ("?", "*", "{"):
                key = key[:-1]  # the last letter is optional
            out.phrases.append(Phrase(feature, lang, item, where, regex, False))
            out.keys.append([("infix", key)] if key else [("always", "")])
        else:
            phrase, keys = compile_phrase(item, feature, lang, where)
            out.phrases.append(phrase)
            out.keys.append(keys)
    if feature and feature != COMMON_WORDS:
        out.features[feature] = " ".join(prose).strip()
    out.common_words = frozenset(common)
    return out


def load(lang: str) -> PatternFile:
    text = resources.files("guard.signals.patterns").joinpath(f"{lang}.md").read_text(encoding="utf-8")
    return parse_file(lang, text)


class Bank:
    """Every phrase of every file, filed under its key for a quick look-up per message."""

    def __init__(self, files: Iterable[PatternFile]):
        self.phrases: list[Phrase] = []
        by_word: dict[str, list[int]] = {}
        by_prefix: dict[str, list[tuple[str, int]]] = {}
        by_suffix: dict[str, list[tuple[str, int]]] = {}
        self.infix: list[tuple[str, int]] = []
        self.digit: list[int] = []
        self.always: list[int] = []
        for f in files:
            for phrase, keys in zip(f.phrases, f.keys):
                i = len(self.phrases)
                self.phrases.append(phrase)
                for kind, stem in keys:
                    if kind == "word":
                        by_word.setdefault(stem, []).append(i)
                    elif kind == "prefix":
                        by_prefix.setdefault(stem[:_MIN_STEM], []).append((stem, i))
                    elif kind == "suffix":
                        by_suffix.setdefault(stem[-_MIN_STEM:], []).append((stem, i))
                    elif kind == "infix":
                        self.infix.append((stem, i))
                    elif kind == "digit":
                        self.digit.append(i)
                    else:
                        self.always.append(i)
        self.by_word = {w: tuple(v) for w, v in by_word.items()}
        self.by_prefix = {k: tuple(v) for k, v in by_prefix.items()}
        self.by_suffix = {k: tuple(v) for k, v in by_suffix.items()}
        self.vocabulary = frozenset(self.by_word)

    def candidates(self, low: str, words: frozenset[str]) -> set[int]:
        """Indexes of the phrases whose key occurs in the message."""
        found: set[int] = set(self.always)
        by_word = self.by_word
        for w in self.vocabulary.intersection(words):
            found.update(by_word[w])
        pre, suf = self.by_prefix, self.by_suffix
        for w in words:
            if len(w) >= _MIN_STEM:
                lst = pre.get(w[:_MIN_STEM])
                if lst is not None:
                    for stem, i in lst:
                        if w.startswith(stem):
                            found.add(i)
                lst = suf.get(w[-_MIN_STEM:])
                if lst is not None:
                    for stem, i in lst:
                        if w.endswith(stem):
                            found.add(i)
        for stem, i in self.infix:
            if stem in low:
                found.add(i)
        if self.digit and any(c.isdigit() for c in low):
            found.update(self.digit)
        return found
