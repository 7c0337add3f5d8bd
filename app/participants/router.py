"""``/participants``: intake, search, profile, withdrawal."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.dependencies import CarePrincipal, CurrentPrincipal, require_roles
from app.check_ins import service as check_ins
from app.core import audit
from app.core.base import utcnow
from app.core.db import SessionDep, end_now
from app.core.errors import problem_responses
from app.core.http import etag_for, if_match_parameter, json_response, require_if_match
from app.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam, Page
from app.participants import service
from app.participants.dependencies import ReadableParticipant
from app.participants.models import Participant
from app.participants.recovery import recovery_time
from app.participants.schemas import (
    ParticipantCreate,
    ParticipantRead,
    ParticipantStatus,
    ParticipantUpdate,
    RiskLevel,
    WithdrawRequest,
)

router = APIRouter(prefix="/participants", tags=["participants"])


def _with_etag(db: Session, response: Response, participant: Participant) -> ParticipantRead:
    """The participant as read back, with its time in recovery, and its ETag."""
    response.headers["ETag"] = etag_for(participant.id, participant.version)
    time_in_recovery = recovery_time(
        recovery_start_date=participant.recovery_start_date,
        last_reported_use_at=db.scalar(select(check_ins.last_reported_use_at(participant.id))),
        today=utcnow().date(),
    )
    # vars(), not asdict(): asdict deep-copies every value.
    return ParticipantRead.model_validate(participant).model_copy(update=vars(time_in_recovery))


@router.post(
    "",
    response_model=ParticipantRead,
    status_code=status.HTTP_201_CREATED,
    summary="Intake: enrol a participant with its recorded consent",
)
def intake_participant(
    request: Request,
    db: SessionDep,
    principal: CarePrincipal,
    body: ParticipantCreate,
    response: Response,
) -> ParticipantRead:
    participant = service.intake(db=db, principal=principal, data=body)
    audit.trail_of(request).touch(participant.id)
    response.headers["Location"] = f"/api/v1/participants/{participant.id}"
    return _with_etag(db, response, participant)


@router.get(
    "",
    response_model=Page[ParticipantRead],
    summary="Participants the caller may see, by name",
)
def list_participants(
    request: Request,
    db: SessionDep,
    principal: CurrentPrincipal,
    q: Annotated[
        str | None,
        Query(max_length=100, description="Name contains (case- and accent-insensitive)."),
    ] = None,
    status: ParticipantStatus | None = None,
    risk_level: RiskLevel | None = None,
    specialist_id: Annotated[
        uuid.UUID | None,
        Query(description="Only participants actively matched to this specialist."),
    ] = None,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Response:
    rows, next_cursor = service.list_page(
        db=db,
        principal=principal,
        filters=service.ParticipantFilters(
            q=q, status=status, risk_level=risk_level, specialist_id=specialist_id
        ),
        limit=limit,
        cursor=cursor,
    )
    audit.trail_of(request).touch_many([row.id for row in rows])
    today = utcnow().date()
    names = rows[0]._fields if rows else ()  # zipped with each row: far cheaper than _mapping
    # The busiest read there is, answered in one trip to the thread pool: the page is
    # validated (every row in one call) and written here, and the session ends here.
    response = json_response(
        Page[ParticipantRead],
        {
            "items": [_read_of(dict(zip(names, row, strict=True)), today) for row in rows],
            "next_cursor": next_cursor,
        },
    )
    end_now(request, db)
    return response


def _read_of(item: dict[str, Any], today: date) -> dict[str, Any]:
    """A listed participant's columns, with its time in recovery."""
    time_in_recovery = recovery_time(
        recovery_start_date=item["recovery_start_date"],
        last_reported_use_at=item["last_reported_use_at"],
        today=today,
    )
    item.update(vars(time_in_recovery))
    return item


@router.get("/{participant_id}", response_model=ParticipantRead, summary="Read a participant")
def read_participant(
    db: SessionDep, participant: ReadableParticipant, response: Response
) -> ParticipantRead:
    return _with_etag(db, response, participant)


@router.patch(
    "/{participant_id}",
    response_model=ParticipantRead,
    dependencies=[Depends(require_roles("supervisor", "specialist", "participant"))],
    responses=problem_responses(412, 428),
    openapi_extra=if_match_parameter(required=True),
    summary="Change a participant's profile (If-Match required)",
)
def update_participant(
    request: Request,
    db: SessionDep,
    participant: ReadableParticipant,
    body: ParticipantUpdate,
    response: Response,
) -> ParticipantRead:
    require_if_match(request, etag_for(participant.id, participant.version))
    service.update(db=db, participant=participant, data=body)
    return _with_etag(db, response, participant)


@router.post(
    "/{participant_id}/withdraw",
    response_model=ParticipantRead,
    responses=problem_responses(409),
    summary="Withdraw from the programme (the participant's choice; the record is kept)",
)
def withdraw_participant(
    db: SessionDep,
    principal: CurrentPrincipal,
    participant: ReadableParticipant,
    response: Response,
    body: WithdrawRequest | None = None,
) -> ParticipantRead:
    service.withdraw(
        db=db,
        participant=participant,
        by=principal.user_id,
        reason=body.reason if body else None,
    )
    return _with_etag(db, response, participant)
