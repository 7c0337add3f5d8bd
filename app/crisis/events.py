""" "I need help now": record the call for help, raise the alert, and always answer with
who to call."""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from app.alerts import service as alerts
from app.core.security import Principal
from app.crisis import contacts
from app.crisis.models import CrisisEvent
from app.crisis.schemas import CrisisContactRead
from app.participants.models import Participant

logger = logging.getLogger("prss.crisis")

HELP_IS_COMING = (
    "Your specialist has been alerted. You can call any of these contacts now. If you are in "
    "danger, call or text 988 (Suicide & Crisis Lifeline) or call 911."
)
CALL_NOW = (
    "We could not alert your specialist. Please call one of these contacts now. If you are "
    "in danger, call or text 988 (Suicide & Crisis Lifeline) or call 911."
)


def report(
    *, db: Session, principal: Principal, participant: Participant, note: str | None
) -> tuple[CrisisEvent, list[CrisisContactRead], str]:
    """The event, the contacts to call and what to tell the person. The alert is raised
    in a savepoint: if raising it fails, the event is still kept and the contacts are
    still returned, with a message that says to call them."""
    listed = contacts.list_for(db=db, participant_id=participant.id)
    event = CrisisEvent(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        reported_by_user_id=principal.user_id,
        reported_by_role=principal.role,
        note=note,
    )
    db.add(event)
    db.flush()
    try:
        with db.begin_nested():
            alert = alerts.raise_alert(
                db=db,
                participant=participant,
                severity="crisis",
                source="crisis_event",
                source_id=event.id,
            )
    except Exception as exc:  # whatever failed, the person still gets the contacts
        # Ids and the error's type only: never the participant's data.
        logger.error(
            "crisis event %s: the alert could not be raised (%s)", event.id, type(exc).__name__
        )
        return event, listed, CALL_NOW
    event.alert_id = alert.id
    db.flush()
    return event, listed, HELP_IS_COMING
