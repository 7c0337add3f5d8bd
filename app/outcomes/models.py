"""Outcome surveys: the past-30-day measures programmes report to show that peer support
works, taken at intake, six months on, and at discharge."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.base import Base, IdMixin, TimestampMixin

TIMEPOINTS = ("intake", "followup_6mo", "discharge")
HOUSING = ("stable", "unstable", "homeless")
EMPLOYMENT = (
    "employed_full_time",
    "employed_part_time",
    "in_education",
    "unemployed",
    "not_in_labour_force",
)
# Past-30-day counts: days of use, and events (an arrest, an ER visit, a night in hospital)
# that cannot outnumber the days in the window.
DAY_COUNTS = ("alcohol_days", "drug_days", "arrests", "er_visits", "inpatient_nights")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class OutcomeSurvey(IdMixin, TimestampMixin, Base):
    __tablename__ = "outcome_surveys"
    __table_args__ = (
        # One survey per timepoint per enrolment (a participant is enrolled once).
        UniqueConstraint("participant_id", "timepoint"),
        CheckConstraint(_one_of("timepoint", TIMEPOINTS), name="timepoint"),
        CheckConstraint(_one_of("housing", HOUSING), name="housing"),
        CheckConstraint(_one_of("employment", EMPLOYMENT), name="employment"),
        *(CheckConstraint(f"{c} BETWEEN 0 AND 30", name=c) for c in DAY_COUNTS),
        CheckConstraint("satisfaction BETWEEN 1 AND 5", name="satisfaction"),
        # The export's incremental sync walks (updated_at, id).
        Index("ix_outcome_surveys_updated_at_id", "updated_at", "id"),
        Index("ix_outcome_surveys_organisation_id_timepoint", "organisation_id", "timepoint"),
    )

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="RESTRICT")
    )
    timepoint: Mapped[str] = mapped_column(String(20))
    administered_on: Mapped[date]
    alcohol_days: Mapped[int]
    drug_days: Mapped[int]
    arrests: Mapped[int]
    er_visits: Mapped[int]
    inpatient_nights: Mapped[int]
    housing: Mapped[str] = mapped_column(String(20))
    employment: Mapped[str] = mapped_column(String(30))
    in_treatment: Mapped[bool] = mapped_column(Boolean)
    # Satisfaction with the programme: not asked at intake, before any service.
    satisfaction: Mapped[int | None]
    social_support: Mapped[bool] = mapped_column(Boolean)
    recorded_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    recorded_by_role: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(default=1)
    # Set when a survey is corrected, so incremental exports send it again.
    corrected_at: Mapped[datetime | None]
