"""CORS: only origins named in settings may call the API from a browser."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.core.db import Database
from app.main import create_app

ALLOWED = "https://app.riverbend.example"


@pytest.fixture
def cors_client(settings, engine, sessions):
    allowing = settings.model_copy(update={"cors_origins": [ALLOWED]})
    app: FastAPI = create_app(settings=allowing, database=Database(engine, sessions))
    with TestClient(app, base_url="https://testserver") as client:
        yield client


def preflight(client: TestClient, origin: str, method: str = "PATCH"):
    return client.options(
        "/api/v1/participants/00000000-0000-0000-0000-000000000000",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": method,
            "Access-Control-Request-Headers": "authorization,content-type,if-match",
        },
    )


def test_a_listed_origin_may_send_conditional_writes(cors_client):
    response = preflight(cors_client, ALLOWED)
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED
    assert "if-match" in response.headers["access-control-allow-headers"].lower()


def test_an_unlisted_origin_is_refused(cors_client, world):
    assert preflight(cors_client, "https://evil.example").status_code == 400
    response = cors_client.get(
        "/api/v1/me", headers={**world.headers(world.specialist), "Origin": "https://evil.example"}
    )
    assert "access-control-allow-origin" not in response.headers


def test_a_listed_origin_can_read_the_etag_and_request_id(cors_client, world):
    response = cors_client.get(
        "/api/v1/me", headers={**world.headers(world.specialist), "Origin": ALLOWED}
    )
    assert response.headers["access-control-allow-origin"] == ALLOWED
    exposed = response.headers["access-control-expose-headers"].lower()
    assert "etag" in exposed
    assert "x-request-id" in exposed


def test_without_a_list_no_origin_is_allowed(client, world):
    response = client.get(
        "/api/v1/me", headers={**world.headers(world.specialist), "Origin": ALLOWED}
    )
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
