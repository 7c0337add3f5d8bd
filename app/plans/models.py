"""Recovery plans: the participant's goals across the four dimensions, with steps."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.base import Base, IdMixin, TimestampMixin, utcnow

DIMENSIONS = ("health", "home", "purpose", "community")
# FHIR R4 Goal.achievementStatus (http://terminology.hl7.org/CodeSystem/goal-achievement).
GOAL_STATUSES = (
    "in-progress",
    "improving",
    "worsening",
    "no-change",
    "achieved",
    "sustaining",
    "not-achieved",
    "no-progress",
    "not-attainable",
)


class RecoveryPlan(IdMixin, TimestampMixin, Base):
    __tablename__ = "recovery_plans"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'archived')", name="status"),
        Index(
            "uq_recovery_plans_one_active_per_participant",
            "participant_id",
            unique=True,
            sqlite_where=text("status = 'active'"),
            postgresql_where=text("status = 'active'"),
        ),
    )

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str] = mapped_column(String(20), default="active")
    title: Mapped[str | None] = mapped_column(String(200))
    strengths: Mapped[list[str]] = mapped_column(JSON, default=list)
    barriers: Mapped[list[str]] = mapped_column(JSON, default=list)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    archived_at: Mapped[datetime | None]
    created_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class Goal(IdMixin, TimestampMixin, Base):
    __tablename__ = "goals"
    __table_args__ = (
        CheckConstraint(
            "dimension IN ('health', 'home', 'purpose', 'community')", name="dimension"
        ),
        CheckConstraint(
            "status IN ('in-progress', 'improving', 'worsening', 'no-change', 'achieved', "
            "'sustaining', 'not-achieved', 'no-progress', 'not-attainable')",
            name="status",
        ),
    )

    plan_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("recovery_plans.id", ondelete="RESTRICT"), index=True
    )
    # Denormalised from the plan so access checks need no join.
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="RESTRICT"), index=True
    )
    dimension: Mapped[str] = mapped_column(String(20))
    statement: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="in-progress")
    target_date: Mapped[date | None]
    # Null while a goal written or changed by staff waits for the participant's agreement.
    agreed_by_participant_at: Mapped[datetime | None]
    created_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    updated_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class GoalStep(IdMixin, TimestampMixin, Base):
    __tablename__ = "goal_steps"

    goal_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("goals.id", ondelete="RESTRICT"), index=True
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="RESTRICT"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    due_date: Mapped[date | None]
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
