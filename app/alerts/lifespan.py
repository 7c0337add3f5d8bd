"""The alerts' background work for as long as the app runs: the broker (and, on
PostgreSQL, its LISTEN connection) and the escalation loop."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from fastapi import FastAPI

from app.alerts.broker import broker_of
from app.alerts.escalation import escalate_periodically


@contextlib.asynccontextmanager
async def alerts_lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings = app.state.settings
    broker = broker_of(app)
    await broker.start()
    escalation: asyncio.Task[None] | None = None
    if settings.alert_escalation_interval_seconds > 0:
        escalation = asyncio.create_task(
            escalate_periodically(
                database=app.state.database,
                after_minutes=settings.alert_escalation_minutes,
                interval_seconds=settings.alert_escalation_interval_seconds,
            ),
            name="alerts-escalate",
        )
    try:
        yield
    finally:
        if escalation is not None:
            escalation.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await escalation
        await broker.stop()
        app.state.alert_broker = None  # a restarted app starts a broker of its own
