"""The warning log: list with filters, entry detail, delete/clear with confirmation, export."""

from __future__ import annotations

import csv
import io
import json
import math
from typing import Any

from aiohttp import web
from yarl import URL

from guard.dashboard import keys
from guard.dashboard.filters import DECISIONS, SEVERITIES, FilterError, LogFilters, int_param, parse_filters
from guard.dashboard.i18n import Translator
from guard.dashboard.layout import (
    decision_label,
    flash,
    kind_label,
    page,
    rule_ids,
    rule_title,
    safe_link,
    severity_badge,
    shorten,
    time_tag,
    tr,
)
from guard.dashboard.markup import Markup, html, join, option, tag, void
from guard.models import CONTEXT_KINDS
from guard.warning_log import csv_cell

PAGE_SIZE = 50
EXPORT_FIELDS = (
    "id", "created_at", "rule", "slug", "severity", "kind", "subject", "url",
    "page_session", "decision", "justification", "excerpt", "count", "last_seen",
)
MAX_DELETE = 10_000


def entry_dict(entry: Any) -> dict[str, Any]:
    if isinstance(entry, dict):
        return entry
    return entry.model_dump(mode="json") if hasattr(entry, "model_dump") else dict(entry)


def filters_from(request: web.Request) -> LogFilters:
    try:
        return parse_filters(request.query, frozenset(rule_ids()))
    except FilterError as err:
        raise web.HTTPBadRequest(text=tr(request)("error.bad_filter", problem=str(err)) + "\n") from None


def _url(path: str, params: dict[str, Any]) -> str:
    from urllib.parse import urlencode

    clean = {k: v for k, v in params.items() if v not in (None, "")}
    return path + ("?" + urlencode(clean) if clean else "")


# --------------------------------------------------------------------------
# The list
# --------------------------------------------------------------------------


async def log_page(request: web.Request) -> web.Response:
    t = tr(request)
    filters = filters_from(request)
    db = request.app[keys.LOG]
    kwargs = filters.log_kwargs()
    total = await db.call("count", **kwargs)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    try:
        page_no = int_param(request.query, "page", 1, 1, 10**9)
    except FilterError as err:
        raise web.HTTPBadRequest(text=str(err)) from None
    page_no = min(page_no, pages)
    entries = [
        entry_dict(e) for e in await db.call("entries", limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE, **kwargs)
    ]
    grand_total = await db.call("count") if filters.active else total
    # What is in force: the organisation may set or lock retention and excerpts (guard.managed).
    effective = request.app[keys.SETTINGS].effective()
    settings = effective.settings
    retention_locked = effective.sources.get("log.retention_days") == "managed-locked"

    notices = _notices(request, t)
    body = html(
        """
<div class="page-head">
  <h1>{title}</h1>
  <p class="lead">{intro}</p>
</div>
{notices}
{filter_form}
<p class="new-banner" id="new-banner" hidden>{banner} <a href="/">{banner_show}</a></p>
<section class="card log-card">
  <div class="log-toolbar">
    <p class="count" id="log-count" data-total="{total_raw}" data-one="{one}" data-many="{many}">{count}</p>
    <p class="exports">{export_label}: <a href="{csv}" download>CSV</a> · <a href="{json_url}" download>JSON</a></p>
  </div>
  {table}
  {pager}
</section>
<section class="card danger-zone">
  <p>{retention}</p>
  <div class="actions">
    <form method="post" action="/log/retention">{retention_button}</form>
    <form method="post" action="/log/clear" data-confirm="{confirm_clear}">{clear_button}</form>
  </div>
</section>
""",
        title=t("log.title"),
        intro=t("log.intro"),
        notices=notices,
        filter_form=_filter_form(t, filters),
        banner=t("log.new_banner"),
        banner_show=t("log.new_banner.show"),
        total_raw=str(total),
        one=t("log.count.one"),
        many=t("log.count", n="{n}"),
        count=_count_text(t, total, grand_total, filters.active),
        export_label=t("log.export"),
        csv=_url("/log/export.csv", filters.query()),
        json_url=_url("/log/export.json", filters.query()),
        table=_table(t, entries, filters, settings.log.store_excerpts),
        pager=_pager(t, filters, page_no, pages),
        retention=join([t("log.retention", days=settings.log.retention_days),
                        tag("span", f" ({t('managed.locked')})", class_="locked-note", data_locked="1")
                        if retention_locked else ""]),
        retention_button=tag("button", t("log.retention.apply"), type="submit", class_="btn"),
        confirm_clear=t("confirm.js.clear"),
        clear_button=tag("button", t("log.clear_all"), type="submit", class_="btn btn-danger"),
    )
    # The live feed inserts new rows only where they belong for sure: the
    # first page without filters. Elsewhere it shows the "new warnings" banner.
    live_insert = "1" if page_no == 1 and not filters.active else "0"
    return page(request, title=t("log.title"), body=body, active="log", body_attrs={"data_live_insert": live_insert})


def _notices(request: web.Request, t: Translator) -> Markup:
    out = []
    q = request.query
    for name, key in (("deleted", "log.deleted"), ("cleared", "log.cleared"), ("retained", "log.retention.done")):
        if q.get(name, "").isdigit():
            out.append(flash("ok", t(key, n=t.number(int(q[name])))))
    if q.get("nothing") == "1":
        out.append(flash("info", t("confirm.delete.none")))
    return join(out)


def _count_text(t: Translator, n: int, total: int, filtered: bool) -> str:
    if filtered:
        return t("log.count.filtered", n=t.number(n), total=t.number(total))
    return t("log.count.one") if n == 1 else t("log.count", n=t.number(n))


def _select(name: str, label: str, options: list[tuple[str, str]], current: str | None, any_label: str) -> Markup:
    opts = [option("", any_label, current is None)] + [option(v, text, current == v) for v, text in options]
    return html(
        '<label class="field"><span>{label}</span><select name="{name}" id="filter-{name}">{opts}</select></label>',
        label=label,
        name=name,
        opts=join(opts),
    )


def _filter_form(t: Translator, f: LogFilters) -> Markup:
    rules = [(rid, f"{rid} · {rule_title(rid, t.lang)}") for rid in rule_ids()]
    severities = [(s, t(f"severity.{s}")) for s in SEVERITIES]
    kinds = [(k, t(f"kind.{k}")) for k in CONTEXT_KINDS]
    decisions = [(d, t(f"decision.{d}")) for d in DECISIONS]
    any_ = t("log.filter.any")
    return html(
        """
<form class="card filters" method="get" action="/" role="search" aria-label="{legend}">
  <div class="filter-grid">
    {rule}{severity}{kind}{decision}
    <label class="field"><span>{since_label}</span>{since}</label>
    <label class="field"><span>{until_label}</span>{until}</label>
    <label class="field field-wide"><span>{search_label}</span>{search}</label>
  </div>
  <div class="filter-actions">
    <button type="submit" class="btn btn-primary">{apply}</button>
    <a class="btn btn-quiet" href="/">{reset}</a>
  </div>
</form>
""",
        legend=t("log.filters"),
        rule=_select("rule", t("log.filter.rule"), rules, f.rule, any_),
        severity=_select("severity", t("log.filter.severity"), severities, f.severity, any_),
        kind=_select("kind", t("log.filter.kind"), kinds, f.kind, any_),
        decision=_select("decision", t("log.filter.decision"), decisions, f.decision, any_),
        since_label=t("log.filter.since"),
        since=void("input", type="date", name="since", id="filter-since", value=f.since.isoformat() if f.since else None),
        until_label=t("log.filter.until"),
        until=void("input", type="date", name="until", id="filter-until", value=f.until.isoformat() if f.until else None),
        search_label=t("log.filter.search"),
        search=void(
            "input",
            type="search",
            name="q",
            id="filter-q",
            value=f.search,
            placeholder=t("log.filter.search.placeholder"),
            maxlength="200",
        ),
        apply=t("log.filter.apply"),
        reset=t("log.filter.reset"),
    )


def _table(t: Translator, entries: list[dict[str, Any]], filters: LogFilters, store_excerpts: bool) -> Markup:
    if entries:
        rows = join(row(t, e) for e in entries)
    else:
        # The table is drawn even when empty: the live feed inserts the first row into it.
        rows = html(
            '<tr class="empty-row" id="log-empty"><td colspan="8">{text}</td></tr>',
            text=t("log.empty.filtered" if filters.active else "log.empty"),
        )
    return html(
        """
<form method="post" action="/log/delete" id="log-form" data-confirm="{confirm}">
<input type="hidden" name="next" value="{next}">
<div class="table-wrap">
<table class="log-table">
<thead><tr>
  <th class="col-select"><input type="checkbox" id="select-all" aria-label="{select_all}"></th>
  <th>{c_time}</th><th>{c_rule}</th><th>{c_sev}</th><th>{c_kind}</th><th>{c_subject}</th><th>{c_excerpt}</th><th>{c_decision}</th>
</tr></thead>
<tbody id="log-rows">
{rows}
</tbody>
</table>
</div>
<div class="table-actions">
  <button type="submit" class="btn btn-danger-quiet">{delete}</button>
  {excerpts_note}
</div>
</form>
""",
        confirm=t("confirm.js.delete"),
        next=_url("/", filters.query()),
        select_all=t("log.col.select_all"),
        c_time=t("log.col.time"),
        c_rule=t("log.col.rule"),
        c_sev=t("log.col.severity"),
        c_kind=t("log.col.kind"),
        c_subject=t("log.col.subject"),
        c_excerpt=t("log.col.excerpt"),
        c_decision=t("log.col.decision"),
        rows=rows,
        delete=t("log.delete_selected"),
        excerpts_note=Markup("") if store_excerpts else tag("span", t("log.excerpts_off"), class_="muted"),
    )


def _repeats(e: dict[str, Any]) -> int:
    try:
        return max(1, int(e.get("count") or 1))
    except (TypeError, ValueError):
        return 1


def _repeats_badge(t: Translator, e: dict[str, Any]) -> Markup:
    """"" ×3" when repeated visits to the same profile or list were folded into one entry (warning_log.FOLD_KINDS)."""
    n = _repeats(e)
    if n == 1:
        return Markup("")
    return html(' <span class="repeats" title="{title}">{text}</span>',
                title=t("log.repeats.title", n=n), text=t("log.repeats", n=n))


def row(t: Translator, e: dict[str, Any]) -> Markup:
    entry_id = int(e["id"])
    href = f"/log/{entry_id}"
    return html(
        """<tr data-entry-id="{id}" class="sev-row-{sev}">
  <td class="col-select"><input type="checkbox" name="id" value="{id}" aria-label="{select} {id}"></td>
  <td class="col-time"><a href="{href}">{when}</a></td>
  <td class="col-rule"><span class="rule-id">{rule}</span> <span class="rule-title">{rule_title}</span></td>
  <td>{badge}</td>
  <td>{kind}</td>
  <td class="col-subject"><a href="{href}">{subject}</a></td>
  <td class="col-excerpt">{excerpt}</td>
  <td class="col-decision" data-decision="{decision_raw}">{decision}</td>
</tr>
""",
        id=str(entry_id),
        sev=e.get("severity", ""),
        select=t("log.col.select"),
        href=href,
        when=join([time_tag(e.get("created_at")), _repeats_badge(t, e)]),
        rule=e.get("rule", ""),
        rule_title=rule_title(e.get("rule", ""), t.lang),
        badge=severity_badge(t, e.get("severity", "")),
        kind=kind_label(t, e.get("kind", "")),
        subject=e.get("subject") or "—",
        excerpt=shorten(e.get("excerpt")),
        decision_raw=e.get("decision") or "none",
        decision=decision_label(t, e.get("decision"), e.get("kind")),
    )


def _pager(t: Translator, filters: LogFilters, page_no: int, pages: int) -> Markup:
    if pages <= 1:
        return Markup("")
    q = filters.query()

    def link(label: str, target: int, rel: str | None = None) -> Markup:
        if target == page_no or not 1 <= target <= pages:
            return tag("span", label, class_="btn btn-quiet disabled", aria_disabled="true")
        return tag("a", label, href=_url("/", {**q, "page": target if target > 1 else None}), class_="btn btn-quiet", rel=rel)

    return html(
        '<nav class="pager" aria-label="{label}">{first}{newer}<span class="page-no">{label}</span>{older}{last}</nav>',
        label=t("log.page", page=t.number(page_no), pages=t.number(pages)),
        first=link(t("log.first"), 1),
        newer=link(t("log.newer"), page_no - 1, "prev"),
        older=link(t("log.older"), page_no + 1, "next"),
        last=link(t("log.last"), pages),
    )


# --------------------------------------------------------------------------
# One entry
# --------------------------------------------------------------------------


async def entry_page(request: web.Request) -> web.Response:
    t = tr(request)
    try:
        entry_id = int(request.match_info["id"])
    except ValueError:
        raise web.HTTPNotFound() from None
    entry = await request.app[keys.LOG].call("entry", entry_id)
    if entry is None:
        body = html(
            '<div class="page-head"><h1>{title}</h1></div><p class="card empty">{text}</p><p><a href="/">{back}</a></p>',
            title=t("entry.title", id=entry_id),
            text=t("entry.not_found", id=entry_id),
            back=t("entry.back"),
        )
        return page(request, title=t("entry.title", id=entry_id), body=body, active="log", status=404)
    e = entry_dict(entry)
    evidence = [ev for ev in (e.get("evidence") or []) if isinstance(ev, dict)]
    excerpt = e.get("excerpt") or ""
    # The stored excerpt is usually the evidence joined (and cut at 280
    # characters); show it separately only when it says something more.
    joined = " ".join(" … ".join(ev.get("excerpt", "") for ev in evidence).split())
    show_excerpt = bool(excerpt) and not joined.startswith(excerpt.rstrip("…").rstrip())
    if evidence:
        ev_html = html(
            '<ul class="evidence">{items}</ul>',
            items=join(
                html('<li><span class="ev-field">{field}</span><q>{excerpt}</q></li>', field=ev.get("field", ""), excerpt=ev.get("excerpt", ""))
                for ev in evidence
            ),
        )
    elif not excerpt:
        ev_html = tag("p", t("entry.no_evidence"), class_="muted")
    else:
        ev_html = Markup("")

    decision = e.get("decision")
    decision_block = (
        html(
            '<dl class="facts"><dt>{d}</dt><dd>{badge}</dd>{when}{just}</dl>',
            d=t("entry.decision"),
            badge=tag("span", decision_label(t, decision, e.get("kind")), class_=f"badge dec-{decision}"),
            when=html("<dt>{k}</dt><dd>{v}</dd>", k=t("entry.decided_at"), v=time_tag(e.get("decided_at")))
            if e.get("decided_at")
            else Markup(""),
            just=html("<dt>{k}</dt><dd>{v}</dd>", k=t("entry.justification"), v=e.get("justification"))
            if e.get("justification")
            else Markup(""),
        )
        if decision
        else tag("p", t("entry.no_decision"), class_="muted")
    )
    facts = [
        ("entry.rule", html('<a href="/rules#{rid}">{rid} · {title}</a>', rid=e.get("rule", ""), title=rule_title(e.get("rule", ""), t.lang))),
        ("entry.severity", severity_badge(t, e.get("severity", ""))),
        ("entry.kind", kind_label(t, e.get("kind", ""))),
        ("entry.subject", e.get("subject") or "—"),
        ("entry.when", time_tag(e.get("created_at"))),
        ("entry.url", safe_link(e.get("url"))),
        ("entry.session", tag("span", e.get("page_session") or "—", class_="mono")),
    ]
    if _repeats(e) > 1:
        last = html("{when}", when=time_tag(e.get("last_seen") or e.get("created_at")))
        facts.append(("entry.repeats", html(t("entry.repeats.value", n=_repeats(e), last="{last}"), last=last)))
    body = html(
        """
<p class="crumbs"><a href="/">{back}</a></p>
<div class="page-head">
  <p class="eyebrow">{heading}</p>
  <h1>{title}</h1>
</div>
<div class="entry-grid" data-entry-id="{id}">
  <section class="card">
    <dl class="facts">{facts}</dl>
  </section>
  <section class="card">
    <h2>{ev_title}</h2>
    {excerpt}
    {evidence}
    <h2>{dec_title}</h2>
    <div id="entry-decision">{decision}</div>
  </section>
</div>
<form method="post" action="/log/delete" class="entry-delete" data-confirm="{confirm}">
  <input type="hidden" name="id" value="{id}">
  <input type="hidden" name="next" value="/">
  <button type="submit" class="btn btn-danger-quiet">{delete}</button>
</form>
""",
        back=t("entry.back"),
        heading=t("entry.title", id=e["id"]),
        title=e.get("title") or rule_title(e.get("rule", ""), t.lang),
        id=str(e["id"]),
        facts=join(html("<dt>{k}</dt><dd>{v}</dd>", k=t(k), v=v) for k, v in facts),
        ev_title=t("entry.evidence"),
        excerpt=html('<blockquote class="excerpt">{x}</blockquote>', x=excerpt) if show_excerpt else Markup(""),
        evidence=ev_html,
        dec_title=t("entry.decision"),
        decision=decision_block,
        confirm=t("confirm.js.delete"),
        delete=t("entry.delete"),
    )
    return page(request, title=t("entry.title", id=e["id"]), body=body, active="log")


# --------------------------------------------------------------------------
# Delete, clear, retention (POST; a confirmation page unless confirmed=1)
# --------------------------------------------------------------------------


def _confirm_page(request: web.Request, action: str, text: str, yes: str, hidden: list[tuple[str, str]]) -> web.Response:
    t = tr(request)
    body = html(
        """
<div class="page-head"><h1>{title}</h1></div>
<section class="card confirm-card">
  <p>{text}</p>
  <form method="post" action="{action}" class="actions">
    {hidden}
    <input type="hidden" name="confirmed" value="1">
    <button type="submit" class="btn btn-danger">{yes}</button>
    <a class="btn btn-quiet" href="/">{cancel}</a>
  </form>
</section>
""",
        title=t("confirm.title"),
        text=text,
        action=action,
        hidden=join(void("input", type="hidden", name=n, value=v) for n, v in hidden),
        yes=yes,
        cancel=t("confirm.cancel"),
    )
    return page(request, title=t("confirm.title"), body=body, active="log")


def _ids(values: list[str]) -> list[int]:
    ids = []
    for v in values[:MAX_DELETE]:
        try:
            ids.append(int(v))
        except ValueError:
            raise web.HTTPBadRequest(text="id: expected whole numbers\n") from None
    return sorted(set(ids))


def _local_next(value: str | None) -> str:
    # Only our own paths: never an open redirect.
    return value if value and value.startswith("/") and not value.startswith("//") else "/"


async def delete_entries(request: web.Request) -> web.StreamResponse:
    t = tr(request)
    form = await request.post()
    ids = _ids(form.getall("id", []))
    if not ids:
        raise web.HTTPSeeOther("/?nothing=1")
    if form.get("confirmed") != "1":
        hidden = [("id", str(i)) for i in ids] + [("next", _local_next(form.get("next")))]
        return _confirm_page(request, "/log/delete", t("confirm.delete", n=t.number(len(ids))), t("confirm.yes.delete"), hidden)
    n = await request.app[keys.LOG].call("delete", ids)
    target = URL(_local_next(form.get("next"))).update_query(deleted=int(n))
    raise web.HTTPSeeOther(str(target))


async def clear_log(request: web.Request) -> web.StreamResponse:
    t = tr(request)
    form = await request.post()
    if form.get("confirmed") != "1":
        total = await request.app[keys.LOG].call("count")
        return _confirm_page(request, "/log/clear", t("confirm.clear", n=t.number(total)), t("confirm.yes.clear"), [])
    n = await request.app[keys.LOG].call("clear")
    raise web.HTTPSeeOther(f"/?cleared={int(n)}")


async def apply_retention(request: web.Request) -> web.StreamResponse:
    days = request.app[keys.SETTINGS].effective_settings.log.retention_days  # the organisation's lock included
    n = await request.app[keys.LOG].call("apply_retention", days)
    raise web.HTTPSeeOther(f"/?retained={int(n)}")


# --------------------------------------------------------------------------
# Export
# --------------------------------------------------------------------------

EXPORT_LIMIT = 1_000_000
_EXPORT_BATCH = 2_000


async def _all_entries(request: web.Request, filters: LogFilters):
    db = request.app[keys.LOG]
    kwargs = filters.log_kwargs()
    before = None
    sent = 0
    while sent < EXPORT_LIMIT:
        batch = [entry_dict(e) for e in await db.call("entries", limit=_EXPORT_BATCH, before_id=before, **kwargs)]
        if not batch:
            return
        for e in batch:
            yield e
        sent += len(batch)
        if len(batch) < _EXPORT_BATCH:
            return
        before = batch[-1]["id"]


async def export_csv(request: web.Request) -> web.StreamResponse:
    filters = filters_from(request)
    resp = web.StreamResponse(
        headers={
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": 'attachment; filename="linkedin-guard-log.csv"',
        }
    )
    await resp.prepare(request)
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(EXPORT_FIELDS)
    await resp.write(("\ufeff" + buf.getvalue()).encode("utf-8"))  # BOM: Excel reads UTF-8 then
    async for e in _all_entries(request, filters):
        buf.seek(0)
        buf.truncate()
        writer.writerow([csv_cell(e.get(f)) for f in EXPORT_FIELDS])
        await resp.write(buf.getvalue().encode("utf-8"))
    await resp.write_eof()
    return resp


async def export_json(request: web.Request) -> web.StreamResponse:
    filters = filters_from(request)
    resp = web.StreamResponse(
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "Content-Disposition": 'attachment; filename="linkedin-guard-log.json"',
        }
    )
    await resp.prepare(request)
    await resp.write(b"[")
    first = True
    async for e in _all_entries(request, filters):
        piece = json.dumps({f: e.get(f) for f in EXPORT_FIELDS}, ensure_ascii=False)
        await resp.write((("\n" if first else ",\n") + piece).encode("utf-8"))
        first = False
    await resp.write(b"\n]\n")
    await resp.write_eof()
    return resp

