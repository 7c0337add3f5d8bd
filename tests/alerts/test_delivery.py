"""The delivery machinery on its own: announcements follow the transaction, a slow stream is
let go, and the LISTEN task survives a database it cannot reach."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence

import pytest

from app.alerts import publication
from app.alerts.broker import QUEUE_LIMIT, AlertEvent, PostgresListener, StreamRequest, Subscriber
from app.core.security import Principal
from tests import database


class Recorder:
    def __init__(self) -> None:
        self.published: list[uuid.UUID] = []

    def publish(self, alert_ids: Sequence[uuid.UUID]) -> None:
        self.published.extend(alert_ids)


@pytest.fixture
def recorder():
    sink = Recorder()
    publication.add_sink(sink)
    yield sink
    publication.remove_sink(sink)


sqlite_only = pytest.mark.skipif(
    database.on_postgres(), reason="PostgreSQL announces with NOTIFY, not after commit"
)


@sqlite_only
def test_announcements_are_published_only_when_the_outer_transaction_commits(db, recorder):
    before, inside, rolled_back = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    publication.announce(db=db, alert_ids=[before])
    with db.begin_nested():
        publication.announce(db=db, alert_ids=[inside])
    assert recorder.published == []  # a savepoint's release is not a commit
    try:
        with db.begin_nested():
            publication.announce(db=db, alert_ids=[rolled_back])
            raise RuntimeError
    except RuntimeError:
        pass
    assert recorder.published == []
    db.commit()
    # The rolled-back one goes too; delivery finds no such alert and skips it.
    assert recorder.published == [before, inside, rolled_back]


@sqlite_only
def test_a_rolled_back_transaction_publishes_nothing(db, recorder):
    publication.announce(db=db, alert_ids=[uuid.uuid4()])
    db.rollback()
    db.commit()
    assert recorder.published == []


def test_a_stream_that_falls_behind_is_closed_rather_than_buffered_forever():
    async def scenario() -> list[AlertEvent | None]:
        principal = Principal(user_id=uuid.uuid4(), role="supervisor", organisation_id=uuid.uuid4())
        subscriber = Subscriber(principal, StreamRequest("r", "stream_alerts", "/"))
        for _ in range(QUEUE_LIMIT + 1):
            subscriber.offer(AlertEvent(alert_id=uuid.uuid4(), data="{}"))
        await asyncio.sleep(0.05)
        assert subscriber.closed
        return [await subscriber.next_event()]

    assert asyncio.run(scenario()) == [None]


def test_the_listener_keeps_trying_when_the_database_is_unreachable():
    async def scenario() -> None:
        listener = PostgresListener(
            dsn="postgresql://postgres@127.0.0.1:1/nowhere",
            on_ids=lambda ids: None,
            missed_since=lambda since: [],
        )
        listener.FIRST_RETRY_SECONDS = 0.05
        task = asyncio.create_task(listener.run())
        # Startup waits for the first attempt, which a refused connection ends at once.
        await listener.wait_for_first_try(timeout=5)
        assert listener.tried.is_set()
        await asyncio.sleep(0.5)
        assert not task.done(), "the listener gave up (or crashed)"
        assert not listener.connected.is_set()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(scenario())
