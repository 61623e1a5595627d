"""The rule catalogue, generated from the rules' docstrings (the same source as ``linkedin-guard rules``).

In Dutch the cards show each rule's ``doc_nl`` under the Dutch headings;
a rule without Dutch documentation falls back to its English docstring,
marked ``lang="en"`` and announced by a note at the top.
"""

from __future__ import annotations

import re

from aiohttp import web

from guard.dashboard import keys
from guard.dashboard.i18n import Translator
from guard.dashboard.layout import mode_label, page, severity_badge, kind_label, tr
from guard.dashboard.markup import Markup, attrs, escape, html, join, tag
from guard.models import Settings
from guard.rules.base import DOC_HEADINGS, DOC_HEADINGS_NL

_CODE = re.compile(r"`([^`]+)`")


def doc_html(text: str) -> Markup:
    """Docstring prose as HTML: paragraphs, ``- `` lists and `code`. Escaped first, always.

    A list item may wrap onto indented lines; they belong to the item above.
    """
    blocks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        raw = [ln for ln in block.splitlines() if ln.strip()]
        lines = [ln.strip() for ln in raw]
        if not lines:
            continue
        bullet = ("- ", "* ")
        if lines[0].startswith(bullet) and all(
            ln.startswith(bullet) or r[:1].isspace() for ln, r in zip(lines, raw)
        ):
            items: list[str] = []
            for ln in lines:
                if ln.startswith(bullet):
                    items.append(ln[2:])
                else:
                    items[-1] += " " + ln
            blocks.append(html("<ul>{items}</ul>", items=join(html("<li>{x}</li>", x=_inline(x)) for x in items)))
        else:
            blocks.append(html("<p>{x}</p>", x=_inline(" ".join(lines))))
    return join(blocks)


def _inline(text: str) -> Markup:
    # Escape, then mark up backticks: the text inside is escaped already.
    return Markup(_CODE.sub(lambda m: f"<code>{m.group(1)}</code>", escape(text)))


def catalogue_with_state(settings: Settings, sources: dict[str, str] | None = None) -> list[dict]:
    """The catalogue with each rule's setting in force; ``locked`` lists what the organisation locked.

    Pass the *effective* settings and their sources (guard.managed), not the
    person's own file: the organisation's defaults and locks are what fires.
    """
    from guard.cli.rules import catalogue

    sources = sources or {}
    out = []
    for entry in catalogue():
        setting = settings.rule_setting(entry["id"])
        locked = [field for field in ("enabled", "mode")
                  if sources.get(f"rules.{entry['id']}.{field}") == "managed-locked"]
        out.append({**entry, "enabled": setting.enabled, "mode_setting": setting.mode, "locked": locked})
    return out


def catalogue_in_force(request: web.Request) -> list[dict]:
    effective = request.app[keys.SETTINGS].effective()
    return catalogue_with_state(effective.settings, effective.sources)


def _dutch(t: Translator, e: dict) -> bool:
    """Whether this card shows the rule's Dutch documentation."""
    return t.lang == "nl" and bool(e.get("doc_nl"))


def _card(t: Translator, e: dict) -> Markup:
    dutch = _dutch(t, e)
    doc = e["doc_nl"] if dutch else e.get("doc", {})
    sections = join(
        html('<h3>{h}</h3>{body}', h=DOC_HEADINGS_NL[heading] if dutch else heading, body=doc_html(doc[heading]))
        for heading in DOC_HEADINGS
        if doc.get(heading)
    )
    # English text on a Dutch page says so, for screen readers and translators.
    doc_lang = attrs(lang="en") if t.lang != "en" and not dutch else Markup("")
    state = t("rules.state.on") if e["enabled"] else t("rules.state.off")
    # Locked by the organisation: said next to the state (the catalogue has no controls to disable).
    locked = tag("span", f"({t('managed.locked')})", class_="locked-note", data_locked=" ".join(e["locked"])) \
        if e.get("locked") else Markup("")
    mode = e["mode_setting"] or e["mode"]
    sources = join(
        html('<li><a href="{url}" rel="noopener noreferrer" target="_blank">{source} art. {article}</a></li>', **lb)
        for lb in e.get("legal_basis", [])
    )
    return html(
        """<article class="card rule-card" id="{id}">
<header class="rule-head">
  <h2><span class="rule-id">{id}</span> {title}</h2>
  <span class="state state-{state_cls}">{state}</span> {locked}
</header>
<p class="rule-slug mono">{slug}</p>
<dl class="facts facts-inline">
  <dt>{sev_label}</dt><dd>{sev}</dd>
  <dt>{mode_label_}</dt><dd>{mode}</dd>
  <dt>{kinds_label}</dt><dd>{kinds}</dd>
</dl>
<div class="rule-doc"{doc_lang}>{summary}</div>
<details><summary>{more}</summary><div class="rule-doc"{doc_lang}>{sections}</div></details>
<h3>{sources_label}</h3><ul class="sources">{sources}</ul>
</article>""",
        id=e["id"],
        title=e["title"].get(t.lang) or e["title"]["en"],
        state_cls="on" if e["enabled"] else "off",
        state=state,
        locked=locked,
        slug=e["slug"],
        sev_label=t("rules.default_severity"),
        sev=severity_badge(t, e["severity"]),
        mode_label_=t("rules.mode"),
        mode=mode_label(t, mode),
        kinds_label=t("rules.kinds"),
        kinds=", ".join(kind_label(t, k) for k in e["kinds"]),
        doc_lang=doc_lang,
        summary=doc_html(doc.get("Summary", "")),
        more=t("rules.details"),
        sections=sections,
        sources_label=t("rules.sources"),
        sources=sources,
    )


_RULE_ID = re.compile(r"^LG\d{3}$")


async def rules_page(request: web.Request) -> web.Response:
    # "Learn more" arrives as /rules?rule=LG301 (a fragment is lost in the token
    # exchange): land on that rule's own section, whose id is the rule id.
    focus = request.query.get("rule", "")
    if _RULE_ID.match(focus):
        raise web.HTTPSeeOther(f"/rules#{focus}")
    t = tr(request)
    entries = catalogue_in_force(request)
    toc = join(html('<li><a href="#{id}"><span class="rule-id">{id}</span> {title}</a></li>', id=e["id"], title=e["title"].get(t.lang)) for e in entries)
    body = html(
        """<div class="page-head"><h1>{title}</h1><p class="lead">{intro}</p>{note}</div>
<nav class="card toc" aria-label="{title}"><ul>{toc}</ul></nav>
{cards}""",
        title=t("rules.title"),
        intro=t("rules.intro"),
        # Only while some rule still lacks Dutch documentation.
        note=tag("p", t("rules.doc_english"), class_="muted")
        if t.lang != "en" and not all(_dutch(t, e) for e in entries)
        else Markup(""),
        toc=toc,
        cards=join(_card(t, e) for e in entries),
    )
    return page(request, title=t("rules.title"), body=body, active="rules")
