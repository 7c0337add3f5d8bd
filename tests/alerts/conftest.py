"""Helpers for the alerts tests: alerts stored directly, request bodies, stream reading."""

from __future__ import annotations

import contextlib
import queue
import threading
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy.orm import Session

from app.alerts.models import Alert
from app.core.base import utcnow
from app.participants.models import Participant
from app.users.models import User
from tests.factories import World

API = "/api/v1"

# Check-in answers and the risk level each gives (see app/check_ins/risk.py).
CHECK_INS = {
    "low": {"mood": 4, "craving": 1, "used_since_last": False, "sleep_hours": 7.5},
    "elevated": {"mood": 3, "craving": 5, "used_since_last": False},
    "high": {"mood": 1, "craving": 3, "used_since_last": False},
    "crisis": {"mood": 1, "craving": 9, "used_since_last": True, "wants_contact": True},
}


def make_alert(
    db: Session,
    participant: Participant,
    *,
    assignee: User | None = None,
    severity: str = "high",
    source: str = "check_in",
    status: str = "open",
    created_at: datetime | None = None,
    escalated_at: datetime | None = None,
) -> Alert:
    now = created_at or utcnow()
    alert = Alert(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        severity=severity,
        source=source,
        source_id=uuid.uuid4(),
        status=status,
        assignee_user_id=assignee.id if assignee else None,
        escalated_at=escalated_at,
        resolved_at=now if status == "resolved" else None,
        resolution_note="Called them back." if status == "resolved" else None,
        created_at=now,
        updated_at=now,
    )
    db.add(alert)
    db.flush()
    return alert


@pytest.fixture
def alert(db: Session, world: World) -> Alert:
    """An open alert for ``world.matched``, assigned to its specialist."""
    made = make_alert(db, world.matched, assignee=world.specialist)
    db.commit()
    return made


@dataclass
class SseEvent:
    event: str | None = None
    id: str | None = None
    data: str | None = None
    comments: list[str] = field(default_factory=list)


def parse_events(lines: Iterable[str]) -> Iterator[SseEvent]:
    """Server-Sent Events from a stream's lines (comments are kept, for keep-alive tests)."""
    current = SseEvent()
    for line in lines:
        if line == "":
            if current.event or current.data or current.comments:
                yield current
            current = SseEvent()
        elif line.startswith(":"):
            current.comments.append(line[1:].strip())
        else:
            name, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if name == "data":
                current.data = value if current.data is None else current.data + "\n" + value
            elif name in ("event", "id"):
                setattr(current, name, value)


class StreamReader:
    """Reads an open SSE response on a thread of its own, so a test can wait for the next
    event with a timeout."""

    def __init__(self, response: Any) -> None:
        self.response = response
        self.events: queue.Queue[SseEvent | None] = queue.Queue()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        # Ends when the stream ends, or with an error when the test closes it.
        with contextlib.suppress(Exception):
            for event in parse_events(self.response.iter_lines()):
                self.events.put(event)
        self.events.put(None)

    def next(self, timeout: float = 5.0) -> SseEvent:
        event = self.events.get(timeout=timeout)
        assert event is not None, "the stream ended"
        return event

    def next_alert(self, timeout: float = 5.0) -> SseEvent:
        """The next ``alert`` event, skipping comments."""
        while True:
            event = self.next(timeout=timeout)
            if event.event == "alert":
                return event

    def wait_connected(self, timeout: float = 5.0) -> None:
        event = self.next(timeout=timeout)
        assert "connected" in event.comments, event

    def nothing_more(self, within: float) -> bool:
        """True when no alert event arrives within ``within`` seconds."""
        try:
            while True:
                event = self.events.get(timeout=within)
                if event is None or event.event == "alert":
                    return event is None
        except queue.Empty:
            return True
