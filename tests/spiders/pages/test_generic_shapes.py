"""The generic reader on hand-written miniatures of real portals' markup
(``generic_shapes``): the values a person reads off each, the strategy that read
them, and a problem for a page with no ratings. ``test_page_fixtures`` checks
the whole output of each against ``fixtures/generic/<case>/output.json``."""

from __future__ import annotations

import hashlib

import pytest

from spiders.pages import parse_page
from tests.spiders.pages import generic_shapes


def _read(case: str):
    url = generic_shapes.BASE + case.replace("_", "-")
    body = generic_shapes.SHAPES[case].encode()
    return parse_page(
        "generic",
        body,
        url,
        portal="generic",
        fetched_at="2026-11-23T09:00:00Z",
        response_sha256=hashlib.sha256(body).hexdigest(),
    )


@pytest.mark.parametrize(
    "case", [c for c, expected in generic_shapes.EXPECTED.items() if expected is not None]
)
def test_each_shape_gives_what_a_person_reads_off_it(case: str) -> None:
    aggregate, ratings, strategy, date = generic_shapes.EXPECTED[case]
    result = _read(case)
    assert result.problems == []
    aggregates = [i for i in result.items if i.kind == "aggregate"]
    reviews = [i for i in result.items if i.kind == "review"]
    if aggregate is None:
        assert aggregates == []
    else:
        (got,) = aggregates
        assert (str(got.rating_value), got.review_count, str(got.rating_best)) == aggregate
    assert [str(r.rating_value) for r in reviews] == ratings
    assert {r.extra["strategy"] for r in reviews} == {strategy}
    assert date in [r.published_raw for r in reviews]
    assert all(r.extra.get("locale") for r in reviews)


def test_list_pages_give_each_entry_once_on_its_scale() -> None:
    bubbles = _read("rendered_bubble_list").items
    assert sorted((i.company_name, str(i.rating_value), i.review_count) for i in bubbles) == [
        ("City Zoo", "3.5", 3055),
        ("Harbour Tower", "4.5", 20621),
        ("Island Park", "5.0", 762),
        ("Old Market", "4.0", 1429),
        ("Royal Museum", "4.5", 7112),
    ]
    assert all(i.extra["listed"] and i.portal_company_id.startswith("Attraction-") for i in bubbles)
    scores = _read("rendered_label_score_ten").items
    assert [(str(i.rating_value), i.review_count) for i in scores] == [
        ("9,0", 958),
        ("8,0", 84),
        ("6,9", 212),
        ("7,7", 176),
        ("8,7", 10),
    ]
    assert all(i.rating_best == 10 and "scale_inferred" in i.flags for i in scores)


def test_what_is_not_a_review_is_left_out() -> None:
    apollo = _read("apollo_comment_wrapped").items
    assert "Photo P." not in {i.author_name for i in apollo}  # a photo's review
    first = next(i for i in apollo if i.kind == "review")
    assert (first.author_name, first.reply_text) == ("Sam K.", "Thanks, Sam!")
    glassdoor = [i for i in _read("next_data_apollo_cache").items if i.kind == "review"]
    assert glassdoor[0].sub_ratings == {"ratingWorkLifeBalance": 3}  # ceoRating 0.62 is a share
    clones = [i for i in _read("microdata_carousel_clones").items if i.kind == "review"]
    assert len(clones) == 2  # the carousel's cloned slide is the same review
    aria = [i for i in _read("rendered_aria_label_reviews").items if i.kind == "review"]
    assert [r.text for r in aria] == [
        "Best pancakes in town, friendly staff.",
        "Waited forty minutes for cold coffee.",
    ]
    unrated = _read("json_ld_cdata_strings").items[-1]
    assert unrated.rating_value is None and "rating_missing" in unrated.flags


def test_a_comment_thread_without_ratings_is_a_problem() -> None:
    result = _read("comment_thread_no_ratings")
    assert result.items == []
    assert result.problems == [
        "no ratings found: no review, rating or aggregate on the page "
        "(http://127.0.0.1:8765/shapes/comment-thread-no-ratings)"
    ]


def test_nothing_on_a_page_runs_as_code() -> None:
    from spiders.pages.generic.jsvalue import read_literal

    with pytest.raises(ValueError):
        read_literal("{a: alert(1)}", 0)
    assert read_literal("{a: b}", 0) == {"a": None}  # a name is a name, never looked up
