"""``/audit`` for admins, ``/me/access-log`` for participants."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request

from app.audit import service
from app.audit.schemas import AccessLogEntry, AuditEventRead, Outcome
from app.auth.dependencies import AdminPrincipal, ParticipantPrincipal
from app.core import audit
from app.core.db import SessionDep
from app.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam, Page
from app.core.schemas import Instant

router = APIRouter(tags=["audit"])


@router.get(
    "/audit",
    response_model=Page[AuditEventRead],
    summary="The organisation's audit trail, newest first",
)
def list_audit_events(
    db: SessionDep,
    admin: AdminPrincipal,
    participant_id: uuid.UUID | None = None,
    actor_id: uuid.UUID | None = None,
    outcome: Outcome | None = None,
    since: Annotated[Instant | None, Query(description="ISO 8601 with offset.")] = None,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[AuditEventRead]:
    events, next_cursor = service.list_page(
        db=db,
        organisation_id=admin.organisation_id,
        filters=service.AuditFilters(
            participant_id=participant_id, actor_id=actor_id, outcome=outcome, since=since
        ),
        limit=limit,
        cursor=cursor,
    )
    return Page(items=[AuditEventRead.model_validate(e) for e in events], next_cursor=next_cursor)


@router.get(
    "/me/access-log",
    response_model=Page[AccessLogEntry],
    summary="Who opened my record (for participants)",
)
def read_my_access_log(
    request: Request,
    db: SessionDep,
    principal: ParticipantPrincipal,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[AccessLogEntry]:
    assert principal.participant_id is not None  # participant accounts are always linked
    audit.trail_of(request).touch(principal.participant_id)
    entries, next_cursor = service.access_log_page(
        db=db,
        participant_id=principal.participant_id,
        own_user_id=principal.user_id,
        limit=limit,
        cursor=cursor,
    )
    return Page(items=entries, next_cursor=next_cursor)
