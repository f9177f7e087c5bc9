"""A company page: score over time with its alerts, the portals, the recent reviews."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from report.charts import Band, score_chart, star_histogram
from report.html import (
    Row,
    alert_anchor,
    as_list,
    day_text,
    esc,
    evidence_list,
    num,
    page,
    percent,
    reply_time,
    trend_arrow,
)


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
    docs_link: bool = False,
) -> str:
    cid = company["company_id"]
    name = company["company_name"] or cid
    overall = next((r for r in reputation if r["portal"] == "all"), None)
    body = [f"<h1>{esc(name)}</h1>"]
    body.append(
        f"<p>{esc(company.get('industry'))} · {esc(company.get('domain'))} · portals: "
        f"{esc(', '.join(as_list(company.get('portals'))))}</p>"
    )
    if overall:
        body.append(
            '<div class="kpis">'
            f'<div>Score<b id="score">{num(overall["score_100"])}</b>{esc(overall["label"])}</div>'
            f"<div>95% interval<b>{num(overall['score_low'])}–{num(overall['score_high'])}</b>"
            f"rank {esc(overall['rank'])}</div>"
            f'<div>Trend 30 days<b id="trend">{trend_arrow(overall["trend_30d"])}</b>'
            f"90 days ago: {num(overall['score_90d_ago'])}</div>"
            f'<div>Reply rate<b id="reply-rate">{percent(overall["reply_rate"])}</b>'
            f"of {esc(overall['review_count'])} reviews</div>"
            f'<div>Median reply time<b id="reply-time">'
            f"{reply_time(overall['median_reply_hours'])}</b></div>"
            "</div>"
        )
    else:
        body.append("<p>No reputation score yet (no rated reviews).</p>")

    series, interval = _series(daily)
    days = [d for points in series.values() for d, _ in points]
    end = as_of or (max(days) if days else None)
    body.append("<h2>Score over time</h2>")
    drop = drop_summary(daily, alerts)
    if drop:
        body.append(f'<p id="drop">{esc(drop)}</p>')
    if days and end:
        bands = [
            Band(
                a["alert_id"],
                a["kind"],
                a["started_on"],
                a["ended_on"],
                "#" + alert_anchor(a["alert_id"]),
            )
            for a in alerts
        ]
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
            "alert periods.</p>"
        )
    else:
        body.append("<p>No daily scores yet.</p>")

    body.append(f"<h2>Alerts ({len(alerts)})</h2>")
    if not alerts:
        body.append("<p>None.</p>")
    for a in alerts:
        body.append(_alert_block(a, alert_reviews.get(a["alert_id"], [])))

    body.append("<h2>Rating distribution</h2>" + star_histogram(histogram))

    body.append("<h2>Portals</h2>")
    body.append(
        '<table class="sortable" id="portals"><thead><tr><th>Portal</th>'
        '<th class="num">Reviews</th><th class="num">Mean ★</th><th class="num">Bayes ★</th>'
        '<th class="num">Decayed ★</th><th class="num">Score</th>'
        '<th class="num">95% interval</th><th class="num">Adjusted</th>'
        '<th class="num">Trend 30d</th><th class="num">1 ★</th><th class="num">5 ★</th>'
        '<th class="num">Reply rate</th><th class="num">Median reply</th></tr></thead><tbody>'
    )
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
            f"{reply_time(r['median_reply_hours'])}</td></tr>"
        )
    body.append(
        "</tbody></table><p>Adjusted: the score without reviews flagged as suspicious "
        "(bought praise, extortion, near-duplicates).</p>"
    )

    body.append(f"<h2>Recent reviews ({len(recent)})</h2>")
    for r in recent:
        body.append(_review_block(r))
    return page(f"ruf: {name}", "".join(body), root="../", sortable=True, docs_link=docs_link)


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
        f'author <code class="author">{esc(r["author_pseudonym"])}</code>{reply}{flags} · '
        f"<code>{esc(r['review_key'])}</code></div>"
        + (f"<strong>{esc(r['title'])}</strong>" if r.get("title") else "")
        + f'<p class="text">{esc(r.get("text"))}</p></div>'
    )


def _alert_block(a: Row, reviews: Sequence[Row]) -> str:
    colour_kind = esc(a["kind"])
    portals = ", ".join(as_list(a.get("portals")))
    out = [
        f'<div class="alert {colour_kind}" id="{esc(alert_anchor(a["alert_id"]))}">',
        f"<h3>{colour_kind} · {esc(day_text(a['started_on']))} – "
        f"{esc(day_text(a['ended_on'])) or 'open'}</h3>",
        f"<p>severity {esc(a['severity'])} · {esc(a['review_count'])} reviews · portals "
        f"{esc(portals)} · <code>{esc(a['alert_id'])}</code></p>",
        evidence_list(a.get("evidence")),
    ]
    if reviews:
        out.append(f"<p>First {len(reviews)} reviews of this alert:</p>")
        out.extend(_review_block(r, with_reply=False) for r in reviews)
    out.append("</div>")
    return "".join(out)
