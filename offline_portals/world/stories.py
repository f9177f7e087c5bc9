"""The reviews the stories of the story companies plant (``data/stories.yaml``); the
generated companies' campaigns and decoys are in ``campaigns.py``.

Each story draws from the company's review stream after its ordinary history, so a
story never shifts what the history of any company looks like.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from offline_portals.world.data import section, words
from offline_portals.world.model import Company, Review, Teller, WorldFrame
from offline_portals.world.reviews import at, make_review
from offline_portals.world.vocabulary import BAD_DE, TITLES_BAD
from offline_portals.world.writing import fill


def _start(story: str) -> int:
    return int(section("stories", "stories", story, "starts_days_before_anchor"))


def _counts(story: str) -> dict[str, int]:
    return {
        str(p): int(n)
        for p, n in section("stories", "stories", story, "reviews_per_portal").items()
    }


# Story timing, in days before the anchor.
SHITSTORM_START = _start("shitstorm")  # burst over two weeks; the company replies after 5 weeks
EXTORTION_START = _start("extortion")
BOUGHT_START = _start("bought_praise")
DIVERGENCE_START = _start("divergence")  # from here on opinio shows a very different picture

SHITSTORM_COUNTS = _counts("shitstorm")
EXTORTION_COUNTS = _counts("extortion")
BOUGHT_COUNTS = _counts("bought_praise")
KAFFEE_COMPLAINTS = words("stories", "stories", "shitstorm", "texts")
EXTORTION = words("stories", "stories", "extortion", "texts")
BOUGHT = words("stories", "stories", "bought_praise", "texts")


def _events(story: str) -> tuple[tuple[str, tuple[str, ...], int | None], ...]:
    """(kind, portals, days it lasts or None for "until the anchor") of a story's events."""
    declared = section("stories", "stories", story)
    return tuple(
        (str(e["kind"]), tuple(e["portals"]), e.get("lasts_days"))
        for e in declared.get("events", ())
    )


# story -> (the days before the anchor it starts, its events)
STORY_EVENTS = {
    story: (_start(story), _events(story))
    for story in section("stories", "stories")
    if "starts_days_before_anchor" in section("stories", "stories", story)
}
NEW_FIRST_REVIEWS = tuple(
    (int(x["days_before_anchor"]), float(x["stars"]))
    for x in section("stories", "stories", "new", "first_reviews")
)


def bought_review(
    world: WorldFrame, r: random.Random, portal: str, company: Company, day: date
) -> Review:
    """Bought praise: five stars, a copied short text, an account with one review."""
    return make_review(
        world,
        r,
        portal,
        company,
        at(day, r),
        5.0,
        text=r.choice(BOUGHT),
        title="Top",
        language="de",
        injected="positive_burst",
        author_count=1,
    )


def _shitstorm(world: WorldFrame, r: random.Random, portal: str, company: Company) -> list[Review]:
    if portal not in SHITSTORM_COUNTS:
        return []
    out = []
    start = world.anchor - timedelta(days=SHITSTORM_START)
    for i in range(SHITSTORM_COUNTS[portal]):
        day = start + timedelta(days=min(13, int(r.expovariate(1 / 4))))
        # Real people, not a copy-paste campaign: each adds their own words.
        text = " ".join(
            [
                fill(r, r.choice(KAFFEE_COMPLAINTS), "coffee", False),
                *(fill(r, t, "coffee", False) for t in r.sample(BAD_DE, k=r.randint(1, 2))),
            ]
        )
        mention = portal == "forum" and i % 2 == 0
        # The company wakes up after five weeks and answers the burst.
        reply_after = (start + timedelta(days=35 + r.randint(0, 4))) - datetime.combine(
            day, time(0), UTC
        ).date()
        out.append(
            make_review(
                world,
                r,
                portal,
                company,
                at(day, r),
                None if mention else r.choice([1.0, 1.0, 1.0, 2.0]),
                text=text,
                title=r.choice(TITLES_BAD),
                language="de",
                injected="negative_burst",
                kind="mention" if mention else "review",
                reply_after=None if mention else reply_after,
            )
        )
    return out


def _extortion(world: WorldFrame, r: random.Random, portal: str, company: Company) -> list[Review]:
    out = []
    start = world.anchor - timedelta(days=EXTORTION_START)
    for i in range(EXTORTION_COUNTS.get(portal, 0)):
        day = start + timedelta(days=r.randint(0, 4))
        text = EXTORTION[(i * 2 + (portal == "booking")) % len(EXTORTION)]
        out.append(
            make_review(
                world,
                r,
                portal,
                company,
                at(day, r),
                1.0,
                text=text,
                title=r.choice(TITLES_BAD),
                language="en" if "refund" in text else "de",
                injected="extortion",
            )
        )
    return out


def _bought_praise(
    world: WorldFrame, r: random.Random, portal: str, company: Company
) -> list[Review]:
    start = world.anchor - timedelta(days=BOUGHT_START)
    out = []
    for _ in range(BOUGHT_COUNTS.get(portal, 0)):
        day = start + timedelta(days=r.randint(0, 4))
        out.append(bought_review(world, r, portal, company, day))
    return out


def _new(world: WorldFrame, r: random.Random, portal: str, company: Company) -> list[Review]:
    if portal != "trustpilot":
        return []
    return [
        make_review(
            world,
            r,
            portal,
            company,
            at(world.anchor - timedelta(days=back), r),
            stars,
            language="de",
        )
        for back, stars in NEW_FIRST_REVIEWS
    ]


TELLERS: dict[str, Teller] = {
    "shitstorm": _shitstorm,
    "extortion": _extortion,
    "bought_praise": _bought_praise,
    "new": _new,
}
