"""Registering, authenticating and revoking integrator clients, and the pseudonyms each
client sees participants under."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.base import utcnow
from app.core.pagination import paginate
from app.core.security import digest_token, new_opaque_token
from app.integrators.models import IntegratorClient
from app.integrators.schemas import IntegratorClientCreate

# Compared against when the client id is unknown, so both refusals do the same work.
_DUMMY_DIGEST = digest_token(new_opaque_token())

NEWEST_FIRST = [(IntegratorClient.created_at, True), (IntegratorClient.id, True)]


@dataclass(frozen=True)
class RegisteredClient:
    client: IntegratorClient
    secret: str  # shown once, to whoever registered the client; never stored


def create(
    *,
    db: Session,
    organisation_id: uuid.UUID,
    created_by_user_id: uuid.UUID | None,
    data: IntegratorClientCreate,
) -> RegisteredClient:
    secret = new_opaque_token()
    client = IntegratorClient(
        organisation_id=organisation_id,
        name=data.name,
        scopes=list(data.scopes),
        secret_digest=digest_token(secret),
        pseudonym_key=secrets.token_bytes(32),
        created_by_user_id=created_by_user_id,
    )
    db.add(client)
    db.flush()
    return RegisteredClient(client=client, secret=secret)


def list_page(
    *,
    db: Session,
    organisation_id: uuid.UUID,
    revoked: bool | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[IntegratorClient], str | None]:
    stmt = select(IntegratorClient).where(IntegratorClient.organisation_id == organisation_id)
    if revoked is not None:
        column = IntegratorClient.revoked_at
        stmt = stmt.where(column.is_not(None) if revoked else column.is_(None))
    return paginate(db, stmt, keys=NEWEST_FIRST, limit=limit, cursor=cursor)


def revoke(*, db: Session, client: IntegratorClient) -> IntegratorClient:
    """Revoke the client: its secret stops working, and so do tokens already issued
    (every use checks the row). Revoking twice keeps the first time."""
    if client.revoked_at is None:
        client.revoked_at = utcnow()
        db.flush()
    return client


def authenticate(
    *, db: Session, client_id: str, client_secret: str
) -> tuple[IntegratorClient | None, bool]:
    """The client ``client_id`` names (if any) and whether it may have a token: the secret
    matches and the client is not revoked."""
    try:
        key = uuid.UUID(client_id)
    except ValueError:
        key = None
    client = db.get(IntegratorClient, key) if key is not None else None
    expected = client.secret_digest if client is not None else _DUMMY_DIGEST
    matches = hmac.compare_digest(digest_token(client_secret), expected)
    return client, matches and client is not None and client.revoked_at is None


def live_client(
    *, db: Session, client_id: uuid.UUID, organisation_id: uuid.UUID
) -> IntegratorClient | None:
    """The client, if it still exists in ``organisation_id`` and is not revoked."""
    client = db.get(IntegratorClient, client_id)
    if client is None or client.organisation_id != organisation_id or client.revoked_at is not None:
        return None
    return client


def pseudonym(client: IntegratorClient, participant_id: uuid.UUID) -> str:
    """The key ``client`` knows ``participant_id`` by: a keyed hash (HMAC-SHA256 with the
    client's own key), so it is stable across exports to that client, and two clients
    cannot link their data through it. 160 bits, in 32 lower-case base32 characters."""
    digest = hmac.new(client.pseudonym_key, participant_id.bytes, hashlib.sha256).digest()
    return base64.b32encode(digest[:20]).decode("ascii").lower()
