"""Big company configs are parsed once and served from a JSON cache keyed by content."""

from __future__ import annotations

import pytest

from core import config as companies
from core.config import load_companies

CONFIG = """
companies:
  - company_id: {cid}
    name: "Kaffee Partner GmbH"
    portals:
      trustpilot: {{id: kaffee-partner.de, url: "${{RUF_PORTALS_URL}}/tp/kaffee-partner.de"}}
"""


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(companies, "CACHE_MIN_BYTES", 0)
    return tmp_path / "cache" / "ruf" / "config"


def test_second_load_comes_from_the_cache_and_an_edit_is_seen(tmp_path, cache_home):
    path = tmp_path / "companies.yaml"
    path.write_text(CONFIG.format(cid="kaffee-partner"), encoding="utf-8")
    first = load_companies(path)
    assert [c.company_id for c in first] == ["kaffee-partner"]
    assert len(list(cache_home.glob("*.json"))) == 1
    assert load_companies(path) == first

    path.write_text(CONFIG.format(cid="kaffee-partner-neu"), encoding="utf-8")
    assert [c.company_id for c in load_companies(path)] == ["kaffee-partner-neu"]


def test_a_broken_cache_file_is_ignored(tmp_path, cache_home):
    path = tmp_path / "companies.yaml"
    path.write_text(CONFIG.format(cid="kaffee-partner"), encoding="utf-8")
    load_companies(path)
    (cached,) = cache_home.glob("*.json")
    cached.write_text("{not json", encoding="utf-8")
    assert [c.company_id for c in load_companies(path)] == ["kaffee-partner"]


def test_invalid_yaml_is_still_a_clear_error(tmp_path, cache_home):
    path = tmp_path / "companies.yaml"
    path.write_text("companies: [\n", encoding="utf-8")
    with pytest.raises(companies.ConfigError, match="not valid YAML"):
        load_companies(path)
