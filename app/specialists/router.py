"""``/specialists``: the organisation's peers and their lived-experience profiles, for staff."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from app.auth.dependencies import StaffPrincipal
from app.core.db import SessionDep
from app.core.errors import Forbidden, problem_responses
from app.core.http import etag_for, if_match_parameter, require_if_match
from app.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam, Page
from app.specialists import service
from app.specialists.models import Specialist
from app.specialists.schemas import SpecialistRead, SpecialistUpdate

router = APIRouter(prefix="/specialists", tags=["specialists"])


def specialist_for_read(
    specialist_id: uuid.UUID, db: SessionDep, principal: StaffPrincipal
) -> Specialist:
    """A profile of the caller's organisation; 404 otherwise."""
    return service.get_in_organisation(
        db=db, organisation_id=principal.organisation_id, specialist_id=specialist_id
    )


ReadableSpecialist = Annotated[Specialist, Depends(specialist_for_read)]


def specialist_for_change(profile: ReadableSpecialist, principal: StaffPrincipal) -> Specialist:
    """Admins and supervisors change any profile of their organisation; a specialist only
    its own (403)."""
    if principal.role == "specialist" and profile.user_id != principal.user_id:
        raise Forbidden("A specialist may change only its own profile.")
    return profile


ChangeableSpecialist = Annotated[Specialist, Depends(specialist_for_change)]


def _with_etag(db: SessionDep, response: Response, profile: Specialist) -> SpecialistRead:
    response.headers["ETag"] = etag_for(profile.id, profile.version)
    return service.reads(db=db, profiles=[profile])[0]


@router.get(
    "",
    response_model=Page[SpecialistRead],
    summary="The organisation's active specialists, their profiles and caseloads",
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


@router.get(
    "/{specialist_id}",
    response_model=SpecialistRead,
    summary="Read a specialist's profile",
)
def read_specialist(
    db: SessionDep, profile: ReadableSpecialist, response: Response
) -> SpecialistRead:
    return _with_etag(db, response, profile)


@router.patch(
    "/{specialist_id}",
    response_model=SpecialistRead,
    responses=problem_responses(409, 412, 428),
    openapi_extra=if_match_parameter(required=True),
    summary="Change a specialist's profile (If-Match required)",
)
def update_specialist(
    request: Request,
    db: SessionDep,
    profile: ChangeableSpecialist,
    body: SpecialistUpdate,
    response: Response,
) -> SpecialistRead:
    require_if_match(request, etag_for(profile.id, profile.version))
    service.update(db=db, profile=profile, data=body)
    return _with_etag(db, response, profile)
