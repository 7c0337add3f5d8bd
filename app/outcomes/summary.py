"""The outcome summary: each measure at intake, at the six-month follow-up and at discharge,
and the change from intake over the people who have both, grouped by organisation and
optionally by the quarter of the intake survey.

The sums and counts come from the database (one grouped query per kind of figure); only the
division, the rounding and the suppression happen here. Any figure covering fewer than
``MINIMUM_CELL_SIZE`` people is suppressed, so that no one can be singled out of a small
group (the rule of eleven common in health reporting).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Executable, Select, and_, case, extract, func, select
from sqlalchemy.orm import Session, aliased

from app.outcomes.models import OutcomeSurvey
from app.outcomes.schemas import Cell, MeasureSummary, OutcomeSummary, SummaryGroup

MINIMUM_CELL_SIZE = 11
LATER_TIMEPOINTS = ("followup_6mo", "discharge")


@dataclass(frozen=True)
class Measure:
    name: str
    description: str
    # The person's value from one survey row: 1/0 for a share, a number for a mean.
    value: Callable[[Any], ColumnElement[Any]]
    percent: bool


MEASURES = (
    Measure(
        "no_use",
        "% with no alcohol or drug use in the past 30 days",
        lambda s: case((and_(s.alcohol_days == 0, s.drug_days == 0), 1), else_=0),
        percent=True,
    ),
    Measure(
        "stably_housed",
        "% stably housed",
        lambda s: case((s.housing == "stable", 1), else_=0),
        percent=True,
    ),
    Measure("arrests", "mean arrests in the past 30 days", lambda s: s.arrests, percent=False),
    Measure("er_visits", "mean ER visits in the past 30 days", lambda s: s.er_visits, False),
    Measure(
        "inpatient_nights",
        "mean inpatient nights in the past 30 days",
        lambda s: s.inpatient_nights,
        False,
    ),
    Measure(
        "employed",
        "% employed (full or part time)",
        lambda s: case(
            (s.employment.in_(("employed_full_time", "employed_part_time")), 1), else_=0
        ),
        percent=True,
    ),
    Measure(
        "in_treatment", "% in treatment", lambda s: case((s.in_treatment, 1), else_=0), percent=True
    ),
    Measure("satisfaction", "mean satisfaction (1 to 5)", lambda s: s.satisfaction, percent=False),
    Measure(
        "social_support",
        "% with social support",
        lambda s: case((s.social_support, 1), else_=0),
        percent=True,
    ),
)


@dataclass
class Tally:
    """Sums and counts for one group: per (timepoint, measure) and per (change, measure)."""

    sums: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    counts: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))


def quarter_of(year: int, month: int) -> str:
    return f"{year}-Q{(month - 1) // 3 + 1}"


def _cell(total: float, n: int, *, percent: bool) -> Cell:
    if n < MINIMUM_CELL_SIZE:
        return Cell(n=None, value=None, suppressed=True)
    value = total / n * (100 if percent else 1)
    return Cell(n=n, value=round(value, 1 if percent else 2))


def summarise(
    *,
    db: Session,
    organisation_id: uuid.UUID,
    participants: Select[uuid.UUID] | None,
    by_intake_quarter: bool,
) -> OutcomeSummary:
    """``participants``: the ids to count (an integrator's consented ones), or None for the
    whole organisation."""
    survey = aliased(OutcomeSurvey, name="survey")
    intake = aliased(OutcomeSurvey, name="intake")
    scope = [survey.organisation_id == organisation_id]
    if participants is not None:
        scope.append(survey.participant_id.in_(participants))
    quarter_keys = (
        [extract("year", intake.administered_on), extract("month", intake.administered_on)]
        if by_intake_quarter
        else []
    )
    tallies: dict[str | None, Tally] = defaultdict(Tally)
    width = len(quarter_keys)
    to_intake = and_(intake.participant_id == survey.participant_id, intake.timepoint == "intake")

    def add(stmt: Executable, column_prefix: str) -> None:
        """Add one grouped query's sums and counts (a pair per measure, after the quarter
        keys and the timepoint) to the tallies, under ``column_prefix + timepoint``."""
        for row in db.execute(stmt):
            quarter = quarter_of(int(row[0]), int(row[1])) if by_intake_quarter else None
            tally, column = tallies[quarter], column_prefix + str(row[width])
            figures = row[width + 1 :]
            for i, m in enumerate(MEASURES):
                tally.sums[(column, m.name)] += float(figures[2 * i] or 0)
                tally.counts[(column, m.name)] += int(figures[2 * i + 1] or 0)

    # Each timepoint on its own: everyone surveyed at it.
    per_timepoint: list[ColumnElement[Any]] = []
    for m in MEASURES:
        value = m.value(survey)
        per_timepoint += [func.sum(value), func.count(value)]
    stmt = select(*quarter_keys, survey.timepoint, *per_timepoint).where(*scope)
    if by_intake_quarter:
        stmt = stmt.join(intake, to_intake)
    add(stmt.group_by(*quarter_keys, survey.timepoint), "")

    # The change from intake: the same people at both timepoints.
    paired: list[ColumnElement[Any]] = []
    for m in MEASURES:
        change = m.value(survey) - m.value(intake)
        paired += [func.sum(change), func.count(change)]
    add(
        select(*quarter_keys, survey.timepoint, *paired)
        .join(intake, to_intake)
        .where(*scope, survey.timepoint.in_(LATER_TIMEPOINTS))
        .group_by(*quarter_keys, survey.timepoint),
        "change_to_",
    )

    groups = [
        SummaryGroup(
            organisation_id=organisation_id,
            intake_quarter=quarter,
            measures=[_measure(tally, m) for m in MEASURES],
        )
        for quarter, tally in sorted(tallies.items(), key=lambda item: item[0] or "")
    ]
    if not groups and not by_intake_quarter:
        groups = [
            SummaryGroup(
                organisation_id=organisation_id,
                measures=[_measure(Tally(), m) for m in MEASURES],
            )
        ]
    return OutcomeSummary(minimum_cell_size=MINIMUM_CELL_SIZE, groups=groups)


def _measure(tally: Tally, m: Measure) -> MeasureSummary:
    def cell(column: str) -> Cell:
        return _cell(
            tally.sums[(column, m.name)], tally.counts[(column, m.name)], percent=m.percent
        )

    return MeasureSummary(
        measure=m.name,
        description=m.description,
        intake=cell("intake"),
        followup_6mo=cell("followup_6mo"),
        discharge=cell("discharge"),
        change_to_followup_6mo=cell("change_to_followup_6mo"),
        change_to_discharge=cell("change_to_discharge"),
    )
