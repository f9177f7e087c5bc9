"""Shared helpers of the reliability suite: the seed corpus, settings, hostile raw input,
reading back the lake and the warehouse, and the privacy scanner."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import yaml

from core.settings import Settings, load_settings
from offline_portals.export import write_raw
from offline_portals.world import World, companies_config

CORPUS = Path(__file__).parent / "corpus"
ANCHOR = date(2026, 11, 23)
FETCHED_AT = "2026-11-23T09:00:00Z"
# Recognisable, so a test can find it anywhere it leaked to.
SECRET_KEY = "ruf-reliability-SECRET-0xC0FFEE-must-not-leak"
DAY2 = ANCHOR
DAY1 = ANCHOR - timedelta(days=7)


def corpus(name: str) -> Any:
    """One file of the seed corpus (``corpus/<name>.json``)."""
    return json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))


def small_world(companies: int = 8, reviews_per_company: int = 40) -> World:
    return World(
        seed=7, companies=companies, reviews_per_company=reviews_per_company, anchor=ANCHOR
    )


def pipeline_env(data_dir: Path, world: World, **extra: str) -> dict[str, str]:
    """Environment for running the pipeline on ``data_dir`` over ``world``'s companies."""
    data_dir.mkdir(parents=True, exist_ok=True)
    companies = data_dir / "companies.yaml"
    companies.write_text(
        yaml.safe_dump(companies_config(world), allow_unicode=True), encoding="utf-8"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("RUF_")}
    env.update(
        RUF_DATA_DIR=str(data_dir),
        RUF_COMPANIES=str(companies),
        RUF_PSEUDONYM_KEY=SECRET_KEY,
        **extra,
    )
    return env


def settings_for(env: dict[str, str]) -> Settings:
    return load_settings(env)


# --- hostile raw items ---------------------------------------------------------------


def _review(world: World, portal: str, review_id: str, **values: Any) -> dict:
    company = next(c for c in world.companies() if portal in c.portal_ids)
    item = {
        "kind": "review",
        "portal": portal,
        "portal_company_id": company.portal_ids[portal],
        "company_name": company.portal_names[portal],
        "review_id": review_id,
        "rating_value": "4",
        "rating_worst": 1,
        "rating_best": 5,
        "title": "Titel",
        "text": f"Ganz normaler Text zur Bewertung {review_id}.",
        "language": "de",
        "author_name": f"Hostile Author {review_id}",
        "author_id": f"hostile-author-{review_id}",
        "published_raw": "2024-03-01T10:00:00Z",
        "fetched_at": FETCHED_AT,
        "spider": "reliability",
        "spider_version": "1",
        "sub_ratings": {},
        "extra": {},
        "flags": [],
    }
    item.update(values)
    return item


def hostile_items(world: World, portal: str = "opinio") -> list[tuple[bytes, str | None, str]]:
    """Raw lines with the outcome each must have: (line, expected reason or None for
    clean, what the row is). Every one must end up clean or quarantined, none lost."""
    out: list[tuple[bytes, str | None, str]] = []

    def add(item: dict, expect: str | None, what: str) -> None:
        out.append((json.dumps(item, ensure_ascii=False).encode("utf-8"), expect, what))

    for i, case in enumerate(corpus("ratings")["cases"]):
        expect = case["expect"] if isinstance(case["expect"], str) else None
        add(
            _review(
                world,
                portal,
                f"rating-{i}",
                rating_value=case["value"],
                rating_worst=case["worst"],
                rating_best=case["best"],
            ),
            expect,
            f"rating {case['value']!r} on {case['worst']}-{case['best']}",
        )
    for i, case in enumerate(corpus("dates")["cases"]):
        expect = case["expect"] if not case["expect"][:1].isdigit() else None
        add(_review(world, portal, f"date-{i}", published_raw=case["raw"]), expect, f"date {case}")
    for i, case in enumerate(corpus("texts")["cases"]):
        add(_review(world, portal, f"text-{i}", text=case["text"]), None, f"text {case['text']!r}")
    for i, name in enumerate(corpus("company_names")["cases"]):
        add(
            _review(
                world, portal, f"company-{i}", portal_company_id=f"no-such-{i}", company_name=name
            ),
            "unmatched_company",
            f"company {name!r}",
        )
    add(_review(world, portal, "kind-0", kind="bogus"), "missing_key_field", "kind bogus")
    add(
        _review(world, portal, "pcid-0", portal_company_id=None),
        "missing_key_field",
        "no company id",
    )
    evil = _review(world, portal, "portal-0")
    evil["portal"] = "evilportal"
    add(evil, "unknown_portal", "unknown portal")
    good = json.dumps(_review(world, portal, "bytes-0", text="Gut XX teuer."), ensure_ascii=False)
    out.append((good.encode().replace(b"XX", b"\xff\xc3\x28"), None, "invalid UTF-8 in text"))
    out.append((b"this is not json", "invalid_json", "not JSON"))
    out.append((b"[1, 2, 3]", "invalid_json", "a JSON array"))
    cut = json.dumps(_review(world, portal, "cut-0"), ensure_ascii=False)
    out.append((cut[: len(cut) // 2].encode(), "invalid_json", "a line cut in half"))
    out.append((b'{"kind": "review", "portal": "' + b"[" * 5000 + b'"', "invalid_json", "junk"))
    return out


def write_lines(path: Path, lines: list[bytes]) -> None:
    """Write raw lines aside and rename them in, as the spiders do."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(b"\n".join(lines) + b"\n")
    os.replace(tmp, path)


def raw_line_count(raw_dir: Path, run_date: str = "*") -> dict[str, int]:
    """Non-blank raw lines per portal directory (what a transform must account for)."""
    counts: dict[str, int] = {}
    for f in raw_dir.glob(f"*/{run_date}/items-*.jsonl"):
        n = sum(1 for line in f.read_bytes().split(b"\n") if line.strip())
        counts[f.parent.parent.name] = counts.get(f.parent.parent.name, 0) + n
    return counts


# --- reading back ----------------------------------------------------------------------


def lake_table(lake: Path, table: str, run_date: str | None = None) -> list[dict]:
    """Every row of one lake table (``run_date``: only that partition)."""
    folder = lake / table / (f"run_date={run_date}" if run_date else "")
    files = sorted(folder.rglob("*.parquet"))
    rows: list[dict] = []
    for f in files:
        if any(part.startswith(("_", ".")) for part in f.relative_to(lake).parts):
            continue  # staging and aside files are not the lake
        # Hive partition values live in the path, not in the file.
        keys = dict(p.split("=", 1) for p in f.relative_to(lake / table).parts[:-1] if "=" in p)
        rows += [{**keys, **r} for r in pq.read_table(f).to_pylist()]
    return rows


def first_difference(a: bytes, b: bytes) -> str:
    """The first differing row of two CSV exports, cell by cell, for a readable failure."""
    import csv
    import io

    rows_a = list(csv.reader(io.StringIO(a.decode(errors="replace"))))
    rows_b = list(csv.reader(io.StringIO(b.decode(errors="replace"))))
    header = rows_a[0] if rows_a else []
    for x, y in zip(rows_a, rows_b, strict=False):
        if x != y:
            cells = [
                f"{header[i] if i < len(header) else i}: {u[:80]!r} != {v[:80]!r}"
                for i, (u, v) in enumerate(zip(x, y, strict=False))
                if u != v
            ]
            return f"row {x[:2]}: " + "; ".join(cells)
    return f"{len(rows_a)} vs {len(rows_b)} rows"


def ordered_csv(warehouse: Path, relations: list[str], out_dir: Path) -> dict[str, bytes]:
    """Each relation exported in a total order as CSV bytes (for byte-identity checks)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        out = {}
        for rel in relations:
            target = out_dir / f"{rel}.csv"
            con.execute(f"copy (select * from {rel} order by all) to '{target}' (header)")
            out[rel] = target.read_bytes()
        return out
    finally:
        con.close()


# --- the privacy scanner ------------------------------------------------------------------


def decoded_texts(root: Path, *, skip: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """(where, text) for every file under ``root``: Parquet tables and DuckDB tables are
    read and rendered as text (their pages may be compressed), other files as bytes."""
    for path in sorted(root.rglob("*")):
        if not path.is_file() or any(part in skip for part in path.relative_to(root).parts):
            continue
        where = str(path.relative_to(root))
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":  # gzip (archived bodies, rotated logs)
            with contextlib.suppress(OSError, EOFError):
                data = gzip.decompress(data)
        if data[:4] == b"PAR1":
            table = pq.read_table(path)
            yield where, json.dumps(table.to_pylist(), default=str, ensure_ascii=False)
        elif path.suffix == ".duckdb" or data[8:12] == b"DUCK":
            yield from _duckdb_texts(path, where)
        else:
            yield where, data.decode("utf-8", errors="replace")


def _duckdb_texts(path: Path, where: str) -> Iterator[tuple[str, str]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        relations = con.execute(
            "select schema_name, table_name from duckdb_tables() "
            "union all select schema_name, view_name from duckdb_views() where not internal"
        ).fetchall()
        for schema, name in relations:
            rows = con.execute(f'select * from "{schema}"."{name}"').fetchall()
            yield f"{where}:{schema}.{name}", json.dumps(rows, default=str, ensure_ascii=False)
    finally:
        con.close()


# Words the report writes as dates ("Week of 5 Jan 2026"): an author called "Jan" is not
# leaked by a month's name, so these are not searched for as names.
CALENDAR_WORDS = frozenset(
    f(month)
    for month in (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )
    for f in (str, lambda m: m[:3])
)


def find_leaks(texts: Iterator[tuple[str, str]], needles: set[str]) -> list[tuple[str, str]]:
    """Every (where, needle) for needles that occur as whole words in any text."""
    if not needles:
        return []
    pattern = re.compile(r"(?<!\w)(?:" + _trie_regex(needles) + r")(?!\w)")
    leaks = []
    for where, text in texts:
        for m in {m.group(0) for m in pattern.finditer(text)}:
            leaks.append((where, m))
    return leaks


def _trie_regex(words: set[str]) -> str:
    """One regex for many literal words, as a trie: linear in the text, not in the words."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return render(trie)


EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(r"\+49 171 \d{7}")


def personal_data_in_raw(raw_dir: Path) -> set[str]:
    """Every author name and id, e-mail address and phone number the raw items hold."""
    needles: set[str] = set()
    for f in raw_dir.glob("*/*/items-*.jsonl"):
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                item = json.loads(line)
            except ValueError:
                continue
            if not isinstance(item, dict):
                continue
            for key in ("author_name", "author_id"):
                if isinstance(item.get(key), str) and item[key].strip():
                    needles.add(item[key].strip())
            for key in ("text", "title", "pros", "cons", "reply_text"):
                value = item.get(key)
                if isinstance(value, str):
                    needles.update(EMAIL.findall(value))
                    needles.update(PHONE.findall(value))
    return needles


# --- stages in child processes (so they can be killed or starved) ---------------------------

TRANSFORM_CHILD = """
    import os, signal, sys
    from datetime import date
    from core.settings import load_settings
    from transforms import lake
    from transforms.run import transform
    if sys.argv[-1] == "kill":
        lake.before_moves = lambda: os.kill(os.getpid(), signal.SIGKILL)
    transform(load_settings(), run_date=date.fromisoformat(os.environ["RUN_DATE"]))
"""


def run_child(env: dict[str, str], code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def two_raw_runs(data: Path) -> World:
    """Raw items of two run dates (DAY1 sees the world 60 days earlier); returns the world."""
    world = small_world(companies=6, reviews_per_company=20)
    earlier = World(
        seed=world.seed,
        companies=world.n_companies,
        reviews_per_company=world.reviews_per_company,
        anchor=ANCHOR,
        as_of=world.as_of - timedelta(days=60),
    )
    write_raw(earlier, data / "raw", DAY1)
    write_raw(world, data / "raw", DAY2)
    return world


def file_hashes(root: Path, pattern: str) -> dict[str, str]:
    """sha256 of every visible file (no ``_staging``, no dot files) matching ``pattern``."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.glob(pattern))
        if p.is_file()
        and not any(part.startswith(("_", ".")) for part in p.relative_to(root).parts)
    }


def lake_content(lake: Path) -> dict[str, list]:
    """The lake's rows, without the columns that record when a transform ran."""
    out = {}
    for table in ("reviews", "mentions", "aggregates", "quarantine", "runs"):
        rows = lake_table(lake, table)
        for r in rows:
            for volatile in ("quarantined_at", "finished_at"):
                r.pop(volatile, None)
        out[table] = sorted(json.dumps(r, default=str, sort_keys=True) for r in rows)
    return out
