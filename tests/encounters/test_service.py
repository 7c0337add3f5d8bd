"""Encounter service functions other domains call, and the queries they cost."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta

from sqlalchemy import event

from app.encounters import service
from app.encounters.models import Encounter


@contextlib.contextmanager
def statements(engine):
    seen: list[str] = []

    def spy(conn, cursor, statement, parameters, context, executemany):
        seen.append(" ".join(statement.split()).lower())

    event.listen(engine, "before_cursor_execute", spy)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", spy)


def add_encounter(db, world, participant, started_at, **fields):
    encounter = Encounter(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        author_user_id=world.specialist.id,
        mode="phone",
        started_at=started_at,
        minutes=fields.pop("minutes", 30),
        billable_units=fields.pop("billable_units", 2),
        **fields,
    )
    db.add(encounter)
    db.flush()
    return encounter


def test_last_contact_is_the_latest_start_per_participant_in_one_query(db, world, engine):
    now = datetime.now(UTC).replace(microsecond=0)
    add_encounter(db, world, world.matched, now - timedelta(days=9))
    add_encounter(db, world, world.matched, now - timedelta(days=2))
    add_encounter(db, world, world.matched, now - timedelta(days=5))
    add_encounter(db, world, world.taken_in, now - timedelta(hours=3))
    with statements(engine) as seen:
        last = service.last_contact_for_participants(
            db=db, participant_ids=[world.matched.id, world.taken_in.id, world.stranger.id]
        )
    assert last == {
        world.matched.id: now - timedelta(days=2),
        world.taken_in.id: now - timedelta(hours=3),
    }
    assert all(moment.tzinfo is not None for moment in last.values())
    assert len([s for s in seen if s.startswith("select")]) == 1


def test_last_contact_for_nobody_asks_the_database_nothing(db, engine):
    with statements(engine) as seen:
        assert service.last_contact_for_participants(db=db, participant_ids=[]) == {}
    assert seen == []


def test_logging_an_encounter_sums_the_day_in_one_query(client, world, engine, encounter_body):
    with statements(engine) as seen:
        response = client.post(
            f"/api/v1/participants/{world.matched.id}/encounters",
            json=encounter_body(),
            headers=world.headers(world.specialist),
        )
    assert response.status_code == 201, response.text
    assert len([s for s in seen if "sum(encounters.billable_units)" in s]) == 1


def test_the_day_sum_ignores_other_days_and_other_participants(db, world):
    day = datetime(2026, 3, 1, tzinfo=UTC)
    add_encounter(db, world, world.matched, day + timedelta(hours=1), billable_units=4)
    add_encounter(db, world, world.matched, day + timedelta(hours=23, minutes=59), billable_units=5)
    add_encounter(db, world, world.matched, day - timedelta(seconds=1), billable_units=6)
    add_encounter(db, world, world.matched, day + timedelta(days=1), billable_units=7)
    add_encounter(db, world, world.taken_in, day + timedelta(hours=2), billable_units=8)
    billed = service.billed_on(db=db, participant_id=world.matched.id, day=day.date())
    assert billed == 9
