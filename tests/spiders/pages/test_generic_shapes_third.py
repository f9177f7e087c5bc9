"""The generic reader on the third round's miniatures (``generic_shapes``, issue 15):
TripAdvisor's review pages, a Trusted Shops widget, Etsy, Glassdoor's 2023 layout,
eBay's feedback, Google Shopping: the parts besides the ratings that
``test_generic_shapes`` does not check."""

from __future__ import annotations

from tests.spiders.pages.test_generic_shapes import _read, _reviews


def test_a_travel_review_page_gives_ids_titles_and_the_written_date() -> None:
    first, second = _reviews("rendered_tripadvisor_review_page")
    assert (first.review_id, first.title) == ("901234", "Perfect weekend by the sea")
    assert (second.review_id, second.title) == ("901235", "Noisy and tired rooms")
    assert first.text == "Room facing the harbour, quiet at night and a generous breakfast."
    (agg,) = [i for i in _read("rendered_tripadvisor_review_page").items if i.kind == "aggregate"]
    assert agg.company_name == "Harbour View Hotel"


def test_bubbles_in_an_svg_title_and_the_trip_date_giving_way() -> None:
    first, second = _reviews("rendered_tripadvisor_review_cards_svg")
    assert (first.author_name, first.title, first.review_id) == (
        "Anna T",
        "Best soup in town",
        "77001",
    )
    assert (second.published_raw, second.title) == ("Written February 20, 2024", "Slow service")
    assert first.text == "The mushroom soup and fresh bread were excellent."


def test_a_date_right_after_the_reviewers_link_and_their_profile() -> None:
    first, second = _reviews("rendered_etsy_shop_reviews")
    assert (first.author_name, first.published_raw) == ("Jane S", "Mar 3, 2024")
    assert (second.author_name, second.text) == (
        "Mike K",
        "Nice wood, but smaller than I expected.",
    )


def test_an_overall_rating_class_and_named_pros_and_cons_without_the_job_title() -> None:
    first, second = _reviews("rendered_glassdoor_new_layout")
    assert (first.title, first.pros, first.cons, first.text) == (
        "Good place to grow",
        "Smart colleagues and lots of mentoring.",
        "Pay is below the market rate.",
        None,
    )
    assert (second.pros, second.cons) == (
        "Good benefits package.",
        "Management changes every quarter.",
    )


def test_feedback_verdicts_are_three_levels_and_a_share_is_no_aggregate() -> None:
    items = _read("rendered_ebay_feedback").items
    assert [(i.kind, str(i.rating_value), str(i.rating_best)) for i in items] == [
        ("review", "3", "3"),
        ("review", "1", "3"),
    ]
    assert [i.published_raw for i in items] == ["Past month", "Past 6 months"]
    assert items[0].text == "Fast shipping, item as described."
    assert [i.author_name for i in items] == ["b***r", "k***m"]  # without "(312)", their score


def test_a_widgets_score_and_its_decimal_scale_in_two_elements() -> None:
    (agg,) = [i for i in _read("rendered_trusted_shops_widget").items if i.kind == "aggregate"]
    assert (agg.company_name, str(agg.rating_value), str(agg.rating_best)) == (
        "Kaffeehaus Müller",
        "4,89",
        "5",
    )


def test_review_widgets_give_their_reviewers_and_titles() -> None:
    # Bazaarvoice names a reviewer in the button to their profile, PowerReviews after a
    # "By" of its own; Yotpo and Judge.me by class. A helpfulness button names no one.
    expected = {
        "rendered_widget_bazaarvoice": [("Sam K.", "Boils in no time"), ("Lena M.", "Lid broke")],
        "rendered_widget_powerreviews": [("Sam", "Warm and light"), ("Kim", "Sleeves run long")],
        "rendered_widget_yotpo": [("Ana P.", "Smooth every time"), ("Tom R.", "Filter tore")],
        "rendered_widget_judgeme": [("Jana K.", "Toller Espresso"), ("Max B.", "Etwas zu dunkel")],
    }
    for case, people in expected.items():
        assert [(r.author_name, r.title) for r in _reviews(case)] == people, case
    assert [r.review_id for r in _reviews("rendered_widget_yotpo")] == ["5501", "5502"]
    first = _reviews("rendered_widget_bazaarvoice")[0]
    assert first.text == "Boils a full litre in under two minutes and the handle stays cool."


def test_a_reviewer_in_a_maps_profile_button() -> None:
    assert [r.author_name for r in _reviews("rendered_map_place_reviews")] == ["Priya S.", "Tom R."]


def test_a_german_school_grade_runs_from_6_worst_to_1_best() -> None:
    items = _read("rendered_german_grade_note").items
    assert [(i.kind, str(i.rating_value), i.rating_worst, i.rating_best) for i in items] == [
        ("aggregate", "1,2", 6, 1),
        ("review", "1,0", 6, 1),
        ("review", "4,6", 6, 1),
    ]
    assert {type(i.rating_value) for i in items} == {str}
