"""Which tracked company a raw row is about.

Exact ``(portal, portal_company_id)`` listings from ``config/companies.yaml``
first; else the shown name, URL or id is compared with every company's name,
aliases and domain (normalised, then rapidfuzz). A name that does not match
clearly stays unmatched and is reported; it is never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz import fuzz, process

from core.config import TrackedCompany

# Legal forms and filler words that say nothing about which company it is.
_NOISE = re.compile(
    r"\b(?:gmbh|mbh|ag|kg|ohg|gbr|ug|e\.?\s?k|e\.?\s?v|co|und|and|ltd|inc|llc|se|"
    r"haftungsbeschränkt|www|https?|de|com|net|org|eu|at|ch)\b"
)
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "&": " "})
# Fuzzy matches must be this close (0-100) and clearly ahead of the runner-up.
MIN_SCORE = 90.0
MIN_MARGIN = 3.0


def name_key(text: str | None) -> str:
    """ "Kaffee Partner GmbH", "KaffeePartner", "kaffee-partner.de" -> "kaffeepartner"."""
    if not text:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).lower().translate(_FOLD)
    s = re.sub(r"^[a-z]+://", "", s)
    s = s.split("/", 1)[0] if "." in s.split("/", 1)[0] else s
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = re.sub(r"[^a-z0-9]+", " ", s)
    s = _NOISE.sub(" ", s)
    return re.sub(r"\s+", "", s)


@dataclass
class CompanyResolver:
    companies: list[TrackedCompany]
    _listing: dict[tuple[str, str], str] = field(default_factory=dict)
    _keys: dict[str, set[str]] = field(default_factory=dict)
    _cache: dict[tuple[str, str, str], str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for c in self.companies:
            for listing in c.listings:
                self._listing[(listing.portal, listing.portal_company_id)] = c.company_id
            for text in (c.name, c.domain, c.company_id, *c.aliases):
                key = name_key(text)
                if key:
                    self._keys.setdefault(key, set()).add(c.company_id)
        self._choices = list(self._keys)

    def resolve_one(self, portal: str, portal_company_id: str, name: str) -> str | None:
        cache_key = (portal, portal_company_id, name)
        if cache_key not in self._cache:
            self._cache[cache_key] = self._resolve(portal, portal_company_id, name)
        return self._cache[cache_key]

    def _resolve(self, portal: str, portal_company_id: str, name: str) -> str | None:
        exact = self._listing.get((portal, portal_company_id))
        if exact:
            return exact
        for text in (name, portal_company_id):
            hit = self._by_name(text)
            if hit:
                return hit
        return None

    def _by_name(self, text: str) -> str | None:
        key = name_key(text)
        if len(key) < 3:
            return None
        ids = self._keys.get(key)
        if ids is not None:
            return next(iter(ids)) if len(ids) == 1 else None
        best = process.extract(key, self._choices, scorer=fuzz.ratio, limit=2)
        if not best or best[0][1] < MIN_SCORE:
            return None
        ids = self._keys[best[0][0]]
        if len(ids) != 1:
            return None
        runner_up = [b for b in best[1:] if self._keys[b[0]] != ids]
        if runner_up and best[0][1] - runner_up[0][1] < MIN_MARGIN:
            return None
        return next(iter(ids))

    def resolve(self, portal: pa.Array, portal_company_id: pa.Array, name: pa.Array) -> pa.Array:
        """company_id per row (null where unmatched); one lookup per distinct triple."""
        if len(portal) == 0:
            return pa.array([], pa.string())
        joined = pc.binary_join_element_wise(
            pc.fill_null(portal, ""),
            pc.fill_null(portal_company_id, ""),
            pc.fill_null(name, ""),
            "\x1f",
        )
        encoded = joined.dictionary_encode()
        distinct = [d.split("\x1f") for d in encoded.dictionary.to_pylist()]
        ids = pa.array([self.resolve_one(p, i, n) for p, i, n in distinct], pa.string())
        return pc.take(ids, encoded.indices)


def unmatched_report(rows: Iterable[tuple[str, str, str]]) -> list[str]:
    """One line per distinct unmatched (portal, portal id, name), for the run report."""
    return sorted({f"{p}: {i!r} ({n!r})" for p, i, n in rows})
