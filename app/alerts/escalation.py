"""Escalation: an alert nobody acknowledged within ``PRSS_ALERT_ESCALATION_MINUTES`` goes
to the organisation's supervisors, exactly once.

One conditional UPDATE (``... WHERE status = 'open' AND escalated_at IS NULL AND
created_at <= cutoff RETURNING id``) claims the due alerts. When several workers run it at
the same moment (app replicas, cron), each row is claimed by whichever gets to it first:
on PostgreSQL the others wait for its row lock and then find ``escalated_at`` set; on
SQLite writers take turns. A worker announces only the rows it changed.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import datetime, timedelta
from functools import partial

import anyio
from sqlalchemy import update
from sqlalchemy.orm import Session

from app.alerts import publication
from app.alerts.models import Alert
from app.core.base import utcnow
from app.core.db import Database

logger = logging.getLogger("prss.alerts")


def escalate_due(
    *, db: Session, after_minutes: int, now: datetime | None = None
) -> list[uuid.UUID]:
    """Escalate every open alert older than ``after_minutes``; the ids this call
    escalated. Runs in the caller's transaction."""
    now = now or utcnow()
    cutoff = now - timedelta(minutes=after_minutes)
    escalated = list(
        db.scalars(
            update(Alert)
            .where(
                Alert.status == "open",
                Alert.escalated_at.is_(None),
                Alert.created_at <= cutoff,
            )
            .values(escalated_at=now, updated_at=now, version=Alert.version + 1)
            .returning(Alert.id)
            .execution_options(synchronize_session=False)
        )
    )
    publication.announce(db=db, alert_ids=escalated)
    return escalated


def run_pass(*, database: Database, after_minutes: int) -> list[uuid.UUID]:
    """One escalation pass in a transaction of its own (the background loop and
    ``python -m app escalate-alerts``)."""
    with database.session() as db:
        escalated = escalate_due(db=db, after_minutes=after_minutes)
        db.commit()
    return escalated


async def escalate_periodically(
    *, database: Database, after_minutes: int, interval_seconds: float
) -> None:
    """Run a pass every ``interval_seconds`` until cancelled, in a worker thread so the
    event loop keeps serving. A failed pass is logged and the next one tries again."""
    while True:
        await asyncio.sleep(interval_seconds)
        try:
            escalated = await anyio.to_thread.run_sync(
                partial(run_pass, database=database, after_minutes=after_minutes)
            )
        except Exception as exc:
            logger.error("alert escalation pass failed: %s", type(exc).__name__)
            continue
        if escalated:
            logger.info("escalated %d alert(s) to supervisors", len(escalated))
