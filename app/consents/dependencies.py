"""Loader for a consent addressed by its own id."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request

from app.auth.dependencies import CurrentPrincipal
from app.consents.models import Consent
from app.core.db import SessionDep
from app.core.errors import NotFound
from app.participants.dependencies import authorize_participant


def consent_for_read(
    consent_id: uuid.UUID, request: Request, db: SessionDep, principal: CurrentPrincipal
) -> Consent:
    """The consent, if the caller may see its participant; 404 otherwise."""
    consent = db.get(Consent, consent_id)
    if consent is None:
        raise NotFound("Consent not found.")
    authorize_participant(
        request=request,
        db=db,
        principal=principal,
        participant_id=consent.participant_id,
        not_found="Consent not found.",
    )
    return consent


ReadableConsent = Annotated[Consent, Depends(consent_for_read)]
