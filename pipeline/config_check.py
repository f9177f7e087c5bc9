"""``ruf config check``: both YAML files read the way a person wrote them, every mistake named.

The loaders in ``core.config`` stop at the first thing they cannot use; this
check reads ``config/portals.yaml`` and ``config/companies.yaml`` (or
``RUF_PORTALS`` / ``RUF_COMPANIES``) in full and lists every problem as one
line, ``file:line: what is wrong``: an unknown spider family (with the known
ones), a missing or duplicate id (YAML itself keeps the last of two equal keys
without a word, so the check reads the keys itself), a listing on a portal that
is not configured, a listing URL outside its portal's ``base_url``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from core.config import expand
from core.settings import ConfigError, Settings

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Map(dict):
    """A YAML mapping that remembers its line and the keys written twice."""

    line: int = 0
    twice: tuple[tuple[Any, int], ...] = ()


class _LineLoader(_Loader):  # type: ignore[misc, valid-type]
    pass


def _mapping(loader: Any, node: yaml.MappingNode) -> _Map:
    out = _Map()
    out.line = node.start_mark.line + 1
    twice = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            twice.append((key, key_node.start_mark.line + 1))
        out[key] = loader.construct_object(value_node, deep=True)
    out.twice = tuple(twice)
    return out


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class ConfigCheck:
    problems: list[Problem]
    portals: int = 0
    companies: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def _line(value: Any, default: int = 1) -> int:
    return value.line if isinstance(value, _Map) else default


def _load(path: Path, top: str, problems: list[Problem]) -> Any:
    """The ``top`` section of the YAML file at ``path``, or None (the problem noted)."""
    if not path.is_file():
        problems.append(Problem(path, 0, "file not found"))
        return None
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or type(exc).__name__
        problems.append(Problem(path, mark.line + 1 if mark else 0, f"not valid YAML: {reason}"))
        return None
    return data.get(top) if isinstance(data, dict) else None


def _portal_section(path: Path, problems: list[Problem]) -> dict:
    before = len(problems)
    section = _load(path, "portals", problems)
    if not isinstance(section, dict):
        if len(problems) == before:
            problems.append(Problem(path, 1, "expected a mapping `portals:` at the top level"))
        return {}
    for key, line in getattr(section, "twice", ()):
        problems.append(Problem(path, line, f"portal {key!r} is written twice"))
    return section


def _company_section(path: Path, problems: list[Problem]) -> list:
    before = len(problems)
    section = _load(path, "companies", problems)
    if not isinstance(section, list):
        if len(problems) == before:
            problems.append(Problem(path, 1, "expected a list `companies:` at the top level"))
        return []
    return section


def known_families() -> list[str]:
    """The spider families: the names Scrapy's loader finds in the spiders package."""
    from scrapy.settings import Settings as ScrapySettings
    from scrapy.spiderloader import SpiderLoader

    from spiders.settings import SPIDER_MODULES

    return sorted(
        SpiderLoader.from_settings(ScrapySettings({"SPIDER_MODULES": SPIDER_MODULES})).list()
    )


def _url(text: Any) -> tuple[str, str]:
    """``(scheme://host:port, path/)`` of a URL after ``${VAR}`` expansion."""
    parts = urlsplit(expand(str(text)))
    if parts.scheme not in ("http", "https", "file") or (
        parts.scheme != "file" and not parts.netloc
    ):
        raise ValueError(f"not an http(s) URL: {text!r}")
    return f"{parts.scheme}://{parts.netloc.lower()}", parts.path.rstrip("/") + "/"


def _check_portals(path: Path, problems: list[Problem]) -> dict[str, tuple[str, str] | None]:
    families = known_families()
    bases: dict[str, tuple[str, str] | None] = {}
    for name, portal in _portal_section(path, problems).items():
        where = _line(portal)
        if not isinstance(portal, dict):
            problems.append(Problem(path, where, f"portal {name!r}: expected a mapping"))
            continue
        family = portal.get("family")
        if family is None:
            problems.append(Problem(path, where, f"portal {name!r}: no `family`"))
        elif family not in families:
            problems.append(
                Problem(
                    path,
                    where,
                    f"portal {name!r}: unknown family {family!r} (known: {', '.join(families)})",
                )
            )
        bases[str(name)] = None
        try:
            if portal.get("base_url"):
                bases[str(name)] = _url(portal["base_url"])
            elif family != "generic":
                problems.append(Problem(path, where, f"portal {name!r}: no `base_url`"))
        except (ValueError, ConfigError) as exc:
            problems.append(Problem(path, where, f"portal {name!r}: base_url {exc}"))
        scale = portal.get("scale", [1, 5])
        if not (
            isinstance(scale, list)
            and len(scale) == 2
            and all(isinstance(x, int | float) for x in scale)
            and scale[0] != scale[1]
        ):
            problems.append(
                Problem(
                    path,
                    where,
                    f"portal {name!r}: scale must be [worst, best], two numbers that differ",
                )
            )
    return bases


def _check_companies(
    path: Path, bases: dict[str, tuple[str, str] | None], problems: list[Problem]
) -> int:
    companies = _company_section(path, problems)
    ids: Counter[str] = Counter()
    listed: dict[tuple[str, str], str] = {}
    for i, company in enumerate(companies, 1):
        where = _line(company)
        if not isinstance(company, dict):
            problems.append(Problem(path, where, f"company #{i}: expected a mapping"))
            continue
        cid = company.get("company_id")
        label = f"company #{i}" + (f" ({cid})" if cid else "")
        if not cid:
            problems.append(Problem(path, where, f"{label}: no `company_id`"))
        else:
            ids[str(cid)] += 1
            if ids[str(cid)] == 2:
                problems.append(Problem(path, where, f"{label}: company_id {cid!r} is used twice"))
        if not company.get("name"):
            problems.append(Problem(path, where, f"{label}: no `name`"))
        listings = company.get("portals") or {}
        if not isinstance(listings, dict):
            problems.append(Problem(path, where, f"{label}: `portals` must be a mapping"))
            continue
        for portal, line in listings.twice if isinstance(listings, _Map) else ():
            problems.append(Problem(path, line, f"{label}: portal {portal!r} is listed twice"))
        for portal, listing in listings.items():
            problems += _check_listing(path, label, str(portal), listing, bases, listed, cid)
    return len(companies)


def _check_listing(
    path: Path,
    label: str,
    portal: str,
    listing: Any,
    bases: dict[str, tuple[str, str] | None],
    listed: dict[tuple[str, str], str],
    cid: Any,
) -> list[Problem]:
    where = _line(listing)
    if portal not in bases:
        known = ", ".join(sorted(bases)) or "none"
        return [Problem(path, where, f"{label}: unknown portal {portal!r} (known: {known})")]
    if not isinstance(listing, dict):
        return [Problem(path, where, f"{label}: {portal}: expected `id:` and `url:`")]
    out = []
    lid = listing.get("id")
    if lid in (None, ""):
        out.append(Problem(path, where, f"{label}: {portal}: no `id`"))
    elif (portal, str(lid)) in listed and listed[(portal, str(lid))] != cid:
        other = listed[(portal, str(lid))]
        out.append(Problem(path, where, f"{label}: {portal} id {lid!r} is also {other}'s"))
    else:
        listed[(portal, str(lid))] = cid
    if not listing.get("url"):
        return [*out, Problem(path, where, f"{label}: {portal}: no `url`")]
    try:
        host, prefix = _url(listing["url"])
    except (ValueError, ConfigError) as exc:
        return [*out, Problem(path, where, f"{label}: {portal}: url {exc}")]
    base = bases[portal]
    if base is not None and (host != base[0] or not prefix.startswith(base[1])):
        out.append(
            Problem(
                path,
                where,
                f"{label}: {portal}: url {expand(str(listing['url']))} is outside the portal's "
                f"base_url {base[0]}{base[1].rstrip('/')}",
            )
        )
    return out


def check_config(settings: Settings) -> ConfigCheck:
    """Every problem of the portal and the company config; none when both can be used."""
    problems: list[Problem] = []
    bases = _check_portals(settings.portals_file, problems)
    companies = _check_companies(settings.companies_file, bases, problems)
    return ConfigCheck(problems, portals=len(bases), companies=companies)


def require_valid_config(settings: Settings) -> None:
    """ConfigError naming the first problem (and how many more) when the config has any."""
    check = check_config(settings)
    if not check.ok:
        more = len(check.problems) - 1
        tail = f" (and {more} more: run `ruf config check`)" if more else ""
        raise ConfigError(f"{check.problems[0]}{tail}")
