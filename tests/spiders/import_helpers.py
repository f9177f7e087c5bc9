"""Helpers of the import tests: settings with the portals and companies the exports are
about, one import, and the lake the real transform makes of it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from core.settings import REPO_ROOT, Settings

REALWORLD = Path(__file__).resolve().parents[2] / ".." / "shared" / "realworld"
DATA = Path(__file__).parent / "data" / "imports"
RUN_DATE = "2026-01-05"

# The repo's portals plus the real ones the exports come from (the repo's config lists
# only the offline portals). Empty `languages`: the portal declares none.
REAL_PORTALS = {
    "google": [1, 5],
    "yelp": [1, 5],
    "amazon": [1, 5],
    "glassdoor": [1, 5],
    "g2": [1, 5],
    "capterra": [1, 5],
}


def realworld(relative: str) -> Path:
    path = REALWORLD / "data" / relative
    if not path.is_file():
        pytest.skip(f"../shared/realworld is not here ({path} is missing)")
    return path


def import_settings(tmp: Path, companies: list[dict[str, Any]]) -> Settings:
    portals = yaml.safe_load((REPO_ROOT / "config" / "portals.yaml").read_text("utf-8"))
    for name, scale in REAL_PORTALS.items():
        portals["portals"][name] = {
            "family": "generic",
            "base_url": f"https://{name}.example",
            "scale": scale,
            "languages": [],
        }
    (tmp / "portals.yaml").write_text(yaml.safe_dump(portals), "utf-8")
    (tmp / "companies.yaml").write_text(yaml.safe_dump({"companies": companies}), "utf-8")
    return Settings(
        data_dir=tmp / "data",
        raw_url=str(tmp / "data" / "raw"),
        lake_url=str(tmp / "data" / "lake"),
        companies_file=tmp / "companies.yaml",
        portals_file=tmp / "portals.yaml",
        pseudonym_key="test-pseudonym-key",
    )


def company(company_id: str, name: str, **portals: str) -> dict[str, Any]:
    """A tracked company; ``portal=id`` adds its listing on that portal."""
    out: dict[str, Any] = {"company_id": company_id, "name": name}
    if portals:
        out["portals"] = {
            p: {"id": i, "url": f"https://{p}.example/{i}"} for p, i in portals.items()
        }
    return out


def raw_items(path: str | Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in Path(path).read_text("utf-8").splitlines() if x.strip()]


def transform_lake(settings: Settings, monkeypatch) -> tuple[Any, dict[str, list[dict]]]:
    """The real transform over what was imported; its report and the lake's tables."""
    from transforms import lake
    from transforms.run import transform

    monkeypatch.setenv("RUF_TRANSFORM_WORKERS", "1")
    report = transform(settings)
    tables = {
        name: lake.read_table(settings, name).to_pylist()
        for name in ("reviews", "aggregates", "quarantine")
    }
    return report, tables
