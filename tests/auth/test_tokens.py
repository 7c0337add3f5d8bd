"""Signing in, refresh rotation with reuse detection, sign-out, and what ends sessions."""

from __future__ import annotations

import pytest

from tests.factories import PASSWORD

TOKEN = "/api/v1/auth/token"
REFRESH = "/api/v1/auth/refresh"


def sign_in(client, email, password=PASSWORD, **headers):
    return client.post(
        TOKEN,
        data={"grant_type": "password", "username": email, "password": password},
        headers=headers,
    )


def test_password_grant_returns_a_15_minute_access_token_and_a_refresh_token(client, world):
    response = sign_in(client, world.specialist.email)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 900
    assert body["refresh_token"]
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.json()["email"] == world.specialist.email
    assert me.json()["role"] == "specialist"


def test_sign_in_ignores_the_case_of_the_email(client, world):
    assert sign_in(client, world.specialist.email.upper()).status_code == 200


def test_unknown_user_and_wrong_password_get_the_same_answer(client, world):
    unknown = sign_in(client, "nobody@example.org")
    wrong = sign_in(client, world.specialist.email, "not the password at all")
    assert unknown.status_code == wrong.status_code == 400
    assert unknown.json() == wrong.json()
    assert unknown.json()["error"] == "invalid_grant"


def test_a_deactivated_account_cannot_sign_in(client, world, db):
    world.specialist.is_active = False
    db.commit()
    assert sign_in(client, world.specialist.email).status_code == 400


def test_an_unsupported_grant_type_is_refused(client):
    response = client.post(TOKEN, data={"grant_type": "authorization_code"})
    assert response.status_code == 422


def test_refresh_rotates_the_token(client, world):
    first = sign_in(client, world.specialist.email).json()
    second = client.post(REFRESH, json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    assert second.json()["refresh_token"] != first["refresh_token"]
    third = client.post(REFRESH, json={"refresh_token": second.json()["refresh_token"]})
    assert third.status_code == 200


def test_reusing_a_spent_refresh_token_revokes_its_whole_family(client, world):
    first = sign_in(client, world.specialist.email).json()
    second = client.post(REFRESH, json={"refresh_token": first["refresh_token"]}).json()

    replay = client.post(REFRESH, json={"refresh_token": first["refresh_token"]})
    assert replay.status_code == 401

    # The legitimate successor is revoked too: whoever holds either must sign in again.
    after = client.post(REFRESH, json={"refresh_token": second["refresh_token"]})
    assert after.status_code == 401


def test_reuse_revokes_only_that_family(client, world):
    laptop = sign_in(client, world.specialist.email).json()
    phone = sign_in(client, world.specialist.email).json()
    client.post(REFRESH, json={"refresh_token": laptop["refresh_token"]})
    client.post(REFRESH, json={"refresh_token": laptop["refresh_token"]})
    assert client.post(REFRESH, json={"refresh_token": phone["refresh_token"]}).status_code == 200


def test_an_unknown_refresh_token_is_refused(client):
    assert client.post(REFRESH, json={"refresh_token": "made-up"}).status_code == 401


def test_logout_revokes_the_refresh_token(client, world):
    tokens = sign_in(client, world.specialist.email).json()
    assert (
        client.post(
            "/api/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]}
        ).status_code
        == 204
    )
    assert client.post(REFRESH, json={"refresh_token": tokens["refresh_token"]}).status_code == 401


def test_deactivation_ends_refresh_and_access(client, world):
    tokens = sign_in(client, world.specialist.email).json()
    bearer = {"Authorization": f"Bearer {tokens['access_token']}"}
    response = client.post(
        f"/api/v1/users/{world.specialist.id}/deactivate", headers=world.headers(world.admin)
    )
    assert response.status_code == 200
    assert client.get("/api/v1/me", headers=bearer).status_code == 401
    assert client.post(REFRESH, json={"refresh_token": tokens["refresh_token"]}).status_code == 401


def test_a_password_change_revokes_refresh_tokens(client, world):
    tokens = sign_in(client, world.specialist.email).json()
    admin = world.headers(world.admin)
    etag = client.get(f"/api/v1/users/{world.specialist.id}", headers=admin).headers["etag"]
    changed = client.patch(
        f"/api/v1/users/{world.specialist.id}",
        json={"password": "a brand new passphrase"},
        headers={**admin, "If-Match": etag},
    )
    assert changed.status_code == 200, changed.text
    assert client.post(REFRESH, json={"refresh_token": tokens["refresh_token"]}).status_code == 401
    assert sign_in(client, world.specialist.email, "a brand new passphrase").status_code == 200


class TestThrottling:
    def test_repeated_failures_for_one_account_answer_429_with_retry_after(self, client, world):
        limit = world.settings.login_failures_per_account
        for _ in range(limit):
            assert sign_in(client, world.supervisor.email, "wrong password!").status_code == 400
        refused = sign_in(client, world.supervisor.email)  # even the right password waits
        assert refused.status_code == 429
        assert refused.headers["content-type"] == "application/problem+json"
        assert (
            0 < int(refused.headers["retry-after"]) <= world.settings.login_failure_window_seconds
        )
        # Another account from the same address is not locked by this one.
        assert sign_in(client, world.specialist.email).status_code == 200

    def test_unknown_accounts_are_throttled_like_real_ones(self, client, world):
        limit = world.settings.login_failures_per_account
        for _ in range(limit):
            sign_in(client, "nobody@example.org", "wrong password!")
        assert sign_in(client, "nobody@example.org", "wrong password!").status_code == 429

    def test_many_failures_from_one_address_answer_429(self, client, world):
        limit = world.settings.login_failures_per_ip
        for i in range(limit):
            sign_in(client, f"guess{i}@example.org", "wrong password!")
        refused = sign_in(client, world.specialist.email)
        assert refused.status_code == 429
        assert int(refused.headers["retry-after"]) > 0

    def test_a_successful_sign_in_clears_the_account_counter(self, client, world):
        limit = world.settings.login_failures_per_account
        for _ in range(limit - 1):
            sign_in(client, world.supervisor.email, "wrong password!")
        assert sign_in(client, world.supervisor.email).status_code == 200
        for _ in range(limit - 1):
            sign_in(client, world.supervisor.email, "wrong password!")
        assert sign_in(client, world.supervisor.email).status_code == 200


@pytest.mark.parametrize(
    "grant", [{"grant_type": "password"}, {"grant_type": "password", "username": "x"}]
)
def test_missing_credentials_are_a_clear_400(client, grant):
    response = client.post(TOKEN, data=grant)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"


def test_an_unknown_account_costs_a_full_password_check(db, monkeypatch):
    # Timing is not measured (noisy machines); what makes it equal is that an unknown
    # account still runs argon2 against a dummy hash.
    from app.auth import service as auth_service
    from app.core.security import verify_password

    checked: list[object] = []

    def spy(password_hash, password):
        checked.append(password_hash)
        return verify_password(password_hash, password)

    monkeypatch.setattr("app.auth.service.verify_password", spy)
    user, ok = auth_service.authenticate(db=db, email="nobody@example.org", password="guess")
    assert (user, ok) == (None, False)
    assert checked == [None]  # verify_password substitutes its dummy hash for None
