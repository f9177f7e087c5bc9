# ruff: noqa: E501  (saved markup reads better unwrapped)
"""The generic reader on the seventh round's miniatures (``generic_shapes_seventh``, issue
15): the reviewer's or the post's tallies beside a rating, count words with an adjective
before them, a trip's date in more languages, star icons marked filled in their name, a
name and a date in one line, a whole score split from its scale, reviewers named
``commenter`` and ``displayname``, and a repository's stars and a Q&A page's votes."""

from __future__ import annotations

import pytest

from spiders.pages.generic.counts import count_in_text
from spiders.pages.generic.dates import review_dates, stay_date
from tests.spiders.pages.test_generic_misreadings import _read as _read_body
from tests.spiders.pages.test_generic_shapes import _aggregate, _read, _reviews


def test_a_reviewers_tallies_beside_a_rating_are_not_its_count() -> None:
    agg = _aggregate("rendered_reviewer_tallies_directory")
    assert (agg.rating_value, agg.review_count) == ("4.5", 328)
    reviews = _reviews("rendered_reviewer_tallies_directory")
    assert [(r.author_name, r.rating_value) for r in reviews] == [
        ("Dee R.", "5.0"),
        ("Hal K.", "2.0"),
    ]
    # a post's "42 likes" beside its "3 comments"
    reviews = _reviews("rendered_book_review_likes")
    assert [(r.author_name, r.rating_value) for r in reviews] == [("Kim", "5"), ("Ravi", "2")]
    # an undated summary keeps its count beside its photos
    body = '<h1>Rosa</h1><div class="biz"><div class="i-stars" title="4.5 star rating"></div><span>328 reviews</span><span>56 photos</span></div>'
    (got,) = _read_body("summary_photos", body).items
    assert (got.kind, got.rating_value, got.review_count) == ("aggregate", "4.5", 328)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("1.234 globale Bewertungen", 1234),
        ("12 weltweite Bewertungen", 12),
        ("1.234 calificaciones globales", 1234),
        ("87 verifizierte Bewertungen", 87),
        ("Kettle K1 review: 4.5 stars?", None),  # a model's name, not a count
        ("X5 ratings", None),
        ("1,234 reviews", 1234),
    ],
)
def test_count_words_with_an_adjective_and_a_models_number(text: str, count: int | None) -> None:
    assert count_in_text(text) == count


def test_a_german_shops_global_count() -> None:
    agg = _aggregate("rendered_amazon_de_global_count")
    assert (agg.rating_value, agg.rating_best, agg.review_count) == ("4,5", "5", 1234)


@pytest.mark.parametrize(
    ("text", "before", "stay"),
    [
        ("Aufenthaltsdatum: März 2024 • Paare", "", True),
        ("März 2024", "Aufenthaltsdatum:", True),
        ("Date du séjour : mars 2024", "", True),
        ("Data del soggiorno: marzo 2024", "", True),
        ("Datum van verblijf: maart 2024", "", True),
        ("Fecha de la estancia: marzo de 2024", "", True),
        ("mars 2024 • En couple", "", True),
        ("Geschrieben am 5. März 2024", "", False),
        ("3. März 2024", "", False),
    ],
)
def test_a_trips_date_in_more_languages(text: str, before: str, stay: bool) -> None:
    assert stay_date(text, before) is stay


def test_a_german_hotel_reviews_own_date_over_its_stay() -> None:
    reviews = _reviews("rendered_tripadvisor_de_stay_date")
    assert [r.published_raw for r in reviews] == [
        "Geschrieben am 5. März 2024",
        "Geschrieben am 20. Februar 2024",
    ]


def test_star_icons_marked_filled_in_their_name_and_a_name_with_its_date() -> None:
    reviews = _reviews("rendered_glued_filled_star_icons")
    assert [(r.rating_value, r.rating_best) for r in reviews] == [("5", "5"), ("3", "5")]
    assert [(r.author_name, r.published_raw) for r in reviews] == [
        ("J***n", "03 Mar 2024"),
        ("M***a", "20 Feb 2024"),
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("J***n | 03 Mar 2024", {"published_raw": "03 Mar 2024", "author_name": "J***n"}),
        ("Anna K. · 3 days ago", {"published_raw": "3 days ago", "author_name": "Anna K."}),
        ("Paris, France · March 2025", None),  # a place
        ("Couples · March 2025", None),  # a trip's type
        ("Verified buyer | 3 Mar 2024", None),
        ("Mon · 3 Mar 2024", None),
        ("Mar 3, 2024 · Edited", None),
    ],
)
def test_a_name_and_a_date_in_one_line(text: str, want: dict | None) -> None:
    assert review_dates(text) == (want or {"published_raw": text})


def test_a_whole_score_split_from_its_scale_in_a_score_element() -> None:
    reviews = _reviews("rendered_score_split_whole_number")
    assert [(r.rating_value, r.rating_best) for r in reviews] == [("10", "10"), ("6", "10")]
    body = '<h1>Bäckerei Korn</h1><div class="review"><div class="rating"><span>4</span><span>von 5</span></div><span>3. März 2024</span><p>Frische Brötchen, nette Bedienung am Morgen.</p></div>'
    (got,) = _read_body("split_von", body, "de").items
    assert (got.kind, got.rating_value, got.rating_best) == ("review", "4", "5")


def test_reviewers_named_commenter_and_displayname() -> None:
    assert [r.author_name for r in _reviews("rendered_commenter_display_name")] == [
        "Mary L.",
        "Bob",
    ]
    assert [r.author_name for r in _reviews("rendered_film_diary_display_name")] == ["kate", "tom"]


@pytest.mark.parametrize(
    "case", ["rendered_repo_stars_no_ratings", "rendered_question_votes_no_ratings"]
)
def test_a_repositorys_stars_and_a_questions_votes_are_no_ratings(case: str) -> None:
    result = _read(case)
    assert result.items == []
    assert len(result.problems) == 1


def test_a_prestashop_shops_data_grade_stars() -> None:
    agg = _aggregate("rendered_prestashop_data_grade")
    assert (agg.rating_value, str(agg.rating_best), agg.review_count) == ("4.5", "5", 2)
    reviews = _reviews("rendered_prestashop_data_grade")
    # "Par Julie" in the element named for the author; the title in <p class="h4">
    assert [(r.author_name, r.title, r.text) for r in reviews] == [
        ("Julie", "Superbe", "Garde bien la chaleur, très belle finition."),
        ("Marc", "Bien", "Un peu lourde mais jolie."),
    ]
    # a grades table's data-grade is no rating: only an element named for stars or a rating
    body = '<h1>Klasse 8b</h1><table><tr><td>Mathe</td><td class="grade" data-grade="2">2</td><td>03.03.2024</td></tr><tr><td>Deutsch</td><td class="grade" data-grade="1.3">1,3</td><td>04.03.2024</td></tr></table>'
    assert _read_body("grades_table", body, "de").items == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Commentaires (2)", 2),
        ("Reviews (12)", 12),
        ("Bewertungen: 1.234", 1234),
        ("Kundenbewertungen (12)", 12),
        ("Rating: 3", None),  # a rating
        ("Bewertung: 4", None),
        ("Read all reviews (12)", None),
    ],
)
def test_a_count_after_its_plural_word(text: str, count: int | None) -> None:
    assert count_in_text(text) == count


def test_a_dutch_travel_period_gives_way_to_the_reviews_own_date() -> None:
    reviews = _reviews("rendered_dutch_travel_period")
    assert [r.published_raw for r in reviews] == [
        "Geschreven op 12 maart 2024",
        "Geschreven op 20 februari 2024",
    ]


def test_a_reviewer_on_the_date_in_one_byline() -> None:
    reviews = _reviews("rendered_shopify_spr_byline")
    assert [(r.author_name, r.published_raw) for r in reviews] == [
        ("Jane", "Mar 03, 2024"),
        ("Mark", "Feb 12, 2024"),
    ]
    assert reviews[1].reply_text == "Thanks Mark, we now sell longer straps."
    # "Posted on" a date names no one
    body = '<h1>Mug</h1><div class="review"><div class="stars" aria-label="5 of 5 stars"></div><span>Posted</span> on <span>Mar 3, 2024</span><p>Lovely mug, keeps the coffee warm all morning.</p></div><div class="review"><div class="stars" aria-label="4 of 5 stars"></div><span>Posted</span> on <span>Mar 4, 2024</span><p>Nice glaze and a good weight in the hand.</p></div>'
    assert [r.author_name for r in _read_body("posted_on", body).items] == [None, None]


def test_a_labelled_count_in_the_next_element() -> None:
    body = '<h1>Harbour Lights – Blue Tide</h1><ul class="statistics"><li><span>Have:</span> <a>1,234</a></li><li><span>Avg Rating:</span> <span>4.35 / 5</span></li><li><span>Ratings:</span> <a>89</a></li></ul>'
    (got,) = _read_body("stats_list", body).items
    assert (got.kind, got.rating_value, got.rating_best, got.review_count) == (
        "aggregate",
        "4.35",
        "5",
        89,
    )


def test_a_name_before_the_date_in_its_line_is_the_last_resort() -> None:
    body = '<h1>X</h1><div class="review"><div class="stars" aria-label="5 of 5 stars"></div><div>Germany · 3 days ago</div><span class="author">Hans</span><p>Great kettle, boils fast and quietly every morning.</p></div><div class="review"><div class="stars" aria-label="4 of 5 stars"></div><div>France · 4 days ago</div><span class="author">Marie</span><p>Good kettle, a bit loud but works well for us.</p></div>'
    reviews = _read_body("place_before_date", body).items
    assert [(r.author_name, r.published_raw) for r in reviews] == [
        ("Hans", "3 days ago"),
        ("Marie", "4 days ago"),
    ]
