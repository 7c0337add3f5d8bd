"""Specialist profiles: the peer behind a specialist account, and the lived experience
that matching looks for."""

from __future__ import annotations

import uuid

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.base import Base, IdMixin, TimestampMixin

DEFAULT_MAX_CASELOAD = 15


class Specialist(IdMixin, TimestampMixin, Base):
    __tablename__ = "specialists"
    __table_args__ = (
        CheckConstraint("active_caseload >= 0", name="active_caseload_not_negative"),
        CheckConstraint("active_caseload <= max_caseload", name="within_capacity"),
        CheckConstraint("faith IS NULL OR faith IN ('faith_based', 'secular')", name="faith"),
        # The hard rules of matching are filtered with these before anything is scored.
        Index(
            "ix_specialists_organisation_id_accepting_new_moud_affirming",
            "organisation_id",
            "accepting_new",
            "moud_affirming",
        ),
    )

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="RESTRICT"), unique=True
    )
    max_caseload: Mapped[int] = mapped_column(default=DEFAULT_MAX_CASELOAD)
    # Active matches, kept in step by the match lifecycle with conditional updates, so
    # capacity is checked and taken in one statement.
    active_caseload: Mapped[int] = mapped_column(default=0)
    accepting_new: Mapped[bool] = mapped_column(Boolean, default=True)
    substances: Mapped[list[str]] = mapped_column(JSON, default=list)
    recovery_pathways: Mapped[list[str]] = mapped_column(JSON, default=list)
    moud_affirming: Mapped[bool] = mapped_column(Boolean, default=False)
    # Also in specialist_languages, one row each, for filtering.
    languages: Mapped[list[str]] = mapped_column(JSON, default=lambda: ["en"])
    gender: Mapped[str | None] = mapped_column(String(60))
    birth_decade: Mapped[int | None]
    faith: Mapped[str | None] = mapped_column(String(20))
    veteran: Mapped[bool] = mapped_column(Boolean, default=False)
    justice_involved: Mapped[bool] = mapped_column(Boolean, default=False)
    lgbtq_affirming: Mapped[bool] = mapped_column(Boolean, default=False)
    region: Mapped[str | None] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class SpecialistLanguage(Base):
    """One row per language a specialist speaks: the shared-language rule is a join on an
    index instead of a scan of JSON."""

    __tablename__ = "specialist_languages"
    __table_args__ = (Index("ix_specialist_languages_language", "language", "specialist_id"),)

    specialist_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("specialists.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(35), primary_key=True)
