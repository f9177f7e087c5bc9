# ruff: noqa: E501  (saved markup reads better unwrapped)
"""The generic reader on the eighth round's miniatures (``generic_shapes_eighth``, issue 15):
review widgets shops embed (Okendo, Stamped, REVIEWS.io, Feefo, eKomi, ProvenExpert, a
TrustBox, Elfsight, Magento, Shopware, WooCommerce) and portals' rendered cards: relative dates
in more languages, star icons drawn in parts or stating their share, a number written beside
drawn stars, a scale in words in the next element, Turkish scales, a count in the rating's own
section, and reviewers found by their label, their avatar or their place in a hashed card."""

from __future__ import annotations

import pytest

from spiders.pages.generic.dates import review_dates
from spiders.pages.generic.shown import looks_like_date, rating_in_text
from tests.spiders.pages.test_generic_misreadings import _read as _read_body
from tests.spiders.pages.test_generic_shapes import _aggregate, _reviews


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("před 3 dny", True),
        ("před týdnem", True),
        ("pred 2 dňami", True),
        ("3 дня назад", True),
        ("неделю назад", True),
        ("3 дні тому", True),
        ("тиждень тому", True),
        ("3 napja", True),
        ("egy éve", True),
        ("acum 3 zile", True),
        ("prije 3 dana", True),
        ("вчера", True),
        ("pre 3 dana", True),  # sr
        ("pre nedelju dana", True),
        ("jučer", True),
        ("juče", True),
        ("pred 10 minútami", True),  # sk
        ("pre-order", False),
        ("pre 3", False),
        ("před nákupem", False),  # "before the purchase"
        ("тому що", False),  # "because"
        ("3 napos", False),  # "3-day"
        ("назад", False),
    ],
)
def test_relative_dates_in_more_languages(text: str, dated: bool) -> None:
    assert looks_like_date(text) is dated


@pytest.mark.parametrize(
    ("case", "dates"),
    [
        ("rendered_czech_relative_dates", ["před 3 dny", "před týdnem"]),
        ("rendered_russian_relative_dates", ["3 дня назад", "неделю назад"]),
        ("rendered_ukrainian_relative_dates", ["3 дні тому", "тиждень тому"]),
        ("rendered_hungarian_relative_dates", ["3 napja", "2 hete"]),
    ],
)
def test_reviews_dated_relatively_in_more_languages(case: str, dates: list[str]) -> None:
    reviews = _reviews(case)
    assert [r.published_raw for r in reviews] == dates
    assert all(r.author_name and r.text for r in reviews)


def test_star_icons_drawn_in_parts_or_stating_their_share() -> None:
    # REVIEWS.io's "ricon-percentage-star--100" x2 + "--0" x3 is 2 of 5, not 5
    assert [r.rating_value for r in _reviews("rendered_widget_reviews_io_percentage_stars")] == [
        "5",
        "2",
    ]
    # Shopware's points: "point-full" x4 and one "point-partial" over its "point-blank"
    reviews = _reviews("rendered_shopware_points")
    assert [(r.rating_value, str(r.rating_best), r.title) for r in reviews] == [
        ("5", "5", "Hält lange warm"),
        ("2", "5", "Deckel undicht"),
    ]
    # a summary's parts named for stars ("hz-star-rate__rating-number" "5.0", "Average
    # rating", "62 Reviews") are no icons: not 3 of 3 stars
    agg = _aggregate("rendered_houzz_average_rating")
    assert (agg.rating_value, str(agg.rating_best), agg.review_count) == ("5.0", "5", 62)


def test_a_number_written_beside_drawn_stars_wins_over_the_drawing() -> None:
    assert _aggregate("rendered_widget_reviews_io_percentage_stars").rating_value == "4.85"
    assert _aggregate("rendered_vivino_rating_badge").rating_value == "4.2"
    # a bar's share is as precise as its percent: 87% of five stars
    assert _aggregate("rendered_magento_rating_result").rating_value == "4.35"


def test_a_score_with_its_scale_in_words_or_one_star_in_the_next_element() -> None:
    agg = _aggregate("rendered_chrome_store_hashed_author")
    assert (agg.rating_value, str(agg.rating_best), agg.review_count) == ("4.5", "5", 2900)
    agg = _aggregate("rendered_temu_hashed_cards")
    assert (agg.rating_value, agg.review_count) == ("4.7", 12345)
    # a whole number beside "out of 5" in hashed spans is no score: a counter, a step
    body = '<h1>Onboarding</h1><div class="a1"><span class="b2">3</span><span class="c3">out of 5</span><span>steps done</span></div>'
    assert _read_body("step_out_of", body).items == []


@pytest.mark.parametrize(
    ("text", "rating"),
    [
        ("5 üzerinden 4,6", ("4,6", "5")),
        ("5 üzerinden 4 yıldız", ("4", "5")),
        ("10 üzerinden 7'si", None),  # a share
        ("5 üzerinden 6", None),
        ("4.5 out of five star rating on Trustpilot", ("4.5", "5")),
        ("4.5 out of five star rating on the page of our shop", None),
    ],
)
def test_a_scale_first_in_turkish_and_a_star_rating_in_words(
    text: str, rating: tuple | None
) -> None:
    assert rating_in_text(text) == rating


def test_a_turkish_marketplaces_score_and_a_trustbox_trustscore() -> None:
    agg = _aggregate("rendered_turkish_reviews")
    assert (agg.rating_value, str(agg.rating_best), agg.review_count) == ("4,6", "5", 1234)
    # "TrustScore <strong>4.6</strong>" over the stars rounded to "4.5 out of five"
    agg = _aggregate("rendered_trustbox_carousel")
    assert (agg.rating_value, agg.review_count) == ("4.6", 1234)
    reviews = _reviews("rendered_trustbox_carousel")
    assert [(r.author_name, r.title) for r in reviews] == [
        ("Laura", "Great service"),
        ("Owen", "Slow refund"),
    ]


def test_a_count_in_the_sections_before_is_not_the_ratings() -> None:
    # the press's "12 Testberichte" above the users' "4,5 / 5" and "87 Bewertungen"
    agg = _aggregate("rendered_idealo_press_grade_and_users")
    assert (agg.rating_value, agg.review_count) == ("4,5", 87)


@pytest.mark.parametrize(
    ("case", "names"),
    [
        (
            "rendered_zocdoc_verified_patient_author",
            ["Jane D.", "Omar K."],
        ),  # "Verified patient · Jane D."
        ("rendered_booking_polish_scores", ["Katarzyna", "Marek"]),  # an avatar block's title
        ("rendered_magento_rating_result", ["Anna", "Rob"]),  # "Review by" Anna
        ("rendered_bestbuy_rating_with_reviews", ["JaneD", "Mike77"]),  # in "ugc-review-by"
        ("rendered_chrome_store_hashed_author", ["Priya Nair", "Luke Brown"]),  # first in the card
        ("rendered_temu_hashed_cards", ["J**n", "S**a"]),  # a masked name first
    ],
)
def test_reviewers_by_their_label_avatar_or_place_in_the_card(case: str, names: list[str]) -> None:
    assert [r.author_name for r in _reviews(case)] == names


def test_an_avatars_subtitle_is_no_title_and_a_business_first_is_no_reviewer() -> None:
    assert [r.title for r in _reviews("rendered_booking_polish_scores")] == [None, None]
    body = '<h1>Dana R.</h1><div class="review"><a href="/biz/lucky-noodle"><span>Lucky Noodle</span></a><div class="stars" title="4.0 star rating"></div><span>3/3/2024</span><p>Hand pulled noodles with a great chili oil.</p></div><div class="review"><a href="/biz/fish-shack"><span>Fish Shack</span></a><div class="stars" title="2.0 star rating"></div><span>2/14/2024</span><p>Fish tacos were soggy and the fries came out cold.</p></div>'
    assert [r.author_name for r in _read_body("business_first", body).items] == [None, None]
    # a first line of one word is as often a place or a trip's type: no name
    body = '<h1>Hotel</h1><div class="a"><div>Germany</div><div aria-label="5 stars" role="img"></div><div>Mar 3, 2024</div><p>Lovely stay, great breakfast, friendly staff.</p></div><div class="a"><div>France</div><div aria-label="3 stars" role="img"></div><div>Feb 3, 2024</div><p>Small room but a good location near the station.</p></div>'
    assert [r.author_name for r in _read_body("place_first", body).items] == [None, None]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Software Engineer (Former Employee) - Austin, TX - March 3, 2024", "March 3, 2024"),
        ("Sales Associate - 12 February 2024", "12 February 2024"),
        ("Mar 3, 2024 - Edited", "Mar 3, 2024 - Edited"),
        ("Jan 2020 - Mar 2024", "Jan 2020 - Mar 2024"),  # a period: both are dates
    ],
)
def test_the_date_after_the_dashes_of_a_reviewers_line(text: str, want: str) -> None:
    assert review_dates(text)["published_raw"] == want


def test_widgets_reviewers_dates_and_texts() -> None:
    reviews = _reviews("rendered_widget_okendo")
    assert [(r.author_name, r.title, r.published_raw) for r in reviews] == [
        ("Sarah M.", "Perfect summer shirt", "03/03/2024"),
        ("James P.", "Creases a lot", "02/14/2024"),
    ]
    reviews = _reviews("rendered_woocommerce_reviews")
    assert [(r.author_name, r.text) for r in reviews] == [
        ("Anna", "Beautiful glaze and a steady, even pour."),
        ("Ben", "Drips a little from the spout."),
    ]
    # ProvenExpert's "Empfehlungsquote 98 %" is a share, not its score
    agg = _aggregate("rendered_widget_provenexpert")
    assert (agg.rating_value, agg.review_count) == ("4,92", 148)
