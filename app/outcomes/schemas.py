"""Outcome survey bodies, the due list, and the summary's cells."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from app.core.schemas import InputModel, ReadModel

Timepoint = Literal["intake", "followup_6mo", "discharge"]
Housing = Literal["stable", "unstable", "homeless"]
Employment = Literal[
    "employed_full_time",
    "employed_part_time",
    "in_education",
    "unemployed",
    "not_in_labour_force",
]
DueStatus = Literal["upcoming", "due", "overdue"]

PastThirtyDays = Annotated[int, Field(ge=0, le=30, description="In the past 30 days (0 to 30).")]
Satisfaction = Annotated[
    int, Field(ge=1, le=5, description="1 very dissatisfied … 5 very satisfied")
]


class OutcomeMeasures(InputModel):
    """The past-30-day measures, asked the same way at every timepoint."""

    alcohol_days: PastThirtyDays
    drug_days: PastThirtyDays
    arrests: PastThirtyDays
    er_visits: PastThirtyDays
    inpatient_nights: PastThirtyDays
    housing: Housing
    employment: Employment
    in_treatment: bool
    satisfaction: Satisfaction | None = Field(
        default=None, description="With the programme; not asked at intake."
    )
    social_support: bool


class OutcomeSurveyCreate(OutcomeMeasures):
    timepoint: Timepoint
    administered_on: date | None = Field(
        default=None, description="The day the survey was taken; defaults to today (UTC)."
    )

    @model_validator(mode="after")
    def _no_satisfaction_at_intake(self) -> OutcomeSurveyCreate:
        if self.timepoint == "intake" and self.satisfaction is not None:
            raise ValueError("satisfaction is not asked at intake, before any service")
        return self


class OutcomeSurveyUpdate(InputModel):
    """A correction of some measures (PATCH, with If-Match)."""

    alcohol_days: PastThirtyDays | None = None
    drug_days: PastThirtyDays | None = None
    arrests: PastThirtyDays | None = None
    er_visits: PastThirtyDays | None = None
    inpatient_nights: PastThirtyDays | None = None
    housing: Housing | None = None
    employment: Employment | None = None
    in_treatment: bool | None = None
    satisfaction: Satisfaction | None = None
    social_support: bool | None = None
    administered_on: date | None = None


class OutcomeSurveyRead(ReadModel):
    id: uuid.UUID
    participant_id: uuid.UUID
    timepoint: Timepoint
    administered_on: date
    alcohol_days: int
    drug_days: int
    arrests: int
    er_visits: int
    inpatient_nights: int
    housing: Housing
    employment: Employment
    in_treatment: bool
    satisfaction: int | None
    social_support: bool
    recorded_by_role: str
    recorded_by_user_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime
    corrected_at: datetime | None = Field(description="When it was last corrected, if ever.")
    version: int


class DueItem(BaseModel):
    participant_id: uuid.UUID
    preferred_name: str
    timepoint: Timepoint
    due_on: date
    window_opens_on: date
    window_closes_on: date
    status: DueStatus


class Cell(BaseModel):
    """One figure and the number of people it covers; suppressed when fewer than 11."""

    n: int | None
    value: float | None
    suppressed: bool = False


class MeasureSummary(BaseModel):
    measure: str
    description: str
    intake: Cell
    followup_6mo: Cell
    discharge: Cell
    change_to_followup_6mo: Cell = Field(
        description="Follow-up minus intake, over the people who have both."
    )
    change_to_discharge: Cell = Field(
        description="Discharge minus intake, over the people who have both."
    )


class SummaryGroup(BaseModel):
    organisation_id: uuid.UUID
    intake_quarter: str | None = Field(
        default=None, description="e.g. 2026-Q3, when grouped by intake quarter."
    )
    measures: list[MeasureSummary]


class OutcomeSummary(BaseModel):
    minimum_cell_size: int
    groups: list[SummaryGroup]
