"""The daily cap under concurrent writers, on PostgreSQL (SQLite serialises writers anyway).

The usual per-test rolled-back transaction cannot show this: two writers need two
connections and committed data. The test builds its own throwaway database."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from app.core.db import make_engine
from app.core.security import Principal
from app.encounters import service
from app.encounters.schemas import EncounterCreate
from app.participants.models import Participant
from tests import database as test_database
from tests.factories import build_world


@pytest.mark.postgres
def test_concurrent_encounters_cannot_bill_past_the_daily_cap(tmp_path, settings):
    with test_database.throwaway_database(tmp_path) as url:
        engine = make_engine(url)
        try:
            with engine.begin() as connection:
                test_database.upgrade(connection)
            sessions = sessionmaker(bind=engine, expire_on_commit=False)
            with sessions() as db:
                world = build_world(db, settings)
            participant_id = world.matched.id
            principal = Principal(
                user_id=world.specialist.id, role="specialist", organisation_id=world.org.id
            )
            start = datetime.now(UTC).replace(hour=9, minute=0) - timedelta(days=2)

            def log(db: Session, hour: int) -> int:
                encounter = service.create(
                    db=db,
                    principal=principal,
                    participant=db.get_one(Participant, participant_id),
                    data=EncounterCreate(
                        mode="phone", started_at=start + timedelta(hours=hour), minutes=120
                    ),
                )
                return encounter.billable_units

            with sessions() as db:
                assert log(db, 0) == 8
                db.commit()

            units: dict[str, int] = {}
            first_logged = threading.Event()

            def first() -> None:
                with sessions() as db:
                    units["first"] = log(db, 2)
                    first_logged.set()
                    # Hold the transaction open while the second writer arrives.
                    time.sleep(0.5)
                    db.commit()

            def second() -> None:
                assert first_logged.wait(5)
                with sessions() as db:
                    units["second"] = log(db, 4)
                    db.commit()

            threads = [threading.Thread(target=first), threading.Thread(target=second)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(10)
            assert units == {"first": 8, "second": 0}
        finally:
            engine.dispose()
