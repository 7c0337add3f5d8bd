"""Account management by the organisation's admin."""

from __future__ import annotations

import uuid

import pytest

from app.specialists.models import Specialist
from tests.factories import make_participant

USERS = "/api/v1/users"


def new_user(**changes):
    body = {
        "email": "new.peer@example.org",
        "password": "a long enough passphrase",
        "role": "specialist",
        "display_name": "New Peer",
    }
    body.update(changes)
    return body


def test_an_admin_creates_a_specialist_with_a_profile(client, world, db):
    response = client.post(USERS, json=new_user(), headers=world.headers(world.admin))
    assert response.status_code == 201, response.text
    user = response.json()
    assert user["role"] == "specialist"
    assert "password" not in user
    assert "password_hash" not in user
    assert db.query(Specialist).filter_by(user_id=uuid.UUID(user["id"])).count() == 1


def test_the_new_account_can_sign_in(client, world):
    client.post(
        USERS, json=new_user(email="New.Peer@Example.org"), headers=world.headers(world.admin)
    )
    response = client.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "password",
            "username": "new.peer@example.org",
            "password": "a long enough passphrase",
        },
    )
    assert response.status_code == 200


def test_a_participant_account_links_to_its_record(client, world, db):
    participant = make_participant(db, world.org, preferred_name="Lee")
    db.commit()
    body = new_user(email="lee@example.org", role="participant", participant_id=str(participant.id))
    response = client.post(USERS, json=body, headers=world.headers(world.admin))
    assert response.status_code == 201, response.text
    duplicate = client.post(
        USERS, json={**body, "email": "lee2@example.org"}, headers=world.headers(world.admin)
    )
    assert duplicate.status_code == 409


@pytest.mark.parametrize(
    "changes",
    [
        {"role": "participant"},
        {"participant_id": "00000000-0000-0000-0000-000000000000"},
        {"password": "short"},
        {"email": "someone@localhost"},
        {"email": "someone@clinic.test"},
        {"role": "superuser"},
    ],
)
def test_invalid_accounts_are_refused(client, world, changes):
    response = client.post(USERS, json=new_user(**changes), headers=world.headers(world.admin))
    assert response.status_code == 422, response.text


def test_a_participant_of_another_organisation_cannot_be_linked(client, world):
    body = new_user(role="participant", participant_id=str(world.stranger.id))
    assert client.post(USERS, json=body, headers=world.headers(world.admin)).status_code == 422


def test_a_duplicate_email_is_a_conflict(client, world):
    body = new_user(email=world.specialist.email)
    assert client.post(USERS, json=body, headers=world.headers(world.admin)).status_code == 409


@pytest.mark.parametrize("role", ["supervisor", "specialist", "me"])
def test_only_admins_manage_accounts(client, world, role):
    headers = world.headers(getattr(world, role))
    assert client.get(USERS, headers=headers).status_code == 403
    assert client.post(USERS, json=new_user(), headers=headers).status_code == 403
    assert (
        client.post(f"{USERS}/{world.specialist.id}/deactivate", headers=headers).status_code == 403
    )


def test_the_list_shows_only_the_admins_organisation(client, world):
    response = client.get(USERS, headers=world.headers(world.admin))
    emails = {u["email"] for u in response.json()["items"]}
    assert world.specialist.email in emails
    assert world.other_admin.email not in emails
    filtered = client.get(USERS, params={"role": "specialist"}, headers=world.headers(world.admin))
    assert {u["role"] for u in filtered.json()["items"]} == {"specialist"}


def test_another_organisations_account_is_404(client, world):
    headers = world.headers(world.admin)
    assert client.get(f"{USERS}/{world.other_admin.id}", headers=headers).status_code == 404
    assert (
        client.post(f"{USERS}/{world.other_admin.id}/deactivate", headers=headers).status_code
        == 404
    )


def test_deactivation_is_listed_and_an_admin_cannot_deactivate_itself(client, world):
    headers = world.headers(world.admin)
    response = client.post(f"{USERS}/{world.supervisor.id}/deactivate", headers=headers)
    assert response.json()["is_active"] is False
    inactive = client.get(USERS, params={"active": "false"}, headers=headers).json()["items"]
    assert [u["email"] for u in inactive] == [world.supervisor.email]
    assert client.post(f"{USERS}/{world.admin.id}/deactivate", headers=headers).status_code == 409
