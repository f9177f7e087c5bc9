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


def _reviews(case: str) -> list:
    return [i for i in _read(case).items if i.kind == "review"]


def _aggregate(case: str):
    (agg,) = [i for i in _read(case).items if i.kind == "aggregate"]
    return agg


def test_a_shops_reply_is_the_reply_and_the_review_text_is_read_whole() -> None:
    first, second = _reviews("rendered_reviews_with_shop_reply")
    assert first.text == "Der Geschmack war eher flach.\nViele Grüße, Dieter"
    assert first.reply_text.startswith("Hallo Dieter, danke für dein Feedback.")
    assert (first.title, first.author_name, first.review_id) == ("Nicht überzeugend", "D.", "a1f3")
    assert second.text == "Duftet herrlich beim Öffnen.\nSchnell geliefert, gerne wieder."
    assert second.reply_text is None


def test_a_copy_kept_out_of_sight_is_not_a_second_review_and_ids_are_the_reviews() -> None:
    reviews = _reviews("rendered_reviews_lightbox_copy")
    assert [(r.review_id, r.title, r.author_name) for r in reviews] == [
        ("R7QX2", "Tut, was er soll", "Klaus"),
        ("R8KM1", "Zu laut", "Sabine"),
    ]
    assert reviews[0].text == "Saugt gut auf.\nDie Bürste lässt sich leicht reinigen."


def test_dates_kept_in_a_cards_script_and_replies_headed_by_a_label() -> None:
    first, second = _reviews("rendered_cards_dates_in_scripts")
    assert (first.author_name, first.title, first.published_raw) == (
        "Ann Lee",
        "Boxes always on time",
        "2020-04-17T10:22:31Z",
    )
    assert first.reply_text == "Thanks Ann, great to hear that the boxes arrive on time!"
    assert (second.title, second.reply_text) == ("Missing items twice", None)


def test_a_reviewers_count_is_not_an_aggregate_and_an_owners_response_is_the_reply() -> None:
    items = _read("rendered_map_place_reviews").items
    (place,) = [i for i in items if i.kind == "aggregate"]
    assert (str(place.rating_value), place.review_count) == ("4.9", 90)  # not "12 reviews"
    first, second = (i for i in items if i.kind == "review")
    assert first.text == "Very clean, and the staff explained everything twice."
    assert first.reply_text == "Thank you, Priya, for your kind words. We hope to see you again."
    assert (first.published_raw, first.reply_raw_date) == ("a week ago", "5 days ago")
    assert second.text == "Waited two hours past my appointment time."
    assert first.review_id == "ChZDSUhNMG9nS0VJQ0FnSUQ"


def test_quotes_on_a_list_page_belong_to_the_entry_that_holds_them() -> None:
    items = _read("list_page_entries_with_quotes").items
    names = {i.portal_company_id: i.company_name for i in items if i.kind == "aggregate"}
    assert names == {
        "la-noria": "Hostal La Noria",  # the card's heading, not heading + subtitle
        "matias": "Hotel Matias",
        "molino": "El Molino",
        "vereda": "La Vereda",
        "alba": "Albamanjon",
    }
    quotes = [(r.portal_company_id, r.author_name, r.text) for r in items if r.kind == "review"]
    assert quotes == [
        ("la-noria", "Arreaza", "Juan is an exceptional host, we loved the garden."),
        ("matias", "Bart", "Quiet rooms and a very good breakfast."),
    ]
    assert all(i.extra["listed"] for i in items)


def test_a_map_entry_is_named_by_its_place_not_by_its_url_parameters() -> None:
    items = _read("map_results_place_links").items
    assert [(i.portal_company_id, str(i.rating_value), i.review_count) for i in items] == [
        ("Lakeside Clinic", "4.9", 90),
        ("City Hospital", "4.3", 103),
        ("Park Hospital", "4.7", 7377),
        ("North Clinic & Labs", "4.4", 1606),
        ("Riverside Care", "4.6", 13568),
    ]


def test_pros_and_cons_are_read_as_pros_and_cons() -> None:
    first, second = _reviews("next_data_apollo_cache")
    assert (first.title, first.pros, first.cons, first.text) == (
        "Good place to learn",
        "Training",
        "Pay",
        None,
    )
    assert (second.pros, second.cons) == ("Colleagues", "Hours")


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


def test_a_card_rated_on_several_scales_is_one_review_with_sub_ratings() -> None:
    reviews = [i for i in _read("rendered_cards_several_ratings").items if i.kind == "review"]
    assert [r.sub_ratings for r in reviews] == [
        {"Ease of Use": "4.0", "Customer Service": "5.0"},
        {"Ease of Use": "3.0", "Customer Service": "1.0"},
    ]
    assert [r.author_name for r in reviews] == ["Jane D.", "Mark S."]
    # The words after the "Overall:" label are the review's text.
    assert reviews[1].text.endswith("The pricing went up every year and support was slow.")


def test_a_count_shown_rounded_is_read_times_its_unit_and_flagged() -> None:
    for case, count in (
        ("rendered_app_store_developer_response", 12300),  # "12.3K Ratings"
        ("rendered_play_store_rounded_count", 1230000),  # "1,23 Mio. Rezensionen"
    ):
        (aggregate,) = [i for i in _read(case).items if i.kind == "aggregate"]
        assert (aggregate.review_count, aggregate.flags) == (count, ["count_rounded"])
    exact = [i for i in _read("rendered_star_glyphs_two_decimal_scale").items]
    assert all("count_rounded" not in i.flags for i in exact)  # "1.234 Bewertungen"


def test_a_reply_headed_apart_from_its_text_is_the_reply() -> None:
    first, second = _reviews("rendered_app_store_developer_response")
    assert (first.author_name, first.title) == ("harbourfox", "Never miss low tide")
    assert first.text == "The alarms before low tide are exactly what our dog walks needed."
    assert (first.reply_text, first.reply_raw_date) == (
        "Thanks a lot, happy walks to you both!",
        "03/05/2024",
    )
    assert (second.author_name, second.reply_text) == ("m.ortega", None)


def test_scales_stated_in_words_glyphs_and_suns() -> None:
    play = _reviews("rendered_play_store_rounded_count")  # "von fünf Sternen"
    glyphs = _reviews("rendered_star_glyphs_two_decimal_scale")  # ★★☆☆☆
    suns = _reviews("rendered_suns_of_six")  # "3,2 / 6 Sonnen"
    assert [(str(r.rating_value), str(r.rating_best)) for r in play + glyphs + suns] == [
        ("4", "5"),
        ("1", "5"),
        ("5", "5"),
        ("2", "5"),
        ("5,0", "6"),
        ("3,2", "6"),
    ]
    assert all("scale_inferred" not in r.flags for r in play + glyphs + suns)


def test_ratings_without_a_scale_share_the_pages_one() -> None:
    items = _read("rendered_scored_ten_point_liked_disliked").items
    assert [(str(i.rating_value), i.rating_best) for i in items] == [
        ("8.6", 10),
        ("9.0", 10),
        ("5.0", 10),  # on 1-10 like the page's other scores, not 5 of 5
    ]
    assert all("scale_inferred" in i.flags for i in items)
    first, second = (i for i in items if i.kind == "review")
    assert (first.pros, first.cons, first.text) == (
        "Great breakfast and a view of the sea from the balcony.",
        "The lift was slow.",
        None,
    )
    assert (second.pros, second.cons) == (
        None,
        "The street noise kept us awake every night of the week.",
    )


def test_pros_and_cons_sections_end_at_the_next_heading() -> None:
    first, second = _reviews("rendered_pros_cons_sections")
    assert first.pros == "Drag and drop rota, the mobile app shows swaps right away."
    assert first.cons == "Reports export only as PDF, we need spreadsheets."  # not the reasons
    assert first.text.endswith("We moved forty staff onto it in a week and nobody missed a shift.")
    assert (second.pros, second.cons, second.text) == (
        "Easy to set up.\nFriendly support team.",
        "The price went up twice this year.",
        None,
    )


def test_a_reviewers_page_gives_each_review_of_the_business_it_names() -> None:
    reviews = _reviews("rendered_reviewer_page_businesses")
    assert [(r.portal_company_id, r.company_name, r.company_url) for r in reviews] == [
        ("lucky-noodle-san-diego", "Lucky Noodle", "/biz/lucky-noodle-san-diego"),
        ("harbor-fish-shack-san-diego", "Harbor Fish Shack", "/biz/harbor-fish-shack-san-diego"),
    ]
    assert all(r.extra["listed"] and r.author_name is None for r in reviews)


def test_a_count_apart_from_its_words_is_the_aggregates_count_not_a_rating() -> None:
    items = _read("rendered_count_apart_from_words").items
    assert [(i.kind, str(i.rating_value), i.review_count) for i in items] == [
        ("aggregate", "4.50", 2),  # "(<span class="count">2</span> customer reviews)"
        ("review", "5", None),
        ("review", "4", None),
    ]


def test_a_value_in_a_childs_title_and_pros_and_cons_named_by_their_class() -> None:
    first, second = _reviews("rendered_value_class_named_pros_cons")
    assert (first.pros, first.cons, first.text) == (
        "Smart colleagues and good training programs.",
        "Long hours during quarter close.",
        None,
    )
    assert (first.title, first.author_name, first.review_id) == (
        '"Great place to start"',
        "Current Employee - Analyst",  # what the site shows of its reviewers
        "empReview_111",
    )
    assert (second.pros, second.cons) == (
        "The pay was fine for the area.",
        "Priorities changed every single week.",
    )


def test_dates_and_words_of_more_languages() -> None:
    from spiders.pages.generic.counts import count_in_text
    from spiders.pages.generic.shown import looks_like_date, rating_in_text

    for shown in (
        "há uma semana",
        "2 tygodnie temu",
        "för 2 veckor sedan",
        "for en uge siden",
        "1 hafta önce",
        "3 de março de 2024",
    ):
        assert looks_like_date(shown), shown
    assert not looks_like_date("Não há estacionamento")  # "há" alone is no date
    assert rating_in_text("4 stjärnor") == ("4", None)
    assert count_in_text("1.234 avaliações") == 1234
    first, second = _reviews("rendered_map_reviews_portuguese")
    assert [r.published_raw for r in (first, second)] == ["há uma semana", "há 3 meses"]


def test_a_scale_in_the_element_after_the_score_is_the_stated_scale() -> None:
    items = _read("rendered_score_scale_in_next_element").items
    assert [(str(i.rating_value), i.rating_best, i.flags) for i in items] == [
        ("7.4", "10", ["count_rounded"]),  # "12K ratings"
        ("9", "10", []),
        ("4", "10", []),  # 4 of 10, stated, not inferred
    ]


def test_words_that_only_look_like_a_scale_are_no_rating() -> None:
    from spiders.pages.generic.shown import rating_in_text

    assert rating_in_text("Note : 4 sur cinq étoiles") == ("4", "5")
    assert rating_in_text("Part 3 of five") is None  # a scale in words needs its stars
    assert rating_in_text("Mo-Sa 9:00 Sonne") is None  # a time, not suns
    assert rating_in_text("★★") is None  # two glyphs are an icon, not a rating
    assert rating_in_text("Scored 8.6") == ("8.6", None)


def test_a_reply_with_a_text_of_its_own_is_not_replaced_by_what_follows_it() -> None:
    from lxml import html

    from spiders.pages.generic.blocks import _REPLY_LABEL
    from spiders.pages.generic.parts import reply_body

    block = html.fromstring(
        '<div><div class="reply"><b>Response from the owner</b> <span>5 days ago</span>'
        "<p>Thanks a lot!</p></div><div>Was this review helpful to you?</div></div>"
    )
    assert reply_body(block[0], set(), _REPLY_LABEL.match) is None
    block[0].remove(block[0][2])  # heading and date only: the reply's text is the next element
    assert reply_body(block[0], set(), _REPLY_LABEL.match) is block[1]


def test_a_short_list_gives_each_entry_and_an_svg_title_names_no_page() -> None:
    entries = _read("rendered_bubble_list_short").items
    assert [(i.kind, i.company_name, str(i.rating_value), i.review_count) for i in entries] == [
        ("aggregate", "Blue Anchor", "4.5", 1234),
        ("aggregate", "Salt House", "4.0", 87),
        ("aggregate", "Pier Grill", "3.5", 402),
    ]
    assert all(i.extra["listed"] for i in entries)
    # One rated product page is not a list: its related items follow its own aggregate.
    (own,) = [i for i in _read("rendered_product_page_out_of").items if i.kind == "aggregate"]
    assert not own.extra.get("listed")


def test_authors_named_by_a_profile_link_or_a_name_heading() -> None:
    yelp = _reviews("rendered_yelp_business_hashed")
    assert [r.author_name for r in yelp] == ["Maya R.", "Greg T."]
    maps = _reviews("rendered_map_reviews_count_in_parens")
    assert [r.author_name for r in maps] == ["Nora P.", "Sam K."]
    assert maps[0].reply_text == "Thanks Nora, come by for the reading night in spring!"
    hosts = _reviews("rendered_host_reviews_name_heading")
    assert [(r.author_name, r.title) for r in hosts] == [("Julia", None), ("Marco", None)]
    # A heading the markup names a title stays the title, even when it is one word.
    trust = _reviews("rendered_trustpilot_old_layout")
    assert [(r.author_name, r.title) for r in trust] == [
        ("Helen W.", "Smooth booking"),
        ("Omar F.", "Refund took months"),
    ]


def test_a_verdict_heading_above_the_date_stays_the_title() -> None:
    # The host-review shape with its names replaced by one- and two-word verdicts.
    html = generic_shapes.SHAPES["rendered_host_reviews_name_heading"]
    html = html.replace(">Julia<", ">Excellent<").replace(">Marco<", ">Five Stars<")
    body = html.encode()
    result = parse_page(
        "generic",
        body,
        generic_shapes.BASE + "verdict-headings",
        portal="generic",
        fetched_at="2026-11-23T09:00:00Z",
        response_sha256=hashlib.sha256(body).hexdigest(),
    )
    reviews = [i for i in result.items if i.kind == "review"]
    assert [(r.author_name, r.title) for r in reviews] == [
        (None, "Excellent"),
        (None, "Five Stars"),
    ]


def test_a_relative_date_gives_way_to_the_day_the_markup_keeps() -> None:
    first, second = _reviews("rendered_trustpilot_old_layout")
    assert first.published_raw == "2024-03-03T10:15:00.000Z"  # not "Reviewed 3 days ago"
    assert second.published_raw == "Feb 20, 2024"
    maps = _reviews("rendered_map_reviews_count_in_parens")
    assert [r.published_raw for r in maps] == ["2 months ago", "a year ago"]  # nothing kept


def test_japanese_chinese_and_korean_stars_counts_and_dates() -> None:
    from spiders.pages.generic.counts import count_in_text
    from spiders.pages.generic.shown import looks_like_date, pick_date, rating_in_text

    assert rating_in_text("5つ星のうち4.5") == ("4.5", "5")
    assert rating_in_text("5つ星のうち6.0") is None  # above its scale
    assert count_in_text("1,234個の評価") == 1234
    for shown in (
        "2024年3月3日に日本でレビュー済み",
        "2024年3月",
        "2024년 3월 3일",
        "3日前",
        "2週間前",
    ):
        assert looks_like_date(shown), shown
    assert not looks_like_date("前の商品")  # "before" alone is no date
    kept = lambda: "2024-03-03T10:15:00Z"  # noqa: E731  (the day a <time datetime> keeps)
    assert pick_date("3日前", kept) == "2024-03-03T10:15:00Z"
    assert pick_date("2024年3月3日", kept) == "2024年3月3日"
    assert pick_date("Reviewed 3 days ago", lambda: None) == "Reviewed 3 days ago"
