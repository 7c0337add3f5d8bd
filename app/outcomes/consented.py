"""Which participants an integrator may receive outcome data about (42 CFR Part 2 §2.31):
those with a disclosure consent that names this integrator, covers outcome data, and is
neither revoked nor expired at the moment of the disclosure."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.consents.models import Consent

OUTCOMES = "outcomes"


def consents_for(
    *, db: Session, organisation_id: uuid.UUID, client_id: uuid.UUID, at: datetime
) -> dict[uuid.UUID, uuid.UUID]:
    """participant id → the consent the disclosure rests on (the most recently signed one,
    when several qualify). Categories are a JSON list, checked here rather than in SQL so
    SQLite and PostgreSQL agree."""
    rows = db.execute(
        select(Consent.participant_id, Consent.id, Consent.information_categories)
        .where(
            Consent.organisation_id == organisation_id,
            Consent.kind == "disclosure",
            Consent.recipient_client_id == client_id,
            Consent.revoked_at.is_(None),
            Consent.signed_at <= at,
            or_(Consent.expires_at.is_(None), Consent.expires_at > at),
        )
        .order_by(Consent.signed_at, Consent.id)
    )
    return {
        participant_id: consent_id
        for participant_id, consent_id, categories in rows
        if OUTCOMES in (categories or [])
    }
