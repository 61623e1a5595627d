"""The rule catalogue, generated from the rules' docstrings (the same source as ``linkedin-guard rules``)."""

from __future__ import annotations

import re

from aiohttp import web

from guard.dashboard import keys
from guard.dashboard.i18n import Translator
from guard.dashboard.layout import mode_label, page, severity_badge, kind_label, tr
from guard.dashboard.markup import Markup, escape, html, join, tag
from guard.models import Settings
from guard.rules.base import DOC_HEADINGS

_CODE = re.compile(r"`([^`]+)`")


def doc_html(text: str) -> Markup:
    """Docstring prose as HTML: paragraphs, ``- `` lists and `code`. Escaped first, always."""
    blocks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
        if not lines:
            continue
        if all(ln.startswith(("- ", "* ")) for ln in lines):
            items = join(html("<li>{x}</li>", x=_inline(ln[2:])) for ln in lines)
            blocks.append(html("<ul>{items}</ul>", items=items))
        else:
            blocks.append(html("<p>{x}</p>", x=_inline(" ".join(lines))))
    return join(blocks)


def _inline(text: str) -> Markup:
    # Escape, then mark up backticks: the text inside is escaped already.
    return Markup(_CODE.sub(lambda m: f"<code>{m.group(1)}</code>", escape(text)))


def catalogue_with_state(settings: Settings) -> list[dict]:
    from guard.cli.rules import catalogue

    out = []
    for entry in catalogue():
        setting = settings.rule_setting(entry["id"])
        out.append({**entry, "enabled": setting.enabled, "mode_setting": setting.mode})
    return out


def _card(t: Translator, e: dict) -> Markup:
    doc = e.get("doc", {})
    sections = join(
        html('<h3>{h}</h3>{body}', h=heading, body=doc_html(doc[heading]))
        for heading in DOC_HEADINGS
        if doc.get(heading)
    )
    state = t("rules.state.on") if e["enabled"] else t("rules.state.off")
    mode = e["mode_setting"] or e["mode"]
    sources = join(
        html('<li><a href="{url}" rel="noopener noreferrer" target="_blank">{source} art. {article}</a></li>', **lb)
        for lb in e.get("legal_basis", [])
    )
    return html(
        """<article class="card rule-card" id="{id}">
<header class="rule-head">
  <h2><span class="rule-id">{id}</span> {title}</h2>
  <span class="state state-{state_cls}">{state}</span>
</header>
<p class="rule-slug mono">{slug}</p>
<dl class="facts facts-inline">
  <dt>{sev_label}</dt><dd>{sev}</dd>
  <dt>{mode_label_}</dt><dd>{mode}</dd>
  <dt>{kinds_label}</dt><dd>{kinds}</dd>
</dl>
{summary}
<details><summary>{more}</summary>{sections}</details>
<h3>{sources_label}</h3><ul class="sources">{sources}</ul>
</article>""",
        id=e["id"],
        title=e["title"].get(t.lang) or e["title"]["en"],
        state_cls="on" if e["enabled"] else "off",
        state=state,
        slug=e["slug"],
        sev_label=t("rules.default_severity"),
        sev=severity_badge(t, e["severity"]),
        mode_label_=t("rules.mode"),
        mode=mode_label(t, mode),
        kinds_label=t("rules.kinds"),
        kinds=", ".join(kind_label(t, k) for k in e["kinds"]),
        summary=doc_html(doc.get("Summary", "")),
        more=t("rules.details"),
        sections=sections,
        sources_label=t("rules.sources"),
        sources=sources,
    )


async def rules_page(request: web.Request) -> web.Response:
    t = tr(request)
    entries = catalogue_with_state(request.app[keys.SETTINGS].settings)
    toc = join(html('<li><a href="#{id}"><span class="rule-id">{id}</span> {title}</a></li>', id=e["id"], title=e["title"].get(t.lang)) for e in entries)
    body = html(
        """<div class="page-head"><h1>{title}</h1><p class="lead">{intro}</p>{note}</div>
<nav class="card toc" aria-label="{title}"><ul>{toc}</ul></nav>
{cards}""",
        title=t("rules.title"),
        intro=t("rules.intro"),
        note=tag("p", t("rules.doc_english"), class_="muted") if t.lang != "en" else Markup(""),
        toc=toc,
        cards=join(_card(t, e) for e in entries),
    )
    return page(request, title=t("rules.title"), body=body, active="rules")
