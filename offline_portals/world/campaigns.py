"""What generated companies (index >= 50) of large worlds carry, for measuring the
detectors: campaigns to find (burst of bad reviews or of bought praise, threats, weak
bursts at quiet companies) and decoys not to alert on (a wave of genuine praise from
long-standing accounts, complaints about refunds without any threat). Seasonal and big
steady companies change only their volume and its spread over the year (``history.py``).
Which company gets which pattern, and how often, is ``data/patterns.yaml``.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from offline_portals.world.data import section, words
from offline_portals.world.model import HISTORY_DAYS, Company, Review, Teller, WorldFrame, rng
from offline_portals.world.reviews import at, make_review
from offline_portals.world.stories import bought_review
from offline_portals.world.vocabulary import BAD_DE, BAD_EN, TITLES_BAD, TITLES_BAD_EN
from offline_portals.world.writing import fill

# A diverging company's second portal turns bad this many days before the anchor.
DIVERGENCE_DAYS = 200
# How long a campaign lasts, in days (the others: five).
CAMPAIGN_DAYS = {"gen_weak_burst": 14, "gen_established_praise": 10}
# Seasonal weight of each month (January first), by industry.
SEASONAL_WEIGHTS = {
    industry: tuple(float(w) for w in weights)
    for industry, weights in section("patterns", "seasonal_weights").items()
}


def gen_campaign_span(world: WorldFrame, company: Company) -> tuple[date, date]:
    """The first and last day of a generated company's campaign."""
    r = rng(world.seed, "campaign", company.company_id)
    start = world.anchor - timedelta(days=r.randint(20, 600))
    return start, start + timedelta(days=CAMPAIGN_DAYS.get(company.story or "", 5) - 1)


def campaign_portal(company: Company) -> str:
    """The one portal a generated company's campaign runs on."""
    return next(p for p in ("trustpilot", "opinio", "booking", "kununu") if p in company.portal_ids)


def divergence_portals(company: Company) -> tuple[str, str]:
    """(the portal that stays good, the one that turns bad) of a diverging company."""
    high, low = [p for p in company.portal_ids if p != "forum"][:2]
    return high, low


def _days(world: WorldFrame, company: Company, r: random.Random) -> date:
    start, end = gen_campaign_span(world, company)
    return start + timedelta(days=r.randint(0, (end - start).days))


def _burst(world: WorldFrame, r: random.Random, portal: str, company: Company) -> list[Review]:
    negative = company.story == "gen_negative_burst"
    # A company either leaves a burst of criticism unanswered or answers most of it.
    replies = 0.0 if company.reply_rate < 0.5 else max(0.9, company.reply_rate)
    out = []
    for _ in range(r.randint(15, 30)):
        day = _days(world, company, r)
        if negative:
            out.append(
                make_review(
                    world,
                    r,
                    portal,
                    company,
                    at(day, r),
                    r.choice([1.0, 2.0]),
                    language="de",
                    injected="negative_burst",
                    reply_rate=replies,
                )
            )
        else:
            out.append(bought_review(world, r, portal, company, day))
    return out


def threat_text(r: random.Random, language: str, industry: str) -> str:
    """A threat in one of the generator's own phrasings (not the bench corpus's)."""
    d = section("patterns", "threats", language)
    demand = r.choice(d["demands"]).format(
        pct=r.choice([20, 25, 30, 40, 50]),
        amount=r.choice([30, 40, 50, 80, 100, 150]),
        fee=r.choice(d["fees"]),
        trouble=r.choice(d["troubles"]),
    )
    threat = r.choice(d["forms"]).format(
        demand=demand,
        consequence=r.choice(d["consequences"]),
        consequence_start=r.choice(d["consequence_starts"]),
        consequence_or=r.choice(d.get("consequence_or", d["consequences"])),
    )
    industry = "service"
    complaint = fill(
        r, r.choice(BAD_EN if language == "en" else BAD_DE), industry, language == "en"
    )
    parts = [complaint, threat[0].upper() + threat[1:], r.choice(d["outcomes"])]
    return " ".join(p for p in parts if p)


def _threat(world: WorldFrame, r: random.Random, portal: str, company: Company) -> list[Review]:
    out = []
    for _ in range(r.randint(1, 3)):
        language = "de" if portal == "kununu" else r.choice(["de", "en"])
        out.append(
            make_review(
                world,
                r,
                portal,
                company,
                at(_days(world, company, r), r),
                r.choice([1.0, 1.0, 2.0]),
                text=threat_text(r, language, company.industry),
                title=r.choice(TITLES_BAD_EN if language == "en" else TITLES_BAD),
                language=language,
                injected="extortion",
            )
        )
    return out


def _weak_burst(world: WorldFrame, r: random.Random, portal: str, company: Company) -> list[Review]:
    # A quiet company that answers: the burst is the only thing unusual about it.
    return [
        make_review(
            world,
            r,
            portal,
            company,
            at(_days(world, company, r), r),
            r.choice([1.0, 1.0, 2.0]),
            language="de",
            injected="negative_burst",
            reply_after=timedelta(hours=r.randint(6, 96)),
        )
        for _ in range(r.randint(8, 11))
    ]


def _established_praise(
    world: WorldFrame, r: random.Random, portal: str, company: Company
) -> list[Review]:
    # Genuine: long-standing accounts, each in their own words.
    return [
        make_review(
            world,
            r,
            portal,
            company,
            at(_days(world, company, r), r),
            5.0,
            author_count=r.randint(15, 300),
        )
        for _ in range(r.randint(12, 25))
    ]


def _refund_complaints(
    world: WorldFrame, r: random.Random, portal: str, company: Company
) -> list[Review]:
    out = []
    for _ in range(r.randint(5, 12)):
        language = "de" if portal == "kununu" else r.choice(["de", "en"])
        en = language == "en"
        complaint = r.choice(words("patterns", "refund_complaints", language)).format(
            thing=r.choice(words("patterns", "refund_complaints", "things", language)),
            n=r.randint(2, 9),
        )
        bad = fill(r, r.choice(BAD_EN if en else BAD_DE), company.industry, en)
        day = world.start + timedelta(days=r.randrange(HISTORY_DAYS))
        out.append(
            make_review(
                world,
                r,
                portal,
                company,
                at(day, r),
                r.choice([1.0, 2.0]),
                text=f"{bad} {complaint}",
                title=r.choice(TITLES_BAD_EN if en else TITLES_BAD),
                language=language,
            )
        )
    return out


# Each runs on the company's campaign portal only (campaign_portal).
TELLERS: dict[str, Teller] = {
    "gen_negative_burst": _burst,
    "gen_positive_burst": _burst,
    "gen_threat": _threat,
    "gen_weak_burst": _weak_burst,
    "gen_established_praise": _established_praise,
    "gen_refund_complaints": _refund_complaints,
}
