"""Specialist profiles."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.core.errors import Conflict, NotFound
from app.core.pagination import paginate
from app.matching.models import PeerMatch
from app.specialists.models import Specialist, SpecialistLanguage
from app.specialists.schemas import SpecialistRead, SpecialistUpdate
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


def get_in_organisation(
    *, db: Session, organisation_id: uuid.UUID, specialist_id: uuid.UUID
) -> Specialist:
    """A profile of the organisation; 404 for any other (or none)."""
    profile = db.get(Specialist, specialist_id)
    if profile is None or profile.organisation_id != organisation_id:
        raise NotFound("Specialist not found.")
    return profile


def _active_match_counts(db: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not ids:
        return {}
    rows = db.execute(
        select(PeerMatch.specialist_id, func.count())
        .where(PeerMatch.specialist_id.in_(ids), PeerMatch.status == "active")
        .group_by(PeerMatch.specialist_id)
    ).all()
    return {specialist_id: int(count) for specialist_id, count in rows}


def reads(*, db: Session, profiles: Sequence[Specialist]) -> list[SpecialistRead]:
    """Profiles as read back, with names and active caseloads (two queries for all)."""
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
    counts = _active_match_counts(db, ids)
    return [
        SpecialistRead(
            id=p.id,
            user_id=p.user_id,
            display_name=names.get(p.id, ""),
            max_caseload=p.max_caseload,
            accepting_new=p.accepting_new,
            active_caseload=counts.get(p.id, 0),
            substances=p.substances,
            recovery_pathways=p.recovery_pathways,
            moud_affirming=p.moud_affirming,
            languages=p.languages,
            gender=p.gender,
            birth_decade=p.birth_decade,
            faith=p.faith,
            veteran=p.veteran,
            justice_involved=p.justice_involved,
            lgbtq_affirming=p.lgbtq_affirming,
            region=p.region,
            phone=p.phone,
        )
        for p in profiles
    ]


def list_page(
    *, db: Session, organisation_id: uuid.UUID, limit: int, cursor: str | None
) -> tuple[list[SpecialistRead], str | None]:
    """The organisation's specialists with their active caseloads (three queries)."""
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
    return reads(db=db, profiles=profiles), next_cursor


def update(*, db: Session, profile: Specialist, data: SpecialistUpdate) -> Specialist:
    """Apply the fields sent. Capacity cannot be set below the caseload already carried
    (409); the database's own check refuses it too, should a match be accepted meanwhile."""
    changes = data.model_dump(exclude_unset=True)
    if "max_caseload" in changes:
        carried = max(
            profile.active_caseload, _active_match_counts(db, [profile.id]).get(profile.id, 0)
        )
        if changes["max_caseload"] < carried:
            raise Conflict(
                f"max_caseload cannot be below the {carried} active matches this specialist has."
            )
    languages = changes.pop("languages", None)
    for name, value in changes.items():
        setattr(profile, name, value)
    if languages is not None:
        set_languages(db=db, profile=profile, languages=languages)
    db.flush()
    return profile
