"""The one read-only connection to the published warehouse."""

from __future__ import annotations

import duckdb
import pytest

from core.settings import ConfigError, load_settings
from core.warehouse_db import connect_read_only, published


@pytest.fixture
def settings(tmp_path):
    settings = load_settings({"RUF_DATA_DIR": str(tmp_path)})
    settings.warehouse_path.parent.mkdir(parents=True)
    con = duckdb.connect(str(settings.warehouse_path))
    con.execute("create schema bi; create table bi.companies as select 'c1' as company_id")
    con.close()
    return settings


def test_no_warehouse_yet_says_to_build_first(tmp_path):
    missing = tmp_path / "warehouse" / "ruf.duckdb"
    with pytest.raises(ConfigError, match=r"no warehouse at .*ruf\.duckdb: run `ruf build` first"):
        connect_read_only(missing)
    assert not missing.parent.exists()  # looking did not create anything


def test_the_connection_reads_but_cannot_write(settings):
    with published(settings) as con:
        assert con.execute("select company_id from bi.companies").fetchall() == [("c1",)]
        with pytest.raises(duckdb.InvalidInputException, match="read-only"):
            con.execute("insert into bi.companies values ('c2')")
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    assert con.execute("select count(*) from bi.companies").fetchone()[0] == 1
    con.close()


def test_readers_do_not_block_each_other(settings):
    with published(settings) as first, published(settings) as second:
        assert first.execute("select 1").fetchone() == second.execute("select 1").fetchone()
