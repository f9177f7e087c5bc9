"""The scale-out storage: raw and lake on S3-compatible storage (moto's server on 127.0.0.1).

The pipeline's stage functions (which the CLI and the Airflow tasks call) run
crawl -> transform -> build with ``RUF_RAW_URL``/``RUF_LAKE_URL`` on ``s3://``,
as Celery or Kubernetes workers with no shared disk would; the warehouse is
built from the lake in the bucket.
"""

from __future__ import annotations

from datetime import date, timedelta

import boto3
import duckdb
import pytest
import yaml

from core.config import load_portals
from core.settings import load_settings
from offline_portals.server import Faults, running
from offline_portals.world import World, companies_config
from pipeline import stages
from pipeline.progress import StepFinished

pytestmark = pytest.mark.slow

RUN_DATE = date(2026, 10, 15)
BUCKET = "ruf-test"


@pytest.fixture
def s3_endpoint(monkeypatch):
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_EC2_METADATA_DISABLED": "true",
    }.items():
        monkeypatch.setenv(name, value)
    boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket=BUCKET)
    yield endpoint
    server.stop()


def _keys(endpoint: str, prefix: str) -> list[str]:
    client = boto3.client("s3", endpoint_url=endpoint)
    keys = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix):
        keys += [o["Key"] for o in page.get("Contents", [])]
    return keys


def test_crawl_transform_build_with_raw_and_lake_on_s3(s3_endpoint, tmp_path, monkeypatch):
    world = World(companies=8, reviews_per_company=30, anchor=RUN_DATE - timedelta(days=1))
    companies = tmp_path / "companies.yaml"
    companies.write_text(yaml.safe_dump(companies_config(world), allow_unicode=True))
    monkeypatch.setenv("RUF_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RUF_COMPANIES", str(companies))
    monkeypatch.setenv("RUF_RAW_URL", f"s3://{BUCKET}/raw")
    monkeypatch.setenv("RUF_LAKE_URL", f"s3://{BUCKET}/lake")
    monkeypatch.setenv("RUF_S3_ENDPOINT_URL", s3_endpoint)
    monkeypatch.setenv("RUF_PSEUDONYM_KEY", "s3-test-key")

    events = []
    with running(world, faults=Faults(rate_429=0, rate_503=0)) as server:
        monkeypatch.setenv("RUF_PORTALS_URL", server.url)
        settings = load_settings()
        portals = list(load_portals(settings.portals_file))
        for portal in portals:
            # One shard per portal, as one worker each: sharding is covered by tests/dags.
            report = stages.crawl(
                settings,
                run_date=RUN_DATE,
                portals=[portal],
                shard=(0, 1),
                fast=True,
                progress=events.append,
            )
            assert report.ok, report.summary()

    items = [k.split("/") for k in _keys(s3_endpoint, "raw/") if "/items-" in k]
    assert sorted((p, d, f) for _, p, d, f in items) == [
        (p, str(RUN_DATE), "items-s0of1.jsonl") for p in sorted(portals)
    ]
    assert _keys(s3_endpoint, "raw/_bodies/")  # the archive of responses, for replays
    assert not (tmp_path / "data" / "raw").exists()  # nothing went to local disk

    stages.transform(settings, run_date=RUN_DATE, progress=events.append)
    lake = _keys(s3_endpoint, "lake/")
    assert any(k.startswith("lake/reviews/portal=") and k.endswith(".parquet") for k in lake)
    assert any(k.startswith(f"lake/runs/run_date={RUN_DATE}/") for k in lake)
    assert not (tmp_path / "data" / "lake").exists()

    stages.build(settings, progress=events.append)
    finished = [e.step for e in events if isinstance(e, StepFinished)]
    assert finished == ["crawl"] * len(portals) + ["transform", "build"]
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        scored = {
            r[0]
            for r in con.execute(
                "select company_id from bi.reputation where portal = 'all' and review_count > 0"
            ).fetchall()
        }
    finally:
        con.close()
    assert scored == {c.company_id for c in world.companies()}
