"""Who is calling, and may they call this at all.

People call with user access tokens (``get_principal``). Integrator clients call with
client-credentials tokens, which only the outcome export and summary accept
(``outcomes_reader``): every other route goes through ``get_principal``, which refuses them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Protocol

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from app.auth import accounts
from app.auth.accounts import AccountCache
from app.core import audit
from app.core.db import SessionDep
from app.core.errors import Forbidden, Unauthorized
from app.core.security import (
    INTEGRATOR_ROLE,
    InvalidToken,
    Principal,
    Role,
    decode_access_token,
)
from app.integrators import service as integrators
from app.integrators.schemas import OUTCOMES_READ
from app.users.models import User

TOKEN_URL = "/api/v1/auth/token"  # noqa: S105 - a path, not a secret

INTEGRATOR_REFUSED = "Integrator tokens may call only the outcome export and summary."

_bearer = OAuth2PasswordBearer(tokenUrl=TOKEN_URL, auto_error=False)


@dataclass(frozen=True)
class IntegratorPrincipal:
    """An integrator client calling with a client-credentials token, resolved from a
    verified token and a live (not revoked) client row."""

    client_id: uuid.UUID
    organisation_id: uuid.UUID
    scopes: frozenset[str]

    @property
    def actor_id(self) -> uuid.UUID:
        # The audit trail names the client as the actor; there is no person behind it.
        return self.client_id

    @property
    def role(self) -> Literal["integrator"]:
        return "integrator"


class Account(Protocol):
    """What a principal is made of: a loaded User, or the row ``_LIVE_USER`` reads."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def role(self) -> str: ...
    @property
    def organisation_id(self) -> uuid.UUID: ...
    @property
    def participant_id(self) -> uuid.UUID | None: ...


def principal_of(user: Account) -> Principal:
    """The principal an account acts as (its role is constrained by a CHECK)."""
    return Principal(
        user_id=user.id,
        role=user.role,  # type: ignore[arg-type]
        organisation_id=user.organisation_id,
        participant_id=user.participant_id,
    )


def _verified_claims(request: Request, token: str | None) -> dict[str, Any]:
    if not token:
        raise Unauthorized("Sign in first: send an access token as a Bearer credential.")
    settings = request.app.state.settings
    try:
        return decode_access_token(
            token,
            secret=request.app.state.secret_key,
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
        )
    except InvalidToken as exc:
        raise Unauthorized("The access token is not valid.") from exc


# What every request reads of the caller's account: columns, not a loaded User (which
# costs more than the query), and one statement object, whose cache key is kept.
_LIVE_USER = select(
    User.id,
    User.role,
    User.organisation_id,
    User.participant_id,
    User.is_active,
    User.password_changed_at,
).where(User.id == bindparam("user_id"))


def _ids(claims: dict[str, Any]) -> tuple[uuid.UUID, uuid.UUID]:
    """The account and organisation a user token names."""
    try:
        return uuid.UUID(claims["sub"]), uuid.UUID(claims["org"])
    except ValueError as exc:
        raise Unauthorized("The access token is not valid.") from exc


def _read_account(db: Session, user_id: uuid.UUID, cache: AccountCache | None) -> Any:
    """The account's row, read from the database (and kept, if the cache may)."""
    generation = cache.generation() if cache is not None else None
    # Through the session's connection: a statement of columns needs nothing of the ORM.
    account = db.connection().execute(_LIVE_USER, {"user_id": user_id}).one_or_none()
    if account is not None and cache is not None and generation is not None:
        cache.put(user_id, account, generation)
    return account


def _principal_of_live(
    request: Request, claims: dict[str, Any], organisation_id: uuid.UUID, account: Any
) -> Principal:
    """The principal the token speaks for, if its account still stands behind it."""
    if (
        account is None
        or not account.is_active
        or account.organisation_id != organisation_id
        or account.role != claims["role"]
        or int(claims["iat"]) < int(account.password_changed_at.timestamp())
    ):
        raise Unauthorized("The access token is no longer valid.")
    principal = principal_of(account)
    audit.trail_of(request).identify(principal)
    return principal


def _live_user(request: Request, db: Session, claims: dict[str, Any]) -> Principal:
    user_id, organisation_id = _ids(claims)
    cache = accounts.cache_of(request)
    account = cache.get(user_id) if cache is not None else None
    if account is None:
        account = _read_account(db, user_id, cache)
    return _principal_of_live(request, claims, organisation_id, account)


def _live_integrator(request: Request, db: Session, claims: dict[str, Any]) -> IntegratorPrincipal:
    """The integrator a client-credentials token speaks for, if its client is still live.
    Its scopes are those the token carries that the client still holds."""
    try:
        client_id = uuid.UUID(claims["sub"])
        organisation_id = uuid.UUID(claims["org"])
    except ValueError as exc:
        raise Unauthorized("The access token is not valid.") from exc
    scope = claims.get("scope")
    granted = set(scope.split()) if isinstance(scope, str) else set()

    client = integrators.live_client(db=db, client_id=client_id, organisation_id=organisation_id)
    if client is None:
        raise Unauthorized("The access token is no longer valid.")
    principal = IntegratorPrincipal(
        client_id=client.id,
        organisation_id=client.organisation_id,
        scopes=frozenset(granted & set(client.scopes)),
    )
    audit.trail_of(request).identify(principal)
    return principal


async def get_principal(
    request: Request, db: SessionDep, token: Annotated[str | None, Depends(_bearer)]
) -> Principal:
    """The signed-in person. Every route but the outcome export and summary depends on
    this, so an integrator token is refused (403) everywhere else in one place.

    On the event loop when the caller's account is in the process's cache (see
    ``app.auth.accounts``); otherwise its account is read in the thread pool."""
    claims = _verified_claims(request, token)
    if claims["role"] == INTEGRATOR_ROLE:
        return await run_in_threadpool(principal_from_token, request, db, token)
    user_id, organisation_id = _ids(claims)
    cache = accounts.cache_of(request)
    account = cache.get(user_id) if cache is not None else None
    if account is None:
        account = await run_in_threadpool(_read_account, db, user_id, cache)
    return _principal_of_live(request, claims, organisation_id, account)


def principal_from_token(request: Request, db: Session, token: str | None) -> Principal:
    """``get_principal``, for code already in a worker thread."""
    claims = _verified_claims(request, token)
    if claims["role"] == INTEGRATOR_ROLE:
        _live_integrator(request, db, claims)  # a revoked client's token is 401, not 403
        raise Forbidden(INTEGRATOR_REFUSED)
    return _live_user(request, db, claims)


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


def require_roles(*roles: Role) -> Callable[[Principal], Coroutine[Any, Any, Principal]]:
    """A dependency that refuses (403) any role not listed."""

    # async: it only compares, so it runs on the event loop rather than taking a trip
    # through the thread pool as a plain function would.
    async def dependency(principal: CurrentPrincipal) -> Principal:
        if principal.role not in roles:
            raise Forbidden(f"This operation is not available to the {principal.role} role.")
        return principal

    dependency.__name__ = f"require_{'_or_'.join(roles)}"
    return dependency


AdminPrincipal = Annotated[Principal, Depends(require_roles("admin"))]
StaffPrincipal = Annotated[Principal, Depends(require_roles("admin", "supervisor", "specialist"))]
CarePrincipal = Annotated[Principal, Depends(require_roles("supervisor", "specialist"))]
ParticipantPrincipal = Annotated[Principal, Depends(require_roles("participant"))]

OUTCOMES_READER_ROLES: tuple[Role, ...] = ("supervisor", "admin")


def outcomes_reader(
    request: Request, db: SessionDep, token: Annotated[str | None, Depends(_bearer)]
) -> Principal | IntegratorPrincipal:
    """Who may read outcome data in aggregate or export: a supervisor or admin, or an
    integrator client that is live and holds the ``outcomes:read`` scope."""
    claims = _verified_claims(request, token)
    if claims["role"] != INTEGRATOR_ROLE:
        principal = _live_user(request, db, claims)
        if principal.role not in OUTCOMES_READER_ROLES:
            raise Forbidden(f"This operation is not available to the {principal.role} role.")
        return principal
    integrator = _live_integrator(request, db, claims)
    if OUTCOMES_READ not in integrator.scopes:
        raise Forbidden(f"This integrator token lacks the {OUTCOMES_READ} scope.")
    return integrator


OutcomesReader = Annotated[Principal | IntegratorPrincipal, Depends(outcomes_reader)]
