# ruff: noqa: E501  (saved markup reads better unwrapped)
"""The fifth round's hand-written miniatures, merged into ``generic_shapes``: critics'
scores (a labelled "Original Score: 3/4" after a link, Metacritic's "Metascore 96 out of
100" with its "Based on 61 Critic Reviews") and German portals' ways of showing ratings
(star icons marked filled beside unmarked empty ones, a travel portal's "5,6 / 6" beside
the hotel's "4-Sterne-Hotel" and the trip's "Verreist als Paar • Juni 2025", a shop's
"Röstgrad 4 / 5" beside its "4,89 / 5,00 (1.234 Produktbewertungen)")."""

from __future__ import annotations

FIFTH_SHAPES: dict[str, str] = {
    # A critics' page: each score labelled in the words after the review's link
    # ("<a>Full Review</a> | Original Score: 3/4 | Feb 27, 2024"), on the critic's own scale.
    "rendered_critic_original_score": """<html lang="en"><head><title>Harbour Lights - Critic Reviews</title></head><body><h1 class="title">Harbour Lights</h1>
<div class="review-row" data-qa="review-item"><div class="reviewer-name-and-publication"><a class="display-name" href="/critics/ann">Ann Critic</a> <a class="publication" href="/source/1">Daily Post</a></div>
<div class="review-text-container"><p class="review-text" data-qa="review-quote">A sharp, funny film that never loses its nerve.</p><p class="original-score-and-url"><a href="https://example.org/1">Full Review</a> | Original Score: 4.5/5 | <span data-qa="review-date">Mar 3, 2024</span></p></div></div>
<div class="review-row" data-qa="review-item"><div class="reviewer-name-and-publication"><a class="display-name" href="/critics/bob">Bob Writer</a> <a class="publication" href="/source/2">Film Weekly</a></div>
<div class="review-text-container"><p class="review-text" data-qa="review-quote">Overlong, but the final act lands.</p><p class="original-score-and-url"><a href="https://example.org/2">Full Review</a> | Original Score: 3/4 | <span data-qa="review-date">Feb 27, 2024</span></p></div></div>
<div class="review-row" data-qa="review-item"><div class="reviewer-name-and-publication"><a class="display-name" href="/critics/cy">Cy Lee</a> <a class="publication" href="/source/3">Reel Talk</a></div>
<div class="review-text-container"><p class="review-text" data-qa="review-quote">Competent and forgettable.</p><p class="original-score-and-url"><a href="https://example.org/3">Full Review</a> | Original Score: 6/10 | <span data-qa="review-date">Feb 20, 2024</span></p></div></div>
<nav class="pagination"><span>Page 1/4</span> <a href="?page=2">Next</a></nav>
</body></html>""",
    # Metacritic: the score in a title ("Metascore 96 out of 100"), the count a critic's or a
    # user's ("Based on 61 Critic Reviews", "Based on 21,034 User Ratings").
    "rendered_critic_and_user_scores": """<html lang="en"><head><title>Northwind Saga Reviews</title></head><body><div class="c-productHero_title"><h1>Northwind Saga</h1></div>
<div class="c-productScoreInfo"><div class="c-productScoreInfo_text"><span class="c-productScoreInfo_title">Metascore</span><span class="c-productScoreInfo_reviewsTotal"><a href="/game/northwind/critic-reviews/"><span>Based on 61 Critic Reviews</span></a></span></div>
<div class="c-productScoreInfo_scoreNumber"><div title="Metascore 96 out of 100" class="c-siteReviewScore c-siteReviewScore_green c-siteReviewScore_medium"><span>96</span></div></div></div>
<div class="c-productScoreInfo"><div class="c-productScoreInfo_text"><span class="c-productScoreInfo_title">User Score</span><span class="c-productScoreInfo_reviewsTotal"><a href="/game/northwind/user-reviews/"><span>Based on 21,034 User Ratings</span></a></span></div>
<div class="c-productScoreInfo_scoreNumber"><div title="User score 8.2 out of 10" class="c-siteReviewScore c-siteReviewScore_green c-siteReviewScore_user c-siteReviewScore_medium"><span>8.2</span></div></div></div>
<section class="c-reviewsSection"><div class="c-siteReview"><div class="c-siteReviewHeader"><div class="c-siteReviewHeader_reviewScore"><div title="User score 10 out of 10" class="c-siteReviewScore c-siteReviewScore_user c-siteReviewScore_xsmall"><span>10</span></div></div>
<div class="c-siteReviewHeader_author"><a class="c-siteReviewHeader_username" href="/user/gamer123">gamer123</a><div class="c-siteReviewHeader_reviewDate">Mar 3, 2024</div></div></div><div class="c-siteReview_quote"><span>The best open world I have played, every corner hides something.</span></div></div>
<div class="c-siteReview"><div class="c-siteReviewHeader"><div class="c-siteReviewHeader_reviewScore"><div title="User score 4 out of 10" class="c-siteReviewScore c-siteReviewScore_user c-siteReviewScore_xsmall"><span>4</span></div></div>
<div class="c-siteReviewHeader_author"><a class="c-siteReviewHeader_username" href="/user/critic77">critic77</a><div class="c-siteReviewHeader_reviewDate">Feb 27, 2024</div></div></div><div class="c-siteReview_quote"><span>Performance on PC was awful at launch and still stutters.</span></div></div></section>
</body></html>""",
    # A German profile page: the aggregate written ("4,89" "von 5,00") beside five icons drawn
    # in whole stars; each review's icons marked filled ("star active") beside plain empty ones
    # ("star"); a reply headed "Stellungnahme von ..."; the reviewer after "von".
    "rendered_marked_star_icons": """<html lang="de"><head><title>Muster Steuerberatung Erfahrungen &amp; Bewertungen</title></head><body><h1 class="company-name">Muster Steuerberatung</h1>
<section class="rating-summary"><div class="rating-score"><span class="rating-value">4,89</span> <span class="rating-scale">von 5,00</span></div><div class="rating-stars"><i class="star full"></i><i class="star full"></i><i class="star full"></i><i class="star full"></i><i class="star full"></i></div><div class="rating-count"><strong>234</strong> Bewertungen</div></section>
<div class="feedback-list">
<div class="feedback" id="feedback-8812"><div class="stars"><i class="star active"></i><i class="star active"></i><i class="star active"></i><i class="star"></i><i class="star"></i></div><div class="meta">von Max M.</div> <span class="feedback-date">12.03.2025</span><div class="patient-info">Privatkunde · seit 2019 Mandant</div><p class="feedback-text">Gut beraten, gerne wieder.</p>
<div class="feedback-reply"><div class="reply-head">Stellungnahme von Muster Steuerberatung</div><p>Vielen Dank, lieber Herr M.!</p></div></div>
<div class="feedback" id="feedback-8813"><div class="stars"><i class="star active"></i><i class="star active"></i><i class="star active"></i><i class="star active"></i><i class="star active"></i></div><div class="meta">von Sabine K.</div> <span class="feedback-date">02.01.2025</span><p class="feedback-text">Zuverlässig wie immer, die Unterlagen waren pünktlich fertig.</p></div>
</div></body></html>""",
    # A travel portal: "5,6" "/ 6" suns with no word for them, the hotel's class as stars
    # ("4-Sterne-Hotel"), each review's trip ("Verreist als Paar • Juni 2025 • 1 Woche") before
    # the day it was written ("Bewertet am 02.07.2025").
    "rendered_suns_out_of_six": """<html lang="de"><head><title>Hotel Sonnenstrand (Side)</title></head><body><h1 class="hotel-name">Hotel Sonnenstrand</h1>
<div class="hotel-category">4-Sterne-Hotel</div>
<div class="hotel-rating"><span class="rating-value">5,6</span><span class="rating-scale"> / 6</span> <a href="#bewertungen">1.234 Bewertungen</a> <span class="recommendation">Weiterempfehlung 95 %</span></div>
<div id="bewertungen">
<div class="review-card" id="rv-a1b2"><span class="user-name">Julia</span><div class="travel-info">Verreist als Paar • Juni 2025 • 1 Woche</div><div class="review-score"><span class="score">6,0</span><span class="scale"> / 6</span></div><h3 class="review-title">Traumurlaub mit perfektem Service</h3><p class="review-text">Das Personal war unglaublich freundlich, das Essen abwechslungsreich.</p><div class="review-date">Bewertet am 02.07.2025</div></div>
<div class="review-card" id="rv-d4e5"><span class="user-name">Markus</span><div class="travel-info">Verreist mit Familie • Mai 2025 • 2 Wochen</div><div class="review-score"><span class="score">4,2</span><span class="scale"> / 6</span></div><h3 class="review-title">Schöne Lage, Zimmer in die Jahre gekommen</h3><p class="review-text">Strand toll, aber das Zimmer war hellhörig und die Klimaanlage laut.</p><div class="review-date">Bewertet am 20.05.2025</div></div>
</div></body></html>""",
    # A shop's product: the coffee's levels on a scale ("Röstgrad 4 / 5 · Säure 2 / 5") before
    # its rating; a compound count word ("Produktbewertungen"); one review counted in the
    # singular ("1 Bewertung") on a related product.
    "rendered_shop_levels_and_counts": """<html lang="de"><head><title>Espresso Crema 1 kg | Röstwerk Muster</title></head><body><h1 class="product-name">Espresso Crema 1 kg</h1>
<div class="product-facts">Röstgrad 4 / 5 · Säure 2 / 5</div><p class="stock">nur noch 2 von 5 auf Lager</p>
<div class="ts-summary"><span class="ts-mark">4,89</span><span class="ts-max">/ 5,00</span> <span class="ts-count">(1.234 Produktbewertungen)</span></div>
<div class="ts-reviews">
<div class="ts-review" id="tsr-1001"><span class="ts-stars" title="5 von 5 Sternen"></span><span class="ts-author">Max M.</span> <span class="ts-date">12.03.2025</span><p class="ts-text">Toller Kaffee, sehr aromatisch und wenig bitter.</p></div>
<div class="ts-review" id="tsr-1002"><span class="ts-stars" title="3 von 5 Sternen"></span><span class="ts-author">Eva L.</span> <span class="ts-date">01.02.2025</span><p class="ts-text">Etwas zu dunkel geröstet für meinen Geschmack.</p></div>
</div></body></html>""",
}

FIFTH_EXPECTED: dict[str, tuple] = {
    "rendered_critic_original_score": (None, ["4.5", "3", "6"], "rendered", "Mar 3, 2024"),
    "rendered_critic_and_user_scores": (("96", 61, "100"), ["10", "4"], "rendered", "Mar 3, 2024"),
    "rendered_marked_star_icons": (("4,89", 234, "5"), ["3", "5"], "rendered", "12.03.2025"),
    "rendered_suns_out_of_six": (("5,6", 1234, "6"), ["6,0", "4,2"], "rendered", "Bewertet am 02.07.2025"),
    "rendered_shop_levels_and_counts": (("4,89", 1234, "5"), ["5", "3"], "rendered", "12.03.2025"),
}  # fmt: skip
