"""Times as people read them: this computer's local time, with its UTC offset shown.

The log stores UTC (``2026-11-28T17:01:02Z``). The CLI and the dashboard both
show it through :func:`local_time`, so the same entry reads the same in the
terminal and in the browser, and the offset says which zone that is
(``2026-11-28 18:01 +01:00``): a bare time is ambiguous across a DST change
or when the reader assumes UTC. Standard library only.
"""

from __future__ import annotations

from datetime import datetime, timezone


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment


def offset_text(moment: datetime) -> str:
    """``+01:00``, ``-05:30``, ``+00:00``."""
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def local_time(value: str | None, with_seconds: bool = False) -> str:
    """``2026-11-28T17:01:02Z`` -> ``2026-11-28 18:01 +01:00`` in this computer's time zone."""
    moment = parse_time(value)
    if moment is None:
        return value or ""
    local = moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M:%S" if with_seconds else "%Y-%m-%d %H:%M") + " " + offset_text(local)
