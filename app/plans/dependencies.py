"""Loaders for plans, goals and steps addressed by their own ids.

Each fetches the record and authorises the caller through its participant in one step,
answering 404 when the record does not exist or the caller may not see its participant.
The ``Writable`` variants also refuse (409) records of an archived plan, before any
If-Match check, since no precondition can make such a change succeed.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request

from app.auth.dependencies import CurrentPrincipal
from app.core.db import SessionDep
from app.core.errors import NotFound
from app.participants.dependencies import authorize_participant
from app.plans import service
from app.plans.models import Goal, GoalStep, RecoveryPlan


def plan_for_read(
    plan_id: uuid.UUID, request: Request, db: SessionDep, principal: CurrentPrincipal
) -> RecoveryPlan:
    """The plan, if the caller may see its participant; 404 otherwise."""
    plan = db.get(RecoveryPlan, plan_id)
    if plan is None:
        raise NotFound("Plan not found.")
    authorize_participant(
        request=request,
        db=db,
        principal=principal,
        participant_id=plan.participant_id,
        not_found="Plan not found.",
    )
    return plan


def goal_for_read(
    goal_id: uuid.UUID, request: Request, db: SessionDep, principal: CurrentPrincipal
) -> Goal:
    """The goal, if the caller may see its participant; 404 otherwise."""
    goal = db.get(Goal, goal_id)
    if goal is None:
        raise NotFound("Goal not found.")
    authorize_participant(
        request=request,
        db=db,
        principal=principal,
        participant_id=goal.participant_id,
        not_found="Goal not found.",
    )
    return goal


def step_for_read(
    step_id: uuid.UUID, request: Request, db: SessionDep, principal: CurrentPrincipal
) -> GoalStep:
    """The step, if the caller may see its participant; 404 otherwise."""
    step = db.get(GoalStep, step_id)
    if step is None:
        raise NotFound("Step not found.")
    authorize_participant(
        request=request,
        db=db,
        principal=principal,
        participant_id=step.participant_id,
        not_found="Step not found.",
    )
    return step


ReadablePlan = Annotated[RecoveryPlan, Depends(plan_for_read)]
ReadableGoal = Annotated[Goal, Depends(goal_for_read)]
ReadableStep = Annotated[GoalStep, Depends(step_for_read)]


def plan_for_write(plan: ReadablePlan) -> RecoveryPlan:
    service.ensure_active(plan)
    return plan


def goal_for_write(goal: ReadableGoal, db: SessionDep) -> Goal:
    service.ensure_active(service.plan_of(db=db, goal=goal))
    return goal


def step_for_write(step: ReadableStep, db: SessionDep) -> GoalStep:
    goal = service.goal_of(db=db, step=step)
    service.ensure_active(service.plan_of(db=db, goal=goal))
    return step


WritablePlan = Annotated[RecoveryPlan, Depends(plan_for_write)]
WritableGoal = Annotated[Goal, Depends(goal_for_write)]
WritableStep = Annotated[GoalStep, Depends(step_for_write)]
