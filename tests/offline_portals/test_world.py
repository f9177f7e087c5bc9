"""The offline portals' world: deterministic, scalable, and telling the stories."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import yaml

from core.config import load_companies
from core.settings import REPO_ROOT
from offline_portals.world import World, companies_config

ANCHOR = date(2026, 11, 23)


def _fingerprint(world: World) -> list[tuple]:
    return [(r.portal, r.review_id, r.rating, r.published_at, r.text) for r in world.iter_reviews()]


def test_same_parameters_same_world():
    assert _fingerprint(World(anchor=ANCHOR)) == _fingerprint(World(anchor=ANCHOR))
    assert _fingerprint(World(anchor=ANCHOR)) != _fingerprint(World(seed=8, anchor=ANCHOR))


def test_default_world_has_about_fifty_companies_over_years_in_two_languages():
    world = World(anchor=ANCHOR)
    reviews = list(world.iter_reviews())
    assert world.n_companies == 50
    assert {r.language for r in reviews} == {"de", "en"}
    assert {r.portal for r in reviews} == {"trustpilot", "opinio", "kununu", "booking", "forum"}
    oldest = min(r.published_at for r in reviews)
    assert oldest < datetime(2024, 1, 1, tzinfo=UTC)  # several years of history
    review_ids = [(r.portal, r.review_id) for r in reviews]
    assert len(review_ids) == len(set(review_ids))


def test_coffee_firm_story_burst_across_portals_and_late_replies():
    world = World(anchor=ANCHOR)
    kp = world.company(0)
    assert kp.company_id == "kaffee-partner"
    burst = [r for p in kp.portal_ids for r in world.reviews(p, kp) if r.injected]
    assert {r.portal for r in burst} == {"trustpilot", "opinio", "forum"}
    start = min(r.published_at for r in burst).date()
    assert max(r.published_at for r in burst).date() - start <= timedelta(days=14)
    assert any(r.kind == "mention" for r in burst)  # forum posts without stars
    replied = [r for r in burst if r.replied_at is not None]
    assert replied and all(r.replied_at.date() - start >= timedelta(days=35) for r in replied)
    before = [
        r
        for p in kp.portal_ids
        for r in world.reviews(p, kp)
        if not r.injected and r.kind == "review"
    ]
    assert before and all(r.reply_text is None for r in before)  # complaints ignored


def test_other_stories_are_planted():
    world = World(anchor=ANCHOR)
    by_id = {c.company_id: c for c in world.companies()}
    hotel = by_id["hotel-seeblick"]
    extortion = [r for p in hotel.portal_ids for r in world.reviews(p, hotel) if r.injected]
    assert extortion and all(r.rating is not None and r.stars == 1 for r in extortion)
    assert any("Rabatt" in r.text or "refund" in r.text for r in extortion)
    shop = by_id["schnellkauf24"]
    bought = [r for p in shop.portal_ids for r in world.reviews(p, shop) if r.injected]
    assert len(bought) >= 30
    assert all(r.stars == 5 and r.author_review_count == 1 and len(r.text) < 60 for r in bought)
    new = by_id["cafe-neustart"]
    assert len(world.reviews("trustpilot", new)) == 2
    steady = by_id["elektro-meier"]
    assert not any(r.injected for p in steady.portal_ids for r in world.reviews(p, steady))
    kinds = {(e.company_id, e.kind) for e in world.injected_events()}
    assert ("kaffee-partner", "negative_burst") in kinds
    assert ("schnellkauf24", "positive_burst") in kinds


def test_as_of_hides_newer_reviews_without_changing_older_ones():
    early = World(anchor=ANCHOR, as_of=datetime(2026, 10, 1, tzinfo=UTC))
    late = World(anchor=ANCHOR)
    kp = late.company(0)
    old = early.reviews("trustpilot", kp)
    new = late.reviews("trustpilot", kp)
    assert len(new) > len(old)
    assert new[-len(old) :] == old


def test_large_worlds_plant_campaigns_for_detector_measurement():
    world = World(companies=3000, reviews_per_company=20, anchor=ANCHOR)
    generated = [
        e
        for e in world.injected_events()
        if e.company_id not in {c.company_id for c in list(world.companies())[:6]}
    ]
    assert {e.kind for e in generated} == {
        "negative_burst",
        "positive_burst",
        "near_duplicate",
        "unanswered_criticism",
        "extortion",
        "divergence",
    }
    # Every campaign's companion events share its company and start.
    campaigns = {
        (e.company_id, e.start)
        for e in generated
        if e.kind.endswith("_burst") or e.kind in ("extortion", "divergence")
    }
    assert {(e.company_id, e.start) for e in generated} == campaigns
    assert len(generated) >= 20


def test_committed_companies_config_matches_the_default_world():
    committed = yaml.safe_load((REPO_ROOT / "config" / "companies.yaml").read_text())
    assert committed == companies_config(World(anchor=ANCHOR))
    companies = load_companies(REPO_ROOT / "config" / "companies.yaml")
    assert len(companies) == 50
    assert companies[0].listing("trustpilot").url.startswith("http://127.0.0.1:8765/")
