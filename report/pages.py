"""HTML for the three page kinds: league table, company page, alerts page.

Every value from the warehouse goes through ``esc`` (review text is written by
strangers on the internet); the only script is the table sorter below.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from html import escape
from typing import Any
from urllib.parse import quote

from report.charts import Band, score_chart, star_histogram

Row = dict[str, Any]

# No network at all: no CDN, fonts or images from elsewhere, even if a value slipped through.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;
 padding:1rem 1.5rem;color:#222}
a{color:#0b5cad}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{padding:.3rem .5rem;border-bottom:1px solid #e4e4e4;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
table.sortable th{cursor:pointer;user-select:none;background:#f6f6f6}
table.sortable th[aria-sort=ascending]::after{content:" ▲"}
table.sortable th[aria-sort=descending]::after{content:" ▼"}
.up{color:#1a7f37}.down{color:#c62828}.flat{color:#777}
.note{background:#fff8e1;border:1px solid #f0d58c;padding:.5rem .8rem}
.review{border-left:3px solid #ddd;padding:.2rem .8rem;margin:.8rem 0}
.review .meta{color:#666;font-size:.85rem}
.review p{white-space:pre-wrap;margin:.3rem 0}
.suspicious{border-left-color:#9467bd}
.alert{border:1px solid #eee;border-left:4px solid #d62728;padding:.3rem .8rem;margin:.8rem 0}
.kpis{display:flex;gap:2rem;flex-wrap:wrap}.kpis div{min-width:8rem}
.kpis b{display:block;font-size:1.6rem}
code{font-size:.85rem;word-break:break-all}
nav{margin-bottom:1rem}
dl.evidence{display:grid;grid-template-columns:max-content auto;gap:0 1rem;font-size:.85rem}
dl.evidence dd{margin:0}
"""

# Sort a table by the clicked header; cells may carry a numeric data-sort value.
SORT_JS = """
document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('th').forEach(function (th, col) {
    th.addEventListener('click', function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      function key(row) {
        var cell = row.cells[col];
        var v = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
        var n = parseFloat(v);
        return isNaN(n) || v.trim() === '' ? v.trim().toLowerCase() : n;
      }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        if (typeof x !== typeof y) { x = String(x); y = String(y); }
        var c = x < y ? -1 : x > y ? 1 : 0;
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
"""


def esc(value: Any) -> str:
    return "" if value is None else escape(str(value), quote=True)


def page(title: str, body: str, *, root: str = "", sortable: bool = False) -> str:
    script = f"<script>{SORT_JS}</script>" if sortable else ""
    return (
        "<!doctype html>\n"
        '<html lang="de"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{STYLE}</style></head><body>"
        f'<nav><a href="{root}index.html">League table</a> · '
        f'<a href="{root}alerts.html">Alerts</a></nav>'
        f"{body}{script}</body></html>\n"
    )


def company_href(company_id: str, root: str = "") -> str:
    """The company page's path; ids are slugs, anything else becomes ``_``."""
    return f"{root}companies/{re.sub(r'[^A-Za-z0-9._-]', '_', company_id)}.html"


def alert_anchor(alert_id: str) -> str:
    return f"alert-{alert_id}"


def num(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def trend_arrow(trend: float | None) -> str:
    """An arrow for the 30-day trend; changes under 2 points count as flat."""
    if trend is None:
        return '<span class="flat">–</span>'
    if trend >= 2:
        return f'<span class="up" title="+{trend:.1f} in 30 days">▲ +{trend:.1f}</span>'
    if trend <= -2:
        return f'<span class="down" title="{trend:.1f} in 30 days">▼ {trend:.1f}</span>'
    return f'<span class="flat" title="{trend:+.1f} in 30 days">► {trend:+.1f}</span>'


def reply_time(hours: float | None) -> str:
    if hours is None:
        return "–"
    if hours < 48:
        return f"{hours:.0f} h"
    return f"{hours / 24:.1f} days"


def percent(share: float | None) -> str:
    return "–" if share is None else f"{100 * share:.0f}%"


def _as_list(value: Any) -> list[str]:
    """A list column (or JSON/comma text, if a view ever delivers it as text)."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    text = str(value).strip()
    if text.startswith("["):
        try:
            return [str(v) for v in json.loads(text)]
        except ValueError:
            pass
    return [p.strip() for p in text.split(",") if p.strip()]


def _evidence(value: Any) -> str:
    """Evidence JSON as a small definition list (raw text if it is not an object)."""
    try:
        data = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return f"<code>{esc(value)}</code>"
    items = "".join(
        f"<dt>{esc(k)}</dt><dd>{esc(json.dumps(v) if isinstance(v, list | dict) else v)}</dd>"
        for k, v in data.items()
    )
    return f'<dl class="evidence">{items}</dl>'


def _day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()


# --- league table ------------------------------------------------------------


def index_page(
    rows: Sequence[Row],
    *,
    paged: set[str],
    total_companies: int,
    as_of: date | None,
    alert_total: int,
    selection_note: str | None,
) -> str:
    body = [
        "<h1>Reputation league table</h1>",
        f"<p>{total_companies} companies, scores as of {esc(as_of) or 'unknown'}; "
        f'<a href="alerts.html">{alert_total} alerts</a>. Ranked by the lower end of the '
        "95% interval, so a handful of reviews cannot top the table. "
        "Click a column header to sort.</p>",
    ]
    if selection_note:
        body.append(f'<p class="note" id="selection-note">{esc(selection_note)}</p>')
    body.append(
        '<table class="sortable" id="league"><thead><tr>'
        '<th class="num">Rank</th><th>Company</th><th class="num">Score</th>'
        '<th class="num">95% interval</th><th class="num">Trend 30d</th>'
        '<th class="num">Reviews</th><th class="num">Alerts</th><th>Label</th>'
        "</tr></thead><tbody>"
    )
    for r in rows:
        cid = r["company_id"]
        name = esc(r["company_name"] or cid)
        link = f'<a href="{company_href(cid)}">{name}</a>' if cid in paged else name
        body.append(
            f'<tr data-company-id="{esc(cid)}">'
            f'<td class="num">{esc(r["rank"])}</td><td>{link}</td>'
            f'<td class="num score">{num(r["score_100"])}</td>'
            f'<td class="num" data-sort="{esc(r["score_low"])}">'
            f"{num(r['score_low'])}–{num(r['score_high'])}</td>"
            f'<td class="num" data-sort="{esc(r["trend_30d"])}">{trend_arrow(r["trend_30d"])}</td>'
            f'<td class="num">{esc(r["review_count"])}</td>'
            f'<td class="num">{esc(r["alert_count"])}</td><td>{esc(r["label"])}</td></tr>'
        )
    body.append("</tbody></table>")
    return page("ruf: reputation league table", "".join(body), sortable=True)


# --- company page --------------------------------------------------------------


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
) -> str:
    cid = company["company_id"]
    name = company["company_name"] or cid
    overall = next((r for r in reputation if r["portal"] == "all"), None)
    body = [f"<h1>{esc(name)}</h1>"]
    body.append(
        f"<p>{esc(company.get('industry'))} · {esc(company.get('domain'))} · portals: "
        f"{esc(', '.join(_as_list(company.get('portals'))))}</p>"
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
    return page(f"ruf: {name}", "".join(body), root="../", sortable=True)


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
        f'<div class="meta">{esc(_day(r["published_at"]))} · {esc(r["portal"])}{stars} · '
        f'author <code class="author">{esc(r["author_pseudonym"])}</code>{reply}{flags} · '
        f"<code>{esc(r['review_key'])}</code></div>"
        + (f"<strong>{esc(r['title'])}</strong>" if r.get("title") else "")
        + f'<p class="text">{esc(r.get("text"))}</p></div>'
    )


def _alert_block(a: Row, reviews: Sequence[Row]) -> str:
    colour_kind = esc(a["kind"])
    portals = ", ".join(_as_list(a.get("portals")))
    out = [
        f'<div class="alert {colour_kind}" id="{esc(alert_anchor(a["alert_id"]))}">',
        f"<h3>{colour_kind} · {esc(_day(a['started_on']))} – "
        f"{esc(_day(a['ended_on'])) or 'open'}</h3>",
        f"<p>severity {esc(a['severity'])} · {esc(a['review_count'])} reviews · portals "
        f"{esc(portals)} · <code>{esc(a['alert_id'])}</code></p>",
        _evidence(a.get("evidence")),
    ]
    if reviews:
        out.append(f"<p>First {len(reviews)} reviews of this alert:</p>")
        out.extend(_review_block(r, with_reply=False) for r in reviews)
    out.append("</div>")
    return "".join(out)


# --- alerts page -------------------------------------------------------------


def alerts_page(
    alerts: Sequence[Row],
    review_keys: dict[str, list[str]],
    *,
    paged: set[str],
    total: int,
    keys_per_alert: int = 20,
) -> str:
    body = [
        "<h1>Alerts</h1>",
        f"<p>{total} alerts, newest first"
        + (f" (the newest {len(alerts)} shown)" if len(alerts) < total else "")
        + ". Each links to the company page, where the alert's reviews are listed.</p>",
        '<table class="sortable" id="alerts"><thead><tr><th>Started</th><th>Ended</th>'
        "<th>Kind</th><th>Company</th><th>Portals</th><th>Severity</th>"
        '<th class="num">Reviews</th><th>Evidence</th></tr></thead><tbody>',
    ]
    for a in alerts:
        cid = a["company_id"]
        name = esc(a["company_name"] or cid)
        anchor = f"{company_href(cid)}#{quote(alert_anchor(a['alert_id']), safe='')}"
        company = f'<a href="{anchor}">{name}</a>' if cid in paged else name
        keys = review_keys.get(a["alert_id"], [])
        shown = ", ".join(f"<code>{esc(k)}</code>" for k in keys[:keys_per_alert])
        more = f" and {len(keys) - keys_per_alert} more" if len(keys) > keys_per_alert else ""
        evidence = _evidence(a.get("evidence"))
        if keys:
            evidence += f'<div class="review-keys">reviews: {shown}{more}</div>'
        if cid in paged:
            evidence += f'<a href="{anchor}">evidence on the company page</a>'
        body.append(
            f'<tr data-alert-id="{esc(a["alert_id"])}" data-kind="{esc(a["kind"])}">'
            f"<td>{esc(_day(a['started_on']))}</td><td>{esc(_day(a['ended_on'])) or 'open'}</td>"
            f"<td>{esc(a['kind'])}</td><td>{company}</td>"
            f"<td>{esc(', '.join(_as_list(a.get('portals'))))}</td><td>{esc(a['severity'])}</td>"
            f'<td class="num">{esc(a["review_count"])}</td><td>{evidence}</td></tr>'
        )
    body.append("</tbody></table>")
    return page("ruf: alerts", "".join(body), sortable=True)
