"""HTTP plumbing shared by every route: request ids, security headers, body limits, ETags."""

from __future__ import annotations

import hashlib
import logging
import re
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from typing import Any

from fastapi import Request, Response
from fastapi._compat.shared import field_annotation_is_sequence
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.errors import PreconditionFailed, PreconditionRequired, Unprocessable, problem

access_log = logging.getLogger("prss.access")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

# Inline style attributes are allowed (charts set them on SVG elements); scripts are not.
SPA_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
API_CSP = "default-src 'none'; frame-ancestors 'none'"


def json_response(model: type[BaseModel], data: Any) -> Response:
    """``data`` validated as ``model`` and written as JSON, in the calling thread. What
    FastAPI does with a sync endpoint's answer, without the trip to the thread pool it
    takes to validate it there: for hot endpoints that also end their session in the
    same trip (``app.core.db.end_now``). The route still declares ``model`` as its
    response model, for the OpenAPI document."""
    return Response(
        model.model_validate(data).model_dump_json(by_alias=True),
        media_type="application/json",
    )


class RequestContextMiddleware:
    """Gives each request an id, refuses oversized bodies, and sets the response headers
    every answer carries (security headers; ``no-store`` on the API, which serves personal
    data)."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int, api_prefix: str = "/api/") -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.api_prefix = api_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        incoming = dict(scope.get("headers") or [])
        supplied = incoming.get(b"x-request-id", b"").decode("latin-1")
        request_id = supplied if _REQUEST_ID.match(supplied) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        path: str = scope["path"]
        is_api = path.startswith(self.api_prefix)
        is_docs = path.startswith("/docs") or path.startswith("/redoc")

        started = time.perf_counter()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                # The path holds only ids; the query string (a search can be a name) is
                # never logged.
                access_log.info(
                    "%s %s %s %.1fms %s",
                    scope["method"],
                    path,
                    message["status"],
                    (time.perf_counter() - started) * 1000,
                    request_id,
                )
                headers = MutableHeaders(scope=message)
                headers["X-Request-ID"] = request_id
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"
                headers["X-Frame-Options"] = "DENY"
                if is_api:
                    headers["Cache-Control"] = "no-store"
                    headers.setdefault("Content-Security-Policy", API_CSP)
                elif path.startswith("/assets/"):
                    # Built assets carry a content hash in their names.
                    headers["Cache-Control"] = "public, max-age=31536000, immutable"
                    headers.setdefault("Content-Security-Policy", SPA_CSP)
                elif not is_docs:
                    headers.setdefault("Content-Security-Policy", SPA_CSP)
            await send(message)

        declared = incoming.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_body_bytes
            except ValueError:
                too_big = True
            if too_big:
                await self._too_large(scope, receive, send_with_headers)
                return

        received = 0

        async def receive_limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise BodyTooLarge(self.max_body_bytes)
            return message

        try:
            await self.app(scope, receive_limited, send_with_headers)
        except BodyTooLarge:
            await self._too_large(scope, receive, send_with_headers)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem(
            413,
            "Content too large",
            f"The request body is larger than {self.max_body_bytes} bytes.",
            slug="content-too-large",
        )
        await response(scope, receive, send)


class BodyTooLarge(StarletteHTTPException):
    """Raised while a streamed body grows past the limit (no Content-Length given).

    An HTTPException, so FastAPI's body reader passes it on instead of calling it a
    parse error."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The request body is larger than {limit} bytes.")


def etag_for(resource_id: Any, version: int) -> str:
    digest = hashlib.sha256(f"{resource_id}:{version}".encode()).hexdigest()[:20]
    return f'"{digest}"'


def if_match_parameter(*, required: bool, when: str | None = None) -> dict[str, Any]:
    """The ``openapi_extra`` that documents a route's ``If-Match`` header, which the route
    itself reads (see ``require_if_match``) so that a missing one is 428, not 422."""
    when = when or (
        "Required: without it the answer is 428."
        if required
        else "Optional: without it the change is made whatever the current version."
    )
    return {
        "parameters": [
            {
                "name": "If-Match",
                "in": "header",
                "required": required,
                "schema": {"type": "string"},
                "description": f"The ETag last read, or `*`. A stale one is 412. {when}",
            }
        ]
    }


def require_if_match(request: Request, current_etag: str) -> None:
    """Optimistic concurrency: the client must send the ETag it last saw."""
    header = request.headers.get("if-match")
    if not header:
        raise PreconditionRequired("Send If-Match with the ETag you last read.")
    candidates = [part.strip() for part in header.split(",")]
    if "*" in candidates or current_etag in candidates:
        return
    raise PreconditionFailed("The resource was changed by someone else; reload it and try again.")


async def single_valued_query(request: Request) -> None:
    """Refuse a query parameter given more than once unless it takes a list: FastAPI would
    silently keep the last value, so ``?q=a&q=b`` would search for what the client may
    not have meant."""
    counts = Counter(key for key, _ in request.query_params.multi_items())
    repeated = {key for key, count in counts.items() if count > 1}
    route = request.scope.get("route")
    if repeated and isinstance(route, APIRoute):
        repeated -= _list_parameters(route)
    if repeated:
        name = sorted(repeated)[0]
        raise Unprocessable(f"The query parameter {name} may be given only once.")


def _list_parameters(route: APIRoute) -> frozenset[str]:
    """The query parameters of ``route`` that take a list (kept on the route once known)."""
    known: frozenset[str] | None = getattr(route, "_list_query_parameters", None)
    if known is None:
        known = frozenset(
            field.alias
            for field in _query_fields(route.dependant)
            if field_annotation_is_sequence(field.field_info.annotation)
        )
        setattr(route, "_list_query_parameters", known)  # noqa: B010
    return known


def _query_fields(dependant: Dependant) -> Iterator[Any]:
    yield from dependant.query_params
    for dependency in dependant.dependencies:
        yield from _query_fields(dependency)
