"""Matching preferences: defaults, replacing them, who may state them, and stale edits."""

from __future__ import annotations

import pytest


def url(participant):
    return f"/api/v1/participants/{participant.id}/matching-preferences"


PREFERENCES = {
    "gender_preference": "woman",
    "languages": ["es"],
    "faith_preference": "secular",
    "veteran": True,
    "justice_involved": False,
    "wants_lgbtq_affirming": True,
    "region": "North County",
    "priorities": ["veteran", "recovery_pathway"],
}


def test_defaults_are_returned_while_nothing_is_stated(client, world):
    response = client.get(url(world.matched), headers=world.headers(world.me))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["participant_id"] == str(world.matched.id)
    assert body["gender_preference"] is None
    assert body["languages"] == []
    assert body["priorities"] == []
    assert body["updated_at"] is None
    assert "ETag" in response.headers


@pytest.mark.parametrize("caller", ["me", "specialist", "supervisor"])
def test_the_participant_its_specialist_or_a_supervisor_state_preferences(client, world, caller):
    response = client.put(
        url(world.matched), json=PREFERENCES, headers=world.headers(getattr(world, caller))
    )
    assert response.status_code == 200, response.text
    read = client.get(url(world.matched), headers=world.headers(world.admin)).json()
    assert {k: read[k] for k in PREFERENCES} == PREFERENCES
    assert read["updated_at"] is not None


def test_putting_again_replaces_the_whole_set(client, world):
    headers = world.headers(world.me)
    client.put(url(world.matched), json=PREFERENCES, headers=headers)
    response = client.put(url(world.matched), json={"veteran": True}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["gender_preference"] is None
    assert response.json()["priorities"] == []
    assert response.json()["veteran"] is True


def test_an_admin_may_read_but_not_state_preferences(client, world):
    headers = world.headers(world.admin)
    assert client.get(url(world.matched), headers=headers).status_code == 200
    assert client.put(url(world.matched), json=PREFERENCES, headers=headers).status_code == 403


@pytest.mark.parametrize(
    ("caller", "participant"),
    [
        ("other_specialist", "matched"),
        ("me", "taken_in"),
        ("other_admin", "matched"),
        ("other_supervisor", "matched"),
        ("specialist", "stranger"),
    ],
)
def test_a_participant_the_caller_may_not_see_is_not_found(client, world, caller, participant):
    headers = world.headers(getattr(world, caller))
    target = getattr(world, participant)
    assert client.get(url(target), headers=headers).status_code == 404
    if caller != "other_admin":
        assert client.put(url(target), json=PREFERENCES, headers=headers).status_code == 404


def test_an_etag_is_optional_but_a_stale_one_is_refused(client, world):
    headers = world.headers(world.me)
    first = client.get(url(world.matched), headers=headers).headers["ETag"]
    created = client.put(
        url(world.matched), json=PREFERENCES, headers={**headers, "If-Match": first}
    )
    assert created.status_code == 200, created.text
    stale = client.put(url(world.matched), json=PREFERENCES, headers={**headers, "If-Match": first})
    assert stale.status_code == 412
    current = created.headers["ETag"]
    fresh = client.put(url(world.matched), json={}, headers={**headers, "If-Match": current})
    assert fresh.status_code == 200, fresh.text


@pytest.mark.parametrize(
    "body",
    [
        {"priorities": ["money"]},
        {"faith_preference": "spiritual"},
        {"languages": ["Spanish"]},
        {"gender_preference": ""},
        {"gender_preference": "   "},
        {"colour": "blue"},
    ],
    ids=["priority", "faith", "language", "gender", "blank gender", "unknown"],
)
def test_invalid_preferences_are_refused(client, world, body):
    response = client.put(url(world.matched), json=body, headers=world.headers(world.me))
    assert response.status_code == 422
