"""Fixtures for encounter tests: a way to log encounters as any caller, a day in the past
to bill on, and a second specialist who can see ``world.matched`` without being its author."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.participants.models import Participant
from app.users.models import User
from tests.factories import World, make_match, make_user

# Returns the test client's response (httpx or httpx2, whichever Starlette picked).
LogEncounter = Callable[..., Any]


@pytest.fixture
def billing_day() -> date:
    """A UTC day safely in the past, so every hour of it is a valid start."""
    return (datetime.now(UTC) - timedelta(days=3)).date()


@pytest.fixture
def at(billing_day: date) -> Callable[..., str]:
    """``at(hour, minute)``: an ISO start time on ``billing_day`` (UTC)."""

    def start(hour: int = 10, minute: int = 0, *, days: int = 0) -> str:
        day = billing_day + timedelta(days=days)
        return datetime.combine(day, time(hour, minute), tzinfo=UTC).isoformat()

    return start


@pytest.fixture
def encounter_body(at: Callable[..., str]) -> Callable[..., dict[str, Any]]:
    def body(**changes: Any) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "mode": "in_person",
            "started_at": at(),
            "minutes": 45,
            "dimensions": ["health", "community"],
            "referrals": ["Outpatient MOUD clinic intake"],
            "note": "Talked through the weekend plan; wants a SMART Recovery meeting.",
        }
        fields.update(changes)
        return {k: v for k, v in fields.items() if v is not None}

    return body


@pytest.fixture
def log_encounter(
    client: TestClient, world: World, encounter_body: Callable[..., dict[str, Any]]
) -> LogEncounter:
    """``log_encounter(user, participant=world.matched, **fields)`` posts an encounter."""

    def log(user: User, participant: Participant | None = None, **changes: Any) -> Any:
        target = participant or world.matched
        return client.post(
            f"/api/v1/participants/{target.id}/encounters",
            json=encounter_body(**changes),
            headers=world.headers(user),
        )

    return log


@pytest.fixture
def specialists_encounter(log_encounter: LogEncounter, world: World) -> dict[str, Any]:
    """An encounter with a note, written by ``world.specialist`` about ``world.matched``."""
    response = log_encounter(world.specialist)
    assert response.status_code == 201, response.text
    encounter: dict[str, Any] = response.json()
    return encounter


@pytest.fixture
def co_specialist(db: Session, world: World) -> User:
    """A specialist proposed as ``world.matched``'s match: it sees the participant, but it
    wrote none of its encounters."""
    user = make_user(db, world.org, "specialist", name="Quinn Peer")
    make_match(db, world.matched, user, status="proposed")
    db.commit()
    return user
