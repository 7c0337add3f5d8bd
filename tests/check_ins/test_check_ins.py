"""Check-ins through the API: risk, idempotent retries, history, trend, time in recovery."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.check_ins.models import CheckIn
from app.core.idempotency import IdempotencyKey


def url(participant, suffix=""):
    return f"/api/v1/participants/{participant.id}/check-ins{suffix}"


GOOD_DAY = {"mood": 4, "craving": 1, "used_since_last": False, "sleep_hours": 7.5}
HARD_DAY = {
    "mood": 1,
    "craving": 9,
    "used_since_last": True,
    "wants_contact": True,
    "note": "Rough night",
}


def test_a_participant_checks_in_and_gets_its_risk(client, world):
    response = client.post(url(world.matched), json=GOOD_DAY, headers=world.headers(world.me))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["risk_level"] == "low"
    assert body["risk_reasons"] == []
    assert body["entered_by_role"] == "participant"


def test_a_crisis_check_in_is_stored_with_its_level_and_sets_current_risk(client, world, db):
    response = client.post(url(world.matched), json=HARD_DAY, headers=world.headers(world.me))
    assert response.json()["risk_level"] == "crisis"
    assert response.json()["risk_reasons"]
    stored = db.scalar(select(CheckIn).where(CheckIn.participant_id == world.matched.id))
    assert stored is not None
    assert stored.risk_level == "crisis"
    participant = client.get(
        f"/api/v1/participants/{world.matched.id}", headers=world.headers(world.specialist)
    ).json()
    assert participant["risk_level"] == "crisis"


def test_a_check_in_does_not_stale_the_participants_etag(client, world):
    """Risk is derived: a check-in arriving while staff edit the profile must not make their
    save fail with 412 (nor two check-ins arriving together refuse each other)."""
    profile = f"/api/v1/participants/{world.matched.id}"
    read = client.get(profile, headers=world.headers(world.specialist))
    client.post(url(world.matched), json=HARD_DAY, headers=world.headers(world.me))
    saved = client.patch(
        profile,
        json={"pronouns": "she/her"},
        headers={**world.headers(world.specialist), "If-Match": read.headers["ETag"]},
    )
    assert saved.status_code == 200, saved.text
    assert saved.json()["risk_level"] == "crisis"


def test_a_specialist_checks_in_on_the_participants_behalf(client, world):
    response = client.post(
        url(world.matched), json=GOOD_DAY, headers=world.headers(world.specialist)
    )
    assert response.status_code == 201
    assert response.json()["entered_by_role"] == "specialist"


@pytest.mark.parametrize(
    "changes",
    [
        {"mood": 0},
        {"mood": 6},
        {"craving": 11},
        {"craving": -1},
        {"sleep_hours": 25},
        {"used_since_last": None},
        {"colour": "blue"},
        {"recorded_at": (datetime.now(UTC) + timedelta(hours=1)).isoformat()},
        {"recorded_at": (datetime.now(UTC) - timedelta(days=8)).isoformat()},
    ],
)
def test_invalid_check_ins_are_refused(client, world, changes):
    response = client.post(
        url(world.matched), json={**GOOD_DAY, **changes}, headers=world.headers(world.me)
    )
    assert response.status_code == 422


class TestIdempotency:
    def test_a_replay_returns_the_first_answer_and_stores_nothing_new(self, client, world, db):
        headers = {**world.headers(world.me), "Idempotency-Key": "phone-retry-1"}
        first = client.post(url(world.matched), json=GOOD_DAY, headers=headers)
        again = client.post(url(world.matched), json=GOOD_DAY, headers=headers)
        assert first.status_code == again.status_code == 201
        assert again.json() == first.json()
        assert again.headers["idempotent-replayed"] == "true"
        count = db.scalar(
            select(func.count())
            .select_from(CheckIn)
            .where(CheckIn.participant_id == world.matched.id)
        )
        assert count == 1

    def test_the_same_key_with_a_different_body_is_422(self, client, world):
        headers = {**world.headers(world.me), "Idempotency-Key": "phone-retry-2"}
        client.post(url(world.matched), json=GOOD_DAY, headers=headers)
        other = client.post(url(world.matched), json={**GOOD_DAY, "mood": 2}, headers=headers)
        assert other.status_code == 422
        assert "Idempotency-Key" in other.json()["detail"]

    def test_keys_belong_to_their_caller(self, client, world):
        key = {"Idempotency-Key": "shared-key"}
        mine = client.post(
            url(world.matched), json=GOOD_DAY, headers={**world.headers(world.me), **key}
        )
        theirs = client.post(
            url(world.matched), json=GOOD_DAY, headers={**world.headers(world.specialist), **key}
        )
        assert theirs.status_code == 201
        assert theirs.json()["id"] != mine.json()["id"]

    def test_a_failed_first_attempt_does_not_burn_the_key(self, client, world, db):
        headers = {**world.headers(world.me), "Idempotency-Key": "retry-after-error"}
        assert (
            client.post(
                url(world.matched), json={**GOOD_DAY, "mood": 9}, headers=headers
            ).status_code
            == 422
        )
        assert db.scalar(select(func.count()).select_from(IdempotencyKey)) == 0
        assert client.post(url(world.matched), json=GOOD_DAY, headers=headers).status_code == 201

    def test_without_a_key_each_post_is_a_new_check_in(self, client, world):
        first = client.post(url(world.matched), json=GOOD_DAY, headers=world.headers(world.me))
        second = client.post(url(world.matched), json=GOOD_DAY, headers=world.headers(world.me))
        assert first.json()["id"] != second.json()["id"]


def test_history_is_newest_first_and_paginated(client, world):
    for mood in (2, 3, 4):
        recorded = (datetime.now(UTC) - timedelta(hours=10 - mood)).isoformat()
        client.post(
            url(world.matched),
            json={**GOOD_DAY, "mood": mood, "recorded_at": recorded},
            headers=world.headers(world.me),
        )
    page = client.get(
        url(world.matched), params={"limit": 2}, headers=world.headers(world.me)
    ).json()
    assert [c["mood"] for c in page["items"]] == [4, 3]
    rest = client.get(
        url(world.matched), params={"cursor": page["next_cursor"]}, headers=world.headers(world.me)
    ).json()
    assert [c["mood"] for c in rest["items"]] == [2]


def test_a_late_offline_check_in_does_not_overwrite_current_risk(client, world):
    client.post(url(world.matched), json=GOOD_DAY, headers=world.headers(world.me))
    yesterday = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    client.post(
        url(world.matched),
        json={**HARD_DAY, "recorded_at": yesterday},
        headers=world.headers(world.me),
    )
    participant = client.get(
        f"/api/v1/participants/{world.matched.id}", headers=world.headers(world.me)
    ).json()
    assert participant["risk_level"] == "low"


def test_trend_has_a_day_per_day_of_the_window(client, world):
    client.post(url(world.matched), json=HARD_DAY, headers=world.headers(world.me))
    response = client.get(
        url(world.matched, "/trend"), params={"days": 7}, headers=world.headers(world.specialist)
    )
    assert response.status_code == 200, response.text
    days = response.json()["days"]
    assert len(days) == 7
    assert days[-1]["check_ins"] == 1
    assert days[-1]["used"] is True
    assert days[-1]["risk_level"] == "crisis"
    assert all(d["check_ins"] == 0 for d in days[:-1])


def test_trend_refuses_an_unknown_time_zone(client, world):
    response = client.get(
        url(world.matched, "/trend"), params={"tz": "Mars/Olympus"}, headers=world.headers(world.me)
    )
    assert response.status_code == 422


def test_use_is_shown_beside_days_in_recovery_which_never_reset(client, world, db):
    world.matched.recovery_start_date = (datetime.now(UTC) - timedelta(days=100)).date()
    db.commit()
    two_days_ago = (datetime.now(UTC) - timedelta(days=2)).isoformat()
    client.post(
        url(world.matched),
        json={**GOOD_DAY, "used_since_last": True, "recorded_at": two_days_ago},
        headers=world.headers(world.me),
    )
    participant = client.get(
        f"/api/v1/participants/{world.matched.id}", headers=world.headers(world.me)
    ).json()
    assert participant["days_in_recovery"] == 100
    assert participant["days_since_last_reported_use"] == 2
    assert participant["last_reported_use_at"] is not None


class TestAuthorization:
    @pytest.mark.parametrize(
        ("caller", "target"),
        [
            ("other_specialist", "matched"),
            ("other_admin", "matched"),
            ("other_org_specialist", "matched"),
            ("me", "taken_in"),
        ],
    )
    def test_callers_who_cannot_see_the_participant_get_404(self, client, world, caller, target):
        headers = world.headers(getattr(world, caller))
        participant = getattr(world, target)
        assert client.get(url(participant), headers=headers).status_code == 404
        assert client.get(url(participant, "/trend"), headers=headers).status_code == 404
        assert client.post(url(participant), json=GOOD_DAY, headers=headers).status_code in (
            403,
            404,
        )

    def test_an_admin_may_read_but_not_check_in(self, client, world):
        headers = world.headers(world.admin)
        assert client.get(url(world.matched), headers=headers).status_code == 200
        assert client.post(url(world.matched), json=GOOD_DAY, headers=headers).status_code == 403
