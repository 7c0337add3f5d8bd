""" "I need help now": it raises an alert and always answers with who to call, even when
alerting fails or the database is down; retries are idempotent."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.alerts import service as alerts_service
from app.alerts.models import Alert
from app.core.db import Database, make_engine
from app.crisis import events
from app.crisis.models import CrisisEvent
from app.main import create_app
from tests.factories import make_participant, make_user


def url(participant):
    return f"/api/v1/participants/{participant.id}/crisis-events"


def test_the_participant_asks_for_help_and_the_specialist_is_alerted(client, world, db):
    response = client.post(
        url(world.matched), json={"note": "I can't stop shaking"}, headers=world.headers(world.me)
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert [c["kind"] for c in body["contacts"]] == ["specialist", "hotline"]
    assert body["contacts"][-1]["phone"] == "988"
    assert body["message"] == events.HELP_IS_COMING
    alert = db.get(Alert, uuid.UUID(body["alert_id"]))
    assert alert is not None
    assert (alert.source, alert.severity, alert.participant_id) == (
        "crisis_event",
        "crisis",
        world.matched.id,
    )
    assert alert.assignee_user_id == world.specialist.id
    event = db.get(CrisisEvent, uuid.UUID(body["id"]))
    assert event is not None
    assert event.reported_by_role == "participant"
    assert event.alert_id == alert.id


def test_staff_can_ask_for_help_on_the_participants_behalf(client, world, db):
    response = client.post(url(world.matched), json={}, headers=world.headers(world.specialist))
    assert response.status_code == 201, response.text
    event = db.get(CrisisEvent, uuid.UUID(response.json()["id"]))
    assert event is not None
    assert event.reported_by_user_id == world.specialist.id


def test_the_contacts_come_back_even_when_alerting_fails(client, world, db, monkeypatch):
    def broken(**_: object) -> Alert:
        raise RuntimeError("alerting is down")

    monkeypatch.setattr(alerts_service, "raise_alert", broken)
    response = client.post(url(world.matched), json={}, headers=world.headers(world.me))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["alert_id"] is None
    assert body["message"] == events.CALL_NOW
    assert [c["phone"] for c in body["contacts"]][-1] == "988"
    assert body["contacts"][0]["kind"] == "specialist"
    # The call for help itself is still on record.
    assert db.get(CrisisEvent, uuid.UUID(body["id"])) is not None


def test_a_retry_with_the_same_key_is_one_event(client, world, db):
    headers = {**world.headers(world.me), "Idempotency-Key": "help-now-1"}
    first = client.post(url(world.matched), json={}, headers=headers)
    second = client.post(url(world.matched), json={}, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    events_stored = db.scalars(
        select(CrisisEvent).where(CrisisEvent.participant_id == world.matched.id)
    ).all()
    assert len(events_stored) == 1
    alerts_raised = db.scalars(select(Alert).where(Alert.source_id == events_stored[0].id)).all()
    assert len(alerts_raised) == 1


def test_without_a_database_the_answer_is_503_with_988(world, settings, tmp_path):
    unreachable = make_engine(f"sqlite:///{tmp_path}/missing/folder/db.sqlite")
    app = create_app(settings=settings, database=Database(unreachable))
    with TestClient(app, base_url="https://testserver", raise_server_exceptions=False) as client:
        headers = world.headers(world.me)
        for response in (
            client.post(url(world.matched), json={}, headers=headers),
            client.get("/api/v1/me/crisis-plan", headers=headers),
        ):
            assert response.status_code == 503, response.text
            assert response.headers["content-type"] == "application/problem+json"
            body = response.json()
            assert [c["phone"] for c in body["contacts"]] == ["988"]
            assert "988" in body["message"]
        # Other routes answer 503 without it.
        other = client.get("/api/v1/caseload", headers=world.headers(world.specialist))
        assert other.status_code == 503
        assert "contacts" not in other.json()
    unreachable.dispose()


@pytest.mark.parametrize("caller", ["other_specialist", "other_supervisor", "other_org_specialist"])
def test_staff_who_may_not_see_the_participant_get_404(client, world, caller):
    response = client.post(
        url(world.matched), json={}, headers=world.headers(getattr(world, caller))
    )
    assert response.status_code == 404


def test_admins_and_other_participants_may_not(client, world, db):
    assert (
        client.post(url(world.matched), json={}, headers=world.headers(world.admin)).status_code
        == 403
    )
    other = make_participant(db, world.org, preferred_name="Other")
    account = make_user(db, world.org, "participant", participant=other)
    db.commit()
    assert (
        client.post(url(world.matched), json={}, headers=world.headers(account)).status_code == 404
    )


def test_a_note_is_limited(client, world):
    response = client.post(
        url(world.matched), json={"note": "x" * 1001}, headers=world.headers(world.me)
    )
    assert response.status_code == 422
