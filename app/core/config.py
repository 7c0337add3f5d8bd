"""Settings, read once from the environment (prefix ``PRSS_``, plus ``DATABASE_URL``)."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

import limits
from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from app.core.crypto import NoteCipher, decode_key, new_key

MIN_SECRET_LENGTH = 32
REPO_ROOT = Path(__file__).resolve().parent.parent.parent
WEAK_SECRETS = frozenset({"changeme", "secret", "development", "change-me", "password"})


class InsecureConfiguration(RuntimeError):
    """Raised at start-up when production would run with unsafe settings."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PRSS_", extra="ignore")

    env: Literal["development", "production"] = "development"
    data_dir: Path = Path("./var")
    database_url: str | None = Field(
        default=None, validation_alias=AliasChoices("DATABASE_URL", "PRSS_DATABASE_URL")
    )
    redis_url: str | None = Field(
        default=None, validation_alias=AliasChoices("REDIS_URL", "PRSS_REDIS_URL")
    )
    secret_key: str | None = None
    # Encryption at rest for notes (app.core.crypto): 32 bytes, URL-safe base64. Keys that
    # sealed notes before the last rotation stay readable while listed as previous.
    note_key: str | None = None
    note_keys_previous: list[str] = []

    access_token_minutes: int = 15
    refresh_token_days: int = 14
    jwt_issuer: str = "prss"
    jwt_audience: str = "prss-api"

    # Sign-in throttling: failures counted per account and per client address.
    login_failures_per_account: int = 5
    login_failures_per_ip: int = 20
    login_failure_window_seconds: int = 900
    # Every request, successful or not (limits' notation: "30/minute", "100/hour").
    rate_limit_sign_in: str = "60/minute"  # per client address
    rate_limit_refresh: str = "120/minute"  # per client address
    rate_limit_export: str = "60/hour"  # per integrator client

    # The built web UI (``npm run build`` in frontend/); served at / when present.
    web_dist: Path = REPO_ROOT / "frontend" / "dist"

    max_body_bytes: int = 1024 * 1024
    # PostgreSQL connections each serving process keeps, and may open beyond them at busy
    # times. Workers x (both) + 2 x workers (the alert and account listeners) must stay
    # under the server's max_connections (100 by default).
    db_pool_size: int = Field(default=20, ge=1)
    db_max_overflow: int = Field(default=20, ge=0)
    # How long a serving process may keep a caller's account without reading it again
    # (PostgreSQL only; a change to an account reaches every process at once regardless,
    # see app.auth.accounts). 0 reads it on every request.
    account_cache_seconds: float = Field(default=30, ge=0)
    cors_origins: list[str] = []
    alert_escalation_minutes: int = 15
    # How often each app process looks for alerts due to escalate; 0 leaves it to cron
    # (``python -m app escalate-alerts``).
    alert_escalation_interval_seconds: float = Field(default=30, ge=0)
    # Keep-alive comments on the alert stream, so proxies do not close a quiet connection.
    alert_stream_ping_seconds: float = Field(default=15, gt=0)
    # An outcome export sends rows changed up to this many seconds ago, so a transaction
    # still running when the export starts has committed before its rows are due.
    export_settle_seconds: float = Field(default=5, ge=0)

    @field_validator("rate_limit_sign_in", "rate_limit_refresh", "rate_limit_export")
    @classmethod
    def _rate(cls, value: str) -> str:
        try:
            limits.parse(value)
        except ValueError as exc:
            raise ValueError(f"not a rate such as '30/minute': {value!r}") from exc
        return value

    @field_validator("database_url")
    @classmethod
    def _psycopg_driver(cls, value: str | None) -> str | None:
        # Accept the usual postgres:// spellings and route them to psycopg 3.
        if value is None:
            return None
        for prefix in ("postgres://", "postgresql://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value[len(prefix) :]
        return value

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'prss.db').resolve()}"

    def resolved_secret_key(self) -> str:
        """The signing secret; generated once into the data folder in development."""
        if self.secret_key:
            if self.is_production and _is_weak(self.secret_key):
                raise InsecureConfiguration(
                    "PRSS_SECRET_KEY is too weak: "
                    f"use at least {MIN_SECRET_LENGTH} random characters"
                )
            return self.secret_key
        if self.is_production:
            raise InsecureConfiguration("PRSS_SECRET_KEY must be set in production")
        path = self.data_dir / "secret_key"
        if path.exists():
            return path.read_text().strip()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        path.touch(mode=0o600)
        path.write_text(key)
        return key

    def note_cipher(self) -> NoteCipher:
        """The notes' cipher; its key is generated once into the data folder in
        development, and required in production."""
        if self.note_key:
            current = decode_key(self.note_key)
        elif self.is_production:
            raise InsecureConfiguration("PRSS_NOTE_KEY must be set in production")
        else:
            path = self.data_dir / "note_key"
            if not path.exists():
                self.data_dir.mkdir(parents=True, exist_ok=True)
                path.touch(mode=0o600)
                path.write_text(new_key())
            current = decode_key(path.read_text())
        return NoteCipher(current, [decode_key(k) for k in self.note_keys_previous])


def _is_weak(secret: str) -> bool:
    return (
        len(secret) < MIN_SECRET_LENGTH or secret.lower() in WEAK_SECRETS or len(set(secret)) < 10
    )


@lru_cache
def get_settings() -> Settings:
    return Settings()
