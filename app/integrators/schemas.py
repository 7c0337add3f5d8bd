"""Integrator client bodies. The secret appears in one answer only: the one that creates it."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Final, Literal, get_args

from pydantic import AliasChoices, Field, field_validator

from app.core.schemas import InputModel, ReadModel

# What an integrator may be granted. Outcome data is the only thing integrators pull today.
IntegratorScope = Literal["outcomes:read"]
INTEGRATOR_SCOPES: Final[tuple[str, ...]] = get_args(IntegratorScope)
OUTCOMES_READ: Final = "outcomes:read"


class IntegratorClientCreate(InputModel):
    name: Annotated[
        str,
        Field(min_length=1, max_length=200, description="Who the integrator is (a funder, say)."),
    ]
    scopes: Annotated[
        list[IntegratorScope],
        Field(
            min_length=1,
            max_length=len(INTEGRATOR_SCOPES),
            json_schema_extra={"uniqueItems": True},
        ),
    ]

    @field_validator("scopes")
    @classmethod
    def _once_each(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("each scope may be listed once")
        return value


class IntegratorClientRead(ReadModel):
    client_id: uuid.UUID = Field(validation_alias=AliasChoices("client_id", "id"))
    organisation_id: uuid.UUID
    name: str
    scopes: list[str]
    created_at: datetime
    created_by_user_id: uuid.UUID | None
    revoked_at: datetime | None
    last_used_at: datetime | None = Field(
        description="When the client last obtained an access token."
    )


class IntegratorClientCreated(IntegratorClientRead):
    client_secret: str = Field(
        description="Shown only in this answer: only its digest is kept, so store it now."
    )
