"""The companies of a world: the story companies of ``data/stories.yaml`` first, then
generated ones, each drawn from its own index and the seed alone (a world of 100,000
companies builds any one of them without the others)."""

from __future__ import annotations

from offline_portals.world.data import WorldDataError, section
from offline_portals.world.model import Company, rng, slug
from offline_portals.world.vocabulary import (
    CITIES,
    INDUSTRY_NOUNS,
    INDUSTRY_PORTALS,
    LEGAL,
    NAME_STEMS,
)


def _story_companies() -> tuple[Company, ...]:
    out = []
    for i, fields in enumerate(section("stories", "companies")):
        try:
            out.append(Company(**fields))
        except TypeError as exc:
            raise WorldDataError(f"stories.yaml: companies[{i}]: {exc}") from exc
    return tuple(out)


STORY_COMPANIES = _story_companies()
# pattern -> (its share of the generated companies without a burst campaign, volume factor)
PATTERNS = {
    str(name): (float(p["share"]), float(p["volume"]))
    for name, p in section("patterns", "patterns").items()
}
MIN_REPLY_RATES = {
    str(name): float(p.get("min_reply_rate", 0.0))
    for name, p in section("patterns", "patterns").items()
}


def _pattern(seed: int, index: int) -> tuple[str | None, float]:
    """A generated company's decoy or campaign pattern, drawn from a stream of its own so
    that nothing else about the company changes."""
    u = rng(seed, "pattern", index).random()
    for name, (share, volume) in PATTERNS.items():
        if u < share:
            return name, volume
        u -= share
    return None, 1.0


def generated_company(seed: int, index: int, per_company: int) -> Company:
    r = rng(seed, "company", index)
    industry = r.choice(["shop", "shop", "hotel", "employer", "service", "service"])
    stem = r.choice(NAME_STEMS)
    noun = r.choice(INDUSTRY_NOUNS[industry])
    city = r.choice(CITIES)
    legal = r.choice(LEGAL)
    base = f"{stem}{noun.lower()}" if r.random() < 0.4 else f"{stem} {noun}"
    name = f"{base} {city}" if industry == "hotel" else f"{base} {legal}"
    cid = f"{slug(base)}-{index}"
    domain = f"{slug(base).replace('-', '')}{index}.de"
    portals = INDUSTRY_PORTALS[industry]
    chosen = [p for p in portals if r.random() < 0.8] or [portals[0]]
    ids = {}
    names = {}
    for p in chosen:
        ids[p] = domain if p == "trustpilot" else f"{slug(name)}-{index}"
        names[p] = r.choice([name, base, base.replace(" ", ""), f"{base} ({city})"])
    # A few generated companies carry a planted campaign, for detector
    # precision and recall on large worlds; small worlds stay clean.
    story = None
    volume = 1.0
    if index >= 50 and r.random() < 0.02 and set(chosen) - {"forum"}:
        story = r.choice(["gen_negative_burst", "gen_positive_burst"])
    elif index >= 50 and set(chosen) - {"forum"}:
        story, volume = _pattern(seed, index)
        if story == "gen_divergence" and len(set(chosen) - {"forum"}) < 2:
            story, volume = None, 1.0  # it takes two portals to disagree
    return Company(
        company_id=cid,
        name=name,
        domain=domain,
        industry=industry,
        city=city,
        portal_ids=ids,
        portal_names=names,
        quality=round(r.uniform(2.2, 4.7), 2),
        reply_rate=max(MIN_REPLY_RATES.get(story or "", 0.0), round(r.uniform(0.1, 0.9), 2)),
        volume=volume * per_company / max(1, len(chosen)) / 4 * r.uniform(0.5, 1.5),
        story=story,
        scale_variant=r.choice(["default", "default", "default", "ten", "zero"]),
    )
