"""Recording and revoking consents.

A revocation takes effect at once and is final: nothing un-revokes a consent; a new
consent must be signed instead. Revoking the enrolment consent withdraws the participant.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.consents.models import Consent
from app.consents.schemas import ConsentCreate
from app.core.base import utcnow
from app.core.errors import Conflict, Unprocessable
from app.core.pagination import paginate
from app.core.security import Principal
from app.integrators.models import IntegratorClient
from app.matching import service as matching
from app.organisations.models import Organisation
from app.outcomes import consented
from app.participants.models import Participant


def active_enrolment(*, db: Session, participant_id: uuid.UUID) -> Consent | None:
    return db.scalar(
        select(Consent).where(
            Consent.participant_id == participant_id,
            Consent.kind == "enrolment",
            Consent.revoked_at.is_(None),
        )
    )


def create(
    *, db: Session, principal: Principal, participant: Participant, data: ConsentCreate
) -> Consent:
    if data.kind == "enrolment":
        if active_enrolment(db=db, participant_id=participant.id) is not None:
            raise Conflict("The participant already has an active enrolment consent.")
        # Signing a new enrolment consent is how a withdrawn participant comes back.
        if participant.status == "withdrawn":
            participant.status = "active"
            participant.withdrawn_at = None
            participant.withdrawal_reason = None
    if data.recipient_client_id is not None:
        client = db.get(IntegratorClient, data.recipient_client_id)
        if (
            client is None
            or client.organisation_id != participant.organisation_id
            or client.revoked_at is not None
        ):
            raise Unprocessable(
                "recipient_client_id: no such integrator client in this organisation."
            )
    discloser = data.discloser
    if data.kind == "disclosure" and discloser is None:
        organisation = db.get(Organisation, participant.organisation_id)
        discloser = organisation.name if organisation else None
    consent = Consent(
        **data.model_dump(exclude={"discloser"}),
        discloser=discloser,
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        created_by_user_id=principal.user_id,
    )
    db.add(consent)
    db.flush()
    consented.touch_for_consent(db=db, consent=consent)
    return consent


def list_page(
    *, db: Session, participant_id: uuid.UUID, limit: int, cursor: str | None
) -> tuple[list[Consent], str | None]:
    stmt = select(Consent).where(Consent.participant_id == participant_id)
    return paginate(
        db,
        stmt,
        keys=[(Consent.created_at, True), (Consent.id, True)],
        limit=limit,
        cursor=cursor,
    )


def revoke(
    *, db: Session, consent: Consent, participant: Participant, by: uuid.UUID, reason: str | None
) -> Consent:
    if consent.revoked_at is not None:
        raise Conflict("This consent was already revoked; revocation is final.")
    consent.revoked_at = utcnow()
    consent.revoked_by_user_id = by
    consent.revocation_reason = reason
    if consent.kind == "enrolment" and participant.status != "withdrawn":
        participant.status = "withdrawn"
        participant.withdrawn_at = consent.revoked_at
        participant.withdrawal_reason = reason or "enrolment consent revoked"
        matching.end_open_matches(
            db=db, participant_id=participant.id, by=by, reason="enrolment consent revoked"
        )
    db.flush()
    return consent
