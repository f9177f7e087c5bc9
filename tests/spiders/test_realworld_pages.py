"""The generic reader on real saved pages (``../shared/realworld/html/``), checked
against the values ``SOURCES.md`` gives for each file: counts, ratings,
aggregates, scales and dates. The files belong to the sites that served them and
are never copied into the repo; without them these tests are skipped.
"""

from __future__ import annotations

import gzip
import hashlib
from collections import Counter
from pathlib import Path

import pytest

from spiders.pages import parse_page

REALWORLD = Path(__file__).resolve().parents[2] / ".." / "shared" / "realworld" / "html"
pytestmark = pytest.mark.skipif(
    not REALWORLD.is_dir(), reason=f"real saved pages not present at {REALWORLD}"
)

NO_RATINGS = (
    "blog_netzpolitik_org_wordpress_comments_company_criticism.html",
    "forum_katzen-forum_net_xenforo_thread_de.html",
    "forum_forumieren_phpbb_style_thread_de.html",
)


def body_of(name: str) -> bytes:
    raw = (REALWORLD / name).read_bytes()
    return gzip.decompress(raw) if name.endswith(".gz") else raw


def read(name: str, family: str = "generic") -> tuple[list, list, list[str]]:
    """(aggregates, reviews, problems) of one saved page."""
    body = body_of(name)
    result = parse_page(
        family,
        body,
        (REALWORLD / name).resolve().as_uri(),
        portal="realworld",
        fetched_at="2026-01-01T00:00:00Z",
        response_sha256=hashlib.sha256(body).hexdigest(),
    )
    aggregates = [i for i in result.items if i.kind == "aggregate"]
    reviews = [i for i in result.items if i.kind == "review"]
    return aggregates, reviews, result.problems


def stars(reviews: list) -> Counter:
    return Counter(float(str(r.rating_value).replace(",", ".")) for r in reviews)


def agg(item) -> tuple:
    return (str(item.rating_value), item.review_count, str(item.rating_best))


# name -> (the aggregate as (value, count, best), number of reviews, rating counts, a date shown)
PAGES = {
    "amazon_com_kindle_product_page_with_reviews.html": (
        ("4.4", 21200, "5"), 13, None, "Reviewed in the United States on August 2, 2021"
    ),
    "amazon_es_product_page_with_reviews_spanish.html": (
        ("4,1", 5182, "5"), 7, None, "Revisado en España el 25 de agosto de 2017"
    ),
    "blog_otto_de_wp_postratings_microdata_comments.html": (("5", 1, "5"), 0, {}, None),
    "chefkoch_de_recipe_jsonld_worstrating0_comments.html": (("4.52", 953, "5"), None, {}, None),
    "glassdoor_nextjs_2025_tcs_reviews_page.html": (
        ("3.6", 164958, "5"), 10, {3: 5, 4: 3, 5: 2}, "2025-08-23T21:11:05.447"
    ),
    "recipe_medlineplus_jsonld_aggregaterating_list.html": (("4.55", 19, "5"), 0, {}, None),
    "recipe_midgetmomma_jsonld_decimal_rating.html": (("2.56", 9, "5"), 0, {}, None),
    "recipe_sallysbaking_jsonld_wordpress_comments.html": (("4.9", 534, "5"), None, None, None),
    # Its 2 rated comments draw their stars as a bar's width (the aggregate's "from 2 reviews").
    "recipe_sweetestkitchen_microdata_aggregaterating.html": (
        ("5.0", 2, "5"), 2, {5: 2}, "06/11/2014 at 9:03 PM"
    ),
    "shop_3suisses_fr_microdata_reviews.html.gz": (("4", 5, "5"), 12, None, "21/10/2016"),
    "shop_eduscho_at_tchibo_jsonld_reviews_de.html.gz": (("4.5", 44, "5"), 5, {}, None),
    "shop_getit_co_il_jsonld_1to10_scale_hebrew.html.gz": (
        ("8.7", 11, "10"), 11, {9: 9, 10: 1, 5: 1}, "2020-11-27"
    ),
    "shop_happycoffee_de_judgeme_microdata_reviews.html": (
        ("4.98", 40, "5"), 5, {5: 4, 4: 1}, "2020-02-21 15:23:13 UTC"
    ),
    "shop_ikea_gb_jsonld_20_reviews.html.gz": (("5", 39, "5"), 20, {5: 19, 4: 1}, None),
    "shop_otto_de_product_microdata_aggregaterating.html.gz": (("5.0", 1, "5"), 0, {}, None),
    "trustpilot_2020_vue_layout_single_review_gousto.html": (
        None, 1, {5: 1}, "2016-11-04T20:37:27Z"
    ),
    "trustpilot_nextjs_2024_eventnet_de_german.html": (("4.6", 20, "5"), 20, {5: 20}, None),
    "trustpilot_nextjs_2025_calo_uk_aisummary.html": (
        ("4.3", 308, "5"), 20, {5: 16, 3: 2, 4: 1, 1: 1}, None
    ),
    "yelp_business_page_2025_broadway_oyster_bar.html": (
        ("4.4", 2721, "5"), 11, {5: 6, 4: 4, 3: 1}, "2025-09-22T16:46:34-05:00"
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_rated_page_gives_the_values_a_person_reads_off_it(name: str) -> None:
    aggregate, count, ratings, date = PAGES[name]
    aggregates, reviews, problems = read(name)
    assert problems == []
    if aggregate is None:
        assert aggregates == []
    else:
        (page_aggregate,) = aggregates
        assert agg(page_aggregate) == aggregate
    if count is not None:
        assert len(reviews) == count
    if ratings is not None:
        assert stars([r for r in reviews if r.rating_value is not None]) == Counter(ratings)
    if date is not None:
        assert date in [r.published_raw for r in reviews]
    for item in aggregates + reviews:
        assert item.extra["strategy"] in (
            "json_ld",
            "microdata",
            "rdfa",
            "embedded_json",
            "rendered",
        )


def test_scales_are_the_pages_own() -> None:
    (chefkoch,), _, _ = read("chefkoch_de_recipe_jsonld_worstrating0_comments.html")
    assert (chefkoch.rating_worst, chefkoch.rating_best) == (0, 5)
    assert chefkoch.extra["rating_count"] == 948  # both counts are shown: reviews 953
    _, getit, _ = read("shop_getit_co_il_jsonld_1to10_scale_hebrew.html.gz")
    assert {(str(r.rating_worst), str(r.rating_best)) for r in getit} == {("1", "10")}
    _, suisses, _ = read("shop_3suisses_fr_microdata_reviews.html.gz")
    assert {str(r.rating_worst) for r in suisses} == {"0"}
    assert {r.extra["locale"] for r in suisses} == {"fr"}  # D/M/YYYY: the page's locale says so
    _, eduscho, _ = read("shop_eduscho_at_tchibo_jsonld_reviews_de.html.gz")
    assert all(r.rating_value is None and "rating_missing" in r.flags for r in eduscho)
    assert {r.author_name for r in eduscho} >= {"Anonym", "Marika J."}


def test_list_pages_give_one_aggregate_per_entry() -> None:
    maps, _, problems = read("google_maps_search_results_hospitals_delhi.html")
    assert problems == []
    assert [(str(a.rating_value), a.review_count) for a in maps] == [
        ("4.9", 90),
        ("4.3", 103),
        ("4.5", 5775),
        ("4.5", 19952),
        ("4.4", 4550),
        ("4.7", 7377),
        ("4.4", 1606),
        ("4.6", 13568),
    ]
    assert all(a.extra["listed"] and a.company_name for a in maps)
    jaffna, _, _ = read("tripadvisor_fr_2026_jaffna_restaurants_list.html")
    by_name = {a.company_name: (str(a.rating_value), a.review_count) for a in jaffna}
    assert len(jaffna) == 30
    assert by_name["Amudham"] == ("4.8", 56) and by_name["Mangos"] == ("4.2", 758)
    assert by_name["Lavin’s"] == ("4.4", 72)
    toronto, _, _ = read("tripadvisor_2018_toronto_attractions_list.html")
    by_name = {a.company_name: (str(a.rating_value), a.review_count) for a in toronto}
    assert by_name["CN Tower"] == ("4.5", 20621)
    assert len({a.portal_company_id for a in toronto}) == len(toronto)
    booking, _, _ = read("booking_search_results_ruidera_review_scores.html")
    scores = {(str(a.rating_value), a.review_count) for a in booking}
    assert {("9.0", 958), ("8.0", 84), ("7.7", 176), ("6.9", 212), ("8.7", 10)} <= scores
    assert all(a.rating_best == 10 and "scale_inferred" in a.flags for a in booking)
    assert any(a.company_name == "Hostal La Noria" for a in booking)


def test_reviews_carry_their_authors_texts_and_ids() -> None:
    _, (gousto,), _ = read("trustpilot_2020_vue_layout_single_review_gousto.html")
    assert (gousto.author_name, gousto.title) == ("Mrs H Pyke", "Gousto has changed my life....")
    assert gousto.review_id == "581cf1892ae760087cadbf17"
    assert (gousto.company_name, gousto.portal_company_id) == ("gousto.co.uk", "gousto.co.uk")
    _, yelp, _ = read("yelp_business_page_2025_broadway_oyster_bar.html")
    assert all(r.text and r.review_id and r.published_raw for r in yelp)
    assert any(r.reply_text == "Looks like you made some excellent choices." for r in yelp)
    _, amazon, _ = read("amazon_com_kindle_product_page_with_reviews.html")
    assert amazon[0].review_id == "RCDBNB3418NAE" and amazon[0].author_name == "lighthouse88"
    _, calo, _ = read("trustpilot_nextjs_2025_calo_uk_aisummary.html")
    assert all(r.reply_text for r in calo)


def test_reviews_read_as_a_person_reads_them() -> None:
    """Titles, whole texts, the business's replies apart from the review, ids."""
    _, happy, _ = read("shop_happycoffee_de_judgeme_microdata_reviews.html")
    dieter = next(r for r in happy if r.title == "Nicht überzeugend")
    assert dieter.reply_text.startswith("Hallo Dieter, danke für dein Feedback")
    assert dieter.text.startswith("Der Geschmack war kaum von Tchibo zu unterscheiden")
    assert "Viele Grüße, Christian" not in dieter.text  # the shop's reply is not the review
    _, amazon, _ = read("amazon_com_kindle_product_page_with_reviews.html")
    assert amazon[0].title == "solid story and entertaining"
    assert amazon[0].text.count("\n") >= 3  # every paragraph, not the first one only
    _, spanish, _ = read("amazon_es_product_page_with_reviews_spanish.html")
    assert all(r.title and r.review_id.startswith("R") for r in spanish)
    assert "R2KZB2GZQNRLG8" in {r.review_id for r in spanish}  # not its image viewer's copy
    _, glassdoor, _ = read("glassdoor_nextjs_2025_tcs_reviews_page.html")
    assert all(r.pros and r.cons and r.title for r in glassdoor)
    (getit, *_), _, _ = read("shop_getit_co_il_jsonld_1to10_scale_hebrew.html.gz")
    assert getit.company_name == " ".join(getit.company_name.split())


def test_entries_of_list_pages_are_named_as_shown() -> None:
    booking, quotes, _ = read("booking_search_results_ruidera_review_scores.html")
    assert "Hostal La Noria" in {a.company_name for a in booking}  # without its subtitle
    assert all(
        q.extra["listed"]
        and q.portal_company_id != "booking_search_results_ruidera_review_scores.html"
        for q in quotes
    )
    assert all(q.text and q.author_name for q in quotes)  # a guest's quote of a listed hotel
    maps, _, _ = read("google_maps_search_results_hospitals_delhi.html")
    assert all("=" not in a.portal_company_id for a in maps)
    assert maps[0].portal_company_id.startswith("Dr. Gautam Banga")


@pytest.mark.parametrize("name", NO_RATINGS)
def test_a_page_without_ratings_is_a_problem_naming_it(name: str) -> None:
    aggregates, reviews, problems = read(name)
    assert aggregates == reviews == []
    assert problems and name in problems[0] and "no ratings found" in problems[0]


def test_the_trustpilot_family_and_the_generic_reader_agree_on_its_pages() -> None:
    for name in ("trustpilot_nextjs_2025_calo_uk_aisummary.html",):
        family = read(name, "trustpilot")
        generic = read(name)
        assert stars(family[1]) == stars(generic[1])
        assert agg(family[0][0]) == agg(generic[0][0])


def test_a_boards_thread_gives_its_posts_to_the_forum_family() -> None:
    body = body_of("forum_katzen-forum_net_xenforo_thread_de.html")
    result = parse_page(
        "forum",
        body,
        "https://www.katzen-forum.net/threads/jede-nacht-verliert-pepe.230143/",
        portal="realworld",
        fetched_at="2026-01-01T00:00:00Z",
        response_sha256=hashlib.sha256(body).hexdigest(),
    )
    assert result.problems == []
    posts = result.items
    assert len(posts) == 18 and {p.kind for p in posts} == {"mention"}  # no ratings shown
    assert [p.author_name for p in posts[:3]] == ["Pepemaus", "yellowkitty", "Lov100"]
    assert posts[0].published_raw == "27. September 2018"
    assert posts[0].text.startswith("Hallo, Pepe schläft nachts")
