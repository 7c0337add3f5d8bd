"""Who may read and write plans: every plans route, walked, for callers who must be refused.

Records are reached through their participant, so the rules are those of
``readable_participants``: a refused read is 404 (never revealing the record exists), a role
that may never write gets 403.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from fastapi.routing import APIRoute
from sqlalchemy import select

from app.core.audit import AuditEvent
from app.plans.router import router
from tests.plans.conftest import API, make_goal, make_plan, make_step


def plan_routes() -> Iterator[tuple[str, str]]:
    """Every operation of the plans router: new routes are covered as they come."""
    for route in router.routes:
        assert isinstance(route, APIRoute)
        for method in sorted((route.methods or set()) - {"HEAD", "OPTIONS"}):
            yield method, route.path


READS = [(m, p) for m, p in plan_routes() if m == "GET"]
WRITES = [(m, p) for m, p in plan_routes() if m != "GET"]
AGREE = ("POST", "/goals/{goal_id}/agree")


def may_call(role: str, operation: tuple[str, str]) -> bool:
    """Whether the role may ever call a write (given a participant it can see)."""
    if operation == AGREE:
        return role == "participant"
    return role in ("supervisor", "specialist", "participant")


@pytest.fixture
def records(db, world):
    """A plan with a goal and a step for each participant, by participant attribute name."""
    made = {}
    for name in ("matched", "taken_in", "stranger"):
        participant = getattr(world, name)
        plan = make_plan(db, participant)
        goal = make_goal(db, plan, agreed=False)
        step = make_step(db, goal)
        made[name] = {
            "participant_id": participant.id,
            "plan_id": plan.id,
            "goal_id": goal.id,
            "step_id": step.id,
        }
    return made


def call(client, world, method, path, ids, caller):
    url = API + path
    for key, value in ids.items():
        url = url.replace("{" + key + "}", str(value))
    headers = {**world.headers(caller), "If-Match": "*"}
    body: dict[str, str] | None = None if method == "GET" else {}
    return client.request(method, url, json=body, headers=headers)


def test_the_walk_finds_every_plans_route():
    assert len(READS) == 6
    assert len(WRITES) == 8


# Callers who may not see the target participant at all, named for the leak they prevent.
INVISIBLE = {
    "specialist_not_matched_to_the_participant": ("other_specialist", "matched"),
    "matched_specialist_reads_another_specialists_participant": ("specialist", "taken_in"),
    "other_organisation_admin": ("other_admin", "matched"),
    "other_organisation_supervisor": ("other_supervisor", "matched"),
    "other_organisation_specialist": ("other_org_specialist", "matched"),
    "participant_reads_someone_else": ("me", "taken_in"),
    "participant_reads_another_organisation": ("me", "stranger"),
    "supervisor_reads_another_organisation": ("supervisor", "stranger"),
}


@pytest.mark.parametrize("case", sorted(INVISIBLE))
def test_reads_of_a_participant_the_caller_cannot_see_are_404(client, world, records, case):
    caller_name, target = INVISIBLE[case]
    for method, path in READS:
        response = call(client, world, method, path, records[target], getattr(world, caller_name))
        assert response.status_code == 404, f"{case}: {method} {path} -> {response.status_code}"


@pytest.mark.parametrize("case", sorted(INVISIBLE))
def test_writes_for_a_participant_the_caller_cannot_see_are_refused(client, world, records, case):
    caller_name, target = INVISIBLE[case]
    caller = getattr(world, caller_name)
    for method, path in WRITES:
        response = call(client, world, method, path, records[target], caller)
        # A role that may call the operation is told nothing exists; one that never may
        # is refused by its role first.
        expected = 404 if may_call(caller.role, (method, path)) else 403
        assert response.status_code == expected, f"{case}: {method} {path}"
    # And nothing changed: the goal still waits, the step is still there.
    goal = call(client, world, "GET", "/goals/{goal_id}", records[target], world.supervisor)
    if target != "stranger":
        assert goal.json()["awaiting_agreement"] is True


@pytest.mark.parametrize(
    ("caller", "target"),
    [
        ("specialist", "matched"),
        ("other_specialist", "taken_in"),
        ("supervisor", "matched"),
        ("supervisor", "taken_in"),
        ("admin", "matched"),
        ("me", "matched"),
        ("other_supervisor", "stranger"),
    ],
)
def test_callers_who_may_see_the_participant_read_every_plans_route(
    client, world, records, caller, target
):
    for method, path in READS:
        response = call(client, world, method, path, records[target], getattr(world, caller))
        assert response.status_code == 200, f"{method} {path} -> {response.status_code}"


@pytest.mark.parametrize("admin", ["admin", "other_admin"])
def test_admins_may_not_write_plans(client, world, records, admin):
    for method, path in WRITES:
        response = call(client, world, method, path, records["matched"], getattr(world, admin))
        assert response.status_code == 403, f"{method} {path} -> {response.status_code}"


def test_unknown_ids_are_404_even_for_a_supervisor(client, world):
    unknown = {key: uuid.uuid4() for key in ("plan_id", "goal_id", "step_id")}
    unknown["participant_id"] = uuid.uuid4()
    for method, path in READS + WRITES:
        caller = world.me if (method, path) == AGREE else world.supervisor
        response = call(client, world, method, path, unknown, caller)
        assert response.status_code == 404, f"{method} {path} -> {response.status_code}"


def test_reads_and_refusals_are_audited_against_the_participant(client, world, records, db):
    ids = records["matched"]
    call(client, world, "GET", "/plans/{plan_id}", ids, world.specialist)
    call(client, world, "GET", "/goals/{goal_id}", ids, world.other_specialist)
    events = db.execute(
        select(AuditEvent.actor_id, AuditEvent.outcome, AuditEvent.status_code).where(
            AuditEvent.participant_id == world.matched.id,
            AuditEvent.action.in_(["read_plan", "read_goal"]),
        )
    ).all()
    assert (world.specialist.id, "success", 200) in events
    assert (world.other_specialist.id, "denied", 404) in events
