"""``make``'s install: pip's output in the log, one progress line per package on the terminal.

A real pip installs a wheel made here into a scratch folder, with no index (no network).
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "pip_progress.py"


def _wheel(folder: Path, name: str) -> None:
    """A minimal pure-Python wheel of package ``name`` 1.0."""
    dist = f"{name}-1.0.dist-info"
    files = {
        f"{name}/__init__.py": "VALUE = 1\n",
        f"{dist}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n",
        f"{dist}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\n"
        "Tag: py3-none-any\n",
    }
    record = "".join(f"{path},,\n" for path in files) + f"{dist}/RECORD,,\n"
    with zipfile.ZipFile(folder / f"{name}-1.0-py3-none-any.whl", "w") as whl:
        for path, text in {**files, f"{dist}/RECORD": record}.items():
            whl.writestr(path, text)


def _install(tmp_path: Path, *requirements: str) -> subprocess.CompletedProcess:
    wheels = tmp_path / "wheels"
    wheels.mkdir(exist_ok=True)
    for name in ("rufdemoa", "rufdemob"):
        _wheel(wheels, name)
    req = tmp_path / "requirements.txt"
    req.write_text("# locked\n" + "".join(f"{r}\n" for r in requirements), encoding="utf-8")
    pip = [sys.executable, "-m", "pip", "install", "--no-index", "--find-links", str(wheels)]
    pip += ["--target", str(tmp_path / "target"), "--disable-pip-version-check", "-r", str(req)]
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "pip.log"), "--", *pip],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_each_package_shows_a_line_and_the_log_keeps_everything(tmp_path):
    result = _install(tmp_path, "rufdemoa==1.0", "rufdemob==1.0")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [x.split()[1] for x in lines[:2]] == ["1/2", "2/2"]
    # From an index pip says "Collecting rufdemoa==1.0"; from local wheels, their file names.
    assert "rufdemoa-1.0" in lines[0] and "rufdemob-1.0" in lines[1]
    assert lines[-2].startswith("[make]   installing 2 packages")
    assert lines[-1] == "[make]   installed 2 packages"
    log = (tmp_path / "pip.log").read_text(encoding="utf-8")
    assert "Successfully installed rufdemoa-1.0 rufdemob-1.0" in log
    assert (tmp_path / "target" / "rufdemoa" / "__init__.py").is_file()


def test_a_failed_install_exits_non_zero_and_shows_the_log_tail(tmp_path):
    result = _install(tmp_path, "rufdemoa==1.0", "no-such-package==9.9")
    assert result.returncode != 0
    assert "pip failed" in result.stderr
    assert "no-such-package" in result.stderr  # pip's own reason, from the log's tail
