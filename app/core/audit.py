"""The append-only audit trail.

Every request that touches participant data, or is refused, leaves audit events. They are
collected on the request as it runs (who is calling, which participants it touched) and
written once, in one INSERT, by the session dependency in ``app.core.db``. The events say
who did what to whose record and how it ended; never the data itself, and never the query
string (a search term can be a name).

The trail is **tamper-evident**: each event carries ``chain_hash``, the SHA-256 of the
previous event's hash in its chain and its own content, starting from ``GENESIS``. Changing,
removing or reordering a stored event breaks every link after it in its chain, which
``python -m app verify-audit`` reports (``verify_chain``). On PostgreSQL a trigger also
refuses UPDATE and DELETE outright.

The trail is several chains, told apart by ``chain``, so that requests never wait for one
another to append. On PostgreSQL each database connection owns a chain while it lives (it
holds a session-level advisory lock on the chain's number) and is the only one to extend
it; its transactions follow one another, so the chain's order is its id order, and when
the connection closes, the next connection to take that number carries the chain on. A
single chain with a lock taken on every append made every request in every worker queue
behind the one appending (see bench/README.md, "Load"). Owning its chain, a connection
also remembers the chain's last committed hash, so appending reads nothing back.
SQLite runs one writer at a time
and keeps one chain, number 0, which is also the chain events stored before chains
existed belong to.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol, cast

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    Engine,
    Index,
    Insert,
    Integer,
    SmallInteger,
    String,
    Table,
    Uuid,
    bindparam,
    func,
    insert,
    select,
    text,
)
from sqlalchemy import cast as sa_cast
from sqlalchemy import event as sa_event
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry, Pool
from starlette.requests import Request

from app.core.base import Base, utcnow
from app.core.errors import status_for

logger = logging.getLogger("prss.audit")

Outcome = Literal["success", "denied", "failed"]


class Actor(Protocol):
    """Whoever a request acts as: a person's account, or an integrator client (whose id is
    the actor id and whose role is ``integrator``). Ids and a role only: nothing personal."""

    @property
    def actor_id(self) -> uuid.UUID: ...

    @property
    def role(self) -> str: ...

    @property
    def organisation_id(self) -> uuid.UUID: ...


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_participant_id_occurred_at", "participant_id", "occurred_at"),
        Index("ix_audit_events_organisation_id_occurred_at", "organisation_id", "occurred_at"),
        # A connection that takes over a chain finds the chain's last event with this.
        Index("ix_audit_events_chain_id", "chain", "id"),
    )

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)
    organisation_id: Mapped[uuid.UUID | None]
    actor_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    actor_role: Mapped[str | None] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(100))
    method: Mapped[str] = mapped_column(String(10))
    resource: Mapped[str] = mapped_column(String(300))
    # Not a foreign key: a refused attempt on an id that does not exist is recorded too.
    participant_id: Mapped[uuid.UUID | None]
    outcome: Mapped[str] = mapped_column(String(10))
    status_code: Mapped[int]
    request_id: Mapped[str] = mapped_column(String(64))
    chain: Mapped[int] = mapped_column(SmallInteger, server_default=text("0"))
    chain_hash: Mapped[str] = mapped_column(String(64))


GENESIS = "0" * 64
# The advisory locks that give PostgreSQL connections their chains: (CHAIN_LOCKS, number).
CHAIN_LOCKS = 0x50525353  # "PRSS"
MAX_CHAINS = 32767  # a smallint; far more than connections ever open at once
_CHAIN = "prss_audit_chain"  # where a connection keeps its chain number
_HEAD = "prss_audit_head"
_PENDING = "prss_audit_pending"
CHAINED_FIELDS = (
    "occurred_at",
    "organisation_id",
    "actor_id",
    "actor_role",
    "action",
    "method",
    "resource",
    "participant_id",
    "outcome",
    "status_code",
    "request_id",
)


_PARTICIPANT = CHAINED_FIELDS.index("participant_id")
_SHARED = tuple(name for name in CHAINED_FIELDS if name != "participant_id")


def _canonical(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def link(previous: str, event: dict[str, Any]) -> str:
    """The chain hash of ``event`` (its chained fields) after ``previous``."""
    return _link(previous, json.dumps([_canonical(event[name]) for name in CHAINED_FIELDS]))


def _link(previous: str, content: str) -> str:
    return hashlib.sha256(previous.encode("ascii") + content.encode("utf-8")).hexdigest()


def _alike(rows: list[dict[str, Any]]) -> bool:
    """Several rows that differ only in the participant: one request's events."""
    first = rows[0]
    return len(rows) > 1 and all(row[name] == first[name] for row in rows for name in _SHARED)


def _contents(rows: list[dict[str, Any]], ids: list[str | None] | None) -> list[str]:
    """What ``link`` hashes of each row. Rows alike (given with their participant ``ids``
    as text) share the encoding of every field but the participant: the JSON array is
    joined from encoded parts exactly as ``json.dumps`` writes it, encoding those parts
    once."""
    if ids is None:
        return [json.dumps([_canonical(row[name]) for name in CHAINED_FIELDS]) for row in rows]
    first = rows[0]
    parts = [json.dumps(_canonical(first[name])) for name in CHAINED_FIELDS]
    before = "[" + "".join(part + ", " for part in parts[:_PARTICIPANT])
    after = "".join(", " + part for part in parts[_PARTICIPANT + 1 :]) + "]"
    # json.dumps of a UUID's text is the text in quotes: it holds nothing to escape.
    return [
        f'{before}"{participant_id}"{after}'
        if participant_id is not None
        else f"{before}null{after}"
        for participant_id in ids
    ]


def append(session: Session, rows: list[dict[str, Any]], *, alike: bool | None = None) -> None:
    """Link ``rows`` onto the end of the chain of the session's connection and insert
    them. No lock is taken: no other connection appends to this chain. ``alike`` says
    whether the rows differ only in the participant (one request's events, as ``record``
    makes them); unless given, it is found out."""
    connection = session.connection()
    chain = _chain_of(connection)
    # Only a connection that owns its chain may remember its head: on SQLite every
    # connection appends to chain 0.
    owned = connection.dialect.name == "postgresql"
    previous = (connection.info.get(_PENDING) or connection.info.get(_HEAD)) if owned else None
    if previous is None:
        previous = (
            session.scalar(
                select(AuditEvent.chain_hash)
                .where(AuditEvent.chain == chain)
                .order_by(AuditEvent.id.desc())
                .limit(1)
            )
            or GENESIS
        )
    if alike is None:
        alike = _alike(rows)
    # Alike rows' participant ids as text, made once for the hashes and the INSERT.
    ids = (
        [None if row["participant_id"] is None else str(row["participant_id"]) for row in rows]
        if alike
        else None
    )
    for row, content in zip(rows, _contents(rows, ids), strict=True):
        row["chain"] = chain
        row["chain_hash"] = previous = _link(previous, content)
    _insert(session, rows, ids)
    if owned:
        connection.info[_PENDING] = previous


def _chain_of(connection: Connection) -> int:
    """The number of the chain this connection extends, taken on its first append and
    kept for as long as the connection lives (so is the lock that makes it its own)."""
    chain: int | None = connection.info.get(_CHAIN)
    if chain is None:
        if connection.dialect.name == "postgresql":
            # The first free number: the series stops at the first lock taken.
            chain = connection.scalar(
                text(
                    "SELECT n FROM generate_series(1, :most) AS n "
                    "WHERE pg_try_advisory_lock(:locks, n) LIMIT 1"
                ),
                {"most": MAX_CHAINS, "locks": CHAIN_LOCKS},
            )
            if chain is None:
                raise RuntimeError("every audit chain is taken")
        else:
            chain = 0
        connection.info[_CHAIN] = chain
    return chain


def _insert(session: Session, rows: list[dict[str, Any]], ids: list[str | None] | None) -> None:
    first = rows[0]
    if ids is not None and session.connection().dialect.name == "postgresql":
        # One request's events differ only in the participant (and share the chain
        # ``append`` set): one statement of one shape, however many participants, where
        # an executemany runs one per row.
        session.connection().execute(
            _INSERT_PER_PARTICIPANT,
            {
                **{name: first[name] for name in _SHARED_FIELDS},
                # Each list as one string: psycopg dumps a list element by element in
                # Python, a string at once. Neither a UUID nor a hash holds a comma; an
                # empty element is a null.
                "participant_ids": ",".join("" if pid is None else pid for pid in ids),
                "chain_hashes": ",".join(row["chain_hash"] for row in rows),
            },
        )
    else:
        # An executemany of one cached statement: a VALUES list as long as the rows
        # would be compiled afresh for every row count.
        session.connection().execute(insert(cast(Table, AuditEvent.__table__)), rows)


def _insert_per_participant() -> Insert:
    """INSERT ... SELECT the shared fields, and each participant id with its hash from
    the comma-separated lists given, in list order (so ids follow the chain's order)."""
    table = cast(Table, AuditEvent.__table__)

    def split(name: str) -> ColumnElement[Any]:
        return func.string_to_array(bindparam(name, type_=String()), ",", "", type_=ARRAY(String()))

    each = (
        func.unnest(sa_cast(split("participant_ids"), ARRAY(Uuid())), split("chain_hashes"))
        .table_valued("participant_id", "chain_hash", with_ordinality="n")
        .render_derived()
    )
    return insert(table).from_select(
        [*_SHARED_FIELDS, "participant_id", "chain_hash"],
        select(
            *(bindparam(name, type_=table.c[name].type) for name in _SHARED_FIELDS),
            each.c.participant_id,
            each.c.chain_hash,
        ).order_by(each.c.n),
    )


# What the events of one request share: every chained field but the participant.
_SHARED_FIELDS = (*_SHARED, "chain")
_INSERT_PER_PARTICIPANT = _insert_per_participant()


# The head of a connection's chain is kept on the connection, so that appending needs no
# query: _HEAD is the hash of its last committed event, _PENDING that of its last event
# in the transaction under way. A commit makes the pending head the head; a rollback drops
# the pending one; a rollback to a savepoint, or an error, drops both, so the next append
# reads the head back from the table. A connection that is closed or replaced takes its
# info with it.


def _info(connection: Connection | None) -> dict[Any, Any] | None:
    """The connection's info, unless it was lost: asking a lost connection for it would
    try to reconnect, and its replacement starts with an info of its own."""
    if connection is None or connection.invalidated:
        return None
    return connection.info


@sa_event.listens_for(Engine, "commit")
def _committing(connection: Connection) -> None:
    if (info := _info(connection)) is not None and _PENDING in info:
        info[_HEAD] = info.pop(_PENDING)


@sa_event.listens_for(Engine, "rollback")
def _rolling_back(connection: Connection) -> None:
    if (info := _info(connection)) is not None:
        info.pop(_PENDING, None)


@sa_event.listens_for(Engine, "rollback_savepoint")
def _rolling_back_to_savepoint(connection: Connection, name: str, context: object) -> None:
    # The events appended before the savepoint stay, those after it go: which was the
    # last is in the table, not here.
    _forget(connection)


@sa_event.listens_for(Engine, "handle_error")
def _failed(context: ExceptionContext) -> None:
    if not context.is_disconnect:
        _forget(context.connection)


def _forget(connection: Connection | None) -> None:
    """Drop what the connection remembers of its chain: its next append reads the head
    from the table."""
    if (info := _info(connection)) is not None:
        info.pop(_PENDING, None)
        info.pop(_HEAD, None)


@sa_event.listens_for(Pool, "checkin")
def _returned(dbapi_connection: object, record: ConnectionPoolEntry) -> None:
    # A transaction still open when the connection went back was rolled back by the pool.
    record.info.pop(_PENDING, None)


def verify_chain(session: Session) -> tuple[int, int | None]:
    """Walk the whole trail in id order, following each chain: (events checked, the id
    of the first event whose hash does not follow from the one before it in its chain, or
    None when every chain is intact)."""
    heads: dict[int, str] = {}
    checked = 0
    for event in _events_in_order(session):
        previous = heads.get(event.chain, GENESIS)
        expected = link(previous, {name: getattr(event, name) for name in CHAINED_FIELDS})
        if event.chain_hash != expected:
            return checked, event.id
        heads[event.chain] = event.chain_hash
        checked += 1
    return checked, None


def _events_in_order(session: Session) -> Iterator[AuditEvent]:
    yield from session.scalars(
        select(AuditEvent).order_by(AuditEvent.id).execution_options(yield_per=2000)
    )


@dataclass
class AuditTrail:
    """What a request did, gathered while it runs and written when it ends."""

    actor_id: uuid.UUID | None = None
    actor_role: str | None = None
    organisation_id: uuid.UUID | None = None
    # Insertion-ordered and without repeats (a dict used as a set).
    participant_ids: dict[uuid.UUID, None] = field(default_factory=dict)
    # A route that answers with a status other than its declared one says so here.
    status_code: int | None = None

    def identify(self, actor: Actor) -> None:
        self.actor_id = actor.actor_id
        self.actor_role = actor.role
        self.organisation_id = actor.organisation_id

    def touch(self, participant_id: uuid.UUID) -> None:
        self.participant_ids[participant_id] = None

    def touch_many(self, participant_ids: list[uuid.UUID]) -> None:
        self.participant_ids.update(dict.fromkeys(participant_ids))


def trail_of(request: Request) -> AuditTrail:
    trail = getattr(request.state, "audit_trail", None)
    if trail is None:
        trail = AuditTrail()
        request.state.audit_trail = trail
    return trail


def outcome_for(status_code: int) -> Outcome:
    if status_code < 400:
        return "success"
    if status_code in (401, 403, 404):
        return "denied"
    return "failed"


def _rows(request: Request, trail: AuditTrail, status_code: int) -> list[dict[str, Any]]:
    route = request.scope.get("route")
    action = getattr(route, "name", None) or "unknown"
    now = utcnow()
    base = {
        "occurred_at": now,
        "organisation_id": trail.organisation_id,
        "actor_id": trail.actor_id,
        "actor_role": trail.actor_role,
        "action": action[:100],
        "method": request.method,
        "resource": request.url.path[:300],
        "outcome": outcome_for(status_code),
        "status_code": status_code,
        "request_id": str(getattr(request.state, "request_id", "-"))[:64],
    }
    participants: list[uuid.UUID | None] = list(trail.participant_ids) or [None]
    return [{**base, "participant_id": participant_id} for participant_id in participants]


def record(session: Session, request: Request, trail: AuditTrail, status_code: int) -> None:
    """Write the request's events in ``session``: one multi-row INSERT however many
    participants the request touched."""
    rows = _rows(request, trail, status_code)
    append(session, rows, alike=len(rows) > 1)


def record_success(session: Session, request: Request, trail: AuditTrail) -> None:
    if trail.actor_id is None and not trail.participant_ids:
        return
    route = request.scope.get("route")
    status_code = trail.status_code or getattr(route, "status_code", None) or 200
    record(session, request, trail, status_code)


def record_apart(
    factory: sessionmaker[Session], request: Request, trail: AuditTrail, exc: BaseException
) -> None:
    """Record a refused or failed request in a transaction of its own, after its work was
    rolled back. Never masks ``exc``: that is the error the caller must see."""
    try:
        with factory() as session:
            record(session, request, trail, status_for(exc))
            session.commit()
    except Exception as audit_exc:
        logger.error("could not record audit event: %s", type(audit_exc).__name__)
