"""The caseload view: the right participants, the right facts, a fixed number of queries."""

from __future__ import annotations

import contextlib
from datetime import timedelta

import pytest
from sqlalchemy import event

from app.check_ins.models import CheckIn
from app.core.base import utcnow
from app.encounters.models import Encounter
from app.plans.models import Goal, GoalStep, RecoveryPlan
from tests.factories import make_match, make_participant, specialist_profile

CASELOAD = "/api/v1/caseload"


def give_history(db, participant, author):
    """A plan with goals and steps, a check-in and an encounter."""
    now = utcnow()
    plan = RecoveryPlan(organisation_id=participant.organisation_id, participant_id=participant.id)
    db.add(plan)
    db.flush()
    agreed = Goal(
        plan_id=plan.id,
        participant_id=participant.id,
        dimension="home",
        statement="Find my own apartment",
        agreed_by_participant_at=now,
    )
    waiting = Goal(
        plan_id=plan.id,
        participant_id=participant.id,
        dimension="health",
        statement="Walk every morning",
    )
    db.add_all([agreed, waiting])
    db.flush()
    db.add_all(
        [
            GoalStep(
                goal_id=agreed.id,
                participant_id=participant.id,
                description="Call housing",
                done=True,
                done_at=now,
            ),
            GoalStep(goal_id=agreed.id, participant_id=participant.id, description="Visit"),
            CheckIn(
                organisation_id=participant.organisation_id,
                participant_id=participant.id,
                recorded_at=now - timedelta(hours=3),
                mood=3,
                craving=4,
                used_since_last=False,
                risk_level="low",
                entered_by_role="participant",
            ),
            Encounter(
                organisation_id=participant.organisation_id,
                participant_id=participant.id,
                author_user_id=author.id,
                mode="phone",
                started_at=now - timedelta(days=4),
                minutes=30,
                billable_units=2,
            ),
        ]
    )
    db.flush()


@contextlib.contextmanager
def count_queries(engine):
    statements: list[str] = []

    def spy(conn, cursor, statement, parameters, context, executemany):
        if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN")):
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", spy)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", spy)


def test_an_entry_carries_risk_last_check_in_last_contact_and_plan_progress(client, world, db):
    give_history(db, world.matched, world.specialist)
    world.matched.risk_level = "elevated"
    db.commit()
    response = client.get(CASELOAD, headers=world.headers(world.specialist))
    assert response.status_code == 200, response.text
    [entry] = response.json()["items"]
    assert entry["preferred_name"] == "Zoë"
    assert entry["risk_level"] == "elevated"
    assert entry["last_check_in_at"] is not None
    assert entry["days_since_last_contact"] == 4
    assert entry["plan_progress"]["home"]["steps_done"] == 1
    assert entry["plan_progress"]["home"]["steps_total"] == 2
    assert set(entry["plan_progress"]) == {"health", "home", "purpose", "community"}
    assert entry["goals_awaiting_agreement"] == 1


def test_a_participant_without_history_has_empty_facts(client, world):
    [entry] = client.get(CASELOAD, headers=world.headers(world.other_specialist)).json()["items"]
    assert entry["preferred_name"] == "Jordan"
    assert entry["last_check_in_at"] is None
    assert entry["days_since_last_contact"] is None


def test_a_supervisor_sees_everyone_and_can_filter_by_specialist(client, world, db):
    names = {
        e["preferred_name"]
        for e in client.get(CASELOAD, headers=world.headers(world.supervisor)).json()["items"]
    }
    assert names == {"Zoë", "Jordan"}
    profile = specialist_profile(db, world.specialist)
    filtered = client.get(
        CASELOAD, params={"specialist_id": str(profile.id)}, headers=world.headers(world.supervisor)
    ).json()["items"]
    assert [e["preferred_name"] for e in filtered] == ["Zoë"]


@pytest.mark.parametrize("role", ["admin", "me"])
def test_admins_and_participants_have_no_caseload(client, world, role):
    assert client.get(CASELOAD, headers=world.headers(getattr(world, role))).status_code == 403


def test_another_organisations_participants_never_appear(client, world):
    items = client.get(CASELOAD, headers=world.headers(world.other_supervisor)).json()["items"]
    assert [e["preferred_name"] for e in items] == ["Casey"]


def test_withdrawn_participants_leave_the_default_view(client, world, db):
    world.taken_in.status = "withdrawn"
    db.commit()
    names = [
        e["preferred_name"]
        for e in client.get(CASELOAD, headers=world.headers(world.supervisor)).json()["items"]
    ]
    assert names == ["Zoë"]


def test_the_number_of_queries_does_not_grow_with_the_caseload(client, world, db, engine):
    def caseload_queries() -> tuple[int, int]:
        with count_queries(engine) as statements:
            response = client.get(
                CASELOAD, params={"limit": 100}, headers=world.headers(world.specialist)
            )
        assert response.status_code == 200
        return len(statements), len(response.json()["items"])

    give_history(db, world.matched, world.specialist)
    db.commit()
    caseload_queries()  # on PostgreSQL, the connection claims its audit chain once
    small, small_size = caseload_queries()
    for i in range(15):
        participant = make_participant(db, world.org, preferred_name=f"Person {i}")
        make_match(db, participant, world.specialist)
        give_history(db, participant, world.specialist)
    db.commit()
    large, large_size = caseload_queries()
    assert (small_size, large_size) == (1, 16)
    assert large == small
    # The caseload's own reads, the principal, and the audit append (the insert, and on
    # SQLite the chain's previous hash, which a PostgreSQL connection remembers).
    assert small <= 8


def test_entries_name_the_matched_specialist(client, world):
    items = client.get(CASELOAD, headers=world.headers(world.supervisor)).json()["items"]
    by_name = {e["preferred_name"]: e["specialist_name"] for e in items}
    assert by_name == {"Zoë": "Pat Peer", "Jordan": None}


def test_search_and_risk_filters(client, world, db):
    world.taken_in.risk_level = "high"
    db.commit()
    headers = world.headers(world.supervisor)
    found = client.get(CASELOAD, params={"q": "ZOE"}, headers=headers).json()["items"]
    assert [e["preferred_name"] for e in found] == ["Zoë"]
    risky = client.get(CASELOAD, params={"risk_level": "high"}, headers=headers).json()["items"]
    assert [e["preferred_name"] for e in risky] == ["Jordan"]
