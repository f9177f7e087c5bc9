"""Report tests: the hand-made fixture warehouse, a real built warehouse, a browser."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml

from core.settings import Settings
from offline_portals.world import World, companies_config
from tests.report.bi_fixture import build_fixture_warehouse, settings_for
from tests.report.report_browser import CHROMEDRIVER, CHROMIUM, HAVE_BROWSER, NO_BROWSER

REAL_ANCHOR = date(2025, 6, 1)


@pytest.fixture(scope="session")
def fixture_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = settings_for(tmp_path_factory.mktemp("report-fixture"))
    build_fixture_warehouse(settings.warehouse_path)
    return settings


@pytest.fixture(scope="session")
def fixture_report(fixture_settings: Settings) -> Path:
    from report import write_report

    return write_report(fixture_settings)


@dataclass
class RealWarehouse:
    world: World
    settings: Settings


@pytest.fixture(scope="session")
def real_warehouse(tmp_path_factory: pytest.TempPathFactory) -> RealWarehouse:
    """The demo world's stories built by the real dbt warehouse (lake written directly)."""
    # The warehouse tests' lake writer: import it, do not copy it.
    from tests.warehouse.world_lake import write_world
    from warehouse.build import build

    root = tmp_path_factory.mktemp("report-real")
    world = World(companies=12, anchor=REAL_ANCHOR)  # the six stories and a few others
    write_world(root / "lake", world)
    companies = root / "companies.yaml"
    companies.write_text(yaml.safe_dump(companies_config(world), allow_unicode=True))
    settings = settings_for(root, RUF_DEMO="1", RUF_COMPANIES=str(companies))
    build(settings)
    return RealWarehouse(world, settings)


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory):  # -> selenium WebDriver
    if not HAVE_BROWSER:
        pytest.skip(NO_BROWSER)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1200,1800",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
