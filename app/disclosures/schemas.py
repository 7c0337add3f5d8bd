"""Disclosure bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from app.core.schemas import InputModel, Instant, ReadModel

Text = Annotated[str, Field(min_length=1, max_length=2000)]


class EmergencyDisclosureCreate(InputModel):
    """§2.51: information disclosed without consent to medical personnel, to the extent
    needed to meet a bona fide medical emergency."""

    recipient_name: Annotated[str, Field(min_length=1, max_length=200)] = Field(
        description="The medical personnel who received the information."
    )
    recipient_facility: Annotated[str, Field(min_length=1, max_length=200)] = Field(
        description="Their facility."
    )
    nature_of_emergency: Text
    information_disclosed: Text = Field(description="What was disclosed, in general terms.")
    disclosed_at: Instant | None = Field(default=None, description="Defaults to now.")


class DisclosureRead(ReadModel):
    id: uuid.UUID
    participant_id: uuid.UUID
    kind: Literal["emergency", "consented"]
    recipient_name: str
    recipient_facility: str | None
    information_categories: list[str]
    description: str | None
    nature_of_emergency: str | None
    purpose: str | None
    consent_id: uuid.UUID | None
    recipient_client_id: uuid.UUID | None = Field(
        default=None, description="The integrator client, for disclosures by API export."
    )
    disclosed_by_user_id: uuid.UUID | None
    disclosed_at: datetime
    created_at: datetime
