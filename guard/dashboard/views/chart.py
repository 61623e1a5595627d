"""Warnings per week per rule: a server-rendered SVG and the same numbers as a table."""

from __future__ import annotations

from datetime import datetime, time

from aiohttp import web

from guard.dashboard import keys, svg
from guard.dashboard.filters import FilterError, int_param
from guard.dashboard.layout import page, rule_ids, rule_title, tr
from guard.dashboard.markup import html, join, tag

WEEK_CHOICES = (8, 13, 26, 52)


async def weekly(request: web.Request, weeks: int) -> dict[str, dict[str, int]]:
    start = datetime.combine(svg.week_start(weeks), time(0, 0)).astimezone()
    rows = await request.app[keys.LOG].call("weekly_counts", since=start)
    return svg.group(rows, svg.week_range(weeks))


def weeks_param(request: web.Request) -> int:
    try:
        return int_param(request.query, "weeks", 26, 1, 260)
    except FilterError as err:
        raise web.HTTPBadRequest(text=f"{err}\n") from None


HEALTH_DAYS = 7


async def unreadable_pages_section(request: web.Request):
    """Pages the guard could not read in the last days (issue 8): names and counts only, no page text."""
    from datetime import timedelta, timezone

    t = tr(request)
    since = datetime.now(timezone.utc) - timedelta(days=HEALTH_DAYS)
    rows = await request.app[keys.LOG].call("page_health", since)
    if rows:
        body_rows = join(
            html('<tr><td>{s}</td><td>{p} ({f})</td><td class="num">{n}</td><td>{last}</td></tr>',
                 s=r["surface"], p=r["page_type"], f=r["frontend"], n=r["count"], last=r["last_seen"])
            for r in rows
        )
        table = html(
            """<div class="table-wrap"><table class="num-table" data-unreadable-pages><thead><tr><th scope="col">{a}</th>
<th scope="col">{b}</th><th scope="col">{c}</th><th scope="col">{d}</th></tr></thead><tbody>{rows}</tbody></table></div>""",
            a=t("health.surface"), b=t("health.page"), c=t("health.count"), d=t("health.last"), rows=body_rows,
        )
    else:
        table = tag("p", t("health.none"), class_="empty")
    return html('<section class="card" id="unreadable-pages"><h2>{title}</h2><p>{intro}</p>{table}</section>',
                title=t("health.title"), intro=t("health.intro", days=HEALTH_DAYS), table=table)


async def chart_page(request: web.Request) -> web.Response:
    t = tr(request)
    weeks = weeks_param(request)
    counts = await weekly(request, weeks)
    rules, totals = svg.table(counts)
    names = {r: rule_title(r, t.lang) for r in rules}
    catalogue = rule_ids()
    grand = sum(totals.values())
    ranges = join(
        tag("a", t("chart.weeks", n=n), href=f"/chart?weeks={n}", class_="btn btn-quiet btn-small", aria_current="true" if n == weeks else None)
        for n in WEEK_CHOICES
    )
    if grand:
        legend = join(
            html('<li>{sw}<a href="/?rule={r}"><span class="rule-id">{r}</span> {name}</a></li>', sw=svg.swatch(svg.rule_color(r, catalogue)), r=r, name=names[r])
            for r in rules
        )
        head = join(html('<th scope="col">{r}</th>', r=r) for r in rules)
        body_rows = join(
            html(
                '<tr><th scope="row">{w}</th>{cells}<td class="num">{total}</td></tr>',
                w=week,
                cells=join(html('<td class="num">{n}</td>', n=counts[week].get(r, 0) or "") for r in rules),
                total=totals[week] or "",
            )
            for week in reversed(list(counts))
        )
        figure = html(
            """<figure class="card chart-card">{chart}<ul class="legend">{legend}</ul></figure>
<details class="card"><summary>{numbers}</summary><div class="table-wrap"><table class="num-table">
<thead><tr><th scope="col">{week}</th>{head}<th scope="col">{total}</th></tr></thead><tbody>{rows}</tbody></table></div></details>""",
            chart=svg.bar_chart(counts, rules, t("chart.svg_label"), names, catalogue),
            legend=legend,
            numbers=t("chart.table"),
            week=t("chart.week"),
            head=head,
            total=t("chart.total"),
            rows=body_rows,
        )
    else:
        figure = tag("p", t("chart.empty"), class_="card empty")
    body = html(
        """<div class="page-head"><h1>{title}</h1><p class="lead">{intro}</p></div>
<nav class="ranges" aria-label="{range_label}">{ranges}</nav>
{figure}
{health}""",
        health=await unreadable_pages_section(request),
        title=t("chart.title"),
        intro=t("chart.intro", weeks=weeks),
        range_label=t("chart.range"),
        ranges=ranges,
        figure=figure,
    )
    return page(request, title=t("chart.title"), body=body, active="chart")

