"""Escalation: unacknowledged alerts go to the supervisors once, after the configured
delay, however many workers look at the same moment; also as a cron command."""

from __future__ import annotations

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import psycopg
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from app.alerts import escalation, publication
from app.alerts.models import Alert
from app.cli import cli
from app.core.base import utcnow
from app.core.config import Settings, get_settings
from app.core.db import Database, make_engine
from app.participants.models import Participant
from tests import database
from tests.alerts.conftest import make_alert
from tests.alerts.live import live_app
from tests.conftest import TEST_SECRET
from tests.factories import build_world


def ago(minutes: float):
    return utcnow() - timedelta(minutes=minutes)


def test_only_open_unescalated_alerts_past_the_delay_escalate(db, world):
    due = make_alert(db, world.matched, assignee=world.specialist, created_at=ago(15))
    late = make_alert(db, world.taken_in, created_at=ago(60))
    not_yet = make_alert(db, world.matched, assignee=world.specialist, created_at=ago(14.5))
    acknowledged = make_alert(db, world.matched, status="acknowledged", created_at=ago(60))
    resolved = make_alert(db, world.matched, status="resolved", created_at=ago(60))
    already = make_alert(db, world.matched, created_at=ago(60), escalated_at=ago(40))
    now = utcnow()
    escalated = escalation.escalate_due(db=db, after_minutes=15, now=now)
    assert sorted(escalated) == sorted([due.id, late.id])
    db.expire_all()
    for alert in (due, late):
        stored = db.get_one(Alert, alert.id)
        assert stored.escalated_at == now
        assert stored.status == "open"
        assert stored.version == 2
    for alert in (not_yet, acknowledged, resolved):
        assert db.get_one(Alert, alert.id).escalated_at is None
    assert db.get_one(Alert, already.id).escalated_at == already.escalated_at


def test_an_alert_escalates_only_once(db, world):
    make_alert(db, world.matched, assignee=world.specialist, created_at=ago(20))
    assert len(escalation.escalate_due(db=db, after_minutes=15)) == 1
    assert escalation.escalate_due(db=db, after_minutes=15) == []


def test_the_delay_is_the_setting(db, world):
    make_alert(db, world.matched, assignee=world.specialist, created_at=ago(6))
    assert escalation.escalate_due(db=db, after_minutes=15) == []
    assert len(escalation.escalate_due(db=db, after_minutes=5)) == 1


def test_acknowledging_stops_the_escalation(client, db, world):
    alert = make_alert(db, world.matched, assignee=world.specialist, created_at=ago(14))
    db.commit()
    client.post(f"/api/v1/alerts/{alert.id}/acknowledge", headers=world.headers(world.specialist))
    assert (
        escalation.escalate_due(db=db, after_minutes=15, now=utcnow() + timedelta(minutes=5)) == []
    )


def test_an_escalated_alert_keeps_its_assignee_and_shows_when_it_escalated(client, db, world):
    alert = make_alert(db, world.matched, assignee=world.specialist, created_at=ago(30))
    escalation.escalate_due(db=db, after_minutes=15)
    db.commit()
    for user in (world.specialist, world.supervisor):
        body = client.get(f"/api/v1/alerts/{alert.id}", headers=world.headers(user)).json()
        assert body["escalated_at"] is not None
        assert body["assignee_user_id"] == str(world.specialist.id)


def test_the_background_loop_escalates_on_its_interval(tmp_path):
    """The app's own loop: with a short interval it escalates without anyone asking."""
    with live_app(tmp_path, alert_escalation_interval_seconds=0.2) as live:
        with live.session() as db:
            alert = make_alert(
                db, db.get_one(Participant, live.world.matched.id), created_at=ago(20)
            )
            db.commit()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            with live.session() as db:
                if db.get_one(Alert, alert.id).escalated_at is not None:
                    break
            time.sleep(0.1)
        else:
            pytest.fail("the background loop did not escalate the alert")


runner = CliRunner()


def test_the_cli_escalates_due_alerts_and_says_how_many(tmp_path, monkeypatch):
    with database.committed_database(tmp_path) as engine:
        url = engine.url.render_as_string(hide_password=False)
        monkeypatch.setenv("DATABASE_URL", url)
        monkeypatch.setenv("PRSS_DATA_DIR", str(tmp_path))
        monkeypatch.setenv("PRSS_ALERT_ESCALATION_MINUTES", "10")
        get_settings.cache_clear()
        try:
            with Session(engine, expire_on_commit=False) as db:
                world = build_world(db, Settings(secret_key=TEST_SECRET, data_dir=tmp_path))
                make_alert(db, world.matched, assignee=world.specialist, created_at=ago(11))
                make_alert(db, world.taken_in, created_at=ago(12))
                make_alert(db, world.taken_in, created_at=ago(9))
                db.commit()
            result = runner.invoke(cli, ["escalate-alerts"])
            assert result.exit_code == 0, result.output
            assert result.output.strip() == "escalated 2 alert(s)"
            again = runner.invoke(cli, ["escalate-alerts"])
            assert again.exit_code == 0
            assert again.output.strip() == "escalated 0 alert(s)"
            with Session(engine) as db:
                count = db.scalar(
                    select(func.count()).select_from(Alert).where(Alert.escalated_at.is_not(None))
                )
                assert count == 2
        finally:
            get_settings.cache_clear()


def test_the_cli_reports_an_unreachable_database_in_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/missing/nowhere.db")
    get_settings.cache_clear()
    try:
        result = runner.invoke(cli, ["escalate-alerts"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2
    assert len([line for line in result.output.splitlines() if line.strip()]) == 1


WORKERS = 8
DUE = 20


@pytest.mark.postgres
def test_racing_workers_escalate_each_alert_exactly_once_and_notify_once(tmp_path):
    with database.committed_database(tmp_path) as engine:
        with Session(engine, expire_on_commit=False) as db:
            world = build_world(db, Settings(secret_key=TEST_SECRET, data_dir=tmp_path))
            due = {
                make_alert(
                    db,
                    world.matched if i % 2 else world.taken_in,
                    assignee=world.specialist if i % 2 else None,
                    created_at=ago(16 + i),
                ).id
                for i in range(DUE)
            }
            make_alert(db, world.matched, created_at=ago(1))  # not due
            db.commit()

        dsn = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(dsn, autocommit=True) as listener:
            listener.execute(f"LISTEN {publication.CHANNEL}")
            barrier = threading.Barrier(WORKERS)
            url = engine.url.render_as_string(hide_password=False)
            # A pool each, as separate app processes or cron runs would have.
            databases = [Database(make_engine(url)) for _ in range(WORKERS)]

            def work(index: int):
                barrier.wait(timeout=30)
                return escalation.run_pass(database=databases[index], after_minutes=15)

            with ThreadPoolExecutor(max_workers=WORKERS) as pool:
                reports = list(pool.map(work, range(WORKERS)))
            for each in databases:
                each.engine.dispose()

            notified = Counter(
                notification.payload
                for notification in listener.notifies(timeout=2.0, stop_after=DUE * 2)
            )

        claimed = [alert_id for report in reports for alert_id in report]
        assert len(claimed) == DUE, "an alert was reported by two workers"
        assert set(claimed) == due
        assert notified == Counter({str(alert_id): 1 for alert_id in due})
        with Session(engine) as db:
            rows = db.execute(select(Alert.id, Alert.escalated_at, Alert.version)).all()
            escalated = {row.id for row in rows if row.escalated_at is not None}
            assert escalated == due
            assert {row.version for row in rows if row.id in due} == {2}
