# ruff: noqa: E501  (markup templates: one line of HTML reads better than a split string)
"""Trustpilot-style pages: a Next.js app whose state sits in script#__NEXT_DATA__.

As on trustpilot.com today: ``props.pageProps.businessUnit``, ``reviews[]``
and ``filters.pagination``; the same page also carries a JSON-LD ``@graph``
with the business and its reviews, and server-rendered review cards.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, time

from offline_portals.render import PageContext
from offline_portals.render.common import esc, iso_z, json_script
from offline_portals.world import Review


def _review_state(r: Review) -> dict:
    return {
        "id": r.review_id,
        "filtered": False,
        "pending": False,
        "text": r.text,
        "rating": int(r.rating) if r.rating is not None else None,
        "labels": {
            "merged": None,
            "verification": {
                "isVerified": r.verified,
                "createdDateTime": iso_z(r.published_at, ms=True),
                "reviewSourceName": "Invitation" if r.verified else "Organic",
                "verificationSource": "invitation" if r.verified else "",
                "verificationLevel": "verified" if r.verified else "not-verified",
                "hasDachExclusion": False,
            },
        },
        "title": r.title,
        "likes": 0,
        "dates": {
            "experiencedDate": iso_z(datetime.combine(r.experienced_on, time()), ms=True)
            if r.experienced_on
            else None,
            "publishedDate": iso_z(r.published_at, ms=True),
            "updatedDate": None,
            "submittedDate": None,
        },
        "report": None,
        "hasUnhandledReports": False,
        "consumer": {
            "id": r.author_id,
            "displayName": r.author_name,
            "imageUrl": "",
            "numberOfReviews": r.author_review_count,
            "countryCode": "DE",
            "hasImage": False,
            "isVerified": False,
        },
        "reply": {
            "message": r.reply_text,
            "publishedDate": iso_z(r.replied_at, ms=True),
            "updatedDate": None,
        }
        if r.reply_text and r.replied_at
        else None,
        "consumersReviewCountOnSameDomain": 1,
        "consumersReviewCountOnSameLocation": None,
        "productReviews": [],
        "language": r.language,
        "location": None,
    }


def _stars(score: float) -> float:
    # Trustpilot shows half stars rounded down from the TrustScore.
    return max(1.0, min(5.0, int(score * 2) / 2))


def render(ctx: PageContext) -> str:
    company = ctx.company
    pid = company.portal_ids["trustpilot"]
    name = company.portal_names.get("trustpilot", company.name)
    score, count = ctx.aggregate
    page_url = ctx.page_path(ctx.page)
    business_unit = {
        "id": hashlib.blake2b(pid.encode(), digest_size=12).hexdigest(),
        "displayName": name,
        "identifyingName": pid,
        "numberOfReviews": count,
        "trustScore": score,
        "websiteUrl": f"https://www.{company.domain}",
        "websiteTitle": company.domain,
        "profileImageUrl": "",
        "stars": _stars(score),
        "categories": [],
        "isClaimed": company.reply_rate > 0,
    }
    state = {
        "props": {
            "pageProps": {
                "businessUnit": business_unit,
                "reviews": [_review_state(r) for r in ctx.reviews],
                "filters": {
                    "pagination": {
                        "currentPage": ctx.page,
                        "perPage": len(ctx.reviews),
                        "totalCount": ctx.total_reviews,
                        "totalPages": ctx.total_pages,
                    },
                    "selected": {"languages": "all", "stars": None, "verified": False},
                },
                "translations": {"strings": {"title": "Bewertungen"}},
            },
            "__N_SSP": True,
        },
        "page": "/review/[businessUnit]",
        "query": {"businessUnit": pid, **({"page": str(ctx.page)} if ctx.page > 1 else {})},
        "buildId": "businessunitprofile-consumersite-2.4721.0",
        "isFallback": False,
        "gssp": True,
        "locale": "de-DE",
        "scriptLoader": [],
    }
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "LocalBusiness",
                "@id": f"https://de.trustpilot.com/#/schema/LocalBusiness/{pid}",
                "name": name,
                "url": f"https://www.{company.domain}",
                "aggregateRating": {
                    "@type": "AggregateRating",
                    "bestRating": "5",
                    "worstRating": "1",
                    "ratingValue": str(score),
                    "reviewCount": str(count),
                },
                "review": [
                    {"@id": f"https://de.trustpilot.com/#/schema/Review/{pid}/{r.review_id}"}
                    for r in ctx.reviews
                ],
            },
            *[
                {
                    "@type": "Review",
                    "@id": f"https://de.trustpilot.com/#/schema/Review/{pid}/{r.review_id}",
                    "itemReviewed": {
                        "@id": f"https://de.trustpilot.com/#/schema/LocalBusiness/{pid}"
                    },
                    "author": {"@type": "Person", "name": r.author_name},
                    "datePublished": iso_z(r.published_at, ms=True),
                    "headline": r.title,
                    "reviewBody": r.text,
                    "reviewRating": {
                        "@type": "Rating",
                        "bestRating": "5",
                        "worstRating": "1",
                        "ratingValue": str(int(r.rating or 0)),
                    },
                    "inLanguage": r.language,
                }
                for r in ctx.reviews
            ],
        ],
    }
    links = []
    if ctx.page > 1:
        links.append(f'<link rel="prev" href="{esc(ctx.page_path(ctx.page - 1))}">')
    if ctx.page < ctx.total_pages:
        links.append(f'<link rel="next" href="{esc(ctx.page_path(ctx.page + 1))}">')
    cards = "\n".join(_card(r) for r in ctx.reviews)
    return f"""<!DOCTYPE html><html lang="de-DE"><head><meta charSet="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{esc(name)} Bewertungen | Lesen Sie Kundenbewertungen über {esc(pid)}</title>
<link rel="canonical" href="{esc(page_url)}"/>
{"".join(links)}
<script type="application/ld+json" data-business-unit-json-ld="true">{json_script(graph)}</script>
</head><body><div id="__next"><main class="styles_main__Xyz1">
<section class="styles_businessInformation__abc"><h1 class="typography_heading-m__T_L_X"><span class="typography_display-s__qOjh6 title_displayName__TtDDM">{esc(name)}</span></h1>
<p data-rating-typography="true">TrustScore <span data-rating-typography="true">{esc(score)}</span></p>
<span class="styles_text__W4hWi">{count} Bewertungen</span></section>
<section class="styles_reviewListContainer__2bg_p" aria-label="Bewertungen">{cards}</section>
<nav aria-label="Paginierung">{_pagination(ctx)}</nav>
</main></div>
<script id="__NEXT_DATA__" type="application/json">{json_script(state)}</script>
</body></html>"""


def _card(r: Review) -> str:
    stars = int(r.rating or 0)
    reply = (
        f'<div class="styles_replyInfo__FZYhr"><p class="typography_body-m__xgxZ_">{esc(r.reply_text)}</p></div>'
        if r.reply_text
        else ""
    )
    return f"""<article class="paper_paper__1PY90 styles_reviewCard__hcAvl" data-service-review-card-paper="true">
<aside aria-label="Informationen über {esc(r.author_name)}"><a href="/trustpilot/users/{esc(r.author_id)}" name="consumer-profile"><span data-consumer-name-typography="true">{esc(r.author_name)}</span></a><span data-consumer-reviews-count-typography="true">{r.author_review_count} Bewertungen</span></aside>
<div class="styles_reviewHeader__iU9Px" data-service-review-rating="{stars}"><img alt="Bewertet mit {stars} von 5 Sternen" src="/stars-{stars}.svg"/><time datetime="{iso_z(r.published_at, ms=True)}" data-service-review-date-time-ago="true">{esc(r.published_at.date().isoformat())}</time></div>
<a href="/trustpilot/reviews/{esc(r.review_id)}" data-review-title-typography="true"><h2>{esc(r.title)}</h2></a>
<p data-service-review-text-typography="true" lang="{esc(r.language)}">{esc(r.text)}</p>{reply}
</article>"""


def _pagination(ctx: PageContext) -> str:
    parts = []
    if ctx.page > 1:
        parts.append(
            f'<a rel="prev" href="{esc(ctx.page_path(ctx.page - 1))}" name="pagination-button-previous">Zurück</a>'
        )
    if ctx.page < ctx.total_pages:
        parts.append(
            f'<a rel="next" href="{esc(ctx.page_path(ctx.page + 1))}" name="pagination-button-next">Nächste Seite</a>'
        )
    return "".join(parts)
