"""Two plans started at the same moment on PostgreSQL: one wins, the other is a 409.

SQLite takes its write lock when a transaction begins, so there starts queue instead of
racing; on PostgreSQL they truly overlap. These tests hold one transaction open, let the
other run into it, and only then commit the first. They need committed rows visible to two
connections, so they build their own participant and remove it afterwards.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, delete, select, text
from sqlalchemy.orm import Session

from app.consents.models import Consent
from app.core.errors import Conflict
from app.core.security import Principal
from app.organisations.models import Organisation
from app.participants.models import Participant
from app.plans import service
from app.plans.models import RecoveryPlan
from app.plans.schemas import PlanCreate
from app.users.models import User
from tests.factories import make_organisation, make_participant, make_user

pytestmark = pytest.mark.postgres


@pytest.fixture
def committed(engine: Engine) -> Iterator[tuple[Participant, Principal]]:
    with Session(engine, expire_on_commit=False) as db:
        organisation = make_organisation(db)
        supervisor = make_user(db, organisation, "supervisor")
        participant = make_participant(db, organisation, preferred_name="Racer")
        db.commit()
    principal = Principal(user_id=supervisor.id, role="supervisor", organisation_id=organisation.id)
    try:
        yield participant, principal
    finally:
        with Session(engine) as db:
            db.execute(delete(RecoveryPlan).where(RecoveryPlan.participant_id == participant.id))
            db.execute(delete(Consent).where(Consent.participant_id == participant.id))
            db.execute(delete(User).where(User.id == supervisor.id))
            db.execute(delete(Participant).where(Participant.id == participant.id))
            db.execute(delete(Organisation).where(Organisation.id == organisation.id))
            db.commit()


def _wait_until_blocked(engine: Engine, pid: int) -> None:
    deadline = time.monotonic() + 10
    with engine.connect() as watcher:
        while time.monotonic() < deadline:
            waiting = watcher.scalar(
                text("SELECT wait_event_type FROM pg_stat_activity WHERE pid = :pid"),
                {"pid": pid},
            )
            if waiting == "Lock":
                return
            time.sleep(0.02)
    raise AssertionError("the second start never waited for the first")


@pytest.mark.parametrize("previous_plan", [False, True], ids=["first-plan", "replacing-a-plan"])
def test_the_second_of_two_simultaneous_starts_is_a_conflict(engine, committed, previous_plan):
    participant, principal = committed
    if previous_plan:
        with Session(engine) as db:
            service.start_plan(
                db=db, principal=principal, participant=participant, data=PlanCreate()
            )
            db.commit()

    outcome: dict[str, object] = {}
    with Session(engine) as first, Session(engine) as second:
        service.start_plan(
            db=first, principal=principal, participant=participant, data=PlanCreate()
        )
        second_pid = second.scalar(text("SELECT pg_backend_pid()"))
        assert isinstance(second_pid, int)

        def race() -> None:
            try:
                service.start_plan(
                    db=second, principal=principal, participant=participant, data=PlanCreate()
                )
                outcome["result"] = "started"
            except Conflict as exc:
                outcome["result"] = exc

        runner = threading.Thread(target=race)
        runner.start()
        _wait_until_blocked(engine, second_pid)
        first.commit()
        runner.join(timeout=10)
        second.rollback()

    assert isinstance(outcome.get("result"), Conflict), outcome
    with Session(engine) as db:
        active = db.scalars(
            select(RecoveryPlan).where(
                RecoveryPlan.participant_id == participant.id, RecoveryPlan.status == "active"
            )
        ).all()
    assert len(active) == 1
