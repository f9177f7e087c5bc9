"""The ``ruf`` command: one subcommand per pipeline stage, and ``run``/``demo`` for all.

The work is done by the pipeline layer (``pipeline.stages``, ``pipeline.workflows``);
this module hands it the parsed arguments, prints its progress and results, and
turns known errors into one-line messages. The arguments are in ``ruf.parser``,
the offline-portal commands in ``ruf.demo``.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path

from core.settings import ConfigError, Settings, load_settings
from pipeline import config_check, stages, workflows
from ruf import demo
from ruf.parser import CliError, build_parser
from ruf.printing import ProgressPrinter, print_run, say

__all__ = ["main"]


def cmd_crawl(args: argparse.Namespace, settings: Settings) -> int:
    report = stages.crawl(
        settings,
        run_date=args.run_date,
        portals=args.portal,
        companies=args.company,
        shard=args.shard,
        replay=args.replay,
        fast=args.fast,
        urls=args.url,
        progress=ProgressPrinter(),
    )
    print(report.summary())
    return 0 if report.ok else 1


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    mapping = stages.import_mapping(
        settings,
        portal=args.portal,
        file_path=Path(args.file),
        mapping_path=Path(args.mapping) if args.mapping else None,
        company=args.company,
    )
    if args.show_mapping:
        print(stages.mapping_yaml(mapping), end="")
    if args.save_mapping:
        stages.save_mapping(mapping, Path(args.save_mapping))
        say(f"[ruf] mapping saved to {args.save_mapping}")
    report = stages.import_export(
        settings,
        portal=args.portal,
        file_path=Path(args.file),
        run_date=args.run_date,
        mapping=mapping,
        company=args.company,
        dry_run=args.dry_run,
    )  # no progress lines: an import is one step, its summary is the output
    print(report.summary())
    return 0


def cmd_transform(args: argparse.Namespace, settings: Settings) -> int:
    report = stages.transform(
        settings, run_date=args.run_date, portals=args.portal, progress=ProgressPrinter()
    )
    print(report.summary())
    return 0


def cmd_build(args: argparse.Namespace, settings: Settings) -> int:
    report = stages.build(settings, full_refresh=args.full_refresh, progress=ProgressPrinter())
    print(report.summary())
    return 0


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    path = stages.report(settings, progress=ProgressPrinter())
    print(f"report: {path}")
    return 0


def cmd_docs(args: argparse.Namespace, settings: Settings) -> int:
    page = workflows.publish_docs(settings, progress=ProgressPrinter())
    print(f"dbt docs: {page}")
    return 0


def _sql(args: argparse.Namespace) -> str:
    """The SQL of ``ruf query``: the argument, the --file, or standard input."""
    if args.file and args.sql:
        raise CliError("give the SQL as an argument or with --file, not both")
    source = args.file or args.sql
    if source == "-" or (source is None and not sys.stdin.isatty()):
        return sys.stdin.read()
    if source is None:
        raise CliError("no SQL: give it as an argument, with --file FILE, or on standard input")
    if args.file:
        try:
            return Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(f"cannot read the SQL from {args.file}: {exc}") from None
    return source


def cmd_query(args: argparse.Namespace, settings: Settings) -> int:
    from ruf.query import stream_query

    stream_query(
        settings,
        _sql(args),
        sys.stdout,
        fmt=args.format,
        limit=args.limit,
        timeout=args.timeout,
        raw=args.raw,
    )
    return 0


def cmd_config_check(args: argparse.Namespace, settings: Settings) -> int:
    check = config_check.check_config(settings)
    for problem in check.problems:
        print(f"ruf: config: {problem}", file=sys.stderr)
    if not check.ok:
        print(f"ruf: config: {len(check.problems)} problem(s)", file=sys.stderr)
        return 2
    print(
        f"config ok: {check.portals} portals ({settings.portals_file}), "
        f"{check.companies} companies ({settings.companies_file})"
    )
    return 0


def cmd_erase(args: argparse.Namespace, settings: Settings) -> int:
    result = workflows.erase_everywhere(settings, args.author_pseudonym, progress=ProgressPrinter())
    print(result.summary())
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    result = workflows.run(
        settings,
        run_date=args.run_date,
        fast=args.fast,
        progress=ProgressPrinter(summaries=True),
    )
    return print_run(result, settings)


COMMANDS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
    "portals serve": demo.cmd_portals_serve,
    "portals companies": demo.cmd_portals_companies,
    "crawl": cmd_crawl,
    "import": cmd_import,
    "transform": cmd_transform,
    "build": cmd_build,
    "config check": cmd_config_check,
    "report": cmd_report,
    "docs": cmd_docs,
    "query": cmd_query,
    "erase": cmd_erase,
    "run": cmd_run,
    "demo": demo.cmd_demo,
}


# Writing failed because the disk (or the file size limit) is full.
_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        code = COMMANDS[args.command](args, load_settings())
        sys.stdout.flush()
        return code
    except ConfigError as exc:
        print(f"ruf: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("ruf: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `ruf query ... | head`: the reader has what it wanted. Point stdout at
        # /dev/null, so the interpreter's last flush does not fail again, and stop.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        if exc.errno not in _FULL:
            raise
        # Without a file name it was the output itself (`ruf query ... > file` on a full disk).
        where = exc.filename or "the output"
        print(f"ruf: error: disk full: could not write {where} ({exc.strerror})", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
