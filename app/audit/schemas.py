"""Audit events as admins and participants read them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from app.core.schemas import ReadModel

Outcome = Literal["success", "denied", "failed"]


class AuditEventRead(ReadModel):
    id: int
    occurred_at: datetime
    actor_id: uuid.UUID | None
    actor_role: str | None
    action: str
    method: str
    resource: str
    participant_id: uuid.UUID | None
    outcome: Outcome
    status_code: int
    request_id: str


class AccessLogEntry(ReadModel):
    """One opening of the participant's record by someone else."""

    occurred_at: datetime
    actor_name: str | None
    actor_role: str | None
    action: str
    outcome: Outcome
