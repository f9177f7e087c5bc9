# ruff: noqa: E501  (saved markup reads better unwrapped)
"""Hand-written miniatures of real portals' markup, one per shape the generic reader must handle
(never copies of real pages): each a fixture of ``fixtures/generic/<case>/``, ``EXPECTED`` what a person reads off it."""

from __future__ import annotations

from tests.spiders.pages.generic_shapes_rounds import ROUND_EXPECTED, ROUND_SHAPES

BASE = "http://127.0.0.1:8765/shapes/"

SHAPES: dict[str, str] = {
    # Apollo cache in a comment-wrapped, entity-escaped application/json script; the
    # aggregate in JSON-LD; refs to users; a photo's review on an ImageObject (not the company's).
    "apollo_comment_wrapped": """<html lang="en-US"><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Restaurant","name":"Oyster Hut","aggregateRating":{"@type":"AggregateRating","ratingValue":"4.4","reviewCount":"2721"}}</script>
<script type="application/ld+json">{"@type":"ItemList","itemListElement":[{"@type":"ImageObject","review":{"@type":"Review","reviewRating":{"ratingValue":5},"author":{"name":"Photo P."}}}]}</script></head><body>
<script data-apollo-state="x" type="application/json"><!--{&quot;Review:a1&quot;:{&quot;__typename&quot;:&quot;Review&quot;,&quot;encid&quot;:&quot;a1&quot;,&quot;rating&quot;:5,&quot;text&quot;:{&quot;full&quot;:&quot;Fresh oysters, loud music.&quot;},&quot;author&quot;:{&quot;__ref&quot;:&quot;User:u1&quot;},&quot;createdAt&quot;:{&quot;localDateTimeForBusiness&quot;:&quot;2025-09-22T16:46:34-05:00&quot;},&quot;bizUserPublicReply&quot;:{&quot;__ref&quot;:&quot;Reply:r1&quot;}},&quot;Review:a2&quot;:{&quot;__typename&quot;:&quot;Review&quot;,&quot;encid&quot;:&quot;a2&quot;,&quot;rating&quot;:3,&quot;text&quot;:{&quot;full&quot;:&quot;Parking was hard.&quot;},&quot;author&quot;:{&quot;__ref&quot;:&quot;User:u2&quot;},&quot;createdAt&quot;:{&quot;localDateTimeForBusiness&quot;:&quot;2025-09-12T09:13:09-05:00&quot;}},&quot;User:u1&quot;:{&quot;__typename&quot;:&quot;User&quot;,&quot;encid&quot;:&quot;u1&quot;,&quot;displayName&quot;:&quot;Sam K.&quot;},&quot;User:u2&quot;:{&quot;__typename&quot;:&quot;User&quot;,&quot;encid&quot;:&quot;u2&quot;,&quot;displayName&quot;:&quot;Lee M.&quot;},&quot;Reply:r1&quot;:{&quot;__typename&quot;:&quot;Reply&quot;,&quot;text&quot;:&quot;Thanks, Sam!&quot;,&quot;createdAt&quot;:{&quot;localDateTimeForBusiness&quot;:&quot;2025-09-23T10:00:00-05:00&quot;}}}--></script></body></html>""",
    # Next.js state holding an Apollo cache (Glassdoor's shape): reviews with sub-ratings,
    # the employer aggregate with a review count; 0-1 shares that are not ratings.
    "next_data_apollo_cache": """<html lang="en"><body><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"apolloCache":{"ROOT_QUERY":{"__typename":"Query","employerReviewsRG({\\"id\\":7})":{"__typename":"EmployerReviewsRG","overallRating":3.6,"reviewCount":164958,"ceoRating":0.62,"reviews":[{"__ref":"EmployerReviewRG:{\\"reviewId\\":11}"},{"__ref":"EmployerReviewRG:{\\"reviewId\\":12}"}]}},"EmployerReviewRG:{\\"reviewId\\":11}":{"__typename":"EmployerReviewRG","reviewId":11,"ratingOverall":4,"ratingWorkLifeBalance":3,"summary":"Good place to learn","pros":"Training","cons":"Pay","reviewDateTime":"2025-08-23T21:11:05.447"},"EmployerReviewRG:{\\"reviewId\\":12}":{"__typename":"EmployerReviewRG","reviewId":12,"ratingOverall":2,"ratingWorkLifeBalance":1,"summary":"Long hours","pros":"Colleagues","cons":"Hours","reviewDateTime":"2025-08-20T08:00:00.000"}}}}}</script></body></html>""",
    # window.__STATE__ as a JavaScript literal: unquoted keys, single quotes, !0, a trailing comma.
    "window_state_js_literal": """<html lang="de"><body><script>window.__STATE__ = {shop:{name:'Kaffeerösterei Süd',rating:{value:4.5,count:'128'}},reviews:[{id:'r-1',stars:5,body:'Sehr guter Kaffee',created:'vor 3 Tagen',verified:!0},{id:'r-2',stars:2,body:'Zu bitter',created:'Oktober 2025',},],};</script></body></html>""",
    # Nuxt 2: the state is a function's return value; its arguments fill the names.
    "nuxt2_function_state": """<html lang="en-GB"><body><script>window.__NUXT__=(function(a,b,c){return {data:[{reviews:[{id:"n1",rating:a,comment:"Quick delivery",date:b},{id:"n2",rating:c,comment:"Box was damaged",date:b}]}]}}(5,"2024-03-03",2));</script></body></html>""",
    # Nuxt 3: a devalue payload (objects hold indices into one flat array).
    "nuxt3_devalue_payload": """<html lang="fr"><body><script type="application/json" id="__NUXT_DATA__">[["ShallowReactive",1],{"data":2},{"reviews":3},[4,8],{"id":5,"score":6,"text":7,"publishedAt":12},"d1",4,"Très bon accueil",{"id":9,"score":10,"text":11,"publishedAt":12},"d2",3,"Un peu cher","2024-05-01"]</script></body></html>""",
    # Ratings only rendered: hashed classes, aria-label "N star rating", plain-text dates,
    # a rating histogram and a comment form's star inputs that are not reviews.
    "rendered_aria_label_reviews": """<html lang="en-US"><body><h1 class="y-css-1">Blue Door Diner</h1>
<div class="hist-x"><div class="y-css-histogram-row" aria-label="59 percent of reviews have 5 stars"></div></div>
<ul class="list__09f24__a"><li class="y-css-9"><div><span class="y-css-n">Ana B.</span></div><div role="img" class="y-css-r" aria-label="5 star rating"></div><span class="y-css-d">Sep 22, 2025</span><p class="comment__09f24__x">Best pancakes in town, friendly staff.</p></li>
<li class="y-css-9"><div><span class="y-css-n">Tom C.</span></div><div role="img" class="y-css-r" aria-label="2 star rating"></div><span class="y-css-d">Aug 3, 2025</span><p class="comment__09f24__x">Waited forty minutes for cold coffee.</p></li></ul>
<form><label><input type="radio" name="r" data-rating="5" aria-label="5 stars"></label></form></body></html>""",
    # A product page: "4.4 out of 5 stars" with "21,200 ratings", reviews with
    # "Reviewed in ... on ..." dates, European decimals elsewhere ("4,5/5" on a related item).
    "rendered_product_page_out_of": """<html lang="en-us"><head><title>Shop: The Long Road (Book 1)</title></head><body>
<div id="avg"><span id="pop" title="4.4 out of 5 stars"><a href="javascript:void(0)">4.4</a></span> <a href="#reviews"><span>21,200 ratings</span></a></div>
<div id="reviews"><div id="R1" data-hook="review"><span class="a-profile-name">lighthouse</span><i class="a-icon a-star-5"><span class="a-icon-alt">5.0 out of 5 stars</span></i><span data-hook="review-date">Reviewed in Germany on 3 March 2024</span><span data-hook="review-body">A gripping story from start to end.</span></div>
<div id="R2" data-hook="review"><span class="a-profile-name">K. Weber</span><i class="a-icon a-star-3"><span class="a-icon-alt">3.0 out of 5 stars</span></i><span data-hook="review-date">Reviewed in the United States on August 2, 2021</span><span data-hook="review-body">The middle part drags a little.</span></div></div></body></html>""",
    # A list page: TripAdvisor's bubbles (bubble_45 = 4.5) with counts, one entry repeated.
    "rendered_bubble_list": """<html lang="en"><body><h1>Best Things to Do</h1>
<div class="listing"><div class="title"><a href="/Attraction-d1-Tower.html">Harbour Tower</a></div><div class="item"><span class="ui_bubble_rating bubble_45"></span><a class="review_count" href="/Attraction-d1-Tower.html#R">20,621 Reviews</a></div></div>
<div class="listing"><div class="title"><a href="/Attraction-d2-Market.html">Old Market</a></div><div class="item"><span class="ui_bubble_rating bubble_40"></span><a class="review_count" href="/Attraction-d2-Market.html#R">1,429 Reviews</a></div></div>
<div class="listing"><div class="title"><a href="/Attraction-d3-Park.html">Island Park</a></div><div class="item"><span class="ui_bubble_rating bubble_50"></span><a class="review_count" href="/Attraction-d3-Park.html#R">762 Reviews</a></div></div>
<div class="listing"><div class="title"><a href="/Attraction-d4-Zoo.html">City Zoo</a></div><div class="item"><span class="ui_bubble_rating bubble_35"></span><a class="review_count" href="/Attraction-d4-Zoo.html#R">3,055 Reviews</a></div></div>
<div class="listing"><div class="title"><a href="/Attraction-d5-Museum.html">Royal Museum</a></div><div class="item"><span class="ui_bubble_rating bubble_45"></span><a class="review_count" href="/Attraction-d5-Museum.html#R">7,112 Reviews</a></div></div>
<div class="listing"><div class="title"><a href="/Attraction-d1-Tower.html">Harbour Tower</a></div><div class="item"><span class="ui_bubble_rating bubble_45"></span><a class="review_count" href="/Attraction-d1-Tower.html#R">20,622 Reviews</a></div></div></body></html>""",
    # Search results on a 1-10 scale with no stated scale: "Review score" 9.0 "· 958 reviews".
    "rendered_label_score_ten": """<html lang="en-gb"><body>
<div class="card"><h3><a href="https://hotels.example/h/la-noria.html">Hostal La Noria</a></h3><div class="s1"><div class="lbl">Review score</div><div aria-hidden="true">9,0</div><div>Wonderful</div><div>· 958 reviews</div></div></div>
<div class="card"><h3><a href="https://hotels.example/h/matias.html">Hotel Matias</a></h3><div class="s1"><div class="lbl">Review score</div><div aria-hidden="true">8,0</div><div>Very Good</div><div>· 84 reviews</div></div></div>
<div class="card"><h3><a href="https://hotels.example/h/molino.html">El Molino</a></h3><div class="s1"><div class="lbl">Review score</div><div aria-hidden="true">6,9</div><div>Pleasant</div><div>· 212 reviews</div></div></div>
<div class="card"><h3><a href="https://hotels.example/h/lagunas.html">Lagunas</a></h3><div class="s1"><div class="lbl">Review score</div><div aria-hidden="true">7,7</div><div>Good</div><div>· 176 reviews</div></div></div>
<div class="card"><h3><a href="https://hotels.example/h/alba.html">Albamanjon</a></h3><div class="s1"><div class="lbl">Review score</div><div aria-hidden="true">8,7</div><div>Excellent</div><div>· 10 reviews</div></div></div></body></html>""",
    # JSON-LD wrapped in /*<![CDATA[*/, numbers as strings, aggregateRating as a list,
    # reviews under the non-standard "reviews" key, one without a rating.
    "json_ld_cdata_strings": """<html lang="de-AT"><head><script type="application/ld+json">/*<![CDATA[*/{"@context":"http://schema.org","@type":"Product","name":"Wickelkleid","aggregateRating":[{"@type":"AggregateRating","ratingValue":"4,5","ratingCount":"44","bestRating":"5","worstRating":"1"}],"reviews":[{"@type":"Review","author":"Marika J.","reviewBody":"Passt perfekt","reviewRating":{"ratingValue":"5"},"datePublished":"03.04.2024"},{"@type":"Review","author":"Anonym","reviewBody":"Stoff etwas dünn"}]}/*]]>*/</script></head><body></body></html>""",
    # Microdata: itemprop=ratingValue without an itemscope parent of its own, a
    # carousel that clones each review, dates shown but not marked up.
    "microdata_carousel_clones": """<html lang="fr"><body><div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Housse de chaise</h1>
<span itemprop="aggregateRating" itemscope itemtype="https://schema.org/AggregateRating"><meta itemprop="ratingValue" content="4"><meta itemprop="bestRating" content="5"><span itemprop="ratingCount">2</span> avis</span>
<ul class="slick"><li itemprop="review" itemscope itemtype="https://schema.org/Review"><span itemprop="author">Anonyme</span><p class="avis__date">21/10/2016</p><div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating"><span itemprop="ratingValue">5</span>/<span itemprop="bestRating">5</span></div><p itemprop="reviewBody">Tissu de qualité.</p></li>
<li itemprop="review" itemscope itemtype="https://schema.org/Review"><span itemprop="author">Anonyme</span><p class="avis__date">07/01/2017</p><div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating"><span itemprop="ratingValue">3</span>/<span itemprop="bestRating">5</span></div><p itemprop="reviewBody">Couleur un peu terne.</p></li>
<li itemprop="review" itemscope itemtype="https://schema.org/Review" class="slick-cloned"><span itemprop="author">Anonyme</span><p class="avis__date">21/10/2016</p><div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating"><span itemprop="ratingValue">5</span>/<span itemprop="bestRating">5</span></div><p itemprop="reviewBody">Tissu de qualité.</p></li></ul></div></body></html>""",
    # Ratings in class names and text: "stars--regular-4", "rating-4-5", "4,5 Sterne".
    "rendered_class_names": """<html lang="de"><body><h1>Elektro Süd</h1>
<article class="rv"><div class="stars stars--regular-4"></div><time datetime="2024-03-23">23. März 2024</time><p>Schnelle Reparatur, faire Preise.</p></article>
<article class="rv"><div class="stars stars--regular-2"></div><time datetime="2024-02-01">1. Februar 2024</time><p>Termin zweimal verschoben worden.</p></article>
<article class="rv"><div class="stars stars--regular-5"></div><time datetime="2024-01-15">15. Januar 2024</time><p>Alles bestens, gerne wieder.</p></article></body></html>""",
    # A blog post with a comment thread and no ratings anywhere: a problem, not an empty success.
    "comment_thread_no_ratings": """<html lang="de"><body><article><h1>Abmahnungen</h1><p>Ein Bericht.</p></article>
<ol class="commentlist"><li class="comment" id="comment-1"><b class="fn">blah</b><time datetime="2016-06-23T17:21:09+02:00">23. Juni 2016 um 17:21 Uhr</time><p>Unglaublich, diese Firma.</p></li>
<li class="comment" id="comment-2"><b class="fn">anna</b><time datetime="2016-06-23T18:02:00+02:00">23. Juni 2016 um 18:02 Uhr</time><p>Danke für den Bericht.</p></li></ol></body></html>""",
    # An old Vue layout: one review in data-initial-state scripts, its dates in another.
    # A shop's rendered reviews (Judge.me's shape): the title in <b>, a body of lines
    # split by <br>, and the shop's reply in a container of its own, longer than the review.
    "rendered_reviews_with_shop_reply": """<html lang="de"><body><h1>Bohnen Nr. 5</h1>
<div class="rv-widget"><div class="rv" data-review-id="a1f3"><div class="rv__header"><span class="rv__rating" data-score="4" aria-label="4 star review"></span><span class="rv__timestamp" data-content="2020-02-21 09:40:20 UTC"></span><span class="rv__author">D.</span></div>
<div class="rv__content"><b class="rv__title">Nicht überzeugend</b><div class="rv__body"><p>Der Geschmack war eher flach.<br>Viele Grüße, Dieter</p></div></div>
<div class="rv__reply"><b class="rv__replier">Rösterei</b><div class="rv__reply-content"><p>Hallo Dieter, danke für dein Feedback. Schreib uns gern, wie du den Kaffee zubereitest, dann finden wir die Ursache bestimmt gemeinsam.</p></div></div></div>
<div class="rv" data-review-id="b2e4"><div class="rv__header"><span class="rv__rating" data-score="5" aria-label="5 star review"></span><span class="rv__timestamp" data-content="2020-02-15 16:14:54 UTC"></span><span class="rv__author">A.</span></div>
<div class="rv__content"><b class="rv__title">Bester Kaffee</b><div class="rv__body"><p>Duftet herrlich beim Öffnen.</p><p>Schnell geliefert, gerne wieder.</p></div></div></div></div></body></html>""",
    # A marketplace's rendered reviews (Amazon's shape): the title's text in a span of the
    # title link next to the stars, ids nested in each other, and an image viewer's copy
    # of one review kept out of sight (a "preload" popover) inside the same review.
    "rendered_reviews_lightbox_copy": """<html lang="de-de"><body><div id="list">
<div id="R7QX2" data-hook="review"><div id="R7QX2-card"><div id="customer_review-R7QX2"><div><span class="profile-name">Klaus</span></div>
<div><a data-hook="review-title" href="/r/R7QX2"><i class="icon star-4"><span class="icon-alt">4,0 von 5 Sternen</span></i> <span>Tut, was er soll</span></a></div>
<span data-hook="review-date">Rezension aus Deutschland vom 15. September 2017</span>
<div><span data-hook="review-body"><div data-hook="review-collapsed"><span>Saugt gut auf.<br><br>Die Bürste lässt sich leicht reinigen.</span></div></span></div>
<div class="popover-preload" id="popover-R7QX2_gallery"><div class="lightbox"><span class="profile-name">Klaus</span><i class="icon star-4"><span class="icon-alt">4,0 von 5 Sternen</span></i><span class="lightbox-title">Tut, was er soll</span><span>Rezension aus Deutschland vom 15. September 2017</span><span class="lightbox-body">Saugt gut auf.</span></div></div></div></div></div>
<div id="R8KM1" data-hook="review"><div id="R8KM1-card"><div id="customer_review-R8KM1"><div><span class="profile-name">Sabine</span></div>
<div><a data-hook="review-title" href="/r/R8KM1"><i class="icon star-2"><span class="icon-alt">2,0 von 5 Sternen</span></i> <span>Zu laut</span></a></div>
<span data-hook="review-date">Rezension aus Deutschland vom 2. Januar 2020</span>
<div><span data-hook="review-body"><div data-hook="review-collapsed"><span>Nach zwei Wochen sehr laut geworden.</span></div></span></div></div></div></div>
</div></body></html>""",
    # Search results with each hotel as a microdata item holding a guest's quote (author
    # and text, no rating, no date) next to a rendered score; card links hold the name
    # in a heading and a subtitle beside it.
    "list_page_entries_with_quotes": """<html lang="en-gb"><body><h1>Hotels in Ruidera</h1>
<div class="card" itemscope itemtype="http://schema.org/LodgingBusiness"><a itemprop="url" href="https://hotels.example/h/la-noria.html"><h3 itemprop="name">Hostal La Noria</h3><div>Hotel in Ruidera</div></a><div class="s"><div>Review score</div><div>9.0</div><div>· 958 reviews</div></div>
<div itemprop="review" itemscope itemtype="http://schema.org/Review"><div itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">Arreaza</span></div><div>Juan is an exceptional host, we loved the garden.</div></div></div>
<div class="card" itemscope itemtype="http://schema.org/LodgingBusiness"><a itemprop="url" href="https://hotels.example/h/matias.html"><h3 itemprop="name">Hotel Matias</h3><div>Hotel in Ruidera</div></a><div class="s"><div>Review score</div><div>8.0</div><div>· 84 reviews</div></div>
<div itemprop="review" itemscope itemtype="http://schema.org/Review"><div itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">Bart</span></div><div>Quiet rooms and a very good breakfast.</div></div></div>
<div class="card" itemscope itemtype="http://schema.org/LodgingBusiness"><a itemprop="url" href="https://hotels.example/h/molino.html"><h3 itemprop="name">El Molino</h3><div>Hotel in Ruidera</div></a><div class="s"><div>Review score</div><div>6.9</div><div>· 212 reviews</div></div></div>
<div class="card" itemscope itemtype="http://schema.org/LodgingBusiness"><a itemprop="url" href="https://hotels.example/h/vereda.html"><h3 itemprop="name">La Vereda</h3><div>Apartments in Ruidera</div></a><div class="s"><div>Review score</div><div>7.7</div><div>· 176 reviews</div></div></div>
<div class="card" itemscope itemtype="http://schema.org/LodgingBusiness"><a itemprop="url" href="https://hotels.example/h/alba.html"><h3 itemprop="name">Albamanjon</h3><div>Hotel in Ruidera</div></a><div class="s"><div>Review score</div><div>8.7</div><div>· 10 reviews</div></div></div>
</body></html>""",
    # A map's search results: each place's link names it in aria-label and its URL ends in
    # parameters (/place/<name>/data=!4m7...), the score and count in one aria-label.
    "map_results_place_links": """<html lang="en"><body><div role="feed">
<div class="res"><a class="pl" aria-label="Lakeside Clinic" href="https://maps.example/maps/place/Lakeside+Clinic/data=!4m7!3m6!1s0x1:0x2!8m2!3d28.5!4d77.2?hl=en"></a><div class="info"><span role="img" aria-label="4.9 stars 90 Reviews"><span>4.9</span><span>(90)</span></span></div></div>
<div class="res"><a class="pl" aria-label="City Hospital" href="https://maps.example/maps/place/City+Hospital/@28.51,77.21,17z/data=!4m7!3m6?hl=en"></a><div class="info"><span role="img" aria-label="4.3 stars 103 Reviews"><span>4.3</span><span>(103)</span></span></div></div>
<div class="res"><a class="pl" aria-label="Park Hospital" href="https://maps.example/maps/place/Park+Hospital/data=!4m7!3m6!1s0x3:0x4?hl=en"></a><div class="info"><span role="img" aria-label="4.7 stars 7,377 Reviews"><span>4.7</span><span>(7,377)</span></span></div></div>
<div class="res"><a class="pl" aria-label="North Clinic &amp; Labs" href="https://maps.example/maps/place/North+Clinic+%26+Labs/data=!4m7!3m6!1s0x5:0x6?hl=en"></a><div class="info"><span role="img" aria-label="4.4 stars 1,606 Reviews"><span>4.4</span><span>(1,606)</span></span></div></div>
<div class="res"><a class="pl" aria-label="Riverside Care" href="https://maps.example/maps/place/Riverside+Care/data=!4m7!3m6!1s0x7:0x8?hl=en"></a><div class="info"><span role="img" aria-label="4.6 stars 13,568 Reviews"><span>4.6</span><span>(13,568)</span></span></div></div>
</div></body></html>""",
    # An older review site's list layout (Trustpilot before Next.js): stars only in an
    # image's alt, each review's date only in a small JSON script of its card, the
    # company's reply in a reply container headed "Reply from ...".
    "rendered_cards_dates_in_scripts": """<html lang="en-GB"><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"LocalBusiness","name":"Boxed Meals","aggregateRating":{"@type":"AggregateRating","ratingValue":"4.6","reviewCount":"22118","bestRating":"5"}}</script></head><body>
<div class="review-list"><article class="review" id="review-5e9a1c2f"><aside class="review__consumer-information"><div class="consumer-information__name">Ann Lee</div><div class="consumer-information__review-count">3 reviews</div></aside>
<section class="review__content"><div class="review-content__header"><div class="star-rating star-rating--medium"><img src="/stars-5.svg" alt="5 stars: Excellent"></div>
<div class="review-content-header__dates"><script type="application/json" data-initial-state="review-dates">{"publishedDate":"2020-04-17T10:22:31Z","updatedDate":null}</script></div></div>
<div class="review-content__body"><h2 class="review-content__title"><a href="/reviews/5e9a1c2f">Boxes always on time</a></h2><p class="review-content__text">Fresh ingredients and clear recipes, every single week.</p></div>
<div class="review__company-reply"><div class="brand-company-reply"><div class="brand-company-reply__header">Reply from Boxed Meals</div><div class="brand-company-reply__content">Thanks Ann, great to hear that the boxes arrive on time!</div></div></div></section></article>
<article class="review" id="review-5e9a77b0"><aside class="review__consumer-information"><div class="consumer-information__name">Raj P.</div><div class="consumer-information__review-count">1 review</div></aside>
<section class="review__content"><div class="review-content__header"><div class="star-rating star-rating--medium"><img src="/stars-2.svg" alt="2 stars: Poor"></div>
<div class="review-content-header__dates"><script type="application/json" data-initial-state="review-dates">{"publishedDate":"2020-04-15T08:01:10Z","updatedDate":null}</script></div></div>
<div class="review-content__body"><h2 class="review-content__title"><a href="/reviews/5e9a77b0">Missing items twice</a></h2><p class="review-content__text">Two boxes in a row came without the sauce.</p></div></section></article></div></body></html>""",
    # A map's place page: hashed class names that say nothing, "N stars" in aria-label,
    # relative dates, the reviewer's "Local Guide · 12 reviews", and the owner's
    # response headed "Response from the owner" with a date of its own.
    "rendered_map_place_reviews": """<html lang="en"><body><div role="main" aria-label="Lakeside Clinic"><h1 class="DUwDvf">Lakeside Clinic</h1>
<div class="F7nice"><span aria-hidden="true">4.9</span><span class="ceNzKf" role="img" aria-label="4.9 stars"></span><span aria-label="90 reviews">(90)</span></div>
<div class="m6QErb"><div class="jftiEf" data-review-id="ChZDSUhNMG9nS0VJQ0FnSUQ"><div class="jJc9Ad"><div class="GHT2ce"><button class="al6Kxe"><div class="d4r55">Priya S.</div><div class="RfnDt">Local Guide · 12 reviews</div></button></div>
<div class="GHT2ce"><div class="DU9Pgb"><span class="kvMYJc" role="img" aria-label="5 stars"></span><span class="rsqaWe">a week ago</span></div><div class="MyEned"><span class="wiI7pd">Very clean, and the staff explained everything twice.</span></div></div>
<div class="CDe7pd"><div class="xq2Ue"><span class="nM6d2c">Response from the owner</span><span class="DZSIDd">5 days ago</span></div><div class="wiI7pd">Thank you, Priya, for your kind words. We hope to see you again.</div></div></div></div>
<div class="jftiEf" data-review-id="ChdDSUhNMG9nS0VJQ0FnSURr"><div class="jJc9Ad"><div class="GHT2ce"><button class="al6Kxe"><div class="d4r55">Tom R.</div><div class="RfnDt">3 reviews</div></button></div>
<div class="GHT2ce"><div class="DU9Pgb"><span class="kvMYJc" role="img" aria-label="2 stars"></span><span class="rsqaWe">2 months ago</span></div><div class="MyEned"><span class="wiI7pd">Waited two hours past my appointment time.</span></div></div></div></div></div></div></body></html>""",
    "vue_initial_state_single_review": """<html lang="en-gb"><body><div class="star-rating"><img src="stars-4.svg" alt="4 stars: Great"></div>
<script type="application/json" data-initial-state="review-info">{"reviewId":"5a1","consumerName":"Mrs P","reviewHeader":"Lovely meals","reviewBody":"Fresh food every week.","stars":4}</script>
<script type="application/json" data-initial-state="review-dates">{"publishedDate":"2016-11-04T20:37:27Z","updatedDate":null}</script></body></html>""",
    "rendered_cards_several_ratings": """<html lang="en"><body><h1>TaskBoard</h1>
<div class="header"><span class="sb type-40 star-rating-label">4.5(12345)</span></div>
<div data-test-id="review-card"><div data-testid="reviewer-full-name">Jane D.</div><div>Marketing Manager</div>
<h3>"Great tool for teams"</h3><div><span class="sb type-40 star-rating-label">5.0</span></div><div>March 3, 2024</div>
<div><span>Ease of Use</span><span class="sb type-40 star-rating-label">4.0</span></div>
<div><span>Customer Service</span><span class="sb type-40 star-rating-label">5.0</span></div>
<p><span class="fw-bold">Overall:</span> We plan all our campaigns in it and the board view is clear.</p></div>
<div data-test-id="review-card"><div data-testid="reviewer-full-name">Mark S.</div><div>Developer</div>
<h3>"Too expensive"</h3><div><span class="sb type-40 star-rating-label">2.0</span></div><div>January 12, 2024</div>
<div><span>Ease of Use</span><span class="sb type-40 star-rating-label">3.0</span></div>
<div><span>Customer Service</span><span class="sb type-40 star-rating-label">1.0</span></div>
<p><span class="fw-bold">Overall:</span> The pricing went up every year and support was slow.</p></div></body></html>""",
    "rendered_number_then_scale": """<html lang="en"><body><h1>ChatDesk</h1>
<div class="product-score"><span class="trScore">8.6</span> out of 10 <a href="#reviews">2,345 Reviews and Ratings</a></div>
<article class="review"><span class="name">Verified User</span><div class="review-date">March 20, 2024</div>
<p>Score: <b>9</b> / 10</p><h3>Keeps the team connected</h3><p>We use it for all internal chat and the integrations save time.</p></article>
<article class="review"><span class="name">Anna K.</span><div class="review-date">February 2, 2024</div>
<p>Score: <b>4</b> / 10</p><h3>Too many notifications</h3><p>Hard to focus, and search is weak on the free plan.</p></article></body></html>""",
    "rendered_drawn_ratings": """<html lang="en"><body><h1>Corner Cafe</h1>
<div class="review"><span class="author">Tom</span><span class="date">March 2, 2024</span><div class="star-rating"><span style="width:80%"></span></div><p>Great coffee and friendly staff, will return.</p></div>
<div class="review"><span class="author">Ann</span><span class="date">March 5, 2024</span><div class="stars"><i class="fa fa-star"></i><i class="fa fa-star"></i><i class="fa fa-star-o"></i><i class="fa fa-star-o"></i><i class="fa fa-star-o"></i></div><p>Cold food and a long wait for the bill.</p></div>
<div class="review"><span class="author">Cem</span><span class="date">March 9, 2024</span><img src="/img/stars/small_4_half.png" alt=""><p>Lovely cake, the terrace was a bit loud.</p></div>
</body></html>""",
    "rendered_dates_after_labels": """<html lang="de"><body><h1>Cafe Sonne</h1>
<div class="review"><div class="stars" aria-label="4 von 5 Sternen"></div><b>Tom</b> schrieb am 3. März 2024<p>Sehr guter Kuchen und netter Service hier.</p></div>
<div class="review"><div class="stars" aria-label="2 von 5 Sternen"></div><b>Ann</b> schrieb am 9. März 2024<p>Kalter Kaffee und sehr lange gewartet.</p></div>
</body></html>""",
    # An app store (Apple's shape): the count rounded ("12.3K Ratings"), each review's
    # stars in a figure's aria-label "5 out of 5", its author in "...__user", and the
    # developer's reply as a heading with its date, the reply's text in the element after.
    "rendered_app_store_developer_response": """<html lang="en-us"><body><h1 class="app-title">Tide Timer</h1>
<ul class="header-list"><li><figure class="we-star-rating" aria-label="4.7 out of 5"><figcaption class="we-rating-count">4.7 • 12.3K Ratings</figcaption></figure></li></ul>
<div class="we-customer-review"><figure class="we-star-rating we-customer-review__rating" aria-label="5 out of 5"><span class="we-star-rating-stars"></span></figure>
<div class="we-customer-review__header"><span class="we-truncate we-customer-review__user">harbourfox</span><span class="we-customer-review__separator">, </span><time datetime="2024-03-03T00:00:00.000Z" class="we-customer-review__date">03/03/2024</time></div>
<h3 class="we-customer-review__title">Never miss low tide</h3><blockquote class="we-customer-review__body"><p>The alarms before low tide are exactly what our dog walks needed.</p></blockquote>
<div class="we-customer-review__header we-customer-review__header--response"><h3 class="we-customer-review__response-header">Developer Response</h3><time datetime="2024-03-05T00:00:00.000Z" class="we-customer-review__date">03/05/2024</time></div>
<blockquote class="we-customer-review__body"><p>Thanks a lot, happy walks to you both!</p></blockquote></div>
<div class="we-customer-review"><figure class="we-star-rating we-customer-review__rating" aria-label="2 out of 5"><span class="we-star-rating-stars"></span></figure>
<div class="we-customer-review__header"><span class="we-truncate we-customer-review__user">m.ortega</span><span class="we-customer-review__separator">, </span><time datetime="2024-02-11T00:00:00.000Z" class="we-customer-review__date">02/11/2024</time></div>
<h3 class="we-customer-review__title">Widget stopped updating</h3><blockquote class="we-customer-review__body"><p>Since the last update the widget shows yesterday's tides.</p></blockquote></div></body></html>""",
    # An app market in German (Google Play's shape): "Mit 4 von fünf Sternen bewertet" in
    # aria-labels, the count rounded to millions ("1,23 Mio. Rezensionen"), hashed classes.
    "rendered_play_store_rounded_count": """<html lang="de"><body><h1 itemprop="name"><span>Tide Timer</span></h1>
<div class="w7"><div class="wV"><div class="ClM"><div itemprop="starRating"><div class="TT9" aria-label="Mit 4,5 von fünf Sternen bewertet">4,5<i class="material-icons" aria-hidden="true">star</i></div></div></div><div class="g1r">1,23 Mio. Rezensionen</div></div><div class="wV"><div class="ClM">10 Mio.+</div><div class="g1r">Downloads</div></div></div>
<div class="EG"><div class="RHo"><header class="c1b" data-review-id="gp:AOq1"><div class="YN"><div class="X5P">Lena Vogt</div></div><div class="Jx4"><div class="iXR" aria-label="Mit 4 von fünf Sternen bewertet" role="img"><span class="F7X"></span></div><span class="bp9">3. März 2024</span></div></header><div class="h3Y">Zeigt die Gezeiten zuverlässig an, nur das Widget könnte größer sein.</div><div class="AJT">12 Personen fanden diese Rezension hilfreich</div></div>
<div class="RHo"><header class="c1b" data-review-id="gp:AOq2"><div class="YN"><div class="X5P">Jonas Brandt</div></div><div class="Jx4"><div class="iXR" aria-label="Mit 1 von fünf Sternen bewertet" role="img"><span class="F7X"></span></div><span class="bp9">20. Februar 2024</span></div></header><div class="h3Y">Stürzt seit dem Update bei jedem Öffnen der Statistik ab.</div></div></div></body></html>""",
    # A shop-review badge and list (Trusted Shops' shape): "4,85/5.00", a scale with two
    # decimals; each review's stars drawn as glyphs, "★★★★★" and "★★☆☆☆".
    "rendered_star_glyphs_two_decimal_scale": """<html lang="de"><body><h1>Feinkost Berger</h1>
<div class="summary"><div class="grade">4,85/5.00</div><div class="grade-text">Sehr gut</div><div class="count">1.234 Bewertungen</div></div>
<div class="review"><div class="stars">★★★★★</div><span class="date">03.03.2024</span><p class="text">Schnelle Lieferung und alles bestens verpackt.</p></div>
<div class="review"><div class="stars">★★☆☆☆</div><span class="date">20.02.2024</span><p class="text">Ware kam leider zwei Wochen zu spät an.</p></div></body></html>""",
    # A hotel's reviews on 1-10 (Booking's shape): "Scored 9.0" in aria-labels, no scale
    # stated anywhere, so the 5.0 is on 1-10 too; what the guest liked and disliked.
    "rendered_scored_ten_point_liked_disliked": """<html lang="en-gb"><body><h1>Hotel Mar Azul</h1>
<div data-testid="review-score-component"><div aria-label="Scored 8.6 " class="a3b">8.6</div><div class="abf"><div class="e62">Fabulous</div><div class="f45">1,234 reviews</div></div></div>
<ul><li><div data-testid="review-card"><div data-testid="review-score"><div aria-label="Scored 9.0 " class="a3b">9.0</div></div><span data-testid="review-date">Reviewed: 3 March 2024</span><h3 data-testid="review-title">Wonderful stay</h3>
<div class="c62"><div><span class="b1">Liked</span><span>·</span><span>Great breakfast and a view of the sea from the balcony.</span></div><div><span class="b1">Disliked</span><span>·</span><span>The lift was slow.</span></div></div></div></li>
<li><div data-testid="review-card"><div data-testid="review-score"><div aria-label="Scored 5.0 " class="a3b">5.0</div></div><span data-testid="review-date">Reviewed: 20 February 2024</span><h3 data-testid="review-title">Noisy</h3>
<div class="c62"><div><span class="b1">Disliked</span><span>·</span><span>The street noise kept us awake every night of the week.</span></div></div></div></li></ul></body></html>""",
    # A reviewer's own page (a Yelp user's reviews): each review is of the business it
    # links to ("biz-name"), not of the page, and that name is not the review's author.
    "rendered_reviewer_page_businesses": """<html lang="en-US"><head><title>Dana R.'s Reviews</title></head><body><div class="user-profile_info"><h1>Dana R.</h1><ul><li><strong>212</strong> Reviews</li></ul></div>
<ul class="reviews"><li><div class="review"><div class="review-sidebar"><a class="biz-name" href="/biz/lucky-noodle-san-diego"><span>Lucky Noodle</span></a><address>3021 Adams Ave</address></div>
<div class="review-content"><div class="biz-rating"><div class="i-stars i-stars--regular-4" title="4.0 star rating"></div><span class="rating-qualifier">3/3/2024</span></div><p lang="en">Hand pulled noodles with a great chili oil, the line moves fast.</p></div></div></li>
<li><div class="review"><div class="review-sidebar"><a class="biz-name" href="/biz/harbor-fish-shack-san-diego"><span>Harbor Fish Shack</span></a><address>1 Harbor Dr</address></div>
<div class="review-content"><div class="biz-rating"><div class="i-stars i-stars--regular-2" title="2.0 star rating"></div><span class="rating-qualifier">2/14/2024</span></div><p lang="en">Fish tacos were soggy and the fries came out cold again.</p></div></div></li></ul></body></html>""",
    # Software reviews (Capterra's and TrustRadius' shapes): "Pros" and "Cons" headed by a
    # bold span or an h4, the text after each (a list: one item a line) up to the next heading.
    "rendered_pros_cons_sections": """<html lang="en"><body><h1>ShiftPlan</h1>
<div class="summary"><span class="star-rating-label">4.6</span> <a href="#reviews">(1,204 reviews)</a></div>
<div class="review-card"><div data-testid="reviewer-full-name">Priya N.</div><div>Operations Lead</div><h3>"Scheduling got so much easier"</h3><div><span class="star-rating-label">5.0</span></div><div>March 3, 2024</div>
<p><span class="fw-bold">Overall:</span> We moved forty staff onto it in a week and nobody missed a shift.</p>
<p><span class="fw-bold">Pros</span></p><p>Drag and drop rota, the mobile app shows swaps right away.</p>
<p><span class="fw-bold">Cons</span></p><p>Reports export only as PDF, we need spreadsheets.</p>
<p><span class="fw-bold">Reasons for choosing ShiftPlan</span></p><p>It was cheaper than the others.</p></div>
<div class="review-card"><div data-testid="reviewer-full-name">Tom B.</div><div>Owner</div><h3>"Good but pricey"</h3><div><span class="star-rating-label">3.0</span></div><div>February 1, 2024</div>
<h4>Pros</h4><ul><li>Easy to set up.</li><li>Friendly support team.</li></ul><h4>Cons</h4><ul><li>The price went up twice this year.</li></ul></div></body></html>""",
    # A travel portal's suns, 1 to 6 (HolidayCheck's scale): "5,6 von 6 Sonnen", reviews
    # "5,0 / 6 Sonnen", the count's number marked up apart from its word.
    "rendered_suns_of_six": """<html lang="de"><body><h1>Hotel Sonnenhof</h1>
<div class="hotel-rating"><span class="rating-value">5,6 von 6 Sonnen</span> <a href="#bewertungen">(<span>1.284</span> Bewertungen)</a><div>97 % Weiterempfehlung</div></div>
<div class="review"><div class="review-rating">5,0 / 6 Sonnen</div><span class="author">Sabine (51-55)</span><span class="date">Verreist als Paar • Juli 2024</span><h3>Ruhige Lage, tolles Frühstück</h3><p>Das Personal war sehr freundlich und das Zimmer jeden Tag sauber.</p></div>
<div class="review"><div class="review-rating">3,2 / 6 Sonnen</div><span class="author">Jörg (41-45)</span><span class="date">Verreist mit Familie • Juni 2024</span><h3>In die Jahre gekommen</h3><p>Die Zimmer sind renovierungsbedürftig, der Pool war oft überfüllt.</p></div></body></html>""",
    # A shop plugin's product page (WooCommerce's shape): the count's number in its own
    # span, "(<span class="count">2</span> customer reviews)", and a "rating" span that
    # holds the number of ratings, not a rating.
    "rendered_count_apart_from_words": """<html lang="en-US"><body><div class="product"><h1 class="product_title">Walnut Board</h1>
<div class="product-rating"><div class="star-rating" role="img" aria-label="Rated 4.50 out of 5"><span style="width:90%">Rated <strong class="rating">4.50</strong> out of 5 based on <span class="rating">2</span> customer ratings</span></div><a href="#reviews" class="review-link" rel="nofollow">(<span class="count">2</span> customer reviews)</a></div>
<ol class="commentlist"><li class="review" id="li-comment-41"><div class="comment-text"><div class="star-rating" role="img" aria-label="Rated 5 out of 5"><span style="width:100%">Rated <strong class="rating">5</strong> out of 5</span></div>
<p class="meta"><strong class="review__author">Jane M.</strong> <span>&ndash;</span> <time datetime="2024-03-03T10:12:00+00:00">March 3, 2024</time></p><div class="description"><p>Heavy, smooth and the oil finish looks great on the counter.</p></div></div></li>
<li class="review" id="li-comment-42"><div class="comment-text"><div class="star-rating" role="img" aria-label="Rated 4 out of 5"><span style="width:80%">Rated <strong class="rating">4</strong> out of 5</span></div>
<p class="meta"><strong class="review__author">Luis P.</strong> <span>&ndash;</span> <time datetime="2024-02-10T08:00:00+00:00">February 10, 2024</time></p><div class="description"><p>Nice board, a little smaller than I expected from the photos.</p></div></div></li></ol></div></body></html>""",
    # An employer-review site's older rendered layout (Glassdoor before Next.js): the
    # microformats value-class pattern (the value in a child's title), a score class named
    # in camelCase ("...__ratingNum"), and the pros and cons named by their class.
    "rendered_value_class_named_pros_cons": """<html lang="en"><body><h1>Acme Corp Reviews</h1><div class="ratingInfo"><div class="v2__EIReviewsRatingsStylesV2__ratingNum">3.9</div><div class="ratingTrends"><span class="numReviews">1,523 reviews</span></div></div>
<ol class="empReviews"><li class="empReview" id="empReview_111"><time class="date subtle small" datetime="2020-03-03">Mar 3, 2020</time><h2 class="summary"><a href="/Reviews/r111">"Great place to start"</a></h2><span class="rating"><span class="value-title" title="4.0"></span></span><span class="authorJobTitle reviewer">Current Employee - Analyst</span><p class="pros">Smart colleagues and good training programs.</p><p class="cons">Long hours during quarter close.</p></li>
<li class="empReview" id="empReview_112"><time class="date subtle small" datetime="2020-02-10">Feb 10, 2020</time><h2 class="summary"><a href="/Reviews/r112">"Management chaos"</a></h2><span class="rating"><span class="value-title" title="2.0"></span></span><span class="authorJobTitle reviewer">Former Employee - Engineer</span><p class="pros">The pay was fine for the area.</p><p class="cons">Priorities changed every single week.</p></li></ol></body></html>""",
    # A map's place reviews in Portuguese: "5 estrelas", "1.234 avaliações", relative
    # dates "há uma semana", "há 3 meses"; the reviewer's own count is not the place's.
    "rendered_map_reviews_portuguese": """<html lang="pt-BR"><body><div role="main" aria-label="Padaria Central"><h1 class="DUw">Padaria Central</h1><div class="F7n"><span><span aria-hidden="true">4,6</span><span class="ceN" role="img" aria-label="4,6 estrelas "></span></span><span><span><span aria-label="1.234 avaliações">(1.234)</span></span></span></div>
<div class="jft" data-review-id="ChdDSUhNMG9nS0VJQ0FnSUMx"><div class="d4r">Ana Souza</div><div class="Rfn">Local Guide · 31 avaliações</div><span class="kvM" role="img" aria-label="5 estrelas "></span><span class="rsq">há uma semana</span><span class="wiI">Pão quentinho todo dia de manhã e atendimento muito simpático.</span></div>
<div class="jft" data-review-id="ChdDSUhNMG9nS0VJQ0FnSUMy"><div class="d4r">Carlos Lima</div><div class="Rfn">8 avaliações</div><span class="kvM" role="img" aria-label="2 estrelas "></span><span class="rsq">há 3 meses</span><span class="wiI">O café estava frio e a fila demorou mais de vinte minutos.</span></div></div></body></html>""",
    # A film site's user reviews (IMDb's shape): the score and its scale in two elements,
    # <span class="...--rating">4</span><span class="...--maxRating">/10</span>; "12K ratings".
    "rendered_score_scale_in_next_element": """<html lang="en-US"><body><h1>The Long Harbour (2023)</h1>
<div class="rating-bar"><span class="ipc-rating-star--rating">7.4</span><span class="ipc-rating-star--maxRating">/10</span><a href="/title/tt1/ratings">12K ratings</a></div>
<article class="user-review-item"><div class="ipc-rating-star"><span class="ipc-rating-star--rating">9</span><span class="ipc-rating-star--maxRating">/10</span></div><h3 class="ipc-title__text">A quiet masterpiece</h3><div class="ipc-html-content">The harbour scenes at dawn are some of the best photography this year.</div><a class="author" href="/user/ur1">filmfan_77</a><li class="review-date">Mar 3, 2024</li></article>
<article class="user-review-item"><div class="ipc-rating-star"><span class="ipc-rating-star--rating">4</span><span class="ipc-rating-star--maxRating">/10</span></div><h3 class="ipc-title__text">Too slow for me</h3><div class="ipc-html-content">Beautiful to look at but nothing happens for the first hour at all.</div><a class="author" href="/user/ur2">moviegoer</a><li class="review-date">Feb 20, 2024</li></article></body></html>""",
    # An older review-platform layout (Trustpilot before 2021): the stars rounded in a class
    # ("star-rating count-5") beside the precise "TrustScore 4.6 out of 5", which wins; cards
    # rated by count-N classes and data-rating, "Reviewed 3 days ago" over a <time> that keeps the day.
    "rendered_trustpilot_old_layout": """<html lang="en"><body><div class="company-header"><h1 class="multi-size-header"><span class="multi-size-header__big">Blue Harbour Travel</span></h1>
<div class="header_trustscore"><div class="star-rating count-5 size-large clearfix"></div><p class="header_trustscore">TrustScore <span class="trustscore">4.6</span> out of 5</p><span class="headline__review-count">2,417</span> reviews</div></div>
<div class="review-list"><div class="review" data-review-id="5e1a"><div class="consumer-information__name">Helen W.</div><div class="star-rating count-5 size-medium clearfix" data-rating="5"></div><div class="header--inline"><time datetime="2024-03-03T10:15:00.000Z" title="Sunday, March 3, 2024">Reviewed 3 days ago</time></div><h2 class="review-content__title"><a href="/reviews/5e1a">Smooth booking</a></h2><p class="review-content__text">The transfer was waiting and the hotel matched the photos.</p></div>
<div class="review" data-review-id="5e1b"><div class="consumer-information__name">Omar F.</div><div class="star-rating count-2 size-medium clearfix" data-rating="2"></div><div class="header--inline"><time datetime="2024-02-20T08:00:00.000Z">Feb 20, 2024</time></div><h2 class="review-content__title"><a href="/reviews/5e1b">Refund took months</a></h2><p class="review-content__text">They cancelled our flight and the refund came twelve weeks later.</p></div></div></body></html>""",
    # A business page with hashed class names (Yelp's): aria-label "5 star rating" on
    # role=img, "Mar 3, 2024", "Updated review", "4.5 (1,234 reviews)"; each reviewer
    # named by the link to their profile, their own "123 reviews" not the business's.
    "rendered_yelp_business_hashed": """<html lang="en-US"><body><div class="photo-header__09f24__a"><h1 class="y-css-olzveb">Casa Verde Tacos</h1>
<div class="arrange__09f24__x"><div class="y-css-dnttlc" role="img" aria-label="4.5 star rating"></div><span class="y-css-1jz061g" data-font-weight="semibold">4.5 </span><span class="y-css-1x1e1r2"><a href="#reviews">(1,234 reviews)</a></span></div></div>
<section aria-label="Recommended Reviews"><ul class="list__09f24__ynIEd"><li class="y-css-1sqelp2"><div class="y-css-1iy1dwt"><div class="user-passport-info"><span class="y-css-1x1e1r2"><a href="/user_details?userid=u1">Maya R.</a></span><div>San Diego, CA</div><span>123 reviews</span></div></div><div class="y-css-scqtta"><div class="y-css-dnttlc" role="img" aria-label="5 star rating"></div><span class="y-css-1d8mpv1">Mar 3, 2024</span></div><p class="comment__09f24__D0cxf y-css-h9c2fl"><span class="raw__09f24__T4Ezm" lang="en">Al pastor straight off the trompo and the salsa bar is huge.</span></p></li>
<li class="y-css-1sqelp2"><div class="y-css-1iy1dwt"><div class="user-passport-info"><span class="y-css-1x1e1r2"><a href="/user_details?userid=u2">Greg T.</a></span><div>Austin, TX</div><span>8 reviews</span></div></div><div class="y-css-scqtta"><div class="y-css-dnttlc" role="img" aria-label="2 star rating"></div><span class="y-css-1d8mpv1">Feb 11, 2024</span><span class="y-css-1d8mpv1">Updated review</span></div><p class="comment__09f24__D0cxf y-css-h9c2fl"><span class="raw__09f24__T4Ezm" lang="en">The second visit was slow and the tortillas were stale.</span></p></li></ul></section></body></html>""",
    # A map's place in English (Google Maps'): " 4 stars " and "1 star" labels, the count
    # only in "(1,234)", each reviewer named inside a button to their /contrib/ page.
    "rendered_map_reviews_count_in_parens": """<html lang="en"><body><div role="main" aria-label="Harbor Books"><h1 class="DUwDvf">Harbor Books</h1>
<div class="F7nice"><span><span aria-hidden="true">4.3</span><span class="ceNzKf" role="img" aria-label="4.3 stars "></span></span><span><span><span>(1,234)</span></span></span></div>
<div class="jftiEf" data-review-id="ChdDSUhNMG9nS0VJQ0FnSUNn"><button class="al6Kxe" data-href="https://www.google.com/maps/contrib/1099/reviews?hl=en"><div class="d4r55">Nora P.</div></button><div class="RfnDt">3 reviews</div><span class="kvMYJc" role="img" aria-label=" 4 stars "></span><span class="rsqaWe">2 months ago</span><span class="wiI7pd">Good selection of used books and a cosy reading corner upstairs.</span>
<div class="CDe7pd"><span class="nM6d2c">Response from the owner</span><span class="DZSIDd">a month ago</span><div class="wiI7pd">Thanks Nora, come by for the reading night in spring!</div></div></div>
<div class="jftiEf" data-review-id="ChdDSUhNMG9nS0VJQ0FnSUNo"><button class="al6Kxe" data-href="https://www.google.com/maps/contrib/2088/reviews?hl=en"><div class="d4r55">Sam K.</div></button><div class="RfnDt">Local Guide · 40 reviews</div><span class="kvMYJc" role="img" aria-label="1 star"></span><span class="rsqaWe">a year ago</span><span class="wiI7pd">Closed on a Saturday afternoon although the sign said open.</span></div></div></body></html>""",
    # A short list (TripAdvisor's restaurants near a place, 3 entries): svg bubbles
    # "4.5 of 5 bubbles" (an svg <title> is no page title) and "1,234 reviews", one
    # aggregate per entry, siblings of one shape each linking to its own page.
    "rendered_bubble_list_short": """<html lang="en"><body><h1>Restaurants near Old Harbour</h1>
<div class="rl"><div class="entry" data-test="1_list_item"><a class="nm" href="/Restaurant_Review-g1-d11-Blue_Anchor.html">Blue Anchor</a><svg class="UctUV" viewBox="0 0 128 24" aria-label="4.5 of 5 bubbles"><title>4.5 of 5 bubbles</title></svg><span class="cnt">1,234 reviews</span></div>
<div class="entry" data-test="2_list_item"><a class="nm" href="/Restaurant_Review-g1-d12-Salt_House.html">Salt House</a><svg class="UctUV" viewBox="0 0 128 24" aria-label="4.0 of 5 bubbles"><title>4.0 of 5 bubbles</title></svg><span class="cnt">87 reviews</span></div>
<div class="entry" data-test="3_list_item"><a class="nm" href="/Restaurant_Review-g1-d13-Pier_Grill.html">Pier Grill</a><svg class="UctUV" viewBox="0 0 128 24" aria-label="3.5 of 5 bubbles"><title>3.5 of 5 bubbles</title></svg><span class="cnt">402 reviews</span></div></div></body></html>""",
    # A product page in Japanese (Amazon JP's): "5つ星のうち4.0" (the scale first),
    # "1,234個の評価", dates "2024年3月3日に日本でレビュー済み".
    "rendered_product_page_japanese": """<html lang="ja-jp"><body><h1 id="title">電気ケトル 1.0L</h1>
<div id="avg"><i class="a-icon a-icon-star a-star-4"><span class="a-icon-alt">5つ星のうち4.0</span></i> <span id="acrCustomerReviewText">1,234個の評価</span></div>
<div id="reviews"><div id="R1" data-hook="review"><span class="a-profile-name">たなか</span><i class="a-icon a-star-5"><span class="a-icon-alt">5つ星のうち5.0</span></i><span data-hook="review-date">2024年3月3日に日本でレビュー済み</span><span data-hook="review-body">すぐにお湯が沸きます。デザインも気に入りました。</span></div>
<div id="R2" data-hook="review"><span class="a-profile-name">K.S.</span><i class="a-icon a-star-2"><span class="a-icon-alt">5つ星のうち2.0</span></i><span data-hook="review-date">2024年2月20日に日本でレビュー済み</span><span data-hook="review-body">蓋の部分がすぐに壊れてしまいました。残念です。</span></div></div></body></html>""",
    # A rental's reviews (Airbnb's shape): the guest's first name in an h3 above the
    # date line is the author, not a title; "Rating, 5 stars".
    "rendered_host_reviews_name_heading": """<html lang="en"><body><h1>Seaview loft near the harbour</h1>
<div class="r1"><span class="a8">4.92</span> · <span>128 reviews</span></div>
<div class="c1"><div class="card" data-review-id="9001"><div class="hd"><h3 class="t1">Julia</h3><div class="s1">March 2024</div></div><div class="rt"><span class="st" aria-label="Rating, 5 stars"></span></div><div class="bd"><span>Spotless flat, the view from the balcony is even better than the photos.</span></div></div>
<div class="card" data-review-id="9002"><div class="hd"><h3 class="t1">Marco</h3><div class="s1">February 2024</div></div><div class="rt"><span class="st" aria-label="Rating, 3 stars"></span></div><div class="bd"><span>Nice place but the stairs are steep and the wifi dropped every evening.</span></div></div></div></body></html>""",
    # A travel portal's review page, older layout (TripAdvisor's): cards `data-reviewid`, bubble_50
    # classes, "Written March 5, 2024" before "Date of stay: March 2024", the title a link to the
    # review's own page (its id in the address), the aggregate's bubbles in an svg <title>.
    "rendered_tripadvisor_review_page": """<html lang="en"><body><h1 id="HEADING" data-test-target="top-info-header">Harbour View Hotel</h1>
<div class="grdwI"><span class="uwJeR">4.5</span><svg class="UctUV" viewBox="0 0 128 24" aria-labelledby="a1"><title id="a1">4.5 of 5 bubbles</title></svg><span class="biGQs">2,318 reviews</span></div>
<div id="REVIEWS"><div class="review-container" data-reviewid="901234"><div class="member_info"><div class="info_text"><div>Linda M</div></div></div><div class="ui_column"><span class="ui_bubble_rating bubble_50"></span><span class="ratingDate" title="March 5, 2024">Written March 5, 2024</span><div class="quote"><a href="/ShowUserReviews-g1-d2-r901234.html"><span class="noQuotes">Perfect weekend by the sea</span></a></div><p class="partial_entry">Room facing the harbour, quiet at night and a generous breakfast.</p><div class="stay-date"><span class="stay_date_label">Date of stay:</span> March 2024</div></div></div>
<div class="review-container" data-reviewid="901235"><div class="member_info"><div class="info_text"><div>Peter K</div></div></div><div class="ui_column"><span class="ui_bubble_rating bubble_20"></span><span class="ratingDate" title="February 20, 2024">Written February 20, 2024</span><div class="quote"><a href="/ShowUserReviews-g1-d2-r901235.html"><span class="noQuotes">Noisy and tired rooms</span></a></div><p class="partial_entry">The carpet was stained and the street noise kept us awake.</p><div class="stay-date"><span class="stay_date_label">Date of stay:</span> February 2024</div></div></div></div></body></html>""",
    # The same portal's current cards: each rating only in an svg's <title> "5.0 of 5 bubbles";
    # the trip's "Mar 2024 • Couples" above the review's "Written March 5, 2024", which wins.
    "rendered_tripadvisor_review_cards_svg": """<html lang="en"><body><h1 data-test-target="top-info-header">Old Mill Bistro</h1>
<div class="QEQvp"><span class="biGQs">4.0</span><svg class="UctUV" viewBox="0 0 128 24" aria-labelledby="b1"><title id="b1">4.0 of 5 bubbles</title></svg><span class="biGQs">(812 reviews)</span></div>
<div data-automation="reviewCard" data-reviewid="77001"><div class="QIHsu"><a class="BMQDV" href="/Profile/anna_t">Anna T</a></div><svg class="UctUV" viewBox="0 0 128 24"><title>5.0 of 5 bubbles</title></svg><div class="biGQs"><a href="/ShowUserReviews-r77001.html"><span>Best soup in town</span></a></div><div class="RpeCd">Mar 2024 • Couples</div><div class="biGQs"><span class="JguWG">The mushroom soup and fresh bread were excellent.</span></div><div class="biGQs">Written March 5, 2024</div></div>
<div data-automation="reviewCard" data-reviewid="77002"><div class="QIHsu"><a class="BMQDV" href="/Profile/bob_r">Bob R</a></div><svg class="UctUV" viewBox="0 0 128 24"><title>2.0 of 5 bubbles</title></svg><div class="biGQs"><a href="/ShowUserReviews-r77002.html"><span>Slow service</span></a></div><div class="RpeCd">Feb 2024 • Family</div><div class="biGQs"><span class="JguWG">We waited an hour for two main courses.</span></div><div class="biGQs">Written February 20, 2024</div></div></body></html>""",
    # A shop-rating widget (Trusted Shops'): "4,89" and "/ 5,00" in two elements, "Sehr gut",
    # "1.234 Bewertungen", cards rated by data-rating and dated "vom 03.03.2024".
    "rendered_trusted_shops_widget": """<html lang="de"><body><h1 class="shop-name">Kaffeehaus Müller</h1>
<div class="ts-rating-summary"><span class="ts-mark">4,89</span><span class="ts-max"> / 5,00</span><span class="ts-grade">Sehr gut</span><span class="ts-count">1.234 Bewertungen</span></div>
<div class="ts-reviews"><div class="ts-review"><div class="ts-stars" data-rating="5"><span class="ts-star ts-star-full"></span><span class="ts-star ts-star-full"></span><span class="ts-star ts-star-full"></span><span class="ts-star ts-star-full"></span><span class="ts-star ts-star-full"></span></div><span class="ts-date">vom 03.03.2024</span><p class="ts-comment">Schnelle Lieferung und der Kaffee ist hervorragend.</p></div>
<div class="ts-review"><div class="ts-stars" data-rating="2"><span class="ts-star ts-star-full"></span><span class="ts-star ts-star-full"></span><span class="ts-star ts-star-empty"></span><span class="ts-star ts-star-empty"></span><span class="ts-star ts-star-empty"></span></div><span class="ts-date">vom 20.02.2024</span><p class="ts-comment">Paket kam beschädigt an, Ersatz dauerte lange.</p></div></div></body></html>""",
    # A marketplace shop's reviews (Etsy's): "5 out of 5 stars" for screen readers, the date a
    # short text right after the reviewer's /people/ link: "<a>Jane S</a> Mar 3, 2024".
    "rendered_etsy_shop_reviews": """<html lang="en-US"><body><h1 class="wt-text-heading">CedarCraftCo</h1>
<div class="reviews-header"><span class="wt-screen-reader-only">4.8 out of 5 stars</span><input type="hidden" name="rating" value="4.8"><span class="wt-text-body">(1,234)</span></div>
<div class="review-card" data-review-region="r1"><div class="wt-display-flex"><span class="wt-screen-reader-only">5 out of 5 stars</span><input type="hidden" name="rating" value="5"></div><p class="wt-text-caption"><a href="/people/jsmith">Jane S</a> Mar 3, 2024</p><p class="wt-text-truncate" id="review-preview-toggle-0">Beautiful cutting board, arrived well packed.</p></div>
<div class="review-card" data-review-region="r2"><div class="wt-display-flex"><span class="wt-screen-reader-only">3 out of 5 stars</span><input type="hidden" name="rating" value="3"></div><p class="wt-text-caption"><a href="/people/mkay">Mike K</a> Feb 20, 2024</p><p class="wt-text-truncate" id="review-preview-toggle-1">Nice wood, but smaller than I expected.</p></div></body></html>""",
    # An employer's reviews, 2023 layout (Glassdoor's): the rating in an "overallRating" class,
    # pros and cons in data-test="review-text-PROS"/"-CONS", the job title beside them no text.
    "rendered_glassdoor_new_layout": """<html lang="en"><body><h1 class="employer-header_employerName__x1">Acme Corp</h1>
<div class="rating-headline-average_rating__x2"><p class="rating-headline-average_ratingNum__x3">3.9</p><div class="review-overview_reviewCount__x4">Based on 1,523 reviews</div></div>
<ol class="ReviewsList_reviewsList__x5"><li class="ReviewsList_reviewListItem__x6"><div class="review-details_reviewDetails__x7"><span class="review-details_overallRating__Rxhdr" data-test="review-rating-label">4.0</span><span class="timestamp_reviewDate__dsF9n">Mar 3, 2024</span><h3 class="heading_Heading__x8" data-test="review-details-title">Good place to grow</h3><span class="review-avatar_avatarLabel__x9" data-test="review-avatar-label">Software Engineer</span><div class="review-details_pro__x10"><p class="review-text_textTitle__h8c3S">Pros</p><span data-test="review-text-PROS">Smart colleagues and lots of mentoring.</span></div><div class="review-details_con__x11"><p class="review-text_textTitle__h8c3S">Cons</p><span data-test="review-text-CONS">Pay is below the market rate.</span></div></div></li>
<li class="ReviewsList_reviewListItem__x6"><div class="review-details_reviewDetails__x7"><span class="review-details_overallRating__Rxhdr" data-test="review-rating-label">2.0</span><span class="timestamp_reviewDate__dsF9n">Feb 20, 2024</span><h3 class="heading_Heading__x8" data-test="review-details-title">Too many reorgs</h3><span class="review-avatar_avatarLabel__x9" data-test="review-avatar-label">Sales Manager</span><div class="review-details_pro__x10"><p class="review-text_textTitle__h8c3S">Pros</p><span data-test="review-text-PROS">Good benefits package.</span></div><div class="review-details_con__x11"><p class="review-text_textTitle__h8c3S">Cons</p><span data-test="review-text-CONS">Management changes every quarter.</span></div></div></li></ol></body></html>""",
    # A seller's feedback (eBay's): positive, neutral or negative icons, read as 3, 2 or 1 of 3;
    # dates "Past month", "Past 6 months"; a share "99.2% positive" is no aggregate.
    "rendered_ebay_feedback": """<html lang="en-US"><body><h1>Feedback for cedar_tools</h1>
<div class="fdbk-overall-rating">99.2% positive feedback</div><div class="fdbk-count">4,321 ratings</div>
<table class="fdbk-detail-list"><tr class="fdbk-container"><td><svg class="fdbk-detail-list__icon" aria-label="Positive feedback rating"><use href="#icon-positive"></use></svg></td><td class="fdbk-container__details__comment"><span>Fast shipping, item as described.</span></td><td><span class="fdbk-container__details__info__username">b***r (312)</span></td><td><span class="fdbk-container__details__info__date">Past month</span></td></tr>
<tr class="fdbk-container"><td><svg class="fdbk-detail-list__icon" aria-label="Negative feedback rating"><use href="#icon-negative"></use></svg></td><td class="fdbk-container__details__comment"><span>Never arrived.</span></td><td><span class="fdbk-container__details__info__username">k***m (14)</span></td><td><span class="fdbk-container__details__info__date">Past 6 months</span></td></tr></table></body></html>""",
    # A price-comparison product (Google Shopping's): "4.5 out of 5 stars. 1,234 reviews." in one
    # aria-label; reviews "Rated 5 out of 5,".
    "rendered_shopping_out_of_stars_count": """<html lang="en"><body><h1 class="sh-t__title">Acme Kettle 1.7L</h1>
<div class="product-rating"><span aria-label="4.5 out of 5 stars. 1,234 reviews." role="img"><span class="Rsc7Yb">4.5</span></span></div>
<div class="review-list"><div class="z6XoBf"><div aria-label="Rated 5 out of 5," role="img"></div><span class="less-spaced">March 3, 2024</span><div class="g1lvWe">Boils fast and looks great on the counter.</div></div>
<div class="z6XoBf"><div aria-label="Rated 2 out of 5," role="img"></div><span class="less-spaced">February 20, 2024</span><div class="g1lvWe">The lid broke after a month of use.</div></div></div></body></html>""",
}

# case -> (aggregate (value, count, best) or None, the reviews' ratings, their strategy, a date)
EXPECTED: dict[str, tuple] = {
    "apollo_comment_wrapped": (("4.4", 2721, "5"), ["5", "3"], "embedded_json", "2025-09-22T16:46:34-05:00"),
    "next_data_apollo_cache": (("3.6", 164958, "5"), ["4", "2"], "embedded_json", "2025-08-23T21:11:05.447"),
    "window_state_js_literal": (("4.5", 128, "5"), ["5", "2"], "embedded_json", "vor 3 Tagen"),
    "nuxt2_function_state": (None, ["5", "2"], "embedded_json", "2024-03-03"),
    "nuxt3_devalue_payload": (None, ["4", "3"], "embedded_json", "2024-05-01"),
    "rendered_aria_label_reviews": (None, ["5", "2"], "rendered", "Sep 22, 2025"),
    "rendered_product_page_out_of": (("4.4", 21200, "5"), ["5.0", "3.0"], "rendered", "Reviewed in Germany on 3 March 2024"),
    "rendered_bubble_list": None,
    "rendered_label_score_ten": None,
    "json_ld_cdata_strings": (("4,5", 44, "5"), ["5", "None"], "json_ld", "03.04.2024"),
    "microdata_carousel_clones": (("4", 2, "5"), ["5", "3"], "microdata", "21/10/2016"),
    "rendered_class_names": (None, ["4", "2", "5"], "rendered", "23. März 2024"),
    "comment_thread_no_ratings": None,
    "vue_initial_state_single_review": (None, ["4"], "embedded_json", "2016-11-04T20:37:27Z"),
    "rendered_reviews_with_shop_reply": (None, ["4", "5"], "rendered", "2020-02-21 09:40:20 UTC"),
    "rendered_reviews_lightbox_copy": (None, ["4,0", "2,0"], "rendered", "Rezension aus Deutschland vom 15. September 2017"),
    "list_page_entries_with_quotes": None,
    "map_results_place_links": None,
    "rendered_cards_dates_in_scripts": (("4.6", 22118, "5"), ["5", "2"], "rendered", "2020-04-17T10:22:31Z"),
    "rendered_map_place_reviews": (("4.9", 90, "5"), ["5", "2"], "rendered", "a week ago"),
    "rendered_cards_several_ratings": (("4.5", 12345, "5"), ["5.0", "2.0"], "rendered", "March 3, 2024"),
    "rendered_number_then_scale": (("8.6", 2345, "10"), ["9", "4"], "rendered", "March 20, 2024"),
    "rendered_drawn_ratings": (None, ["4", "2", "4.5"], "rendered", "March 5, 2024"),
    "rendered_dates_after_labels": (None, ["4", "2"], "rendered", "schrieb am 9. März 2024"),
    "rendered_app_store_developer_response": (("4.7", 12300, "5"), ["5", "2"], "rendered", "03/03/2024"),
    "rendered_play_store_rounded_count": (("4,5", 1230000, "5"), ["4", "1"], "rendered", "3. März 2024"),
    "rendered_star_glyphs_two_decimal_scale": (("4,85", 1234, "5"), ["5", "2"], "rendered", "03.03.2024"),
    "rendered_scored_ten_point_liked_disliked": (("8.6", 1234, "10"), ["9.0", "5.0"], "rendered", "Reviewed: 3 March 2024"),
    "rendered_reviewer_page_businesses": (None, ["4.0", "2.0"], "rendered", "3/3/2024"),
    "rendered_pros_cons_sections": (("4.6", 1204, "5"), ["5.0", "3.0"], "rendered", "March 3, 2024"),
    "rendered_suns_of_six": (("5,6", 1284, "6"), ["5,0", "3,2"], "rendered", "Verreist als Paar • Juli 2024"),
    "rendered_count_apart_from_words": (("4.50", 2, "5"), ["5", "4"], "rendered", "March 3, 2024"),
    "rendered_value_class_named_pros_cons": (("3.9", 1523, "5"), ["4.0", "2.0"], "rendered", "Mar 3, 2020"),
    "rendered_map_reviews_portuguese": (("4,6", 1234, "5"), ["5", "2"], "rendered", "há uma semana"),
    "rendered_score_scale_in_next_element": (("7.4", 12000, "10"), ["9", "4"], "rendered", "Mar 3, 2024"),
    "rendered_trustpilot_old_layout": (("4.6", 2417, "5"), ["5", "2"], "rendered", "Feb 20, 2024"),
    "rendered_yelp_business_hashed": (("4.5", 1234, "5"), ["5", "2"], "rendered", "Mar 3, 2024"),
    "rendered_map_reviews_count_in_parens": (("4.3", 1234, "5"), ["4", "1"], "rendered", "2 months ago"),
    "rendered_bubble_list_short": None,
    "rendered_product_page_japanese": (("4.0", 1234, "5"), ["5.0", "2.0"], "rendered", "2024年3月3日に日本でレビュー済み"),
    "rendered_host_reviews_name_heading": (None, ["5", "3"], "rendered", "March 2024"),
    "rendered_tripadvisor_review_page": (("4.5", 2318, "5"), ["5.0", "2.0"], "rendered", "Written March 5, 2024"),
    "rendered_tripadvisor_review_cards_svg": (("4.0", 812, "5"), ["5.0", "2.0"], "rendered", "Written March 5, 2024"),
    "rendered_trusted_shops_widget": (("4,89", 1234, "5"), ["5", "2"], "rendered", "vom 03.03.2024"),
    "rendered_etsy_shop_reviews": (("4.8", 1234, "5"), ["5", "3"], "rendered", "Mar 3, 2024"),
    "rendered_glassdoor_new_layout": (("3.9", 1523, "5"), ["4.0", "2.0"], "rendered", "Mar 3, 2024"),
    "rendered_ebay_feedback": (None, ["3", "1"], "rendered", "Past month"),
    "rendered_shopping_out_of_stars_count": (("4.5", 1234, "5"), ["5", "2"], "rendered", "March 3, 2024"),
}  # fmt: skip
SHAPES |= ROUND_SHAPES
EXPECTED |= ROUND_EXPECTED


def cases() -> list[tuple[str, str, str]]:
    """(case, url, html) of every shape."""
    return [(case, BASE + case.replace("_", "-"), html) for case, html in SHAPES.items()]
