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

On top of the people it loads about three months of recovery work, so every screen of the web
UI has something true-to-life to show: recovery plans in the participants' own words (some
goals still waiting for the participant's agreement, two plans with an archived predecessor),
check-ins whose series tell a story (one participant improving steadily, one who reported use
a few weeks ago and is finding their feet again, one having a hard time right now, one who
stopped checking in, one who never has), BARC-10 and C-SSRS screens, and the specialists'
contact logs. The variation in that data comes from one ``random.Random`` with a fixed seed,
so it too is the same on every load.
"""

from __future__ import annotations

import itertools
import random
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.alerts import service as alerts
from app.assessments import scoring
from app.assessments.models import Assessment
from app.auth.dependencies import principal_of as users_principal
from app.check_ins import service as check_ins
from app.check_ins.models import CheckIn
from app.consents import service as consents
from app.consents.models import Consent
from app.consents.schemas import ConsentCreate
from app.core.base import utcnow
from app.core.security import Principal, Role, digest_token
from app.crisis import contacts as crisis_contacts
from app.crisis import safety_plan
from app.crisis.schemas import CrisisContactCreate, SafetyPlanWrite
from app.encounters import service as encounters
from app.encounters.schemas import EncounterCreate, EncounterMode
from app.integrators.models import IntegratorClient
from app.matching import service as matching
from app.matching.models import PeerMatch
from app.organisations import service as organisations
from app.outcomes import service as outcome_service
from app.outcomes.models import OutcomeSurvey
from app.outcomes.schemas import OutcomeMeasures
from app.participants import service as participants
from app.participants.models import Participant
from app.participants.schemas import (
    EnrolmentConsentIn,
    ParticipantCreate,
    RecoveryPathway,
    RiskLevel,
    Substance,
)
from app.plans import service as plans
from app.plans.models import DIMENSIONS, Goal, GoalStep, RecoveryPlan
from app.plans.schemas import (
    Dimension,
    GoalCreate,
    GoalStatus,
    PlanCreate,
    StepCreate,
    StepUpdate,
)
from app.specialists import service as specialists
from app.specialists.models import Specialist
from app.specialists.schemas import SpecialistUpdate
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
WAITING_PARTICIPANT_EMAIL = "rowan.adeyemi@example.org"

SOR_EVALUATION = "State Opioid Response evaluation team"
# The evaluation team's integrator client, with a known secret so the demo can be tried
# from the command line (README, "For integrators"). A real client's secret is random.
DEMO_CLIENT_ID = uuid.UUID("5e1f0a3c-9d2b-4c7e-8f60-000000000988")
DEMO_CLIENT_SECRET = "demo-integrator-secret-riverbend-2026"  # noqa: S105
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
PARTICIPANT_LOGINS: tuple[DemoLogin, ...] = (
    DemoLogin("participant", PARTICIPANT_EMAIL, "José Ramírez"),
    # Rowan waits for a match: sign in as Rowan to accept or decline a proposed peer.
    DemoLogin("participant", WAITING_PARTICIPANT_EMAIL, "Rowan Adeyemi"),
)


# The specialists' own lived experience, which matching weighs against each participant's.
SPECIALIST_PROFILES = {
    MARCUS_EMAIL: SpecialistUpdate(
        substances=["opioids", "alcohol"],
        recovery_pathways=["moud_methadone", "mutual_aid_12_step", "faith_based"],
        moud_affirming=True,
        languages=["en"],
        gender="man",
        birth_decade=1970,
        faith="faith_based",
        veteran=True,
        justice_involved=True,
        region="Portland",
        phone="(503) 555-0190",
        max_caseload=12,
    ),
    LUCIA_EMAIL: SpecialistUpdate(
        substances=["alcohol", "stimulants"],
        recovery_pathways=["smart_recovery", "mutual_aid_12_step", "family_support"],
        moud_affirming=True,
        languages=["en", "es"],
        gender="woman",
        birth_decade=1980,
        faith="secular",
        lgbtq_affirming=True,
        region="Portland",
        phone="(503) 555-0191",
    ),
}


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
    # A specialist's judgement at intake; None means not yet assessed. Once the participant
    # checks in, their latest check-in's risk replaces it, as in the app.
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
        email=WAITING_PARTICIPANT_EMAIL,
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
    for email, profile in SPECIALIST_PROFILES.items():
        specialists.update(db=db, profile=peer[email], data=profile)

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

    evaluation = IntegratorClient(
        id=DEMO_CLIENT_ID,
        organisation_id=organisation.id,
        name=SOR_EVALUATION,
        scopes=["outcomes:read"],
        secret_digest=digest_token(DEMO_CLIENT_SECRET),
        pseudonym_key=random.Random(DEMO_CLIENT_ID.int).randbytes(32),
    )
    db.add(evaluation)
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

    accounts = {
        key: users.create(
            db=db,
            organisation_id=organisation.id,
            data=UserCreate(
                email=login.email,
                password=DEMO_PASSWORD,
                role=login.role,
                display_name=login.display_name,
                participant_id=people[key].id,
            ),
        )
        for key, login in zip(("jose", "rowan"), PARTICIPANT_LOGINS, strict=True)
    }
    db.flush()
    # The matches above were written directly: set the capacity counters from them.
    matching.recount_caseloads(db=db, organisation_id=organisation.id)
    _load_recovery_work(db=db, now=now, people=people, staff=staff, accounts=accounts)
    _load_crisis_support(db=db, people=people, staff=staff, peer=peer, accounts=accounts)
    _load_outcomes(db=db, now=now, people=people, staff=staff)


def logins_text() -> str:
    """The demo sign-ins, one a line, for ``make run`` to print."""
    logins = (*STAFF_LOGINS, *PARTICIPANT_LOGINS)
    email_width = max(len(login.email) for login in logins)
    lines = [f"Demo logins for {ORGANISATION_NAME} (every account's password is the same):"]
    lines += [
        f"  {login.role:<12}{login.email:<{email_width + 2}}{DEMO_PASSWORD}  ({login.display_name})"
        for login in logins
    ]
    lines.append(
        f"  integrator  client_id {DEMO_CLIENT_ID}  client_secret {DEMO_CLIENT_SECRET}"
        f"  ({SOR_EVALUATION})"
    )
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
            recipient_client_id=DEMO_CLIENT_ID,
            information_categories=["outcomes"],
            purpose=SOR_PURPOSE,
            expires_at=signed_at + timedelta(days=365),
        ),
    )


# --- Three months of recovery work ------------------------------------------------------
#
# Everything below is measured in days back from the moment of loading (1 is yesterday), so
# the demo always shows the last three months. Nothing is placed "today": a time later today
# could still lie in the future.

# The seed of the one random generator behind the routine data (which days someone checked
# in, the small day-to-day wobble of their answers, routine contacts). Fixed, so every load
# tells the same stories.
SEED = 2026
# How far back check-ins, routine contacts and assessments reach.
WINDOW_DAYS = 90


# Recovery plans


@dataclass(frozen=True)
class StepSpec:
    description: str
    due_in_days: int  # from today; negative when the due date has passed
    done_days_ago: int | None = None  # None: not done yet


@dataclass(frozen=True)
class GoalSpec:
    dimension: Dimension
    statement: str  # the participant's own words, whoever typed them
    status: GoalStatus
    written_days_ago: int
    target_in_days: int | None = None
    # "participant": typed by the participant in the app, so agreed at once; only José has
    # an account. "specialist": typed by the specialist, often with the participant beside
    # them, and agreed by the participant ``agreed_after_days`` later.
    written_by: Literal["participant", "specialist"] = "specialist"
    # None: the participant has not agreed yet, so the goal shows as awaiting agreement.
    agreed_after_days: int | None = 0
    steps: tuple[StepSpec, ...] = ()


@dataclass(frozen=True)
class PlanSpec:
    started_days_ago: int
    title: str
    strengths: tuple[str, ...]
    barriers: tuple[str, ...]
    goals: tuple[GoalSpec, ...]
    # A specialist's email; None means whoever works with the participant now.
    started_by: str | None = None


# Oldest plan first: starting each one archives the one before and carries its open goals
# over, as the service does, so José and Siobhán each have one archived plan behind them.
PLANS: dict[str, tuple[PlanSpec, ...]] = {
    "jose": (
        PlanSpec(
            started_days_ago=350,
            title="Getting back on my feet",
            strengths=("Good with my hands", "My daughter", "I show up early, every time"),
            barriers=("No license, no car", "Sleeping in my cousin's garage"),
            goals=(
                GoalSpec(
                    "purpose",
                    "Get my driver's license back",
                    "achieved",
                    written_days_ago=348,
                    target_in_days=-200,
                    agreed_after_days=2,
                    steps=(
                        StepSpec("Pay off the old fines at the county office", -300, 310),
                        StepSpec("Pass the written test", -260, 265),
                        StepSpec("Take the road test", -210, 214),
                    ),
                ),
                GoalSpec(
                    "home",
                    "Move out of my cousin's garage into my own place",
                    "improving",
                    written_days_ago=340,
                    target_in_days=90,
                    written_by="participant",
                    steps=(
                        StepSpec("Get on the Oak Street housing list", -280, 285),
                        StepSpec("Save first month's rent and the deposit", 30),
                    ),
                ),
            ),
        ),
        PlanSpec(
            started_days_ago=150,
            title="Year two",
            strengths=(
                "Good with my hands",
                "My daughter Ana",
                "I show up early, every time",
                "My church",
            ),
            barriers=(
                "Rent in this city",
                "Old friends still using on my block",
                "Mornings are hard when I don't sleep",
            ),
            goals=(
                GoalSpec(
                    "community",
                    "Be at Ana's quinceañera sober and dance with her",
                    "in-progress",
                    written_days_ago=140,
                    target_in_days=75,
                    written_by="participant",
                    steps=(
                        StepSpec("Tell my sponsor the date so he can be there", -100, 120),
                        StepSpec("Save for the dress I promised her", 45),
                    ),
                ),
                GoalSpec(
                    "purpose",
                    "Get my welding certificate at the community college",
                    "in-progress",
                    written_days_ago=6,
                    target_in_days=270,
                    agreed_after_days=None,
                    steps=(StepSpec("Ask the WorkSource counsellor about the tuition grant", 10),),
                ),
            ),
        ),
    ),
    "zoe": (
        PlanSpec(
            started_days_ago=108,
            title="Finding my footing",
            strengths=("Stubborn in a good way", "I can draw for hours", "My roommate Jess"),
            barriers=("My ex still texts me", "Weekends with nothing planned", "Bad sleep"),
            goals=(
                GoalSpec(
                    "health",
                    "Go a whole month without a drink",
                    "achieved",
                    written_days_ago=106,
                    target_in_days=-60,
                    agreed_after_days=1,
                    steps=(
                        StepSpec("Delete the bar's number from my phone", -100, 105),
                        StepSpec("Tell Jess so she can check on me", -100, 104),
                    ),
                ),
                GoalSpec(
                    "community",
                    "Go to the SMART meeting every Tuesday",
                    "sustaining",
                    written_days_ago=85,
                    steps=(StepSpec("Go to my first SMART meeting in person", -60, 60),),
                ),
                GoalSpec(
                    "purpose",
                    "Sell my drawings at the Saturday market",
                    "improving",
                    written_days_ago=40,
                    target_in_days=45,
                    agreed_after_days=1,
                    steps=(
                        StepSpec("Finish 20 prints", -10, 12),
                        StepSpec("Apply for a table at the market", 14),
                    ),
                ),
                GoalSpec(
                    "home",
                    "Look into the Oak Street housing program before my lease ends",
                    "in-progress",
                    written_days_ago=4,
                    target_in_days=120,
                    agreed_after_days=None,
                    steps=(StepSpec("Call the housing navigator", 7),),
                ),
            ),
        ),
    ),
    "siobhan": (
        PlanSpec(
            started_days_ago=590,
            title="Getting settled",
            strengths=("My sister Maeve", "Twenty years as a nurse", "Morning walks"),
            barriers=("Insomnia", "Evenings alone"),
            started_by=MARCUS_EMAIL,  # her specialist before she moved across town
            goals=(
                GoalSpec(
                    "community",
                    "Ninety meetings in ninety days",
                    "achieved",
                    written_days_ago=588,
                    target_in_days=-495,
                    agreed_after_days=1,
                    steps=(
                        StepSpec("Find three meetings I can walk to", -580, 585),
                        StepSpec("Get a sponsor", -540, 550),
                    ),
                ),
                GoalSpec(
                    "health",
                    "Sleep through the night without pills",
                    "improving",
                    written_days_ago=580,
                    target_in_days=60,
                    agreed_after_days=2,
                    steps=(
                        StepSpec("Ask Dr. Okafor about tapering the sleeping pills", -560, 565),
                        StepSpec("No screens after nine", -400, 420),
                        StepSpec("Try the sleep clinic's CBT-I course", 20),
                    ),
                ),
            ),
        ),
        PlanSpec(
            started_days_ago=200,
            title="East side",
            strengths=(
                "My sister Maeve",
                "Twenty years as a nurse",
                "Morning walks by the river",
                "I know the program works",
            ),
            barriers=("Insomnia", "The east side is new to me", "Being alone in the evenings"),
            goals=(
                GoalSpec(
                    "community",
                    "Find a home group on the east side",
                    "achieved",
                    written_days_ago=198,
                    target_in_days=-150,
                    agreed_after_days=3,
                    steps=(
                        StepSpec("Try the Tuesday and Thursday meetings at St. Anne's", -180, 185),
                    ),
                ),
                GoalSpec(
                    "purpose",
                    "Volunteer at the hospice two mornings a week",
                    "in-progress",
                    written_days_ago=45,
                    target_in_days=60,
                    agreed_after_days=2,
                    steps=(
                        StepSpec("Fill out the hospice volunteer application", -30, 33),
                        StepSpec("Finish the volunteer training", 25),
                    ),
                ),
            ),
        ),
    ),
    "darnell": (
        PlanSpec(
            started_days_ago=285,
            title="Steady ground",
            strengths=("Thirty years of fixing cars", "My church choir", "I keep my word"),
            barriers=(
                "The shop closing",
                "Rent is due on the 1st",
                "My old corner is on the bus route",
            ),
            goals=(
                GoalSpec(
                    "health",
                    "Take every methadone dose, no skipping",
                    "sustaining",
                    written_days_ago=283,
                    steps=(StepSpec("Set a phone alarm for the clinic", -280, 282),),
                ),
                GoalSpec(
                    "community",
                    "Sing a solo with the choir at Sunday service",
                    "in-progress",
                    written_days_ago=60,
                    target_in_days=40,
                    agreed_after_days=1,
                    steps=(
                        StepSpec("Ask the choir director for the solo", -50, 55),
                        StepSpec("Practise with Sister Loretta on Wednesdays", 30),
                    ),
                ),
                GoalSpec(
                    "purpose",
                    "Find another shop that will take an old mechanic",
                    "no-progress",
                    written_days_ago=22,
                    target_in_days=60,
                    agreed_after_days=1,
                    steps=(
                        StepSpec("Meet the WorkSource job coach", -15, 16),
                        StepSpec("Call three shops on 82nd Avenue", 3),
                    ),
                ),
                GoalSpec(
                    "home",
                    "Keep my apartment, whatever it takes",
                    "worsening",
                    written_days_ago=3,
                    target_in_days=120,
                    agreed_after_days=None,
                    steps=(StepSpec("Apply for county rent assistance", 5),),
                ),
            ),
        ),
    ),
    "mai": (
        PlanSpec(
            started_days_ago=18,
            title="First steps",
            strengths=("Honest even when it's hard", "My cat, Pho", "Finishing my GED"),
            barriers=("No car", "My boyfriend still smokes weed", "Money"),
            goals=(
                GoalSpec(
                    "purpose",
                    "Finish my GED",
                    "in-progress",
                    written_days_ago=18,
                    target_in_days=150,
                    steps=(
                        StepSpec("Sign up for the math test", -5, 8),
                        StepSpec("Study two nights a week at the library", 30),
                    ),
                ),
                GoalSpec(
                    "health",
                    "Get my naltrexone shot every month on time",
                    "in-progress",
                    written_days_ago=5,
                    target_in_days=90,
                    agreed_after_days=None,
                    steps=(StepSpec("Put the next shot date in my phone", 3),),
                ),
            ),
        ),
    ),
    "rowan": (
        # Written at intake; Rowan has not looked them over yet.
        PlanSpec(
            started_days_ago=7,
            title="Getting started",
            strengths=("I make people laugh", "Learning guitar"),
            barriers=("Most of my friends drink", "Don't know what to do on Friday nights"),
            goals=(
                GoalSpec(
                    "community",
                    "Find one sober thing to do on Friday nights",
                    "in-progress",
                    written_days_ago=7,
                    target_in_days=30,
                    agreed_after_days=None,
                    steps=(StepSpec("Try the open mic at the Lantern Café", 10),),
                ),
                GoalSpec(
                    "purpose",
                    "Play one song all the way through on guitar",
                    "in-progress",
                    written_days_ago=7,
                    target_in_days=60,
                    agreed_after_days=None,
                ),
            ),
        ),
    ),
    "lupe": (
        PlanSpec(
            started_days_ago=500,
            title="Con calma",
            strengths=("Mis nietos", "Cooking for my parish", "Patience I earned the hard way"),
            barriers=("Cigarettes with my coffee", "My knees", "Loneliness since Manuel passed"),
            goals=(
                GoalSpec(
                    "purpose",
                    "Cook for the parish dinner every month",
                    "sustaining",
                    written_days_ago=480,
                    agreed_after_days=1,
                ),
                GoalSpec(
                    "community",
                    "Go to my granddaughter Sofía's recital sober",
                    "achieved",
                    written_days_ago=120,
                    target_in_days=-34,
                    agreed_after_days=1,
                    steps=(StepSpec("Ask my son Tomás for a ride", -40, 42),),
                ),
                GoalSpec(
                    "health",
                    "Dejar de fumar antes de mi cumpleaños",
                    "improving",
                    written_days_ago=70,
                    target_in_days=45,
                    steps=(
                        StepSpec("Nicotine patches from the clinic", -60, 62),
                        StepSpec("Only three cigarettes a day", -25, 21),
                        StepSpec("No cigarettes at all", 45),
                    ),
                ),
            ),
        ),
    ),
    "kwame": (
        PlanSpec(
            started_days_ago=225,
            title="One day at a time",
            strengths=("Pretty good cook", "Coaching my son's soccer team", "My sponsor, Ray"),
            barriers=("Payday weekends", "The guys from my old job", "Shame after a slip"),
            goals=(
                GoalSpec(
                    "community",
                    "Coach every Saturday game this season",
                    "sustaining",
                    written_days_ago=200,
                    agreed_after_days=1,
                    steps=(StepSpec("Get my coaching badge renewed", -190, 195),),
                ),
                GoalSpec(
                    "purpose",
                    "Get my food handler card and apply at the co-op kitchen",
                    "improving",
                    written_days_ago=120,
                    target_in_days=45,
                    agreed_after_days=2,
                    steps=(
                        StepSpec("Take the food handler class", -60, 64),
                        StepSpec("Apply at the co-op kitchen", 21),
                    ),
                ),
                # Written together the day after he used: a slip adds a goal, it erases none.
                GoalSpec(
                    "health",
                    "Make it to 90 days again, one day at a time",
                    "in-progress",
                    written_days_ago=21,
                    target_in_days=68,
                    steps=(
                        StepSpec("Call Ray before every payday", -14, 14),
                        StepSpec("Pay rent and child support first thing on payday", -8, 8),
                        StepSpec("Go to a meeting every day for 30 days", 9),
                    ),
                ),
                GoalSpec(
                    "home",
                    "Have my son stay over every other weekend",
                    "in-progress",
                    written_days_ago=4,
                    target_in_days=90,
                    agreed_after_days=None,
                    steps=(StepSpec("Ask Denise about a weekend schedule", 14),),
                ),
            ),
        ),
    ),
    "ines": (
        PlanSpec(
            started_days_ago=12,
            title="Primeros pasos",
            strengths=("Soy muy organizada", "My mom believes in me"),
            barriers=("No duermo", "My work schedule changes every week"),
            goals=(
                GoalSpec(
                    "health",
                    "Dormir toda la noche sin pastillas",
                    "in-progress",
                    written_days_ago=12,
                    target_in_days=90,
                    steps=(StepSpec("Ask Dr. Patel about the sleep clinic", -2, 3),),
                ),
                GoalSpec(
                    "purpose",
                    "Volver a la panadería a tiempo completo",
                    "no-change",
                    written_days_ago=5,
                    target_in_days=120,
                    agreed_after_days=None,
                ),
            ),
        ),
    ),
}


# Check-ins


@dataclass(frozen=True)
class Stretch:
    """A run of days whose answers drift in a straight line from the values of its oldest
    day to those of its newest, with a little day-to-day wobble on top."""

    oldest_day: int  # days ago
    newest_day: int  # days ago; 1 is yesterday
    mood: tuple[float, float]  # 1-5, oldest day's then newest day's
    craving: tuple[float, float]  # 0-10
    sleep: tuple[float, float]  # hours
    adherence: float  # the chance of a check-in on any one day


@dataclass(frozen=True)
class Moment:
    """A check-in the story needs, exactly as answered. It replaces that day's routine one."""

    days_ago: int
    mood: int
    craving: int
    note: str | None = None
    used: bool = False
    wants_contact: bool = False
    sleep_hours: float | None = None
    hour: int = 18  # UTC: late morning in Oregon


@dataclass(frozen=True)
class CheckInStory:
    stretches: tuple[Stretch, ...]
    moments: tuple[Moment, ...] = ()
    good_notes: tuple[str, ...] = ()
    hard_notes: tuple[str, ...] = ()
    # The share of check-ins the specialist typed in during a call, on the participant's word.
    on_behalf: float = 0.05


# Routine answers stay within these bounds, so only a story's moments reach high risk (and
# none reaches crisis, which would need a crisis alert the demo does not create).
ROUTINE_MOOD = (2, 5)
ROUTINE_CRAVING = (0, 7)
MOOD_WOBBLE = (-1, 0, 0, 0, 1)
CRAVING_WOBBLE = (-1, 0, 0, 1)
SLEEP_ANSWERED = 0.7  # sleep is optional and often left out
NOTE_WRITTEN = 0.2

# Rowan has never checked in: the caseload shows what "no check-ins yet" looks like.
CHECK_IN_STORIES: dict[str, CheckInStory] = {
    # Steady: more than a year in, checks in most days.
    "jose": CheckInStory(
        stretches=(Stretch(89, 1, (3.8, 4.3), (2, 1), (6.5, 7), 0.85),),
        moments=(
            Moment(55, 5, 0, "365 días. Ana was there when I got my chip."),
            Moment(
                20, 3, 4, "Old friend from the block called. Didn't pick up. Called my sponsor."
            ),
        ),
        good_notes=(
            "Church, then worked on the truck with my brother.",
            "Took Ana to the zoo.",
            "Long day at the shop, cansado pero bien.",
            "Meeting at 7. Good share.",
        ),
        hard_notes=("Bad sleep. Mornings are the worst.",),
    ),
    # Improving steadily: rough sleep and strong cravings three months ago, a job now.
    "zoe": CheckInStory(
        stretches=(Stretch(89, 1, (2.3, 4.4), (6.5, 1.5), (4.5, 7.5), 0.75),),
        moments=(
            Moment(60, 3, 4, "First SMART meeting in person. Less scary than I thought."),
            Moment(16, 5, 1, "Got the job at the art supply store!!"),
        ),
        good_notes=(
            "Drew for three hours straight.",
            "Jess made pancakes. Good morning.",
            "Tuesday group tonight.",
            "Weekend was quiet but I'm okay with quiet.",
        ),
        hard_notes=(
            "Ex texted again. Blocked him.",
            "Couldn't sleep. Everything feels loud.",
            "Friday night feels long.",
        ),
    ),
    # Steady but sporadic, and silent for the last two and a half weeks: her sister is in
    # hospital (the outreach contact below finds out why).
    "siobhan": CheckInStory(
        stretches=(Stretch(88, 18, (3.8, 4.1), (1, 1), (5.5, 6.5), 0.5),),
        good_notes=(
            "River walk at 6 with the herons.",
            "Home group, made the coffee.",
            "Lunch with Maeve.",
        ),
        hard_notes=("Awake at 3 again.",),
    ),
    # Having a hard time now: the garage he worked at for thirty years closed three weeks ago.
    "darnell": CheckInStory(
        stretches=(
            Stretch(89, 25, (4, 3.8), (1, 2), (7, 6.5), 0.85),
            Stretch(23, 7, (3.5, 2.5), (3, 6), (6, 4.5), 0.7),
        ),
        moments=(
            Moment(24, 3, 3, "Shop is closing. 30 years and they give me two weeks."),
            Moment(6, 2, 7, "Bills on the table. Can't look at them."),
            Moment(4, 2, 8, "Haven't slept. Keep thinking about the old corner.", sleep_hours=3.5),
            Moment(3, 2, 7, "Can Marcus call me today", wants_contact=True, hour=15),
            Moment(2, 3, 6, "Went to the clinic with Marcus. Helped."),
            Moment(1, 2, 8, "Dosed this morning. White-knuckling it. Choir tonight."),
        ),
        good_notes=(
            "Choir practice.",
            "Fixed the neighbour's brakes for free.",
            "Clinic, then church.",
        ),
        hard_notes=(
            "No work today.",
            "Couldn't sleep, too much thinking.",
            "Rent is due and the shop is gone.",
        ),
    ),
    # Early days: enrolled three weeks ago.
    "mai": CheckInStory(
        stretches=(Stretch(20, 1, (2.8, 3.6), (5, 3.5), (5.5, 7), 0.7),),
        moments=(Moment(12, 3, 4, "Got the naltrexone shot. Arm is sore lol."),),
        good_notes=("Pho sat on my GED book again.", "Library study night.", "Good day honestly."),
        hard_notes=(
            "Boyfriend smoked in the car. Got out early.",
            "Kinda wanted to use today. Didn't.",
        ),
    ),
    # Long-steady; Lucía often takes her check-in over the phone.
    "lupe": CheckInStory(
        stretches=(Stretch(89, 1, (4, 4.5), (1.5, 0.5), (6, 6.5), 0.8),),
        moments=(Moment(34, 5, 0, "El recital de Sofía. Lloré todo el tiempo. Sober and proud."),),
        good_notes=(
            "Misa y comida con mis nietos.",
            "Cooked tamales for the parish.",
            "Only two cigarettes today!",
            "Caminé con mi vecina.",
        ),
        hard_notes=("Extraño a Manuel hoy.",),
        on_behalf=0.3,
    ),
    # Reported use three weeks ago after a payday weekend, a harder stretch after it, and
    # finding his feet again since. The record shows the use; it resets nothing.
    "kwame": CheckInStory(
        stretches=(
            Stretch(89, 30, (3.8, 4), (2, 3), (7, 6.5), 0.8),
            # Missed check-ins before a slip are a warning sign in their own right.
            Stretch(29, 23, (3.5, 3), (3, 5), (6.5, 5.5), 0.45),
            Stretch(21, 12, (2.5, 3.2), (6, 4), (4.5, 6), 0.9),
            Stretch(11, 1, (3.3, 4), (3, 2), (6, 7), 0.85),
        ),
        moments=(
            Moment(
                22,
                2,
                7,
                "Used last night. Payday, ran into the old crew. Not hiding it. Can Marcus call?",
                used=True,
                wants_contact=True,
                sleep_hours=4,
                hour=15,
            ),
            Moment(17, 2, 7, "Rough day. Didn't use. Called Ray twice."),
            Moment(6, 4, 1, "Coached the Saturday game. Kids won 3-1."),
        ),
        good_notes=(
            "Practice with the kids.",
            "Made jollof for the meeting potluck.",
            "Called Ray just to say hi.",
        ),
        hard_notes=(
            "Payday Friday. Leaving my card at home.",
            "Feels like everyone knows.",
            "Guilt is loud today.",
        ),
    ),
    # Two weeks in and sleeping badly while coming off sedatives: elevated, as at intake.
    "ines": CheckInStory(
        stretches=(Stretch(13, 2, (3, 3.2), (3, 3), (3.5, 4.5), 0.45),),
        moments=(
            Moment(1, 3, 4, "Otra noche sin dormir. Mañana veo a la doctora.", sleep_hours=3.5),
        ),
        good_notes=("Mi mamá vino a cenar.",),
        hard_notes=("No puedo dormir sin las pastillas.", "Turno doble en el trabajo."),
    ),
}


# Assessments

# BARC-10 totals every four to six weeks: rising for most, crossing the threshold of 47 for
# José; falling for Darnell, whose recovery capital took a blow when his work went. Mai and
# Inés have their intake baseline only.
BARC10_TOTALS: dict[str, tuple[tuple[int, int], ...]] = {  # key: ((days ago, total), ...)
    "jose": ((84, 44), (47, 46), (9, 49)),
    "zoe": ((87, 31), (52, 36), (14, 42)),
    "siobhan": ((79, 48), (37, 50)),
    "darnell": ((86, 45), (44, 43), (4, 37)),
    "lupe": ((75, 50), (33, 53)),
    "kwame": ((88, 39), (55, 44), (20, 41)),
    "mai": ((18, 28),),
    "ines": ((12, 33),),
}

NO_TO_ALL = {"wish_dead": False, "suicidal_thoughts": False, "behavior": False}
# C-SSRS screens, following the screener's skip logic: mostly low, and one moderate for
# Darnell (a past attempt, years ago) during his hard stretch. None is high: a high screen
# must raise a crisis alert, and alerts are not built yet.
CSSRS_SCREENS: dict[str, tuple[tuple[int, dict[str, bool]], ...]] = {
    "zoe": ((87, NO_TO_ALL),),
    "kwame": ((21, NO_TO_ALL),),
    "mai": ((18, NO_TO_ALL),),
    "ines": ((12, {"wish_dead": True, "suicidal_thoughts": False, "behavior": False}),),
    "darnell": (
        (
            3,
            {
                "wish_dead": True,
                "suicidal_thoughts": False,
                "behavior": True,
                "behavior_recent": False,
            },
        ),
    ),
}


# Encounters


@dataclass(frozen=True)
class Contact:
    """An encounter a story needs, on a given day."""

    days_ago: int
    mode: EncounterMode
    minutes: int
    dimensions: tuple[Dimension, ...]
    note: str
    referrals: tuple[str, ...] = ()
    hour: int = 18  # UTC: late morning in Oregon


@dataclass(frozen=True)
class ContactLog:
    """A matched participant's contacts: routine ones about weekly, and the story's own."""

    referrals: tuple[str, ...]  # what routine contacts now and then refer to
    contacts: tuple[Contact, ...] = ()
    gap_days: tuple[int, int] = (5, 9)  # between routine contacts


# How often each mode comes up in routine contacts, and how long each one takes.
ROUTINE_MODES: tuple[tuple[EncounterMode, int], ...] = (
    ("in_person", 35),
    ("phone", 30),
    ("text", 15),
    ("video", 10),
    ("group", 10),
)
MODE_MINUTES: dict[EncounterMode, tuple[int, int]] = {
    "in_person": (40, 90),
    "phone": (15, 40),
    "text": (10, 15),
    "video": (25, 50),
    "group": (60, 90),
    "outreach": (30, 60),
}
REFERRAL_MADE = 0.15
# The peer's own words; {first} is the participant's first name.
ROUTINE_NOTES: dict[EncounterMode, tuple[str, ...]] = {
    "in_person": (
        "Coffee with {first} at the Bridge Street café. Went over the week and the plan; "
        "{first} did most of the talking, which is how it should be.",
        "Met {first} at the library. Worked through next steps together and celebrated the "
        "ones already done.",
        "Walked the river path with {first}. Easier to talk side by side. Good energy today.",
        "Drove {first} to an appointment and we talked on the way back. Shared a bit of my "
        "own first year.",
    ),
    "phone": (
        "Check-in call with {first}. Steady week, nothing urgent. Reminded about the Tuesday "
        "group.",
        "{first} called to talk through a hard conversation with family. Mostly listened. "
        "Ended on a good note.",
        "Quick call to plan next week's meet-up. {first} sounded rested.",
    ),
    "text": (
        "Texted {first} a reminder about Thursday; got a thumbs-up back.",
        "Back-and-forth texts about the weekend. {first} has something sober lined up for "
        "Saturday.",
        "Sent {first} the bus route to the appointment. Confirmed.",
    ),
    "video": (
        "Video call since {first} couldn't get a ride. Went through the plan goal by goal.",
        "Video check-in. {first} showed me what's changed at home, proud of it.",
    ),
    "group": (
        "{first} came to the Thursday peer circle and shared for the first time in a while.",
        "Peer circle at the center. {first} stayed after to stack chairs and talk.",
    ),
}

# Contacts are logged only by a matched specialist, so only matched participants have them.
CONTACT_LOGS: dict[str, ContactLog] = {
    "jose": ContactLog(
        referrals=("Oak Street housing navigator", "Eastside Community College welding program"),
        contacts=(
            Contact(
                55,
                "group",
                90,
                ("community",),
                "José took his one-year chip at the Friday meeting and asked me to come. Ana "
                "was there. Didn't need to say much.",
                hour=2,
            ),
            Contact(
                6,
                "in_person",
                45,
                ("purpose",),
                "José lit up talking about welding. Looked up the certificate program "
                "together; I wrote it into his plan for him to look over and change.",
                ("Eastside Community College welding program",),
            ),
        ),
    ),
    "zoe": ContactLog(
        referrals=("SMART Recovery Tuesday group", "Oak Street housing navigator"),
        contacts=(
            Contact(
                88,
                "in_person",
                60,
                ("health", "community"),
                "Zoë is sleeping badly and weekends are the hardest. Talked about SMART's "
                "cost-benefit tool; she wants to try the Tuesday group.",
                ("SMART Recovery Tuesday group",),
            ),
            Contact(
                40,
                "in_person",
                75,
                ("purpose",),
                "Zoë brought her sketchbook. The prints are really good. Helped with the "
                "market vendor application; a month ago she'd have quit halfway.",
                ("Saturday Makers Market vendor program",),
            ),
            Contact(
                16,
                "phone",
                20,
                ("purpose",),
                "Zoë called to say she got the job at the art supply store. Huge. Talked about "
                "protecting Tuesday group night in the new schedule.",
            ),
        ),
    ),
    "siobhan": ContactLog(
        referrals=("Riverside sleep clinic", "Hospice volunteer coordinator"),
        contacts=(
            Contact(
                30,
                "in_person",
                60,
                ("community", "purpose"),
                "Walked the river path with Siobhán. She's been chairing her home group. "
                "Talked about what sponsoring someone would ask of her.",
            ),
            Contact(
                9,
                "outreach",
                40,
                ("community",),
                "Siobhán hadn't checked in for over a week, so I stopped by. Her sister Maeve "
                "had surgery and she's been at the hospital every day. She's okay, stretched "
                "thin. Said she'd pick the check-ins back up when Maeve is home.",
            ),
        ),
    ),
    "darnell": ContactLog(
        referrals=("WorkSource job coach", "County rent assistance"),
        contacts=(
            Contact(
                23,
                "in_person",
                60,
                ("purpose", "health"),
                "Darnell's shop is closing after 30 years. Angry and scared, and honest that "
                "the cravings are back. Connected him with the WorkSource job coach; he wants "
                "to keep working with his hands.",
                ("WorkSource job coach",),
            ),
            Contact(
                10,
                "phone",
                25,
                ("home",),
                "Rent is the big worry now. Went through the county rent assistance form on "
                "the phone; he'll bring his last pay stubs Friday.",
                ("County rent assistance",),
            ),
            Contact(
                3,
                "in_person",
                75,
                ("health", "home"),
                "Darnell asked me to call. Cravings strong, not sleeping. Went to the clinic "
                "with him to ask his counsellor about a dose review. Went over his safety plan "
                "together; naloxone is in his jacket. Daily contact this week.",
                ("Methadone clinic counsellor",),
            ),
            Contact(
                2,
                "phone",
                20,
                ("health",),
                "Daily call. Dose review is booked for Monday. Tired but talking.",
            ),
            Contact(
                1,
                "phone",
                20,
                ("health", "community"),
                "Daily call. Made his dose, going to choir tonight. Still hard. Same time "
                "tomorrow.",
            ),
        ),
    ),
    "lupe": ContactLog(
        referrals=("Tobacco quit line coaching", "St. Anne's seniors lunch"),
        contacts=(
            Contact(
                34,
                "phone",
                15,
                ("community",),
                "Lupe called after Sofía's recital, happy tears. Goal achieved; we'll mark it "
                "in her plan together Thursday.",
                hour=3,
            ),
            Contact(
                20,
                "in_person",
                60,
                ("health",),
                "Lupe is down to three cigarettes a day. Signed her up for quit line coaching "
                "calls. Hablamos en español todo el tiempo; she relaxes more that way.",
                ("Tobacco quit line coaching",),
            ),
        ),
    ),
    "kwame": ContactLog(
        referrals=("Cascade Outpatient relapse-prevention group", "Legal aid family law clinic"),
        contacts=(
            Contact(
                22,
                "phone",
                35,
                ("health",),
                "Kwame called the morning after using. No shame in it, and I told him so. "
                "Walked back through what led up to it: payday, the guys from the old job. "
                "Plan for the next 72 hours: meeting tonight, call Ray, check in daily.",
                ("Cascade Outpatient relapse-prevention group",),
                hour=16,
            ),
            Contact(
                21,
                "in_person",
                60,
                ("health", "home"),
                "Met Kwame at the diner. Tired and hard on himself. Shared my own slip in year "
                "one. Wrote his 90-day goal together, with a payday plan: rent and child "
                "support go out first thing.",
            ),
            Contact(
                19,
                "text",
                10,
                ("community",),
                "Asked how the meeting went. 'Good. Hard. Going again tomorrow.'",
            ),
            Contact(
                12,
                "group",
                90,
                ("community",),
                "Kwame talked about the slip at peer circle. Three people thanked him after.",
            ),
            Contact(
                6,
                "in_person",
                45,
                ("community", "health"),
                "Watched the end of Kwame's Saturday game; he's in his element out there. The "
                "daily meetings are holding.",
            ),
        ),
    ),
}


@dataclass(frozen=True)
class _Peer:
    """Who works with a participant now: the specialist of their active match or, until they
    are matched, the specialist who took them in."""

    user_id: uuid.UUID
    matched_since: datetime | None  # None: not matched


def _load_recovery_work(
    *,
    db: Session,
    now: datetime,
    people: Mapping[str, Participant],
    staff: Mapping[str, User],
    accounts: Mapping[str, User],
) -> None:
    """Plans, check-ins, assessments and encounters for every active participant."""
    rng = random.Random(SEED)
    active = {key: person for key, person in people.items() if person.status == "active"}
    peers = _peers_now(db=db, people=active)
    for key, person in active.items():
        for spec in PLANS.get(key, ()):
            _start_plan(
                db=db,
                now=now,
                participant=person,
                spec=spec,
                author=staff[spec.started_by].id if spec.started_by else peers[key].user_id,
                account=accounts.get(key),
            )
    _record_check_ins(db=db, now=now, rng=rng, people=active, peers=peers, accounts=accounts)
    _record_assessments(db=db, now=now, rng=rng, people=active, peers=peers)
    _log_encounters(db=db, now=now, rng=rng, people=active, peers=peers)
    db.flush()


def _peers_now(*, db: Session, people: Mapping[str, Participant]) -> dict[str, _Peer]:
    rows = db.execute(
        select(PeerMatch.participant_id, Specialist.user_id, PeerMatch.activated_at)
        .join(Specialist, Specialist.id == PeerMatch.specialist_id)
        .where(
            PeerMatch.status == "active",
            PeerMatch.participant_id.in_([person.id for person in people.values()]),
        )
    )
    matched = {participant_id: _Peer(user_id, since) for participant_id, user_id, since in rows}
    peers: dict[str, _Peer] = {}
    for key, person in people.items():
        if person.id in matched:
            peers[key] = matched[person.id]
        elif person.intake_by_user_id is not None:
            peers[key] = _Peer(person.intake_by_user_id, None)
        else:
            raise RuntimeError(f"{person.preferred_name} has no specialist to work with")
    return peers


def _principal(user_id: uuid.UUID, participant: Participant, role: Role) -> Principal:
    return Principal(
        user_id=user_id,
        role=role,
        organisation_id=participant.organisation_id,
        participant_id=participant.id if role == "participant" else None,
    )


def _backdate(row: RecoveryPlan | Goal | GoalStep, at: datetime) -> None:
    # The services stamp "now"; the demo moves the record to when it happened in the story.
    row.created_at = at
    row.updated_at = at


def _start_plan(
    *,
    db: Session,
    now: datetime,
    participant: Participant,
    spec: PlanSpec,
    author: uuid.UUID,
    account: User | None,
) -> RecoveryPlan:
    """A plan as the service starts it (archiving the previous one and carrying its open
    goals), moved back to the day it was started, with the spec's own goals added."""
    started_at = _days_ago(now, spec.started_days_ago, hour=17)
    previous = plans.active_plan(db=db, participant_id=participant.id)
    plan = plans.start_plan(
        db=db,
        principal=_principal(author, participant, "specialist"),
        participant=participant,
        data=PlanCreate(
            title=spec.title, strengths=list(spec.strengths), barriers=list(spec.barriers)
        ),
    )
    plan.started_at = started_at
    _backdate(plan, started_at)
    if previous is not None:
        previous.archived_at = started_at
        previous.updated_at = started_at
        # The carried copies keep their words and agreement; they joined this plan today.
        carried = plans.goals_of(db=db, plan_id=plan.id)
        for goal in carried:
            goal.updated_at = started_at
        for steps in plans.steps_by_goal(db=db, goal_ids=[goal.id for goal in carried]).values():
            for step in steps:
                step.updated_at = started_at
    for position, goal_spec in enumerate(spec.goals):
        _add_goal(
            db=db,
            now=now,
            plan=plan,
            spec=goal_spec,
            position=position,
            author=author,
            account=account,
        )
    db.flush()
    return plan


def _add_goal(
    *,
    db: Session,
    now: datetime,
    plan: RecoveryPlan,
    spec: GoalSpec,
    position: int,
    author: uuid.UUID,
    account: User | None,
) -> Goal:
    participant = db.get(Participant, plan.participant_id)
    assert participant is not None  # a foreign key guarantees it
    if spec.written_by == "participant":
        if account is None:
            raise RuntimeError(f"{participant.preferred_name} has no account to write goals with")
        principal = _principal(account.id, participant, "participant")
    else:
        principal = _principal(author, participant, "specialist")
    # Goals and steps are listed by when they were written; a minute apart keeps the order
    # of the table among those written the same day.
    written_at = _days_ago(now, spec.written_days_ago, hour=17) + timedelta(minutes=position)
    target = None if spec.target_in_days is None else now.date() + timedelta(spec.target_in_days)
    goal = plans.add_goal(
        db=db,
        principal=principal,
        plan=plan,
        data=GoalCreate(
            dimension=spec.dimension,
            statement=spec.statement,
            status=spec.status,
            target_date=target,
        ),
    )
    # The service settles whether the goal is agreed (the participant's own words are, at
    # once); the demo only moves that moment back to when it happened.
    if spec.written_by == "specialist" and spec.agreed_after_days is not None:
        plans.agree_to_goal(db=db, goal=goal)
        goal.agreed_by_participant_at = written_at + timedelta(days=spec.agreed_after_days)
    elif spec.written_by == "participant":
        goal.agreed_by_participant_at = written_at
    _backdate(goal, written_at)
    for number, step_spec in enumerate(spec.steps, start=1):
        step = plans.add_step(
            db=db,
            goal=goal,
            data=StepCreate(
                description=step_spec.description,
                due_date=now.date() + timedelta(step_spec.due_in_days),
            ),
        )
        _backdate(step, written_at + timedelta(seconds=number))
        if step_spec.done_days_ago is not None:
            plans.update_step(db=db, step=step, data=StepUpdate(done=True))
            step.done_at = _days_ago(now, step_spec.done_days_ago, hour=19)
            step.updated_at = step.done_at
    return goal


def _record_check_ins(
    *,
    db: Session,
    now: datetime,
    rng: random.Random,
    people: Mapping[str, Participant],
    peers: Mapping[str, _Peer],
    accounts: Mapping[str, User],
) -> None:
    """Each story's check-ins, inserted directly: the API takes only the last seven days."""
    for key, story in CHECK_IN_STORIES.items():
        participant = people[key]
        account = accounts.get(key)
        account_id = account.id if account is not None else None
        for recorded_at, answers in _story_answers(rng=rng, now=now, story=story):
            on_behalf = rng.random() < story.on_behalf
            row = CheckIn(
                organisation_id=participant.organisation_id,
                participant_id=participant.id,
                recorded_at=recorded_at,
                mood=answers.mood,
                craving=answers.craving,
                used_since_last=answers.used,
                sleep_hours=answers.sleep_hours,
                note=answers.note,
                wants_contact=answers.wants_contact,
                entered_by_role="specialist" if on_behalf else "participant",
                # Participants without an app account check in on a shared tablet at the
                # centre; such a check-in names no account.
                entered_by_user_id=peers[key].user_id if on_behalf else account_id,
            )
            # The one rule the app uses, stored as the app stores it.
            row.risk_level = row.assess().level
            if row.risk_level == "crisis":
                raise RuntimeError("a crisis check-in needs a crisis alert; the demo has none")
            db.add(row)
    db.flush()
    # As in the app, the participant's current risk follows their latest check-in; those
    # who never checked in keep their specialist's judgement from intake.
    for key in CHECK_IN_STORIES:
        latest = check_ins.latest_for(db=db, participant_id=people[key].id)
        if latest is not None:
            people[key].risk_level = latest.risk_level


def _story_answers(
    *, rng: random.Random, now: datetime, story: CheckInStory
) -> list[tuple[datetime, Moment]]:
    """The story's check-ins, oldest first: its moments, and on other days, as often as the
    stretch's adherence says, routine answers along the stretch's line (carried in a
    ``Moment`` too, since they are the same answers)."""
    moment_days = {moment.days_ago for moment in story.moments}
    answers = [(_days_ago(now, m.days_ago, hour=m.hour), m) for m in story.moments]
    for stretch in story.stretches:
        span = max(stretch.oldest_day - stretch.newest_day, 1)
        for day in range(stretch.oldest_day, stretch.newest_day - 1, -1):
            if day in moment_days or rng.random() >= stretch.adherence:
                continue
            along = (stretch.oldest_day - day) / span

            def drift(ends: tuple[float, float], along: float = along) -> float:
                return ends[0] + (ends[1] - ends[0]) * along

            mood = _clamp(round(drift(stretch.mood)) + rng.choice(MOOD_WOBBLE), *ROUTINE_MOOD)
            craving = _clamp(
                round(drift(stretch.craving)) + rng.choice(CRAVING_WOBBLE), *ROUTINE_CRAVING
            )
            sleep = (
                round((drift(stretch.sleep) + rng.uniform(-1, 1)) * 2) / 2
                if rng.random() < SLEEP_ANSWERED
                else None
            )
            hard = mood <= 2 or craving >= 5
            pool = story.hard_notes if hard else story.good_notes
            note = rng.choice(pool) if pool and rng.random() < NOTE_WRITTEN else None
            # People check in at different times of day; 14-23 UTC is daytime in Oregon.
            at = _days_ago(now, day, hour=rng.randint(14, 23)) + timedelta(
                minutes=rng.randrange(60)
            )
            answers.append((at, Moment(day, mood, craving, note, sleep_hours=sleep)))
    return sorted(answers, key=lambda pair: pair[0])


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _record_assessments(
    *,
    db: Session,
    now: datetime,
    rng: random.Random,
    people: Mapping[str, Participant],
    peers: Mapping[str, _Peer],
) -> None:
    """BARC-10s and C-SSRS screens, scored by the instruments' own rules and inserted
    directly, administered by whoever works with the participant now."""
    rows: list[Assessment] = []
    for key, totals in BARC10_TOTALS.items():
        for days_ago, total in totals:
            answers = _barc10_answers(total, rng)
            barc10 = scoring.score_barc10(answers)
            rows.append(
                _assessment(
                    participant=people[key],
                    by=peers[key].user_id,
                    at=_days_ago(now, days_ago, hour=18),
                    instrument="barc10",
                    responses=answers,
                    result=scoring.Score(
                        total=barc10.total, meets_threshold=barc10.meets_threshold
                    ),
                )
            )
    for key, screens in CSSRS_SCREENS.items():
        for days_ago, cssrs_answers in screens:
            result = scoring.score("cssrs_screen", cssrs_answers)
            if result.risk == "high":
                raise RuntimeError("a high C-SSRS screen needs a crisis alert; the demo has none")
            rows.append(
                _assessment(
                    participant=people[key],
                    by=peers[key].user_id,
                    at=_days_ago(now, days_ago, hour=18),
                    instrument="cssrs_screen",
                    responses=dict(cssrs_answers),
                    result=result,
                )
            )
    db.add_all(rows)


def _barc10_answers(total: int, rng: random.Random) -> list[int]:
    """Ten answers on the 1-6 scale that add up to ``total``, uneven as real answers are."""
    base, extra = divmod(total, scoring.BARC10_ITEM_COUNT)
    answers = [base + (1 if item < extra else 0) for item in range(scoring.BARC10_ITEM_COUNT)]
    for _ in range(8):
        # Move a point from one item to another: the total stays, the profile varies.
        up, down = rng.sample(range(scoring.BARC10_ITEM_COUNT), 2)
        if answers[up] < scoring.BARC10_MAX_ANSWER and answers[down] > scoring.BARC10_MIN_ANSWER:
            answers[up] += 1
            answers[down] -= 1
    return answers


def _assessment(
    *,
    participant: Participant,
    by: uuid.UUID,
    at: datetime,
    instrument: scoring.Instrument,
    responses: list[int] | dict[str, bool],
    result: scoring.Score,
) -> Assessment:
    return Assessment(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        instrument=instrument,
        responses=responses,
        total=result.total,
        meets_threshold=result.meets_threshold,
        risk=result.risk,
        administered_at=at,
        administered_by_user_id=by,
        created_at=at,
    )


def _log_encounters(
    *,
    db: Session,
    now: datetime,
    rng: random.Random,
    people: Mapping[str, Participant],
    peers: Mapping[str, _Peer],
) -> None:
    """Each matched participant's contact log, through the service so billing applies."""
    for key, log in CONTACT_LOGS.items():
        participant, peer = people[key], peers[key]
        if peer.matched_since is None:
            raise RuntimeError(f"{participant.preferred_name} has no specialist to log contacts")
        first_name = participant.preferred_name.split()[0]
        contacts = [*log.contacts, *_routine_contacts(rng=rng, key=key, log=log, first=first_name)]
        principal = _principal(peer.user_id, participant, "specialist")
        for contact in sorted(contacts, key=lambda c: -c.days_ago):
            started_at = _days_ago(now, contact.days_ago, hour=contact.hour)
            if started_at < peer.matched_since:
                continue  # the match did not exist yet
            encounter = encounters.create(
                db=db,
                principal=principal,
                participant=participant,
                data=EncounterCreate(
                    mode=contact.mode,
                    started_at=started_at,
                    minutes=contact.minutes,
                    dimensions=list(contact.dimensions),
                    referrals=list(contact.referrals),
                    note=contact.note,
                ),
            )
            # Logged straight after the contact ended.
            logged_at = started_at + timedelta(minutes=contact.minutes + 10)
            encounter.created_at = logged_at
            encounter.updated_at = logged_at


def _routine_contacts(
    *, rng: random.Random, key: str, log: ContactLog, first: str
) -> list[Contact]:
    """About a contact a week, on days the story leaves free: one contact a day at most
    keeps every day under the billing cap. They address the dimensions of the
    participant's plans."""
    focus = sorted(
        {goal.dimension for plan in PLANS.get(key, ()) for goal in plan.goals},
        key=DIMENSIONS.index,
    )
    story_days = {contact.days_ago for contact in log.contacts}
    modes = [mode for mode, _ in ROUTINE_MODES]
    weights = [weight for _, weight in ROUTINE_MODES]
    routine: list[Contact] = []
    day = WINDOW_DAYS - rng.randint(0, 4)
    while day >= 2:
        if all(abs(day - story_day) > 1 for story_day in story_days):
            mode = rng.choices(modes, weights)[0]
            low, high = MODE_MINUTES[mode]
            dimensions = rng.sample(focus, k=min(len(focus), rng.randint(1, 2)))
            routine.append(
                Contact(
                    days_ago=day,
                    mode=mode,
                    minutes=rng.randrange(low, high + 1, 5),
                    dimensions=tuple(sorted(dimensions, key=DIMENSIONS.index)),
                    note=rng.choice(ROUTINE_NOTES[mode]).format(first=first),
                    referrals=(rng.choice(log.referrals),) if rng.random() < REFERRAL_MADE else (),
                    hour=rng.randint(16, 23),
                )
            )
        day -= rng.randint(*log.gap_days)
    return routine


# Crisis support -------------------------------------------------------------------------

JOSE_CONTACTS = (
    # (kind, name, phone, may_contact): José's own list, in his order after Lucía.
    ("family", "Ana Ramírez (my daughter)", "(503) 555-0121", True),
    ("peer_mentor", "Father Tomás (St. Andrew's recovery group)", "(503) 555-0122", True),
    ("clinician", "Dr. Okafor, Cascade Bridge Clinic", "(503) 555-0123", False),
)

JOSE_SAFETY_PLAN = SafetyPlanWrite(
    warning_signs=[
        "Skipping Mass two Sundays in a row",
        "Driving past my old corner on the way home",
        "Not calling Ana back",
    ],
    internal_coping=["Work on the truck in the garage", "Pray the rosary", "Walk the dog"],
    social_distractions=["Coffee after the 7 a.m. meeting", "Ana's soccer games"],
    people_to_ask=["Ana, my daughter", "Father Tomás", "Lucía, my peer specialist"],
    professionals=[
        "Dr. Okafor, Cascade Bridge Clinic: (503) 555-0123",
        "988 Suicide & Crisis Lifeline: call or text 988",
    ],
    environment_safety=[
        "Keep my buprenorphine in the lockbox; Ana has the spare key",
        "No cash in the truck on payday",
    ],
)


def _load_crisis_support(
    *,
    db: Session,
    people: Mapping[str, Participant],
    staff: Mapping[str, User],
    peer: Mapping[str, Specialist],
    accounts: Mapping[str, User],
) -> None:
    """José's crisis contacts and safety plan (written with Lucía, then revised by him),
    and the alerts of Darnell's hard week."""
    jose, lucia = people["jose"], staff[LUCIA_EMAIL]
    as_jose = users_principal(accounts["jose"])
    for kind, name, phone, may_contact in JOSE_CONTACTS:
        crisis_contacts.add(
            db=db,
            principal=as_jose if may_contact else _as_specialist(lucia),
            participant=jose,
            data=CrisisContactCreate(kind=kind, name=name, phone=phone, may_contact=may_contact),
        )
    first = JOSE_SAFETY_PLAN.model_copy(
        update={"environment_safety": ["Keep my buprenorphine in the lockbox"]}
    )
    safety_plan.write(db=db, principal=_as_specialist(lucia), participant=jose, data=first)
    safety_plan.write(db=db, principal=as_jose, participant=jose, data=JOSE_SAFETY_PLAN)

    _load_alerts(db=db, darnell=people["darnell"], marcus=staff[MARCUS_EMAIL])


# What Marcus wrote when he closed each of Darnell's earlier alerts, oldest first.
DARNELL_RESOLUTIONS = (
    "Called him that evening. Talked through the bills; he is going to choir.",
    "Drove him to the clinic for his dose and sat in on the counsellor visit.",
    "He asked for a call and got one within the hour. Made a plan for the weekend.",
    "Checked in by text the next morning; he slept and feels steadier.",
)


def _load_alerts(*, db: Session, darnell: Participant, marcus: User) -> None:
    """An alert for each of Darnell's high-risk check-ins, as the app raises them: Marcus
    answered and closed the earlier ones; the latest is still open."""
    worrying = db.scalars(
        select(CheckIn)
        .where(CheckIn.participant_id == darnell.id, CheckIn.risk_level.in_(("high", "crisis")))
        .order_by(CheckIn.recorded_at)
    ).all()
    if not worrying:
        raise RuntimeError("the demo's story gives Darnell high-risk check-ins in his hard week")
    *answered, latest = worrying
    for check_in, note in zip(answered, itertools.cycle(DARNELL_RESOLUTIONS), strict=False):
        alert = alerts.raise_alert(
            db=db, participant=darnell, severity="high", source="check_in", source_id=check_in.id
        )
        alert.created_at = check_in.recorded_at
        alert.status = "resolved"
        alert.acknowledged_at = check_in.recorded_at + timedelta(minutes=9)
        alert.acknowledged_by_user_id = marcus.id
        alert.resolved_at = check_in.recorded_at + timedelta(hours=3)
        alert.resolved_by_user_id = marcus.id
        alert.resolution_note = note
    open_alert = alerts.raise_alert(
        db=db, participant=darnell, severity="high", source="check_in", source_id=latest.id
    )
    open_alert.created_at = latest.recorded_at
    db.flush()


# --- Outcome surveys ----------------------------------------------------------------------

# Past participants who finished the program, with all three surveys: enough people for the
# outcome summary to show figures (cells under 11 people are suppressed).
ALUMNI_NAMES = (
    "Aaliyah B.",
    "Andre C.",
    "Beth D.",
    "Bilal E.",
    "Carmen F.",
    "Cody G.",
    "Dana H.",
    "Deshawn I.",
    "Elena J.",
    "Eric K.",
    "Fatima L.",
    "Frank M.",
    "Grace N.",
    "Hector O.",
    "Ivy P.",
    "Jamal Q.",
    "Jenna R.",
    "Kofi S.",
    "Laura T.",
    "Luis U.",
    "Maya V.",
    "Nate W.",
    "Olga X.",
    "Pedro Y.",
    "Quinn Z.",
    "Rosa A.",
    "Sam B.",
    "Tanya C.",
    "Umar D.",
    "Val E.",
    "Wes F.",
    "Xochitl G.",
    "Yusuf H.",
    "Zara I.",
    "Ben J.",
    "Cleo K.",
    "Drew L.",
    "Esme M.",
    "Gil N.",
    "Hana O.",
    "Ike P.",
    "Jo Q.",
)


def _measures(rng: random.Random, timepoint: str) -> OutcomeMeasures:
    """Answers that look like a program's: hard at intake, better six months on, and
    better still (for most) at discharge."""
    better = {"intake": 0.0, "followup_6mo": 0.6, "discharge": 0.75}[timepoint]
    sober = rng.random() < better
    return OutcomeMeasures(
        alcohol_days=0 if sober else rng.randint(2, 24),
        drug_days=0 if sober or rng.random() < 0.4 else rng.randint(1, 18),
        arrests=0 if rng.random() < 0.75 + better / 4 else 1,
        er_visits=0 if rng.random() < 0.55 + better / 2 else rng.randint(1, 3),
        inpatient_nights=0 if rng.random() < 0.7 + better / 3 else rng.randint(1, 7),
        housing="stable"
        if rng.random() < 0.3 + better * 0.7
        else rng.choice(("unstable", "unstable", "homeless")),
        employment=rng.choice(("employed_full_time", "employed_part_time", "in_education"))
        if rng.random() < 0.2 + better * 0.6
        else rng.choice(("unemployed", "not_in_labour_force")),
        in_treatment=rng.random() < 0.5 + better / 3,
        satisfaction=None if timepoint == "intake" else rng.choice((3, 4, 4, 5, 5, 5)),
        social_support=rng.random() < 0.3 + better * 0.6,
    )


def _survey(
    *,
    db: Session,
    participant: Participant,
    timepoint: str,
    day: date,
    by: User,
    rng: random.Random,
) -> None:
    db.add(
        OutcomeSurvey(
            organisation_id=participant.organisation_id,
            participant_id=participant.id,
            timepoint=timepoint,
            administered_on=day,
            **_measures(rng, timepoint).model_dump(),
            recorded_by_user_id=by.id,
            recorded_by_role="specialist",
        )
    )


def _load_outcomes(
    *,
    db: Session,
    now: datetime,
    people: Mapping[str, Participant],
    staff: Mapping[str, User],
) -> None:
    """Intake surveys a week after enrolment, follow-ups at six months for those enrolled
    long enough (some left due, for the due list), and a cohort of past participants with
    all three, most of whom consented to share their outcomes with the state evaluation."""
    rng = random.Random(2026)
    today = now.date()
    for person in PEOPLE:
        participant = people[person.key]
        intake_day = participant.enrolled_at.date() + timedelta(days=7)
        if intake_day > today - timedelta(days=7):
            continue  # newly enrolled: the intake survey is still due
        by = staff[person.intake_by]
        _survey(db=db, participant=participant, timepoint="intake", day=intake_day, by=by, rng=rng)
        follow_up = outcome_service.follow_up_window(intake_day)
        # Taken around the due day for those well past it; the window is still open for
        # those enrolled about six months ago.
        if follow_up.due_on + timedelta(days=20) <= today:
            day = follow_up.due_on + timedelta(days=rng.randint(-10, 12))
            _survey(
                db=db, participant=participant, timepoint="followup_6mo", day=day, by=by, rng=rng
            )
    marcus, lucia = staff[MARCUS_EMAIL], staff[LUCIA_EMAIL]
    for n, name in enumerate(ALUMNI_NAMES):
        by = marcus if n % 2 else lucia
        enrolled_days_ago = 430 + 7 * n
        enrolled_at = _days_ago(now, enrolled_days_ago, hour=17)
        alumnus = participants.intake(
            db=db,
            principal=_as_specialist(by),
            data=ParticipantCreate(
                preferred_name=name,
                primary_language="es" if n % 5 == 0 else "en",
                substances=[rng.choice(("alcohol", "opioids", "stimulants"))],
                recovery_pathways=[
                    rng.choice(("mutual_aid_12_step", "smart_recovery", "moud_buprenorphine"))
                ],
                strengths=[],
                enrolment_consent=EnrolmentConsentIn(signed_at=enrolled_at, signature=name),
            ),
        )
        alumnus.enrolled_at = enrolled_at
        alumnus.status = "discharged"
        intake_day = enrolled_at.date() + timedelta(days=rng.randint(2, 14))
        follow_up_due = outcome_service.follow_up_window(intake_day).due_on
        discharge_day = follow_up_due + timedelta(days=rng.randint(60, 200))
        taken: tuple[tuple[str, date], ...] = (
            ("intake", intake_day),
            ("followup_6mo", follow_up_due + timedelta(days=rng.randint(-14, 21))),
            ("discharge", min(discharge_day, today - timedelta(days=3))),
        )
        for timepoint, taken_on in taken:
            _survey(db=db, participant=alumnus, timepoint=timepoint, day=taken_on, by=by, rng=rng)
        if n % 6 != 5:  # most, not all, agreed at discharge to share their outcomes
            _disclose(
                db=db,
                principal=_as_specialist(by),
                participant=alumnus,
                now=now,
                days_ago=(today - taken[-1][1]).days,
                signature=name,
            )
    db.flush()
