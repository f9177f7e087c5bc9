"""Run a pip command with its whole output in a log file and a short progress on the terminal.

``make demo`` installs a few hundred locked packages on a fresh machine: with
``pip -q`` that was six silent minutes. This prints one line per package as pip
collects it, and a line when pip starts and finishes installing, while the log
keeps everything pip said; on failure the log's tail is printed. Runs on the
system Python (before the venv exists): standard library only.

    python scripts/pip_progress.py LOG -- PIP_COMMAND...
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from collections import deque
from pathlib import Path

_COLLECTING = re.compile(r"^(?:Collecting|Processing|Requirement already satisfied:)\s+(\S+)")
_INSTALLING = re.compile(r"^Installing collected packages: (.*)")
_DONE = re.compile(r"^Successfully installed (.*)")


def _expected(command: list[str]) -> int | None:
    """How many requirements a ``-r FILE`` names, to show ``n/N``; None if unknown."""
    for flag, value in itertools.pairwise(command):
        if flag in ("-r", "--requirement"):
            try:
                lines = Path(value).read_text(encoding="utf-8").splitlines()
            except OSError:
                return None
            return sum(1 for x in lines if x.strip() and not x.lstrip().startswith(("#", "-")))
    return None


def progress_line(line: str, seen: int, expected: int | None) -> str | None:
    """The terminal line for one line of pip's output (None: log only)."""
    if m := _COLLECTING.match(line):
        of = f"/{expected}" if expected else ""
        what = m.group(1)
        return f"[make]   {seen}{of} {what.rsplit('/', 1)[-1] if '/' in what else what}"
    if m := _INSTALLING.match(line):
        n = len([p for p in m.group(1).split(",") if p.strip()])
        return f"[make]   installing {n} packages (unpacking; the longest step, no output) ..."
    if m := _DONE.match(line):
        return f"[make]   installed {len(m.group(1).split())} packages"
    return None


def run(log: Path, command: list[str]) -> int:
    expected = _expected(command)
    tail: deque[str] = deque(maxlen=40)
    seen = 0
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a", encoding="utf-8") as out:
        out.write(f"$ {' '.join(command)}\n")
        proc = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            out.write(line)
            tail.append(line)
            text = line.rstrip("\n")
            if _COLLECTING.match(text):
                seen += 1
            shown = progress_line(text, seen, expected)
            if shown:
                print(shown, flush=True)
        code = proc.wait()
    if code != 0:
        print(f"[make] pip failed (exit {code}); the end of {log}:", file=sys.stderr)
        sys.stderr.write("".join(tail))
    return code


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    return run(Path(argv[0]), argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
