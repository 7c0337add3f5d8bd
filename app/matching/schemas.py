"""Match bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field

from app.core.schemas import InputModel, ReadModel

MatchStatus = Literal["proposed", "active", "declined", "ended"]

Reason = Annotated[str, Field(min_length=1, max_length=2000)]


class MatchPropose(InputModel):
    specialist_id: uuid.UUID


class MatchDecline(InputModel):
    reason: Reason | None = None


class MatchEnd(InputModel):
    reason: Reason


class MatchChangeRequest(InputModel):
    reason: Reason | None = None


class MatchRead(ReadModel):
    id: uuid.UUID
    participant_id: uuid.UUID
    specialist_id: uuid.UUID
    specialist_name: str
    status: MatchStatus
    proposed_at: datetime
    proposed_by_user_id: uuid.UUID | None
    activated_at: datetime | None
    declined_at: datetime | None
    decline_reason: str | None
    ended_at: datetime | None
    ended_by_user_id: uuid.UUID | None
    end_reason: str | None
    score: int | None
    explanation: list[dict[str, Any]]
