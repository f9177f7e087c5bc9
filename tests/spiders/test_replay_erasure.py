"""``ruf crawl --replay`` honours the erasure ledger: after an author is erased, a
replay of the archived pages writes none of their items back into raw items."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.privacy import item_pseudonym
from core.settings import ConfigError, load_settings
from spiders.run import crawl
from tests.spiders.spider_helpers import RUN_DATE, portal_env, present_portals
from transforms.erase import erase_author

pytestmark = pytest.mark.slow

KEY = "test-pseudonym-key"


def _raw_text(raw: Path) -> str:
    """Every raw items file, as one text (the archive of pages is not items)."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(raw.glob("*/*/items-*.jsonl")))


def _someone(items: list[dict]) -> dict:
    """An author whose name is theirs alone, with at least one text of length."""
    by_name: dict[str, set] = {}
    for i in items:
        if i.get("author_name"):
            by_name.setdefault(i["author_name"], set()).add(i.get("author_id"))
    everything = json.dumps(items, ensure_ascii=False)
    for i in items:
        name = i.get("author_name")
        if (
            name
            and len(by_name[name]) == 1
            and len(name) > 4
            and everything.count(json.dumps(name, ensure_ascii=False)[1:-1])
            == sum(1 for j in items if j.get("author_name") == name)
            and len(i.get("text") or "") > 30
        ):
            return i
    raise AssertionError("no author with a name of their own in the world's items")


def test_a_replay_writes_nothing_of_an_erased_author_back(tmp_path, monkeypatch, world):
    monkeypatch.setenv("RUF_PSEUDONYM_KEY", KEY)
    portal = "trustpilot" if "trustpilot" in present_portals() else present_portals()[0]
    with portal_env(tmp_path, monkeypatch, world) as env:
        report = crawl(env.settings, run_date=RUN_DATE, portals=[portal], fast=True)
        assert report.ok, report.summary()
    raw = Path(env.settings.raw_url)
    items = env.items(portal)
    person = _someone(items)
    theirs = [
        i
        for i in items
        if item_pseudonym(KEY.encode(), i["portal"], i["author_id"], i["author_name"])
        == item_pseudonym(KEY.encode(), portal, person["author_id"], person["author_name"])
    ]
    texts = [i["text"] for i in theirs if i.get("text")]
    assert person["author_name"] in _raw_text(raw) and texts

    who = item_pseudonym(KEY.encode(), portal, person["author_id"], person["author_name"])
    removed = erase_author(env.settings, who)
    assert removed["raw_items"] == len(theirs)
    assert person["author_name"] not in _raw_text(raw)

    replayed = crawl(env.settings, run_date=RUN_DATE, replay=str(RUN_DATE))

    assert replayed.ok, replayed.summary()
    written = _raw_text(raw)
    assert person["author_name"] not in written
    assert not [t for t in texts if t in written]
    assert replayed.portals[portal].erased == len(theirs)
    assert f"{len(theirs)} items of erased authors left out" in replayed.summary()
    # Everyone else is back, exactly as crawled.
    assert len(env.items(portal)) == len(items) - len(theirs)


def test_a_replay_after_an_erasure_needs_the_key_and_writes_nothing_without_it(
    tmp_path, monkeypatch, world
):
    monkeypatch.setenv("RUF_PSEUDONYM_KEY", KEY)
    portal = "trustpilot" if "trustpilot" in present_portals() else present_portals()[0]
    with portal_env(tmp_path, monkeypatch, world) as env:
        assert crawl(env.settings, run_date=RUN_DATE, portals=[portal], fast=True).ok
    person = _someone(env.items(portal))
    erase_author(
        env.settings,
        item_pseudonym(KEY.encode(), portal, person["author_id"], person["author_name"]),
    )
    raw = Path(env.settings.raw_url)
    before = _raw_text(raw)
    monkeypatch.delenv("RUF_PSEUDONYM_KEY")
    with pytest.raises(ConfigError, match="RUF_PSEUDONYM_KEY"):
        crawl(load_settings(), run_date=RUN_DATE, replay=str(RUN_DATE))
    assert _raw_text(raw) == before
