"""Recovery plan bodies: plans with strengths and barriers, goals in the participant's own
words with their agreement state, steps, and progress per dimension."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, Field, computed_field

from app.core.schemas import InputModel, ReadModel

if TYPE_CHECKING:
    from app.plans.models import Goal, GoalStep, RecoveryPlan
    from app.plans.progress import DimensionProgress

Dimension = Literal["health", "home", "purpose", "community"]
# FHIR R4 Goal.achievementStatus.
GoalStatus = Literal[
    "in-progress",
    "improving",
    "worsening",
    "no-change",
    "achieved",
    "sustaining",
    "not-achieved",
    "no-progress",
    "not-attainable",
]
PlanStatus = Literal["active", "archived"]


def _distinct(items: list[str]) -> list[str]:
    # A repeated strength says nothing new; keep the first, in the participant's order.
    return list(dict.fromkeys(items))


Title = Annotated[str, Field(min_length=1, max_length=200)]
PlanItem = Annotated[str, Field(min_length=1, max_length=200)]
PlanItems = Annotated[list[PlanItem], Field(max_length=30), AfterValidator(_distinct)]
Statement = Annotated[
    str, Field(min_length=1, max_length=1000, description="The goal in the participant's words.")
]
StepDescription = Annotated[str, Field(min_length=1, max_length=1000)]


class PlanCreate(InputModel):
    title: Title | None = None
    strengths: PlanItems = Field(default=[], description="What the participant brings.")
    barriers: PlanItems = Field(default=[], description="What stands in the way.")
    carry_over_open_goals: bool = Field(
        default=True,
        description=(
            "Copy the goals of the current plan that are still open (not achieved, "
            "not-achieved or not-attainable), with their steps and agreement."
        ),
    )


class PlanUpdate(InputModel):
    title: Title | None = None
    strengths: PlanItems | None = None
    barriers: PlanItems | None = None

    never_null = ("strengths", "barriers")


class GoalCreate(InputModel):
    dimension: Dimension
    statement: Statement
    status: GoalStatus = "in-progress"
    target_date: date | None = None


class GoalUpdate(InputModel):
    dimension: Dimension | None = None
    statement: Statement | None = None
    status: GoalStatus | None = None
    target_date: date | None = None

    never_null = ("dimension", "statement", "status")


class StepCreate(InputModel):
    description: StepDescription
    due_date: date | None = None


class StepUpdate(InputModel):
    description: StepDescription | None = None
    due_date: date | None = None
    done: bool | None = None

    never_null = ("description", "done")


class StepRead(ReadModel):
    id: uuid.UUID
    goal_id: uuid.UUID
    participant_id: uuid.UUID
    description: str
    due_date: date | None
    done: bool
    done_at: datetime | None
    created_at: datetime
    updated_at: datetime


class _GoalFields(ReadModel):
    id: uuid.UUID
    plan_id: uuid.UUID
    participant_id: uuid.UUID
    dimension: Dimension
    statement: str
    status: GoalStatus
    target_date: date | None
    agreed_by_participant_at: datetime | None
    created_by_user_id: uuid.UUID | None
    updated_by_user_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime


class GoalRead(_GoalFields):
    steps: list[StepRead]

    @computed_field(  # type: ignore[prop-decorator]
        description=(
            "True while the participant has not agreed to the goal as it now reads: "
            "staff wrote or last changed it."
        )
    )
    @property
    def awaiting_agreement(self) -> bool:
        return self.agreed_by_participant_at is None

    @classmethod
    def of(cls, goal: Goal, steps: Sequence[GoalStep]) -> GoalRead:
        fields = _GoalFields.model_validate(goal)
        return cls(**dict(fields), steps=[StepRead.model_validate(step) for step in steps])


class DimensionProgressRead(ReadModel):
    goals: int
    achieved: int = Field(description="Goals achieved or sustaining.")
    awaiting_agreement: int
    steps_total: int
    steps_done: int
    percent: int = Field(
        ge=0,
        le=100,
        description=(
            "Share of done steps; when the dimension's goals have no steps, share of "
            "achieved goals; 0 without goals. Rounded down."
        ),
    )


class PlanProgressRead(ReadModel):
    """One entry for each of SAMHSA's four dimensions of recovery, always all four."""

    health: DimensionProgressRead
    home: DimensionProgressRead
    purpose: DimensionProgressRead
    community: DimensionProgressRead

    @classmethod
    def of(cls, progress: Mapping[str, DimensionProgress]) -> PlanProgressRead:
        return cls.model_validate(
            {
                dimension: DimensionProgressRead.model_validate(entry)
                for dimension, entry in progress.items()
            }
        )


class PlanSummaryRead(ReadModel):
    id: uuid.UUID
    participant_id: uuid.UUID
    status: PlanStatus
    title: str | None
    strengths: list[str]
    barriers: list[str]
    started_at: datetime
    archived_at: datetime | None
    created_by_user_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime


class PlanRead(PlanSummaryRead):
    goals: list[GoalRead]
    progress: PlanProgressRead

    @classmethod
    def of(
        cls,
        plan: RecoveryPlan,
        goals: Sequence[GoalRead],
        progress: Mapping[str, DimensionProgress],
    ) -> PlanRead:
        summary = PlanSummaryRead.model_validate(plan)
        return cls(**dict(summary), goals=list(goals), progress=PlanProgressRead.of(progress))
