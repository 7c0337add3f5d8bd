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
from app.participants.dependencies import load_for_participant
from app.plans import service
from app.plans.models import Goal, GoalStep, RecoveryPlan


def plan_for_read(
    plan_id: uuid.UUID, request: Request, db: SessionDep, principal: CurrentPrincipal
) -> RecoveryPlan:
    """The plan, if the caller may see its participant; 404 otherwise."""
    return load_for_participant(
        RecoveryPlan,
        plan_id,
        request=request,
        db=db,
        principal=principal,
        not_found="Plan not found.",
    )


def goal_for_read(
    goal_id: uuid.UUID, request: Request, db: SessionDep, principal: CurrentPrincipal
) -> Goal:
    """The goal, if the caller may see its participant; 404 otherwise."""
    return load_for_participant(
        Goal, goal_id, request=request, db=db, principal=principal, not_found="Goal not found."
    )


def step_for_read(
    step_id: uuid.UUID, request: Request, db: SessionDep, principal: CurrentPrincipal
) -> GoalStep:
    """The step, if the caller may see its participant; 404 otherwise."""
    return load_for_participant(
        GoalStep, step_id, request=request, db=db, principal=principal, not_found="Step not found."
    )


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
