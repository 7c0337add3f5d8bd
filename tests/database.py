"""Throwaway databases for tests: a SQLite file, or a new PostgreSQL database on the
server ``DATABASE_URL`` points at (the database it names is never touched)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, make_url, text

from app.core.db import make_engine

ROOT = Path(__file__).resolve().parent.parent


def server_url() -> str | None:
    url = os.environ.get("DATABASE_URL")
    if url and url.startswith("postgres"):
        return url.replace("postgresql://", "postgresql+psycopg://", 1).replace(
            "postgres://", "postgresql+psycopg://", 1
        )
    return None


def on_postgres() -> bool:
    return server_url() is not None


@contextmanager
def throwaway_database(folder: Path) -> Iterator[str]:
    """Yield the URL of an empty database that is removed afterwards."""
    server = server_url()
    if server is None:
        yield f"sqlite:///{folder / f'prss-{uuid.uuid4().hex[:8]}.db'}"
        return
    name = f"prss_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def alembic_config(connection: Connection) -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection, revision: str = "head") -> None:
    command.upgrade(alembic_config(connection), revision)


def downgrade(connection: Connection, revision: str = "base") -> None:
    command.downgrade(alembic_config(connection), revision)


@contextmanager
def committed_database(folder: Path) -> Iterator[Engine]:
    """A migrated throwaway database whose writes really commit: for tests of concurrent
    requests, which the usual rolled-back transaction cannot show."""
    with throwaway_database(folder) as url:
        engine = make_engine(url)
        try:
            with engine.begin() as connection:
                upgrade(connection)
            yield engine
        finally:
            engine.dispose()


def end_sessions(connection: Connection, *, listening_on: str | None = None) -> int:
    """End the other sessions on ``connection``'s database, as a restart or a failover
    would: all of them, or only those listening on the channel ``listening_on``. Returns
    how many were ended."""
    query = (
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
    )
    if listening_on is not None:
        query += " AND query = :listen"
    ended = connection.execute(text(query), {"listen": f"LISTEN {listening_on}"})
    return int(ended.scalar_one())
