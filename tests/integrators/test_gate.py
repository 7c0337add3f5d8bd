"""Integrator tokens open the outcome export and summary and nothing else: every other
route answers 403, checked by walking every route the app has (new ones included)."""

from __future__ import annotations

import re
import uuid

import pytest
from fastapi.routing import iter_route_contexts
from sqlalchemy import select

from app.auth.dependencies import INTEGRATOR_REFUSED
from app.core.audit import AuditEvent
from app.core.base import utcnow
from tests.factories import make_integrator_client
from tests.test_routes_require_auth import PUBLIC

# Built with OutcomesReader, which admits integrators (tested in test_outcomes_reader.py).
INTEGRATOR_PATHS = ("/api/v1/outcomes/export", "/api/v1/outcomes/summary")


def integrator_refused_operations(app):
    for route in iter_route_contexts(app.routes):
        path = route.path or ""
        if path.startswith(INTEGRATOR_PATHS):
            continue
        for method in sorted((route.methods or set()) - {"HEAD", "OPTIONS"}):
            if (method, path) not in PUBLIC:
                yield method, path


@pytest.fixture
def funder(db, world):
    registered = make_integrator_client(db, world.org)
    db.commit()
    return registered


@pytest.fixture
def bearer(client, funder):
    # A token from the real grant, as an integrator would hold it.
    response = client.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": str(funder.client.id),
            "client_secret": funder.secret,
        },
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def call(client, method, path, headers, participant_id):
    # A real participant where a route names one, so a refusal cannot hide behind a 404.
    concrete = path.replace("{participant_id}", str(participant_id))
    concrete = re.sub(r"\{[^}]+\}", str(uuid.uuid4()), concrete)
    body: dict[str, str] | None = None if method in ("GET", "DELETE") else {}
    return client.request(method, concrete, json=body, headers={**headers, "If-Match": "*"})


def test_the_walk_covers_the_api(app):
    operations = set(integrator_refused_operations(app))
    assert len(operations) >= 40
    assert ("GET", "/api/v1/participants") in operations
    assert ("POST", "/api/v1/integrator-clients") in operations
    assert ("GET", "/api/v1/me") in operations


def test_an_integrator_token_is_refused_on_every_other_route(app, client, world, bearer):
    checked = []
    for method, path in integrator_refused_operations(app):
        response = call(client, method, path, bearer, world.matched.id)
        assert response.status_code == 403, f"{method} {path} answered {response.status_code}"
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["detail"] == INTEGRATOR_REFUSED, f"{method} {path}"
        checked.append((method, path))
    assert len(checked) >= 40


def test_the_refusal_is_audited_with_the_integrator_as_actor(client, world, funder, bearer, db):
    client.get(f"/api/v1/participants/{world.matched.id}", headers=bearer)
    event = db.scalars(
        select(AuditEvent).where(AuditEvent.resource == f"/api/v1/participants/{world.matched.id}")
    ).one()
    assert event.actor_id == funder.client.id
    assert event.actor_role == "integrator"
    assert event.organisation_id == world.org.id
    assert (event.outcome, event.status_code) == ("denied", 403)


def test_a_revoked_clients_token_is_no_longer_valid(client, world, funder, bearer, db):
    funder.client.revoked_at = utcnow()
    db.commit()
    response = client.get("/api/v1/participants", headers=bearer)
    assert response.status_code == 401
