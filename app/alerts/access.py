"""The one place that decides which alerts a principal may see.

- supervisor: every alert of its organisation (escalations included);
- specialist: alerts assigned to it, for participants it may still read (see
  ``app.participants.access``): when a match ends, its old alerts go with it;
- admin, participant, anything else: none (the routes refuse them with 403).

``readable_alerts`` is the rule as a filtered ``select`` (lists, loaders);
``may_read`` is the same rule for one alert already loaded (the live stream).
"""

from __future__ import annotations

from sqlalchemy import Select, false, select
from sqlalchemy.orm import Session

from app.alerts.models import Alert
from app.core.security import Principal, Role
from app.participants.access import readable_participants
from app.participants.models import Participant

ALERT_ROLES: tuple[Role, ...] = ("supervisor", "specialist")


def readable_alerts(principal: Principal) -> Select[Alert]:
    stmt = select(Alert).where(Alert.organisation_id == principal.organisation_id)
    if principal.role == "supervisor":
        return stmt
    if principal.role == "specialist":
        readable = readable_participants(principal).with_only_columns(Participant.id)
        return stmt.where(
            Alert.assignee_user_id == principal.user_id, Alert.participant_id.in_(readable)
        )
    return stmt.where(false())


def may_read(*, db: Session, principal: Principal, alert: Alert) -> bool:
    if principal.organisation_id != alert.organisation_id:
        return False
    if principal.role == "supervisor":
        return True
    if principal.role == "specialist" and alert.assignee_user_id == principal.user_id:
        readable = readable_participants(principal).where(Participant.id == alert.participant_id)
        return bool(db.scalar(select(readable.exists())))
    return False
