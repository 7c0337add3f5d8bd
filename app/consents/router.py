"""Consents of a participant: record, list, revoke."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response, status

from app.auth.dependencies import CurrentPrincipal, require_roles
from app.consents import service
from app.consents.dependencies import ReadableConsent
from app.consents.schemas import ConsentCreate, ConsentRead, ConsentRevoke
from app.core.db import SessionDep
from app.core.errors import problem_responses
from app.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam, Page
from app.participants.dependencies import ReadableParticipant
from app.participants.models import Participant

router = APIRouter(tags=["consents"])

_may_sign = Depends(require_roles("supervisor", "specialist", "participant"))


@router.get(
    "/participants/{participant_id}/consents",
    response_model=Page[ConsentRead],
    summary="A participant's consents, newest first",
)
def list_consents(
    db: SessionDep,
    participant: ReadableParticipant,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[ConsentRead]:
    consents, next_cursor = service.list_page(
        db=db, participant_id=participant.id, limit=limit, cursor=cursor
    )
    return Page(items=[ConsentRead.model_validate(c) for c in consents], next_cursor=next_cursor)


@router.post(
    "/participants/{participant_id}/consents",
    response_model=ConsentRead,
    status_code=status.HTTP_201_CREATED,
    dependencies=[_may_sign],
    responses=problem_responses(409),
    summary="Record a signed consent (enrolment, or disclosure under 42 CFR §2.31)",
)
def create_consent(
    db: SessionDep,
    principal: CurrentPrincipal,
    participant: ReadableParticipant,
    body: ConsentCreate,
    response: Response,
) -> ConsentRead:
    consent = service.create(db=db, principal=principal, participant=participant, data=body)
    response.headers["Location"] = f"/api/v1/consents/{consent.id}"
    return ConsentRead.model_validate(consent)


@router.get("/consents/{consent_id}", response_model=ConsentRead, summary="Read a consent")
def read_consent(consent: ReadableConsent) -> ConsentRead:
    return ConsentRead.model_validate(consent)


@router.post(
    "/consents/{consent_id}/revoke",
    response_model=ConsentRead,
    dependencies=[_may_sign],
    responses=problem_responses(409),
    summary="Revoke a consent, from now on (final; revoking enrolment withdraws)",
)
def revoke_consent(
    db: SessionDep,
    principal: CurrentPrincipal,
    consent: ReadableConsent,
    body: ConsentRevoke | None = None,
) -> ConsentRead:
    participant = db.get(Participant, consent.participant_id)
    assert participant is not None  # the loader just read it
    service.revoke(
        db=db,
        consent=consent,
        participant=participant,
        by=principal.user_id,
        reason=body.reason if body else None,
    )
    return ConsentRead.model_validate(consent)
