"""The accounting of disclosures (42 CFR Part 2): each time a participant's information left
the programme, to whom, by whom, when and why."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.base import Base, IdMixin, utcnow


class Disclosure(IdMixin, Base):
    __tablename__ = "disclosures"
    __table_args__ = (
        CheckConstraint("kind IN ('emergency', 'consented')", name="kind"),
        Index("ix_disclosures_participant_id_disclosed_at", "participant_id", "disclosed_at"),
    )

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="RESTRICT")
    )
    # emergency: §2.51, without consent, to medical personnel in a bona fide emergency.
    # consented: under a §2.31 disclosure consent (consent_id).
    kind: Mapped[str] = mapped_column(String(20))
    recipient_name: Mapped[str] = mapped_column(String(200))
    recipient_facility: Mapped[str | None] = mapped_column(String(200))
    information_categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str | None] = mapped_column(Text)
    nature_of_emergency: Mapped[str | None] = mapped_column(Text)
    purpose: Mapped[str | None] = mapped_column(Text)
    consent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("consents.id", ondelete="RESTRICT")
    )
    # Consented disclosures to an integrator name it here too.
    recipient_client_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("integrator_clients.id", ondelete="RESTRICT")
    )
    disclosed_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    disclosed_at: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
