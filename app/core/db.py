"""Database engine and the per-request session lifecycle."""

from __future__ import annotations

import select
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any

import anyio.to_thread
from anyio import CancelScope, CapacityLimiter
from fastapi import Depends, Request
from pydantic_core import from_json
from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

from app.core import audit
from app.core.errors import status_for

# Sync routes run on a pool of 40 threads; by default the connection pool matches it
# (pool plus overflow), so requests queue on work, not on connections. Each process
# serving the app may open that many: PRSS_DB_POOL_SIZE and PRSS_DB_MAX_OVERFLOW size it
# down when several workers share one PostgreSQL.
THREAD_LIMIT = 40


def make_engine(
    url: str, *, pool_size: int = THREAD_LIMIT // 2, max_overflow: int = THREAD_LIMIT // 2
) -> Engine:
    # JSON columns (lists of substances, pathways, languages...) are parsed by pydantic's
    # parser, several times faster than json.loads on such small documents.
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 15}, json_deserializer=from_json)
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin_immediate)
        return engine
    engine = create_engine(
        url,
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_recycle=1800,
        json_deserializer=from_json,
        # Timestamps come back in UTC whatever the server's own time zone (UTCDateTime
        # relies on it).
        connect_args={"options": "-c timezone=UTC"},
    )
    event.listen(engine, "checkout", _refuse_if_ended)
    return engine


def _refuse_if_ended(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """Pool checkout on PostgreSQL: replace a pooled connection whose session the server
    has ended (``pg_terminate_backend``, a restart, a crash), so that no request fails on
    a connection that died while it sat in the pool.

    An idle connection has nothing to read unless the server has hung up: it sends its
    reason (a FATAL error) and closes, or the socket simply ends. So a socket with
    something to read is a dead connection. Asking costs one ``poll(2)``, where
    ``pool_pre_ping`` sends ``SELECT 1`` and waits for the answer on every checkout:
    5 to 8% of a participant list's CPU (bench/README.md, "Load"). The pool retries the
    checkout with a new connection."""
    if dbapi_connection.closed:
        raise exc.DisconnectionError("the connection is closed")
    poller = select.poll()
    poller.register(dbapi_connection.fileno(), select.POLLIN)
    if poller.poll(0):
        raise exc.DisconnectionError("the server ended the session")


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # Python's sqlite3 starts transactions lazily, at the first write, so reads before it
    # are not isolated and savepoints misbehave. Take over: no implicit transactions, and
    # an explicit BEGIN IMMEDIATE (see _begin_immediate).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin_immediate(connection: Any) -> None:
    # Take the write lock when the transaction starts: almost every request writes (its
    # audit rows), and a read-then-write transaction that upgrades its lock late fails at
    # once when another writer went first, where this one waits its turn instead.
    # A read-only caller (the readiness probe) may ask for a plain deferred BEGIN.
    mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
    connection.exec_driver_sql(f"BEGIN {mode}")


class Database:
    """The engine and the session factory the application uses.

    Tests replace the factory with one bound to a connection whose outer transaction
    is rolled back after each case.
    """

    def __init__(self, engine: Engine, factory: sessionmaker[Session] | None = None) -> None:
        self.engine = engine
        self.session = factory or sessionmaker(bind=engine, expire_on_commit=False)


async def get_db(request: Request) -> AsyncIterator[Session]:
    """One session per request: commit on success, roll back on error, audit either way.

    The audit rows of a successful request are written in the same transaction as its
    work, so one cannot exist without the other. A refused or failed request is rolled
    back and its audit rows are written in a transaction of their own, unless the error
    says its changes must be kept.

    Making a session opens nothing (its connection is taken at its first query, in a
    worker thread), so it is made here on the event loop; only the ending, which talks to
    the database, crosses to the thread pool. A plain generator would cross twice.
    """
    database: Database = request.app.state.database
    trail = audit.trail_of(request)
    session = database.session()
    try:
        yield session
    except BaseException as exc:
        if not session.info.get(_ENDED):
            await _in_thread(_end_failed, database, session, request, trail, exc)
        raise
    else:
        if not session.info.get(_ENDED):
            await _in_thread(_end, database, session, request, trail)


_ENDED = "prss_ended"  # set on a session once it has been committed or rolled back


def end_now(request: Request, session: Session) -> None:
    """End the request's session here, in the calling thread, as ``get_db`` would after
    the endpoint: write its audit events and commit (or, failing that, roll back and
    record the failure). For a hot sync endpoint whose last step this is: the session
    dependency then has nothing left to do, and the request saves a trip to the thread
    pool. Nothing may use the session afterwards."""
    _end(request.app.state.database, session, request, audit.trail_of(request))


async def _in_thread(function: Callable[..., None], *args: Any) -> None:
    # Shielded, so that a client going away cannot leave a transaction open; and with a
    # limiter of its own, as FastAPI does for the ends of dependencies, so that ending a
    # request never waits behind requests waiting for a connection.
    with CancelScope(shield=True):
        await anyio.to_thread.run_sync(function, *args, limiter=CapacityLimiter(1))


def _end(database: Database, session: Session, request: Request, trail: audit.AuditTrail) -> None:
    session.info[_ENDED] = True
    try:
        audit.record_success(session, request, trail)
        session.commit()
    except BaseException as exc:
        _end_failed(database, session, request, trail, exc)
        raise
    finally:
        session.close()


def _end_failed(
    database: Database,
    session: Session,
    request: Request,
    trail: audit.AuditTrail,
    exc: BaseException,
) -> None:
    session.info[_ENDED] = True
    try:
        if getattr(exc, "keeps_changes", False):
            # A refusal whose side effects must stick (a revoked token family).
            audit.record(session, request, trail, status_for(exc))
            session.commit()
        else:
            session.rollback()
            audit.record_apart(database.session, request, trail, exc)
    finally:
        session.close()


SessionDep = Annotated[Session, Depends(get_db, scope="function")]
