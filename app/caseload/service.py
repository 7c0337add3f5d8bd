"""Assembling the caseload with a fixed number of queries, whatever its size:
one for the participants, then one per kind of fact (last check-in, last contact, plan
progress, matched specialist) for the whole page at once."""

from __future__ import annotations

import uuid

from sqlalchemy import exists
from sqlalchemy.orm import Session

from app.caseload.schemas import CaseloadEntry, DimensionProgressRead
from app.check_ins import service as check_ins
from app.core.base import utcnow
from app.core.pagination import paginate
from app.core.security import Principal
from app.encounters import service as encounters
from app.matching import service as matching
from app.matching.models import PeerMatch
from app.participants.access import readable_participants
from app.participants.models import Participant
from app.participants.service import name_contains
from app.plans import service as plans


def page(
    *,
    db: Session,
    principal: Principal,
    specialist_id: uuid.UUID | None,
    status: str | None,
    risk_level: str | None,
    q: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[CaseloadEntry], str | None]:
    stmt = readable_participants(principal)
    if status is not None:
        stmt = stmt.where(Participant.status == status)
    if risk_level is not None:
        stmt = stmt.where(Participant.risk_level == risk_level)
    if q:
        stmt = stmt.where(name_contains(q))
    if specialist_id is not None:
        stmt = stmt.where(
            exists().where(
                PeerMatch.participant_id == Participant.id,
                PeerMatch.specialist_id == specialist_id,
                PeerMatch.status == "active",
            )
        )
    participants, next_cursor = paginate(
        db,
        stmt,
        keys=[(Participant.search_name, False), (Participant.id, False)],
        limit=limit,
        cursor=cursor,
    )
    ids = [p.id for p in participants]
    last_check_ins = check_ins.last_check_in(db=db, participant_ids=ids)
    last_contacts = encounters.last_contact_for_participants(db=db, participant_ids=ids)
    progress = plans.progress_for_participants(db=db, participant_ids=ids)
    specialists = matching.active_specialists(db=db, participant_ids=ids)
    today = utcnow().date()
    entries = []
    for participant in participants:
        last_contact = last_contacts.get(participant.id)
        specialist = specialists.get(participant.id)
        dimensions = {
            dimension: DimensionProgressRead.model_validate(vars(value))
            for dimension, value in progress.get(participant.id, {}).items()
        }
        entries.append(
            CaseloadEntry(
                participant_id=participant.id,
                preferred_name=participant.preferred_name,
                pronouns=participant.pronouns,
                status=participant.status,
                risk_level=participant.risk_level,
                last_check_in_at=last_check_ins.get(participant.id),
                last_contact_at=last_contact,
                days_since_last_contact=(today - last_contact.date()).days
                if last_contact
                else None,
                plan_progress=dimensions,
                goals_awaiting_agreement=sum(d.awaiting_agreement for d in dimensions.values()),
                specialist_id=specialist.specialist_id if specialist else None,
                specialist_name=specialist.display_name if specialist else None,
            )
        )
    return entries, next_cursor
