"""``/users``: the organisation admin manages staff and participant accounts."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from app.auth.dependencies import AdminPrincipal
from app.core.db import SessionDep
from app.core.errors import NotFound, problem_responses
from app.core.http import etag_for, if_match_parameter, require_if_match
from app.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam, Page
from app.core.security import Role
from app.users import service
from app.users.models import User
from app.users.schemas import UserCreate, UserRead, UserUpdate

router = APIRouter(prefix="/users", tags=["users"])


def user_in_organisation(user_id: uuid.UUID, db: SessionDep, admin: AdminPrincipal) -> User:
    user = db.get(User, user_id)
    if user is None or user.organisation_id != admin.organisation_id:
        raise NotFound("User not found.")
    return user


OrganisationUser = Annotated[User, Depends(user_in_organisation)]


def _with_etag(response: Response, user: User) -> UserRead:
    response.headers["ETag"] = etag_for(user.id, user.version)
    return UserRead.model_validate(user)


@router.post(
    "",
    response_model=UserRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
    summary="Create an account",
)
def create_user(
    db: SessionDep, admin: AdminPrincipal, body: UserCreate, response: Response
) -> UserRead:
    user = service.create(db=db, organisation_id=admin.organisation_id, data=body)
    response.headers["Location"] = f"/api/v1/users/{user.id}"
    return _with_etag(response, user)


@router.get("", response_model=Page[UserRead], summary="List the organisation's accounts")
def list_users(
    db: SessionDep,
    admin: AdminPrincipal,
    role: Role | None = None,
    active: Annotated[bool | None, Query(description="Only active (or inactive) accounts.")] = None,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[UserRead]:
    users, next_cursor = service.list_page(
        db=db,
        organisation_id=admin.organisation_id,
        role=role,
        active=active,
        limit=limit,
        cursor=cursor,
    )
    return Page(items=[UserRead.model_validate(u) for u in users], next_cursor=next_cursor)


@router.get("/{user_id}", response_model=UserRead, summary="Read an account")
def read_user(user: OrganisationUser, response: Response) -> UserRead:
    return _with_etag(response, user)


@router.patch(
    "/{user_id}",
    response_model=UserRead,
    responses=problem_responses(412, 428),
    openapi_extra=if_match_parameter(required=True),
    summary="Change an account's name or password (a new password ends its sessions)",
)
def update_user(
    request: Request, db: SessionDep, user: OrganisationUser, body: UserUpdate, response: Response
) -> UserRead:
    require_if_match(request, etag_for(user.id, user.version))
    service.update(db=db, user=user, data=body)
    return _with_etag(response, user)


@router.post(
    "/{user_id}/deactivate",
    response_model=UserRead,
    responses=problem_responses(409),
    summary="Deactivate an account and end its sessions",
)
def deactivate_user(
    db: SessionDep, admin: AdminPrincipal, user: OrganisationUser, response: Response
) -> UserRead:
    service.deactivate(db=db, user=user, by=admin.user_id)
    return _with_etag(response, user)
