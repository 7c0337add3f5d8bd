"""Schema fuzzing: schemathesis generates requests for every operation in the committed
OpenAPI document and sends them, signed in as each role, to an app holding the demo
organisation. Every answer must be documented, match its schema, and never be a 5xx.

Path parameters that name a resource get a real id of the demo data (José's plan, his
safety plan, Lucía's profile, ...) whenever the generated value is a well-formed id, so
the requests reach the handlers rather than stopping at 404. A malformed generated id is
sent as it is. Likewise a schema-valid request carries the resource's current ETag in
``If-Match``. Each case is sent as every role. ``PRSS_FUZZ_EXAMPLES`` sets the examples
per operation.

Every check schemathesis has runs, with two adjustments, each for a rule of HTTP or of the
domain that a JSON Schema cannot state:

- A missing required ``If-Match`` is answered 428 Precondition Required (RFC 6585 made
  that status for exactly this), which joins the statuses a missing required header may
  get; so do 404 and 409, because a request that would fail without its precondition is
  answered as such before the precondition is looked at (RFC 9110, section 13.2.1): a
  resource this role cannot see is 404 and one whose state forbids the change is 409.
- A schema-valid request may still be refused with 422 when it breaks a rule the schema
  cannot express: a phone number that does not exist, a time more than 7 days ago, an
  unknown time zone, satisfaction asked at intake, a reused Idempotency-Key, text holding
  U+0000 (which PostgreSQL cannot store). Those answers carry only errors of our
  validators' rules (``value_error``, or a named rule such as the C-SSRS skip logic) or the
  ``unprocessable`` problem type (a domain rule). A 422 for anything the schema does
  describe (a type, a length, a missing field) still fails.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, get_args

import anyio
import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from pydantic_core.core_schema import ErrorType
from schemathesis.checks import CheckContext
from schemathesis.core.transport import Response
from schemathesis.generation.meta import TestPhase
from schemathesis.openapi.checks import RejectedPositiveData
from schemathesis.python import asgi
from schemathesis.specs.openapi.checks import positive_data_acceptance
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import demo
from app.alerts.models import Alert
from app.assessments.models import Assessment
from app.consents.models import Consent
from app.core.config import Settings
from app.core.db import Database
from app.crisis.models import CrisisContact
from app.encounters.models import Encounter
from app.integrators.models import IntegratorClient
from app.main import create_app
from app.matching.models import PeerMatch
from app.models import Participant, User
from app.outcomes.models import OutcomeSurvey
from app.plans.models import Goal, GoalStep, RecoveryPlan
from app.specialists.models import Specialist
from tests.conftest import TEST_NOTE_KEY, TEST_SECRET
from tests.database import committed_database
from tests.factories import integrator_headers, token_for

ROOT = Path(__file__).resolve().parents[2]
ROLES = ("admin", "supervisor", "specialist", "participant", "integrator")
EXAMPLES = int(os.environ.get("PRSS_FUZZ_EXAMPLES", "12"))
# An event stream never ends: it is read for STREAM_SECONDS once it has started, then
# closed (``_ending_streams``). One that has not started after STREAM_DEADLINE fails.
STREAM_SECONDS = 0.3
STREAM_DEADLINE = 30.0

schema = schemathesis.openapi.from_path(ROOT / "openapi.json")


@dataclass(frozen=True)
class Target:
    app: FastAPI
    headers: dict[str, dict[str, str]]  # by role
    ids: dict[str, str]  # by path parameter name

    @cached_property
    def streaming(self) -> ASGIApp:
        """The app, for the event stream's path."""
        return _ending_streams(self.app, STREAM_SECONDS)


def _ending_streams(app: ASGIApp, seconds: float) -> ASGIApp:
    """``app``, with every response that has started and not ended ``seconds`` after it
    started (an event stream) ended there, as a client that stops reading would. The time
    is counted from the response's start, not the request's: how soon a stream starts
    depends on how busy the machine is, what it sends once started does not."""

    async def ending(scope: Scope, receive: Receive, send: Send) -> None:
        started = anyio.Event()
        ended = False

        async def forward(message: Message) -> None:
            nonlocal ended
            if message["type"] == "http.response.start":
                started.set()
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                ended = True
            await send(message)

        async with anyio.create_task_group() as group:

            async def serve() -> None:
                await app(scope, receive, forward)
                group.cancel_scope.cancel()

            group.start_soon(serve)
            await started.wait()
            await anyio.sleep(seconds)
            group.cancel_scope.cancel()
        if started.is_set() and not ended:
            await send({"type": "http.response.body", "body": b"", "more_body": False})

    return ending


def _first(db: Session, statement: object) -> str:
    found = db.scalar(statement)  # type: ignore[call-overload]
    assert found is not None, f"the demo data has none of {statement}"
    return str(found)


def _demo_ids(db: Session) -> dict[str, str]:
    jose = db.scalar(
        select(Participant)
        .join(User, User.participant_id == Participant.id)
        .where(User.email == demo.PARTICIPANT_EMAIL)
    )
    assert jose is not None
    lucia = db.scalar(select(User).where(User.email == demo.LUCIA_EMAIL))
    assert lucia is not None
    return {
        "participant_id": str(jose.id),
        "user_id": str(lucia.id),
        "specialist_id": _first(db, select(Specialist.id).where(Specialist.user_id == lucia.id)),
        "match_id": _first(db, select(PeerMatch.id).where(PeerMatch.participant_id == jose.id)),
        "plan_id": _first(
            db, select(RecoveryPlan.id).where(RecoveryPlan.participant_id == jose.id)
        ),
        "goal_id": _first(db, select(Goal.id).where(Goal.participant_id == jose.id)),
        "step_id": _first(db, select(GoalStep.id).where(GoalStep.participant_id == jose.id)),
        "encounter_id": _first(db, select(Encounter.id).where(Encounter.participant_id == jose.id)),
        "contact_id": _first(
            db, select(CrisisContact.id).where(CrisisContact.participant_id == jose.id)
        ),
        "consent_id": _first(db, select(Consent.id).where(Consent.participant_id == jose.id)),
        "assessment_id": _first(
            db, select(Assessment.id).where(Assessment.participant_id == jose.id)
        ),
        "survey_id": _first(db, select(OutcomeSurvey.id)),
        "alert_id": _first(db, select(Alert.id)),
        "client_id": _first(db, select(IntegratorClient.id)),
    }


def _demo_headers(db: Session, settings: Settings) -> dict[str, dict[str, str]]:
    def bearer(email: str) -> dict[str, str]:
        user = db.scalar(select(User).where(User.email == email))
        assert user is not None
        return {"Authorization": f"Bearer {token_for(user, settings)}"}

    client = db.scalar(select(IntegratorClient))
    assert client is not None
    return {
        "admin": bearer(demo.ADMIN_EMAIL),
        "supervisor": bearer(demo.SUPERVISOR_EMAIL),
        "specialist": bearer(demo.LUCIA_EMAIL),
        "participant": bearer(demo.PARTICIPANT_EMAIL),
        "integrator": integrator_headers(client, settings),
    }


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    folder = tmp_path_factory.mktemp("fuzz")
    with committed_database(folder) as engine:
        settings = Settings(
            env="development",
            secret_key=TEST_SECRET,
            note_key=TEST_NOTE_KEY,
            data_dir=folder,
            web_dist=folder / "none",
            alert_escalation_interval_seconds=0,
            # The stream's keep-alive comments are what schemathesis reads from it.
            alert_stream_ping_seconds=0.05,
        )
        database = Database(engine)
        with database.session() as db:
            demo.load(db=db)
            db.commit()
            target = Target(
                app=create_app(settings=settings, database=database),
                headers=_demo_headers(db, settings),
                ids=_demo_ids(db),
            )
        try:
            yield target
        finally:
            # schemathesis keeps each app's lifespan running until the process ends; stop
            # it before the database goes away.
            asgi.shutdown_lifespans()


def schema_valid_requests_are_accepted(
    ctx: CheckContext, response: Response, case: schemathesis.Case[Any]
) -> bool | None:
    """schemathesis' ``positive_data_acceptance``, but for the rule-based 422 above."""
    try:
        return positive_data_acceptance(ctx, response, case)
    except RejectedPositiveData:
        if response.status_code == 422 and _breaks_a_rule_beyond_the_schema(response.json()):
            return None
        raise


# Pydantic's own error types say the input broke what the schema states (a type, a length,
# a missing field), as does "json_type" (``InputModel``'s check of JSON types). Any other
# type is a rule of ours: "value_error" from a validator, or a named one such as the
# C-SSRS skip logic.
SCHEMA_ERROR_TYPES = frozenset(get_args(ErrorType)) - {"value_error", "assertion_error"} | {
    "json_type"
}


def _breaks_a_rule_beyond_the_schema(problem: dict[str, Any]) -> bool:
    if problem.get("type", "").endswith("/unprocessable"):
        return True
    errors = problem.get("errors") or []
    return bool(errors) and not any(error["type"] in SCHEMA_ERROR_TYPES for error in errors)


schema.config.checks.missing_required_header.expected_statuses = [
    *schema.config.checks.missing_required_header.expected_statuses,
    "404",
    "409",
    "428",
]


def _current_etag(case: schemathesis.Case[Any], target: Target, role: str) -> str | None:
    response = case.call(
        app=target.app, headers=target.headers[role], method="GET", json=None, params={}
    )
    etags = response.headers.get("etag") if response.status_code == 200 else None
    return etags[0] if etags else None


def _is_id(value: object) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


# Every case is sent as each role in turn, as in ROLES: generating a case costs more than
# sending it, and a role changes what the server does, not what a case may hold.
#
# The coverage phase sends each operation a few hundred boundary cases. A role the
# operation refuses is refused before its input is read (the authorization dependencies
# run first), so once a role has been refused, the rest of the operation's coverage cases
# would only meet the same refusal for it: they are not sent as that role. It still gets
# every case of the fuzzing phase.
#
# Some answers do not depend on who asks: 405 comes from routing, and a 422 that lists
# only errors of the schema's own rules (a type, a length, a missing field) from request
# validation; neither reaches code that tells roles apart. A coverage case answered so
# for one role is not sent as the roles after it.
REFUSALS = frozenset({401, 403})
_refused: set[tuple[str, str]] = set()  # (operation, role)


def _answered_for_anyone(response: Response) -> bool:
    if response.status_code == 405:
        return True
    if response.status_code != 422:
        return False
    errors = response.json().get("errors") or []
    return bool(errors) and all(error["type"] in SCHEMA_ERROR_TYPES for error in errors)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_answer_is_documented_and_never_a_server_error(
    case: schemathesis.Case[Any], target: Target
) -> None:
    for name, value in (case.path_parameters or {}).items():
        if name in target.ids and _is_id(value):
            case.path_parameters[name] = target.ids[name]
    positive = case.meta is not None and case.meta.generation.mode.is_positive
    if positive and case.query:
        # A cursor is an opaque value only the server issues: a generated string that
        # fits the schema is still not one, and is refused with 422 by design (tested in
        # each list's own tests), so generated cursors are not sent with valid requests.
        case.query.pop("cursor", None)
    declares_if_match = any(parameter.name == "If-Match" for parameter in case.operation.headers)
    coverage = case.meta is not None and case.meta.phase.name == TestPhase.COVERAGE
    headers = case.headers.copy()
    for role in ROLES:
        pair = (case.operation.label, role)
        if coverage and pair in _refused:
            continue
        case.headers = headers.copy()
        if declares_if_match and positive:
            etag = _current_etag(case, target, role)
            if etag is not None:
                case.headers["If-Match"] = etag
        stream = case.path.endswith("/stream")
        try:
            response = case.call_and_validate(
                # The alert stream never ends: what it sends in a moment is what gets
                # checked.
                app=target.streaming if stream else target.app,
                headers=target.headers[role],
                timeout=STREAM_DEADLINE if stream else None,
                excluded_checks=[positive_data_acceptance],
                additional_checks=[schema_valid_requests_are_accepted],
            )
        except Exception as exc:
            exc.add_note(f"Sent as the {role}.")
            raise
        if coverage and response.status_code in REFUSALS:
            _refused.add(pair)
        elif coverage and _answered_for_anyone(response):
            return
