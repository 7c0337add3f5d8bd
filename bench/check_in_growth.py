"""Benchmark: how a participant's reads grow with their check-ins.

One participant in a throwaway database (PostgreSQL when ``DATABASE_URL`` names a server,
SQLite otherwise) with 40 check-ins over two months, then with 1,500 more recorded within
the day, which is what each participant account of the soak (``bench/load.py --soak``)
gathers in 30 minutes. For each size, the 30-day trend, a page of the check-in list and
the participant's profile are read through ASGI, as the participant and as their
specialist, and the CPU per request of this process is reported (median of 100).

    .venv/bin/python bench/check_in_growth.py
"""

from __future__ import annotations

import logging
import statistics
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import insert
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.check_ins.models import CheckIn
from app.core.base import utcnow
from app.core.config import Settings
from app.core.db import Database
from app.main import create_app
from tests import database
from tests.conftest import TEST_NOTE_KEY, TEST_SECRET
from tests.factories import World, build_world

REPEATS = 100


def add_check_ins(db: Session, world: World, count: int, over_days: float) -> None:
    participant, now = world.matched, utcnow()
    step = timedelta(days=over_days) / count
    db.execute(
        insert(CheckIn),
        [
            {
                "id": uuid.uuid4(),
                "organisation_id": participant.organisation_id,
                "participant_id": participant.id,
                "recorded_at": now - step * index,
                "mood": 4,
                "craving": 1,
                "used_since_last": False,
                "sleep_hours": 7.0,
                "wants_contact": False,
                "risk_level": "low",
                "entered_by_user_id": world.me.id,
                "entered_by_role": "participant",
            }
            for index in range(count)
        ],
    )
    db.commit()


def cpu_per_read(client: TestClient, url: str, headers: dict[str, str]) -> float:
    for _ in range(20):  # warm-up
        assert client.get(url, headers=headers).status_code == 200
    spent = []
    for _ in range(REPEATS):
        started = time.process_time()
        client.get(url, headers=headers)
        spent.append(time.process_time() - started)
    return statistics.median(spent) * 1000


def main() -> None:
    logging.getLogger("prss").setLevel(logging.WARNING)
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
            base = f"/api/v1/participants/{world.matched.id}"
            reads = {
                "trend (30 days)": f"{base}/check-ins/trend?days=30",
                "check-in list": f"{base}/check-ins",
                "profile": base,
            }
            readers = {"participant": world.me, "specialist": world.specialist}
            results: dict[tuple[str, str], list[float]] = {}
            app = create_app(settings=settings, database=db_access)
            with TestClient(app, base_url="https://testserver") as client:
                for count, over_days in ((40, 60.0), (1_500, 0.5)):
                    add_check_ins(db, world, count, over_days)
                    for who, user in readers.items():
                        for name, url in reads.items():
                            cost = cpu_per_read(client, url, world.headers(user))
                            results.setdefault((name, who), []).append(cost)
    print(f"{engine.dialect.name}; CPU per request, median of {REPEATS}")
    print(f"{'read':>16} {'as':>12} {'40 check-ins':>14} {'1,540':>9} {'ratio':>6}")
    for (name, who), (small, large) in results.items():
        print(f"{name:>16} {who:>12} {small:>11.1f} ms {large:>6.1f} ms {large / small:>5.2f}x")


if __name__ == "__main__":
    main()
