"""The audit trail is a hash chain: a changed, removed or reordered event is found, and
concurrent requests still extend one unbroken chain."""

from __future__ import annotations

import threading
import uuid

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from app.cli import cli
from app.core import audit
from app.core.audit import AuditEvent
from app.core.base import utcnow
from app.core.config import get_settings
from app.core.db import make_engine
from tests import database


def some_events(client, world) -> None:
    headers = world.headers(world.specialist)
    client.get(f"/api/v1/participants/{world.matched.id}", headers=headers)
    client.get(f"/api/v1/participants/{world.taken_in.id}", headers=headers)  # refused
    client.get("/api/v1/caseload", headers=headers)
    client.get(f"/api/v1/participants/{world.matched.id}/plans", headers=headers)


def allow_changes(db) -> None:
    """Let the test play the tamperer: PostgreSQL's append-only trigger would refuse."""
    if db.get_bind().dialect.name == "postgresql":
        db.execute(text("SET LOCAL session_replication_role = replica"))


def test_requests_extend_an_intact_chain(client, world, db):
    some_events(client, world)
    total = db.scalar(select(func.count()).select_from(AuditEvent))
    assert total >= 4
    assert audit.verify_chain(db) == (total, None)


def test_a_changed_event_is_reported(client, world, db):
    some_events(client, world)
    ids = db.scalars(select(AuditEvent.id).order_by(AuditEvent.id)).all()
    target = ids[len(ids) // 2]
    allow_changes(db)
    db.execute(text("UPDATE audit_events SET action = 'tampered' WHERE id = :id"), {"id": target})
    checked, broken = audit.verify_chain(db)
    assert broken == target
    assert checked == ids.index(target)


def test_a_removed_event_breaks_the_link_after_it(client, world, db):
    some_events(client, world)
    ids = db.scalars(select(AuditEvent.id).order_by(AuditEvent.id)).all()
    allow_changes(db)
    db.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": ids[1]})
    assert audit.verify_chain(db)[1] == ids[2]


def test_each_event_covers_the_one_before():
    event = dict.fromkeys(audit.CHAINED_FIELDS) | {"occurred_at": utcnow()}
    assert audit.link(audit.GENESIS, event) != audit.link("1" * 64, event)
    changed = event | {"resource": "/api/v1/participants/x"}
    assert audit.link(audit.GENESIS, event) != audit.link(audit.GENESIS, changed)


@pytest.mark.postgres
def test_concurrent_appends_keep_one_unbroken_chain(tmp_path):
    with database.committed_database(tmp_path) as engine:
        start = threading.Barrier(12)
        errors: list[BaseException] = []

        def append(n: int) -> None:
            try:
                with Session(engine) as session:
                    start.wait()
                    row = dict.fromkeys(audit.CHAINED_FIELDS) | {
                        "occurred_at": utcnow(),
                        "action": f"probe-{n}",
                        "method": "GET",
                        "resource": "/probe",
                        "outcome": "success",
                        "status_code": 200,
                        "request_id": str(n),
                    }
                    audit.append(session, [row, dict(row)])
                    session.commit()
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=append, args=(n,)) for n in range(12)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        with Session(engine) as session:
            assert audit.verify_chain(session) == (24, None)


def probe_rows(count: int) -> list[dict[str, object]]:
    return [
        dict.fromkeys(audit.CHAINED_FIELDS)
        | {
            "occurred_at": utcnow(),
            "action": f"probe-{n}",
            "method": "GET",
            "resource": "/probe",
            "outcome": "success",
            "status_code": 200,
            "request_id": str(n),
        }
        for n in range(count)
    ]


def test_verify_audit_command_exits_1_naming_the_first_broken_event(tmp_path, monkeypatch):
    runner = CliRunner()
    with database.throwaway_database(tmp_path) as url:
        monkeypatch.setenv("DATABASE_URL", url)
        monkeypatch.setenv("PRSS_DATA_DIR", str(tmp_path))
        get_settings.cache_clear()
        engine = make_engine(url)
        try:
            assert runner.invoke(cli, ["migrate"]).exit_code == 0
            with Session(engine) as session:
                audit.append(session, probe_rows(5))
                session.commit()
            intact = runner.invoke(cli, ["verify-audit"])
            assert intact.exit_code == 0, intact.output
            assert "audit chain intact: 5 event(s)" in intact.output
            with engine.begin() as connection:
                if connection.dialect.name == "postgresql":
                    connection.execute(text("SET LOCAL session_replication_role = replica"))
                target = connection.scalar(text("SELECT min(id) + 2 FROM audit_events"))
                connection.execute(
                    text("UPDATE audit_events SET actor_role = 'admin' WHERE id = :id"),
                    {"id": target},
                )
            broken = runner.invoke(cli, ["verify-audit"])
            assert broken.exit_code == 1
            assert f"broken at event {target}" in broken.output
        finally:
            engine.dispose()
            get_settings.cache_clear()


def test_connections_taking_turns_keep_the_chain_intact(tmp_path):
    """On SQLite every connection extends chain 0, so none may remember the head; on
    PostgreSQL each extends its own."""
    with (
        database.committed_database(tmp_path) as engine,
        engine.connect() as one,
        engine.connect() as other,
    ):
        for turn in range(3):
            for connection in (one, other):
                with Session(connection) as session:
                    audit.append(session, probe_rows(turn + 1))
                    session.commit()
        with Session(engine) as session:
            assert audit.verify_chain(session) == (12, None)


@pytest.mark.postgres
def test_a_rolled_back_append_is_not_linked_to(tmp_path):
    with database.committed_database(tmp_path) as engine, Session(engine) as session:
        audit.append(session, probe_rows(2))
        session.commit()
        audit.append(session, probe_rows(3))
        session.rollback()
        audit.append(session, probe_rows(1))
        session.commit()
        audit.append(session, probe_rows(2))
        with pytest.raises(DBAPIError):
            session.execute(text("SELECT 1 / 0"))
        session.rollback()
        audit.append(session, probe_rows(1))
        session.commit()
        assert audit.verify_chain(session) == (4, None)


@pytest.mark.postgres
def test_a_savepoint_rolled_back_after_an_append_keeps_the_chain(tmp_path):
    with database.committed_database(tmp_path) as engine, Session(engine) as session:
        audit.append(session, probe_rows(1))
        session.commit()
        audit.append(session, probe_rows(2))  # kept: before the savepoint
        savepoint = session.begin_nested()
        audit.append(session, probe_rows(1))  # rolled back with the savepoint
        savepoint.rollback()
        session.commit()
        audit.append(session, probe_rows(1))
        session.commit()
        assert audit.verify_chain(session) == (4, None)


def test_one_requests_events_go_in_in_chain_order(tmp_path):
    """The events of one request differ only in the participant: their hashes are made
    from shared parts, and on PostgreSQL they go in as one INSERT; their ids must follow
    the order they were linked in."""
    participants = [uuid.uuid4() for _ in range(40)]
    shared = probe_rows(1)[0]
    with database.committed_database(tmp_path) as engine, Session(engine) as session:
        audit.append(session, [shared | {"participant_id": p} for p in participants])
        session.commit()
        stored = session.scalars(select(AuditEvent.participant_id).order_by(AuditEvent.id))
        assert list(stored) == participants
        assert audit.verify_chain(session) == (40, None)
