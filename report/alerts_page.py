"""The alerts page: every alert, newest first, in plain language, linked to its company."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from report.alert_text import describe, kind_name
from report.html import Row, alert_anchor, as_list, company_href, day_text, esc, page


def alerts_page(
    alerts: Sequence[Row],
    topics: dict[str, list[str]],
    *,
    paged: set[str],
    total: int,
    docs_link: bool = False,
) -> str:
    """``topics``: alert_id -> its top terms (report.queries.alert_top_terms)."""
    body = [
        "<h1>Alerts</h1>",
        f"<p>{total} alerts, newest first"
        + (f" (the newest {len(alerts)} shown)" if len(alerts) < total else "")
        + ". Each links to the company page, where the alert's reviews and the company's "
        "replies are listed.</p>",
        '<table class="sortable" id="alerts" data-csv="alerts"><thead><tr><th>Started</th>'
        "<th>Ended</th><th>Alert</th><th>Company</th><th>Portals</th><th>Severity</th>"
        '<th class="num">Reviews</th><th>What happened</th><th>About</th></tr></thead><tbody>',
    ]
    for a in alerts:
        cid = a["company_id"]
        name = esc(a["company_name"] or cid)
        anchor = f"{company_href(cid)}#{quote(alert_anchor(a['alert_id']), safe='')}"
        company = f'<a href="{anchor}">{name}</a>' if cid in paged else name
        text = describe(a)
        terms = topics.get(a["alert_id"], [])
        body.append(
            f'<tr data-alert-id="{esc(a["alert_id"])}" data-kind="{esc(a["kind"])}">'
            f"<td>{esc(day_text(a['started_on']))}</td>"
            f"<td>{esc(day_text(a['ended_on'])) or 'open'}</td>"
            f"<td>{esc(kind_name(a['kind']))}</td><td>{company}</td>"
            f"<td>{esc(', '.join(as_list(a.get('portals'))))}</td><td>{esc(a['severity'])}</td>"
            f'<td class="num">{esc(a["review_count"])}</td>'
            f'<td class="what">{esc(text.what)} {esc(text.unusual)}</td>'
            f'<td class="about">{esc(", ".join(terms))}</td></tr>'
        )
    body.append("</tbody></table>")
    return page("ruf: alerts", "".join(body), sortable=True, name="alerts", docs_link=docs_link)
