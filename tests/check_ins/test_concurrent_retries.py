"""Concurrent retries of one check-in on PostgreSQL: exactly one is stored, every retry
gets the same answer."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.check_ins.models import CheckIn
from app.core.config import Settings
from app.core.db import Database
from app.main import create_app
from tests import database
from tests.conftest import TEST_SECRET
from tests.factories import build_world

pytestmark = pytest.mark.postgres


def test_concurrent_retries_with_one_key_store_one_check_in(tmp_path):
    with database.committed_database(tmp_path) as engine:
        settings = Settings(secret_key=TEST_SECRET, data_dir=tmp_path)
        with Session(engine) as db:
            world = build_world(db, settings)
            headers = {**world.headers(world.me), "Idempotency-Key": "flaky-network"}
            participant_id = world.matched.id
        app = create_app(settings=settings, database=Database(engine))
        body = {"mood": 3, "craving": 2, "used_since_last": False}
        with TestClient(app, base_url="https://testserver") as client:

            def post(_: int):
                return client.post(
                    f"/api/v1/participants/{participant_id}/check-ins",
                    json=body,
                    headers=headers,
                )

            with ThreadPoolExecutor(max_workers=8) as pool:
                responses = list(pool.map(post, range(16)))
        assert {r.status_code for r in responses} == {201}
        assert len({r.json()["id"] for r in responses}) == 1
        with Session(engine) as db:
            stored = db.scalar(
                select(func.count())
                .select_from(CheckIn)
                .where(CheckIn.participant_id == participant_id)
            )
        assert stored == 1
