# ruff: noqa: E501  (saved markup reads better unwrapped)
"""The tenth round's hand-written miniatures (issue 15): the boards' own thread markup the
forum family reads as posts (XenForo, Discourse's crawler view, vBulletin, Invision), each
post a mention of the thread's company (no stars shown); and, read by the generic reader
(``TENTH_SHAPES``), a single review's page whose state names its business."""

from __future__ import annotations

# thread case -> its markup, read by the forum family
TENTH_THREADS: dict[str, str] = {
    "xenforo_thread": """<html lang="de"><head><title>Kaffee Partner Automat | Kaffee-Forum</title></head><body>
<h1 class="p-title-value">Kaffee Partner Automat defekt</h1>
<div class="block-body">
<article class="message message--post js-post" data-author="Bohnenfan" data-content="post-501" id="js-post-501">
<h4 class="message-name"><a href="/members/bohnenfan.7/" class="username">Bohnenfan</a></h4>
<ul class="message-attribution-main"><li><time class="u-dt" datetime="2024-03-03T14:51:09+0200">3. März 2024</time></li></ul>
<ul class="message-attribution-opposite"><li><span class="username">#1</span></li></ul>
<article class="message-body"><div class="bbWrapper">Der Automat von Kaffee Partner ist seit Wochen kaputt.</div></article>
</article>
<article class="message message--post js-post" data-author="Milchschaum" data-content="post-502" id="js-post-502">
<h4 class="message-name"><a href="/members/milchschaum.9/" class="username">Milchschaum</a></h4>
<ul class="message-attribution-main"><li><time class="u-dt" datetime="2024-03-04T09:12:00+0200">4. März 2024</time></li></ul>
<ul class="message-attribution-opposite"><li><span class="username">#2</span></li></ul>
<article class="message-body"><div class="bbWrapper"><blockquote class="bbCodeBlock bbCodeBlock--quote" data-quote="Bohnenfan"><div class="bbCodeBlock-content">seit Wochen kaputt</div></blockquote>Bei uns kam der Techniker nach zwei Tagen.</div></article>
</article>
</div></body></html>""",
    "discourse_crawler_thread": """<html lang="en"><head><title>Acme Hosting outage - Community</title></head><body>
<div id="topic-title"><h1><a href="/t/acme-hosting-outage/77" class="fancy-title">Acme Hosting outage</a></h1></div>
<div id="post_1" itemprop="comment" itemscope itemtype="http://schema.org/Comment" class="topic-body crawler-post">
<div class="crawler-post-meta"><span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person"><a itemprop="url" href="/u/jdoe"><span itemprop="name">jdoe</span></a></span>
<time itemprop="datePublished" datetime="2024-03-03T10:00:00Z" class="post-time">March 3, 2024, 10:00am</time></div>
<div class="post" itemprop="text"><p>Acme Hosting was down for six hours.</p></div></div>
<div id="post_2" itemprop="comment" itemscope itemtype="http://schema.org/Comment" class="topic-body crawler-post">
<div class="crawler-post-meta"><span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person"><a itemprop="url" href="/u/mk"><span itemprop="name">mk</span></a></span>
<time itemprop="datePublished" datetime="2024-03-04T08:00:00Z" class="post-time">March 4, 2024, 8:00am</time></div>
<div class="post" itemprop="text"><p>Support answered within the hour.</p></div></div>
</body></html>""",
    "vbulletin_thread": """<html lang="en"><head><title>Acme Movers - Moving Forum</title></head><body>
<h2 class="threadtitle"><a href="/threads/123-Acme-Movers">Acme Movers</a></h2>
<ol id="posts" class="posts">
<li class="postbitlegacy postbitim postcontainer old" id="post_9001">
<div class="posthead"><span class="postdate old"><span class="date">03-03-2024,&nbsp;<span class="time">10:15 AM</span></span></span></div>
<div class="userinfo"><a class="username offline popupctrl" href="member.php?u=44"><strong>boxhauler</strong></a></div>
<div class="postbody"><div class="content"><div id="post_message_9001"><blockquote class="postcontent restore">Acme Movers lost two of my boxes.</blockquote></div></div></div>
</li>
<li class="postbitlegacy postbitim postcontainer old" id="post_9002">
<div class="posthead"><span class="postdate old"><span class="date">03-04-2024,&nbsp;<span class="time">09:00 AM</span></span></span></div>
<div class="userinfo"><a class="username offline popupctrl" href="member.php?u=45"><strong>tapegun</strong></a></div>
<div class="postbody"><div class="content"><div id="post_message_9002"><blockquote class="postcontent restore">Mine arrived on time.</blockquote></div></div></div>
</li>
</ol></body></html>""",
    "invision_thread": """<html lang="en"><head><title>Acme Bank app - Invision Community</title></head><body>
<h1 class="ipsType_pageTitle ipsContained_container"><span class="ipsType_break ipsContained"><span>Acme Bank app</span></span></h1>
<article id="elComment_3301" class="cPost ipsBox ipsComment ipsComment_parent">
<aside class="ipsComment_author cAuthorPane"><h3 class="ipsType_sectionHead cAuthorPane_author"><strong><a href="/profile/12-anna/">Anna</a></strong></h3></aside>
<div class="ipsColumn"><div class="ipsComment_meta"><time datetime="2024-03-03T12:00:00Z" title="03/03/2024 12:00">March 3, 2024</time></div>
<div data-role="commentContent" class="ipsType_normal ipsType_richText ipsContained"><p>The Acme Bank app logs me out every day.</p></div></div>
</article>
<article id="elComment_3302" class="cPost ipsBox ipsComment">
<aside class="ipsComment_author cAuthorPane"><h3 class="ipsType_sectionHead cAuthorPane_author"><strong><a href="/profile/13-tom/">Tom</a></strong></h3></aside>
<div class="ipsColumn"><div class="ipsComment_meta"><time datetime="2024-03-05T12:00:00Z" title="03/05/2024 12:00">March 5, 2024</time></div>
<div data-role="commentContent" class="ipsType_normal ipsType_richText ipsContained"><p>Updating fixed it for me.</p></div></div>
</article>
</body></html>""",
}

# thread case -> (the thread's title, [(post id, author, date shown, text)])
TENTH_THREAD_POSTS: dict[str, tuple[str, list[tuple[str, str, str, str]]]] = {
    "xenforo_thread": ("Kaffee Partner Automat defekt", [
        ("501", "Bohnenfan", "3. März 2024", "Der Automat von Kaffee Partner ist seit Wochen kaputt."),
        ("502", "Milchschaum", "4. März 2024", "Bei uns kam der Techniker nach zwei Tagen."),  # not the quote
    ]),
    "discourse_crawler_thread": ("Acme Hosting outage", [
        ("1", "jdoe", "March 3, 2024, 10:00am", "Acme Hosting was down for six hours."),
        ("2", "mk", "March 4, 2024, 8:00am", "Support answered within the hour."),
    ]),
    "vbulletin_thread": ("Acme Movers", [
        ("9001", "boxhauler", "03-03-2024, 10:15 AM", "Acme Movers lost two of my boxes."),
        ("9002", "tapegun", "03-04-2024, 09:00 AM", "Mine arrived on time."),
    ]),
    "invision_thread": ("Acme Bank app", [
        ("3301", "Anna", "March 3, 2024", "The Acme Bank app logs me out every day."),
        ("3302", "Tom", "March 5, 2024", "Updating fixed it for me."),
    ]),
}  # fmt: skip

# generic case -> its markup (merged into ``generic_shapes``)
TENTH_SHAPES: dict[str, str] = {
    "state_single_review_business_unit": """<html lang="en-GB"><head><title>acme-shoes.co.uk reviewed by Ann Lee</title></head><body>
<div class="company-name">Review of <a href="/review/acme-shoes.co.uk">acme-shoes.co.uk</a></div>
<article class="review" id="6a1b2c3d4e5f60718293a4b5">
<script type="application/json" data-initial-state="review-info"> {"businessUnitId":"5f0e1d2c3b4a59687766554f","businessUnitDisplayName":"acme-shoes.co.uk","consumerName":"Ann Lee","reviewId":"6a1b2c3d4e5f60718293a4b5","reviewHeader":"Comfortable from day one","reviewBody":"The shoes fit perfectly.","stars":4} </script>
<div class="star-rating"><img alt="4 stars: Great"></div>
<script type="application/json" data-initial-state="review-dates"> {"publishedDate":"2024-03-03T10:00:00Z"} </script>
</article></body></html>""",
}
TENTH_EXPECTED: dict[str, tuple | None] = {
    "state_single_review_business_unit": (None, ["4"], "embedded_json", "2024-03-03T10:00:00Z"),
}
