"""Consent bodies. A disclosure consent carries the elements 42 CFR §2.31 requires."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, model_validator

from app.core.base import utcnow
from app.core.schemas import InputModel, Instant, ReadModel
from app.participants.schemas import Signature

ConsentKind = Literal["enrolment", "disclosure"]
InformationCategory = Literal[
    "outcomes",
    "demographics",
    "recovery_plan",
    "check_ins",
    "assessments",
    "encounters",
    "substance_use_history",
]
ConsentStatus = Literal["active", "expired", "revoked"]

Text200 = Annotated[str, Field(min_length=1, max_length=200)]
Text2000 = Annotated[str, Field(min_length=1, max_length=2000)]


class ConsentCreate(InputModel):
    kind: ConsentKind
    signed_at: Instant
    signature: Signature
    discloser: Text200 | None = Field(
        default=None, description="Who discloses; defaults to the organisation."
    )
    recipient_name: Text200 | None = None
    recipient_client_id: uuid.UUID | None = Field(
        default=None, description="The integrator client that may receive the data."
    )
    information_categories: Annotated[list[InformationCategory], Field(max_length=7)] = []
    purpose: Text2000 | None = None
    expires_at: Instant | None = None
    expiry_event: Text2000 | None = None

    @model_validator(mode="after")
    def _elements(self) -> ConsentCreate:
        if self.signed_at > utcnow():
            raise ValueError("a consent cannot be signed in the future")
        if self.kind == "enrolment":
            extra = [
                name
                for name in (
                    "discloser",
                    "recipient_name",
                    "recipient_client_id",
                    "purpose",
                    "expires_at",
                    "expiry_event",
                )
                if getattr(self, name) is not None
            ]
            if extra or self.information_categories:
                raise ValueError("an enrolment consent takes only signed_at and signature")
            return self
        if self.recipient_name is None and self.recipient_client_id is None:
            raise ValueError("a disclosure consent names its recipient")
        if not self.information_categories:
            raise ValueError("a disclosure consent lists the information it covers")
        if self.purpose is None:
            raise ValueError("a disclosure consent states its purpose")
        if self.expires_at is None and self.expiry_event is None:
            raise ValueError("a disclosure consent has an expiry date or event")
        if self.expires_at is not None and self.expires_at <= self.signed_at:
            raise ValueError("expires_at must be after signed_at")
        self.information_categories = list(dict.fromkeys(self.information_categories))
        return self


class ConsentRevoke(InputModel):
    reason: Text2000 | None = None


class ConsentRead(ReadModel):
    id: uuid.UUID
    participant_id: uuid.UUID
    kind: ConsentKind
    status: ConsentStatus
    signed_at: datetime
    signature: str
    discloser: str | None
    recipient_name: str | None
    recipient_client_id: uuid.UUID | None
    information_categories: list[str]
    purpose: str | None
    expires_at: datetime | None
    expiry_event: str | None
    created_at: datetime
    revoked_at: datetime | None
    revocation_reason: str | None
