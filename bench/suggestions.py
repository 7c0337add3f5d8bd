"""Benchmark: match-suggestion latency as an organisation grows.

Builds a throwaway PostgreSQL database (on the server ``DATABASE_URL`` names), fills one
organisation with N specialists of varied profiles, and times suggestions for a set of
participants, both in-process (the service function) and through HTTP (the real app under
uvicorn). Prints p50/p95 per size and the growth ratio against the smallest size.

    make bench                      # sizes 1000, 10000, 100000
    BENCH_SIZES=1000,5000 make bench
"""

from __future__ import annotations

import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.core.config import Settings
from app.core.db import make_engine
from app.core.security import create_access_token, hash_password
from app.matching import suggestions
from app.matching.models import MatchingPreferences
from app.matching.scoring import region_key
from app.organisations.models import Organisation
from app.participants.models import Participant
from app.specialists.models import (
    PATHWAY_BITS,
    SUBSTANCE_BITS,
    Specialist,
    SpecialistLanguage,
    mask_of,
)
from app.users.models import User
from tests import database

SECRET = "bench-secret-" + "k" * 40
PATHWAYS = [
    "moud_buprenorphine",
    "moud_methadone",
    "moud_naltrexone",
    "mutual_aid_12_step",
    "smart_recovery",
    "faith_based",
    "clinical_treatment",
    "family_support",
]
SUBSTANCES = ["alcohol", "opioids", "stimulants", "cannabis", "sedatives"]
LANGUAGES = ["en", "es", "vi", "zh", "ar", "fr"]
GENDERS = ["woman", "man", "non-binary"]
REGIONS = [f"region-{i}" for i in range(20)]
PARTICIPANTS = 30
REPEATS = 3


def seed(
    engine: Engine, size: int, rng: random.Random
) -> tuple[uuid.UUID, list[uuid.UUID], uuid.UUID]:
    password_hash = hash_password("bench password 123")
    now = datetime.now(UTC)
    with Session(engine) as db:
        organisation = Organisation(name=f"Bench {size}")
        db.add(organisation)
        db.flush()
        org_id = organisation.id
        supervisor = User(
            organisation_id=org_id,
            email=f"sup-{size}@example.org",
            password_hash=password_hash,
            role="supervisor",
            display_name="Sup",
        )
        db.add(supervisor)
        db.flush()
        supervisor_id = supervisor.id
        batch = 5000
        for start in range(0, size, batch):
            users, profiles, languages = [], [], []
            for _ in range(min(batch, size - start)):
                user_id, specialist_id = uuid.uuid4(), uuid.uuid4()
                spoken = ["en", *rng.sample(LANGUAGES[1:], rng.choice([0, 0, 1, 2]))]
                maximum = rng.choice([10, 15, 20])
                pathways = rng.sample(PATHWAYS, rng.randint(1, 3))
                substances = rng.sample(SUBSTANCES, rng.randint(1, 3))
                region = rng.choice(REGIONS)
                users.append(
                    {
                        "id": user_id,
                        "organisation_id": org_id,
                        "email": f"s-{user_id.hex}@example.org",
                        "password_hash": password_hash,
                        "role": "specialist",
                        "display_name": f"Peer {user_id.hex[:6]}",
                        "is_active": True,
                        "password_changed_at": now,
                        "version": 1,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
                profiles.append(
                    {
                        "id": specialist_id,
                        "organisation_id": org_id,
                        "user_id": user_id,
                        "max_caseload": maximum,
                        "active_caseload": rng.randint(0, maximum),
                        "accepting_new": rng.random() < 0.85,
                        "substances": substances,
                        "recovery_pathways": pathways,
                        # A bulk insert skips the model's validators: derive these here.
                        "pathway_mask": mask_of(pathways, PATHWAY_BITS),
                        "substance_mask": mask_of(substances, SUBSTANCE_BITS),
                        "region_key": region_key(region),
                        "moud_affirming": rng.random() < 0.6,
                        "languages": spoken,
                        "gender": rng.choice(GENDERS),
                        "birth_decade": rng.choice(range(1950, 2010, 10)),
                        "faith": rng.choice(["faith_based", "secular", None]),
                        "veteran": rng.random() < 0.1,
                        "justice_involved": rng.random() < 0.3,
                        "lgbtq_affirming": rng.random() < 0.5,
                        "region": region,
                        "version": 1,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
                languages += [{"specialist_id": specialist_id, "language": lang} for lang in spoken]
            db.execute(insert(User), users)
            db.execute(insert(Specialist), profiles)
            db.execute(insert(SpecialistLanguage), languages)
        participant_ids = []
        for i in range(PARTICIPANTS):
            participant = Participant(
                organisation_id=org_id,
                preferred_name=f"P{i}",
                search_name=f"p{i}",
                primary_language=rng.choice(["en", "en", "es"]),
                birth_year=rng.randint(1960, 2004),
                substances=rng.sample(SUBSTANCES, 2),
                recovery_pathways=rng.sample(PATHWAYS, 2),
                strengths=[],
                status="active",
                enrolled_at=now,
                recovery_start_date=date(2025, 1, 1),
            )
            db.add(participant)
            db.flush()
            db.add(
                MatchingPreferences(
                    participant_id=participant.id,
                    gender_preference=rng.choice([None, None, "woman", "man"]),
                    faith_preference=rng.choice([None, "faith_based", "secular"]),
                    veteran=rng.random() < 0.1,
                    region=rng.choice(REGIONS),
                    priorities=rng.sample(["recovery_pathway", "life_stage", "faith"], 1),
                )
            )
            participant_ids.append(participant.id)
        db.commit()
    # As autovacuum would soon after a load this size: give the planner its statistics.
    with engine.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    return org_id, participant_ids, supervisor_id


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def free_port() -> int:
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def measure(size: int) -> dict[str, float]:
    rng = random.Random(size)
    with tempfile.TemporaryDirectory() as folder, database.throwaway_database(Path(folder)) as url:
        engine = make_engine(url)
        with engine.begin() as connection:
            database.upgrade(connection)
        started = time.perf_counter()
        org_id, participant_ids, supervisor_id = seed(engine, size, rng)
        seeded = time.perf_counter() - started

        in_process: list[float] = []
        with Session(engine) as db:
            for _ in range(REPEATS):
                for participant_id in participant_ids:
                    participant = db.get_one(Participant, participant_id)
                    t0 = time.perf_counter()
                    suggestions.suggest(db=db, participant=participant, limit=5)
                    in_process.append((time.perf_counter() - t0) * 1000)
                    db.rollback()
        engine.dispose()

        port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "PRSS_SECRET_KEY": SECRET,
            "PRSS_DATA_DIR": folder,
        }
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "app.main:app",
                "--port",
                str(port),
                "--no-access-log",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            settings = Settings(secret_key=SECRET)
            token = create_access_token(
                secret=SECRET,
                subject=supervisor_id,
                role="supervisor",
                organisation_id=org_id,
                issuer=settings.jwt_issuer,
                audience=settings.jwt_audience,
                lifetime=timedelta(minutes=15),
            )
            over_http: list[float] = []
            with httpx.Client(
                base_url=f"http://127.0.0.1:{port}",
                headers={"Authorization": f"Bearer {token}"},
                timeout=60,
            ) as client:
                for _ in range(100):
                    try:
                        if client.get("/api/v1/ready").status_code == 200:
                            break
                    except httpx.TransportError:
                        time.sleep(0.1)
                for _ in range(REPEATS):
                    for participant_id in participant_ids:
                        t0 = time.perf_counter()
                        response = client.get(
                            f"/api/v1/participants/{participant_id}/match-suggestions?limit=5"
                        )
                        over_http.append((time.perf_counter() - t0) * 1000)
                        assert response.status_code == 200, response.text
        finally:
            server.terminate()
            server.wait(timeout=10)
    return {
        "size": size,
        "seed_s": seeded,
        "in_p50": statistics.median(in_process),
        "in_p95": percentile(in_process, 0.95),
        "http_p50": statistics.median(over_http),
        "http_p95": percentile(over_http, 0.95),
    }


def main() -> None:
    if not database.on_postgres():
        sys.exit("set DATABASE_URL to a PostgreSQL server (make bench does)")
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,10000,100000").split(",")]
    results = [measure(size) for size in sizes]
    base = results[0]
    print(
        f"{'specialists':>12} {'in-process p50':>15} {'p95':>8} {'HTTP p50':>10} {'p95':>8}"
        f" {'p50 vs smallest':>16}"
    )
    for r in results:
        growth = r["in_p50"] / base["in_p50"]
        print(
            f"{r['size']:>12,} {r['in_p50']:>13.1f}ms {r['in_p95']:>6.1f}ms "
            f"{r['http_p50']:>8.1f}ms {r['http_p95']:>6.1f}ms {growth:>15.2f}x"
        )


if __name__ == "__main__":
    main()
