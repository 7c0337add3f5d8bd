"""Token requests and answers."""

from __future__ import annotations

import uuid

from pydantic import Field

from app.core.schemas import InputModel, ReadModel


class TokenRead(ReadModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type
    expires_in: int = Field(description="Seconds until the access token expires.")
    refresh_token: str | None = None
    scope: str | None = Field(
        default=None,
        exclude_if=lambda value: value is None,
        description="Client credentials grant: the scopes granted, space separated.",
    )


class RefreshRequest(InputModel):
    refresh_token: str = Field(min_length=1, max_length=200)


class LogoutRequest(InputModel):
    refresh_token: str = Field(min_length=1, max_length=200)


class MeRead(ReadModel):
    id: uuid.UUID
    email: str
    role: str
    display_name: str
    organisation_id: uuid.UUID
    participant_id: uuid.UUID | None
