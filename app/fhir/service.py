"""Loading what ``Patient/$everything`` returns about a participant: a handful of queries,
one per kind of record, whatever the record's size."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.assessments.models import Assessment
from app.consents.models import Consent
from app.fhir.bundle import ActiveMatch, PatientRecord
from app.matching.models import PeerMatch
from app.outcomes.models import OutcomeSurvey
from app.participants.models import Participant
from app.plans.models import Goal, RecoveryPlan
from app.specialists.models import Specialist
from app.users.models import User


def active_match(*, db: Session, participant: Participant) -> ActiveMatch | None:
    row = db.execute(
        select(PeerMatch, User.display_name)
        .join(Specialist, Specialist.id == PeerMatch.specialist_id)
        .join(User, User.id == Specialist.user_id)
        .where(PeerMatch.participant_id == participant.id, PeerMatch.status == "active")
    ).first()
    if row is None:
        return None
    match, name = row
    return ActiveMatch(match=match, specialist_name=name)


def patient_record(*, db: Session, participant: Participant) -> PatientRecord:
    """The participant's plans (oldest first) with their goals, BARC-10 assessments and
    outcome surveys (in the order taken), consents (in the order signed), and active match.

    C-SSRS screens and encounter notes are not part of it: encounter notes are visible to
    their author and supervisors only, and suicide-risk screens travel with the crisis work
    that acts on them rather than in a general export."""
    participant_id = participant.id
    plans = db.scalars(
        select(RecoveryPlan)
        .where(RecoveryPlan.participant_id == participant_id)
        .order_by(RecoveryPlan.started_at, RecoveryPlan.id)
    ).all()
    goals = db.scalars(
        select(Goal).where(Goal.participant_id == participant_id).order_by(Goal.created_at, Goal.id)
    ).all()
    barc10 = db.scalars(
        select(Assessment)
        .where(Assessment.participant_id == participant_id, Assessment.instrument == "barc10")
        .order_by(Assessment.administered_at, Assessment.id)
    ).all()
    surveys = db.scalars(
        select(OutcomeSurvey)
        .where(OutcomeSurvey.participant_id == participant_id)
        .order_by(OutcomeSurvey.administered_on, OutcomeSurvey.id)
    ).all()
    consents = db.scalars(
        select(Consent)
        .where(Consent.participant_id == participant_id)
        .order_by(Consent.signed_at, Consent.id)
    ).all()
    return PatientRecord(
        participant=participant,
        plans=plans,
        goals=goals,
        barc10=barc10,
        outcome_surveys=surveys,
        consents=consents,
        active_match=active_match(db=db, participant=participant),
    )
