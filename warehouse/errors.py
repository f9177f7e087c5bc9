"""The warehouse stage's errors: each one line that says what happened and to which file.

They are ``ConfigError``s, so the CLI prints them as ``ruf: error: ...`` rather than a
traceback. In every case the published warehouse is as it was before.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path

from core import storage
from core.settings import ConfigError


class WarehouseBuildError(ConfigError):
    """dbt failed; the published warehouse was left as it was."""


class WarehouseBusy(WarehouseBuildError):
    """Another process writes the warehouse (a build, or a read-write DuckDB session)."""


class WarehouseDiskFull(WarehouseBuildError):
    """The disk (or a file size limit) stopped a write of the build, docs or erase."""


def disk_full(path: object, said: str, target: Path) -> WarehouseDiskFull:
    return WarehouseDiskFull(
        f"disk full: could not write {path} ({said}); the published warehouse {target} "
        "is unchanged: free space and run it again"
    )


def written_file(message: str) -> str | None:
    """The file a DuckDB write error names ('Could not write file "/x/y": ...')."""
    found = re.search(r'"(/[^"]+)"', message)
    return found.group(1) if found else None


@contextlib.contextmanager
def disk_full_in_one_line(target: Path, default_path: object) -> Iterator[None]:
    """Turn "no space" from the OS, DuckDB or dbt into WarehouseDiskFull naming the file."""
    try:
        yield
    except WarehouseBuildError:
        raise
    except Exception as exc:
        said = storage.no_space_reason(exc)
        if said is None:
            raise
        # A copy names its source first and the file it wrote second (filename2).
        path = (
            getattr(exc, "filename2", None)
            or getattr(exc, "filename", None)
            or written_file(str(exc))
            or default_path
        )
        raise disk_full(path, said, target) from None
