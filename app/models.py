"""Every model, imported in one place so metadata is complete (Alembic, tests)."""

from app.alerts.models import Alert, AlertStreamTicket
from app.assessments.models import Assessment
from app.auth.models import RefreshToken
from app.check_ins.models import CheckIn
from app.consents.models import Consent
from app.core.audit import AuditEvent
from app.core.base import Base
from app.core.idempotency import IdempotencyKey
from app.crisis.models import CrisisContact, CrisisEvent, SafetyPlanVersion
from app.disclosures.models import Disclosure
from app.encounters.models import Encounter
from app.integrators.models import IntegratorClient
from app.matching.models import MatchingPreferences, PeerMatch
from app.organisations.models import Organisation
from app.outcomes.models import OutcomeSurvey
from app.participants.models import Participant
from app.plans.models import Goal, GoalStep, RecoveryPlan
from app.specialists.models import Specialist, SpecialistLanguage
from app.users.models import User

__all__ = [
    "Alert",
    "AlertStreamTicket",
    "Assessment",
    "AuditEvent",
    "Base",
    "CheckIn",
    "Consent",
    "CrisisContact",
    "CrisisEvent",
    "Disclosure",
    "Encounter",
    "Goal",
    "GoalStep",
    "IdempotencyKey",
    "IntegratorClient",
    "MatchingPreferences",
    "Organisation",
    "OutcomeSurvey",
    "Participant",
    "PeerMatch",
    "RecoveryPlan",
    "RefreshToken",
    "SafetyPlanVersion",
    "Specialist",
    "SpecialistLanguage",
    "User",
]
