"""A deterministic world of companies and their reviews, for the offline portals.

Everything is derived from ``seed`` and ``anchor`` (the day the stories are
told relative to), so two worlds with the same parameters are identical, and
reviews are generated per company on demand, so a world of 100,000 companies
costs no memory until a page is asked for. ``as_of`` only hides what is newer,
so moving it forward makes new reviews appear on the portals while the old
ones stay as they were (what an incremental crawl needs to see).

The first companies are the stories of ``shared/DOMAIN.md``; their injected
reviews and the time spans of the injected events are the ground truth the
alert detectors are measured against (``World.injected_events``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta

from offline_portals.world.companies import STORY_COMPANIES, generated_company
from offline_portals.world.events import injected_events
from offline_portals.world.history import history
from offline_portals.world.model import HISTORY_DAYS, Company, InjectedEvent, Review, scale


class World:
    def __init__(
        self,
        seed: int = 7,
        companies: int = 50,
        reviews_per_company: int = 120,
        anchor: date | None = None,
        as_of: datetime | None = None,
    ) -> None:
        self.seed = seed
        self.n_companies = max(companies, len(STORY_COMPANIES))
        self.reviews_per_company = reviews_per_company
        self.anchor = anchor or datetime.now(UTC).date()
        # Never serve reviews from later today: the portals' clock is the real one.
        self.as_of = as_of or min(
            datetime.combine(self.anchor, time(23, 59, 59), UTC), datetime.now(UTC)
        )
        self.start = self.anchor - timedelta(days=HISTORY_DAYS)
        self._cache: dict[tuple[str, str], list[Review]] = {}

    # --- companies -----------------------------------------------------------

    def company(self, index: int) -> Company:
        if index < len(STORY_COMPANIES):
            return STORY_COMPANIES[index]
        return generated_company(self.seed, index, self.reviews_per_company)

    def companies(self) -> Iterator[Company]:
        for i in range(self.n_companies):
            yield self.company(i)

    @property
    def company_index(self) -> dict[str, int]:
        return _company_index(self)

    def build_indexes(self) -> World:
        """Build the lookups by company id and portal id now (a server does, before
        its first request); they are otherwise built on first use."""
        _company_index(self)
        _portal_index(self)
        return self

    def by_portal_id(self, portal: str, portal_company_id: str) -> Company | None:
        i = _portal_index(self).get((portal, portal_company_id))
        return None if i is None else self.company(i)

    # --- reviews -------------------------------------------------------------

    def reviews(self, portal: str, company: Company) -> list[Review]:
        """Visible reviews and posts of one company on one portal, newest first."""
        key = (portal, company.company_id)
        if key not in self._cache:
            if len(self._cache) > 4096:  # bounded: large worlds stream through
                self._cache.clear()
            self._cache[key] = sorted(
                history(self, portal, company), key=lambda r: r.published_at, reverse=True
            )
        return [r for r in self._cache[key] if r.published_at <= self.as_of]

    def iter_reviews(self) -> Iterator[Review]:
        for company in self.companies():
            for portal in company.portal_ids:
                yield from history(self, portal, company)

    def aggregate(self, portal: str, company: Company) -> tuple[float, int]:
        """The portal's own displayed score (on its scale) and review count."""
        rated = [r.rating for r in self.reviews(portal, company) if r.rating is not None]
        lo, hi = scale(company, portal)
        if not rated:
            return (round((lo + hi) / 2, 1), 0)
        if portal == "trustpilot":  # TrustScore: Bayesian with 7 reviews at 3.5 stars
            score = (sum(rated) + 7 * 3.5) / (len(rated) + 7)
        else:
            score = sum(rated) / len(rated)
        return (round(score, 1), len(rated))

    def scale(self, portal: str, company: Company) -> tuple[float, float]:
        return scale(company, portal)

    def injected_events(self) -> list[InjectedEvent]:
        return injected_events(self, self.companies())


# The server answers from many threads at once: the indexes are built once per
# world, by one thread (at 100,000 companies a build takes ~10 s; built by every
# thread at once, requests queued behind one another past any client timeout).
_INDEX_LOCK = threading.Lock()


def _index(world: World, name: str, build: Callable[[], dict]) -> dict:
    found = world.__dict__.get(name)
    if found is None:
        with _INDEX_LOCK:
            found = world.__dict__.get(name)
            if found is None:
                found = build()
                setattr(world, name, found)
    return found


def _company_index(world: World) -> dict[str, int]:
    return _index(
        world,
        "_company_idx",
        lambda: {c.company_id: i for i, c in enumerate(world.companies())},
    )


def _portal_index(world: World) -> dict[tuple[str, str], int]:
    return _index(
        world,
        "_portal_idx",
        lambda: {
            (p, pid): i for i, c in enumerate(world.companies()) for p, pid in c.portal_ids.items()
        },
    )
