"""Recording disclosures and listing a participant's accounting of them."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.base import utcnow
from app.core.pagination import paginate
from app.core.security import Principal
from app.disclosures.models import Disclosure
from app.disclosures.schemas import EmergencyDisclosureCreate
from app.participants.models import Participant


def record_emergency(
    *,
    db: Session,
    principal: Principal,
    participant: Participant,
    data: EmergencyDisclosureCreate,
) -> Disclosure:
    disclosure = Disclosure(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        kind="emergency",
        recipient_name=data.recipient_name,
        recipient_facility=data.recipient_facility,
        nature_of_emergency=data.nature_of_emergency,
        description=data.information_disclosed,
        disclosed_by_user_id=principal.user_id,
        disclosed_at=data.disclosed_at or utcnow(),
    )
    db.add(disclosure)
    db.flush()
    return disclosure


def list_page(
    *, db: Session, participant_id: uuid.UUID, limit: int, cursor: str | None
) -> tuple[list[Disclosure], str | None]:
    return paginate(
        db,
        select(Disclosure).where(Disclosure.participant_id == participant_id),
        keys=[(Disclosure.disclosed_at, True), (Disclosure.id, True)],
        limit=limit,
        cursor=cursor,
    )
