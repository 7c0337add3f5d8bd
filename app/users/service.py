"""Creating, changing and deactivating accounts."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.auth import service as auth
from app.core.base import utcnow
from app.core.errors import Conflict, Unprocessable
from app.core.pagination import paginate
from app.core.security import hash_password
from app.participants.models import Participant
from app.specialists import service as specialists
from app.users.models import User
from app.users.schemas import UserCreate, UserUpdate


def in_organisation(organisation_id: uuid.UUID) -> Select[User]:
    return select(User).where(User.organisation_id == organisation_id)


def create(*, db: Session, organisation_id: uuid.UUID, data: UserCreate) -> User:
    email = data.email.lower()
    if db.scalar(select(User.id).where(User.email == email)) is not None:
        raise Conflict("An account with this email address already exists.")
    if data.participant_id is not None:
        participant = db.get(Participant, data.participant_id)
        if participant is None or participant.organisation_id != organisation_id:
            raise Unprocessable("participant_id does not name a participant of this organisation.")
        if db.scalar(select(User.id).where(User.participant_id == data.participant_id)):
            raise Conflict("This participant already has an account.")
    user = User(
        organisation_id=organisation_id,
        email=email,
        password_hash=hash_password(data.password),
        role=data.role,
        display_name=data.display_name,
        participant_id=data.participant_id,
    )
    db.add(user)
    db.flush()
    if user.role == "specialist":
        specialists.create_profile(db=db, user=user)
    return user


def list_page(
    *,
    db: Session,
    organisation_id: uuid.UUID,
    role: str | None,
    active: bool | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[User], str | None]:
    stmt = in_organisation(organisation_id)
    if role is not None:
        stmt = stmt.where(User.role == role)
    if active is not None:
        stmt = stmt.where(User.is_active.is_(active))
    return paginate(
        db, stmt, keys=[(User.email, False), (User.id, False)], limit=limit, cursor=cursor
    )


def update(*, db: Session, user: User, data: UserUpdate) -> User:
    changes = data.model_dump(exclude_unset=True)
    if "display_name" in changes:
        user.display_name = changes["display_name"]
    if "password" in changes:
        set_password(db=db, user=user, password=changes["password"])
    db.flush()
    return user


def set_password(*, db: Session, user: User, password: str) -> None:
    """A new password ends every session of the account."""
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()
    auth.revoke_all_for_user(db=db, user_id=user.id)


def deactivate(*, db: Session, user: User, by: uuid.UUID) -> User:
    if user.id == by:
        raise Conflict("You cannot deactivate your own account.")
    if user.is_active:
        user.is_active = False
        user.deactivated_at = utcnow()
        auth.revoke_all_for_user(db=db, user_id=user.id)
        db.flush()
    return user
