"""Build and publish the DuckDB warehouse from the Parquet lake with dbt.

The warehouse is built aside (a copy of the published file for incremental
models, or a fresh file on ``full_refresh``) and swapped in with ``os.replace``,
so a reader holding the published file open keeps its consistent snapshot and
never sees a half-built warehouse. dbt runs in-process through ``dbtRunner``;
its target and log paths live under the data directory, so the repository
may be read-only.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from core.config import load_companies, load_portals
from core.contracts.lake import TABLES
from core.settings import Settings, is_remote, join_url

log = logging.getLogger("ruf.warehouse")

PROJECT_DIR = Path(__file__).resolve().parent
LAKE_TABLES = ("reviews", "mentions", "aggregates")
KEY_MARTS = (
    "fct_reviews",
    "fct_mentions",
    "company_reputation",
    "company_reputation_daily",
    "reputation_alerts",
)

Progress = Callable[[str, str], None]


class WarehouseBuildError(RuntimeError):
    """dbt failed; the published warehouse was left as it was."""


@dataclass
class BuildReport:
    path: Path
    full_refresh: bool
    seconds: float = 0.0
    results: list[tuple[str, str, str, float]] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    empty_tables: list[str] = field(default_factory=list)

    @property
    def models_run(self) -> int:
        return sum(1 for kind, *_ in self.results if kind == "model")

    @property
    def tests_run(self) -> int:
        return sum(1 for kind, *_ in self.results if kind in ("test", "unit_test"))

    def summary(self) -> str:
        rows = ", ".join(f"{k}={v}" for k, v in self.rows.items())
        mode = "full refresh" if self.full_refresh else "incremental"
        return (
            f"warehouse built ({mode}): {self.models_run} models, {self.tests_run} tests, "
            f"{rows}; {self.seconds:.1f}s -> {self.path}"
        )


# --- inputs ------------------------------------------------------------------


def _s3_filesystem(settings: Settings):
    import s3fs

    kwargs = {"endpoint_url": settings.s3_endpoint_url} if settings.s3_endpoint_url else {}
    return s3fs.S3FileSystem(**kwargs)


def _has_parquet(settings: Settings, table: str) -> bool:
    url = join_url(settings.lake_url, table)
    if is_remote(url):
        fs = _s3_filesystem(settings)
        return bool(fs.glob(url.split("://", 1)[1] + "/**/*.parquet"))
    root = Path(url.removeprefix("file://"))
    return root.is_dir() and next(root.rglob("*.parquet"), None) is not None


def _write_parquet(table: pa.Table, path: Path) -> None:
    tmp = path.with_suffix(".parquet.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def _companies_table(settings: Settings) -> pa.Table:
    companies = load_companies(settings.companies_file)
    return pa.Table.from_pylist(
        [
            {
                "company_id": c.company_id,
                "name": c.name,
                "domain": c.domain,
                "industry": c.industry,
                "aliases": list(c.aliases),
                "portals": [x.portal for x in c.listings],
                "portal_company_ids": [x.portal_company_id for x in c.listings],
            }
            for c in companies
        ],
        schema=pa.schema(
            [
                ("company_id", pa.string()),
                ("name", pa.string()),
                ("domain", pa.string()),
                ("industry", pa.string()),
                ("aliases", pa.list_(pa.string())),
                ("portals", pa.list_(pa.string())),
                ("portal_company_ids", pa.list_(pa.string())),
            ]
        ),
    )


def _portals_table(settings: Settings) -> pa.Table:
    portals = load_portals(settings.portals_file)
    return pa.Table.from_pylist(
        [
            {
                "portal": p.name,
                "family": p.family,
                "scale_worst": float(p.scale[0]),
                "scale_best": float(p.scale[1]),
                "languages": list(p.languages),
            }
            for p in portals.values()
        ],
        schema=pa.schema(
            [
                ("portal", pa.string()),
                ("family", pa.string()),
                ("scale_worst", pa.float64()),
                ("scale_best", pa.float64()),
                ("languages", pa.list_(pa.string())),
            ]
        ),
    )


def prepare_inputs(settings: Settings) -> tuple[dict[str, str], list[str]]:
    """The dbt vars naming every input, and the lake tables that have no files yet.

    Config files become Parquet next to the warehouse (the staging views read them);
    a lake table without files reads an empty Parquet file with the contract's schema.
    """
    inputs = settings.warehouse_path.parent / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    dbt_vars: dict[str, str] = {}
    empty = []
    for table in LAKE_TABLES:
        if _has_parquet(settings, table):
            dbt_vars[f"lake_{table}"] = join_url(settings.lake_url, table, "**", "*.parquet")
        else:
            path = inputs / f"empty_{table}.parquet"
            if not path.exists():
                _write_parquet(TABLES[table].empty_table(), path)
            dbt_vars[f"lake_{table}"] = str(path)
            empty.append(table)
    # Parsing a large companies.yaml takes seconds: reuse the Parquet written from the
    # same config files (path, size and modification time) by an earlier build.
    stamp_path = inputs / "config.stamp"
    stamp = _config_stamp(settings)
    fresh = stamp_path.exists() and stamp_path.read_text() == stamp
    for name, make in (("companies", _companies_table), ("portals", _portals_table)):
        path = inputs / f"{name}.parquet"
        if not (fresh and path.exists()):
            _write_parquet(make(settings), path)
        dbt_vars[f"config_{name}"] = str(path)
    if not fresh:
        stamp_path.write_text(stamp)
    return dbt_vars, empty


def _config_stamp(settings: Settings) -> str:
    lines = ["config inputs v1"]  # bump when _companies_table or _portals_table change
    for path in (settings.companies_file, settings.portals_file):
        st = Path(path).stat()
        lines.append(f"{Path(path).resolve()}\t{st.st_size}\t{st.st_mtime_ns}")
    return "\n".join(lines)


# --- dbt -----------------------------------------------------------------------


@contextlib.contextmanager
def _environ(values: dict[str, str]) -> Iterator[None]:
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _filesystems(settings: Settings) -> list[dict]:
    if not is_remote(settings.lake_url):
        return []
    spec: dict = {"fs": "s3"}
    if settings.s3_endpoint_url:
        spec["endpoint_url"] = settings.s3_endpoint_url
    return [spec]


def _close_dbt_connections() -> None:
    # dbt-duckdb caches its DuckDB instance per process; close it so the built file is
    # released before it is published (an open writer would lock out readers).
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    env = DuckDBConnectionManager._ENV
    if env is not None:
        with contextlib.suppress(Exception):
            env.close()
    DuckDBConnectionManager.close_all_connections()


def run_dbt(
    settings: Settings,
    db_path: Path,
    work_dir: Path,
    args: list[str],
    dbt_vars: dict[str, str],
    progress: Progress | None = None,
    *,
    target_dir: Path | None = None,
    changed_only: bool = False,
) -> list[tuple[str, str, str, float]]:
    """Run one dbt command against ``db_path``; return (kind, name, status, seconds).

    dbt writes its target (manifest, partial-parse state) to ``target_dir``, else
    under ``work_dir``. ``changed_only`` scopes the review-grain data tests to the
    reviews an incremental build changed (their ``where`` configs read
    RUF_DBT_TESTS_CHANGED_ONLY; an env var, unlike a --vars value, does not make dbt
    parse the whole project again).
    """
    from dbt.cli.main import dbtRunner

    def on_event(event) -> None:
        if event.info.name != "NodeFinished":
            return
        node = event.data.node_info
        log.info("dbt %s %s: %s", node.resource_type, node.node_name, node.node_status)
        if progress is not None:
            progress(node.node_name, node.node_status)

    spill = work_dir / "spill"
    spill.mkdir(parents=True, exist_ok=True)
    env = {
        "RUF_WAREHOUSE_BUILD_PATH": str(db_path),
        "RUF_DUCKDB_TEMP_DIR": str(spill),
        "RUF_DBT_FILESYSTEMS": json.dumps(_filesystems(settings)),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "RUF_DBT_TESTS_CHANGED_ONLY": "1" if changed_only else "0",
    }
    log_dir = settings.warehouse_path.parent / "logs"
    cli_args = [
        *args,
        "--project-dir",
        str(PROJECT_DIR),
        "--profiles-dir",
        str(PROJECT_DIR),
        "--target-path",
        str(target_dir or work_dir / "target"),
        "--log-path",
        str(log_dir),
        "--vars",
        json.dumps(dbt_vars),
        "--quiet",
    ]
    with _environ(env):
        try:
            res = dbtRunner(callbacks=[on_event]).invoke(cli_args)
        finally:
            _close_dbt_connections()
    results = []
    for r in getattr(res.result, "results", None) or []:
        results.append(
            (str(r.node.resource_type), r.node.name, str(r.status), float(r.execution_time or 0))
        )
    if not res.success:
        failed = [f"{name} ({status})" for _, name, status, _ in results if status in _FAILED]
        detail = ", ".join(failed) or repr(res.exception)
        raise WarehouseBuildError(f"dbt {args[0]} failed: {detail}; logs in {log_dir}")
    return results


_FAILED = {"error", "fail", "runtime error", "skipped"}


@contextlib.contextmanager
def _build_lock(settings: Settings) -> Iterator[None]:
    settings.warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    with open(settings.warehouse_path.parent / ".build.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@contextlib.contextmanager
def _work_dir(settings: Settings) -> Iterator[Path]:
    # Same filesystem as the published file, so os.replace is an atomic rename. A fixed
    # path (builds hold the lock): dbt's profile, which names the file being built and
    # its spill directory, stays the same, so dbt can reuse its partial-parse state.
    work = settings.warehouse_path.parent / ".build"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _publish(db_path: Path, target: Path) -> dict[str, int]:
    con = duckdb.connect(str(db_path))
    try:
        present = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
        rows = {
            t: con.execute(f"select count(*) from main.{t}").fetchone()[0]
            for t in KEY_MARTS
            if t in present
        }
        con.execute("checkpoint")
    finally:
        con.close()
    os.replace(db_path, target)
    return rows


def _incremental_ready(target: Path) -> bool:
    """Whether the published warehouse has this layout's incremental state.

    A warehouse from before intermediate.int_build_state lacks the per-review features
    and running sums incremental models extend; it is rebuilt in full instead.
    """
    if not target.exists():
        return False
    try:
        con = duckdb.connect(str(target), read_only=True)
    except duckdb.Error:
        return False
    try:
        found = con.execute(
            "select count(*) from duckdb_tables() "
            "where schema_name = 'intermediate' and table_name = 'int_build_state'"
        ).fetchone()[0]
    finally:
        con.close()
    return found > 0


def build(
    settings: Settings, *, full_refresh: bool = False, progress: Progress | None = None
) -> BuildReport:
    """Run ``dbt build`` (models, data tests, unit tests) and publish the warehouse."""
    started = time.monotonic()
    target = settings.warehouse_path
    report = BuildReport(path=target, full_refresh=full_refresh)
    with _build_lock(settings), _work_dir(settings) as work:
        dbt_vars, report.empty_tables = prepare_inputs(settings)
        db_path = work / target.name
        incremental = not full_refresh and _incremental_ready(target)
        if incremental:
            shutil.copyfile(target, db_path)
        if incremental:
            # Unit tests check formulas, not data: the full refresh runs them.
            args = ["build", "--exclude-resource-type", "unit_test"]
        else:
            args = ["build", "--full-refresh"]
        report.full_refresh = not incremental
        report.results = run_dbt(
            settings,
            db_path,
            work,
            args,
            dbt_vars,
            progress,
            target_dir=settings.warehouse_path.parent / ".dbt-target",
            changed_only=incremental,
        )
        report.rows = _publish(db_path, target)
    report.seconds = time.monotonic() - started
    for kind, name, status, seconds in sorted(report.results, key=lambda r: -r[3])[:5]:
        log.debug("slowest: %s %s %s %.2fs", kind, name, status, seconds)
    log.info(report.summary())
    return report


def generate_docs(settings: Settings, target_dir: Path) -> Path:
    """``dbt docs generate`` over a copy of the published warehouse, into ``target_dir``."""
    with _build_lock(settings), _work_dir(settings) as work:
        dbt_vars, _ = prepare_inputs(settings)
        db_path = work / "docs.duckdb"
        if settings.warehouse_path.exists():
            shutil.copyfile(settings.warehouse_path, db_path)
        run_dbt(settings, db_path, work, ["docs", "generate"], dbt_vars)
        target_dir.mkdir(parents=True, exist_ok=True)
        for name in ("catalog.json", "manifest.json", "index.html"):
            shutil.copyfile(work / "target" / name, target_dir / name)
    return target_dir / "catalog.json"


def erase_author(settings: Settings, pseudonym: str) -> dict[str, int]:
    """Delete one author's rows from the published warehouse; republish atomically.

    Returns rows removed per table. The lake is erased by transforms.erase; a later
    incremental build does not bring the rows back, as they are gone from the lake.
    """
    target = settings.warehouse_path
    if not target.exists():
        return {}
    with _build_lock(settings), _work_dir(settings) as work:
        db_path = work / target.name
        shutil.copyfile(target, db_path)
        con = duckdb.connect(str(db_path))
        removed: dict[str, int] = {}
        try:
            tables = con.execute(
                """
                select c.table_schema, c.table_name
                from information_schema.columns as c
                join information_schema.tables as t
                    using (table_catalog, table_schema, table_name)
                where c.column_name = 'author_pseudonym' and t.table_type = 'BASE TABLE'
                """
            ).fetchall()
            con.execute("begin")
            for schema, table in tables:
                n = con.execute(
                    f'delete from "{schema}"."{table}" where author_pseudonym = ?', [pseudonym]
                ).fetchone()[0]
                removed[f"{schema}.{table}"] = n
            con.execute("commit")
            con.execute("checkpoint")
        finally:
            con.close()
        os.replace(db_path, target)
    log.info("erased author %s from the warehouse: %s", pseudonym, removed)
    return removed
