"""``/participants/{id}/outcome-surveys``, ``/outcome-surveys/{id}`` and ``/outcomes/due``."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.responses import JSONResponse

from app.auth.dependencies import CurrentPrincipal, StaffPrincipal, require_roles
from app.core.base import utcnow
from app.core.db import SessionDep
from app.core.errors import problem_responses
from app.core.http import etag_for, require_if_match
from app.core.idempotency import IdempotencyDep
from app.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam, Page
from app.core.security import Principal
from app.outcomes import service, summary
from app.outcomes.models import OutcomeSurvey
from app.outcomes.schemas import (
    DueItem,
    DueStatus,
    OutcomeSummary,
    OutcomeSurveyCreate,
    OutcomeSurveyRead,
    OutcomeSurveyUpdate,
)
from app.participants.dependencies import (
    ReadableParticipant,
    authorize_participant,
    load_for_participant,
)

router = APIRouter(tags=["outcomes"])

WRITERS = Depends(require_roles("supervisor", "specialist", "participant"))


def _survey(
    survey_id: uuid.UUID, request: Request, db: SessionDep, principal: CurrentPrincipal
) -> OutcomeSurvey:
    return load_for_participant(
        OutcomeSurvey,
        survey_id,
        request=request,
        db=db,
        principal=principal,
        not_found="Outcome survey not found.",
    )


LoadedSurvey = Annotated[OutcomeSurvey, Depends(_survey)]


def _read(response: Response, survey: OutcomeSurvey) -> OutcomeSurveyRead:
    response.headers["ETag"] = etag_for(survey.id, survey.version)
    return OutcomeSurveyRead.model_validate(survey)


@router.post(
    "/participants/{participant_id}/outcome-surveys",
    response_model=OutcomeSurveyRead,
    status_code=status.HTTP_201_CREATED,
    dependencies=[WRITERS],
    responses=problem_responses(409),
    summary="Record an outcome survey (one per timepoint); retry-safe with Idempotency-Key",
)
def create_outcome_survey(
    db: SessionDep,
    principal: CurrentPrincipal,
    participant: ReadableParticipant,
    body: OutcomeSurveyCreate,
    idempotency: IdempotencyDep,
    response: Response,
) -> OutcomeSurveyRead | JSONResponse:
    if (replay := idempotency.replay()) is not None:
        return replay
    survey = service.record(db=db, principal=principal, participant=participant, data=body)
    result = _read(response, survey)
    idempotency.remember(result, status_code=status.HTTP_201_CREATED)
    return result


@router.get(
    "/participants/{participant_id}/outcome-surveys",
    response_model=Page[OutcomeSurveyRead],
    summary="A participant's outcome surveys, oldest first",
)
def list_outcome_surveys(
    db: SessionDep,
    participant: ReadableParticipant,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[OutcomeSurveyRead]:
    surveys, next_cursor = service.list_page(
        db=db, participant_id=participant.id, limit=limit, cursor=cursor
    )
    return Page(
        items=[OutcomeSurveyRead.model_validate(s) for s in surveys], next_cursor=next_cursor
    )


@router.get(
    "/outcome-surveys/{survey_id}",
    response_model=OutcomeSurveyRead,
    summary="One outcome survey (with its ETag, for corrections)",
)
def read_outcome_survey(survey: LoadedSurvey, response: Response) -> OutcomeSurveyRead:
    return _read(response, survey)


@router.patch(
    "/outcome-surveys/{survey_id}",
    response_model=OutcomeSurveyRead,
    dependencies=[WRITERS],
    responses=problem_responses(412, 428),
    summary="Correct an outcome survey (If-Match); integrators receive it again",
)
def correct_outcome_survey(
    request: Request,
    db: SessionDep,
    principal: CurrentPrincipal,
    survey: LoadedSurvey,
    body: OutcomeSurveyUpdate,
    response: Response,
) -> OutcomeSurveyRead:
    require_if_match(request, etag_for(survey.id, survey.version))
    participant = authorize_participant(
        request=request, db=db, principal=principal, participant_id=survey.participant_id
    )
    survey = service.correct(db=db, participant=participant, survey=survey, data=body)
    return _read(response, survey)


@router.get(
    "/outcomes/due",
    response_model=Page[DueItem],
    summary="Outcome surveys due, overdue or coming up, for the caller's participants",
)
def list_due_surveys(
    db: SessionDep,
    principal: StaffPrincipal,
    status_filter: Annotated[
        list[DueStatus] | None,
        Query(alias="status", description="upcoming, due or overdue; repeat for several."),
    ] = None,
    horizon_days: Annotated[
        int, Query(ge=0, le=180, description="List upcoming ones this many days ahead.")
    ] = 30,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[DueItem]:
    items, next_cursor = service.due(
        db=db,
        principal=principal,
        today=utcnow().date(),
        horizon_days=horizon_days,
        statuses=status_filter or (),
        limit=limit,
        cursor=cursor,
    )
    return Page(items=items, next_cursor=next_cursor)


@router.get(
    "/outcomes/summary",
    response_model=OutcomeSummary,
    summary="Each measure at intake, follow-up and discharge, and the change (small cells hidden)",
)
def read_outcome_summary(
    db: SessionDep,
    principal: Annotated[Principal, Depends(require_roles("supervisor", "admin"))],
    group_by: Annotated[
        Literal["organisation", "intake_quarter"],
        Query(description="organisation (default), or also by the intake survey's quarter."),
    ] = "organisation",
) -> OutcomeSummary:
    return summary.summarise(
        db=db,
        organisation_id=principal.organisation_id,
        participants=None,
        by_intake_quarter=group_by == "intake_quarter",
    )
