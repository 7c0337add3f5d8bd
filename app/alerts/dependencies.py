"""Who may call the alert routes, and loaders that fetch an alert and authorise the caller
in one step."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import select

from app.alerts import service
from app.alerts.access import ALERT_ROLES, readable_alerts
from app.alerts.models import Alert
from app.auth.dependencies import TOKEN_URL, principal_from_token, principal_of, require_roles
from app.core import audit
from app.core.db import SessionDep
from app.core.errors import Forbidden, NotFound, Unauthorized
from app.core.security import Principal
from app.users.models import User

NOT_FOUND = "Alert not found."

AlertStaff = Annotated[Principal, Depends(require_roles(*ALERT_ROLES))]


def alert_for_read(
    alert_id: uuid.UUID, request: Request, db: SessionDep, principal: AlertStaff
) -> Alert:
    """The alert, if the caller may see it; 404 otherwise. An alert is participant data:
    the attempt is audited against its participant either way."""
    participant_id = db.scalar(select(Alert.participant_id).where(Alert.id == alert_id))
    if participant_id is None:
        raise NotFound(NOT_FOUND)
    audit.trail_of(request).touch(participant_id)
    alert = db.scalar(readable_alerts(principal).where(Alert.id == alert_id))
    if alert is None:
        raise NotFound(NOT_FOUND)
    return alert


ReadableAlert = Annotated[Alert, Depends(alert_for_read)]

_bearer = OAuth2PasswordBearer(tokenUrl=TOKEN_URL, auto_error=False)


def stream_principal(
    request: Request,
    db: SessionDep,
    token: Annotated[str | None, Depends(_bearer)],
    ticket: Annotated[
        str | None,
        Query(
            max_length=128,
            description=(
                "A one-time ticket from `POST /alerts/stream-ticket`, for clients that "
                "cannot send an Authorization header (browsers' EventSource)."
            ),
        ),
    ] = None,
) -> Principal:
    """Who opens the stream: a Bearer access token, or else a one-time ticket."""
    if token:
        principal = principal_from_token(request, db, token)
    elif ticket:
        user_id = service.redeem_stream_ticket(db=db, ticket=ticket)
        user = db.get(User, user_id) if user_id is not None else None
        if user is None or not user.is_active:
            raise Unauthorized("The stream ticket is not valid; ask for a new one.")
        principal = principal_of(user)
        audit.trail_of(request).identify(principal)
    else:
        raise Unauthorized("Sign in first: send an access token or a stream ticket.")
    if principal.role not in ALERT_ROLES:
        raise Forbidden(f"This operation is not available to the {principal.role} role.")
    return principal


StreamPrincipal = Annotated[Principal, Depends(stream_principal)]
