"""`python -m bench --scale small|1m|10m`: run, write results.json, print the table."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bench.runner import STAGES, Bench
from bench.scales import SCALES

BENCH_DIR = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--scale", choices=sorted(SCALES), default="1m")
    parser.add_argument(
        "--out", type=Path, default=BENCH_DIR / "results.json", help="results JSON file"
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=None,
        help="scratch folder (default: bench/work, or $RUF_DATA_DIR/bench-work when set)",
    )
    parser.add_argument(
        "--stages",
        default=",".join(STAGES),
        help="comma-separated stages to run (default: all). generate always runs; build "
        "needs transform, query and detectors need build",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the world and lake an earlier run of this scale left in --work (its "
        "generate and transform done) and run only --stages after them",
    )
    args = parser.parse_args(argv)
    stages = tuple(s.strip() for s in args.stages.split(",") if s.strip())
    data_env = os.environ.get("RUF_DATA_DIR")
    if args.work is None:
        args.work = Path(data_env) / "bench-work" if data_env else BENCH_DIR / "work"
    work = args.work.resolve()
    data_dir = Path(data_env).resolve() if data_env else work / "data"

    def say(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    say(
        f"[bench] scale {args.scale}, stages {','.join(stages)}: "
        f"data in {data_dir}, scratch in {work}"
    )
    results = Bench(
        SCALES[args.scale], work, data_dir, args.out.resolve(), say, stages, args.reuse
    ).run()
    print(results["table"])
    print(f"\nresults: {args.out}  ({results['seconds']:.0f}s)")
    if results["missed"]:
        print("missed targets: " + "; ".join(results["missed"]))
    if results["not_available"]:
        print("stages not available: " + "; ".join(results["not_available"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
