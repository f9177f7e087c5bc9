"""Incremental crawl state: what each (portal, company) listing was last seen with.

Listings are newest first, so a crawl can stop paginating at the first review
it already knows. The state keeps the keys of the newest reviews per run date,
and a crawl of run date D only trusts runs before D: re-crawling D (an Airflow
retry, a backfill) fetches the same pages again and rewrites the same complete
file instead of a shorter one.

One small JSON file per listing under ``settings.state_dir``, written atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from core.contracts.raw_items import RawItem

KEEP_KEYS = 200  # newest review keys remembered per listing
KEEP_RUNS = 10  # run dates remembered per listing


def review_key(item: RawItem) -> str | None:
    """A stable key for a review or mention: the portal's id, else a fingerprint."""
    if item.kind == "aggregate":
        return None
    if item.review_id:
        return str(item.review_id)
    basis = "|".join(
        str(x) for x in (item.published_raw, item.author_name, item.title, (item.text or "")[:200])
    )
    return "fp:" + hashlib.blake2b(basis.encode(), digest_size=10).hexdigest()


class CrawlState:
    def __init__(self, state_dir: Path) -> None:
        self.state_dir = Path(state_dir)

    def path(self, portal: str, portal_company_id: str) -> Path:
        return self.state_dir / quote(portal, safe="") / f"{quote(portal_company_id, safe='')}.json"

    def read(self, portal: str, portal_company_id: str) -> dict[str, Any]:
        path = self.path(portal, portal_company_id)
        if not path.exists():
            return {"portal": portal, "portal_company_id": portal_company_id, "runs": {}}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            # A damaged state file only costs a full crawl, never data.
            return {"portal": portal, "portal_company_id": portal_company_id, "runs": {}}
        data.setdefault("runs", {})
        return data

    def known(self, portal: str, portal_company_id: str, before: date | str) -> list[str]:
        """Review keys known from the latest run strictly before ``before``."""
        runs = self.read(portal, portal_company_id)["runs"]
        earlier = sorted(d for d in runs if d < str(before))
        return list(runs[earlier[-1]]["known"]) if earlier else []

    def record(
        self,
        portal: str,
        portal_company_id: str,
        run_date: date | str,
        seen: list[str],
        pages: int,
    ) -> None:
        """Remember the keys seen by this run (newest first) on top of what was known."""
        data = self.read(portal, portal_company_id)
        merged = list(dict.fromkeys([*seen, *self.known(portal, portal_company_id, run_date)]))
        data["runs"][str(run_date)] = {
            "known": merged[:KEEP_KEYS],
            "newest_review_key": seen[0] if seen else None,
            "pages": pages,
            "crawled_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        data["runs"] = dict(sorted(data["runs"].items())[-KEEP_RUNS:])
        _write_atomic(self.path(portal, portal_company_id), json.dumps(data, indent=1))


class PendingState:
    """What a crawl learnt about each listing it finished, kept on disk (not in memory)
    until the crawl's raw files are published; then recorded, else thrown away. A
    long crawl's memory does not grow with the listings it has finished."""

    def __init__(self, state: CrawlState, portal: str, run_date: date | str) -> None:
        self.state, self.portal, self.run_date = state, portal, str(run_date)
        pending = state.state_dir / ".pending"
        pending.mkdir(parents=True, exist_ok=True)
        self.path = pending / f"{quote(portal, safe='')}-{self.run_date}-{uuid.uuid4().hex}.jsonl"
        self._file = self.path.open("a", encoding="utf-8")

    def add(self, portal_company_id: str, seen: list[str], pages: int) -> None:
        record = {"pcid": portal_company_id, "seen": seen[:KEEP_KEYS], "pages": pages}
        self._file.write(json.dumps(record) + "\n")

    def apply(self) -> None:
        """Record every finished listing in the state (after a successful publish)."""
        self._file.close()
        with self.path.open(encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                self.state.record(self.portal, r["pcid"], self.run_date, r["seen"], r["pages"])
        self.path.unlink()

    def discard(self) -> None:
        self._file.close()
        self.path.unlink(missing_ok=True)


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
