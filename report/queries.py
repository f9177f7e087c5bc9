"""Every SQL statement the report runs, one named function each.

The report reads only the stable ``bi`` views of docs/contracts/warehouse.md,
through the read-only connection of ``core.warehouse_db``.
Per-company queries filter on ``company_id`` so a company page costs the same
in a warehouse of ten companies as in one of 100,000; the benchmark times these
same functions (p50/p95 per company page), so keep them here and keep them
parameterised.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

Row = dict[str, Any]


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[Row]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


# --- whole warehouse -----------------------------------------------------------


def as_of(con: duckdb.DuckDBPyConnection) -> date | None:
    """The newest day any score is computed for (the report's 'now')."""
    return con.execute("select max(day) from bi.reputation_daily").fetchone()[0]


def company_count(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("select count(*) from bi.companies").fetchone()[0]


def league_table(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """One row per company (its ``portal = 'all'`` reputation), best rank first."""
    return _rows(
        con,
        """
        with alert_counts as (
            select company_id, count(*) as alert_count,
            from bi.alerts
            group by company_id
        )
        select
            r.company_id,
            r.company_name,
            r.score_100,
            r.score_low,
            r.score_high,
            r.trend_30d,
            r.review_count,
            r.label,
            r.rank,
            coalesce(a.alert_count, 0) as alert_count,
        from bi.reputation as r
        left join alert_counts as a using (company_id)
        where r.portal = 'all'
        order by r.rank nulls last, r.company_id
        """,
    )


def alerts(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> list[Row]:
    """Every alert, newest first."""
    sql = """
        select alert_id, company_id, company_name, portals, kind, started_on, ended_on,
            severity, evidence, review_count,
        from bi.alerts
        order by started_on desc, company_id, alert_id
    """
    if limit is not None:
        return _rows(con, sql + " limit ?", [limit])
    return _rows(con, sql)


def alert_review_keys(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """The reviews each alert is made of (alert_id -> review keys, oldest first)."""
    rows = con.execute(
        """
        select alert_id, list(review_key order by published_at, review_key) as review_keys,
        from (
            select unnest(alert_ids) as alert_id, review_key, published_at,
            from bi.reviews
            where len(alert_ids) > 0
        )
        group by alert_id
        """
    ).fetchall()
    return {alert_id: keys for alert_id, keys in rows}


# --- one company (all filtered on company_id) -----------------------------------


def company(con: duckdb.DuckDBPyConnection, company_id: str) -> Row | None:
    rows = _rows(
        con,
        """
        select company_id, company_name, industry, domain, portals,
        from bi.companies
        where company_id = ?
        """,
        [company_id],
    )
    return rows[0] if rows else None


def company_reputation(con: duckdb.DuckDBPyConnection, company_id: str) -> list[Row]:
    """The company's reputation per portal, the ``all`` row first."""
    return _rows(
        con,
        """
        select *
        from bi.reputation
        where company_id = ?
        order by portal <> 'all', portal
        """,
        [company_id],
    )


def company_daily(con: duckdb.DuckDBPyConnection, company_id: str) -> list[Row]:
    """Score over time, per portal and day."""
    return _rows(
        con,
        """
        select portal, day, score_100, score_low, score_high, review_count,
        from bi.reputation_daily
        where company_id = ?
        order by portal, day
        """,
        [company_id],
    )


def company_alerts(con: duckdb.DuckDBPyConnection, company_id: str) -> list[Row]:
    return _rows(
        con,
        """
        select alert_id, kind, portals, started_on, ended_on, severity, evidence, review_count,
        from bi.alerts
        where company_id = ?
        order by started_on desc, alert_id
        """,
        [company_id],
    )


def company_star_histogram(con: duckdb.DuckDBPyConnection, company_id: str) -> dict[int, int]:
    """How many reviews gave 1..5 stars (rounded; every star present, zero if none)."""
    rows = con.execute(
        """
        select least(5, greatest(1, cast(round(stars) as integer))) as star, count(*) as n,
        from bi.reviews
        where company_id = ? and stars is not null
        group by star
        """,
        [company_id],
    ).fetchall()
    counts = dict.fromkeys(range(1, 6), 0)
    counts.update({int(star): int(n) for star, n in rows})
    return counts


def company_recent_reviews(
    con: duckdb.DuckDBPyConnection, company_id: str, limit: int = 20
) -> list[Row]:
    return _rows(
        con,
        """
        select review_key, portal, published_at, stars, title, text, language,
            author_pseudonym, replied_at, reply_hours, is_suspicious, alert_ids,
        from bi.reviews
        where company_id = ?
        order by published_at desc, review_key
        limit ?
        """,
        [company_id, limit],
    )


def company_alert_reviews(
    con: duckdb.DuckDBPyConnection, company_id: str, per_alert: int = 10
) -> dict[str, list[Row]]:
    """The first reviews of each of the company's alerts (alert_id -> reviews)."""
    rows = _rows(
        con,
        """
        with members as (
            select unnest(alert_ids) as alert_id, review_key, portal, published_at, stars,
                title, text, author_pseudonym,
            from bi.reviews
            where company_id = ? and len(alert_ids) > 0
        )
        select *
        from members
        qualify row_number() over (
            partition by alert_id order by published_at, review_key
        ) <= ?
        order by alert_id, published_at, review_key
        """,
        [company_id, per_alert],
    )
    out: dict[str, list[Row]] = {}
    for row in rows:
        out.setdefault(row.pop("alert_id"), []).append(row)
    return out
