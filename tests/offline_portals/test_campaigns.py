"""Large worlds plant campaigns the detectors must find and decoys they must not alert on."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from statistics import median

import pytest

from offline_portals.world import World
from offline_portals.world.campaigns import campaign_portal, gen_campaign_span

ANCHOR = date(2026, 11, 23)


@pytest.fixture(scope="module")
def world() -> World:
    return World(companies=4000, reviews_per_company=60, anchor=ANCHOR)


def _with(world: World, story: str, n: int = 5):
    found = [c for c in (world.company(i) for i in range(world.n_companies)) if c.story == story]
    assert len(found) >= n, (story, len(found))
    return found[:n]


def _reviews(world: World, company):
    return [r for p in company.portal_ids for r in world.reviews(p, company)]


def test_the_demo_companies_carry_no_pattern(world):
    assert all(not (world.company(i).story or "").startswith("gen_") for i in range(50))


def test_threats_are_bad_reviews_inside_their_event(world):
    events = {(e.company_id, e.kind): e for e in world.injected_events()}
    for company in _with(world, "gen_threat"):
        event = events[(company.company_id, "extortion")]
        threats = [r for r in _reviews(world, company) if r.injected == "extortion"]
        assert 1 <= len(threats) <= 3
        for r in threats:
            assert r.portal == campaign_portal(company) and r.stars <= 2
            assert event.start <= r.published_at.date() <= event.end
        assert (event.end - event.start).days == 4


def _yearly(company) -> float:
    return company.volume * len(company.portal_ids)


def test_weak_bursts_are_few_bad_reviews_over_two_weeks_at_quiet_companies(world):
    volumes = [_yearly(world.company(i)) for i in range(50, world.n_companies)]
    events = {(e.company_id, e.kind): e for e in world.injected_events()}
    for company in _with(world, "gen_weak_burst"):
        assert _yearly(company) < 0.6 * median(volumes)
        burst = [r for r in _reviews(world, company) if r.injected == "negative_burst"]
        assert 8 <= len(burst) <= 11 and all(r.stars <= 2 for r in burst)
        event = events[(company.company_id, "negative_burst")]
        assert (event.end - event.start).days == 13
        assert all(event.start <= r.published_at.date() <= event.end for r in burst)
        assert (company.company_id, "unanswered_criticism") not in events


def test_seasonal_companies_surge_in_their_season(world):
    for company in _with(world, "gen_seasonal", 3):
        months = Counter(r.published_at.month for r in _reviews(world, company))
        peak = (7, 8) if company.industry == "hotel" else (11, 12)
        low = (2, 3, 4)
        assert min(months[m] for m in peak) > 2 * max(months[m] for m in low)


def test_big_steady_companies_are_many_times_the_usual_volume(world):
    volumes = [_yearly(world.company(i)) for i in range(50, world.n_companies)]
    for company in _with(world, "gen_big_steady", 3):
        assert _yearly(company) > 5 * median(volumes)


def test_decoys_plant_no_event(world):
    decoys = {"gen_seasonal", "gen_big_steady", "gen_established_praise", "gen_refund_complaints"}
    stories = {c.company_id: c.story for c in (world.company(i) for i in range(world.n_companies))}
    assert not [e for e in world.injected_events() if stories[e.company_id] in decoys]


def test_established_praise_is_a_wave_of_five_stars_from_long_standing_accounts(world):
    for company in _with(world, "gen_established_praise", 3):
        start, end = gen_campaign_span(world, company)
        wave = [
            r
            for r in world.reviews(campaign_portal(company), company)
            if start <= r.published_at.date() <= end and r.author_review_count >= 15
        ]
        assert len([r for r in wave if r.stars == 5]) >= 12
        assert len({r.text for r in wave}) == len(wave)  # each in their own words
        assert end - start == timedelta(days=9)


def _recent_mean(world: World, portal: str, company, since: date) -> float:
    stars = [
        r.stars
        for r in world.reviews(portal, company)
        if r.stars is not None and r.published_at.date() >= since
    ]
    return sum(stars) / len(stars)


def test_diverging_companies_turn_bad_on_one_portal_only(world):
    events = {(e.company_id, e.kind): e for e in world.injected_events()}
    since = ANCHOR - timedelta(days=200)
    for company in _with(world, "gen_divergence", 3):
        event = events[(company.company_id, "divergence")]
        high, low = event.portals
        assert _recent_mean(world, high, company, since) >= 1.5 + _recent_mean(
            world, low, company, since
        )
        assert event.start == since and event.end == ANCHOR
