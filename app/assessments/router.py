"""Assessments of a participant (BARC-10, C-SSRS screener): record, history, trend, and
the instrument definitions the forms are drawn from."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from app.assessments import service
from app.assessments.dependencies import ReadableAssessment
from app.assessments.schemas import (
    AssessmentCreate,
    AssessmentInstruments,
    AssessmentRead,
    AssessmentTrend,
    Barc10Trend,
    CssrsTrend,
)
from app.assessments.scoring import Instrument
from app.auth.dependencies import CurrentPrincipal, require_roles
from app.core.db import SessionDep
from app.core.errors import problem_responses
from app.core.idempotency import IdempotencyDep
from app.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam, Page
from app.core.schemas import Instant
from app.participants.dependencies import ReadableParticipant

router = APIRouter(tags=["assessments"])

# A participant may self-report; an admin manages accounts, not care.
_may_administer = Depends(require_roles("supervisor", "specialist", "participant"))

_INSTRUMENTS = AssessmentInstruments.published()


@router.get(
    "/assessment-instruments",
    response_model=AssessmentInstruments,
    summary="The instruments' items, scales and skip logic, for rendering their forms",
)
def read_assessment_instruments(_: CurrentPrincipal) -> AssessmentInstruments:
    return _INSTRUMENTS


@router.post(
    "/participants/{participant_id}/assessments",
    response_model=AssessmentRead,
    status_code=status.HTTP_201_CREATED,
    dependencies=[_may_administer],
    responses=problem_responses(409),
    summary="Record a completed BARC-10 or C-SSRS screener (honours Idempotency-Key)",
)
def record_assessment(
    db: SessionDep,
    principal: CurrentPrincipal,
    participant: ReadableParticipant,
    body: AssessmentCreate,
    idempotency: IdempotencyDep,
    response: Response,
) -> BaseModel | JSONResponse:
    replayed = idempotency.replay()
    if replayed is not None:
        return replayed
    assessment = service.record(db=db, principal=principal, participant=participant, data=body)
    response.headers["Location"] = f"/api/v1/assessments/{assessment.id}"
    return idempotency.remember(
        AssessmentRead.model_validate(assessment), status_code=status.HTTP_201_CREATED
    )


@router.get(
    "/participants/{participant_id}/assessments",
    response_model=Page[AssessmentRead],
    summary="A participant's assessments, newest first",
)
def list_assessments(
    db: SessionDep,
    participant: ReadableParticipant,
    instrument: Instrument | None = None,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[AssessmentRead]:
    assessments, next_cursor = service.list_page(
        db=db, participant_id=participant.id, instrument=instrument, limit=limit, cursor=cursor
    )
    return Page(
        items=[AssessmentRead.model_validate(a) for a in assessments], next_cursor=next_cursor
    )


@router.get(
    "/participants/{participant_id}/assessments/trend",
    response_model=AssessmentTrend,
    summary="One instrument's results over time, oldest first, with a summary",
)
def read_assessment_trend(
    db: SessionDep,
    participant: ReadableParticipant,
    instrument: Instrument = "barc10",
    since: Annotated[
        Instant | None, Query(description="Only assessments administered from then on.")
    ] = None,
) -> Barc10Trend | CssrsTrend:
    if instrument == "barc10":
        return service.barc10_trend(db=db, participant_id=participant.id, since=since)
    return service.cssrs_trend(db=db, participant_id=participant.id, since=since)


@router.get(
    "/assessments/{assessment_id}", response_model=AssessmentRead, summary="Read an assessment"
)
def read_assessment(assessment: ReadableAssessment) -> AssessmentRead:
    return AssessmentRead.model_validate(assessment)
