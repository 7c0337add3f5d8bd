"""Announcing alerts to live subscribers, once the transaction that raised or escalated
them has committed.

On PostgreSQL the announcement is ``pg_notify('prss_alerts', '<alert id>')`` inside that
transaction: the server delivers it on commit, to every app process listening (see
``app.alerts.broker``), and drops it on rollback. On SQLite (one process) the ids wait in
``session.info`` and are handed to this process's brokers after the session commits.
"""

from __future__ import annotations

import logging
import uuid
import weakref
from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import event, text
from sqlalchemy.orm import Session

logger = logging.getLogger("prss.alerts")

CHANNEL = "prss_alerts"
_PENDING = "prss_alerts_to_publish"


class Sink(Protocol):
    def publish(self, alert_ids: Sequence[uuid.UUID]) -> None: ...


_sinks: weakref.WeakSet[Any] = weakref.WeakSet()


def on_postgres(db: Session) -> bool:
    return db.get_bind().dialect.name == "postgresql"


def announce(*, db: Session, alert_ids: Sequence[uuid.UUID]) -> None:
    """Have these alerts reach live subscribers when ``db``'s transaction commits."""
    if not alert_ids:
        return
    if on_postgres(db):
        db.execute(
            text("SELECT pg_notify(:channel, id) FROM unnest(CAST(:ids AS text[])) AS id"),
            {"channel": CHANNEL, "ids": [str(alert_id) for alert_id in alert_ids]},
        )
        return
    db.connection()  # in a transaction, so its rollback discards the ids
    db.info.setdefault(_PENDING, []).extend(alert_ids)


def add_sink(sink: Sink) -> None:
    """Receive the ids announced in this process (held weakly: a sink that is gone is
    simply forgotten)."""
    _sinks.add(sink)


def remove_sink(sink: Sink) -> None:
    _sinks.discard(sink)


def publish_locally(alert_ids: Sequence[uuid.UUID]) -> None:
    for sink in list(_sinks):
        try:
            sink.publish(alert_ids)
        except Exception as exc:  # one failing sink must not stop the others
            logger.error("could not publish alerts: %s", type(exc).__name__)


@event.listens_for(Session, "after_commit")
def _publish_after_commit(session: Session) -> None:
    # A savepoint's release fires this event too; only the outermost commit counts.
    if session.in_nested_transaction():
        return
    pending = session.info.pop(_PENDING, None)
    if pending:
        publish_locally(pending)


@event.listens_for(Session, "after_rollback")
def _forget_after_rollback(session: Session) -> None:
    # A savepoint rolled back keeps what was announced before it; an alert raised inside
    # it is simply not found when its announcement is delivered.
    if session.in_nested_transaction():
        return
    session.info.pop(_PENDING, None)
