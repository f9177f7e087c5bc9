"""Fixtures for the crawl machinery tests (helpers live in spider_helpers.py)."""

from __future__ import annotations

import pytest

from offline_portals.world import World
from tests.spiders.spider_helpers import ANCHOR


@pytest.fixture(scope="module")
def world() -> World:
    """A small world: 8 companies, about 40 reviews each per portal."""
    return World(companies=8, reviews_per_company=40, anchor=ANCHOR)
