"""Idempotent POSTs for clients that retry (mobile check-ins, crisis events, surveys).

A client sends ``Idempotency-Key: <unique string>``. The first request with a key does its
work and its response is stored with the key, in the same transaction. A replay with the
same key and the same body gets the stored response again (marked ``Idempotent-Replayed:
true``) and does nothing; the same key with a different body is refused with 422. Keys
belong to the caller: two accounts can use the same key without meeting.

Concurrent first attempts are settled by the unique (actor, key) index: the loser waits
for the winner's transaction, then replays its answer.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from pydantic.json_schema import SkipJsonSchema
from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.auth.dependencies import CurrentPrincipal
from app.core.base import Base, IdMixin, utcnow
from app.core.db import SessionDep
from app.core.errors import Conflict, Unprocessable

REPLAYED_HEADER = "Idempotent-Replayed"


class IdempotencyKey(IdMixin, Base):
    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("actor_id", "key", name="uq_idempotency_keys_actor_key"),)

    actor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    # What was asked: method, path and a digest of the body.
    fingerprint: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int | None]
    response_body: Mapped[Any | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Idempotency:
    """The idempotency state of one request; inert when no key was sent."""

    def __init__(self, *, db: Session, actor_id: uuid.UUID, key: str | None, fingerprint: str):
        self._db = db
        self._actor_id = actor_id
        self._key = key
        self._fingerprint = fingerprint
        self._record: IdempotencyKey | None = None

    def replay(self) -> JSONResponse | None:
        """The stored answer when this key was used before; reserve the key otherwise."""
        if self._key is None:
            return None
        stored = self._lookup()
        if stored is None:
            record = IdempotencyKey(
                actor_id=self._actor_id, key=self._key, fingerprint=self._fingerprint
            )
            try:
                with self._db.begin_nested():
                    self._db.add(record)
                    self._db.flush()
            except IntegrityError:
                # Another request with this key committed first: answer as it did.
                stored = self._lookup()
                if stored is None:
                    raise
            else:
                self._record = record
                return None
        if stored.fingerprint != self._fingerprint:
            raise Unprocessable("This Idempotency-Key was already used for a different request.")
        if stored.status_code is None:
            raise Conflict("A request with this Idempotency-Key is still in progress.")
        return JSONResponse(
            stored.response_body,
            status_code=stored.status_code,
            headers={REPLAYED_HEADER: "true"},
        )

    def remember(self, body: BaseModel, *, status_code: int) -> BaseModel:
        """Store the answer with the key (same transaction as the work) and return it."""
        if self._record is not None:
            self._record.status_code = status_code
            self._record.response_body = jsonable_encoder(body)
            self._db.flush()
        return body

    def _lookup(self) -> IdempotencyKey | None:
        return self._db.scalar(
            select(IdempotencyKey).where(
                IdempotencyKey.actor_id == self._actor_id, IdempotencyKey.key == self._key
            )
        )


async def _fingerprint(request: Request) -> str:
    body = await request.body()
    try:
        canonical = json.dumps(json.loads(body or b"null"), sort_keys=True, separators=(",", ":"))
    except ValueError:
        canonical = body.decode("latin-1")
    material = f"{request.method} {request.url.path}\n{canonical}"
    return hashlib.sha256(material.encode()).hexdigest()


def get_idempotency(
    db: SessionDep,
    principal: CurrentPrincipal,
    fingerprint: Annotated[str, Depends(_fingerprint)],
    idempotency_key: Annotated[
        str | SkipJsonSchema[None],
        Header(
            min_length=1,
            max_length=200,
            description="Makes a retried POST safe: a replay returns the first answer.",
        ),
    ] = None,
) -> Idempotency:
    return Idempotency(
        db=db, actor_id=principal.actor_id, key=idempotency_key, fingerprint=fingerprint
    )


IdempotencyDep = Annotated[Idempotency, Depends(get_idempotency)]
