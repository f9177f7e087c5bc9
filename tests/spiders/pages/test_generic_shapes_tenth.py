"""The tenth round's miniatures (``generic_shapes_tenth``, issue 15): the boards' own thread
markup read as posts by the forum family, and a single review's page named for its business."""

from __future__ import annotations

import pytest

from spiders.pages import parse_page
from tests.spiders.pages.generic_shapes_tenth import TENTH_THREAD_POSTS, TENTH_THREADS
from tests.spiders.pages.test_generic_shapes import _read as _read_shape


def _read(family: str, case: str, html: str):
    return parse_page(
        family,
        html.encode(),
        f"https://forum.example.org/threads/{case.replace('_', '-')}",
        portal="forum",
        fetched_at="2026-01-01T00:00:00Z",
        response_sha256="0" * 64,
    )


@pytest.mark.parametrize("case", sorted(TENTH_THREADS))
def test_a_boards_thread_gives_each_post_as_a_mention_of_the_threads_company(case: str) -> None:
    title, posts = TENTH_THREAD_POSTS[case]
    result = _read("forum", case, TENTH_THREADS[case])
    assert result.problems == []
    assert {i.kind for i in result.items} == {"mention"}  # no stars shown: no review
    assert [(i.review_id, i.author_name, i.published_raw, i.text) for i in result.items] == posts
    assert {i.company_name for i in result.items} == {title}
    assert all(i.rating_value is None for i in result.items)


def test_a_single_reviews_page_is_of_the_business_its_state_names() -> None:
    (review,) = _read_shape("state_single_review_business_unit").items
    assert (review.company_name, review.portal_company_id) == (
        "acme-shoes.co.uk",
        "acme-shoes.co.uk",
    )
    assert (review.author_name, review.title) == ("Ann Lee", "Comfortable from day one")
