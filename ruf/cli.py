"""The ``ruf`` command: one subcommand per pipeline stage, and ``run``/``demo`` for all.

The work is done by the pipeline layer (``pipeline.stages``, ``pipeline.workflows``);
this module hands it the parsed arguments, prints its progress and results, and
turns known errors into one-line messages. The arguments are in ``ruf.parser``,
the offline-portal commands in ``ruf.demo``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from core.settings import ConfigError, Settings, load_settings
from pipeline import stages, workflows
from ruf import demo
from ruf.parser import build_parser
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


def cmd_query(args: argparse.Namespace, settings: Settings) -> int:
    from ruf.query import run_query

    print(run_query(settings, args.sql, args.format))
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
    "report": cmd_report,
    "query": cmd_query,
    "erase": cmd_erase,
    "run": cmd_run,
    "demo": demo.cmd_demo,
}


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command](args, load_settings())
    except ConfigError as exc:
        print(f"ruf: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("ruf: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
