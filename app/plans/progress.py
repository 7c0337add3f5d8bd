"""Progress of a recovery plan across SAMHSA's four dimensions: a pure calculation over
plain facts about goals, with no database and no HTTP, so the plan view and the caseload
view count the same way."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.plans.models import DIMENSIONS, GOAL_STATUSES

# FHIR's goal-achievement codes nest "sustaining" under "achieved": the goal was met and
# is being kept up, which the participant should see counted as met.
ACHIEVED_STATUSES = frozenset({"achieved", "sustaining"})


@dataclass(frozen=True)
class GoalFacts:
    """What progress needs to know about one goal."""

    dimension: str
    status: str
    agreed: bool
    steps_total: int = 0
    steps_done: int = 0

    def __post_init__(self) -> None:
        if self.dimension not in DIMENSIONS:
            raise ValueError(f"unknown dimension {self.dimension!r}")
        if self.status not in GOAL_STATUSES:
            raise ValueError(f"unknown goal status {self.status!r}")
        if not 0 <= self.steps_done <= self.steps_total:
            raise ValueError("steps_done must be between 0 and steps_total")


@dataclass(frozen=True)
class DimensionProgress:
    goals: int = 0
    achieved: int = 0
    awaiting_agreement: int = 0
    steps_total: int = 0
    steps_done: int = 0
    percent: int = 0


def progress_by_dimension(goals: Iterable[GoalFacts]) -> dict[str, DimensionProgress]:
    """Progress per dimension; every one of the four dimensions is always present.

    ``percent`` (0-100, rounded down so that 100 means truly complete) is:

    - the share of done steps, when the dimension's goals have steps at all: steps are the
      concrete actions a participant takes, so they show movement before a goal is met;
    - otherwise the share of goals achieved (``achieved`` or ``sustaining``), when the
      dimension has goals but none of them has steps;
    - 0 for a dimension without goals.
    """
    counts = {dimension: [0, 0, 0, 0, 0] for dimension in DIMENSIONS}
    for goal in goals:
        tally = counts[goal.dimension]
        tally[0] += 1
        tally[1] += goal.status in ACHIEVED_STATUSES
        tally[2] += not goal.agreed
        tally[3] += goal.steps_total
        tally[4] += goal.steps_done
    return {dimension: _summarise(*tally) for dimension, tally in counts.items()}


def empty_progress() -> dict[str, DimensionProgress]:
    """Progress of a participant without goals (or without an active plan)."""
    return progress_by_dimension(())


def _summarise(
    goals: int, achieved: int, awaiting: int, steps_total: int, steps_done: int
) -> DimensionProgress:
    if steps_total:
        percent = steps_done * 100 // steps_total
    elif goals:
        percent = achieved * 100 // goals
    else:
        percent = 0
    return DimensionProgress(
        goals=goals,
        achieved=achieved,
        awaiting_agreement=awaiting,
        steps_total=steps_total,
        steps_done=steps_done,
        percent=percent,
    )
