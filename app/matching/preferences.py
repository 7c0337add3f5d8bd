"""A participant's matching preferences: what it wants in a peer, and which shared
experience matters most to it. Bodies and the read/replace service."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, field_validator
from sqlalchemy.orm import Session

from app.core.schemas import InputModel, ReadModel
from app.matching.models import MatchingPreferences
from app.matching.scoring import Criterion
from app.participants.schemas import Language
from app.specialists.schemas import Gender

Faith = Literal["faith_based", "secular"]


class MatchingPreferencesWrite(InputModel):
    """The whole set of preferences (PUT replaces it)."""

    gender_preference: Gender | None = Field(
        default=None, description="Only specialists of this gender are suggested."
    )
    languages: Annotated[
        list[Language],
        Field(max_length=10, description="Languages besides the primary language."),
    ] = []
    faith_preference: Faith | None = None
    veteran: bool = False
    justice_involved: bool = False
    wants_lgbtq_affirming: bool = False
    region: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    priorities: Annotated[
        list[Criterion],
        Field(max_length=8, description="Criteria whose weight is raised in the match score."),
    ] = []

    @field_validator("languages", "priorities")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))


class MatchingPreferencesRead(ReadModel):
    participant_id: uuid.UUID
    gender_preference: str | None = None
    languages: list[str] = []
    faith_preference: Faith | None = None
    veteran: bool = False
    justice_involved: bool = False
    wants_lgbtq_affirming: bool = False
    region: str | None = None
    priorities: list[Criterion] = []
    updated_at: datetime | None = Field(
        default=None, description="Null while the participant has stated no preferences."
    )


def stored(*, db: Session, participant_id: uuid.UUID) -> MatchingPreferences | None:
    return db.get(MatchingPreferences, participant_id)


def defaults(participant_id: uuid.UUID) -> MatchingPreferences:
    """What is assumed while nothing is stored: no preferences, no priorities (unsaved)."""
    return MatchingPreferences(
        participant_id=participant_id,
        gender_preference=None,
        languages=[],
        faith_preference=None,
        veteran=False,
        justice_involved=False,
        wants_lgbtq_affirming=False,
        region=None,
        priorities=[],
        version=0,
    )


def of(*, db: Session, participant_id: uuid.UUID) -> MatchingPreferences:
    return stored(db=db, participant_id=participant_id) or defaults(participant_id)


def replace(
    *, db: Session, participant_id: uuid.UUID, data: MatchingPreferencesWrite
) -> tuple[MatchingPreferences, bool]:
    """Store ``data`` as the participant's preferences; True when they were new."""
    preferences = stored(db=db, participant_id=participant_id)
    created = preferences is None
    if preferences is None:
        preferences = MatchingPreferences(participant_id=participant_id)
        db.add(preferences)
    for name, value in data.model_dump().items():
        setattr(preferences, name, value)
    db.flush()
    return preferences, created
