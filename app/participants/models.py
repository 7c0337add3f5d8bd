"""Participants: people in recovery enrolled with an organisation."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.base import Base, IdMixin, TimestampMixin


class Participant(IdMixin, TimestampMixin, Base):
    __tablename__ = "participants"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'withdrawn', 'discharged')", name="status"),
        CheckConstraint(
            "risk_level IS NULL OR risk_level IN ('low', 'elevated', 'high', 'crisis')",
            name="risk_level",
        ),
        Index("ix_participants_organisation_id_search_name", "organisation_id", "search_name"),
    )

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    preferred_name: Mapped[str] = mapped_column(String(200))
    legal_name: Mapped[str | None] = mapped_column(String(200))
    # preferred and legal name, case-folded and stripped of accents, for search.
    search_name: Mapped[str] = mapped_column(String(420))
    pronouns: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(40))
    primary_language: Mapped[str] = mapped_column(String(35))
    gender_identity: Mapped[str | None] = mapped_column(String(60))
    birth_year: Mapped[int | None]
    substances: Mapped[list[str]] = mapped_column(JSON, default=list)
    recovery_pathways: Mapped[list[str]] = mapped_column(JSON, default=list)
    recovery_start_date: Mapped[date | None]
    strengths: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default="active")
    risk_level: Mapped[str | None] = mapped_column(String(20))
    enrolled_at: Mapped[datetime]
    # The staff member who took the participant in; sees it until it is matched.
    # users and participants refer to each other; this key is added after both exist.
    intake_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL", use_alter=True), index=True
    )
    withdrawn_at: Mapped[datetime | None]
    withdrawal_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
