"""Benchmark: the integrator outcome export at a million rows.

Builds a throwaway PostgreSQL database (on the server ``DATABASE_URL`` names), fills one
organisation with participants who each consented to disclose their outcomes to one
integrator and took up to three surveys, then streams ``GET /outcomes/export`` from the
real app under uvicorn. Reports rows per second, and the server's resident memory while
idle and at its peak during the export (sampled from /proc every 50 ms).

    make bench                       # includes this, at 1,000,000 rows
    BENCH_EXPORT_ROWS=100000 .venv/bin/python bench/export.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.core.db import make_engine
from app.integrators import service as integrators
from app.integrators.schemas import IntegratorClientCreate
from app.organisations.models import Organisation
from bench.suggestions import free_port
from tests import database

SECRET = "bench-secret-" + "k" * 40

# Participants and their surveys, made by the database itself: three surveys each (intake,
# follow-up, discharge), so N rows need N / 3 participants.
SEED = """
INSERT INTO participants (id, organisation_id, preferred_name, search_name, primary_language,
    substances, recovery_pathways, strengths, status, enrolled_at, version, created_at, updated_at)
SELECT gen_random_uuid(), :org, 'P' || n, 'p' || n, 'en', '["alcohol"]', '["smart_recovery"]',
    '[]', 'active', now() - interval '400 days', 1, now(), now()
FROM generate_series(1, :people) AS n;

INSERT INTO consents (id, organisation_id, participant_id, kind, signed_at, signature,
    recipient_client_id, information_categories, purpose, expires_at, created_at)
SELECT gen_random_uuid(), :org, id, 'disclosure', now() - interval '300 days', preferred_name,
    :client, '["outcomes"]', 'Programme evaluation', now() + interval '1 year', now()
FROM participants WHERE organisation_id = :org;

INSERT INTO outcome_surveys (id, organisation_id, participant_id, timepoint, administered_on,
    alcohol_days, drug_days, arrests, er_visits, inpatient_nights, housing, employment,
    in_treatment, satisfaction, social_support, recorded_by_role, version, created_at, updated_at)
SELECT gen_random_uuid(), :org, p.id, t.timepoint, current_date - t.days_ago,
    (random() * 30)::int, (random() * 30)::int, (random() * 2)::int, (random() * 3)::int,
    (random() * 5)::int, (ARRAY['stable', 'unstable', 'homeless'])[1 + (random() * 2)::int],
    'unemployed', random() < 0.5, CASE WHEN t.timepoint = 'intake' THEN NULL ELSE 4 END,
    random() < 0.6, 'specialist', 1, now(),
    now() - (random() * interval '300 days')
FROM participants p
CROSS JOIN (VALUES ('intake', 390), ('followup_6mo', 210), ('discharge', 30))
    AS t(timepoint, days_ago)
WHERE p.organisation_id = :org;
"""


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def seed(engine: Engine, rows: int) -> tuple[str, str, str]:
    with Session(engine) as db:
        organisation = Organisation(name="Bench export")
        db.add(organisation)
        db.flush()
        registered = integrators.create(
            db=db,
            organisation_id=organisation.id,
            created_by_user_id=None,
            data=IntegratorClientCreate(name="Bench funder", scopes=["outcomes:read"]),
        )
        client_id, secret, org_id = str(registered.client.id), registered.secret, organisation.id
        people = max(1, rows // 3)
        for statement in SEED.split(";\n"):
            if statement.strip():
                db.execute(
                    text(statement),
                    {"org": org_id, "people": people, "client": registered.client.id},
                )
        db.commit()
    with engine.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    return client_id, secret, str(org_id)


def export_once(client: httpx.Client, fmt: str, pid: int) -> dict[str, float]:
    peak = [rss_kb(pid)]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], rss_kb(pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    lines = 0
    last = ""
    t0 = time.perf_counter()
    try:
        with client.stream("GET", f"/api/v1/outcomes/export?format={fmt}") as response:
            assert response.status_code == 200, response.read()
            for line in response.iter_lines():
                lines += 1
                last = line
    finally:
        done.set()
        sampler.join()
    seconds = time.perf_counter() - t0
    if fmt == "ndjson":
        # A meta line first and an end line last, which counts the records it closes.
        records = lines - 2
        end = json.loads(last)
        if end.get("type") != "end" or end.get("records") != records:
            sys.exit(f"the export did not end as complete: {end!r} after {records:,} records")
    else:
        records = lines - 1  # the header
    return {"rows": records, "seconds": seconds, "rate": records / seconds, "peak_kb": peak[0]}


def main() -> None:
    if not database.on_postgres():
        sys.exit("set DATABASE_URL to a PostgreSQL server (make bench does)")
    rows = int(os.environ.get("BENCH_EXPORT_ROWS", "1000000"))
    with tempfile.TemporaryDirectory() as folder, database.throwaway_database(Path(folder)) as url:
        engine = make_engine(url)
        with engine.begin() as connection:
            database.upgrade(connection)
        started = time.perf_counter()
        client_id, secret, _ = seed(engine, rows)
        print(f"seeded {rows:,} survey rows in {time.perf_counter() - started:.0f} s")
        engine.dispose()
        port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "PRSS_SECRET_KEY": SECRET,
            "PRSS_DATA_DIR": folder,
            "PRSS_EXPORT_SETTLE_SECONDS": "0",
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
        )
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600) as client:
                for _ in range(200):
                    try:
                        if client.get("/api/v1/ready").status_code == 200:
                            break
                    except httpx.TransportError:
                        time.sleep(0.1)
                token = client.post(
                    "/api/v1/auth/token",
                    data={
                        "grant_type": "client_credentials",
                        "client_id": client_id,
                        "client_secret": secret,
                    },
                ).json()["access_token"]
                client.headers["Authorization"] = f"Bearer {token}"
                # Warm up: imports, the connection pool, a first small response.
                client.get("/api/v1/outcomes/summary")
                idle = rss_kb(server.pid)
                results = {fmt: export_once(client, fmt, server.pid) for fmt in ("ndjson", "csv")}
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"server idle RSS: {idle / 1024:.0f} MB")
    print(
        f"{'format':>7} {'rows':>10} {'seconds':>8} {'rows/s':>9}"
        f" {'peak RSS':>9} {'above idle':>11}"
    )
    for fmt, r in results.items():
        print(
            f"{fmt:>7} {r['rows']:>10,.0f} {r['seconds']:>8.1f} {r['rate']:>9,.0f} "
            f"{r['peak_kb'] / 1024:>7.0f}MB {(r['peak_kb'] - idle) / 1024:>9.0f}MB"
        )


if __name__ == "__main__":
    main()
