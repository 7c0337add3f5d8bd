"""Emergency disclosures (§2.51) and the accounting of disclosures."""

from __future__ import annotations

import pytest

from tests.factories import make_participant, make_user

EMERGENCY = {
    "recipient_name": "Dr. Amara Okafor (emergency physician)",
    "recipient_facility": "Providence Portland Medical Center, Emergency Department",
    "nature_of_emergency": "Suspected opioid overdose; unresponsive on arrival.",
    "information_disclosed": "Current buprenorphine prescription and substance use history.",
}


def url(participant, path="disclosures"):
    return f"/api/v1/participants/{participant.id}/{path}"


def test_an_emergency_disclosure_appears_in_the_accounting(client, world):
    created = client.post(
        url(world.matched, "emergency-disclosures"),
        json=EMERGENCY,
        headers=world.headers(world.specialist),
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["kind"] == "emergency"
    assert body["disclosed_by_user_id"] == str(world.specialist.id)
    assert body["recipient_facility"] == EMERGENCY["recipient_facility"]
    assert body["nature_of_emergency"] == EMERGENCY["nature_of_emergency"]
    for user in (world.me, world.specialist, world.supervisor):
        listed = client.get(url(world.matched), headers=world.headers(user))
        assert listed.status_code == 200
        assert [d["id"] for d in listed.json()["items"]] == [body["id"]]


def test_when_it_happened_can_be_recorded_afterwards(client, world):
    created = client.post(
        url(world.matched, "emergency-disclosures"),
        json={**EMERGENCY, "disclosed_at": "2026-11-20T03:15:00-08:00"},
        headers=world.headers(world.supervisor),
    )
    assert created.status_code == 201
    assert created.json()["disclosed_at"].startswith("2026-11-20T11:15:00")


@pytest.mark.parametrize("missing", ["recipient_name", "recipient_facility", "nature_of_emergency"])
def test_who_where_and_why_are_required(client, world, missing):
    body = {k: v for k, v in EMERGENCY.items() if k != missing}
    response = client.post(
        url(world.matched, "emergency-disclosures"),
        json=body,
        headers=world.headers(world.specialist),
    )
    assert response.status_code == 422


@pytest.mark.parametrize("caller", ["me", "admin"])
def test_participants_and_admins_do_not_record_them(client, world, caller):
    response = client.post(
        url(world.matched, "emergency-disclosures"),
        json=EMERGENCY,
        headers=world.headers(getattr(world, caller)),
    )
    assert response.status_code == 403


@pytest.mark.parametrize("caller", ["other_specialist", "other_supervisor"])
def test_staff_who_may_not_see_the_participant_get_404(client, world, caller):
    headers = world.headers(getattr(world, caller))
    assert client.get(url(world.matched), headers=headers).status_code == 404
    response = client.post(
        url(world.matched, "emergency-disclosures"), json=EMERGENCY, headers=headers
    )
    assert response.status_code == 404


def test_another_participant_cannot_read_them(client, world, db):
    other = make_participant(db, world.org, preferred_name="Other")
    account = make_user(db, world.org, "participant", participant=other)
    db.commit()
    assert client.get(url(world.matched), headers=world.headers(account)).status_code == 404
