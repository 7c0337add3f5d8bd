"""Participant bodies: intake, profile changes, and what is read back."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import EmailStr, Field, field_validator

from app.core.base import utcnow
from app.core.schemas import InputModel, Instant, ReadModel

RecoveryPathway = Literal[
    "moud_buprenorphine",
    "moud_methadone",
    "moud_naltrexone",
    "mutual_aid_12_step",
    "smart_recovery",
    "faith_based",
    "clinical_treatment",
    "family_support",
]
Substance = Literal[
    "alcohol",
    "opioids",
    "stimulants",
    "cannabis",
    "sedatives",
    "hallucinogens",
    "inhalants",
    "tobacco",
    "other",
]
ParticipantStatus = Literal["active", "withdrawn", "discharged"]
RiskLevel = Literal["low", "elevated", "high", "crisis"]

Name = Annotated[str, Field(min_length=1, max_length=200)]
Phone = Annotated[str, Field(min_length=3, max_length=40, pattern=r"^\+?[0-9 ().-]{3,40}$")]
# A BCP 47 language tag such as "en", "es" or "es-MX".
Language = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", max_length=35)]
Strength = Annotated[str, Field(min_length=1, max_length=200)]
Signature = Annotated[
    str, Field(min_length=1, max_length=200, description="The signer's typed full name.")
]


class EnrolmentConsentIn(InputModel):
    signed_at: Instant
    signature: Signature

    @field_validator("signed_at")
    @classmethod
    def _not_in_future(cls, value: datetime) -> datetime:
        if value > utcnow():
            raise ValueError("a consent cannot be signed in the future")
        return value


class ParticipantProfile(InputModel):
    """Fields shared by intake and profile changes."""

    legal_name: Name | None = None
    pronouns: Annotated[str, Field(max_length=40)] | None = None
    email: EmailStr | None = None
    phone: Phone | None = None
    gender_identity: Annotated[str, Field(max_length=60)] | None = None
    birth_year: Annotated[int, Field(ge=1900)] | None = None
    substances: Annotated[list[Substance], Field(max_length=9)] = []
    recovery_pathways: Annotated[list[RecoveryPathway], Field(max_length=8)] = []
    recovery_start_date: date | None = None
    strengths: Annotated[list[Strength], Field(max_length=30)] = []

    @field_validator("birth_year")
    @classmethod
    def _adult_or_youth(cls, value: int | None) -> int | None:
        if value is not None and value > utcnow().year - 10:
            raise ValueError("birth_year is not plausible")
        return value

    @field_validator("recovery_start_date")
    @classmethod
    def _started(cls, value: date | None) -> date | None:
        if value is not None and value > utcnow().date():
            raise ValueError("recovery_start_date cannot be in the future")
        return value

    @field_validator("substances", "recovery_pathways", "strengths")
    @classmethod
    def _unique(cls, value: list[str] | None) -> list[str] | None:
        return list(dict.fromkeys(value)) if value is not None else None


class ParticipantCreate(ParticipantProfile):
    preferred_name: Name
    primary_language: Language = "en"
    enrolment_consent: EnrolmentConsentIn = Field(
        description="No consent, no intake: enrolment is voluntary and recorded."
    )


class ParticipantUpdate(ParticipantProfile):
    preferred_name: Name | None = None
    primary_language: Language | None = None
    substances: Annotated[list[Substance], Field(max_length=9)] | None = None  # type: ignore[assignment]
    recovery_pathways: Annotated[list[RecoveryPathway], Field(max_length=8)] | None = None  # type: ignore[assignment]
    strengths: Annotated[list[Strength], Field(max_length=30)] | None = None  # type: ignore[assignment]

    never_null = (
        "preferred_name",
        "primary_language",
        "substances",
        "recovery_pathways",
        "strengths",
    )


class WithdrawRequest(InputModel):
    reason: Annotated[str, Field(max_length=2000)] | None = None


class ParticipantRead(ReadModel):
    id: uuid.UUID
    organisation_id: uuid.UUID
    preferred_name: str
    legal_name: str | None
    pronouns: str | None
    email: str | None
    phone: str | None
    primary_language: str
    gender_identity: str | None
    birth_year: int | None
    substances: list[str]
    recovery_pathways: list[str]
    recovery_start_date: date | None
    strengths: list[str]
    status: ParticipantStatus
    risk_level: RiskLevel | None
    enrolled_at: datetime
    withdrawn_at: datetime | None
    withdrawal_reason: str | None
    created_at: datetime
    updated_at: datetime
    days_in_recovery: int | None = Field(
        default=None, description="Days since recovery_start_date; a reported use never resets it."
    )
    last_reported_use_at: datetime | None = None
    days_since_last_reported_use: int | None = None
