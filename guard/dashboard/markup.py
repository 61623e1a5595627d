"""A tiny escaping template helper: every value is escaped unless it is ``Markup``.

The dashboard shows text that strangers wrote on LinkedIn (excerpts, names,
URLs). Building HTML by string concatenation is how such text ends up
running as script, so pages are built only through this module:

* :class:`Markup` is HTML we wrote ourselves (or built from escaped pieces).
* :func:`escape` turns anything else into safe HTML text.
* :func:`html` formats a template with ``{name}`` fields, escaping each
  value that is not already ``Markup`` — the same idea as markupsafe's
  ``Markup.format`` (``pallets/markupsafe: src/markupsafe/__init__.py``),
  without a dependency.
* :func:`join` concatenates pieces, escaping the plain ones.

Quotes are escaped too, so a value is safe inside a quoted attribute.
Attribute *names* and tag names are always ours, never from data.
"""

from __future__ import annotations

import html as _html
import string
from typing import Any, Iterable


class Markup(str):
    """A string that is already safe HTML."""

    __slots__ = ()

    def __add__(self, other: Any) -> "Markup":
        return Markup(str.__add__(self, escape(other)))

    def __radd__(self, other: Any) -> "Markup":
        return Markup(str.__add__(escape(other), self))

    def __html__(self) -> "Markup":
        return self


def escape(value: Any) -> Markup:
    """Safe HTML text for any value (``None`` becomes an empty string)."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    return Markup(_html.escape(str(value), quote=True))


class _EscapingFormatter(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Markup):
            return value if not format_spec else escape(format(str(value), format_spec))
        return escape(format(value, format_spec) if format_spec else value)


_FORMATTER = _EscapingFormatter()


def html(template: str, /, **values: Any) -> Markup:
    """Fill ``{name}`` fields of a trusted template with escaped values."""
    return Markup(_FORMATTER.vformat(template, (), values))


def join(pieces: Iterable[Any], sep: str = "") -> Markup:
    return Markup(sep.join(escape(p) for p in pieces))


def attrs(**values: Any) -> Markup:
    """`` name="value"`` pairs; ``True`` gives a bare attribute, ``None``/``False`` none.

    A trailing underscore is dropped (``class_``) and other underscores
    become hyphens (``aria_label`` -> ``aria-label``, ``data_id`` -> ``data-id``).
    """
    out = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        key = name.rstrip("_").replace("_", "-")
        if value is True:
            out.append(f" {key}")
        else:
            out.append(f' {key}="{escape(value)}"')
    return Markup("".join(out))


def tag(name: str, content: Any = None, /, **attributes: Any) -> Markup:
    """``<name attrs>content</name>`` with escaped content and attributes."""
    return Markup(f"<{name}{attrs(**attributes)}>{escape(content)}</{name}>")


def void(name: str, /, **attributes: Any) -> Markup:
    """A void element such as ``<input ...>``."""
    return Markup(f"<{name}{attrs(**attributes)}>")


def option(value: str, label: Any, selected: bool) -> Markup:
    return tag("option", label, value=value, selected=selected)
