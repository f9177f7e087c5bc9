"""The world's word lists and stories live in data files; the world they make is the
one the demo, the committed config and every other test were built on."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import UTC, date, datetime

import pytest

from offline_portals import render
from offline_portals.world import PAGE_SIZES, World, data, routes
from offline_portals.world.companies import STORY_COMPANIES

ANCHOR = date(2026, 12, 1)
AS_OF = datetime(2026, 12, 1, 23, 59, 59, tzinfo=UTC)
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)

# sha256 of every review's fields and of every page of the default world (seed 7,
# 50 companies, anchored 2026-12-01), taken before the word lists and stories moved
# out of the code: the demo's ranking is computed on this world.
DEFAULT_WORLD_REVIEWS = "978097de2df73d5d"
DEFAULT_WORLD_PAGES = "1cc77eb2bc727ca2"


def _digests(world: World) -> tuple[str, str]:
    reviews, pages = hashlib.sha256(), hashlib.sha256()
    for company in world.companies():
        reviews.update(json.dumps(dataclasses.asdict(company), sort_keys=True).encode())
        for portal in company.portal_ids:
            visible = world.reviews(portal, company)
            for r in visible:
                fields = json.dumps(
                    dataclasses.asdict(r), sort_keys=True, default=str, ensure_ascii=False
                )
                reviews.update(fields.encode())
            reviews.update(json.dumps(world.aggregate(portal, company)).encode())
            for page in range(1, max(1, -(-len(visible) // PAGE_SIZES[portal])) + 1):
                path = routes.company_path(portal, company.portal_ids[portal], page)
                pages.update(render.render_page(world, path, NOW).encode())
    return reviews.hexdigest()[:16], pages.hexdigest()[:16]


def test_the_default_world_is_the_one_the_demo_was_built_on():
    reviews, pages = _digests(World(anchor=ANCHOR, as_of=AS_OF))
    assert (reviews, pages) == (DEFAULT_WORLD_REVIEWS, DEFAULT_WORLD_PAGES)


def test_story_companies_come_from_the_stories_file():
    declared = data.section("stories", "companies")
    assert [c.company_id for c in STORY_COMPANIES] == [c["company_id"] for c in declared]
    world = World(anchor=ANCHOR)
    assert [world.company(i) for i in range(len(STORY_COMPANIES))] == list(STORY_COMPANIES)
    events = {(e.company_id, e.kind) for e in world.injected_events()}
    assert ("hotel-seeblick", "extortion") in events


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    data.load.cache_clear()
    yield tmp_path
    data.load.cache_clear()


def test_a_malformed_data_file_is_named_with_its_key(data_dir):
    # Unquoted "no" is a boolean in YAML: a word list with it must not pass as text.
    (data_dir / "names.yaml").write_text("first_names: [Anna, no]\n", encoding="utf-8")
    with pytest.raises(data.WorldDataError, match=r"names\.yaml: first_names must be"):
        data.words("names", "first_names")
    with pytest.raises(data.WorldDataError, match=r"names\.yaml: missing cities"):
        data.words("names", "cities")
    (data_dir / "broken.yaml").write_text("a: [unclosed\n", encoding="utf-8")
    with pytest.raises(data.WorldDataError, match=r"broken\.yaml: cannot read"):
        data.load("broken")
    with pytest.raises(data.WorldDataError, match=r"absent\.yaml: cannot read"):
        data.load("absent")
