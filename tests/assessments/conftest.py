"""Fixtures for the assessments tests: a poster for request bodies, and stored assessments."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import httpx2
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.assessments import scoring
from app.assessments.models import Assessment
from app.core.base import utcnow
from app.participants.models import Participant
from app.users.models import User
from tests.assessments.bodies import Body
from tests.factories import World


@pytest.fixture
def assessments_url(world: World) -> str:
    return f"/api/v1/participants/{world.matched.id}/assessments"


@pytest.fixture
def post_assessment(
    client: TestClient, world: World, assessments_url: str
) -> Callable[..., httpx2.Response]:
    """POST a body for ``world.matched``, as the matched specialist unless told otherwise."""

    def post(
        body: Body,
        *,
        user: User | None = None,
        url: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx2.Response:
        return client.post(
            url or assessments_url,
            json=body,
            headers={**world.headers(user or world.specialist), **(headers or {})},
        )

    return post


@pytest.fixture
def stored_assessment(db: Session, world: World) -> Callable[..., Assessment]:
    """Store an assessment directly, scored by the real rules."""

    def store(
        participant: Participant,
        responses: list[int] | dict[str, bool],
        *,
        administered_at: datetime | None = None,
    ) -> Assessment:
        instrument: scoring.Instrument = "barc10" if isinstance(responses, list) else "cssrs_screen"
        result = scoring.score(instrument, responses)
        assessment = Assessment(
            organisation_id=participant.organisation_id,
            participant_id=participant.id,
            instrument=instrument,
            responses=responses,
            total=result.total,
            meets_threshold=result.meets_threshold,
            risk=result.risk,
            administered_at=administered_at or utcnow(),
            administered_by_user_id=world.specialist.id,
        )
        db.add(assessment)
        db.flush()
        return assessment

    return store
