"""What a quarantined row says: the value and the rule (issue 16), every reason counted in
the summary, and rows the importer could not read quarantined for that reason."""

from __future__ import annotations

import json

import pytest

from transforms import lake
from transforms.run import transform

from .conftest import ANCHOR, write_items
from .test_pipeline import GOOD

FLAGGED_ROW = {
    "flags": ["unparsable_row", "csv_unterminated_quote"],
    "extra": {"import_error": "CSV line 7: unterminated quote", "import_row": 7},
    "rating_value": None,
    "published_raw": None,
}
BOOKING = {"portal": "booking", "portal_company_id": "seeblick-konstanz", "company_name": None}
# (what is changed in a good trustpilot review, its reason codes, its reason detail)
CASES = [
    ({"rating_value": "N/A stars"}, ["rating_not_numeric"], "rating 'N/A stars' is not a number"),
    ({"rating_value": 8}, ["rating_out_of_scale"], "rating 8.0 outside 1-5"),
    (
        # No scale declared: the portal's (booking: 1-10) applies.
        {**BOOKING, "rating_value": 12, "rating_worst": None, "rating_best": None},
        ["rating_out_of_scale"],
        "rating 12.0 outside 1-10",
    ),
    (
        {"rating_worst": 5, "rating_best": 5},
        ["scale_invalid"],
        "scale 5-5 invalid (worst and best must differ)",
    ),
    ({"rating_value": None}, ["rating_missing"], "rating missing"),
    ({"published_raw": None}, ["date_missing"], "published date missing"),
    (
        # No number, no day: nothing to count back from the fetch.
        {"published_raw": "Revisado en España hace mucho tiempo"},
        ["date_unparsable"],
        "date 'Revisado en España hace mucho tiempo' not readable",
    ),
    (
        {"published_raw": "2031-01-05"},
        ["date_in_future"],
        "date 2031-01-05 after fetch 2026-11-23",
    ),
    ({"published_raw": "1985-03-01"}, ["date_too_old"], "date 1985-03-01 before 1990"),
    (
        {"portal_company_id": "ChIJ123", "company_name": "Joe's Pizza Broadway"},
        ["unmatched_company"],
        "company 'Joe's Pizza Broadway' (portal id 'ChIJ123') not in companies.yaml",
    ),
    (
        {"kind": "rewiev"},
        ["missing_key_field"],
        "kind 'rewiev' not review, aggregate or mention",
    ),
    ({"portal_company_id": None}, ["missing_key_field"], "portal_company_id missing"),
    ({"fetched_at": "x"}, ["missing_key_field"], "fetched_at 'x' not readable"),
    ({"portal": "yelp"}, ["unknown_portal"], "portal 'yelp' not in portals.yaml"),
    (
        FLAGGED_ROW,
        ["unparsable_row", "rating_missing", "date_missing"],
        "CSV line 7: unterminated quote; rating missing; published date missing",
    ),
    (
        {"rating_value": 8, "language": "tlh"},
        ["rating_out_of_scale"],
        "rating 8.0 outside 1-5; language 'tlh' not in [de, en]",
    ),
]


@pytest.fixture
def quarantined(settings):
    items = [{**GOOD, "review_id": f"case-{i}", **change} for i, (change, _, _) in enumerate(CASES)]
    items.append("{not json")
    write_items(settings.data_dir / "raw", "trustpilot", ANCHOR, items)
    report = transform(settings)
    rows = lake.read_table(settings, "quarantine").to_pylist()
    by_case = {}
    for r in rows:
        raw = r["raw_row"]
        case = json.loads(raw)["review_id"] if raw.startswith('{"') else "not json"
        by_case[case] = (r["reason_codes"], r["reason_detail"])
    return report, by_case


@pytest.mark.parametrize(("i", "codes", "detail"), [(i, c, d) for i, (_, c, d) in enumerate(CASES)])
def test_a_quarantined_row_names_the_value_and_the_rule(quarantined, i, codes, detail):
    _, by_case = quarantined
    assert by_case[f"case-{i}"] == (codes, detail)


def test_a_line_that_is_no_json_object_says_so(quarantined):
    _, by_case = quarantined
    assert by_case["not json"] == (["invalid_json"], "line is not a JSON object")


def test_the_summary_counts_every_reason_most_common_first(quarantined):
    report, _ = quarantined
    assert report.quarantined_rows == len(CASES) + 1
    assert (
        f"{len(CASES) + 1} quarantined (missing_key_field=3, rating_out_of_scale=3, "
        "date_missing=2, rating_missing=2, date_in_future=1, date_too_old=1, "
        "date_unparsable=1, invalid_json=1, rating_not_numeric=1, scale_invalid=1, "
        "unknown_portal=1, unmatched_company=1, unparsable_row=1)"
    ) in report.summary()


def test_a_row_flagged_unreadable_without_an_error_text_still_says_why(settings):
    row = {**GOOD, **FLAGGED_ROW, "extra": {}, "rating_value": 4, "published_raw": "2026-11-01"}
    write_items(settings.data_dir / "raw", "trustpilot", ANCHOR, [row])
    transform(settings)
    [q] = lake.read_table(settings, "quarantine").to_pylist()
    assert (q["reason_codes"], q["reason_detail"]) == (["unparsable_row"], "row could not be read")


def test_a_line_escaping_half_a_utf16_pair_is_quarantined_not_a_failed_run(settings):
    # "\ud800" is valid JSON text but no Unicode character: one such line (a page's
    # JSON-LD copied as it was) must not stop the run, and its raw row keeps the escape.
    lone = json.dumps({**GOOD, "review_id": "lone-half", "text": "Gut \ud800 so"})
    assert "\\ud800" in lone
    write_items(settings.data_dir / "raw", "trustpilot", ANCHOR, [lone, GOOD])
    report = transform(settings)
    assert report.quarantined_rows == 1
    [q] = lake.read_table(settings, "quarantine").to_pylist()
    assert q["reason_codes"] == ["invalid_json"]
    assert json.loads(q["raw_row"])["review_id"] == "lone-half"
    assert "Gut \\ud800 so" in q["raw_row"]
    assert [r["portal_review_id"] for r in lake.read_table(settings, "reviews").to_pylist()] == [
        GOOD["review_id"]
    ]
