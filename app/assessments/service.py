"""Recording assessments and reading them back as history, trend and latest score.

Scores are computed once, when an assessment is recorded, and stored beside the answers:
the history shows what the participant and their specialist saw at the time, even if a
rule is refined later.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from app.alerts import service as alerts
from app.assessments import scoring
from app.assessments.models import Assessment
from app.assessments.schemas import (
    AssessmentCreate,
    Barc10Latest,
    Barc10Point,
    Barc10Trend,
    Barc10TrendSummary,
    CssrsPoint,
    CssrsTrend,
    CssrsTrendSummary,
)
from app.assessments.scoring import Instrument
from app.core.base import utcnow
from app.core.pagination import paginate
from app.core.security import Principal
from app.participants.models import Participant


def record(
    *, db: Session, principal: Principal, participant: Participant, data: AssessmentCreate
) -> Assessment:
    responses = data.answers()
    result = scoring.score(data.instrument, responses)
    assessment = Assessment(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        instrument=data.instrument,
        responses=responses,
        total=result.total,
        meets_threshold=result.meets_threshold,
        risk=result.risk,
        administered_at=data.administered_at or utcnow(),
        administered_by_user_id=principal.user_id,
    )
    db.add(assessment)
    db.flush()
    if assessment.risk == "high":
        respond_to_imminent_risk(db=db, assessment=assessment)
    return assessment


def respond_to_imminent_risk(*, db: Session, assessment: Assessment) -> None:
    """A high C-SSRS screen raises a crisis alert to the matched specialist (or the
    supervisors), in the same transaction: the screen and its alert are stored together
    or not at all."""
    participant = db.get_one(Participant, assessment.participant_id)
    alerts.raise_alert(
        db=db,
        participant=participant,
        severity="crisis",
        source="assessment",
        source_id=assessment.id,
    )


def list_page(
    *,
    db: Session,
    participant_id: uuid.UUID,
    instrument: Instrument | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Assessment], str | None]:
    stmt = select(Assessment).where(Assessment.participant_id == participant_id)
    if instrument is not None:
        stmt = stmt.where(Assessment.instrument == instrument)
    return paginate(
        db,
        stmt,
        keys=[
            (Assessment.administered_at, True),
            (Assessment.created_at, True),
            (Assessment.id, True),
        ],
        limit=limit,
        cursor=cursor,
    )


def _series(
    participant_id: uuid.UUID, instrument: Instrument, since: datetime | None
) -> list[ColumnElement[bool]]:
    conditions = [Assessment.participant_id == participant_id, Assessment.instrument == instrument]
    if since is not None:
        conditions.append(Assessment.administered_at >= since)
    return conditions


# Oldest first, for charts; created_at and id settle assessments given the same time.
_CHRONOLOGICAL = (
    Assessment.administered_at.asc(),
    Assessment.created_at.asc(),
    Assessment.id.asc(),
)


def barc10_trend(*, db: Session, participant_id: uuid.UUID, since: datetime | None) -> Barc10Trend:
    rows = db.execute(
        select(Assessment.administered_at, Assessment.total, Assessment.meets_threshold)
        .where(*_series(participant_id, "barc10", since))
        .order_by(*_CHRONOLOGICAL)
    ).all()
    points = [
        Barc10Point(administered_at=at, total=total, meets_threshold=meets)
        for at, total, meets in rows
    ]
    first, latest = (points[0], points[-1]) if points else (None, None)
    return Barc10Trend(
        points=points,
        summary=Barc10TrendSummary(
            count=len(points),
            first_total=first.total if first else None,
            latest_total=latest.total if latest else None,
            change=latest.total - first.total if first and latest else None,
            latest_meets_threshold=latest.meets_threshold if latest else None,
        ),
    )


def cssrs_trend(*, db: Session, participant_id: uuid.UUID, since: datetime | None) -> CssrsTrend:
    rows = db.execute(
        select(Assessment.administered_at, Assessment.risk)
        .where(*_series(participant_id, "cssrs_screen", since))
        .order_by(*_CHRONOLOGICAL)
    ).all()
    points = [CssrsPoint(administered_at=at, risk=risk) for at, risk in rows]
    return CssrsTrend(
        points=points,
        summary=CssrsTrendSummary(
            count=len(points),
            latest_risk=points[-1].risk if points else None,
            high_count=sum(1 for point in points if point.risk == "high"),
        ),
    )


def latest_barc10_for_participants(
    *, db: Session, participant_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, Barc10Latest]:
    """Each participant's most recent BARC-10, in one query; participants without one
    are absent from the result."""
    if not participant_ids:
        return {}
    newest_first = (
        func.row_number()
        .over(
            partition_by=Assessment.participant_id,
            order_by=(
                Assessment.administered_at.desc(),
                Assessment.created_at.desc(),
                Assessment.id.desc(),
            ),
        )
        .label("position")
    )
    ranked = (
        select(
            Assessment.participant_id,
            Assessment.id,
            Assessment.administered_at,
            Assessment.total,
            Assessment.meets_threshold,
            newest_first,
        )
        .where(
            Assessment.participant_id.in_(list(set(participant_ids))),
            Assessment.instrument == "barc10",
        )
        .subquery()
    )
    rows = db.execute(
        select(
            ranked.c.participant_id,
            ranked.c.id,
            ranked.c.administered_at,
            ranked.c.total,
            ranked.c.meets_threshold,
        ).where(ranked.c.position == 1)
    ).all()
    return {
        participant_id: Barc10Latest(
            assessment_id=assessment_id,
            administered_at=administered_at,
            total=total,
            meets_threshold=meets_threshold,
        )
        for participant_id, assessment_id, administered_at, total, meets_threshold in rows
    }
