"""The caseload: one row per participant with what a specialist needs at a glance."""

from __future__ import annotations

import uuid
from datetime import datetime

from app.check_ins.risk import RiskLevel
from app.core.schemas import ReadModel
from app.participants.schemas import ParticipantStatus


class DimensionProgressRead(ReadModel):
    goals: int
    achieved: int
    awaiting_agreement: int
    steps_total: int
    steps_done: int
    percent: int


class CaseloadEntry(ReadModel):
    participant_id: uuid.UUID
    preferred_name: str
    pronouns: str | None
    status: ParticipantStatus
    risk_level: RiskLevel | None
    last_check_in_at: datetime | None
    last_contact_at: datetime | None
    days_since_last_contact: int | None
    plan_progress: dict[str, DimensionProgressRead]
    goals_awaiting_agreement: int
    specialist_id: uuid.UUID | None = None  # the actively matched specialist profile
    specialist_name: str | None = None
    follow_up_due: bool | None = None  # known once outcome surveys exist


class SpecialistBalance(ReadModel):
    specialist_id: uuid.UUID
    display_name: str
    active: int
    proposed: int
    max_caseload: int
    accepting_new: bool
    spare: int  # places left (max_caseload - active), whether or not accepting new


class WaitingParticipant(ReadModel):
    participant_id: uuid.UUID
    preferred_name: str
    waiting_since: datetime  # enrolment, or the end of the last match
    days_waiting: int
    has_proposal: bool


class CaseloadBalance(ReadModel):
    specialists: list[SpecialistBalance]
    waiting: list[WaitingParticipant]
