"""``/participants/{id}/check-ins``: daily check-ins and their trend."""

from __future__ import annotations

from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import APIRouter, Depends, Query, status
from fastapi.responses import JSONResponse

from app.auth.dependencies import CurrentPrincipal, require_roles
from app.check_ins import service
from app.check_ins.models import CheckIn
from app.check_ins.schemas import CheckInCreate, CheckInRead, CheckInTrendRead, TrendDayRead
from app.core.db import SessionDep
from app.core.errors import Unprocessable, problem_responses
from app.core.idempotency import IdempotencyDep
from app.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam, Page
from app.participants.dependencies import ReadableParticipant

router = APIRouter(tags=["check-ins"])


def _read(check_in: CheckIn) -> CheckInRead:
    return CheckInRead.model_validate(check_in)


@router.post(
    "/participants/{participant_id}/check-ins",
    response_model=CheckInRead,
    status_code=status.HTTP_201_CREATED,
    dependencies=[Depends(require_roles("supervisor", "specialist", "participant"))],
    responses=problem_responses(409),
    summary="Check in (the participant, or staff on its behalf); retry-safe with Idempotency-Key",
)
def create_check_in(
    db: SessionDep,
    principal: CurrentPrincipal,
    participant: ReadableParticipant,
    body: CheckInCreate,
    idempotency: IdempotencyDep,
) -> CheckInRead | JSONResponse:
    if (replay := idempotency.replay()) is not None:
        return replay
    check_in = service.record(db=db, principal=principal, participant=participant, data=body)
    result = _read(check_in)
    idempotency.remember(result, status_code=status.HTTP_201_CREATED)
    return result


@router.get(
    "/participants/{participant_id}/check-ins",
    response_model=Page[CheckInRead],
    summary="A participant's check-ins, newest first",
)
def list_check_ins(
    db: SessionDep,
    participant: ReadableParticipant,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[CheckInRead]:
    check_ins, next_cursor = service.list_page(
        db=db, participant_id=participant.id, limit=limit, cursor=cursor
    )
    return Page(items=[_read(c) for c in check_ins], next_cursor=next_cursor)


def _timezone(
    tz: Annotated[
        str,
        Query(max_length=64, description="IANA time zone whose calendar days the series uses."),
    ] = "UTC",
) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise Unprocessable(f"Unknown time zone: {tz!r}.") from exc


@router.get(
    "/participants/{participant_id}/check-ins/trend",
    response_model=CheckInTrendRead,
    summary="Daily mood, craving, use and risk over a window, for charts",
)
def read_check_in_trend(
    db: SessionDep,
    participant: ReadableParticipant,
    tz: Annotated[ZoneInfo, Depends(_timezone)],
    days: Annotated[int, Query(ge=1, le=366, description="Window length in days.")] = 30,
) -> CheckInTrendRead:
    series = service.trend(db=db, participant_id=participant.id, days=days, tz=tz)
    return CheckInTrendRead(
        participant_id=participant.id,
        first_day=series[0].date,
        last_day=series[-1].date,
        timezone=tz.key,
        days=[TrendDayRead.model_validate(day) for day in series],
    )
