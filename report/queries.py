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
    """The newest day any score is computed for (the report's 'now'): bi.reputation's
    as_of, not bi.reputation_daily's last day, which would score every calendar day."""
    return con.execute("select max(as_of) from bi.reputation").fetchone()[0]


def company_count(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("select count(*) from bi.companies").fetchone()[0]


def league_table(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """One row per company (its ``portal = 'all'`` reputation), best rank first."""
    return _rows(
        con,
        """
        with alert_counts as (
            select company_id, count(*) as alert_count, max(started_on) as last_alert_on,
            from bi.alerts
            group by company_id
        ),

        -- The all-portals score on the last scored day before the newest alert began.
        before_alert as (
            select a.company_id, d.score_100 as score_before_alert,
            from alert_counts as a
            asof join bi.reputation_daily as d
                on d.company_id = a.company_id and d.portal = 'all' and d.day < a.last_alert_on
        )
        select
            r.company_id,
            r.company_name,
            r.score_100,
            r.score_low,
            r.score_high,
            r.trend_30d,
            r.score_100 - r.score_90d_ago as change_90d,
            r.score_100 - b.score_before_alert as change_since_alert,
            a.last_alert_on,
            r.review_count,
            r.label,
            r.rank,
            coalesce(a.alert_count, 0) as alert_count,
        from bi.reputation as r
        left join alert_counts as a using (company_id)
        left join before_alert as b using (company_id)
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


def alert_top_terms(con: duckdb.DuckDBPyConnection, per_alert: int = 3) -> dict[str, list[str]]:
    """What each alert is about: its best terms (alert_id -> terms)."""
    rows = con.execute(
        """
        select alert_id, list(term order by rank) as terms,
        from bi.alert_topics
        where rank <= ?
        group by alert_id
        """,
        [per_alert],
    ).fetchall()
    return {alert_id: terms for alert_id, terms in rows}


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
    """The company's reputation per portal, the ``all`` row first, with what each portal
    itself displays (its latest read in ``bi.portal_scores``: ``portal_stars``,
    ``portal_review_count``)."""
    return _rows(
        con,
        """
        select
            ruf.*,
            shown.stars as portal_stars,
            shown.review_count as portal_review_count,
        from bi.reputation as ruf
        left join bi.portal_scores as shown
            on shown.company_id = ruf.company_id
            and shown.portal = ruf.portal
            and shown.is_latest
        where ruf.company_id = ?
        order by ruf.portal <> 'all', ruf.portal
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
    con: duckdb.DuckDBPyConnection, company_id: str, per_alert: int = 50
) -> dict[str, list[Row]]:
    """The first reviews of each of the company's alerts (alert_id -> reviews), with the
    company's reply and the page the review is on."""
    rows = _rows(
        con,
        """
        with members as (
            select unnest(alert_ids) as alert_id, review_key, portal, published_at, stars,
                title, text, reply_text, replied_at, reply_hours, source_url,
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


def company_alert_replies(con: duckdb.DuckDBPyConnection, company_id: str) -> dict[str, Row]:
    """Per alert of the company: its reviews and how many of them have no reply yet."""
    rows = _rows(
        con,
        """
        select alert_id, count(*) as reviews,
            count(*) filter (where replied_at is null) as unanswered,
        from (
            select unnest(alert_ids) as alert_id, replied_at,
            from bi.reviews
            where company_id = ? and len(alert_ids) > 0
        )
        group by alert_id
        """,
        [company_id],
    )
    return {r.pop("alert_id"): r for r in rows}


# --- topics, mentions and volume (issue 19) ---------------------------------------


def company_topics(con: duckdb.DuckDBPyConnection, company_id: str) -> list[Row]:
    """The company's topics across its portals (portal = 'all'), best first per list."""
    return _rows(
        con,
        """
        select polarity, compared_to, direction, rank, term, review_count, polarity_reviews,
            share, reference_count, reference_reviews, reference_share, lift, z_score,
            period_start, period_end,
        from bi.company_topics
        where company_id = ? and portal = 'all'
        order by polarity, compared_to, direction desc, rank
        """,
        [company_id],
    )


def company_alert_topics(con: duckdb.DuckDBPyConnection, company_id: str) -> dict[str, list[Row]]:
    """The topics of each of the company's alerts (alert_id -> topics, best first)."""
    rows = _rows(
        con,
        """
        select alert_id, rank, term, review_count, alert_reviews, share, reference_count,
            reference_reviews, lift, example_review_key,
        from bi.alert_topics
        where company_id = ?
        order by alert_id, rank
        """,
        [company_id],
    )
    out: dict[str, list[Row]] = {}
    for row in rows:
        out.setdefault(row.pop("alert_id"), []).append(row)
    return out


def company_mentions(con: duckdb.DuckDBPyConnection, company_id: str, limit: int = 20) -> list[Row]:
    """The newest forum and blog posts naming the company."""
    return _rows(
        con,
        """
        select portal, published_at, title, text, source_url,
        from bi.mentions
        where company_id = ?
        order by published_at desc, mention_key
        limit ?
        """,
        [company_id, limit],
    )


def company_mention_count(con: duckdb.DuckDBPyConnection, company_id: str) -> int:
    return con.execute(
        "select count(*) from bi.mentions where company_id = ?", [company_id]
    ).fetchone()[0]


def company_weekly_stars(con: duckdb.DuckDBPyConnection, company_id: str) -> list[Row]:
    """Reviews per week (Monday) and star (1..5, rounded) over the company's history."""
    return _rows(
        con,
        """
        select cast(date_trunc('week', published_at) as date) as week,
            least(5, greatest(1, cast(round(stars) as integer))) as star, count(*) as reviews,
        from bi.reviews
        where company_id = ? and stars is not null
        group by all
        order by week, star
        """,
        [company_id],
    )
