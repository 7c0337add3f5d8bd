"""``/alerts``: the alerts a supervisor or specialist must act on, live as they happen."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Query, Request
from sse_starlette import EventSourceResponse, ServerSentEvent

from app.alerts import service
from app.alerts.broker import AlertBroker, StreamRequest, broker_of
from app.alerts.dependencies import AlertStaff, ReadableAlert, StreamPrincipal
from app.alerts.schemas import (
    AlertRead,
    AlertResolve,
    AlertSeverity,
    AlertSource,
    AlertStatus,
    StreamTicketRead,
)
from app.core import audit
from app.core.db import SessionDep
from app.core.errors import problem_responses
from app.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam, Page
from app.core.security import Principal

router = APIRouter(tags=["alerts"])


@router.get(
    "/alerts",
    response_model=Page[AlertRead],
    summary="The alerts the caller may act on, newest first",
)
def list_alerts(
    request: Request,
    db: SessionDep,
    principal: AlertStaff,
    status: Annotated[
        list[AlertStatus] | None,
        Query(description="Only these statuses (repeat the parameter for several)."),
    ] = None,
    participant_id: uuid.UUID | None = None,
    severity: AlertSeverity | None = None,
    source: AlertSource | None = None,
    assignee_user_id: uuid.UUID | None = None,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[AlertRead]:
    trail = audit.trail_of(request)
    if participant_id is not None:
        trail.touch(participant_id)
    filters = service.AlertFilters(
        statuses=status or (),
        participant_id=participant_id,
        severity=severity,
        source=source,
        assignee_user_id=assignee_user_id,
    )
    alerts, next_cursor = service.list_page(
        db=db, principal=principal, filters=filters, limit=limit, cursor=cursor
    )
    trail.touch_many([alert.participant_id for alert in alerts])
    return Page(items=service.read_models(db=db, alerts=alerts), next_cursor=next_cursor)


@router.post(
    "/alerts/stream-ticket",
    response_model=StreamTicketRead,
    status_code=201,
    summary="A one-time ticket (valid 60 s) for opening the alert stream from a browser",
)
def create_stream_ticket(db: SessionDep, principal: AlertStaff) -> StreamTicketRead:
    ticket, expires_at = service.issue_stream_ticket(db=db, principal=principal)
    return StreamTicketRead(ticket=ticket, expires_at=expires_at)


STREAM_DESCRIPTION = """Server-Sent Events. Authenticate with `Authorization: Bearer`, or
with `?ticket=` from `POST /alerts/stream-ticket` (browsers' EventSource).

The stream opens with the comment `: connected`; from then on every alert the caller may
see is sent when it is raised, and again when it is escalated to the supervisors (with
`escalated_at` set): `event: alert`, `id: <alert id>`, `data: <the alert as GET /alerts
returns it>`. Comment lines keep the connection alive. Clients should reload `GET /alerts`
when they (re)connect."""


async def _events(
    broker: AlertBroker, principal: Principal, request: Request
) -> AsyncIterator[ServerSentEvent]:
    route = request.scope.get("route")
    subscriber = broker.subscribe(
        principal,
        StreamRequest(
            request_id=str(getattr(request.state, "request_id", "-"))[:64],
            action=str(getattr(route, "name", "stream_alerts"))[:100],
            resource=request.url.path[:300],
        ),
    )
    try:
        yield ServerSentEvent(comment="connected")
        while (event := await subscriber.next_event()) is not None:
            yield ServerSentEvent(data=event.data, event="alert", id=str(event.alert_id))
    finally:
        broker.unsubscribe(subscriber)


@router.get(
    "/alerts/stream",
    response_class=EventSourceResponse,
    responses={
        200: {
            "description": "An endless stream of `alert` events.",
            "content": {"text/event-stream": {"schema": {"type": "string"}}},
        }
    },
    summary="Live alerts as Server-Sent Events",
    description=STREAM_DESCRIPTION,
)
async def stream_alerts(request: Request, principal: StreamPrincipal) -> EventSourceResponse:
    settings = request.app.state.settings
    return EventSourceResponse(
        _events(broker_of(request.app), principal, request),
        ping=settings.alert_stream_ping_seconds,
        # A client that stops reading is let go rather than held on to.
        send_timeout=30,
    )


@router.get(
    "/alerts/{alert_id:uuid}",
    response_model=AlertRead,
    summary="Read an alert",
)
def read_alert(db: SessionDep, alert: ReadableAlert) -> AlertRead:
    [read] = service.read_models(db=db, alerts=[alert])
    return read


@router.post(
    "/alerts/{alert_id}/acknowledge",
    response_model=AlertRead,
    responses=problem_responses(409),
    summary="Acknowledge an open alert (its assignee or a supervisor); stops its escalation",
)
def acknowledge_alert(db: SessionDep, principal: AlertStaff, alert: ReadableAlert) -> AlertRead:
    service.acknowledge(db=db, principal=principal, alert=alert)
    [read] = service.read_models(db=db, alerts=[alert])
    return read


@router.post(
    "/alerts/{alert_id}/resolve",
    response_model=AlertRead,
    responses=problem_responses(409),
    summary="Resolve an alert with a note on what was done",
)
def resolve_alert(
    db: SessionDep, principal: AlertStaff, alert: ReadableAlert, body: AlertResolve
) -> AlertRead:
    service.resolve(db=db, principal=principal, alert=alert, note=body.note)
    [read] = service.read_models(db=db, alerts=[alert])
    return read
