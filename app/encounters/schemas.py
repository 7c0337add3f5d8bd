"""Encounter bodies: logging a contact, changing it, and what each caller reads back."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, field_validator

from app.core.base import utcnow
from app.core.schemas import InputModel, ReadModel
from app.encounters.models import Encounter

EncounterMode = Literal["in_person", "phone", "video", "text", "outreach", "group"]
Dimension = Literal["health", "home", "purpose", "community"]

Minutes = Annotated[int, Field(ge=1, le=720, description="Length of the contact in minutes.")]
Dimensions = Annotated[
    list[Dimension],
    Field(max_length=4, description="SAMHSA dimensions of recovery addressed; each at most once."),
]
Referral = Annotated[str, Field(min_length=1, max_length=200)]
Referrals = Annotated[
    list[Referral], Field(max_length=20, description="Services the participant was referred to.")
]
Note = Annotated[
    str,
    Field(
        max_length=10_000,
        description="Readable only by its author and by supervisors. Blank means no note.",
    ),
]

# Browsers and phones run a little ahead of the server now and then; an encounter logged
# "now" must not be refused for that.
CLOCK_SKEW = timedelta(minutes=2)
# Older starts are typing mistakes, not contacts; the floor also keeps year-1 times with a
# positive offset from overflowing when they are converted to UTC.
EARLIEST_START = datetime(2000, 1, 1, tzinfo=UTC)


def _past_in_utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value > utcnow() + CLOCK_SKEW:
        raise ValueError("an encounter cannot start in the future")
    if value < EARLIEST_START:
        raise ValueError("an encounter cannot start before 2000")
    # The response echoes the stored object: normalise now, not only when it is reloaded.
    return value.astimezone(UTC)


def _distinct(value: list[str] | None) -> list[str] | None:
    if value is not None and len(set(value)) != len(value):
        raise ValueError("each dimension may be listed only once")
    return value


def _blank_is_none(value: str | None) -> str | None:
    return value or None


class EncounterCreate(InputModel):
    mode: EncounterMode
    started_at: AwareDatetime
    minutes: Minutes
    dimensions: Dimensions = []
    referrals: Referrals = []
    note: Note | None = None

    _started = field_validator("started_at")(_past_in_utc)
    _dimensions = field_validator("dimensions")(_distinct)
    _note = field_validator("note")(_blank_is_none)


class EncounterUpdate(InputModel):
    """Only the fields sent change; ``note: null`` removes the note."""

    mode: EncounterMode | None = None
    started_at: AwareDatetime | None = None
    minutes: Minutes | None = None
    dimensions: Dimensions | None = None
    referrals: Referrals | None = None
    note: Note | None = None

    _started = field_validator("started_at")(_past_in_utc)
    _dimensions = field_validator("dimensions")(_distinct)
    _note = field_validator("note")(_blank_is_none)

    never_null = ("mode", "started_at", "minutes", "dimensions", "referrals")


class EncounterRead(ReadModel):
    id: uuid.UUID
    participant_id: uuid.UUID
    author_user_id: uuid.UUID | None
    mode: EncounterMode
    started_at: datetime
    minutes: int
    dimensions: list[Dimension]
    referrals: list[str]
    note: str | None = Field(
        description="The note, for its author and supervisors; null for everyone else."
    )
    note_visible: bool = Field(
        description=(
            "Whether the caller may read this encounter's note. False means the note is "
            "withheld (whether or not one was written), so a client can say so."
        )
    )
    billable_units: int = Field(
        description=(
            "H0038 15-minute units (a remainder of 8 minutes or more counts), capped so "
            "the participant is billed at most 16 units per UTC day."
        )
    )
    created_at: datetime
    updated_at: datetime

    @classmethod
    def for_reader(cls, encounter: Encounter, *, note_visible: bool) -> EncounterRead:
        """The encounter as one caller may read it: the note only when it may."""
        fields = {
            name: getattr(encounter, name)
            for name in cls.model_fields
            if name not in ("note", "note_visible")
        }
        return cls.model_validate(
            {
                **fields,
                "note": encounter.note if note_visible else None,
                "note_visible": note_visible,
            }
        )
