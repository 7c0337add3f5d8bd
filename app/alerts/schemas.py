"""Alert bodies: what lists, the stream and the actions answer with."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from app.alerts.models import RESOLUTION_NOTE_MAX
from app.core.schemas import InputModel, ReadModel

AlertSeverity = Literal["high", "crisis"]
AlertSource = Literal["crisis_event", "check_in", "assessment"]
AlertStatus = Literal["open", "acknowledged", "resolved"]


class AlertRead(ReadModel):
    id: uuid.UUID
    organisation_id: uuid.UUID
    participant_id: uuid.UUID
    participant_preferred_name: str = Field(
        description="The participant's preferred name, so a notification can say who it is."
    )
    severity: AlertSeverity
    source: AlertSource
    source_id: uuid.UUID = Field(
        description="The crisis event, check-in or assessment that raised the alert."
    )
    status: AlertStatus
    assignee_user_id: uuid.UUID | None = Field(
        description=(
            "The matched specialist's account; null when the alert went to the "
            "organisation's supervisors because the participant has no active match."
        )
    )
    assignee_name: str | None = Field(
        default=None, description="The assignee's display name, when there is one."
    )
    escalated_at: datetime | None = Field(
        description="When the alert, still unacknowledged, was escalated to the supervisors."
    )
    acknowledged_at: datetime | None
    acknowledged_by_user_id: uuid.UUID | None
    resolved_at: datetime | None
    resolved_by_user_id: uuid.UUID | None
    resolution_note: str | None
    created_at: datetime
    updated_at: datetime


class AlertResolve(InputModel):
    note: Annotated[
        str,
        Field(
            min_length=1,
            max_length=RESOLUTION_NOTE_MAX,
            description="What was done; required.",
        ),
    ]


class StreamTicketRead(ReadModel):
    ticket: str = Field(
        description="Pass as `?ticket=` to `GET /alerts/stream` once, before it expires."
    )
    expires_at: datetime
