"""Check-in bodies, and the daily trend for charts."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import Field, field_validator

from app.check_ins.risk import RiskLevel
from app.core.base import utcnow
from app.core.schemas import InputModel, Instant, ReadModel


class CheckInCreate(InputModel):
    mood: Annotated[int, Field(ge=1, le=5, description="1 very low … 5 very good")]
    craving: Annotated[int, Field(ge=0, le=10, description="0 none … 10 overwhelming")]
    used_since_last: bool
    sleep_hours: Annotated[float, Field(ge=0, le=24)] | None = None
    note: Annotated[str, Field(max_length=2000)] | None = None
    wants_contact: bool = False
    recorded_at: Instant | None = Field(
        default=None,
        description="When the participant checked in, for check-ins sent later from an "
        "offline phone; defaults to now. At most 7 days ago.",
    )

    @field_validator("recorded_at")
    @classmethod
    def _recent_past(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        now = utcnow()
        if value > now:
            raise ValueError("recorded_at cannot be in the future")
        if (now - value).days >= 7:
            raise ValueError("recorded_at cannot be more than 7 days ago")
        return value


class CheckInRead(ReadModel):
    id: uuid.UUID
    participant_id: uuid.UUID
    recorded_at: datetime
    mood: int
    craving: int
    used_since_last: bool
    sleep_hours: float | None
    note: str | None
    wants_contact: bool
    risk_level: RiskLevel
    risk_reasons: list[str]
    entered_by_role: str
    entered_by_user_id: uuid.UUID | None


class TrendDayRead(ReadModel):
    date: date
    check_ins: int
    mood: float | None
    craving_max: int | None
    craving_mean: float | None
    used: bool | None
    risk_level: RiskLevel | None


class CheckInTrendRead(ReadModel):
    participant_id: uuid.UUID
    first_day: date
    last_day: date
    timezone: str
    days: list[TrendDayRead]
