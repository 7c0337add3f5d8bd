"""Routes of matching that rank and explain: a participant's matching preferences and
its match suggestions."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel

from app.auth.dependencies import CurrentPrincipal, require_roles
from app.core.db import SessionDep
from app.core.errors import Conflict, Forbidden, PreconditionFailed, problem_responses
from app.core.http import etag_for, if_match_parameter
from app.matching import preferences, suggestions
from app.matching.models import MatchingPreferences
from app.matching.preferences import MatchingPreferencesRead, MatchingPreferencesWrite
from app.matching.scoring import Criterion
from app.participants.dependencies import ReadableParticipant
from app.participants.models import Participant

router = APIRouter(tags=["matching"])


class CriterionRead(BaseModel):
    criterion: Criterion
    points: int
    reason: str


class SuggestionRead(BaseModel):
    specialist_id: uuid.UUID
    display_name: str
    score: int
    explanation: list[CriterionRead]


class Suggestions(BaseModel):
    items: list[SuggestionRead]


def participant_to_match(
    participant: ReadableParticipant, principal: CurrentPrincipal
) -> Participant:
    """The participant, for the staff who propose matches: a participant the caller may
    not see answers 404 first, so the refusal never reveals it; then admins and
    participants, who never ask for suggestions, get 403."""
    if principal.role not in ("supervisor", "specialist"):
        raise Forbidden(f"This operation is not available to the {principal.role} role.")
    return participant


def _preferences_read(response: Response, stored: MatchingPreferences) -> MatchingPreferencesRead:
    response.headers["ETag"] = etag_for(stored.participant_id, stored.version)
    return MatchingPreferencesRead.model_validate(stored)


@router.get(
    "/participants/{participant_id}/matching-preferences",
    response_model=MatchingPreferencesRead,
    summary="What the participant wants in a peer (defaults while none are stated)",
)
def read_matching_preferences(
    db: SessionDep, participant: ReadableParticipant, response: Response
) -> MatchingPreferencesRead:
    return _preferences_read(response, preferences.of(db=db, participant_id=participant.id))


@router.put(
    "/participants/{participant_id}/matching-preferences",
    response_model=MatchingPreferencesRead,
    dependencies=[Depends(require_roles("supervisor", "specialist", "participant"))],
    responses=problem_responses(412),
    openapi_extra=if_match_parameter(required=False),
    summary="State the participant's matching preferences (If-Match optional)",
)
def replace_matching_preferences(
    request: Request,
    db: SessionDep,
    participant: ReadableParticipant,
    body: MatchingPreferencesWrite,
    response: Response,
) -> MatchingPreferencesRead:
    header = request.headers.get("if-match")
    if header:
        current = preferences.of(db=db, participant_id=participant.id)
        candidates = [part.strip() for part in header.split(",")]
        if "*" not in candidates and etag_for(participant.id, current.version) not in candidates:
            raise PreconditionFailed(
                "The preferences were changed by someone else; reload them and try again."
            )
    stored, _ = preferences.replace(db=db, participant_id=participant.id, data=body)
    return _preferences_read(response, stored)


@router.get(
    "/participants/{participant_id}/match-suggestions",
    response_model=Suggestions,
    responses=problem_responses(409),
    summary="Specialists who fit the participant best, each with its score explained "
    "(409 for a participant who is no longer active)",
)
def suggest_matches(
    db: SessionDep,
    participant: Annotated[Participant, Depends(participant_to_match)],
    limit: Annotated[int, Query(ge=1, le=20)] = 5,
) -> Suggestions:
    if participant.status != "active":
        raise Conflict(
            f"Only an active participant can be matched; this one is {participant.status}."
        )
    ranked = suggestions.suggest(db=db, participant=participant, limit=limit)
    return Suggestions(
        items=[
            SuggestionRead(
                specialist_id=specialist.id,
                display_name=specialist.display_name,
                score=scored.score,
                explanation=[
                    CriterionRead(criterion=c.criterion, points=c.points, reason=c.reason)
                    for c in scored.explanation
                ],
            )
            for specialist, scored in ranked
        ]
    )
