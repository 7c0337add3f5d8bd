"""Integrator clients, managed by the organisation's admin: the secret is shown once and
only its digest is kept."""

from __future__ import annotations

import hashlib
import uuid

import pytest
from sqlalchemy import select, text

from app.core.audit import AuditEvent
from app.integrators.models import IntegratorClient
from tests.factories import make_integrator_client

CLIENTS = "/api/v1/integrator-clients"


def register(client, world, **changes):
    body = {"name": "State Outcomes Hub", "scopes": ["outcomes:read"], **changes}
    return client.post(CLIENTS, json=body, headers=world.headers(world.admin))


def test_an_admin_registers_a_client_and_gets_its_secret(client, world):
    response = register(client, world)
    assert response.status_code == 201, response.text
    body = response.json()
    assert {"client_id", "client_secret", "name", "scopes", "created_at"} <= set(body)
    assert body["name"] == "State Outcomes Hub"
    assert body["scopes"] == ["outcomes:read"]
    assert body["revoked_at"] is None
    assert len(body["client_secret"]) >= 43  # 32 random bytes, URL-safe base64
    assert response.headers["location"] == f"{CLIENTS}/{body['client_id']}"
    assert response.headers["cache-control"] == "no-store"


def test_the_secret_is_shown_once_and_only_its_digest_is_stored(client, world, db):
    created = register(client, world).json()
    secret, client_id = created["client_secret"], created["client_id"]

    one = client.get(f"{CLIENTS}/{client_id}", headers=world.headers(world.admin)).json()
    listed = client.get(CLIENTS, headers=world.headers(world.admin)).json()["items"]
    for shown in (one, *listed):
        assert "client_secret" not in shown
        assert "secret_digest" not in shown
        assert "pseudonym_key" not in shown
        assert secret not in str(shown)

    stored = db.get(IntegratorClient, uuid.UUID(client_id))
    assert stored is not None
    assert stored.secret_digest == hashlib.sha256(secret.encode()).hexdigest()
    row = db.execute(
        text("SELECT * FROM integrator_clients WHERE name = :name"), {"name": "State Outcomes Hub"}
    ).one()
    assert all(secret not in str(value) for value in row)


def test_the_list_is_paged_newest_first_and_stays_in_the_organisation(client, world, db):
    make_integrator_client(db, world.other_org, name="Elsewhere")
    ids = [register(client, world, name=f"Funder {i}").json()["client_id"] for i in range(3)]
    headers = world.headers(world.admin)

    first = client.get(CLIENTS, params={"limit": 2}, headers=headers).json()
    assert len(first["items"]) == 2
    assert first["next_cursor"]
    second = client.get(
        CLIENTS, params={"limit": 2, "cursor": first["next_cursor"]}, headers=headers
    ).json()
    assert second["next_cursor"] is None
    seen = [c["client_id"] for c in first["items"] + second["items"]]
    assert sorted(seen) == sorted(ids)
    assert "Elsewhere" not in {c["name"] for c in first["items"] + second["items"]}


def test_delete_revokes_and_a_second_delete_is_harmless(client, world, db):
    client_id = register(client, world).json()["client_id"]
    headers = world.headers(world.admin)

    assert client.delete(f"{CLIENTS}/{client_id}", headers=headers).status_code == 204
    revoked_at = client.get(f"{CLIENTS}/{client_id}", headers=headers).json()["revoked_at"]
    assert revoked_at is not None

    assert client.delete(f"{CLIENTS}/{client_id}", headers=headers).status_code == 204
    again = client.get(f"{CLIENTS}/{client_id}", headers=headers).json()
    assert again["revoked_at"] == revoked_at  # the first revocation stands

    live = client.get(CLIENTS, params={"revoked": "false"}, headers=headers).json()["items"]
    gone = client.get(CLIENTS, params={"revoked": "true"}, headers=headers).json()["items"]
    assert client_id not in {c["client_id"] for c in live}
    assert [c["client_id"] for c in gone] == [client_id]


@pytest.mark.parametrize(
    "changes",
    [
        {"scopes": ["participants:read"]},
        {"scopes": []},
        {"scopes": "outcomes:read"},
        {"name": ""},
        {"name": "x" * 201},
        {"client_secret": "mine"},
    ],
)
def test_invalid_registrations_are_refused(client, world, changes):
    assert register(client, world, **changes).status_code == 422


def test_a_repeated_scope_is_refused_as_the_schema_says(client, world):
    response = register(client, world, scopes=["outcomes:read", "outcomes:read"])
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "scopes"]


@pytest.mark.parametrize("role", ["supervisor", "specialist", "other_specialist", "me"])
def test_only_admins_manage_integrator_clients(client, world, db, role):
    existing = make_integrator_client(db, world.org).client
    db.commit()
    headers = world.headers(getattr(world, role))
    body = {"name": "Sneaky", "scopes": ["outcomes:read"]}
    assert client.post(CLIENTS, json=body, headers=headers).status_code == 403
    assert client.get(CLIENTS, headers=headers).status_code == 403
    assert client.get(f"{CLIENTS}/{existing.id}", headers=headers).status_code == 403
    assert client.delete(f"{CLIENTS}/{existing.id}", headers=headers).status_code == 403
    db.refresh(existing)
    assert existing.revoked_at is None


def test_another_organisations_client_is_404(client, world, db):
    theirs = make_integrator_client(db, world.other_org).client
    db.commit()
    headers = world.headers(world.admin)
    assert client.get(f"{CLIENTS}/{theirs.id}", headers=headers).status_code == 404
    assert client.delete(f"{CLIENTS}/{theirs.id}", headers=headers).status_code == 404
    assert client.get(f"{CLIENTS}/{uuid.uuid4()}", headers=headers).status_code == 404
    db.refresh(theirs)
    assert theirs.revoked_at is None


def test_registration_and_revocation_are_audited(client, world, db):
    client_id = register(client, world).json()["client_id"]
    client.delete(f"{CLIENTS}/{client_id}", headers=world.headers(world.admin))
    client.get(CLIENTS, headers=world.headers(world.specialist))
    events = db.scalars(
        select(AuditEvent).where(AuditEvent.resource.startswith(CLIENTS)).order_by(AuditEvent.id)
    ).all()
    assert [(e.action, e.actor_id, e.outcome, e.status_code) for e in events] == [
        ("create_integrator_client", world.admin.id, "success", 201),
        ("revoke_integrator_client", world.admin.id, "success", 204),
        ("list_integrator_clients", world.specialist.id, "denied", 403),
    ]
