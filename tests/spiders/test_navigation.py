"""Which rel=next links are a listing's next page: the shapes real portals paginate
with, against the "next post" and "next product" links of blogs and shops."""

from __future__ import annotations

import pytest

from spiders.navigation import same_document, saved_page_missing

PAGINATION = [
    ("https://www.trustpilot.example/review/calo.app/en", "/review/calo.app/en?page=2"),
    ("https://www.yelp.example/biz/oyster-bar-st-louis-2", "/biz/oyster-bar-st-louis-2?start=10"),
    ("https://www.glassdoor.example/Reviews/Tata-Reviews-E13461.htm", "Tata-Reviews-E13461_P2.htm"),
    (
        "https://www.tripadvisor.example/Attractions-g155019-Activities-Toronto_Ontario.html",
        "/Attractions-g155019-Activities-oa30-Toronto_Ontario.html",
    ),
    ("https://blog.example/2016/06/cider-connection/", "comment-page-2/#comments"),
    ("https://shop.example/reviews/", "page/2/"),
    ("https://shop.example/reviews/page/2/", "/reviews/page/3/"),
    ("file:///saved/page1.html", "page2.html"),
    ("file:///saved/shop-reviews.html", "shop-reviews-page-2.html"),
]

OTHER_DOCUMENTS = [
    (
        "https://coffee.example/products/sidamo-bio-beans",
        "/collections/shop/products/robusta-bio-beans",
    ),
    ("https://recipes.example/2015/02/biscoff-spread/", "/2015/01/rum-truffles/"),
    ("https://portal.example/review/shop-a", "https://other.example/review/shop-a?page=2"),
    ("http://127.0.0.1:8765/review/shop-a", "http://127.0.0.1:8766/review/shop-a?page=2"),
    ("file:///saved/glassdoor.html", "/Reviews/Tata-Reviews-E13461_P2.htm"),
]


def _absolute(base: str, href: str) -> str:
    from urllib.parse import urljoin

    return urljoin(base, href)


@pytest.mark.parametrize(("current", "href"), PAGINATION)
def test_a_listings_next_page_is_followed(current: str, href: str) -> None:
    assert same_document(current, _absolute(current, href))


@pytest.mark.parametrize(("current", "href"), OTHER_DOCUMENTS)
def test_another_document_is_not_this_listings_next_page(current: str, href: str) -> None:
    assert not same_document(current, _absolute(current, href))


def test_a_saved_pages_next_page_is_read_only_when_it_was_saved(tmp_path) -> None:
    saved = tmp_path / "page2.html"
    saved.write_text("<html></html>", encoding="utf-8")
    assert not saved_page_missing(saved.as_uri())
    assert not saved_page_missing(saved.as_uri() + "?page=2")  # the same file
    assert saved_page_missing((tmp_path / "page3.html").as_uri())
    assert not saved_page_missing("https://portal.example/page3.html")  # not a saved page
