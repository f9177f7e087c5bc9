"""The ``ruf`` command line: every subcommand, option and help text, nothing else.

Each subcommand names its handler (``args.command``, e.g. ``"crawl"`` or
``"portals serve"``); ``ruf.cli`` maps the names to the functions that run them.
"""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime

from core.settings import ConfigError

DEFAULT_PORT = 8765
RUN_DATE_HELP = "the raw partition to write (YYYY-MM-DD, default: today, UTC)"


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


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage dump
        raise CliError(f"{self.prog}: {message} (see --help)")


def _portals(sub: argparse._SubParsersAction) -> None:
    portals = sub.add_parser("portals", help="the offline review portals")
    psub = portals.add_subparsers(dest="portals_command", required=True, parser_class=_Parser)
    for name, help in (
        ("serve", "serve the offline review portals on 127.0.0.1"),
        ("companies", "print the tracked-companies config of a world"),
    ):
        sp = psub.add_parser(name, help=help, description=help)
        sp.set_defaults(command=f"portals {name}")
        sp.add_argument("--companies", type=int, default=50, help="number of companies")
        sp.add_argument(
            "--reviews-per-company", type=int, default=120, help="reviews per company (about)"
        )
        sp.add_argument("--seed", type=int, default=7, help="random seed of the world")
        sp.add_argument(
            "--anchor",
            type=_date,
            default=None,
            help="the day the stories are told relative to (default: today)",
        )
        if name == "serve":
            sp.add_argument(
                "--port", type=int, default=DEFAULT_PORT, help="port on 127.0.0.1 (0: any free one)"
            )
            sp.add_argument(
                "--no-faults",
                action="store_true",
                help="never answer 429/503 (they are on by default)",
            )
        else:
            sp.add_argument("-o", "--output", help="write to this file instead of stdout")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"ruf {version('ruf')}"
    except PackageNotFoundError:  # run from a checkout that was never pip-installed
        return "ruf (not installed)"


def _config(sub: argparse._SubParsersAction) -> None:
    config = sub.add_parser("config", help="the tracked-company and portal config")
    csub = config.add_subparsers(dest="config_command", required=True, parser_class=_Parser)
    help = "check config/portals.yaml and config/companies.yaml, every problem on one line"
    sp = csub.add_parser("check", help=help, description=help)
    sp.set_defaults(command="config check")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="ruf", description="Review-platform reputation pipeline.")
    p.add_argument("--version", action="version", version=_version())
    sub = p.add_subparsers(dest="subcommand", required=True, parser_class=_Parser)

    def add(name: str, help: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help, description=help)
        sp.set_defaults(command=name)
        return sp

    _portals(sub)
    _config(sub)

    today = datetime.now(UTC).date()
    sp = add("crawl", "crawl the tracked companies' portals into data/raw")
    sp.add_argument("--portal", action="append", help="only this portal (repeatable)")
    sp.add_argument(
        "--company",
        action="append",
        help="only this company id (repeatable); with --url: the pages are its reviews",
    )
    sp.add_argument("--run-date", type=_date, default=today, help=RUN_DATE_HELP)
    sp.add_argument("--shard", type=_shard, default=None, help="K/N: one shard of the companies")
    sp.add_argument("--replay", metavar="RUN_DATE", help="re-parse an archived run, no network")
    sp.add_argument("--fast", action="store_true", help="no politeness delays (127.0.0.1 only)")
    sp.add_argument(
        "--url",
        action="append",
        help="crawl just this page and its next pages, as the one --portal (repeatable)",
    )

    sp = add("import", "import a CSV/JSON/JSONL/YAML review export into data/raw")
    sp.add_argument("--portal", required=True, help="a portal of config/portals.yaml")
    sp.add_argument("--company", help="assign every row to this tracked company (company_id)")
    sp.add_argument("--mapping", help="YAML mapping (docs/importing.md); default: inferred")
    sp.add_argument("--show-mapping", action="store_true", help="print the mapping as YAML")
    sp.add_argument("--save-mapping", metavar="M.yaml", help="write the mapping to this file")
    sp.add_argument("--dry-run", action="store_true", help="first items and fill rates only")
    sp.add_argument("--run-date", type=_date, default=today, help=RUN_DATE_HELP)
    sp.add_argument("file", help="the export (CSV, JSON, JSON Lines or YAML)")

    sp = add("transform", "clean, validate and write raw items to the lake")
    sp.add_argument("--run-date", type=_date, default=None, help="default: every raw run")
    sp.add_argument("--portal", action="append", help="only this portal (repeatable)")

    sp = add("build", "build and publish the DuckDB warehouse (dbt)")
    sp.add_argument(
        "--full-refresh", action="store_true", help="rebuild every model, not only what changed"
    )

    add("report", "write the HTML reputation report to data/reports")
    add("docs", "write dbt's static docs of the warehouse to data/reports/dbt-docs")

    sp = add(
        "query",
        "run read-only SQL against the published warehouse "
        "(the SQL as an argument, from --file, or on standard input)",
    )
    sp.add_argument("sql", nargs="?", help="the SQL; `-` or none: read it from standard input")
    sp.add_argument("-f", "--file", help="read the SQL from this file (`-`: standard input)")
    sp.add_argument(
        "--format", choices=("table", "csv", "json"), default="table", help="output format"
    )
    sp.add_argument(
        "--limit",
        type=int,
        default=None,
        help="at most this many rows per statement (table default: 1000; csv/json: all)",
    )
    sp.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        help="stop the query after this many seconds (default 300; 0: no limit)",
    )
    sp.add_argument(
        "--raw",
        action="store_true",
        help="CSV cells exactly as stored (default: cells starting with = + - @ get a ')",
    )

    sp = add(
        "erase",
        "erase one author's items from raw, lake, warehouse and report, and keep them out "
        "of every later transform",
    )
    sp.add_argument(
        "--author-pseudonym",
        required=True,
        help="the 16-hex pseudonym (reviews.author_pseudonym in the lake, bi.reviews)",
    )

    sp = add("run", "crawl, transform, build and report in one go")
    sp.add_argument("--run-date", type=_date, default=today, help=RUN_DATE_HELP)
    sp.add_argument("--fast", action="store_true", help="no politeness delays (127.0.0.1 only)")

    sp = add("demo", "the whole pipeline on the offline portals, start to report")
    sp.add_argument("--companies", type=int, default=50, help="number of companies in the world")
    sp.add_argument("--port", type=int, default=0, help="portal server port (0: any free one)")
    return p
