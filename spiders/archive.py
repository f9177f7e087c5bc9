"""Where a crawl writes: staged JSON Lines files and the content-addressed body archive.

Layout (``docs/contracts/raw-items.md``)::

    <raw>/<portal>/<run date>/items-<shard>.jsonl       items
    <raw>/<portal>/<run date>/responses-<shard>.jsonl   archive index
    <raw>/_bodies/<sha[:2]>/<sha>.gz                     response bodies

``<raw>`` is a local path or ``s3://bucket/prefix``. JSON Lines files are
written aside and only published (renamed, or uploaded whole) when the crawl
of that portal and shard succeeded, so a visible file is always complete and a
crawl killed half-way leaves the previous file in place.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
import uuid
from collections import OrderedDict
from collections.abc import Iterator
from datetime import date
from typing import Any

from core.contracts.raw_items import BODIES_DIR, body_path, run_dir
from core.settings import Settings
from core.storage import filesystem_for, is_local, join, read_bytes, write_bytes_atomic


def sha256_of(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


class StagedJsonLines:
    """A JSON Lines file that becomes visible at ``dest`` only on ``publish()``."""

    def __init__(self, fs: Any, dest: str) -> None:
        self.fs = fs
        self.dest = dest
        self.count = 0
        if is_local(fs):
            # Same directory as the destination, so publishing is one os.replace.
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            name = f".{os.path.basename(dest)}.{uuid.uuid4().hex}.tmp"
            self._tmp = os.path.join(os.path.dirname(dest), name)
        else:
            fd, self._tmp = tempfile.mkstemp(prefix="ruf-", suffix=".jsonl")
            os.close(fd)
        self._file = open(self._tmp, "w", encoding="utf-8")  # noqa: SIM115 (closed in publish/discard)

    def write(self, record: dict[str, Any]) -> None:
        self._file.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        self.count += 1

    def publish(self) -> str:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        try:
            if is_local(self.fs):
                os.replace(self._tmp, self.dest)
                return self.dest
            # An S3 object becomes visible only once the whole upload is complete.
            self.fs.put(self._tmp, self.dest)
            return self.fs.unstrip_protocol(self.dest)
        finally:
            if os.path.exists(self._tmp):
                os.remove(self._tmp)

    def discard(self) -> None:
        if not self._file.closed:
            self._file.close()
        if os.path.exists(self._tmp):
            os.remove(self._tmp)


STORED_MEMORY = 4096


class RawStore:
    """The raw root of one crawl or replay: bodies, indexes and item files."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.fs, self.root = filesystem_for(settings.raw_url, settings)
        # Bodies stored by this process, newest last: a cheap skip for repeated bodies
        # (bounded: a long crawl's memory must not grow with its pages).
        self._stored: OrderedDict[str, None] = OrderedDict()

    def staged(self, portal: str, run_date: date | str, name: str) -> StagedJsonLines:
        return StagedJsonLines(self.fs, join(run_dir(self.root, portal, run_date), name))

    def store_body(self, body: bytes, sha256: str | None = None) -> str:
        """Archive ``body`` under its SHA-256 (once; identical bodies share a file)."""
        sha = sha256 or sha256_of(body)
        if sha in self._stored:
            return sha
        path = body_path(self.root, sha)
        if not self.fs.exists(path):
            write_bytes_atomic(self.fs, path, gzip.compress(body, mtime=0))
        self._stored[sha] = None
        if len(self._stored) > STORED_MEMORY:
            self._stored.popitem(last=False)
        return sha

    def load_body(self, sha256: str) -> bytes:
        body = gzip.decompress(read_bytes(self.fs, body_path(self.root, sha256)))
        if sha256_of(body) != sha256:
            raise ValueError(f"archived body {sha256} does not match its hash")
        return body

    def index_files(self, portal: str, run_date: date | str) -> list[str]:
        pattern = join(run_dir(self.root, portal, run_date), "responses-*.jsonl")
        return sorted(self.fs.glob(pattern))

    def portals_with_run(self, run_date: date | str) -> list[str]:
        if not self.fs.exists(self.root):
            return []
        out = []
        for entry in self.fs.ls(self.root, detail=False):
            portal = os.path.basename(entry.rstrip("/"))
            if portal != BODIES_DIR and self.index_files(portal, run_date):
                out.append(portal)
        return sorted(out)

    def read_jsonl(self, path: str) -> Iterator[dict[str, Any]]:
        for line in read_bytes(self.fs, path).decode("utf-8").splitlines():
            if line.strip():
                yield json.loads(line)
