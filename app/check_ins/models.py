"""Check-ins: how the participant is doing, in a few taps, with a derived risk level."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, Float, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from app.check_ins.risk import CheckInAnswers, RiskAssessment, assess_risk
from app.core.base import Base, IdMixin, utcnow
from app.core.crypto import EncryptedText


class CheckIn(IdMixin, Base):
    __tablename__ = "check_ins"
    __table_args__ = (
        CheckConstraint("mood BETWEEN 1 AND 5", name="mood"),
        CheckConstraint("craving BETWEEN 0 AND 10", name="craving"),
        CheckConstraint("risk_level IN ('low', 'elevated', 'high', 'crisis')", name="risk_level"),
        Index("ix_check_ins_participant_id_recorded_at", "participant_id", "recorded_at"),
        # When each participant last reported use: one entry read per participant listed.
        # The predicate is written as the query writes it (IS TRUE, not = true), or
        # PostgreSQL cannot use the index.
        Index(
            "ix_check_ins_participant_id_reported_use",
            "participant_id",
            "recorded_at",
            postgresql_where=text("used_since_last IS TRUE"),
            sqlite_where=text("used_since_last IS TRUE"),
        ),
        # High and crisis check-ins are what the alerting side looks for.
        Index("ix_check_ins_organisation_id_risk_level", "organisation_id", "risk_level"),
    )

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="RESTRICT")
    )
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    mood: Mapped[int]
    craving: Mapped[int]
    used_since_last: Mapped[bool] = mapped_column(Boolean)
    sleep_hours: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str | None] = mapped_column(EncryptedText)
    wants_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    risk_level: Mapped[str] = mapped_column(String(20))
    entered_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    entered_by_role: Mapped[str] = mapped_column(String(20))

    def assess(self) -> RiskAssessment:
        return assess_risk(
            CheckInAnswers(
                mood=self.mood,
                craving=self.craving,
                used_since_last=self.used_since_last,
                wants_contact=self.wants_contact,
                sleep_hours=self.sleep_hours,
            )
        )

    @property
    def risk_reasons(self) -> list[str]:
        """Why the check-in has its risk level, in words a specialist can act on."""
        return list(self.assess().reasons)
