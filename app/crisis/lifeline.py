"""The crisis routes' answer when nothing else works: the 988 Lifeline.

When the database is unavailable the crisis routes cannot read a participant's contacts,
but they must still tell the person in crisis who to call. The app factory wires
``when_unavailable`` into the 503 handler."""

from __future__ import annotations

import re
import uuid
from typing import Any

from fastapi import Request

from app.crisis.contacts import lifeline

_CRISIS_PATHS = re.compile(
    r"/api/v1/(?:participants/(?P<participant_id>[^/]+)/crisis-events|me/crisis-plan)/?$"
)
NO_DATABASE_MESSAGE = (
    "Your request could not be recorded right now. If you are in danger or thinking about "
    "suicide, call or text 988 (Suicide & Crisis Lifeline), or call 911."
)


def when_unavailable(request: Request) -> dict[str, Any]:
    """Extra fields for a 503 answer: the Lifeline, on the crisis routes only."""
    found = _CRISIS_PATHS.search(request.url.path)
    if found is None:
        return {}
    try:
        participant_id = uuid.UUID(found.group("participant_id") or "")
    except ValueError:
        participant_id = uuid.UUID(int=0)
    return {
        "message": NO_DATABASE_MESSAGE,
        "contacts": [lifeline(participant_id, 0).model_dump(mode="json")],
    }


# The 503 answer of the crisis routes, for OpenAPI: a problem that still carries 988.
UNAVAILABLE_RESPONSE: dict[int | str, dict[str, Any]] = {
    503: {
        "description": "The database is unavailable: a problem that still lists 988",
        "content": {
            "application/problem+json": {
                "schema": {
                    "allOf": [
                        {"$ref": "#/components/schemas/Problem"},
                        {
                            "type": "object",
                            "required": ["message", "contacts"],
                            "properties": {
                                "message": {"type": "string"},
                                "contacts": {
                                    "type": "array",
                                    "items": {"$ref": "#/components/schemas/CrisisContactRead"},
                                },
                            },
                        },
                    ]
                }
            }
        },
    }
}
