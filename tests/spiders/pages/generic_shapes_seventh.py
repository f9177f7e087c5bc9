# ruff: noqa: E501  (saved markup reads better unwrapped)
"""The seventh round's hand-written miniatures, merged into ``generic_shapes``: pages a new
user brings (issue 15): a directory's and a book site's reviews with the reviewer's or the
post's tallies ("12 friends · 43 reviews", "42 likes" "3 comments") beside each rating, a German
shop's "1.234 globale Bewertungen", a German hotel review's stay "Aufenthaltsdatum: März 2024"
above its own date, star icons whose filled mark is glued to their name with the reviewer and
the date in one line ("M***a | 20 Feb 2024"), a review's whole "10" "/10" split in a score
element, reviewers named ``commenter`` and ``displayname``, a repository's stars and a Q&A
page's votes, which are no ratings; a PrestaShop shop's ``data-grade`` stars with "Par Julie"
and "Commentaires (2)", a Dutch portal's travel period above the review's own date, and a
Shopify store's byline "Jane on Mar 03, 2024", and a count whose words are in a child
("(1,234 <span>total ratings</span>)")."""

from __future__ import annotations

SEVENTH_SHAPES: dict[str, str] = {
    # A local directory: each review's reviewer line "12 friends · 43 reviews" beside its
    # "5.0 star rating" and its date: the reviewer's tallies, not an aggregate of the review;
    # the business's "4.5 star rating" and "328 reviews" above.
    "rendered_reviewer_tallies_directory": """<html lang="en-US"><head><title>Rosa's Tacos - Austin, TX | LocalGuide</title></head><body><h1>Rosa's Tacos</h1>
<div class="biz-rating"><div class="i-stars i-stars--regular-4-half" title="4.5 star rating"></div><span class="review-count">328 reviews</span><span class="price-range">$$</span></div>
<ul class="reviews"><li class="review"><div class="user-name"><a>Dee R.</a></div><div class="user-stats">12 friends · 43 reviews</div><div class="i-stars i-stars--regular-5" title="5.0 star rating"></div><span class="rating-qualifier">3/3/2024</span><p class="review-content">Best al pastor in town.</p></li>
<li class="review"><div class="user-name"><a>Hal K.</a></div><div class="user-stats">2 friends · 5 reviews</div><div class="i-stars i-stars--regular-2" title="2.0 star rating"></div><span class="rating-qualifier">2/12/2024</span><p class="review-content">Cold tortillas, slow service.</p></li></ul>
</body></html>""",
    # A book's reviews: each card's "Rating 5 out of 5", its date, a short text and its
    # social footer "42 likes" "3 comments": the post's tallies, not a count of its rating.
    "rendered_book_review_likes": """<html lang="en"><head><title>The Silent Sea by A. Writer | Goodreads</title></head><body><h1 class="Text__title1" data-testid="bookTitle">The Silent Sea</h1>
<div class="RatingStatistics"><div class="RatingStatistics__rating">4.12</div><div class="RatingStatistics__meta" aria-label="12,345 ratings and 1,234 reviews"><span data-testid="ratingsCount">12,345 ratings</span><span data-testid="reviewsCount">1,234 reviews</span></div></div>
<article class="ReviewCard"><div class="ReviewerProfile__name"><a href="/user/show/1">Kim</a></div><div class="ShelfStatus"><span class="RatingStars" aria-label="Rating 5 out of 5" role="img"></span></div><span class="Text Text__body3"><a href="/review/show/1">March 3, 2024</a></span><section class="ReviewText"><span class="Formatted">Could not put it down.</span></section><div class="SocialFooter__statsContainer"><span>42 likes</span><span>3 comments</span></div></article>
<article class="ReviewCard"><div class="ReviewerProfile__name"><a href="/user/show/2">Ravi</a></div><div class="ShelfStatus"><span class="RatingStars" aria-label="Rating 2 out of 5" role="img"></span></div><span class="Text Text__body3"><a href="/review/show/2">February 12, 2024</a></span><section class="ReviewText"><span class="Formatted">Slow middle part, weak ending.</span></section><div class="SocialFooter__statsContainer"><span>7 likes</span></div></article>
</body></html>""",
    # A German shop's product reviews: "4,5 von 5 Sternen" over "1.234 globale Bewertungen"
    # (an adjective before the count's word); "Rezension aus Deutschland vom 3. März 2024".
    "rendered_amazon_de_global_count": """<html lang="de-DE"><head><title>Amazon.de: Kundenrezensionen: Wasserkocher K1</title></head><body>
<div id="cm_cr-product_info"><h1><a data-hook="product-link">Wasserkocher K1</a></h1>
<div class="a-row"><i data-hook="average-star-rating" class="a-icon a-icon-star a-star-4-5"><span class="a-icon-alt">4,5 von 5 Sternen</span></i><span data-hook="rating-out-of-text" class="a-size-medium">4,5 von 5</span></div>
<div data-hook="total-review-count"><span class="a-size-base a-color-secondary">1.234 globale Bewertungen</span></div></div>
<div id="cm_cr-review_list">
<div id="R1AAA" data-hook="review" class="a-section review aok-relative"><div class="a-profile-content"><span class="a-profile-name">Thomas K.</span></div>
<div class="a-row"><a class="a-link-normal" title="5,0 von 5 Sternen"><i data-hook="review-star-rating" class="a-icon a-icon-star a-star-5 review-rating"><span class="a-icon-alt">5,0 von 5 Sternen</span></i></a> <a data-hook="review-title" class="review-title"><span>Schnell und leise</span></a></div>
<span data-hook="review-date" class="review-date">Rezension aus Deutschland vom 3. März 2024</span>
<div class="a-row review-format-strip"><span data-hook="avp-badge">Verifizierter Kauf</span></div>
<span data-hook="review-body" class="review-text"><span>Kocht in zwei Minuten, kein Plastikgeschmack.</span></span>
<span data-hook="helpful-vote-statement">12 Personen fanden diese Informationen hilfreich</span></div>
<div id="R2BBB" data-hook="review" class="a-section review aok-relative"><div class="a-profile-content"><span class="a-profile-name">Anna</span></div>
<div class="a-row"><a class="a-link-normal" title="2,0 von 5 Sternen"><i data-hook="review-star-rating" class="a-icon a-icon-star a-star-2 review-rating"><span class="a-icon-alt">2,0 von 5 Sternen</span></i></a> <a data-hook="review-title" class="review-title"><span>Deckel klemmt</span></a></div>
<span data-hook="review-date" class="review-date">Rezension aus Deutschland vom 12. Februar 2024</span>
<span data-hook="review-body" class="review-text"><span>Nach einem Monat schließt der Deckel nicht mehr.</span></span></div></div>
</body></html>""",
    # A hotel's reviews in German: bubbles in an svg's <title> ("5,0 von 5 Kreisen"), the stay
    # "Aufenthaltsdatum: März 2024 • Paare" above the review's own "Geschrieben am 5. März 2024".
    "rendered_tripadvisor_de_stay_date": """<html lang="de"><head><title>HOTEL MEERBLICK - Bewertungen &amp; Preisvergleich (Kiel) - Tripadvisor</title></head><body><h1 id="HEADING">Hotel Meerblick</h1>
<div data-test-target="reviews-summary"><span class="biGQs">4,5</span><svg class="UctUV" viewBox="0 0 128 24" aria-labelledby="a1"><title id="a1">4,5 von 5 Kreisen</title></svg><span class="biGQs">1.234 Bewertungen</span></div>
<div data-test-target="HR_CC_CARD"><div class="biGQs"><a href="/Profile/ulla">Ulla K.</a></div><svg class="UctUV" viewBox="0 0 128 24"><title>5,0 von 5 Kreisen</title></svg><div data-test-target="review-title"><a><span>Traumhafter Blick</span></a></div><div class="biGQs">Aufenthaltsdatum: März 2024 • Paare</div><span class="JguWG"><span class="yCeTE">Sehr sauber, freundliches Personal, tolles Frühstück.</span></span><div class="biGQs">Geschrieben am 5. März 2024</div></div>
<div data-test-target="HR_CC_CARD"><div class="biGQs"><a href="/Profile/jens">Jens</a></div><svg class="UctUV" viewBox="0 0 128 24"><title>2,0 von 5 Kreisen</title></svg><div data-test-target="review-title"><a><span>Laut</span></a></div><div class="biGQs">Aufenthaltsdatum: Februar 2024 • Allein</div><span class="JguWG"><span class="yCeTE">Zimmer zur Straße, nachts sehr laut.</span></span><div class="biGQs">Geschrieben am 20. Februar 2024</div></div>
</body></html>""",
    # A marketplace's product reviews: star icons "comet-icon-starreviewfilled" x3 beside
    # "comet-icon-starreview" x2 (the filled mark glued to the icon's name) is 3 of 5; the
    # reviewer and the date in one line "M***a | 20 Feb 2024"; a bare "4.8" with no scale.
    "rendered_glued_filled_star_icons": """<html lang="en"><head><title>Wireless Earbuds - AliExpress</title></head><body><h1 data-pl="product-title">Wireless Earbuds Pro</h1>
<div class="reviewer--box--abc"><strong>4.8</strong><div class="reviewer--stars"></div><span>All from verified purchases</span><span>1,234 Reviews</span></div>
<div class="list--itemBox--xyz"><div class="list--itemReview--1"><div class="stars--box--vHzUWQg"><span class="comet-icon comet-icon-starreviewfilled"></span><span class="comet-icon comet-icon-starreviewfilled"></span><span class="comet-icon comet-icon-starreviewfilled"></span><span class="comet-icon comet-icon-starreviewfilled"></span><span class="comet-icon comet-icon-starreviewfilled"></span></div>
<div class="list--itemSku--2">Color: Black</div><div class="list--itemContentText--3">Great sound for the price, fast shipping.</div><div class="list--itemInfo--4"><span>J***n | 03 Mar 2024</span></div></div>
<div class="list--itemReview--1"><div class="stars--box--vHzUWQg"><span class="comet-icon comet-icon-starreviewfilled"></span><span class="comet-icon comet-icon-starreviewfilled"></span><span class="comet-icon comet-icon-starreviewfilled"></span><span class="comet-icon comet-icon-starreview"></span><span class="comet-icon comet-icon-starreview"></span></div>
<div class="list--itemSku--2">Color: White</div><div class="list--itemContentText--3">Left earbud stopped charging after a week.</div><div class="list--itemInfo--4"><span>M***a | 20 Feb 2024</span></div></div></div>
</body></html>""",
    # A trades directory: each review's score "10" and "/10" in spans of their own inside a
    # ``review-score`` (a whole number: the container names a score), the trader's "9.87" "/10".
    "rendered_score_split_whole_number": """<html lang="en-GB"><head><title>Smith Plumbing | Checkatrade</title></head><body><h1>Smith Plumbing Ltd</h1>
<div class="score"><span class="score-value">9.87</span><span>/10</span><span>Based on 412 reviews</span></div>
<div class="review-card"><h3>Boiler service</h3><div class="review-score"><span>10</span><span>/10</span></div><p class="review-text">Turned up on time, tidy work.</p><div class="reviewer">Verified review - Customer in Leeds, LS6</div><div class="date">3 March 2024</div></div>
<div class="review-card"><h3>Leak repair</h3><div class="review-score"><span>6</span><span>/10</span></div><p class="review-text">Fixed it but took two visits.</p><div class="reviewer">Verified review - Customer in York, YO1</div><div class="date">12 February 2024</div></div>
</body></html>""",
    # A doctor's page: the reviewer in ``c-single-comment__commenter-info``; "4.6 out of 5
    # stars" with "(87 ratings)" and "42 reviews".
    "rendered_commenter_display_name": """<html lang="en-US"><head><title>Dr. John Smith, MD | Cardiology in Boston, MA</title></head><body><h1 data-qa-target="ProviderDisplayName">Dr. John Smith, MD</h1>
<div class="overall-rating"><span class="star-rating" aria-label="4.6 out of 5 stars"></span><strong>4.6</strong><span>(87 ratings)</span><a>42 reviews</a></div>
<div class="c-single-comment"><div class="star-rating" aria-label="5 out of 5 stars"></div><span class="c-single-comment__commenter-info">Mary L.</span><span class="c-single-comment__date">March 3, 2024</span><p class="c-single-comment__comment">Explained everything clearly.</p></div>
<div class="c-single-comment"><div class="star-rating" aria-label="3 out of 5 stars"></div><span class="c-single-comment__commenter-info">Bob</span><span class="c-single-comment__date">February 12, 2024</span><p class="c-single-comment__comment">Good doctor but office staff rude.</p></div>
</body></html>""",
    # A film's reviews: the reviewer in ``<strong class="displayname">``, the stars as glyphs
    # ("★★★★", "★½") in a ``rated-8`` span; the film's "3.8" with its count only in a tooltip.
    "rendered_film_diary_display_name": """<html lang="en"><head><title>Reviews of Harbour Lights (2024) • Letterboxd</title></head><body><h1 class="headline-1">Harbour Lights</h1>
<section class="ratings-histogram-chart"><a class="tooltip display-rating" data-original-title="Weighted average of 3.78 based on 23,456 ratings">3.8</a></section>
<ul class="film-details-list"><li class="film-detail"><article class="production-viewing"><strong class="displayname">kate</strong><span class="rating -green rated-8">★★★★</span><span class="_nobr">03 Mar 2024</span><div class="body-text"><p>Gorgeous and sad.</p></div><p class="like-link-target">124 likes</p></article></li>
<li class="film-detail"><article class="production-viewing"><strong class="displayname">tom</strong><span class="rating -green rated-3">★½</span><span class="_nobr">12 Feb 2024</span><div class="body-text"><p>Pretty but empty.</p></div></article></li></ul>
</body></html>""",
    # A code repository: "12.3k" stars, "1.2k" forks, "210 watching" and a commit line that
    # says "5 stars": no ratings (stars of a repository are bookmarks).
    "rendered_repo_stars_no_ratings": """<html lang="en"><head><title>GitHub - acme/fastlib: A fast library</title></head><body><strong itemprop="name"><a href="/acme/fastlib">fastlib</a></strong>
<ul class="pagehead-actions"><li><a href="/acme/fastlib/stargazers" class="social-count js-social-count" aria-label="12345 users starred this repository">12.3k</a></li><li><a class="btn-sm btn"><svg class="octicon octicon-star"></svg><span>Star</span><span id="repo-stars-counter-star" aria-label="12345 users starred this repository" title="12,345" class="Counter js-social-count">12.3k</span></a></li><li><span id="repo-network-counter" title="1,234" class="Counter">1.2k</span> forks</li></ul>
<div class="BorderGrid-cell"><h2>About</h2><p>A fast library</p><a href="/acme/fastlib/stargazers"><svg class="octicon octicon-star"></svg><strong>12.3k</strong> stars</a><a><strong>210</strong> watching</a></div>
<div class="Box-row"><a href="/ann">ann</a> <relative-time datetime="2024-03-03T10:00:00Z">Mar 3, 2024</relative-time> <span>Fix rating of 5 stars parsing</span></div>
</body></html>""",
    # A Q&A page: vote counts "42", "57", "3", a reputation "12.3k" and "2 Answers": no ratings.
    "rendered_question_votes_no_ratings": """<html lang="en"><head><title>python - How to flatten a list? - Stack Overflow</title></head><body><h1 itemprop="name" class="fs-headline1"><a class="question-hyperlink">How to flatten a list?</a></h1>
<div class="question" id="question" data-questionid="123"><div class="js-vote-count" itemprop="upvoteCount" data-value="42">42</div><div class="s-prose js-post-body" itemprop="text"><p>I have a list of lists.</p></div><div class="user-details"><a href="/users/1/ann">ann</a><span class="reputation-score" title="reputation score 12,345">12.3k</span></div><span class="relativetime" title="2024-03-03 10:00:00Z">Mar 3, 2024 at 10:00</span></div>
<h2 class="mb0" data-answercount="2">2 Answers</h2><div id="answer-1" class="answer" itemprop="acceptedAnswer"><div class="js-vote-count" data-value="57">57</div><div class="s-prose js-post-body" itemprop="text"><p>Use itertools.chain.</p></div><div class="user-details"><a href="/users/2/bo">bo</a></div><span class="relativetime">Mar 4, 2024 at 11:00</span></div>
<div id="answer-2" class="answer"><div class="js-vote-count" data-value="3">3</div><div class="s-prose js-post-body" itemprop="text"><p>A list comprehension works.</p></div><div class="user-details"><a href="/users/3/cy">cy</a></div><span class="relativetime">Mar 5, 2024 at 12:00</span></div>
</body></html>""",
    # A PrestaShop shop's default reviews module: each rating in ``data-grade`` on a
    # ``grade-stars`` element, "Par Julie" in ``comment-author``, the title in Bootstrap's
    # ``<p class="h4">``; the product's ``data-grade="4.5"`` with "Commentaires (2)" after a
    # chat icon.
    "rendered_prestashop_data_grade": """<html lang="fr"><head><title>Théière fonte</title></head><body><h1 class="h1">Théière fonte</h1>
<div class="product-comments-additional-info"><div class="comments-note"><span>Note</span><div class="grade-stars small-stars" data-grade="4.5"></div></div><div class="comments-nb"><i class="material-icons chat" data-icon="chat"></i>Commentaires (2)</div><div class="additional-links"><a class="link-comment" href="#product-comments-list-header"><i class="material-icons chat" data-icon="chat"></i>Lire les avis</a></div></div>
<div id="product-comments-list"><div class="product-comment-list-item row" data-product-comment-id="11" data-product-id="3"><div class="comment-infos"><div class="grade-stars" data-grade="5"></div><div class="comment-date">03/03/2024</div><div class="comment-author">Par Julie</div></div><div class="comment-content"><p class="h4">Superbe</p><p>Garde bien la chaleur, très belle finition.</p></div></div>
<div class="product-comment-list-item row" data-product-comment-id="12" data-product-id="3"><div class="comment-infos"><div class="grade-stars" data-grade="4"></div><div class="comment-date">12/02/2024</div><div class="comment-author">Par Marc</div></div><div class="comment-content"><p class="h4">Bien</p><p>Un peu lourde mais jolie.</p></div></div></div>
</body></html>""",
    # A Dutch holiday portal: each review's "Reisgezelschap: Stel · Reisperiode: maart 2024"
    # (the trip) above its own "Geschreven op 12 maart 2024"; scores "9,0" in ``review-score``.
    "rendered_dutch_travel_period": """<html lang="nl"><head><title>Hotel Zeezicht, Zandvoort - Zoover</title></head><body><h1>Hotel Zeezicht</h1>
<div class="review-summary"><span class="score">8,4</span><span class="label">Zeer goed</span><span>Gebaseerd op 214 beoordelingen</span></div>
<div class="review-item"><div class="review-score">9,0</div><div class="reviewer-name">Annelies</div><div class="review-meta">Reisgezelschap: Stel · Reisperiode: maart 2024</div><div class="review-date">Geschreven op 12 maart 2024</div><p class="review-text">Mooi uitzicht, lekker ontbijt.</p></div>
<div class="review-item"><div class="review-score">6,0</div><div class="reviewer-name">Joost</div><div class="review-meta">Reisgezelschap: Gezin · Reisperiode: februari 2024</div><div class="review-date">Geschreven op 20 februari 2024</div><p class="review-text">Kamer was gehorig en klein.</p></div>
</body></html>""",
    # A Shopify store's native product reviews (``spr-*``): the reviewer "on" the date in one
    # byline, ``<strong>Jane</strong> on <strong>Mar 03, 2024</strong>``; the shop's reply.
    "rendered_shopify_spr_byline": """<html lang="en"><head><title>Linen Apron – Oak &amp; Thread</title></head><body><h1 class="product__title">Linen Apron</h1>
<div id="shopify-product-reviews" data-id="123"><div class="spr-container"><div class="spr-header"><h2 class="spr-header-title">Customer Reviews</h2><div class="spr-summary rte"><span class="spr-starrating spr-summary-starrating"><i class="spr-icon spr-icon-star"></i><i class="spr-icon spr-icon-star"></i><i class="spr-icon spr-icon-star"></i><i class="spr-icon spr-icon-star"></i><i class="spr-icon spr-icon-star-half-alt"></i></span><span class="spr-summary-caption"><span class="spr-summary-actions-togglereviews">Based on 12 reviews</span></span></div></div>
<div class="spr-content"><div class="spr-reviews"><div class="spr-review" id="spr-review-1"><div class="spr-review-header"><span class="spr-starratings spr-review-header-starratings" aria-label="5 of 5 stars" role="img"><i class="spr-icon spr-icon-star"></i><i class="spr-icon spr-icon-star"></i><i class="spr-icon spr-icon-star"></i><i class="spr-icon spr-icon-star"></i><i class="spr-icon spr-icon-star"></i></span><h3 class="spr-review-header-title">Love it</h3><span class="spr-review-header-byline"><strong>Jane</strong> on <strong>Mar 03, 2024</strong></span></div><div class="spr-review-content"><p class="spr-review-content-body">Soft linen, great pockets.</p></div></div>
<div class="spr-review" id="spr-review-2"><div class="spr-review-header"><span class="spr-starratings spr-review-header-starratings" aria-label="3 of 5 stars" role="img"><i class="spr-icon spr-icon-star"></i><i class="spr-icon spr-icon-star"></i><i class="spr-icon spr-icon-star"></i><i class="spr-icon spr-icon-star-empty"></i><i class="spr-icon spr-icon-star-empty"></i></span><h3 class="spr-review-header-title">Runs small</h3><span class="spr-review-header-byline"><strong>Mark</strong> on <strong>Feb 12, 2024</strong></span></div><div class="spr-review-content"><p class="spr-review-content-body">Nice but the straps are short.</p></div>
<div class="spr-review-reply"><p class="spr-review-reply-body">Thanks Mark, we now sell longer straps.</p><p class="spr-review-reply-shop">Oak &amp; Thread</p></div></div></div></div></div></div>
</body></html>""",
    # A plugin directory's reviews: "4.9 out of 5 stars" over "(1,234 <span
    # class="screen-reader-text">total ratings</span>)" (the count's words in a child).
    "rendered_plugin_directory_count_words_in_child": """<html lang="en-US"><head><title>Reviews – Classic Editor – WordPress.org</title></head><body><h1 class="plugin-title">Classic Editor</h1>
<div class="plugin-rating"><div class="wporg-ratings" aria-label="4.9 out of 5 stars" data-title-template="%s out of 5 stars" data-rating="4.9"><span class="dashicons dashicons-star-filled"></span><span class="dashicons dashicons-star-filled"></span><span class="dashicons dashicons-star-filled"></span><span class="dashicons dashicons-star-filled"></span><span class="dashicons dashicons-star-filled"></span></div><span class="rating-count">(1,234 <span class="screen-reader-text">total ratings</span>)</span></div>
<ul class="topic"><li class="bbp-body"><div class="review"><div class="wporg-ratings" aria-label="5 out of 5 stars" data-rating="5"><span class="dashicons dashicons-star-filled"></span><span class="dashicons dashicons-star-filled"></span><span class="dashicons dashicons-star-filled"></span><span class="dashicons dashicons-star-filled"></span><span class="dashicons dashicons-star-filled"></span></div><a class="bbp-topic-permalink" href="/support/topic/great-1/">Still essential</a><p class="bbp-topic-meta"><span class="bbp-topic-started-by">Started by: <a class="bbp-author-link"><span class="bbp-author-name">wpuser1</span></a></span> <span class="bbp-topic-freshness">March 3, 2024</span></p><div class="bbp-topic-content"><p>Can't live without it for client sites.</p></div></div></li>
<li class="bbp-body"><div class="review"><div class="wporg-ratings" aria-label="1 out of 5 stars" data-rating="1"><span class="dashicons dashicons-star-filled"></span><span class="dashicons dashicons-star-empty"></span><span class="dashicons dashicons-star-empty"></span><span class="dashicons dashicons-star-empty"></span><span class="dashicons dashicons-star-empty"></span></div><a class="bbp-topic-permalink" href="/support/topic/bad-2/">Broke my site</a><p class="bbp-topic-meta"><span class="bbp-topic-started-by">Started by: <a class="bbp-author-link"><span class="bbp-author-name">devgirl</span></a></span> <span class="bbp-topic-freshness">February 12, 2024</span></p><div class="bbp-topic-content"><p>White screen after the update.</p></div></div></li></ul>
</body></html>""",
}

SEVENTH_EXPECTED: dict[str, tuple | None] = {
    "rendered_reviewer_tallies_directory": (("4.5", 328, "5"), ["5.0", "2.0"], "rendered", "3/3/2024"),
    "rendered_book_review_likes": (("4.12", 12345, "5"), ["5", "2"], "rendered", "March 3, 2024"),
    "rendered_amazon_de_global_count": (("4,5", 1234, "5"), ["5,0", "2,0"], "rendered", "Rezension aus Deutschland vom 3. März 2024"),
    "rendered_tripadvisor_de_stay_date": (("4,5", 1234, "5"), ["5,0", "2,0"], "rendered", "Geschrieben am 5. März 2024"),
    "rendered_glued_filled_star_icons": (None, ["5", "3"], "rendered", "03 Mar 2024"),
    "rendered_score_split_whole_number": (("9.87", 412, "10"), ["10", "6"], "rendered", "3 March 2024"),
    "rendered_commenter_display_name": (("4.6", 87, "5"), ["5", "3"], "rendered", "March 3, 2024"),
    "rendered_film_diary_display_name": (None, ["4", "1.5"], "rendered", "03 Mar 2024"),
    "rendered_repo_stars_no_ratings": None,
    "rendered_question_votes_no_ratings": None,
    "rendered_prestashop_data_grade": (("4.5", 2, "5"), ["5", "4"], "rendered", "03/03/2024"),
    "rendered_shopify_spr_byline": (("4.5", 12, "5"), ["5", "3"], "rendered", "Mar 03, 2024"),
    "rendered_plugin_directory_count_words_in_child": (("4.9", 1234, "5"), ["5", "1"], "rendered", "March 3, 2024"),
    "rendered_dutch_travel_period": (("8,4", 214, "10"), ["9,0", "6,0"], "rendered", "Geschreven op 12 maart 2024"),
}  # fmt: skip
