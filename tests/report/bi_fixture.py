"""TEST FIXTURE: a tiny hand-made warehouse with the ``bi`` views' exact columns.

Not the real warehouse: a handful of companies whose rows are written here so
report and query tests can run without dbt. The columns follow
docs/contracts/warehouse.md; the real build is exercised by the integration
tests (test_report_warehouse.py). Kaffee Partner gets the demo story: a steady
score, a negative burst 42..28 days before ``AS_OF`` that drags it down, and a
review whose text is an HTML script tag.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa

from core.settings import Settings, load_settings

AS_OF = date(2026, 3, 31)
SCRIPT_TEXT = "<script>document.title='pwned';window.PWNED=1</script> Kaffee kalt & teuer"
BURST_START = AS_OF - timedelta(days=42)
BURST_END = AS_OF - timedelta(days=28)

DDL = """
create schema bi;
create table bi.companies (
    company_id varchar, company_name varchar, industry varchar, domain varchar,
    portals varchar[]);
create table bi.portals (portal varchar, family varchar, scale_worst double, scale_best double);
create table bi.reviews (
    review_key varchar, company_id varchar, portal varchar, published_at timestamptz,
    stars double, score_100 double, title varchar, text varchar, language varchar,
    author_pseudonym varchar, replied_at timestamptz, reply_hours double,
    is_suspicious boolean, alert_ids varchar[], reply_text varchar, source_url varchar);
create table bi.mentions (
    mention_key varchar, company_id varchar, portal varchar, published_at timestamptz,
    title varchar, text varchar, source_url varchar);
create table bi.reputation (
    company_id varchar, company_name varchar, portal varchar, review_count bigint,
    mean_stars double, bayes_stars double, decayed_stars double, score_100 double,
    score_low double, score_high double, share_1_star double, share_5_star double,
    score_30d_ago double, score_90d_ago double, trend_30d double, reply_rate double,
    median_reply_hours double, adjusted_score_100 double, label varchar, rank bigint,
    as_of date);
create table bi.reputation_daily (
    company_id varchar, portal varchar, day date, score_100 double, score_low double,
    score_high double, review_count bigint);
create table bi.alerts (
    alert_id varchar, company_id varchar, company_name varchar, portals varchar[],
    kind varchar, started_on date, ended_on date, severity varchar, evidence varchar,
    review_count bigint);
create table bi.company_topics (
    company_id varchar, portal varchar, period_start date, period_end date, polarity varchar,
    term varchar, review_count bigint, share double, lift double, compared_to varchar,
    direction varchar, rank bigint, polarity_reviews bigint, reference_count bigint,
    reference_reviews bigint, reference_share double, z_score double);
create table bi.portal_scores (
    company_id varchar, company_name varchar, portal varchar, fetched_on date,
    rating_value double, rating_worst double, rating_best double, score_100 double,
    stars double, review_count bigint, is_latest boolean, source_url varchar);
create table bi.alert_topics (
    alert_id varchar, term varchar, review_count bigint, lift double,
    example_review_key varchar, company_id varchar, rank bigint, alert_reviews bigint,
    share double, reference_count bigint, reference_reviews bigint, reference_share double,
    z_score double);
"""
# A term as hostile as a review can make one, and a link a portal page could carry.
SCRIPT_TERM = "<img src=x onerror=alert(1)>"
JS_URL = "javascript:alert(document.domain)"

# Kaffee Partner's topics: (polarity, compared_to, direction, term, y, n, y_ref, n_ref, lift)
KP_TOPICS = [
    ("negative", "all_companies", "rose", "hotline", 9, 12, 0, 80, 20.4),
    ("negative", "all_companies", "rose", "abrechnung", 6, 12, 10, 80, 1.6),
    ("negative", "all_companies", "rose", SCRIPT_TERM, 2, 12, 0, 80, 9.0),
    ("negative", "own_past", "rose", "leasingvertrag", 5, 12, 0, 4, 2.9),
    ("negative", "own_past", "fell", "lieferung", 0, 12, 3, 4, 0.2),
    ("positive", "all_companies", "rose", "kaffeemaschine", 3, 6, 1, 90, 4.0),
]

# company_id, name, industry, portals, steady score, score change in the burst window
COMPANIES = [
    ("kaffee-partner", "Kaffee Partner GmbH", "coffee", ["trustpilot", "opinio", "forum"], 62, -25),
    ("elektro-meier", "Elektro Meier GmbH", "service", ["trustpilot", "kununu"], 86, 0),
    ("hotel-seeblick", "Hotel Seeblick Konstanz", "hotel", ["booking", "trustpilot"], 80, -3),
    ("cafe-neustart", "Café Neustart", "shop", ["trustpilot"], 85, 0),
    ("schnellkauf24", "Schnellkauf24 GmbH", "shop", ["trustpilot", "opinio"], 45, +12),
]


def settings_for(data_dir: Path, **env: str) -> Settings:
    return load_settings({"RUF_DATA_DIR": str(data_dir), "RUF_PSEUDONYM_KEY": "test-key", **env})


def _score(base: float, change: float, day: date) -> float:
    if day < BURST_START:
        return base
    if day <= BURST_END:
        return base + change * (day - BURST_START).days / (BURST_END - BURST_START).days
    return base + change


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    """Bulk insert through Arrow (row-by-row executemany is slow in DuckDB)."""
    cols = [c[0] for c in con.execute(f"describe {table}").fetchall()]
    data = pa.Table.from_pylist([dict(zip(cols, r, strict=True)) for r in rows])
    con.register("fixture_rows", data)
    con.execute(f"insert into {table} select * from fixture_rows")
    con.unregister("fixture_rows")


def build_fixture_warehouse(path: Path) -> Path:
    """Write the fixture warehouse to ``path`` (a DuckDB file) and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    con.execute(DDL)
    _insert(
        con,
        "bi.portals",
        [
            ("trustpilot", "shop", 1, 5),
            ("opinio", "opinion", 1, 5),
            ("kununu", "employer", 1, 5),
            ("booking", "travel", 1, 10),
            ("forum", "forum", 1, 5),
        ],
    )
    kp_alerts = [
        ("a-kp-burst", "negative_burst", BURST_START, BURST_END, "high"),
        ("a-kp-unanswered", "unanswered_criticism", BURST_START, None, "medium"),
    ]
    for cid, name, industry, portals, base, change in COMPANIES:
        con.execute(
            "insert into bi.companies values (?, ?, ?, ?, ?)",
            [cid, name, industry, f"{cid}.de", portals],
        )
        # the portals' own displayed scores: Kaffee Partner's trustpilot still shows 4.4,
        # an older read 4.6 (forum shows none)
        for portal in (p for p in portals if p != "forum"):
            for back, stars, latest in ((30, 4.6, False), (0, 4.4, True)):
                con.execute(
                    "insert into bi.portal_scores values (?, ?, ?, ?, ?, 1, 5, ?, ?, ?, ?, null)",
                    [cid, name, portal, AS_OF - timedelta(days=back), stars,
                     25 * (stars - 1), stars, 2721 - back, latest],
                )  # fmt: skip
        n_days = 10 if cid == "cafe-neustart" else 400
        daily = []
        for back in range(n_days, -1, -1):
            day = AS_OF - timedelta(days=back)
            for portal in [*portals, "all"]:
                s = _score(base, change, day) + (0 if portal == "all" else portals.index(portal))
                width = 30 if cid == "cafe-neustart" else 6
                daily.append((cid, portal, day, s, s - width, min(100, s + width), 50))
        _insert(con, "bi.reputation_daily", daily)

        reviews = []
        count = 2 if cid == "cafe-neustart" else 30
        for i in range(count):
            portal = portals[i % len(portals)]
            published = datetime.combine(AS_OF - timedelta(days=3 * i), time(10, i), UTC)
            in_burst = cid == "kaffee-partner" and BURST_START <= published.date() <= BURST_END
            stars = 1.0 if in_burst else float(1 + (i * 7) % 5)
            text = f"Bewertung {i} für {name}"
            if cid == "kaffee-partner" and i == 0:
                text = SCRIPT_TEXT
            replied = None if cid == "kaffee-partner" else published + timedelta(hours=20)
            reviews.append(
                (
                    f"{portal}:{cid}-{i}",
                    cid,
                    portal,
                    published,
                    stars,
                    25 * (stars - 1),
                    "Titel <b>fett</b>" if i == 1 else None,
                    text,
                    "de",
                    f"p{i:015d}",
                    replied,
                    None if replied is None else 20.0,
                    False,
                    ["a-kp-burst", "a-kp-unanswered"] if in_burst else [],
                    None if replied is None else f"Danke, {name} <i>kümmert</i> sich.",
                    JS_URL if i == 14 else f"http://127.0.0.1:8765/{portal}/review/{cid}#r{i}",
                )
            )
        _insert(con, "bi.reviews", reviews)

        now = _score(base, change, AS_OF)
        ago30 = _score(base, change, AS_OF - timedelta(days=30))
        ago90 = _score(base, change, AS_OF - timedelta(days=90))
        for j, portal in enumerate(["all", *portals]):
            s = now + (0 if portal == "all" else j - 1)
            width = 30 if cid == "cafe-neustart" else 6
            con.execute(
                "insert into bi.reputation values "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    cid,
                    name,
                    portal,
                    count,
                    1 + 4 * s / 100,
                    1 + 4 * s / 100,
                    1 + 4 * s / 100,
                    s,
                    s - width,
                    min(100, s + width),
                    0.2,
                    0.3,
                    ago30,
                    ago90,
                    now - ago30 if portal == "all" else 0.0,
                    0.0 if cid == "kaffee-partner" else 1.0,
                    None if cid == "kaffee-partner" else 20.0,
                    s - 1 if cid == "schnellkauf24" else s,
                    "good" if s >= 70 else "mixed" if s >= 50 else "poor",
                    None,
                    AS_OF,
                ],
            )
        if cid == "kaffee-partner":
            for alert_id, kind, start, end, severity in kp_alerts:
                con.execute(
                    "insert into bi.alerts values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        alert_id,
                        cid,
                        name,
                        ["trustpilot", "opinio", "forum"],
                        kind,
                        start,
                        end,
                        severity,
                        json.dumps({"negative_reviews": 5, "window_days": 7}),
                        5,
                    ],
                )
    con.execute(
        "insert into bi.alerts values ('a-sk-positive', 'schnellkauf24', 'Schnellkauf24 GmbH', "
        "['trustpilot'], 'positive_burst', ?, ?, 'high', '{\"five_star\": 28}', 28)",
        [AS_OF - timedelta(days=60), AS_OF - timedelta(days=56)],
    )
    # rank by the lower end of the interval, as the contract says
    con.execute(
        """
        update bi.reputation as r set rank = ranked.rank
        from (
            select company_id, row_number() over (order by score_low desc) as rank
            from bi.reputation where portal = 'all'
        ) as ranked
        where r.company_id = ranked.company_id and r.portal = 'all'
        """
    )
    con.execute(
        "insert into bi.mentions values ('forum:m1', 'kaffee-partner', 'forum', ?, 'Blog', "
        "'Siehe Blogpost', 'http://127.0.0.1:8765/forum/thread/t-kaffee-partner')",
        [datetime.combine(BURST_START, time(9), UTC)],
    )
    period_start = AS_OF - timedelta(days=89)
    ranks: dict[tuple, int] = {}
    topics = []
    for polarity, compared, direction, term, y, n, y_ref, n_ref, lift in KP_TOPICS:
        group = (polarity, compared, direction)
        ranks[group] = ranks.get(group, 0) + 1
        z = 3.0 if direction == "rose" else -2.5
        row = ("kaffee-partner", "all", period_start, AS_OF, polarity, term, y, y / n, lift)
        topics.append((*row, compared, direction, ranks[group], n, y_ref, n_ref, y_ref / n_ref, z))
    _insert(con, "bi.company_topics", topics)
    _insert(
        con,
        "bi.alert_topics",
        [
            # alert_id, term, review_count, lift, example, company, rank, alert_reviews,
            # share, reference_count, reference_reviews, reference_share, z_score
            (
                "a-kp-burst",
                "hotline",
                4,
                3.0,
                "trustpilot:kaffee-partner-14",
                "kaffee-partner",
                1,
                5,
                0.8,
                0,
                2,
                0.0,
                2.1,
            ),
            ("a-kp-burst", SCRIPT_TERM, 2, 2.0, None, "kaffee-partner", 2, 5, 0.4, 0, 2, 0.0, 1.2),
        ],
    )
    con.close()
    return path
