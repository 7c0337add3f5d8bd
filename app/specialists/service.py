"""Specialist profiles."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.specialists.models import Specialist
from app.users.models import User


def create_profile(*, db: Session, user: User) -> Specialist:
    profile = Specialist(organisation_id=user.organisation_id, user_id=user.id)
    db.add(profile)
    db.flush()
    return profile


def profile_of(*, db: Session, user_id: uuid.UUID) -> Specialist | None:
    return db.scalar(select(Specialist).where(Specialist.user_id == user_id))
