"""Incremental detectors: a build after new reviews recomputes the bursts of the companies
those reviews touch, and the unanswered criticism of those whose bad reviews passed the
reply deadline or whose alert is still open as the as-of day moves, the near-duplicates of
the changed reviews' word sets, and what an erased author's reviews were part of; it keeps
the others' alerts, with the same rows a full refresh writes."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta

import duckdb
import pytest

from core.contracts.lake import REVIEWS
from tests.warehouse.test_detectors import FETCHED, START, Lake, companies_file
from tests.warehouse.test_publish import assert_same_warehouse
from tests.warehouse.world_lake import settings_for, write_table
from warehouse.build import build, erase_author

pytestmark = pytest.mark.slow

FIRST_AS_OF = date(2026, 6, 15)
LATER = FETCHED + timedelta(days=1)  # the second run's fetch


def _lakes() -> tuple[Lake, list[dict]]:
    """The first run's lake, and the rows of the second run: new bad reviews at one
    company, a burst edited away at another, nothing new at a third."""
    lake = Lake()
    kept = lake.company("kept-burst", reply_rate=1.0)  # no new reviews: its alert is kept
    lake.history(kept, START, FIRST_AS_OF, lambda d: 1 / 20, 0.2)
    for i in range(9):
        lake.review(kept, date(2026, 5, 8) + timedelta(days=i * 3 // 2), 1.0, replied=True)
    fading = lake.company("fading-burst", reply_rate=1.0)  # its burst is edited away
    lake.history(fading, START, FIRST_AS_OF, lambda d: 1 / 20, 0.2)
    burst_from = len(lake.rows)
    for i in range(9):
        lake.review(fading, date(2026, 4, 2) + timedelta(days=i * 3 // 2), 1.0, replied=True)
    fading_keys = {r["review_key"] for r in lake.rows[burst_from:]}
    rising = lake.company("rising-burst", reply_rate=1.0)  # its burst comes with the new run
    lake.history(rising, START, FIRST_AS_OF, lambda d: 1 / 20, 0.2)
    # Unanswered bad reviews, past the 21-day reply deadline at the first as-of day: the
    # alert stays open, so it ends on each build's as-of day.
    still_open = lake.company("open-unanswered", reply_rate=1.0)
    lake.history(still_open, START, FIRST_AS_OF, lambda d: 1 / 20, 0.2)
    for i in range(10):
        lake.review(still_open, date(2026, 4, 20) + timedelta(days=i), 1.0)
    # Unanswered bad reviews younger than the deadline at the first as-of day and past it
    # at the second: the alert comes with the new as-of day, not with new reviews.
    overdue = lake.company("newly-overdue", reply_rate=1.0)
    lake.history(overdue, START, FIRST_AS_OF, lambda d: 1 / 20, 0.2)
    for i in range(10):
        lake.review(overdue, FIRST_AS_OF - timedelta(days=20 - i), 1.0)
    # A burst under way for a month at the first as-of day that the second run's bad
    # reviews carry on: one alert that grows, recomputed from its first flagged day, more
    # than a window before the new reviews.
    growing = lake.company("growing-burst", reply_rate=1.0)
    lake.history(growing, START, FIRST_AS_OF, lambda d: 1 / 20, 0.2)
    for i in range(20):
        lake.review(growing, FIRST_AS_OF - timedelta(days=30 - i * 3 // 2), 1.0, replied=True)
    first = [dict(r) for r in lake.rows]

    for i in range(9):
        lake.review(rising, FIRST_AS_OF + timedelta(days=2 + i * 3 // 2), 1.0, replied=True)
    for i in range(6):
        lake.review(growing, FIRST_AS_OF + timedelta(days=2 + i), 1.0, replied=True)
    second = [dict(r) for r in lake.rows]
    for row in second[len(first) :]:
        row["first_seen_at"] = row["last_seen_at"] = row["fetched_at"] = LATER
    for row in second:
        if row["review_key"] in fading_keys:
            row.update(
                rating_value=row["rating_best"],
                score_100=100.0,
                stars=5.0,
                content_hash="edited",
                last_seen_at=LATER,
            )
    lake.rows = first
    return lake, second


def _unanswered(alerts: list[tuple]) -> dict[str, tuple]:
    return {a[1]: (a[5], a[6]) for a in alerts if a[4] == "unanswered_criticism"}


def _bursts(alerts: list[tuple], company: str) -> list[tuple]:
    return [a for a in alerts if a[1] == company and a[4] == "negative_burst"]


def _alerts(path) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("select * from bi.alerts order by all").fetchall()
    finally:
        con.close()


def _first_build(tmp_path, lake: Lake):
    """The companies file and the settings of a warehouse built in full from ``lake``."""
    companies = companies_file(tmp_path / "companies.yaml", lake)
    inc = settings_for(tmp_path / "inc", companies)
    write_table(tmp_path / "inc" / "lake", "reviews", lake.rows, REVIEWS)
    assert build(inc).full_refresh
    return companies, inc


def _second_builds(tmp_path, companies, inc, rows: list[dict]):
    """The lake rewritten to ``rows``: ``inc`` built on incrementally, and the settings of
    a full refresh of a copy of the same lake."""
    shutil.rmtree(tmp_path / "inc" / "lake" / "reviews")
    write_table(tmp_path / "inc" / "lake", "reviews", rows, REVIEWS)
    shutil.copytree(tmp_path / "inc" / "lake", tmp_path / "full" / "lake")
    assert not build(inc).full_refresh
    full = settings_for(tmp_path / "full", companies)
    assert build(full, full_refresh=True).full_refresh
    return full


def test_incremental_bursts_equal_a_full_refresh(tmp_path):
    lake, second = _lakes()
    companies, inc = _first_build(tmp_path, lake)
    before = {(a[1], a[4]) for a in _alerts(inc.warehouse_path)}
    assert {("kept-burst", "negative_burst"), ("fading-burst", "negative_burst")} <= before
    assert ("rising-burst", "negative_burst") not in before
    growing_before = _bursts(_alerts(inc.warehouse_path), "growing-burst")
    assert len(growing_before) == 1
    unanswered_before = _unanswered(_alerts(inc.warehouse_path))
    assert "open-unanswered" in unanswered_before
    assert "newly-overdue" not in unanswered_before

    full = _second_builds(tmp_path, companies, inc, second)

    got, want = _alerts(inc.warehouse_path), _alerts(full.warehouse_path)
    assert got == want
    after = {(a[1], a[4]) for a in got}
    assert ("kept-burst", "negative_burst") in after
    assert ("fading-burst", "negative_burst") not in after
    assert ("rising-burst", "negative_burst") in after
    (grown,) = _bursts(got, "growing-burst")  # one alert, from the same first day, bigger
    assert grown[5] == growing_before[0][5]
    assert grown[9] >= growing_before[0][9] + 6
    unanswered_after = _unanswered(got)
    started, ended = unanswered_after["open-unanswered"]
    assert started == unanswered_before["open-unanswered"][0]
    assert ended > unanswered_before["open-unanswered"][1]  # still open, on the new as-of day
    assert "newly-overdue" in unanswered_after


COPIED = {
    "kept": "Super schneller Versand, alles bestens verpackt, gerne wieder bestellt",
    "growing": "Top Preis Leistung und der Kundendienst war sehr freundlich am Telefon",
    "shrinking": "Die Ware kam beschädigt an und niemand hat sich darum gekümmert",
    "shared": "Beste Firma der Welt, immer wieder gerne, absolut empfehlenswert hier",
}


def _near_duplicate_lakes() -> tuple[Lake, list[dict]]:
    """Copied texts, and the second run: a third copy arrives at one company, a copy is
    edited away at another, and the copies that made a company's cluster bigger (at a
    company with too few of them for an alert of its own) are deleted."""
    lake = Lake()
    companies = {
        name: lake.company(f"copies-{name}") for name in ("kept", "growing", "shrinking", "main")
    }
    side = lake.company("copies-side")
    for c in (*companies.values(), side):
        lake.history(c, FIRST_AS_OF - timedelta(days=60), FIRST_AS_OF, lambda d: 1 / 5, 0.2)

    def copies(c, text: str, first: date, n: int) -> list[str]:
        start = len(lake.rows)
        for i in range(n):
            lake.review(c, first + timedelta(days=i), 5.0, text)
        return [r["review_key"] for r in lake.rows[start:]]

    copies(companies["kept"], COPIED["kept"], date(2026, 5, 10), 3)
    copies(companies["growing"], COPIED["growing"], FIRST_AS_OF - timedelta(days=2), 2)
    edited_key = copies(companies["shrinking"], COPIED["shrinking"], date(2026, 5, 20), 3)[0]
    copies(companies["main"], COPIED["shared"], date(2026, 6, 1), 3)
    side_keys = set(copies(side, COPIED["shared"], date(2026, 6, 2), 2))
    first = [dict(r) for r in lake.rows]

    copies(companies["growing"], COPIED["growing"], FIRST_AS_OF + timedelta(days=1), 1)
    second = [dict(r) for r in lake.rows if r["review_key"] not in side_keys]
    for row in second[len(first) - len(side_keys) :]:
        row["first_seen_at"] = row["last_seen_at"] = row["fetched_at"] = LATER
    for row in second:
        if row["review_key"] == edited_key:
            row.update(text="Ganz anders als gedacht.", content_hash="edited", last_seen_at=LATER)
    lake.rows = first
    return lake, second


def _near_duplicates(alerts: list[tuple]) -> dict[str, int]:
    """Company -> the cluster's size (its evidence) of each near-duplicate alert."""
    return {a[1]: json.loads(a[8])["cluster_reviews"] for a in alerts if a[4] == "near_duplicate"}


def test_incremental_near_duplicates_equal_a_full_refresh(tmp_path):
    lake, second = _near_duplicate_lakes()
    companies, inc = _first_build(tmp_path, lake)
    before = _near_duplicates(_alerts(inc.warehouse_path))
    assert before == {"copies-kept": 3, "copies-shrinking": 3, "copies-main": 5}

    full = _second_builds(tmp_path, companies, inc, second)

    got, want = _alerts(inc.warehouse_path), _alerts(full.warehouse_path)
    assert got == want
    assert _near_duplicates(got) == {"copies-kept": 3, "copies-growing": 3, "copies-main": 3}


@pytest.mark.parametrize("lake_erased", [True, False])
def test_a_build_after_an_erase_equals_a_full_refresh(tmp_path, lake_erased):
    """An erased author's review leaves the alerts and scores it was part of: the build
    after `ruf erase` (the lake erased too, as the transforms do) takes it as deleted; a
    lake that still holds it brings it back, as a full refresh would."""
    lake, _ = _near_duplicate_lakes()
    companies, inc = _first_build(tmp_path, lake)
    assert _near_duplicates(_alerts(inc.warehouse_path))["copies-kept"] == 3
    copy = next(r for r in lake.rows if r["text"] == COPIED["kept"])
    assert erase_author(inc, copy["author_pseudonym"])["main.fct_reviews"] == 1

    rows = [
        r for r in lake.rows if not lake_erased or r["author_pseudonym"] != copy["author_pseudonym"]
    ]
    full = _second_builds(tmp_path, companies, inc, rows)

    assert_same_warehouse(inc.warehouse_path, full.warehouse_path)
    kept = _near_duplicates(_alerts(inc.warehouse_path)).get("copies-kept")
    assert kept == (None if lake_erased else 3)
    con = duckdb.connect(str(inc.warehouse_path), read_only=True)
    try:  # read once: the next build has nothing left to delete
        assert con.execute("select count(*) from intermediate.erased_reviews").fetchone()[0] == 0
    finally:
        con.close()
