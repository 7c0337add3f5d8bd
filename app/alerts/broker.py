"""Live delivery: each app process keeps one broker that hands announced alerts to the
SSE streams connected to it.

An announced alert id (from PostgreSQL's LISTEN connection, or from a local commit on
SQLite) is loaded once per process, checked against every connected subscriber with the
rule in ``app.alerts.access``, recorded in the audit trail for each subscriber it goes
to, and put on those subscribers' asyncio queues. That work runs on one worker thread
owned by the broker, so the event loop never waits on the database and alerts keep their
order.

On PostgreSQL the broker runs a ``PostgresListener`` (``app.core.listen``): one psycopg
connection doing ``LISTEN prss_alerts`` that reconnects with backoff when it drops and,
once back, replays the alerts raised or escalated while it was away. Neither a lost
connection nor a failed delivery ever reaches the app: they are logged and retried.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import anyio
from fastapi import FastAPI
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.alerts import access, publication, service
from app.alerts.models import Alert
from app.core import audit
from app.core.base import utcnow
from app.core.db import Database
from app.core.listen import ChannelListener, libpq_dsn
from app.core.security import Principal
from app.users.models import User

logger = logging.getLogger("prss.alerts")

# A subscriber this far behind is cut off; its client reconnects and reloads the list.
QUEUE_LIMIT = 256


@dataclass(frozen=True)
class AlertEvent:
    alert_id: uuid.UUID
    data: str  # the alert as JSON, exactly as GET /alerts returns it


@dataclass(frozen=True)
class StreamRequest:
    """What the audit trail says about each alert delivered on a stream."""

    request_id: str
    action: str
    resource: str


class Subscriber:
    """One connected stream: who it is, and the queue its response reads from."""

    def __init__(self, principal: Principal, request: StreamRequest) -> None:
        self.principal = principal
        self.request = request
        self.since = utcnow()
        self.loop = asyncio.get_running_loop()
        self.queue: asyncio.Queue[AlertEvent | None] = asyncio.Queue(maxsize=QUEUE_LIMIT)
        self.closed = False

    def offer(self, event: AlertEvent | None) -> None:
        """Queue an event (None ends the stream); callable from any thread."""
        try:
            self.loop.call_soon_threadsafe(self._put, event)
        except RuntimeError:  # the stream's event loop has ended
            self.closed = True

    def _put(self, event: AlertEvent | None) -> None:
        if self.closed:
            return
        if event is not None:
            with contextlib.suppress(asyncio.QueueFull):
                self.queue.put_nowait(event)
                return
        self.closed = True
        while not self.queue.empty():
            self.queue.get_nowait()
        self.queue.put_nowait(None)

    async def next_event(self) -> AlertEvent | None:
        return await self.queue.get()


class AlertBroker:
    def __init__(self, database: Database) -> None:
        self.database = database
        self._subscribers: set[Subscriber] = set()
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="alert-delivery")
        self._listener: asyncio.Task[None] | None = None
        publication.add_sink(self)

    # -- subscribers -------------------------------------------------------------------

    def subscribe(self, principal: Principal, request: StreamRequest) -> Subscriber:
        """Register a stream; call from the event loop that serves it."""
        subscriber = Subscriber(principal, request)
        with self._lock:
            self._subscribers.add(subscriber)
        return subscriber

    def unsubscribe(self, subscriber: Subscriber) -> None:
        with self._lock:
            self._subscribers.discard(subscriber)

    def _end(self, subscriber: Subscriber) -> None:
        """Stop delivering to a stream and close it."""
        self.unsubscribe(subscriber)
        subscriber.offer(None)

    def _open_subscribers(self) -> list[Subscriber]:
        with self._lock:
            return [s for s in self._subscribers if not s.closed]

    # -- delivery ----------------------------------------------------------------------

    def publish(self, alert_ids: Sequence[uuid.UUID]) -> None:
        """Deliver these alerts to the streams that may see them; callable from any
        thread, returns at once."""
        if not alert_ids or not self._open_subscribers():
            return
        with contextlib.suppress(RuntimeError):  # shut down: nobody is listening
            self._executor.submit(self._deliver, list(dict.fromkeys(alert_ids)))

    def _deliver(self, alert_ids: list[uuid.UUID]) -> None:
        subscribers = self._open_subscribers()
        if not subscribers:
            return
        deliveries: list[tuple[Subscriber, AlertEvent, Alert]] = []
        try:
            with self.database.session() as db:
                subscribers = self._still_signed_in(db, subscribers)
                for alert_id in alert_ids:
                    alert = db.get(Alert, alert_id)
                    if alert is None:  # rolled back, or another database's alert
                        continue
                    recipients = self._recipients(db, subscribers, alert)
                    if not recipients:
                        continue
                    [read] = service.read_models(db=db, alerts=[alert])
                    event = AlertEvent(alert_id=alert.id, data=read.model_dump_json())
                    deliveries += [(subscriber, event, alert) for subscriber in recipients]
                self._audit(db, deliveries)
        except Exception as exc:
            logger.error("alert delivery failed: %s", type(exc).__name__)
        # Deliver even if the audit write failed: a crisis alert must not wait on it.
        for subscriber, event, _ in deliveries:
            subscriber.offer(event)

    def _still_signed_in(self, db: Session, subscribers: list[Subscriber]) -> list[Subscriber]:
        """End the streams of accounts deactivated, moved or given a new password since
        they connected."""
        accounts = {
            user.id: user
            for user in db.scalars(
                select(User).where(User.id.in_({s.principal.user_id for s in subscribers}))
            )
        }
        valid = []
        for subscriber in subscribers:
            user = accounts.get(subscriber.principal.user_id)
            if (
                user is not None
                and user.is_active
                and user.role == subscriber.principal.role
                and user.organisation_id == subscriber.principal.organisation_id
                and user.password_changed_at <= subscriber.since
            ):
                valid.append(subscriber)
            else:
                self._end(subscriber)
        return valid

    @staticmethod
    def _recipients(db: Session, subscribers: list[Subscriber], alert: Alert) -> list[Subscriber]:
        decided: dict[uuid.UUID, bool] = {}
        recipients = []
        for subscriber in subscribers:
            user_id = subscriber.principal.user_id
            if user_id not in decided:
                decided[user_id] = access.may_read(
                    db=db, principal=subscriber.principal, alert=alert
                )
            if decided[user_id]:
                recipients.append(subscriber)
        return recipients

    @staticmethod
    def _audit(db: Session, deliveries: list[tuple[Subscriber, AlertEvent, Alert]]) -> None:
        if not deliveries:
            return
        now = utcnow()
        rows: list[dict[str, Any]] = [
            {
                "occurred_at": now,
                "organisation_id": subscriber.principal.organisation_id,
                "actor_id": subscriber.principal.user_id,
                "actor_role": subscriber.principal.role,
                "action": subscriber.request.action,
                "method": "GET",
                "resource": subscriber.request.resource,
                "participant_id": alert.participant_id,
                "outcome": "success",
                "status_code": 200,
                "request_id": subscriber.request.request_id,
            }
            for subscriber, _, alert in deliveries
        ]
        audit.append(db, rows)
        db.commit()

    # -- lifecycle ---------------------------------------------------------------------

    async def start(self, *, connect_timeout: float = 5.0) -> None:
        """Start listening for other processes' alerts (PostgreSQL only). Waits a little
        for the first connection, so a process that starts serving is already listening;
        if the database is not there, the listener keeps trying in the background."""
        engine = self.database.engine
        if engine.dialect.name != "postgresql" or self._listener is not None:
            return
        listener = PostgresListener(
            dsn=libpq_dsn(engine),
            on_ids=self.publish,
            missed_since=lambda since: missed_alerts(database=self.database, since=since),
        )
        self._listener = asyncio.create_task(listener.run(), name="alerts-listen")
        await listener.wait_for_first_try(timeout=connect_timeout)

    async def stop(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
            self._listener = None
        for subscriber in self._open_subscribers():
            self._end(subscriber)
        self._executor.shutdown(wait=False, cancel_futures=True)
        publication.remove_sink(self)


def broker_of(app: FastAPI) -> AlertBroker:
    """The app's broker, made on first use (from the event loop)."""
    broker: AlertBroker | None = getattr(app.state, "alert_broker", None)
    if broker is None:
        broker = AlertBroker(app.state.database)
        app.state.alert_broker = broker
    return broker


def missed_alerts(*, database: Database, since: datetime) -> list[uuid.UUID]:
    """Alerts raised or escalated since ``since``: what a listener that was away missed."""
    with database.session() as db:
        return list(
            db.scalars(
                select(Alert.id)
                .where(or_(Alert.created_at >= since, Alert.escalated_at >= since))
                .order_by(Alert.created_at)
            )
        )


class PostgresListener(ChannelListener):
    """``LISTEN prss_alerts``: hands each announced alert id to ``on_ids`` and, once back
    from a lost connection, the alerts raised or escalated while it was away."""

    # Replayed from a little before the connection was lost: clocks and commits are not
    # perfectly in step.
    REPLAY_MARGIN = timedelta(seconds=10)

    def __init__(
        self,
        *,
        dsn: str,
        on_ids: Callable[[Sequence[uuid.UUID]], None],
        missed_since: Callable[[datetime], list[uuid.UUID]],
    ) -> None:
        super().__init__(dsn=dsn, channel=publication.CHANNEL, name="alert listener")
        self.on_ids = on_ids
        self.missed_since = missed_since

    def on_payload(self, payload: str) -> None:
        alert_id = _parse(payload)
        if alert_id is not None:
            self.on_ids([alert_id])

    async def on_connected(self, lost_at: datetime | None) -> None:
        if lost_at is None:
            return
        missed = await anyio.to_thread.run_sync(self.missed_since, lost_at - self.REPLAY_MARGIN)
        if missed:
            self.on_ids(missed)


def _parse(payload: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(payload)
    except ValueError:
        return None
