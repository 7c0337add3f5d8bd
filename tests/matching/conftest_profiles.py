"""Builders for specialists with lived-experience profiles and participants with matching
preferences (imported explicitly by the matching and specialist tests)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.matching.models import MatchingPreferences
from app.organisations.models import Organisation
from app.participants.models import Participant
from app.specialists import service as specialists
from app.specialists.models import Specialist
from tests.factories import make_participant, make_user, specialist_profile


def make_specialist(
    db: Session,
    organisation: Organisation,
    *,
    name: str = "Peer",
    languages: list[str] | None = None,
    active: bool = True,
    **profile: Any,
) -> Specialist:
    """A specialist account and its profile with the given fields."""
    user = make_user(db, organisation, "specialist", name=name)
    user.is_active = active
    specialist = specialist_profile(db, user)
    for key, value in profile.items():
        setattr(specialist, key, value)
    specialists.set_languages(db=db, profile=specialist, languages=languages or ["en"])
    db.flush()
    return specialist


def make_seeker(
    db: Session,
    organisation: Organisation,
    *,
    primary_language: str = "en",
    recovery_pathways: list[str] | None = None,
    substances: list[str] | None = None,
    birth_year: int | None = None,
    **preferences: Any,
) -> Participant:
    """A participant looking for a peer, with matching preferences when any are given."""
    participant = make_participant(db, organisation, preferred_name="Sky")
    participant.primary_language = primary_language
    participant.recovery_pathways = recovery_pathways or []
    participant.substances = substances or []
    participant.birth_year = birth_year
    if preferences:
        db.add(MatchingPreferences(participant_id=participant.id, **preferences))
    db.flush()
    return participant
