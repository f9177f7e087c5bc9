"""Reviews per week, stacked by stars: how many reviews came, and how good they were.

Inline SVG like report/charts.py (no network, no JS library). Every week carries a
tooltip (an SVG <title>) with its numbers; alert periods are shaded behind the bars.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from html import escape

from report.alert_text import day_words, kind_name
from report.charts import ALERT_COLOURS, Band

STAR_COLOURS = {1: "#c62828", 2: "#ef6c00", 3: "#f9a825", 4: "#7cb342", 5: "#2e7d32"}


def weekly_counts(rows: Iterable[dict]) -> dict[date, dict[int, int]]:
    """week (Monday) -> star -> reviews, from company_weekly_stars rows."""
    weeks: dict[date, dict[int, int]] = {}
    for r in rows:
        weeks.setdefault(r["week"], {})[int(r["star"])] = int(r["reviews"])
    return weeks


def _nice_max(value: int) -> int:
    for step in (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step:
            return step
    return value


def volume_chart(
    weeks: dict[date, dict[int, int]],
    bands: Sequence[Band],
    end: date,
    *,
    n_weeks: int = 52,
    title: str = "",
    width: int = 760,
    height: int = 240,
) -> str:
    """The ``n_weeks`` weeks up to ``end``: one bar per week, 1 star at the bottom."""
    last = end - timedelta(days=end.weekday())
    first = last - timedelta(weeks=n_weeks - 1)
    shown = [first + timedelta(weeks=i) for i in range(n_weeks)]
    top_value = _nice_max(max((sum(weeks.get(w, {}).values()) for w in shown), default=0) or 1)
    left, right, top, bottom = 44, 96, 16, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    bar_w = plot_w / n_weeks

    def x(week: date) -> float:
        return left + bar_w * ((week - first).days / 7)

    def y(count: float) -> float:
        return top + plot_h * (1 - count / top_value)

    parts = [
        f'<svg class="chart volume-chart" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(title or "reviews per week")}">'
    ]
    if title:
        parts.append(f"<title>{escape(title)}</title>")
    for v in (0, top_value // 2, top_value):
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
            f'stroke="#ddd"/><text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end" '
            f'font-size="12">{v}</text>'
        )
    for band in bands:
        b_end = band.end or end
        if b_end < first or band.start > end:
            continue
        x0 = x(max(band.start, first) - timedelta(days=max(band.start, first).weekday()))
        x1 = x(min(b_end, last) - timedelta(days=min(b_end, last).weekday())) + bar_w
        label = f"{kind_name(band.kind)}, {day_words(band.start)} – {day_words(band.end)}"
        parts.append(
            f'<rect class="alert-band {escape(band.kind)}" data-alert-id="{escape(band.band_id)}" '
            f'x="{x0:.1f}" y="{top}" '
            f'width="{x1 - x0:.1f}" height="{plot_h}" '
            f'fill="{ALERT_COLOURS.get(band.kind, "#777")}" '
            f'fill-opacity="0.12"><title>{escape(label)}</title></rect>'
        )
    for week in shown:
        counts = weeks.get(week, {})
        total = sum(counts.values())
        mix = " · ".join(f"{s}★ {counts.get(s, 0)}" for s in range(1, 6))
        tip = f"Week of {day_words(week)}: {total} reviews ({mix})"
        parts.append(f'<g class="week" data-week="{week.isoformat()}" data-reviews="{total}">')
        parts.append(f"<title>{escape(tip)}</title>")
        base = 0
        for star in range(1, 6):
            n = counts.get(star, 0)
            if n:
                parts.append(
                    f'<rect x="{x(week) + 0.5:.1f}" y="{y(base + n):.1f}" '
                    f'width="{max(bar_w - 1, 1):.1f}" height="{y(base) - y(base + n):.1f}" '
                    f'fill="{STAR_COLOURS[star]}"/>'
                )
                base += n
        # An invisible full-height target, so the tooltip shows over empty weeks too.
        parts.append(
            f'<rect x="{x(week):.1f}" y="{top}" width="{bar_w:.1f}" height="{plot_h}" '
            'fill="transparent"/></g>'
        )
        if week.day <= 7 and week.month % 2 == 1:  # every other month's first week
            parts.append(
                f'<text x="{x(week):.1f}" y="{height - 10}" font-size="12">{week:%b %Y}</text>'
            )
    for i, star in enumerate(range(5, 0, -1)):
        ly = top + 14 + 18 * i
        parts.append(
            f'<rect x="{width - right + 12}" y="{ly - 10}" width="12" height="12" '
            f'fill="{STAR_COLOURS[star]}"/><text x="{width - right + 30}" y="{ly}" '
            f'font-size="12">{star} ★</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
