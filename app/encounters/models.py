"""Encounters: the specialist's log of contacts with a participant."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.base import Base, IdMixin, TimestampMixin
from app.core.crypto import EncryptedText


class Encounter(IdMixin, TimestampMixin, Base):
    __tablename__ = "encounters"
    __table_args__ = (
        CheckConstraint("minutes BETWEEN 1 AND 1440", name="minutes"),
        CheckConstraint("billable_units BETWEEN 0 AND 16", name="billable_units"),
        Index("ix_encounters_participant_id_started_at", "participant_id", "started_at"),
    )

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="RESTRICT")
    )
    author_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    mode: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[datetime]
    minutes: Mapped[int]
    dimensions: Mapped[list[str]] = mapped_column(JSON, default=list)
    referrals: Mapped[list[str]] = mapped_column(JSON, default=list)
    note: Mapped[str | None] = mapped_column(EncryptedText)
    billable_units: Mapped[int] = mapped_column(default=0)
