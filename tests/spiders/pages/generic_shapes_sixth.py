# ruff: noqa: E501  (saved markup reads better unwrapped)
"""The sixth round's hand-written miniatures, merged into ``generic_shapes``: pages a new user
brings (issue 15): a Dutch shop's "4,5 van de 5 sterren", a hotel's class "4.0 star property"
beside its guests' 9.2 out of 10, a French widget's "4,6" "/5", an app store's "4.7 • 12.3K
Ratings", a WordPress plugin's parts each wrapped in a container named for it, an Italian
portal's ``autore``, a Polish reviewer's ``nick``, a verdict line "I would recommend this to a
friend" and a field "Used the software for: 1-2 years" that are no review's text, and a game's
thumbs verdicts and a spec sheet's "Rated 230 V", which are no ratings; a Hungarian portal's
"1 234 vélemény" and its dates "2025. 03. 03.", a Russian shop's "4,6 из 5" and "3 марта 2025", a
rental's "★ 4.92", a film's audience stars in ``<rating-stars-group score="4.5">`` beside percent
scores that are no ratings."""

from __future__ import annotations

SIXTH_SHAPES: dict[str, str] = {
    # A Dutch shop: every rating said "van de 5" ("Gemiddeld 4,5 van de 5 sterren", "Beoordeeld met 2 van de
    # 5 sterren": 2, not the "5 sterren" after it) beside "82% raadt dit product aan" (a share); the
    # reviewer named by ``data-test="review-author-name"``.
    "rendered_dutch_van_de_five": """<html lang="nl-NL"><head><title>Koffiemolen M2 | bol</title></head><body><h1 class="page-heading">Koffiemolen M2</h1>
<div class="reviews-summary"><div class="rating-stars" title="Gemiddeld 4,5 van de 5 sterren"></div><span class="u-pl--xxs">4,5</span><a href="#reviews">(123 reviews)</a><div class="recommend">82% raadt dit product aan</div></div>
<ul class="reviews"><li class="review" data-test="review"><div class="star-rating" title="Beoordeeld met 5 van de 5 sterren"></div><strong class="review__title">Top molen</strong><ul class="review-metadata"><li data-test="review-author-name">Kees</li><li>12 maart 2025</li></ul><p class="review__body" data-test="review-body">Maalt heel gelijkmatig, stil.</p></li>
<li class="review" data-test="review"><div class="star-rating" title="Beoordeeld met 2 van de 5 sterren"></div><strong class="review__title">Valt tegen</strong><ul class="review-metadata"><li data-test="review-author-name">Marieke</li><li>2 februari 2025</li></ul><p class="review__body" data-test="review-body">Na twee weken al kapot gegaan.</p></li></ul>
</body></html>""",
    # A hotel page: the class "4.0 star property" above the guests' "9.2" with "9.2 out of 10"
    # hidden beside it and "1,024 reviews"; each review's "10/10 Excellent" heading.
    "rendered_hotel_class_property": """<html lang="en-US"><head><title>Harbour Hotel, Lisbon | Expedia</title></head><body><h1 class="uitk-heading">Harbour Hotel</h1><div class="uitk-text">4.0 star property</div>
<div data-stid="content-hotel-reviewsummary"><span class="uitk-badge-base-text">9.2</span><span class="is-visually-hidden">9.2 out of 10</span><h3>Wonderful</h3><button>1,024 reviews</button></div>
<div data-stid="property-reviews-list"><article itemprop="review" class="uitk-card"><h4 class="uitk-heading">10/10 Excellent</h4><span class="uitk-text">Maria</span><span class="uitk-text">Mar 3, 2025</span><span class="uitk-text">Verified traveler</span><span class="uitk-expando"><span class="uitk-text" itemprop="description">Great breakfast, friendly staff, quiet room.</span></span></article>
<article itemprop="review" class="uitk-card"><h4 class="uitk-heading">6/10 Okay</h4><span class="uitk-text">Ben</span><span class="uitk-text">Feb 20, 2025</span><span class="uitk-text">Verified traveler</span><span class="uitk-expando"><span class="uitk-text" itemprop="description">Room was small and the AC was loud.</span></span></article></div>
</body></html>""",
    # A French reviews widget: the score "4,6" with its scale "/5" in the next element (a
    # counter's "1" "/ 5" is no score: its number has no decimal), "Basée sur 1 234 avis"; each
    # review's "Note : 5 sur 5", its date and the order's in one line ("publié le 12/03/2025 suite
    # à une commande du 02/03/2025"), the shop's reply under "Réponse de ...".
    "rendered_score_then_plain_scale": """<html lang="fr"><head><title>Avis clients Maison Duval</title></head><body><h1 class="shop-name">Maison Duval</h1>
<div class="av-summary"><span class="av-note">4,6</span><span class="av-max">/5</span> <span class="av-count">Basée sur 1 234 avis</span></div>
<div class="av-reviews"><div class="av-review" id="av-1"><div class="av-stars" title="Note : 5 sur 5"></div><div class="av-author">Sophie L.</div><div class="av-date">publié le 12/03/2025 suite à une commande du 02/03/2025</div><p class="av-text">Livraison rapide et produit conforme.</p>
<div class="av-answer"><div class="av-answer-head">Réponse de Maison Duval</div><p>Merci Sophie pour votre confiance !</p></div></div>
<div class="av-review" id="av-2"><div class="av-stars" title="Note : 2 sur 5"></div><div class="av-author">Pierre M.</div><div class="av-date">publié le 01/02/2025 suite à une commande du 20/01/2025</div><p class="av-text">Colis arrivé abîmé, service client lent.</p></div></div>
</body></html>""",
    # An app store: the score and its rounded count in one text ("4.7 • 12.3K Ratings"), the
    # app's age badge in its h1; each review's "4 out of 5" in an aria-label.
    "rendered_score_dot_count": """<html lang="en-US"><head><title>Tide Planner on the App Store</title></head><body><h1 class="product-header__title app-header__title">Tide Planner <span class="badge">4+</span></h1>
<ul class="product-header__list"><li class="product-header__list__item"><ul class="inline-list inline-list--mobile-compact"><li class="inline-list__item">#12 in Weather</li></ul></li>
<li class="product-header__list__item"><figure class="star-rating"><figcaption class="we-rating-count star-rating__count">4.7 • 12.3K Ratings</figcaption></figure></li></ul>
<div class="we-customer-review lockup"><figure aria-label="4 out of 5" class="we-star-rating we-customer-review__rating we-star-rating--large"></figure><div class="we-customer-review__header"><span class="we-truncate we-customer-review__user">sailor_sue</span><time class="we-customer-review__date" datetime="2025-03-03T00:00:00.000Z">03/03/2025</time></div><h3 class="we-customer-review__title">Handy</h3><blockquote class="we-customer-review__body"><p>Does one thing well, wish it had widgets.</p></blockquote></div>
<div class="we-customer-review lockup"><figure aria-label="1 out of 5" class="we-star-rating we-customer-review__rating we-star-rating--large"></figure><div class="we-customer-review__header"><span class="we-truncate we-customer-review__user">Mike R</span><time class="we-customer-review__date" datetime="2025-02-20T00:00:00.000Z">02/20/2025</time></div><h3 class="we-customer-review__title">Subscription trap</h3><blockquote class="we-customer-review__body"><p>Charged me after the trial without warning.</p></blockquote></div>
</body></html>""",
    # A WordPress plugin (Site Reviews): each part's value in a span of its own inside a container
    # named for it (``glsr-review-author`` > ``glsr-tag-value``), the reply's heading in a
    # <strong> of its own paragraph ("Response from Bramble Café").
    "rendered_plugin_wrapped_parts": """<html lang="en-GB"><head><title>Reviews – Bramble Café</title></head><body><h1 class="entry-title">Reviews</h1>
<div class="glsr-summary"><div class="glsr-summary-rating"><span class="glsr-tag-value">4.5</span></div><div class="glsr-summary-stars"><div class="glsr-star-rating" aria-label="Rated 4.5 out of 5"></div></div><div class="glsr-summary-text"><span class="glsr-tag-value">4.5 out of 5 stars (based on 22 reviews)</span></div></div>
<div class="glsr-reviews"><div class="glsr-review" id="review-301"><div class="glsr-review-title"><h4 class="glsr-tag-value">Lovely scones</h4></div><div class="glsr-review-rating"><div class="glsr-star-rating" aria-label="Rated 5 out of 5"></div></div><div class="glsr-review-date"><span class="glsr-tag-value">3 March 2025</span></div><div class="glsr-review-content"><p class="glsr-tag-value">Best scones in the county, friendly owners.</p></div><div class="glsr-review-author"><span class="glsr-tag-value">Emma</span></div>
<div class="glsr-review-response"><div class="glsr-tag-value"><p><strong>Response from Bramble Café</strong></p><p>Thank you Emma!</p></div></div></div>
<div class="glsr-review" id="review-302"><div class="glsr-review-title"><h4 class="glsr-tag-value">Slow</h4></div><div class="glsr-review-rating"><div class="glsr-star-rating" aria-label="Rated 3 out of 5"></div></div><div class="glsr-review-date"><span class="glsr-tag-value">14 February 2025</span></div><div class="glsr-review-content"><p class="glsr-tag-value">Tasty food but a long wait on Saturday.</p></div><div class="glsr-review-author"><span class="glsr-tag-value">Dan</span></div></div></div>
</body></html>""",
    # An Italian portal: "4,3 su 5" with "(87 recensioni)"; the reviewer in ``class="autore"``.
    "rendered_italian_author_class": """<html lang="it"><head><title>Recensioni Ferramenta Rossi</title></head><body><h1>Ferramenta Rossi</h1>
<div class="riepilogo"><span class="voto">4,3 su 5</span> <span class="numero">(87 recensioni)</span></div>
<ul class="recensioni"><li class="recensione" id="r-11"><span class="stelle" aria-label="Valutazione 5 su 5"></span><span class="autore">Giulia</span> <span class="data">3 marzo 2025</span><p class="testo">Personale competente e prezzi onesti.</p></li>
<li class="recensione" id="r-12"><span class="stelle" aria-label="Valutazione 3 su 5"></span><span class="autore">Marco</span> <span class="data">14 febbraio 2025</span><p class="testo">Buon assortimento ma attesa lunga alla cassa.</p></li></ul>
</body></html>""",
    # A game's user reviews: thumbs verdicts ("Recommended", "Not Recommended") and a summary
    # "Very Positive" "(12,345)", no stars: no rating at all (a verdict is not a star rating).
    "rendered_thumbs_verdicts_only": """<html lang="en"><head><title>Steam Community :: Harbour Drift :: Reviews</title></head><body>
<div class="apphub_AppName">Harbour Drift</div>
<div class="user_reviews_summary_row" data-tooltip-html="92% of the 12,345 user reviews for this game are positive."><div class="subtitle column all">All Reviews:</div><div class="summary column"><span class="game_review_summary positive">Very Positive</span><span class="responsive_hidden">(12,345)</span></div></div>
<div class="apphub_Card modalContentLink interactable" data-modal-content-url="https://steamcommunity.com/id/kat/recommended/123/">
<div class="apphub_CardContentMain"><div class="apphub_UserReviewCardContent"><div class="found_helpful">12 people found this review helpful</div>
<div class="vote_header"><div class="reviewInfo"><div class="thumb"><img src="icon_thumbsUp_v6.png" width="40" height="40"></div><div class="title">Recommended</div><div class="hours">41.2 hrs on record</div></div></div>
<div class="apphub_CardTextContent"><div class="date_posted">Posted: 3 March</div>A lovely slow game about fishing and fixing boats.</div></div></div>
<div class="apphub_CardContentAuthorBlock"><div class="apphub_friend_block"><div class="apphub_CardContentAuthorName offline ellipsis"><a href="https://steamcommunity.com/id/kat/">kat</a></div><div class="apphub_CardContentMoreLink ellipsis">128 products in account</div></div></div></div>
<div class="apphub_Card modalContentLink interactable" data-modal-content-url="https://steamcommunity.com/id/zed/recommended/123/">
<div class="apphub_CardContentMain"><div class="apphub_UserReviewCardContent"><div class="found_helpful">3 people found this review helpful</div>
<div class="vote_header"><div class="reviewInfo"><div class="thumb"><img src="icon_thumbsDown_v6.png" width="40" height="40"></div><div class="title">Not Recommended</div><div class="hours">2.1 hrs on record</div></div></div>
<div class="apphub_CardTextContent"><div class="date_posted">Posted: 27 February</div>Crashes on launch on my machine, refunded.</div></div></div>
<div class="apphub_CardContentAuthorBlock"><div class="apphub_friend_block"><div class="apphub_CardContentAuthorName offline ellipsis"><a href="https://steamcommunity.com/id/zed/">zed</a></div><div class="apphub_CardContentMoreLink ellipsis">12 products in account</div></div></div></div>
</body></html>""",
    # A shop's product reviews: each review's verdict line ("No, I would not recommend this to a
    # friend") beside a shorter text of its own; "89% would recommend to a friend" is a share.
    "rendered_recommend_verdict_line": """<html lang="en-US"><head><title>Harbour 55" 4K TV - Best Buy</title></head><body><h1 class="heading-5">Harbour 55" Class 4K UHD Smart TV</h1>
<div class="ugc-c-review-average"><span class="ugc-c-review-average font-weight-medium order-1">4.6</span><p class="visually-hidden">Rating 4.6 out of 5 stars with 2345 reviews</p><span class="c-reviews order-2">(2,345 Reviews)</span></div><div class="recommend">89% would recommend to a friend</div>
<ul class="reviews-list"><li class="review-item"><div class="review-rating"><p class="visually-hidden">Rated 5 out of 5 stars</p></div><h4 class="review-title">Great picture</h4><div class="posted-date">Posted 3 weeks ago</div><div class="ugc-author">TVfan22</div><p class="pre-white-space">Bright, sharp, and the setup took ten minutes.</p><div class="ugc-recommendation">I would recommend this to a friend</div></li>
<li class="review-item"><div class="review-rating"><p class="visually-hidden">Rated 2 out of 5 stars</p></div><h4 class="review-title">Remote broke</h4><div class="posted-date">Posted 2 months ago</div><div class="ugc-author">jlee</div><p class="pre-white-space">The remote stopped working after a week.</p><div class="ugc-recommendation">No, I would not recommend this to a friend</div></li></ul>
</body></html>""",
    # A software directory: the reviewer's role and "Used the software for: 1-2 years" beside the
    # review, whose words are all in its "Pros:" and "Cons:" (no text of its own).
    "rendered_saas_fields_and_role": """<html lang="en"><head><title>TaskBoard Reviews 2025 | Capterra</title></head><body><h1 class="product-name">TaskBoard Reviews</h1>
<div class="ratings-summary"><span class="star-rating-label">4.5</span><span class="review-count">(1,234)</span><ul><li>Ease of use <span>4.3</span></li><li>Customer Service <span>4.4</span></li><li>Value for money <span>4.1</span></li></ul></div>
<div class="review-card" id="r-90"><div class="reviewer"><span class="reviewer-name">Anna K.</span><span class="reviewer-role">Project Manager</span><span>Used the software for: 1-2 years</span></div><div class="review-body"><div class="overall"><span class="sr-only">Overall Rating</span><span class="stars" aria-label="5 out of 5 stars"></span></div><span class="date">March 3, 2025</span><h3>"Keeps our team on track"</h3><p><b>Pros:</b> Boards are quick to set up and everyone gets it.</p><p><b>Cons:</b> Mobile app is slow.</p></div></div>
<div class="review-card" id="r-91"><div class="reviewer"><span class="reviewer-name">Luis M.</span><span class="reviewer-role">Owner</span><span>Used the software for: Less than 6 months</span></div><div class="review-body"><div class="overall"><span class="sr-only">Overall Rating</span><span class="stars" aria-label="3 out of 5 stars"></span></div><span class="date">February 20, 2025</span><h3>"Fine for small teams"</h3><p><b>Pros:</b> Cheap and simple for a small crew.</p><p><b>Cons:</b> Reports are limited.</p></div></div>
</body></html>""",
    # A Polish marketplace: "ocena produktu 4,85 z 5" with "1234 oceny i 567 recenzji", each
    # reviewer in ``class="nick"``, a date kept in ``<time datetime>``.
    "rendered_polish_nick": """<html lang="pl"><head><title>Czajnik elektryczny 1,7 l - Allegro</title></head><body><h1 class="mp0t_0a">Czajnik elektryczny 1,7 l</h1>
<div class="rating"><span aria-label="ocena produktu 4,85 z 5">4,85</span><a href="#opinie">1234 oceny i 567 recenzji</a></div>
<div id="opinie"><div class="opinion" data-opinion-id="o1"><span class="stars" aria-label="5 z 5"></span><span class="nick">Kasia</span><time datetime="2025-03-03">3 marca 2025</time><p>Szybko gotuje wodę, cichy.</p></div>
<div class="opinion" data-opinion-id="o2"><span class="stars" aria-label="2 z 5"></span><span class="nick">Piotr</span><time datetime="2025-02-11">11 lutego 2025</time><p>Po miesiącu zaczął przeciekać.</p></div></div>
</body></html>""",
    # A Hungarian price portal: "4,7 / 5" with "1 234 vélemény", each review dated with the year
    # first and every part ending in a dot ("2025. 03. 03.").
    "rendered_hungarian_dotted_dates": """<html lang="hu"><head><title>Kávéfőző X1 vélemények - Árukereső.hu</title></head><body><h1 class="product-name">Kávéfőző X1</h1>
<div class="rating-summary"><span class="rating">4,7 / 5</span> <a class="count" href="#velemenyek">1 234 vélemény</a></div>
<div id="velemenyek"><div class="review" id="v1"><span class="stars" aria-label="5 / 5"></span><span class="name">Kovács Anna</span> <span class="date">2025. 03. 03.</span><p class="text">Gyors szállítás, kiváló kávé.</p></div>
<div class="review" id="v2"><span class="stars" aria-label="2 / 5"></span><span class="name">Nagy Péter</span> <span class="date">2025. 02. 11.</span><p class="text">Egy hónap után elromlott a gép.</p></div></div>
</body></html>""",
    # A product's spec sheet: ratings of another kind ("Rated 230 V", "Rated 13 A", "Rating: IP44", "Rated 5 minutes",
    # "Score: 1200 points"): no rating at all.
    "rendered_spec_sheet_no_ratings": """<html lang="en-GB"><head><title>Harbour Kettle K2 | Shop</title></head><body><h1 class="product-title">Harbour Kettle K2</h1>
<table class="specs"><tr><th>Voltage</th><td>Rated 230 V</td></tr><tr><th>Current</th><td>Rated 13 A</td></tr><tr><th>Ingress</th><td>Rating: IP44</td></tr><tr><th>Loyalty</th><td>Score: 1200 points</td></tr></table>
<p class="delivery">Rated 5 minutes to boil 1.7 l? Our tests say 3.</p>
</body></html>""",
    # A Russian shop: "4,6 из 5" with "1 234 отзыва", each review's "Оценка 5 из 5" and its date "3
    # марта 2025"; a share "3 из 5 покупателей рекомендуют" and a pager "Страница 1 из 5".
    "rendered_russian_iz_five": """<html lang="ru"><head><title>Кофемашина X1 — отзывы покупателей</title></head><body><h1 class="product-title">Кофемашина X1</h1>
<div class="rating-summary"><span class="rating-value">4,6 из 5</span> <a class="rating-count" href="#reviews">1 234 отзыва</a><div class="recommend">3 из 5 покупателей рекомендуют</div></div>
<div id="reviews"><div class="review" id="rv-1"><span class="stars" aria-label="Оценка 5 из 5"></span><span class="author-name">Ольга</span> <span class="date">3 марта 2025</span><p class="text">Отличный кофе, быстро нагревается.</p></div>
<div class="review" id="rv-2"><span class="stars" aria-label="Оценка 2 из 5"></span><span class="author-name">Дмитрий</span> <span class="date">11 февраля 2025</span><p class="text">Через месяц начала протекать.</p></div></div>
<nav class="pager"><span>Страница 1 из 5</span></nav>
</body></html>""",
    # A rental: the score after one star glyph ("★ 4.92") and its count in the link after it.
    "rendered_star_glyph_score": """<html lang="en"><head><title>Sea view loft - Porto</title></head><body><h1 class="listing-title">Sea view loft</h1>
<div class="summary"><span class="avg">★ 4.92</span> · <a href="#reviews">128 reviews</a></div>
<div id="reviews"><div class="review" data-review-id="r1"><span class="name">Laura</span><span class="stars" aria-label="Rated 5 out of 5"></span><span class="date">March 2025</span><p>Spotless, great view, easy check-in.</p></div>
<div class="review" data-review-id="r2"><span class="name">Tom</span><span class="stars" aria-label="Rated 3 out of 5"></span><span class="date">February 2025</span><p>Nice place but noisy street at night.</p></div></div>
</body></html>""",
    # A film's page: the critics' and the audience's percent scores ("91%" Tomatometer, "78%"),
    # no star rating; each audience review's stars in a web component's own attribute
    # (``<rating-stars-group score="4.5">``).
    "rendered_web_component_score": """<html lang="en"><head><title>Harbour Lights | Rotten Tomatoes</title></head><body><h1 class="unset" data-qa="score-panel-title">Harbour Lights</h1>
<div class="media-scorecard"><rt-button slot="criticsScore"><rt-text>91%</rt-text></rt-button><rt-text slot="criticsScoreType">Tomatometer</rt-text><rt-link slot="criticsReviews">245 Reviews</rt-link>
<rt-button slot="audienceScore"><rt-text>78%</rt-text></rt-button><rt-text slot="audienceScoreType">Popcornmeter</rt-text><rt-link slot="audienceReviews">10,000+ Ratings</rt-link></div>
<section class="audience-reviews"><div class="audience-review-row" data-qa="review-item"><div class="review-data"><a class="audience-reviews__name" data-qa="review-name" href="/profiles/x">Ann B</a></div>
<div class="review-text-container"><rating-stars-group score="4.5" slot="rating"></rating-stars-group><span class="audience-reviews__duration" data-qa="review-duration">Mar 3, 2024</span><p class="audience-reviews__review js-review-text" data-qa="review-text">Funny and warm, the cast is great.</p></div></div>
<div class="audience-review-row" data-qa="review-item"><div class="review-data"><a class="audience-reviews__name" data-qa="review-name" href="/profiles/y">Carl D</a></div>
<div class="review-text-container"><rating-stars-group score="2" slot="rating"></rating-stars-group><span class="audience-reviews__duration" data-qa="review-duration">Feb 27, 2024</span><p class="audience-reviews__review js-review-text" data-qa="review-text">Too long and the jokes fall flat.</p></div></div></section>
</body></html>""",
    # A rental: each reviewer's name in a heading, a line about them ("2 years on Airbnb",
    # "Lisbon, Portugal") and the rating's line ("Rating, 5 stars" · "March 2025") before the text.
    "rendered_name_heading_above_reviewer_line": """<html lang="en"><head><title>Sea view loft - Lofts for Rent in Porto</title></head><body><h1 class="hpipapi">Sea view loft</h1>
<div class="r1lutz1s"><span aria-hidden="true">★ 4.92 · <a href="#reviews">128 reviews</a></span><span class="a8jt5op">Rated 4.92 out of 5 from 128 reviews.</span></div>
<div data-section-id="REVIEWS_DEFAULT"><div class="r1are2x1" data-review-id="9911"><h3 class="hpipapi">Laura</h3><div class="s78n3tv">2 years on Airbnb</div><div class="c5dn5hn"><span class="a8jt5op">Rating, 5 stars</span><span>·</span><span>March 2025</span></div><span class="ll4r2nl">Spotless, great view, easy check-in.</span></div>
<div class="r1are2x1" data-review-id="9912"><h3 class="hpipapi">Tom</h3><div class="s78n3tv">Lisbon, Portugal</div><div class="c5dn5hn"><span class="a8jt5op">Rating, 3 stars</span><span>·</span><span>February 2025</span></div><span class="ll4r2nl">Nice place but noisy street at night.</span></div></div>
</body></html>""",
}

SIXTH_EXPECTED: dict[str, tuple | None] = {
    "rendered_dutch_van_de_five": (("4,5", 123, "5"), ["5", "2"], "rendered", "12 maart 2025"),
    "rendered_hotel_class_property": (("9.2", 1024, "10"), ["10", "6"], "rendered", "Mar 3, 2025"),
    "rendered_score_then_plain_scale": (("4,6", 1234, "5"), ["5", "2"], "rendered", "publié le 12/03/2025"),
    "rendered_score_dot_count": (("4.7", 12300, "5"), ["4", "1"], "rendered", "03/03/2025"),
    "rendered_plugin_wrapped_parts": (("4.5", 22, "5"), ["5", "3"], "rendered", "3 March 2025"),
    "rendered_italian_author_class": (("4,3", 87, "5"), ["5", "3"], "rendered", "3 marzo 2025"),
    "rendered_thumbs_verdicts_only": None,
    "rendered_recommend_verdict_line": (("4.6", 2345, "5"), ["5", "2"], "rendered", "Posted 3 weeks ago"),
    "rendered_saas_fields_and_role": (("4.5", 1234, "5"), ["5", "3"], "rendered", "March 3, 2025"),
    "rendered_polish_nick": (("4,85", 1234, "5"), ["5", "2"], "rendered", "3 marca 2025"),
    "rendered_hungarian_dotted_dates": (("4,7", 1234, "5"), ["5", "2"], "rendered", "2025. 03. 03."),
    "rendered_spec_sheet_no_ratings": None,
    "rendered_russian_iz_five": (("4,6", 1234, "5"), ["5", "2"], "rendered", "3 марта 2025"),
    "rendered_star_glyph_score": (("4.92", 128, "5"), ["5", "3"], "rendered", "March 2025"),
    "rendered_web_component_score": (None, ["4.5", "2"], "rendered", "Mar 3, 2024"),
    "rendered_name_heading_above_reviewer_line": (("4.92", 128, "5"), ["5", "3"], "rendered", "March 2025"),
}  # fmt: skip
