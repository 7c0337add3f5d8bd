"""Benchmark: throughput and latency of the app under load, and a soak for drift.

Builds a throwaway PostgreSQL database (on the server ``DATABASE_URL`` names), migrates it
and loads the demo organisation with ``python -m app``, then adds specialists with
caseloads of 20 to 40 participants (each with an account, an active match, an active plan
of four goals, two months of check-ins and a few encounters). The app runs under uvicorn
with production settings, 2 and then 4 workers. The load generator runs on the same
machine and shares its two cores: wrk (``bench/wrk.lua``, one thread) for the minimal and
list phases, where a cheap client leaves the server the most CPU, and Locust (headless,
``bench/locustfile.py``, one process) for the mixed phase and the soak, whose clients
take several steps. ``--client locust`` runs the minimal and list phases with Locust too,
for comparison. wrk is installed with apt when it is missing (``scripts/install-wrk.sh``).
Every simulated account signs in once, through the password grant, before the load starts.

Three phases per worker count, each from 20 simulated clients (connections) without think
time, each after a 3-second warm-up run of the same load:

- minimal: ``GET /health``, the cheapest answer the same stack gives;
- list: a specialist's ``GET /participants`` (its caseload, one page);
- mixed: specialists reading their caseload, the participant list and participant pages
  (profile, plans, plan, check-ins, trend) and editing plans with If-Match; participants
  reading their own record, plan and check-ins and checking in.

Reports requests/s, p50, p99 and errors per phase, the list-to-minimal throughput ratio,
the CPU each side used, and checks the audit chain afterwards (``python -m app
verify-audit``). Locust's phases are summed from its raw samples and leave out their
first 3 seconds as well; wrk keeps no samples, so its figures cover the whole measured run
and the warm-up run before it stands in for that.

    make bench                            # includes this: 2 and 4 workers
    .venv/bin/python bench/load.py --workers 2 --seconds 20
    .venv/bin/python bench/load.py --soak 1800     # make bench-soak: 30 minutes, 2 workers
    .venv/bin/python bench/load.py --profile /tmp/prof   # py-spy stacks of the workers
    .venv/bin/python bench/load.py --client locust --phases minimal,list
    .venv/bin/python bench/load.py --reuse-port    # a socket per worker, SO_REUSEPORT
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import psutil  # type: ignore[import-untyped]
from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import demo
from app.check_ins.models import CheckIn
from app.consents.models import Consent
from app.core import crypto
from app.core.crypto import NoteCipher, decode_key, new_key
from app.core.db import make_engine
from app.core.security import hash_password
from app.encounters.models import Encounter
from app.matching.models import PeerMatch
from app.organisations.models import Organisation
from app.participants.models import Participant
from app.plans.models import DIMENSIONS, Goal, GoalStep, RecoveryPlan
from app.specialists.models import (
    PATHWAY_BITS,
    SUBSTANCE_BITS,
    Specialist,
    SpecialistLanguage,
    mask_of,
)
from app.users.models import User
from bench.suggestions import free_port, percentile
from tests import database

SECRET = "bench-secret-" + "k" * 40
PASSWORD = "bench password 123"  # noqa: S105
LOCUSTFILE = ROOT / "bench" / "locustfile.py"
WRK_SCRIPT = ROOT / "bench" / "wrk.lua"
SPECIALISTS = 12
CHECK_INS = 40  # per participant, over the last 60 days
# Participants signed in for the mixed workload (the rest only appear in caseloads).
PARTICIPANT_CLIENTS = 40
WARM_UP = 3.0  # seconds of each phase left out of the figures
PATHWAYS = ["mutual_aid_12_step", "smart_recovery", "faith_based", "clinical_treatment"]
SUBSTANCES = ["alcohol", "opioids", "stimulants", "cannabis"]
FIRST = ["Alex", "Sam", "Jordan", "Taylor", "Riley", "Casey", "Morgan", "Jamie", "Avery"]
LAST = ["Nguyen", "Garcia", "Smith", "Okafor", "Kowalski", "Haddad", "Silva", "Brown"]


# Seeding


def run_cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"python -m app {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def seed(url: str, rng: random.Random) -> dict[str, Any]:
    """Caseloads for SPECIALISTS specialists in the demo organisation; returns who signs
    in and the ids their clients need."""
    engine = make_engine(url)
    password_hash = hash_password(PASSWORD)
    now = datetime.now(UTC)
    specialists, participants = [], []
    with Session(engine) as db:
        org_id = db.scalar(
            select(Organisation.id).where(Organisation.name == demo.ORGANISATION_NAME)
        )
        users: list[dict[str, Any]] = []
        profiles: list[dict[str, Any]] = []
        languages: list[dict[str, Any]] = []
        people: list[dict[str, Any]] = []
        accounts: list[dict[str, Any]] = []
        matches: list[dict[str, Any]] = []
        consents: list[dict[str, Any]] = []
        plans: list[dict[str, Any]] = []
        goals: list[dict[str, Any]] = []
        steps: list[dict[str, Any]] = []
        check_ins: list[dict[str, Any]] = []
        encounters: list[dict[str, Any]] = []
        for s in range(SPECIALISTS):
            user_id, specialist_id = uuid.uuid4(), uuid.uuid4()
            pathways = rng.sample(PATHWAYS, 2)
            substances = rng.sample(SUBSTANCES, 2)
            email = f"bench-specialist-{s}@example.org"
            users.append(_user(user_id, org_id, email, "specialist", password_hash, now))
            caseload_size = rng.randint(20, 40)
            profiles.append(
                {
                    "id": specialist_id,
                    "organisation_id": org_id,
                    "user_id": user_id,
                    "max_caseload": 40,
                    "active_caseload": caseload_size,
                    "accepting_new": False,
                    "substances": substances,
                    "recovery_pathways": pathways,
                    "pathway_mask": mask_of(pathways, PATHWAY_BITS),
                    "substance_mask": mask_of(substances, SUBSTANCE_BITS),
                    "moud_affirming": True,
                    "languages": ["en"],
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            languages.append({"specialist_id": specialist_id, "language": "en"})
            caseload = []
            for _ in range(caseload_size):
                n = len(people)
                participant_id, plan_id = uuid.uuid4(), uuid.uuid4()
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}"
                enrolled = now - timedelta(days=rng.randint(70, 400))
                people.append(
                    {
                        "id": participant_id,
                        "organisation_id": org_id,
                        "preferred_name": name,
                        "search_name": name.casefold(),
                        "primary_language": "en",
                        "birth_year": rng.randint(1960, 2004),
                        "substances": rng.sample(SUBSTANCES, 2),
                        "recovery_pathways": rng.sample(PATHWAYS, 2),
                        "recovery_start_date": (enrolled - timedelta(days=30)).date(),
                        "strengths": ["family", "work"],
                        "status": "active",
                        "risk_level": rng.choice(["low", "low", "low", "elevated"]),
                        "enrolled_at": enrolled,
                        "intake_by_user_id": user_id,
                        "version": 1,
                        "created_at": enrolled,
                        "updated_at": now,
                    }
                )
                account_id = uuid.uuid4()
                accounts.append(
                    _user(
                        account_id,
                        org_id,
                        f"bench-participant-{n}@example.org",
                        "participant",
                        password_hash,
                        now,
                    )
                    | {"participant_id": participant_id}
                )
                consents.append(
                    {
                        "id": uuid.uuid4(),
                        "organisation_id": org_id,
                        "participant_id": participant_id,
                        "kind": "enrolment",
                        "signed_at": enrolled,
                        "signature": name,
                        "information_categories": [],
                        "created_at": enrolled,
                        "created_by_user_id": user_id,
                    }
                )
                matches.append(
                    {
                        "id": uuid.uuid4(),
                        "organisation_id": org_id,
                        "participant_id": participant_id,
                        "specialist_id": specialist_id,
                        "status": "active",
                        "proposed_at": enrolled + timedelta(days=2),
                        "activated_at": enrolled + timedelta(days=4),
                        "explanation": [],
                        "created_at": enrolled,
                        "updated_at": enrolled,
                    }
                )
                plans.append(
                    {
                        "id": plan_id,
                        "organisation_id": org_id,
                        "participant_id": participant_id,
                        "status": "active",
                        "title": "My recovery plan",
                        "strengths": ["family", "work"],
                        "barriers": ["transport"],
                        "started_at": enrolled + timedelta(days=5),
                        "created_by_user_id": user_id,
                        "version": 1,
                        "created_at": enrolled,
                        "updated_at": enrolled,
                    }
                )
                for dimension in DIMENSIONS:
                    goal_id = uuid.uuid4()
                    goals.append(
                        {
                            "id": goal_id,
                            "plan_id": plan_id,
                            "participant_id": participant_id,
                            "dimension": dimension,
                            "statement": f"A {dimension} goal in my own words",
                            "status": rng.choice(["in-progress", "improving", "achieved"]),
                            "agreed_by_participant_at": enrolled + timedelta(days=6),
                            "created_by_user_id": user_id,
                            "version": 1,
                            "created_at": enrolled,
                            "updated_at": enrolled,
                        }
                    )
                    steps.extend(
                        {
                            "id": uuid.uuid4(),
                            "goal_id": goal_id,
                            "participant_id": participant_id,
                            "description": f"Step {k}",
                            "due_date": date.today() + timedelta(days=7 * k),
                            "done": k == 1,
                            "version": 1,
                            "created_at": enrolled,
                            "updated_at": enrolled,
                        }
                        for k in (1, 2)
                    )
                for k in range(CHECK_INS):
                    mood, craving = rng.randint(2, 5), rng.randint(0, 6)
                    used = rng.random() < 0.05
                    check_in = CheckIn(
                        mood=mood, craving=craving, used_since_last=used, wants_contact=False
                    )
                    check_ins.append(
                        {
                            "id": uuid.uuid4(),
                            "organisation_id": org_id,
                            "participant_id": participant_id,
                            "recorded_at": now - timedelta(hours=36 * k + rng.randint(0, 12)),
                            "mood": mood,
                            "craving": craving,
                            "used_since_last": used,
                            "sleep_hours": 7.0,
                            "note": "Went to a meeting, talked to my sponsor."
                            if k % 3 == 0
                            else None,
                            "wants_contact": False,
                            "risk_level": check_in.assess().level,
                            "entered_by_user_id": account_id,
                            "entered_by_role": "participant",
                        }
                    )
                encounters.extend(
                    {
                        "id": uuid.uuid4(),
                        "organisation_id": org_id,
                        "participant_id": participant_id,
                        "author_user_id": user_id,
                        "mode": "phone",
                        "started_at": now - timedelta(days=7 * k + 1),
                        "minutes": 30,
                        "dimensions": ["health"],
                        "referrals": [],
                        "billable_units": 2,
                        "created_at": now,
                        "updated_at": now,
                    }
                    for k in range(3)
                )
                caseload.append({"id": str(participant_id), "plan_id": str(plan_id)})
                participants.append(
                    {
                        "email": f"bench-participant-{n}@example.org",
                        "id": str(participant_id),
                        "plan_id": str(plan_id),
                    }
                )
            specialists.append({"email": email, "caseload": caseload})
        # Participants point at their intake specialist, accounts at participants.
        for table, rows in (
            (User, users),
            (Specialist, profiles),
            (SpecialistLanguage, languages),
            (Participant, people),
            (User, accounts),
            (Consent, consents),
            (PeerMatch, matches),
            (RecoveryPlan, plans),
            (Goal, goals),
            (GoalStep, steps),
            (CheckIn, check_ins),
            (Encounter, encounters),
        ):
            for start in range(0, len(rows), 2000):
                db.execute(insert(table), rows[start : start + 2000])
        db.commit()
    with engine.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    engine.dispose()
    return {
        "specialists": specialists,
        "participants": rng.sample(participants, min(PARTICIPANT_CLIENTS, len(participants))),
        "participant_count": len(participants),
        "check_in_count": len(check_ins),
    }


def _user(
    user_id: uuid.UUID, org_id: object, email: str, role: str, password_hash: str, now: datetime
) -> dict[str, object]:
    return {
        "id": user_id,
        "organisation_id": org_id,
        "email": email,
        "password_hash": password_hash,
        "role": role,
        "display_name": email.split("@")[0].replace("-", " ").title(),
        "participant_id": None,
        "is_active": True,
        "password_changed_at": now - timedelta(days=1),
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }


def sign_in(client: httpx.Client, email: str) -> str:
    response = client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": email, "password": PASSWORD},
    )
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


# The server


@dataclass
class Server:
    processes: list[subprocess.Popen[bytes]]
    base_url: str

    def workers(self) -> list[psutil.Process]:
        if len(self.processes) > 1:  # --reuse-port: each process is a worker
            return [psutil.Process(process.pid) for process in self.processes]
        # With one worker uvicorn serves in its own process; with more, in spawned
        # children (beside them runs multiprocessing's resource tracker, which serves none).
        main = psutil.Process(self.processes[0].pid)
        children = [c for c in main.children() if "spawn_main" in " ".join(c.cmdline())]
        return children or [main]

    def cpu_seconds(self) -> float:
        return sum(self.cpu_seconds_by_worker())

    def cpu_seconds_by_worker(self) -> list[float]:
        return [sum(worker.cpu_times()[:2]) for worker in self.workers()]  # user + system

    def rss_mb(self) -> list[float]:
        return [worker.memory_info().rss / 2**20 for worker in self.workers()]


@contextmanager
def serving(env: dict[str, str], workers: int, reuse_port: bool = False) -> Iterator[Server]:
    """uvicorn with ``workers`` workers. uvicorn's workers accept from one shared socket,
    and the first to wake takes every connection waiting, so a burst of keep-alive
    connections (wrk opens all of its own at once) can land on one worker. With
    ``reuse_port``, each worker is a uvicorn process of its own on a socket of its own,
    all bound to the same port with SO_REUSEPORT: the kernel spreads new connections over
    them by address hash."""
    port = free_port()
    # The app's own access log (ids only) goes to a file, as it would to a journal.
    log = (Path(env["PRSS_DATA_DIR"]) / f"server-{workers}.log").open("ab")
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "app.main:app",
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    sockets = [_reuse_port_socket(port) for _ in range(workers)] if reuse_port else []
    processes = [
        subprocess.Popen(
            [*command, "--fd", str(sock.fileno())],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
            pass_fds=[sock.fileno()],
        )
        for sock in sockets
    ] or [
        subprocess.Popen(
            [*command, "--port", str(port), "--workers", str(workers)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        )
    ]
    for sock in sockets:
        sock.close()  # the workers hold their own copies
    server = Server(processes, f"http://127.0.0.1:{port}")
    try:
        with httpx.Client(base_url=server.base_url, timeout=10) as client:
            for _ in range(300):
                try:
                    if client.get("/api/v1/ready").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.1)
            else:
                raise RuntimeError("the server did not become ready")
        # Every worker must be up before the load starts, not just the first.
        for _ in range(100):
            if len(server.workers()) == workers or workers == 1:
                break
            time.sleep(0.1)
        # Under --reuse-port a connection to a worker still starting waits in its socket's
        # queue: fresh connections, which the kernel spreads over the workers, answer once
        # every worker is up.
        for _ in range(8 * workers if reuse_port else 0):
            httpx.get(f"{server.base_url}/api/v1/ready", timeout=30).raise_for_status()
        yield server
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        log.close()


def _reuse_port_socket(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    # uvicorn takes an inherited socket (--fd) for a Unix one, so asyncio does not turn
    # Nagle's algorithm off on the connections it accepts, as it does on TCP ones; they
    # inherit this instead. Without it each small answer waits out a delayed ACK (~40 ms).
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(2048)
    return sock


def postgres_cpu_seconds() -> float:
    """CPU time of every PostgreSQL process on this machine (the server is local)."""
    total = 0.0
    for process in psutil.process_iter(["name", "cpu_times"]):
        if process.info["name"] == "postgres" and process.info["cpu_times"] is not None:
            total += process.info["cpu_times"].user + process.info["cpu_times"].system
    return total


# Running the load: Locust and wrk


@dataclass
class Phase:
    name: str
    requests: int
    seconds: float
    rps: float
    p50: float
    p99: float
    errors: int
    server_cpu: float  # cores busy, on average
    client_cpu: float
    database_cpu: float
    other_cpu: float  # anything else busy on the machine meanwhile (a build, a test run)
    by_name: dict[str, tuple[int, float, float, int]] = field(default_factory=dict)
    # Cores busy per worker: keep-alive connections stay with the worker that accepted
    # them, so a phase's load can fall unevenly on the workers.
    worker_cpu: list[float] = field(default_factory=list)


def run_locust(
    server: Server,
    plan_file: Path,
    samples: Path,
    user_classes: list[str],
    users: int,
    seconds: int,
    extra_env: dict[str, str] | None = None,
) -> tuple[float, float, float, float, float]:
    """Run Locust headless; returns wall seconds and the CPU seconds the server, Locust,
    PostgreSQL and everything else on the machine used."""
    env = {
        **os.environ,
        "BENCH_PLAN": str(plan_file),
        "BENCH_SAMPLES": str(samples),
        **(extra_env or {}),
    }
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{seconds}s",
        "--host",
        server.base_url,
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--exit-code-on-error",
        "0",
        *user_classes,
    ]
    used, _ = run_client(server, "locust", command, samples.with_suffix(".log"), env)
    return used


def run_wrk(
    server: Server, path: str, tokens: Path | None, users: int, seconds: int, log: Path
) -> tuple[tuple[float, float, float, float, float], dict[str, Any]]:
    """Run wrk (one thread, ``users`` connections) on ``path``, each request with the next
    of ``tokens`` (a file of bearer tokens, one a line) when given; returns what
    ``run_locust`` does, measured the same way, and wrk's summary (``bench/wrk.lua``)."""
    command = [
        "wrk",
        "-t",
        "1",
        "-c",
        str(users),
        "-d",
        f"{seconds}s",
        "--timeout",
        "10s",
        "--latency",
        "-s",
        str(WRK_SCRIPT),
        server.base_url + path,
    ]
    if tokens is not None:
        command += ["--", str(tokens)]
    used, output = run_client(server, "wrk", command, log)
    summary = next(
        (line.split(" ", 1)[1] for line in output.splitlines() if line.startswith("wrk-summary ")),
        None,
    )
    if summary is None:
        sys.exit(f"wrk printed no summary:\n{output}")
    return used, json.loads(summary)


def run_client(
    server: Server, name: str, command: list[str], log: Path, env: dict[str, str] | None = None
) -> tuple[tuple[float, float, float, float, float], str]:
    """Run a load client to its end, its output to ``log``; returns the wall seconds, the
    CPU seconds the server, the client, PostgreSQL and everything else on the machine
    used, and the client's output. The client's CPU is the kernel's account of this
    process's finished children (the server's workers and py-spy end later), so none of
    its last moments are missed."""
    server_before, database_before = server.cpu_seconds(), postgres_cpu_seconds()
    machine_before, children_before = _busy_seconds(), _finished_children_cpu_seconds()
    started = time.perf_counter()
    with log.open("wb") as out:
        done = subprocess.run(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, check=False
        )
    wall = time.perf_counter() - started
    client_cpu = _finished_children_cpu_seconds() - children_before
    output = log.read_text()
    if done.returncode != 0:
        sys.exit(f"{name} exited with {done.returncode}:\n{output}")
    server_cpu = server.cpu_seconds() - server_before
    database_cpu = postgres_cpu_seconds() - database_before
    other = _busy_seconds() - machine_before - server_cpu - database_cpu - client_cpu
    return (wall, server_cpu, client_cpu, database_cpu, max(other, 0.0)), output


def _finished_children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def summarise_wrk(
    name: str,
    label: str,
    summary: dict[str, Any],
    wall: float,
    server_cpu: float,
    client_cpu: float,
    database_cpu: float,
    other_cpu: float,
) -> Phase:
    """A phase's figures from wrk's summary: the whole run, as there are no raw samples
    to leave a warm-up out of (the warm-up run before it stands in for that). Errors are
    wrk's failed connections, reads, writes and timeouts and every answer outside
    2xx/3xx."""
    seconds = summary["duration_us"] / 1e6
    requests = int(summary["requests"])
    errors = sum(int(count) for count in summary["errors"].values())
    p50, p99 = summary["p50_us"] / 1000, summary["p99_us"] / 1000
    return Phase(
        name=name,
        requests=requests,
        seconds=seconds,
        rps=requests / seconds,
        p50=p50,
        p99=p99,
        errors=errors,
        server_cpu=server_cpu / wall,
        client_cpu=client_cpu / wall,
        database_cpu=database_cpu / wall,
        other_cpu=other_cpu / wall,
        by_name={label: (requests, p50, p99, errors)},
    )


def ensure_wrk() -> None:
    if shutil.which("wrk") is None:
        subprocess.run([str(ROOT / "scripts" / "install-wrk.sh")], check=False)
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing and could not be installed (scripts/install-wrk.sh)")


def _busy_seconds() -> float:
    times = psutil.cpu_times()
    return float(sum(times) - times.idle - times.iowait)


def read_samples(path: Path) -> list[tuple[float, str, float, int]]:
    rows = []
    for line in path.read_text().splitlines():
        finished, name, millis, failed = line.rsplit(",", 3)
        rows.append((float(finished), name, float(millis), int(failed)))
    return rows


def summarise(
    name: str,
    rows: list[tuple[float, str, float, int]],
    wall: float,
    server_cpu: float,
    client_cpu: float,
    database_cpu: float,
    other_cpu: float,
    since: float | None = None,
    until: float | None = None,
) -> Phase:
    """Figures over the samples after the warm-up (or between ``since`` and ``until``,
    offsets from the first sample); errors over every sample."""
    start = min(r[0] for r in rows)
    end = max(r[0] for r in rows)
    low = start + (WARM_UP if since is None else since)
    high = end if until is None else start + until
    window = [r for r in rows if low <= r[0] <= high]
    seconds = max(high - low, 1e-9)
    times = [r[2] for r in window]
    by_name = {}
    for key in sorted({r[1] for r in window}):
        mine = [r for r in window if r[1] == key]
        values = [r[2] for r in mine]
        by_name[key] = (
            len(mine),
            statistics.median(values),
            percentile(values, 0.99),
            sum(r[3] for r in rows if r[1] == key),
        )
    return Phase(
        name=name,
        requests=len(window),
        seconds=seconds,
        rps=len(window) / seconds,
        p50=statistics.median(times),
        p99=percentile(times, 0.99),
        errors=sum(r[3] for r in rows),
        server_cpu=server_cpu / wall,
        client_cpu=client_cpu / wall,
        database_cpu=database_cpu / wall,
        other_cpu=other_cpu / wall,
        by_name=by_name,
    )


@contextmanager
def profiling(server: Server, folder: Path | None, label: str) -> Iterator[None]:
    """Sample every worker's stacks with py-spy while the phase runs (collapsed stacks,
    one file per worker), when asked to."""
    if folder is None:
        yield
        return
    folder.mkdir(parents=True, exist_ok=True)
    spies = [
        subprocess.Popen(
            [
                str(Path(sys.executable).with_name("py-spy")),
                "record",
                "--pid",
                str(worker.pid),
                "--format",
                "raw",
                "--rate",
                "200",
                "--output",
                str(folder / f"{label}-{worker.pid}.txt"),
                "--nonblocking",
                "--gil",  # where the CPU goes: only threads holding the GIL
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for worker in server.workers()
    ]
    try:
        yield
    finally:
        for spy in spies:
            spy.send_signal(2)  # SIGINT: py-spy writes its file and exits
        for spy in spies:
            spy.wait(timeout=60)


# Reports


def print_phases(workers: int, phases: list[Phase]) -> None:
    print(f"\n{workers} workers")
    print(
        f"{'phase':>8} {'requests':>9} {'req/s':>8} {'p50':>8} {'p99':>8} {'errors':>7}"
        f" {'CPU: app':>9} {'PG':>6} {'client':>7} {'other':>6}  app by worker"
    )
    for p in phases:
        print(
            f"{p.name:>8} {p.requests:>9,} {p.rps:>8.0f} {p.p50:>6.1f}ms {p.p99:>6.1f}ms"
            f" {p.errors:>7} {p.server_cpu:>8.2f}c {p.database_cpu:>5.2f}c {p.client_cpu:>6.2f}c"
            f" {p.other_cpu:>5.2f}c  {' / '.join(f'{c:.2f}' for c in p.worker_cpu)}"
        )
    by_phase = {p.name: p for p in phases}
    if "list" in by_phase and "minimal" in by_phase:
        ratio = by_phase["list"].rps / by_phase["minimal"].rps
        print(f"participant list / minimal endpoint throughput: {ratio:.1%}")
    for p in phases:
        if uneven(p.worker_cpu):
            print(
                f"  the {p.name} phase's connections fell unevenly on the workers, leaving"
                " one of them less than half as busy as another: its figures are not those"
                " of every worker (--reuse-port spreads them)"
            )
    for p in phases:
        if p.name == "mixed":
            print("mixed workload by request:")
            for key, (count, p50, p99, errors) in p.by_name.items():
                print(f"  {key:<52} {count:>7,} {p50:>6.1f}ms {p99:>6.1f}ms {errors:>4}")


def uneven(worker_cpu: list[float]) -> bool:
    """Whether one worker did less than half the work of the busiest."""
    return len(worker_cpu) > 1 and min(worker_cpu) < 0.5 * max(worker_cpu)


def verify_audit(env: dict[str, str]) -> str:
    return run_cli(env, "verify-audit").strip()


def audit_rows(url: str) -> int:
    engine = make_engine(url)
    with engine.connect() as connection:
        count = int(connection.scalar(text("SELECT count(*) FROM audit_events")) or 0)
    engine.dispose()
    return count


# Modes


def prepare(
    folder: Path, url: str, token_minutes: int
) -> tuple[dict[str, str], Path, dict[str, Any]]:
    note_key = new_key()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "PRSS_ENV": "production",
        "PRSS_SECRET_KEY": SECRET,
        "PRSS_NOTE_KEY": note_key,
        "PRSS_DATA_DIR": str(folder),
        # Every simulated account signs in once, all from 127.0.0.1.
        "PRSS_RATE_LIMIT_SIGN_IN": "10000/minute",
        "PRSS_ACCESS_TOKEN_MINUTES": str(token_minutes),
    }
    started = time.perf_counter()
    run_cli(env, "migrate")
    run_cli(env, "seed-demo")
    crypto.configure(NoteCipher(decode_key(note_key)))
    plan = seed(url, random.Random(7))
    print(
        f"seeded the demo organisation and {SPECIALISTS} specialists with "
        f"{plan['participant_count']} participants and {plan['check_in_count']:,} check-ins"
        f" in {time.perf_counter() - started:.0f} s"
    )
    return env, folder / "plan.json", plan


def signed_in(server: Server, plan: dict[str, Any], plan_file: Path) -> None:
    """Sign every simulated account in, once; the clients share the tokens."""
    with httpx.Client(base_url=server.base_url, timeout=30) as client:
        for account in [*plan["specialists"], *plan["participants"]]:
            account["token"] = sign_in(client, account["email"])
    plan_file.write_text(json.dumps(plan))


def benchmark(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp, database.throwaway_database(Path(tmp)) as url:
        folder = Path(tmp)
        env, plan_file, plan = prepare(folder, url, token_minutes=120)
        profile = Path(args.profile) if args.profile else None
        # The minimal and list phases' wrk requests: the path, and for the list the
        # specialists' tokens (written once they have signed in).
        wrk_load = {
            "minimal": ("/api/v1/health", None, "minimal: /health"),
            "list": ("/api/v1/participants", folder / "tokens.txt", "list: /participants"),
        }
        results: dict[int, list[Phase]] = {}
        for workers in [int(w) for w in args.workers.split(",")]:
            with serving(env, workers, args.reuse_port) as server:
                if not plan_file.exists():
                    signed_in(server, plan, plan_file)
                    specialists = json.loads(plan_file.read_text())["specialists"]
                    tokens = "".join(f"{specialist['token']}\n" for specialist in specialists)
                    (folder / "tokens.txt").write_text(tokens)
                phases = []
                for name, classes in (
                    ("minimal", ["MinimalUser"]),
                    ("list", ["ListUser"]),
                    ("mixed", ["SpecialistUser", "ParticipantUser"]),
                ):
                    if args.phases and name not in args.phases.split(","):
                        continue
                    # A short warm-up run first: imports, pools, caches, in every worker.
                    # wrk keeps no raw samples, so its figures cover the whole measured run:
                    # the warm-up run stands in for the first seconds summarise() leaves out
                    # of Locust's.
                    if args.client == "wrk" and name in wrk_load:
                        path, tokens_file, label = wrk_load[name]
                        logs = folder / f"wrk-{workers}-{name}"
                        run_wrk(server, path, tokens_file, args.users, 3, logs.with_suffix(".warm"))
                        before = server.cpu_seconds_by_worker()
                        with profiling(server, profile, f"{workers}w-{name}"):
                            used, summary = run_wrk(
                                server,
                                path,
                                tokens_file,
                                args.users,
                                args.seconds,
                                logs.with_suffix(".log"),
                            )
                        phase = summarise_wrk(name, label, summary, *used)
                    else:
                        warm = folder / f"warm-{workers}-{name}.csv"
                        run_locust(server, plan_file, warm, classes, args.users, 3)
                        samples = folder / f"samples-{workers}-{name}.csv"
                        before = server.cpu_seconds_by_worker()
                        with profiling(server, profile, f"{workers}w-{name}"):
                            used = run_locust(
                                server, plan_file, samples, classes, args.users, args.seconds
                            )
                        phase = summarise(name, read_samples(samples), *used)
                    after = server.cpu_seconds_by_worker()
                    phase.worker_cpu = [
                        (b - a) / used[0] for a, b in zip(before, after, strict=True)
                    ]
                    phases.append(phase)
                results[workers] = phases
            print_phases(workers, phases)
        print(f"\naudit events written: {audit_rows(url):,}; {verify_audit(env)}")


def soak(args: argparse.Namespace) -> None:
    seconds = args.soak
    classes = ["SpecialistUser", "ParticipantUser"]
    pause = {"BENCH_THINK": str(args.think)}
    with tempfile.TemporaryDirectory() as tmp, database.throwaway_database(Path(tmp)) as url:
        folder = Path(tmp)
        env, plan_file, plan = prepare(folder, url, token_minutes=seconds // 60 + 30)
        with serving(env, 2, args.reuse_port) as server:
            signed_in(server, plan, plan_file)
            run_locust(server, plan_file, folder / "warm.csv", classes, args.soak_users, 10, pause)
            print(
                f"soak: {seconds} s, 2 workers, {args.soak_users} clients pausing"
                f" {args.think} s on average between tasks",
                flush=True,
            )
            memory: list[tuple[float, list[float]]] = []
            done = threading.Event()

            def sample_memory() -> None:
                started = time.monotonic()
                while True:
                    memory.append((time.monotonic() - started, server.rss_mb()))
                    if done.wait(60):
                        return

            sampler = threading.Thread(target=sample_memory)
            sampler.start()
            samples = folder / "soak.csv"
            try:
                used = run_locust(
                    server, plan_file, samples, classes, args.soak_users, seconds, pause
                )
            finally:
                done.set()
                sampler.join()
            memory.append((seconds, server.rss_mb()))
        rows = read_samples(samples)
        first = min(r[0] for r in rows)
        window = min(300, seconds // 3)
        whole = summarise("all", rows, *used, since=0)
        print(f"\nsoak of {seconds / 60:.0f} minutes: {whole.requests:,} requests")
        print(f"{'minutes':>9} {'requests':>9} {'req/s':>7} {'p50':>8} {'p99':>8} {'errors':>7}")
        for start in range(0, seconds - window + 1, window):
            p = summarise("window", rows, *used, since=start, until=start + window)
            errors = sum(r[3] for r in rows if start <= r[0] - first < start + window)
            print(
                f"{start // 60:>4}-{(start + window) // 60:<4}"
                f"{p.requests:>9,} {p.rps:>7.0f} {p.p50:>6.1f}ms {p.p99:>6.1f}ms {errors:>7}"
            )
        print(
            f"{'all':>9} {whole.requests:>9,} {whole.rps:>7.0f} {whole.p50:>6.1f}ms"
            f" {whole.p99:>6.1f}ms {whole.errors:>7}"
        )
        print("worker RSS (MB), by minute:")
        for at, sizes in memory:
            print(f"  {at / 60:>4.0f}  " + "  ".join(f"{size:.0f}" for size in sizes))
        print(
            f"CPU: app {whole.server_cpu:.2f} cores, PostgreSQL {whole.database_cpu:.2f},"
            f" Locust {whole.client_cpu:.2f}, other {whole.other_cpu:.2f};"
            f" audit events written: {audit_rows(url):,}; {verify_audit(env)}"
        )


def main() -> None:
    if not database.on_postgres():
        sys.exit("set DATABASE_URL to a PostgreSQL server (make bench does)")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", default=os.environ.get("BENCH_WORKERS", "2,4"))
    parser.add_argument("--seconds", type=int, default=30, help="length of each phase")
    parser.add_argument("--users", type=int, default=20, help="concurrent clients per phase")
    parser.add_argument("--phases", default="", help="only these (minimal,list,mixed)")
    parser.add_argument("--profile", default="", help="write py-spy stacks to this folder")
    parser.add_argument("--soak", type=int, default=0, help="soak for this many seconds")
    parser.add_argument("--soak-users", type=int, default=10)
    parser.add_argument("--think", type=float, default=0.25, help="soak clients' mean pause (s)")
    parser.add_argument(
        "--client",
        choices=["wrk", "locust"],
        default="wrk",
        help="load generator of the minimal and list phases (mixed and the soak: Locust)",
    )
    parser.add_argument(
        "--reuse-port",
        action="store_true",
        help="one uvicorn process per worker, each on its own SO_REUSEPORT socket",
    )
    args = parser.parse_args()
    selected = args.phases.split(",") if args.phases else ["minimal", "list", "mixed"]
    if not args.soak and args.client == "wrk" and {"minimal", "list"} & set(selected):
        ensure_wrk()
    if args.soak:
        soak(args)
    else:
        benchmark(args)


if __name__ == "__main__":
    main()
