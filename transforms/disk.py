"""A full disk while the transform writes: one line that names the file, not a traceback.

Every place the transform writes a file (staged lake partitions and the commit journal,
the spilled slices and DuckDB's spill, the data-quality page) writes inside
``writing(path)``, which turns the OS's "no space" errors (ENOSPC, EFBIG under a file
size limit, EDQUOT) into ``DiskFull`` naming that path. Nothing is visible in the lake
before a commit's journal is written, so the data is safe when this is raised.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator

from core.settings import ConfigError

NO_SPACE = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
_SAID = {code: os.strerror(code) for code in NO_SPACE}


class DiskFull(ConfigError):
    """The disk (or a file size limit) stopped a write; the lake is as before."""


def reason(exc: BaseException) -> str | None:
    """What the OS said if ``exc`` is a "no space" error (DuckDB says it in its text)."""
    if isinstance(exc, OSError) and exc.errno in NO_SPACE:
        return _SAID[exc.errno]
    text = str(exc)
    return next((said for said in _SAID.values() if said in text), None)


@contextlib.contextmanager
def writing(path: object) -> Iterator[None]:
    try:
        yield
    except DiskFull:
        raise
    except Exception as exc:
        said = reason(exc)
        if said is None:
            raise
        raise DiskFull(
            f"disk full: could not write {path} ({said}); nothing half-written is in the "
            "lake: free space and run the transform again"
        ) from None
