"""Factories for test data, and a small two-organisation world most tests start from."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache

from sqlalchemy import case, update
from sqlalchemy.orm import Session

from app.auth import service as auth
from app.consents.models import Consent
from app.core.base import utcnow
from app.core.config import Settings
from app.core.security import create_access_token, hash_password
from app.integrators import service as integrators
from app.integrators.models import IntegratorClient
from app.integrators.schemas import IntegratorClientCreate
from app.matching.models import PeerMatch
from app.organisations.models import Organisation
from app.participants.models import Participant
from app.participants.service import search_name_of
from app.specialists import service as specialists
from app.specialists.models import Specialist
from app.users.models import User

PASSWORD = "correct horse battery staple"


@cache
def _password_hash() -> str:
    # argon2 is deliberately slow; hash the shared test password once.
    return hash_password(PASSWORD)


def make_organisation(db: Session, name: str | None = None) -> Organisation:
    organisation = Organisation(name=name or f"Org {uuid.uuid4().hex[:8]}")
    db.add(organisation)
    db.flush()
    return organisation


def make_user(
    db: Session,
    organisation: Organisation,
    role: str,
    *,
    participant: Participant | None = None,
    name: str | None = None,
) -> User:
    user = User(
        organisation_id=organisation.id,
        email=f"{role}-{uuid.uuid4().hex[:8]}@example.org",
        password_hash=_password_hash(),
        role=role,
        display_name=name or role.title(),
        participant_id=participant.id if participant else None,
    )
    db.add(user)
    db.flush()
    if role == "specialist":
        specialists.create_profile(db=db, user=user)
    return user


def make_participant(
    db: Session,
    organisation: Organisation,
    *,
    preferred_name: str = "Alex",
    legal_name: str | None = None,
    intake_by: User | None = None,
    risk_level: str | None = None,
    status: str = "active",
) -> Participant:
    participant = Participant(
        organisation_id=organisation.id,
        preferred_name=preferred_name,
        legal_name=legal_name,
        search_name=search_name_of(preferred_name, legal_name),
        primary_language="en",
        substances=["alcohol"],
        recovery_pathways=["mutual_aid_12_step"],
        strengths=["Honest with myself"],
        status=status,
        risk_level=risk_level,
        enrolled_at=utcnow(),
        intake_by_user_id=intake_by.id if intake_by else None,
    )
    db.add(participant)
    db.flush()
    db.add(
        Consent(
            organisation_id=organisation.id,
            participant_id=participant.id,
            kind="enrolment",
            signed_at=utcnow() - timedelta(minutes=5),
            signature=preferred_name,
        )
    )
    db.flush()
    return participant


def specialist_profile(db: Session, user: User) -> Specialist:
    return db.query(Specialist).filter_by(user_id=user.id).one()


def make_match(
    db: Session, participant: Participant, specialist_user: User, *, status: str = "active"
) -> PeerMatch:
    match = PeerMatch(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        specialist_id=specialist_profile(db, specialist_user).id,
        status=status,
        activated_at=utcnow() if status in ("active", "ended") else None,
        ended_at=utcnow() if status == "ended" else None,
    )
    db.add(match)
    db.flush()
    if status == "active":
        # Keep the capacity counter in step, as accepting a proposal does; a factory match
        # is set up directly, so a full caseload grows to make room rather than fail.
        db.execute(
            update(Specialist)
            .where(Specialist.id == match.specialist_id)
            .values(
                active_caseload=Specialist.active_caseload + 1,
                max_caseload=case(
                    (
                        Specialist.active_caseload >= Specialist.max_caseload,
                        Specialist.max_caseload + 1,
                    ),
                    else_=Specialist.max_caseload,
                ),
            )
            .execution_options(synchronize_session=False)
        )
    return match


def token_for(user: User, settings: Settings, **overrides: object) -> str:
    return create_access_token(
        secret=settings.resolved_secret_key(),
        subject=user.id,
        role=user.role,
        organisation_id=user.organisation_id,
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        lifetime=timedelta(minutes=15),
    )


def make_integrator_client(
    db: Session,
    organisation: Organisation,
    *,
    name: str = "State Recovery Outcomes",
    scopes: list[str] | None = None,
) -> integrators.RegisteredClient:
    """An integrator client and its secret (``.client``, ``.secret``); ``scopes`` defaults
    to ``["outcomes:read"]`` (``[]`` gives a client without it)."""
    registered = integrators.create(
        db=db,
        organisation_id=organisation.id,
        created_by_user_id=None,
        data=IntegratorClientCreate(name=name, scopes=["outcomes:read"]),
    )
    if scopes is not None:
        registered.client.scopes = scopes
        db.flush()
    return registered


def integrator_headers(
    client: IntegratorClient, settings: Settings, *, scopes: list[str] | None = None
) -> dict[str, str]:
    """Bearer headers for a client-credentials token of ``client`` (its scopes, unless
    ``scopes`` says otherwise)."""
    issued = auth.issue_client_token(
        client=client,
        scopes=list(client.scopes) if scopes is None else scopes,
        settings=settings,
        secret=settings.resolved_secret_key(),
    )
    return {"Authorization": f"Bearer {issued.access_token}"}


@dataclass
class World:
    """Two organisations. In ``org``: ``matched`` is actively matched with ``specialist``;
    ``taken_in`` was taken in by ``other_specialist`` and is not matched; ``me`` is the
    participant account of ``matched``. ``stranger`` belongs to ``other_org``."""

    settings: Settings
    org: Organisation
    other_org: Organisation
    admin: User
    supervisor: User
    specialist: User
    other_specialist: User
    matched: Participant
    taken_in: Participant
    me: User
    other_admin: User
    other_supervisor: User
    other_org_specialist: User
    stranger: Participant
    tokens: dict[uuid.UUID, str] = field(default_factory=dict)

    def headers(self, user: User) -> dict[str, str]:
        if user.id not in self.tokens:
            self.tokens[user.id] = token_for(user, self.settings)
        return {"Authorization": f"Bearer {self.tokens[user.id]}"}


def build_world(db: Session, settings: Settings) -> World:
    org = make_organisation(db, "Riverside Peers")
    other_org = make_organisation(db, "Hilltop Recovery")
    admin = make_user(db, org, "admin", name="Ada Admin")
    supervisor = make_user(db, org, "supervisor", name="Sam Supervisor")
    specialist = make_user(db, org, "specialist", name="Pat Peer")
    other_specialist = make_user(db, org, "specialist", name="Robin Peer")
    matched = make_participant(
        db, org, preferred_name="Zoë", legal_name="Zoë Martínez", intake_by=specialist
    )
    make_match(db, matched, specialist)
    taken_in = make_participant(db, org, preferred_name="Jordan", intake_by=other_specialist)
    me = make_user(db, org, "participant", participant=matched, name="Zoë")
    other_admin = make_user(db, other_org, "admin")
    other_supervisor = make_user(db, other_org, "supervisor")
    other_org_specialist = make_user(db, other_org, "specialist")
    stranger = make_participant(
        db, other_org, preferred_name="Casey", intake_by=other_org_specialist
    )
    db.commit()
    return World(
        settings=settings,
        org=org,
        other_org=other_org,
        admin=admin,
        supervisor=supervisor,
        specialist=specialist,
        other_specialist=other_specialist,
        matched=matched,
        taken_in=taken_in,
        me=me,
        other_admin=other_admin,
        other_supervisor=other_supervisor,
        other_org_specialist=other_org_specialist,
        stranger=stranger,
    )
