"""The command line: migrate, create-admin, create-client, seed-demo; clear exit codes on bad
input."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from app.alerts.models import Alert
from app.cli import cli
from app.core.config import get_settings
from app.core.db import make_engine
from app.core.security import digest_token
from app.crisis.models import SafetyPlanVersion
from app.integrators.models import IntegratorClient
from app.matching.models import PeerMatch
from app.outcomes.models import OutcomeSurvey
from app.participants.models import Participant
from app.specialists.models import Specialist
from app.users.models import User
from tests import database

runner = CliRunner()


@pytest.fixture
def fresh_url(tmp_path, monkeypatch) -> Iterator[str]:
    with database.throwaway_database(tmp_path) as url:
        monkeypatch.setenv("DATABASE_URL", url)
        monkeypatch.setenv("PRSS_DATA_DIR", str(tmp_path))
        get_settings.cache_clear()
        try:
            yield url
        finally:
            get_settings.cache_clear()


def run(*args: str):
    return runner.invoke(cli, list(args))


def count(url: str, stmt) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.scalar(stmt) or 0)
    finally:
        engine.dispose()


def test_migrate_then_create_admin(fresh_url):
    assert run("migrate").exit_code == 0
    result = run(
        "create-admin",
        "--org",
        "Lakeside Peers",
        "--email",
        "Admin@Example.org",
        "--password",
        "a long enough passphrase",
    )
    assert result.exit_code == 0, result.output
    assert "admin@example.org" in result.output
    assert count(fresh_url, select(func.count()).select_from(User).where(User.role == "admin")) == 1


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--email", "not-an-email", "--password", "a long enough passphrase"], "email"),
        (["--email", "a@example.org", "--password", "short"], "password"),
    ],
)
def test_create_admin_refuses_bad_input_with_one_line(fresh_url, args, reason):
    run("migrate")
    result = run("create-admin", "--org", "Lakeside Peers", *args)
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert reason in lines[0]


def test_create_admin_refuses_a_duplicate(fresh_url):
    run("migrate")
    args = [
        "create-admin",
        "--org",
        "Lakeside",
        "--email",
        "a@example.org",
        "--password",
        "a long enough passphrase",
    ]
    assert run(*args).exit_code == 0
    result = run(*args)
    assert result.exit_code == 2
    assert "already exists" in result.output


def _with_organisation(name: str = "Lakeside Peers") -> None:
    run("migrate")
    created = run(
        "create-admin",
        "--org",
        name,
        "--email",
        "admin@example.org",
        "--password",
        "a long enough passphrase",
    )
    assert created.exit_code == 0, created.output


def test_create_client_prints_the_id_and_the_secret_once(fresh_url):
    _with_organisation()
    result = run(
        "create-client",
        "--org",
        "Lakeside Peers",
        "--name",
        "State Hub",
        "--scope",
        "outcomes:read",
    )
    assert result.exit_code == 0, result.output
    printed = dict(
        line.split(": ", 1) for line in result.output.splitlines() if line.startswith("client_")
    )
    assert set(printed) == {"client_id", "client_secret"}
    client_id = uuid.UUID(printed["client_id"])
    secret = printed["client_secret"]
    # Only the digest is stored.
    stored = count(
        fresh_url,
        select(func.count()).where(
            IntegratorClient.id == client_id,
            IntegratorClient.secret_digest == digest_token(secret),
        ),
    )
    assert stored == 1


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--org", "Nowhere Peers", "--scope", "outcomes:read"], "Nowhere Peers"),
        (["--org", "Lakeside Peers", "--scope", "participants:read"], "scope"),
        (["--org", "Lakeside Peers", "--scope", "outcomes:read", "--name", ""], "name"),
    ],
)
def test_create_client_refuses_bad_input_with_one_line(fresh_url, args, reason):
    _with_organisation()
    result = run("create-client", "--name", "State Hub", *args)
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert reason in lines[0]
    assert count(fresh_url, select(func.count()).select_from(IntegratorClient)) == 0


def test_seed_demo_loads_once_and_prints_the_logins(fresh_url):
    run("migrate")
    result = run("seed-demo", "--if-empty")
    assert result.exit_code == 0, result.output
    assert "demo data loaded" in result.output
    assert "admin" in result.output
    assert "specialist" in result.output
    # Two participant logins: one matched, one still waiting for a match.
    assert "jose.ramirez@example.org" in result.output
    assert "rowan.adeyemi@example.org" in result.output
    participants = count(fresh_url, select(func.count()).select_from(Participant))
    current = count(fresh_url, select(func.count()).where(Participant.status != "discharged"))
    assert 8 <= current <= 12
    # Past participants with all three outcome surveys: enough for the summary to show
    # figures rather than suppressed cells.
    alumni = count(fresh_url, select(func.count()).where(Participant.status == "discharged"))
    assert alumni >= 3 * 11
    assert count(fresh_url, select(func.count()).select_from(OutcomeSurvey)) >= 3 * alumni
    assert "client_secret" in result.output
    assert count(fresh_url, select(func.count()).select_from(PeerMatch)) > 0
    # Crisis support to look at: a safety plan, and an alert still waiting for an answer.
    assert count(fresh_url, select(func.count()).select_from(SafetyPlanVersion)) > 0
    assert count(fresh_url, select(func.count()).where(Alert.status == "open")) >= 1
    # The specialists' lived experience is filled in, so suggestions have something to weigh.
    assert count(fresh_url, select(func.count()).where(Specialist.pathway_mask != 0)) == 2

    again = run("seed-demo", "--if-empty")
    assert again.exit_code == 0
    assert "already loaded" in again.output
    assert count(fresh_url, select(func.count()).select_from(Participant)) == participants


def test_seed_demo_if_empty_leaves_a_real_database_alone(fresh_url):
    run("migrate")
    run(
        "create-admin",
        "--org",
        "Real Org",
        "--email",
        "real@example.org",
        "--password",
        "a long enough passphrase",
    )
    result = run("seed-demo", "--if-empty")
    assert result.exit_code == 0
    assert "not loaded" in result.output
    assert count(fresh_url, select(func.count()).select_from(Participant)) == 0
