"""Loader for a consent addressed by its own id."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request

from app.auth.dependencies import CurrentPrincipal
from app.consents.models import Consent
from app.core.db import SessionDep
from app.participants.dependencies import load_for_participant


def consent_for_read(
    consent_id: uuid.UUID, request: Request, db: SessionDep, principal: CurrentPrincipal
) -> Consent:
    """The consent, if the caller may see its participant; 404 otherwise."""
    return load_for_participant(
        Consent,
        consent_id,
        request=request,
        db=db,
        principal=principal,
        not_found="Consent not found.",
    )


ReadableConsent = Annotated[Consent, Depends(consent_for_read)]
