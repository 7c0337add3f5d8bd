"""``OutcomesReader``, the dependency of the outcome export and summary: supervisors,
admins, and live integrator clients holding ``outcomes:read``."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from app.auth.dependencies import IntegratorPrincipal, OutcomesReader
from app.core.audit import AuditEvent
from app.core.config import Settings
from app.core.db import Database, SessionDep
from app.core.security import create_access_token
from app.main import create_app
from tests.factories import integrator_headers, make_integrator_client

PROBE = "/api/v1/outcomes-reader-probe"


@pytest.fixture
def app(settings: Settings, engine: Engine, sessions: sessionmaker[Session]) -> FastAPI:
    # An app of its own, with a stand-in for the export that only says who got through.
    app = create_app(settings=settings, database=Database(engine, sessions))

    @app.get(PROBE)
    def probe(_: SessionDep, reader: OutcomesReader) -> dict[str, object]:
        if isinstance(reader, IntegratorPrincipal):
            return {
                "kind": "integrator",
                "actor_id": str(reader.actor_id),
                "scopes": sorted(reader.scopes),
            }
        return {"kind": reader.role, "actor_id": str(reader.actor_id)}

    return app


@pytest.mark.parametrize("role", ["supervisor", "admin"])
def test_supervisors_and_admins_may_read_outcomes(client, world, role):
    user = getattr(world, role)
    response = client.get(PROBE, headers=world.headers(user))
    assert response.status_code == 200, response.text
    assert response.json() == {"kind": role, "actor_id": str(user.id)}


@pytest.mark.parametrize("role", ["specialist", "me"])
def test_specialists_and_participants_may_not(client, world, role):
    response = client.get(PROBE, headers=world.headers(getattr(world, role)))
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"


def test_an_integrator_with_the_scope_may_read_and_is_the_audited_actor(client, world, db):
    funder = make_integrator_client(db, world.org).client
    db.commit()
    response = client.get(PROBE, headers=integrator_headers(funder, world.settings))
    assert response.status_code == 200, response.text
    assert response.json() == {
        "kind": "integrator",
        "actor_id": str(funder.id),
        "scopes": ["outcomes:read"],
    }
    event = db.scalars(select(AuditEvent).where(AuditEvent.resource == PROBE)).one()
    assert (event.actor_id, event.actor_role) == (funder.id, "integrator")
    assert event.organisation_id == world.org.id


def test_an_integrator_without_the_scope_is_refused(client, world, db):
    holder = make_integrator_client(db, world.org).client
    lacking = make_integrator_client(db, world.org, name="No scopes", scopes=[]).client
    db.commit()
    # A token without the scope, and a token that claims it for a client that lacks it.
    for headers in (
        integrator_headers(holder, world.settings, scopes=[]),
        integrator_headers(lacking, world.settings, scopes=["outcomes:read"]),
    ):
        response = client.get(PROBE, headers=headers)
        assert response.status_code == 403
        assert "outcomes:read" in response.json()["detail"]


def test_a_revoked_clients_unexpired_token_is_401(client, world, db):
    funder = make_integrator_client(db, world.org).client
    db.commit()
    headers = integrator_headers(funder, world.settings)
    assert client.get(PROBE, headers=headers).status_code == 200
    client.delete(f"/api/v1/integrator-clients/{funder.id}", headers=world.headers(world.admin))
    response = client.get(PROBE, headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"


def test_a_token_naming_another_organisation_is_401(client, world, db):
    funder = make_integrator_client(db, world.org).client
    db.commit()
    settings = world.settings
    forged_org = create_access_token(
        secret=settings.resolved_secret_key(),
        subject=funder.id,
        role="integrator",
        organisation_id=world.other_org.id,
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        lifetime=timedelta(minutes=5),
        extra={"scope": "outcomes:read"},
    )
    response = client.get(PROBE, headers={"Authorization": f"Bearer {forged_org}"})
    assert response.status_code == 401


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer not-a-token"}])
def test_no_or_a_bad_token_is_401(client, headers):
    assert client.get(PROBE, headers=headers).status_code == 401
