"""What the offline world is made of: companies, reviews, the events planted among them,
and the facts of each portal (rating scale, page size, sub-rating categories)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

PORTALS: tuple[str, ...] = ("trustpilot", "opinio", "kununu", "booking", "forum")
SCALES: dict[str, tuple[float, float]] = {
    "trustpilot": (1, 5),
    "opinio": (1, 5),
    "kununu": (1, 5),
    "booking": (1, 10),
    "forum": (1, 5),
}
PAGE_SIZES: dict[str, int] = {
    "trustpilot": 20,
    "opinio": 10,
    "kununu": 10,
    "booking": 25,
    "forum": 15,
}
HISTORY_DAYS = 4 * 365

KUNUNU_CATEGORIES = (
    "Arbeitsatmosphäre",
    "Vorgesetztenverhalten",
    "Gehalt/Sozialleistungen",
    "Kollegenzusammenhalt",
    "Work-Life-Balance",
    "Kommunikation",
)
BOOKING_CATEGORIES = ("Personal", "Ausstattung", "Sauberkeit", "Komfort", "Preis-Leistung", "Lage")


@dataclass(frozen=True)
class Company:
    company_id: str
    name: str
    domain: str
    industry: str
    city: str
    portal_ids: dict[str, str]  # portal -> the company's id/slug there
    portal_names: dict[str, str]  # portal -> how that portal spells the name
    quality: float  # long-run mean stars, 1-5
    reply_rate: float
    volume: float  # reviews per portal per year
    story: str | None = None
    scale_variant: str = "default"  # schema_org markup/scale variant on opinio


@dataclass(frozen=True)
class Review:
    portal: str
    company_id: str
    portal_company_id: str
    review_id: str
    kind: str  # "review" or "mention"
    rating: float | None  # on the portal's scale (SCALES, or the company's variant)
    title: str
    text: str
    language: str
    author_name: str
    author_id: str
    author_review_count: int
    published_at: datetime
    experienced_on: date | None = None
    pros: str | None = None
    cons: str | None = None
    reply_text: str | None = None
    replied_at: datetime | None = None
    verified: bool = False
    sub_ratings: dict[str, float] = field(default_factory=dict)
    reviewer_type: str | None = None
    traveller_type: str | None = None
    thread_id: str | None = None
    injected: str | None = None  # ground truth: which story put it there

    @property
    def stars(self) -> float | None:
        """The rating on a 1-5 scale (None for mentions)."""
        if self.rating is None:
            return None
        lo, hi = SCALES[self.portal]
        return 1 + 4 * (self.rating - lo) / (hi - lo)


@dataclass(frozen=True)
class InjectedEvent:
    company_id: str
    kind: str  # negative_burst, positive_burst, near_duplicate, extortion, divergence,
    #            unanswered_criticism
    portals: tuple[str, ...]
    start: date
    end: date


class WorldFrame(Protocol):
    """What generating a company's reviews needs of the world: its seed and its time."""

    seed: int
    anchor: date  # the day the stories are told relative to
    as_of: datetime  # nothing newer is visible
    start: date  # the first day of the history


# What a story or a campaign plants on one portal: (world, the company's review stream,
# portal, company) -> reviews.
Teller = Callable[[WorldFrame, random.Random, str, Company], list[Review]]


def rng(*parts: object) -> random.Random:
    """A random stream of its own for each combination of ``parts``: what one company
    or portal draws does not shift what any other draws."""
    digest = hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=8).digest()
    return random.Random(int.from_bytes(digest, "big"))


def slug(text: str) -> str:
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "&": "und", "é": "e"})
    out = "".join(c if c.isalnum() else "-" for c in text.lower().translate(table))
    return "-".join(p for p in out.split("-") if p)


def scale(company: Company, portal: str) -> tuple[float, float]:
    """The company's rating scale on ``portal`` (opinio has variants per company)."""
    if portal == "opinio" and company.scale_variant == "ten":
        return (1, 10)
    if portal == "opinio" and company.scale_variant == "zero":
        return (0, 5)
    return SCALES[portal]
