"""Loaders for an encounter addressed by its own id: for reading, and for its author's edits."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import select

from app.auth.dependencies import CurrentPrincipal
from app.core.db import SessionDep
from app.core.errors import Forbidden
from app.encounters.models import Encounter
from app.participants.dependencies import load_for_participant

NOT_FOUND = "Encounter not found."


def encounter_for_read(
    encounter_id: uuid.UUID, request: Request, db: SessionDep, principal: CurrentPrincipal
) -> Encounter:
    """The encounter, if the caller may see its participant; 404 otherwise."""
    return load_for_participant(
        Encounter, encounter_id, request=request, db=db, principal=principal, not_found=NOT_FOUND
    )


ReadableEncounter = Annotated[Encounter, Depends(encounter_for_read)]


def encounter_for_edit(
    encounter: ReadableEncounter, db: SessionDep, principal: CurrentPrincipal
) -> Encounter:
    """The encounter, if the caller wrote it: a contact log is its author's account, so
    others who can see it (supervisors included) get 403."""
    if encounter.author_user_id != principal.user_id:
        raise Forbidden("Only the encounter's author may change it.")
    # Lock the row and read it afresh, so the If-Match check compares against the latest
    # committed version and two concurrent edits with the same ETag cannot both pass.
    db.execute(
        select(Encounter)
        .where(Encounter.id == encounter.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return encounter


EditableEncounter = Annotated[Encounter, Depends(encounter_for_edit)]
