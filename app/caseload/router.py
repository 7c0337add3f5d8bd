"""``/caseload``: a specialist's participants (a supervisor's: anyone's) at a glance."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from app.auth.dependencies import CarePrincipal, require_roles
from app.caseload import balance, service
from app.caseload.schemas import CaseloadBalance, CaseloadEntry
from app.core import audit
from app.core.db import SessionDep
from app.core.errors import problem_responses
from app.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam, Page
from app.core.security import Principal
from app.participants.schemas import ParticipantStatus, RiskLevel

router = APIRouter(tags=["caseload"])


@router.get(
    "/caseload",
    response_model=Page[CaseloadEntry],
    summary="The caller's caseload: risk, last check-in, last contact, plan progress",
)
def read_caseload(
    request: Request,
    db: SessionDep,
    principal: CarePrincipal,
    specialist_id: Annotated[
        uuid.UUID | None,
        Query(description="Only participants actively matched with this specialist profile."),
    ] = None,
    status: ParticipantStatus | None = "active",
    risk_level: RiskLevel | None = None,
    q: Annotated[
        str | None,
        Query(max_length=100, description="Name contains (case- and accent-insensitive)."),
    ] = None,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[CaseloadEntry]:
    entries, next_cursor = service.page(
        db=db,
        principal=principal,
        specialist_id=specialist_id,
        status=status,
        risk_level=risk_level,
        q=q,
        limit=limit,
        cursor=cursor,
    )
    audit.trail_of(request).touch_many([e.participant_id for e in entries])
    return Page(items=entries, next_cursor=next_cursor)


@router.get(
    "/caseload/balance",
    response_model=CaseloadBalance,
    responses=problem_responses(403),
    summary="Supervisors: each specialist's load and spare places, and who waits for a match",
)
def read_balance(
    request: Request,
    db: SessionDep,
    principal: Annotated[Principal, Depends(require_roles("supervisor", "admin"))],
) -> CaseloadBalance:
    result = balance.balance(db=db, organisation_id=principal.organisation_id)
    audit.trail_of(request).touch_many([w.participant_id for w in result.waiting])
    return result
