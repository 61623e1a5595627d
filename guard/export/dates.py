"""The export's dozen date shapes, read into ISO 8601 (or ``None``).

LinkedIn writes dates differently per file and per year (see
``linkedin-export.md`` §13). Each shape below was seen in real archives;
anything else gives ``None`` rather than a guess. US month-first order is
LinkedIn's own (``M/D/YY``); day-first appears only in files re-saved by
Excel with dashes or dots (``5-Jan-26``, ``16.09.2021``), whose month is a
name or whose order is unambiguous by the separator.

A value that names UTC/GMT gets a ``Z``; one without a zone stays naive
(LinkedIn does not say which zone it meant). Month-only and year-only
values (positions) become ``YYYY-MM`` and ``YYYY``.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}

_ISO_DT = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(UTC|GMT|Z)?$", re.I)
_ISO_D = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DAY_MON_YEAR = re.compile(r"^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{2}|\d{4})$")
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?\s*(UTC|GMT)?$")
_UNIX_STYLE = re.compile(r"^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{1,2}):(\d{2}):(\d{2}) (UTC|GMT) (\d{4})$")
_MON_YEAR = re.compile(r"^([A-Za-z]{3,9})\.? (\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_MON_D_YEAR = re.compile(r"^([A-Za-z]{3,9})\.? (\d{1,2}), (\d{4})(?:,? (\d{1,2}):(\d{2})\s*([AaPp][Mm]))?$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
# "You uploaded a feed photo on November 12, 2024 at 2:56 AM (GMT)"
_SENTENCE = re.compile(r"\bon ([A-Za-z]+) (\d{1,2}), (\d{4}) at (\d{1,2}):(\d{2})\s*([AaPp][Mm])\s*(\((?:GMT|UTC)\))?")


def _month(name: str) -> int | None:
    return _MONTHS.get(name[:3].lower())


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def _hour(hour: int, ampm: str | None) -> int:
    if not ampm:
        return hour
    pm = ampm.lower() == "pm"
    return (hour % 12) + (12 if pm else 0)


def _dt(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0, utc: bool = False) -> str | None:
    try:
        moment = datetime(y, mo, d, h, mi, s)
    except ValueError:
        return None
    return moment.isoformat(timespec="seconds") + ("Z" if utc else "")


def _d(y: int, mo: int, d: int) -> str | None:
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def parse_date(value: str | None) -> str | None:
    """ISO 8601 for any date shape the export uses; ``None`` for empty or unknown values."""
    if not value:
        return None
    text = " ".join(value.split())
    if not text or text.upper() in ("N/A", "NA", "-"):
        return None
    if m := _ISO_DT.match(text):
        y, mo, d, h, mi, s, zone = m.groups()
        return _dt(int(y), int(mo), int(d), int(h), int(mi), int(s or 0), utc=bool(zone))
    if m := _ISO_D.match(text):
        return _d(int(m[1]), int(m[2]), int(m[3]))
    if m := _US.match(text):
        mo, d, y, h, mi, s, ampm, zone = m.groups()
        if h is None:
            return _d(_year(y), int(mo), int(d))
        return _dt(_year(y), int(mo), int(d), _hour(int(h), ampm), int(mi), int(s or 0), utc=bool(zone))
    if m := _DAY_MON_YEAR.match(text):
        mo = _month(m[2])
        return _d(_year(m[3]), mo, int(m[1])) if mo else None
    if m := _UNIX_STYLE.match(text):
        mo = _month(m[1])
        return _dt(int(m[7]), mo, int(m[2]), int(m[3]), int(m[4]), int(m[5]), utc=True) if mo else None
    if m := _MON_D_YEAR.match(text):
        mo = _month(m[1])
        if not mo:
            return None
        if m[4]:
            return _dt(int(m[3]), mo, int(m[2]), _hour(int(m[4]), m[6]), int(m[5]))
        return _d(int(m[3]), mo, int(m[2]))
    if m := _MON_YEAR.match(text):
        mo = _month(m[1])
        return f"{int(m[2]):04d}-{mo:02d}" if mo else None
    if m := _YEAR.match(text):
        return m[1]
    if m := _DOTTED.match(text):
        return _d(int(m[3]), int(m[2]), int(m[1]))
    if m := _SENTENCE.search(text):
        mo = _month(m[1])
        return _dt(int(m[3]), mo, int(m[2]), _hour(int(m[4]), m[6]), int(m[5]), utc=True) if mo else None
    if " - " in text:  # an event's range: its start
        return parse_date(text.split(" - ", 1)[0])
    return None


def year_of(iso: str | None) -> str | None:
    return iso[:4] if iso and len(iso) >= 4 and iso[:4].isdigit() else None
