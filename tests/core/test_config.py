"""Settings: a development secret is generated once; production refuses unsafe secrets."""

from __future__ import annotations

import pytest

from app.core.config import InsecureConfiguration, Settings


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
