"""Loader for a match addressed by its own id."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request

from app.auth.dependencies import CurrentPrincipal
from app.core.db import SessionDep
from app.matching.models import PeerMatch
from app.participants.dependencies import load_for_participant


def match_for_read(
    match_id: uuid.UUID, request: Request, db: SessionDep, principal: CurrentPrincipal
) -> PeerMatch:
    """The match, if the caller may see its participant; 404 otherwise."""
    return load_for_participant(
        PeerMatch,
        match_id,
        request=request,
        db=db,
        principal=principal,
        not_found="Match not found.",
    )


ReadableMatch = Annotated[PeerMatch, Depends(match_for_read)]
