"""Render the report from the warehouse and publish it under ``settings.reports_dir``.

Pages are rendered into a fresh directory next to the published one and then
moved into place (company pages first, the index last), so a reader never sees
a half-written report. Other files in the reports directory (screenshots) stay.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import duckdb

import report.queries as queries
from core.settings import Settings
from core.warehouse_db import open_published
from report.alerts_page import alerts_page
from report.company_page import CompanyExtras, company_page
from report.html import DOCS_PAGE, company_href, quality_runs
from report.league_page import index_page

DEFAULT_PAGE_LIMIT = 500  # company pages rendered; above it, the most telling companies
DEFAULT_TABLE_LIMIT = 5000  # league-table rows; above it, the companies with pages
ALERTS_PAGE_LIMIT = 5000


def write_report(
    settings: Settings,
    *,
    page_limit: int = DEFAULT_PAGE_LIMIT,
    table_limit: int = DEFAULT_TABLE_LIMIT,
) -> Path:
    """Write index.html, alerts.html and companies/<company_id>.html; return the index."""
    out = settings.reports_dir
    con = open_published(settings)
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".report-", dir=out))
        try:
            _render(
                con,
                staging,
                page_limit=page_limit,
                table_limit=table_limit,
                docs_link=(out / DOCS_PAGE).is_file(),
                quality=quality_runs(out),
            )
            _publish(staging, out)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    finally:
        con.close()
    return out / "index.html"


def select_paged(league: list[dict], alerted: Iterable[str], limit: int) -> list[str]:
    """Which companies get a page: all of them, or within ``limit`` the top and
    bottom of the table and the companies with the newest alerts."""
    ids = [r["company_id"] for r in league]
    if len(ids) <= limit:
        return ids
    quarter = limit // 4
    chosen: dict[str, None] = dict.fromkeys(ids[:quarter])
    chosen.update(dict.fromkeys(ids[len(ids) - quarter :]))
    for cid in alerted:  # newest alerts first
        if len(chosen) >= limit:
            break
        chosen[cid] = None
    for cid in ids[quarter:]:  # fill up from the top if few companies have alerts
        if len(chosen) >= limit:
            break
        chosen[cid] = None
    return list(chosen)


def _render(
    con: duckdb.DuckDBPyConnection,
    staging: Path,
    *,
    page_limit: int,
    table_limit: int,
    docs_link: bool,
    quality: list[str],
) -> None:
    as_of = queries.as_of(con)
    total = queries.company_count(con)
    league = queries.league_table(con)
    all_alerts = queries.alerts(con)
    alerted = dict.fromkeys(a["company_id"] for a in all_alerts)
    paged = select_paged(league, alerted, page_limit)
    paged_set = set(paged)

    note = None
    if len(paged) < len(league):
        note = (
            f"{len(league)} companies are more than the page limit of {page_limit}: company "
            f"pages were rendered for {len(paged)} of them (the top and bottom of the table "
            "and the companies with the newest alerts). Query the rest with `ruf query`."
        )
    table_rows = league
    if len(league) > table_limit:
        table_rows = [r for r in league if r["company_id"] in paged_set]
        note = (note or "") + (
            f" The table shows those {len(table_rows)} companies of {len(league)}."
        )

    companies_dir = staging / "companies"
    companies_dir.mkdir()
    for cid in paged:
        company = queries.company(con, cid)
        if company is None:  # a reputation row without a company row: show what we have
            company = {"company_id": cid, "company_name": None, "portals": None}
        html = company_page(
            company,
            queries.company_reputation(con, cid),
            queries.company_daily(con, cid),
            queries.company_alerts(con, cid),
            queries.company_alert_reviews(con, cid),
            queries.company_star_histogram(con, cid),
            queries.company_recent_reviews(con, cid),
            as_of=as_of,
            extras=CompanyExtras(
                topics=queries.company_topics(con, cid),
                alert_topics=queries.company_alert_topics(con, cid),
                alert_replies=queries.company_alert_replies(con, cid),
                mentions=queries.company_mentions(con, cid),
                mention_count=queries.company_mention_count(con, cid),
                weekly_stars=queries.company_weekly_stars(con, cid),
            ),
            docs_link=docs_link,
        )
        (staging / company_href(cid)).write_text(html, encoding="utf-8")

    shown_alerts = all_alerts[:ALERTS_PAGE_LIMIT]
    (staging / "alerts.html").write_text(
        alerts_page(
            shown_alerts,
            queries.alert_top_terms(con),
            paged=paged_set,
            total=len(all_alerts),
            docs_link=docs_link,
        ),
        encoding="utf-8",
    )
    (staging / "index.html").write_text(
        index_page(
            table_rows,
            paged=paged_set,
            total_companies=total,
            as_of=as_of,
            alert_total=len(all_alerts),
            selection_note=note,
            docs_link=docs_link,
            quality_runs=quality,
        ),
        encoding="utf-8",
    )


def _publish(staging: Path, out: Path) -> None:
    companies = out / "companies"
    old = out / f".companies-old-{os.getpid()}"
    if companies.exists():
        os.replace(companies, old)
    os.replace(staging / "companies", companies)
    shutil.rmtree(old, ignore_errors=True)
    os.replace(staging / "alerts.html", out / "alerts.html")
    os.replace(staging / "index.html", out / "index.html")
