"""Log filters from a query string, checked, for the pages, the exports and ``/api/log``.

Dates in the filter are the person's local calendar days: "from 1 December"
means from local midnight, "until 7 December" includes all of that day (the
log's ``until`` is exclusive, so it gets the next local midnight).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Mapping

from guard.models import CONTEXT_KINDS

SEVERITIES = ("info", "warning", "critical")
DECISIONS = ("none", "dismissed", "proceeded", "cancelled", "fixed", "not_applicable")
MAX_SEARCH = 200


class FilterError(ValueError):
    pass


@dataclass(frozen=True)
class LogFilters:
    rule: str | None = None
    severity: str | None = None
    kind: str | None = None
    decision: str | None = None
    since: date | None = None
    until: date | None = None
    search: str | None = None

    @property
    def active(self) -> bool:
        return any(v is not None for v in asdict(self).values())

    def query(self) -> dict[str, str]:
        """The filters as query parameters (only the ones that are set)."""
        out: dict[str, str] = {}
        for name, value in asdict(self).items():
            if value is None:
                continue
            out["q" if name == "search" else name] = value.isoformat() if isinstance(value, date) else str(value)
        return out

    def log_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``WarningLog.entries`` / ``count`` (``until`` is exclusive there)."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "kind": self.kind,
            "decision": self.decision,
            "since": _local_midnight(self.since) if self.since else None,
            "until": _local_midnight(self.until + timedelta(days=1)) if self.until else None,
            "search": self.search,
        }


def _local_midnight(day: date) -> datetime:
    """Midnight of ``day`` in this computer's time zone, as an aware datetime."""
    return datetime.combine(day, time(0, 0)).astimezone()


def _date(name: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise FilterError(f"{name}: expected a date like 2026-12-01, got {value[:40]!r}") from None


def parse_filters(query: Mapping[str, str], known_rules: frozenset[str] | set[str]) -> LogFilters:
    def get(name: str) -> str | None:
        value = (query.get(name) or "").strip()
        return value or None

    rule = get("rule")
    if rule is not None and rule not in known_rules:
        raise FilterError(f"rule: unknown rule {rule[:20]!r}")
    severity = get("severity")
    if severity is not None and severity not in SEVERITIES:
        raise FilterError(f"severity: expected one of {', '.join(SEVERITIES)}")
    kind = get("kind")
    if kind is not None and kind not in CONTEXT_KINDS:
        raise FilterError(f"kind: expected one of {', '.join(CONTEXT_KINDS)}")
    decision = get("decision")
    if decision is not None and decision not in DECISIONS:
        raise FilterError(f"decision: expected one of {', '.join(DECISIONS)}")
    since = _date("since", v) if (v := get("since")) else None
    until = _date("until", v) if (v := get("until")) else None
    if since and until and until < since:
        raise FilterError("until: before since")
    search = get("q")
    if search is not None and len(search) > MAX_SEARCH:
        raise FilterError(f"q: at most {MAX_SEARCH} characters")
    return LogFilters(rule, severity, kind, decision, since, until, search)


def int_param(query: Mapping[str, str], name: str, default: int, lo: int, hi: int) -> int:
    raw = query.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise FilterError(f"{name}: expected a whole number") from None
    if not lo <= value <= hi:
        raise FilterError(f"{name}: expected {lo}..{hi}")
    return value
