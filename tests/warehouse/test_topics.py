"""bi.company_topics and bi.alert_topics on scenarios kept apart from the generator, and
on the demo world's Kaffee Partner story."""

from __future__ import annotations

import duckdb
import pytest

from tests.warehouse.topic_scenarios import BRIGHTLINE, VOLTWERK, write_scenario
from warehouse.build import build, erase_author

# The Kaffee Partner story's complaints (offline_portals/world/data/stories.yaml), each
# with the lemmas that name it.
KAFFEE_COMPLAINTS = {
    "hotline": {"hotline"},
    "billing": {"abrechnung", "rechnung"},
    "maintenance": {"wartung", "wartungsdienst"},
    "leasing contract": {"leasingvertrag", "leasing", "vertrag"},
}


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def words(terms) -> set[str]:
    return {w for t in terms for w in t.split()}


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    settings = write_scenario(tmp_path_factory.mktemp("topic-scenario"))
    build(settings)
    return settings


@pytest.fixture(scope="module")
def scon(scenario):
    con = duckdb.connect(str(scenario.warehouse_path), read_only=True)
    yield con
    con.close()


def burst_topics(con, company_id: str) -> list[dict]:
    return rows(
        con,
        """
        select t.*
        from bi.alert_topics as t
        join bi.alerts as a using (alert_id)
        where a.company_id = ? and a.kind = 'negative_burst'
        order by t.rank
        """,
        [company_id],
    )


@pytest.mark.parametrize(
    ("company", "complaints"),
    [
        (VOLTWERK, {"lieferzeit", "kundendienst", "akku"}),
        (BRIGHTLINE, {"charger", "courier", "refund"}),
    ],
)
def test_alert_topics_name_the_words_a_burst_complains_with(scon, company, complaints) -> None:
    topics = burst_topics(scon, company.company_id)
    assert topics, f"no negative_burst topics for {company.company_id}"
    top = [t["term"] for t in topics[:5]]
    assert complaints <= words(top), top
    for t in topics:
        if t["term"] in complaints:
            assert t["review_count"] >= 5
            assert t["lift"] > 1
            assert t["reference_count"] == 0  # nobody said it in the weeks before
            # the example is one of the alert's reviews, and it says the word
            (text,) = scon.execute(
                "select lower(text) from bi.reviews where review_key = ?", [t["example_review_key"]]
            ).fetchone()
            assert t["term"][:5] in text


def test_company_topics_show_what_drives_bad_reviews_and_what_changed(scon) -> None:
    topics = rows(
        scon,
        "select * from bi.company_topics where company_id = ? and portal = 'all'",
        [VOLTWERK.company_id],
    )
    by = {}
    for t in topics:
        by.setdefault((t["polarity"], t["compared_to"], t["direction"]), []).append(t)
    complaints = {"lieferzeit", "kundendienst", "akku"}
    assert complaints <= words(t["term"] for t in by["negative", "all_companies", "rose"][:5])
    assert complaints <= words(t["term"] for t in by["negative", "own_past", "rose"][:5])
    assert not complaints & words(t["term"] for t in by["positive", "all_companies", "rose"])
    (as_of,) = scon.execute("select max(day) from bi.reputation_daily").fetchone()
    for t in topics:
        assert t["period_end"] == as_of
        assert 0 < t["share"] <= 1
        assert t["review_count"] <= t["polarity_reviews"]
    # the restaurant's reviews never mention the shop's complaints
    linde = scon.execute(
        "select term from bi.company_topics where company_id = 'gasthaus-linde'"
    ).fetchall()
    assert not complaints & words(t for (t,) in linde)


def test_an_erased_author_leaves_the_topics(scenario, scon) -> None:
    example = burst_topics(scon, VOLTWERK.company_id)[0]["example_review_key"]
    (author,) = scon.execute(
        "select author_pseudonym from bi.reviews where review_key = ?", [example]
    ).fetchone()
    scon.close()  # the test's read-only connection would keep the old file open
    removed = erase_author(scenario, author)
    assert removed["intermediate.int_topics__review_terms"] == 1
    con = duckdb.connect(str(scenario.warehouse_path), read_only=True)
    try:
        keys = {t["example_review_key"] for t in burst_topics(con, VOLTWERK.company_id)}
        assert example not in keys
        left = con.execute(
            "select count(*) from intermediate.int_topics__review_terms where author_pseudonym = ?",
            [author],
        ).fetchone()[0]
        assert left == 0
    finally:
        con.close()


def test_kaffee_partner_story_complaints_drive_its_bad_reviews(story_warehouse) -> None:
    con = story_warehouse.connect()
    try:
        topics = rows(
            con,
            """
            select term, review_count, lift, rank
            from bi.company_topics
            where company_id = 'kaffee-partner' and portal = 'all' and polarity = 'negative'
                and compared_to = 'all_companies' and direction = 'rose'
            order by rank
            """,
        )
        assert [t["review_count"] for t in topics] == sorted(
            (t["review_count"] for t in topics), reverse=True
        )
        assert all(t["lift"] >= 1.5 for t in topics)
        named = words(t["term"] for t in topics[:10])
        for complaint, lemmas in KAFFEE_COMPLAINTS.items():
            assert lemmas & named, (complaint, [t["term"] for t in topics[:10]])
        everything = con.execute(
            "select distinct term from bi.company_topics where company_id = 'kaffee-partner'"
        ).fetchall()
        assert not {"kaffee", "partner", "kaffeepartner"} & words(t for (t,) in everything)
        burst = rows(
            con,
            """
            select t.term from bi.alert_topics as t join bi.alerts as a using (alert_id)
            where a.company_id = 'kaffee-partner' and a.kind = 'negative_burst' order by t.rank
            """,
        )
        assert {"hotline", "wartungsdienst"} <= words(t["term"] for t in burst[:5])
    finally:
        con.close()
