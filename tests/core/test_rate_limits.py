"""Rate limits on sign-in, refresh and the outcome export: 429 with Retry-After."""

from __future__ import annotations

import socket
import uuid

import pytest
from fastapi.testclient import TestClient

from app.core.db import Database
from app.core.errors import TooManyRequests
from app.core.rate_limits import RateLimits
from app.main import create_app
from tests.factories import PASSWORD, integrator_headers, make_integrator_client

TOKEN = "/api/v1/auth/token"
REFRESH = "/api/v1/auth/refresh"
EXPORT = "/api/v1/outcomes/export"


@pytest.fixture
def limited(settings, engine, sessions):
    settings.rate_limit_sign_in = "3/minute"
    settings.rate_limit_refresh = "2/minute"
    settings.rate_limit_export = "2/hour"
    settings.export_settle_seconds = 0
    app = create_app(settings=settings, database=Database(engine, sessions))
    with TestClient(app, base_url="https://testserver") as client:
        yield client


def assert_limited(response) -> None:
    assert response.status_code == 429, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert int(response.headers["Retry-After"]) >= 1


def sign_in(client, email):
    return client.post(
        TOKEN, data={"grant_type": "password", "username": email, "password": PASSWORD}
    )


def test_sign_in_is_limited_per_address_even_when_it_succeeds(limited, world):
    for _ in range(3):
        assert sign_in(limited, world.specialist.email).status_code == 200
    assert_limited(sign_in(limited, world.supervisor.email))


def test_refresh_is_limited_per_address(limited, world):
    refresh_token = sign_in(limited, world.specialist.email).json()["refresh_token"]
    for _ in range(2):
        response = limited.post(REFRESH, json={"refresh_token": refresh_token})
        assert response.status_code == 200, response.text
        refresh_token = response.json()["refresh_token"]
    assert_limited(limited.post(REFRESH, json={"refresh_token": refresh_token}))


def test_the_export_is_limited_per_client(limited, world, db, settings):
    first = make_integrator_client(db, world.org).client
    second = make_integrator_client(db, world.org, name="Another").client
    db.commit()
    for _ in range(2):
        assert limited.get(EXPORT, headers=integrator_headers(first, settings)).status_code == 200
    assert_limited(limited.get(EXPORT, headers=integrator_headers(first, settings)))
    # Another client has its own allowance.
    assert limited.get(EXPORT, headers=integrator_headers(second, settings)).status_code == 200


def test_counters_can_live_in_redis():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    key = uuid.uuid4().hex
    limits = RateLimits(storage_uri="redis://127.0.0.1:6379", rules={"probe": "2/minute"})
    limits.hit("probe", key)
    limits.hit("probe", key)
    # A second instance (another replica) shares the count.
    other = RateLimits(storage_uri="redis://127.0.0.1:6379", rules={"probe": "2/minute"})
    with pytest.raises(TooManyRequests) as refused:
        other.hit("probe", key)
    assert refused.value.retry_after >= 1


def test_a_malformed_rate_setting_is_refused(settings):
    with pytest.raises(ValueError, match="30/minute"):
        type(settings)(rate_limit_export="lots")
