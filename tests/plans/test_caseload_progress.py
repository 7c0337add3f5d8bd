"""Progress for a whole caseload at once: active plans only, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event
from sqlalchemy.orm import Session

from app.plans import service
from app.plans.progress import DimensionProgress, empty_progress
from tests.factories import make_participant
from tests.plans.conftest import make_goal, make_plan, make_step


@contextmanager
def counted_queries(db: Session) -> Iterator[list[str]]:
    statements: list[str] = []
    connection = db.connection()

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(connection, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(connection, "before_cursor_execute", count)


def test_a_participant_without_an_active_plan_has_zero_progress(db, world):
    make_plan(db, world.taken_in, status="archived")
    progress = service.progress_for_participants(db=db, participant_ids=[world.taken_in.id])
    assert progress == {world.taken_in.id: empty_progress()}


def test_only_the_active_plan_counts(db, world):
    old = make_plan(db, world.matched, status="archived")
    make_goal(db, old, dimension="home", status="achieved")
    plan = make_plan(db, world.matched)
    goal = make_goal(db, plan, dimension="health", agreed=False)
    make_step(db, goal, done=True)
    make_step(db, goal)
    make_step(db, goal)
    make_goal(db, plan, dimension="health", status="sustaining")
    make_goal(db, plan, dimension="purpose", status="achieved")

    progress = service.progress_for_participants(db=db, participant_ids=[world.matched.id])
    mine = progress[world.matched.id]
    assert mine["health"] == DimensionProgress(
        goals=2, achieved=1, awaiting_agreement=1, steps_total=3, steps_done=1, percent=33
    )
    assert mine["purpose"].percent == 100
    assert mine["home"] == DimensionProgress()  # the archived plan's goal is history
    assert set(mine) == {"health", "home", "purpose", "community"}


def test_participants_are_kept_apart(db, world):
    for participant, dimension in ((world.matched, "home"), (world.taken_in, "community")):
        make_goal(db, make_plan(db, participant), dimension=dimension)
    progress = service.progress_for_participants(
        db=db, participant_ids=[world.matched.id, world.taken_in.id]
    )
    assert progress[world.matched.id]["home"].goals == 1
    assert progress[world.matched.id]["community"].goals == 0
    assert progress[world.taken_in.id]["community"].goals == 1
    assert progress[world.taken_in.id]["home"].goals == 0


def test_the_query_count_does_not_grow_with_the_caseload(db, world):
    participants = [make_participant(db, world.org, preferred_name=f"P{i}") for i in range(8)]
    for participant in participants:
        plan = make_plan(db, participant)
        for dimension in ("health", "home"):
            goal = make_goal(db, plan, dimension=dimension)
            make_step(db, goal, done=True)
            make_step(db, goal)
    ids = [participant.id for participant in participants]
    db.expire_all()

    with counted_queries(db) as one:
        service.progress_for_participants(db=db, participant_ids=ids[:1])
    with counted_queries(db) as many:
        progress = service.progress_for_participants(db=db, participant_ids=ids)
    assert len(one) == len(many) <= 2
    assert all(progress[pid]["home"].percent == 50 for pid in ids)


def test_asking_about_nobody_asks_the_database_nothing(db):
    with counted_queries(db) as statements:
        assert service.progress_for_participants(db=db, participant_ids=[]) == {}
    assert statements == []
