"""Outcome surveys: recording and correcting them, and who is due for one.

A participant is enrolled once, so each timepoint is taken at most once (a unique index:
a second intake answers 409). The six-month follow-up is due six months after the intake
survey (or after enrolment, when there was none), and may be taken from 30 days before
that day until 60 days after it.
"""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.base import utcnow
from app.core.errors import Conflict, Unprocessable
from app.core.pagination import decode_cursor, encode_cursor, paginate
from app.core.security import Principal
from app.outcomes.models import OutcomeSurvey
from app.outcomes.schemas import (
    DueItem,
    DueStatus,
    OutcomeSurveyCreate,
    OutcomeSurveyUpdate,
    Timepoint,
)
from app.participants.access import readable_participants
from app.participants.models import Participant

FOLLOW_UP_MONTHS = 6
WINDOW_BEFORE = timedelta(days=30)
WINDOW_AFTER = timedelta(days=60)
# The intake survey is taken in the first 30 days of enrolment.
INTAKE_WINDOW = timedelta(days=30)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Window:
    due_on: date
    opens_on: date
    closes_on: date

    def status(self, today: date) -> DueStatus:
        if today < self.opens_on:
            return "upcoming"
        return "due" if today <= self.closes_on else "overdue"


def intake_window(enrolled_on: date) -> Window:
    return Window(enrolled_on, enrolled_on, enrolled_on + INTAKE_WINDOW)


def follow_up_window(start: date) -> Window:
    """``start``: the intake survey's day, or the enrolment day without one."""
    due = add_months(start, FOLLOW_UP_MONTHS)
    return Window(due, due - WINDOW_BEFORE, due + WINDOW_AFTER)


def surveys_of(*, db: Session, participant_id: uuid.UUID) -> dict[str, OutcomeSurvey]:
    rows = db.scalars(select(OutcomeSurvey).where(OutcomeSurvey.participant_id == participant_id))
    return {row.timepoint: row for row in rows}


def _check_day(
    participant: Participant, timepoint: str, day: date, taken: dict[str, OutcomeSurvey]
) -> None:
    if day > utcnow().date():
        raise Unprocessable("administered_on cannot be in the future.")
    if day < participant.enrolled_at.date():
        raise Unprocessable("administered_on cannot be before the participant enrolled.")
    intake = taken.get("intake")
    if timepoint == "followup_6mo":
        window = follow_up_window(
            intake.administered_on if intake is not None else participant.enrolled_at.date()
        )
        if day < window.opens_on:
            raise Unprocessable(
                f"The six-month follow-up window opens on {window.opens_on.isoformat()}."
            )
    if timepoint != "intake" and intake is not None and day < intake.administered_on:
        raise Unprocessable("A later timepoint cannot be taken before the intake survey.")


def record(
    *, db: Session, principal: Principal, participant: Participant, data: OutcomeSurveyCreate
) -> OutcomeSurvey:
    if participant.status != "active" and data.timepoint != "discharge":
        raise Conflict("Only the discharge survey can be taken once a participant has left.")
    taken = surveys_of(db=db, participant_id=participant.id)
    if data.timepoint in taken:
        raise Conflict(f"The {data.timepoint} survey has already been taken; correct it instead.")
    day = data.administered_on or utcnow().date()
    _check_day(participant, data.timepoint, day, taken)
    survey = OutcomeSurvey(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        timepoint=data.timepoint,
        administered_on=day,
        **data.model_dump(exclude={"timepoint", "administered_on"}),
        recorded_by_user_id=principal.user_id,
        recorded_by_role=principal.role,
    )
    db.add(survey)
    try:
        # Two first tries at the same timepoint meet the unique index: one gets 409.
        with db.begin_nested():
            db.flush()
    except IntegrityError as exc:
        raise Conflict(f"The {data.timepoint} survey has already been taken.") from exc
    return survey


def correct(
    *, db: Session, participant: Participant, survey: OutcomeSurvey, data: OutcomeSurveyUpdate
) -> OutcomeSurvey:
    changes = data.model_dump(exclude_unset=True)
    if survey.timepoint == "intake" and changes.get("satisfaction") is not None:
        raise Unprocessable("satisfaction is not asked at intake, before any service.")
    if changes.get("administered_on") is not None:
        taken = surveys_of(db=db, participant_id=participant.id)
        taken.pop(survey.timepoint, None)
        _check_day(participant, survey.timepoint, changes["administered_on"], taken)
    for name, value in changes.items():
        if value is None and name != "satisfaction":
            raise Unprocessable(f"{name} cannot be removed, only corrected.")
        setattr(survey, name, value)
    survey.version += 1
    survey.corrected_at = utcnow()
    db.flush()
    return survey


def list_page(
    *, db: Session, participant_id: uuid.UUID, limit: int, cursor: str | None
) -> tuple[list[OutcomeSurvey], str | None]:
    return paginate(
        db,
        select(OutcomeSurvey).where(OutcomeSurvey.participant_id == participant_id),
        keys=[(OutcomeSurvey.administered_on, False), (OutcomeSurvey.id, False)],
        limit=limit,
        cursor=cursor,
    )


def _next_due(participant: Participant, taken: dict[str, date]) -> tuple[Timepoint, Window] | None:
    enrolled_on = participant.enrolled_at.date()
    if "intake" not in taken:
        return "intake", intake_window(enrolled_on)
    if "followup_6mo" not in taken:
        return "followup_6mo", follow_up_window(taken["intake"])
    return None


def due(
    *,
    db: Session,
    principal: Principal,
    today: date,
    horizon_days: int,
    statuses: Sequence[DueStatus],
    participant_id: uuid.UUID | None = None,
    limit: int,
    cursor: str | None,
) -> tuple[list[DueItem], str | None]:
    """The surveys the caller's active participants owe: each one's next timepoint (intake,
    then the six-month follow-up), from ``horizon_days`` before its window opens. Ordered
    by due day; discharge surveys are taken at discharge, so they are never listed."""
    readable = readable_participants(principal).where(Participant.status == "active")
    if participant_id is not None:
        readable = readable.where(Participant.id == participant_id)
    people = db.scalars(readable).all()
    taken: dict[uuid.UUID, dict[str, date]] = {}
    for participant_id, timepoint, day in db.execute(
        select(
            OutcomeSurvey.participant_id, OutcomeSurvey.timepoint, OutcomeSurvey.administered_on
        ).where(OutcomeSurvey.participant_id.in_(select(readable.subquery().c.id)))
    ):
        taken.setdefault(participant_id, {})[timepoint] = day
    horizon = timedelta(days=horizon_days)
    items: list[DueItem] = []
    for participant in people:
        owed = _next_due(participant, taken.get(participant.id, {}))
        if owed is None:
            continue
        timepoint, window = owed
        status = window.status(today)
        if status == "upcoming" and window.opens_on - today > horizon:
            continue
        if statuses and status not in statuses:
            continue
        items.append(
            DueItem(
                participant_id=participant.id,
                preferred_name=participant.preferred_name,
                timepoint=timepoint,
                due_on=window.due_on,
                window_opens_on=window.opens_on,
                window_closes_on=window.closes_on,
                status=status,
            )
        )
    items.sort(key=lambda item: (item.due_on, str(item.participant_id)))
    if cursor:
        after_day, after_id = decode_cursor(cursor, 2)
        items = [
            i
            for i in items
            if (i.due_on.isoformat(), str(i.participant_id)) > (after_day, after_id)
        ]
    page = items[:limit]
    next_cursor = (
        encode_cursor([page[-1].due_on.isoformat(), str(page[-1].participant_id)])
        if len(items) > limit
        else None
    )
    return page, next_cursor
