"""``GET /caseload/balance``: each specialist's load, and who waits for a match."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core.base import utcnow
from tests.caseload.test_caseload import count_queries
from tests.factories import make_match, make_participant, make_user, specialist_profile

BALANCE = "/api/v1/caseload/balance"


def test_the_balance_of_the_organisation(client, world, db):
    make_match(db, world.taken_in, world.other_specialist, status="proposed")
    ended_for = make_participant(db, world.org, preferred_name="Riley")
    ended_for.enrolled_at = utcnow() - timedelta(days=30)
    old = make_match(db, ended_for, world.specialist, status="ended")
    old.ended_at = utcnow() - timedelta(days=3)
    world.taken_in.enrolled_at = utcnow() - timedelta(days=10)
    make_participant(db, world.org, preferred_name="Gone", status="withdrawn")
    profile = specialist_profile(db, world.other_specialist)
    profile.accepting_new = False
    db.commit()

    response = client.get(BALANCE, headers=world.headers(world.supervisor))
    assert response.status_code == 200, response.text
    body = response.json()
    by_name = {s["display_name"]: s for s in body["specialists"]}
    assert set(by_name) == {"Pat Peer", "Robin Peer"}
    pat, robin = by_name["Pat Peer"], by_name["Robin Peer"]
    assert (pat["active"], pat["proposed"], pat["spare"]) == (1, 0, pat["max_caseload"] - 1)
    assert pat["accepting_new"] is True
    assert (robin["active"], robin["proposed"], robin["accepting_new"]) == (0, 1, False)

    waiting = body["waiting"]
    assert [w["preferred_name"] for w in waiting] == ["Jordan", "Riley"]
    jordan, riley = waiting
    assert jordan["has_proposal"] is True
    assert jordan["days_waiting"] == 10
    assert riley["has_proposal"] is False
    assert riley["days_waiting"] == 3


@pytest.mark.parametrize("caller", ["specialist", "me"])
def test_only_supervisors_and_admins_see_the_balance(client, world, caller):
    assert client.get(BALANCE, headers=world.headers(getattr(world, caller))).status_code == 403
    assert client.get(BALANCE, headers=world.headers(world.admin)).status_code == 200


def test_another_organisation_sees_only_its_own(client, world):
    body = client.get(BALANCE, headers=world.headers(world.other_supervisor)).json()
    assert [w["preferred_name"] for w in body["waiting"]] == ["Casey"]
    assert len(body["specialists"]) == 1


def test_the_number_of_queries_is_fixed(client, world, db, engine):
    def queries() -> int:
        with count_queries(engine) as statements:
            response = client.get(BALANCE, headers=world.headers(world.supervisor))
        assert response.status_code == 200
        return len(statements)

    queries()  # on PostgreSQL, the connection claims its audit chain once
    small = queries()
    for i in range(6):
        user = make_user(db, world.org, "specialist", name=f"Peer {i}")
        make_match(db, make_participant(db, world.org), user)
        make_match(
            db, make_participant(db, world.org, preferred_name=f"W{i}"), user, status="proposed"
        )
    db.commit()
    assert queries() == small
