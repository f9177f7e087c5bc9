"""Fixtures for the crawl machinery tests (helpers live in spider_helpers.py)."""

from __future__ import annotations

import sys
from pathlib import Path

# pytest puts tests/ on sys.path (for tests/conftest.py), where tests/spiders
# would be imported as a namespace package in place of the real ``spiders``.
# With the repository root on sys.path the real (regular) package always wins.
REPO_ROOT = Path(__file__).resolve().parents[2]
for _path in (REPO_ROOT, Path(__file__).resolve().parent):  # and spider_helpers
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))
if "spiders" in sys.modules and getattr(sys.modules["spiders"], "__file__", None) is None:
    for _name in [n for n in sys.modules if n == "spiders" or n.startswith("spiders.")]:
        del sys.modules[_name]

import pytest  # noqa: E402
from spider_helpers import ANCHOR  # noqa: E402

from ruf.portals.world import World  # noqa: E402


@pytest.fixture(scope="module")
def world() -> World:
    """A small world: 8 companies, about 40 reviews each per portal."""
    return World(companies=8, reviews_per_company=40, anchor=ANCHOR)
