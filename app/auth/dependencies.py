"""Who is calling, and may they call this at all."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer

from app.core import audit
from app.core.db import SessionDep
from app.core.errors import Forbidden, Unauthorized
from app.core.security import InvalidToken, Principal, Role, decode_access_token
from app.users.models import User

TOKEN_URL = "/api/v1/auth/token"  # noqa: S105 - a path, not a secret

_bearer = OAuth2PasswordBearer(tokenUrl=TOKEN_URL, auto_error=False)


def principal_of(user: User) -> Principal:
    """The principal an account acts as (its role is constrained by a CHECK)."""
    return Principal(
        user_id=user.id,
        role=user.role,  # type: ignore[arg-type]
        organisation_id=user.organisation_id,
        participant_id=user.participant_id,
    )


def get_principal(
    request: Request, db: SessionDep, token: Annotated[str | None, Depends(_bearer)]
) -> Principal:
    if not token:
        raise Unauthorized("Sign in first: send an access token as a Bearer credential.")
    settings = request.app.state.settings
    try:
        claims = decode_access_token(
            token,
            secret=request.app.state.secret_key,
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
        )
        user_id = uuid.UUID(claims["sub"])
        organisation_id = uuid.UUID(claims["org"])
    except (InvalidToken, ValueError) as exc:
        raise Unauthorized("The access token is not valid.") from exc

    user = db.get(User, user_id)
    if (
        user is None
        or not user.is_active
        or user.organisation_id != organisation_id
        or user.role != claims["role"]
        or int(claims["iat"]) < int(user.password_changed_at.timestamp())
    ):
        raise Unauthorized("The access token is no longer valid.")
    principal = principal_of(user)
    audit.trail_of(request).identify(principal)
    return principal


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


def require_roles(*roles: Role) -> Callable[[Principal], Principal]:
    """A dependency that refuses (403) any role not listed."""

    def dependency(principal: CurrentPrincipal) -> Principal:
        if principal.role not in roles:
            raise Forbidden(f"This operation is not available to the {principal.role} role.")
        return principal

    dependency.__name__ = f"require_{'_or_'.join(roles)}"
    return dependency


AdminPrincipal = Annotated[Principal, Depends(require_roles("admin"))]
StaffPrincipal = Annotated[Principal, Depends(require_roles("admin", "supervisor", "specialist"))]
CarePrincipal = Annotated[Principal, Depends(require_roles("supervisor", "specialist"))]
ParticipantPrincipal = Annotated[Principal, Depends(require_roles("participant"))]
