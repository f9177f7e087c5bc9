# ruff: noqa: E501  (saved markup reads better unwrapped)
"""The generic reader on the sixth round's miniatures (``generic_shapes_sixth``, issue
15): scales said in more languages, a hotel's class, a score beside its plain "/5", a score
and its count in one text, parts wrapped in containers named for them, reviewers named in
other languages, and thumbs verdicts that are no ratings."""

from __future__ import annotations

import pytest

from spiders.pages.generic.counts import count_in_text, rating_before_count
from spiders.pages.generic.dates import review_dates
from spiders.pages.generic.parts import may_be_text
from spiders.pages.generic.shown import looks_like_date, rating_in_text
from tests.spiders.pages.test_generic_misreadings import _read as _read_body
from tests.spiders.pages.test_generic_shapes import _aggregate, _read, _reviews


@pytest.mark.parametrize(
    ("text", "rating"),
    [
        ("Gemiddeld 4,5 van de 5 sterren", ("4,5", "5")),
        ("Beoordeeld met 2 van de 5 sterren", ("2", "5")),
        ("4,5 uit 5", ("4,5", "5")),
        ("4,5 av 5 stjärnor", ("4,5", "5")),
        ("4 ud af 5 stjerner", ("4", "5")),
        ("4,5 od 5", ("4,5", "5")),
        ("4,5 din 5", ("4,5", "5")),
    ],
)
def test_a_scale_said_in_more_languages(text: str, rating: tuple[str, str]) -> None:
    assert rating_in_text(text) == rating


@pytest.mark.parametrize(
    "text",
    [
        "4 van de 5 klanten raden dit aan",
        "Pagina 2 van de 5",
        "4.0 star property",
        "5-star accommodation",
        "Hôtel 4 étoiles",
        "Hotel de 4 estrellas",
        "4 · 12 reviews",
    ],
)
def test_a_share_a_hotels_class_or_a_reviewers_line_is_no_rating(text: str) -> None:
    assert rating_in_text(text) is None


def test_a_dutch_shops_ratings_van_de_five() -> None:
    agg = _aggregate("rendered_dutch_van_de_five")
    assert (agg.rating_value, agg.rating_best, agg.review_count) == ("4,5", "5", 123)
    reviews = _reviews("rendered_dutch_van_de_five")
    assert [(r.rating_value, r.rating_best) for r in reviews] == [("5", "5"), ("2", "5")]
    # data-test="review-author-name" names the reviewer
    assert [r.author_name for r in reviews] == ["Kees", "Marieke"]


def test_a_hotels_class_is_not_its_guests_rating() -> None:
    agg = _aggregate("rendered_hotel_class_property")
    assert (agg.rating_value, agg.rating_best, agg.review_count) == ("9.2", "10", 1024)


def test_a_score_with_a_plain_scale_in_the_next_element() -> None:
    agg = _aggregate("rendered_score_then_plain_scale")
    assert (agg.rating_value, agg.rating_best, agg.review_count) == ("4,6", "5", 1234)
    assert agg.company_name == "Maison Duval"
    body = '<h1>Tour Nord</h1><div class="gallery"><span class="index">1</span><span>/ 5</span></div><div class="score"><span class="value">8.1</span><span>/10</span> <span>2,345 ratings</span></div>'
    (got,) = _read_body("imdb_like", body).items
    assert (got.kind, got.rating_value, got.rating_best, got.review_count) == (
        "aggregate",
        "8.1",
        "10",
        2345,
    )


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("4.7 • 12.3K Ratings", "4.7"),
        ("4.92 · 128 reviews", "4.92"),
        ("★ 4,6 | 1.234 avis", "4,6"),
        ("4 · 12 reviews", None),  # a whole number: a reviewer's line as often as a score
        ("4.7 · Open now", None),
    ],
)
def test_a_score_before_its_count_in_one_text(text: str, score: str | None) -> None:
    assert rating_before_count(text) == score


def test_an_app_stores_score_and_rounded_count_in_one_text() -> None:
    agg = _aggregate("rendered_score_dot_count")
    assert (agg.rating_value, agg.review_count, "count_rounded" in agg.flags) == (
        "4.7",
        12300,
        True,
    )
    assert [r.rating_value for r in _reviews("rendered_score_dot_count")] == ["4", "1"]


def test_parts_wrapped_in_containers_named_for_them() -> None:
    first, second = _reviews("rendered_plugin_wrapped_parts")
    assert (first.author_name, second.author_name) == ("Emma", "Dan")
    assert (first.title, second.title) == ("Lovely scones", "Slow")  # "Slow" is no reviewer
    # the reply's heading in a paragraph of its own is not its text
    assert first.reply_text == "Thank you Emma!"


def test_reviewers_named_in_other_languages() -> None:
    reviews = _reviews("rendered_italian_author_class")
    assert [r.author_name for r in reviews] == ["Giulia", "Marco"]
    for cls, lang in (("auteur", "fr"), ("autor", "es"), ("nombre", "es"), ("naam", "nl")):
        body = f'<div class="rv" id="a1"><span class="stars" aria-label="4 of 5"></span><span class="{cls}">Ana P.</span> <span class="date">12/03/2025</span><p class="txt">Muy buen servicio, volveré pronto.</p></div>'
        (review,) = _read_body(f"author_{cls}", body, lang).items
        assert review.author_name == "Ana P.", cls


def test_thumbs_verdicts_and_percent_scores_are_no_ratings() -> None:
    result = _read("rendered_thumbs_verdicts_only")
    assert result.items == []
    assert [p.split(":")[0] for p in result.problems] == ["no ratings found"]
    body = '<h1>Harbour Lights</h1><div class="scores"><span class="critics">91%</span> Tomatometer <a>245 Reviews</a> <span class="audience">78%</span> Popcornmeter <a>10,000+ Ratings</a></div><p class="spec">Rating: IP67</p><a href="#comments">5 comments</a>'
    result = _read_body("percent_scores", body)
    assert result.items == []


def test_a_verdict_line_is_no_reviews_text() -> None:
    reviews = _reviews("rendered_recommend_verdict_line")
    assert [r.text for r in reviews] == [
        "Bright, sharp, and the setup took ten minutes.",
        "The remote stopped working after a week.",  # not "No, I would not recommend ..."
    ]


def test_a_field_and_the_reviewers_role_are_no_reviews_text() -> None:
    first, second = _reviews("rendered_saas_fields_and_role")
    assert (first.text, second.text) == (None, None)  # not "Used the software for: ..."
    assert (first.pros, first.cons) == (
        "Boards are quick to set up and everyone gets it.",
        "Mobile app is slow.",
    )
    assert (first.author_name, second.author_name) == ("Anna K.", "Luis M.")


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Used the software for: 1-2 years", True),
        ("Fit: True to size", True),
        ("No, I would not recommend this to a friend", True),
        ("Ich würde dieses Produkt weiterempfehlen", True),
        ("Overall: Great product, works well.", False),
        ("I would recommend this to anyone who needs a quiet fridge, it is great.", False),
    ],
)
def test_fields_and_verdicts_beside_a_review(text: str, field: bool) -> None:
    assert may_be_text(text, "") is not field


def test_a_reviewer_named_nick() -> None:
    assert [r.author_name for r in _reviews("rendered_polish_nick")] == ["Kasia", "Piotr"]


@pytest.mark.parametrize(
    "text",
    [
        "Rated 230 V",
        "Rated 13 A",
        "Water rating 5 ATM",
        "Rating 30 °C",
        "Score: 1200 points",
        "Rated 5 minutes to boil",
    ],
)
def test_an_electrical_or_technical_rating_is_no_rating(text: str) -> None:
    assert rating_in_text(text) is None


def test_a_spec_sheet_shows_no_ratings() -> None:
    result = _read("rendered_spec_sheet_no_ratings")
    assert result.items == []
    assert [p.split(":")[0] for p in result.problems] == ["no ratings found"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("1 234 vélemény", 1234),
        ("12 értékelés", 12),
        ("57 recenzii", 57),
        ("19 arvostelua", 19),
        ("123 recensioner", 123),
        ("45 отзывов", 45),
        ("1.234 opiniões", 1234),
    ],
)
def test_counts_in_more_languages(text: str, count: int) -> None:
    assert count_in_text(text) == count


@pytest.mark.parametrize(
    ("text", "date"),
    [("2025. 03. 03.", True), ("2025.3.3.", True), ("2025. március 3.", True), ("2024.1.2", False)],
)
def test_dates_with_the_year_first_and_dotted_parts(text: str, date: bool) -> None:
    assert looks_like_date(text) is date


def test_a_hungarian_portals_reviews() -> None:
    reviews = _reviews("rendered_hungarian_dotted_dates")
    assert [(r.author_name, r.published_raw) for r in reviews] == [
        ("Kovács Anna", "2025. 03. 03."),
        ("Nagy Péter", "2025. 02. 11."),
    ]


@pytest.mark.parametrize(
    ("text", "rating"),
    [
        ("4,5 из 5", ("4,5", "5")),
        ("Оценка 5 из 5", ("5", "5")),
        ("4 з 5 зірок", ("4", "5")),
        ("★ 4.92", ("4.92", None)),
        ("4,8 ⭐", ("4,8", None)),
        ("3 из 5 покупателей рекомендуют", None),
        ("Страница 2 из 5", None),
        ("★ 12", None),  # a repository's stars: a count
        ("★ 5.5", None),
    ],
)
def test_cyrillic_scales_and_a_score_beside_one_star(text: str, rating) -> None:
    assert rating_in_text(text) == rating


@pytest.mark.parametrize(
    "text", ["3 марта 2025", "12 жовтня 2024", "11 lutego 2025", "3 maja 2025", "3. března 2025"]
)
def test_dates_with_slavic_month_names(text: str) -> None:
    assert looks_like_date(text)


def test_a_russian_shops_reviews() -> None:
    reviews = _reviews("rendered_russian_iz_five")
    assert [(r.author_name, r.rating_value, r.published_raw) for r in reviews] == [
        ("Ольга", "5", "3 марта 2025"),
        ("Дмитрий", "2", "11 февраля 2025"),
    ]


def test_a_score_after_one_star_glyph() -> None:
    agg = _aggregate("rendered_star_glyph_score")
    assert (agg.rating_value, agg.review_count, agg.company_name) == ("4.92", 128, "Sea view loft")


def test_a_web_components_own_attribute_and_no_percent_score() -> None:
    result = _read("rendered_web_component_score")
    assert [i.kind for i in result.items] == ["review", "review"]  # "91%", "78%": no aggregate
    assert [(r.rating_value, r.author_name) for r in result.items] == [
        ("4.5", "Ann B"),
        ("2", "Carl D"),
    ]
    body = '<form><input type="range" name="score" value="4"></form><ul><li value="3">Third</li></ul><div class="rv"><score-board score="7"></score-board></div>'
    assert [p.split(":")[0] for p in _read_body("plain_values", body).problems] == [
        "no ratings found"
    ]


def test_the_orders_day_after_the_reviews_own_in_one_line() -> None:
    reviews = _reviews("rendered_score_then_plain_scale")
    assert [(r.published_raw, r.experienced_raw) for r in reviews] == [
        ("publié le 12/03/2025", "02/03/2025"),
        ("publié le 01/02/2025", "20/01/2025"),
    ]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (
            "Bewertet am 12.03.2025 nach Kauf am 02.03.2025",
            ("Bewertet am 12.03.2025", "02.03.2025"),
        ),
        (
            "Reviewed on March 12, 2025 after a purchase on March 2, 2025",
            ("Reviewed on March 12, 2025", "March 2, 2025"),
        ),
        ("Reviewed in the United States on August 2, 2021", None),
        ("suite à une commande du 02/03/2025", None),  # the order's day alone
    ],
)
def test_a_date_line_with_the_orders_day(text: str, dates) -> None:
    got = review_dates(text)
    want = (
        {"published_raw": text}
        if dates is None
        else dict(zip(("published_raw", "experienced_raw"), dates, strict=True))
    )
    assert got == want


def test_a_name_heading_above_a_line_about_the_reviewer_and_the_date() -> None:
    reviews = _reviews("rendered_name_heading_above_reviewer_line")
    assert [(r.author_name, r.title) for r in reviews] == [("Laura", None), ("Tom", None)]
