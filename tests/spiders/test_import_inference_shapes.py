"""Inference on export shapes a second read found wrong: TripAdvisor ratings in tens
("50", "bubble_45"), short review texts, a Google Maps scraper's place name in
``title`` over several places. Hand-written miniatures, written in the test."""

from __future__ import annotations

import json

import yaml

from spiders.imports import import_file, infer_mapping, to_yaml
from tests.spiders.import_helpers import (
    RUN_DATE,
    company,
    import_settings,
    raw_items,
    transform_lake,
)


def _write(tmp_path, name: str, rows) -> str:
    path = tmp_path / name
    if isinstance(rows, str):
        path.write_text(rows, "utf-8")
    else:
        path.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    return str(path)


def _fields(path: str) -> dict:
    """The inferred mapping's fields, as the user reads them in the YAML."""
    return yaml.safe_load(to_yaml(infer_mapping(path)))["fields"]


def _lake(tmp_path, monkeypatch, file_path, companies, company_id=None, portal="trustpilot"):
    settings = import_settings(tmp_path, companies)
    report = import_file(
        settings, portal=portal, file_path=file_path, run_date=RUN_DATE, company=company_id
    )
    _, lake = transform_lake(settings, monkeypatch)
    return report, raw_items(report.path), lake


def test_tripadvisor_ratings_in_tens_are_stars_one_to_five(tmp_path, monkeypatch):
    rows = [
        {"id": f"t{i}", "rating": r, "publishedDate": f"2025-06-0{i + 1}", "text": t}
        for i, (r, t) in enumerate(
            [("50", "Clean rooms and friendly staff"), ("20", "Street noise all night long"),
             ("40", "Good breakfast, small room"), ("10", "Dirty bathroom, rude desk")]
        )
    ]  # fmt: skip
    path = _write(tmp_path, "ta.json", rows)
    fields = _fields(path)
    assert (fields["rating_worst"], fields["rating_best"]) == ({"value": 10}, {"value": 50})
    _, _, lake = _lake(tmp_path, monkeypatch, path, [company("am-park", "Am Park")], "am-park")
    stars = {r["portal_review_id"]: r["stars"] for r in lake["reviews"]}
    assert stars == {"t0": 5.0, "t1": 2.0, "t2": 4.0, "t3": 1.0}


def test_ten_point_export_of_only_tens_is_not_read_as_bubbles(tmp_path):
    rows = [{"id": f"b{i}", "score": 10, "text": "Wonderful stay by the lake"} for i in range(4)]
    assert _fields(_write(tmp_path, "b.json", rows)).get("rating_best") != {"value": 50}


def test_tripadvisor_bubble_classes_are_ratings(tmp_path, monkeypatch):
    csv = (
        "reviewer,bubble,date,review\n"
        'Wil,ui_bubble_rating bubble_45,"June 4, 2025",Great view from the room\n'
        'Xia,ui_bubble_rating bubble_10,"June 5, 2025",Dirty room and broken lift\n'
        'Yan,ui_bubble_rating bubble_30,"June 6, 2025",Average in every way\n'
    )
    path = _write(tmp_path, "bubbles.csv", csv)
    _, _, lake = _lake(tmp_path, monkeypatch, path, [company("am-park", "Am Park")], "am-park")
    assert sorted(r["stars"] for r in lake["reviews"]) == [1.0, 3.0, 4.5]


def test_short_review_texts_under_a_text_name_are_kept(tmp_path, monkeypatch):
    data = {
        "results": [
            {"review_id": "r1", "rating": 5, "date": "2025-03-04", "content": "Top"},
            {"review_id": "r2", "rating": 2, "date": "2025-03-05", "content": "Zu teuer"},
            {"review_id": "r3", "rating": 4, "date": "2025-03-06", "content": "Gerne wieder"},
        ]
    }
    path = _write(tmp_path, "short.json", data)
    assert _fields(path)["text"] == "content"
    _, _, lake = _lake(tmp_path, monkeypatch, path, [company("bistro", "Bistro")], "bistro")
    texts = {r["portal_review_id"]: r["text"] for r in lake["reviews"]}
    assert texts == {"r1": "Top", "r2": "Zu teuer", "r3": "Gerne wieder"}


def test_short_values_under_a_name_that_only_hints_at_a_text_are_not_the_text(tmp_path):
    rows = [
        {"id": f"x{i}", "stars": 4, "text": "A long enough review text here", "reviewType": v}
        for i, v in enumerate(["local", "guide", "local"])
    ]
    assert _fields(_write(tmp_path, "t.json", rows))["text"] == "text"


def test_google_maps_place_title_over_two_places_is_the_company(tmp_path, monkeypatch):
    places = [("Café Nordlicht", "ChIJ-nord")] * 3 + [("Bäckerei Korn", "ChIJ-korn")] * 3
    texts = ["Super", "Zu teuer für die Größe", None, "Okay", "Never again, rude", "Top"]
    rows = [
        {
            "title": place, "placeId": pid, "reviewId": f"g{i}", "name": f"Person {i}",
            "stars": [5, 2, 4, 3, 1, 5][i], "publishedAtDate": f"2025-01-1{i}T12:00:00.000Z",
            "text": texts[i], "language": "de",
        }
        for i, (place, pid) in enumerate(places)
    ]  # fmt: skip
    path = _write(tmp_path, "gmaps.json", rows)
    fields = _fields(path)
    assert "title" not in fields and fields["company_name"] == "title"
    companies = [company("nordlicht", "Café Nordlicht"), company("korn", "Bäckerei Korn")]
    _, items, lake = _lake(tmp_path, monkeypatch, path, companies, portal="google")
    reviews = [i for i in items if i["kind"] == "review"]
    assert all(i["title"] is None for i in reviews)
    by_company = {}
    for r in lake["reviews"]:
        by_company.setdefault(r["company_id"], []).append(r["portal_review_id"])
    assert {k: sorted(v) for k, v in by_company.items()} == {
        "nordlicht": ["g0", "g1", "g2"],
        "korn": ["g3", "g4", "g5"],
    }
    assert all(r["title"] is None for r in lake["reviews"])


def _entry(i: int, rating: str, title: str, text: str) -> dict:
    """One entry of an app store's customer-reviews feed: every value wrapped in a label."""
    return {
        "author": {"name": {"label": f"user{i}"}, "uri": {"label": f"https://apps.example/u{i}"}},
        "updated": {"label": f"2025-01-0{i}T05:06:07-07:00"},
        "im:rating": {"label": rating},
        "im:version": {"label": "3.2"},
        "id": {"label": f"1111{i}"},
        "title": {"label": title},
        "content": {"label": text, "attributes": {"type": "text"}},
    }


def test_app_store_feed_with_labelled_values_keeps_ids_and_dates(tmp_path, monkeypatch):
    feed = {
        "feed": {
            "entry": [
                _entry(1, "5", "Love it", "Does everything I need every day"),
                _entry(2, "1", "Crashes", "Crashes every time I open the camera"),
                _entry(3, "3", "Okay", "Fine but slow to sync with the watch"),
            ]
        }
    }
    path = _write(tmp_path, "feed.json", feed)
    fields = _fields(path)
    assert fields["published_raw"] == "updated.label" and fields["review_id"] == "id.label"
    report, _, lake = _lake(tmp_path, monkeypatch, path, [company("app", "App")], "app")
    assert report.flags == {}
    got = {r["portal_review_id"]: (r["stars"], r["published_at"].date().isoformat())
           for r in lake["reviews"]}  # fmt: skip
    assert got == {
        "11111": (5.0, "2025-01-01"),
        "11112": (1.0, "2025-01-02"),
        "11113": (3.0, "2025-01-03"),
    }


def test_an_updated_date_beside_the_published_one_is_not_taken(tmp_path):
    rows = [
        {"id": f"u{i}", "rating": 4, "text": "Solid service, would return", "publishedDate":
         f"2025-02-0{i + 1}", "updatedDate": f"2025-03-0{i + 1}"}
        for i in range(3)
    ]  # fmt: skip
    assert _fields(_write(tmp_path, "u.json", rows))["published_raw"] == "publishedDate"


def test_a_developer_response_modified_date_is_the_reply_date(tmp_path):
    rows = [
        {"id": f"i{i}", "userName": f"u{i}", "title": "Nice", "rating": 4,
         "review": "Clean design and quick to learn", "date": f"2025-02-0{i + 1}T10:00:00Z",
         "developerResponse": {"id": i, "body": "Thanks!", "modified": f"2025-02-1{i}T10:00:00Z"}}
        for i in range(3)
    ]  # fmt: skip
    fields = _fields(_write(tmp_path, "ios.json", rows))
    assert fields["reply_text"] == "developerResponse.body"
    assert fields["reply_raw_date"] == "developerResponse.modified"


def test_relative_dates_under_an_unknown_name_are_the_review_dates(tmp_path, monkeypatch):
    csv = (
        "Autor,Sterne,Wann,Text\n"
        "Ole,5,vor 2 Wochen,Schneller Service und nett\n"
        "Pia,1,vor einem Monat,Nie wieder hier bestellt\n"
        "Ron,4,vor 3 Tagen,Gute Qualität zum Preis\n"
    )
    path = _write(tmp_path, "wann.csv", csv)
    assert _fields(path)["published_raw"] == "Wann"
    report, _, lake = _lake(tmp_path, monkeypatch, path, [company("bistro", "Bistro")], "bistro")
    assert report.flags == {}
    assert len(lake["reviews"]) == 3 and not lake["quarantine"]
    assert all(r["published_at"] < r["fetched_at"] for r in lake["reviews"])


def test_stars_drawn_as_glyphs_are_the_rating(tmp_path, monkeypatch):
    csv = (
        "author,rating,date,text\n"
        "Ann,★★★★☆,2025-01-01,Great coffee here\n"
        "Bob,★★☆☆☆,2025-01-02,Okay but pricey\n"
        "Cid,★★★★★,2025-01-03,Best in town\n"
    )
    path = _write(tmp_path, "glyphs.csv", csv)
    report, _, lake = _lake(tmp_path, monkeypatch, path, [company("bistro", "Bistro")], "bistro")
    assert report.items == {"review": 3}  # not three mentions without a rating
    assert sorted(r["stars"] for r in lake["reviews"]) == [2.0, 4.0, 5.0]


def test_a_rating_object_with_its_scale_is_not_sub_ratings(tmp_path, monkeypatch):
    reviews = [
        {"id": f"b{i}", "rating": {"value": v, "max": 5}, "published": f"2025-04-0{i + 1}",
         "content": {"text": t}, "author": {"name": f"Gast {i}"}}
        for i, (v, t) in enumerate([(4, "Tolles Essen, netter Service"), (2, "Zu laut, zu teuer"),
                                    (5, "Wir kommen gerne wieder")])
    ]  # fmt: skip
    path = _write(tmp_path, "deep.json", {"status": "ok", "data": {"reviews": reviews}})
    fields = _fields(path)
    assert fields["rating_value"] == "rating.value" and "sub_ratings" not in fields
    _, _, lake = _lake(tmp_path, monkeypatch, path, [company("bistro", "Bistro")], "bistro")
    assert sorted(r["stars"] for r in lake["reviews"]) == [2.0, 4.0, 5.0]
    assert all(not r["sub_ratings"] for r in lake["reviews"])


def test_the_scale_an_export_states_beside_the_rating_is_read(tmp_path, monkeypatch):
    # 3, 4 and 5 of 10: within a 1-5 portal's scale, but the export says out of 10.
    reviews = [
        {"id": f"s{i}", "rating": {"value": v, "max": 10}, "date": f"2025-05-0{i + 1}",
         "text": t}
        for i, (v, t) in enumerate([(3, "Kalt und laut"), (4, "Zimmer schmutzig"),
                                    (5, "Mittelmaessig, aber sauber")])
    ]  # fmt: skip
    path = _write(tmp_path, "scaled.json", reviews)
    fields = _fields(path)
    assert fields["rating_best"] == "rating.max" and fields["rating_value"] == "rating.value"
    _, items, lake = _lake(tmp_path, monkeypatch, path, [company("bistro", "Bistro")], "bistro")
    assert {i["rating_best"] for i in items} == {10}
    stars = sorted(r["stars"] for r in lake["reviews"])
    assert stars[-1] < 3.0  # 5 of 10 is not 5 stars


def test_a_flat_scale_column_and_worst_rating_are_read(tmp_path):
    csv = (
        "review_id,score,best_rating,worst_rating,date,text\n"
        "a1,8,10,0,2025-02-01,Sehr freundlich\n"
        "a2,6,10,0,2025-02-02,Geht so\n"
        "a3,9,10,0,2025-02-03,Top Beratung\n"
    )
    fields = _fields(_write(tmp_path, "flat.csv", csv))
    assert (fields["rating_best"], fields["rating_worst"]) == ("best_rating", "worst_rating")


def test_a_max_column_that_cannot_hold_the_ratings_is_not_the_scale(tmp_path):
    # "max" here is something else (a party size): smaller than the ratings it sits beside.
    rows = [
        {"id": f"m{i}", "rating": r, "max": 4, "date": f"2025-03-0{i + 1}", "text": "Gut"}
        for i, r in enumerate([7, 8, 9])
    ]
    fields = _fields(_write(tmp_path, "party.json", rows))
    assert fields["rating_best"] == {"value": 10}


def test_a_products_figures_are_dated_when_the_export_was_made(tmp_path, monkeypatch):
    """A shop scraper's export repeats the product's rating and count on every review with
    the time it scraped them: the product's figures in the lake are of that day, not of
    the day of the import (and the same figures a second later are one aggregate)."""
    rows = [
        {"review_id": f"R{i}", "rating": r, "review_text": t, "review_posted_date": d,
         "asin": "B0TEST", "product_name": "Folding Headphones", "product_rating": 4.5,
         "product_rating_count": 430, "timestamp": f"2024-10-20T05:11:5{i}.165Z"}
        for i, (r, t, d) in enumerate(
            [(5, "Great sound for the price", "September 7, 2024"),
             (4, "Comfortable but the cord is short", "August 30, 2024"),
             (5, "Bought them twice already", "July 2, 2024")]
        )
    ]  # fmt: skip
    path = _write(tmp_path, "products.json", rows)
    agg = yaml.safe_load(to_yaml(infer_mapping(path)))["aggregate"]["fields"]
    assert agg["fetched_at"] == "timestamp"
    report, items, lake = _lake(
        tmp_path, monkeypatch, path, [company("phones", "Headphones", amazon="B0TEST")],
        portal="amazon",
    )  # fmt: skip
    assert report.items == {"review": 3, "aggregate": 1}
    assert [i["fetched_at"] for i in items if i["kind"] == "aggregate"] == ["2024-10-20T05:11:50Z"]
    (figures,) = lake["aggregates"]
    assert (figures["rating_value"], figures["review_count"]) == (4.5, 430)
    assert str(figures["fetched_on"]) == "2024-10-20"


def test_relative_reply_dates_of_an_export_that_says_not_when_it_was_made(tmp_path):
    """A SERP API's reviews with the day they were written and replies dated "a week ago",
    but no time of the export: the summary says the replies count back from the import,
    and how to give the export's day; with that day in the mapping they count from it."""
    rows = {"reviews": [
        {"review_id": f"g{i}", "rating": "5/5", "date": d, "created": c,
         "comment": "A must do while in NY, the view is worth it.",
         "review_reply": "Thank you for visiting!", "review_reply_created": "a week ago"}
        for i, (d, c) in enumerate([("2025-02-24", "a week ago"), ("2025-03-04", "4 days ago")])
    ]}  # fmt: skip
    path = _write(tmp_path, "serp.json", rows)
    settings = import_settings(tmp_path, [company("esb", "Empire State Building")])
    report = import_file(
        settings, portal="trustpilot", file_path=path, run_date=RUN_DATE, company="esb"
    )
    (warning,) = [w for w in report.warnings if "relative dates" in w]
    assert warning.startswith("reply_raw_date holds relative dates ('a week ago')")
    assert "constants: {fetched_at: YYYY-MM-DD}" in warning
    mapping = yaml.safe_load(to_yaml(infer_mapping(path)))
    mapping["constants"] = {"fetched_at": "2025-03-08"}
    (tmp_path / "serp.yaml").write_text(yaml.safe_dump(mapping), "utf-8")
    report = import_file(
        settings, portal="trustpilot", file_path=path, run_date=RUN_DATE, company="esb",
        mapping=tmp_path / "serp.yaml",
    )  # fmt: skip
    assert not [w for w in report.warnings if "relative dates" in w]
    assert {i["fetched_at"] for i in raw_items(report.path)} == {"2025-03-08T00:00:00Z"}
