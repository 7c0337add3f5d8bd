"""Recording check-ins and reading them back over time."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, ScalarSelect, bindparam, func, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.orm.attributes import set_committed_value

from app.alerts import service as alerts
from app.check_ins.models import CheckIn
from app.check_ins.schemas import CheckInCreate
from app.check_ins.trend import CheckInPoint, Day, daily_series
from app.core.base import utcnow
from app.core.pagination import paginate
from app.core.security import Principal
from app.participants.models import Participant


def record(
    *, db: Session, principal: Principal, participant: Participant, data: CheckInCreate
) -> CheckIn:
    check_in = CheckIn(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        recorded_at=data.recorded_at or utcnow(),
        mood=data.mood,
        craving=data.craving,
        used_since_last=data.used_since_last,
        sleep_hours=data.sleep_hours,
        note=data.note,
        wants_contact=data.wants_contact,
        entered_by_user_id=principal.user_id,
        entered_by_role=principal.role,
    )
    check_in.risk_level = check_in.assess().level
    db.add(check_in)
    db.flush()
    # The participant's current risk follows its latest check-in (a late, offline one
    # does not overwrite a newer answer).
    latest = latest_for(db=db, participant_id=participant.id)
    if latest is not None and latest.id == check_in.id:
        # A derived field, not an edit: written without the participant's version check, so
        # check-ins arriving together (an offline phone catching up) never refuse each other
        # with 412, and a profile edit in progress keeps its ETag.
        db.execute(
            update(Participant)
            .where(Participant.id == participant.id)
            .values(risk_level=check_in.risk_level)
            .execution_options(synchronize_session=False)
        )
        set_committed_value(participant, "risk_level", check_in.risk_level)
    if check_in.risk_level in ("high", "crisis"):
        alerts.raise_alert(
            db=db,
            participant=participant,
            severity="crisis" if check_in.risk_level == "crisis" else "high",
            source="check_in",
            source_id=check_in.id,
        )
    return check_in


def latest_for(*, db: Session, participant_id: uuid.UUID) -> CheckIn | None:
    return db.scalar(
        select(CheckIn)
        .where(CheckIn.participant_id == participant_id)
        .order_by(CheckIn.recorded_at.desc(), CheckIn.id.desc())
        .limit(1)
    )


def list_page(
    *, db: Session, participant_id: uuid.UUID, limit: int, cursor: str | None
) -> tuple[list[CheckIn], str | None]:
    stmt = select(CheckIn).where(CheckIn.participant_id == participant_id)
    return paginate(
        db,
        stmt,
        keys=[(CheckIn.recorded_at, True), (CheckIn.id, True)],
        limit=limit,
        cursor=cursor,
    )


def trend(*, db: Session, participant_id: uuid.UUID, days: int, tz: ZoneInfo) -> list[Day]:
    last = utcnow().astimezone(tz).date()
    first = last - timedelta(days=days - 1)
    since = datetime.combine(first, time.min, tzinfo=tz)
    rows = db.execute(
        select(
            CheckIn.recorded_at,
            CheckIn.mood,
            CheckIn.craving,
            CheckIn.used_since_last,
            CheckIn.risk_level,
        ).where(CheckIn.participant_id == participant_id, CheckIn.recorded_at >= since)
    )
    points = [
        CheckInPoint(
            recorded_at=row.recorded_at,
            mood=row.mood,
            craving=row.craving,
            used_since_last=row.used_since_last,
            risk_level=row.risk_level,
        )
        for row in rows
    ]
    return daily_series(points, first=first, last=last, tz=tz)


def last_reported_use_at(
    participant_id: uuid.UUID | ColumnElement[uuid.UUID] | InstrumentedAttribute[uuid.UUID],
) -> ScalarSelect[datetime]:
    """When the participant last reported use, as a subquery: of one participant's id, or
    of the id column of a select of participants."""
    return (
        select(func.max(CheckIn.recorded_at))
        .where(CheckIn.participant_id == participant_id, CheckIn.used_since_last.is_(True))
        .scalar_subquery()
    )


# Built once: it differs from call to call only in the participants asked about.
_LAST_CHECK_INS = (
    select(CheckIn.participant_id, func.max(CheckIn.recorded_at).label("at"))
    .where(CheckIn.participant_id.in_(bindparam("participant_ids", expanding=True)))
    .group_by(CheckIn.participant_id)
)


def last_check_in(
    *, db: Session, participant_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, datetime]:
    """When each participant last checked in: one query for any number of them."""
    if not participant_ids:
        return {}
    rows = db.execute(_LAST_CHECK_INS, {"participant_ids": list(participant_ids)})
    # max() keeps the column's type, so the timestamps come back timezone-aware.
    return {row.participant_id: row.at for row in rows}
