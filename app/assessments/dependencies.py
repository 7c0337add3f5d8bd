"""Loader for an assessment addressed by its own id."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request

from app.assessments.models import Assessment
from app.auth.dependencies import CurrentPrincipal
from app.core.db import SessionDep
from app.core.errors import NotFound
from app.participants.dependencies import authorize_participant

NOT_FOUND = "Assessment not found."


def assessment_for_read(
    assessment_id: uuid.UUID, request: Request, db: SessionDep, principal: CurrentPrincipal
) -> Assessment:
    """The assessment, if the caller may see its participant; 404 otherwise."""
    assessment = db.get(Assessment, assessment_id)
    if assessment is None:
        raise NotFound(NOT_FOUND)
    authorize_participant(
        request=request,
        db=db,
        principal=principal,
        participant_id=assessment.participant_id,
        not_found=NOT_FOUND,
    )
    return assessment


ReadableAssessment = Annotated[Assessment, Depends(assessment_for_read)]
