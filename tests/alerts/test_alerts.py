"""The alert routes: lists, filters and pages; acknowledging and resolving; the audit trail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.alerts.models import Alert
from app.core.audit import AuditEvent
from app.core.base import utcnow
from tests.alerts.conftest import API, make_alert
from tests.factories import make_match, make_participant


def ids(response):
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_a_specialist_lists_the_alerts_assigned_to_it(client, db, world, alert):
    make_alert(db, world.taken_in)  # to the supervisors
    db.commit()
    response = client.get(f"{API}/alerts", headers=world.headers(world.specialist))
    assert ids(response) == [str(alert.id)]
    [item] = response.json()["items"]
    assert item["participant_id"] == str(world.matched.id)
    assert item["participant_preferred_name"] == "Zoë"
    assert item["assignee_user_id"] == str(world.specialist.id)
    assert item["assignee_name"] == "Pat Peer"
    assert item["status"] == "open"
    assert item["escalated_at"] is None
    assert response.headers["cache-control"] == "no-store"


def test_a_supervisor_lists_every_alert_of_its_organisation_newest_first(client, db, world):
    now = utcnow()
    older = make_alert(
        db, world.matched, assignee=world.specialist, created_at=now - timedelta(hours=2)
    )
    newer = make_alert(db, world.taken_in, created_at=now - timedelta(hours=1))
    make_alert(db, world.stranger, created_at=now)  # another organisation
    db.commit()
    assert ids(client.get(f"{API}/alerts", headers=world.headers(world.supervisor))) == [
        str(newer.id),
        str(older.id),
    ]


def test_an_ended_match_takes_the_specialists_old_alerts_away(client, db, world, alert):
    match = make_match(db, world.taken_in, world.other_specialist)
    moved = make_alert(db, world.taken_in, assignee=world.other_specialist)
    match.status = "ended"
    db.commit()
    assert ids(client.get(f"{API}/alerts", headers=world.headers(world.other_specialist))) == []
    response = client.get(f"{API}/alerts/{moved.id}", headers=world.headers(world.other_specialist))
    assert response.status_code == 404
    # The supervisors still see it.
    assert str(moved.id) in ids(
        client.get(f"{API}/alerts", headers=world.headers(world.supervisor))
    )


def test_filters_by_status_participant_severity_and_source(client, db, world):
    now = utcnow()
    a = make_alert(
        db,
        world.matched,
        assignee=world.specialist,
        severity="crisis",
        source="crisis_event",
        created_at=now - timedelta(minutes=3),
    )
    b = make_alert(
        db,
        world.matched,
        assignee=world.specialist,
        status="acknowledged",
        created_at=now - timedelta(minutes=2),
    )
    c = make_alert(
        db,
        world.taken_in,
        status="resolved",
        source="assessment",
        created_at=now - timedelta(minutes=1),
    )
    db.commit()
    headers = world.headers(world.supervisor)

    def listed(query):
        return ids(client.get(f"{API}/alerts?{query}", headers=headers))

    assert listed("status=open") == [str(a.id)]
    assert listed("status=open&status=acknowledged") == [str(b.id), str(a.id)]
    assert listed(f"participant_id={world.taken_in.id}") == [str(c.id)]
    assert listed("severity=crisis") == [str(a.id)]
    assert listed("source=assessment") == [str(c.id)]
    assert listed(f"assignee_user_id={world.specialist.id}") == [str(b.id), str(a.id)]
    assert client.get(f"{API}/alerts?status=closed", headers=headers).status_code == 422


def test_pages_follow_the_cursor_without_gaps_or_repeats(client, db, world):
    now = utcnow()
    made = [
        make_alert(db, world.taken_in, created_at=now - timedelta(minutes=i % 3))
        for i in range(7)  # equal timestamps too: the id settles the order
    ]
    db.commit()
    headers = world.headers(world.supervisor)
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        query = f"limit=3&cursor={cursor}" if cursor else "limit=3"
        body = client.get(f"{API}/alerts?{query}", headers=headers).json()
        seen += [item["id"] for item in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == 3
    assert sorted(seen) == sorted(str(a.id) for a in made)
    assert len(seen) == len(set(seen))
    # Newest first across pages.
    by_id = {str(a.id): a for a in made}
    keys = [(by_id[i].created_at, by_id[i].id) for i in seen]
    assert keys == sorted(keys, reverse=True)


def test_a_bad_cursor_is_refused(client, world):
    response = client.get(
        f"{API}/alerts?cursor=not-a-cursor", headers=world.headers(world.supervisor)
    )
    assert response.status_code == 422


def test_reading_one_alert(client, world, alert):
    response = client.get(f"{API}/alerts/{alert.id}", headers=world.headers(world.specialist))
    assert response.status_code == 200
    assert response.json()["id"] == str(alert.id)
    assert response.json()["source"] == "check_in"


def test_an_unknown_alert_is_not_found(client, world):
    response = client.get(
        f"{API}/alerts/00000000-0000-4000-8000-000000000000",
        headers=world.headers(world.supervisor),
    )
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("who", ["specialist", "supervisor"])
def test_the_assignee_or_a_supervisor_acknowledges_an_open_alert(client, db, world, alert, who):
    user = getattr(world, who)
    response = client.post(f"{API}/alerts/{alert.id}/acknowledge", headers=world.headers(user))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "acknowledged"
    assert body["acknowledged_by_user_id"] == str(user.id)
    assert body["acknowledged_at"] is not None
    db.expire_all()
    stored = db.get(Alert, alert.id)
    assert stored is not None
    assert stored.status == "acknowledged"
    assert stored.version == 2


def test_acknowledging_twice_is_a_conflict(client, world, alert):
    headers = world.headers(world.specialist)
    assert client.post(f"{API}/alerts/{alert.id}/acknowledge", headers=headers).status_code == 200
    response = client.post(f"{API}/alerts/{alert.id}/acknowledge", headers=headers)
    assert response.status_code == 409
    assert "already acknowledged" in response.json()["detail"]


def test_a_resolved_alert_cannot_be_acknowledged(client, db, world):
    resolved = make_alert(db, world.matched, assignee=world.specialist, status="resolved")
    db.commit()
    response = client.post(
        f"{API}/alerts/{resolved.id}/acknowledge", headers=world.headers(world.specialist)
    )
    assert response.status_code == 409


@pytest.mark.parametrize("first", [None, "acknowledge"])
def test_resolving_needs_a_note_and_works_from_open_or_acknowledged(client, world, alert, first):
    headers = world.headers(world.specialist)
    if first:
        client.post(f"{API}/alerts/{alert.id}/{first}", headers=headers)
    response = client.post(
        f"{API}/alerts/{alert.id}/resolve",
        json={"note": "  Called Zoë; she is safe with her sister tonight.  "},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "resolved"
    assert body["resolution_note"] == "Called Zoë; she is safe with her sister tonight."
    assert body["resolved_by_user_id"] == str(world.specialist.id)
    assert body["resolved_at"] is not None


def test_resolving_twice_is_a_conflict(client, world, alert):
    headers = world.headers(world.supervisor)
    url = f"{API}/alerts/{alert.id}/resolve"
    assert client.post(url, json={"note": "Done."}, headers=headers).status_code == 200
    response = client.post(url, json={"note": "Done again."}, headers=headers)
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    "body",
    [{}, {"note": ""}, {"note": "   "}, {"note": "x" * 2001}, {"note": "ok", "extra": 1}],
    ids=["missing", "empty", "blank", "too-long", "unknown-field"],
)
def test_a_resolution_note_is_required_and_bounded(client, world, alert, body):
    response = client.post(
        f"{API}/alerts/{alert.id}/resolve", json=body, headers=world.headers(world.specialist)
    )
    assert response.status_code == 422


def test_a_note_of_2000_characters_is_accepted(client, world, alert):
    response = client.post(
        f"{API}/alerts/{alert.id}/resolve",
        json={"note": "x" * 2000},
        headers=world.headers(world.specialist),
    )
    assert response.status_code == 200


def audit_rows(db, actor, action):
    return list(
        db.scalars(
            select(AuditEvent).where(AuditEvent.actor_id == actor.id, AuditEvent.action == action)
        )
    )


def test_every_read_and_change_is_audited_against_the_participant(client, db, world, alert):
    headers = world.headers(world.specialist)
    client.get(f"{API}/alerts", headers=headers)
    client.get(f"{API}/alerts/{alert.id}", headers=headers)
    client.post(f"{API}/alerts/{alert.id}/acknowledge", headers=headers)
    client.post(f"{API}/alerts/{alert.id}/resolve", json={"note": "Done."}, headers=headers)
    for action in ("list_alerts", "read_alert", "acknowledge_alert", "resolve_alert"):
        [row] = audit_rows(db, world.specialist, action)
        assert row.participant_id == world.matched.id, action
        assert row.outcome == "success"


def test_a_refused_read_is_audited_as_denied(client, db, world, alert):
    response = client.get(f"{API}/alerts/{alert.id}", headers=world.headers(world.other_specialist))
    assert response.status_code == 404
    [row] = audit_rows(db, world.other_specialist, "read_alert")
    assert (row.participant_id, row.outcome, row.status_code) == (world.matched.id, "denied", 404)


def test_a_list_filtered_by_participant_is_audited_even_when_empty(client, db, world):
    newcomer = make_participant(db, world.org, preferred_name="Noor")
    db.commit()
    response = client.get(
        f"{API}/alerts?participant_id={newcomer.id}", headers=world.headers(world.supervisor)
    )
    assert ids(response) == []
    [row] = audit_rows(db, world.supervisor, "list_alerts")
    assert row.participant_id == newcomer.id
