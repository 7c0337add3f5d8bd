"""Account bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import EmailStr, Field, model_validator

from app.core.schemas import InputModel, ReadModel
from app.core.security import Role

Password = Annotated[
    str,
    Field(min_length=12, max_length=128, description="At least 12 characters."),
]
DisplayName = Annotated[str, Field(min_length=1, max_length=200)]


class UserCreate(InputModel):
    email: EmailStr
    password: Password
    role: Role
    display_name: DisplayName
    participant_id: uuid.UUID | None = Field(
        default=None, description="Required for, and only for, the participant role."
    )

    @model_validator(mode="after")
    def _participant_link(self) -> UserCreate:
        if (self.role == "participant") != (self.participant_id is not None):
            raise ValueError("participant_id is required for participants, and only for them")
        return self


class UserUpdate(InputModel):
    display_name: DisplayName | None = None
    password: Password | None = None

    never_null = ("display_name", "password")


class UserRead(ReadModel):
    id: uuid.UUID
    organisation_id: uuid.UUID
    email: str
    role: str
    display_name: str
    participant_id: uuid.UUID | None
    is_active: bool
    deactivated_at: datetime | None
    created_at: datetime
    updated_at: datetime
