"""The ground truth the alert detectors are measured against: the time spans of the
events the stories planted (``World.injected_events``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from offline_portals.world.campaigns import (
    DIVERGENCE_DAYS,
    campaign_portal,
    divergence_portals,
    gen_campaign_span,
)
from offline_portals.world.history import history
from offline_portals.world.model import Company, InjectedEvent, WorldFrame
from offline_portals.world.stories import STORY_EVENTS


def injected_events(world: WorldFrame, companies: Iterable[Company]) -> list[InjectedEvent]:
    """Every planted event of the world's companies, the story companies' first."""
    out: list[InjectedEvent] = []
    for company in companies:
        if company.story in STORY_EVENTS:
            out += _story_events(world, company)
        elif company.story and company.story.startswith("gen_"):
            out += _generated_events(world, company)
    return out


def _story_events(world: WorldFrame, company: Company) -> list[InjectedEvent]:
    starts, events = STORY_EVENTS[company.story or ""]
    start = world.anchor - timedelta(days=starts)
    return [
        InjectedEvent(
            company.company_id,
            kind,
            portals,
            start,
            world.anchor if lasts is None else start + timedelta(days=lasts),
        )
        for kind, portals, lasts in events
    ]


# pattern -> the kind of event it plants (decoys plant none)
CAMPAIGN_KINDS = {
    "gen_negative_burst": "negative_burst",
    "gen_positive_burst": "positive_burst",
    "gen_threat": "extortion",
    "gen_weak_burst": "negative_burst",
}


def _generated_events(world: WorldFrame, company: Company) -> list[InjectedEvent]:
    if company.story == "gen_divergence":
        start = world.anchor - timedelta(days=DIVERGENCE_DAYS)
        return [
            InjectedEvent(
                company.company_id, "divergence", divergence_portals(company), start, world.anchor
            )
        ]
    kind = CAMPAIGN_KINDS.get(company.story or "")
    if kind is None:
        return []
    start, end = gen_campaign_span(world, company)
    portals = (campaign_portal(company),)
    events = [InjectedEvent(company.company_id, kind, portals, start, end)]
    if company.story == "gen_positive_burst":  # bought praise copies a handful of texts
        events.append(InjectedEvent(company.company_id, "near_duplicate", portals, start, end))
    if company.story == "gen_negative_burst":
        # A burst at a company that rarely replies is also criticism left unanswered.
        burst = [x for x in history(world, portals[0], company) if x.injected]
        if sum(x.replied_at is None for x in burst) >= 0.8 * len(burst):
            events.append(
                InjectedEvent(
                    company.company_id,
                    "unanswered_criticism",
                    portals,
                    start,
                    end + timedelta(days=21),
                )
            )
    return events
