"""Routes of the matching domain: the lifecycle of a peer match."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import APIRouter, Response, status
from sqlalchemy.orm import Session

from app.auth.dependencies import CurrentPrincipal
from app.core.db import SessionDep
from app.core.errors import problem_responses
from app.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam, Page
from app.matching import service
from app.matching.dependencies import ReadableMatch
from app.matching.models import PeerMatch
from app.matching.schemas import MatchChangeRequest, MatchDecline, MatchEnd, MatchPropose, MatchRead
from app.participants.dependencies import ReadableParticipant

router = APIRouter(tags=["matching"])


def _read(db: Session, matches: Sequence[PeerMatch]) -> list[MatchRead]:
    names = service.specialist_names(db=db, specialist_ids=[m.specialist_id for m in matches])
    return [
        MatchRead.model_validate(
            {
                **{f: getattr(m, f) for f in MatchRead.model_fields if f != "specialist_name"},
                "explanation": m.explanation or [],
                "specialist_name": names.get(m.specialist_id, ""),
            }
        )
        for m in matches
    ]


@router.get(
    "/participants/{participant_id}/matches",
    response_model=Page[MatchRead],
    summary="A participant's matches, newest first (history included)",
)
def list_matches(
    db: SessionDep,
    participant: ReadableParticipant,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> Page[MatchRead]:
    matches, next_cursor = service.list_page(
        db=db, participant_id=participant.id, limit=limit, cursor=cursor
    )
    return Page(items=_read(db, matches), next_cursor=next_cursor)


@router.post(
    "/participants/{participant_id}/matches",
    response_model=MatchRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 409, 422),
    summary="Propose a specialist to a participant (a proposal holds no place)",
)
def propose_match(
    db: SessionDep,
    principal: CurrentPrincipal,
    participant: ReadableParticipant,
    body: MatchPropose,
    response: Response,
) -> MatchRead:
    match = service.propose(
        db=db, principal=principal, participant=participant, specialist_id=body.specialist_id
    )
    response.headers["Location"] = f"/api/v1/matches/{match.id}"
    return _read(db, [match])[0]


@router.post(
    "/participants/{participant_id}/matches/request-change",
    response_model=MatchRead,
    responses=problem_responses(403, 409),
    summary="The participant asks for a different match: its active match ends",
)
def request_change(
    db: SessionDep,
    principal: CurrentPrincipal,
    participant: ReadableParticipant,
    body: MatchChangeRequest | None = None,
) -> MatchRead:
    match = service.request_change(
        db=db, principal=principal, participant=participant, reason=body.reason if body else None
    )
    return _read(db, [match])[0]


@router.get("/matches/{match_id}", response_model=MatchRead, summary="Read a match")
def read_match(db: SessionDep, match: ReadableMatch) -> MatchRead:
    return _read(db, [match])[0]


@router.post(
    "/matches/{match_id}/accept",
    response_model=MatchRead,
    responses=problem_responses(403, 409),
    summary="The participant accepts a proposal (409 when the specialist has no space)",
)
def accept_match(db: SessionDep, principal: CurrentPrincipal, match: ReadableMatch) -> MatchRead:
    return _read(db, [service.accept(db=db, principal=principal, match=match)])[0]


@router.post(
    "/matches/{match_id}/decline",
    response_model=MatchRead,
    responses=problem_responses(403, 409),
    summary="The participant declines a proposal",
)
def decline_match(
    db: SessionDep,
    principal: CurrentPrincipal,
    match: ReadableMatch,
    body: MatchDecline | None = None,
) -> MatchRead:
    match = service.decline(
        db=db, principal=principal, match=match, reason=body.reason if body else None
    )
    return _read(db, [match])[0]


@router.post(
    "/matches/{match_id}/end",
    response_model=MatchRead,
    responses=problem_responses(403, 409),
    summary="End a match (the participant, the matched specialist, or a supervisor)",
)
def end_match(
    db: SessionDep, principal: CurrentPrincipal, match: ReadableMatch, body: MatchEnd
) -> MatchRead:
    match = service.end(db=db, principal=principal, match=match, reason=body.reason)
    return _read(db, [match])[0]
