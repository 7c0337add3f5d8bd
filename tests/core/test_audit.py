"""The audit trail: every access to participant data leaves events, written in one batch,
refusals and failures included, and the rows cannot be changed."""

from __future__ import annotations

import contextlib

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from app.core.audit import AuditEvent
from tests.factories import make_match, make_participant


def events(db, **where):
    db.expire_all()
    stmt = select(AuditEvent).filter_by(**where).order_by(AuditEvent.id)
    return list(db.scalars(stmt))


@contextlib.contextmanager
def audit_inserts(engine):
    statements: list[tuple[str, object]] = []

    def spy(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO AUDIT_EVENTS"):
            statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", spy)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", spy)


def test_reading_a_participant_is_audited(client, world, db):
    client.get(f"/api/v1/participants/{world.matched.id}", headers=world.headers(world.specialist))
    [row] = events(db, participant_id=world.matched.id)
    assert row.actor_id == world.specialist.id
    assert row.actor_role == "specialist"
    assert row.organisation_id == world.org.id
    assert row.action == "read_participant"
    assert row.outcome == "success"
    assert row.status_code == 200
    assert row.request_id


def test_a_list_of_20_participants_costs_one_insert(client, world, db, engine):
    for i in range(19):
        make_participant(db, world.org, preferred_name=f"Person {i:02d}")
    db.commit()
    with audit_inserts(engine) as inserts:
        response = client.get("/api/v1/participants", headers=world.headers(world.supervisor))
    assert len(response.json()["items"]) == 21
    assert len(inserts) == 1
    rows = events(db, action="list_participants")
    listed = {item["id"] for item in response.json()["items"]}
    assert {str(r.participant_id) for r in rows} == listed
    assert len(rows) == 21


def test_a_list_whose_commit_fails_is_answered_503_and_recorded_once(client, world, db):
    # The list ends its session in its own trip to the thread pool (end_now): a failure
    # there is rolled back and recorded there, and the session dependency adds nothing.
    failed: list[Session] = []

    def fail_the_first_commit(session):
        if not failed:
            failed.append(session)
            raise OperationalError("COMMIT", {}, Exception("server closed the connection"))

    event.listen(Session, "before_commit", fail_the_first_commit)
    try:
        response = client.get("/api/v1/participants", headers=world.headers(world.supervisor))
    finally:
        event.remove(Session, "before_commit", fail_the_first_commit)
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    rows = events(db, action="list_participants")
    assert rows
    assert {(r.outcome, r.status_code) for r in rows} == {("failed", 503)}
    assert len(rows) == len({r.participant_id for r in rows})


def test_a_refused_read_is_recorded_as_denied(client, world, db):
    response = client.get(
        f"/api/v1/participants/{world.taken_in.id}", headers=world.headers(world.specialist)
    )
    assert response.status_code == 404
    [row] = events(db, participant_id=world.taken_in.id)
    assert (row.outcome, row.status_code, row.actor_id) == ("denied", 404, world.specialist.id)


def test_a_request_without_a_token_is_recorded_as_denied(client, world, db):
    client.get(f"/api/v1/participants/{world.matched.id}")
    rows = events(db, outcome="denied")
    assert [(r.status_code, r.actor_id, r.action) for r in rows] == [
        (401, None, "read_participant")
    ]


def test_a_failed_write_is_recorded_and_its_work_rolled_back(client, world, db):
    headers = world.headers(world.me)
    client.post(f"/api/v1/participants/{world.matched.id}/withdraw", headers=headers)
    second = client.post(f"/api/v1/participants/{world.matched.id}/withdraw", headers=headers)
    assert second.status_code == 409
    outcomes = [
        (r.action, r.outcome, r.status_code) for r in events(db, participant_id=world.matched.id)
    ]
    assert outcomes == [
        ("withdraw_participant", "success", 200),
        ("withdraw_participant", "failed", 409),
    ]


def test_invalid_input_is_recorded_as_failed(client, world, db):
    response = client.post(
        f"/api/v1/participants/{world.matched.id}/consents",
        json={"kind": "nonsense"},
        headers=world.headers(world.me),
    )
    assert response.status_code == 422
    [row] = events(db, participant_id=world.matched.id)
    assert (row.action, row.outcome, row.status_code) == ("create_consent", "failed", 422)


def test_the_audit_never_holds_the_search_term(client, world, db):
    client.get(
        "/api/v1/participants", params={"q": "Martínez"}, headers=world.headers(world.supervisor)
    )
    rows = events(db, action="list_participants")
    assert rows
    assert all("Mart" not in r.resource for r in rows)


def test_a_write_and_its_audit_event_commit_together(client, world, db):
    etag = client.get(
        f"/api/v1/participants/{world.matched.id}", headers=world.headers(world.me)
    ).headers["etag"]
    client.patch(
        f"/api/v1/participants/{world.matched.id}",
        json={"pronouns": "she/her"},
        headers={**world.headers(world.me), "If-Match": etag},
    )
    actions = [r.action for r in events(db, participant_id=world.matched.id)]
    assert actions == ["read_participant", "update_participant"]


class TestAuditApi:
    def test_admins_read_their_organisations_trail_with_filters(self, client, world):
        client.get(
            f"/api/v1/participants/{world.matched.id}", headers=world.headers(world.specialist)
        )
        client.get(
            f"/api/v1/participants/{world.taken_in.id}", headers=world.headers(world.specialist)
        )
        client.get(
            f"/api/v1/participants/{world.stranger.id}",
            headers=world.headers(world.other_org_specialist),
        )
        admin = world.headers(world.admin)
        page = client.get(
            "/api/v1/audit", params={"participant_id": str(world.matched.id)}, headers=admin
        ).json()
        assert [e["action"] for e in page["items"]] == ["read_participant"]
        denied = client.get("/api/v1/audit", params={"outcome": "denied"}, headers=admin).json()
        assert [e["participant_id"] for e in denied["items"]] == [str(world.taken_in.id)]
        by_actor = client.get(
            "/api/v1/audit", params={"actor_id": str(world.specialist.id)}, headers=admin
        ).json()["items"]
        assert len(by_actor) == 2
        assert by_actor[0]["occurred_at"] >= by_actor[1]["occurred_at"]  # newest first
        everything = client.get("/api/v1/audit", headers=admin).json()["items"]
        assert str(world.stranger.id) not in {e["participant_id"] for e in everything}

    @pytest.mark.parametrize("role", ["supervisor", "specialist", "me"])
    def test_only_admins_read_the_trail(self, client, world, role):
        response = client.get("/api/v1/audit", headers=world.headers(getattr(world, role)))
        assert response.status_code == 403

    def test_a_participant_sees_who_opened_its_record(self, client, world):
        client.get(
            f"/api/v1/participants/{world.matched.id}", headers=world.headers(world.specialist)
        )
        client.get(f"/api/v1/participants/{world.matched.id}", headers=world.headers(world.me))
        log = client.get("/api/v1/me/access-log", headers=world.headers(world.me))
        assert log.status_code == 200
        entries = log.json()["items"]
        assert [(e["actor_name"], e["actor_role"], e["action"]) for e in entries] == [
            ("Pat Peer", "specialist", "read_participant")
        ]

    def test_staff_have_no_access_log_of_their_own(self, client, world):
        assert (
            client.get("/api/v1/me/access-log", headers=world.headers(world.specialist)).status_code
            == 403
        )


@pytest.mark.postgres
@pytest.mark.parametrize(
    "statement", ["UPDATE audit_events SET outcome = 'success'", "DELETE FROM audit_events"]
)
def test_postgres_refuses_to_change_audit_rows(client, world, db, statement):
    client.get(f"/api/v1/participants/{world.matched.id}", headers=world.headers(world.specialist))
    with pytest.raises(DBAPIError, match="append-only"):
        db.execute(text(statement))
    db.rollback()


def test_ending_a_match_is_not_required_to_read_the_trail(client, world, db):
    # Sanity: events for participants touched through a match are kept after it ends.
    match = make_match(db, world.taken_in, world.specialist)
    db.commit()
    client.get(f"/api/v1/participants/{world.taken_in.id}", headers=world.headers(world.specialist))
    match.status = "ended"
    db.commit()
    assert len(events(db, participant_id=world.taken_in.id)) == 1
