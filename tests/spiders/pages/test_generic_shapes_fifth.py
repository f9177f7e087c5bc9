# ruff: noqa: E501  (saved markup reads better unwrapped)
"""The generic reader on the fifth round's miniatures (``generic_shapes_fifth``, issue
15): critics' scores, German portals' star icons, suns, levels and counts, and the rules
behind them, past what ``test_generic_shapes`` checks of every shape."""

from __future__ import annotations

import pytest

from spiders.pages.generic.counts import count_in_text
from spiders.pages.generic.shown import rating_in_text
from tests.spiders.pages.test_generic_misreadings import _read as _read_body
from tests.spiders.pages.test_generic_shapes import _read, _reviews


def test_a_critics_score_labelled_after_the_reviews_link() -> None:
    reviews = _reviews("rendered_critic_original_score")
    assert [(r.rating_value, r.rating_best) for r in reviews] == [
        ("4.5", "5"),
        ("3", "4"),
        ("6", "10"),
    ]
    assert [r.author_name for r in reviews] == ["Ann Critic", "Bob Writer", "Cy Lee"]
    # The text is the quote, not the line with the link, the score and the date.
    assert reviews[1].text == "Overlong, but the final act lands."


def test_a_count_of_critics_or_users_reviews() -> None:
    (agg,) = [i for i in _read("rendered_critic_and_user_scores").items if i.kind == "aggregate"]
    assert (agg.rating_value, agg.rating_best, agg.review_count) == ("96", "100", 61)
    assert [r.author_name for r in _reviews("rendered_critic_and_user_scores")] == [
        "gamer123",
        "critic77",
    ]


def test_star_icons_marked_filled_beside_plain_empty_ones() -> None:
    first, second = _reviews("rendered_marked_star_icons")
    assert (first.rating_value, second.rating_value) == ("3", "5")
    # Trustindex marks every icon: f(ull), h(alf), e(mpty).
    icons = '<i class="ti-star f"></i>' * 3 + '<i class="ti-star h"></i><i class="ti-star e"></i>'
    body = f'<div class="ti-review" id="t1"><div class="ti-stars">{icons}</div><span class="ti-name">Laura S.</span><span class="ti-date">vor 3 Monaten</span><p class="ti-review-text">Preise okay, aber lange Wartezeit im Laden.</p></div>'
    (review,) = _read_body("trustindex_icons", body, "de").items
    assert (review.rating_value, review.rating_best) == ("3.5", "5")


def test_a_written_aggregate_wins_over_stars_drawn_beside_it() -> None:
    (agg,) = [i for i in _read("rendered_marked_star_icons").items if i.kind == "aggregate"]
    assert (agg.rating_value, agg.review_count) == ("4,89", 234)  # five full icons say 5
    assert agg.company_name == "Muster Steuerberatung"  # the h1 named so, not the <title>


def test_a_reviewer_after_von_a_reply_under_its_heading_and_the_named_text() -> None:
    first, second = _reviews("rendered_marked_star_icons")
    assert (first.author_name, second.author_name) == ("Max M.", "Sabine K.")
    assert first.reply_text == "Vielen Dank, lieber Herr M.!"  # not "Stellungnahme von ..."
    assert first.text == "Gut beraten, gerne wieder."  # not the longer "Privatkunde · ..."


def test_suns_out_of_six_and_the_trip_apart_from_the_reviews_date() -> None:
    reviews = _reviews("rendered_suns_out_of_six")
    assert [(r.rating_value, r.rating_best) for r in reviews] == [("6,0", "6"), ("4,2", "6")]
    assert [r.published_raw for r in reviews] == [
        "Bewertet am 02.07.2025",
        "Bewertet am 20.05.2025",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Page 2/10",
        "Seite 1 von 5",
        "Image 1 of 5",
        "Bild 3 / 8",
        "Step 3 of 5",
        "Röstgrad 4 / 5",
        "Schärfegrad: 3 von 5",
        "Intensität 8/10",
        "4-Sterne-Hotel",
        "Hotelkategorie: 4 Sterne",
        "nur noch 2 von 5 auf Lager",
        "3/6",
    ],
)
def test_a_place_in_a_sequence_a_level_or_a_hotels_class_is_no_rating(text: str) -> None:
    assert rating_in_text(text) is None


@pytest.mark.parametrize(
    ("text", "rating"),
    [
        ("Original Score: 3/4", ("3", "4")),
        ("Wertung: 7/20", ("7", "20")),
        ("5,6 / 6", ("5,6", "6")),
        ("6 von 6 Sonnen", ("6", "6")),
        ("4 von 5 Sternen", ("4", "5")),
        ("Metascore 96 out of 100", ("96", "100")),
    ],
)
def test_ratings_on_scales_of_their_own(text: str, rating: tuple[str, str]) -> None:
    assert rating_in_text(text) == rating


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("1 Bewertung", 1),
        ("(234 Produktbewertungen)", 234),
        ("89 Google-Bewertungen", 89),
        ("12 Testberichte", 12),
        ("5 Kundenmeinungen", 5),
        ("3 Erfahrungsberichte", 3),
        ("Based on 61 Critic Reviews", 61),
        ("Based on 21,034 User Ratings", 21034),
        ("234 product reviews", 234),
    ],
)
def test_counts_in_the_singular_and_in_compound_words(text: str, count: int) -> None:
    assert count_in_text(text) == count


def test_a_page_with_only_counters_and_levels_shows_no_ratings() -> None:
    body = '<h1>Espresso Crema</h1><div class="gallery"><span class="counter">Image 1 of 5</span></div><div class="facts">Röstgrad 4 / 5</div><nav class="pagination"><span>Page 2/10</span></nav><div class="comment"><b>Ann</b> <span>12.03.2024</span><p>Step 3 of 5 was confusing, but it works fine for me now.</p></div>'
    result = _read_body("counters_and_levels", body)
    assert result.items == []
    assert [p.split(":")[0] for p in result.problems] == ["no ratings found"]


def _one_review(name: str, body: str, lang: str = "en"):
    (review,) = [i for i in _read_body(name, body, lang).items if i.kind == "review"]
    return review


def test_a_helpfulness_line_is_no_review_text() -> None:
    body = '<div class="EGFGHd"><header class="c1bOId"><div class="X5PpBb">Tom Becker</div><div aria-label="Rated 1 star out of five stars" role="img"></div><span class="bp9Aid">October 28, 2026</span></header><div class="h3YV2d">Too many ads. Uninstalled.</div><div class="AJTPZc">87 people found this review helpful</div></div>'
    assert _one_review("helpful_line", body).text == "Too many ads. Uninstalled."


def test_a_utility_class_with_text_in_it_does_not_name_the_replys_text() -> None:
    body = '<li class="card"><h3>John D</h3><div role="img" aria-label="1 star out of 5"></div><p class="text-gray-70">Date: 10/15/2026</p><div class="review-text"><p>They showed up four hours late and charged double.</p></div><div class="review-response"><h4>Rapid Rooter Response</h4><p class="text-gray-70">Date: 10/17/2026</p><p>John, we are sorry. We refunded the difference.</p></div></li>'
    review = _one_review("reply_utility_class", body)
    assert review.reply_text == "John, we are sorry. We refunded the difference."


def test_a_link_coloured_like_a_header_is_the_reviewer_not_the_title() -> None:
    body = '<div class="review"><div><a class="link--header-color" href="/users/4f1a2b">Priya N.</a></div><div class="stars stars-10"><span class="sr-only">5 out of 5 stars</span></div><time datetime="2026-10-10">10/10/2026</time><a href="/survey_responses/slack-review-1"><h3>Huddles changed how our team works</h3></a><p>Huddles and threads keep remote work human and simple.</p></div>'
    review = _one_review("header_coloured_link", body)
    assert (review.author_name, review.title) == ("Priya N.", "Huddles changed how our team works")


def test_a_products_release_date_makes_no_review_of_its_score() -> None:
    body = '<div class="c-productHero"><div title="Metascore 96 out of 100" class="c-siteReviewScore"><span>96</span></div><span class="sentiment">Universal Acclaim</span><ul><li>Released On: Feb 25, 2022</li></ul></div>'
    assert [i for i in _read_body("release_date", body).items if i.kind == "review"] == []


def test_a_count_in_parentheses_after_the_rating_in_one_text() -> None:
    body = '<h1>Kindle Paperwhite</h1><div class="a-icon-alt">4.6 out of 5 stars (2,345)</div>'
    (agg,) = _read_body("inline_paren_count", body).items
    assert (agg.kind, agg.rating_value, agg.review_count) == ("aggregate", "4.6", 2345)


def test_a_zero_shown_out_of_ten_is_on_a_scale_from_zero() -> None:
    body = '<div class="c-siteReview"><div title="User score 0 out of 10" class="c-siteReviewScore"><span>0</span></div><a href="/user/PCgamer88/">PCgamer88</a><div class="date">Feb 25, 2022</div><div class="quote"><span>Stutters constantly on PC. Unplayable at launch.</span></div></div>'
    review = _one_review("zero_of_ten", body)
    assert (review.rating_value, review.rating_worst, review.rating_best) == ("0", 0, "10")


def test_a_short_sentence_in_a_paragraph_is_the_reviews_text() -> None:
    body = "".join(
        f'<div class="review"><a href="/users/u{n}">{who}</a><div role="img" aria-label="{n} stars out of 5"></div><span class="date">Oct {n}, 2026</span><p>{said}</p><p>Verified Purchase</p></div>'
        for n, who, said in ((4, "Ann K", "Arrived fast."), (5, "Jo B", "Great!"))
    )
    reviews = [i for i in _read_body("short_sentences", body).items if i.kind == "review"]
    assert [r.text for r in reviews] == ["Arrived fast.", "Great!"]
    assert all(r.verified for r in reviews)  # "Verified Purchase" is the portal's label


def test_a_label_for_screen_readers_before_the_reviewers_name() -> None:
    body = '<li class="card"><h3 class="bds-h4"><span class="visually-hidden">Review from</span> John D</h3><div class="star-rating" role="img" aria-label="1 star out of 5"></div><p>Date: 10/15/2026</p><div class="dtm-review-text"><p>They showed up four hours late and charged double.</p></div></li>'
    review = _one_review("screen_reader_label", body)
    assert (review.author_name, review.title) == ("John D", None)


def test_a_score_deep_in_a_small_box_with_its_count_apart() -> None:
    body = '<h1>Northwind Saga</h1><div class="score-box"><div class="score-text"><span><a href="/critic-reviews/"><span>Based on 61 Critic Reviews</span></a></span></div><div class="score-number"><a href="/critic-reviews/"><div class="score-bg"><div title="Metascore 96 out of 100" class="site-score"><span>96</span></div></div></a></div></div>'
    (agg,) = _read_body("deep_score", body).items
    assert (agg.kind, agg.rating_value, agg.rating_best, agg.review_count) == (
        "aggregate",
        "96",
        "100",
        61,
    )
