"""Database faults on PostgreSQL: the app's connections are killed while requests run.
Affected requests answer 503 problem+json (never 500), the service recovers without a
restart, and no write is left half done."""

from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from app.check_ins.models import CheckIn
from app.core.audit import AuditEvent
from app.core.db import Database
from app.main import create_app
from tests import database
from tests.factories import build_world

pytestmark = pytest.mark.postgres


def kill_app_connections(engine) -> int:
    """What an operator (or a failover) does: end every other session on the database."""
    with engine.connect() as admin:
        return database.end_sessions(admin)


def test_killed_connections_give_503_then_recovery_and_no_half_writes(tmp_path, settings):
    with database.committed_database(tmp_path) as engine:
        with Session(engine, expire_on_commit=False) as db:
            world = build_world(db, settings)
            db.commit()
        app = create_app(settings=settings, database=Database(engine))
        statuses: list[int] = []
        bad: list[str] = []
        created = 0
        stop = threading.Event()
        lock = threading.Lock()
        url = f"/api/v1/participants/{world.matched.id}/check-ins"

        def worker(client: TestClient) -> None:
            nonlocal created
            headers = world.headers(world.me)
            while not stop.is_set():
                response = client.post(
                    url,
                    json={"mood": 4, "craving": 1, "used_since_last": False},
                    headers=headers,
                )
                reading = client.get(url, headers=headers)
                with lock:
                    for r in (response, reading):
                        statuses.append(r.status_code)
                        if r.status_code not in (200, 201, 503):
                            bad.append(f"{r.status_code} {r.text[:200]}")
                        if r.status_code == 503 and (
                            r.headers["content-type"] != "application/problem+json"
                            or "Traceback" in r.text
                        ):
                            bad.append(r.text[:200])
                    if response.status_code == 201:
                        created += 1

        with TestClient(app, base_url="https://testserver") as client:
            threads = [threading.Thread(target=worker, args=(client,)) for _ in range(4)]
            for thread in threads:
                thread.start()
            killed = 0
            for _ in range(6):
                time.sleep(0.3)
                killed += kill_app_connections(engine)
            stop.set()
            for thread in threads:
                thread.join()
            assert killed > 0
            # Some requests were caught by the kills (and answered 503), the rest went on.
            assert 503 in statuses
            assert bad == []
            assert 201 in statuses
            # Recovered, with no restart: the next requests succeed.
            for _ in range(3):
                assert client.get(url, headers=world.headers(world.me)).status_code == 200
            assert client.get("/api/v1/ready").status_code == 200

        # Nothing half done: every check-in that was answered 201 is stored, with its audit
        # event, and none that was not answered 201 is (each request is one transaction).
        with Session(engine) as db:
            stored = db.scalar(select(func.count()).select_from(CheckIn))
            audited = db.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.action == "create_check_in", AuditEvent.status_code == 201)
            )
        assert stored == created
        assert audited == created


def test_pooled_connections_the_server_ended_are_replaced_before_a_request_uses_them(
    tmp_path, settings
):
    with database.committed_database(tmp_path) as engine:
        with Session(engine, expire_on_commit=False) as db:
            world = build_world(db, settings)
            db.commit()
        app = create_app(settings=settings, database=Database(engine))
        url = f"/api/v1/participants/{world.matched.id}/check-ins"
        with TestClient(app, base_url="https://testserver") as client:
            # Three connections wait in the pool, idle, as between requests.
            held = [engine.connect() for _ in range(3)]
            for connection in held:
                connection.close()
            admin = create_engine(engine.url)
            try:
                with admin.connect() as connection:
                    ended = database.end_sessions(connection)
            finally:
                admin.dispose()
            assert ended >= 3
            # Each dead connection is found at checkout and replaced: no request fails.
            statuses = [
                client.get(url, headers=world.headers(world.me)).status_code for _ in range(5)
            ]
            assert statuses == [200] * 5


def test_with_the_database_down_ready_and_crisis_events_answer_503_with_988(world, settings):
    from app.core.db import make_engine

    stopped = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/stopped")
    app = create_app(settings=settings, database=Database(stopped))
    with TestClient(app, base_url="https://testserver", raise_server_exceptions=False) as client:
        ready = client.get("/api/v1/ready")
        assert ready.status_code == 503
        assert ready.headers["content-type"] == "application/problem+json"
        crisis = client.post(
            f"/api/v1/participants/{world.matched.id}/crisis-events",
            json={},
            headers=world.headers(world.me),
        )
        assert crisis.status_code == 503
        assert crisis.headers["content-type"] == "application/problem+json"
        assert [c["phone"] for c in crisis.json()["contacts"]] == ["988"]
        assert "988" in crisis.json()["message"]
    stopped.dispose()
