"""Test harness: a fresh database per run, built with ``alembic upgrade head``; every test
runs inside a transaction that is rolled back, with an app wired to that transaction."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from app.core import crypto
from app.core.config import Settings
from app.core.db import Database, make_engine
from app.main import assemble_app, configure_app, shape_of
from tests import database as test_database
from tests.factories import World, build_world

TEST_SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz"
# One notes key for the whole run: rows written before an app is created read back after.
TEST_NOTE_KEY = "dGVzdC1ub3RlLWtleS0wMTIzNDU2Nzg5YWJjZGVmZ2g"


@pytest.fixture(scope="session", autouse=True)
def note_cipher() -> None:
    crypto.configure(crypto.NoteCipher(crypto.decode_key(TEST_NOTE_KEY)))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if test_database.on_postgres():
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (run make test-postgres)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    folder = tmp_path_factory.mktemp("db")
    with test_database.throwaway_database(folder) as url:
        engine = make_engine(url)
        with engine.begin() as connection:
            test_database.upgrade(connection)
        yield engine
        engine.dispose()


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as connection:
        transaction = connection.begin()
        try:
            yield connection
        finally:
            transaction.rollback()


@pytest.fixture
def sessions(connection: Connection) -> sessionmaker[Session]:
    # Every session joins the test's transaction through a savepoint, so the app can
    # commit and roll back as it does in production while nothing outlives the test.
    return sessionmaker(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )


@pytest.fixture
def db(sessions: sessionmaker[Session]) -> Iterator[Session]:
    with sessions() as session:
        yield session


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    # No built web UI: the API tests see the same routes whether or not it was built.
    return Settings(
        env="development",
        secret_key=TEST_SECRET,
        note_key=TEST_NOTE_KEY,
        data_dir=tmp_path,
        web_dist=tmp_path / "none",
        # Tests change accounts in transactions that are rolled back, so announcements of
        # those changes never reach a cache: tests/auth/test_account_cache.py turns it on.
        account_cache_seconds=0,
    )


# Assembling an app (its routes, above all) takes about half a second, most of a typical
# test's time, so apps are assembled once per shape and configured afresh for each test.
_assembled: dict[tuple[object, ...], FastAPI] = {}


@pytest.fixture
def app(settings: Settings, engine: Engine, sessions: sessionmaker[Session]) -> FastAPI:
    shape = shape_of(settings)
    if shape not in _assembled:
        _assembled[shape] = assemble_app(settings)
    app = _assembled[shape]
    configure_app(app, settings, Database(engine, sessions))
    return app


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url="https://testserver") as test_client:
        yield test_client


@pytest.fixture
def world(db: Session, settings: Settings) -> World:
    return build_world(db, settings)
