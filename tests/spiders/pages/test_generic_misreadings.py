# ruff: noqa: E501  (markup reads better unwrapped)
"""Pages that look like reviews to a careless reader and are not, or that a rule
for another portal's shape misread (a second read of issue 15's rules): sections
that ran past a review's date, score classes taken for counts, distances and
comments taken for review counts, stars put on 1-10, a reviewer's employer taken
for the reviewed business, sentences taken for dates, prices, goals, asterisms,
weather suns and headlines taken for ratings; and of the second round's rules (13-18):
sub-scores taken for a precise aggregate, a reply's date for the review's, "Follow" and
"Log in" links for reviewers, verdict titles for names, a related strip for a list,
Japanese sentences for dates. Hand-written miniatures."""

from __future__ import annotations

import hashlib

import pytest

from spiders.pages import parse_page
from spiders.pages.generic.counts import rounded_count
from spiders.pages.generic.shown import looks_like_date, rating_in_text


def _read(name: str, body: str, lang: str = "en"):
    page = f'<!doctype html><html lang="{lang}"><head><title>T</title></head><body>{body}</body></html>'
    raw = page.encode()
    return parse_page(
        "generic",
        raw,
        f"https://example.com/{name}.html",
        portal="generic",
        fetched_at="2026-11-23T09:00:00Z",
        response_sha256=hashlib.sha256(raw).hexdigest(),
    )


def _summary(item) -> tuple:
    return (
        item.kind,
        str(item.rating_value),
        str(item.rating_best),
        item.review_count,
        item.published_raw,
    )


# name -> (lang, body, [(kind, value, best, count, date), ...]): what a person reads off it.
READ_RIGHT: dict[str, tuple[str, str, list[tuple]]] = {
    # 1. A date or author after "Cons" ends the section (it is no con).
    "date_after_cons": (
        "en",
        '<div class="review"><span class="rating">Rated 4 out of 5</span><p>Great tool overall for our whole team and clients.</p><h4>Pros</h4><p>Fast.</p><h4>Cons</h4><p>Pricey.</p><span class="date">March 4, 2024</span></div>',
        [("review", "4", "5", None, "March 4, 2024")],
    ),
    "pros_heading_then_date": (
        "en",
        '<div class="posts"><article class="post"><h2>Pros and cons of remote work</h2><time>March 3, 2024</time><p>Rated 4 stars by readers.</p><p>An essay about remote work and how teams can handle it.</p></article><article class="post"><h2>Pros</h2><time>March 4, 2024</time><p>Rating: 3</p><p>Some text about the pros of things in general is here.</p></article></div>',
        [("review", "4", "5", None, "March 3, 2024"), ("review", "3", "5", None, "March 4, 2024")],
    ),
    # 2. A score's class that says "number" or "total" is the score, not a count.
    "rating_number_class": (
        "en",
        '<div class="summary"><h1>Acme</h1><div class="rating-number">4.5</div><span>120 reviews</span></div>',
        [("aggregate", "4.5", "5", 120, None)],
    ),
    "total_score_class": (
        "en",
        '<div class="summary"><h1>Acme</h1><span class="total-score">8.6</span><span>120 reviews</span></div>',
        [("aggregate", "8.6", "10", 120, None)],
    ),
    # 4. "N stars" stays on 1-5 beside a "Scored 9.0"; "Rated 10 times" is no rating.
    "stars_beside_scored": (
        "en",
        '<div class="review"><span class="author">Ann</span><span class="stars">5 stars</span><span class="date">March 4, 2024</span><p>Lovely place, we will come back again next summer.</p></div><div class="review"><span class="author">Bob</span><span class="stars">4 stars</span><span class="date">March 5, 2024</span><p>Good food but the service was a little slow that night.</p></div><div class="review"><span class="author">Cy</span><span class="score" aria-label="Scored 9.0">9.0</span><span class="date">March 6, 2024</span><p>Been here so often, always good and friendly staff.</p></div>',
        [
            ("review", "5", "5", None, "March 4, 2024"),
            ("review", "4", "5", None, "March 5, 2024"),
            ("review", "9.0", "10", None, "March 6, 2024"),
        ],
    ),
    "rated_times": (
        "en",
        '<div class="review"><span class="author">Ann</span><span class="stars">5 stars</span><span class="date">March 4, 2024</span><p>Lovely place, we will come back again next summer.</p></div><div class="review"><span class="author">Bob</span><span class="stars">4 stars</span><span class="date">March 5, 2024</span><p>Good food but the service was a little slow that night.</p></div><div class="review"><span class="author">Cy</span><span class="stars">Rated 10 times</span><span class="date">March 6, 2024</span><p>Been here so often, always good and friendly staff.</p></div>',
        [("review", "5", "5", None, "March 4, 2024"), ("review", "4", "5", None, "March 5, 2024")],
    ),
    # 6. A sentence with "Há 3 anos" or "Temu" is no date.
    "pt_sentence_not_a_date": (
        "pt",
        '<div class="review"><span class="rating">5 de 5</span><p>Há 3 anos que sou cliente, recomendo.</p><span class="date">12 de março de 2024</span><p>Sempre entregam no prazo e o atendimento é muito bom mesmo.</p></div>',
        [("review", "5", "5", None, "12 de março de 2024")],
    ),
    "temu_not_a_date": (
        "en",
        '<div class="review"><span class="rating">Rated 4 out of 5</span><p>Cheaper than on Temu.</p><span class="date">March 4, 2024</span><p>Arrived quickly and works well, would buy again from this shop.</p></div>',
        [("review", "4", "5", None, "March 4, 2024")],
    ),
    # 13. (m2's rules) A whole number off a star class keeps its value beside sub-scores,
    # another entry's precise rating, or a sentence's number.
    "precise_among_subscores": (
        "en",
        '<div class="hotel"><h1>Hotel Seeblick</h1><div class="sum"><div class="star-rating count-4"></div><span>1,204 reviews</span><ul class="sub"><li>Location <span>4.4 out of 5</span></li><li>Rooms <span>3.6 out of 5</span></li></ul></div></div>',
        [("aggregate", "4", "5", 1204, None)],
    ),
    "precise_in_a_sentence": (
        "en",
        '<div class="product"><h1>Kettle</h1><div class="summary"><div class="stars stars-4"></div><a href="#reviews">120 reviews</a></div><div class="compare"><span>Compared with similar kettles: 4.5 out of 5</span></div></div>',
        [("aggregate", "4", "5", 120, None)],
    ),
    # 14. A relative date gives way only to the day its own element keeps, not a
    # reply's <time>, an edit's title or a trip's data-date.
    "relative_date_beside_a_replys_time": (
        "en",
        '<div class="review"><span class="author">Ann</span><span class="stars" aria-label="4 out of 5 stars"></span><span class="date">3 days ago</span><p>The room was clean and the staff were friendly all week long.</p><div class="reply"><p>Thanks Ann, see you soon again at our place!</p><time datetime="2024-03-10">March 10, 2024</time></div></div><div class="review"><span class="author">Bob</span><span class="stars" aria-label="2 out of 5 stars"></span><span class="date">a week ago</span><p>The room was clean and the staff were friendly all week long.</p><div class="reply"><p>Sorry Bob, please contact us directly.</p><time datetime="2024-02-10">February 10, 2024</time></div></div>',
        [("review", "4", "5", None, "3 days ago"), ("review", "2", "5", None, "a week ago")],
    ),
    "relative_date_beside_an_edit": (
        "en",
        '<div class="review"><span class="author">Ann</span><span class="stars" aria-label="4 out of 5 stars"></span><span class="date">2 weeks ago</span><span class="edit" title="2024-01-05">edited</span><p>The room was clean and the staff were friendly all week long.</p></div><div class="review"><span class="author">Bob</span><span class="stars" aria-label="2 out of 5 stars"></span><span class="date">3 weeks ago</span><p>The room was clean and the staff were friendly all week long.</p></div>',
        [("review", "4", "5", None, "2 weeks ago"), ("review", "2", "5", None, "3 weeks ago")],
    ),
    "relative_date_beside_a_trip_date": (
        "de",
        '<div class="review"><span class="author">Anna</span><span class="stars" aria-label="4 von 5 Sternen"></span><span class="date">12. März 2024</span><p>The room was clean and the staff were friendly all week long.</p><div class="reply"><p>Danke!</p><time datetime="2024-03-20">vor 2 Monaten</time></div></div><div class="review"><span class="author">Ben</span><span class="stars" aria-label="2 von 5 Sternen"></span><span class="date">vor 3 Tagen</span><span class="trip" data-date="2023-08-01">Reise im August 2023</span><p>The room was clean and the staff were friendly all week long.</p></div>',
        [("review", "4", "5", None, "12. März 2024"), ("review", "2", "5", None, "vor 3 Tagen")],
    ),
    "relative_date_inside_its_time": (
        "en",
        '<div class="review"><span class="author">Ann</span><span class="stars" aria-label="4 out of 5 stars"></span><time datetime="2024-03-03T10:15:00Z">Reviewed <span>3 days ago</span></time><p>The room was clean and the staff were friendly all week long.</p></div><div class="review"><span class="author">Bob</span><span class="stars" aria-label="2 out of 5 stars"></span><time datetime="2024-02-03T10:15:00Z">Reviewed <span>a month ago</span></time><p>The room was clean and the staff were friendly all week long.</p></div>',
        [
            ("review", "4", "5", None, "2024-03-03T10:15:00Z"),
            ("review", "2", "5", None, "2024-02-03T10:15:00Z"),
        ],
    ),
    # 15. A title "2023年12月に購入" (bought in December 2023) and sentences "10年前から
    # 使っています" (used for 10 years), "2日前に届きました" (arrived 2 days ago) are no dates.
    "cjk_title_not_a_date": (
        "ja",
        '<div class="review"><span class="name">たなか</span><span class="stars" aria-label="5つ星のうち4.0"></span><span class="title">2023年12月に購入</span><span class="date">2024年3月3日</span><p>毎日使っています。お湯がすぐ沸いてとても便利です。</p></div><div class="review"><span class="name">すずき</span><span class="stars" aria-label="5つ星のうち2.0"></span><span class="date">2024年2月1日</span><p>蓋がすぐ壊れました。残念です。もう買いません。</p></div>',
        [
            ("review", "4.0", "5", None, "2024年3月3日"),
            ("review", "2.0", "5", None, "2024年2月1日"),
        ],
    ),
    "cjk_sentence_not_a_date": (
        "ja",
        '<div class="review"><span class="name">たなか</span><span class="stars" aria-label="5つ星のうち4.0"></span><p>10年前から使っています。</p><span class="date">2024年3月3日</span><p>毎日使っています。お湯がすぐ沸いてとても便利です。</p></div><div class="review"><span class="name">すずき</span><span class="stars" aria-label="5つ星のうち2.0"></span><p>2日前に届きました。</p><span class="date">2024年2月1日</span><p>蓋がすぐ壊れました。残念です。もう買いません。</p></div>',
        [
            ("review", "4.0", "5", None, "2024年3月3日"),
            ("review", "2.0", "5", None, "2024年2月1日"),
        ],
    ),
}

# name -> (lang, body): pages with no review or aggregate on them.
NOTHING: dict[str, tuple[str, str]] = {
    # 3. A distance in parentheses; 11. comments are no reviews of the page.
    "distance_in_parentheses": (
        "en",
        '<div class="hotel"><h1>Acme</h1><div class="rating">4.8</div><span>(350 m)</span></div>',
    ),
    "rounded_comments": (
        "en",
        '<div class="hotel"><h1>Acme</h1><div class="rating">4.8</div><span>1.2K comments</span></div>',
    ),
    # 7. Prices on a shop's list.
    "prices": (
        "de",
        '<ul class="products">'
        + "".join(
            f'<li class="product"><a href="/p/{i}">Kaffee {i}</a><span class="price">{p}/5.00 €</span></li>'
            for i, p in enumerate(["4,85", "3,99", "2,50", "1,99", "4,10"])
        )
        + "</ul>",
    ),
    # 8. News: a player "scored 9 goals", a ticker's "scored 2".
    "news_scored_goals": (
        "en",
        '<div class="article"><h1>Cup final: City beat United</h1><div class="byline"><span class="author-name">Tom Reporter</span><span class="date">2 hours ago</span></div><p class="summary">Smith scored 9 goals this season.</p><p>The match was played in front of a full house and the crowd was loud all night long.</p></div>',
    ),
    "news_ticker_scored": (
        "en",
        '<ul class="ticker"><li class="item"><span class="time">5 hours ago</span> <span class="headline">Smith scored 2 in the derby</span></li><li class="item"><span class="time">6 hours ago</span> <span class="headline">Jones scored 3 as Rovers win</span></li><li class="item"><span class="time">7 hours ago</span> <span class="headline">Brown scored 1 late on</span></li></ul>',
    ),
    # 9. An asterism between paragraphs.
    "asterism": (
        "en",
        '<div class="post"><time>March 3, 2024</time><p>We loved the hotel and the staff were very kind.</p><p class="sep">★ ★ ★</p><p>Next day we went to the beach.</p></div>',
    ),
    # 10. A weather forecast's suns.
    "weather_suns": (
        "de",
        '<div class="forecast"><div class="day"><span class="date">12.04.2024</span><span class="sun">5 Sonnen</span><span>Sonnig, 24 Grad</span></div></div><div class="card"><span class="date">heute</span><p>Erwartet werden 8 Sonnenstunden und 3 Sonne-Symbole.</p></div>',
    ),
    # 20. A share is no rating: "4 von 5 Spielen", "4 out of 5 dentists", "about 3 out of 5".
    "worded_shares": (
        "de",
        '<div class="ticker"><div class="entry"><span class="zeit">vor 4 Tagen</span><span>Bayern gewinnt 4 von 5 Spielen</span></div><div class="entry"><span class="zeit">vor 5 Tagen</span><span>4 out of 5 dentists recommend it</span></div><div class="entry"><span class="zeit">vor 6 Tagen</span><span>about 3 out of 5 shoppers</span></div><div class="entry"><span class="zeit">vor 7 Tagen</span><span>4 von 5 Kunden empfehlen uns</span></div></div>',
    ),
    # 12. A headline that starts with a rating's words.
    "headline_word_scale": (
        "de",
        '<div class="ticker"><div class="entry"><span class="zeit">vor 4 Tagen</span><span>Mit 3 von fünf Sternen bewertet: Der neue Tatort</span></div><div class="entry"><span class="zeit">vor 5 Tagen</span><span>Der Tatort am Sonntag kommt aus Münster</span></div></div>',
    ),
}


@pytest.mark.parametrize("name", sorted(READ_RIGHT))
def test_hostile_pages_read_right(name: str) -> None:
    lang, body, expected = READ_RIGHT[name]
    result = _read(name, body, lang)
    assert result.problems == []
    assert [_summary(i) for i in result.items] == expected


@pytest.mark.parametrize("name", sorted(NOTHING))
def test_hostile_pages_give_no_items(name: str) -> None:
    lang, body = NOTHING[name]
    assert _read(name, body, lang).items == []


def test_a_section_ends_at_the_reviews_date_and_author() -> None:
    body = '<div class="review"><span class="rating">Rated 4 out of 5</span><span class="date">March 4, 2024</span><p>Great tool overall for our whole team and clients.</p><h4>Pros</h4><p>Fast.</p><h4>Cons</h4><p>Pricey.</p><span class="reviewer">Ann B.</span><span class="helpful">Was this helpful? 3 people found this useful</span></div>'
    (review,) = _read("author_after_cons", body).items
    assert (review.pros, review.cons, review.author_name) == ("Fast.", "Pricey.", "Ann B.")
    (dated,) = _read("date_after_cons", READ_RIGHT["date_after_cons"][1]).items
    assert (dated.pros, dated.cons) == ("Fast.", "Pricey.")


def test_a_reviewers_employer_is_not_the_reviewed_business() -> None:
    body = "".join(
        f'<div class="review"><span class="reviewer">{who}</span><span class="reviewer-company-name"><a href="https://{co}.example">{co}</a></span><span class="rating">Rated {n} out of 5</span><span class="date">March {n}, 2024</span><p>Exactly right for our agency, we use it every day.</p></div>'
        for who, co, n in (("Ann B.", "AnnCo", 4), ("Bob C.", "BobCo", 2), ("Cy D.", "CyCo", 5))
    )
    reviews = _read("reviewer_company", body).items
    assert [(r.author_name, r.company_name, r.extra.get("listed")) for r in reviews] == [
        ("Ann B.", None, None),
        ("Bob C.", None, None),
        ("Cy D.", None, None),
    ]


def test_the_narrowed_rules_still_read_their_own_shapes() -> None:
    assert rating_in_text("Bewertung: 5 Sonnen") == ("5", "6")
    assert rating_in_text("5,0 / 6 Sonnen") == ("5,0", "6")
    assert rating_in_text("5 Sonnen") is None
    assert rating_in_text("Scored 8.6 ") == ("8.6", None)
    assert rating_in_text("Mit 4 von fünf Sternen bewertet") == ("4", "5")
    assert rating_in_text("4,85/5.00") == ("4,85", "5")
    assert rating_in_text("€ 4.50/5") is None
    assert rating_in_text("★★★★☆") == ("4", "5")
    assert rating_in_text("★★½") == ("2.5", None)  # Letterboxd shows no empty stars
    assert rating_in_text("★★★★") == ("4", None)
    assert rating_in_text("★★★★★") == ("5", "5")
    assert rating_in_text("½") is None and rating_in_text("★") is None
    for share in ("Bayern gewinnt 4 von 5 Spielen", "4 out of 5 dentists", "about 3 out of 5"):
        assert rating_in_text(share) is None, share
    for rating in (
        "Rated 4 out of 5 by Ann",
        "4 von 5 Sternen",
        "5 out of 5 Delicious",
        "4 von 5 möglichen Punkten",
        "Bewertung: 4 von 5",
        "4.5 out of 5 customers",  # a share is a whole number
    ):
        assert rating_in_text(rating) is not None, rating
    assert rating_in_text("★ ★ ★ ★ ☆") == ("4", "5")
    assert all(looks_like_date(t) for t in ("há 3 dias", "há uma semana", "2 tygodnie temu"))
    assert not any(looks_like_date(t) for t in ("Há 3 cores", "Cheaper than Temu"))
    assert (rounded_count("(2.3K)"), rounded_count("1.2K reviews")) == (2300, 1200)
    assert (rounded_count("(350 m)"), rounded_count("1.2K comments")) == (None, None)


def test_a_rating_in_stars_is_a_plain_str_on_its_item() -> None:
    body = READ_RIGHT["stars_beside_scored"][1]
    assert {type(i.rating_value) for i in _read("stars_beside_scored", body).items} == {str}


def test_a_precise_number_of_another_entry_is_not_this_ones() -> None:
    body = '<h1>Pizza in Berlin</h1><div class="list"><div class="card"><a href="/p/a">Luigi</a><div class="star-rating count-5"></div><span>210 reviews</span></div><div class="card"><a href="/p/b">Mario</a><span>4.6 out of 5</span><span>88 reviews</span></div><div class="card"><a href="/p/c">Toni</a><div class="star-rating count-3"></div><span>41 reviews</span></div></div>'
    assert [i.rating_value for i in _read("precise_other_entry", body).items][:1] == ["5"]


# 16. A link to a profile names the reviewer only when it is the profile (not an action
# on it, "Follow", "Log in", "Report"; not a business's "/company/profile/"), not a count
# ("12 reviews"), not the replier's nor a voter's after the review's text.
AUTHORLESS = {
    "business_profile_link": '<div class="review"><span class="stars" aria-label="4 out of 5 stars"></span><span class="date">March 4, 2024</span><span>Review of <a href="/company/profile/acme">Acme GmbH</a></span><p>The room was clean and the staff were friendly all week long.</p></div><div class="review"><span class="stars" aria-label="2 out of 5 stars"></span><span class="date">March 5, 2024</span><span>Review of <a href="/company/profile/acme">Acme GmbH</a></span><p>The room was clean and the staff were friendly all week long.</p></div>',
    "owner_comment_link": '<div class="review"><span class="stars" aria-label="4 out of 5 stars"></span><span class="date">March 4, 2024</span><p>The room was clean and the staff were friendly all week long.</p><div class="owner-comment"><a href="/users/seeblick">Hotel Seeblick</a><p>Thank you for staying with us, see you again soon!</p></div></div><div class="review"><span class="stars" aria-label="2 out of 5 stars"></span><span class="date">March 5, 2024</span><p>The room was clean and the staff were friendly all week long.</p><div class="owner-comment"><a href="/users/seeblick">Hotel Seeblick</a><p>Sorry to hear that, please contact us directly.</p></div></div>',
    "voter_link": '<div class="review"><span class="stars" aria-label="4 out of 5 stars"></span><span class="date">March 4, 2024</span><p>The room was clean and the staff were friendly all week long.</p><div class="votes"><a href="/users/77">Tom K.</a> found this helpful</div></div><div class="review"><span class="stars" aria-label="2 out of 5 stars"></span><span class="date">March 5, 2024</span><p>The room was clean and the staff were friendly all week long.</p><div class="votes"><a href="/users/78">Eva L.</a> found this helpful</div></div>',
    "follow_link": '<div class="review"><div class="hd"><a href="/users/4711"><img src="/a.png" alt=""></a><span>Ann B.</span><a class="btn" href="/users/4711/follow">Follow</a></div><span class="stars" aria-label="4 out of 5 stars"></span><span class="date">March 4, 2024</span><p>The room was clean and the staff were friendly all week long.</p></div><div class="review"><div class="hd"><a href="/users/4712"><img src="/a.png" alt=""></a><span>Bob C.</span><a class="btn" href="/users/4712/follow">Follow</a></div><span class="stars" aria-label="2 out of 5 stars"></span><span class="date">March 5, 2024</span><p>The room was clean and the staff were friendly all week long.</p></div>',
    "sign_in_link": '<div class="review"><span class="stars" aria-label="4 out of 5 stars"></span><span class="date">March 4, 2024</span><p>The room was clean and the staff were friendly all week long.</p><div class="foot"><a href="/users/sign_in">Log in</a> to vote</div></div><div class="review"><span class="stars" aria-label="2 out of 5 stars"></span><span class="date">March 5, 2024</span><p>The room was clean and the staff were friendly all week long.</p><div class="foot"><a href="/users/sign_in">Log in</a> to vote</div></div>',
    "owner_in_reply": '<div class="review"><span class="stars" aria-label="4 out of 5 stars"></span><span class="date">March 4, 2024</span><p>The room was clean and the staff were friendly all week long.</p><div class="reply"><a href="/profile/hotel-seeblick">Hotel Seeblick</a> replied:<p>Thank you for staying with us, see you again soon!</p></div></div><div class="review"><span class="stars" aria-label="2 out of 5 stars"></span><span class="date">March 5, 2024</span><p>The room was clean and the staff were friendly all week long.</p><div class="response"><a href="/user_details?userid=own1">Mark S.</a><span>Business Owner</span><p>Sorry to hear that, please contact us directly.</p></div></div>',
    "report_link": '<div class="review"><span class="stars" aria-label="4 out of 5 stars"></span><span class="date">March 4, 2024</span><p>The room was clean and the staff were friendly all week long.</p><a href="/members/report?review=1">Report</a></div><div class="review"><span class="stars" aria-label="2 out of 5 stars"></span><span class="date">March 5, 2024</span><p>The room was clean and the staff were friendly all week long.</p><a href="/members/report?review=2">Report</a></div>',
    "count_link": '<div class="review"><a href="/reviewers/ann">12 reviews</a><span class="stars" aria-label="4 out of 5 stars"></span><span class="date">March 4, 2024</span><p>The room was clean and the staff were friendly all week long.</p></div><div class="review"><a href="/reviewers/bob">3 reviews</a><span class="stars" aria-label="2 out of 5 stars"></span><span class="date">March 5, 2024</span><p>The room was clean and the staff were friendly all week long.</p></div>',
}


# The name shown first in the card, beside the avatar's link, is the reviewer's; never "Follow".
NAMED_BESIDE = {"follow_link": ["Ann B.", "Bob C."]}


@pytest.mark.parametrize("name", sorted(AUTHORLESS))
def test_a_link_that_names_no_reviewer_is_no_author(name: str) -> None:
    reviews = _read(name, AUTHORLESS[name]).items
    names = NAMED_BESIDE.get(name, [None, None])
    assert [(r.kind, r.author_name) for r in reviews] == [("review", n) for n in names]


# 17. A title of capitalised words above the date stays a title when it is a verdict or
# a trip ("Never Again", "Highly Recommend", "Family Trip").
@pytest.mark.parametrize(
    "title", ["Avoid", "Never Again", "Outstanding", "Highly Recommend", "Family Trip"]
)
def test_a_verdict_heading_above_the_date_is_no_author(title: str) -> None:
    body = f'<div class="review"><h3>{title}</h3><div class="d">March 2024</div><span class="stars" aria-label="4 out of 5 stars"></span><p>The room was clean and the staff were friendly all week long.</p></div><div class="review"><h3>Julia</h3><div class="d">February 2024</div><span class="stars" aria-label="2 out of 5 stars"></span><p>The room was clean and the staff were friendly all week long.</p></div>'
    reviews = _read("verdict_heading", body).items
    assert [(r.title, r.author_name) for r in reviews] == [(title, None), (None, "Julia")]


# 18. A product page's strip of rated "related items" is no short list when the page
# shows rated blocks of its own (its reviews, its rating without a count).
@pytest.mark.parametrize("name", ["e2_related_no_own_count", "e3_related_with_reviews"])
def test_a_related_strip_beside_the_pages_own_ratings_is_no_list(name: str) -> None:
    body = {
        "e2_related_no_own_count": '<h1>Kettle K1</h1><div class="own"><span class="rating-summary">4.2 out of 5</span> <a href="#reviews">Write a review</a></div><h2>Related products</h2><div class="related"><div class="card"><a href="/p/k2">Kettle K2</a><span class="stars" aria-label="4.5 out of 5 stars"></span><span>120 reviews</span></div><div class="card"><a href="/p/k3">Kettle K3</a><span class="stars" aria-label="3.5 out of 5 stars"></span><span>45 reviews</span></div><div class="card"><a href="/p/k4">Kettle K4</a><span class="stars" aria-label="4.0 out of 5 stars"></span><span>88 reviews</span></div></div>',
        "e3_related_with_reviews": '<h1>Kettle K1</h1><div class="reviews"><div class="review"><span class="author">Ann</span><span class="score" aria-label="5 out of 5">5</span><span class="date">March 4, 2024</span><p>The room was clean and the staff were friendly all week long.</p></div><div class="review"><span class="author">Bob</span><span class="score" aria-label="3 out of 5">3</span><span class="date">March 5, 2024</span><p>The room was clean and the staff were friendly all week long.</p></div></div><h2>Customers also viewed</h2><div class="related"><div class="card"><a href="/p/k2">Kettle K2</a><span class="stars" aria-label="4.5 out of 5 stars"></span><span>120 reviews</span></div><div class="card"><a href="/p/k3">Kettle K3</a><span class="stars" aria-label="3.5 out of 5 stars"></span><span>45 reviews</span></div></div>',
    }[name]
    items = _read(name, body).items
    assert not any(i.extra.get("listed") for i in items)
    assert sum(i.kind == "aggregate" for i in items) == 1
    assert all(i.company_name == "T" for i in items if i.kind == "review")


def test_cjk_dates_are_dates_and_sentences_are_not() -> None:
    assert all(
        looks_like_date(t)
        for t in (
            "2024年3月3日に日本でレビュー済み",
            "2024年3月",
            "2024년 3월 3일",
            "3日前",
            "3天前",
        )
    )
    assert not any(
        looks_like_date(t)
        for t in ("2023年12月に購入", "10年前から使っています。", "2日前に届きました。")
    )


# 19. Third round: what the new rules (an svg's title, a decimal scale in the next element,
# eBay's verdicts, a trip's date, a title linked to the review) must not read.
THIRD_ROUND: dict[str, tuple[str, list[tuple]]] = {
    # A gallery's counter "1 / 5" is no rating (only a scale with decimals, "/ 5,00", is).
    "gallery_counter": (
        '<div class="gallery"><div class="slide"><span>1</span><span>/ 5</span><p>A view of the harbour at dawn with the boats.</p><span>March 3, 2024</span></div></div>',
        [],
    ),
    # A helpfulness vote and a sentence are no feedback verdicts; "past 6 months" in a
    # sentence is no date.
    "feedback_votes": (
        '<ul><li class="c"><button aria-label="Give positive feedback"></button><p>I have used it for the past 6 months without trouble.</p><span>March 3, 2024</span></li><li class="c"><span aria-label="Negative feedback"></span><p>We reached a 98% positive feedback rating this year.</p><span>March 4, 2024</span></li></ul>',
        [],
    ),
    # A trip's date is the review's only when it shows no other; after a label too.
    "stay_date_only": (
        '<div class="r" data-reviewid="9012"><span class="stars" aria-label="4 out of 5 stars"></span><span>Date of stay: March 2024</span><p>The room was clean and the staff were friendly all week.</p></div>',
        [("review", "4", "5", None, "Date of stay: March 2024")],
    ),
    "stay_date_after_label": (
        '<div class="r" data-reviewid="9012"><span class="stars" aria-label="4 out of 5 stars"></span><span class="l">Date of stay:</span><span>March 2024</span><span>Written March 5, 2024</span><p>The room was clean and the staff were friendly all week.</p></div>',
        [("review", "4", "5", None, "Written March 5, 2024")],
    ),
}


@pytest.mark.parametrize("name", list(THIRD_ROUND))
def test_third_round_rules_read_only_what_is_there(name: str) -> None:
    body, expected = THIRD_ROUND[name]
    result = _read(name, body)
    assert [_summary(i) for i in result.items] == expected
    assert bool(result.problems) == (not expected)


def test_a_link_is_the_title_only_when_it_holds_the_reviews_own_id() -> None:
    card = '<div class="r" data-reviewid="{rid}"><span class="stars" aria-label="4 out of 5 stars"></span><span>March 3, 2024</span><a href="{href}">Another review here</a><p>The room was clean and the staff were friendly all week.</p></div>'
    assert (
        _read("own", card.format(rid="9012", href="/r-9012.html")).items[0].title
        == "Another review here"
    )
    for rid, href in (("9012", "/r/90123"), ("12", "/r-12.html"), ("9012", "/x19012")):
        (item,) = _read("other", card.format(rid=rid, href=href)).items
        assert item.title is None
    assert not any(looks_like_date(t) for t in ("for the past 6 months", "Past sales"))
    assert looks_like_date("Past 6 months") and looks_like_date("Past month")


def test_star_glyphs_win_over_a_class_that_counts_half_stars() -> None:
    # Letterboxd: class "rated-5" is five half stars, the glyphs "★★½" say 2.5 of 5.
    body = "".join(
        f'<li class="film-detail"><strong class="name">{who}</strong><span class="rating rated-{n}">{glyphs}</span><span class="date">March {n}, 2024</span><p>A film about a family and the summer they spent by the sea.</p></li>'
        for who, n, glyphs in (("Ann", 5, "★★½"), ("Bob", 4, "★★"), ("Cy", 9, "★★★★½"))
    )
    items = _read("letterboxd", f'<ul class="film-list">{body}</ul>').items
    assert [(i.kind, str(i.rating_value)) for i in items] == [
        ("review", "2.5"),
        ("review", "2"),
        ("review", "4.5"),
    ]


def test_a_number_in_parentheses_after_a_plain_name_stays_in_the_name() -> None:
    card = '<div class="review"><span class="author">{who}</span><span class="stars" aria-label="4 out of 5 stars"></span><span class="date">March 3, 2024</span><p>The room was clean and the staff were friendly all week.</p></div>'
    assert _read("team", card.format(who="Team (2)")).items[0].author_name == "Team (2)"
    assert _read("masked", card.format(who="b***r (312)")).items[0].author_name == "b***r"


@pytest.mark.parametrize(
    ("lang", "scale"), [("de", (6, 1)), ("de-AT", (6, 1)), ("de-CH", (1, 5)), ("fr", (1, 5))]
)
def test_note_is_a_school_grade_on_german_pages_only(lang: str, scale: tuple) -> None:
    # Swiss grades run the other way (6 best), a French "Note 4,5" is a rating of 5.
    body = '<div class="summary"><h1>Praxis Weber</h1><span class="grade">Note 1,2</span><span>128 Bewertungen</span></div>'
    (agg,) = _read("grade", body, lang).items
    assert (str(agg.rating_value), agg.review_count, (agg.rating_worst, agg.rating_best)) == (
        "1,2",
        128,
        scale,
    )
