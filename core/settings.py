"""Where the pipeline reads and writes, and the secrets it needs.

One data root (``RUF_DATA_DIR``, default ``./data``) holds everything the
pipeline writes. The raw archive and the lake may live on S3-compatible
storage instead (``RUF_RAW_URL``, ``RUF_LAKE_URL`` as ``s3://bucket/prefix``);
the DuckDB warehouse and the reports are always local files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

# The demo and the tests run without a configured key; everything else must
# bring its own, or author pseudonyms could be reversed by anyone with the repo.
DEMO_PSEUDONYM_KEY = "ruf-demo-key-not-secret"


class ConfigError(Exception):
    """A setting is missing or wrong; the message says which and how to fix it."""


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    raw_url: str
    lake_url: str
    companies_file: Path
    portals_file: Path
    demo: bool = False
    pseudonym_key: str = field(default="", repr=False)
    s3_endpoint_url: str | None = None

    @property
    def warehouse_path(self) -> Path:
        return self.data_dir / "warehouse" / "ruf.duckdb"

    @property
    def reports_dir(self) -> Path:
        return self.data_dir / "reports"

    @property
    def state_dir(self) -> Path:
        """Crawl state (what each portal and company was last seen with)."""
        return self.data_dir / "state"

    @property
    def quarantine_url(self) -> str:
        return join_url(self.lake_url, "quarantine")

    def require_pseudonym_key(self) -> bytes:
        if not self.pseudonym_key:
            raise ConfigError(
                "RUF_PSEUDONYM_KEY is not set: author pseudonyms need a secret key "
                "(set it in the environment, or RUF_DEMO=1 for the demo key)"
            )
        return self.pseudonym_key.encode()


def join_url(base: str, *parts: str) -> str:
    """Join path parts onto a local path or an ``s3://`` URL."""
    return "/".join([base.rstrip("/"), *(p.strip("/") for p in parts)])


def is_remote(url: str) -> bool:
    return "://" in url and not url.startswith("file://")


def load_settings(env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if env is None else env)
    data_dir = Path(env.get("RUF_DATA_DIR") or "data").expanduser().resolve()
    demo = env.get("RUF_DEMO", "") not in ("", "0", "false", "no")
    key = env.get("RUF_PSEUDONYM_KEY", "")
    if not key and demo:
        key = DEMO_PSEUDONYM_KEY
    return Settings(
        data_dir=data_dir,
        raw_url=env.get("RUF_RAW_URL") or str(data_dir / "raw"),
        lake_url=env.get("RUF_LAKE_URL") or str(data_dir / "lake"),
        companies_file=Path(env.get("RUF_COMPANIES") or REPO_ROOT / "config" / "companies.yaml"),
        portals_file=Path(env.get("RUF_PORTALS") or REPO_ROOT / "config" / "portals.yaml"),
        demo=demo,
        pseudonym_key=key,
        s3_endpoint_url=env.get("RUF_S3_ENDPOINT_URL") or env.get("AWS_ENDPOINT_URL") or None,
    )
