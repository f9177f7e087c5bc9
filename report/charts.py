"""Charts as inline SVG strings: the report opens with no network and no JS library."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from report.alert_text import day_words, kind_name

# Portal lines in a fixed order of colours; the all-portals score is drawn black.
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf")
ALERT_COLOURS = {
    "negative_burst": "#d62728",
    "unanswered_criticism": "#ff9896",
    "positive_burst": "#2ca02c",
    "near_duplicate": "#bcbd22",
    "extortion": "#9467bd",
    "divergence": "#17becf",
}
MAX_POINTS = 400  # per line: more points than pixels only make the page heavier


@dataclass(frozen=True)
class Band:
    """A shaded time span (an alert) on the score chart."""

    band_id: str
    kind: str
    start: date
    end: date | None  # None: still open
    href: str | None = None


def _fmt(x: float) -> str:
    return f"{x:.1f}"


def _thin(points: Sequence[tuple[date, float]]) -> list[tuple[date, float]]:
    if len(points) <= MAX_POINTS:
        return list(points)
    step = len(points) / MAX_POINTS
    kept = [points[int(i * step)] for i in range(MAX_POINTS)]
    if kept[-1] != points[-1]:
        kept.append(points[-1])
    return kept


def _window(
    points: Sequence[tuple[date, float]], start: date, end: date
) -> list[tuple[date, float]]:
    """The points inside [start, end], plus the last one before: the score held until then."""
    inside = [(d, v) for d, v in points if start <= d <= end and v is not None]
    before = [(d, v) for d, v in points if d < start and v is not None]
    return [(start, before[-1][1]), *inside] if before else inside


def score_chart(
    series: dict[str, Sequence[tuple[date, float]]],
    bands: Sequence[Band],
    start: date,
    end: date,
    *,
    interval: Sequence[tuple[date, float, float]] = (),
    title: str = "",
    width: int = 760,
    height: int = 280,
) -> str:
    """Score (0-100) over time per portal, with alert periods shaded and labelled.

    ``series`` maps a portal to (day, score) points; ``interval`` is the 95%
    band of the all-portals score, drawn behind its line.
    """
    left, right, top, bottom = 40, 110, 22, 26
    plot_w, plot_h = width - left - right, height - top - bottom
    span = max(1, (end - start).days)

    def x(day: date) -> float:
        return left + plot_w * min(max((day - start).days, 0), span) / span

    def y(score: float) -> float:
        return top + plot_h * (1 - min(max(score, 0.0), 100.0) / 100)

    parts = [
        f'<svg class="chart score-chart" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(title or "score over time")}">'
    ]
    if title:
        parts.append(f"<title>{escape(title)}</title>")
    for v in (0, 25, 50, 75, 100):
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{_fmt(y(v))}" y2="{_fmt(y(v))}" '
            f'stroke="#ddd"/><text x="{left - 6}" y="{_fmt(y(v) + 4)}" text-anchor="end" '
            f'font-size="12">{v}</text>'
        )
    # Month ticks; quarters or years on longer spans, so labels never overlap.
    every = 1 if span <= 240 else 3 if span <= 800 else 12
    tick = date(start.year, start.month, 1)
    while tick <= end:
        if tick >= start and (tick.month - 1) % every == 0:
            label = tick.strftime("%Y" if every == 12 else "%b %Y")
            parts.append(
                f'<line x1="{_fmt(x(tick))}" x2="{_fmt(x(tick))}" y1="{top + plot_h}" '
                f'y2="{top + plot_h + 4}" stroke="#999"/>'
                f'<text x="{_fmt(x(tick))}" y="{height - 8}" text-anchor="middle" '
                f'font-size="12">{label}</text>'
            )
        tick = (tick + timedelta(days=32)).replace(day=1)

    for i, band in enumerate(b for b in bands if (b.end or end) >= start and b.start <= end):
        colour = ALERT_COLOURS.get(band.kind, "#7f7f7f")
        x0 = x(max(band.start, start))
        x1 = max(x(min(band.end or end, end)), x0 + 3)  # a one-day alert stays visible
        label = f"{kind_name(band.kind)}, {day_words(band.start)} – {day_words(band.end)}"
        # Labels near the right edge run leftwards, away from the legend.
        right_side = x0 > left + 0.7 * plot_w
        lx, anchor = (left + plot_w - 2, "end") if right_side else (x0 + 2, "start")
        rect = (
            f'<rect class="alert-band {escape(band.kind)}" data-alert-id="{escape(band.band_id)}" '
            f'x="{_fmt(x0)}" y="{top}" width="{_fmt(x1 - x0)}" height="{plot_h}" '
            f'fill="{colour}" fill-opacity="0.18"><title>{escape(label)}</title></rect>'
            f'<text class="alert-label" x="{_fmt(lx)}" y="{top + 11 + 12 * (i % 4)}" '
            f'text-anchor="{anchor}" font-size="12" fill="{colour}">'
            f"{escape(kind_name(band.kind))}</text>"
        )
        if band.href:
            rect = f'<a href="{escape(band.href)}">{rect}</a>'
        parts.append(rect)

    if interval:
        pts = _thin([(d, lo) for d, lo, _ in interval if d >= start])
        his = _thin([(d, hi) for d, _, hi in interval if d >= start])
        if pts:
            poly = [f"{_fmt(x(d))},{_fmt(y(v))}" for d, v in pts]
            poly += [f"{_fmt(x(d))},{_fmt(y(v))}" for d, v in reversed(his)]
            parts.append(
                f'<polygon class="interval" points="{" ".join(poly)}" fill="#000" '
                f'fill-opacity="0.07"/>'
            )

    portals = sorted(series, key=lambda p: (p == "all", p))  # 'all' drawn last, on top
    for i, portal in enumerate(portals):
        pts = _thin(_window(series[portal], start, end))
        if not pts:
            continue
        colour = "#000" if portal == "all" else PALETTE[i % len(PALETTE)]
        stroke = 2.5 if portal == "all" else 1.3
        coords = " ".join(f"{_fmt(x(d))},{_fmt(y(v))}" for d, v in pts)
        parts.append(
            f'<polyline class="series" data-portal="{escape(portal)}" points="{coords}" '
            f'fill="none" stroke="{colour}" stroke-width="{stroke}"/>'
        )
        if portal == "all":
            parts.append(_value_dots(pts, interval, x, y))
        ly = top + 12 + 14 * i
        parts.append(
            f'<line x1="{width - right + 8}" x2="{width - right + 24}" y1="{ly - 4}" '
            f'y2="{ly - 4}" stroke="{colour}" stroke-width="{stroke}"/>'
            f'<text x="{width - right + 28}" y="{ly}" font-size="12">{escape(portal)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _value_dots(
    points: Sequence[tuple[date, float]],
    interval: Sequence[tuple[date, float, float]],
    x: Callable[[date], float],
    y: Callable[[float], float],
    most: int = 90,
) -> str:
    """Dots on the all-portals line whose tooltips give the day, score and interval."""
    bounds = {d: (lo, hi) for d, lo, hi in interval}
    step = max(1, len(points) // most)
    dots = []
    for day, score in [*points[::step], points[-1]]:
        lo, hi = bounds.get(day, (None, None))
        extra = f" (95%: {lo:.1f}–{hi:.1f})" if lo is not None and hi is not None else ""
        dots.append(
            f'<circle class="value" cx="{_fmt(x(day))}" cy="{_fmt(y(score))}" r="5" '
            f'fill="#000" fill-opacity="0">'
            f"<title>{day.isoformat()}: score {score:.1f}{extra}</title></circle>"
        )
    return "".join(dots)


def star_histogram(counts: dict[int, int], *, width: int = 320, height: int = 160) -> str:
    """Horizontal bars, 5 stars on top, with the count next to each bar."""
    total = sum(counts.values())
    biggest = max(counts.values(), default=0) or 1
    row_h = (height - 10) / 5
    bar_max = width - 100
    parts = [
        f'<svg class="chart star-histogram" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="rating distribution">'
    ]
    for i, star in enumerate(range(5, 0, -1)):
        n = counts.get(star, 0)
        y = 5 + i * row_h
        w = bar_max * n / biggest
        share = f" ({100 * n / total:.0f}%)" if total else ""
        parts.append(
            f'<text x="4" y="{_fmt(y + row_h * 0.65)}" font-size="12">{star} ★</text>'
            f'<rect class="bar" data-stars="{star}" data-count="{n}" x="40" y="{_fmt(y + 3)}" '
            f'width="{_fmt(w)}" height="{_fmt(row_h - 6)}" fill="#f2b01e">'
            f"<title>{star} stars: {n} reviews{share}</title></rect>"
            f'<text x="{_fmt(44 + w)}" y="{_fmt(y + row_h * 0.65)}" font-size="12">'
            f"{n}{share}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
