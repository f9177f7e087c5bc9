"""The company page's sections of issue 19: the trend that cannot hide a crash, what
drives bad and good reviews, what changed, the alerts in plain language with their
topics and reviews, and the forum and blog mentions.

Every table carries ``data-csv`` (the page's script offers it as a CSV download);
values from the warehouse go through ``esc``; links to portals only as http(s).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from urllib.parse import urlsplit

from report.alert_text import describe, kind_name
from report.html import Row, alert_anchor, change_arrow, day_text, esc, num, percent, reply_time

TOPICS_SHOWN = 10
CHANGES_SHOWN = 5
FELL_Z = -1.64  # a term "fell" on the page only when the drop is clear (one-sided 95%)
ALERT_TOPICS_SHOWN = 8
POLARITY_WORDS = {"negative": "bad (1–2 ★)", "positive": "good (4–5 ★)"}


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s) (never javascript: or data: from a portal page)."""
    if not url:
        return None
    try:
        scheme = urlsplit(str(url)).scheme.lower()
    except ValueError:
        return None
    return str(url) if scheme in ("http", "https") else None


def _link(url: str | None, text: str) -> str:
    href = safe_url(url)
    if href is None:
        return ""
    return f'<a href="{esc(href)}" rel="noopener noreferrer nofollow">{esc(text)}</a>'


def signed(value: float | None) -> str:
    return "–" if value is None else f"{value:+.1f}"


def score_before(daily: Sequence[Row], day: date) -> float | None:
    """The all-portals score on the last scored day before ``day``."""
    before = [d for d in daily if d["portal"] == "all" and d["day"] < day and d["score_100"]]
    return before[-1]["score_100"] if before else None


def trend_kpis(overall: Row, daily: Sequence[Row], alerts: Sequence[Row]) -> str:
    """The change since the newest alert began and over 90 days (a 30-day window alone
    shows "+0.8" for a company that crashed 42 days ago)."""
    score = overall.get("score_100")
    ago = overall.get("score_90d_ago")
    out = [
        f'<div>Change over 90 days<b id="change-90d">'
        f"{change_arrow(None if score is None or ago is None else score - ago, 'in 90 days')}</b>"
        f"from {num(ago)} · 30 days: {signed(overall.get('trend_30d'))}</div>"
    ]
    if alerts:
        newest = max(alerts, key=lambda a: (a["started_on"], a["alert_id"]))
        before = score_before(daily, newest["started_on"])
        since = None if score is None or before is None else score - before
        out.append(
            f'<div>Since the newest alert<b id="change-since-alert">'
            f"{change_arrow(since, 'since the alert began')}</b>"
            f"{esc(kind_name(newest['kind']).lower())}, {esc(day_text(newest['started_on']))}; "
            f"before: {num(before)}</div>"
        )
    return "".join(out)


def _topic_rows(rows: Sequence[Row]) -> str:
    out = []
    for t in rows:
        out.append(
            f'<tr><td class="term">{esc(t["term"])}</td>'
            f'<td class="num" data-csv="{esc(t["review_count"])}">{esc(t["review_count"])} '
            f"of {esc(t['polarity_reviews'])}</td>"
            f'<td class="num" data-csv="{t["share"]:.3f}">{percent(t["share"])}</td>'
            f'<td class="num" data-csv="{t["lift"]:.2f}" title="smoothed, z = '
            f'{num(t.get("z_score"), 1)}">{_lift(t)}</td></tr>'
        )
    return "".join(out)


def _lift(t: Row) -> str:
    if not t.get("reference_count") and (t.get("lift") or 0) >= 10:
        return "only here"
    return f"{t['lift']:.1f}×" if t["lift"] >= 1 else f"{1 / t['lift']:.1f}× less"


def _pick(topics: Sequence[Row], polarity: str, compared_to: str, direction: str) -> list[Row]:
    return [
        t
        for t in topics
        if (t["polarity"], t["compared_to"], t["direction"]) == (polarity, compared_to, direction)
    ]


def topics_section(topics: Sequence[Row]) -> str:
    """What drives bad and good reviews now: the terms used more than at other companies."""
    out = ['<h2 id="topics">What drives bad and good reviews now</h2>']
    period = next(iter(topics), None)
    if period is None:
        return out[0] + "<p>Too few reviews in the last 90 days to name topics.</p>"
    out.append(
        f"<p>Reviews of {esc(day_text(period['period_start']))} – "
        f"{esc(day_text(period['period_end']))}: the topics used at least 1.5 times as often "
        "as in other companies' reviews of the same stars, the most mentioned first.</p>"
    )
    for polarity in ("negative", "positive"):
        rows = _pick(topics, polarity, "all_companies", "rose")[:TOPICS_SHOWN]
        out.append(f"<h3>In {POLARITY_WORDS[polarity]} reviews</h3>")
        if not rows:
            out.append("<p>None stands out.</p>")
            continue
        out.append(
            f'<table class="sortable topics" id="topics-{polarity}" '
            f'data-csv="topics-{polarity}"><thead><tr><th>Topic</th>'
            '<th class="num">Reviews</th><th class="num">Share</th>'
            '<th class="num">vs. other companies</th></tr></thead><tbody>'
            f"{_topic_rows(rows)}</tbody></table>"
        )
    return "".join(out)


def changes_section(topics: Sequence[Row]) -> str:
    """What changed against the company's own reviews of the 90 days before."""
    out = ['<h2 id="changes">What changed</h2>']
    found = False
    for polarity in ("negative", "positive"):
        rose = _pick(topics, polarity, "own_past", "rose")[:CHANGES_SHOWN]
        fell = [
            t
            for t in _pick(topics, polarity, "own_past", "fell")
            if (t.get("z_score") or 0) <= FELL_Z
        ][:CHANGES_SHOWN]
        if not rose and not fell:
            continue
        found = True
        out.append(
            f"<h3>In {POLARITY_WORDS[polarity]} reviews, against the 90 days before</h3>"
            f'<table class="sortable changes" id="changes-{polarity}" '
            f'data-csv="changes-{polarity}"><thead><tr><th>Topic</th><th>Change</th>'
            '<th class="num">Now</th><th class="num">Before</th></tr></thead><tbody>'
        )
        for t in [*rose, *fell]:
            before = t.get("reference_reviews") or 0
            out.append(
                f'<tr><td class="term">{esc(t["term"])}</td>'
                f"<td>{'more often' if t['direction'] == 'rose' else 'less often'}</td>"
                f'<td class="num" data-csv="{esc(t["review_count"])}">{esc(t["review_count"])} '
                f"of {esc(t['polarity_reviews'])} ({percent(t['share'])})</td>"
                f'<td class="num" data-csv="{esc(t["reference_count"])}">'
                f"{esc(t['reference_count'])} of {esc(before)}"
                + (f" ({percent(t['reference_share'])})" if before else "")
                + "</td></tr>"
            )
        out.append("</tbody></table>")
    if not found:
        out.append("<p>No topic rose or fell clearly against the 90 days before.</p>")
    return "".join(out)


def mentions_section(mentions: Sequence[Row], total: int) -> str:
    out = [f'<h2 id="mentions">Forum and blog mentions ({total})</h2>']
    if not mentions:
        return out[0] + "<p>None found.</p>"
    if total > len(mentions):
        out.append(f"<p>The newest {len(mentions)} of {total}.</p>")
    out.append(
        '<table class="sortable mentions" id="mentions-table" data-csv="mentions">'
        "<thead><tr><th>Date</th><th>Where</th><th>Post</th><th>Link</th></tr></thead><tbody>"
    )
    for m in mentions:
        text = (m.get("text") or "").strip()
        excerpt = text if len(text) <= 300 else text[:300].rsplit(" ", 1)[0] + " …"
        title = f"<strong>{esc(m['title'])}</strong><br>" if m.get("title") else ""
        out.append(
            f"<tr><td>{esc(day_text(m['published_at']))}</td><td>{esc(m['portal'])}</td>"
            f'<td class="text">{title}{esc(excerpt)}</td>'
            f"<td>{_link(m.get('source_url'), 'open post')}</td></tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


def _reviews_table(alert_id: str, reviews: Sequence[Row]) -> str:
    out = [
        '<table class="sortable alert-reviews" data-csv="alert-reviews"><thead><tr>'
        '<th>Date</th><th>Portal</th><th class="num">Stars</th><th>Review</th>'
        "<th>Company's reply</th><th>Link</th></tr></thead><tbody>"
    ]
    for r in reviews:
        title = f"<strong>{esc(r['title'])}</strong><br>" if r.get("title") else ""
        if r.get("replied_at") is None:
            reply = '<span class="no-reply">no reply</span>'
        else:
            reply = (
                f'<span class="meta">after {reply_time(r.get("reply_hours"))}:</span> '
                f"{esc(r.get('reply_text') or '(no text)')}"
            )
        stars = r.get("stars")
        out.append(
            f'<tr class="review-row"><td>{esc(day_text(r["published_at"]))}</td>'
            f"<td>{esc(r['portal'])}</td>"
            f'<td class="num" data-csv="{"" if stars is None else f"{stars:.1f}"}">'
            f"{num(stars)}</td>"
            f'<td class="text">{title}{esc(r.get("text"))}</td>'
            f'<td class="reply">{reply}</td>'
            f"<td>{_link(r.get('source_url'), 'on ' + str(r['portal']))}</td></tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


def alert_block(
    alert: Row, topics: Sequence[Row], reviews: Sequence[Row], replies: Row, *, open_: bool
) -> str:
    """One alert: a sentence on what happened, how unusual, what to do; its topics and
    its reviews with the company's replies (folded away unless ``open_``)."""
    text = describe(alert, replies.get("unanswered"), topics)
    kind = esc(alert["kind"])
    out = [
        f'<div class="alert {kind}" id="{esc(alert_anchor(alert["alert_id"]))}" '
        f'data-kind="{kind}">',
        f"<h3>{esc(text.title)}</h3>",
        f'<p class="what">{esc(text.what)} {esc(text.unusual)}</p>',
        f'<p class="action"><strong>What to do:</strong> {esc(text.action)}</p>',
    ]
    shown = list(topics)[:ALERT_TOPICS_SHOWN]
    if shown:
        items = "".join(
            f'<li><span class="term">{esc(t["term"])}</span> '
            f'<span class="meta">{esc(t["review_count"])} of {esc(t["alert_reviews"])} '
            f"reviews</span></li>"
            for t in shown
        )
        out.append(
            f'<p>What its reviews say, more than before:</p><ul class="alert-topics">{items}</ul>'
        )
    total = replies.get("reviews") or len(reviews)
    if reviews:
        more = (
            f"The first {len(reviews)} of its {total} reviews"
            if total > len(reviews)
            else f"All {total} reviews"
        )
        out.append(
            f'<details class="alert-reviews"{" open" if open_ else ""}><summary>'
            f"{more}, with the company's replies</summary>"
            + _reviews_table(alert["alert_id"], reviews)
            + "</details>"
        )
    out.append("</div>")
    return "".join(out)
