"""Consents: enrolment, and disclosure under 42 CFR Part 2 §2.31."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.base import Base, IdMixin, utcnow


class Consent(IdMixin, Base):
    __tablename__ = "consents"
    __table_args__ = (CheckConstraint("kind IN ('enrolment', 'disclosure')", name="kind"),)

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    signed_at: Mapped[datetime]
    signature: Mapped[str] = mapped_column(String(200))
    # §2.31(a): who discloses, to whom, what, why, until when.
    discloser: Mapped[str | None] = mapped_column(String(200))
    recipient_name: Mapped[str | None] = mapped_column(String(200))
    recipient_client_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    information_categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    purpose: Mapped[str | None] = mapped_column(Text)
    expires_at: Mapped[datetime | None]
    expiry_event: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    revoked_at: Mapped[datetime | None]
    revoked_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    revocation_reason: Mapped[str | None] = mapped_column(Text)

    @property
    def status(self) -> str:
        """active, expired (its date has passed) or revoked (final)."""
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= utcnow():
            return "expired"
        return "active"
