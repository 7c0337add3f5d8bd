"""``/integrator-clients``: the organisation admin registers and revokes the integrators
(funders, state systems, EHRs, researchers) that pull outcome data."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from app.auth.dependencies import AdminPrincipal
from app.core.db import SessionDep
from app.core.errors import NotFound
from app.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam, Page
from app.integrators import service
from app.integrators.models import IntegratorClient
from app.integrators.schemas import (
    IntegratorClientCreate,
    IntegratorClientCreated,
    IntegratorClientRead,
)

router = APIRouter(prefix="/integrator-clients", tags=["integrator-clients"])


def client_in_organisation(
    client_id: uuid.UUID, db: SessionDep, admin: AdminPrincipal
) -> IntegratorClient:
    client = db.get(IntegratorClient, client_id)
    if client is None or client.organisation_id != admin.organisation_id:
        raise NotFound("Integrator client not found.")
    return client


OrganisationClient = Annotated[IntegratorClient, Depends(client_in_organisation)]


@router.post(
    "",
    response_model=IntegratorClientCreated,
    status_code=status.HTTP_201_CREATED,
    summary="Register an integrator client (the secret is shown only in this answer)",
)
def create_integrator_client(
    db: SessionDep, admin: AdminPrincipal, body: IntegratorClientCreate, response: Response
) -> IntegratorClientCreated:
    registered = service.create(
        db=db,
        organisation_id=admin.organisation_id,
        created_by_user_id=admin.user_id,
        data=body,
    )
    response.headers["Location"] = f"/api/v1/integrator-clients/{registered.client.id}"
    read = IntegratorClientRead.model_validate(registered.client)
    return IntegratorClientCreated(**read.model_dump(), client_secret=registered.secret)


@router.get(
    "",
    response_model=Page[IntegratorClientRead],
    summary="List the organisation's integrator clients, newest first",
)
def list_integrator_clients(
    db: SessionDep,
    admin: AdminPrincipal,
    revoked: Annotated[
        bool | None, Query(description="Only revoked (or only live) clients.")
    ] = None,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[IntegratorClientRead]:
    clients, next_cursor = service.list_page(
        db=db, organisation_id=admin.organisation_id, revoked=revoked, limit=limit, cursor=cursor
    )
    return Page(
        items=[IntegratorClientRead.model_validate(c) for c in clients], next_cursor=next_cursor
    )


@router.get(
    "/{client_id}", response_model=IntegratorClientRead, summary="Read an integrator client"
)
def read_integrator_client(client: OrganisationClient) -> IntegratorClientRead:
    return IntegratorClientRead.model_validate(client)


@router.delete(
    "/{client_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Revoke an integrator client: its secret and its unexpired tokens stop working",
)
def revoke_integrator_client(db: SessionDep, client: OrganisationClient) -> Response:
    service.revoke(db=db, client=client)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
