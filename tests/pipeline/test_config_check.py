"""``ruf config check``: every mistake in the two YAML files, one line each, with its line."""

from __future__ import annotations

import textwrap

import pytest

from core.settings import load_settings
from pipeline.config_check import check_config

PORTALS = """\
portals:
  trustpilot:
    family: trustpilot
    base_url: ${RUF_PORTALS_URL}/trustpilot
  booking:
    family: booking
    base_url: https://www.booking.com
    scale: [1, 10]
"""

COMPANY = """\
- company_id: {cid}
  name: Bäckerei Sonne
  portals:
    trustpilot:
      id: {tid}
      url: ${{RUF_PORTALS_URL}}/trustpilot/review/{tid}
"""


def _check(tmp_path, portals: str, companies: str) -> list[str]:
    (tmp_path / "portals.yaml").write_text(textwrap.dedent(portals), encoding="utf-8")
    (tmp_path / "companies.yaml").write_text(textwrap.dedent(companies), encoding="utf-8")
    settings = load_settings(
        {
            "RUF_PORTALS": str(tmp_path / "portals.yaml"),
            "RUF_COMPANIES": str(tmp_path / "companies.yaml"),
            "RUF_PORTALS_URL": "http://127.0.0.1:8765",
        }
    )
    return [f"{p.path.name}:{p.line}: {p.message}" for p in check_config(settings).problems]


def test_the_shipped_config_is_clean():
    check = check_config(load_settings({}))
    assert check.ok, [str(p) for p in check.problems]
    assert (check.portals, check.companies) == (5, 50)


def test_a_clean_config_has_no_problems(tmp_path):
    companies = "companies:\n" + COMPANY.format(cid="sonne", tid="sonne.de")
    assert _check(tmp_path, PORTALS, companies) == []


def test_an_unknown_family_lists_the_known_ones(tmp_path):
    portals = PORTALS.replace("family: booking", "family: bookingcom")
    (problem,) = _check(tmp_path, portals, "companies: []\n")
    assert problem.startswith("portals.yaml:6: portal 'booking': unknown family 'bookingcom'")
    assert "(known: booking, forum, generic, kununu, schema_org, trustpilot)" in problem


def test_missing_and_duplicate_ids(tmp_path):
    companies = (
        "companies:\n"
        + COMPANY.format(cid="sonne", tid="sonne.de")
        + COMPANY.format(cid="sonne", tid="sonne.de").replace("Bäckerei", "Café")
        + "- name: Ohne Id\n"
        + "- company_id: leer\n  name: Leer\n  portals:\n    trustpilot: {url: x}\n"
    )
    assert _check(tmp_path, PORTALS, companies) == [
        "companies.yaml:8: company #2 (sonne): company_id 'sonne' is used twice",
        "companies.yaml:14: company #3: no `company_id`",
        "companies.yaml:18: company #4 (leer): trustpilot: no `id`",
        "companies.yaml:18: company #4 (leer): trustpilot: url not an http(s) URL: 'x'",
    ]


def test_a_portal_or_a_listing_written_twice_is_named_not_silently_merged(tmp_path):
    portals = PORTALS + "  booking:\n    family: booking\n    base_url: https://booking.example\n"
    companies = (
        "companies:\n"
        + COMPANY.format(cid="sonne", tid="sonne.de")
        + (
            "    trustpilot:\n      id: other\n      url: http://127.0.0.1:8765/trustpilot/review/o\n"
        )
    )
    problems = _check(tmp_path, portals, companies)
    assert "portals.yaml:9: portal 'booking' is written twice" in problems
    assert "companies.yaml:8: company #1 (sonne): portal 'trustpilot' is listed twice" in problems


def test_one_listing_id_for_two_companies_is_named(tmp_path):
    companies = (
        "companies:\n"
        + COMPANY.format(cid="sonne", tid="sonne.de")
        + COMPANY.format(cid="mond", tid="sonne.de")
    )
    assert _check(tmp_path, PORTALS, companies) == [
        "companies.yaml:12: company #2 (mond): trustpilot id 'sonne.de' is also sonne's"
    ]


def test_listing_urls_outside_the_base_url_and_unknown_portals(tmp_path):
    companies = (
        "companies:\n"
        + COMPANY.format(cid="sonne", tid="sonne.de")
        + "    booking:\n      id: s\n      url: https://evil.example/hotel/s.html\n"
        + "    tripadvisor:\n      id: s\n      url: https://www.tripadvisor.de/s\n"
        + "    trustpilot2: {id: s, url: 'http://127.0.0.1:8765/trustpilotx/s'}\n"
    )
    problems = _check(tmp_path, PORTALS, companies)
    assert problems[0] == (
        "companies.yaml:9: company #1 (sonne): booking: url https://evil.example/hotel/s.html "
        "is outside the portal's base_url https://www.booking.com"
    )
    assert problems[1] == (
        "companies.yaml:12: company #1 (sonne): unknown portal 'tripadvisor' "
        "(known: booking, trustpilot)"
    )
    assert len(problems) == 3 and "unknown portal 'trustpilot2'" in problems[2]


def test_a_path_prefix_is_not_fooled_by_a_longer_name(tmp_path):
    # /trustpilotx/... is not under /trustpilot: the prefix ends at a path separator.
    companies = "companies:\n" + COMPANY.format(cid="sonne", tid="s").replace(
        "/trustpilot/review/s", "/trustpilotx/review/s"
    )
    (problem,) = _check(tmp_path, PORTALS, companies)
    assert "is outside the portal's base_url http://127.0.0.1:8765/trustpilot" in problem


@pytest.mark.parametrize(
    ("portals", "expected"),
    [
        ("portals: [a, b]\n", "portals.yaml:1: expected a mapping `portals:` at the top level"),
        ("portals:\n  x: {family: forum\n", "portals.yaml:3: not valid YAML"),
    ],
)
def test_files_that_cannot_be_read_say_so_in_one_line(tmp_path, portals, expected):
    problems = _check(tmp_path, portals, "companies: []\n")
    assert problems[0].startswith(expected)


def test_a_scale_may_run_down_but_its_ends_must_differ(tmp_path):
    # A portal of German school grades is [6, 1]; [5, 5] and [1] are no scales.
    assert _check(tmp_path, PORTALS.replace("[1, 10]", "[6, 1]"), "companies: []\n") == []
    for bad in ("[5, 5]", "[1]"):
        (problem,) = _check(tmp_path, PORTALS.replace("[1, 10]", bad), "companies: []\n")
        assert problem.endswith(
            "portal 'booking': scale must be [worst, best], two numbers that differ"
        )
