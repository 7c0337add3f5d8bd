"""An app on a database whose writes really commit, for the live stream's tests: alerts
reach streams only once their transaction commits, which the usual rolled-back test
transaction never does."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.core.db import Database
from app.main import create_app
from tests import database
from tests.alerts.conftest import API, StreamReader
from tests.conftest import TEST_SECRET
from tests.factories import World, build_world


@dataclass
class Live:
    engine: Engine
    settings: Settings
    world: World
    app: FastAPI
    client: TestClient

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def stream(self, user: Any = None, *, ticket: str | None = None) -> Iterator[StreamReader]:
        headers = self.world.headers(user) if user is not None else {}
        url = f"{API}/alerts/stream" + (f"?ticket={ticket}" if ticket else "")
        with self.client.stream("GET", url, headers=headers) as response:
            assert response.status_code == 200, response.read()
            assert response.headers["content-type"].startswith("text/event-stream")
            reader = StreamReader(response)
            reader.wait_connected()
            yield reader


def live_settings(folder: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "secret_key": TEST_SECRET,
        "data_dir": folder,
        "web_dist": folder / "none",
        # The tests run escalation passes themselves.
        "alert_escalation_interval_seconds": 0,
    }
    return Settings(**{**values, **overrides})


@contextmanager
def live_app(folder: Path, **overrides: Any) -> Iterator[Live]:
    with database.committed_database(folder) as engine:
        settings = live_settings(folder, **overrides)
        with Session(engine, expire_on_commit=False) as db:
            world = build_world(db, settings)
        app = create_app(settings=settings, database=Database(engine))
        with TestClient(app, base_url="https://testserver") as client:
            yield Live(engine=engine, settings=settings, world=world, app=app, client=client)
