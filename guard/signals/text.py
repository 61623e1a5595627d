"""Message text as the signals read it: HTML stripped, one case, no accents, no emoji.

Two steps, both cheap enough for every keystroke:

* ``clean`` turns what LinkedIn's data export holds (``<p>``, ``<br>``,
  ``<li>``, ``&amp;``, ``%FIRSTNAME%``) into plain text. A live message has
  no markup and passes through untouched. Evidence is quoted from the
  cleaned text.
* ``fold`` makes the twin the patterns are matched against: lower case,
  accents removed (``é`` -> ``e``, ``ß`` -> ``s``), curly apostrophes straight,
  every currency sign ``$``, and every other character that is not a letter,
  a digit, ``'``, ``%`` or ``$`` a space — punctuation, bullets, line breaks,
  emoji glued to a word ("gratis🚀" reads "gratis "), the slashes and dots of
  a URL ("calendly.com/x" reads "calendly com x"). One character in, one
  character out, so a span found in the folded text quotes the same
  characters of the cleaned text.

Patterns are folded the same way when they are loaded, so a pattern file may
be written with accents and capitals ("Möchten Sie", "één").
"""

from __future__ import annotations

import html
import re
import string
import unicodedata

_KEEP = set(string.ascii_lowercase + string.digits + "'%$ ")


def _build_tables() -> tuple[bytes, dict[int, str]]:
    ascii_table = bytearray(range(256))
    for b in range(128):
        c = chr(b)
        if c not in _KEEP:
            ascii_table[b] = ord(" ")
    uni: dict[int, str] = {}
    # Latin-1 and Latin Extended-A/B cover Dutch, German, French and Spanish.
    for cp in range(0x80, 0x250):
        c = chr(cp)
        base = unicodedata.normalize("NFKD", c)[:1].lower()
        uni[cp] = base if base and base in _KEEP and base != " " else " "
    uni.update({ord("ß"): "s", ord("æ"): "a", ord("œ"): "o", ord("ø"): "o", ord("đ"): "d", ord("ł"): "l",
                ord("ı"): "i"})
    for c in "\u2019\u2018\u201a\u2032`\u00b4\u02bc":
        uni[ord(c)] = "'"
    for c in "€£¥\u20a4":
        uni[ord(c)] = "$"
    return bytes(ascii_table), uni


_ASCII, _UNI = _build_tables()
_OTHER = re.compile(r"[^a-z0-9'%$ ]")  # anything left: emoji, symbols, other scripts

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_BLOCK = frozenset({"p", "br", "li", "ul", "ol", "div", "tr", "h1", "h2", "h3", "h4", "blockquote"})
_PLACEHOLDER = re.compile(r"%[A-Z_]{3,}%")


def looks_like_html(text: str) -> bool:
    return ("<" in text and _TAG.search(text) is not None) or ("&" in text and ";" in text)


def clean(text: str) -> str:
    """Plain text: tags dropped (block tags become line breaks), entities decoded, mail-merge fields blank."""
    if looks_like_html(text):
        text = _TAG.sub(lambda m: "\n" if m.group(2).lower() in _BLOCK else "", text)
        text = html.unescape(text)
    if "%" in text:
        text = _PLACEHOLDER.sub("", text)
    return text


_QUOTE = re.compile(r"(?<![a-z0-9])'|'(?![a-z0-9])")


def fold(text: str) -> str:
    """The matching twin of ``text``: same length, see the module docstring."""
    low = _fold(text)
    if "'" in low:  # an apostrophe inside a word stays ("we're"); a quote mark goes ('stop')
        low = _QUOTE.sub(" ", low)
    return low


def _fold(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a rare capital whose lower case is longer ("İ")
        low = "".join(c.lower()[:1] for c in text)
    if low.isascii():
        return low.encode("ascii").translate(_ASCII).decode("ascii")
    # Every character maps to one: itself (a letter, digit, ' % $ or space), its
    # base letter ("é" -> "e"), "'" or "$" (``_UNI``), or a space. Latin-1 text
    # (Dutch, German, French, Spanish) goes through one byte table; the few
    # characters beyond it (curly quotes, "€", "œ", emoji) are mapped first.
    if not _is_latin1(low):
        low = _BEYOND_LATIN1.sub(_map_beyond_latin1, low)
    return low.encode("latin-1").translate(_LATIN1).decode("ascii")


def _is_latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def _map_beyond_latin1(m: re.Match[str]) -> str:
    return _UNI.get(ord(m.group()), " ")


_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff]")
# The whole mapping of the first 256 characters in a text that is not all ASCII:
# ``_UNI`` first (which also turns the ASCII backtick into "'"), then ``_ASCII``.
_LATIN1 = bytes(ord(_UNI[cp]) if cp in _UNI else _ASCII[cp] if cp < 128 else 32 for cp in range(256))
