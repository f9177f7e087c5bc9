# ruff: noqa: E501  (markup templates: one line of HTML reads better than a split string)
"""Topic forums and blog comment threads that talk about companies.

A company's thread is, stably per company, a phpBB-style topic (stars as
"★★★★☆") or a WordPress-style blog post with comments (stars as an image with
alt "4 von 5 Sternen"). Posts without stars are mentions. Recent posts show
German relative dates ("vor 3 Tagen", "gestern"), older ones "23. März 2024".
Every thread links to the forum search, which robots.txt forbids.
"""

from __future__ import annotations

from urllib.parse import quote

from offline_portals.render import PageContext
from offline_portals.render.common import de_num, esc, relative_de, variant
from offline_portals.world import Review


def is_blog(company_id: str) -> bool:
    return variant("forum-style|" + company_id, 3) == 0


def _glyphs(stars: int) -> str:
    return "★" * stars + "☆" * (5 - stars)


def render(ctx: PageContext) -> str:
    c = ctx.company
    name = c.portal_names.get("forum", c.name)
    title = f"Erfahrungen mit {name}?"
    score, count = ctx.aggregate
    search = f"/forum/search?q={quote(name)}"
    nxt = ""
    if ctx.page < ctx.total_pages:
        nxt = f'<a class="button" rel="next" href="{esc(ctx.page_path(ctx.page + 1))}">Nächste</a>'
    body = (_blog if is_blog(c.company_id) else _topic)(ctx, name, title, score, count, search, nxt)
    return f"""<!DOCTYPE html>
<html dir="ltr" lang="de"><head><meta charset="utf-8">
<title>{esc(title)} - Verbraucherforum</title>
<link rel="canonical" href="{esc(ctx.page_path(ctx.page))}"></head>
{body}
</html>"""


def _topic(
    ctx: PageContext, name: str, title: str, score: float, count: int, search: str, nxt: str
) -> str:
    posts = "\n".join(_post(r, ctx, name) for r in ctx.reviews)
    return f"""<body id="phpbb" class="section-viewtopic ltr">
<div id="page-header"><form action="/forum/search" method="get" id="search"><input name="q" type="search" placeholder="Suche…"><button>Suche</button></form></div>
<h2 class="topic-title"><a href="{esc(ctx.page_path(1))}">{esc(title)}</a></h2>
<p class="topic-tags">Firma: <a href="/forum/tag/{esc(quote(name))}" rel="tag">{esc(name)}</a> · <a href="{esc(search)}">Ähnliche Themen suchen</a></p>
<div class="topic-rating">Bewertung: <strong>{de_num(score)}</strong> von 5 Sternen (<span class="rating-count">{count}</span> Bewertungen)</div>
<div class="pagination">{ctx.total_reviews} Beiträge • Seite <strong>{ctx.page}</strong> von <strong>{ctx.total_pages}</strong> {nxt}</div>
{posts}
<div class="action-bar bar-bottom"><div class="pagination">{nxt}</div></div>
</body>"""


def _post(r: Review, ctx: PageContext, company_name: str) -> str:
    stars = ""
    if r.rating is not None:
        stars = f'<div class="post-rating">{_glyphs(int(r.rating))}</div>'
    reply = ""
    if r.reply_text and r.replied_at:
        reply = f"""<blockquote class="official-reply"><cite>{esc(company_name)} (offizielle Antwort) schrieb <span class="reply-date">{esc(relative_de(r.replied_at, ctx.now))}</span>:</cite><p>{esc(r.reply_text)}</p></blockquote>"""
    return f"""<div id="{esc(r.review_id)}" class="post has-profile bg2"><div class="inner">
<dl class="postprofile"><dt><a href="/forum/memberlist?mode=viewprofile&amp;u={esc(r.author_id)}" class="username">{esc(r.author_name)}</a></dt>
<dd class="profile-posts"><strong>Beiträge:</strong> {r.author_review_count}</dd></dl>
<div class="postbody"><h3><a href="#{esc(r.review_id)}">{esc(r.title)}</a></h3>
<p class="author"><span class="responsive-hide">von <strong>{esc(r.author_name)}</strong> » </span><span class="post-date">{esc(relative_de(r.published_at, ctx.now))}</span></p>
{stars}<div class="content">{esc(r.text)}</div>{reply}</div></div></div>"""


def _blog(
    ctx: PageContext, name: str, title: str, score: float, count: int, search: str, nxt: str
) -> str:
    comments = "\n".join(_comment(r, ctx, name) for r in ctx.reviews)
    return f"""<body class="post-template-default single single-post">
<aside id="secondary" class="widget-area"><form role="search" method="get" class="search-form" action="/forum/search"><input type="search" class="search-field" name="q"></form>
<a href="{esc(search)}">Mehr zu {esc(name)}</a></aside>
<article class="post type-post status-publish"><header class="entry-header"><h1 class="entry-title">{esc(title)}</h1></header>
<div class="entry-content"><p>Wir sammeln hier Erfahrungen unserer Leserinnen und Leser.</p></div>
<footer class="entry-footer"><span class="tags-links">Schlagwörter: <a href="/forum/tag/{esc(quote(name))}" rel="tag">{esc(name)}</a></span></footer></article>
<div id="comments" class="comments-area">
<h2 class="comments-title">{ctx.total_reviews} Gedanken zu „{esc(title)}“</h2>
<p class="rating-summary">Leserbewertung: <strong>{de_num(score)}</strong> von 5 Sternen aus <span class="rating-count">{count}</span> Bewertungen</p>
<ol class="comment-list">{comments}</ol>
<nav class="comment-navigation"><div class="nav-next">{nxt}</div></nav></div>
</body>"""


def _comment(r: Review, ctx: PageContext, company_name: str) -> str:
    stars = ""
    if r.rating is not None:
        n = int(r.rating)
        stars = f'<p class="comment-rating"><img src="/static/stars-{n}.png" alt="{n} von 5 Sternen" width="80" height="16"></p>'
    reply = ""
    if r.reply_text and r.replied_at:
        reply = f"""<ol class="children"><li id="comment-{esc(r.review_id)}-reply" class="comment official-reply depth-2"><article class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{esc(company_name)}</b> <span class="says">sagt:</span></div>
<div class="comment-metadata"><time>{esc(relative_de(r.replied_at, ctx.now))}</time></div></footer>
<div class="comment-content"><p>{esc(r.reply_text)}</p></div></article></li></ol>"""
    return f"""<li id="comment-{esc(r.review_id)}" class="comment even thread-even depth-1"><article id="div-comment-{esc(r.review_id)}" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{esc(r.author_name)}</b> <span class="says">sagt:</span></div>
<div class="comment-metadata"><a href="#comment-{esc(r.review_id)}"><time>{esc(relative_de(r.published_at, ctx.now))}</time></a></div></footer>
<div class="comment-content">{stars}<p>{esc(r.text)}</p></div></article>{reply}</li>"""
