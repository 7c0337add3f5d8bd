"""Alerts across app processes on PostgreSQL: an alert raised through one process reaches
streams connected to another, and a process whose LISTEN connection drops gets back on
its feet without losing what was raised meanwhile."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy.orm import Session

from app.alerts import publication, service
from app.core.config import Settings
from app.core.db import make_engine
from app.participants.models import Participant
from tests import database
from tests.alerts.conftest import API, CHECK_INS, StreamReader
from tests.alerts.live import live_app
from tests.conftest import TEST_SECRET
from tests.factories import build_world

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parent.parent.parent


def free_port() -> int:
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def app_processes(url: str, folder: Path, count: int) -> Iterator[list[str]]:
    """``count`` processes of ``uvicorn app.main:app``, each on a free port, against
    ``url``; yields their base URLs once all are ready."""
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "PRSS_SECRET_KEY": TEST_SECRET,
        "PRSS_DATA_DIR": str(folder),
        "PRSS_WEB_DIST": str(folder / "none"),
        "PRSS_ALERT_ESCALATION_INTERVAL_SECONDS": "0",
    }
    ports = [free_port() for _ in range(count)]
    servers = [
        subprocess.Popen(  # noqa: S603 - our own interpreter and module
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
        for port in ports
    ]
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        deadline = time.monotonic() + 30
        for server, base in zip(servers, bases, strict=True):
            while not _ready(base):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("an app process did not start")
                time.sleep(0.1)
        yield bases
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _ready(base: str) -> bool:
    try:
        return httpx.get(f"{base}{API}/ready", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


@contextmanager
def stream(base: str, headers: dict[str, str]) -> Iterator[StreamReader]:
    timeout = httpx.Timeout(5.0, read=None)
    with (
        httpx.Client(base_url=base, timeout=timeout) as client,
        client.stream("GET", f"{API}/alerts/stream", headers=headers) as response,
    ):
        assert response.status_code == 200
        reader = StreamReader(response)
        reader.wait_connected()
        yield reader


def test_an_alert_raised_in_one_process_reaches_a_stream_on_another(tmp_path):
    with database.throwaway_database(tmp_path) as url:
        engine = make_engine(url)
        with engine.begin() as connection:
            database.upgrade(connection)
        with Session(engine, expire_on_commit=False) as db:
            world = build_world(db, Settings(secret_key=TEST_SECRET, data_dir=tmp_path))
        engine.dispose()

        with (
            app_processes(url, tmp_path, count=2) as (process_a, process_b),
            stream(process_b, world.headers(world.specialist)) as specialist_on_b,
            stream(process_b, world.headers(world.supervisor)) as supervisor_on_b,
            stream(process_a, world.headers(world.supervisor)) as supervisor_on_a,
            stream(process_b, world.headers(world.other_supervisor)) as stranger_on_b,
        ):
            started = time.monotonic()
            response = httpx.post(
                f"{process_a}{API}/participants/{world.matched.id}/check-ins",
                json=CHECK_INS["crisis"],
                headers=world.headers(world.me),
                timeout=10,
            )
            assert response.status_code == 201, response.text
            event = specialist_on_b.next_alert(timeout=2.0)
            assert time.monotonic() - started < 2.0
            assert supervisor_on_b.next_alert(timeout=2.0).id == event.id
            assert supervisor_on_a.next_alert(timeout=2.0).id == event.id
            body = json.loads(event.data or "")
            assert body["participant_id"] == str(world.matched.id)
            assert body["assignee_user_id"] == str(world.specialist.id)
            read = httpx.get(
                f"{process_b}{API}/alerts/{event.id}",
                headers=world.headers(world.specialist),
                timeout=10,
            ).json()
            assert body == read
            assert stranger_on_b.nothing_more(within=0.5)


def test_the_listener_reconnects_and_replays_what_it_missed(tmp_path):
    with live_app(tmp_path) as live, live.stream(live.world.supervisor) as supervisor:
        # Cut the process's LISTEN connection, as a database restart or a network blip would.
        with live.session() as db:
            cut = database.end_sessions(db.connection(), listening_on=publication.CHANNEL)
            assert cut, "no LISTEN connection found"
            # Raised while nobody is listening: the notification goes nowhere.
            participant = db.get_one(Participant, live.world.matched.id)
            missed = service.raise_alert(
                db=db,
                participant=participant,
                severity="high",
                source="check_in",
                source_id=uuid.uuid4(),
            )
            db.commit()
        assert supervisor.next_alert(timeout=10.0).id == str(missed.id)

        # And it listens again: a new alert arrives as usual.
        with live.session() as db:
            participant = db.get_one(Participant, live.world.matched.id)
            later = service.raise_alert(
                db=db,
                participant=participant,
                severity="crisis",
                source="check_in",
                source_id=uuid.uuid4(),
            )
            db.commit()
        assert supervisor.next_alert(timeout=2.0).id == str(later.id)
