"""Parse: pages per second per spider family over saved pages, next to bare lxml.

The pages are rendered once by the offline portals' own code (what the server
answers, ``offline_portals.render.render_page``) for a sample of companies and
saved under ``<work>/pages``; both the spiders' page parsers and the baseline read
the same saved bytes. The real saved pages of ``../shared/realworld/html/`` (when
present) are added as the ``generic`` family: the generic reader's pages/s next to
a bare lxml parse of the same (gunzipped) bytes.
"""

from __future__ import annotations

import gzip
import json
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.harness import StageNotAvailable, require
from bench.world_gen import make_world, sample_indices


def render_pages(spec: dict, pages_dir: str, companies: int) -> dict:
    """Child task: render every listing page of a sample of companies to disk."""
    render = require("offline_portals.render")
    routes = require("offline_portals.world.routes")
    world = make_world(spec, later=True)
    now = datetime.now(UTC)
    out = Path(pages_dir)
    index: list[dict] = []
    missing: dict[str, str] = {}
    for i in sample_indices(spec, companies):
        company = world.company(i)
        for portal, pid in company.portal_ids.items():
            family = render.FAMILY_OF_PORTAL[portal]
            page = 1
            while family not in missing:
                path = routes.company_path(portal, pid, page)
                try:
                    body = render.render_page(world, path, now)
                except ImportError as exc:  # this family's markup has not landed yet
                    missing[family] = f"page rendering: {exc}"
                    break
                if body is None:
                    break
                folder = out / family
                folder.mkdir(parents=True, exist_ok=True)
                name = f"{len(index):06d}.html"
                (folder / name).write_bytes(body.encode("utf-8"))
                index.append(
                    {"family": family, "portal": portal, "file": f"{family}/{name}", "path": path}
                )
                page += 1
    index += _realworld_pages(out, len(index))
    (out / "index.json").write_text(json.dumps(index), encoding="utf-8")
    families: dict[str, int] = {}
    for row in index:
        families[row["family"]] = families.get(row["family"], 0) + 1
    if not index:
        raise StageNotAvailable(
            "no family's pages could be rendered: " + "; ".join(missing.values())
        )
    return {"pages": len(index), "per_family": families, "missing": missing}


REALWORLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "realworld" / "html"


def _realworld_pages(out: Path, start: int) -> list[dict]:
    """The real saved pages, gunzipped into the bench's work folder (never the repo)."""
    if not REALWORLD.is_dir():
        return []
    rows = []
    folder = out / "generic"
    for page in sorted(REALWORLD.iterdir()):
        raw = page.read_bytes()
        body = gzip.decompress(raw) if page.name.endswith(".gz") else raw
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{start + len(rows):06d}.html"
        (folder / name).write_bytes(body)
        rows.append(
            {
                "family": "generic",
                "portal": "realworld",
                "file": f"generic/{name}",
                "path": f"/realworld/{page.name.removesuffix('.gz')}",
            }
        )
    return rows


def _load(pages_dir: str) -> dict[str, list[tuple[bytes, str, str]]]:
    out = Path(pages_dir)
    by_family: dict[str, list[tuple[bytes, str, str]]] = {}
    for row in json.loads((out / "index.json").read_text(encoding="utf-8")):
        url = "http://127.0.0.1:8765" + row["path"]
        by_family.setdefault(row["family"], []).append(
            ((out / row["file"]).read_bytes(), url, row["portal"])
        )
    return by_family


def _rate(pages: list, parse_one, min_seconds: float) -> dict:
    """Pages per CPU second, repeating passes over the pages until ``min_seconds`` of
    CPU have passed. One untimed pass first: a family's first page pays for imports
    and compiled patterns, not for parsing. CPU time, not wall time: both sides run
    in separate children, at different moments of a machine that may be busy."""
    for body, url, portal in pages:
        parse_one(body, url, portal)
    passes = 0
    started = time.process_time()
    items = 0
    while True:
        for body, url, portal in pages:
            items += parse_one(body, url, portal)
        passes += 1
        seconds = time.process_time() - started
        if seconds >= min_seconds:
            break
    return {
        "pages": len(pages) * passes,
        "items": items,
        "seconds": seconds,
        "pages_per_second": len(pages) * passes / seconds,
    }


def parse_ruf(pages_dir: str, min_seconds: float = 1.0) -> dict:
    """Child task: the spiders' page parsers (spiders.pages.parse_page) per family."""
    parse_page = require("spiders.pages", "parse_page")
    out = {}
    for family, pages in sorted(_load(pages_dir).items()):

        def one(body: bytes, url: str, portal: str, family: str = family) -> int:
            result = parse_page(
                family,
                body,
                url,
                portal=portal,
                fetched_at="2026-01-01T00:00:00Z",
                response_sha256="0" * 64,
            )
            return len(result.items)

        try:
            out[family] = _rate(pages, one, min_seconds)
        except ImportError as exc:  # this family's page object has not landed yet
            out[family] = {"not_available": f"spiders.pages.{family}: {exc}"}
    return out


def parse_lxml(pages_dir: str, min_seconds: float = 1.0) -> dict:
    """Child task: the parse limit, a bare ``lxml.html.fromstring`` of the same bytes."""
    import lxml.html

    def one(body: bytes, url: str, portal: str) -> int:
        lxml.html.fromstring(body)
        return 0

    return {
        family: _rate(pages, one, min_seconds) for family, pages in sorted(_load(pages_dir).items())
    }
