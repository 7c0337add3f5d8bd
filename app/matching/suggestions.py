"""Match suggestions for a participant: the hard rules filter the organisation's
specialists in SQL, then the survivors are scored and ranked in Python (``scoring``)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import Select, and_, exists, or_, select
from sqlalchemy.orm import Session

from app.core.base import utcnow
from app.core.errors import Unprocessable
from app.matching import preferences as matching_preferences
from app.matching.models import OPEN_STATUSES, MatchingPreferences, PeerMatch
from app.matching.scoring import (
    CRITERIA,
    ParticipantFacts,
    Scored,
    SpecialistFacts,
    rank,
    score,
)
from app.participants.models import Participant
from app.specialists.models import Specialist, SpecialistLanguage
from app.users.models import User

# A specialist the participant declined is not suggested again for this long.
DECLINE_COOL_OFF = timedelta(days=90)


def facts_of(participant: Participant, preferences: MatchingPreferences) -> ParticipantFacts:
    return ParticipantFacts(
        organisation_id=participant.organisation_id,
        languages=frozenset([participant.primary_language, *preferences.languages]),
        recovery_pathways=frozenset(participant.recovery_pathways),
        substances=frozenset(participant.substances),
        birth_year=participant.birth_year,
        gender_preference=preferences.gender_preference,
        faith_preference=preferences.faith_preference,
        veteran=preferences.veteran,
        justice_involved=preferences.justice_involved,
        wants_lgbtq_affirming=preferences.wants_lgbtq_affirming,
        region=preferences.region,
        priorities=frozenset(p for p in CRITERIA if p in preferences.priorities),
    )


_COLUMNS = (
    Specialist.id,
    Specialist.organisation_id,
    Specialist.languages,
    Specialist.max_caseload,
    Specialist.active_caseload,
    Specialist.accepting_new,
    Specialist.moud_affirming,
    Specialist.gender,
    Specialist.recovery_pathways,
    Specialist.substances,
    Specialist.birth_decade,
    Specialist.faith,
    Specialist.veteran,
    Specialist.justice_involved,
    Specialist.lgbtq_affirming,
    Specialist.region,
    User.display_name,
)


def eligible_specialists_query(facts: ParticipantFacts) -> Select[tuple[object, ...]]:
    """The hard rules of ``scoring.eligible`` as a ``select`` of the columns scoring
    reads, for specialists whose account is active."""
    speaks_a_shared_language = (
        select(SpecialistLanguage.specialist_id)
        .where(SpecialistLanguage.language.in_(sorted(facts.languages)))
        .scalar_subquery()
    )
    stmt = (
        select(*_COLUMNS)
        .join(User, User.id == Specialist.user_id)
        .where(
            Specialist.organisation_id == facts.organisation_id,
            User.is_active.is_(True),
            Specialist.accepting_new.is_(True),
            Specialist.active_caseload < Specialist.max_caseload,
            Specialist.id.in_(speaks_a_shared_language),
        )
    )
    if facts.on_moud:
        stmt = stmt.where(Specialist.moud_affirming.is_(True))
    if facts.gender_preference is not None:
        stmt = stmt.where(Specialist.gender == facts.gender_preference)
    return stmt  # type: ignore[return-value]


def _not_already_tried(participant_id: uuid.UUID) -> Select[tuple[object, ...]]:
    """Specialists the participant is matched with, has an open proposal with, or declined
    recently."""
    cutoff = utcnow() - DECLINE_COOL_OFF
    return select(PeerMatch.specialist_id).where(  # type: ignore[return-value]
        PeerMatch.participant_id == participant_id,
        or_(
            PeerMatch.status.in_(OPEN_STATUSES),
            and_(PeerMatch.status == "declined", PeerMatch.declined_at >= cutoff),
        ),
    )


def candidates(
    *, db: Session, facts: ParticipantFacts, participant_id: uuid.UUID | None = None
) -> list[SpecialistFacts]:
    """The specialists that pass the hard rules (and, for a participant, that it is not
    already matched with, proposed to, or has recently declined)."""
    stmt = eligible_specialists_query(facts)
    if participant_id is not None:
        stmt = stmt.where(
            ~exists(
                _not_already_tried(participant_id).where(PeerMatch.specialist_id == Specialist.id)
            )
        )
    return [_specialist_facts(row) for row in db.execute(stmt)]


def _specialist_facts(values: Any) -> SpecialistFacts:
    """A row of ``_COLUMNS`` as the facts scoring reads."""
    return SpecialistFacts(
        id=values.id,
        organisation_id=values.organisation_id,
        languages=frozenset(values.languages),
        max_caseload=values.max_caseload,
        active_caseload=values.active_caseload,
        accepting_new=values.accepting_new,
        moud_affirming=values.moud_affirming,
        gender=values.gender,
        recovery_pathways=frozenset(values.recovery_pathways),
        substances=frozenset(values.substances),
        birth_decade=values.birth_decade,
        faith=values.faith,
        veteran=values.veteran,
        justice_involved=values.justice_involved,
        lgbtq_affirming=values.lgbtq_affirming,
        region=values.region,
        display_name=values.display_name,
    )


def assess_proposal(*, db: Session, participant: Participant, specialist_id: uuid.UUID) -> Scored:
    """Score a specialist proposed by hand, refusing (422) one that breaks a rule that keeps
    the participant safe or understood. Capacity is not one of them: a proposal holds no
    place, and capacity is checked when it is accepted."""
    facts = facts_of(participant, matching_preferences.of(db=db, participant_id=participant.id))
    row = db.execute(
        select(*_COLUMNS)
        .join(User, User.id == Specialist.user_id)
        .where(Specialist.id == specialist_id)
    ).one_or_none()
    if row is None:
        raise Unprocessable("specialist_id: no such specialist in this organisation.")
    specialist = _specialist_facts(row)
    if specialist.organisation_id != facts.organisation_id:
        raise Unprocessable("specialist_id: no such specialist in this organisation.")
    if not facts.languages & specialist.languages:
        raise Unprocessable("This specialist shares no language with the participant.")
    if facts.on_moud and not specialist.moud_affirming:
        raise Unprocessable(
            "The participant takes medication for opioid use disorder; propose a "
            "MOUD-affirming specialist."
        )
    if facts.gender_preference is not None and specialist.gender != facts.gender_preference:
        raise Unprocessable("This specialist does not fit the participant's gender preference.")
    return score(facts, specialist)


def suggest(
    *, db: Session, participant: Participant, limit: int
) -> list[tuple[SpecialistFacts, Scored]]:
    """The best-fitting specialists for ``participant``, best first."""
    preferences = matching_preferences.of(db=db, participant_id=participant.id)
    facts = facts_of(participant, preferences)
    return rank(facts, candidates(db=db, facts=facts, participant_id=participant.id), limit=limit)
