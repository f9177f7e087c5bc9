"""The offline world: companies, their reviews on each portal, and the events planted
among them, deterministic for a seed and an anchor day.

``model`` holds what a world is made of; ``data/*.yaml`` the word lists and stories
(``data``, ``vocabulary`` read them); ``companies``, ``writing``, ``reviews``,
``stories`` and ``history`` make companies and reviews; ``events`` tells the ground
truth; ``world`` puts it together; ``routes`` and ``config`` say where each company's
pages live on the portals.
"""

from offline_portals.world.config import companies_config
from offline_portals.world.model import (
    HISTORY_DAYS,
    PAGE_SIZES,
    PORTALS,
    SCALES,
    Company,
    InjectedEvent,
    Review,
)
from offline_portals.world.vocabulary import MONTHS_DE, MONTHS_EN
from offline_portals.world.world import World

__all__ = [
    "HISTORY_DAYS",
    "MONTHS_DE",
    "MONTHS_EN",
    "PAGE_SIZES",
    "PORTALS",
    "SCALES",
    "Company",
    "InjectedEvent",
    "Review",
    "World",
    "companies_config",
]
