# ruff: noqa: E501  (markup templates: one line of HTML reads better than a split string)
"""Opinion-portal pages (like ciao or dooyoo) that carry schema.org markup.

Each company's page uses one of three syntaxes, chosen stably by company, so
a crawl meets them all: JSON-LD ``@graph`` with nested ``itemReviewed``,
microdata whose company item pulls its rating and reviews in via ``itemref``,
and RDFa Lite. ``Company.scale_variant`` picks the scale: ``ten`` rates 1-10,
``zero`` declares ``worstRating`` 0 with half stars.
"""

from __future__ import annotations

from offline_portals.render import PageContext
from offline_portals.render.common import de_date, esc, iso_z, json_script, variant
from offline_portals.world import Review

SYNTAXES = ("json_ld", "microdata", "rdfa")


def syntax_of(company_id: str) -> str:
    return SYNTAXES[variant("opinio-syntax|" + company_id, len(SYNTAXES))]


def _num(value: float) -> str:
    """Ratings as the portal prints them: 4 not 4.0, but 3.5 stays."""
    return str(int(value)) if float(value).is_integer() else str(value)


def _review_path(r: Review) -> str:
    return f"/opinio/bewertung/{r.review_id}"


def render(ctx: PageContext) -> str:
    syntax = syntax_of(ctx.company.company_id)
    body = {"json_ld": _json_ld, "microdata": _microdata, "rdfa": _rdfa}[syntax](ctx)
    name = ctx.company.portal_names.get("opinio", ctx.company.name)
    head_links = ""
    if ctx.page < ctx.total_pages and syntax != "microdata":
        head_links = f'<link rel="next" href="{esc(ctx.page_path(ctx.page + 1))}">'
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>{esc(name)} - Erfahrungen und Meinungen | opinio</title>
<link rel="canonical" href="{esc(ctx.page_path(ctx.page))}">{head_links}
</head>
{body}
</html>"""


def _pager(ctx: PageContext) -> str:
    out = ['<nav class="pager">']
    if ctx.page > 1:
        out.append(f'<a rel="prev" href="{esc(ctx.page_path(ctx.page - 1))}">« zurück</a>')
    out.append(f"<span>Seite {ctx.page} von {ctx.total_pages}</span>")
    if ctx.page < ctx.total_pages:
        out.append(
            f'<a class="next" rel="next" href="{esc(ctx.page_path(ctx.page + 1))}">weiter »</a>'
        )
    out.append("</nav>")
    return "".join(out)


def _stars_html(r: Review, lo: float, hi: float) -> str:
    return f'<span class="stars" title="{_num(r.rating or 0)} von {_num(hi)} Punkten"></span>'


def _visible_review(r: Review, lo: float, hi: float) -> str:
    reply = (
        f'<div class="answer"><b>Antwort des Unternehmens</b> <p>{esc(r.reply_text)}</p></div>'
        if r.reply_text
        else ""
    )
    return f"""<article class="opinion" id="review-{esc(r.review_id)}">
<h3>{esc(r.title)}</h3>{_stars_html(r, lo, hi)}
<p class="by">von <a href="/opinio/mitglied/{esc(r.author_id)}">{esc(r.author_name)}</a>
({r.author_review_count} Meinungen) am {esc(de_date(r.published_at.date()))}</p>
<div class="text" lang="{esc(r.language)}">{esc(r.text)}</div>{reply}</article>"""


# --- JSON-LD ---------------------------------------------------------------


def _json_ld(ctx: PageContext) -> str:
    c = ctx.company
    name = c.portal_names.get("opinio", c.name)
    lo, hi = ctx.scale
    score, count = ctx.aggregate
    org_id = f"/opinio/bewertungen/{c.portal_ids['opinio']}#organization"
    org = {"@type": "Organization", "@id": org_id, "name": name, "url": f"https://{c.domain}"}
    graph: list[dict] = [
        {"@type": "WebPage", "@id": ctx.page_path(ctx.page), "name": f"{name} Erfahrungen"},
        {
            **org,
            "aggregateRating": {
                "@type": "AggregateRating",
                "ratingValue": score,
                "bestRating": _num(hi),
                "worstRating": _num(lo),
                "reviewCount": count,
            },
        },
    ]
    for r in ctx.reviews:
        review = {
            "@type": "Review",
            "@id": _review_path(r),
            "url": _review_path(r),
            "itemReviewed": {"@type": "Organization", "@id": org_id, "name": name},
            "name": r.title,
            "reviewBody": r.text,
            "inLanguage": r.language,
            "datePublished": iso_z(r.published_at),
            "author": {
                "@type": "Person",
                "name": r.author_name,
                "url": f"/opinio/mitglied/{r.author_id}",
            },
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": r.rating,
                "bestRating": hi,
                "worstRating": lo,
            },
        }
        if r.reply_text and r.replied_at:
            review["comment"] = {
                "@type": "Comment",
                "text": r.reply_text,
                "dateCreated": iso_z(r.replied_at),
                "author": org,
            }
        graph.append(review)
    data = {"@context": "https://schema.org", "@graph": graph}
    cards = "\n".join(_visible_review(r, lo, hi) for r in ctx.reviews)
    return f"""<body>
<script type="application/ld+json">{json_script(data)}</script>
<header><h1>{esc(name)}</h1><div class="score">{esc(score)} / {_num(hi)}
<span>({count} Meinungen)</span></div></header>
<main>{cards}</main>{_pager(ctx)}
</body>"""


# --- microdata with itemref ------------------------------------------------


def _microdata(ctx: PageContext) -> str:
    c = ctx.company
    name = c.portal_names.get("opinio", c.name)
    lo, hi = ctx.scale
    score, count = ctx.aggregate
    reviews = "\n".join(_microdata_review(r, lo, hi) for r in ctx.reviews)
    return f"""<body>
<div id="company" itemscope itemtype="https://schema.org/Organization" itemref="company-score review-list">
<h1 itemprop="name">{esc(name)}</h1><link itemprop="url" href="https://{esc(c.domain)}"></div>
<aside class="sidebar"><p>Werbung</p></aside>
<div id="company-score" itemprop="aggregateRating" itemscope itemtype="https://schema.org/AggregateRating">
Durchschnitt: <span itemprop="ratingValue">{esc(str(score).replace(".", ","))}</span> von
<span itemprop="bestRating">{_num(hi)}</span><meta itemprop="worstRating" content="{_num(lo)}">
(<span itemprop="reviewCount">{count}</span> Meinungen)</div>
<section id="review-list">{reviews}</section>
{_pager(ctx)}
</body>"""


def _microdata_review(r: Review, lo: float, hi: float) -> str:
    reply = ""
    if r.reply_text and r.replied_at:
        reply = f"""<div class="answer" itemprop="comment" itemscope itemtype="https://schema.org/Comment">
<b>Antwort des Unternehmens</b> <meta itemprop="dateCreated" content="{iso_z(r.replied_at)}">
<p itemprop="text">{esc(r.reply_text)}</p></div>"""
    return f"""<article class="opinion" itemprop="review" itemscope itemtype="https://schema.org/Review" itemid="{esc(_review_path(r))}">
<h3 itemprop="name">{esc(r.title)}</h3>
<div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">
<meta itemprop="worstRating" content="{_num(lo)}"><meta itemprop="ratingValue" content="{_num(r.rating or 0)}">
<meta itemprop="bestRating" content="{_num(hi)}">{_stars_html(r, lo, hi)}</div>
<p class="by">von <span itemprop="author" itemscope itemtype="https://schema.org/Person">
<a itemprop="url" href="/opinio/mitglied/{esc(r.author_id)}"><span itemprop="name">{esc(r.author_name)}</span></a></span>
({r.author_review_count} Meinungen) am <time itemprop="datePublished" datetime="{iso_z(r.published_at)}">{esc(de_date(r.published_at.date()))}</time></p>
<meta itemprop="inLanguage" content="{esc(r.language)}">
<div class="text" itemprop="reviewBody">{esc(r.text)}</div>{reply}</article>"""


# --- RDFa Lite ---------------------------------------------------------------


def _rdfa(ctx: PageContext) -> str:
    c = ctx.company
    name = c.portal_names.get("opinio", c.name)
    lo, hi = ctx.scale
    score, count = ctx.aggregate
    reviews = "\n".join(_rdfa_review(r, lo, hi) for r in ctx.reviews)
    return f"""<body vocab="https://schema.org/">
<div typeof="Organization" resource="#company">
<h1 property="name">{esc(name)}</h1><link property="url" href="https://{esc(c.domain)}">
<div property="aggregateRating" typeof="AggregateRating">
<span property="ratingValue">{esc(score)}</span> / <span property="bestRating">{_num(hi)}</span>
<meta property="worstRating" content="{_num(lo)}"> aus <span property="ratingCount">{count}</span> Meinungen</div>
<main>{reviews}</main></div>
{_pager(ctx)}
</body>"""


def _rdfa_review(r: Review, lo: float, hi: float) -> str:
    reply = ""
    if r.reply_text and r.replied_at:
        reply = f"""<div class="answer" property="comment" typeof="Comment">
<b>Antwort des Unternehmens</b> <meta property="dateCreated" content="{iso_z(r.replied_at)}">
<p property="text">{esc(r.reply_text)}</p></div>"""
    return f"""<article class="opinion" property="review" typeof="Review" resource="{esc(_review_path(r))}">
<h3 property="name">{esc(r.title)}</h3>
<div property="reviewRating" typeof="Rating"><meta property="worstRating" content="{_num(lo)}">
<span property="ratingValue">{_num(r.rating or 0)}</span>/<span property="bestRating">{_num(hi)}</span></div>
<p class="by">von <span property="author" typeof="Person"><a property="url" href="/opinio/mitglied/{esc(r.author_id)}"><span property="name">{esc(r.author_name)}</span></a></span>
am <time property="datePublished" datetime="{iso_z(r.published_at)}">{esc(de_date(r.published_at.date()))}</time></p>
<meta property="inLanguage" content="{esc(r.language)}">
<div class="text" property="reviewBody">{esc(r.text)}</div>{reply}</article>"""
