"""Every real export in ../shared/realworld/data/ imports with the inferred mapping, and
the lake holds the values SOURCES.md reads off each file (through the real transform).

The files are read in place and never copied into the repo; without them the tests skip.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest

from spiders.imports import import_file
from tests.spiders.import_helpers import (
    RUN_DATE,
    company,
    import_settings,
    raw_items,
    realworld,
    transform_lake,
)


def _import(tmp_path, relative, portal, companies, company_id=None):
    settings = import_settings(tmp_path, companies)
    report = import_file(
        settings,
        portal=portal,
        file_path=realworld(relative),
        run_date=RUN_DATE,
        company=company_id,
    )
    return settings, report, raw_items(report.path)


def _stars(rows):
    return Counter(round(r["rating_value"], 1) for r in rows)


def _epoch(ts) -> int:
    return int(ts.replace(tzinfo=UTC).timestamp() if ts.tzinfo is None else ts.timestamp())


def test_trustpilot_nested_json(tmp_path, monkeypatch):
    companies = [company("deh", "Data Engineering Hub", trustpilot="dataengineeringhub.in")]
    settings, report, items = _import(
        tmp_path, "trustpilot/tp_deh_reviews_nested.json", "trustpilot", companies
    )
    assert report.items == {"review": 52} and report.flags == {}
    assert {i["portal_company_id"] for i in items} == {"dataengineeringhub.in"}  # from the URL
    assert items[0]["published_raw"] == "2025-03-16T04:06:45.000Z"
    assert items[0]["author_name"] == "Anonymous" and items[0]["text"].startswith("The RADE")
    # The export says when it was made: relative dates would count back from it.
    assert items[0]["fetched_at"] == "2025-03-25T11:28:26Z"
    _, lake = transform_lake(settings, monkeypatch)
    assert len(lake["reviews"]) == 52 and _stars(lake["reviews"]) == {5.0: 52}
    assert {r["company_id"] for r in lake["reviews"]} == {"deh"}


def test_trustpilot_csv_with_missing_ratings(tmp_path, monkeypatch):
    settings, report, items = _import(
        tmp_path,
        "trustpilot/trustpilot_reviews_missing_ratings.csv",
        "trustpilot",
        [company("moore-barlow", "Moore Barlow")],
        "moore-barlow",
    )
    assert report.records == 129 and report.flags == {"rating_missing": 24}
    assert sum(1 for i in items if i["rating_value"] is None and i["text"] is None) == 24
    assert items[4]["published_raw"] == "2025-08-28T12:00:02.000Z"
    # Multi-line quoted texts stay one text each; no row took its neighbour's.
    assert all("\n" not in (i["author_name"] or "") for i in items)
    transform_report, lake = transform_lake(settings, monkeypatch)
    assert _stars(lake["reviews"]) == {5.0: 85, 1.0: 14, 4.0: 2, 3.0: 2, 2.0: 2}
    assert {q["reason_codes"][0] for q in lake["quarantine"]} == {"rating_missing"}
    counts = transform_report.portals["trustpilot"]
    assert counts.quarantined_rows + counts.duplicate_rows == 24


def test_yelp_vcr_cassette_with_a_json_body(tmp_path, monkeypatch):
    companies = [company("weingalerie", "Weingalerie und Café NÖ")]
    settings, report, items = _import(
        tmp_path, "yelp/yelp_api_v2_business_berlin_vcr_cassette.yaml", "yelp", companies
    )
    assert report.items == {"review": 1, "aggregate": 1}
    review = next(i for i in items if i["kind"] == "review")
    agg = next(i for i in items if i["kind"] == "aggregate")
    assert (review["rating_value"], review["published_raw"]) == (4, 1441232548)
    assert review["author_name"] == "Alexis B."
    assert agg["company_name"] == "Weingalerie und Café NÖ!"
    assert (agg["rating_value"], agg["review_count"]) == (4.5, 90)
    _, lake = transform_lake(settings, monkeypatch)
    (r,) = lake["reviews"]
    assert r["rating_value"] == 4.0 and _epoch(r["published_at"]) == 1441232548
    (a,) = lake["aggregates"]
    assert (a["rating_value"], a["review_count"], a["company_id"]) == (4.5, 90, "weingalerie")


def test_yelp_business_lookup_is_one_aggregate(tmp_path, monkeypatch):
    companies = [company("sacre-coeur", "Basilique du Sacré-Cœur de Montmartre")]
    settings, report, items = _import(
        tmp_path, "yelp/business_lookup_sacre_coeur_paris.json", "yelp", companies
    )
    assert report.items == {"aggregate": 1}
    assert (items[0]["rating_value"], items[0]["review_count"]) == (4.5, 538)
    _, lake = transform_lake(settings, monkeypatch)
    (a,) = lake["aggregates"]
    assert (a["rating_value"], a["review_count"], a["company_id"]) == (4.5, 538, "sacre-coeur")
    assert lake["reviews"] == []


def test_yelp_parsed_csv_with_business_figures_on_every_row(tmp_path, monkeypatch):
    companies = [company("oyster-bar", "Broadway Oyster Bar")]
    settings, report, _items = _import(
        tmp_path, "yelp/yelp_broadway_oyster_bar_parsed_reviews.csv", "yelp", companies
    )
    assert report.items == {"review": 11, "aggregate": 1}
    _, lake = transform_lake(settings, monkeypatch)
    assert _stars(lake["reviews"]) == {5.0: 6, 4.0: 4, 3.0: 1}
    first = min(lake["reviews"], key=lambda r: r["published_at"])
    # "2019-09-22T18:42:49-05:00": the offset is applied.
    assert first["published_at"].astimezone(UTC) == datetime(2019, 9, 22, 23, 42, 49, tzinfo=UTC)
    (a,) = lake["aggregates"]
    assert (a["rating_value"], a["review_count"]) == (4.4, 2721)


def test_google_serp_reviews_with_ratings_as_text(tmp_path, monkeypatch):
    settings, _report, items = _import(
        tmp_path,
        "google_maps/brightdata_serp_google_reviews_rating_string.json",
        "google",
        [company("nyc-attraction", "An NYC attraction")],
        "nyc-attraction",
    )
    assert Counter(i["rating_value"] for i in items) == {"5/5": 9, "4/5": 1}
    assert sum(1 for i in items if i["reply_text"]) == 5
    assert items[0]["published_raw"] == "2025-02-24"  # the ISO date, not "a week ago"
    _, lake = transform_lake(settings, monkeypatch)
    assert _stars(lake["reviews"]) == {5.0: 9, 4.0: 1}
    assert sum(1 for r in lake["reviews"] if r["reply_text"]) == 5


def test_google_maps_flat_export_of_two_places(tmp_path, monkeypatch):
    companies = [
        company("apple-park", "Apple Park Visitor Center", google="ChIJ0aPn18W1j4ARgC9zTSPeQRc"),
        company("joes-pizza", "Joe's Pizza Broadway"),
    ]
    settings, report, items = _import(
        tmp_path, "google_maps/brightdata_google_maps_reviews_flat.json", "google", companies
    )
    assert report.items == {"review": 98}
    assert sum(1 for i in items if i["text"] is None) == 43  # rating only
    _, lake = transform_lake(settings, monkeypatch)
    assert _stars(lake["reviews"]) == {5.0: 67, 4.0: 13, 1.0: 7, 3.0: 6, 2.0: 5}
    assert Counter(r["company_id"] for r in lake["reviews"]) == {"apple-park": 49, "joes-pizza": 49}


def test_google_maps_places_csv_packs_rating_and_count(tmp_path, monkeypatch):
    companies = [
        company("ocean", "Ocean Pharmacy"),
        company("apollo-colaba", "Apollo Pharmacy - Colaba, Mumbai"),
    ]
    settings, report, items = _import(
        tmp_path, "google_maps/pharmacies_near_mumbai_rating_with_count.csv", "google", companies
    )
    assert report.items == {"aggregate": 20}
    assert {(i["rating_value"], i["review_count"]) for i in items} == {("5.0", "185")}
    assert any("in all 20 records" in w for w in report.warnings)  # the scraper bug
    _, lake = transform_lake(settings, monkeypatch)
    got = {a["company_id"]: (a["rating_value"], a["review_count"]) for a in lake["aggregates"]}
    assert got == {"ocean": (5.0, 185), "apollo-colaba": (5.0, 185)}
    # The places nobody tracks are not lost: quarantined, with the reason.
    assert Counter(q["reason_codes"][0] for q in lake["quarantine"]) == {"unmatched_company": 18}


@pytest.mark.parametrize(
    ("relative", "name", "aggregate", "ratings", "first_time", "language"),
    [
        (
            "PlacesApiDetailsInFrenchResponse.json",
            "Sacré-Cœur",
            (4.5, 3688),
            [5, 3, 4, 5, 1],
            1497657494,
            "fr",
        ),
        ("PlaceDetailsQuay.json", "Quay", (4.1, 273), [3, 5, 2, 1, 2], 1441848853, "en"),
        (
            "PlaceDetailsLookupGoogleSydneyResponse.json",
            "Google",
            (4.4, 458),
            [1] * 5,
            1496880715,
            "en",
        ),
    ],
)
def test_google_places_api_details(
    tmp_path, monkeypatch, relative, name, aggregate, ratings, first_time, language
):
    settings, _report, items = _import(
        tmp_path, f"google_places_api/{relative}", "google", [company("place", name)]
    )
    reviews = [i for i in items if i["kind"] == "review"]
    (agg,) = [i for i in items if i["kind"] == "aggregate"]
    assert [r["rating_value"] for r in reviews] == ratings
    assert reviews[0]["published_raw"] == first_time and reviews[0]["company_name"] == name
    assert (agg["rating_value"], agg["review_count"]) == aggregate
    _, lake = transform_lake(settings, monkeypatch)
    assert sorted(r["rating_value"] for r in lake["reviews"]) == sorted(map(float, ratings))
    assert first_time in {_epoch(r["published_at"]) for r in lake["reviews"]}
    assert {r["language"] for r in lake["reviews"]} == {language}
    (a,) = lake["aggregates"]
    assert (a["rating_value"], a["review_count"], a["company_id"]) == (*aggregate, "place")


def test_amazon_reviews_with_a_product_histogram(tmp_path, monkeypatch):
    # SOURCES.md speaks of one headphone; the file holds 4 reviews each of two products.
    companies = [
        company("rorsou", "RORSOU R10 headphones", amazon="B094NC89P9"),
        company("eclipse", "Solar eclipse glasses", amazon="B08GB3QC1H"),
    ]
    settings, _report, items = _import(
        tmp_path, "amazon/brightdata_amazon_reviews_data.json", "amazon", companies
    )
    reviews = [i for i in items if i["kind"] == "review"]
    aggs = {i["portal_company_id"]: i for i in items if i["kind"] == "aggregate"}
    assert Counter(r["rating_value"] for r in reviews) == {5: 7, 4: 1}
    assert reviews[0]["published_raw"] == "September 7, 2024" and reviews[0]["verified"] is True
    agg = aggs["B094NC89P9"]
    assert (agg["rating_value"], agg["review_count"]) == (4.5, 430)
    assert agg["extra"]["rating_distribution"]["five_star"] == 7630
    _, lake = transform_lake(settings, monkeypatch)
    assert _stars(lake["reviews"]) == {5.0: 7, 4.0: 1}
    assert Counter(r["company_id"] for r in lake["reviews"]) == {"rorsou": 4, "eclipse": 4}
    assert min(r["published_at"] for r in lake["reviews"]).year == 2024
    got = {a["company_id"]: (a["rating_value"], a["review_count"]) for a in lake["aggregates"]}
    assert got == {"rorsou": (4.5, 430), "eclipse": (4.6, 30974)}
    # The figures are of the day the scraper read them, as its reviews are.
    assert {str(a["fetched_on"]) for a in lake["aggregates"]} == {"2024-10-20"}


KUNUNU_RATINGS = [2.2, 4.0, 2.8, 2.0, 5.0, 1.0, 5.0, 4.7, 5.0, 1.0]


@pytest.mark.parametrize("suffix", ["json", "csv"])
def test_kununu_export_raw_items(tmp_path, suffix):
    _, report, items = _import(
        tmp_path,
        f"kununu/kununu_deutsche_post_reviews_page1.{suffix}",
        "kununu",
        [company("dp", "Deutsche Post")],
        "dp",
    )
    assert report.records == 12
    rated = [i for i in items if i["rating_value"] is not None]
    assert [float(i["rating_value"].replace(",", ".")) for i in rated] == KUNUNU_RATINGS
    assert {i["published_raw"] for i in rated} == {"Oktober 2025"}
    assert Counter(i["extra"].get("recommendation") for i in items) == {
        "Empfohlen": 5,
        "Nicht empfohlen": 5,
        None: 2,
    }
    assert rated[0]["sub_ratings"]["Arbeitsatmosphäre"] == "2"
    # The two page-chrome records are kept and flagged, not dropped.
    assert sum(1 for i in items if {"rating_missing", "date_missing"} <= set(i["flags"])) == 2
    # No id, author or text: each review still has a key of its own.
    assert len({i["extra"]["import_key"] for i in rated}) == 10


def test_kununu_export_in_the_lake(tmp_path, monkeypatch):
    settings, _, _ = _import(
        tmp_path,
        "kununu/kununu_deutsche_post_reviews_page1.json",
        "kununu",
        [company("dp", "Deutsche Post")],
        "dp",
    )
    _, lake = transform_lake(settings, monkeypatch)
    assert sorted(r["rating_value"] for r in lake["reviews"]) == sorted(KUNUNU_RATINGS)


def test_glassdoor_export(tmp_path, monkeypatch):
    settings, report, items = _import(
        tmp_path, "glassdoor/reviews_kpmg_us.json", "glassdoor", [company("kpmg", "KPMG")], "kpmg"
    )
    assert report.items == {"review": 980}
    assert all(i["text"] is None and i["pros"] for i in items)  # body is null in all 980
    assert Counter(i["extra"].get("reviewer_type") for i in items)["REGULAR"] == 963
    _, lake = transform_lake(settings, monkeypatch)
    assert _stars(lake["reviews"]) == {4.0: 395, 3.0: 272, 5.0: 212, 2.0: 60, 1.0: 41}
    latest = max(r["published_at"] for r in lake["reviews"])
    assert latest.astimezone(UTC).replace(microsecond=0) == datetime(
        2025, 10, 18, 16, 6, 36, tzinfo=UTC
    )


def test_g2_export(tmp_path, monkeypatch):
    settings, _report, items = _import(
        tmp_path, "g2/g2_reviews.json", "g2", [company("convin", "Convin.ai")], "convin"
    )
    assert [i["rating_value"] for i in items] == ["5.0", "3.5", "5.0", "5.0"]
    assert items[0]["title"] == '"Makes your work easy"'
    _, lake = transform_lake(settings, monkeypatch)
    assert sorted(r["rating_value"] for r in lake["reviews"]) == [3.5, 5.0, 5.0, 5.0]
    assert min(r["published_at"] for r in lake["reviews"]).year == 2024


def test_capterra_export_with_a_placeholder_text(tmp_path):
    _, report, items = _import(
        tmp_path, "capterra/capterra_reviews.json", "capterra", [company("keka", "Keka HR")], "keka"
    )
    assert [float(i["rating_value"]) for i in items] == [4, 3, 4, 5, 4, 5, 5, 5, 5]
    assert Counter(i["published_raw"] for i in items)["2023-01-26"] == 8
    # "No Description" on every record is no review text: not mapped, and said.
    assert all(i["text"] is None for i in items)
    assert any("No Description" in n for n in report.mapping.notes)
    assert len({i["extra"]["import_key"] for i in items}) == 9


def test_capterra_export_in_the_lake(tmp_path, monkeypatch):
    # Two "Verified Reviewer"s on 2023-01-26 without a text: distinct rows, one key today.
    settings, _, _ = _import(
        tmp_path, "capterra/capterra_reviews.json", "capterra", [company("keka", "Keka HR")], "keka"
    )
    _, lake = transform_lake(settings, monkeypatch)
    assert sorted(r["rating_value"] for r in lake["reviews"]) == [3, 4, 4, 4, 5, 5, 5, 5, 5]
