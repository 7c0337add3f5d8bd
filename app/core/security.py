"""Credentials: password hashing (argon2id), access tokens (JWT) and opaque tokens.

Every use of python-jose lives in this module, so the library can be replaced in one
place. Decoding always pins the algorithm, audience and issuer and requires ``exp``,
``iat`` and ``sub`` (python-jose would otherwise accept any algorithm and no expiry).
"""

from __future__ import annotations

import functools
import hashlib
import secrets
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from types import MappingProxyType
from typing import Any, Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from jose import JWTError, jwt

from app.core.base import utcnow

ALGORITHM = "HS256"

Role = Literal["admin", "supervisor", "specialist", "participant"]
ROLES: tuple[Role, ...] = ("admin", "supervisor", "specialist", "participant")
STAFF_ROLES: tuple[Role, ...] = ("admin", "supervisor", "specialist")
# The role claim of client-credentials tokens: an integrator client, never a person.
INTEGRATOR_ROLE = "integrator"


@dataclass(frozen=True)
class Principal:
    """Who is calling: resolved from a verified access token and a live account."""

    user_id: uuid.UUID
    role: Role
    organisation_id: uuid.UUID
    participant_id: uuid.UUID | None = None

    @property
    def actor_id(self) -> uuid.UUID:
        return self.user_id

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES


class InvalidToken(Exception):
    """The token is malformed, forged, expired or meant for someone else."""


_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# Verified against when the account does not exist, so both paths cost the same.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Check a password; with no hash, burn the same time and fail."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def password_needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def create_access_token(
    *,
    secret: str,
    subject: uuid.UUID,
    role: str,
    organisation_id: uuid.UUID,
    issuer: str,
    audience: str,
    lifetime: timedelta,
    extra: dict[str, Any] | None = None,
) -> str:
    now = utcnow()
    claims: dict[str, Any] = {
        **(extra or {}),
        "sub": str(subject),
        "role": role,
        "org": str(organisation_id),
        "iss": issuer,
        "aud": audience,
        "iat": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


# Access tokens that passed verification, with their claims. A client sends the same
# token with every request until it expires, and python-jose takes 70 to 95 µs to verify
# it where a kept one costs 1 to 2 (bench/README.md, "Load"). What it found cannot change for
# the same token under the same key, issuer and audience, except expiry, which
# ``decode_access_token`` checks against the clock at every use, as jose does. Only tokens
# that passed are kept (a flood of bad tokens keeps nothing), the least recently used
# going first.
VERIFIED_TOKENS = 4096


def decode_access_token(token: str, *, secret: str, issuer: str, audience: str) -> dict[str, Any]:
    claims, expires = _verified(token, secret, issuer, audience)
    # jose's own test, in whole seconds and without leeway.
    if expires < int(time.time()):
        raise InvalidToken("ExpiredSignatureError")
    return dict(claims)


@functools.lru_cache(maxsize=VERIFIED_TOKENS)
def _verified(token: str, secret: str, issuer: str, audience: str) -> tuple[Mapping[str, Any], int]:
    """The token's claims (read-only: every use shares them) and its expiry, as jose read
    it (an integer, or a number or text it took as one)."""
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            audience=audience,
            issuer=issuer,
            options={
                "require_exp": True,
                "require_iat": True,
                "require_sub": True,
                "require_aud": True,
                "require_iss": True,
                "require_jti": True,
            },
        )
    except JWTError as exc:
        raise InvalidToken(type(exc).__name__) from exc
    for claim in ("role", "org"):
        if not isinstance(claims.get(claim), str):
            raise InvalidToken(f"missing {claim}")
    return MappingProxyType(claims), int(claims["exp"])


def new_opaque_token() -> str:
    """A high-entropy bearer secret (refresh tokens, one-time tickets)."""
    return secrets.token_urlsafe(32)


def digest_token(token: str) -> str:
    """Opaque tokens carry 256 bits of entropy, so a plain SHA-256 is a safe stored form."""
    return hashlib.sha256(token.encode()).hexdigest()
