"""Warnings per week per rule as a stacked bar chart, drawn on the server as SVG.

No chart library and nothing from a CDN: a few rectangles and lines. Colours
are SVG presentation attributes (``fill=``), which the strict CSP allows,
not inline ``style`` attributes, which it blocks.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Iterable

from guard.dashboard.markup import Markup, html, join

# Distinguishable on white and for common colour-vision deficiencies (Okabe-Ito based).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7F7F7F", "#F0E442", "#332288", "#117733")

WIDTH, HEIGHT = 820, 300
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 14, 40


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_range(weeks: int, today: date | None = None) -> list[str]:
    """The last ``weeks`` ISO weeks, oldest first, ending with this week."""
    today = today or date.today()
    monday = today - timedelta(days=today.weekday())
    return [iso_week(monday - timedelta(weeks=i)) for i in reversed(range(weeks))]


def week_start(weeks: int, today: date | None = None) -> date:
    today = today or date.today()
    return today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)


def rule_color(rule: str, rules: list[str]) -> str:
    try:
        return PALETTE[rules.index(rule) % len(PALETTE)]
    except ValueError:
        return PALETTE[-1]


def nice_max(value: int) -> tuple[int, int]:
    """An axis maximum >= value and a tick step, both round numbers."""
    if value <= 4:
        return 4, 1
    raw = value / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        step = m * magnitude
        if step >= raw:
            step = int(math.ceil(step))
            return int(step * math.ceil(value / step)), step
    return value, max(1, value // 4)  # pragma: no cover


def table(counts: dict[str, dict[str, int]]) -> tuple[list[str], dict[str, int]]:
    return sorted({r for per_week in counts.values() for r in per_week}), {w: sum(v.values()) for w, v in counts.items()}


def group(rows: Iterable[dict], weeks: list[str]) -> dict[str, dict[str, int]]:
    """``[{"week", "rule", "count"}]`` -> ``{week: {rule: count}}`` for the weeks shown."""
    out: dict[str, dict[str, int]] = {w: {} for w in weeks}
    for row in rows:
        week = str(row.get("week"))
        if week in out:
            rule = str(row.get("rule"))
            out[week][rule] = out[week].get(rule, 0) + int(row.get("count") or 0)
    return out


def bar_chart(counts: dict[str, dict[str, int]], rules: list[str], label: str, rule_names: dict[str, str],
              color_order: list[str] | None = None) -> Markup:
    """Stacked bars; a rule's colour follows its place in ``color_order`` (the catalogue), so it never changes."""
    weeks = list(counts)
    totals = [sum(counts[w].values()) for w in weeks]
    y_max, step = nice_max(max(totals, default=0))
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    slot = plot_w / max(1, len(weeks))
    bar_w = max(2.0, slot * 0.68)

    def y(v: float) -> float:
        return TOP + plot_h - (v / y_max) * plot_h

    parts: list[Markup] = []
    for tick in range(0, y_max + 1, step):
        ty = y(tick)
        parts.append(html('<line class="grid" x1="{x1}" x2="{x2}" y1="{y}" y2="{y}"/>', x1=LEFT, x2=WIDTH - RIGHT, y=f"{ty:.1f}"))
        parts.append(html('<text class="tick" x="{x}" y="{y}" text-anchor="end">{v}</text>', x=LEFT - 6, y=f"{ty + 4:.1f}", v=tick))
    label_every = max(1, math.ceil(len(weeks) / 13))
    shown_year = None
    for i, week in enumerate(weeks):
        x = LEFT + i * slot + (slot - bar_w) / 2
        base = 0
        for rule in rules:
            n = counts[week].get(rule, 0)
            if not n:
                continue
            top_y, bottom_y = y(base + n), y(base)
            parts.append(
                html(
                    '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{fill}" data-week="{week}" data-rule="{rule}">'
                    "<title>{week} · {rule} {name}: {n}</title></rect>",
                    x=f"{x:.1f}",
                    y=f"{top_y:.1f}",
                    w=f"{bar_w:.1f}",
                    h=f"{max(0.5, bottom_y - top_y):.1f}",
                    fill=rule_color(rule, color_order or rules),
                    week=week,
                    rule=rule,
                    name=rule_names.get(rule, ""),
                    n=n,
                )
            )
            base += n
        # Label every n-th week counted back from this week, so the newest is always named.
        if (len(weeks) - 1 - i) % label_every == 0:
            parts.append(
                html(
                    '<text class="tick" x="{x}" y="{y}" text-anchor="middle">{w}</text>',
                    x=f"{x + bar_w / 2:.1f}",
                    y=HEIGHT - BOTTOM + 16,
                    w=week.split("-")[1],
                )
            )
            year = week.split("-")[0]
            if year != shown_year:
                shown_year = year
                parts.append(
                    html(
                        '<text class="tick tick-year" x="{x}" y="{y}" text-anchor="middle">{yr}</text>',
                        x=f"{x + bar_w / 2:.1f}",
                        y=HEIGHT - BOTTOM + 31,
                        yr=year,
                    )
                )
    parts.append(html('<line class="axis" x1="{x1}" x2="{x2}" y1="{y}" y2="{y}"/>', x1=LEFT, x2=WIDTH - RIGHT, y=f"{y(0):.1f}"))
    return html(
        '<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-label="{label}" xmlns="http://www.w3.org/2000/svg">{parts}</svg>',
        w=WIDTH,
        h=HEIGHT,
        label=label,
        parts=join(parts),
    )


def swatch(color: str) -> Markup:
    return html(
        '<svg class="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" rx="2" fill="{c}"/></svg>',
        c=color,
    )

