"""Migrations: upgrade from empty, downgrade to empty, and no drift from the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from app.core.db import make_engine
from app.models import Base
from tests import database


def test_upgrade_downgrade_and_no_drift(tmp_path):
    with database.throwaway_database(tmp_path) as url:
        engine = make_engine(url)
        try:
            with engine.begin() as connection:
                database.upgrade(connection)
                tables = set(inspect(connection).get_table_names())
                assert set(Base.metadata.tables) <= tables

                context = MigrationContext.configure(connection, opts={"compare_type": True})
                assert compare_metadata(context, Base.metadata) == []

                database.downgrade(connection)
                assert set(inspect(connection).get_table_names()) <= {"alembic_version"}

                database.upgrade(connection)
                assert set(Base.metadata.tables) <= set(inspect(connection).get_table_names())
        finally:
            engine.dispose()
