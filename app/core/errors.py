"""Domain errors carry their HTTP status; one set of handlers turns every error into
RFC 9457 ``application/problem+json``."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import iter_route_contexts
from pydantic import BaseModel
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

logger = logging.getLogger("prss.errors")

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://prss.example.org/problems/"


class DomainError(Exception):
    status = 400
    title = "Bad request"
    slug = "bad-request"

    def __init__(self, detail: str | None = None, **extra: Any) -> None:
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        self.extra = extra

    def headers(self) -> dict[str, str]:
        return {}


class Unauthorized(DomainError):
    status = 401
    title = "Not authenticated"
    slug = "unauthorized"

    def headers(self) -> dict[str, str]:
        return {"WWW-Authenticate": "Bearer"}


class Forbidden(DomainError):
    status = 403
    title = "Forbidden"
    slug = "forbidden"


class NotFound(DomainError):
    status = 404
    title = "Not found"
    slug = "not-found"


class MethodNotAllowed(DomainError):
    status = 405
    title = "Method not allowed"
    slug = "method-not-allowed"

    def __init__(self, allowed: set[str]) -> None:
        super().__init__(f"This resource answers {', '.join(sorted(allowed))}.")
        self.allowed = allowed

    def headers(self) -> dict[str, str]:
        return {"Allow": ", ".join(sorted(self.allowed))}


def allowed_methods(request: Request) -> set[str]:
    """Every method some API route answers at this path (routes of one path can come from
    several routers, and Starlette's own 405 names only the first). The web UI's catch-all
    is left out: it is not an API resource. Built once per app, on the first 405."""
    table = getattr(request.app.state, "route_methods", None)
    if table is None:
        table = [
            (compile_path(context.path)[0], context.path.count("{"), set(context.methods or ()))
            for context in iter_route_contexts(request.app.routes)
            if context.path and context.name != "web_ui"
        ]
        request.app.state.route_methods = table
    path = request.url.path
    matches = [(params, methods) for pattern, params, methods in table if pattern.match(path)]
    if not matches:
        return set()
    # The most specific paths only: /alerts/stream-ticket, not also /alerts/{alert_id}.
    fewest = min(params for params, _ in matches)
    return {method for params, methods in matches if params == fewest for method in methods}


class Conflict(DomainError):
    status = 409
    title = "Conflict"
    slug = "conflict"


class PreconditionFailed(DomainError):
    status = 412
    title = "Precondition failed"
    slug = "precondition-failed"


class PreconditionRequired(DomainError):
    status = 428
    title = "Precondition required"
    slug = "precondition-required"


class Unprocessable(DomainError):
    status = 422
    title = "Unprocessable content"
    slug = "unprocessable"


class TooManyRequests(DomainError):
    status = 429
    title = "Too many requests"
    slug = "too-many-requests"

    def __init__(self, detail: str | None = None, *, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = max(1, retry_after)

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class ServiceUnavailable(DomainError):
    status = 503
    title = "Service unavailable"
    slug = "service-unavailable"


def status_for(exc: BaseException) -> int:
    """The HTTP status an exception will be answered with."""
    if isinstance(exc, DomainError):
        return exc.status
    if isinstance(exc, StarletteHTTPException):
        return exc.status_code
    if isinstance(exc, RequestValidationError):
        return 422
    if isinstance(exc, StaleDataError):
        return 412
    if isinstance(exc, IntegrityError):
        return 409
    if isinstance(exc, DataError):
        return 422
    if isinstance(exc, OperationalError) or (
        isinstance(exc, DBAPIError) and exc.connection_invalidated
    ):
        return 503
    return 500


def problem(
    status: int,
    title: str,
    detail: str,
    *,
    slug: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + (slug or str(status)),
        "title": title,
        "status": status,
        "detail": detail,
        **extra,
    }
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_JSON)


def _safe_validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    # Never echo the submitted values back: they may be personal data.
    return [
        {"loc": list(err.get("loc", ())), "msg": err.get("msg", ""), "type": err.get("type", "")}
        for err in exc.errors()
    ]


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def _domain(_: Request, exc: DomainError) -> JSONResponse:
        return problem(
            exc.status, exc.title, exc.detail, slug=exc.slug, headers=exc.headers(), **exc.extra
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 405:
            allowed = allowed_methods(request)
            if allowed:
                return await _domain(request, MethodNotAllowed(allowed))
        if exc.status_code == 400 and exc.__cause__ is not None:
            # FastAPI could not read the body at all (bytes that are not UTF-8, a broken
            # form): as invalid as malformed JSON, which it answers with 422.
            return problem(
                422,
                "Invalid input",
                "The request body could not be read; send JSON in UTF-8.",
                slug="invalid-input",
                errors=[{"loc": ["body"], "msg": "unreadable body", "type": "body_unreadable"}],
            )
        title = {404: "Not found", 405: "Method not allowed", 413: "Content too large"}.get(
            exc.status_code, "HTTP error"
        )
        return problem(exc.status_code, title, str(exc.detail), headers=dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _safe_validation_errors(exc)
        first = errors[0] if errors else {"loc": [], "msg": "invalid input"}
        where = ".".join(str(part) for part in first["loc"] if part != "body")
        detail = f"{where}: {first['msg']}" if where else str(first["msg"])
        return problem(422, "Invalid input", detail, slug="invalid-input", errors=errors)

    @app.exception_handler(StaleDataError)
    async def _stale(_: Request, __: StaleDataError) -> JSONResponse:
        return problem(
            412,
            "Precondition failed",
            "The resource was changed by someone else; reload it and try again.",
            slug="precondition-failed",
        )

    @app.exception_handler(IntegrityError)
    async def _integrity(_: Request, __: IntegrityError) -> JSONResponse:
        return problem(409, "Conflict", "The change conflicts with existing data.", slug="conflict")

    @app.exception_handler(DataError)
    async def _unstorable(_: Request, __: DataError) -> JSONResponse:
        # The last line of defence: validation should have refused the value first.
        logger.warning("a value the database cannot take reached it")
        return problem(
            422,
            "Unprocessable content",
            "A value cannot be stored or compared as sent (out of range, or holding U+0000).",
            slug="unprocessable",
        )

    @app.exception_handler(OperationalError)
    async def _database_down(request: Request, __: OperationalError) -> JSONResponse:
        logger.error("database unavailable")
        # A route may still have something to say without its database: the crisis
        # routes answer with the 988 Lifeline (see ``app.crisis.lifeline``).
        extra = getattr(request.app.state, "unavailable_extra", None)
        return problem(
            503,
            "Service unavailable",
            "The database is unavailable; try again shortly.",
            slug="service-unavailable",
            headers={"Retry-After": "5"},
            **(extra(request) if extra is not None else {}),
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # The class name and route template only: messages and paths can carry personal data.
        route = request.scope.get("route")
        logger.error(
            "unhandled %s on %s %s (request %s)",
            type(exc).__name__,
            request.method,
            getattr(route, "path", "?"),
            getattr(request.state, "request_id", "-"),
        )
        return problem(500, "Internal server error", "An unexpected error occurred.")


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str


def problem_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the problem+json answers a route can give."""
    return {
        code: {
            "description": HTTPStatus(code).phrase,
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for code in codes
    }
