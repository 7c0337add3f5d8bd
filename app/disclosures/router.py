"""``/participants/{id}/disclosures``: the accounting of disclosures (42 CFR Part 2), and
recording a disclosure made in a medical emergency (§2.51)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, status

from app.auth.dependencies import CurrentPrincipal, require_roles
from app.core.db import SessionDep
from app.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam, Page
from app.disclosures import service
from app.disclosures.schemas import DisclosureRead, EmergencyDisclosureCreate
from app.participants.dependencies import ReadableParticipant

router = APIRouter(tags=["disclosures"])


@router.post(
    "/participants/{participant_id}/emergency-disclosures",
    response_model=DisclosureRead,
    status_code=status.HTTP_201_CREATED,
    dependencies=[Depends(require_roles("supervisor", "specialist"))],
    summary="Record a disclosure to medical personnel in a medical emergency (§2.51)",
)
def record_emergency_disclosure(
    db: SessionDep,
    principal: CurrentPrincipal,
    participant: ReadableParticipant,
    body: EmergencyDisclosureCreate,
) -> DisclosureRead:
    disclosure = service.record_emergency(
        db=db, principal=principal, participant=participant, data=body
    )
    return DisclosureRead.model_validate(disclosure)


@router.get(
    "/participants/{participant_id}/disclosures",
    response_model=Page[DisclosureRead],
    summary="The accounting of disclosures: to whom the participant's records went, newest first",
)
def list_disclosures(
    db: SessionDep,
    participant: ReadableParticipant,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[DisclosureRead]:
    disclosures, next_cursor = service.list_page(
        db=db, participant_id=participant.id, limit=limit, cursor=cursor
    )
    return Page(
        items=[DisclosureRead.model_validate(d) for d in disclosures], next_cursor=next_cursor
    )
