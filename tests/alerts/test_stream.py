"""The live alert stream in one app process: who receives what, how fast, escalations,
keep-alives, and the audit trail of what was delivered. Runs on SQLite (the broker is fed
after commit) and on PostgreSQL (fed by the process's LISTEN connection)."""

from __future__ import annotations

import json
import time
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.alerts import escalation, publication, service
from app.alerts.models import Alert
from app.core.audit import AuditEvent
from app.core.base import utcnow
from app.core.db import Database
from app.participants.models import Participant
from app.users.models import User
from tests.alerts.conftest import API, CHECK_INS, make_alert
from tests.alerts.live import live_app


@pytest.fixture
def live(tmp_path):
    with live_app(tmp_path) as running:
        yield running


def test_a_new_alert_reaches_permitted_staff_within_two_seconds(live):
    world = live.world
    with (
        live.stream(world.specialist) as specialist,
        live.stream(world.supervisor) as supervisor,
        live.stream(world.other_specialist) as other_specialist,
        live.stream(world.other_supervisor) as other_supervisor,
    ):
        started = time.monotonic()
        response = live.client.post(
            f"{API}/participants/{world.matched.id}/check-ins",
            json=CHECK_INS["crisis"],
            headers=world.headers(world.me),
        )
        assert response.status_code == 201, response.text
        received = {}
        for name, reader in (("specialist", specialist), ("supervisor", supervisor)):
            event = reader.next_alert(timeout=2.0)
            received[name] = event
        assert time.monotonic() - started < 2.0

        alert_id = received["specialist"].id
        assert alert_id is not None
        listed = live.client.get(
            f"{API}/alerts/{alert_id}", headers=world.headers(world.specialist)
        ).json()
        for event in received.values():
            assert event.id == alert_id
            assert json.loads(event.data or "") == listed
        assert listed["severity"] == "crisis"
        assert listed["source"] == "check_in"

        assert other_specialist.nothing_more(within=0.5)
        assert other_supervisor.nothing_more(within=0.1)


def test_an_alert_for_an_unmatched_participant_goes_to_supervisors_only(live):
    world = live.world
    with (
        live.stream(world.supervisor) as supervisor,
        live.stream(world.other_specialist) as intake_specialist,
    ):
        with live.session() as db:
            participant = db.get_one(Participant, world.taken_in.id)
            alert = service.raise_alert(
                db=db,
                participant=participant,
                severity="high",
                source="check_in",
                source_id=uuid.uuid4(),
            )
            db.commit()
        event = supervisor.next_alert(timeout=2.0)
        assert event.id == str(alert.id)
        assert json.loads(event.data or "")["assignee_user_id"] is None
        # The specialist who took the participant in may read it, but the alert is not its.
        assert intake_specialist.nothing_more(within=0.5)


def test_a_rolled_back_alert_is_never_sent(live):
    world = live.world
    with live.stream(world.supervisor) as supervisor:
        with live.session() as db:
            participant = db.get_one(Participant, world.matched.id)
            service.raise_alert(
                db=db,
                participant=participant,
                severity="high",
                source="check_in",
                source_id=uuid.uuid4(),
            )
            db.rollback()
        assert supervisor.nothing_more(within=0.5)


def test_an_escalated_alert_reaches_the_supervisors_again(live):
    world = live.world
    with live.session() as db:
        overdue = make_alert(
            db,
            db.get_one(Participant, world.matched.id),
            assignee=world.specialist,
            created_at=utcnow() - timedelta(minutes=16),
        )
        recent = make_alert(
            db, db.get_one(Participant, world.matched.id), assignee=world.specialist
        )
        db.commit()
    with (
        live.stream(world.supervisor) as supervisor,
        live.stream(world.other_supervisor) as other_supervisor,
    ):
        escalated = escalation.run_pass(database=Database(live.engine), after_minutes=15)
        assert escalated == [overdue.id]
        event = supervisor.next_alert(timeout=2.0)
        assert event.id == str(overdue.id)
        body = json.loads(event.data or "")
        assert body["escalated_at"] is not None
        assert body["status"] == "open"
        assert supervisor.nothing_more(within=0.3)  # the recent one is not due
        assert other_supervisor.nothing_more(within=0.1)
    with live.session() as db:
        assert db.get_one(Alert, recent.id).escalated_at is None


def test_keep_alive_comments_flow_while_nothing_happens(tmp_path):
    with (
        live_app(tmp_path, alert_stream_ping_seconds=0.2) as live,
        live.stream(live.world.supervisor) as reader,
    ):
        event = reader.next(timeout=2.0)
        assert event.event is None
        assert event.comments
        assert event.comments[0].startswith("ping")


def test_each_delivery_is_audited_for_its_recipient(live):
    world = live.world
    with live.stream(world.specialist) as specialist:
        live.client.post(
            f"{API}/participants/{world.matched.id}/check-ins",
            json=CHECK_INS["high"],
            headers=world.headers(world.me),
        )
        specialist.next_alert(timeout=2.0)
    deadline = time.monotonic() + 2
    while True:
        with live.session() as db:
            rows = list(
                db.scalars(
                    select(AuditEvent).where(
                        AuditEvent.actor_id == world.specialist.id,
                        AuditEvent.action == "stream_alerts",
                        AuditEvent.participant_id.is_not(None),
                    )
                )
            )
        if rows or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    [row] = rows
    assert row.participant_id == world.matched.id
    assert row.outcome == "success"
    assert row.resource == f"{API}/alerts/stream"


def test_a_deactivated_account_is_cut_off(live):
    world = live.world
    with live.stream(world.specialist) as specialist:
        with live.session() as db:
            db.get_one(User, world.specialist.id).is_active = False
            participant = db.get_one(Participant, world.matched.id)
            # Raised before the deactivation took effect: still assigned to the specialist.
            alert = make_alert(db, participant, assignee=world.specialist)
            publication.announce(db=db, alert_ids=[alert.id])
            db.commit()
        event = specialist.events.get(timeout=2.0)
        assert event is None, "the stream should have ended without the alert"
