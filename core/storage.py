"""One way to reach raw files and the lake, on local disk or S3-compatible storage.

``filesystem_for(url, settings)`` turns ``/data/lake`` or ``s3://bucket/prefix``
into an fsspec filesystem and a path on it, so every stage reads and writes
through the same code whichever storage the settings name.
"""

from __future__ import annotations

import errno
import os
import uuid
from typing import Any

from fsspec.implementations.local import LocalFileSystem

from core.settings import ConfigError, Settings


def filesystem_for(url: str, settings: Settings | None = None) -> tuple[Any, str]:
    """The fsspec filesystem for ``url`` and the path on it (no scheme)."""
    if url.startswith("s3://"):
        import s3fs

        fs = s3fs.S3FileSystem(**s3_options(settings))
        return fs, url.removeprefix("s3://").rstrip("/")
    if url.startswith("file://"):
        url = url.removeprefix("file://")
    if "://" in url:
        raise ConfigError(
            f"unsupported storage URL {url!r}: use a local path or s3://bucket/prefix"
        )
    return LocalFileSystem(), os.path.abspath(url).rstrip("/")


def s3_options(settings: Settings | None = None) -> dict[str, Any]:
    """The s3fs keyword arguments for the settings' endpoint (also handed to DuckDB
    by the warehouse build as an fsspec filesystem)."""
    endpoint = settings.s3_endpoint_url if settings is not None else None
    # Instances are cached by fsspec per arguments; skip the cache so a
    # test's fresh moto server or credentials are always honoured.
    return {
        "client_kwargs": {"endpoint_url": endpoint} if endpoint else {},
        "skip_instance_cache": True,
    }


def is_local(fs: Any) -> bool:
    return isinstance(fs, LocalFileSystem)


def join(*parts: str) -> str:
    return "/".join([parts[0].rstrip("/"), *(p.strip("/") for p in parts[1:] if p)])


def read_bytes(fs: Any, path: str) -> bytes:
    with fs.open(path, "rb") as f:
        return f.read()


def write_bytes_atomic(fs: Any, path: str, data: bytes) -> None:
    """Write ``data`` so that ``path`` is either the old or the complete new file.

    Locally: write aside in the same directory, fsync, ``os.replace``. On S3 an
    object PUT only becomes visible once complete, so a direct write is atomic.
    """
    if is_local(fs):
        parent = os.path.dirname(path)
        os.makedirs(parent, exist_ok=True)
        tmp = os.path.join(parent, f".tmp-{uuid.uuid4().hex}")
        try:
            with open(tmp, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.remove(tmp)
        return
    with fs.open(path, "wb") as f:
        f.write(data)


def move(fs: Any, src: str, dst: str) -> None:
    """Move a complete file into place, replacing what was there."""
    if is_local(fs):
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        os.replace(src, dst)
        return
    fs.mv(src, dst)


def remove(fs: Any, path: str) -> None:
    if fs.exists(path):
        fs.rm(path, recursive=True)


def glob(fs: Any, pattern: str) -> list[str]:
    return sorted(fs.glob(pattern))


_NO_SPACE = {code: os.strerror(code) for code in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)}


def no_space_reason(exc: BaseException) -> str | None:
    """What the OS said if ``exc`` is a full disk, a file size limit or a quota (DuckDB
    and dbt carry it in their message text), else None."""
    if isinstance(exc, OSError) and exc.errno in _NO_SPACE:
        return _NO_SPACE[exc.errno]
    text = str(exc)
    return next((said for said in _NO_SPACE.values() if said in text), None)
