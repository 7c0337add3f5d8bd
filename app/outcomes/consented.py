"""Which participants an integrator may receive outcome data about (42 CFR Part 2 §2.31):
those with a disclosure consent that names this integrator, covers outcome data, and is
neither revoked nor expired at the moment of the disclosure."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ColumnElement, Select, String, and_, cast, or_, select, update
from sqlalchemy.orm import Session

from app.consents.models import Consent
from app.core.base import utcnow
from app.outcomes.models import OutcomeSurvey

OUTCOMES = "outcomes"


def live_outcome_consent(
    *, organisation_id: uuid.UUID, client_id: uuid.UUID, at: datetime
) -> ColumnElement[bool]:
    return and_(
        Consent.organisation_id == organisation_id,
        Consent.kind == "disclosure",
        Consent.recipient_client_id == client_id,
        Consent.revoked_at.is_(None),
        Consent.signed_at <= at,
        or_(Consent.expires_at.is_(None), Consent.expires_at > at),
        # The categories are a JSON list of fixed names: its text holds "outcomes" exactly
        # when the list does, on SQLite and PostgreSQL alike.
        cast(Consent.information_categories, String).like(f'%"{OUTCOMES}"%'),
    )


def consented_participants(
    *, organisation_id: uuid.UUID, client_id: uuid.UUID, at: datetime
) -> Select[uuid.UUID]:
    return select(Consent.participant_id).where(
        live_outcome_consent(organisation_id=organisation_id, client_id=client_id, at=at)
    )


def touch_for_consent(*, db: Session, consent: Consent) -> None:
    """A new disclosure consent for outcomes: mark the participant's surveys changed, so the
    integrator's next incremental export sends them."""
    if consent.kind != "disclosure" or consent.recipient_client_id is None:
        return
    if OUTCOMES not in (consent.information_categories or []):
        return
    db.execute(
        update(OutcomeSurvey)
        .where(OutcomeSurvey.participant_id == consent.participant_id)
        .values(updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
