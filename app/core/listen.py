"""Hearing PostgreSQL's notifications: ``LISTEN`` on a connection of the process's own.

A ``ChannelListener`` keeps one psycopg connection listening on one channel for as long as
the app runs. It reconnects with backoff when the connection drops, and checks a quiet
connection is still there. Subclasses say what a notification means (``on_payload``),
what to do once listening again (``on_connected``: the alerts replay what they missed)
and when the connection is lost (``on_lost``: the account cache stops trusting itself).
Neither a lost connection nor a failing handler ever reaches the app: they are logged and
retried.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from abc import ABC, abstractmethod
from datetime import datetime
from typing import Any

import psycopg
from sqlalchemy import Engine

from app.core.base import utcnow

logger = logging.getLogger("prss.listen")


def libpq_dsn(engine: Engine) -> str:
    """The connection string psycopg takes, for the database ``engine`` connects to."""
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


class ChannelListener(ABC):
    """``LISTEN channel`` on a connection of its own, for as long as ``run`` runs."""

    FIRST_RETRY_SECONDS = 0.5
    MAX_RETRY_SECONDS = 30.0
    # How long to wait for a notification before checking the connection is alive.
    HEALTH_CHECK_SECONDS = 30.0

    def __init__(self, *, dsn: str, channel: str, name: str) -> None:
        self.dsn = dsn
        self.channel = channel
        self.name = name
        self.connected = asyncio.Event()
        # Set once the first connection attempt has ended, listening or not.
        self.tried = asyncio.Event()

    async def wait_for_first_try(self, timeout: float) -> None:
        """Wait, at most ``timeout`` seconds, until the first attempt to listen has ended,
        whether it connected or not. Startup waits here, so a process that starts serving is
        already listening, yet a database that refuses connections holds nothing up."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.tried.wait(), timeout=timeout)

    @abstractmethod
    def on_payload(self, payload: str) -> None:
        """A notification arrived."""

    async def on_connected(self, lost_at: datetime | None) -> None:  # noqa: B027 - optional
        """Listening (again): ``lost_at`` is when the last connection was lost, if any."""

    def on_lost(self) -> None:  # noqa: B027 - optional hook
        """The connection was lost: notifications may be missed until ``on_connected``."""

    async def run(self) -> None:
        lost_at: datetime | None = None
        delay = self.FIRST_RETRY_SECONDS
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(
                    self.dsn, autocommit=True, connect_timeout=10
                ) as connection:
                    await connection.execute(f"LISTEN {self.channel}")
                    self.connected.set()
                    self.tried.set()
                    delay = self.FIRST_RETRY_SECONDS
                    await self.on_connected(lost_at)
                    lost_at = None
                    await self._receive(connection)
            except asyncio.CancelledError:
                self.on_lost()
                raise
            except Exception as exc:
                self.connected.clear()
                self.tried.set()
                self.on_lost()
                if lost_at is None:
                    lost_at = utcnow()
                logger.warning(
                    "%s lost its database connection (%s); retrying in %.1fs",
                    self.name,
                    type(exc).__name__,
                    delay,
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, self.MAX_RETRY_SECONDS)

    async def _receive(self, connection: psycopg.AsyncConnection[Any]) -> None:
        while True:
            async for notification in connection.notifies(timeout=self.HEALTH_CHECK_SECONDS):
                self.on_payload(notification.payload)
            # Quiet for a while: make sure the connection is still there.
            await connection.execute("SELECT 1")
