"""``/specialists``: the organisation's peers, for staff (full profiles come with matching)."""

from __future__ import annotations

from fastapi import APIRouter

from app.auth.dependencies import StaffPrincipal
from app.core.db import SessionDep
from app.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam, Page
from app.specialists import service
from app.specialists.schemas import SpecialistRead

router = APIRouter(prefix="/specialists", tags=["specialists"])


@router.get(
    "",
    response_model=Page[SpecialistRead],
    summary="The organisation's active specialists and their caseloads",
)
def list_specialists(
    db: SessionDep,
    principal: StaffPrincipal,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[SpecialistRead]:
    items, next_cursor = service.list_page(
        db=db, organisation_id=principal.organisation_id, limit=limit, cursor=cursor
    )
    return Page(items=items, next_cursor=next_cursor)
