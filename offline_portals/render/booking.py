# ruff: noqa: E501  (markup templates: one line of HTML reads better than a split string)
"""Booking.com-style hotel review pages: 1-10 scores, liked / disliked text.

Per company, stably, the dates are either Unix timestamps in data attributes
(review date and stay) or German text ("23. März 2024" for the review,
"März 2024" for the stay), as booking's pages differ by surface. Each review
has the traveller type ("Paar", "Familie", ...), the category scores, and the
property's response.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

from offline_portals.render import PageContext
from offline_portals.render.common import de_date, de_int, de_month, de_num, esc, variant
from offline_portals.world import Review


def uses_timestamps(company_id: str) -> bool:
    return variant("booking-dates|" + company_id, 2) == 0


def _label(score: float) -> str:
    if score >= 9:
        return "Hervorragend"
    if score >= 8:
        return "Sehr gut"
    if score >= 7:
        return "Gut"
    return "Bewertungsergebnis"


def render(ctx: PageContext) -> str:
    c = ctx.company
    name = c.portal_names.get("booking", c.name)
    score, count = ctx.aggregate
    stamps = uses_timestamps(c.company_id)
    cards = "\n".join(_card(r, stamps) for r in ctx.reviews)
    nxt = ""
    if ctx.page < ctx.total_pages:
        nxt = f'<a class="bui-pagination__link" rel="next" href="{esc(ctx.page_path(ctx.page + 1))}" aria-label="Nächste Seite">›</a>'
    return f"""<!DOCTYPE html>
<html lang="de" class="b_lang_de"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{esc(name)}, {esc(c.city)} – Aktualisierte Preise für 2026</title>
<link rel="canonical" href="{esc(ctx.page_path(ctx.page))}"></head>
<body id="b2hotelPage"><div id="bodyconstraint-inner">
<h2 class="pp-header__title" id="hp_hotel_name" data-testid="property-name">{esc(name)}</h2>
<div data-testid="review-score-component"><div class="a3b8729ab1" aria-hidden="true">{de_num(score)}</div>
<div class="abf093bdfe"><div class="a3b8729ab1 e6208ee469">Bewertet mit {de_num(score)}</div><div class="abf093bdfe f45d8e4c32">{_label(score)} · {de_int(count)} Bewertungen</div></div></div>
<div class="c-review-block" id="review_list_page_container"><ul class="review_list">{cards}</ul>
<div class="bui-pagination">{nxt}</div></div>
</div></body></html>"""


def _card(r: Review, stamps: bool) -> str:
    stay = datetime.combine(r.experienced_on, time(), UTC) if r.experienced_on else None
    if stamps:
        date_html = f'<span class="c-review-block__date" data-testid="review-date" data-review-date="{int(r.published_at.timestamp())}">Bewertet am</span>'
        stay_html = (
            f'<span class="c-review-block__stay-date" data-testid="review-stay-date" data-stay-date="{int(stay.timestamp())}">Aufenthalt</span>'
            if stay
            else ""
        )
    else:
        date_html = f'<span class="c-review-block__date" data-testid="review-date">Bewertet: {esc(de_date(r.published_at.date()))}</span>'
        stay_html = (
            f'<span class="c-review-block__stay-date" data-testid="review-stay-date">{esc(de_month(stay.date()))}</span>'
            if stay
            else ""
        )
    positive = (
        f'<div class="c-review__row" data-testid="review-positive-text"><span class="bui-u-sr-only">Gefällt</span><p class="c-review__body" lang="{esc(r.language)}">{esc(r.pros)}</p></div>'
        if r.pros
        else ""
    )
    negative = (
        f'<div class="c-review__row lalala" data-testid="review-negative-text"><span class="bui-u-sr-only">Gefällt nicht</span><p class="c-review__body" lang="{esc(r.language)}">{esc(r.cons)}</p></div>'
        if r.cons
        else ""
    )
    subs = "".join(
        f'<li class="review-subscore" data-testid="review-subscore"><span class="review-subscore__name">{esc(k)}</span> <span class="review-subscore__value">{de_num(v)}</span></li>'
        for k, v in r.sub_ratings.items()
    )
    reply = ""
    if r.reply_text:
        reply = f'<div class="c-review-block__response" data-testid="review-response"><span class="c-review-block__response__title">Antwort der Unterkunft</span><span class="c-review-block__response__body" data-testid="review-response-text">{esc(r.reply_text)}</span></div>'
    return f"""<li class="review_list_new_item_block" data-review-url="{esc(r.review_id)}" data-testid="review-card">
<div class="c-review-block"><div class="c-review-block__left">
<div class="bui-avatar-block__text"><span class="bui-avatar-block__title" data-testid="review-author">{esc(r.author_name)}</span><span class="bui-avatar-block__subtitle">Deutschland</span></div>
<ul class="review-block__room-info"><li class="bui-list__item review-block__stay-date">{stay_html}</li>
<li class="bui-list__item review-panel-wide__traveller_type" data-testid="review-traveler-type">{esc(r.traveller_type or "")}</li></ul></div>
<div class="c-review-block__right">{date_html}
<h3 class="c-review-block__title c-review__title--ltr" data-testid="review-title">{esc(r.title)}</h3>
<div class="bui-review-score c-score"><div class="bui-review-score__badge" aria-label="Bewertet mit {de_num(r.rating or 0)}" data-testid="review-score">{de_num(r.rating or 0)}</div></div>
<div class="c-review">{positive}{negative}</div>
<ul class="review-subscores">{subs}</ul>{reply}</div></div></li>"""
