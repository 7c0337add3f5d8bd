"""Specialist profiles as staff read and change them."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator

from app.core.schemas import InputModel, ReadModel
from app.crisis.phones import Phone
from app.participants.schemas import Language, RecoveryPathway, Substance

Faith = Literal["faith_based", "secular"]


def _gender_key(label: str) -> str:
    """One spelling per gender, so "Woman " and "woman" meet in the gender-preference rule."""
    key = " ".join(label.split()).casefold()
    if not key:
        raise ValueError("must not be blank")
    return key


Gender = Annotated[
    str,
    Field(min_length=1, max_length=60, description="Stored trimmed and in lower case."),
    AfterValidator(_gender_key),
]


class SpecialistRead(ReadModel):
    id: uuid.UUID
    user_id: uuid.UUID
    display_name: str
    max_caseload: int
    accepting_new: bool
    active_caseload: int
    substances: list[str] = []
    recovery_pathways: list[str] = []
    moud_affirming: bool = False
    languages: list[str] = []
    gender: str | None = None
    birth_decade: int | None = None
    faith: Faith | None = None
    veteran: bool = False
    justice_involved: bool = False
    lgbtq_affirming: bool = False
    region: str | None = None
    phone: str | None = Field(
        default=None, description="Work phone, first in matched participants' crisis contacts."
    )


class SpecialistUpdate(InputModel):
    """A change to a profile: only the fields sent are changed."""

    substances: Annotated[list[Substance], Field(max_length=9)] | None = None
    recovery_pathways: Annotated[list[RecoveryPathway], Field(max_length=8)] | None = None
    moud_affirming: bool | None = None
    languages: (
        Annotated[list[Language], Field(min_length=1, max_length=20, description="BCP 47 tags.")]
        | None
    ) = None
    gender: Gender | None = None
    birth_decade: Annotated[int, Field(ge=1920, le=2010)] | None = None
    faith: Faith | None = None
    veteran: bool | None = None
    justice_involved: bool | None = None
    lgbtq_affirming: bool | None = None
    region: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    phone: Phone | None = None
    max_caseload: Annotated[int, Field(ge=1, le=100)] | None = None
    accepting_new: bool | None = None

    @field_validator("birth_decade")
    @classmethod
    def _a_decade(cls, value: int | None) -> int | None:
        if value is not None and value % 10 != 0:
            raise ValueError("birth_decade is the first year of a decade, such as 1970")
        return value

    @field_validator("substances", "recovery_pathways", "languages")
    @classmethod
    def _unique(cls, value: list[str] | None) -> list[str] | None:
        return list(dict.fromkeys(value)) if value is not None else None

    never_null = (
        "substances",
        "recovery_pathways",
        "moud_affirming",
        "languages",
        "veteran",
        "justice_involved",
        "lgbtq_affirming",
        "max_caseload",
        "accepting_new",
    )
