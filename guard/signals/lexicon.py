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
* ``#`` — a number;
* ``$`` — a currency sign (any: the text folds them to "$"), with the amount glued to it or not.

Speed: a phrase is tried only when the message contains its *key*, the
rarest required word of the phrase (or, for a starred word, a word starting
or ending with the stem), so an ordinary message runs a handful of regular
expressions. Each is compiled the first time it is needed: loading the
files costs a few milliseconds at start-up, not the hundreds compiling
every phrase would. Per set of languages and signals, every word a message
brings is classified once (which phrases it keys) and remembered
(``Bank.to_try``); a phrase whose first word is a choice ("we/i help") or a
number is searched per choice, or only where digits are (``Phrase.first``),
because ``re`` walks such a pattern through every position of the text.
``Bank.candidates`` and ``Phrase.search`` are the plain forms of both, and
``tests/signals/test_fast_matching.py`` keeps the fast forms equal to them.

Typing changes a message at one place, mostly its end, on every keystroke:
``Bank.spans`` works a text out from the most alike text it matched before
(``_Index.spans``: only phrases whose match could start in a window of
words before the change are searched again, only from there), and
``Bank.spans_reference`` is its plain form, from scratch;
``tests/signals/test_keystroke_matching.py`` types corpus messages
keystroke by keystroke and holds every keystroke to it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import re._constants as _sre_constants
import re._parser as _sre_parse
import tempfile
import threading
from bisect import bisect_left
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable

from guard.signals.text import fold

LANGUAGES = ("nl", "en", "de", "fr", "es")
SHARED = "shared"
# An opt-out notice is looked for in every language's words, whatever the
# message's language: missing one would wrongly say the notice is absent, and
# people mix ("Not interested? Reply 'stop' en je hoort niets meer van ons").
ANY_LANGUAGE_SIGNALS = frozenset({"opt_out"})
ANY = "*"
COMMON_WORDS = "common words"

_WORD = r"[a-z0-9'%$]+"
_DIGIT = re.compile(r"\d")
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
    # Plain words every match contains, and groups of which one must occur:
    # checked against the message's word set before the regex runs.
    needs: frozenset[str] = frozenset()
    one_of: tuple[frozenset[str], ...] = ()
    _rx: re.Pattern[str] | None = None
    _anchor: tuple[tuple[str, ...], bool] | bool | None = None  # see ``first``

    def possible(self, words: frozenset[str]) -> bool:
        if not self.needs <= words:
            return False
        for group in self.one_of:
            if group.isdisjoint(words):
                return False
        return True

    def search(self, low: str, pos: int = 0) -> tuple[int, int] | None:
        """The first match in the folded text that starts at ``pos`` or later (the reference; ``first`` is
        the same, faster). Look-behinds and the word-boundary check still see the text before ``pos``."""
        rx = self._rx
        if rx is None:
            rx = self._rx = re.compile(self.regex)
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

    def first(self, scan: "Scan", pos: int = 0) -> tuple[int, int] | None:
        """What ``search`` returns (from ``pos``), without letting ``re`` try every position of the text.

        ``re`` finds a literal beginning quickly ("special offer") but walks a
        pattern that starts with a choice or a number ("we/i help", "#
        minute demo", ``\\d+ ?k``) through every position of the text. So a
        phrase whose first word is a choice is searched one choice at a time
        (each with a literal beginning; a choice whose word the message lacks
        is skipped), and a number is tried only where a digit is
        (``_anchor_of``). The leftmost match wins, on a tie the earlier
        choice, as in the one regex.
        """
        anchor = self._anchor
        if anchor is None:
            anchor = self._anchor = _anchor_of(self)
        if anchor is False:
            return self.search(scan.low, pos)
        low = scan.low
        if anchor[0] is _AT_LITERALS:
            find = anchor[1].search
            match = self._rx.match  # type: ignore[union-attr]
            m = find(low, pos)
            while m is not None:
                i = m.start()
                got = match(low, i)
                if got is not None and not (self.starts_with_word and i and (low[i - 1].isalnum()
                                                                            or low[i - 1] in "'%$")):
                    return i, got.end()
                m = find(low, i + 1)
            return None
        if anchor[0] is _AT_DIGITS:
            match = self._rx.match  # type: ignore[union-attr]
            at = scan.digits(pos)[self.starts_with_word]
            if pos:
                at = at[bisect_left(at, pos):]
            for i in at:
                m = match(low, i)
                if m is not None:
                    return i, m.end()
            return None
        best = None
        heads = None if pos else scan.heads  # a short rest of the text is searched without the check
        for choice in anchor:
            word, rx, digit = choice
            if word is not None and heads is not None and word not in heads:
                continue
            if rx.__class__ is str:  # compiled when first needed: most choices never are
                rx = choice[1] = re.compile(rx)
            if digit:
                match = rx.match
                span = None
                at = scan.digits(pos)[True]
                if pos:
                    at = at[bisect_left(at, pos):]
                for i in at:
                    if best is not None and i >= best[0]:
                        break
                    m = match(low, i)
                    if m is not None:
                        span = i, m.end()
                        break
            else:
                span = _search_at_word(rx, low, pos)
            if span is not None and (best is None or span[0] < best[0]):
                best = span
        return best


def _search_at_word(rx: re.Pattern[str], low: str, pos: int = 0) -> tuple[int, int] | None:
    while True:
        m = rx.search(low, pos)
        if m is None:
            return None
        s = m.start()
        if s and low[s - 1] != " ":  # the folded text has letters, digits, ' % $ and spaces only
            pos = s + 1
            continue
        return s, m.end()



def _parsed_regex(phrase: Phrase) -> list | None:
    """A ``regex:`` line's parsed items (``re``'s own parser), or None: not a regex line, or flags we do not read."""
    if not phrase.source.startswith("regex:"):
        return None
    try:
        parsed = _sre_parse.parse(phrase.regex)
    except re.error:
        return None
    if parsed.state.flags & ~re.UNICODE:
        return None
    return list(parsed.data)


def _add_span(got: list[tuple[int, int]], span: tuple[int, int]) -> None:
    """One more place for a signal that has some: overlapping phrases quote the longer one."""
    for k, (s, e) in enumerate(got):
        if s < span[1] and span[0] < e:
            if span[1] - span[0] > e - s:
                got[k] = span
            return
    got.append(span)

class Scan:
    """One folded message as ``Phrase.first`` reads it (made once per message).

    ``tail=True``: for searches from a position only (the incremental
    matching), which skip the first-word check, so ``heads`` is not worked
    out until ``whole`` is called.
    """

    __slots__ = ("low", "words", "heads", "_digits", "_from")

    def __init__(self, low: str, words: frozenset[str], tail: bool = False):
        self.low = low
        self.words = words
        # What a phrase's first word can be (see ``_anchor_of``): a word of the
        # text, or the part of one before a "%" or "$" ("30" in "30%").
        self.heads: frozenset[str] | set[str] | None = None if tail else _heads_of(low, words)
        self._digits: tuple[list[int], list[int]] | None = None
        self._from = 0

    def whole(self) -> "Scan":
        """Ready for searches from the start too."""
        if self.heads is None:
            self.heads = _heads_of(self.low, self.words)
        return self

    def digits(self, pos: int = 0) -> tuple[list[int], list[int]]:
        """Where a digit is, and where a word starts with one: at ``pos`` or later (and maybe before)."""
        got = self._digits
        if got is None or pos < self._from:
            base = pos - 1  # the character before ``pos`` says whether a digit at ``pos`` starts a word
            mask = ((" " + self.low) if pos == 0 else self.low[base:]).encode("ascii").translate(_DIGIT_MASK)
            anywhere: list[int] = []
            at_word: list[int] = []
            i = mask.find(b"0", 1)  # digits "0", spaces " ", the rest "x"
            while i >= 0:
                anywhere.append(base + i)
                if mask[i - 1] == 32:
                    at_word.append(base + i)
                i = mask.find(b"0", i + 1)
            got = self._digits = (anywhere, at_word)
            self._from = pos
        return got


def _heads_of(low: str, words: frozenset[str]) -> frozenset[str] | set[str]:
    return words if "%" not in low and "$" not in low else words | _heads(low)


def _heads(low: str) -> set[str]:
    out = set()
    for sign in "%$":
        i = low.find(sign)
        while i >= 0:
            start = low.rfind(" ", 0, i) + 1
            if "%" not in low[start:i] and "$" not in low[start:i]:
                out.add(low[start:i])
            i = low.find(sign, i + 1)
    return out


_DIGIT_MASK = bytes(48 if 48 <= b <= 57 else 32 if b == 32 else 120 for b in range(256))
_AT_DIGITS = "digits"
_AT_LITERALS = "literals"


def _anchor_of(phrase: Phrase) -> tuple | bool:
    """How ``Phrase.first`` looks for the phrase; False: with ``search``.

    * A phrase written in the pattern syntax whose first word is a choice
      (``we/i``, ``#/one``): per choice, [the word, or None for a ``word*``
      or ``#``; the regex with only that choice first (its text until first
      used); whether it is ``#``].
      A match starts at a word start with one of the choices, and a plain
      word there is followed by a space, ``%``, ``$`` or the end
      (``compile_phrase``: every later part begins with a space or
      ``" *%"``, the closing look-ahead refuses letters, digits and ``'``),
      so in a text without ``%`` and ``$`` the word is one of its words.
    * A ``regex:`` line whose parsed form can only begin with a digit:
      (``_AT_DIGITS``,): tried where a digit is.
    * A ``regex:`` line whose match must begin with one of some texts
      (``_literal_starts``: "instead of", "van " after a ``\\b``):
      (``_AT_LITERALS``, those texts as one alternation): tried where one is.

    The phrase's own regex is compiled when ``first`` or ``Bank.spans`` will use it.
    """
    anchor = _plan(phrase)
    if (anchor is False or anchor[0] is _AT_DIGITS or anchor[0] is _AT_LITERALS) and phrase._rx is None:
        phrase._rx = re.compile(phrase.regex)
    return anchor


def _plan(phrase: Phrase) -> tuple | bool:
    if phrase.starts_with_word:
        first = phrase.source.split()[0]
        choices = first.split("/")
        if len(choices) == 1 and first != "#":
            return False
        if first == "%" or first.startswith("[") or any(c.startswith("*") for c in choices):
            return False
        alts = [_alt_regex(c, phrase.where)[0] for c in choices]
        head = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if not phrase.regex.startswith(head):
            return False
        rest = phrase.regex[len(head):]
        if len(choices) == 1:  # "#": a number first
            return ([None, phrase.regex, True],)
        out = []
        for choice, rx in zip(choices, alts):
            word = None if choice.endswith("*") or choice == "#" else fold(choice).strip()
            if word is not None and ("%" in word or "$" in word):
                word = None  # "50%" before another "%" is not a word of the text: always searched
            out.append([word, rx + rest, choice == "#"])
        return tuple(out)
    parsed = _parsed_regex(phrase)
    if parsed is None:
        return False
    got = _starts(parsed)
    if got is not None and not got[0] and got[1]:
        return (_AT_DIGITS,)
    texts = _literal_starts(phrase)
    if texts:
        return (_AT_LITERALS, re.compile("|".join(map(re.escape, sorted(texts)))))
    return False


_LITERAL, _IN, _BRANCH, _SUBPATTERN = _sre_constants.LITERAL, _sre_constants.IN, _sre_constants.BRANCH, \
    _sre_constants.SUBPATTERN
_REPEATS = (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT, _sre_constants.POSSESSIVE_REPEAT)
_DIGIT_CLASS = [(_sre_constants.CATEGORY, _sre_constants.CATEGORY_DIGIT)]


def _starts(items: list) -> tuple[set[str], bool] | None:
    """(literal beginnings, a digit may begin) of a parsed pattern; None when unknown."""
    prefix = []
    for op, av in items:
        if op is _LITERAL:
            prefix.append(chr(av))
            continue
        if prefix:
            return {"".join(prefix)}, False
        if op is _SUBPATTERN and av[1] == 0 and av[2] == 0:
            return _starts(list(av[3].data))
        if op is _BRANCH:
            lits: set[str] = set()
            digit = False
            for alt in av[1]:
                got = _starts(list(alt.data))
                if got is None:
                    return None
                lits |= got[0]
                digit = digit or got[1]
            return lits, digit
        if op is _IN:
            if av == _DIGIT_CLASS:
                return set(), True
            if all(o is _LITERAL for o, _ in av):
                return {chr(c) for _, c in av}, False
            return None
        if op in _REPEATS and av[0] >= 1:
            return _starts(list(av[2].data))
        return None
    return ({"".join(prefix)}, False) if prefix else None


def _alt_regex(alt: str, where: str) -> tuple[str, tuple[str, str]]:
    """One choice of a phrase word as a regex, and its key: ("word", w) / ("prefix", stem) / ... / ("digit", "")."""
    if alt == "#":
        return r"\d+", ("digit", "")
    head, tail = alt.startswith("*"), alt.endswith("*") and len(alt) > 1
    stem = fold(alt.strip("*")).strip()
    if not re.fullmatch(r"[a-z0-9'%$]+", stem):
        raise PatternError(f"{where}: {alt!r} is not one word (write 'e mail', not 'e-mail'; "
                           "letters, digits, ' % $ and a leading or trailing * only)")
    if (head or tail) and len(stem) < _MIN_STEM:
        raise PatternError(f"{where}: {alt!r}: at least {_MIN_STEM} letters next to a star")
    if stem == "$" and not (head or tail):
        # A currency sign (folded to "$") stands before the amount in English and Spanish,
        # glued to it: "from £49" folds to "from $49", one word. So ``$`` takes the digits that
        # follow it, and its key is any word holding a "$".
        return r"\$\d*", ("infix", "$")
    rx = ("[a-z0-9]*" if head else "") + re.escape(stem) + ("[a-z0-9]*" if tail else "")
    return rx, ("infix" if head and tail else "suffix" if head else "prefix" if tail else "word", stem)


def _token_regex(tok: str, where: str) -> tuple[str, list[tuple[str, str]]]:
    """One word of a phrase as a regex, and its keys: ("word", w) / ("prefix", stem) / ("suffix", stem)."""
    alts, keys = [], []
    for alt in tok.split("/"):
        rx, key = _alt_regex(alt, where)
        alts.append(rx)
        keys.append(key)
    return (alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"), keys


def compile_phrase(source: str, feature: str, lang: str, where: str
                   ) -> tuple[Phrase, list[list[tuple[str, str]]]]:
    """A phrase as a ``Phrase``, and the keys of each of its required words (``Bank`` picks one)."""
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
    needs: set[str] = set()
    one_of: list[frozenset[str]] = []
    for keys in required:
        if all(kind == "word" for kind, _ in keys):
            stems = frozenset(stem for _, stem in keys)
            if len(stems) == 1:
                needs |= stems
            else:
                one_of.append(stems)
    phrase = Phrase(feature, lang, source, where, regex, starts_with_word, frozenset(needs), tuple(one_of))
    return phrase, required


def _best_keys(required: list[list[tuple[str, str]]], frequent: frozenset[str] = frozenset()
               ) -> list[tuple[str, str]]:
    """The keys of the most selective required word.

    A phrase is tried only when its key occurs, so the key should be rare:
    everyday words ("our", "wij", "the") and short words make poor keys, a
    plain word beats a stem, a stem beats a number.
    """
    def cost(keys: list[tuple[str, str]]) -> tuple[float, int]:
        total = 0.0
        for kind, stem in keys:
            if kind == "digit":
                total += 50
            elif kind == "infix":
                total += 20
            elif stem in frequent:
                total += 100
            elif len(stem) <= 3:
                total += 10 + (5 if kind != "word" else 0)
            else:
                total += 1 + (1 if kind != "word" else 0)
        return total, -min(len(s) for _, s in keys)
    return min(required, key=cost)


@dataclass
class PatternFile:
    lang: str
    phrases: list[Phrase] = field(default_factory=list)
    keys: list[list[list[tuple[str, str]]]] = field(default_factory=list)  # per phrase, per required word
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
            if key:
                keys = [("infix", key)]
            elif regex.startswith("\\d"):
                keys = [("digit", "")]  # tried only when the message has a digit
            elif regex.startswith("\\$"):
                keys = [("infix", "$")]
            else:
                keys = [("always", "")]
            out.phrases.append(Phrase(feature, lang, item, where, regex, False))
            out.keys.append([keys])
        else:
            phrase, keys = compile_phrase(item, feature, lang, where)
            out.phrases.append(phrase)
            out.keys.append(keys)
    if feature and feature != COMMON_WORDS:
        out.features[feature] = " ".join(prose).strip()
    out.common_words = frozenset(common)
    return out


def _source(lang: str) -> str:
    return resources.files("guard.signals.patterns").joinpath(f"{lang}.md").read_text(encoding="utf-8")


def load(lang: str) -> PatternFile:
    return parse_file(lang, _source(lang))


# --------------------------------------------------------------------------
# The compiled twin: patterns/compiled.json
# --------------------------------------------------------------------------
# Compiling ~2,000 phrases takes a good part of a second, too slow for the
# native host's start. ``compiled.json`` holds the result together with a
# hash of every pattern file; it is used only while the hashes match, so an
# edited pattern file is never shadowed by a stale twin (the guard then
# compiles at start-up, and ``python -m guard.signals`` or
# ``scripts/fit_weights.py`` writes a fresh twin; a test checks the shipped
# one is fresh).

COMPILED = "compiled.json"
ALL_FILES = (*LANGUAGES, SHARED)


def _digest(sources: dict[str, str]) -> str:
    h = hashlib.sha256()
    for lang in ALL_FILES:
        h.update(lang.encode() + b"\0" + sources[lang].encode("utf-8") + b"\0")
    h.update(_COMPILER_VERSION.encode())
    return h.hexdigest()


# Bumped when the compiler's output changes for the same pattern files.
_COMPILER_VERSION = "3"


@dataclass
class Loaded:
    files: dict[str, PatternFile]  # without phrases when read from the twin
    bank: Bank
    fresh_twin: bool


def load_all() -> Loaded:
    sources = {lang: _source(lang) for lang in ALL_FILES}
    digest = _digest(sources)
    try:
        raw = resources.files("guard.signals.patterns").joinpath(COMPILED).read_bytes()
        data = json.loads(raw)
    except (OSError, ValueError):
        data = None
    if isinstance(data, dict) and data.get("digest") == digest:
        files = {lang: PatternFile(lang, common_words=frozenset(f["common"]), features=dict(f["features"]))
                 for lang, f in data["files"].items()}
        phrases = [Phrase(feat, lang, src, where, rx, bool(sw), frozenset(needs), tuple(frozenset(g) for g in one))
                   for feat, lang, src, where, rx, sw, needs, one in data["phrases"]]
        keys = [[(k, v) for k, v in chosen] for chosen in data["keys"]]
        return Loaded(files, Bank(phrases, keys), True)
    files = {lang: parse_file(lang, sources[lang]) for lang in ALL_FILES}
    return Loaded(files, Bank.from_files(files.values()), False)


def compiled_twin() -> tuple[str, str]:
    """(file name, JSON text) of the compiled twin for the pattern files as they are now."""
    sources = {lang: _source(lang) for lang in ALL_FILES}
    files = {lang: parse_file(lang, sources[lang]) for lang in ALL_FILES}
    bank = Bank.from_files(files.values())
    data = {
        "about": "Generated from the *.md pattern files by python -m guard.signals; do not edit.",
        "digest": _digest(sources),
        "files": {lang: {"common": sorted(f.common_words), "features": f.features} for lang, f in files.items()},
        "phrases": [[p.feature, p.lang, p.source, p.where, p.regex, p.starts_with_word, sorted(p.needs),
                     [sorted(g) for g in p.one_of]] for p in bank.phrases],
        "keys": [[list(k) for k in chosen] for chosen in bank.keys],
    }
    return COMPILED, json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_twin(directory: Path | None = None) -> Path:
    """Write ``compiled.json`` next to the pattern files (atomically)."""
    name, text = compiled_twin()
    directory = directory or Path(__file__).resolve().parent / "patterns"
    target = directory / name
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".compiled-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)
    return target


class Bank:
    """Every phrase of every file, filed under its key for a quick look-up per message."""

    def __init__(self, phrases: list[Phrase], keys: list[list[tuple[str, str]]]):
        self.phrases = phrases
        self.keys = keys
        by_word: dict[str, list[int]] = {}
        by_prefix: dict[str, list[tuple[str, int]]] = {}
        by_suffix: dict[str, list[tuple[str, int]]] = {}
        self.infix: list[tuple[str, int]] = []
        self.digit: list[int] = []
        self.always: list[int] = []
        for i, chosen in enumerate(keys):
            for kind, stem in chosen:
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
        # What ``spans`` reads of each phrase, in one tuple.
        self.plan = [(p.needs, p.one_of, p.feature, p) for p in phrases]
        self.group_of = [ANY if p.feature in ANY_LANGUAGE_SIGNALS else p.lang for p in phrases]
        self.all_groups = tuple(sorted(set(self.group_of)))
        self._memo: dict[str, dict[str, tuple[int, ...]]] = {}
        self._indexes: dict[tuple[tuple[str, ...], frozenset[str]], _Index] = {}
        self._reach: list[int | None] | None = None
        self._regex_widths: list[int | None] | None = None
        self._needers: dict[str, tuple[int, ...]] | None = None

    @classmethod
    def from_files(cls, files: Iterable[PatternFile]) -> "Bank":
        files = list(files)
        frequent = frozenset().union(*(f.common_words for f in files))
        phrases: list[Phrase] = []
        keys: list[list[tuple[str, str]]] = []
        for f in files:
            for phrase, required in zip(f.phrases, f.keys):
                phrases.append(phrase)
                keys.append(_best_keys(required, frequent))
        return cls(phrases, keys)

    def _for_word(self, w: str) -> dict[str, tuple[int, ...]]:
        """Phrases keyed on this word, its beginning or its ending, by group (memoised: words repeat)."""
        found: list[int] = list(self.by_word.get(w, ()))
        if len(w) >= _MIN_STEM:
            for stem, i in self.by_prefix.get(w[:_MIN_STEM], ()):
                if w.startswith(stem):
                    found.append(i)
            for stem, i in self.by_suffix.get(w[-_MIN_STEM:], ()):
                if w.endswith(stem):
                    found.append(i)
        by_group: dict[str, list[int]] = {}
        group_of = self.group_of
        for i in found:
            by_group.setdefault(group_of[i], []).append(i)
        return {g: tuple(ids) for g, ids in by_group.items()}

    def candidates(self, low: str, words: frozenset[str], groups: Iterable[str] | None = None) -> set[int]:
        """Indexes of the phrases whose key occurs in the message, of these groups (languages; all if None).

        A phrase's group is its file's language, or ``ANY`` for the signals
        looked for in every language (``ANY_LANGUAGE_SIGNALS``).
        """
        groups = tuple(groups) if groups is not None else self.all_groups
        wanted = set(groups)
        group_of = self.group_of
        found: set[int] = {i for i in self.always if group_of[i] in wanted}
        memo = self._memo
        if len(memo) > 20_000:
            memo.clear()
        for w in words:
            d = memo.get(w)
            if d is None:
                d = memo[w] = self._for_word(w)
            if d:
                for g in groups:
                    ids = d.get(g)
                    if ids:
                        found.update(ids)
        for stem, i in self.infix:
            if stem in low and group_of[i] in wanted:
                found.add(i)
        if self.digit and _DIGIT.search(low) is not None:
            found.update(i for i in self.digit if group_of[i] in wanted)
        return found

    def spans(self, low: str, words: frozenset[str], groups: tuple[str, ...], features: frozenset[str],
              max_spans: int) -> dict[str, list[tuple[int, int]]]:
        """Per signal, where its phrases match in the folded text ``low``: at most ``max_spans`` places.

        Exactly what ``spans_reference`` returns, worked out incrementally
        from the texts this set of groups and signals matched last (typing
        changes a message at one place, mostly its end): see ``_Index.spans``.
        """
        index = self._indexes.get((groups, features))
        if index is None:
            index = self._index(groups, features)
        return index.spans(low, words, max_spans)

    def spans_reference(self, low: str, words: frozenset[str], groups: tuple[str, ...],
                        features: frozenset[str], max_spans: int) -> dict[str, list[tuple[int, int]]]:
        """``spans`` from scratch: the plain definition the incremental ``spans`` is held to.

        The phrases (of these groups and signals) are tried in file order, each
        for its first match; a match overlapping one already found for the
        signal replaces it when longer, and a signal with ``max_spans`` places
        tries no more phrases.
        """
        return self._spans_of(self.to_try(low, words, groups, features), low, words, max_spans)

    def _spans_of(self, to_try: list[int], low: str, words: frozenset[str], max_spans: int
                  ) -> dict[str, list[tuple[int, int]]]:
        """``spans_reference``'s loop over these candidates (``to_try``, in file order)."""
        spans: dict[str, list[tuple[int, int]]] = {}
        plan = self.plan
        scan = None
        for i in to_try:
            needs, one_of, feature, p = plan[i]
            if not needs <= words:  # the most selective test first
                continue
            got = spans.get(feature)
            if got is not None and len(got) >= max_spans:
                continue
            if one_of:
                for group in one_of:
                    if group.isdisjoint(words):
                        break
                else:
                    group = None
                if group is not None:
                    continue
            if p._anchor is False and p.starts_with_word:
                # The common case, ``search`` inlined: a phrase that starts with one word.
                rx = p._rx
                m = rx.search(low)  # type: ignore[union-attr]
                while m is not None:
                    s = m.start()
                    if s and low[s - 1] != " ":  # not at a word start: the folded text has no other separator
                        m = rx.search(low, s + 1)  # type: ignore[union-attr]
                        continue
                    break
                if m is None:
                    continue
                span = (m.start(), m.end())
            else:
                if scan is None:
                    scan = Scan(low, words)
                span = p.first(scan)
                if span is None:
                    continue
            if got is None:
                spans[feature] = [span]
            else:
                _add_span(got, span)
        return spans

    def to_try(self, low: str, words: frozenset[str], groups: tuple[str, ...], features: frozenset[str]
               ) -> list[int]:
        """``candidates`` of these signals only, in file order (what ``features`` tries, in that order).

        The same phrases as ``candidates``, looked up faster: per set of
        groups and signals, every word is classified once (phrases keyed on
        it, or none) and a message's words are matched against the
        classified ones with set operations.
        """
        return self._index(groups, features).to_try(low, words)

    def _index(self, groups: tuple[str, ...], features: frozenset[str]) -> "_Index":
        key = (groups, features)
        index = self._indexes.get(key)
        if index is None:
            if len(self._indexes) >= _Index.MAX_INDEXES:
                self._indexes.clear()
            index = self._indexes[key] = _Index(self, groups, features)
        return index

    def reach(self) -> list[int | None]:
        """Per phrase, the most words a match can touch (``_reach_of``); None: unknown (``regex:``)."""
        got = self._reach
        if got is None:
            got = self._reach = [_reach_of(p) for p in self.phrases]
        return got

    def regex_widths(self) -> list[int | None]:
        """Per phrase, ``_regex_width`` (None for a phrase that is not a ``regex:`` line)."""
        got = self._regex_widths
        if got is None:
            got = self._regex_widths = [_regex_width(p) for p in self.phrases]
        return got

    def needers(self) -> dict[str, tuple[int, ...]]:
        """Per word, the phrases that need it (``Phrase.needs`` or one of ``Phrase.one_of``), leaving out a
        phrase's key word(s): whether those occur is what makes it a candidate (``_Typing.count``)."""
        got = self._needers
        if got is None:
            out: dict[str, list[int]] = {}
            for i, p in enumerate(self.phrases):
                keys = self.keys[i]
                key_words = {stem for _, stem in keys} if all(kind == "word" for kind, _ in keys) else ()
                for w in p.needs.union(*p.one_of):
                    if w not in key_words:
                        out.setdefault(w, []).append(i)
            for w, ids in out.items():  # in place: the lists go as their tuples come (a lower peak)
                out[w] = tuple(ids)  # type: ignore[assignment]
            got = self._needers = out  # type: ignore[assignment]
        return got


class _Index:
    """The phrases of some groups and signals, by the words of a message that bring them in (``Bank.to_try``).

    A word brings in the phrases keyed on it, on its beginning or ending, on
    a part of it (an ``infix`` key: "calendly", "$") and, when it holds a
    digit, those keyed on a number. Every word is classified once; a
    message then only intersects its words with the classified ones.
    """

    __slots__ = ("bank", "phrase_ok", "hits", "hit_words", "seen", "infix", "infix_rx", "digit", "always", "typing",
                 "reach", "rx_width", "bounded_rx", "widest", "widest_rx", "_needers", "_any", "few", "_lock")
    # Memory stays bounded: words remembered per index, then forgotten and
    # classified again; indexes (one per set of languages a message uses, and
    # the reply's) kept at once; texts being typed remembered per index (two
    # tabs typing in turn each keep theirs), and none longer than
    # ``MAX_TYPED`` characters.
    MAX_WORDS = 20_000
    MAX_INDEXES = 32
    MAX_TYPING = 4
    MAX_TYPED = 50_000
    # A text with at most this many candidate phrases is matched from scratch
    # (``Bank.spans_reference``'s loop): cheaper than keeping its state (about
    # 40 candidates cost as much either way on a 300-character message).
    FEW = 40

    def __init__(self, bank: Bank, groups: tuple[str, ...], features: frozenset[str]):
        self.bank = bank
        wanted = set(groups)
        self.phrase_ok = [g in wanted and p.feature in features for g, p in zip(bank.group_of, bank.phrases)]
        ok = self.phrase_ok
        self.infix = tuple((stem, i) for stem, i in bank.infix if ok[i])
        # Whether a word holds any infix key at all, in one search (most words hold none).
        stems = sorted({re.escape(stem) for stem, _ in self.infix})
        self.infix_rx = re.compile("|".join(stems)) if stems else None
        self.digit = [i for i in bank.digit if ok[i]]
        self.always = tuple(i for i in bank.always if ok[i])
        self.hits: dict[str, tuple[int, ...]] = {}
        self.hit_words: set[str] = set()
        self.seen: set[str] = set()
        self.typing: list[_Typing] = []  # most recent first
        reach = bank.reach()
        self.reach = reach
        self.rx_width = bank.regex_widths()
        self.bounded_rx = tuple(i for i, w in enumerate(self.rx_width) if w is not None and ok[i])
        self.widest_rx = max((self.rx_width[i] for i in self.bounded_rx), default=0)  # type: ignore[type-var]
        self.widest = max((k for k, good in zip(reach, ok) if good and k is not None), default=1)
        self._needers: dict[str, tuple[int, ...]] = {}
        self._any: dict[tuple[int, ...], _AnyOf] = {}
        self.few = False  # the last text had at most ``FEW`` candidates (``spans``)
        self._lock = threading.Lock()

    def _classify(self, new: Iterable[str]) -> None:
        if len(self.seen) > self.MAX_WORDS:
            self.hits.clear()
            self.hit_words.clear()
            self.seen.clear()
        bank, ok = self.bank, self.phrase_ok
        by_word, by_prefix, by_suffix = bank.by_word, bank.by_prefix, bank.by_suffix
        infix_rx = self.infix_rx
        # Plain loops, not comprehensions: a new word comes with nearly every keystroke.
        for w in new:
            self.seen.add(w)
            found: list[int] = []
            ids = by_word.get(w)
            if ids:
                for i in ids:
                    if ok[i]:
                        found.append(i)
            if len(w) >= _MIN_STEM:
                stems = by_prefix.get(w[:_MIN_STEM])
                if stems:
                    for stem, i in stems:
                        if ok[i] and w.startswith(stem):
                            found.append(i)
                stems = by_suffix.get(w[-_MIN_STEM:])
                if stems:
                    for stem, i in stems:
                        if ok[i] and w.endswith(stem):
                            found.append(i)
            # A key without spaces occurs in the folded text exactly when it occurs in one of its words.
            if infix_rx is not None and infix_rx.search(w) is not None:
                for stem, i in self.infix:
                    if stem in w:
                        found.append(i)
            if self.digit and not w.isalpha() and _DIGIT.search(w) is not None:
                found += self.digit
            if found:
                self.hits[w] = tuple(found)
                self.hit_words.add(w)

    def to_try(self, low: str, words: frozenset[str]) -> list[int]:
        new = words - self.seen
        if new:
            self._classify(new)
        found = set(self.always)
        found.update(*map(self.hits.__getitem__, self.hit_words & words))
        return sorted(found)



    # -- incremental matching --------------------------------------------------
    def spans(self, low: str, words: frozenset[str], max_spans: int) -> dict[str, list[tuple[int, int]]]:
        """``Bank.spans_reference`` for these groups and signals, from the most alike text matched before.

        Typing changes a message at one place. Per text being typed
        (``_Typing``) the index keeps the phrases that are candidates (their
        key among the words) and possible (``Phrase.possible``), and each
        searched phrase's first match or its absence. For the next text:

        1. ``c`` is the length of the common beginning of the two folded
           texts, ``F`` the number of words that end (followed by a space)
           before ``c``: those words are the same in both texts.
        2. A phrase matches within ``K`` words (``_reach_of``). An attempt
           to match that starts in word ``w``, or in the spaces before it,
           reads words ``w .. w+K-1``, the character after them and the one
           before the start; so every start before ``T = the end of word
           F-K`` (``_end_of``; a word earlier for slack, ``_SLACK``) reads
           only the common beginning and does what it did in the old text.
           (Not the start of word F-K+1: an attempt from the spaces before
           it reads on into that word, and a "%" phrase matches from there.)
           A first match that starts before ``T`` stays the first match; a
           later one, or none, is looked for again from ``T`` only
           (``Phrase.first(scan, T)``).
        3. A phrase that had no match can only gain one after ``T``, and a
           match holds its key word: only phrases that the words from the
           window's start onwards bring in (and their parts before a "%" or
           "$", as "30" in "30%") are searched again.
        4. Words that came and went change which phrases are candidates (by
           their keys) and possible (by ``Bank.needers``).
        5. The result is rebuilt as ``spans_reference`` builds it — file
           order, ``max_spans`` per signal, a longer overlapping match
           replacing a shorter one — over the phrases with a match, and
           those not searched yet (searched now, when their signal still has
           room).

        A ``regex:`` line has no bound in words ("1 500 000 eur"); when its
        parts of unbounded length can only take digits and spaces
        (``_regex_width``), an attempt reads at most ``W`` other
        characters, so starts before the ``W+1``-th other character before
        ``c`` are safe (``_safe_before_others``; one window for all, the
        widest ``W``'s); its key is not looked for in the window: it is
        searched again from there whenever it has no match.
        Other ``regex:`` lines are searched afresh every time they are
        needed. When no phrase changed, the previous result stands. A text
        with little in common with every remembered one is matched from
        scratch, and so are texts with few candidate phrases (``FEW``: the
        plain loop is cheaper for them; a text that grows past it gets a
        state again).
        """
        if self.few:
            # The last text had few candidates: from scratch is cheaper than keeping a state up to date.
            to_try = self.to_try(low, words)
            if len(to_try) <= self.FEW:
                return self.bank._spans_of(to_try, low, words, max_spans)
            self.few = False
        # One text at a time: the states change as they are read (the dashboard judges in threads).
        with self._lock:
            return self._spans_incrementally(low, words, max_spans)

    def _spans_incrementally(self, low: str, words: frozenset[str], max_spans: int
                             ) -> dict[str, list[tuple[int, int]]]:
        best, c = None, -1
        for state in self.typing:
            n = _common_prefix(state.low, low)
            if n > c:
                best, c = state, n
                if n >= len(low) - 32:  # the change is at the end: this is the text's own state
                    break
        if best is None or c < len(low) // 2 or c < 8:
            best = self._fresh(low, words)
            dirty = True
        else:
            dirty = self._advance(best, low, words, c) or max_spans != best.max_spans
        typing = self.typing
        if not typing or typing[0] is not best:
            if best in typing:
                typing.remove(best)
            typing.insert(0, best)
            del typing[self.MAX_TYPING:]
        result = self._rebuild(best, max_spans) if dirty else best.result
        if len(low) > self.MAX_TYPED:
            self.typing.remove(best)
        self.few = len(best.count) <= self.FEW
        return {f: list(v) for f, v in result.items()}

    def _absent_info(self, st: "_Typing") -> tuple:
        """Of the phrases known not to match: the longest reach of those with one, the bounded ``regex:``
        lines among them, and whether any of those lines matches from a position (``_AnyOf``)."""
        got = st.absent_info
        if got is None:
            reach, absent = self.reach, st.absent
            kmax = max([reach[i] for i in absent if reach[i] is not None], default=0)  # type: ignore[type-var]
            rx_ids = tuple(i for i in self.bounded_rx if i in absent)
            any_rx = None
            if rx_ids:
                any_rx = self._any.get(rx_ids)
                if any_rx is None:
                    if len(self._any) >= 64:
                        self._any.clear()
                    any_rx = self._any[rx_ids] = _AnyOf([self.bank.phrases[i] for i in rx_ids])
            got = st.absent_info = (kmax, rx_ids, any_rx)
        return got

    def _hits_of(self, w: str) -> tuple[int, ...]:
        got = self.hits.get(w)
        if got is None and w not in self.seen:
            self._classify((w,))
            got = self.hits.get(w)
        return got or ()

    def _brought_in(self, w: str) -> tuple[tuple[int, int], ...]:
        """(reach, phrase) of the phrases (not ``regex:`` lines) a word of the text brings in, or its parts
        before a "%" or "$" (a phrase's word may end there), longest reach first."""
        ids = self._hits_of(w)
        if "%" in w or "$" in w:
            ids = ids + tuple(i for piece in _pieces(w) for i in self._hits_of(piece))
        if not ids:
            return ()
        reach = self.reach
        return tuple(sorted(((reach[i], i) for i in set(ids) if reach[i] is not None), reverse=True))

    def _needers_of(self, w: str) -> tuple[int, ...]:
        got = self._needers.get(w)
        if got is None:
            if w not in self.bank.needers():
                return ()
            if len(self._needers) > self.MAX_WORDS:
                self._needers.clear()
            ok = self.phrase_ok
            got = self._needers[w] = tuple(i for i in self.bank.needers().get(w, ()) if ok[i])
        return got

    def _possible(self, i: int, words: frozenset[str]) -> bool:
        needs, one_of, _, _ = self.bank.plan[i]
        if not needs <= words:
            return False
        for group in one_of:
            if group.isdisjoint(words):
                return False
        return True

    def _fresh(self, low: str, words: frozenset[str]) -> "_Typing":
        new = words - self.seen
        if new:
            self._classify(new)
        count: dict[int, int] = {}
        hits = self.hits
        for w in words:
            ids = hits.get(w)
            if ids:
                for i in ids:
                    count[i] = count.get(i, 0) + 1
        for i in self.always:
            count[i] = count.get(i, 0) + 1
        live = {i for i in count if self._possible(i, words)}
        starts, ends = _word_bounds(low, 0)
        return _Typing(low, words, starts, ends, count, live, {}, set(), set(live))

    def _advance(self, st: "_Typing", low: str, words: frozenset[str], c: int) -> bool:
        """``st`` (a text sharing its first ``c`` characters with ``low``) made ``low``'s state.

        True when the result may differ: a phrase became live or not, or a
        live phrase's first match changed.
        """
        f = bisect_left(st.ends, c)  # words that end before c: the same in both texts
        starts, ends = _word_bounds(low, st.ends[f - 1] if f else 0)
        starts[:0] = st.starts[:f]
        ends[:0] = st.ends[:f]
        count, live, found, absent, active = st.count, st.live, st.found, st.absent, st.active
        changed: set[int] = set()
        dirty = False
        # 4. words that came and went
        gone = st.words - words if words is not st.words else ()
        came = words - st.words if words is not st.words else ()
        if gone or came:
            # The new words first: a phrase the edited word keeps bringing in ("12" -> "123", both
            # numbers) goes 1 -> 2 -> 1 and is not looked at again.
            for w in came:
                for i in self._hits_of(w):
                    n = count.get(i, 0)
                    count[i] = n + 1
                    if not n:
                        changed.add(i)
            for w in gone:
                for i in self._hits_of(w):
                    n = count[i] - 1
                    if n:
                        count[i] = n
                    else:
                        del count[i]
                        changed.add(i)
            for group in (gone, came):
                for w in group:
                    for i in self._needers_of(w):
                        if i in count:
                            changed.add(i)
            for i in changed:
                if i in count and self._possible(i, words):
                    if i not in live:
                        live.add(i)
                        dirty = True
                elif i in live:
                    live.discard(i)
                    dirty = True
        # 2. first matches that start too late to be sure of
        reach, rx_width = self.reach, self.rx_width
        slack = _SLACK
        scan = None
        window: dict[int, int] = {}  # K -> the window's start
        t_rx = None  # the window's start for ``regex:`` lines
        # (every window starts at or after the widest one's: nothing to do when all matches start before it)
        floor = _end_of(ends, f - self.widest - slack, len(low))
        if self.bounded_rx:
            t_rx = _safe_before_others(low, c, self.widest_rx + 1 + slack)
            floor = min(floor, t_rx)
        late = found and max(found.values())[0] >= floor
        for i, old in list(found.items()) if late else ():
            k = reach[i]
            if k is None:  # a regex: line: one window for all, the widest's
                if t_rx is None:
                    t_rx = _safe_before_others(low, c, self.widest_rx + 1 + slack)
                t = t_rx
            else:
                t = window.get(k)
                if t is None:
                    t = window[k] = _end_of(ends, f - k - slack, len(low))
            if old[0] < t:
                continue
            changed.add(i)
            if i not in live:
                del found[i]  # not needed now: searched again when it is
                continue
            if scan is None:
                scan = st.scan = Scan(low, words, tail=True)
            span = self.bank.phrases[i].first(scan, t)
            if span != old:
                dirty = True
                if span is None:
                    del found[i]
                    absent.add(i)
                    st.absent_info = None
                else:
                    found[i] = span
        # 3. phrases without a match that the window's words bring in
        if absent:
            kmax, rx_ids, any_rx = self._absent_info(st)
            wids = st.wids[:f]
            wids += [None] * (len(starts) - f)
            st.wids = wids
            tried: set[int] = set()
            for j in range(max(f - kmax + 1 - slack, 0), len(starts)) if kmax else ():
                ids = wids[j]
                if ids is None:
                    ids = wids[j] = self._brought_in(low[starts[j]:ends[j]])
                need = f - j + 1 - slack  # a match holding word j starts in the window if it reaches this far
                for k, i in ids:
                    if k < need:
                        break
                    if i not in absent or i in tried:
                        continue
                    tried.add(i)
                    if i not in live:
                        absent.discard(i)  # not needed now: searched again when it is
                        changed.add(i)
                        continue
                    if scan is None:
                        scan = st.scan = Scan(low, words, tail=True)
                    span = self.bank.phrases[i].first(scan, _end_of(ends, f - k - slack, len(low)))
                    if span is not None:
                        absent.discard(i)
                        found[i] = span
                        changed.add(i)
                        dirty = True
            if rx_ids:
                if t_rx is None:
                    t_rx = _safe_before_others(low, c, self.widest_rx + 1 + slack)
                # One search for all of them first: none matches after the window's start, most of the time.
                if not any_rx.matches_from(low, t_rx):  # type: ignore[union-attr]
                    rx_ids = ()
            for i in rx_ids:
                if i in absent:
                    if i not in live:
                        absent.discard(i)
                        changed.add(i)
                        continue
                    if scan is None:
                        scan = st.scan = Scan(low, words, tail=True)
                    span = self.bank.phrases[i].first(scan, t_rx)
                    if span is not None:
                        absent.discard(i)
                        found[i] = span
                        changed.add(i)
                        dirty = True
        else:
            st.wids = st.wids[:f] + [None] * (len(starts) - f)
        if changed:
            st.absent_info = None
        for i in changed:
            if i in live and i not in absent:
                active.add(i)
            else:
                active.discard(i)
        if st.scan is not None and st.scan.low is not low:
            st.scan = None
        st.low, st.words, st.starts, st.ends = low, words, starts, ends
        return dirty

    def _rebuild(self, st: "_Typing", max_spans: int) -> dict[str, list[tuple[int, int]]]:
        """5. ``spans_reference``'s loop over the phrases that matter, unsearched ones searched now."""
        spans: dict[str, list[tuple[int, int]]] = {}
        plan = self.bank.plan
        found, absent, active = st.found, st.absent, st.active
        reach, rx_width = self.reach, self.rx_width
        scan = st.scan
        for i in sorted(active):
            feature = plan[i][2]
            got = spans.get(feature)
            if got is not None and len(got) >= max_spans:
                continue
            span = found.get(i)
            if span is None:
                if scan is None:
                    scan = st.scan = Scan(st.low, st.words)
                span = plan[i][3].first(scan.whole())
                if reach[i] is not None or rx_width[i] is not None:  # else searched afresh every time
                    if span is None:
                        absent.add(i)
                        active.discard(i)
                        st.absent_info = None
                    else:
                        found[i] = span
                if span is None:
                    continue
            if got is None:
                spans[feature] = [span]
            else:
                _add_span(got, span)
        st.result = spans
        st.max_spans = max_spans
        st.scan = None
        return spans


class _AnyOf:
    """Whether any of some ``regex:`` lines matches at a position or later (``_Index.spans``, step 3).

    One alternation of them all let ``re`` try every branch at every position
    (7 us for a 40-character rest of a message). A match can only begin
    where its line's beginning can: the lines that begin with a digit
    (``_AT_DIGITS``) are tried, as one alternation, only where a digit is;
    those that begin with one of some texts (``instead of``, ``van `` after a
    ``\\b``: ``_literal_starts``) only where one of those texts is; the rest
    are searched as one alternation. A line that begins with a run of digits
    (``_run_first``) is tried only where a run begins (from ``pos``): had it
    a match inside a run, it would have one from the digit before too.
    """

    __slots__ = ("at_digits", "at_runs", "literals", "at_literals", "elsewhere")

    def __init__(self, phrases: list[Phrase]):
        digits, runs, literal, other = [], [], [], []
        starts: set[str] = set()
        for p in phrases:
            anchor = p._anchor if p._anchor is not None else _anchor_of(p)
            if anchor is not False and anchor[0] is _AT_DIGITS:
                (runs if _run_first(p) else digits).append(p.regex)
            elif anchor is not False and anchor[0] is _AT_LITERALS:
                literal.append(p.regex)
                starts |= _literal_starts(p)  # type: ignore[arg-type]
            else:
                other.append(p.regex)
        self.at_digits = _alternation(digits)
        self.at_runs = _alternation(runs)
        self.literals = re.compile("|".join(map(re.escape, sorted(starts)))) if starts else None
        self.at_literals = _alternation(literal)
        self.elsewhere = _alternation(other)

    def matches_from(self, low: str, pos: int) -> bool:
        rx = self.elsewhere
        if rx is not None and rx.search(low, pos) is not None:
            return True
        rx = self.at_literals
        if rx is not None:
            find = self.literals.search  # type: ignore[union-attr]
            m = find(low, pos)
            while m is not None:
                i = m.start()
                if rx.match(low, i) is not None:
                    return True
                m = find(low, i + 1)
        anywhere, at_runs = self.at_digits, self.at_runs
        if anywhere is not None or at_runs is not None:
            before = -2  # the digit before, from ``pos`` on
            m = _DIGIT.search(low, pos)
            while m is not None:
                i = m.start()
                if anywhere is not None and anywhere.match(low, i) is not None:
                    return True
                if at_runs is not None and before != i - 1 and at_runs.match(low, i) is not None:
                    return True
                before = i
                m = _DIGIT.search(low, i + 1)
        return False


def _run_first(phrase: Phrase) -> bool:
    """Whether a ``regex:`` line begins with ``\\d+`` or ``\\d`` and an unbounded repeat of a class that takes
    digits (``\\d[\\d ]*``): then a match from a digit inside a run of digits means one from the digit
    before it (that digit joins the run the repeat takes; the rest matches as it did)."""
    parsed = _parsed_regex(phrase)
    if not parsed:
        return False
    op, av = parsed[0]
    if op in _REPEATS:
        low, high, sub = av
        return low >= 1 and high == _sre_constants.MAXREPEAT and list(sub.data) == [(_IN, _DIGIT_CLASS)]
    if op is not _IN or av != _DIGIT_CLASS or len(parsed) < 2:
        return False
    op, av = parsed[1]
    if op not in _REPEATS:
        return False
    low, high, sub = av
    body = list(sub.data)
    return (high == _sre_constants.MAXREPEAT and len(body) == 1 and body[0][0] is _IN
            and (_sre_constants.CATEGORY, _sre_constants.CATEGORY_DIGIT) in body[0][1]
            and not any(kind is _sre_constants.NEGATE for kind, _ in body[0][1]))


def _alternation(regexes: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{rx})" for rx in regexes)) if regexes else None


def _literal_starts(phrase: Phrase) -> set[str] | None:
    """The texts a ``regex:`` line's match must begin with (word-boundary checks before them aside), or
    None when it may begin otherwise."""
    parsed = _parsed_regex(phrase)
    if parsed is None:
        return None
    while parsed and parsed[0][0] is _sre_constants.AT:  # zero-width: the match begins with what follows
        parsed = parsed[1:]
    got = _starts(parsed)
    if got is None or got[1] or not got[0] or "" in got[0]:
        return None
    return got[0]


# Slack before the first start an edit could change (``_Index.spans``, step 2):
# a word, or a character for a ``regex:`` line.
_SLACK = 1
_RUN = re.compile(r"[^ ]+")


class _Typing:
    """One text as an ``_Index`` last matched it (``_Index.spans``)."""

    __slots__ = ("low", "words", "starts", "ends", "wids", "count", "live", "found", "absent", "active",
                 "result", "max_spans", "scan", "absent_info")

    def __init__(self, low: str, words: frozenset[str], starts: list[int], ends: list[int],
                 count: dict[int, int], live: set[int], found: dict[int, tuple[int, int]], absent: set[int],
                 active: set[int]):
        self.low = low
        self.words = words
        self.starts = starts  # where each word (run of non-spaces) starts and ends
        self.ends = ends
        self.wids: list[tuple[tuple[int, int], ...] | None] = [None] * len(starts)  # ``_brought_in`` per word
        self.count = count  # candidate phrase -> how many of the words bring it in
        self.live = live  # candidates that are possible with these words
        self.found = found  # phrase -> its first match in ``low`` (only phrases with a bound)
        self.absent = absent  # phrases known not to match ``low`` (idem)
        self.active = active  # live phrases with a match, or not searched yet
        self.result: dict[str, list[tuple[int, int]]] = {}
        self.max_spans = -1
        self.scan: Scan | None = None  # of ``low``, while one keystroke is being matched
        self.absent_info: tuple | None = None  # ``_Index._absent_info``, until ``absent`` changes


def _word_bounds(low: str, pos: int) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for m in _RUN.finditer(low, pos):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _end_of(ends: list[int], j: int, end: int) -> int:
    """Where word ``j`` ends: 0 before the first word, the end of the text after the last."""
    if j < 0:
        return 0
    return ends[j] if j < len(ends) else end


def _safe_before_others(low: str, c: int, n: int) -> int:
    """Just after the ``n``-th character before ``c`` (counting back) that is neither a digit nor a space;
    0 if there are fewer."""
    rx = _NTH_OTHER.get(n)
    if rx is None:
        rx = _NTH_OTHER[n] = re.compile(r"(?:[0-9 ]*+[^0-9 ]){%d}" % n)
    cap = 4 * n + 16  # enough for ordinary text; a longer run of digits and spaces takes the second look
    m = rx.match(low[max(0, c - cap):c][::-1])
    if m is None and c > cap:
        m = rx.match(low[:c][::-1])
    return 0 if m is None else c - m.end() + 1


_NTH_OTHER: dict[int, re.Pattern[str]] = {}


def _pieces(w: str) -> list[str]:
    """The beginnings of a word that end before a "%" or "$" in it: a phrase's word can end there."""
    return [w[:k] for k, ch in enumerate(w) if ch in "%$" and k]


def _common_prefix(a: str, b: str) -> int:
    """The length of the common beginning of two texts (typing: mostly all but the last few characters)."""
    n = min(len(a), len(b))
    if a[:n] == b[:n]:
        return n
    lo, hi, step = 0, n, 4  # a[:lo] == b[:lo], a[:hi] != b[:hi]
    while step < hi - lo:  # gallop back from the end
        mid = hi - step
        if a[:mid] == b[:mid]:
            lo = mid
            break
        hi = mid
        step *= 4
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid
    return lo


def _reach_of(phrase: Phrase) -> int | None:
    """The most words of the folded text one match of the phrase touches; None: no bound is known.

    Each word of the phrase matches within one word of the text (a choice,
    a stem, a number, "%"), ``...`` within five; a match begins at a word
    start, except a first word written ``*word`` (a match may begin inside a
    word; its key is classified by the word's ending, so step 3 of
    ``_Index.spans`` still finds it). A ``regex:`` line has no bound in
    words (see ``_regex_width``), nor has a first word that mixes ``*word``
    with a plain word or ``word*``.
    """
    if phrase.source.startswith("regex:"):
        return None
    tokens = phrase.source.split()
    first = tokens[0]
    if not phrase.starts_with_word and not first.startswith("["):
        if any(not choice.startswith("*") for choice in first.split("/")):
            return None
    return sum(5 if tok == "..." else 1 for tok in tokens)


def _regex_width(phrase: Phrase) -> int | None:
    """For a ``regex:`` line: how many characters that are not digits or spaces an attempt reads at most.

    Parts of bounded length count their longest width (a look-ahead its
    own); a part of unbounded length may only take digits and spaces
    (``\\d+``, ``[\\d ]*``, ``(?: \\d{3})*``). None when that cannot be shown.
    """
    parsed = _parsed_regex(phrase)
    return None if parsed is None else _width(parsed)


_C = _sre_constants
_ONE_CHAR = (_C.LITERAL, _C.NOT_LITERAL, _C.ANY, _C.IN, _C.CATEGORY)


def _width(items: list) -> int | None:
    total = 0
    for op, av in items:
        if op in _ONE_CHAR:
            total += 1
        elif op is _C.SUBPATTERN:
            got = _width(list(av[3].data))
            if got is None:
                return None
            total += got
        elif op is _C.BRANCH:
            widths = [_width(list(alt.data)) for alt in av[1]]
            if any(w is None for w in widths):
                return None
            total += max(widths, default=0)  # type: ignore[type-var]
        elif op in _REPEATS:
            lo, hi, sub = av
            if hi == _C.MAXREPEAT:
                if not _digits_and_spaces(list(sub.data)):
                    return None
            else:
                got = _width(list(sub.data))
                if got is None:
                    return None
                total += hi * got
        elif op is _C.AT and av in (_C.AT_BOUNDARY, _C.AT_NON_BOUNDARY):
            continue  # reads the characters either side: the one after is the one read after a match
        elif op is _C.ASSERT or op is _C.ASSERT_NOT:
            direction, sub = av
            if direction < 0:
                continue  # a look-behind reads what lies before the start: never changed
            got = _width(list(sub.data))
            if got is None:
                return None
            total += got
        else:
            return None
    return total


def _digits_and_spaces(items: list) -> bool:
    """Whether every character this part can take is a digit or a space."""
    for op, av in items:
        if op is _C.LITERAL:
            if not (chr(av) == " " or "0" <= chr(av) <= "9"):
                return False
        elif op is _C.IN:
            for kind, value in av:
                if kind is _C.LITERAL and (chr(value) == " " or "0" <= chr(value) <= "9"):
                    continue
                if kind is _C.CATEGORY and value is _C.CATEGORY_DIGIT:
                    continue
                if kind is _C.RANGE and 48 <= value[0] <= value[1] <= 57:
                    continue
                return False
        elif op is _C.CATEGORY:
            if av is not _C.CATEGORY_DIGIT:
                return False
        elif op is _C.SUBPATTERN:
            if not _digits_and_spaces(list(av[3].data)):
                return False
        elif op in _REPEATS:
            if not _digits_and_spaces(list(av[2].data)):
                return False
        elif op is _C.BRANCH:
            if not all(_digits_and_spaces(list(alt.data)) for alt in av[1]):
                return False
        else:
            return False
    return True
