"""`ruf query` within limits: a timeout, Ctrl-C, bounded memory, --limit, escaped
terminal output, CSV that a spreadsheet does not run, one-line errors for a broken
pipe, a full disk and a warehouse another process holds."""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.settings import Settings
from ruf.query import QueryTimeout, run_query

# Minutes of work for DuckDB, and nothing to show before it ends.
LONG = "select count(*) from range(3000000000) a(i), range(1000) b(j) where (i * j) % 7 = 3"


_STARTED: list[subprocess.Popen] = []


@pytest.fixture(autouse=True)
def _no_query_outlives_its_test() -> Iterator[None]:
    """A `ruf query` a test started is killed when the test ends, whatever it asserted
    (a failed assertion must not leave minutes of DuckDB work running)."""
    yield
    while _STARTED:
        proc = _STARTED.pop()
        if proc.poll() is None:
            proc.kill()
            proc.communicate(timeout=30)


def _as_at_a_terminal() -> None:
    # A child inherits an ignored SIGINT (the suite's workers may ignore it), and
    # Python then never raises KeyboardInterrupt: give it a terminal user's Ctrl-C.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _ruf(settings: Settings, *args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "RUF_DATA_DIR": str(settings.data_dir)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "ruf.cli", "query", *args],
        preexec_fn=_as_at_a_terminal,
        stdout=kw.pop("stdout", subprocess.PIPE),
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        **kw,
    )
    _STARTED.append(proc)
    return proc


def test_a_query_past_its_timeout_is_stopped_with_one_line(query_settings: Settings) -> None:
    with pytest.raises(QueryTimeout, match=r"query stopped after 1 s \(--timeout"):
        run_query(query_settings, LONG, timeout=1)
    proc = _ruf(query_settings, LONG, "--timeout", "1")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 2 and out == ""
    assert err.splitlines() == [
        "ruf: error: query stopped after 1 s (--timeout SECONDS to allow more, 0 for no limit)"
    ]


def test_ctrl_c_stops_a_running_query(query_settings: Settings) -> None:
    proc = _ruf(query_settings, LONG, "--timeout", "0")
    time.sleep(3)  # let DuckDB get into the query (what is asserted is the outcome)
    assert proc.poll() is None, proc.communicate()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err == "ruf: interrupted\n"


MEASURE = textwrap.dedent(
    """
    import resource, sys
    from ruf.cli import main
    code = main(sys.argv[2:])
    sys.stdout.flush()
    with open(sys.argv[1], "w") as f:
        f.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024))
    sys.exit(code)
    """
)


def test_a_big_result_is_streamed_with_flat_memory(query_settings: Settings, tmp_path) -> None:
    # 300,000 rows of 3,000 characters: about 900 MB of CSV. Held in memory as Python
    # tuples (as before) that takes 1.9 GB; streamed, 110-190 MB alone and under CPU
    # load. In the whole suite on 2 cores it peaked at 710 and 1,109 MB once each (not
    # reproduced outside it, cause not found), hence a bound that only tells the two apart.
    sql = "select i, repeat('x', 3000) as filler from range(300000) r(i)"
    rss = tmp_path / "rss"
    env = {**os.environ, "RUF_DATA_DIR": str(query_settings.data_dir)}
    proc = subprocess.Popen(
        [sys.executable, "-c", MEASURE, str(rss), "query", sql, "--format", "csv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    _STARTED.append(proc)
    lines = sum(1 for _ in proc.stdout)
    proc.wait(timeout=600)
    assert proc.returncode == 0, proc.stderr.read()
    assert lines == 300_001
    assert int(rss.read_text()) < 1500, f"peak RSS {rss.read_text()} MB"


def test_limit_and_the_table_default(query_settings: Settings) -> None:
    sql = "select i from range(5000) r(i) order by i"
    assert run_query(query_settings, sql, "csv", limit=3).splitlines() == ["i", "0", "1", "2"]
    table = run_query(query_settings, sql).splitlines()
    assert len(table) == 2 + 1000 + 1
    assert table[-1] == "(1000 rows shown, the first; more with --limit N or --format csv)"
    assert run_query(query_settings, sql, limit=5000).splitlines()[-1] == "(5000 rows)"
    assert len(run_query(query_settings, sql, "csv").splitlines()) == 5001  # csv: all rows


def test_terminal_escapes_in_values_are_shown_not_run(query_settings: Settings) -> None:
    sql = (
        "select 'Top' || chr(27) || '[2J' || chr(27) || ']0;pwned' || chr(7) "
        "|| ' Laden' || chr(8238) || 'txt.exe' as review, chr(155) || '31m' as c1"
    )
    table = run_query(query_settings, sql)
    assert "\x1b" not in table and "\x07" not in table and "\u202e" not in table
    assert "\x9b" not in table
    assert "Top\\x1b[2J\\x1b]0;pwned\\x07 Laden\\u202etxt.exe" in table
    assert "\\x9b31m" in table


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(query_settings: Settings) -> None:
    sql = (
        """select '=HYPERLINK("http://evil.example","click")' as a, '+1+1' as b, """
        """'-2+3' as c, '@SUM(A1:A9)' as d, -5 as n, 'fine - really' as e"""
    )
    (row,) = list(csv.DictReader(io.StringIO(run_query(query_settings, sql, "csv"))))
    assert row == {
        "a": """'=HYPERLINK("http://evil.example","click")""",
        "b": "'+1+1",
        "c": "'-2+3",
        "d": "'@SUM(A1:A9)",
        "n": "-5",  # a number stays a number
        "e": "fine - really",
    }
    (raw,) = list(csv.DictReader(io.StringIO(run_query(query_settings, sql, "csv", raw=True))))
    assert raw["a"].startswith("=HYPERLINK") and raw["c"] == "-2+3"


def test_a_closed_pipe_ends_the_query_quietly(query_settings: Settings) -> None:
    # `ruf query ... | head -1`
    proc = _ruf(query_settings, "select i from range(10000000) r(i)", "--format", "csv")
    assert proc.stdout.readline() == "i\n"
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0
    assert err == ""


def test_a_full_disk_under_the_output_is_one_line(query_settings: Settings) -> None:
    with open("/dev/full", "w") as full:
        proc = _ruf(query_settings, "select * from bi.reviews", stdout=full)
        _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert err.splitlines() == [
        "ruf: error: disk full: could not write the output (No space left on device)"
    ]


HOLD = textwrap.dedent(
    """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])  # read-write: the file is locked for everyone else
    print("holding", flush=True)
    sys.stdin.readline()
    """
)


@pytest.mark.parametrize("command", [["query", "select 1"], ["report"]])
def test_a_warehouse_held_by_another_process_is_named(
    query_settings: Settings, command: list[str]
) -> None:
    path = query_settings.warehouse_path
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    _STARTED.append(holder)
    try:
        assert holder.stdout.readline() == b"holding\n"
        env = {**os.environ, "RUF_DATA_DIR": str(query_settings.data_dir)}
        result = subprocess.run(
            [sys.executable, "-m", "ruf.cli", *command],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
    finally:
        holder.communicate(b"\n", timeout=30)
    errors = [x for x in result.stderr.splitlines() if not x.startswith("[ruf]")]
    assert result.returncode == 2 and "Traceback" not in result.stderr
    (line,) = errors
    assert line.startswith(f"ruf: error: the warehouse {path} is held by another process (")
    assert f"PID {holder.pid})" in line
    assert not Path(query_settings.reports_dir / "index.html").exists()
