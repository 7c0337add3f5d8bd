"""Match suggestions for a participant.

The database does the heavy lifting: the hard rules filter the organisation's specialists,
and the same weighted score as ``scoring.score`` is computed in SQL from the profiles' bit
masks, so only a few of the best rows leave the database (see ``candidates``). Those few
are then scored again in Python (``scoring``), which writes each one's explanation and
orders them. The two scores agree by construction, and a property test compares them on
both databases.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, exists, literal, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.core.base import utcnow
from app.core.errors import Unprocessable
from app.matching import preferences as matching_preferences
from app.matching.models import OPEN_STATUSES, MatchingPreferences, PeerMatch
from app.matching.scoring import (
    CRITERIA,
    WEIGHTS,
    Criterion,
    ParticipantFacts,
    Scored,
    SpecialistFacts,
    life_stage_points,
    multiplier,
    pathway_points,
    rank,
    region_key,
    score,
)
from app.participants.models import Participant
from app.specialists.models import (
    PATHWAY_BITS,
    SUBSTANCE_BITS,
    Specialist,
    SpecialistLanguage,
    mask_of,
)
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


def _profile_rules(facts: ParticipantFacts) -> list[ColumnElement[bool]]:
    """The hard rules that read only the specialist's own row: organisation, capacity,
    accepting new participants, MOUD-affirming, gender."""
    rules = [
        Specialist.organisation_id == facts.organisation_id,
        Specialist.accepting_new.is_(True),
        Specialist.active_caseload < Specialist.max_caseload,
    ]
    if facts.on_moud:
        rules.append(Specialist.moud_affirming.is_(True))
    if facts.gender_preference is not None:
        rules.append(Specialist.gender == facts.gender_preference)
    return rules


def _person_rules(facts: ParticipantFacts) -> list[ColumnElement[bool]]:
    """The hard rules that need another table: an active account and a shared language."""
    speaks_a_shared_language = (
        select(SpecialistLanguage.specialist_id)
        .where(SpecialistLanguage.language.in_(sorted(facts.languages)))
        .scalar_subquery()
    )
    return [User.is_active.is_(True), Specialist.id.in_(speaks_a_shared_language)]


def eligible_specialists_query(facts: ParticipantFacts) -> Select[tuple[object, ...]]:
    """The hard rules of ``scoring.eligible`` as a ``select`` of the columns scoring
    reads, for specialists whose account is active."""
    return _select_facts().where(*_profile_rules(facts), *_person_rules(facts))


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


def score_sql(facts: ParticipantFacts) -> ColumnElement[int]:
    """``scoring.score`` as a SQL expression over a specialist's row. The participant's
    facts are known, so each criterion becomes one CASE with constant points."""

    def points(criterion: Criterion, base: int) -> int:
        return base * multiplier(facts, criterion)

    terms: list[ColumnElement[int]] = []
    pathway_bits = [PATHWAY_BITS[p] for p in sorted(facts.recovery_pathways) if p in PATHWAY_BITS]
    if pathway_bits:
        shared = sum(
            (case((Specialist.pathway_mask.op("&")(bit) != 0, 1), else_=0) for bit in pathway_bits),
            start=literal(0),
        )
        terms.append(
            case(
                *(
                    (shared == n, points("recovery_pathway", pathway_points(n)))
                    for n in range(1, len(pathway_bits) + 1)
                ),
                else_=0,
            )
        )
    if facts.birth_year is not None:
        decade = facts.birth_year // 10 * 10
        terms.append(
            case(
                (Specialist.birth_decade == decade, points("life_stage", life_stage_points(0))),
                (
                    Specialist.birth_decade.in_([decade - 10, decade + 10]),
                    points("life_stage", life_stage_points(10)),
                ),
                else_=0,
            )
        )
    if facts.faith_preference is not None:
        terms.append(
            case(
                (Specialist.faith == facts.faith_preference, points("faith", WEIGHTS["faith"])),
                else_=0,
            )
        )
    flags: tuple[tuple[bool, InstrumentedAttribute[bool], Criterion], ...] = (
        (facts.veteran, Specialist.veteran, "veteran"),
        (facts.justice_involved, Specialist.justice_involved, "justice_involvement"),
        (facts.wants_lgbtq_affirming, Specialist.lgbtq_affirming, "lgbtq_affirming"),
    )
    for wanted, column, criterion in flags:
        if wanted:
            terms.append(case((column.is_(True), points(criterion, WEIGHTS[criterion])), else_=0))
    if (key := region_key(facts.region)) is not None:
        terms.append(
            case((Specialist.region_key == key, points("region", WEIGHTS["region"])), else_=0)
        )
    if substances := mask_of(facts.substances, SUBSTANCE_BITS):
        terms.append(
            case(
                (
                    Specialist.substance_mask.op("&")(substances) != 0,
                    points("substance", WEIGHTS["substance"]),
                ),
                else_=0,
            )
        )
    return sum(terms, start=literal(0))


# How many of the best-scoring profiles are checked for the rules that need other tables,
# as multiples of the limit; the last pass has no bound. Most participants need one pass.
POOL_FACTORS: tuple[int | None, ...] = (20, 200, None)


def candidates(
    *,
    db: Session,
    facts: ParticipantFacts,
    participant_id: uuid.UUID | None = None,
    limit: int | None = None,
) -> list[SpecialistFacts]:
    """The specialists that pass the hard rules (and, for a participant, that it is not
    already matched with, proposed to, or has recently declined). With ``limit``, only
    the best that many, in no particular order (``scoring.rank`` orders them).

    With a limit, the database ranks the profiles that pass the single-table rules (one
    scan that keeps only the best few) and only that pool is checked for an active
    account, a shared language and the participant's match history. The pool holds every
    profile ranked above any profile left out, so when at least ``limit`` of it pass,
    they are the best ``limit`` overall; otherwise a wider pool is tried."""
    rules = _profile_rules(facts)
    others = _person_rules(facts)
    if participant_id is not None:
        others.append(
            ~exists(
                _not_already_tried(participant_id).where(PeerMatch.specialist_id == Specialist.id)
            )
        )
    if limit is None:
        stmt = _select_facts().where(*rules, *others)
        return [_specialist_facts(row) for row in db.execute(stmt)]
    ranked = (
        select(Specialist.id)
        .where(*rules)
        .order_by(
            score_sql(facts).desc(),
            Specialist.active_caseload,
            (Specialist.max_caseload - Specialist.active_caseload).desc(),
            Specialist.id,
        )
    )
    found: list[SpecialistFacts] = []
    for factor in POOL_FACTORS:
        pool = ranked if factor is None else ranked.limit(limit * factor)
        stmt = _select_facts().where(Specialist.id.in_(pool.scalar_subquery()), *others)
        found = [_specialist_facts(row) for row in db.execute(stmt)]
        if len(found) >= limit:
            break
    return found


def _select_facts() -> Select[tuple[object, ...]]:
    return select(*_COLUMNS).join(User, User.id == Specialist.user_id)  # type: ignore[return-value]


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
    row = db.execute(_select_facts().where(Specialist.id == specialist_id)).one_or_none()
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
    best = candidates(db=db, facts=facts, participant_id=participant.id, limit=limit)
    return rank(facts, best, limit=limit)
