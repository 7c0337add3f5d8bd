"""Liveness and readiness probes: no authentication, no personal data."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel
from sqlalchemy import text

from app.core.db import Database
from app.core.errors import ServiceUnavailable, problem_responses

router = APIRouter(tags=["system"])


class HealthRead(BaseModel):
    status: str


@router.get("/health", response_model=HealthRead, summary="Liveness")
def health() -> HealthRead:
    return HealthRead(status="ok")


@router.get(
    "/ready",
    response_model=HealthRead,
    responses=problem_responses(503),
    summary="Readiness: the database answers",
)
def ready(request: Request) -> HealthRead:
    database: Database = request.app.state.database
    try:
        with database.engine.connect() as connection:
            # Read-only: on SQLite, do not queue behind writers for the write lock.
            connection.execution_options(sqlite_begin="DEFERRED").execute(text("SELECT 1"))
    except Exception as exc:
        raise ServiceUnavailable("The database is not reachable.") from exc
    return HealthRead(status="ready")
