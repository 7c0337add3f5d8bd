"""Recovery plans: a participant's plan history, its goals with their agreement state,
the goals' steps, and progress per dimension."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi import status as http

from app.auth.dependencies import CurrentPrincipal, require_roles
from app.core.db import SessionDep
from app.core.errors import problem_responses
from app.core.http import etag_for, if_match_parameter, require_if_match
from app.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam, Page
from app.participants.dependencies import ReadableParticipant
from app.plans import service
from app.plans.dependencies import (
    ReadableGoal,
    ReadablePlan,
    ReadableStep,
    WritableGoal,
    WritablePlan,
    WritableStep,
)
from app.plans.models import Goal, GoalStep, RecoveryPlan
from app.plans.schemas import (
    Dimension,
    GoalCreate,
    GoalRead,
    GoalUpdate,
    PlanCreate,
    PlanRead,
    PlanStatus,
    PlanSummaryRead,
    PlanUpdate,
    StepCreate,
    StepRead,
    StepUpdate,
)
from app.plans.service import PlanContents

router = APIRouter(tags=["plans"])

# Admins run the organisation, not anyone's recovery: they may read plans but not write them.
_may_write = Depends(require_roles("supervisor", "specialist", "participant"))
# Agreement is the participant's own act; nobody can give it on their behalf.
_participant_only = Depends(require_roles("participant"))


def _plan_read(response: Response, plan: RecoveryPlan, contents: PlanContents) -> PlanRead:
    response.headers["ETag"] = etag_for(plan.id, plan.version)
    goals = [GoalRead.of(goal, contents.steps.get(goal.id, [])) for goal in contents.goals]
    return PlanRead.of(plan, goals, contents.progress)


def _goal_read(response: Response, goal: Goal, steps: list[GoalStep]) -> GoalRead:
    response.headers["ETag"] = etag_for(goal.id, goal.version)
    return GoalRead.of(goal, steps)


def _step_read(response: Response, step: GoalStep) -> StepRead:
    response.headers["ETag"] = etag_for(step.id, step.version)
    return StepRead.model_validate(step)


# Plans


@router.get(
    "/participants/{participant_id}/plans",
    response_model=Page[PlanSummaryRead],
    summary="A participant's plans: the active one first, then archived ones, newest first",
)
def list_plans(
    db: SessionDep,
    participant: ReadableParticipant,
    status: PlanStatus | None = None,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[PlanSummaryRead]:
    plans, next_cursor = service.list_plans(
        db=db, participant_id=participant.id, status=status, limit=limit, cursor=cursor
    )
    return Page(
        items=[PlanSummaryRead.model_validate(plan) for plan in plans], next_cursor=next_cursor
    )


@router.post(
    "/participants/{participant_id}/plans",
    response_model=PlanRead,
    status_code=http.HTTP_201_CREATED,
    dependencies=[_may_write],
    responses=problem_responses(409),
    summary="Start a new active plan; the current one is archived and stays readable",
)
def start_plan(
    db: SessionDep,
    principal: CurrentPrincipal,
    participant: ReadableParticipant,
    body: PlanCreate,
    response: Response,
) -> PlanRead:
    plan = service.start_plan(db=db, principal=principal, participant=participant, data=body)
    response.headers["Location"] = f"/api/v1/plans/{plan.id}"
    return _plan_read(response, plan, service.plan_contents(db=db, plan=plan))


@router.get(
    "/plans/{plan_id}",
    response_model=PlanRead,
    summary="Read a plan with its goals, their steps, and progress per dimension",
)
def read_plan(db: SessionDep, plan: ReadablePlan, response: Response) -> PlanRead:
    return _plan_read(response, plan, service.plan_contents(db=db, plan=plan))


@router.patch(
    "/plans/{plan_id}",
    response_model=PlanRead,
    dependencies=[_may_write],
    responses=problem_responses(409, 412, 428),
    openapi_extra=if_match_parameter(required=True),
    summary="Change a plan's title, strengths or barriers (If-Match required)",
)
def update_plan(
    request: Request,
    db: SessionDep,
    plan: WritablePlan,
    body: PlanUpdate,
    response: Response,
) -> PlanRead:
    require_if_match(request, etag_for(plan.id, plan.version))
    service.update_plan(db=db, plan=plan, data=body)
    return _plan_read(response, plan, service.plan_contents(db=db, plan=plan))


# Goals


@router.get(
    "/plans/{plan_id}/goals",
    response_model=Page[GoalRead],
    summary="The goals of a plan, oldest first",
)
def list_goals(
    db: SessionDep,
    plan: ReadablePlan,
    dimension: Dimension | None = None,
    awaiting_agreement: Annotated[
        bool | None, Query(description="Only goals that do (true) or do not (false) wait.")
    ] = None,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[GoalRead]:
    goals, next_cursor = service.list_goals(
        db=db,
        plan_id=plan.id,
        dimension=dimension,
        awaiting_agreement=awaiting_agreement,
        limit=limit,
        cursor=cursor,
    )
    steps = service.steps_by_goal(db=db, goal_ids=[goal.id for goal in goals])
    return Page(
        items=[GoalRead.of(goal, steps.get(goal.id, [])) for goal in goals],
        next_cursor=next_cursor,
    )


@router.post(
    "/plans/{plan_id}/goals",
    response_model=GoalRead,
    status_code=http.HTTP_201_CREATED,
    dependencies=[_may_write],
    responses=problem_responses(409),
    summary="Add a goal: agreed at once if the participant writes it, else awaiting agreement",
)
def add_goal(
    db: SessionDep,
    principal: CurrentPrincipal,
    plan: WritablePlan,
    body: GoalCreate,
    response: Response,
) -> GoalRead:
    goal = service.add_goal(db=db, principal=principal, plan=plan, data=body)
    response.headers["Location"] = f"/api/v1/goals/{goal.id}"
    return _goal_read(response, goal, [])


@router.get("/goals/{goal_id}", response_model=GoalRead, summary="Read a goal with its steps")
def read_goal(db: SessionDep, goal: ReadableGoal, response: Response) -> GoalRead:
    return _goal_read(response, goal, service.steps_of(db=db, goal=goal))


@router.patch(
    "/goals/{goal_id}",
    response_model=GoalRead,
    dependencies=[_may_write],
    responses=problem_responses(409, 412, 428),
    openapi_extra=if_match_parameter(required=True),
    summary=(
        "Change a goal (If-Match required): a staff change awaits the participant's "
        "agreement, the participant's own change is agreed"
    ),
)
def update_goal(
    request: Request,
    db: SessionDep,
    principal: CurrentPrincipal,
    goal: WritableGoal,
    body: GoalUpdate,
    response: Response,
) -> GoalRead:
    require_if_match(request, etag_for(goal.id, goal.version))
    service.update_goal(db=db, principal=principal, goal=goal, data=body)
    return _goal_read(response, goal, service.steps_of(db=db, goal=goal))


@router.post(
    "/goals/{goal_id}/agree",
    response_model=GoalRead,
    dependencies=[_participant_only],
    responses=problem_responses(409, 412),
    openapi_extra=if_match_parameter(required=False),
    summary="The participant agrees to a goal as it now reads (idempotent)",
    description=(
        "Send `If-Match` with the goal's ETag to agree only to the wording you were shown: "
        "if the goal changed since, the answer is 412 and nothing is agreed."
    ),
)
def agree_to_goal(
    request: Request, db: SessionDep, goal: WritableGoal, response: Response
) -> GoalRead:
    # Optional here, unlike PATCH: agreeing without having read the goal is still the
    # participant's choice, but a client that shows the goal should guard the wording.
    if request.headers.get("if-match"):
        require_if_match(request, etag_for(goal.id, goal.version))
    service.agree_to_goal(db=db, goal=goal)
    return _goal_read(response, goal, service.steps_of(db=db, goal=goal))


# Steps


@router.get(
    "/goals/{goal_id}/steps",
    response_model=Page[StepRead],
    summary="The steps of a goal, in the order they were added",
)
def list_steps(
    db: SessionDep,
    goal: ReadableGoal,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[StepRead]:
    steps, next_cursor = service.list_steps(db=db, goal_id=goal.id, limit=limit, cursor=cursor)
    return Page(items=[StepRead.model_validate(step) for step in steps], next_cursor=next_cursor)


@router.post(
    "/goals/{goal_id}/steps",
    response_model=StepRead,
    status_code=http.HTTP_201_CREATED,
    dependencies=[_may_write],
    responses=problem_responses(409),
    summary="Add a step towards a goal",
)
def add_step(db: SessionDep, goal: WritableGoal, body: StepCreate, response: Response) -> StepRead:
    step = service.add_step(db=db, goal=goal, data=body)
    response.headers["Location"] = f"/api/v1/steps/{step.id}"
    return _step_read(response, step)


@router.get("/steps/{step_id}", response_model=StepRead, summary="Read a step")
def read_step(step: ReadableStep, response: Response) -> StepRead:
    return _step_read(response, step)


@router.patch(
    "/steps/{step_id}",
    response_model=StepRead,
    dependencies=[_may_write],
    responses=problem_responses(409, 412, 428),
    openapi_extra=if_match_parameter(required=True),
    summary="Change a step or mark it done (If-Match required)",
)
def update_step(
    request: Request, db: SessionDep, step: WritableStep, body: StepUpdate, response: Response
) -> StepRead:
    require_if_match(request, etag_for(step.id, step.version))
    service.update_step(db=db, step=step, data=body)
    return _step_read(response, step)


@router.delete(
    "/steps/{step_id}",
    status_code=http.HTTP_204_NO_CONTENT,
    response_model=None,
    dependencies=[_may_write],
    responses=problem_responses(409),
    summary="Remove a step",
)
def delete_step(db: SessionDep, step: WritableStep) -> None:
    service.delete_step(db=db, step=step)
