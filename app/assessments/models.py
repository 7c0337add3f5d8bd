"""Standardised assessments: BARC-10 recovery capital and the C-SSRS screener."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.base import Base, IdMixin, utcnow


class Assessment(IdMixin, Base):
    __tablename__ = "assessments"
    __table_args__ = (
        CheckConstraint("instrument IN ('barc10', 'cssrs_screen')", name="instrument"),
        CheckConstraint("risk IS NULL OR risk IN ('low', 'moderate', 'high')", name="risk"),
        Index(
            "ix_assessments_participant_id_instrument_administered_at",
            "participant_id",
            "instrument",
            "administered_at",
        ),
    )

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="RESTRICT")
    )
    instrument: Mapped[str] = mapped_column(String(20))
    # The answers as given: a list of 10 integers (BARC-10) or the screener's booleans.
    responses: Mapped[Any] = mapped_column(JSON)
    total: Mapped[int | None]
    meets_threshold: Mapped[bool | None] = mapped_column(Boolean)
    risk: Mapped[str | None] = mapped_column(String(20))
    administered_at: Mapped[datetime] = mapped_column(default=utcnow)
    administered_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
