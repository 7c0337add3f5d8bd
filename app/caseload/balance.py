"""The supervisor's balance of the organisation's caseloads: each specialist's load and
who is waiting for a match. Two queries, whatever the organisation's size."""

from __future__ import annotations

import uuid

from sqlalchemy import and_, case, exists, func, select
from sqlalchemy.orm import Session

from app.caseload.schemas import CaseloadBalance, SpecialistBalance, WaitingParticipant
from app.core.base import utcnow
from app.matching.models import PeerMatch
from app.participants.models import Participant
from app.specialists.models import Specialist
from app.users.models import User


def balance(*, db: Session, organisation_id: uuid.UUID) -> CaseloadBalance:
    counts = (
        select(
            PeerMatch.specialist_id.label("specialist_id"),
            func.sum(case((PeerMatch.status == "active", 1), else_=0)).label("active"),
            func.sum(case((PeerMatch.status == "proposed", 1), else_=0)).label("proposed"),
        )
        .where(
            PeerMatch.organisation_id == organisation_id,
            PeerMatch.status.in_(("active", "proposed")),
        )
        .group_by(PeerMatch.specialist_id)
        .subquery()
    )
    specialist_rows = db.execute(
        select(
            Specialist.id,
            User.display_name,
            func.coalesce(counts.c.active, 0),
            func.coalesce(counts.c.proposed, 0),
            Specialist.max_caseload,
            Specialist.accepting_new,
        )
        .join(User, User.id == Specialist.user_id)
        .outerjoin(counts, counts.c.specialist_id == Specialist.id)
        .where(Specialist.organisation_id == organisation_id, User.is_active.is_(True))
        .order_by(User.display_name, Specialist.id)
    ).all()
    specialists = [
        SpecialistBalance(
            specialist_id=sid,
            display_name=name,
            active=int(active),
            proposed=int(proposed),
            max_caseload=max_caseload,
            accepting_new=accepting_new,
            spare=max(0, max_caseload - int(active)),
        )
        for sid, name, active, proposed, max_caseload, accepting_new in specialist_rows
    ]

    last_ended = (
        select(func.max(PeerMatch.ended_at))
        .where(PeerMatch.participant_id == Participant.id, PeerMatch.status == "ended")
        .correlate(Participant)
        .scalar_subquery()
    )
    has_proposal = exists().where(
        and_(PeerMatch.participant_id == Participant.id, PeerMatch.status == "proposed")
    )
    has_active = exists().where(
        and_(PeerMatch.participant_id == Participant.id, PeerMatch.status == "active")
    )
    waiting_rows = db.execute(
        select(
            Participant.id,
            Participant.preferred_name,
            Participant.enrolled_at,
            last_ended,
            has_proposal,
        ).where(
            Participant.organisation_id == organisation_id,
            Participant.status == "active",
            ~has_active,
        )
    ).all()
    now = utcnow()
    waiting = []
    for pid, name, enrolled_at, ended_at, proposal in waiting_rows:
        since = max(enrolled_at, ended_at) if ended_at is not None else enrolled_at
        waiting.append(
            WaitingParticipant(
                participant_id=pid,
                preferred_name=name,
                waiting_since=since,
                days_waiting=max(0, (now - since).days),
                has_proposal=bool(proposal),
            )
        )
    waiting.sort(key=lambda w: (w.waiting_since, w.participant_id))
    return CaseloadBalance(specialists=specialists, waiting=waiting)
