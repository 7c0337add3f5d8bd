"""Database engine and the per-request session lifecycle."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from app.core import audit
from app.core.errors import status_for

# Sync routes run on a pool of 40 threads; the connection pool matches it so requests
# queue on work, not on connections.
THREAD_LIMIT = 40


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 15})
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin_immediate)
        return engine
    return create_engine(
        url,
        pool_size=THREAD_LIMIT // 2,
        max_overflow=THREAD_LIMIT // 2,
        pool_pre_ping=True,
        pool_recycle=1800,
    )


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


def get_db(request: Request) -> Iterator[Session]:
    """One session per request: commit on success, roll back on error, audit either way.

    The audit rows of a successful request are written in the same transaction as its
    work, so one cannot exist without the other. A refused or failed request is rolled
    back and its audit rows are written in a transaction of their own, unless the error
    says its changes must be kept.
    """
    database: Database = request.app.state.database
    trail = audit.trail_of(request)
    session = database.session()
    try:
        yield session
        audit.record_success(session, request, trail)
        session.commit()
    except BaseException as exc:
        if getattr(exc, "keeps_changes", False):
            # A refusal whose side effects must stick (a revoked token family).
            audit.record(session, request, trail, status_for(exc))
            session.commit()
        else:
            session.rollback()
            audit.record_apart(database.session, request, trail, exc)
        raise
    finally:
        session.close()


SessionDep = Annotated[Session, Depends(get_db, scope="function")]
