"""The league table: every company ranked, sortable by any column."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from report.html import Row, change_arrow, company_href, esc, num, page, quality_href

QUALITY_LINKS = 14  # the newest run dates linked; the pages of older ones stay on disk


def index_page(
    rows: Sequence[Row],
    *,
    paged: set[str],
    total_companies: int,
    as_of: date | None,
    alert_total: int,
    selection_note: str | None,
    docs_link: bool = False,
    quality_runs: Sequence[str] = (),
) -> str:
    """The index page; ``quality_runs``: run dates with a data-quality page, newest first."""
    body = [
        "<h1>Reputation league table</h1>",
        f"<p>{total_companies} companies, scores as of {esc(as_of) or 'unknown'}; "
        f'<a href="alerts.html">{alert_total} alerts</a>. Ranked by the lower end of the '
        "95% interval, so a handful of reviews cannot top the table. "
        "90 days: the change of the score since 90 days ago; since newest alert: since the "
        "day before the company's newest alert began. Click a column header to sort.</p>",
    ]
    if selection_note:
        body.append(f'<p class="note" id="selection-note">{esc(selection_note)}</p>')
    body.append(
        '<table class="sortable" id="league" data-csv="league"><thead><tr>'
        '<th class="num">Rank</th><th>Company</th><th class="num">Score</th>'
        '<th class="num">95% interval</th><th class="num">90 days</th>'
        '<th class="num">Since newest alert</th>'
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
            f'<td class="num" data-sort="{esc(r["change_90d"])}">'
            f"{change_arrow(r['change_90d'], 'in 90 days')}</td>"
            f'<td class="num" data-sort="{esc(r["change_since_alert"])}">'
            f"{change_arrow(r['change_since_alert'], since(r.get('last_alert_on')))}</td>"
            f'<td class="num">{esc(r["review_count"])}</td>'
            f'<td class="num">{esc(r["alert_count"])}</td><td>{esc(r["label"])}</td></tr>'
        )
    body.append("</tbody></table>")
    if quality_runs:
        shown = quality_runs[:QUALITY_LINKS]
        links = ", ".join(f'<a href="{esc(quality_href(run))}">{esc(run)}</a>' for run in shown)
        more = (
            f" and {len(quality_runs) - len(shown)} older" if len(quality_runs) > len(shown) else ""
        )
        body.append(
            '<h2 id="data-quality">Data quality</h2><p>What the validation of each raw run '
            f"found (rows quarantined, and why): {links}{more}.</p>"
        )
    return page(
        "ruf: reputation league table",
        "".join(body),
        sortable=True,
        name="league",
        docs_link=docs_link,
    )


def since(day: date | None) -> str:
    return f"since {day.isoformat()}" if day else ""
