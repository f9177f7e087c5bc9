"""Detectors: precision and recall of each alert kind against the injected ground truth.

Truth is ``World.injected_events()`` of the bench world; the alerts are the
published warehouse's ``bi.alerts``. An alert matches an event of the same
company and kind when their date spans overlap (with ``TOLERANCE_DAYS`` of
slack, since a detector sees a burst only once it has begun). Where the
warehouse ships its own evaluation (``warehouse.detectors_eval.evaluate``) it is used,
for the alerts and for the baseline's alike.

The baseline is the naive rules anyone would write first, in DuckDB over the
lake Parquet: a company and portal's weekly review count above its mean plus
three standard deviations (at least five reviews), negative when the week's
mean is <= 2 stars and positive when >= 4.5; the same text three times in a
week; a 1-star review mentioning a discount or refund; two portals 1.5 stars
apart over 180 days; eight bad reviews in a month with under 20% replies.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from bench.world_gen import make_world

TOLERANCE_DAYS = 7

NAIVE_BURSTS_SQL = """
with reviews as (
    select company_id, portal, stars, cast(published_at as date) as published_on,
    from read_parquet('{reviews}', hive_partitioning = true)
),
weeks as (
    select company_id, portal, date_trunc('week', published_on) as week,
        count(*) as n, avg(stars) as mean_stars,
    from reviews
    group by all
),
stats as (
    select company_id, portal, avg(n) as mu, coalesce(stddev_pop(n), 0) as sd,
    from weeks
    group by all
)
select company_id,
    case when mean_stars <= 2 then 'negative_burst' else 'positive_burst' end as kind,
    cast(week as date) as started_on, cast(week as date) + 6 as ended_on,
from weeks
join stats using (company_id, portal)
where n >= 5 and n > mu + 3 * sd and (mean_stars <= 2 or mean_stars >= 4.5)
"""

# Naive first attempts at the other kinds, for a reference point.
NAIVE_OTHERS_SQL = """
with reviews as (
    select company_id, portal, stars, lower(coalesce(text, '')) as text, replied_at,
        cast(published_at as date) as published_on,
    from read_parquet('{reviews}', hive_partitioning = true)
),
duplicates as (  -- the same text three times or more within a week
    select company_id, 'near_duplicate' as kind,
        min(published_on) as started_on, max(published_on) as ended_on,
    from reviews
    group by company_id, text, date_trunc('week', published_on)
    having count(*) >= 3 and len(text) > 0
),
extortion as (  -- a 1-star review that talks about discounts or refunds
    select company_id, 'extortion' as kind,
        min(published_on) as started_on, max(published_on) as ended_on,
    from reviews
    where stars <= 1.5 and regexp_matches(text, 'rabatt|refund|discount')
    group by company_id
),
recent as (
    select * from reviews
    where published_on >= (select max(published_on) from reviews) - 180
),
portal_means as (
    select company_id, portal, avg(stars) as mean_stars, count(*) as n,
        min(published_on) as started_on, max(published_on) as ended_on,
    from recent
    group by all
    having count(*) >= 8
),
divergence as (  -- two portals disagree by 1.5 stars or more over the last 180 days
    select a.company_id, 'divergence' as kind,
        least(a.started_on, b.started_on) as started_on,
        greatest(a.ended_on, b.ended_on) as ended_on,
    from portal_means as a
    join portal_means as b on a.company_id = b.company_id and a.portal < b.portal
    where abs(a.mean_stars - b.mean_stars) >= 1.5
),
unanswered as (  -- eight or more bad reviews in four weeks, under 20% answered
    select company_id, 'unanswered_criticism' as kind,
        min(published_on) as started_on, max(published_on) as ended_on,
    from reviews
    where stars <= 2
    group by company_id, date_trunc('month', published_on)
    having count(*) >= 8 and avg(case when replied_at is null then 0 else 1 end) < 0.2
)
select * from duplicates
union all select * from extortion
union all select * from divergence
union all select * from unanswered
"""


def _overlaps(a_start: date, a_end: date, b_start: date, b_end: date) -> bool:
    slack = timedelta(days=TOLERANCE_DAYS)
    return a_start <= b_end + slack and b_start <= a_end + slack


def score(events: list[tuple[str, str, date, date]], alerts: list[tuple[str, str, date, date]]):
    """Per kind: events, alerts, recall and precision (None where there is nothing to divide)."""
    kinds = sorted({e[1] for e in events} | {a[1] for a in alerts})
    out = {}
    for kind in kinds:
        ev = [e for e in events if e[1] == kind]
        al = [a for a in alerts if a[1] == kind]

        def hit(x, pool) -> bool:
            return any(x[0] == y[0] and _overlaps(x[2], x[3], y[2], y[3]) for y in pool)

        found = sum(hit(e, al) for e in ev)
        right = sum(hit(a, ev) for a in al)
        out[kind] = {
            "events": len(ev),
            "alerts": len(al),
            "events_found": found,
            "alerts_matching": right,
            "recall": found / len(ev) if ev else None,
            "precision": right / len(al) if al else None,
        }
    return out


def _truth(spec: dict) -> list[tuple[str, str, date, date]]:
    world = make_world(spec, later=True)
    return [(e.company_id, e.kind, e.start, e.end) for e in world.injected_events()]


def _as_date(value) -> date:
    return value.date() if isinstance(value, datetime) else value


def _score_with_warehouse_eval(spec: dict, con) -> dict | None:
    """warehouse.detectors_eval.evaluate (the warehouse's own matching), if it exists."""
    try:
        from warehouse.detectors_eval import evaluate as warehouse_evaluate
    except ImportError:
        return None
    events = make_world(spec, later=True).injected_events()
    return {
        kind: {
            "events": s.events,
            "alerts": s.alerts,
            "events_found": s.matched_events,
            "alerts_matching": s.matched_alerts,
            "recall": s.recall,
            "precision": s.precision,
        }
        for kind, s in warehouse_evaluate(con, events).items()
    }


def _score(spec: dict, con) -> tuple[str, dict]:
    """Per-kind scores of ``bi.alerts`` in ``con``: the warehouse's evaluation, else ours."""
    scored = _score_with_warehouse_eval(spec, con)
    if scored is not None:
        return "warehouse.detectors_eval.evaluate", scored
    rows = con.execute(
        "select company_id, kind, started_on, coalesce(ended_on, started_on) from bi.alerts"
    ).fetchall()
    alerts = [(c, k, _as_date(s), _as_date(e)) for c, k, s, e in rows]
    return f"bench.detectors.score (slack {TOLERANCE_DAYS} days)", score(_truth(spec), alerts)


def evaluate(spec: dict, warehouse_path: str) -> dict:
    """Child task: the warehouse's alerts against the world's injected events."""
    import duckdb

    if not Path(warehouse_path).is_file():
        raise FileNotFoundError(f"no warehouse at {warehouse_path}: the build did not publish")
    con = duckdb.connect(warehouse_path, read_only=True)
    try:
        method, per_kind = _score(spec, con)
    finally:
        con.close()
    return {"method": method, "per_kind": per_kind}


def naive_baseline(spec: dict, lake_dir: str) -> dict:
    """Child task, baseline: the naive weekly-count burst detector over the lake."""
    import duckdb

    glob = str(Path(lake_dir) / "reviews" / "**" / "*.parquet")
    con = duckdb.connect()
    # The naive alerts go into a bi.alerts table of their own, so they are
    # scored by exactly the same matching as the warehouse's.
    con.execute("create schema bi")
    con.execute(
        "create table bi.alerts as select * from ("
        + NAIVE_BURSTS_SQL.replace("{reviews}", glob)
        + ") union all by name select * from ("
        + NAIVE_OTHERS_SQL.replace("{reviews}", glob)
        + ")"
    )
    try:
        method, per_kind = _score(spec, con)
    finally:
        con.close()
    return {"method": f"naive rules, scored by {method}", "per_kind": per_kind}
