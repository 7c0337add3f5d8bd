"""``/participants/{id}/outcome-surveys``, ``/outcome-surveys/{id}`` and ``/outcomes/due``."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.responses import JSONResponse, StreamingResponse

from app.auth.dependencies import (
    CurrentPrincipal,
    IntegratorPrincipal,
    OutcomesReader,
    StaffPrincipal,
    require_roles,
)
from app.core.base import utcnow
from app.core.db import SessionDep
from app.core.errors import Forbidden, problem_responses
from app.core.http import etag_for, if_match_parameter, require_if_match
from app.core.idempotency import IdempotencyDep
from app.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam, Page
from app.core.schemas import Instant
from app.outcomes import export, service, summary
from app.outcomes.consented import consented_participants
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
    openapi_extra=if_match_parameter(required=True),
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
    participant_id: Annotated[
        uuid.UUID | None, Query(description="Only this participant (if the caller may see it).")
    ] = None,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[DueItem]:
    items, next_cursor = service.due(
        db=db,
        principal=principal,
        today=utcnow().date(),
        horizon_days=horizon_days,
        statuses=status_filter or (),
        participant_id=participant_id,
        limit=limit,
        cursor=cursor,
    )
    return Page(items=items, next_cursor=next_cursor)


@router.get(
    "/outcomes/summary",
    response_model=OutcomeSummary,
    responses=problem_responses(403),
    summary="Each measure at intake, follow-up and discharge, and the change (small cells hidden)",
)
def read_outcome_summary(
    db: SessionDep,
    reader: OutcomesReader,
    group_by: Annotated[
        Literal["organisation", "intake_quarter"],
        Query(description="organisation (default), or also by the intake survey's quarter."),
    ] = "organisation",
) -> OutcomeSummary:
    """Staff see their organisation's figures; an integrator sees only those of the
    participants who consented to disclose their outcomes to it."""
    participants = None
    if isinstance(reader, IntegratorPrincipal):
        participants = consented_participants(
            organisation_id=reader.organisation_id, client_id=reader.client_id, at=utcnow()
        )
    return summary.summarise(
        db=db,
        organisation_id=reader.organisation_id,
        participants=participants,
        by_intake_quarter=group_by == "intake_quarter",
    )


EXPORT_MEDIA = {"ndjson": "application/x-ndjson", "csv": "text/csv; charset=utf-8"}


@router.get(
    "/outcomes/export",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "Streamed records. NDJSON starts with a meta line holding the "
            "42 CFR Part 2 notice and the cursor for the next sync; CSV starts with its "
            "header row. The notice also travels in the Part2-Notice header.",
            "content": {"application/x-ndjson": {}, "text/csv": {}},
            "headers": {"Part2-Notice": {"schema": {"type": "string"}}},
        },
        **problem_responses(403, 422, 429),
    },
    summary="Consented, pseudonymous outcome records for an integrator (incremental, streamed)",
)
def export_outcomes(
    request: Request,
    reader: OutcomesReader,
    format: Annotated[Literal["ndjson", "csv"], Query(description="ndjson or csv.")] = "ndjson",
    updated_since: Annotated[
        Instant | None,
        Query(description="First sync: only records changed after this instant."),
    ] = None,
    cursor: CursorParam = None,
) -> StreamingResponse:
    if not isinstance(reader, IntegratorPrincipal):
        raise Forbidden("The export is for integrator clients; staff read the summary.")
    request.app.state.rate_limits.hit("export", str(reader.client_id))
    settings = request.app.state.settings
    window = export.window_for(
        cursor=cursor,
        updated_since=updated_since,
        settle=timedelta(seconds=settings.export_settle_seconds),
    )
    lines = export.stream(
        factory=request.app.state.database.session,
        client_id=reader.client_id,
        organisation_id=reader.organisation_id,
        window=window,
        output=format,
    )
    return StreamingResponse(
        lines,
        media_type=EXPORT_MEDIA[format],
        headers={
            "Part2-Notice": export.PART2_NOTICE,
            "Cache-Control": "no-store",
            "X-Next-Cursor": window.next_cursor(),
        },
    )
