"""Running dbt in-process (``dbtRunner``) against a warehouse file being built aside.

dbt's target and log paths live under the data directory, so the repository may be
read-only; the file dbt writes is named by RUF_WAREHOUSE_BUILD_PATH (profiles.yml),
never the published one.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from core import storage
from core.settings import Settings, is_remote
from warehouse.errors import WarehouseBuildError, disk_full, written_file
from warehouse.publish import STORAGE_VERSION

log = logging.getLogger("ruf.warehouse")

PROJECT_DIR = Path(__file__).resolve().parent

Progress = Callable[[str, str], None]
Result = tuple[str, str, str, float]  # (resource type, node name, status, seconds)

_FAILED = {"error", "fail", "runtime error", "skipped"}


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
    """fsspec filesystems dbt-duckdb registers with DuckDB: s3 for an s3:// lake."""
    if not is_remote(settings.lake_url):
        return []
    return [{"fs": "s3", **storage.s3_options(settings)}]


def _close_dbt_connections() -> None:
    # dbt-duckdb caches its DuckDB instance per process; close it so the built file is
    # released before it is published (an open writer would lock out readers).
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    env = DuckDBConnectionManager._ENV
    if env is not None:
        with contextlib.suppress(Exception):
            env.close()
    DuckDBConnectionManager.close_all_connections()


def log_dir(settings: Settings) -> Path:
    return settings.warehouse_path.parent / "logs"


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
) -> list[Result]:
    """Run one dbt command against ``db_path``; return (kind, name, status, seconds).

    dbt writes its target (manifest, partial-parse state) to ``target_dir``, else
    under ``work_dir``. ``changed_only`` scopes the review-grain data tests to the
    reviews an incremental build changed (macros/changed_only.sql reads
    RUF_DBT_TESTS_CHANGED_ONLY when the tests run; an env var, unlike a --vars value,
    does not make dbt parse the whole project again).
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
        "RUF_WAREHOUSE_STORAGE_VERSION": STORAGE_VERSION,
    }
    logs = log_dir(settings)
    cli_args = [
        *args,
        "--project-dir",
        str(PROJECT_DIR),
        "--profiles-dir",
        str(PROJECT_DIR),
        "--target-path",
        str(target_dir or work_dir / "target"),
        "--log-path",
        str(logs),
        "--vars",
        json.dumps(dbt_vars),
        "--quiet",
    ]
    with _environ(env):
        try:
            res = dbtRunner(callbacks=[on_event]).invoke(cli_args)
        finally:
            _close_dbt_connections()
    # Hooks (on-run-start) are not nodes of the project: left out of the results.
    done = [
        r
        for r in getattr(res.result, "results", None) or []
        if str(r.node.resource_type) != "operation"
    ]
    results = [
        (str(r.node.resource_type), r.node.name, str(r.status), float(r.execution_time or 0))
        for r in done
    ]
    if not res.success:
        messages = [str(r.message or "") for r in done if str(r.status) in _FAILED]
        for message in [*messages, str(res.exception or "")]:
            said = storage.no_space_reason(Exception(message))
            if said is not None:
                raise disk_full(written_file(message) or db_path, said, settings.warehouse_path)
        failed = [f"{name} ({status})" for _, name, status, _ in results if status in _FAILED]
        detail = ", ".join(failed) or repr(res.exception)
        raise WarehouseBuildError(f"dbt {args[0]} failed: {detail}; logs in {logs}")
    return results
