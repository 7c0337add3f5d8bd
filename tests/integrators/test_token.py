"""The OAuth2 client credentials grant: an access token for a live client with the right
secret, one refusal for everything else, throttled like password sign-in."""

from __future__ import annotations

import base64

import pytest
from sqlalchemy import select

from app.core.audit import AuditEvent
from app.core.base import utcnow
from app.core.security import decode_access_token
from tests.factories import PASSWORD, make_integrator_client

TOKEN = "/api/v1/auth/token"


@pytest.fixture
def funder(db, world):
    registered = make_integrator_client(db, world.org)
    db.commit()
    return registered


def client_credentials(http, client_id, client_secret, **extra):
    return http.post(
        TOKEN,
        data={
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": client_secret,
            **extra,
        },
    )


def basic(client_id, client_secret):
    raw = base64.b64encode(f"{client_id}:{client_secret}".encode()).decode()
    return {"Authorization": f"Basic {raw}"}


def claims_of(world, access_token):
    settings = world.settings
    return decode_access_token(
        access_token,
        secret=settings.resolved_secret_key(),
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
    )


def test_a_live_client_gets_an_access_token_and_no_refresh_token(client, world, funder, db):
    response = client_credentials(client, str(funder.client.id), funder.secret)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == world.settings.access_token_minutes * 60
    assert body["scope"] == "outcomes:read"
    assert "refresh_token" not in body
    assert response.headers["cache-control"] == "no-store"

    claims = claims_of(world, body["access_token"])
    assert claims["sub"] == str(funder.client.id)
    assert claims["role"] == "integrator"
    assert claims["org"] == str(world.org.id)
    assert claims["scope"] == "outcomes:read"
    assert claims["aud"] == world.settings.jwt_audience
    assert claims["iss"] == world.settings.jwt_issuer
    assert claims["exp"] - claims["iat"] == world.settings.access_token_minutes * 60
    assert claims["jti"]

    db.refresh(funder.client)
    assert funder.client.last_used_at is not None
    assert (utcnow() - funder.client.last_used_at).total_seconds() < 60


def test_http_basic_client_authentication_works_too(client, funder):
    response = client.post(
        TOKEN,
        data={"grant_type": "client_credentials"},
        headers=basic(funder.client.id, funder.secret),
    )
    assert response.status_code == 200, response.text
    assert response.json()["scope"] == "outcomes:read"


def test_two_ways_of_authenticating_at_once_are_refused(client, funder):
    response = client.post(
        TOKEN,
        data={"grant_type": "client_credentials", "client_secret": funder.secret},
        headers=basic(funder.client.id, funder.secret),
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


def test_the_client_may_ask_for_a_scope_it_holds_and_no_other(client, funder):
    granted = client_credentials(
        client, str(funder.client.id), funder.secret, scope="outcomes:read"
    )
    assert granted.status_code == 200
    refused = client_credentials(
        client, str(funder.client.id), funder.secret, scope="outcomes:read participants:read"
    )
    assert refused.status_code == 400
    assert refused.json()["error"] == "invalid_scope"


def test_every_failed_client_authentication_gets_the_same_answer(client, world, funder, db):
    revoked = make_integrator_client(db, world.org, name="Former partner")
    revoked.client.revoked_at = utcnow()
    db.commit()
    answers = [
        client_credentials(client, str(funder.client.id), "not-the-secret"),
        client_credentials(client, "5b1f7c52-2f7e-4a6e-9a3c-6d1d8f6c2b10", funder.secret),
        client_credentials(client, "not-a-uuid", funder.secret),
        client_credentials(client, str(revoked.client.id), revoked.secret),
        client.post(TOKEN, data={"grant_type": "client_credentials"}, headers=basic("a", "b")),
        client.post(TOKEN, data={"grant_type": "client_credentials"}),
        client.post(
            TOKEN, data={"grant_type": "client_credentials"}, headers={"Authorization": "Basic %%%"}
        ),
    ]
    for answer in answers:
        assert answer.status_code == 401, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.headers["www-authenticate"].startswith("Basic")
    bodies = [a.json() for a in answers]
    assert all(body == bodies[0] for body in bodies)
    assert bodies[0]["error"] == "invalid_client"
    assert bodies[0]["detail"] == "Client authentication failed."


def test_a_failed_client_authentication_is_audited_against_the_client(client, funder, db):
    client_credentials(client, str(funder.client.id), "not-the-secret")
    event = db.scalars(select(AuditEvent).where(AuditEvent.resource == TOKEN)).one()
    assert event.actor_id == funder.client.id
    assert event.actor_role == "integrator"
    assert (event.outcome, event.status_code) == ("denied", 401)


def test_a_users_password_is_not_a_client_secret(client, world):
    assert client_credentials(client, str(world.admin.id), PASSWORD).status_code == 401


def test_the_password_grant_is_unchanged(client, world):
    response = client.post(
        TOKEN,
        data={"grant_type": "password", "username": world.specialist.email, "password": PASSWORD},
    )
    assert response.status_code == 200
    assert set(response.json()) == {"access_token", "token_type", "expires_in", "refresh_token"}


class TestThrottling:
    def test_repeated_failures_for_one_client_answer_429(self, client, world, funder, db):
        other = make_integrator_client(db, world.org, name="Other")
        db.commit()
        for _ in range(world.settings.login_failures_per_account):
            response = client_credentials(client, str(funder.client.id), "wrong")
            assert response.status_code == 401
        refused = client_credentials(client, str(funder.client.id), funder.secret)
        assert refused.status_code == 429
        assert refused.headers["content-type"] == "application/problem+json"
        assert int(refused.headers["retry-after"]) > 0
        # Another client from the same address still gets in.
        assert client_credentials(client, str(other.client.id), other.secret).status_code == 200

    def test_guessing_many_client_ids_from_one_address_answers_429(self, client, world, funder):
        for i in range(world.settings.login_failures_per_ip):
            client_credentials(client, f"guess-{i}", "wrong")
        refused = client_credentials(client, str(funder.client.id), funder.secret)
        assert refused.status_code == 429

    def test_a_success_clears_the_clients_counter(self, client, world, funder):
        limit = world.settings.login_failures_per_account
        for _ in range(limit - 1):
            client_credentials(client, str(funder.client.id), "wrong")
        assert client_credentials(client, str(funder.client.id), funder.secret).status_code == 200
        for _ in range(limit - 1):
            client_credentials(client, str(funder.client.id), "wrong")
        assert client_credentials(client, str(funder.client.id), funder.secret).status_code == 200
