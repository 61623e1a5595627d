"""JSON from strangers: decoded without crashing on depth, lone surrogates made harmless.

Standard library only (the native host's fast path imports it).

* ``json.loads`` recurses in C and raises ``RecursionError`` somewhere past a
  thousand levels; callers must turn that into a client error (``invalid_json``
  on the host, 400 on the dashboard), never a 500 or an ``internal_error``.
* A JSON text may escape a lone UTF-16 surrogate (``"\\ud83d"``: JavaScript
  cut an emoji in half). Python decodes it into a ``str`` that UTF-8 cannot
  carry and pydantic refuses. :func:`scrub` replaces each with U+FFFD. It walks
  the value with an explicit stack, because a value ``json`` accepted may
  still be nested deeper than Python's own recursion limit allows a
  recursive walk to go (audit B7).
"""

from __future__ import annotations

import json
import re

TYPE_CHECKING = False  # not typing's: the native host answers hello without importing typing
if TYPE_CHECKING:
    from typing import Any

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
#: A JSON escape of a UTF-16 surrogate: only texts holding one need :func:`scrub`.
SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class JSONRejected(ValueError):
    """Not JSON, or nested too deeply to decode: ``not JSON (<detail>)``."""

    def __init__(self, detail: str):
        super().__init__(f"not JSON ({detail})")
        self.detail = detail


def _clean_str(text: str) -> str:
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", text)


def scrub(value: Any) -> Any:
    """``value`` with every lone surrogate (in strings and keys) replaced by U+FFFD. Iterative."""
    if isinstance(value, str):
        return _clean_str(value)
    if not isinstance(value, (list, dict)):
        return value
    root: list[Any] = [None]
    # (container to fill, key or index in it, value to clean)
    stack: list[tuple[Any, Any, Any]] = [(root, 0, value)]
    while stack:
        parent, slot, item = stack.pop()
        if isinstance(item, str):
            parent[slot] = _clean_str(item)
        elif isinstance(item, list):
            copy: list[Any] = [None] * len(item)
            parent[slot] = copy
            stack.extend((copy, i, v) for i, v in enumerate(item))
        elif isinstance(item, dict):
            out: dict[str, Any] = {}
            parent[slot] = out
            for key, v in item.items():
                key = _clean_str(key) if isinstance(key, str) else key
                out[key] = None  # keeps the keys' order
                stack.append((out, key, v))
        else:
            parent[slot] = item
    return root[0]


def loads(raw: bytes | str, **kwargs: Any) -> Any:
    """Decode JSON; raise :class:`JSONRejected` for anything that is not (including absurd depth)."""
    try:
        data = json.loads(raw, **kwargs)
    except RecursionError:
        raise JSONRejected("nested too deeply") from None
    except (ValueError, UnicodeDecodeError) as err:  # JSONDecodeError is a ValueError
        raise JSONRejected(str(err)) from None
    needs_scrub = SURROGATE_ESCAPE.search(raw if isinstance(raw, bytes) else raw.encode("utf-8", "surrogatepass"))
    return scrub(data) if needs_scrub else data
