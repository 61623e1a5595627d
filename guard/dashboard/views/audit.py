"""The Audit page: the latest ``linkedin-guard audit`` of a data export, to work through.

Findings per rule and per year (the same SVG bar chart as the weekly page),
then each finding with its date, subject, excerpt and fix, and a button to
mark it handled (or not). Everything shown came from the export, i.e. was
partly written by strangers: it goes through ``markup.html`` like the log.
The page also searches the local post archive (``archive import``).

Results live in ``audit.sqlite3`` next to the log; stored runs follow the
log's retention (applied when the page is shown) and can be deleted here.
POSTs are protected like every other form: same-origin and session checks
in ``security.py``.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any, Callable

from aiohttp import web
from yarl import URL

from guard.dashboard import keys, svg
from guard.dashboard.layout import flash, page, rule_ids, rule_title, safe_link, tr
from guard.dashboard.markup import Markup, html, join, tag

TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Audit of your export", "Controle van je export"),
    "intro": ("What the rules find in your LinkedIn data export, by rule and by year. Run "
              "“linkedin-guard audit PATH” with the ZIP LinkedIn sent you; the newest run is shown here.",
              "Wat de regels vinden in je LinkedIn-gegevensexport, per regel en per jaar. Draai "
              "“linkedin-guard audit PAD” met de ZIP die LinkedIn je stuurde; de nieuwste controle staat hier."),
    "empty": ("No audit yet. Download your data from LinkedIn (Settings → Data privacy → Get a copy of your data) "
              "and run: linkedin-guard audit Basic_LinkedInDataExport_….zip",
              "Nog geen controle. Download je gegevens bij LinkedIn (Instellingen → Gegevensprivacy → Een kopie van je "
              "gegevens) en draai: linkedin-guard audit Basic_LinkedInDataExport_….zip"),
    "run": ("Export {source} ({kind}, dated {date}), audited {when}: {n} findings, {open} still to handle.",
            "Export {source} ({kind}, van {date}), gecontroleerd {when}: {n} bevindingen, {open} nog af te handelen."),
    "chart": ("Findings per year and rule", "Bevindingen per jaar en regel"),
    "undated": ("no date", "geen datum"),
    "date": ("Date", "Datum"),
    "rule": ("Rule", "Regel"),
    "subject": ("About", "Over"),
    "excerpt": ("Excerpt", "Fragment"),
    "fix": ("What to do", "Wat te doen"),
    "state": ("Handled", "Afgehandeld"),
    "handle": ("Mark handled", "Markeer als afgehandeld"),
    "unhandle": ("Mark not handled", "Markeer als open"),
    "handled_on": ("handled {when}", "afgehandeld {when}"),
    "problems": ("Rows that could not be read ({n})", "Rijen die niet te lezen waren ({n})"),
    "delete": ("Delete stored audit results", "Bewaarde controleresultaten verwijderen"),
    "delete_confirm": ("Delete every stored audit result?", "Alle bewaarde controleresultaten verwijderen?"),
    "deleted": ("Stored audit results deleted.", "Bewaarde controleresultaten verwijderd."),
    "updated": ("Updated {n} finding(s).", "{n} bevinding(en) bijgewerkt."),
    "search": ("Search your archived posts", "Zoek in je bewaarde berichten"),
    "search_button": ("Search", "Zoeken"),
    "search_none": ("No archived post matches.", "Geen bewaard bericht gevonden."),
    "search_hint": ("Fill the archive with “linkedin-guard archive import PATH”.",
                    "Vul het archief met “linkedin-guard archive import PAD”."),
    "source": ("From", "Uit"),
    "all": ("All findings", "Alle bevindingen"),
    "open_only": ("Still to handle", "Nog af te handelen"),
    "showing": ("{first}–{last} of {n}", "{first}–{last} van {n}"),
    "previous": ("Previous", "Vorige"),
    "next": ("Next", "Volgende"),
    "filters": ("Which findings", "Welke bevindingen"),
    "kind.post": ("post", "bericht"),
    "kind.article": ("article", "artikel"),
    "kind.comment": ("comment", "reactie"),
}


def _t(request: web.Request) -> Callable[..., str]:
    lang = tr(request).lang

    def t(key: str, **params: Any) -> str:
        en, nl = TEXTS[key]
        text = nl if lang == "nl" else en
        return text.format(**params) if params else text

    return t


def _db_path(request: web.Request, name: str) -> Path:
    config = request.app[keys.CONFIG]
    if config.log_path is not None:
        return Path(config.log_path).parent / name
    from guard import paths

    return paths.data_dir() / name


async def _blocking(fn, *args):
    return await asyncio.get_running_loop().run_in_executor(None, fn, *args)


PAGE_SIZE = 200


def _latest(path: Path, retention_days: int, rule: str | None, open_only: bool, offset: int) -> dict[str, Any] | None:
    from guard.export.store import AuditStore

    if not path.exists():
        return None
    with AuditStore(path) as store:
        store.apply_retention(retention_days)
        return store.latest(rule=rule, open_only=open_only, limit=PAGE_SIZE, offset=offset)


def _search(path: Path, query: str) -> list[dict[str, Any]] | None:
    from guard.export.posts import PostArchive

    if not path.exists():
        return None
    with PostArchive(path) as archive:
        return archive.search(query, limit=50)


def _year_counts(counts: list[dict[str, Any]], undated: str) -> dict[str, dict[str, int]]:
    """``{"2021-": {"LG201": 3}}``: the chart helper labels bars by the part after ``-`` and the row
    below by the part before it, so a year key with nothing after the dash shows just the year."""
    out: dict[str, dict[str, int]] = {}
    for c in counts:
        year = c["year"] or ""
        key = f"{year}-" if year.isdigit() else f"{undated}-"
        per = out.setdefault(key, {})
        per[c["rule"]] = per.get(c["rule"], 0) + int(c["n"])
    return dict(sorted(out.items(), key=lambda kv: (not kv[0][:4].isdigit(), kv[0])))


def _filters(request: web.Request) -> tuple[str | None, bool, int]:
    rule = request.query.get("rule") or None
    if rule is not None and not re.fullmatch(r"LG\d{3}", rule):
        raise web.HTTPBadRequest(text="rule: expected an id such as LG201\n")
    try:
        offset = max(0, min(10**7, int(request.query.get("offset", "0"))))
    except ValueError:
        raise web.HTTPBadRequest(text="offset: expected a whole number\n") from None
    return rule, request.query.get("open") == "1", offset


async def audit_page(request: web.Request) -> web.Response:
    t = _t(request)
    tt = tr(request)
    settings = request.app[keys.SETTINGS].effective_settings  # retention as in force (guard.managed)
    rule, open_only, offset = _filters(request)
    run = await _blocking(_latest, _db_path(request, "audit.sqlite3"), settings.log.retention_days, rule, open_only, offset)
    query = (request.query.get("q") or "").strip()[:200]
    notices = []
    if "deleted" in request.query:
        notices.append(flash("ok", t("deleted")))
    if "updated" in request.query:
        notices.append(flash("ok", t("updated", n=request.query.get("updated", "0")[:6])))
    parts: list[Markup] = [
        html('<div class="page-head"><h1>{title}</h1><p class="lead">{intro}</p></div>', title=t("title"), intro=t("intro")),
        join(notices),
        await _search_block(request, t, query),
    ]
    if run is None:
        parts.append(tag("p", t("empty"), class_="card empty"))
    else:
        parts.append(_run_block(t, tt, run, rule, open_only, offset, _back(request)))
    return page(request, title=t("title"), body=join(parts), active="audit")


async def _search_block(request: web.Request, t, query: str) -> Markup:
    form = html(
        '<form class="card filters" method="get" action="/audit" role="search">'
        '<label>{label} <input type="search" name="q" value="{q}" maxlength="200"></label> '
        '<button class="btn" type="submit">{button}</button></form>',
        label=t("search"), q=query, button=t("search_button"))
    if not query:
        return form
    matches = await _blocking(_search, _db_path(request, "archive.sqlite3"), query)
    if not matches:
        return form + tag("p", t("search_none") + " " + t("search_hint") if matches is None else t("search_none"),
                          class_="card empty")
    items = join(
        html('<li class="archive-hit"><span class="mono">{date}</span> · {kind} {link}<p>{text}</p></li>',
             date=(m["date"] or "").replace("T", " ")[:16], kind=t(f"kind.{m['kind']}") if f"kind.{m['kind']}" in TEXTS else m["kind"],
             link=safe_link(m["url"], "↗") if m["url"] else Markup(""), text=m["text"][:1000])
        for m in matches)
    return form + html('<ul class="card archive-results">{items}</ul>', items=items)


def _back(request: web.Request) -> str:
    """This page's own address without notices, to come back to after a POST."""
    query = {k: v for k, v in request.query.items() if k in ("rule", "open", "offset", "q")}
    return str(request.rel_url.with_query(query))


def _local_back(value: Any) -> str:
    # Only this page: never an open redirect.
    text = str(value or "")
    return text if text == "/audit" or text.startswith("/audit?") else "/audit"


def _run_block(t, tt, run: dict[str, Any], rule: str | None, open_only: bool, offset: int, back: str) -> Markup:
    counts = run["counts"]
    total = sum(int(c["n"]) for c in counts)
    open_n = sum(int(c["open"] or 0) for c in counts)
    summary = tag("p", t("run", source=run["source"], kind=run["kind"], date=run["export_date"] or "?",
                         when=run["created_at"].replace("T", " ").replace("Z", " UTC"),
                         n=tt.number(total), open=tt.number(open_n)), class_="lead")
    blocks: list[Markup] = [summary]
    if total:
        rules = sorted({c["rule"] for c in counts})
        per_rule = {r: sum(int(c["n"]) for c in counts if c["rule"] == r) for r in rules}
        names = {r: rule_title(r, tt.lang) for r in rules}
        catalogue = rule_ids()
        legend = join(html('<li>{sw}<a href="/audit?rule={r}"><span class="rule-id">{r}</span> {name} ({n})</a></li>',
                           sw=svg.swatch(svg.rule_color(r, catalogue)), r=r, name=names[r],
                           n=tt.number(per_rule[r])) for r in rules)
        blocks.append(html('<figure class="card chart-card"><figcaption>{cap}</figcaption>{chart}<ul class="legend">{legend}</ul></figure>',
                           cap=t("chart"), chart=svg.bar_chart(_year_counts(counts, t("undated")), rules, t("chart"), names, catalogue),
                           legend=legend))
        blocks.append(_filter_links(t, tt, rule, open_only, offset, run["matching"]))
        blocks.append(_table(t, run["findings"], names, back))
    if run["problems"]:
        blocks.append(html('<details class="card"><summary>{s}</summary><ul>{items}</ul></details>',
                           s=t("problems", n=len(run["problems"])),
                           items=join(html("<li><span class=\"mono\">{f}</span>: {m}</li>", f=p.get("file", ""), m=p.get("message", ""))
                                      for p in run["problems"][:200])))
    blocks.append(html('<form method="post" action="/audit/delete" data-confirm="{c}"><button class="btn btn-danger" type="submit">{d}</button></form>',
                       c=t("delete_confirm"), d=t("delete")))
    return join(blocks)


def _filter_links(t, tt, rule: str | None, open_only: bool, offset: int, matching: int) -> Markup:
    def href(**change: Any) -> str:
        state = {"rule": rule, "open": "1" if open_only else None, "offset": None}
        state.update(change)
        query = "&".join(f"{k}={v}" for k, v in state.items() if v)
        return "/audit" + (f"?{query}" if query else "")

    links = [tag("a", t("all"), href=href(rule=None, open=None), class_="btn btn-quiet btn-small",
                 aria_current="true" if not rule and not open_only else None),
             tag("a", t("open_only"), href=href(open="1"), class_="btn btn-quiet btn-small",
                 aria_current="true" if open_only else None)]
    shown = html('<span class="muted">{text}</span>', text=t(
        "showing", first=tt.number(min(matching, offset + 1)), last=tt.number(min(matching, offset + PAGE_SIZE)),
        n=tt.number(matching)))
    pager = []
    if offset > 0:
        pager.append(tag("a", t("previous"), href=href(offset=str(max(0, offset - PAGE_SIZE)) if offset > PAGE_SIZE else None),
                         class_="btn btn-quiet btn-small"))
    if offset + PAGE_SIZE < matching:
        pager.append(tag("a", t("next"), href=href(offset=str(offset + PAGE_SIZE)), class_="btn btn-quiet btn-small"))
    return html('<nav class="ranges" aria-label="{label}">{links} {shown} {pager}</nav>',
                label=t("filters"), links=join(links, " "), shown=shown, pager=join(pager, " "))


def _table(t, findings: list[dict[str, Any]], names: dict[str, str], back: str) -> Markup:
    rows = join(
        html(
            '<tr data-finding-id="{id}"{cls}><td class="mono">{date}</td><td><span class="rule-id">{rule}</span> {name}</td>'
            '<td>{subject}<br><small>{about}{source}</small></td><td>{excerpt}</td><td>{fix}</td><td>{state}</td></tr>',
            id=f["id"], cls=Markup(' class="handled"') if f["handled_at"] else Markup(""),
            date=(f["date"] or "").replace("T", " ").rstrip("Z")[:16], rule=f["rule"], name=names.get(f["rule"], ""),
            subject=safe_link(f["subject"], f["subject"]) if f["subject"].startswith("https://") else f["subject"],
            about=f"{f['about']} · " if f["about"] and f["about"] != f["subject"] else "",
            source=f["source"], excerpt=f["excerpt"] or "", fix=f["fix"] or "",
            state=_handle_form(t, f, back),
        )
        for f in findings
    )
    return html(
        '<div class="card table-wrap"><table class="log-table audit-table"><thead><tr><th scope="col">{d}</th>'
        '<th scope="col">{r}</th><th scope="col">{s}</th><th scope="col">{e}</th><th scope="col">{f}</th>'
        '<th scope="col">{h}</th></tr></thead><tbody>{rows}</tbody></table></div>',
        d=t("date"), r=t("rule"), s=t("subject"), e=t("excerpt"), f=t("fix"), h=t("state"), rows=rows)


def _handle_form(t, f: dict[str, Any], back: str) -> Markup:
    done = bool(f["handled_at"])
    return html(
        '{when}<form method="post" action="/audit/handled"><input type="hidden" name="id" value="{id}">'
        '<input type="hidden" name="back" value="{back}">'
        '<input type="hidden" name="handled" value="{v}"><button class="btn btn-quiet btn-small" type="submit">{label}</button></form>',
        when=tag("small", t("handled_on", when=f["handled_at"][:10])) if done else Markup(""),
        id=f["id"], back=back, v="0" if done else "1", label=t("unhandle") if done else t("handle"))


def _set_handled(path: Path, ids: list[int], handled: bool) -> int:
    from guard.export.store import AuditStore

    if not path.exists():
        return 0
    with AuditStore(path) as store:
        return store.set_handled(ids, handled)


def _clear(path: Path) -> int:
    from guard.export.store import AuditStore

    if not path.exists():
        return 0
    with AuditStore(path) as store:
        return store.clear()


async def mark_handled(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    try:
        ids = sorted({int(v) for v in form.getall("id", [])[:1000]})
    except ValueError:
        raise web.HTTPBadRequest(text="id: expected whole numbers\n") from None
    handled = form.get("handled", "1") != "0"
    n = await _blocking(_set_handled, _db_path(request, "audit.sqlite3"), ids, handled)
    back = URL(_local_back(form.get("back")))
    raise web.HTTPSeeOther(str(back.update_query(updated=int(n))))


async def delete_results(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    if form.get("confirmed") != "1":  # without script: ask on a page of its own, like the log does
        from guard.dashboard.views.log import _confirm_page

        t = _t(request)
        return _confirm_page(request, "/audit/delete", t("delete_confirm"), t("delete"), [])
    await _blocking(_clear, _db_path(request, "audit.sqlite3"))
    raise web.HTTPSeeOther("/audit?deleted=1")


def setup(router: web.UrlDispatcher) -> None:
    router.add_get("/audit", audit_page, name="audit")
    router.add_post("/audit/handled", mark_handled)
    router.add_post("/audit/delete", delete_results)
