"""Query: p50/p95 milliseconds of the report's queries on the published warehouse.

The report's own named query functions (``report.queries``) are timed: every
function that takes ``(con, company_id)`` for a sample of companies (one
company page), and ``league_table``. Where that module is missing, the same
questions are asked in SQL on the ``bi`` views of docs/contracts/warehouse.md.
The baseline answers the company page's headline question (the company's
reviews and decayed score) straight from the lake Parquet, without the warehouse.
"""

from __future__ import annotations

import inspect
import statistics
import time
from collections.abc import Callable
from pathlib import Path

FALLBACK_COMPANY_SQL = {
    "company_reputation": "select * from bi.reputation where company_id = ? order by portal",
    "company_daily": "select * from bi.reputation_daily where company_id = ? order by portal, day",
    "company_alerts": "select * from bi.alerts where company_id = ? order by started_on desc",
    "company_recent_reviews": (
        "select * from bi.reviews where company_id = ? order by published_at desc limit 20"
    ),
}
FALLBACK_LEAGUE_SQL = "select * from bi.reputation where portal = 'all' order by rank"


def _percentiles(ms: list[float]) -> dict:
    ordered = sorted(ms)

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    return {
        "p50_ms": pick(0.5),
        "p95_ms": pick(0.95),
        "mean_ms": statistics.fmean(ordered),
        "runs": len(ordered),
    }


def _time(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def _company_functions(con) -> tuple[str, dict[str, Callable], Callable]:
    try:
        from report import queries
    except ImportError:
        queries = None
    if queries is not None and hasattr(queries, "league_table"):
        funcs = {}
        for name, fn in inspect.getmembers(queries, inspect.isfunction):
            if fn.__module__ != queries.__name__ or not name.startswith("company"):
                continue
            params = list(inspect.signature(fn).parameters.values())
            required = [p for p in params if p.default is inspect.Parameter.empty]
            if len(required) == 2 and required[1].name == "company_id":
                funcs[name] = fn
        return "report.queries", funcs, queries.league_table

    def sql_fn(sql: str) -> Callable:
        return lambda con, company_id: con.execute(sql, [company_id]).fetchall()

    funcs = {name: sql_fn(sql) for name, sql in FALLBACK_COMPANY_SQL.items()}
    return "bi views (fallback SQL)", funcs, lambda con: con.execute(FALLBACK_LEAGUE_SQL).fetchall()


def run(warehouse_path: str, company_ids: list[str], repeats: int) -> dict:
    """Child task: time every company-page query and the league table."""
    import duckdb

    if not Path(warehouse_path).is_file():
        raise FileNotFoundError(f"no warehouse at {warehouse_path}: the build did not publish")
    con = duckdb.connect(warehouse_path, read_only=True)
    source, funcs, league = _company_functions(con)
    per_query: dict[str, list[float]] = {name: [] for name in funcs}
    page: list[float] = []
    for company_id in company_ids:
        for fn in funcs.values():  # warm-up: first touch of this company's data
            fn(con, company_id)
        for _ in range(repeats):
            total = 0.0
            for name, fn in funcs.items():
                ms = _time(lambda fn=fn, c=company_id: fn(con, c))
                per_query[name].append(ms)
                total += ms
            page.append(total)
    league(con)
    league_ms = [_time(lambda: league(con)) for _ in range(max(3, repeats))]
    con.close()
    return {
        "source": source,
        "companies": len(company_ids),
        "queries": {name: _percentiles(ms) for name, ms in per_query.items()},
        "company_page": _percentiles(page),
        "league_table": _percentiles(league_ms),
    }


def run_lake(lake_dir: str, company_ids: list[str], repeats: int) -> dict:
    """Child task, baseline: one company's reviews and decayed score from lake Parquet."""
    import duckdb

    glob = str(Path(lake_dir) / "reviews" / "**" / "*.parquet")
    sql = f"""
        select portal, count(*) as reviews, avg(stars) as mean_stars,
            (7 * 3.5 + sum(pow(0.5, (current_date - cast(published_at as date)) / 182.5) * stars))
            / (7 + sum(pow(0.5, (current_date - cast(published_at as date)) / 182.5)))
                as decayed_stars,
        from read_parquet('{glob}', hive_partitioning = true)
        where company_id = ?
        group by portal
    """
    con = duckdb.connect()
    ms = []
    for company_id in company_ids:
        con.execute(sql, [company_id]).fetchall()
        ms += [_time(lambda c=company_id: con.execute(sql, [c]).fetchall()) for _ in range(repeats)]
    scan_sql = (Path(__file__).with_name("scan.sql")).read_text(encoding="utf-8")
    scan_sql = scan_sql.replace("{reviews}", glob)
    league = f"select * from ({scan_sql}) where portal = 'all' order by score_low desc"
    league_ms = [_time(lambda: con.execute(league).fetchall()) for _ in range(3)]
    con.close()
    return {"company_page": _percentiles(ms), "league_table": _percentiles(league_ms)}
