"""Crisis routes: contacts, the safety plan, the participant's offline crisis plan, and
"I need help now"."""

from __future__ import annotations

import hashlib
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response, status
from fastapi.responses import JSONResponse

from app.auth.dependencies import CurrentPrincipal, ParticipantPrincipal, require_roles
from app.core.db import SessionDep
from app.core.errors import NotFound, problem_responses
from app.core.http import etag_for, if_match_parameter, require_if_match
from app.core.idempotency import IdempotencyDep
from app.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam, Page
from app.crisis import contacts, events, safety_plan
from app.crisis import lifeline as crisis_lifeline
from app.crisis.models import CrisisContact, SafetyPlanVersion
from app.crisis.schemas import (
    CrisisContactCreate,
    CrisisContactList,
    CrisisContactRead,
    CrisisContactUpdate,
    CrisisEventCreate,
    CrisisEventRead,
    CrisisPlanRead,
    SafetyPlanRead,
    SafetyPlanWrite,
)
from app.participants.dependencies import (
    ReadableParticipant,
    authorize_participant,
    load_for_participant,
)

router = APIRouter(tags=["crisis"])

WRITERS = Depends(require_roles("supervisor", "specialist", "participant"))


def _contact(
    contact_id: uuid.UUID, request: Request, db: SessionDep, principal: CurrentPrincipal
) -> CrisisContact:
    return load_for_participant(
        CrisisContact,
        contact_id,
        request=request,
        db=db,
        principal=principal,
        not_found="Crisis contact not found.",
    )


LoadedContact = Annotated[CrisisContact, Depends(_contact)]


def _contact_read(db: SessionDep, response: Response, contact: CrisisContact) -> CrisisContactRead:
    response.headers["ETag"] = etag_for(contact.id, contact.version)
    return contacts.position_of_read(db=db, contact=contact)


@router.get(
    "/participants/{participant_id}/crisis-contacts",
    response_model=CrisisContactList,
    summary="Crisis contacts in the order to call them: the matched specialist first, 988 always",
)
def list_crisis_contacts(db: SessionDep, participant: ReadableParticipant) -> CrisisContactList:
    return CrisisContactList(items=contacts.list_for(db=db, participant_id=participant.id))


@router.post(
    "/participants/{participant_id}/crisis-contacts",
    response_model=CrisisContactRead,
    status_code=status.HTTP_201_CREATED,
    dependencies=[WRITERS],
    summary="Add a crisis contact (only the participant may allow contacting it)",
)
def add_crisis_contact(
    db: SessionDep,
    principal: CurrentPrincipal,
    participant: ReadableParticipant,
    body: CrisisContactCreate,
    response: Response,
) -> CrisisContactRead:
    contact = contacts.add(db=db, principal=principal, participant=participant, data=body)
    return _contact_read(db, response, contact)


@router.patch(
    "/crisis-contacts/{contact_id}",
    response_model=CrisisContactRead,
    dependencies=[WRITERS],
    responses=problem_responses(412, 428),
    openapi_extra=if_match_parameter(required=True),
    summary="Change or move a crisis contact (If-Match required; 988 can only be moved)",
)
def update_crisis_contact(
    request: Request,
    db: SessionDep,
    principal: CurrentPrincipal,
    contact: LoadedContact,
    body: CrisisContactUpdate,
    response: Response,
) -> CrisisContactRead:
    require_if_match(request, etag_for(contact.id, contact.version))
    contacts.update(db=db, principal=principal, contact=contact, data=body)
    return _contact_read(db, response, contact)


@router.get(
    "/crisis-contacts/{contact_id}",
    response_model=CrisisContactRead,
    summary="One stored crisis contact, with the ETag a change or removal needs",
)
def read_crisis_contact(
    db: SessionDep, contact: LoadedContact, response: Response
) -> CrisisContactRead:
    return _contact_read(db, response, contact)


@router.delete(
    "/crisis-contacts/{contact_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[WRITERS],
    responses=problem_responses(409, 412, 428),
    openapi_extra=if_match_parameter(required=True),
    summary="Remove a crisis contact (If-Match required; the 988 Lifeline cannot be removed)",
)
def delete_crisis_contact(request: Request, db: SessionDep, contact: LoadedContact) -> Response:
    require_if_match(request, etag_for(contact.id, contact.version))
    contacts.remove(db=db, contact=contact)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def _plan_read(response: Response, plan: SafetyPlanVersion) -> SafetyPlanRead:
    response.headers["ETag"] = etag_for(plan.participant_id, plan.version)
    return SafetyPlanRead.model_validate(plan)


@router.get(
    "/participants/{participant_id}/safety-plan",
    response_model=SafetyPlanRead,
    summary="The current safety plan (version 0, blank but for 988, until one is written)",
)
def read_safety_plan(
    db: SessionDep, participant: ReadableParticipant, response: Response
) -> SafetyPlanRead:
    plan = safety_plan.current(db=db, participant_id=participant.id)
    if plan is None:
        response.headers["ETag"] = etag_for(participant.id, 0)
        return safety_plan.blank(participant.id)
    return _plan_read(response, plan)


@router.put(
    "/participants/{participant_id}/safety-plan",
    response_model=SafetyPlanRead,
    dependencies=[WRITERS],
    responses={
        201: {"description": "The first version", "model": SafetyPlanRead},
        **problem_responses(409, 412, 428),
    },
    openapi_extra=if_match_parameter(
        required=False,
        when="Required once the plan has a version (428 without it); optional for the first.",
    ),
    summary="Write a new version of the safety plan (201 the first time; If-Match after)",
)
def write_safety_plan(
    request: Request,
    db: SessionDep,
    principal: CurrentPrincipal,
    participant: ReadableParticipant,
    body: SafetyPlanWrite,
    response: Response,
) -> SafetyPlanRead:
    latest = safety_plan.current(db=db, participant_id=participant.id)
    if latest is not None:
        require_if_match(request, etag_for(participant.id, latest.version))
    elif request.headers.get("if-match") is not None:
        # Someone else may have written the first version since the blank one was read.
        require_if_match(request, etag_for(participant.id, 0))
    plan = safety_plan.write(db=db, principal=principal, participant=participant, data=body)
    if latest is None:
        response.status_code = status.HTTP_201_CREATED
    return _plan_read(response, plan)


@router.get(
    "/participants/{participant_id}/safety-plan/versions",
    response_model=Page[SafetyPlanRead],
    summary="Every version of the safety plan, newest first",
)
def list_safety_plan_versions(
    db: SessionDep,
    participant: ReadableParticipant,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[SafetyPlanRead]:
    plans, next_cursor = safety_plan.versions_page(
        db=db, participant_id=participant.id, limit=limit, cursor=cursor
    )
    return Page(items=[SafetyPlanRead.model_validate(p) for p in plans], next_cursor=next_cursor)


@router.get(
    "/participants/{participant_id}/safety-plan/versions/{version}",
    response_model=SafetyPlanRead,
    summary="One earlier version of the safety plan",
)
def read_safety_plan_version(
    db: SessionDep,
    participant: ReadableParticipant,
    version: Annotated[int, Path(ge=1, le=1_000_000)],
) -> SafetyPlanRead:
    plan = safety_plan.version(db=db, participant_id=participant.id, number=version)
    if plan is None:
        raise NotFound("No such version of the safety plan.")
    return SafetyPlanRead.model_validate(plan)


@router.get(
    "/me/crisis-plan",
    response_model=CrisisPlanRead,
    responses={
        304: {"description": "Unchanged since the ETag sent in If-None-Match"},
        **crisis_lifeline.UNAVAILABLE_RESPONSE,
    },
    summary="The participant's contacts and safety plan in one payload, for offline use "
    "(ETag; If-None-Match answers 304)",
)
def read_my_crisis_plan(
    request: Request, db: SessionDep, principal: ParticipantPrincipal
) -> Response:
    if principal.participant_id is None:
        raise NotFound("Participant not found.")
    participant = authorize_participant(
        request=request, db=db, principal=principal, participant_id=principal.participant_id
    )
    plan = safety_plan.current(db=db, participant_id=participant.id)
    payload = CrisisPlanRead(
        participant_id=participant.id,
        contacts=contacts.list_for(db=db, participant_id=participant.id),
        safety_plan=(
            SafetyPlanRead.model_validate(plan)
            if plan is not None
            else safety_plan.blank(participant.id)
        ),
    )
    body = payload.model_dump_json().encode()
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    sent = [part.strip() for part in request.headers.get("if-none-match", "").split(",")]
    if etag in sent or "*" in sent:
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
    return Response(body, media_type="application/json", headers={"ETag": etag})


@router.post(
    "/participants/{participant_id}/crisis-events",
    response_model=CrisisEventRead,
    status_code=status.HTTP_201_CREATED,
    dependencies=[WRITERS],
    responses={**problem_responses(409), **crisis_lifeline.UNAVAILABLE_RESPONSE},
    summary='"I need help now": alerts the specialist and always answers with who to call '
    "(retry-safe with Idempotency-Key)",
)
def report_crisis(
    db: SessionDep,
    principal: CurrentPrincipal,
    participant: ReadableParticipant,
    body: CrisisEventCreate,
    idempotency: IdempotencyDep,
) -> CrisisEventRead | JSONResponse:
    if (replay := idempotency.replay()) is not None:
        return replay
    event, listed, message = events.report(
        db=db, principal=principal, participant=participant, note=body.note
    )
    result = CrisisEventRead(
        id=event.id,
        participant_id=participant.id,
        created_at=event.created_at,
        alert_id=event.alert_id,
        message=message,
        contacts=listed,
    )
    idempotency.remember(result, status_code=status.HTTP_201_CREATED)
    return result
