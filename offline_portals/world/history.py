"""A company's whole history on one portal: years of ordinary reviews, then what its
story plants, all from one random stream per (seed, anchor, portal, company)."""

from __future__ import annotations

from datetime import timedelta

from offline_portals.world.campaigns import (
    DIVERGENCE_DAYS,
    SEASONAL_WEIGHTS,
    campaign_portal,
    divergence_portals,
)
from offline_portals.world.campaigns import TELLERS as CAMPAIGN_TELLERS
from offline_portals.world.model import HISTORY_DAYS, Company, Review, WorldFrame, rng
from offline_portals.world.reviews import at, make_review, stars_around
from offline_portals.world.stories import DIVERGENCE_START
from offline_portals.world.stories import TELLERS as STORY_TELLERS


def history(world: WorldFrame, portal: str, company: Company) -> list[Review]:
    """Every review and mention of the company on ``portal``, visible or not yet, unsorted."""
    r = rng(world.seed, world.anchor, "reviews", portal, company.company_id)
    out: list[Review] = []
    years = HISTORY_DAYS / 365
    n = int(company.volume * years * (0.6 if portal == "forum" else 1.0))
    mean = company.quality
    if company.story == "divergence" and portal == "opinio":
        mean = 3.3
    seasonal = SEASONAL_WEIGHTS.get(company.industry, SEASONAL_WEIGHTS["default"])
    for _ in range(n):
        day = world.start + timedelta(days=r.randrange(HISTORY_DAYS))
        # Seasonal companies: a day is kept with the weight of its month.
        while (
            company.story == "gen_seasonal" and r.random() * max(seasonal) > seasonal[day.month - 1]
        ):
            day = world.start + timedelta(days=r.randrange(HISTORY_DAYS))
        m = mean
        if (
            company.story == "divergence"
            and portal == "opinio"
            and day >= (world.anchor - timedelta(days=DIVERGENCE_START))
        ):
            m = 1.6
        if company.story == "divergence" and portal == "trustpilot":
            m = 4.6
        if company.story == "gen_divergence":
            high, low = divergence_portals(company)
            if portal == high:
                m = max(mean, 4.2)
            elif portal == low and day >= world.anchor - timedelta(days=DIVERGENCE_DAYS):
                m = 1.6
        is_mention = portal == "forum" and r.random() < 0.4
        out.append(
            make_review(
                world,
                r,
                portal,
                company,
                at(day, r),
                None if is_mention else stars_around(r, m),
                kind="mention" if is_mention else "review",
            )
        )
    # Then what the company's story or campaign plants, from the same stream.
    story = company.story or ""
    if story in CAMPAIGN_TELLERS and portal == campaign_portal(company):
        out.extend(CAMPAIGN_TELLERS[story](world, r, portal, company))
    elif story in STORY_TELLERS:
        out.extend(STORY_TELLERS[story](world, r, portal, company))
    return out
