"""Integrator clients: funders, state systems, EHRs and researchers that pull consented,
de-identified outcome data with OAuth2 client credentials."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.base import Base, IdMixin, utcnow


class IntegratorClient(IdMixin, Base):
    """The client id is the row's id: disclosure consents name it (``recipient_client_id``)."""

    __tablename__ = "integrator_clients"

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    scopes: Mapped[list[str]] = mapped_column(JSON, default=list)
    # SHA-256 of the secret: the secret is 256 random bits, so a fast digest is enough
    # (no dictionary to guess from), and it is shown once, at creation.
    secret_digest: Mapped[str] = mapped_column(String(64))
    # The key of the keyed hash that makes each participant's pseudonym for this client:
    # stable for the client, unlinkable between clients.
    pseudonym_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    revoked_at: Mapped[datetime | None]
    last_used_at: Mapped[datetime | None]
