"""The page shell every dashboard page shares, and small formatting helpers."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from aiohttp import web

from guard.dashboard import keys
from guard.dashboard.i18n import Translator
from guard.dashboard.markup import Markup, attrs, html, join, tag

NAV = (
    ("log", "/", "nav.log"),
    ("chart", "/chart", "nav.chart"),
    ("settings", "/settings", "nav.settings"),
    ("rules", "/rules", "nav.rules"),
    ("audit", "/audit", "nav.audit"),
    ("consent", "/consent", "nav.consent"),
)

LOGO = Markup(
    '<svg class="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">'
    '<path d="M16 2 4 6.5v8.2c0 7.6 5.1 13.4 12 15.3 6.9-1.9 12-7.7 12-15.3V6.5L16 2z" class="logo-shield"/>'
    '<path d="m10.5 16.2 3.8 3.8 7.4-8" class="logo-check"/></svg>'
)


def tr(request: web.Request) -> Translator:
    return request[keys.TR]


def page(
    request: web.Request,
    *,
    title: str,
    body: Markup,
    active: str | None = None,
    status: int = 200,
    body_attrs: dict[str, Any] | None = None,
) -> web.Response:
    t = tr(request)
    nav = join(
        html(
            '<a href="{href}"{current}>{label}</a>',
            href=href,
            label=t(key),
            current=attrs(aria_current="page" if name == active else None),
        )
        for name, href, key in NAV
    )
    live = tag(
        "span",
        t("live.connecting"),
        id="live-status",
        class_="live",
        data_state="connecting",
        data_text_on=t("live.on"),
        data_text_off=t("live.off"),
        role="status",
    )
    doc = html(
        """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{title} · LinkedIn Guard</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body{body_attrs}>
<header class="topbar">
<div class="topbar-inner">
<a class="brand" href="/">{logo}<span>LinkedIn Guard</span></a>
<nav aria-label="{nav_label}">{nav}</nav>
{live}
</div>
</header>
<main id="main">
{body}
</main>
<footer class="footer"><p>{disclaimer}</p></footer>
</body>
</html>
""",
        lang=t.lang,
        title=title,
        body_attrs=attrs(data_page=active, **(body_attrs or {})),
        logo=LOGO,
        nav_label=t("nav.main"),
        nav=nav,
        live=live,
        body=body,
        disclaimer=t("footer.disclaimer"),
    )
    return web.Response(text=doc, status=status, content_type="text/html", charset="utf-8")


# --------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------


def local_time(value: str | None, with_seconds: bool = False) -> str:
    """``2026-11-28T17:01:02Z`` -> ``2026-11-28 18:01 +01:00``: the CLI's format too (guard.timefmt)."""
    from guard.timefmt import local_time as shared_local_time

    return shared_local_time(value, with_seconds)


def time_tag(value: str | None) -> Markup:
    return tag("time", local_time(value), datetime=value or None, title=local_time(value, True) or None)


def shorten(text: str | None, limit: int = 140) -> str:
    if not text:
        return ""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@lru_cache(maxsize=None)
def _rule_classes() -> dict[str, Any]:
    from guard.rules import all_rules

    return {r.id: r for r in all_rules()}


def rule_ids() -> list[str]:
    return sorted(_rule_classes())


def rule_title(rule_id: str, lang: str) -> str:
    cls = _rule_classes().get(rule_id)
    if cls is None:
        return rule_id
    return cls.wordings["default"].title.get(lang)


def severity_badge(t: Translator, severity: str) -> Markup:
    key = f"severity.{severity}"
    label = t(key) if key in _known_keys() else severity
    return tag("span", label, class_=f"badge sev-{severity}" if severity in ("info", "warning", "critical") else "badge")


def decision_label(t: Translator, decision: str | None, kind: str | None = None) -> str:
    """The decision in words; "proceeded" with the action's verb when the kind is known ("posted anyway")."""
    known = _known_keys()
    if decision and kind and f"decision.{decision}.{kind}" in known:
        return t(f"decision.{decision}.{kind}")
    key = f"decision.{decision or 'none'}"
    return t(key) if key in known else str(decision)


def kind_label(t: Translator, kind: str) -> str:
    key = f"kind.{kind}"
    return t(key) if key in _known_keys() else kind


def mode_label(t: Translator, mode: str) -> str:
    key = f"mode.{mode}"
    return t(key) if key in _known_keys() else mode


@lru_cache(maxsize=1)
def _known_keys() -> frozenset[str]:
    from guard.dashboard.i18n import TEXTS

    return frozenset(TEXTS)


def safe_link(url: str | None, text: Any = None) -> Markup:
    """A link only for http(s) URLs; anything else (``javascript:``…) is shown as text."""
    if not url:
        return Markup("")
    lowered = url.strip().lower()
    if lowered.startswith("https://") or lowered.startswith("http://"):
        return tag("a", text if text is not None else url, href=url.strip(), rel="noopener noreferrer", target="_blank")
    return tag("span", text if text is not None else url, class_="mono")


def flash(kind: str, text: Any) -> Markup:
    return tag("p", text, class_=f"flash flash-{kind}", role="status" if kind != "error" else "alert")

