"""Loader for an assessment addressed by its own id."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request

from app.assessments.models import Assessment
from app.auth.dependencies import CurrentPrincipal
from app.core.db import SessionDep
from app.participants.dependencies import load_for_participant

NOT_FOUND = "Assessment not found."


def assessment_for_read(
    assessment_id: uuid.UUID, request: Request, db: SessionDep, principal: CurrentPrincipal
) -> Assessment:
    """The assessment, if the caller may see its participant; 404 otherwise."""
    return load_for_participant(
        Assessment, assessment_id, request=request, db=db, principal=principal, not_found=NOT_FOUND
    )


ReadableAssessment = Annotated[Assessment, Depends(assessment_for_read)]
