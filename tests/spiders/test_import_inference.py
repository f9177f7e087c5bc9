"""Inference on hand-written miniatures of the exports people have: scrapers (Apify-,
Bright Data-, Outscraper-style), APIs (Google Places old and new, Yelp Fusion), portal
exports (Trustpilot, kununu, G2, Glassdoor, TripAdvisor, booking.com, Amazon), CSV and
JSON, English and German field names. Each must import with no mapping at all."""

from __future__ import annotations

from datetime import UTC

import pytest

from spiders.imports import import_file, infer_mapping, load_mapping, to_yaml
from tests.spiders.import_helpers import (
    DATA,
    RUN_DATE,
    company,
    import_settings,
    raw_items,
    transform_lake,
)

COMPANIES = [
    company("lindenblatt", "Café Lindenblatt"),
    company("seeblick", "Hotel Seeblick Konstanz", booking="seeblick-konstanz"),
    company("oyster-house", "Oyster House", yelp="oyster-house-st-louis"),
    company("kaffeehaus", "Kaffeehaus am Markt"),
    company("schnellkauf24", "Schnellkauf24"),
    company("elektro-meier", "Elektro Meier GmbH"),
    company("gadget", "Gadget", amazon="B0TEST1234"),
    company("acme", "ACME"),
    company("am-park", "Hotel Am Park"),
    company("convin", "Convin"),
    company("kaffee-partner", "Kaffee Partner GmbH"),
    company("bistro", "Bistro du Coin"),
]

# file, portal, --company, kinds, values of the first review item (raw, as shown)
CASES = [
    (
        "google_maps_scraper_apify_style.json",
        "google",
        None,
        {"review": 3, "aggregate": 1},
        {
            "rating_value": 5,
            "published_raw": "2024-03-02T10:15:00.000Z",
            "author_name": "Jana W.",
            "reply_text": "Danke, Jana!",
            "company_name": "Café Lindenblatt",
            "language": "de",
        },
    ),
    (
        "google_reviews_outscraper_style.json",
        "google",
        None,
        {"review": 2, "aggregate": 1},
        {
            "rating_value": 5,
            "published_raw": "2023-11-21T21:41:08",
            "author_name": "Petra Lange",
            "reply_text": "Vielen Dank für Ihren Besuch!",
            "company_name": "Hotel Seeblick Konstanz",
        },
    ),
    (
        "yelp_fusion_reviews.json",
        "yelp",
        None,
        {"review": 2},
        {
            "rating_value": 5,
            "published_raw": "2016-08-29 00:41:13",
            "author_name": "Ella A.",
            "portal_company_id": "oyster-house-st-louis",
            "review_id": "xAG4O7l-t1ubbwVAlPnDKg",
        },
    ),
    (
        "places_api_new.json",
        "google",
        None,
        {"review": 2, "aggregate": 1},
        {
            "rating_value": 4,
            "text": "Guter Kaffee, etwas teuer.",
            "author_name": "Lea M.",
            "published_raw": "2025-01-20T09:12:44.123Z",
            "company_name": "Kaffeehaus am Markt",
        },
    ),
    (
        "trustpilot_business_export.csv",
        "trustpilot",
        None,
        {"review": 3},
        {
            "rating_value": "5",
            "title": "Schnelle Lieferung",
            "reply_text": "Danke für Ihre Bewertung!",
            "text": "Alles kam am nächsten Tag an.\nGerne wieder!",
            "company_name": "Schnellkauf24",
        },
    ),
    (
        "kununu_style_de.csv",
        "kununu",
        None,
        {"review": 3},
        {
            "rating_value": "4,2",
            "published_raw": "März 2024",
            "pros": "Kollegen, Gleitzeit",
            "cons": "Parkplätze",
            "company_name": "Elektro Meier GmbH",
        },
    ),
    (
        "booking_reviews_10_point.json",
        "booking",
        None,
        {"review": 3},
        {
            "rating_value": 9.0,
            "pros": "Der Blick auf den See.",
            "experienced_raw": "November 2024",
            "portal_company_id": "seeblick-konstanz",
            "rating_best": None,
        },
    ),
    (
        "amazon_reviews_scraper_style.json",
        "amazon",
        None,
        {"review": 3},
        {
            "rating_value": 5,
            "published_raw": "December 9, 2025",
            "verified": True,
            "portal_company_id": "B0TEST1234",
            "title": "Works great",
        },
    ),
    (
        "glassdoor_scraper_style.json",
        "glassdoor",
        None,
        {"review": 2, "aggregate": 1},
        {
            "rating_value": 4,
            "pros": "Learning, people",
            "title": "Good place to start",
            "company_name": "ACME",
            "author_name": None,
        },
    ),
    (
        "tripadvisor_scraper_style.json",
        "trustpilot",
        None,
        {"review": 2, "aggregate": 1},
        {
            "rating_value": 5,
            "author_name": "Marta",
            "reply_text": "Thank you Marta!",
            "experienced_raw": "2023-12",
            "company_name": "Hotel Am Park",
        },
    ),
    (
        "g2_export.csv",
        "g2",
        None,
        {"review": 2},
        {
            "rating_value": "4.5",
            "pros": "Quick onboarding",
            "author_name": "Anil N.",
            "title": '"Easy to set up"',
            "company_name": "Convin",
        },
    ),
    (
        "german_fields_nested.json",
        "trustpilot",
        None,
        {"review": 3},
        {
            "rating_value": "4,5",
            "published_raw": "2024-04-03T17:02:00",
            "author_name": "Sabine K.",
            "text": "Die Maschine wurde schnell repariert, Techniker freundlich.",
            "company_name": "Kaffee Partner GmbH",
            "fetched_at": "2025-03-01T12:00:00Z",
        },
    ),
    (
        "year_month_columns.csv",
        "trustpilot",
        "kaffee-partner",
        {"review": 3},
        {"rating_value": "5", "published_raw": "2024-3", "author_name": "Anna"},
    ),
    (
        "day_first_dates.csv",
        "trustpilot",
        "bistro",
        {"review": 3},
        {"rating_value": "5", "published_raw": "2016-10-21T14:05:00", "author_name": "Marie"},
    ),
    (
        "companies_with_reviews.json",
        "trustpilot",
        None,
        {"review": 3, "aggregate": 2},
        {
            "rating_value": 5,
            "text": "Lieferung am nächsten Tag.",
            "author_name": "Lara",
            "published_raw": "2025-01-05T10:00:00Z",
            "reply_text": "Danke, Lara!",
            "company_name": "Schnellkauf24",
        },
    ),
]


@pytest.mark.parametrize(("name", "portal", "company_id", "kinds", "first"), CASES)
def test_exports_import_with_the_inferred_mapping(tmp_path, name, portal, company_id, kinds, first):
    settings = import_settings(tmp_path, COMPANIES)
    report = import_file(
        settings, portal=portal, file_path=DATA / name, run_date=RUN_DATE, company=company_id
    )
    items = raw_items(report.path)
    assert report.items == kinds
    review = next(i for i in items if i["kind"] == "review")
    assert {k: review.get(k) for k in first} == first
    # Nothing of this is odd: no flags but the ones a value explains.
    assert set(report.flags) <= {"rating_missing", "date_missing"}
    # The mapping inference used reads back to itself, as a user would save it.
    saved = tmp_path / "saved.yaml"
    saved.write_text(to_yaml(report.mapping), "utf-8")
    again = import_file(
        settings,
        portal=portal,
        file_path=DATA / name,
        run_date=RUN_DATE,
        mapping=saved,
        company=company_id,
    )
    strip = lambda rows: [{k: v for k, v in r.items() if k != "fetched_at"} for r in rows]  # noqa: E731
    assert strip(raw_items(again.path)) == strip(items)


def test_the_aggregate_of_a_places_list_and_of_a_profile(tmp_path):
    settings = import_settings(tmp_path, COMPANIES)

    def items(portal, name):
        return raw_items(
            import_file(settings, portal=portal, file_path=DATA / name, run_date=RUN_DATE).path
        )

    search = items("yelp", "yelp_business_search.json")
    figures = [(i["kind"], i["company_name"], i["rating_value"], i["review_count"]) for i in search]
    assert figures == [
        ("aggregate", "Broadway Oyster Bar", 4.4, 2721),
        ("aggregate", "Pappy's Smokehouse", 4.6, 5100),
    ]
    nested = items("trustpilot", "companies_with_reviews.json")
    aggs = {
        i["company_name"]: (i["rating_value"], i["review_count"])
        for i in nested
        if i["kind"] == "aggregate"
    }
    assert aggs == {"Schnellkauf24": (4.1, 2), "Elektro Meier": (3.2, 1)}
    # Each review is its own company's: the parent's name is reachable from the review.
    owners = [(i["title"], i["company_name"]) for i in nested if i["kind"] == "review"]
    assert owners == [
        ("Top", "Schnellkauf24"),
        ("Langsam", "Schnellkauf24"),
        ("Geht so", "Elektro Meier"),
    ]


def test_the_scale_comes_from_the_values_when_the_portal_has_another(tmp_path):
    mapping = infer_mapping(DATA / "booking_reviews_10_point.json", portal_scale=(1, 5))
    assert mapping.main.fields["rating_best"].value == 10
    yaml_text = to_yaml(mapping)
    assert "rating_best" in yaml_text and "values 6.5-10: above the portal's 5" in yaml_text
    # On booking (configured 1-10) nothing needs declaring: the transform applies the portal's.
    assert "rating_best" not in to_yaml(
        infer_mapping(DATA / "booking_reviews_10_point.json", portal_scale=(1, 10))
    )


def test_a_ten_point_export_reaches_the_lake_on_the_portals_scale(tmp_path, monkeypatch):
    settings = import_settings(tmp_path, COMPANIES)
    import_file(
        settings,
        portal="booking",
        file_path=DATA / "booking_reviews_10_point.json",
        run_date=RUN_DATE,
    )
    _, lake = transform_lake(settings, monkeypatch)
    got = sorted((r["rating_value"], r["rating_best"], r["score_100"]) for r in lake["reviews"])
    assert got == [
        (6.5, 10.0, pytest.approx(61.11, abs=0.01)),
        (9.0, 10.0, pytest.approx(88.89, abs=0.01)),
        (10.0, 10.0, 100.0),
    ]
    assert lake["quarantine"] == []


def test_dates_in_the_lake(tmp_path, monkeypatch):
    settings = import_settings(tmp_path, COMPANIES)
    for name, portal, company_id in [
        ("amazon_reviews_scraper_style.json", "amazon", None),
        ("google_reviews_outscraper_style.json", "google", None),
        ("day_first_dates.csv", "trustpilot", "bistro"),
        ("year_month_columns.csv", "trustpilot", "kaffee-partner"),
    ]:
        import_file(
            settings, portal=portal, file_path=DATA / name, run_date=RUN_DATE, company=company_id
        )
    _, lake = transform_lake(settings, monkeypatch)
    days: dict[str, set] = {r["company_id"]: set() for r in lake["reviews"]}
    for r in lake["reviews"]:
        day = r["published_at"].astimezone(UTC).date().isoformat()
        days[r["company_id"]].add((day, r["published_precision"]))
    assert days["gadget"] == {("2025-12-09", "day"), ("2025-03-03", "day"), ("2025-01-12", "day")}
    assert ("2023-11-21", "second") in days["seeblick"]
    assert ("2016-10-21", "second") in days["bistro"] and ("2016-12-30", "second") in days["bistro"]
    months = {("2024-03-01", "month"), ("2024-11-01", "month"), ("2025-01-01", "month")}
    assert days["kaffee-partner"] == months
    assert lake["quarantine"] == []


def test_iso_639_2_codes_reach_the_lake_as_639_1(tmp_path, monkeypatch):
    settings = import_settings(tmp_path, COMPANIES)
    import_file(
        settings,
        portal="trustpilot",
        file_path=DATA / "trustpilot_business_export.csv",
        run_date=RUN_DATE,
    )
    _, lake = transform_lake(settings, monkeypatch)
    assert sorted(r["language"] for r in lake["reviews"]) == ["de", "en", "en"]


def test_a_mapping_without_a_company_needs_company(tmp_path):
    from core.settings import ConfigError

    settings = import_settings(tmp_path, COMPANIES)
    with pytest.raises(ConfigError, match="names no company; pass --company"):
        import_file(
            settings, portal="trustpilot", file_path=DATA / "day_first_dates.csv", run_date=RUN_DATE
        )


def test_the_saved_mapping_reads_back_equal(tmp_path):
    for name, *_ in CASES:
        mapping = infer_mapping(DATA / name)
        path = tmp_path / f"{name}.yaml"
        path.write_text(to_yaml(mapping), "utf-8")
        again = load_mapping(path)
        assert (again.main, again.aggregate, again.format) == (
            mapping.main,
            mapping.aggregate,
            mapping.format,
        )


def test_inference_says_what_it_saw(tmp_path):
    text = to_yaml(infer_mapping(DATA / "google_maps_scraper_apify_style.json"))
    assert "# 3 records at [*] (read as reviews)" in text
    assert "categoryName is 'Café' in every record: not mapped" in text
    assert "empty in every record: textTranslated" in text
