"""Crisis support records: a participant's crisis contacts, its safety plan (every version
kept), and each time it asked for help now."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Connection,
    ForeignKey,
    Index,
    String,
    event,
    insert,
    text,
)
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from app.core.base import Base, IdMixin, TimestampMixin, utcnow
from app.core.crypto import EncryptedJSON, EncryptedText
from app.participants.models import Participant

CONTACT_KINDS = ("specialist", "peer_mentor", "family", "friend", "clinician", "hotline")


class CrisisContact(IdMixin, TimestampMixin, Base):
    """A contact the participant keeps for a bad day. The active specialist is not stored
    here (it follows the match); the 988 Lifeline is stored only once it has been moved."""

    __tablename__ = "crisis_contacts"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('specialist', 'peer_mentor', 'family', 'friend', 'clinician', 'hotline')",
            name="kind",
        ),
        Index(
            "uq_crisis_contacts_one_lifeline_per_participant",
            "participant_id",
            unique=True,
            sqlite_where=text("is_lifeline"),
            postgresql_where=text("is_lifeline"),
        ),
        Index("ix_crisis_contacts_participant_id_position", "participant_id", "position"),
    )

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    # E.164 (+15035550101), or a short code such as 988.
    phone: Mapped[str] = mapped_column(String(32))
    position: Mapped[int]
    # The participant's own choice; a contact staff add waits for it.
    may_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    is_lifeline: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class SafetyPlanVersion(IdMixin, Base):
    """One version of a participant's Stanley-Brown safety plan; a change writes a new one."""

    __tablename__ = "safety_plan_versions"
    __table_args__ = (
        Index(
            "uq_safety_plan_versions_participant_id_version",
            "participant_id",
            "version",
            unique=True,
        ),
    )

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE")
    )
    version: Mapped[int]
    warning_signs: Mapped[list[str]] = mapped_column(EncryptedJSON, default=list)
    internal_coping: Mapped[list[str]] = mapped_column(EncryptedJSON, default=list)
    social_distractions: Mapped[list[str]] = mapped_column(EncryptedJSON, default=list)
    people_to_ask: Mapped[list[str]] = mapped_column(EncryptedJSON, default=list)
    professionals: Mapped[list[str]] = mapped_column(EncryptedJSON, default=list)
    environment_safety: Mapped[list[str]] = mapped_column(EncryptedJSON, default=list)
    written_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    written_by_role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CrisisEvent(IdMixin, Base):
    """ "I need help now", from the participant or from staff on its behalf."""

    __tablename__ = "crisis_events"

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="RESTRICT"), index=True
    )
    reported_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    reported_by_role: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(EncryptedText)
    # None when the alert could not be raised: the event is kept all the same.
    alert_id: Mapped[uuid.UUID | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


LIFELINE_NAME = "988 Suicide & Crisis Lifeline"
LIFELINE_PHONE = "988"


def lifeline_values(*, organisation_id: uuid.UUID, participant_id: uuid.UUID) -> dict[str, object]:
    """The 988 Lifeline's row for a participant, as every new participant gets it."""
    now = utcnow()
    return {
        "id": uuid.uuid4(),
        "organisation_id": organisation_id,
        "participant_id": participant_id,
        "kind": "hotline",
        "name": LIFELINE_NAME,
        "phone": LIFELINE_PHONE,
        "position": 0,
        "may_contact": True,
        "is_lifeline": True,
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }


@event.listens_for(Participant, "after_insert")
def _every_participant_has_the_lifeline(
    _mapper: Mapper[Participant], connection: Connection, participant: Participant
) -> None:
    """However a participant is created (intake, import, demo), 988 is in its contacts."""
    connection.execute(
        insert(CrisisContact).values(
            **lifeline_values(
                organisation_id=participant.organisation_id, participant_id=participant.id
            )
        )
    )
