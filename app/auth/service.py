"""Signing in, and the lifecycle of refresh tokens."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.auth.models import RefreshToken
from app.core.base import utcnow
from app.core.config import Settings
from app.core.errors import Unauthorized
from app.core.security import (
    INTEGRATOR_ROLE,
    create_access_token,
    digest_token,
    hash_password,
    new_opaque_token,
    password_needs_rehash,
    verify_password,
)
from app.integrators.models import IntegratorClient
from app.users.models import User


class RefreshTokenReused(Unauthorized):
    """A spent refresh token came back: someone holds a copy. Its family is revoked, and
    that revocation must be committed even though the request is refused."""

    keeps_changes = True


@dataclass(frozen=True)
class IssuedTokens:
    access_token: str
    expires_in: int
    refresh_token: str


@dataclass(frozen=True)
class IssuedClientToken:
    access_token: str
    expires_in: int
    scope: str


def authenticate(*, db: Session, email: str, password: str) -> tuple[User | None, bool]:
    """Return the account for ``email`` (if any) and whether the password matched.

    The password is verified even for unknown accounts, so both answers take as long."""
    user = db.scalar(select(User).where(User.email == email.strip().lower()))
    ok = verify_password(user.password_hash if user else None, password)
    if user is not None and ok and password_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user, ok and user is not None and user.is_active


def issue_tokens(
    *,
    db: Session,
    user: User,
    settings: Settings,
    secret: str,
    family_id: uuid.UUID | None = None,
) -> IssuedTokens:
    lifetime = timedelta(minutes=settings.access_token_minutes)
    access = create_access_token(
        secret=secret,
        subject=user.id,
        role=user.role,
        organisation_id=user.organisation_id,
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        lifetime=lifetime,
    )
    refresh = new_opaque_token()
    db.add(
        RefreshToken(
            user_id=user.id,
            family_id=family_id or uuid.uuid4(),
            token_digest=digest_token(refresh),
            expires_at=utcnow() + timedelta(days=settings.refresh_token_days),
        )
    )
    db.flush()
    return IssuedTokens(
        access_token=access, expires_in=int(lifetime.total_seconds()), refresh_token=refresh
    )


def issue_client_token(
    *, client: IntegratorClient, scopes: list[str], settings: Settings, secret: str
) -> IssuedClientToken:
    """An access token for an integrator client (client credentials grant). No refresh
    token: the client holds its secret and asks again."""
    lifetime = timedelta(minutes=settings.access_token_minutes)
    scope = " ".join(scopes)
    access = create_access_token(
        secret=secret,
        subject=client.id,
        role=INTEGRATOR_ROLE,
        organisation_id=client.organisation_id,
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        lifetime=lifetime,
        extra={"scope": scope},
    )
    # Cheap: the row is already loaded and the request commits anyway.
    client.last_used_at = utcnow()
    return IssuedClientToken(
        access_token=access, expires_in=int(lifetime.total_seconds()), scope=scope
    )


def rotate(*, db: Session, refresh_token: str, settings: Settings, secret: str) -> IssuedTokens:
    """Spend ``refresh_token`` and issue its successor in the same family."""
    stored = db.scalar(
        select(RefreshToken).where(RefreshToken.token_digest == digest_token(refresh_token))
    )
    if stored is None or stored.revoked_at is not None or stored.expires_at <= utcnow():
        raise Unauthorized("The refresh token is not valid; sign in again.")
    # A conditional update, so two concurrent uses cannot both succeed.
    spent = db.execute(
        update(RefreshToken)
        .where(RefreshToken.id == stored.id, RefreshToken.spent_at.is_(None))
        .values(spent_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if spent.rowcount != 1:  # type: ignore[attr-defined]
        revoke_family(db=db, family_id=stored.family_id)
        raise RefreshTokenReused("The refresh token was already used; sign in again.")
    user = db.get(User, stored.user_id)
    if user is None or not user.is_active:
        raise Unauthorized("The account is not active.")
    return issue_tokens(
        db=db, user=user, settings=settings, secret=secret, family_id=stored.family_id
    )


def revoke_family(*, db: Session, family_id: uuid.UUID) -> None:
    db.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
        .execution_options(synchronize_session=False)
    )


def revoke_all_for_user(*, db: Session, user_id: uuid.UUID) -> None:
    db.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
        .execution_options(synchronize_session=False)
    )


def logout(*, db: Session, refresh_token: str) -> None:
    stored = db.scalar(
        select(RefreshToken).where(RefreshToken.token_digest == digest_token(refresh_token))
    )
    if stored is not None:
        revoke_family(db=db, family_id=stored.family_id)
