"""What one review says and who wrote it: its text from the templates of
``data/phrases.yaml``, its author, its portal's id for it and its rating."""

from __future__ import annotations

import hashlib
import random

from offline_portals.world.model import Company, scale
from offline_portals.world.vocabulary import (
    ADJ,
    ADJ_EN,
    ADV,
    ADV_EN,
    BAD_DE,
    BAD_EN,
    BADJ,
    BADJ_EN,
    CITIES,
    DETAIL_DE,
    DETAIL_EN,
    FIRST,
    GOOD_DE,
    GOOD_EN,
    LAST,
    MONTHS_DE,
    MONTHS_EN,
    SUBJECT,
    SUBJECT_EN,
    TITLES_BAD,
    TITLES_BAD_EN,
    TITLES_GOOD,
    TITLES_GOOD_EN,
)


def fill(r: random.Random, template: str, industry: str, en: bool) -> str:
    """One sentence template with a subject of the industry and words drawn from ``r``."""
    s = r.choice(SUBJECT_EN[industry] if en else SUBJECT[industry])
    return template.format(
        s=s,
        S=s[0].upper() + s[1:],
        adv=r.choice(ADV),
        adj=r.choice(ADJ),
        badj=r.choice(BADJ),
        adv_en=r.choice(ADV_EN),
        adj_en=r.choice(ADJ_EN),
        badj_en=r.choice(BADJ_EN),
        d=r.randint(2, 30),
        n=r.randint(2, 9),
    )


def review_text(r: random.Random, stars: float, industry: str, en: bool) -> tuple[str, str]:
    """(title, text) of an ordinary review with ``stars``."""
    good = stars >= 3.5
    if en:
        pool, titles = (GOOD_EN, TITLES_GOOD_EN) if good else (BAD_EN, TITLES_BAD_EN)
    else:
        pool, titles = (GOOD_DE, TITLES_GOOD) if good else (BAD_DE, TITLES_BAD)
    sentences = [fill(r, t, industry, en) for t in r.sample(pool, k=r.randint(2, 4))]
    # A personal detail, as real reviewers add one: without it, short template
    # texts repeat by chance in large worlds and look like copied campaigns.
    detail = r.choice(DETAIL_EN if en else DETAIL_DE)
    sentences.insert(
        r.randrange(len(sentences) + 1),
        detail.format(
            month=r.choice(MONTHS_EN if en else MONTHS_DE),
            city=r.choice(CITIES),
            years=r.randint(2, 15),
            hour=r.randint(7, 20),
        ),
    )
    return r.choice(titles), " ".join(sentences)


def author(r: random.Random, portal: str, pool_key: str) -> tuple[str, str]:
    """(display name, portal account id) of a reviewer."""
    first, last = r.choice(FIRST), r.choice(LAST)
    style = r.random()
    name = f"{first} {last}" if style < 0.5 else f"{first} {last[0]}." if style < 0.85 else first
    author_id = hashlib.blake2b(
        f"{portal}|{pool_key}|{name}|{r.random()}".encode(), digest_size=8
    ).hexdigest()
    return name, author_id


def review_id(r: random.Random, portal: str) -> str:
    """A review id in the shape the portal uses."""
    if portal == "trustpilot":
        return f"{r.getrandbits(96):024x}"
    # At least 60 random bits each: ids stay unique in a world of 10M reviews.
    if portal == "booking":
        return str(10**17 + r.getrandbits(60))
    if portal == "kununu":
        return f"{r.getrandbits(32):08x}-{r.getrandbits(16):04x}-{r.getrandbits(16):04x}"
    if portal == "forum":
        return f"p{r.getrandbits(60)}"
    return f"r{r.getrandbits(60):015x}"


def rating(portal: str, stars: float, company: Company) -> float:
    """``stars`` (1-5) on the company's scale of ``portal``, rounded as the portal shows it."""
    lo, hi = scale(company, portal)
    value = lo + (stars - 1) / 4 * (hi - lo)
    if portal == "kununu":
        return round(value, 1)
    if portal == "opinio" and company.scale_variant == "zero":
        return round(value * 2) / 2
    return float(round(value))
