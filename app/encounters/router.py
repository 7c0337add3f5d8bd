"""Encounters: the specialist's contact log for a participant, with billable units."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi import APIRouter, Depends, Request, Response, status

from app.auth.dependencies import CurrentPrincipal, require_roles
from app.core.db import SessionDep
from app.core.errors import problem_responses
from app.core.http import etag_for, if_match_parameter, require_if_match
from app.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam, Page
from app.core.security import Principal
from app.encounters import service
from app.encounters.dependencies import EditableEncounter, ReadableEncounter
from app.encounters.models import Encounter
from app.encounters.schemas import EncounterCreate, EncounterRead, EncounterUpdate
from app.participants.dependencies import ReadableParticipant

router = APIRouter(tags=["encounters"])

_may_log = Depends(require_roles("supervisor", "specialist"))

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _etag(encounter: Encounter) -> str:
    # The model has no version column; updated_at moves on every write, and counting it in
    # whole microseconds keeps float rounding out of the comparison.
    return etag_for(encounter.id, (encounter.updated_at - _EPOCH) // timedelta(microseconds=1))


def _as_read_by(principal: Principal, encounter: Encounter) -> EncounterRead:
    return EncounterRead.for_reader(
        encounter, note_visible=service.may_read_note(principal=principal, encounter=encounter)
    )


@router.get(
    "/participants/{participant_id}/encounters",
    response_model=Page[EncounterRead],
    summary="A participant's encounters, newest first (notes for their author and supervisors)",
)
def list_encounters(
    db: SessionDep,
    principal: CurrentPrincipal,
    participant: ReadableParticipant,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[EncounterRead]:
    encounters, next_cursor = service.list_page(
        db=db, participant_id=participant.id, limit=limit, cursor=cursor
    )
    return Page(items=[_as_read_by(principal, e) for e in encounters], next_cursor=next_cursor)


@router.post(
    "/participants/{participant_id}/encounters",
    response_model=EncounterRead,
    status_code=status.HTTP_201_CREATED,
    dependencies=[_may_log],
    summary="Log an encounter; its billable units are worked out against the day's cap",
)
def create_encounter(
    db: SessionDep,
    principal: CurrentPrincipal,
    participant: ReadableParticipant,
    body: EncounterCreate,
    response: Response,
) -> EncounterRead:
    encounter = service.create(db=db, principal=principal, participant=participant, data=body)
    response.headers["Location"] = f"/api/v1/encounters/{encounter.id}"
    response.headers["ETag"] = _etag(encounter)
    return _as_read_by(principal, encounter)


@router.get(
    "/encounters/{encounter_id}",
    response_model=EncounterRead,
    summary="Read an encounter (the note for its author and supervisors)",
)
def read_encounter(
    principal: CurrentPrincipal, encounter: ReadableEncounter, response: Response
) -> EncounterRead:
    response.headers["ETag"] = _etag(encounter)
    return _as_read_by(principal, encounter)


@router.patch(
    "/encounters/{encounter_id}",
    response_model=EncounterRead,
    dependencies=[_may_log],
    responses=problem_responses(412, 428),
    openapi_extra=if_match_parameter(required=True),
    summary="Change an encounter (its author only; If-Match required)",
)
def update_encounter(
    request: Request,
    db: SessionDep,
    principal: CurrentPrincipal,
    encounter: EditableEncounter,
    body: EncounterUpdate,
    response: Response,
) -> EncounterRead:
    require_if_match(request, _etag(encounter))
    service.update(db=db, encounter=encounter, data=body)
    response.headers["ETag"] = _etag(encounter)
    return _as_read_by(principal, encounter)
