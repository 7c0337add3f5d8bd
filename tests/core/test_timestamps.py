"""Timestamps come back in UTC from either database, whatever the server's time zone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import bindparam, create_engine, make_url, select, text

from app.core.base import UTCDateTime
from app.core.db import make_engine
from tests import database

STORED = datetime(2026, 1, 15, 12, 30, tzinfo=UTC)


def _read_back(url: str) -> datetime:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            value: datetime = connection.execute(
                select(bindparam("at", STORED, type_=UTCDateTime()))
            ).scalar_one()
            return value
    finally:
        engine.dispose()


def test_a_timestamp_reads_back_in_utc(tmp_path):
    with database.throwaway_database(tmp_path) as url:
        value = _read_back(url)
    assert value == STORED
    assert value.tzinfo is not None
    assert value.utcoffset() == STORED.utcoffset()


@pytest.mark.skipif(not database.on_postgres(), reason="a server time zone is PostgreSQL's")
def test_a_database_in_another_time_zone_still_reads_back_in_utc(tmp_path):
    # UTCDateTime leaves PostgreSQL's values as psycopg gives them: in the connection's
    # time zone, which make_engine sets to UTC over the database's own setting.
    with database.throwaway_database(tmp_path) as url:
        name = make_url(url).database
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"ALTER DATABASE \"{name}\" SET timezone TO 'Asia/Kolkata'"))
        admin.dispose()
        value = _read_back(url)
    assert value == STORED
    assert value.tzinfo is UTC
