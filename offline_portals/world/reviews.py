"""One review as a portal shows it: made from a company, a day and a star rating, with
what its portal adds (sub-ratings, pros and cons, traveller type, the company's reply)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from offline_portals.world.model import (
    BOOKING_CATEGORIES,
    KUNUNU_CATEGORIES,
    Company,
    Review,
    WorldFrame,
    slug,
)
from offline_portals.world.vocabulary import (
    BOOKING_CONS_BAD,
    BOOKING_TRAVELLER_TYPES,
    FIRST,
    KUNUNU_PROS_CONS_BAD,
    KUNUNU_PROS_CONS_GOOD,
    LAST,
    PII_SNIPPETS,
    REPLIES,
)
from offline_portals.world.writing import author, rating, review_id, review_text


def make_review(
    world: WorldFrame,
    r: random.Random,
    portal: str,
    company: Company,
    published: datetime,
    stars: float | None,
    *,
    text: str | None = None,
    title: str | None = None,
    language: str | None = None,
    injected: str | None = None,
    author_count: int | None = None,
    reply_after: timedelta | None = None,
    reply_rate: float | None = None,
    kind: str = "review",
) -> Review:
    """A review (or, with ``stars`` None, a forum mention); ``text`` None writes one.
    ``reply_rate`` overrides the company's chance of replying to it."""
    en = (
        (language == "en") if language else (portal not in ("kununu", "forum") and r.random() < 0.3)
    )
    lang = "en" if en else "de"
    if text is None:
        title, text = review_text(r, stars if stars is not None else 2.0, company.industry, en)
        if r.random() < 0.02:
            first, last = r.choice(FIRST), r.choice(LAST)
            text += r.choice(PII_SNIPPETS).format(
                mail=f"{slug(first)}.{slug(last)}@example.org",
                phone=f"+49 171 {r.randint(1000000, 9999999)}",
            )
    name, author_id = author(r, portal, company.company_id)
    value = None if stars is None else rating(portal, stars, company)
    reply_text = replied_at = None
    if reply_after is not None:
        reply_text, replied_at = r.choice(REPLIES), published + reply_after
    elif kind == "review" and r.random() < (
        company.reply_rate if reply_rate is None else reply_rate
    ):
        reply_text = r.choice(REPLIES)
        replied_at = published + timedelta(hours=r.randint(4, 24 * 10))
    if replied_at is not None and replied_at > world.as_of:
        reply_text = replied_at = None
    sub: dict[str, float] = {}
    pros = cons = None
    reviewer_type = traveller_type = None
    experienced = None
    if portal == "kununu" and stars is not None:
        sub = {c: round(min(5, max(1, stars + r.uniform(-1, 1))), 1) for c in KUNUNU_CATEGORIES}
        reviewer_type = r.choices(["employee", "applicant", "apprentice"], [0.7, 0.2, 0.1])[0]
        pros, cons = KUNUNU_PROS_CONS_GOOD if stars >= 3 else KUNUNU_PROS_CONS_BAD
    if portal == "booking" and stars is not None:
        sub = {
            c: float(min(10, max(1, round(value + r.uniform(-1.5, 1.5)))))
            for c in BOOKING_CATEGORIES
        }
        traveller_type = r.choice(BOOKING_TRAVELLER_TYPES)
        pros, cons = text, (None if stars >= 4 else BOOKING_CONS_BAD)
        experienced = (published - timedelta(days=r.randint(2, 40))).date()
    if portal == "trustpilot":
        experienced = (published - timedelta(days=r.randint(0, 20))).date()
    return Review(
        portal=portal,
        company_id=company.company_id,
        portal_company_id=company.portal_ids[portal],
        review_id=review_id(r, portal),
        kind=kind,
        rating=value,
        title=title or "",
        text=text,
        language=lang,
        author_name=name,
        author_id=author_id,
        author_review_count=author_count if author_count is not None else r.randint(1, 40),
        published_at=published,
        experienced_on=experienced,
        pros=pros,
        cons=cons,
        reply_text=reply_text,
        replied_at=replied_at,
        verified=r.random() < 0.6,
        sub_ratings=sub,
        reviewer_type=reviewer_type,
        traveller_type=traveller_type,
        thread_id=company.portal_ids[portal] if portal == "forum" else None,
        injected=injected,
    )


def at(day: date, r: random.Random) -> datetime:
    """A time of day on ``day`` when people write reviews (06:00-22:59 UTC)."""
    return datetime.combine(day, time(r.randint(6, 22), r.randint(0, 59), r.randint(0, 59)), UTC)


def stars_around(r: random.Random, mean: float) -> float:
    """Whole stars scattered around ``mean``."""
    return float(min(5, max(1, round(r.gauss(mean, 0.9)))))
