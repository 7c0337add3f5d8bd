"""Concurrent accepts on PostgreSQL: a specialist with one place left takes exactly one
participant, however many accept at the same moment."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.core.db import Database
from app.main import create_app
from app.matching.models import PeerMatch
from app.specialists.models import Specialist
from tests import database
from tests.conftest import TEST_SECRET
from tests.factories import build_world, make_participant, make_user, specialist_profile

pytestmark = pytest.mark.postgres

CONTENDERS = 24


def test_concurrent_accepts_never_exceed_capacity(tmp_path):
    with database.committed_database(tmp_path) as engine:
        settings = Settings(secret_key=TEST_SECRET, data_dir=tmp_path)
        with Session(engine) as db:
            world = build_world(db, settings)
            profile = specialist_profile(db, world.specialist)
            profile.max_caseload = 2  # the world's active match holds one: one place left
            db.flush()
            attempts = []
            for i in range(CONTENDERS):
                participant = make_participant(db, world.org, preferred_name=f"Contender {i}")
                account = make_user(db, world.org, "participant", participant=participant)
                match = PeerMatch(
                    organisation_id=world.org.id,
                    participant_id=participant.id,
                    specialist_id=profile.id,
                    status="proposed",
                    proposed_by_user_id=world.supervisor.id,
                )
                db.add(match)
                db.flush()
                attempts.append((match.id, world.headers(account)))
            db.commit()
            specialist_id = profile.id
        app = create_app(settings=settings, database=Database(engine))
        barrier = Barrier(CONTENDERS)
        with TestClient(app, base_url="https://testserver") as client:

            def accept(attempt):
                match_id, headers = attempt
                barrier.wait(timeout=30)
                return client.post(f"/api/v1/matches/{match_id}/accept", headers=headers)

            with ThreadPoolExecutor(max_workers=CONTENDERS) as pool:
                responses = list(pool.map(accept, attempts))
        codes = sorted(r.status_code for r in responses)
        assert codes == [200] + [409] * (CONTENDERS - 1), codes
        refused = [r.json()["detail"] for r in responses if r.status_code == 409]
        assert set(refused) == {"This specialist has no space right now."}
        with Session(engine) as db:
            specialist = db.get(Specialist, specialist_id)
            assert specialist is not None
            active = db.scalar(
                select(func.count())
                .select_from(PeerMatch)
                .where(PeerMatch.specialist_id == specialist_id, PeerMatch.status == "active")
            )
            assert specialist.active_caseload == specialist.max_caseload == 2
            assert active == 2


def test_concurrent_accepts_of_one_proposal_activate_it_once(tmp_path):
    with database.committed_database(tmp_path) as engine:
        settings = Settings(secret_key=TEST_SECRET, data_dir=tmp_path)
        with Session(engine) as db:
            world = build_world(db, settings)
            profile = specialist_profile(db, world.other_specialist)
            match = PeerMatch(
                organisation_id=world.org.id,
                participant_id=world.matched.id,
                specialist_id=profile.id,
                status="proposed",
                proposed_by_user_id=world.supervisor.id,
            )
            db.add(match)
            db.commit()
            match_id, specialist_id = match.id, profile.id
            previous_id = specialist_profile(db, world.specialist).id
            headers = world.headers(world.me)
        app = create_app(settings=settings, database=Database(engine))
        tries = 12
        barrier = Barrier(tries)
        with TestClient(app, base_url="https://testserver") as client:

            def accept(_: int):
                barrier.wait(timeout=30)
                return client.post(f"/api/v1/matches/{match_id}/accept", headers=headers)

            with ThreadPoolExecutor(max_workers=tries) as pool:
                responses = list(pool.map(accept, range(tries)))
        codes = sorted(r.status_code for r in responses)
        assert codes == [200] + [409] * (tries - 1), codes
        with Session(engine) as db:
            specialist = db.get(Specialist, specialist_id)
            assert specialist is not None
            assert specialist.active_caseload == 1
            previous = db.get(Specialist, previous_id)
            assert previous is not None
            assert previous.active_caseload == 0


def test_concurrent_re_matches_that_swap_specialists_all_succeed(tmp_path):
    """Pairs of participants swap specialists at the same moment: one moves from X to Y
    while the other moves from Y to X. Every accept succeeds (no deadlock) and each
    specialist ends with the one participant it gained."""
    pairs = 8
    with database.committed_database(tmp_path) as engine:
        settings = Settings(secret_key=TEST_SECRET, data_dir=tmp_path)
        with Session(engine) as db:
            world = build_world(db, settings)
            attempts, specialist_ids = [], []
            for i in range(pairs):
                x, y = (
                    specialist_profile(db, make_user(db, world.org, "specialist", name=f"{n}{i}"))
                    for n in ("X", "Y")
                )
                for first, second in ((x, y), (y, x)):
                    participant = make_participant(db, world.org, preferred_name=f"Mover {i}")
                    account = make_user(db, world.org, "participant", participant=participant)
                    for specialist, status in ((first, "active"), (second, "proposed")):
                        db.add(
                            PeerMatch(
                                organisation_id=world.org.id,
                                participant_id=participant.id,
                                specialist_id=specialist.id,
                                status=status,
                                proposed_by_user_id=world.supervisor.id,
                            )
                        )
                    db.flush()
                    proposed = db.scalar(
                        select(PeerMatch.id).where(
                            PeerMatch.participant_id == participant.id,
                            PeerMatch.status == "proposed",
                        )
                    )
                    attempts.append((proposed, world.headers(account)))
                x.active_caseload = y.active_caseload = 1
                specialist_ids += [x.id, y.id]
            db.commit()
        app = create_app(settings=settings, database=Database(engine))
        barrier = Barrier(len(attempts))
        with TestClient(app, base_url="https://testserver") as client:

            def accept(attempt):
                match_id, headers = attempt
                barrier.wait(timeout=30)
                return client.post(f"/api/v1/matches/{match_id}/accept", headers=headers)

            with ThreadPoolExecutor(max_workers=len(attempts)) as pool:
                responses = list(pool.map(accept, attempts))
        assert [r.status_code for r in responses] == [200] * len(attempts)
        with Session(engine) as db:
            counters = db.scalars(
                select(Specialist.active_caseload).where(Specialist.id.in_(specialist_ids))
            ).all()
            assert counters == [1] * len(specialist_ids)
