"""Crisis bodies: contacts, the safety plan, the crisis plan and "I need help now"."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from app.core.schemas import InputModel, ReadModel
from app.crisis.phones import Phone

ContactKind = Literal["specialist", "peer_mentor", "family", "friend", "clinician", "hotline"]
Name = Annotated[str, Field(min_length=1, max_length=200)]


class CrisisContactRead(BaseModel):
    id: uuid.UUID
    kind: ContactKind
    name: str
    # None only for a matched specialist whose profile has no work phone yet.
    phone: str | None
    position: int = Field(description="Place in the list, from 0 (call first).")
    may_contact: bool
    is_lifeline: bool = Field(description="The 988 Lifeline: it can be moved, not removed.")
    managed_by_match: bool = Field(
        description="The active matched specialist: first while the match lasts."
    )


class CrisisContactList(BaseModel):
    items: list[CrisisContactRead]


class CrisisContactCreate(InputModel):
    kind: ContactKind
    name: Name
    phone: Phone
    may_contact: bool = Field(
        default=False,
        description="Only the participant may say yes; a contact staff add waits for it.",
    )
    position: Annotated[int, Field(ge=0, le=100)] | None = Field(
        default=None, description="Where to place it; the end of the list by default."
    )


class CrisisContactUpdate(InputModel):
    kind: ContactKind | None = None
    name: Name | None = None
    phone: Phone | None = None
    may_contact: bool | None = None
    position: Annotated[int, Field(ge=0, le=100)] | None = None

    never_null = ("kind", "name", "phone", "may_contact", "position")


Step = Annotated[list[Annotated[str, Field(min_length=1, max_length=500)]], Field(max_length=20)]


class SafetyPlanWrite(InputModel):
    """The six steps of the Stanley-Brown Safety Planning Intervention, in the
    participant's own words."""

    warning_signs: Step = Field(
        default=[], description="1. Warning signs that a crisis may be coming."
    )
    internal_coping: Step = Field(
        default=[], description="2. Things I can do on my own to take my mind off it."
    )
    social_distractions: Step = Field(
        default=[], description="3. People and social settings that help me take my mind off it."
    )
    people_to_ask: Step = Field(default=[], description="4. People I can ask for help.")
    professionals: Step = Field(
        default=[],
        description="5. Professionals and agencies to contact in a crisis (988 is always listed).",
    )
    environment_safety: Step = Field(default=[], description="6. Making the environment safe.")


class SafetyPlanRead(ReadModel):
    participant_id: uuid.UUID
    version: int
    warning_signs: list[str]
    internal_coping: list[str]
    social_distractions: list[str]
    people_to_ask: list[str]
    professionals: list[str]
    environment_safety: list[str]
    written_by_user_id: uuid.UUID | None
    written_by_role: str | None = Field(description="None until the first version is written.")
    created_at: datetime | None = Field(description="None until the first version is written.")


class CrisisPlanRead(BaseModel):
    """What a participant needs on a bad day, small enough to keep offline."""

    participant_id: uuid.UUID
    contacts: list[CrisisContactRead]
    safety_plan: SafetyPlanRead


class CrisisEventCreate(InputModel):
    note: Annotated[str, Field(min_length=1, max_length=1000)] | None = None


class CrisisEventRead(BaseModel):
    id: uuid.UUID
    participant_id: uuid.UUID
    created_at: datetime
    alert_id: uuid.UUID | None = Field(
        description="None when the alert could not be raised; call the contacts directly."
    )
    message: str
    contacts: list[CrisisContactRead]
