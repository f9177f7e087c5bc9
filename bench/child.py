"""Entry point of one benchmark child process: ``python -m bench.child target args out``."""

from __future__ import annotations

import sys

from bench.harness import child_main

if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
