"""The ``ruf`` command: one subcommand per pipeline stage, and ``run``/``demo`` for all.

Every stage function lives in its stage's package; this module only parses
arguments, prints progress and turns known errors into one-line messages.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from core.settings import ConfigError, Settings, load_settings

DEFAULT_PORT = 8765


class CliError(ConfigError):
    """Wrong arguments or missing inputs: printed as one line, exit code 2."""


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _shard(text: str) -> tuple[int, int]:
    try:
        k, n = (int(x) for x in text.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"shard must look like K/N, e.g. 0/4: {text!r}") from None
    if not 0 <= k < n:
        raise argparse.ArgumentTypeError(f"shard K/N needs 0 <= K < N: {text!r}")
    return k, n


def _say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


@contextmanager
def _step(name: str) -> Iterator[None]:
    started = time.monotonic()
    _say(f"[ruf] {name} ...")
    yield
    _say(f"[ruf] {name} done in {time.monotonic() - started:.1f}s")


def _model_done(node: str, status: str) -> None:
    # Models only: the tests are counted in the build summary, and named when they fail.
    if status not in ("pass", "skipped"):
        _say(f"[ruf]   dbt {node}: {status}")


# --- stages ------------------------------------------------------------------


def cmd_portals_serve(args: argparse.Namespace, settings: Settings) -> int:
    from offline_portals.server import Faults, PortalServer

    world = _world(args)
    faults = Faults(rate_429=0, rate_503=0) if args.no_faults else Faults()
    server = PortalServer(world, port=args.port, faults=faults)
    print(f"offline portals: {server.url}  ({world.n_companies} companies, anchor {world.anchor})")
    print(f"  robots.txt: {server.url}/robots.txt   stop with Ctrl-C")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.httpd.server_close()
    return 0


def cmd_portals_companies(args: argparse.Namespace, settings: Settings) -> int:
    import yaml

    from offline_portals.world import companies_config

    text = yaml.safe_dump(companies_config(_world(args)), sort_keys=False, allow_unicode=True)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    else:
        print(text, end="")
    return 0


def _world(args: argparse.Namespace):  # -> World
    from offline_portals.world import World

    return World(
        seed=args.seed,
        companies=args.companies,
        reviews_per_company=args.reviews_per_company,
        anchor=args.anchor,
    )


def cmd_crawl(args: argparse.Namespace, settings: Settings) -> int:
    from spiders.run import crawl

    with _step("crawl"):
        report = crawl(
            settings,
            run_date=args.run_date,
            portals=args.portal,
            companies=args.company,
            shard=args.shard,
            replay=args.replay,
            fast=args.fast,
        )
    print(report.summary())
    return 0 if report.ok else 1


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    for path in (args.mapping, args.file):
        if path is not None and not Path(path).exists():
            raise CliError(f"file not found: {path}")
    from spiders.imports import import_file, mapping_for, to_yaml

    mapping = mapping_for(
        settings,
        portal=args.portal,
        file_path=args.file,
        mapping=args.mapping,
        company=args.company,
    )
    if args.show_mapping:
        print(to_yaml(mapping), end="")
    if args.save_mapping:
        Path(args.save_mapping).write_text(to_yaml(mapping), encoding="utf-8")
        _say(f"[ruf] mapping saved to {args.save_mapping}")
    report = import_file(
        settings,
        portal=args.portal,
        file_path=Path(args.file),
        run_date=args.run_date,
        mapping=mapping,
        company=args.company,
        dry_run=args.dry_run,
    )
    print(report.summary())
    return 0


def cmd_transform(args: argparse.Namespace, settings: Settings) -> int:
    from transforms.run import transform

    with _step("transform"):
        report = transform(settings, run_date=args.run_date, portals=args.portal)
    print(report.summary())
    return 0


def cmd_build(args: argparse.Namespace, settings: Settings) -> int:
    from warehouse.build import build

    with _step("build"):
        report = build(settings, full_refresh=args.full_refresh, progress=_model_done)
    print(report.summary())
    return 0


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    from report import write_report

    with _step("report"):
        path = write_report(settings)
    print(f"report: {path}")
    return 0


def cmd_query(args: argparse.Namespace, settings: Settings) -> int:
    from ruf.query import run_query

    print(run_query(settings, args.sql, args.format))
    return 0


def cmd_erase(args: argparse.Namespace, settings: Settings) -> int:
    from transforms.erase import ERASABLE
    from transforms.erase import erase_author as erase_lake
    from warehouse.build import build
    from warehouse.build import erase_author as erase_warehouse

    lake = erase_lake(settings, args.author_pseudonym)
    wh: dict[str, int] = {}
    if settings.warehouse_path.exists():
        wh = erase_warehouse(settings, args.author_pseudonym)
        # Scores, alerts and reply links derived from their reviews go too.
        with _step("rebuild the warehouse without them"):
            build(settings, full_refresh=True, progress=_model_done)
    removed = {
        **{(f"lake.{k}" if k in ERASABLE else k.replace("_", ".", 1)): v for k, v in lake.items()},
        **{f"warehouse.{k}": v for k, v in wh.items()},
    }
    total = sum(removed.values())
    detail = ", ".join(f"{k}={v}" for k, v in removed.items() if v) or "nothing"
    print(f"erased author {args.author_pseudonym}: {total} rows removed ({detail})")
    return 0


def run_pipeline(settings: Settings, run_date: date, *, fast: bool = False) -> int:
    """Crawl, transform, build and report: what `ruf run` and the demo do."""
    from report import write_report
    from spiders.run import crawl
    from transforms.run import transform
    from warehouse.build import build

    with _step("crawl"):
        crawl_report = crawl(settings, run_date=run_date, fast=fast)
    _say(f"[ruf]   {crawl_report.summary()}")
    with _step("transform"):
        transform_report = transform(settings, run_date=run_date)
    _say(f"[ruf]   {transform_report.summary()}")
    with _step("build"):
        build_report = build(settings, progress=_model_done)
    _say(f"[ruf]   {build_report.summary()}")
    with _step("report"):
        report_path = write_report(settings)
    print(league_table(settings))
    print(f"\nHTML report: {report_path}")
    print(f"warehouse:   {settings.warehouse_path}")
    if not crawl_report.ok:
        _say("[ruf] some portals failed to crawl (see above); the rest were processed")
        return 1
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    settings.require_pseudonym_key()
    return run_pipeline(settings, args.run_date, fast=args.fast)


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    """Offline portals on 127.0.0.1, the whole pipeline over them, then the servers stop."""
    from offline_portals.server import running
    from offline_portals.world import World, companies_config

    _prepare_demo_dir(settings)
    world = World(companies=args.companies, anchor=datetime.now(UTC).date())
    companies_file = settings.data_dir / "demo-companies.yaml"
    import yaml

    companies_file.write_text(
        yaml.safe_dump(companies_config(world), allow_unicode=True), encoding="utf-8"
    )
    with running(world, port=args.port) as server:
        _say(f"[ruf] offline portals serving {world.n_companies} companies on {server.url}")
        os.environ["RUF_PORTALS_URL"] = server.url
        os.environ["RUF_COMPANIES"] = str(companies_file)
        demo_settings = load_settings({**os.environ, "RUF_DEMO": "1"})
        code = run_pipeline(demo_settings, world.anchor, fast=True)
    _say("[ruf] offline portals stopped")
    return code


def _prepare_demo_dir(settings: Settings) -> None:
    """The demo starts from a clean data root, but never wipes data it did not write."""
    marker = settings.data_dir / ".ruf-demo"
    # Reports are derived and rewritten by the demo; screenshots beside them stay.
    owned = ("raw", "lake", "state", "warehouse")
    if any((settings.data_dir / d).exists() for d in owned) and not marker.exists():
        raise CliError(
            f"{settings.data_dir} holds pipeline data that the demo did not write; "
            "set RUF_DATA_DIR to another folder for the demo"
        )
    for d in owned:
        shutil.rmtree(settings.data_dir / d, ignore_errors=True)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    marker.write_text("written by `ruf demo`; the demo may wipe this folder\n")


def league_table(settings: Settings, n: int = 5) -> str:
    """The best and worst companies across all portals, read from the warehouse."""
    import duckdb

    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        rows = con.execute(
            """
            select rank, company_name, score_100, score_low, score_high, review_count, label
            from bi.reputation where portal = 'all' order by rank
            """
        ).fetchall()
    finally:
        con.close()
    if not rows:
        return "no companies with reviews in the warehouse yet"
    head = f"{'rank':>4}  {'company':<32} {'score':>5}  {'95% interval':<13} {'reviews':>7}  label"
    lines = [head, "-" * len(head)]

    def fmt(r: tuple[Any, ...]) -> str:
        rank, name, score, lo, hi, count, label = r
        return (
            f"{rank:>4}  {name[:32]:<32} {score:>5.1f}  {lo:>5.1f}-{hi:<5.1f}   {count:>7}  {label}"
        )

    best = rows[:n]
    worst = [r for r in rows[-n:] if r not in best]
    lines += ["best:", *map(fmt, best)]
    if worst:
        lines += ["worst:", *map(fmt, worst)]
    return "\n".join(lines)


# --- argument parsing --------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage dump
        raise CliError(f"{self.prog}: {message} (see --help)")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="ruf", description="Review-platform reputation pipeline.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def add(name: str, fn: Callable[..., int], help: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help, description=help)
        sp.set_defaults(fn=fn)
        return sp

    portals = sub.add_parser("portals", help="the offline review portals")
    psub = portals.add_subparsers(dest="portals_command", required=True, parser_class=_Parser)
    for name, fn, help in (
        ("serve", cmd_portals_serve, "serve the offline review portals on 127.0.0.1"),
        ("companies", cmd_portals_companies, "print the tracked-companies config of a world"),
    ):
        sp = psub.add_parser(name, help=help, description=help)
        sp.set_defaults(fn=fn)
        sp.add_argument("--companies", type=int, default=50, help="number of companies")
        sp.add_argument("--reviews-per-company", type=int, default=120)
        sp.add_argument("--seed", type=int, default=7)
        sp.add_argument(
            "--anchor",
            type=_date,
            default=None,
            help="the day the stories are told relative to (default: today)",
        )
        if name == "serve":
            sp.add_argument("--port", type=int, default=DEFAULT_PORT)
            sp.add_argument(
                "--no-faults",
                action="store_true",
                help="never answer 429/503 (they are on by default)",
            )
        else:
            sp.add_argument("-o", "--output", help="write to this file instead of stdout")

    today = datetime.now(UTC).date()
    sp = add("crawl", cmd_crawl, "crawl the tracked companies' portals into data/raw")
    sp.add_argument("--portal", action="append", help="only this portal (repeatable)")
    sp.add_argument("--company", action="append", help="only this company id (repeatable)")
    sp.add_argument("--run-date", type=_date, default=today)
    sp.add_argument("--shard", type=_shard, default=None, help="K/N: one shard of the companies")
    sp.add_argument("--replay", metavar="RUN_DATE", help="re-parse an archived run, no network")
    sp.add_argument("--fast", action="store_true", help="no politeness delays (127.0.0.1 only)")

    sp = add("import", cmd_import, "import a CSV/JSON/JSONL/YAML review export into data/raw")
    sp.add_argument("--portal", required=True, help="a portal of config/portals.yaml")
    sp.add_argument("--company", help="assign every row to this tracked company (company_id)")
    sp.add_argument("--mapping", help="YAML mapping (docs/importing.md); default: inferred")
    sp.add_argument("--show-mapping", action="store_true", help="print the mapping as YAML")
    sp.add_argument("--save-mapping", metavar="M.yaml", help="write the mapping to this file")
    sp.add_argument("--dry-run", action="store_true", help="first items and fill rates only")
    sp.add_argument("--run-date", type=_date, default=today)
    sp.add_argument("file")

    sp = add("transform", cmd_transform, "clean, validate and write raw items to the lake")
    sp.add_argument("--run-date", type=_date, default=None, help="default: every raw run")
    sp.add_argument("--portal", action="append")

    sp = add("build", cmd_build, "build and publish the DuckDB warehouse (dbt)")
    sp.add_argument("--full-refresh", action="store_true")

    add("report", cmd_report, "write the HTML reputation report to data/reports")

    sp = add("query", cmd_query, "run read-only SQL against the published warehouse")
    sp.add_argument("sql")
    sp.add_argument("--format", choices=("table", "csv", "json"), default="table")

    sp = add(
        "erase",
        cmd_erase,
        "erase one author's items from raw, lake and warehouse, and keep them out of "
        "every later transform",
    )
    sp.add_argument(
        "--author-pseudonym",
        required=True,
        help="the 16-hex pseudonym (reviews.author_pseudonym in the lake, bi.reviews)",
    )

    sp = add("run", cmd_run, "crawl, transform, build and report in one go")
    sp.add_argument("--run-date", type=_date, default=today)
    sp.add_argument("--fast", action="store_true")

    sp = add("demo", cmd_demo, "the whole pipeline on the offline portals, start to report")
    sp.add_argument("--companies", type=int, default=50)
    sp.add_argument("--port", type=int, default=0, help="portal server port (0: any free one)")
    return p


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return args.fn(args, load_settings())
    except ConfigError as exc:
        print(f"ruf: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("ruf: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
