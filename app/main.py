"""The application factory: settings, database, middleware, routers, and the web UI."""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from fastapi.telemetry import TelemetryConfig

from app.alerts.lifespan import alerts_lifespan
from app.alerts.router import router as alerts_router
from app.assessments.router import router as assessments_router
from app.audit.router import router as audit_router
from app.auth.accounts import accounts_lifespan
from app.auth.router import router as auth_router
from app.auth.throttle import LoginThrottle
from app.caseload.router import router as caseload_router
from app.check_ins.router import router as check_ins_router
from app.consents.router import router as consents_router
from app.core import crypto
from app.core.config import Settings, get_settings
from app.core.db import Database, make_engine
from app.core.errors import (
    MethodNotAllowed,
    NotFound,
    Problem,
    allowed_methods,
    install_handlers,
    problem_responses,
)
from app.core.http import RequestContextMiddleware, single_valued_query
from app.core.rate_limits import RateLimits
from app.crisis import lifeline as crisis_lifeline
from app.crisis.router import router as crisis_router
from app.disclosures.router import router as disclosures_router
from app.encounters.router import router as encounters_router
from app.fhir.router import router as fhir_router
from app.integrators.router import router as integrators_router
from app.matching.router import router as matching_router
from app.matching.suggestions_router import router as suggestions_router
from app.outcomes.router import router as outcomes_router
from app.participants.router import router as participants_router
from app.plans.router import router as plans_router
from app.specialists.router import router as specialists_router
from app.system.router import router as system_router
from app.users.router import router as users_router

API_PREFIX = "/api/v1"

# Every authenticated route can answer these; routes add their own (409, 412, ...).
COMMON_RESPONSES = problem_responses(401, 403, 404, 413, 422)

logger = logging.getLogger("prss")

# FastAPI's own OpenTelemetry spans and logs start as soon as a tracer or logger provider
# is configured in the process (an APM agent does that) or FASTAPI_OTEL_AUTO_CONFIGURE is
# set. Spans carry the request's path and query string (participant ids, names searched
# for) and its logs the input of every request that failed validation: personal data that
# must not leave for a telemetry backend. Metrics carry only the route's template and
# the status, and stay available.
TELEMETRY: TelemetryConfig = {
    "tracing": False,
    "logs": False,
    "operation_spans": False,
    "auto_configure": False,
}


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """What runs beside the requests: the account cache's listener, and the alerts'
    broker and escalation."""
    async with accounts_lifespan(app), alerts_lifespan(app):
        yield


def _operation_id(route: APIRoute) -> str:
    # Generated clients read as "participants-read_participant".
    return f"{route.tags[0]}-{route.name}" if route.tags else route.name


def _configure_logging() -> None:
    # Uvicorn's own access log prints query strings, which can hold names; `make run`
    # turns it off and this one (ids only, see RequestContextMiddleware) takes its place.
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s:     %(name)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = assemble_app(settings)
    configure_app(app, settings, database)
    return app


def assemble_app(settings: Settings) -> FastAPI:
    """The app's routes, handlers and middleware. Of the settings, only these shape it:
    production mode (no /docs), the CORS origins, the body size limit and the web UI's
    folder (``shape_of``). Building the routes is most of the cost of making an app, so
    an app may be assembled once and then configured again (``configure_app``)."""
    _configure_logging()
    app = FastAPI(
        title="Peer Recovery Support API",
        version="1.0.0",
        summary=(
            "Participants, recovery plans, crisis support and outcomes "
            "for peer recovery programmes."
        ),
        generate_unique_id_function=_operation_id,
        docs_url=None if settings.is_production else "/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=_lifespan,
        telemetry=TELEMETRY,
    )
    install_handlers(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=[
                "Authorization",
                "Content-Type",
                "If-Match",
                "If-None-Match",
                "Idempotency-Key",
            ],
            expose_headers=["ETag", "Location", "Retry-After", "X-Request-ID"],
        )
    app.add_middleware(RequestContextMiddleware, max_body_bytes=settings.max_body_bytes)

    # Every API route refuses a repeated query parameter that does not take a list.
    single = [Depends(single_valued_query)]
    api = APIRouter(prefix=API_PREFIX, responses=COMMON_RESPONSES, dependencies=single)
    # FastAPI tries routes in this order, at a few microseconds each, and twice (once to
    # pick the router, once inside it): the probes first, then the routes specialists
    # and participants call all day, so that the busiest requests try the fewest
    # routes. No two routers' paths overlap, so the order decides nothing else.
    for router in (
        system_router,
        participants_router,
        caseload_router,
        check_ins_router,
        plans_router,
        auth_router,
        users_router,
        integrators_router,
        specialists_router,
        consents_router,
        suggestions_router,
        matching_router,
        assessments_router,
        encounters_router,
        crisis_router,
        disclosures_router,
        outcomes_router,
        fhir_router,
        audit_router,
    ):
        api.include_router(router)
    app.include_router(api)
    app.include_router(
        alerts_router, prefix=API_PREFIX, responses=COMMON_RESPONSES, dependencies=single
    )
    _mount_web_ui(app, settings.web_dist)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def shape_of(settings: Settings) -> tuple[object, ...]:
    """What ``assemble_app`` reads of the settings: apps of one shape are alike."""
    return (
        settings.is_production,
        tuple(settings.cors_origins),
        settings.max_body_bytes,
        # Without a build, the placeholder page, wherever the folder was to be.
        settings.web_dist if (settings.web_dist / "index.html").exists() else None,
    )


def configure_app(app: FastAPI, settings: Settings, database: Database | None = None) -> None:
    """Everything a request reads from ``app.state``: the settings, the database, the
    limiters' counters, and no alert broker yet (the lifespan starts one)."""
    app.state.settings = settings
    app.state.secret_key = settings.resolved_secret_key()
    crypto.configure(settings.note_cipher())
    app.state.database = database or Database(
        make_engine(
            settings.sqlalchemy_url,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
        )
    )
    app.state.login_throttle = LoginThrottle(
        storage_uri=settings.redis_url or "memory://",
        per_account=settings.login_failures_per_account,
        per_ip=settings.login_failures_per_ip,
        window_seconds=settings.login_failure_window_seconds,
    )
    app.state.rate_limits = RateLimits(
        storage_uri=settings.redis_url or "memory://",
        rules={
            "sign_in": settings.rate_limit_sign_in,
            "refresh": settings.rate_limit_refresh,
            "export": settings.rate_limit_export,
        },
    )
    # Without a database the crisis routes still answer with the 988 Lifeline.
    app.state.unavailable_extra = crisis_lifeline.when_unavailable
    app.state.alert_broker = None
    app.state.accounts = None


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title,
            version=app.version,
            summary=app.summary,
            routes=app.routes,
        )
        schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = (
            Problem.model_json_schema()
        )
        app.openapi_schema = schema
    return app.openapi_schema


_PLACEHOLDER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Peer Recovery Support</title></head>
<body><main><h1>Peer Recovery Support</h1>
<p>The API is running. The web UI has not been built; see the README.</p>
<p><a href="/docs">API documentation</a></p></main></body></html>
"""


def _mount_web_ui(app: FastAPI, dist: Path) -> None:
    """Serve the single-page app: its files, and index.html for every client-side route.

    Registered after the API, so API routes win; an unknown /api path is still a
    problem+json 404, never the app's HTML."""
    index = dist / "index.html"
    if not index.exists():

        @app.get("/", include_in_schema=False)
        def placeholder() -> HTMLResponse:
            return HTMLResponse(_PLACEHOLDER)

        return

    root = dist.resolve()
    if (dist / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=dist / "assets"), name="web-assets")

    @app.api_route(
        "/{path:path}",
        methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
        include_in_schema=False,
    )
    def web_ui(request: Request, path: str) -> Response:
        if path == "api" or path.startswith("api/"):
            # A real API path asked with a method it does not answer: 405, not 404.
            if allowed := allowed_methods(request):
                raise MethodNotAllowed(allowed)
            raise NotFound("There is no such API endpoint.")
        candidate = (root / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(root):
            return FileResponse(candidate)
        # index.html must be revalidated so a new release is picked up at once.
        return FileResponse(index, headers={"Cache-Control": "no-cache"})


# Allocations between collections of the youngest generation (Python's default is 700).
YOUNG_COLLECTION_THRESHOLD = 50_000


def settle_garbage_collection() -> None:
    """Tune the garbage collector for a serving process, once the app is built.

    Everything built so far (modules, the ORM's mappings, the schemas, the routes) lives
    as long as the process, yet every full collection walked all of it again: under load
    those pauses were most of the participant list's p99 (bench/README.md, "Load").
    Freezing it keeps it out of every collection; it is still freed if it ever becomes
    unreachable without a cycle. Young collections run less often too: a request makes
    thousands of short-lived objects, which reference counting frees anyway.
    """
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, middle, old)


def __getattr__(name: str) -> Any:
    # ``app.main:app`` is built on first use rather than at import, so importing this
    # module (tests, tools) neither reads the environment nor opens a database.
    if name == "app":
        instance = create_app()
        settle_garbage_collection()
        globals()["app"] = instance
        return instance
    raise AttributeError(name)
