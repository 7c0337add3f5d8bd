"""Outcome surveys: validated measures, one per timepoint, retry-safe, correctable; who may."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.core.base import utcnow
from app.outcomes.service import add_months, follow_up_window

SURVEY = {
    "timepoint": "intake",
    "alcohol_days": 12,
    "drug_days": 4,
    "arrests": 1,
    "er_visits": 2,
    "inpatient_nights": 0,
    "housing": "unstable",
    "employment": "unemployed",
    "in_treatment": True,
    "social_support": False,
}


def url(participant) -> str:
    return f"/api/v1/participants/{participant.id}/outcome-surveys"


def enrolled_days_ago(db, participant, days: int) -> None:
    participant.enrolled_at = utcnow() - timedelta(days=days)
    db.commit()


def test_an_intake_survey_is_recorded_and_listed(client, world):
    response = client.post(url(world.matched), json=SURVEY, headers=world.headers(world.specialist))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["timepoint"] == "intake"
    assert body["alcohol_days"] == 12
    assert body["administered_on"] == utcnow().date().isoformat()
    assert body["recorded_by_role"] == "specialist"
    assert body["satisfaction"] is None
    assert response.headers["ETag"]
    listed = client.get(url(world.matched), headers=world.headers(world.me)).json()
    assert [s["id"] for s in listed["items"]] == [body["id"]]


def test_a_repeated_timepoint_conflicts(client, world):
    assert (
        client.post(url(world.matched), json=SURVEY, headers=world.headers(world.me)).status_code
        == 201
    )
    again = client.post(url(world.matched), json=SURVEY, headers=world.headers(world.specialist))
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"


def test_a_retry_with_the_same_key_returns_the_first_answer(client, world):
    headers = {**world.headers(world.me), "Idempotency-Key": "intake-1"}
    first = client.post(url(world.matched), json=SURVEY, headers=headers)
    second = client.post(url(world.matched), json=SURVEY, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    changed = client.post(url(world.matched), json={**SURVEY, "arrests": 0}, headers=headers)
    assert changed.status_code == 422


@pytest.mark.parametrize(
    "change",
    [
        {"alcohol_days": 31},
        {"drug_days": -1},
        {"arrests": 45},
        {"er_visits": "two"},
        {"inpatient_nights": 31},
        {"housing": "couch"},
        {"employment": "busy"},
        {"satisfaction": 0},
        {"satisfaction": 6},
        {"timepoint": "followup_3mo"},
        {"in_treatment": None},
        {"shoe_size": 9},
        {"administered_on": (date.today() + timedelta(days=2)).isoformat()},
        {"satisfaction": 4},  # not asked at intake
    ],
    ids=lambda change: next(iter(change)),
)
def test_bad_measures_are_422(client, world, change):
    response = client.post(
        url(world.matched), json={**SURVEY, **change}, headers=world.headers(world.me)
    )
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"


def test_a_follow_up_before_its_window_opens_is_refused(client, world, db):
    enrolled_days_ago(db, world.matched, 100)
    response = client.post(
        url(world.matched),
        json={**SURVEY, "timepoint": "followup_6mo", "satisfaction": 4},
        headers=world.headers(world.specialist),
    )
    assert response.status_code == 422
    assert "window opens" in response.json()["detail"]


def test_a_follow_up_in_its_window_is_taken(client, world, db):
    enrolled_days_ago(db, world.matched, 200)
    intake_day = (utcnow() - timedelta(days=190)).date()
    intake = client.post(
        url(world.matched),
        json={**SURVEY, "administered_on": intake_day.isoformat()},
        headers=world.headers(world.specialist),
    )
    assert intake.status_code == 201, intake.text
    # Six months after the intake survey, less up to 30 days.
    assert follow_up_window(intake_day).opens_on <= utcnow().date()
    follow_up = client.post(
        url(world.matched),
        json={**SURVEY, "timepoint": "followup_6mo", "alcohol_days": 0, "satisfaction": 5},
        headers=world.headers(world.me),
    )
    assert follow_up.status_code == 201, follow_up.text

    # Surveys page by the day taken: the cursor carries that day.
    first = client.get(url(world.matched), params={"limit": 1}, headers=world.headers(world.me))
    assert first.status_code == 200, first.text
    assert [s["timepoint"] for s in first.json()["items"]] == ["intake"]
    cursor = first.json()["next_cursor"]
    second = client.get(
        url(world.matched), params={"limit": 1, "cursor": cursor}, headers=world.headers(world.me)
    )
    assert [s["timepoint"] for s in second.json()["items"]] == ["followup_6mo"]
    assert second.json()["next_cursor"] is None


def test_six_months_later_keeps_the_day_or_the_months_last(client):
    assert add_months(date(2026, 1, 15), 6) == date(2026, 7, 15)
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert follow_up_window(date(2026, 1, 15)).opens_on == date(2026, 6, 15)
    assert follow_up_window(date(2026, 1, 15)).closes_on == date(2026, 9, 13)


def test_a_correction_needs_if_match_and_bumps_the_version(client, world):
    created = client.post(url(world.matched), json=SURVEY, headers=world.headers(world.specialist))
    survey_url = f"/api/v1/outcome-surveys/{created.json()['id']}"
    headers = world.headers(world.specialist)
    assert client.patch(survey_url, json={"arrests": 0}, headers=headers).status_code == 428
    stale = client.patch(survey_url, json={"arrests": 0}, headers={**headers, "If-Match": '"x"'})
    assert stale.status_code == 412
    fixed = client.patch(
        survey_url,
        json={"arrests": 0},
        headers={**headers, "If-Match": created.headers["ETag"]},
    )
    assert fixed.status_code == 200, fixed.text
    assert fixed.json()["arrests"] == 0
    assert fixed.json()["version"] == 2
    assert created.json()["corrected_at"] is None
    assert fixed.json()["corrected_at"] is not None
    at_intake = client.patch(
        survey_url,
        json={"satisfaction": 5},
        headers={**headers, "If-Match": fixed.headers["ETag"]},
    )
    assert at_intake.status_code == 422
    assert fixed.json()["updated_at"] >= created.json()["updated_at"]
    removed = client.patch(
        survey_url,
        json={"housing": None},
        headers={**headers, "If-Match": fixed.headers["ETag"]},
    )
    assert removed.status_code == 422


def test_admins_do_not_record_surveys(client, world):
    response = client.post(url(world.matched), json=SURVEY, headers=world.headers(world.admin))
    assert response.status_code == 403


@pytest.mark.parametrize("caller", ["other_specialist", "other_supervisor", "other_admin"])
def test_staff_who_may_not_see_the_participant_get_404(client, world, caller):
    headers = world.headers(getattr(world, caller))
    assert client.get(url(world.matched), headers=headers).status_code == 404
    written = client.post(url(world.matched), json=SURVEY, headers=headers).status_code
    # An admin may never record one: its role is refused before the participant is looked up.
    assert written == (403 if caller == "other_admin" else 404)


def test_a_survey_of_someone_else_is_not_found(client, world):
    created = client.post(url(world.matched), json=SURVEY, headers=world.headers(world.me))
    survey_url = f"/api/v1/outcome-surveys/{created.json()['id']}"
    for caller in (world.other_specialist, world.other_supervisor):
        assert client.get(survey_url, headers=world.headers(caller)).status_code == 404
        response = client.patch(
            survey_url, json={"arrests": 0}, headers={**world.headers(caller), "If-Match": "*"}
        )
        assert response.status_code == 404


def test_after_leaving_only_the_discharge_survey_is_taken(client, world, db):
    world.matched.status = "discharged"
    db.commit()
    refused = client.post(url(world.matched), json=SURVEY, headers=world.headers(world.specialist))
    assert refused.status_code == 409
    discharge = client.post(
        url(world.matched),
        json={**SURVEY, "timepoint": "discharge", "satisfaction": 4},
        headers=world.headers(world.specialist),
    )
    assert discharge.status_code == 201, discharge.text
