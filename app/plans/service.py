"""Recovery plans, their goals and steps: starting and archiving plans, the agreement rules
for goals, and progress per dimension (the counting itself lives in ``progress.py``).

Rules kept here:

- A participant has at most one active plan. Starting a new one archives the old one,
  which stays readable and never changes again.
- A goal is the participant's. One the participant writes or changes is agreed at once;
  one that staff write or change waits for the participant's agreement.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.core.base import utcnow
from app.core.errors import Conflict
from app.core.pagination import paginate
from app.core.security import Principal
from app.participants.models import Participant
from app.plans.models import Goal, GoalStep, RecoveryPlan
from app.plans.progress import DimensionProgress, GoalFacts, empty_progress, progress_by_dimension
from app.plans.schemas import GoalCreate, GoalUpdate, PlanCreate, PlanUpdate, StepCreate, StepUpdate

# A goal with one of these outcomes is settled and stays with the plan it belonged to.
# "sustaining" goes on (it needs ongoing work) and so does everything still in progress.
SETTLED_STATUSES = frozenset({"achieved", "not-achieved", "not-attainable"})


# Plans


def active_plan(*, db: Session, participant_id: uuid.UUID) -> RecoveryPlan | None:
    return db.scalar(
        select(RecoveryPlan).where(
            RecoveryPlan.participant_id == participant_id, RecoveryPlan.status == "active"
        )
    )


def plan_of(*, db: Session, goal: Goal) -> RecoveryPlan:
    plan = db.get(RecoveryPlan, goal.plan_id)
    assert plan is not None  # a foreign key guarantees it
    return plan


def ensure_active(plan: RecoveryPlan) -> None:
    """Archived plans are history: read-only."""
    if plan.status != "active":
        raise Conflict("This plan is archived and can no longer change; work on the active plan.")


def list_plans(
    *,
    db: Session,
    participant_id: uuid.UUID,
    status: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[RecoveryPlan], str | None]:
    """The active plan first ("active" sorts before "archived"), then history, newest first."""
    stmt = select(RecoveryPlan).where(RecoveryPlan.participant_id == participant_id)
    if status is not None:
        stmt = stmt.where(RecoveryPlan.status == status)
    return paginate(
        db,
        stmt,
        keys=[
            (RecoveryPlan.status, False),
            (RecoveryPlan.started_at, True),
            (RecoveryPlan.id, True),
        ],
        limit=limit,
        cursor=cursor,
    )


def start_plan(
    *, db: Session, principal: Principal, participant: Participant, data: PlanCreate
) -> RecoveryPlan:
    """A new active plan; the previous one is archived, its open goals optionally carried."""
    previous = active_plan(db=db, participant_id=participant.id)
    now = utcnow()
    plan = RecoveryPlan(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        status="active",
        title=data.title,
        strengths=data.strengths,
        barriers=data.barriers,
        started_at=now,
        created_by_user_id=principal.user_id,
    )
    try:
        if previous is not None:
            previous.status = "archived"
            previous.archived_at = now
            # The archive must reach the database before the insert: the partial unique
            # index admits one active plan per participant at any moment.
            db.flush()
        db.add(plan)
        db.flush()
    except (IntegrityError, StaleDataError) as exc:
        # Someone else started (or archived) a plan for this participant in the meantime:
        # the unique index or the plan's version caught it.
        raise Conflict(
            "Another plan was started for this participant at the same time; reload and try again."
        ) from exc
    if previous is not None and data.carry_over_open_goals:
        _carry_over(db=db, source=previous, target=plan)
    return plan


def _carry_over(*, db: Session, source: RecoveryPlan, target: RecoveryPlan) -> None:
    goals = [
        goal for goal in goals_of(db=db, plan_id=source.id) if goal.status not in SETTLED_STATUSES
    ]
    steps = steps_by_goal(db=db, goal_ids=[goal.id for goal in goals])
    # The copy keeps the participant's words, the agreement they gave to those words, who
    # wrote them and when: the goal continues, only the plan around it is new.
    copies = [
        Goal(
            plan_id=target.id,
            participant_id=goal.participant_id,
            dimension=goal.dimension,
            statement=goal.statement,
            status=goal.status,
            target_date=goal.target_date,
            agreed_by_participant_at=goal.agreed_by_participant_at,
            created_by_user_id=goal.created_by_user_id,
            updated_by_user_id=goal.updated_by_user_id,
            created_at=goal.created_at,
        )
        for goal in goals
    ]
    db.add_all(copies)
    db.flush()  # the copies' ids, for their steps
    db.add_all(
        GoalStep(
            goal_id=copy.id,
            participant_id=step.participant_id,
            description=step.description,
            due_date=step.due_date,
            done=step.done,
            done_at=step.done_at,
            created_at=step.created_at,
        )
        for goal, copy in zip(goals, copies, strict=True)
        for step in steps.get(goal.id, [])
    )
    db.flush()


def update_plan(*, db: Session, plan: RecoveryPlan, data: PlanUpdate) -> RecoveryPlan:
    ensure_active(plan)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(plan, name, value)
    db.flush()
    return plan


# Goals


def goals_of(*, db: Session, plan_id: uuid.UUID) -> list[Goal]:
    return list(
        db.scalars(select(Goal).where(Goal.plan_id == plan_id).order_by(Goal.created_at, Goal.id))
    )


def list_goals(
    *,
    db: Session,
    plan_id: uuid.UUID,
    dimension: str | None,
    awaiting_agreement: bool | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Goal], str | None]:
    stmt = select(Goal).where(Goal.plan_id == plan_id)
    if dimension is not None:
        stmt = stmt.where(Goal.dimension == dimension)
    if awaiting_agreement is not None:
        agreed = Goal.agreed_by_participant_at
        stmt = stmt.where(agreed.is_(None) if awaiting_agreement else agreed.is_not(None))
    return paginate(
        db,
        stmt,
        keys=[(Goal.created_at, False), (Goal.id, False)],
        limit=limit,
        cursor=cursor,
    )


def add_goal(*, db: Session, principal: Principal, plan: RecoveryPlan, data: GoalCreate) -> Goal:
    ensure_active(plan)
    goal = Goal(
        plan_id=plan.id,
        participant_id=plan.participant_id,
        **data.model_dump(),
        agreed_by_participant_at=_agreement_for(principal),
        created_by_user_id=principal.user_id,
        updated_by_user_id=principal.user_id,
    )
    db.add(goal)
    db.flush()
    return goal


def update_goal(*, db: Session, principal: Principal, goal: Goal, data: GoalUpdate) -> Goal:
    ensure_active(plan_of(db=db, goal=goal))
    changes = {
        name: value
        for name, value in data.model_dump(exclude_unset=True).items()
        if getattr(goal, name) != value
    }
    if not changes:
        # Nothing changed, so there is nothing new to agree to.
        return goal
    for name, value in changes.items():
        setattr(goal, name, value)
    goal.agreed_by_participant_at = _agreement_for(principal)
    goal.updated_by_user_id = principal.user_id
    db.flush()
    return goal


def agree_to_goal(*, db: Session, goal: Goal) -> Goal:
    """The participant agrees to the goal as it now reads. Agreeing again changes nothing."""
    ensure_active(plan_of(db=db, goal=goal))
    if goal.agreed_by_participant_at is None:
        goal.agreed_by_participant_at = utcnow()
        db.flush()
    return goal


def _agreement_for(principal: Principal) -> datetime | None:
    """When a goal's new wording counts as agreed: at once if the participant wrote it,
    not yet if staff did."""
    return utcnow() if principal.role == "participant" else None


# Steps


def steps_by_goal(*, db: Session, goal_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[GoalStep]]:
    """The steps of several goals in one query, each goal's in the order they were added."""
    by_goal: dict[uuid.UUID, list[GoalStep]] = defaultdict(list)
    if not goal_ids:
        return by_goal
    rows = db.scalars(
        select(GoalStep)
        .where(GoalStep.goal_id.in_(goal_ids))
        .order_by(GoalStep.created_at, GoalStep.id)
    )
    for step in rows:
        by_goal[step.goal_id].append(step)
    return by_goal


def list_steps(
    *, db: Session, goal_id: uuid.UUID, limit: int, cursor: str | None
) -> tuple[list[GoalStep], str | None]:
    return paginate(
        db,
        select(GoalStep).where(GoalStep.goal_id == goal_id),
        keys=[(GoalStep.created_at, False), (GoalStep.id, False)],
        limit=limit,
        cursor=cursor,
    )


def goal_of(*, db: Session, step: GoalStep) -> Goal:
    goal = db.get(Goal, step.goal_id)
    assert goal is not None  # a foreign key guarantees it
    return goal


def add_step(*, db: Session, goal: Goal, data: StepCreate) -> GoalStep:
    ensure_active(plan_of(db=db, goal=goal))
    step = GoalStep(goal_id=goal.id, participant_id=goal.participant_id, **data.model_dump())
    db.add(step)
    db.flush()
    return step


def update_step(*, db: Session, step: GoalStep, data: StepUpdate) -> GoalStep:
    ensure_active(plan_of(db=db, goal=goal_of(db=db, step=step)))
    changes = data.model_dump(exclude_unset=True)
    done = changes.pop("done", None)
    for name, value in changes.items():
        setattr(step, name, value)
    if done is not None and done != step.done:
        step.done = done
        step.done_at = utcnow() if done else None
    db.flush()
    return step


def delete_step(*, db: Session, step: GoalStep) -> None:
    ensure_active(plan_of(db=db, goal=goal_of(db=db, step=step)))
    db.delete(step)
    db.flush()


def steps_of(*, db: Session, goal: Goal) -> list[GoalStep]:
    return steps_by_goal(db=db, goal_ids=[goal.id]).get(goal.id, [])


# Progress


@dataclass(frozen=True)
class PlanContents:
    """A plan's goals, their steps by goal id, and its progress per dimension."""

    goals: list[Goal]
    steps: dict[uuid.UUID, list[GoalStep]]
    progress: dict[str, DimensionProgress]


def plan_contents(*, db: Session, plan: RecoveryPlan) -> PlanContents:
    """Everything the plan view shows, in two queries however many goals it has."""
    goals = goals_of(db=db, plan_id=plan.id)
    steps = steps_by_goal(db=db, goal_ids=[goal.id for goal in goals])
    return PlanContents(
        goals=goals, steps=steps, progress=progress_by_dimension(facts_of(goals, steps))
    )


def facts_of(goals: Sequence[Goal], steps: dict[uuid.UUID, list[GoalStep]]) -> list[GoalFacts]:
    return [
        GoalFacts(
            dimension=goal.dimension,
            status=goal.status,
            agreed=goal.agreed_by_participant_at is not None,
            steps_total=len(steps.get(goal.id, [])),
            steps_done=sum(step.done for step in steps.get(goal.id, [])),
        )
        for goal in goals
    ]


# Each goal of the active plans of the participants asked about, with its steps counted.
# Built once: it differs from call to call only in the participants.
_GOAL_FACTS = (
    select(
        Goal.participant_id,
        Goal.dimension,
        Goal.status,
        Goal.agreed_by_participant_at,
        func.count(GoalStep.id),
        func.coalesce(func.sum(case((GoalStep.done.is_(True), 1), else_=0)), 0),
    )
    .join(RecoveryPlan, RecoveryPlan.id == Goal.plan_id)
    .outerjoin(GoalStep, GoalStep.goal_id == Goal.id)
    .where(
        RecoveryPlan.participant_id.in_(bindparam("participant_ids", expanding=True)),
        RecoveryPlan.status == "active",
    )
    .group_by(
        Goal.id,
        Goal.participant_id,
        Goal.dimension,
        Goal.status,
        Goal.agreed_by_participant_at,
    )
)


def progress_for_participants(
    *, db: Session, participant_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, dict[str, DimensionProgress]]:
    """Each participant's progress on its active plan, in one query however many
    participants are asked for (the caseload view asks for a whole caseload at once).
    A participant without an active plan, or whose plan has no goals, has all-zero
    progress. The caller decides who may be asked about."""
    if not participant_ids:
        return {}
    rows = db.execute(_GOAL_FACTS, {"participant_ids": list(set(participant_ids))})
    facts: dict[uuid.UUID, list[GoalFacts]] = defaultdict(list)
    for participant_id, dimension, status, agreed_at, total, done in rows:
        facts[participant_id].append(
            GoalFacts(
                dimension=dimension,
                status=status,
                agreed=agreed_at is not None,
                steps_total=int(total),
                steps_done=int(done),
            )
        )
    return {
        participant_id: progress_by_dimension(facts[participant_id])
        if participant_id in facts
        else empty_progress()
        for participant_id in participant_ids
    }
