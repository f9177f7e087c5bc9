"""``ruf demo`` and ``ruf portals``: the offline portals, and the whole pipeline over them.

The only part of the product that starts the offline-portal simulator: the
stages reach its servers through ``RUF_PORTALS_URL``, as they would reach
real portals through ``config/portals.yaml``.
"""

from __future__ import annotations

import argparse
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import yaml

from core.settings import Settings, load_settings
from pipeline import workflows
from ruf.parser import CliError
from ruf.printing import ProgressPrinter, print_run, say


def _world(args: argparse.Namespace):  # -> offline_portals.world.World
    from offline_portals.world import World

    return World(
        seed=args.seed,
        companies=args.companies,
        reviews_per_company=args.reviews_per_company,
        anchor=args.anchor,
    )


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
    from offline_portals.world import companies_config

    text = yaml.safe_dump(companies_config(_world(args)), sort_keys=False, allow_unicode=True)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    else:
        print(text, end="")
    return 0


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    """Offline portals on 127.0.0.1, the whole pipeline over them, then the servers stop."""
    from offline_portals.server import running
    from offline_portals.world import World, companies_config

    prepare_demo_dir(settings)
    world = World(companies=args.companies, anchor=datetime.now(UTC).date())
    companies_file = settings.data_dir / "demo-companies.yaml"
    companies_file.write_text(
        yaml.safe_dump(companies_config(world), allow_unicode=True), encoding="utf-8"
    )
    with running(world, port=args.port) as server:
        say(f"[ruf] offline portals serving {world.n_companies} companies on {server.url}")
        os.environ["RUF_PORTALS_URL"] = server.url
        os.environ["RUF_COMPANIES"] = str(companies_file)
        demo_settings = load_settings({**os.environ, "RUF_DEMO": "1"})
        result = workflows.run(
            demo_settings,
            run_date=world.anchor,
            fast=True,
            progress=ProgressPrinter(summaries=True),
        )
        code = print_run(result, demo_settings)
    say("[ruf] offline portals stopped")
    return code


def prepare_demo_dir(settings: Settings) -> None:
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
