"""Every model, imported in one place so metadata is complete (Alembic, tests)."""

from app.auth.models import RefreshToken
from app.consents.models import Consent
from app.core.audit import AuditEvent
from app.core.base import Base
from app.matching.models import PeerMatch
from app.organisations.models import Organisation
from app.participants.models import Participant
from app.specialists.models import Specialist
from app.users.models import User

__all__ = [
    "AuditEvent",
    "Base",
    "Consent",
    "Organisation",
    "Participant",
    "PeerMatch",
    "RefreshToken",
    "Specialist",
    "User",
]
