"""Looking up and creating organisations."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.organisations.models import Organisation


def get_by_name(*, db: Session, name: str) -> Organisation | None:
    return db.scalar(select(Organisation).where(Organisation.name == name))


def get_or_create(*, db: Session, name: str) -> Organisation:
    organisation = get_by_name(db=db, name=name)
    if organisation is None:
        organisation = Organisation(name=name)
        db.add(organisation)
        db.flush()
    return organisation
