"""Raising alerts: who they are routed to, and which check-ins and screens raise them."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from app.alerts import service
from app.alerts.models import Alert
from app.assessments.models import Assessment
from app.check_ins.models import CheckIn
from tests.alerts.conftest import API, CHECK_INS
from tests.assessments.bodies import cssrs
from tests.factories import make_match, make_participant


def alerts_for(db, participant):
    return list(db.scalars(select(Alert).where(Alert.participant_id == participant.id)))


def test_an_alert_goes_to_the_actively_matched_specialist(db, world):
    alert = service.raise_alert(
        db=db,
        participant=world.matched,
        severity="crisis",
        source="crisis_event",
        source_id=uuid.uuid4(),
    )
    assert alert.assignee_user_id == world.specialist.id
    assert alert.status == "open"
    assert alert.escalated_at is None
    assert alert.organisation_id == world.org.id


def test_without_an_active_match_an_alert_goes_to_the_supervisors(db, world):
    alert = service.raise_alert(
        db=db,
        participant=world.taken_in,
        severity="high",
        source="check_in",
        source_id=uuid.uuid4(),
    )
    # taken_in was only taken in by other_specialist: nobody is matched with it.
    assert alert.assignee_user_id is None


def test_a_proposed_match_is_not_an_assignee(db, world):
    make_match(db, world.taken_in, world.specialist, status="proposed")
    alert = service.raise_alert(
        db=db,
        participant=world.taken_in,
        severity="high",
        source="check_in",
        source_id=uuid.uuid4(),
    )
    assert alert.assignee_user_id is None


def test_a_deactivated_specialist_is_passed_over_for_the_supervisors(db, world):
    world.specialist.is_active = False
    db.flush()
    alert = service.raise_alert(
        db=db,
        participant=world.matched,
        severity="high",
        source="check_in",
        source_id=uuid.uuid4(),
    )
    assert alert.assignee_user_id is None


def test_raising_twice_for_one_source_record_gives_the_same_alert(db, world):
    source_id = uuid.uuid4()
    first = service.raise_alert(
        db=db,
        participant=world.matched,
        severity="crisis",
        source="crisis_event",
        source_id=source_id,
    )
    again = service.raise_alert(
        db=db,
        participant=world.matched,
        severity="crisis",
        source="crisis_event",
        source_id=source_id,
    )
    assert again.id == first.id
    assert len(alerts_for(db, world.matched)) == 1


@pytest.mark.parametrize(("level", "severity"), [("high", "high"), ("crisis", "crisis")])
def test_a_high_or_crisis_check_in_raises_an_alert(client, db, world, level, severity):
    response = client.post(
        f"{API}/participants/{world.matched.id}/check-ins",
        json=CHECK_INS[level],
        headers=world.headers(world.me),
    )
    assert response.status_code == 201, response.text
    assert response.json()["risk_level"] == level
    [alert] = alerts_for(db, world.matched)
    check_in = db.scalar(select(CheckIn).where(CheckIn.participant_id == world.matched.id))
    assert check_in is not None
    assert (alert.source, alert.source_id, alert.severity) == ("check_in", check_in.id, severity)
    assert alert.assignee_user_id == world.specialist.id


@pytest.mark.parametrize("level", ["low", "elevated"])
def test_a_low_or_elevated_check_in_raises_no_alert(client, db, world, level):
    response = client.post(
        f"{API}/participants/{world.matched.id}/check-ins",
        json=CHECK_INS[level],
        headers=world.headers(world.me),
    )
    assert response.json()["risk_level"] == level
    assert alerts_for(db, world.matched) == []


def test_a_retried_check_in_raises_its_alert_once(client, db, world):
    headers = {**world.headers(world.me), "Idempotency-Key": "retry-crisis-1"}
    url = f"{API}/participants/{world.matched.id}/check-ins"
    for _ in range(2):
        assert client.post(url, json=CHECK_INS["crisis"], headers=headers).status_code == 201
    assert len(alerts_for(db, world.matched)) == 1


def test_a_high_cssrs_screen_raises_a_crisis_alert(client, db, world):
    response = client.post(
        f"{API}/participants/{world.taken_in.id}/assessments",
        json=cssrs(behavior=True, behavior_recent=True),
        headers=world.headers(world.other_specialist),
    )
    assert response.status_code == 201, response.text
    assert response.json()["risk"] == "high"
    [alert] = alerts_for(db, world.taken_in)
    assessment = db.scalar(select(Assessment).where(Assessment.participant_id == world.taken_in.id))
    assert assessment is not None
    assert (alert.source, alert.source_id, alert.severity) == (
        "assessment",
        assessment.id,
        "crisis",
    )
    assert alert.assignee_user_id is None  # not matched: the supervisors


@pytest.mark.parametrize(
    "screen",
    [
        cssrs(),
        cssrs(wish_dead=True),
        cssrs(suicidal_thoughts=True, method=True, intent=False, plan=False, behavior=False),
    ],
    ids=["no", "low", "moderate"],
)
def test_a_lower_risk_cssrs_screen_raises_no_alert(client, db, world, screen):
    response = client.post(
        f"{API}/participants/{world.matched.id}/assessments",
        json=screen,
        headers=world.headers(world.specialist),
    )
    assert response.status_code == 201, response.text
    assert response.json()["risk"] != "high"
    assert alerts_for(db, world.matched) == []


def test_a_barc10_raises_no_alert(client, db, world):
    response = client.post(
        f"{API}/participants/{world.matched.id}/assessments",
        json={"instrument": "barc10", "responses": [1] * 10},
        headers=world.headers(world.specialist),
    )
    assert response.status_code == 201, response.text
    assert alerts_for(db, world.matched) == []


def test_an_alert_belongs_to_the_participants_organisation(db, world):
    other = make_participant(db, world.other_org, preferred_name="Remy")
    alert = service.raise_alert(
        db=db, participant=other, severity="high", source="check_in", source_id=uuid.uuid4()
    )
    assert alert.organisation_id == world.other_org.id
    assert alert.assignee_user_id is None
