"""Browsers keep the refresh token in an HttpOnly cookie that scripts cannot read."""

from __future__ import annotations

from tests.factories import PASSWORD

COOKIE = {"X-Token-Delivery": "cookie"}


def sign_in(client, world):
    return client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": world.specialist.email, "password": PASSWORD},
        headers=COOKIE,
    )


def test_sign_in_sets_an_httponly_strict_secure_cookie_and_no_body_token(client, world):
    response = sign_in(client, world)
    assert response.status_code == 200
    assert response.json()["refresh_token"] is None
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("prss_refresh=")
    for attribute in ("HttpOnly", "Secure", "SameSite=strict", "Path=/api/v1/auth"):
        assert attribute.lower() in cookie.lower()


def test_refresh_uses_and_rotates_the_cookie(client, world):
    sign_in(client, world)
    first = client.cookies.get("prss_refresh")
    refreshed = client.post("/api/v1/auth/refresh", headers=COOKIE)
    assert refreshed.status_code == 200, refreshed.text
    assert refreshed.json()["access_token"]
    assert client.cookies.get("prss_refresh") not in (None, first)


def test_a_replayed_cookie_revokes_the_family(client, world):
    sign_in(client, world)
    stolen = client.cookies.get("prss_refresh")
    client.post("/api/v1/auth/refresh", headers=COOKIE)
    client.cookies.clear()
    client.cookies.set("prss_refresh", stolen)
    replay = client.post("/api/v1/auth/refresh", headers=COOKIE)
    assert replay.status_code == 401


def test_logout_clears_the_cookie_and_revokes_it(client, world):
    sign_in(client, world)
    token = client.cookies.get("prss_refresh")
    response = client.post("/api/v1/auth/logout", headers=COOKIE)
    assert response.status_code == 204
    assert "max-age=0" in response.headers["set-cookie"].lower()
    client.cookies.clear()
    client.cookies.set("prss_refresh", token)
    again = client.post("/api/v1/auth/refresh")
    assert again.status_code == 401


def test_refresh_without_any_token_is_401(client):
    response = client.post("/api/v1/auth/refresh")
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"


def test_mobile_clients_still_get_the_token_in_the_body(client, world):
    response = client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": world.specialist.email, "password": PASSWORD},
    )
    assert response.json()["refresh_token"]
    assert "set-cookie" not in response.headers
