"""Access tokens: only well-formed, correctly signed, current tokens for us get through."""

from __future__ import annotations

import base64
import json
import time
import uuid
from typing import Any

import pytest
from jose import jwt

from app.core import security
from app.core.security import InvalidToken, decode_access_token, hash_password, verify_password
from tests.conftest import TEST_SECRET


def _claims(world: Any, **changes: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {
        "sub": str(world.specialist.id),
        "role": "specialist",
        "org": str(world.org.id),
        "iss": world.settings.jwt_issuer,
        "aud": world.settings.jwt_audience,
        "iat": now,
        "exp": now + 600,
        "jti": uuid.uuid4().hex,
    }
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def _me(client: Any, token: str) -> Any:
    return client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})


def test_a_valid_token_is_accepted(client, world):
    token = jwt.encode(_claims(world), TEST_SECRET, algorithm="HS256")
    assert _me(client, token).status_code == 200


def test_alg_none_is_refused(client, world):
    token = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(_claims(world))}."
    assert _me(client, token).status_code == 401


def test_hs512_is_refused_where_hs256_is_expected(client, world):
    token = jwt.encode(_claims(world), TEST_SECRET, algorithm="HS512")
    assert _me(client, token).status_code == 401


def test_a_token_signed_with_another_key_is_refused(client, world):
    token = jwt.encode(_claims(world), "another-secret-" + "k" * 40, algorithm="HS256")
    assert _me(client, token).status_code == 401


def test_an_expired_token_is_refused(client, world):
    past = int(time.time()) - 3600
    token = jwt.encode(_claims(world, iat=past - 900, exp=past), TEST_SECRET, algorithm="HS256")
    assert _me(client, token).status_code == 401


def test_a_token_without_exp_is_refused(client, world):
    token = jwt.encode(_claims(world, exp=None), TEST_SECRET, algorithm="HS256")
    assert _me(client, token).status_code == 401


@pytest.mark.parametrize("claim", ["aud", "iss"])
def test_a_token_for_another_audience_or_issuer_is_refused(client, world, claim):
    token = jwt.encode(_claims(world, **{claim: "someone-else"}), TEST_SECRET, algorithm="HS256")
    assert _me(client, token).status_code == 401


def test_a_tampered_payload_is_refused(client, world):
    token = jwt.encode(_claims(world), TEST_SECRET, algorithm="HS256")
    header, _, signature = token.split(".")
    forged = _b64(_claims(world, sub=str(world.admin.id), role="admin"))
    assert _me(client, f"{header}.{forged}.{signature}").status_code == 401


def test_a_token_whose_role_no_longer_matches_the_account_is_refused(client, world):
    token = jwt.encode(_claims(world, role="admin"), TEST_SECRET, algorithm="HS256")
    assert _me(client, token).status_code == 401


def test_refusals_are_problem_json_with_a_bearer_challenge(client):
    response = _me(client, "not-a-token")
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["status"] == 401


def test_decode_requires_iat_and_sub():
    now = int(time.time())
    base = {"role": "x", "org": "y", "iss": "prss", "aud": "prss-api", "jti": "j", "exp": now + 60}
    for missing in ({"sub": "s"}, {"iat": now}):
        token = jwt.encode({**base, **missing}, TEST_SECRET, algorithm="HS256")
        with pytest.raises(InvalidToken):
            decode_access_token(token, secret=TEST_SECRET, issuer="prss", audience="prss-api")


def test_passwords_are_hashed_with_argon2id():
    digest = hash_password("a long enough password")
    assert digest.startswith("$argon2id$")
    assert verify_password(digest, "a long enough password")
    assert not verify_password(digest, "another password")
    assert not verify_password(None, "a long enough password")


def _decode(token: str) -> dict[str, Any]:
    return decode_access_token(token, secret=TEST_SECRET, issuer="prss", audience="prss-api")


def _token(**changes: Any) -> str:
    now = int(time.time())
    claims: dict[str, Any] = {
        **{"sub": "s", "role": "specialist", "org": "o", "iss": "prss", "aud": "prss-api"},
        **{"iat": now, "exp": now + 600, "jti": uuid.uuid4().hex},
        **changes,
    }
    return jwt.encode(claims, TEST_SECRET, algorithm="HS256")


def test_a_token_accepted_before_is_refused_once_it_expires():
    expires = int(time.time()) + 1
    token = _token(exp=expires)
    assert _decode(token)["sub"] == "s"  # verified, and remembered
    while int(time.time()) <= expires:
        time.sleep(0.1)
    with pytest.raises(InvalidToken, match="Expired"):
        _decode(token)


def test_a_remembered_token_gives_each_caller_the_claims_as_signed():
    token = _token()
    first = _decode(token)
    first["role"] = "admin"
    assert _decode(token)["role"] == "specialist"


def test_only_tokens_that_pass_verification_are_remembered():
    security._verified.cache_clear()
    for bad in (_token(aud="someone-else"), _token()[:-2] + "xx", "not-a-token"):
        with pytest.raises(InvalidToken):
            _decode(bad)
    assert security._verified.cache_info().currsize == 0
    _decode(_token())
    assert security._verified.cache_info().currsize == 1
