"""A company page: the trend, what drives its reviews and what changed, score and review
volume over time with its alerts, the alerts in plain language, the portals, the forum
and blog mentions, the recent reviews."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from report.charts import Band, score_chart, star_histogram
from report.company_sections import (
    alert_block,
    changes_section,
    mentions_section,
    topics_section,
    trend_kpis,
)
from report.html import (
    Row,
    alert_anchor,
    as_list,
    day_text,
    esc,
    num,
    page,
    percent,
    reply_time,
    trend_arrow,
)
from report.volume_chart import volume_chart, weekly_counts


def _series(daily: Iterable[Row]) -> tuple[dict[str, list], list[tuple[date, float, float]]]:
    series: dict[str, list[tuple[date, float]]] = {}
    interval: list[tuple[date, float, float]] = []
    for d in daily:
        if d["score_100"] is None:
            continue
        series.setdefault(d["portal"], []).append((d["day"], d["score_100"]))
        if d["portal"] == "all" and d["score_low"] is not None and d["score_high"] is not None:
            interval.append((d["day"], d["score_low"], d["score_high"]))
    return series, interval


def drop_summary(daily: Sequence[Row], alerts: Sequence[Row]) -> str | None:
    """How far the all-portals score fell during the newest negative burst, in words."""
    bursts = [a for a in alerts if a["kind"] == "negative_burst"]
    if not bursts:
        return None
    burst = max(bursts, key=lambda a: a["started_on"])
    start = burst["started_on"]
    overall = [(d["day"], d["score_100"]) for d in daily if d["portal"] == "all"]
    before = [s for day, s in overall if day < start and s is not None]
    after = [s for day, s in overall if day >= start and s is not None]
    if not before or not after:
        return None
    low = min(after)
    return (
        f"Score before the negative burst of {start}: {before[-1]:.1f}; "
        f"lowest since: {low:.1f} ({low - before[-1]:+.1f} points)."
    )


@dataclass(frozen=True)
class CompanyExtras:
    """What the page shows besides scores (issue 19), each from its report.queries call."""

    topics: Sequence[Row] = ()
    alert_topics: dict[str, list[Row]] = field(default_factory=dict)
    alert_replies: dict[str, Row] = field(default_factory=dict)
    mentions: Sequence[Row] = ()
    mention_count: int = 0
    weekly_stars: Sequence[Row] = ()


def _kpis(overall: Row | None, daily: Sequence[Row], alerts: Sequence[Row]) -> str:
    if not overall:
        return "<p>No reputation score yet (no rated reviews).</p>"
    return (
        '<div class="kpis">'
        f'<div>Score<b id="score">{num(overall["score_100"])}</b>{esc(overall["label"])}</div>'
        f"<div>95% interval<b>{num(overall['score_low'])}–{num(overall['score_high'])}</b>"
        f"rank {esc(overall['rank'])}</div>"
        + trend_kpis(overall, daily, alerts)
        + f'<div>Reply rate<b id="reply-rate">{percent(overall["reply_rate"])}</b>'
        f"of {esc(overall['review_count'])} reviews</div>"
        f'<div>Median reply time<b id="reply-time">'
        f"{reply_time(overall['median_reply_hours'])}</b></div>"
        "</div>"
    )


def _bands(alerts: Sequence[Row]) -> list[Band]:
    return [
        Band(
            a["alert_id"],
            a["kind"],
            a["started_on"],
            a["ended_on"],
            f"#{alert_anchor(a['alert_id'])}",
        )
        for a in alerts
    ]


def _score_section(
    name: str, daily: Sequence[Row], alerts: Sequence[Row], end: date | None, recent_days: int
) -> str:
    series, interval = _series(daily)
    days = [d for points in series.values() for d, _ in points]
    end = end or (max(days) if days else None)
    body = ["<h2>Score over time</h2>"]
    drop = drop_summary(daily, alerts)
    if drop:
        body.append(f'<p id="drop">{esc(drop)}</p>')
    if not (days and end):
        return "".join(body) + "<p>No daily scores yet.</p>"
    bands = _bands(alerts)
    recent_start = end - timedelta(days=recent_days)
    body.append(
        f"<h3>Last {recent_days} days</h3>"
        + score_chart(
            series,
            bands,
            recent_start,
            end,
            interval=interval,
            title=f"{name}: score, last {recent_days} days",
        )
    )
    first = min(days)
    if first < recent_start:
        body.append(
            "<h3>Whole history</h3>"
            + score_chart(
                series, bands, first, end, interval=interval, title=f"{name}: score history"
            )
        )
    body.append(
        "<p>Black: all portals, with its 95% interval shaded grey; shaded columns are "
        "alert periods. Point at the black line for a day's score.</p>"
    )
    return "".join(body)


def _portal_shows(r: Row) -> str:
    if r.get("portal_stars") is None:
        return "–"
    count = r.get("portal_review_count")
    return f"{num(r['portal_stars'])} ★" + (f" ({count:,})" if count is not None else "")


def _portals_table(reputation: Sequence[Row]) -> str:
    body = [
        '<h2>Portals</h2><table class="sortable" id="portals" data-csv="portals"><thead><tr>'
        '<th>Portal</th><th class="num">Reviews</th><th class="num">Mean ★</th>'
        '<th class="num">Bayes ★</th><th class="num">Decayed ★</th><th class="num">Score</th>'
        '<th class="num">95% interval</th><th class="num">Adjusted</th>'
        '<th class="num">Trend 30d</th><th class="num">1 ★</th><th class="num">5 ★</th>'
        '<th class="num">Reply rate</th><th class="num">Median reply</th>'
        '<th class="num">Portal shows</th></tr></thead><tbody>'
    ]
    for r in reputation:
        body.append(
            f'<tr data-portal="{esc(r["portal"])}"><td>{esc(r["portal"])}</td>'
            f'<td class="num">{esc(r["review_count"])}</td>'
            f'<td class="num">{num(r["mean_stars"], 2)}</td>'
            f'<td class="num">{num(r["bayes_stars"], 2)}</td>'
            f'<td class="num">{num(r["decayed_stars"], 2)}</td>'
            f'<td class="num">{num(r["score_100"])}</td>'
            f'<td class="num" data-sort="{esc(r["score_low"])}">'
            f"{num(r['score_low'])}–{num(r['score_high'])}</td>"
            f'<td class="num adjusted">{num(r["adjusted_score_100"])}</td>'
            f'<td class="num" data-sort="{esc(r["trend_30d"])}">{trend_arrow(r["trend_30d"])}</td>'
            + "".join(
                f'<td class="num" data-sort="{esc(r[c])}">{percent(r[c])}</td>'
                for c in ("share_1_star", "share_5_star", "reply_rate")
            )
            + f'<td class="num" data-sort="{esc(r["median_reply_hours"])}">'
            f"{reply_time(r['median_reply_hours'])}</td>"
            f'<td class="num portal-shows" data-sort="{esc(r.get("portal_stars"))}">'
            f"{_portal_shows(r)}</td></tr>"
        )
    body.append(
        "</tbody></table><p>Adjusted: the score without reviews flagged as suspicious "
        "(bought praise, extortion, near-duplicates). Portal shows: the portal's own "
        "displayed rating in stars (1-5) and its count, as last read.</p>"
    )
    return "".join(body)


def company_page(
    company: Row,
    reputation: Sequence[Row],
    daily: Sequence[Row],
    alerts: Sequence[Row],
    alert_reviews: dict[str, list[Row]],
    histogram: dict[int, int],
    recent: Sequence[Row],
    *,
    as_of: date | None,
    recent_days: int = 180,
    extras: CompanyExtras | None = None,
    docs_link: bool = False,
) -> str:
    extras = extras or CompanyExtras()
    cid = company["company_id"]
    name = company["company_name"] or cid
    overall = next((r for r in reputation if r["portal"] == "all"), None)
    body = [
        f"<h1>{esc(name)}</h1>",
        f"<p>{esc(company.get('industry'))} · {esc(company.get('domain'))} · portals: "
        f"{esc(', '.join(as_list(company.get('portals'))))}</p>",
        _kpis(overall, daily, alerts),
        topics_section(extras.topics),
        changes_section(extras.topics),
        _score_section(name, daily, alerts, as_of, recent_days),
    ]
    end = as_of or max((r["week"] for r in extras.weekly_stars), default=None)
    if end is not None:
        body.append(
            '<h2 id="volume">Reviews per week and their stars</h2>'
            + volume_chart(
                weekly_counts(extras.weekly_stars),
                _bands(alerts),
                end,
                title=f"{name}: reviews per week, last 12 months",
            )
            + "<p>Each bar is one week, coloured by stars; point at a bar for its numbers.</p>"
        )
    body.append("<h2>Rating distribution</h2>" + star_histogram(histogram))
    body.append(f'<h2 id="alerts">Alerts ({len(alerts)})</h2>')
    if not alerts:
        body.append("<p>None.</p>")
    for i, a in enumerate(alerts):  # newest first: its reviews shown, the others folded
        body.append(
            alert_block(
                a,
                extras.alert_topics.get(a["alert_id"], []),
                alert_reviews.get(a["alert_id"], []),
                extras.alert_replies.get(a["alert_id"], {}),
                open_=i == 0,
            )
        )
    body.append(mentions_section(extras.mentions, extras.mention_count))
    body.append(_portals_table(reputation))
    body.append(f"<h2>Recent reviews ({len(recent)})</h2>")
    for r in recent:
        body.append(_review_block(r))
    return page(
        f"ruf: {name}", "".join(body), root="../", sortable=True, name=cid, docs_link=docs_link
    )


def _review_block(r: Row, *, with_reply: bool = True) -> str:
    suspicious = " suspicious" if r.get("is_suspicious") else ""
    stars = "" if r.get("stars") is None else f" · {r['stars']:.1f} ★"
    reply = ""
    if with_reply:
        reply = (
            f" · replied after {reply_time(r.get('reply_hours'))}"
            if r.get("replied_at") is not None
            else " · no reply"
        )
    flags = " · flagged suspicious" if r.get("is_suspicious") else ""
    return (
        f'<div class="review{suspicious}" id="review-{esc(r["review_key"])}">'
        f'<div class="meta">{esc(day_text(r["published_at"]))} · {esc(r["portal"])}{stars} · '
        f'author <code class="author">{esc(r["author_pseudonym"])}</code>{reply}{flags}</div>'
        + (f"<strong>{esc(r['title'])}</strong>" if r.get("title") else "")
        + f'<p class="text">{esc(r.get("text"))}</p></div>'
    )
