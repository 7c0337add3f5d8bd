"""Benchmark: how a specialist's participant list grows with the size of its organisation.

A specialist with a caseload of 25 participants, in an organisation of a few dozen
participants and then of 10,000 more (none of them the specialist's). For each size the
specialist's first page of ``GET /participants`` is read through ASGI, and the query that
decides which participants the specialist may read is run on its own in two forms: the
one the app uses (``readable_participants``: the specialist's matches and intakes, then
those participants) and, as a baseline in the same run, the former form, which tested
each participant of the organisation against the specialist's matches. Reported: wall
time per request or query, median of 100, on an otherwise idle machine (the database's
work is what grows, and it runs in another process on PostgreSQL).

    .venv/bin/python bench/organisation_growth.py
"""

from __future__ import annotations

import logging
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Select, and_, exists, func, insert, or_, select, text
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.core.base import utcnow
from app.core.config import Settings
from app.core.db import Database
from app.core.security import Principal
from app.main import create_app
from app.matching.models import OPEN_STATUSES, PeerMatch
from app.participants.access import readable_participants
from app.participants.models import Participant
from app.specialists.models import Specialist
from tests import database
from tests.conftest import TEST_NOTE_KEY, TEST_SECRET
from tests.factories import World, build_world, make_match, make_participant

REPEATS = 100
CASELOAD = 24  # besides the world's own matched participant
MORE = 10_000


def former_readable(principal: Principal) -> Select[Any]:
    """The baseline: each participant of the organisation tested against the specialist's
    open matches and intakes (what ``readable_participants`` did before)."""
    matched_with_me = exists().where(
        PeerMatch.participant_id == Participant.id,
        PeerMatch.status.in_(OPEN_STATUSES),
        PeerMatch.specialist_id == Specialist.id,
        Specialist.user_id == principal.user_id,
    )
    ever_matched = exists().where(
        PeerMatch.participant_id == Participant.id, PeerMatch.activated_at.is_not(None)
    )
    taken_in_by_me = and_(Participant.intake_by_user_id == principal.user_id, ~ever_matched)
    return select(Participant).where(
        Participant.organisation_id == principal.organisation_id,
        or_(matched_with_me, taken_in_by_me),
    )


def first_page(stmt: Select[Any]) -> Select[Any]:
    return (
        stmt.with_only_columns(Participant.id)
        .order_by(Participant.search_name, Participant.id)
        .limit(51)
    )


def add_participants(db: Session, world: World, count: int) -> None:
    if not count:
        return
    now = utcnow()
    db.execute(
        insert(Participant),
        [
            {
                "id": uuid.uuid4(),
                "organisation_id": world.org.id,
                "preferred_name": f"Participant {index}",
                "search_name": f"participant {index}",
                "primary_language": "en",
                "substances": [],
                "recovery_pathways": [],
                "strengths": [],
                "status": "active",
                "enrolled_at": now,
            }
            for index in range(count)
        ],
    )
    db.commit()
    if db.get_bind().dialect.name == "postgresql":
        db.execute(text("ANALYZE participants"))
        db.commit()


def median_ms(run: Callable[[], object]) -> float:
    for _ in range(20):  # warm-up: caches, prepared statements
        run()
    spent = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        run()
        spent.append(time.perf_counter() - started)
    return statistics.median(spent) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, database.committed_database(Path(tmp)) as engine:
        settings = Settings(
            env="development",
            secret_key=TEST_SECRET,
            note_key=TEST_NOTE_KEY,
            data_dir=Path(tmp),
            web_dist=Path(tmp) / "none",
        )
        db_access = Database(engine)
        with db_access.session() as db:
            world = build_world(db, settings)
            for index in range(CASELOAD):
                participant = make_participant(db, world.org, preferred_name=f"Caseload {index}")
                make_match(db, participant, world.specialist)
            db.commit()
            principal = Principal(
                user_id=world.specialist.id,
                role="specialist",
                organisation_id=world.org.id,
            )
            headers = world.headers(world.specialist)
            results: dict[str, list[float]] = {}
            app = create_app(settings=settings, database=db_access)
            logging.getLogger("prss").setLevel(logging.WARNING)  # not the access log
            with TestClient(app, base_url="https://testserver") as client:
                sizes = []
                for more in (0, MORE):
                    add_participants(db, world, more)
                    sizes.append(
                        db.scalar(
                            select(func.count())
                            .select_from(Participant)
                            .where(Participant.organisation_id == world.org.id)
                        )
                    )
                    caseload = len(
                        client.get("/api/v1/participants", headers=headers).json()["items"]
                    )
                    assert caseload == CASELOAD + 1, caseload
                    with engine.connect() as connection:
                        for name, stmt in (
                            (
                                "query, as the app has it",
                                first_page(readable_participants(principal)),
                            ),
                            ("query, former form", first_page(former_readable(principal))),
                        ):
                            assert len(connection.execute(stmt).all()) == caseload

                            def fetch(stmt: Select[Any] = stmt) -> object:
                                return connection.execute(stmt).all()

                            cost = median_ms(fetch)
                            results.setdefault(name, []).append(cost)
                    cost = median_ms(lambda: client.get("/api/v1/participants", headers=headers))
                    results.setdefault("GET /participants", []).append(cost)
    small, large = sizes
    print(f"{engine.dialect.name}; a caseload of {CASELOAD + 1}; wall time, median of {REPEATS}")
    print(f"{'':>26} {f'{small} in org':>14} {f'{large:,} in org':>16} {'ratio':>7}")
    for name, (before, after) in results.items():
        print(f"{name:>26} {before:>11.2f} ms {after:>13.2f} ms {after / before:>6.2f}x")


if __name__ == "__main__":
    main()
