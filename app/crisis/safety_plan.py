"""The Stanley-Brown safety plan: written by the participant and its specialist together;
each change is a new version and earlier versions stay readable."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.pagination import paginate
from app.core.security import Principal
from app.crisis.models import SafetyPlanVersion
from app.crisis.schemas import SafetyPlanRead, SafetyPlanWrite
from app.participants.models import Participant

LIFELINE_STEP = "988 Suicide & Crisis Lifeline: call or text 988, any time"


def current(*, db: Session, participant_id: uuid.UUID) -> SafetyPlanVersion | None:
    return db.scalar(
        select(SafetyPlanVersion)
        .where(SafetyPlanVersion.participant_id == participant_id)
        .order_by(SafetyPlanVersion.version.desc())
        .limit(1)
    )


def blank(participant_id: uuid.UUID) -> SafetyPlanRead:
    """What a participant without a plan sees: version 0, empty but for the Lifeline."""
    return SafetyPlanRead(
        participant_id=participant_id,
        version=0,
        warning_signs=[],
        internal_coping=[],
        social_distractions=[],
        people_to_ask=[],
        professionals=[LIFELINE_STEP],
        environment_safety=[],
        written_by_user_id=None,
        written_by_role=None,
        created_at=None,
    )


def write(
    *, db: Session, principal: Principal, participant: Participant, data: SafetyPlanWrite
) -> SafetyPlanVersion:
    """A new version after the current one. Two writers racing for the same version
    number meet the unique index: one of them gets 409."""
    latest = current(db=db, participant_id=participant.id)
    professionals = list(data.professionals)
    # Step 5 always names the Lifeline, however the plan is written.
    if not any("988" in entry for entry in professionals):
        professionals.append(LIFELINE_STEP)
    plan = SafetyPlanVersion(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        version=latest.version + 1 if latest is not None else 1,
        warning_signs=list(data.warning_signs),
        internal_coping=list(data.internal_coping),
        social_distractions=list(data.social_distractions),
        people_to_ask=list(data.people_to_ask),
        professionals=professionals,
        environment_safety=list(data.environment_safety),
        written_by_user_id=principal.user_id,
        written_by_role=principal.role,
    )
    db.add(plan)
    db.flush()
    return plan


def versions_page(
    *, db: Session, participant_id: uuid.UUID, limit: int, cursor: str | None
) -> tuple[list[SafetyPlanVersion], str | None]:
    return paginate(
        db,
        select(SafetyPlanVersion).where(SafetyPlanVersion.participant_id == participant_id),
        keys=[(SafetyPlanVersion.version, True)],
        limit=limit,
        cursor=cursor,
    )


def version(*, db: Session, participant_id: uuid.UUID, number: int) -> SafetyPlanVersion | None:
    return db.scalar(
        select(SafetyPlanVersion).where(
            SafetyPlanVersion.participant_id == participant_id,
            SafetyPlanVersion.version == number,
        )
    )
