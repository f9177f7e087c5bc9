"""The demo world's stories come out of the warehouse as the domain says they should."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from warehouse.detectors_eval import evaluate


@pytest.fixture(scope="module")
def con(story_warehouse):
    con = story_warehouse.connect()
    yield con
    con.close()


def alerts(con, company_id: str) -> list[dict]:
    cur = con.execute(
        "select * from bi.alerts where company_id = ? order by kind, started_on", [company_id]
    )
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def kinds(con, company_id: str) -> set[str]:
    return {a["kind"] for a in alerts(con, company_id)}


def reputation(con, company_id: str, portal: str = "all") -> dict:
    cur = con.execute(
        "select * from bi.reputation where company_id = ? and portal = ?", [company_id, portal]
    )
    cols = [d[0] for d in cur.description]
    return dict(zip(cols, cur.fetchone(), strict=True))


def test_build_report_counts_models_tests_and_rows(story_warehouse):
    report = story_warehouse.report
    assert report.models_run >= 30
    assert report.tests_run >= 40  # data tests and unit tests ran in the same dbt build
    assert report.rows["fct_reviews"] > 5000
    assert "fct_reviews=" in report.summary()


def test_kaffee_partner_negative_burst_starts_in_the_first_week(con, story_warehouse):
    event = next(
        e
        for e in story_warehouse.world.injected_events()
        if e.company_id == "kaffee-partner" and e.kind == "negative_burst"
    )
    bursts = [a for a in alerts(con, "kaffee-partner") if a["kind"] == "negative_burst"]
    assert len(bursts) == 1
    assert abs(bursts[0]["started_on"] - event.start) <= timedelta(days=7)
    assert set(bursts[0]["portals"]) >= {"trustpilot", "opinio"}
    assert json.loads(bursts[0]["evidence"])["negative_reviews"] >= 30


def test_kaffee_partner_criticism_went_unanswered_for_weeks(con):
    unanswered = [a for a in alerts(con, "kaffee-partner") if a["kind"] == "unanswered_criticism"]
    assert len(unanswered) == 1
    assert (unanswered[0]["ended_on"] - unanswered[0]["started_on"]).days >= 28


def test_kaffee_partner_score_dropped(con):
    rep = reputation(con, "kaffee-partner")
    assert rep["score_100"] < rep["score_90d_ago"] - 5
    assert rep["label"] in ("bad", "poor")


def test_hotel_seeblick_extortion(con):
    found = [a for a in alerts(con, "hotel-seeblick") if a["kind"] == "extortion"]
    assert len(found) == 1
    assert set(found[0]["portals"]) == {"booking", "trustpilot"}
    assert found[0]["review_count"] >= 5


def test_schnellkauf24_bought_praise(con):
    assert {"positive_burst", "near_duplicate"} <= kinds(con, "schnellkauf24")
    rep = reputation(con, "schnellkauf24")
    assert rep["adjusted_score_100"] < rep["score_100"] - 5
    flagged = con.execute(
        "select count(*) from bi.reviews where company_id = 'schnellkauf24' and is_suspicious"
    ).fetchone()[0]
    assert flagged >= 35


def test_elektro_meier_steady_has_no_alert(con):
    assert alerts(con, "elektro-meier") == []
    rep = reputation(con, "elektro-meier")
    assert rep["adjusted_score_100"] == rep["score_100"]


def test_cafe_neustart_wide_interval_ranks_below_established(con):
    new = reputation(con, "cafe-neustart")
    assert new["review_count"] == 2
    assert new["score_high"] - new["score_low"] > 30
    established = con.execute(
        """
        select company_id, rank, score_high - score_low as width
        from bi.reputation
        where portal = 'all' and review_count >= 50 and abs(mean_stars - ?) <= 0.25
        """,
        [new["mean_stars"]],
    ).fetchall()
    assert established, "the demo world has established companies with about the same mean"
    for _, rank, width in established:
        assert rank < new["rank"]
        assert width < new["score_high"] - new["score_low"]


def test_umzuege_blitz_divergence(con):
    found = [a for a in alerts(con, "umzuege-blitz") if a["kind"] == "divergence"]
    assert len(found) == 1
    assert set(found[0]["portals"]) == {"trustpilot", "opinio"}


def test_background_companies_stay_quiet(con):
    story = ("kaffee-partner", "hotel-seeblick", "schnellkauf24", "umzuege-blitz")
    noisy = con.execute(
        "select company_id, kind from bi.alerts where not list_contains(?, company_id)",
        [list(story)],
    ).fetchall()
    assert len(noisy) <= 2, noisy


def test_every_injected_event_is_found(con, story_warehouse):
    scores = evaluate(con, story_warehouse.world.injected_events())
    for kind, score in scores.items():
        if score.events:
            assert score.recall == 1.0, (kind, score)


def test_suspicious_reviews_carry_their_alert_ids(con):
    rows = con.execute(
        """
        select r.review_key, a.kind
        from bi.reviews as r, unnest(r.alert_ids) as u(alert_id)
        join bi.alerts as a on a.alert_id = u.alert_id
        where r.company_id = 'schnellkauf24'
        """
    ).fetchall()
    assert {kind for _, kind in rows} >= {"positive_burst", "near_duplicate"}


def test_daily_series_ends_at_the_reputation_score(con):
    rows = con.execute(
        """
        select r.company_id, r.portal, r.score_100, d.score_100
        from bi.reputation as r
        join main.company_reputation as c using (company_id, portal)
        join bi.reputation_daily as d
            on d.company_id = r.company_id and d.portal = r.portal and d.day = c.as_of
        """
    ).fetchall()
    assert len(rows) == con.execute("select count(*) from bi.reputation").fetchone()[0]
    for company, portal, score, daily in rows:
        assert daily == pytest.approx(score, abs=1e-3), (company, portal)


def test_daily_series_has_every_recent_day_scored_as_the_snapshots_are(con):
    """The last 90 days are all there, the days without a review too (bi.reputation_daily
    scores them from the mart's running sums), and 30 and 90 days back they give the
    scores bi.reputation computes from the reviews' own weights (90 days back, just
    before the window, only where a review fell on that day)."""
    gaps = con.execute(
        """
        with as_of as (select max(as_of) as as_of from bi.reputation),
        firsts as (
            select company_id, portal, min(day) as first_day,
            from bi.reputation_daily group by all
        ),
        recent as (
            select company_id, portal, count(*) as days,
            from bi.reputation_daily, as_of
            where day between as_of.as_of - 89 and as_of.as_of
            group by all
        )
        select f.company_id, f.portal, r.days,
            as_of.as_of - greatest(f.first_day, as_of.as_of - 89) + 1 as expected,
        from firsts as f
        cross join as_of
        left join recent as r using (company_id, portal)
        where coalesce(r.days, 0) <> as_of.as_of - greatest(f.first_day, as_of.as_of - 89) + 1
        """
    ).fetchall()
    assert gaps == []
    stored = con.execute("select count(*) from main.company_reputation_daily").fetchone()[0]
    assert stored < con.execute("select count(*) from bi.reputation_daily").fetchone()[0]
    rows = con.execute(
        """
        select r.company_id, r.portal, r.score_30d_ago, d30.score_100, r.score_90d_ago,
            d90.score_100,
        from bi.reputation as r
        left join bi.reputation_daily as d30
            on d30.company_id = r.company_id and d30.portal = r.portal
            and d30.day = r.as_of - 30
        left join bi.reputation_daily as d90
            on d90.company_id = r.company_id and d90.portal = r.portal
            and d90.day = r.as_of - 90
        where r.score_30d_ago is not null
        """
    ).fetchall()
    assert len(rows) > 50
    for company, portal, snap30, daily30, snap90, daily90 in rows:
        assert daily30 == pytest.approx(snap30, abs=1e-3), (company, portal)
        if daily90 is not None:
            assert daily90 == pytest.approx(snap90, abs=1e-3), (company, portal)


def test_kaffee_daily_trend_drops_during_the_burst(con, story_warehouse):
    start = story_warehouse.world.anchor - timedelta(days=42)
    before, after = con.execute(
        """
        select
            max(score_100) filter (where day < ?),
            min(score_100) filter (where day between ? and ?)
        from bi.reputation_daily
        where company_id = 'kaffee-partner' and portal = 'all' and day >= ? - 30
        """,
        [start, start, start + timedelta(days=14), start],
    ).fetchone()
    assert after < before - 10


def test_each_portals_own_displayed_score_sits_beside_rufs(con, story_world):
    """bi.portal_scores: what each portal displays for a company (its own score and
    count), on bi.reputation's 0-100 and 1-5 scales, so the two can be set side by side."""
    rows = con.execute(
        "select company_id, portal, rating_value, review_count, score_100, stars, is_latest,"
        " company_name from bi.portal_scores"
    ).fetchall()
    shown = {
        (c.company_id, p): story_world.aggregate(p, c)
        for c in story_world.companies()
        for p in c.portal_ids
    }
    assert {(r[0], r[1]): (r[2], r[3]) for r in rows} == shown
    for *_, score, stars, latest, name in rows:
        assert latest and name
        assert 0 <= score <= 100 and stars == pytest.approx(1 + 4 * score / 100)
    beside = con.execute(
        "select count(*) from bi.portal_scores as shown"
        " join bi.reputation as ruf using (company_id, portal) where shown.is_latest"
    ).fetchone()[0]
    assert beside == len(rows)
