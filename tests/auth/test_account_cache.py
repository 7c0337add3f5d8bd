"""The account cache (app.auth.accounts): callers' accounts kept per process, never past a
change to them."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from app.auth import accounts
from app.auth.accounts import AccountCache
from app.core.config import Settings
from app.core.db import Database, make_engine
from app.main import create_app
from tests import database
from tests.alerts.conftest import API
from tests.alerts.test_across_processes import app_processes
from tests.conftest import TEST_SECRET
from tests.factories import World, build_world

ALICE, BOB = uuid.uuid4(), uuid.uuid4()


def trusted(ttl_seconds: float = 30, size: int = 100) -> AccountCache:
    cache = AccountCache(ttl_seconds=ttl_seconds, size=size)
    cache.trust()
    return cache


def keep(cache: AccountCache, user_id: uuid.UUID, account: str) -> None:
    generation = cache.generation()
    assert generation is not None
    cache.put(user_id, account, generation)


def test_an_account_read_while_a_change_was_heard_is_not_kept():
    cache = trusted()
    generation = cache.generation()
    assert generation is not None
    cache.forget(BOB)  # heard while ALICE's row was being read: the read may predate it
    cache.put(ALICE, "alice", generation)
    assert cache.get(ALICE) is None
    keep(cache, ALICE, "alice")
    assert cache.get(ALICE) == "alice"


def test_a_change_heard_drops_that_account_and_an_unreadable_one_drops_all():
    cache = trusted()
    keep(cache, ALICE, "alice")
    keep(cache, BOB, "bob")
    cache.forget(ALICE)
    assert (cache.get(ALICE), cache.get(BOB)) == (None, "bob")
    cache.forget(None)
    assert cache.get(BOB) is None


def test_a_cache_changes_may_not_reach_is_empty_and_keeps_nothing():
    cache = AccountCache(ttl_seconds=30)
    assert cache.generation() is None  # not trusted until its listener says so
    cache.trust()
    keep(cache, ALICE, "alice")
    generation = cache.generation()
    assert generation is not None
    cache.distrust()
    assert cache.get(ALICE) is None
    assert cache.generation() is None
    cache.put(ALICE, "alice", generation)
    assert cache.get(ALICE) is None


def test_kept_accounts_expire_and_the_oldest_go_first_past_the_size():
    cache = trusted(ttl_seconds=0.2, size=2)
    keep(cache, ALICE, "alice")
    time.sleep(0.25)
    assert cache.get(ALICE) is None
    for user_id in (ALICE, BOB, uuid.uuid4()):
        keep(cache, user_id, "someone")
    assert cache.get(ALICE) is None
    assert cache.get(BOB) == "someone"


def _world(url: str, tmp_path: Path) -> World:
    engine = make_engine(url)
    with engine.begin() as connection:
        database.upgrade(connection)
    with Session(engine, expire_on_commit=False) as db:
        world = build_world(db, Settings(secret_key=TEST_SECRET, data_dir=tmp_path))
    engine.dispose()
    return world


def _refused_within(seconds: float, get: object) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if get() == 401:  # type: ignore[operator]
            return time.monotonic() - started
        time.sleep(0.02)
    return None


@pytest.mark.postgres
def test_an_account_deactivated_through_one_process_is_refused_by_another_at_once(tmp_path):
    with database.throwaway_database(tmp_path) as url:
        world = _world(url, tmp_path)
        with app_processes(url, tmp_path, count=2) as (process_a, process_b):
            me = f"{process_a}{API}/me"
            specialist = world.headers(world.specialist)
            # Process A keeps the specialist's account (the cache is on by default).
            assert [httpx.get(me, headers=specialist).status_code for _ in range(3)] == [200] * 3
            response = httpx.post(
                f"{process_b}{API}/users/{world.specialist.id}/deactivate",
                headers=world.headers(world.admin),
            )
            assert response.status_code == 200, response.text
            took = _refused_within(5, lambda: httpx.get(me, headers=specialist).status_code)
            assert took is not None, "process A kept answering for a deactivated account"


@pytest.mark.postgres
def test_while_its_listener_is_away_a_process_keeps_no_account(tmp_path):
    with database.throwaway_database(tmp_path) as url:
        world = _world(url, tmp_path)
        settings = Settings(secret_key=TEST_SECRET, data_dir=tmp_path, web_dist=tmp_path / "none")
        engine = make_engine(url)
        app = create_app(settings=settings, database=Database(engine))
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        try:
            with TestClient(app, base_url="https://testserver") as client:
                cache = app.state.accounts
                # Once cut off, the listener stays away for the rest of the test.
                app.state.account_listener.FIRST_RETRY_SECONDS = 60
                assert client.get(f"{API}/me", headers=world.headers(world.specialist)).is_success
                assert cache.get(world.specialist.id) is not None
                with admin.connect() as connection:
                    ended = database.end_sessions(connection, listening_on=accounts.CHANNEL)
                assert ended == 1
                deadline = time.monotonic() + 5
                while cache.get(world.specialist.id) is not None and time.monotonic() < deadline:
                    time.sleep(0.02)
                assert cache.get(world.specialist.id) is None
                # Meanwhile every request reads its caller's account, and keeps nothing.
                assert client.get(f"{API}/me", headers=world.headers(world.specialist)).is_success
                assert cache.get(world.specialist.id) is None
        finally:
            admin.dispose()
            engine.dispose()
