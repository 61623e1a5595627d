"""Which rules can fire with the settings as they are: "needs setup" in the extension's pages.

With default settings LG301, LG401, LG402 and LG501 can never fire (they
compare what is on the page with what the person told the guard), yet they
show as "on". :func:`rule_overview` says per rule whether its settings are
there (``ready``), missing (``needs_setup``, with what is missing), or say
that the rule does not apply (``not_applicable``: the contract has no such
clause). Names, one-line summaries, default severity and mode come from the
rules' own docs (the catalogue), so the extension never keeps a copy.
"""

from __future__ import annotations

from typing import Any, Callable

from guard.models import Settings

Check = Callable[[Settings], tuple[str, str | None]]


def _clients(s: Settings) -> tuple[str, str | None]:
    return ("ready", None) if s.clients else ("needs_setup", "clients")


def _official_title(s: Settings) -> tuple[str, str | None]:
    if s.employer is None:
        return "needs_setup", "employer"
    return ("ready", None) if s.employer.official_title else ("needs_setup", "employer.official_title")


def _contract_restriction(s: Settings) -> tuple[str, str | None]:
    if s.employer is None:
        return "needs_setup", "employer"
    return ("ready", None) if s.employer.social_media_policy else ("not_applicable", "employer.social_media_policy")


def _former_employers(s: Settings) -> tuple[str, str | None]:
    with_clause = [f for f in s.former_employers if f.cleanup_clause]
    if not s.former_employers:
        return "needs_setup", "former_employers"
    if not with_clause:
        return "not_applicable", "former_employers.cleanup_clause"
    return ("ready", None) if any(f.clients for f in with_clause) else ("needs_setup", "former_employers.clients")


#: Rule id -> what its settings must hold before it can fire.
SETUP_CHECKS: dict[str, Check] = {
    "LG301": _clients,
    "LG401": _official_title,
    "LG402": _contract_restriction,
    "LG501": _former_employers,
}


def _first_line(text: str) -> str:
    return " ".join((text or "").split())


def rule_overview(settings: Settings) -> list[dict[str, Any]]:
    """One item per rule: id, slug, title and summary (en, nl), defaults, the setting, and its setup state."""
    from guard.cli.rules import catalogue

    out = []
    for entry in catalogue():
        setting = settings.rule_setting(entry["id"])
        setup, missing = SETUP_CHECKS.get(entry["id"], lambda s: ("ready", None))(settings)
        out.append({
            "id": entry["id"],
            "slug": entry["slug"],
            "title": entry["title"],
            "summary": {"en": _first_line(entry.get("doc", {}).get("Summary", "")),
                        "nl": _first_line((entry.get("doc_nl") or entry.get("doc", {})).get("Summary", ""))},
            "default_severity": entry["severity"],
            "default_mode": entry["mode"],
            "enabled": setting.enabled,
            "mode": setting.mode,
            "setup": setup,
            "missing": missing,
        })
    return out
