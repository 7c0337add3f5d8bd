"""Specialist profiles: the peer behind a specialist account, and the lived experience
that matching looks for."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Final, get_args

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, validates

from app.core.base import Base, IdMixin, TimestampMixin
from app.matching.scoring import region_key
from app.participants.schemas import RecoveryPathway, Substance

DEFAULT_MAX_CASELOAD = 15

# Lived experience as bit masks, so the database can score shared experience with integer
# arithmetic instead of reading JSON. Bit i stands for the vocabulary's i-th value: only
# ever append to these vocabularies, since reordering changes what stored masks mean.
PATHWAY_BITS: Final[Mapping[str, int]] = {
    pathway: 1 << i for i, pathway in enumerate(get_args(RecoveryPathway))
}
SUBSTANCE_BITS: Final[Mapping[str, int]] = {
    substance: 1 << i for i, substance in enumerate(get_args(Substance))
}


def mask_of(values: Iterable[str], bits: Mapping[str, int]) -> int:
    """The values as a bit mask; a value outside the vocabulary sets no bit."""
    mask = 0
    for value in values:
        mask |= bits.get(value, 0)
    return mask


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
    # A work phone (E.164), shown first in the crisis contacts of its matched participants.
    phone: Mapped[str | None] = mapped_column(String(32))
    # Derived from the fields above whenever they are set (see the validators below); the
    # database scores suggestions with these.
    pathway_mask: Mapped[int] = mapped_column(default=0)
    substance_mask: Mapped[int] = mapped_column(default=0)
    region_key: Mapped[str | None] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    @validates("recovery_pathways")
    def _derive_pathway_mask(self, _key: str, pathways: list[str]) -> list[str]:
        self.pathway_mask = mask_of(pathways, PATHWAY_BITS)
        return pathways

    @validates("substances")
    def _derive_substance_mask(self, _key: str, substances: list[str]) -> list[str]:
        self.substance_mask = mask_of(substances, SUBSTANCE_BITS)
        return substances

    @validates("region")
    def _derive_region_key(self, _key: str, region: str | None) -> str | None:
        self.region_key = region_key(region)
        return region


class SpecialistLanguage(Base):
    """One row per language a specialist speaks: the shared-language rule is a join on an
    index instead of a scan of JSON."""

    __tablename__ = "specialist_languages"
    __table_args__ = (Index("ix_specialist_languages_language", "language", "specialist_id"),)

    specialist_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("specialists.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(35), primary_key=True)
