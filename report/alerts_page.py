"""The alerts page: every alert, newest first, linked to its company page."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from report.html import (
    Row,
    alert_anchor,
    as_list,
    company_href,
    day_text,
    esc,
    evidence_list,
    page,
)


def alerts_page(
    alerts: Sequence[Row],
    review_keys: dict[str, list[str]],
    *,
    paged: set[str],
    total: int,
    keys_per_alert: int = 20,
    docs_link: bool = False,
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
        evidence = evidence_list(a.get("evidence"))
        if keys:
            evidence += f'<div class="review-keys">reviews: {shown}{more}</div>'
        if cid in paged:
            evidence += f'<a href="{anchor}">evidence on the company page</a>'
        body.append(
            f'<tr data-alert-id="{esc(a["alert_id"])}" data-kind="{esc(a["kind"])}">'
            f"<td>{esc(day_text(a['started_on']))}</td>"
            f"<td>{esc(day_text(a['ended_on'])) or 'open'}</td>"
            f"<td>{esc(a['kind'])}</td><td>{company}</td>"
            f"<td>{esc(', '.join(as_list(a.get('portals'))))}</td><td>{esc(a['severity'])}</td>"
            f'<td class="num">{esc(a["review_count"])}</td><td>{evidence}</td></tr>'
        )
    body.append("</tbody></table>")
    return page("ruf: alerts", "".join(body), sortable=True, docs_link=docs_link)
