"""Specialist profiles: the peer behind a specialist account."""

from __future__ import annotations

import uuid

from sqlalchemy import Boolean, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from app.core.base import Base, IdMixin, TimestampMixin

DEFAULT_MAX_CASELOAD = 15


class Specialist(IdMixin, TimestampMixin, Base):
    __tablename__ = "specialists"

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="RESTRICT"), unique=True
    )
    max_caseload: Mapped[int] = mapped_column(default=DEFAULT_MAX_CASELOAD)
    accepting_new: Mapped[bool] = mapped_column(Boolean, default=True)
