# ruff: noqa: E501  (markup templates: one line of HTML reads better than a split string)
"""Kununu-style employer review pages: German, decimal commas, month-year dates.

Each review shows an overall score ("4,2"), the category scores
(Arbeitsatmosphäre, Vorgesetztenverhalten, ...), who wrote it (employee,
applicant or apprentice, as kununu labels them), "Gut am Arbeitgeber finde
ich" / "Schlecht am Arbeitgeber finde ich" and the employer's response.
"""

from __future__ import annotations

from offline_portals.render import PageContext
from offline_portals.render.common import de_int, de_month, de_num, esc
from offline_portals.world import Review

REVIEWER_LABELS = {
    "employee": "Angestellte/r oder Arbeiter/in",
    "applicant": "Bewerber/in",
    "apprentice": "Azubi",
}


def render(ctx: PageContext) -> str:
    c = ctx.company
    name = c.portal_names.get("kununu", c.name)
    score, count = ctx.aggregate
    links = ""
    if ctx.page < ctx.total_pages:
        links = f'<link rel="next" href="{esc(ctx.page_path(ctx.page + 1))}">'
    reviews = "\n".join(_review(r, name) for r in ctx.reviews)
    pager = ""
    if ctx.page < ctx.total_pages:
        pager = f'<a class="pagination-next" href="{esc(ctx.page_path(ctx.page + 1))}">Nächste Seite</a>'
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>{esc(name)} Erfahrungen: {count} Bewertungen von Mitarbeitern | kununu</title>
<link rel="canonical" href="{esc(ctx.page_path(ctx.page))}">{links}</head>
<body><div id="__kununu">
<header class="index__profileHeader__3kR1a" data-testid="profile-header">
<h1 class="index__title__1N3mP" data-testid="company-name">{esc(name)}</h1>
<div class="index__scoreBlock__2xQnH" data-testid="overall-score"><span class="index__score__BktQY">{de_num(score)}</span><span class="index__scale__3hF4n"> von 5</span></div>
<a href="#reviews" data-testid="review-count"><span>{de_int(count)}</span> Bewertungen</a></header>
<main id="reviews">{reviews}</main>
<nav class="pagination">Seite {ctx.page} von {ctx.total_pages} {pager}</nav>
</div></body></html>"""


def _review(r: Review, company_name: str) -> str:
    factors = "".join(
        f'<div class="index__factor__2Cf4Q" data-testid="review-factor"><h4>{esc(k)}</h4><span class="index__factorScore__1xgYQ">{de_num(v)}</span></div>'
        for k, v in r.sub_ratings.items()
    )
    sections = ""
    if r.pros:
        sections += f'<section data-testid="review-section"><h4>Gut am Arbeitgeber finde ich</h4><p>{esc(r.pros)}</p></section>'
    if r.cons:
        sections += f'<section data-testid="review-section"><h4>Schlecht am Arbeitgeber finde ich</h4><p>{esc(r.cons)}</p></section>'
    reply = ""
    if r.reply_text and r.replied_at:
        reply = f"""<div class="index__response__3Qh5y" data-testid="employer-response"><h4>Antwort von {esc(company_name)}</h4>
<time>{esc(de_month(r.replied_at.date()))}</time><p>{esc(r.reply_text)}</p></div>"""
    label = REVIEWER_LABELS.get(r.reviewer_type or "", "")
    return f"""<article class="index__review__2sFkC" data-testid="review" id="review-{esc(r.review_id)}" lang="{esc(r.language)}">
<div class="index__reviewHead__1r6xX"><span class="index__score__BktQY" data-testid="review-score">{de_num(r.rating or 0)}</span>
<time data-testid="review-date">{esc(de_month(r.published_at.date()))}</time>
<span class="index__position__3e4pT" data-testid="reviewer-type">{esc(label)}</span></div>
<h3 data-testid="review-title">{esc(r.title)}</h3>
<div data-testid="review-text"><p>{esc(r.text)}</p></div>
<div class="index__factors__1aYrR">{factors}</div>{sections}{reply}
</article>"""
