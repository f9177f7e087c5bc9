# ruff: noqa: E501  (saved markup reads better unwrapped)
"""The eighth round's hand-written miniatures, merged into ``generic_shapes``: review widgets
shops embed as rendered HTML and portals' rendered review cards (issue 15)."""

from __future__ import annotations

EIGHTH_SHAPES: dict[str, str] = {
    # Okendo on a Shopify store: "Rated 4.7 out of 5 stars" in an off-screen ``oke-a11yText``
    # over stars drawn by a foreground's width, "Based on 128 reviews"; each review's reviewer
    # beside "Verified Buyer", its date, title and body.
    "rendered_widget_okendo": """<html lang="en-US"><head><title>Linen Shirt – Oak &amp; Thread</title></head><body><h1 class="product__title">Linen Shirt</h1>
<div class="okeReviews oke-w" data-oke-container><div class="oke-w-header"><div class="oke-w-ratingAverageModule"><span class="oke-w-ratingAverageModule-rating-average">4.7</span><div class="oke-stars"><div class="oke-a11yText">Rated 4.7 out of 5 stars</div><div class="oke-stars-background"><svg height="18" viewBox="0 0 79.68 14.51" aria-hidden="true"><use href="#oke-star-empty"></use></svg></div><div class="oke-stars-foreground" style="width: 94%"><svg height="18" viewBox="0 0 79.68 14.51" aria-hidden="true"><use href="#oke-star-filled"></use></svg></div></div><div class="oke-w-ratingAverageModule-count">Based on 128 reviews</div></div></div>
<ul class="oke-w-reviews-list"><li class="oke-w-reviews-list-item"><div class="oke-w-review"><div class="oke-w-review-side"><div class="oke-w-reviewer"><div class="oke-w-reviewer-name"><strong>Sarah M.</strong></div><div class="oke-w-reviewer-verified"><span class="oke-w-reviewer-verified-text">Verified Buyer</span></div></div></div><div class="oke-w-review-main"><div class="oke-reviewContent"><div class="oke-reviewContent-header"><div class="oke-stars"><div class="oke-a11yText">Rated 5 out of 5 stars</div><div class="oke-stars-foreground" style="width: 100%"><svg aria-hidden="true"><use href="#oke-star-filled"></use></svg></div></div><div class="oke-reviewContent-date"><span>03/03/2024</span></div></div><div class="oke-reviewContent-title">Perfect summer shirt</div><div class="oke-reviewContent-body"><p>Breathable, true to size, lovely colour.</p></div></div></div></div></li>
<li class="oke-w-reviews-list-item"><div class="oke-w-review"><div class="oke-w-review-side"><div class="oke-w-reviewer"><div class="oke-w-reviewer-name"><strong>James P.</strong></div><div class="oke-w-reviewer-verified"><span class="oke-w-reviewer-verified-text">Verified Buyer</span></div></div></div><div class="oke-w-review-main"><div class="oke-reviewContent"><div class="oke-reviewContent-header"><div class="oke-stars"><div class="oke-a11yText">Rated 3 out of 5 stars</div><div class="oke-stars-foreground" style="width: 60%"><svg aria-hidden="true"><use href="#oke-star-filled"></use></svg></div></div><div class="oke-reviewContent-date"><span>02/14/2024</span></div></div><div class="oke-reviewContent-title">Creases a lot</div><div class="oke-reviewContent-body"><p>Nice fabric but needs ironing after every wash.</p></div></div></div></div></li></ul></div>
</body></html>""",
    # Stamped.io: the summary's "4.8" in ``data-rating``, "Based on 212 Reviews"; each review's
    # ``aria-label="5 star rating"`` stars, the author in ``strong.author``, "03/03/2024".
    "rendered_widget_stamped": """<html lang="en"><head><title>Cold Brew Kit | Bean Co</title></head><body><h1 class="product-single__title">Cold Brew Kit</h1>
<div id="stamped-main-widget" class="stamped-main-widget"><div class="stamped-container"><div class="stamped-header"><div class="stamped-summary"><span class="stamped-summary-caption stamped-summary-caption-1"><span class="stamped-summary-text-1" data-rating="4.8">4.8</span></span><span class="stamped-starrating stamped-summary-starrating" aria-label="4.8 star rating" data-rating="4.8"><i class="stamped-fa stamped-fa-star" aria-hidden="true"></i><i class="stamped-fa stamped-fa-star" aria-hidden="true"></i><i class="stamped-fa stamped-fa-star" aria-hidden="true"></i><i class="stamped-fa stamped-fa-star" aria-hidden="true"></i><i class="stamped-fa stamped-fa-star-half-o" aria-hidden="true"></i></span><span class="stamped-summary-caption stamped-summary-caption-2"><span class="stamped-summary-text" data-count="212">Based on 212 Reviews</span></span></div></div>
<div class="stamped-content"><div class="stamped-reviews"><div id="stamped-review-1001" class="stamped-review" data-review-id="1001"><div class="stamped-review-header"><div class="stamped-review-avatar"><div class="stamped-review-avatar-content">ER</div></div><strong class="author" data-verified-label="Verified Buyer">Emily R.</strong><div class="review-location"><span>United States</span></div><span class="created">03/03/2024</span><div class="stamped-review-header-byline"><span class="stamped-starratings stamped-review-header-starratings" aria-label="5 star rating" data-rating="5"><i class="stamped-fa stamped-fa-star"></i><i class="stamped-fa stamped-fa-star"></i><i class="stamped-fa stamped-fa-star"></i><i class="stamped-fa stamped-fa-star"></i><i class="stamped-fa stamped-fa-star"></i></span></div></div><div class="stamped-review-content"><h3 class="stamped-review-header-title">Smoothest coffee</h3><p class="stamped-review-content-body">Makes a litre overnight, no bitterness at all.</p></div></div>
<div id="stamped-review-1002" class="stamped-review" data-review-id="1002"><div class="stamped-review-header"><div class="stamped-review-avatar"><div class="stamped-review-avatar-content">DK</div></div><strong class="author" data-verified-label="Verified Buyer">Dan K.</strong><div class="review-location"><span>Canada</span></div><span class="created">02/20/2024</span><div class="stamped-review-header-byline"><span class="stamped-starratings stamped-review-header-starratings" aria-label="2 star rating" data-rating="2"><i class="stamped-fa stamped-fa-star"></i><i class="stamped-fa stamped-fa-star"></i><i class="stamped-fa stamped-fa-star-o"></i><i class="stamped-fa stamped-fa-star-o"></i><i class="stamped-fa stamped-fa-star-o"></i></span></div></div><div class="stamped-review-content"><h3 class="stamped-review-header-title">Filter tore</h3><p class="stamped-review-content-body">The mesh filter ripped on the third use.</p></div></div></div></div></div></div>
</body></html>""",
    # REVIEWS.io: the company's "4.85" over "2,345 Reviews"; each review's stars drawn as icons
    # ``ricon-percentage-star--100`` (a filled share of each icon), the reviewer, "Verified
    # Customer", "3 days ago".
    "rendered_widget_reviews_io_percentage_stars": """<html lang="en-GB"><head><title>Greenleaf Tea Reviews | REVIEWS.io</title></head><body><h1 class="R-TextHeading">Greenleaf Tea</h1>
<div class="R-ReviewsSummary"><div class="R-TextHeading R-TextHeading--lg">4.85</div><div class="R-RatingStars"><div class="R-RatingStars__stars"><i class="ricon-percentage-star--100"></i><i class="ricon-percentage-star--100"></i><i class="ricon-percentage-star--100"></i><i class="ricon-percentage-star--100"></i><i class="ricon-percentage-star--80"></i></div></div><div class="R-TextBody R-TextBody--xs">2,345 Reviews</div></div>
<div class="R-ReviewsList"><div class="R-ReviewsList__item"><div class="item__meta"><div class="R-flex"><div class="cssVar-authorName">Tom H.</div><div class="R-TextBody R-TextBody--xxxxs">Verified Customer</div></div></div><div class="item__review"><div class="R-RatingStars"><div class="R-RatingStars__stars"><i class="ricon-percentage-star--100"></i><i class="ricon-percentage-star--100"></i><i class="ricon-percentage-star--100"></i><i class="ricon-percentage-star--100"></i><i class="ricon-percentage-star--100"></i></div></div><div class="R-TextBody R-TextBody--xxxxs">3 days ago</div><div class="R-TextBody">Fresh tea, quick delivery, lovely tin.</div></div></div>
<div class="R-ReviewsList__item"><div class="item__meta"><div class="R-flex"><div class="cssVar-authorName">Priya S.</div><div class="R-TextBody R-TextBody--xxxxs">Verified Customer</div></div></div><div class="item__review"><div class="R-RatingStars"><div class="R-RatingStars__stars"><i class="ricon-percentage-star--100"></i><i class="ricon-percentage-star--100"></i><i class="ricon-percentage-star--0"></i><i class="ricon-percentage-star--0"></i><i class="ricon-percentage-star--0"></i></div></div><div class="R-TextBody R-TextBody--xxxxs">1 week ago</div><div class="R-TextBody">The parcel arrived a week late and squashed.</div></div></div></div>
</body></html>""",
    # Feefo: "Service rating 4.8/5 based on 1,234 reviews" in one line; each review's stars in
    # an ``aria-label="Rated 5 out of 5 stars"``, the customer's place, the date.
    "rendered_widget_feefo": """<html lang="en-GB"><head><title>Harbour Blinds reviews | Feefo</title></head><body><h1 class="merchant-name">Harbour Blinds</h1>
<div class="feefo-summary"><div class="feefo-rating-stars" aria-label="Rated 4.8 out of 5 stars" role="img"></div><p class="feefo-summary-text">Service rating 4.8/5 based on 1,234 reviews</p></div>
<div class="feefo-reviews"><div class="feefo-review"><div class="feefo-review-header"><div class="feefo-rating-stars" aria-label="Rated 5 out of 5 stars" role="img"></div><span class="feefo-review-customer">Customer, Bristol</span><span class="feefo-review-date">3 March 2024</span></div><p class="feefo-review-service">Fitter was on time and very tidy.</p></div>
<div class="feefo-review"><div class="feefo-review-header"><div class="feefo-rating-stars" aria-label="Rated 2 out of 5 stars" role="img"></div><span class="feefo-review-customer">Customer, Leeds</span><span class="feefo-review-date">14 February 2024</span></div><p class="feefo-review-service">Blinds came in the wrong colour, took weeks to fix.</p></div></div>
</body></html>""",
    # eKomi's seal on a German shop: "4,8" "/5" beside "1.234 Bewertungen"; each review's
    # stars "5 von 5 Sternen", "vor 3 Tagen".
    "rendered_widget_ekomi_german": """<html lang="de-DE"><head><title>Kundenbewertungen | Gartenwelt24</title></head><body><h1 class="shop-title">Gartenwelt24</h1>
<div class="ekomi-widget-container"><div class="ekomi-summary"><span class="ekomi-rating-value">4,8</span><span class="ekomi-rating-max">/5</span><span class="ekomi-count">1.234 Bewertungen</span></div>
<div class="ekomi-feedbacks"><div class="ekomi-feedback"><div class="ekomi-stars" title="5 von 5 Sternen"></div><div class="ekomi-feedback-date">vor 3 Tagen</div><div class="ekomi-feedback-text">Schnelle Lieferung, Pflanzen gut verpackt.</div></div>
<div class="ekomi-feedback"><div class="ekomi-stars" title="2 von 5 Sternen"></div><div class="ekomi-feedback-date">vor 2 Wochen</div><div class="ekomi-feedback-text">Rasenmäher kam mit Kratzern an.</div></div></div></div>
</body></html>""",
    # ProvenExpert: "4,92" "von 5,00" with "148 Bewertungen" and "Empfehlungsquote 98 %" (a
    # share); each review's "Bewertung vom 03.03.2024" and its stars in a title.
    "rendered_widget_provenexpert": """<html lang="de"><head><title>Steuerberatung Weber Erfahrungen &amp; Bewertungen | ProvenExpert</title></head><body><h1 class="profile-name">Steuerberatung Weber</h1>
<div class="pe-rating"><div class="pe-rating-grade">SEHR GUT</div><div class="pe-rating-value"><span class="pe-value">4,92</span> <span class="pe-max">von 5,00</span></div><div class="pe-count">148 Bewertungen</div><div class="pe-recommend">Empfehlungsquote 98 %</div></div>
<div class="pe-reviews"><div class="pe-review"><div class="pe-stars" title="5 von 5 Sternen"></div><div class="pe-review-date">Bewertung vom 03.03.2024</div><div class="pe-review-text">Kompetente Beratung, schnelle Antworten auf alle Fragen.</div></div>
<div class="pe-review"><div class="pe-stars" title="3 von 5 Sternen"></div><div class="pe-review-date">Bewertung vom 12.02.2024</div><div class="pe-review-text">Gute Arbeit, aber lange Wartezeit auf Termine.</div></div></div>
</body></html>""",
    # A Trustpilot TrustBox carousel on a shop: "TrustScore 4.6 | 1,234 reviews" beside stars
    # in an svg titled "4.5 out of five star rating on Trustpilot" (rounded to a half); each
    # slide's stars titled so, its title, text, name and "3 days ago".
    "rendered_trustbox_carousel": """<html lang="en-GB"><head><title>Trustpilot widget</title></head><body><h1 class="visually-hidden">Northwind Bikes</h1>
<div class="tp-widget-wrapper"><div class="tp-widget-summary"><div class="tp-widget-businessinfo"><span class="tp-widget-trustscore">TrustScore <strong id="trust-score">4.6</strong></span> | <span id="translations-main"><strong class="tp-widget-businessinfo__total">1,234</strong> reviews</span></div><div class="tp-widget-stars"><div class="tp-stars tp-stars--4--half"><svg role="img" aria-labelledby="starRating-alf" viewBox="0 0 251 46"><title id="starRating-alf" lang="en">4.5 out of five star rating on Trustpilot</title><g class="tp-star"><path class="tp-star__canvas" fill="#00b67a" d="M0 46.330002h46.375586V0H0z"></path></g></svg></div></div></div>
<div class="tp-widget-reviews"><div class="tp-widget-review"><div class="tp-widget-stars"><div class="tp-stars tp-stars--5"><svg role="img" aria-labelledby="starRating---5" viewBox="0 0 251 46"><title id="starRating---5" lang="en">5 out of five star rating on Trustpilot</title><g class="tp-star"><path class="tp-star__canvas" fill="#00b67a" d="M0 46.330002h46.375586V0H0z"></path></g></svg></div></div><div class="header">Great service</div><div class="text">Bike arrived fully assembled and tuned.</div><div class="name">Laura</div><div class="date">3 days ago</div></div>
<div class="tp-widget-review"><div class="tp-widget-stars"><div class="tp-stars tp-stars--2"><svg role="img" aria-labelledby="starRating---2" viewBox="0 0 251 46"><title id="starRating---2" lang="en">2 out of five star rating on Trustpilot</title><g class="tp-star"><path class="tp-star__canvas" fill="#00b67a" d="M0 46.330002h46.375586V0H0z"></path></g></svg></div></div><div class="header">Slow refund</div><div class="text">Returned a helmet, waited five weeks for my money.</div><div class="name">Owen</div><div class="date">2 weeks ago</div></div></div></div>
</body></html>""",
    # Elfsight's Google reviews widget: hashed class names; "4.9" with "Based on 215 reviews";
    # each review's stars as five svgs filled or not by ``fill``, the reviewer and "2 weeks ago".
    "rendered_widget_elfsight_google": """<html lang="en"><head><title>Bella Napoli Pizzeria</title></head><body><h1>Bella Napoli Pizzeria</h1>
<div class="eapps-widget"><div class="es-header-container"><div class="HeaderRating__Value-sc-1x2y3z">4.9</div><div class="es-stars" aria-label="Rating 4.9 out of 5"></div><div class="HeaderRating__Count-sc-4r5t6y">Based on 215 reviews</div></div>
<div class="es-review-container"><div class="ReviewContainer-sc-a1b2"><div class="es-review-author-name">Marco Rossi</div><div class="es-review-info-date">2 weeks ago</div><div class="es-review-rating" aria-label="Rating 5 out of 5"></div><div class="es-review-content-text">Best margherita outside Naples, friendly staff.</div></div>
<div class="ReviewContainer-sc-a1b2"><div class="es-review-author-name">Julia Chen</div><div class="es-review-info-date">a month ago</div><div class="es-review-rating" aria-label="Rating 3 out of 5"></div><div class="es-review-content-text">Good pizza, but we waited 40 minutes for a table.</div></div></div></div>
</body></html>""",
    # Magento 2: ratings drawn as a bar, ``<div class="rating-result" title="80%"><span
    # style="width:80%"><span>80%</span></span></div>`` (80% of five stars: 4), "12 Reviews";
    # each review's "Review by" name and "Posted on" date.
    "rendered_magento_rating_result": """<html lang="en"><head><title>Yoga Mat Pro | Luma</title></head><body><h1 class="page-title"><span class="base" data-ui-id="page-title-wrapper">Yoga Mat Pro</span></h1>
<div class="product-reviews-summary"><div class="rating-summary"><span class="label"><span>Rating:</span></span><div class="rating-result" title="87%"><span style="width:87%"><span>87%</span></span></div></div><div class="reviews-actions"><a class="action view" href="#reviews">12&nbsp;<span>Reviews</span></a><a class="action add" href="#review-form">Add Your Review</a></div></div>
<ol class="items review-items"><li class="item review-item"><div class="review-title">Great grip</div><div class="review-ratings"><div class="rating-summary item"><span class="label rating-label"><span>Rating</span></span><div class="rating-result" title="100%"><span style="width:100%"><span>100%</span></span></div></div></div><div class="review-content">Does not slip even in hot yoga.</div><div class="review-details"><p class="review-author"><span class="review-details-label">Review by</span> <strong class="review-details-value">Anna</strong></p><p class="review-date"><span class="review-details-label">Posted on</span> <time class="review-details-value" datetime="2024-03-03T10:00:00+00:00">3/3/24</time></p></div></li>
<li class="item review-item"><div class="review-title">Smells</div><div class="review-ratings"><div class="rating-summary item"><span class="label rating-label"><span>Rating</span></span><div class="rating-result" title="40%"><span style="width:40%"><span>40%</span></span></div></div></div><div class="review-content">Strong rubber smell for weeks.</div><div class="review-details"><p class="review-author"><span class="review-details-label">Review by</span> <strong class="review-details-value">Rob</strong></p><p class="review-date"><span class="review-details-label">Posted on</span> <time class="review-details-value" datetime="2024-02-12T10:00:00+00:00">2/12/24</time></p></div></li></ol>
</body></html>""",
    # Shopware 6: stars as ``product-review-point`` icons, full ones ``point-full``, a part one
    # ``point-partial`` clipped by ``clip-path: inset(0 50% 0 0)`` and empty ones
    # ``point-blank``; "12 Bewertungen"; reviews dated "03.03.2024" with no name.
    "rendered_shopware_points": """<html lang="de-DE"><head><title>Thermoskanne 1l | Küchenhaus</title></head><body><h1 class="product-detail-name">Thermoskanne 1l</h1>
<div class="product-detail-reviews"><div class="product-review-rating"><div class="product-review-point"><div class="point-container"><div class="point-rating point-full"><span class="icon icon-star"><svg></svg></span></div></div></div><div class="product-review-point"><div class="point-container"><div class="point-rating point-full"><span class="icon icon-star"><svg></svg></span></div></div></div><div class="product-review-point"><div class="point-container"><div class="point-rating point-full"><span class="icon icon-star"><svg></svg></span></div></div></div><div class="product-review-point"><div class="point-container"><div class="point-rating point-full"><span class="icon icon-star"><svg></svg></span></div></div></div><div class="product-review-point"><div class="point-container"><div class="point-rating point-partial" style="clip-path: inset(0 50% 0 0)"><span class="icon icon-star"><svg></svg></span></div><div class="point-rating point-blank"><span class="icon icon-star"><svg></svg></span></div></div></div></div><p class="product-detail-reviews-rating">4,5 von 5</p><a class="product-detail-reviews-link">12 Bewertungen</a></div>
<div class="product-detail-review-list"><div class="product-detail-review-item"><div class="product-detail-review-item-info"><div class="product-detail-review-item-points"><div class="product-review-rating"><div class="product-review-point"><div class="point-container"><div class="point-rating point-full"><span class="icon icon-star"><svg></svg></span></div></div></div><div class="product-review-point"><div class="point-container"><div class="point-rating point-full"><span class="icon icon-star"><svg></svg></span></div></div></div><div class="product-review-point"><div class="point-container"><div class="point-rating point-full"><span class="icon icon-star"><svg></svg></span></div></div></div><div class="product-review-point"><div class="point-container"><div class="point-rating point-full"><span class="icon icon-star"><svg></svg></span></div></div></div><div class="product-review-point"><div class="point-container"><div class="point-rating point-full"><span class="icon icon-star"><svg></svg></span></div></div></div></div></div><div class="product-detail-review-item-date"><small>03.03.2024</small></div></div><p class="product-detail-review-item-title"><strong>Hält lange warm</strong></p><p class="product-detail-review-item-content">Tee ist nach zwölf Stunden noch heiß.</p></div>
<div class="product-detail-review-item"><div class="product-detail-review-item-info"><div class="product-detail-review-item-points"><div class="product-review-rating"><div class="product-review-point"><div class="point-container"><div class="point-rating point-full"><span class="icon icon-star"><svg></svg></span></div></div></div><div class="product-review-point"><div class="point-container"><div class="point-rating point-full"><span class="icon icon-star"><svg></svg></span></div></div></div><div class="product-review-point"><div class="point-container"><div class="point-rating point-blank"><span class="icon icon-star"><svg></svg></span></div></div></div><div class="product-review-point"><div class="point-container"><div class="point-rating point-blank"><span class="icon icon-star"><svg></svg></span></div></div></div><div class="product-review-point"><div class="point-container"><div class="point-rating point-blank"><span class="icon icon-star"><svg></svg></span></div></div></div></div></div><div class="product-detail-review-item-date"><small>12.02.2024</small></div></div><p class="product-detail-review-item-title"><strong>Deckel undicht</strong></p><p class="product-detail-review-item-content">Der Deckel tropft beim Ausgießen.</p></div></div>
</body></html>""",
    # WooCommerce: "Rated 4.50 out of 5 based on 12 customer ratings" inside ``star-rating``
    # (its width 90%), "(12 customer reviews)"; each review's "Rated 5 out of 5", the author,
    # "(verified owner)", a dash and the date in a ``<time>``.
    "rendered_woocommerce_reviews": """<html lang="en-US"><head><title>Ceramic Pour-Over – Kiln &amp; Co</title></head><body><h1 class="product_title entry-title">Ceramic Pour-Over</h1>
<div class="woocommerce-product-rating"><div class="star-rating" role="img" aria-label="Rated 4.50 out of 5"><span style="width:90%">Rated <strong class="rating">4.50</strong> out of 5 based on <span class="rating">12</span> customer ratings</span></div><a href="#reviews" class="woocommerce-review-link" rel="nofollow">(<span class="count">12</span> customer reviews)</a></div>
<div id="reviews" class="woocommerce-Reviews"><ol class="commentlist"><li class="review byuser comment-author-anna even thread-even depth-1" id="li-comment-21"><div id="comment-21" class="comment_container"><img alt="" src="/avatar.png" class="avatar avatar-60 photo" height="60" width="60"><div class="comment-text"><div class="star-rating" role="img" aria-label="Rated 5 out of 5"><span style="width:100%">Rated <strong class="rating">5</strong> out of 5</span></div><p class="meta"><strong class="woocommerce-review__author">Anna </strong><em class="woocommerce-review__verified verified">(verified owner)</em> <span class="woocommerce-review__dash">&ndash;</span> <time class="woocommerce-review__published-date" datetime="2024-03-03T10:12:00+00:00">March 3, 2024</time></p><div class="description"><p>Beautiful glaze and a steady, even pour.</p></div></div></div></li>
<li class="review byuser comment-author-ben odd alt thread-odd depth-1" id="li-comment-22"><div id="comment-22" class="comment_container"><img alt="" src="/avatar.png" class="avatar avatar-60 photo" height="60" width="60"><div class="comment-text"><div class="star-rating" role="img" aria-label="Rated 3 out of 5"><span style="width:60%">Rated <strong class="rating">3</strong> out of 5</span></div><p class="meta"><strong class="woocommerce-review__author">Ben </strong><span class="woocommerce-review__dash">&ndash;</span> <time class="woocommerce-review__published-date" datetime="2024-02-12T09:00:00+00:00">February 12, 2024</time></p><div class="description"><p>Drips a little from the spout.</p></div></div></div></li></ol></div>
</body></html>""",
    # A rental's reviews: "Rated 4.92 out of 5 stars." off-screen beside "4.92 · 128 reviews";
    # each review's "Rating, 5 stars" in hidden text, the guest's name in a heading over the
    # place, "March 2024".
    "rendered_airbnb_rating_comma_stars": """<html lang="en"><head><title>Loft by the canal - Lofts for Rent in Amsterdam - Airbnb</title></head><body><h1 class="hpipapi">Loft by the canal</h1>
<div class="r1lutz1s"><span class="a8jt5op">Rated 4.92 out of 5 stars.</span><div aria-hidden="true" class="r1dxllyb">4.92</div><span class="s1b4clln">·</span><a class="l1ovpqvx" href="/rooms/1/reviews">128 reviews</a></div>
<div data-section-id="REVIEWS_DEFAULT"><div class="r1are2x1"><div class="c10or9ri"><h3 class="hpipapi">Jana</h3><div class="s17vloqa">Berlin, Germany</div></div><div class="c5dn5hn"><div class="s78n3tv"><span class="a8jt5op">Rating, 5 stars</span></div><span class="s1b4clln">·</span><div class="s78n3tv">March 2024</div></div><div class="r1bctolv"><span class="ll4r2nl">Spotless, quiet and the host left great tips for dinner.</span></div></div>
<div class="r1are2x1"><div class="c10or9ri"><h3 class="hpipapi">Tom</h3><div class="s17vloqa">Leeds, United Kingdom</div></div><div class="c5dn5hn"><div class="s78n3tv"><span class="a8jt5op">Rating, 3 stars</span></div><span class="s1b4clln">·</span><div class="s78n3tv">February 2024</div></div><div class="r1bctolv"><span class="ll4r2nl">Lovely view but the stairs are steep and the bed is small.</span></div></div></div>
</body></html>""",
    # A Polish hotel page: the guests' "Ocena: 8,9" with "1234 opinii"; each review's "Ocena
    # 9,0", its "Data opinii: 3 marca 2024" and the guest's name.
    "rendered_booking_polish_scores": """<html lang="pl"><head><title>Hotel Wawel, Kraków – aktualne ceny</title></head><body><h1 class="pp-header__title">Hotel Wawel</h1>
<div data-testid="review-score-component"><div class="score-badge" aria-label="Ocena: 8,9">8,9</div><div class="score-word">Fantastyczny</div><div class="score-count">1234 opinii</div></div>
<ul class="review_list"><li class="review_item"><div class="review-card"><div class="bui-avatar-block__title">Katarzyna</div><div class="bui-avatar-block__subtitle">Polska</div><div class="bui-review-score__badge" aria-label="Ocena 9,0">9,0</div><span class="review-date">Data opinii: 3 marca 2024</span><div class="review-text">Świetna lokalizacja, pyszne śniadania.</div></div></li>
<li class="review_item"><div class="review-card"><div class="bui-avatar-block__title">Marek</div><div class="bui-avatar-block__subtitle">Polska</div><div class="bui-review-score__badge" aria-label="Ocena 6,0">6,0</div><span class="review-date">Data opinii: 14 lutego 2024</span><div class="review-text">Głośno w nocy, mały pokój.</div></div></li></ul>
</body></html>""",
    # A price comparison: the press's "Testnote: gut (2,0)" from "12 Testberichte" above the
    # users' "4,5 / 5" from "87 Bewertungen" (the aggregate); each user's "5 von 5 Sternen".
    "rendered_idealo_press_grade_and_users": """<html lang="de-DE"><head><title>Bosch Akkuschrauber X18 ab 89,00 € | Preisvergleich bei idealo.de</title></head><body><h1 class="oopStage-title" id="oopStage-title">Bosch Akkuschrauber X18</h1>
<div class="oopStage-testReports"><span class="oopStage-testReports-grade">Testnote: gut (2,0)</span><span class="oopStage-testReports-count">12 Testberichte</span></div>
<div class="oopStage-userRating"><div class="sr-stars" title="4,5 von 5 Sternen"></div><span class="sr-rating">4,5 / 5</span><span class="sr-count">87 Bewertungen</span></div>
<div class="productReviews"><div class="productReviews-review"><div class="sr-stars" title="5 von 5 Sternen"></div><span class="productReviews-author">Heimwerker_Max</span><span class="productReviews-date">03.03.2024</span><p class="productReviews-text">Kräftig, leicht und der Akku hält lange.</p></div>
<div class="productReviews-review"><div class="sr-stars" title="3 von 5 Sternen"></div><span class="productReviews-author">Sabine</span><span class="productReviews-date">12.02.2024</span><p class="productReviews-text">Gutes Gerät, aber das Bitset ist billig.</p></div></div>
</body></html>""",
    # A US retailer: "(4.5)" and "4.5 out of 5 stars. 1,234 reviews" hidden; each review's
    # "5 out of 5 stars review", its date, the reviewer beside "Verified Purchase".
    "rendered_walmart_stars_review": """<html lang="en-US"><head><title>Acme Air Fryer 5.8 Qt - Walmart.com</title></head><body><h1 id="main-title" itemprop="name">Acme Air Fryer 5.8 Qt</h1>
<div class="flex items-center"><span class="f7 rating-number">(4.5)</span><div class="w_iUH7">4.5 out of 5 stars. 1,234 reviews</div><a class="f7 ml1" href="/reviews">1,234 reviews</a></div>
<div class="reviews-list"><div class="overflow-hidden relative"><div class="flex"><div class="w_ExHd"><span class="w_iUH7">5 out of 5 stars review</span></div><div class="f7 gray">3/3/2024</div></div><span class="b w_V_DM">Crispy fries</span><span class="tl-m db-m">Cooks evenly, easy to clean basket.</span><div class="f7 b mv0">Jenny</div><div class="pl2 green b f7">Verified Purchase</div></div>
<div class="overflow-hidden relative"><div class="flex"><div class="w_ExHd"><span class="w_iUH7">2 out of 5 stars review</span></div><div class="f7 gray">2/12/2024</div></div><span class="b w_V_DM">Loud fan</span><span class="tl-m db-m">The fan rattles and the coating peeled.</span><div class="f7 b mv0">Carl</div><div class="pl2 green b f7">Verified Purchase</div></div></div>
</body></html>""",
    # An electronics retailer: "Rating 4.7 out of 5 stars with 2,345 reviews" in one hidden
    # text; each review's "Rated 5 out of 5 stars", the author, "Posted" and a relative date
    # in a ``<time title="Mar 3, 2024 10:15 AM">``.
    "rendered_bestbuy_rating_with_reviews": """<html lang="en-US"><head><title>Acme 65" 4K TV - Best Buy</title></head><body><h1 class="heading-5 v-fw-regular">Acme 65" Class 4K UHD Smart TV</h1>
<div class="ugc-c-review-average"><span class="ugc-c-review-average font-weight-medium order-1">4.7</span><div class="c-ratings-reviews"><p class="visually-hidden">Rating 4.7 out of 5 stars with 2,345 reviews</p><span class="c-reviews order-2">(2,345 Reviews)</span></div></div>
<ul class="reviews-list"><li class="review-item"><div class="review-item-header"><div class="review-rating"><div class="c-ratings-reviews"><p class="visually-hidden">Rated 5 out of 5 stars</p></div></div><h4 class="c-section-title review-title heading-5 v-fw-medium">Amazing picture</h4></div><div class="ugc-review-by"><strong>JaneD</strong></div><div class="posted-date-ownership"><span>Posted </span><time class="submission-date" title="Mar 3, 2024 10:15 AM">3 weeks ago</time></div><div class="ugc-review-body"><p class="pre-white-space">Colors are vivid and setup took five minutes.</p></div></li>
<li class="review-item"><div class="review-item-header"><div class="review-rating"><div class="c-ratings-reviews"><p class="visually-hidden">Rated 2 out of 5 stars</p></div></div><h4 class="c-section-title review-title heading-5 v-fw-medium">Remote stopped working</h4></div><div class="ugc-review-by"><strong>Mike77</strong></div><div class="posted-date-ownership"><span>Posted </span><time class="submission-date" title="Feb 10, 2024 8:00 PM">1 month ago</time></div><div class="ugc-review-body"><p class="pre-white-space">The remote died in a week and support was no help.</p></div></li></ul>
</body></html>""",
    # A home-improvement store: stars drawn by a span's width (``stars--c43xm`` 100% of 5), the
    # summary's "4.6" "out of 5" "(1,234)"; each review's reviewer and "Mar 3, 2024".
    "rendered_home_depot_drawn_width": """<html lang="en-US"><head><title>Cordless Drill 20V - The Home Depot</title></head><body><h1 class="sui-h4-bold">Cordless Drill 20V</h1>
<div class="ratings-reviews__accordion-subheader"><span class="ratings-reviews__rating">4.6</span><span class="ratings-reviews__out-of">out of 5</span><span class="ratings-reviews__count">(1,234)</span></div>
<div class="review_item"><div class="review-content__header"><div class="stars-reviews"><span class="stars--c43xm" style="width: 100%"></span></div><span class="review-content__title">Powerful</span></div><div class="review-content__body">Drove 3 inch screws into oak with no trouble.</div><div class="review-content__author"><span class="review-content__no-padding">BuilderBob</span><span class="review-content__date">Mar 3, 2024</span></div></div>
<div class="review_item"><div class="review-content__header"><div class="stars-reviews"><span class="stars--c43xm" style="width: 40%"></span></div><span class="review-content__title">Chuck slips</span></div><div class="review-content__body">The chuck loosens under load, bits fall out.</div><div class="review-content__author"><span class="review-content__no-padding">Dana_R</span><span class="review-content__date">Feb 12, 2024</span></div></div>
</body></html>""",
    # A consumer review site: "Overall satisfaction rating" "4.6/5" "Based on 1,234 ratings";
    # each review's stars in an image's ``alt="Rating: 5 out of 5"``, "Jane of Austin, TX",
    # "Verified Reviewer", "Reviewed March 3, 2024".
    "rendered_consumeraffairs_reviewed_on": """<html lang="en-US"><head><title>Acme Movers Reviews | ConsumerAffairs</title></head><body><h1 class="ca-a-hd">Acme Movers</h1>
<div class="ca-rtg"><div class="ca-rtg__lbl">Overall satisfaction rating</div><div class="ca-rtg__val">4.6/5</div><div class="ca-rtg__cnt">Based on 1,234 ratings</div></div>
<div id="reviews-container"><div class="rvw js-rvw" id="review-1"><div class="rvw__hdr-stat"><img alt="Rating: 5 out of 5" src="/stars/5.svg"></div><div class="rvw-aut"><strong class="rvw-aut__inf-nm">Jane of Austin, TX</strong><span class="rvw-aut__inf-str">Verified Reviewer</span></div><p class="rvw__rvd-dt">Reviewed March 3, 2024</p><div class="rvw__top-text"><p>The crew wrapped every piece of furniture and nothing broke.</p></div></div>
<div class="rvw js-rvw" id="review-2"><div class="rvw__hdr-stat"><img alt="Rating: 1 out of 5" src="/stars/1.svg"></div><div class="rvw-aut"><strong class="rvw-aut__inf-nm">Mark of Denver, CO</strong><span class="rvw-aut__inf-str">Verified Reviewer</span></div><p class="rvw__rvd-dt">Reviewed February 12, 2024</p><div class="rvw__top-text"><p>They showed up a day late and charged extra hours.</p></div></div></div>
</body></html>""",
    # A job site's company reviews: each review's "5.0 out of 5 stars." in a role="img" label,
    # the author line "Software Engineer (Former Employee) - Austin, TX - March 3, 2024".
    "rendered_indeed_author_line_date": """<html lang="en-US"><head><title>Working at Acme Corp: 1,234 Reviews | Indeed.com</title></head><body><h1 class="css-1tgi5tp">Acme Corp</h1>
<div class="css-1n0d0c9"><span class="css-1oxbpod">4.1</span><div aria-label="4.1 out of 5 stars." role="img" class="css-1ynpgv1"></div><span class="css-1c9w4a1">1,234 reviews</span></div>
<div data-testid="reviewsList"><div data-tn-entitytype="reviewId" class="css-lw17hn"><div aria-label="5.0 out of 5 stars." role="img" class="css-1ynpgv1"></div><h2 class="css-1edqxdo"><span class="css-15r9gu1">Great place to grow</span></h2><span class="css-xvmbeo"><span itemprop="author" class="css-1kqftj4">Software Engineer (Former Employee) - Austin, TX - March 3, 2024</span></span><div class="css-15r9gu1"><span class="css-82hnxc">Good mentors, flexible hours, fair pay.</span></div></div>
<div data-tn-entitytype="reviewId" class="css-lw17hn"><div aria-label="2.0 out of 5 stars." role="img" class="css-1ynpgv1"></div><h2 class="css-1edqxdo"><span class="css-15r9gu1">Constant reorgs</span></h2><span class="css-xvmbeo"><span class="css-1kqftj4">Sales Associate (Current Employee) - Denver, CO - February 12, 2024</span></span><div class="css-15r9gu1"><span class="css-82hnxc">Management changes every quarter, targets keep rising.</span></div></div></div>
</body></html>""",
    # A doctors' booking site: "Overall rating" "4.8" with "1,234 reviews"; each review's
    # "5 stars" label, the author line "Verified patient · Jane D." and "March 3, 2024".
    "rendered_zocdoc_verified_patient_author": """<html lang="en-US"><head><title>Dr. Emily Park, MD | Dermatologist in New York, NY | Zocdoc</title></head><body><h1 data-test="doctor-name">Dr. Emily Park, MD</h1>
<div data-test="review-summary"><div class="sc-overall-label">Overall rating</div><div class="sc-overall-score" aria-label="4.8 out of 5 stars">4.8</div><div class="sc-review-count">1,234 reviews</div></div>
<div data-test="reviews-list"><div data-test="review-card"><div class="sc-stars" aria-label="5 stars"></div><div class="sc-review-date">March 3, 2024</div><div class="sc-review-author">Verified patient · Jane D.</div><p class="sc-review-text">Dr. Park listened carefully and the wait was short.</p></div>
<div data-test="review-card"><div class="sc-stars" aria-label="3 stars"></div><div class="sc-review-date">February 12, 2024</div><div class="sc-review-author">Verified patient · Omar K.</div><p class="sc-review-text">Good visit, but the front desk lost my insurance details.</p></div></div>
</body></html>""",
    # A home-services directory: "5.0 Average rating" "62 Reviews"; each review's stars in
    # ``aria-label="5 out of 5 stars"`` with the reviewer in a link and "Mar 3, 2024".
    "rendered_houzz_average_rating": """<html lang="en-US"><head><title>Oak Street Builders - Portland, OR | Houzz</title></head><body><h1 class="hz-view-profile__name">Oak Street Builders</h1>
<div class="hz-profile-rating"><span class="hz-star-rate__rating-number">5.0</span><span class="hz-star-rate__label">Average rating</span><span class="hz-star-rate__review-string">62 Reviews</span></div>
<ul class="review-list"><li class="review-item"><a class="review-item__author">Liz T.</a><span class="hz-star-rate" aria-label="5 out of 5 stars" role="img"></span><span class="review-item__date">Mar 3, 2024</span><div class="review-item__body">They remodeled our kitchen on time and on budget.</div></li>
<li class="review-item"><a class="review-item__author">Greg W.</a><span class="hz-star-rate" aria-label="3 out of 5 stars" role="img"></span><span class="review-item__date">Feb 12, 2024</span><div class="review-item__body">Nice work, but communication was slow.</div></li></ul>
</body></html>""",
    # A freelance marketplace: the seller's "4.9" and "(1,234)"; each review's "5" in
    # ``rating-score``, the buyer and country, "1 week ago".
    "rendered_fiverr_rating_score": """<html lang="en"><head><title>I will design a minimalist logo | Fiverr</title></head><body><h1 class="text-display-3">I will design a minimalist logo for your brand</h1>
<div class="seller-overview"><div class="orca-rating"><strong class="rating-score">4.9</strong><span class="ratings-count">(1,234)</span></div></div>
<ul class="review-list"><li class="review-item-component"><div class="reviewer-details"><p class="username">jlee_co</p><div class="country"><p>United States</p></div></div><div class="rating-details"><div class="orca-rating"><strong class="rating-score">5</strong></div><time class="review-date">1 week ago</time></div><div class="review-description"><p>Fast, creative and open to changes. Will order again.</p></div></li>
<li class="review-item-component"><div class="reviewer-details"><p class="username">marco_b</p><div class="country"><p>Italy</p></div></div><div class="rating-details"><div class="orca-rating"><strong class="rating-score">3</strong></div><time class="review-date">2 weeks ago</time></div><div class="review-description"><p>The logo was fine but it took three revisions to get there.</p></div></li></ul>
</body></html>""",
    # A browser extension store: hashed class names only; "4.5 out of 5" "(2.9K ratings)";
    # each review's author first in its card, its date, stars "Rated 5 out of 5 stars".
    "rendered_chrome_store_hashed_author": """<html lang="en"><head><title>Tab Saver - Chrome Web Store</title></head><body><h1 class="Pa2dE">Tab Saver</h1>
<div class="j3zrsd"><span class="Vq0ZA">4.5</span><span class="GlMWqe">out of 5</span><span class="xJEoWe">(2.9K ratings)</span></div>
<section class="T7rvce"><div class="JjQX9c"><div class="A7yuBc"><img class="Tzsmkd" alt="" src="/a1.png"><span class="x6F9Wb">Priya Nair</span></div><div class="B1UG8d"><div class="Y30PE" role="img" aria-label="Rated 5 out of 5 stars"></div><span class="ydlbEf">Mar 3, 2024</span></div><p class="fzDEpf">Saves my whole session with one click. Never lost tabs since.</p></div>
<div class="JjQX9c"><div class="A7yuBc"><img class="Tzsmkd" alt="" src="/a2.png"><span class="x6F9Wb">Luke Brown</span></div><div class="B1UG8d"><div class="Y30PE" role="img" aria-label="Rated 2 out of 5 stars"></div><span class="ydlbEf">Feb 12, 2024</span></div><p class="fzDEpf">Stopped syncing after the last update, had to reinstall.</p></div></section>
</body></html>""",
    # A wine app: "4.2" with "12,345 ratings"; each community review's rating "4.0" in a badge,
    # the author's name in a hashed link first in the card, and "Mar 3, 2024".
    "rendered_vivino_rating_badge": """<html lang="en"><head><title>Château Margaux 2015 | Vivino</title></head><body><h1 class="wine-page__header"><span class="vintage">Château Margaux 2015</span></h1>
<div class="vivinoRating_vivinoRating__RbvjH"><div class="vivinoRating_averageValue__uDdPM">4.2</div><div class="vivinoRating_ratingStars"><span class="vivinoRating_starFull"></span><span class="vivinoRating_starFull"></span><span class="vivinoRating_starFull"></span><span class="vivinoRating_starFull"></span><span class="vivinoRating_starEmpty"></span></div><div class="vivinoRating_caption__xL84P">12,345 ratings</div></div>
<div class="communityReviews__reviewsList"><div class="communityReview__reviewCard"><a class="anchor_anchor__m8Qi- communityReview__user" href="/users/ana">Ana Souza</a><div class="userRating_ratingBadge__3x2e" aria-label="Rated 4.5 out of 5">4.5</div><p class="communityReview__reviewText">Silky tannins, blackcurrant and cedar, very long finish.</p><span class="communityReview__date">Mar 3, 2024</span></div>
<div class="communityReview__reviewCard"><a class="anchor_anchor__m8Qi- communityReview__user" href="/users/jk">JK</a><div class="userRating_ratingBadge__3x2e" aria-label="Rated 3.0 out of 5">3.0</div><p class="communityReview__reviewText">Still closed, needs ten more years in the cellar.</p><span class="communityReview__date">Feb 12, 2024</span></div></div>
</body></html>""",
    # A Czech shop comparison: "4,6 z 5" with "1 234 hodnocení"; reviews "5 z 5 hvězdiček",
    # "před 3 dny", "před týdnem".
    "rendered_czech_relative_dates": """<html lang="cs"><head><title>Kávovar Lumo 3 - recenze | Heureka.cz</title></head><body><h1 class="c-product-info__name">Kávovar Lumo 3</h1>
<div class="c-rating-widget"><span class="c-rating-widget__value">4,6 z 5</span><span class="c-rating-widget__count">1 234 hodnocení</span></div>
<ul class="c-reviews__list"><li class="c-post"><div class="c-post__author">Petr N.</div><div class="c-stars" title="5 z 5 hvězdiček"></div><time class="c-post__publish-time">před 3 dny</time><p class="c-post__summary">Skvělá káva, tichý a rychlý.</p></li>
<li class="c-post"><div class="c-post__author">Jana K.</div><div class="c-stars" title="2 z 5 hvězdiček"></div><time class="c-post__publish-time">před týdnem</time><p class="c-post__summary">Po měsíci teče voda pod přístrojem.</p></li></ul>
</body></html>""",
    # A Russian marketplace: "4,7 из 5" over "1 234 отзыва"; each review's "5 из 5", "3 дня
    # назад", "неделю назад".
    "rendered_russian_relative_dates": """<html lang="ru"><head><title>Пылесос Vortex 200 — отзывы покупателей</title></head><body><h1 class="product-title">Пылесос Vortex 200</h1>
<div class="rating-summary"><span class="rating-value">4,7 из 5</span><span class="rating-count">1 234 отзыва</span></div>
<div class="reviews"><div class="review"><div class="review-author">Алексей</div><div class="review-stars" aria-label="5 из 5"></div><div class="review-date">3 дня назад</div><p class="review-text">Мощный и тихий, отлично собирает шерсть.</p></div>
<div class="review"><div class="review-author">Ольга</div><div class="review-stars" aria-label="2 из 5"></div><div class="review-date">неделю назад</div><p class="review-text">Через месяц сломалась щётка.</p></div></div>
</body></html>""",
    # A Ukrainian shop: "4 з 5" stars, "3 дні тому", "тиждень тому"; "128 відгуків".
    "rendered_ukrainian_relative_dates": """<html lang="uk"><head><title>Чайник Kettle K1 — відгуки | Rozetka</title></head><body><h1 class="product__title">Чайник Kettle K1</h1>
<div class="product-rating"><div class="stars" aria-label="4,5 з 5"></div><span class="product-rating__count">128 відгуків</span></div>
<ul class="product-comments__list"><li class="product-comment"><div class="product-comment__author">Олена</div><div class="stars" aria-label="5 з 5"></div><time class="product-comment__date">3 дні тому</time><p class="product-comment__body">Швидко закипає, зручна ручка.</p></li>
<li class="product-comment"><div class="product-comment__author">Іван</div><div class="stars" aria-label="2 з 5"></div><time class="product-comment__date">тиждень тому</time><p class="product-comment__body">Кришка погано закривається.</p></li></ul>
</body></html>""",
    # A Hungarian price comparison: "4,5 / 5" with "1 234 értékelés"; reviews "5/5", "3 napja",
    # "2 hete".
    "rendered_hungarian_relative_dates": """<html lang="hu"><head><title>Kávéfőző Lumo 3 vélemények | Árukereső</title></head><body><h1 class="product-title">Kávéfőző Lumo 3</h1>
<div class="rating-summary"><span class="rating-value">4,5 / 5</span><span class="rating-count">1 234 értékelés</span></div>
<div class="reviews"><div class="review"><div class="review-author">Kovács Péter</div><div class="review-stars" title="5/5 csillag"></div><div class="review-date">3 napja</div><p class="review-text">Gyors, csendes, finom kávét főz.</p></div>
<div class="review"><div class="review-author">Nagy Anna</div><div class="review-stars" title="2/5 csillag"></div><div class="review-date">2 hete</div><p class="review-text">Egy hónap után szivárogni kezdett.</p></div></div>
</body></html>""",
    # A Polish comparison site: "Ocena 4,5 / 5" with "128 opinii"; each review's "Ocena 5/5",
    # "Wystawiono 3 dni temu" and the author.
    "rendered_polish_issued_dates": """<html lang="pl"><head><title>Odkurzacz Vortex 200 - Opinie - Ceneo.pl</title></head><body><h1 class="product-top__product-info__name">Odkurzacz Vortex 200</h1>
<div class="product-review"><span class="product-review__score" title="Ocena 4,5 / 5">4,5</span><span class="product-review__qo">128 opinii</span></div>
<div class="js_product-reviews"><div class="user-post user-post__card"><span class="user-post__author-name">Tomasz</span><span class="user-post__score-count">Ocena 5/5</span><span class="user-post__published">Wystawiono 3 dni temu</span><div class="user-post__text">Bardzo dobra siła ssania, cichy.</div></div>
<div class="user-post user-post__card"><span class="user-post__author-name">Agnieszka</span><span class="user-post__score-count">Ocena 2/5</span><span class="user-post__published">Wystawiono 2 tygodnie temu</span><div class="user-post__text">Filtr zapycha się po tygodniu.</div></div></div>
</body></html>""",
    # An Italian portal: "Pubblicata il 3 marzo 2024", "4,5 su 5" with "1.234 recensioni";
    # each review's "Valutazione 5 su 5".
    "rendered_italian_published_on": """<html lang="it"><head><title>Trattoria da Gino - Recensioni</title></head><body><h1 class="business-name">Trattoria da Gino</h1>
<div class="summary"><div class="stars" aria-label="4,5 su 5 stelle"></div><span class="summary-count">1.234 recensioni</span></div>
<div class="review"><div class="review-stars" aria-label="Valutazione 5 su 5"></div><span class="review-author">Giulia</span><span class="review-date">Pubblicata il 3 marzo 2024</span><p>Carbonara perfetta e servizio gentile.</p></div>
<div class="review"><div class="review-stars" aria-label="Valutazione 2 su 5"></div><span class="review-author">Luca</span><span class="review-date">Pubblicata il 12 febbraio 2024</span><p>Attesa lunghissima e pasta scotta.</p></div>
</body></html>""",
    # A Swedish portal: "4,3 av 5" with "1 234 omdömen"; reviews "Publicerad 3 mars 2024".
    "rendered_swedish_published": """<html lang="sv"><head><title>Nordbutiken omdömen | Reco</title></head><body><h1 class="company-name">Nordbutiken</h1>
<div class="summary"><div class="stars" title="4,3 av 5"></div><span class="count">1 234 omdömen</span></div>
<div class="review"><div class="stars" title="5 av 5"></div><span class="author">Erik</span><span class="date">Publicerad 3 mars 2024</span><p>Snabb leverans och bra kundtjänst.</p></div>
<div class="review"><div class="stars" title="2 av 5"></div><span class="author">Sara</span><span class="date">Publicerad 12 februari 2024</span><p>Fel storlek skickades två gånger.</p></div>
</body></html>""",
    # A Turkish marketplace: "4,6" with "1.234 değerlendirme"; each review's "5 yıldız", "3 gün
    # önce", the buyer masked "A*** K***".
    "rendered_turkish_reviews": """<html lang="tr"><head><title>Kahve Makinesi Lumo 3 Yorumları - Trendyol</title></head><body><h1 class="pr-new-br">Kahve Makinesi Lumo 3</h1>
<div class="rating-line"><span class="rating-line-count" aria-label="5 üzerinden 4,6">4,6</span><span class="total-rating-count">1.234 değerlendirme</span></div>
<div class="reviews"><div class="comment"><div class="ratings" aria-label="5 yıldız"></div><div class="comment-text"><p>Çok hızlı ve sessiz, tavsiye ederim.</p></div><div class="comment-info"><span class="comment-info-item">A*** K***</span><span class="comment-info-item">3 gün önce</span></div></div>
<div class="comment"><div class="ratings" aria-label="2 yıldız"></div><div class="comment-text"><p>Bir ay sonra su sızdırmaya başladı.</p></div><div class="comment-info"><span class="comment-info-item">M*** Y***</span><span class="comment-info-item">2 hafta önce</span></div></div></div>
</body></html>""",
    # A marketplace with hashed class names only: "4.7" beside a star glyph and "12,345
    # reviews"; each review's masked name first in its card, the stars as ``aria-label="5
    # stars"``, "Purchased: Black / M", its text and "Mar 3, 2024".
    "rendered_temu_hashed_cards": """<html lang="en"><head><title>Men's Running Shoes - Temu</title></head><body><h1 class="_2rn4tqXP">Men's Running Shoes Lightweight Breathable</h1>
<div class="_3R2xaGTO"><span class="_2Mc5Ytzl">4.7</span><span class="_3zNk1R1j">★</span><span class="_1eUqgc8Z">12,345 reviews</span></div>
<div class="_1SR4-v4Q"><div class="_9Nf0DLgx"><div class="_3gy-Fmjn"><span class="_3HEa3ZQU">J**n</span><span class="_1wM0l6dv">in United States</span></div><div class="_2IDQ1ctt" aria-label="5 stars" role="img"></div><div class="_1SBC8FLc">Purchased: Black / M</div><div class="_2EO0yd2j">Very light and comfortable, true to size.</div><div class="_3Z4E0iEt">Mar 3, 2024</div></div>
<div class="_9Nf0DLgx"><div class="_3gy-Fmjn"><span class="_3HEa3ZQU">S**a</span><span class="_1wM0l6dv">in Canada</span></div><div class="_2IDQ1ctt" aria-label="2 stars" role="img"></div><div class="_1SBC8FLc">Purchased: White / L</div><div class="_2EO0yd2j">The sole started peeling after two weeks.</div><div class="_3Z4E0iEt">Feb 12, 2024</div></div></div>
</body></html>""",
    # A review directory: "4.5 stars" "from 1,234 reviews"; stars drawn as
    # ``star-rating__star--full`` and ``--half``, ``--empty``; "3/3/24" dates.
    "rendered_sitejabber_modifier_stars": """<html lang="en-US"><head><title>Acme Shoes Reviews | Sitejabber</title></head><body><h1 class="url-header__title">Acme Shoes</h1>
<div class="url-header__rating"><div class="star-rating"><div class="star-rating__star star-rating__star--full"></div><div class="star-rating__star star-rating__star--full"></div><div class="star-rating__star star-rating__star--full"></div><div class="star-rating__star star-rating__star--full"></div><div class="star-rating__star star-rating__star--half"></div></div><span class="rating-text">4.5 stars</span><span class="rating-count">from 1,234 reviews</span></div>
<div class="url-reviews"><div class="review"><div class="review__author"><span class="author-name">Carla M.</span></div><div class="star-rating"><div class="star-rating__star star-rating__star--full"></div><div class="star-rating__star star-rating__star--full"></div><div class="star-rating__star star-rating__star--full"></div><div class="star-rating__star star-rating__star--full"></div><div class="star-rating__star star-rating__star--full"></div></div><div class="review__date">3/3/24</div><p class="review__text">Comfortable from the first day, fast shipping.</p></div>
<div class="review"><div class="review__author"><span class="author-name">Ted B.</span></div><div class="star-rating"><div class="star-rating__star star-rating__star--full"></div><div class="star-rating__star star-rating__star--empty"></div><div class="star-rating__star star-rating__star--empty"></div><div class="star-rating__star star-rating__star--empty"></div><div class="star-rating__star star-rating__star--empty"></div></div><div class="review__date">2/12/24</div><p class="review__text">Returned them, refund took a month.</p></div></div>
</body></html>""",
    # A pros marketplace: "Excellent 4.9" with "(212)" and "212 reviews"; each review's stars
    # in ``data-star="5"``, the reviewer and "Mar 3, 2024"; the pro's "Hired 340 times" is no count.
    "rendered_thumbtack_hired_times": """<html lang="en-US"><head><title>Sparkle Cleaning - House Cleaner in Austin, TX | Thumbtack</title></head><body><h1 class="_3Y6vV">Sparkle Cleaning</h1>
<div class="pro-rating"><span class="pro-rating__word">Excellent 4.9</span><div class="star-rating" data-star="4.9"></div><span class="pro-rating__count">(212)</span><div class="pro-facts"><span>Hired 340 times</span><span>5 years in business</span></div></div>
<div class="reviews"><div class="review"><div class="review__name">Aisha W.</div><div class="star-rating" data-star="5"></div><div class="review__date">Mar 3, 2024</div><p class="review__text">Spotless house, they even cleaned the oven.</p></div>
<div class="review"><div class="review__name">Derek L.</div><div class="star-rating" data-star="3"></div><div class="review__date">Feb 12, 2024</div><p class="review__text">Good job overall but they arrived an hour late.</p></div></div>
</body></html>""",
    # A Finnish shop: stars "4,4/5 tähteä" in a label, "1 234 arvostelua", dates "3.3.2024".
    "rendered_finnish_reviews": """<html lang="fi"><head><title>Kahvinkeitin Lumo 3 arvostelut | Verkkokauppa</title></head><body><h1 class="product-name">Kahvinkeitin Lumo 3</h1>
<div class="rating-summary"><div class="stars" aria-label="4,4/5 tähteä"></div><span class="count">1 234 arvostelua</span></div>
<div class="review"><div class="stars" aria-label="5/5 tähteä"></div><span class="author">Mikko</span><span class="date">3.3.2024</span><p>Nopea ja hiljainen, hyvä kahvi.</p></div>
<div class="review"><div class="stars" aria-label="2/5 tähteä"></div><span class="author">Laura</span><span class="date">12.2.2024</span><p>Vuotaa vettä kuukauden jälkeen.</p></div>
</body></html>""",
}

# case -> (aggregate (value, count, best) or None, ratings of the reviews in order,
#          the strategy that read the reviews, a date as shown)
EIGHTH_EXPECTED: dict[str, tuple | None] = {
    "rendered_widget_okendo": (("4.7", 128, "5"), ["5", "3"], "rendered", "03/03/2024"),
    "rendered_widget_stamped": (("4.8", 212, "5"), ["5", "2"], "rendered", "03/03/2024"),
    "rendered_widget_reviews_io_percentage_stars": (("4.85", 2345, "5"), ["5", "2"], "rendered", "3 days ago"),
    "rendered_widget_feefo": (("4.8", 1234, "5"), ["5", "2"], "rendered", "3 March 2024"),
    "rendered_widget_ekomi_german": (("4,8", 1234, "5"), ["5", "2"], "rendered", "vor 3 Tagen"),
    "rendered_widget_provenexpert": (("4,92", 148, "5"), ["5", "3"], "rendered", "Bewertung vom 03.03.2024"),
    "rendered_trustbox_carousel": (("4.6", 1234, "5"), ["5", "2"], "rendered", "3 days ago"),
    "rendered_widget_elfsight_google": (("4.9", 215, "5"), ["5", "3"], "rendered", "2 weeks ago"),
    "rendered_magento_rating_result": (("4.35", 12, "5"), ["5", "2"], "rendered", "3/3/24"),
    "rendered_shopware_points": (("4,5", 12, "5"), ["5", "2"], "rendered", "03.03.2024"),
    "rendered_woocommerce_reviews": (("4.50", 12, "5"), ["5", "3"], "rendered", "March 3, 2024"),
    "rendered_airbnb_rating_comma_stars": (("4.92", 128, "5"), ["5", "3"], "rendered", "March 2024"),
    "rendered_booking_polish_scores": (("8,9", 1234, "10"), ["9,0", "6,0"], "rendered", "Data opinii: 3 marca 2024"),
    "rendered_idealo_press_grade_and_users": (("4,5", 87, "5"), ["5", "3"], "rendered", "03.03.2024"),
    "rendered_walmart_stars_review": (("4.5", 1234, "5"), ["5", "2"], "rendered", "3/3/2024"),
    "rendered_bestbuy_rating_with_reviews": (("4.7", 2345, "5"), ["5", "2"], "rendered", "Mar 3, 2024 10:15 AM"),
    "rendered_home_depot_drawn_width": (("4.6", 1234, "5"), ["5", "2"], "rendered", "Mar 3, 2024"),
    "rendered_consumeraffairs_reviewed_on": (("4.6", 1234, "5"), ["5", "1"], "rendered", "Reviewed March 3, 2024"),
    "rendered_indeed_author_line_date": (("4.1", 1234, "5"), ["5.0", "2.0"], "rendered", "March 3, 2024"),
    "rendered_zocdoc_verified_patient_author": (("4.8", 1234, "5"), ["5", "3"], "rendered", "March 3, 2024"),
    "rendered_houzz_average_rating": (("5.0", 62, "5"), ["5", "3"], "rendered", "Mar 3, 2024"),
    "rendered_fiverr_rating_score": (("4.9", 1234, "5"), ["5", "3"], "rendered", "1 week ago"),
    "rendered_chrome_store_hashed_author": (("4.5", 2900, "5"), ["5", "2"], "rendered", "Mar 3, 2024"),
    "rendered_vivino_rating_badge": (("4.2", 12345, "5"), ["4.5", "3.0"], "rendered", "Mar 3, 2024"),
    "rendered_czech_relative_dates": (("4,6", 1234, "5"), ["5", "2"], "rendered", "před 3 dny"),
    "rendered_russian_relative_dates": (("4,7", 1234, "5"), ["5", "2"], "rendered", "3 дня назад"),
    "rendered_ukrainian_relative_dates": (("4,5", 128, "5"), ["5", "2"], "rendered", "3 дні тому"),
    "rendered_hungarian_relative_dates": (("4,5", 1234, "5"), ["5", "2"], "rendered", "3 napja"),
    "rendered_polish_issued_dates": (("4,5", 128, "5"), ["5", "2"], "rendered", "Wystawiono 3 dni temu"),
    "rendered_italian_published_on": (("4,5", 1234, "5"), ["5", "2"], "rendered", "Pubblicata il 3 marzo 2024"),
    "rendered_swedish_published": (("4,3", 1234, "5"), ["5", "2"], "rendered", "Publicerad 3 mars 2024"),
    "rendered_turkish_reviews": (("4,6", 1234, "5"), ["5", "2"], "rendered", "3 gün önce"),
    "rendered_temu_hashed_cards": (("4.7", 12345, "5"), ["5", "2"], "rendered", "Mar 3, 2024"),
    "rendered_sitejabber_modifier_stars": (("4.5", 1234, "5"), ["5", "1"], "rendered", "3/3/24"),
    "rendered_thumbtack_hired_times": (("4.9", 212, "5"), ["5", "3"], "rendered", "Mar 3, 2024"),
    "rendered_finnish_reviews": (("4,4", 1234, "5"), ["5", "2"], "rendered", "3.3.2024"),
}  # fmt: skip
