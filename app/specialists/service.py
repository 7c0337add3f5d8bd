"""Specialist profiles."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.core.pagination import paginate
from app.matching.models import PeerMatch
from app.specialists.models import Specialist, SpecialistLanguage
from app.specialists.schemas import SpecialistRead
from app.users.models import User


def create_profile(*, db: Session, user: User) -> Specialist:
    profile = Specialist(organisation_id=user.organisation_id, user_id=user.id, languages=["en"])
    db.add(profile)
    db.flush()
    set_languages(db=db, profile=profile, languages=profile.languages)
    return profile


def set_languages(*, db: Session, profile: Specialist, languages: list[str]) -> None:
    """Keep the language rows (what matching filters on) in step with the profile."""
    profile.languages = list(dict.fromkeys(languages))
    db.execute(delete(SpecialistLanguage).where(SpecialistLanguage.specialist_id == profile.id))
    db.add_all(
        SpecialistLanguage(specialist_id=profile.id, language=language)
        for language in profile.languages
    )
    db.flush()


def profile_of(*, db: Session, user_id: uuid.UUID) -> Specialist | None:
    return db.scalar(select(Specialist).where(Specialist.user_id == user_id))


def list_page(
    *, db: Session, organisation_id: uuid.UUID, limit: int, cursor: str | None
) -> tuple[list[SpecialistRead], str | None]:
    """The organisation's specialists with their active caseloads (two queries)."""
    stmt = (
        select(Specialist)
        .join(User, User.id == Specialist.user_id)
        .where(Specialist.organisation_id == organisation_id, User.is_active.is_(True))
    )
    profiles, next_cursor = paginate(
        db,
        stmt,
        keys=[(Specialist.created_at, False), (Specialist.id, False)],
        limit=limit,
        cursor=cursor,
    )
    ids = [p.id for p in profiles]
    names = (
        dict(
            db.execute(
                select(Specialist.id, User.display_name)
                .join(User, User.id == Specialist.user_id)
                .where(Specialist.id.in_(ids))
            ).all()
        )
        if ids
        else {}
    )
    counts = (
        dict(
            db.execute(
                select(PeerMatch.specialist_id, func.count())
                .where(PeerMatch.specialist_id.in_(ids), PeerMatch.status == "active")
                .group_by(PeerMatch.specialist_id)
            ).all()
        )
        if ids
        else {}
    )
    return [
        SpecialistRead(
            id=p.id,
            user_id=p.user_id,
            display_name=names.get(p.id, ""),
            max_caseload=p.max_caseload,
            accepting_new=p.accepting_new,
            active_caseload=counts.get(p.id, 0),
        )
        for p in profiles
    ], next_cursor
