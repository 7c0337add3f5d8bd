"""Settings: a development secret is generated once; production refuses unsafe secrets."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from sqlalchemy.pool import QueuePool

from app.core.config import InsecureConfiguration, Settings
from app.main import create_app


def test_development_generates_a_secret_once_and_keeps_it(tmp_path):
    first = Settings(data_dir=tmp_path).resolved_secret_key()
    again = Settings(data_dir=tmp_path).resolved_secret_key()
    assert first == again
    assert len(first) >= 32
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("secret", [None, "short", "changeme", "a" * 40])
def test_production_refuses_a_missing_or_weak_secret(tmp_path, secret):
    settings = Settings(env="production", secret_key=secret, data_dir=tmp_path)
    with pytest.raises(InsecureConfiguration):
        settings.resolved_secret_key()


def test_production_accepts_a_strong_secret(tmp_path):
    strong = "Xq7-vR2m_Lp9sT4wZk8bN3cY6hJ1fG5dA0eU"
    assert (
        Settings(env="production", secret_key=strong, data_dir=tmp_path).resolved_secret_key()
        == strong
    )


def test_database_url_defaults_to_sqlite_in_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert Settings(data_dir=tmp_path).sqlalchemy_url == f"sqlite:///{tmp_path / 'prss.db'}"


def test_postgres_urls_use_psycopg(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@db/prss")
    assert Settings().sqlalchemy_url == "postgresql+psycopg://u@db/prss"


def test_the_connection_pool_is_sized_from_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("PRSS_DB_POOL_SIZE", "5")
    monkeypatch.setenv("PRSS_DB_MAX_OVERFLOW", "2")
    settings = Settings(data_dir=tmp_path, database_url="postgresql://app@db.invalid/prss")
    assert (settings.db_pool_size, settings.db_max_overflow) == (5, 2)
    # Making the app opens no connection.
    pool = create_app(settings).state.database.engine.pool
    assert isinstance(pool, QueuePool)
    assert pool.size() == 5
    assert pool._max_overflow == 2


def test_a_pool_of_no_connections_is_refused(tmp_path):
    with pytest.raises(ValidationError):
        Settings(data_dir=tmp_path, db_pool_size=0)
