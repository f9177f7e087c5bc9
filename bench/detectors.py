"""Detectors: precision and recall of each alert kind against the injected ground truth.

Truth is ``World.injected_events()`` of the bench world; the alerts are the
published warehouse's ``bi.alerts``, matched by the warehouse's own evaluation
(``warehouse.detectors_eval.evaluate``: same company and kind, overlapping spans with a
few days of slack), for the alerts and for the baseline's alike. Besides each kind's
recall and precision: the recall on each planted pattern (weak bursts, threats, ...)
and the alerts raised at decoys (seasonal and big steady companies, praise from
long-standing accounts, refund complaints), every one of them a false alert.

The baseline is the naive rules anyone would write first, in DuckDB over the
lake Parquet: a company and portal's weekly review count above its mean plus
three standard deviations (at least five reviews), negative when the week's
mean is <= 2 stars and positive when >= 4.5; the same text three times in a
week; a 1-star review mentioning a discount or refund; two portals 1.5 stars
apart over 180 days; eight bad reviews in a month with under 20% replies.
"""

from __future__ import annotations

from pathlib import Path

from bench.world_gen import make_world

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


# Patterns planted so that a detector which alerts on them is wrong (see
# offline_portals/world/data/patterns.yaml); "steady" is the demo's quiet company.
DECOYS = ("gen_seasonal", "gen_big_steady", "gen_established_praise", "gen_refund_complaints")
DECOYS += ("steady",)


def _kind_scores(scores: dict) -> dict:
    return {
        kind: {
            "events": s.events,
            "alerts": s.alerts,
            "events_found": s.matched_events,
            "alerts_matching": s.matched_alerts,
            "recall": s.recall,
            "precision": s.precision,
        }
        for kind, s in scores.items()
    }


def _score(spec: dict, con) -> dict:
    """Per kind, per planted pattern and at the decoys: ``bi.alerts`` in ``con`` against
    the world's injected events, matched by ``warehouse.detectors_eval.evaluate``."""
    from warehouse.detectors_eval import evaluate as warehouse_evaluate

    world = make_world(spec, later=True)
    events = world.injected_events()
    pattern = {
        c.company_id: c.story or "none"
        for c in (world.company(i) for i in range(world.n_companies))
    }
    by_pattern: dict[str, dict] = {}
    for name in sorted({pattern[e.company_id] for e in events}):
        chosen = [e for e in events if pattern[e.company_id] == name]
        for kind, s in warehouse_evaluate(con, chosen).items():
            if s.events:
                by_pattern.setdefault(kind, {})[name] = {
                    "events": s.events,
                    "events_found": s.matched_events,
                    "recall": s.recall,
                }
    at_decoys: dict[str, dict[str, int]] = {name: {} for name in DECOYS}
    for company_id, kind, n in con.execute(
        "select company_id, kind, count(*) from bi.alerts group by all"
    ).fetchall():
        name = pattern.get(company_id)
        if name in at_decoys:
            at_decoys[name][kind] = at_decoys[name].get(kind, 0) + n
    return {
        "method": "warehouse.detectors_eval.evaluate",
        "per_kind": _kind_scores(warehouse_evaluate(con, events)),
        "recall_by_pattern": by_pattern,
        "alerts_at_decoys": at_decoys,
        "decoy_companies": {name: sum(p == name for p in pattern.values()) for name in DECOYS},
    }


def evaluate(spec: dict, warehouse_path: str) -> dict:
    """Child task: the warehouse's alerts against the world's injected events."""
    import duckdb

    if not Path(warehouse_path).is_file():
        raise FileNotFoundError(f"no warehouse at {warehouse_path}: the build did not publish")
    con = duckdb.connect(warehouse_path, read_only=True)
    try:
        return _score(spec, con)
    finally:
        con.close()


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
        scored = _score(spec, con)
    finally:
        con.close()
    return {**scored, "method": f"naive rules, scored by {scored['method']}"}
