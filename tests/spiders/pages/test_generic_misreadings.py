# ruff: noqa: E501  (markup reads better unwrapped)
"""Pages that look like reviews to a careless reader and are not, or that a rule
for another portal's shape misread (a second read of issue 15's rules): sections
that ran past a review's date, score classes taken for counts, distances and
comments taken for review counts, stars put on 1-10, a reviewer's employer taken
for the reviewed business, sentences taken for dates, prices, goals, asterisms,
weather suns and headlines taken for ratings. Hand-written miniatures."""

from __future__ import annotations

import hashlib

import pytest

from spiders.pages import parse_page
from spiders.pages.generic.shown import looks_like_date, rating_in_text, rounded_count


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
    assert rating_in_text("★ ★ ★ ★ ☆") == ("4", "5")
    assert all(looks_like_date(t) for t in ("há 3 dias", "há uma semana", "2 tygodnie temu"))
    assert not any(looks_like_date(t) for t in ("Há 3 cores", "Cheaper than Temu"))
    assert (rounded_count("(2.3K)"), rounded_count("1.2K reviews")) == (2300, 1200)
    assert (rounded_count("(350 m)"), rounded_count("1.2K comments")) == (None, None)


def test_a_rating_in_stars_is_a_plain_str_on_its_item() -> None:
    body = READ_RIGHT["stars_beside_scored"][1]
    assert {type(i.rating_value) for i in _read("stars_beside_scored", body).items} == {str}
