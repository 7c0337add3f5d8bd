"""The fictional demo organisation that ``python -m app seed-demo`` loads.

This module owns the demo's content: its staff and participant accounts, the participants
and their enrolment and disclosure consents, their peer matches (with one re-match and one
withdrawal), and the text ``make run`` prints so a presenter knows how to sign in. Every
person here is invented; phone numbers use the fictional 555-01xx range and addresses the
reserved ``example.org`` domain.

Everything goes through the domain services where one exists, so the demo obeys the same
rules as real use (no intake without consent, revocation and withdrawal as the services do
them). The loader only flushes: the caller commits, once, so a failure leaves nothing behind.
Dates are fixed offsets from the moment of loading, so the same caseload appears every time
and always looks recent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from app.consents import service as consents
from app.consents.models import Consent
from app.consents.schemas import ConsentCreate
from app.core.base import utcnow
from app.core.security import Principal, Role
from app.matching.models import PeerMatch
from app.organisations import service as organisations
from app.participants import service as participants
from app.participants.models import Participant
from app.participants.schemas import (
    EnrolmentConsentIn,
    ParticipantCreate,
    RecoveryPathway,
    RiskLevel,
    Substance,
)
from app.specialists import service as specialists
from app.specialists.models import Specialist
from app.users import service as users
from app.users.models import User
from app.users.schemas import UserCreate

ORGANISATION_NAME = "Riverbend Recovery Community"
# Printed by `make run` for anyone to read: it guards fictional data only.
DEMO_PASSWORD = "recovery-demo-2026"  # noqa: S105

ADMIN_EMAIL = "priya.shah@example.org"
SUPERVISOR_EMAIL = "renee.tremblay@example.org"
MARCUS_EMAIL = "marcus.bell@example.org"
LUCIA_EMAIL = "lucia.morales@example.org"
PARTICIPANT_EMAIL = "jose.ramirez@example.org"

SOR_EVALUATION = "State Opioid Response evaluation team"
SOR_PURPOSE = (
    "Evaluating whether peer recovery support improves recovery outcomes, as the program's "
    "State Opioid Response grant requires. Only outcome survey answers are shared, without "
    "name or contact details."
)


@dataclass(frozen=True)
class DemoLogin:
    role: Role
    email: str
    display_name: str


STAFF_LOGINS: tuple[DemoLogin, ...] = (
    DemoLogin("admin", ADMIN_EMAIL, "Priya Shah"),
    DemoLogin("supervisor", SUPERVISOR_EMAIL, "Renée Tremblay"),
    DemoLogin("specialist", MARCUS_EMAIL, "Marcus Bell"),
    DemoLogin("specialist", LUCIA_EMAIL, "Lucía Morales"),
)
PARTICIPANT_LOGIN = DemoLogin("participant", PARTICIPANT_EMAIL, "José Ramírez")


@dataclass(frozen=True)
class DemoPerson:
    """One participant as the intake specialist recorded them, in their own words."""

    key: str
    preferred_name: str
    intake_by: str  # the intake specialist's email
    enrolled_days_ago: int
    primary_language: str
    birth_year: int
    substances: tuple[Substance, ...]
    recovery_pathways: tuple[RecoveryPathway, ...]
    recovery_days_ago: int
    strengths: tuple[str, ...]
    phone: str
    legal_name: str | None = None
    pronouns: str | None = None
    gender_identity: str | None = None
    email: str | None = None
    # A specialist's judgement after recent contact; None means not yet assessed.
    risk_level: RiskLevel | None = None


PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson(
        key="jose",
        preferred_name="José Ramírez",
        legal_name="José Luis Ramírez Ortega",
        pronouns="he/him",
        gender_identity="man",
        primary_language="es",
        birth_year=1979,
        substances=("opioids", "alcohol"),
        recovery_pathways=("moud_buprenorphine", "faith_based"),
        recovery_days_ago=420,
        strengths=("Good with my hands", "My daughter", "I show up early, every time"),
        phone="(503) 555-0101",
        email=PARTICIPANT_EMAIL,
        intake_by=LUCIA_EMAIL,
        enrolled_days_ago=380,
        risk_level="low",
    ),
    DemoPerson(
        key="zoe",
        preferred_name="Zoë Whitaker",
        legal_name="Zoë Elizabeth Whitaker",
        pronouns="she/her",
        gender_identity="woman",
        primary_language="en",
        birth_year=1996,
        substances=("stimulants", "alcohol"),
        recovery_pathways=("smart_recovery", "clinical_treatment"),
        recovery_days_ago=150,
        strengths=("Stubborn in a good way", "I can draw for hours", "My roommate Jess"),
        phone="(503) 555-0102",
        email="zoe.whitaker@example.org",
        intake_by=MARCUS_EMAIL,
        enrolled_days_ago=120,
        risk_level="elevated",
    ),
    DemoPerson(
        key="siobhan",
        preferred_name="Siobhán O'Neill",
        pronouns="she/her",
        gender_identity="woman",
        primary_language="en",
        birth_year=1964,
        substances=("alcohol", "sedatives"),
        recovery_pathways=("mutual_aid_12_step", "family_support"),
        recovery_days_ago=1000,
        strengths=("My sister Maeve", "Twenty years as a nurse", "Morning walks by the river"),
        phone="(503) 555-0103",
        intake_by=MARCUS_EMAIL,
        enrolled_days_ago=610,
    ),
    DemoPerson(
        key="darnell",
        preferred_name="Darnell Hayes",
        legal_name="Darnell James Hayes",
        pronouns="he/him",
        gender_identity="man",
        primary_language="en",
        birth_year=1971,
        substances=("opioids",),
        recovery_pathways=("moud_methadone", "clinical_treatment"),
        recovery_days_ago=700,
        strengths=("Thirty years of fixing cars", "My church choir", "I keep my word"),
        phone="(503) 555-0104",
        intake_by=MARCUS_EMAIL,
        enrolled_days_ago=300,
        risk_level="high",
    ),
    DemoPerson(
        key="mai",
        preferred_name="Mai Nguyen",
        pronouns="she/her",
        gender_identity="woman",
        primary_language="en",
        birth_year=2001,
        substances=("opioids", "cannabis"),
        recovery_pathways=("moud_naltrexone", "smart_recovery"),
        recovery_days_ago=60,
        strengths=("Honest even when it's hard", "My cat, Pho", "Finishing my GED"),
        phone="(503) 555-0105",
        email="mai.nguyen@example.org",
        intake_by=LUCIA_EMAIL,
        enrolled_days_ago=21,
    ),
    DemoPerson(
        key="rowan",
        preferred_name="Rowan Adeyemi",
        pronouns="they/them",
        gender_identity="non-binary",
        primary_language="en",
        birth_year=2003,
        substances=("alcohol", "hallucinogens"),
        recovery_pathways=("smart_recovery",),
        recovery_days_ago=30,
        strengths=("I make people laugh", "Learning guitar"),
        phone="(503) 555-0106",
        intake_by=MARCUS_EMAIL,
        enrolled_days_ago=9,
    ),
    DemoPerson(
        key="lupe",
        preferred_name="Lupe Herrera",
        legal_name="María Guadalupe Herrera",
        pronouns="she/her",
        gender_identity="woman",
        primary_language="es",
        birth_year=1958,
        substances=("alcohol", "tobacco"),
        recovery_pathways=("faith_based", "family_support"),
        recovery_days_ago=1050,
        strengths=("Mis nietos", "Cooking for my parish", "Patience I earned the hard way"),
        phone="(503) 555-0107",
        intake_by=LUCIA_EMAIL,
        enrolled_days_ago=540,
        risk_level="low",
    ),
    DemoPerson(
        key="kwame",
        preferred_name="Kwame Mensah",
        pronouns="he/him",
        gender_identity="man",
        primary_language="en",
        birth_year=1985,
        substances=("stimulants",),
        recovery_pathways=("mutual_aid_12_step", "clinical_treatment"),
        recovery_days_ago=280,
        strengths=("Pretty good cook", "Coaching my son's soccer team"),
        phone="(503) 555-0108",
        email="kwame.mensah@example.org",
        intake_by=LUCIA_EMAIL,
        enrolled_days_ago=240,
    ),
    DemoPerson(
        key="chris",
        preferred_name="Chris Kowalski",
        pronouns="he/him",
        gender_identity="trans man",
        primary_language="en",
        birth_year=1990,
        substances=("opioids", "stimulants"),
        recovery_pathways=("moud_buprenorphine", "mutual_aid_12_step"),
        recovery_days_ago=200,
        strengths=("Survived worse than this", "My dog Biscuit", "Good at fixing bikes"),
        phone="(503) 555-0109",
        intake_by=MARCUS_EMAIL,
        enrolled_days_ago=180,
    ),
    DemoPerson(
        key="ines",
        preferred_name="Inés Castillo",
        pronouns="she/her",
        gender_identity="woman",
        primary_language="es",
        birth_year=1988,
        substances=("alcohol", "sedatives"),
        recovery_pathways=("moud_naltrexone", "clinical_treatment"),
        recovery_days_ago=90,
        strengths=("Soy muy organizada", "My mom believes in me"),
        phone="(503) 555-0110",
        intake_by=LUCIA_EMAIL,
        enrolled_days_ago=14,
        risk_level="elevated",
    ),
)


def _days_ago(now: datetime, days: int, hour: int = 15) -> datetime:
    # A round afternoon time reads like a real appointment; every offset used here is at
    # least a day back, so the result is never in the future.
    return (now - timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)


def _as_specialist(user: User) -> Principal:
    return Principal(user_id=user.id, role="specialist", organisation_id=user.organisation_id)


def _intake(*, db: Session, now: datetime, person: DemoPerson, by: User) -> Participant:
    enrolled_at = _days_ago(now, person.enrolled_days_ago, hour=16)
    data = ParticipantCreate(
        preferred_name=person.preferred_name,
        legal_name=person.legal_name,
        pronouns=person.pronouns,
        email=person.email,
        phone=person.phone,
        primary_language=person.primary_language,
        gender_identity=person.gender_identity,
        birth_year=person.birth_year,
        substances=list(person.substances),
        recovery_pathways=list(person.recovery_pathways),
        recovery_start_date=(now - timedelta(days=person.recovery_days_ago)).date(),
        strengths=list(person.strengths),
        enrolment_consent=EnrolmentConsentIn(
            signed_at=enrolled_at, signature=person.legal_name or person.preferred_name
        ),
    )
    participant = participants.intake(db=db, principal=_as_specialist(by), data=data)
    # The service stamps enrolment "now"; the demo backdates it to the day the consent was
    # signed so that match histories and follow-up due dates have a past to stand on.
    participant.enrolled_at = enrolled_at
    participant.risk_level = person.risk_level
    return participant


def _propose(
    *,
    db: Session,
    participant: Participant,
    specialist: Specialist,
    by: User,
    proposed_at: datetime,
    activated_at: datetime | None = None,
) -> PeerMatch:
    """A match proposed on ``proposed_at``, and accepted by the participant if activated."""
    match = PeerMatch(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        specialist_id=specialist.id,
        status="proposed" if activated_at is None else "active",
        proposed_at=proposed_at,
        proposed_by_user_id=by.id,
        activated_at=activated_at,
    )
    db.add(match)
    return match


def _profile(*, db: Session, user: User) -> Specialist:
    profile = specialists.profile_of(db=db, user_id=user.id)
    if profile is None:  # users.create makes one for every specialist account
        raise RuntimeError(f"{user.email} has no specialist profile")
    return profile


def load(*, db: Session) -> None:
    """Create the demo organisation and everything in it. Flushes; the caller commits."""
    now = utcnow()
    organisation = organisations.get_or_create(db=db, name=ORGANISATION_NAME)
    staff: dict[str, User] = {
        login.email: users.create(
            db=db,
            organisation_id=organisation.id,
            data=UserCreate(
                email=login.email,
                password=DEMO_PASSWORD,
                role=login.role,
                display_name=login.display_name,
            ),
        )
        for login in STAFF_LOGINS
    }
    supervisor = staff[SUPERVISOR_EMAIL]
    marcus, lucia = staff[MARCUS_EMAIL], staff[LUCIA_EMAIL]
    by_marcus, by_lucia = _as_specialist(marcus), _as_specialist(lucia)
    peer = {MARCUS_EMAIL: _profile(db=db, user=marcus), LUCIA_EMAIL: _profile(db=db, user=lucia)}

    people = {
        person.key: _intake(db=db, now=now, person=person, by=staff[person.intake_by])
        for person in PEOPLE
    }

    # Most of the caseload: proposed a few days after intake, accepted a few days later.
    active = {
        "jose": LUCIA_EMAIL,
        "zoe": MARCUS_EMAIL,
        "darnell": MARCUS_EMAIL,
        "lupe": LUCIA_EMAIL,
        "kwame": MARCUS_EMAIL,
        "chris": MARCUS_EMAIL,
    }
    days = {person.key: person.enrolled_days_ago for person in PEOPLE}
    for key, specialist_email in active.items():
        _propose(
            db=db,
            participant=people[key],
            specialist=peer[specialist_email],
            by=supervisor,
            proposed_at=_days_ago(now, days[key] - 3, hour=10),
            activated_at=_days_ago(now, days[key] - 6, hour=11),
        )

    # Re-matching keeps history: Siobhán's first match ended after she moved across town,
    # and she chose Lucía, who works from the east-side office.
    siobhan = people["siobhan"]
    first = _propose(
        db=db,
        participant=siobhan,
        specialist=peer[MARCUS_EMAIL],
        by=supervisor,
        proposed_at=_days_ago(now, 607, hour=10),
        activated_at=_days_ago(now, 603, hour=11),
    )
    first.status = "ended"
    first.ended_at = _days_ago(now, 210, hour=14)
    first.ended_by_user_id = supervisor.id
    first.end_reason = "Siobhán moved to the east side and asked to meet closer to home."
    _propose(
        db=db,
        participant=siobhan,
        specialist=peer[LUCIA_EMAIL],
        by=supervisor,
        proposed_at=_days_ago(now, 208, hour=10),
        activated_at=_days_ago(now, 205, hour=11),
    )

    # Waiting on the participant's choice: a proposal holds no place in the caseload.
    _propose(
        db=db,
        participant=people["mai"],
        specialist=peer[MARCUS_EMAIL],
        by=lucia,
        proposed_at=_days_ago(now, 4, hour=10),
    )
    # Rowan and Inés stay unmatched, so match suggestions have someone to suggest for.
    # Stored now: the withdrawal below ends matches with a bulk UPDATE that sees only rows.
    db.flush()

    _disclose(
        db=db,
        principal=by_marcus,
        participant=people["zoe"],
        now=now,
        days_ago=12,
        signature="Zoë Elizabeth Whitaker",
    )
    _disclose(
        db=db,
        principal=by_lucia,
        participant=siobhan,
        now=now,
        days_ago=5,
        signature="Siobhán O'Neill",
    )
    # Voluntary means a consent can be taken back; the revocation applies from then on.
    darnell = people["darnell"]
    revoked = _disclose(
        db=db,
        principal=by_marcus,
        participant=darnell,
        now=now,
        days_ago=250,
        signature="Darnell James Hayes",
    )
    consents.revoke(
        db=db,
        consent=revoked,
        participant=darnell,
        by=marcus.id,
        reason="I'd rather keep my information inside the program for now.",
    )

    # Withdrawal is the participant's choice, recorded by Marcus on Chris's behalf; the
    # service ends his match and keeps the record.
    participants.withdraw(
        db=db,
        participant=people["chris"],
        by=marcus.id,
        reason="Moving to Spokane to be near my mom. Thank you for everything.",
    )

    users.create(
        db=db,
        organisation_id=organisation.id,
        data=UserCreate(
            email=PARTICIPANT_LOGIN.email,
            password=DEMO_PASSWORD,
            role=PARTICIPANT_LOGIN.role,
            display_name=PARTICIPANT_LOGIN.display_name,
            participant_id=people["jose"].id,
        ),
    )
    db.flush()


def logins_text() -> str:
    """The demo sign-ins, one a line, for ``make run`` to print."""
    logins = (*STAFF_LOGINS, PARTICIPANT_LOGIN)
    email_width = max(len(login.email) for login in logins)
    lines = [f"Demo logins for {ORGANISATION_NAME} (every account's password is the same):"]
    lines += [
        f"  {login.role:<12}{login.email:<{email_width + 2}}{DEMO_PASSWORD}  ({login.display_name})"
        for login in logins
    ]
    return "\n".join(lines)


def _disclose(
    *,
    db: Session,
    principal: Principal,
    participant: Participant,
    now: datetime,
    days_ago: int,
    signature: str,
) -> Consent:
    """A year-long consent to disclose outcomes to the state evaluation team."""
    signed_at = _days_ago(now, days_ago)
    return consents.create(
        db=db,
        principal=principal,
        participant=participant,
        data=ConsentCreate(
            kind="disclosure",
            signed_at=signed_at,
            signature=signature,
            recipient_name=SOR_EVALUATION,
            information_categories=["outcomes"],
            purpose=SOR_PURPOSE,
            expires_at=signed_at + timedelta(days=365),
        ),
    )
