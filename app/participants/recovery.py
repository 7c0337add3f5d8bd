"""Time in recovery, told without punishment.

A reported use never resets anything: the days in recovery count from the participant's
own start date, and the time since the last reported use is shown beside it, so the
record shows progress over time rather than a streak that drops to zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class RecoveryTime:
    days_in_recovery: int | None
    last_reported_use_at: datetime | None
    days_since_last_reported_use: int | None


def recovery_time(
    *, recovery_start_date: date | None, last_reported_use_at: datetime | None, today: date
) -> RecoveryTime:
    days_in_recovery = (
        max(0, (today - recovery_start_date).days) if recovery_start_date is not None else None
    )
    days_since_use = (
        max(0, (today - last_reported_use_at.date()).days)
        if last_reported_use_at is not None
        else None
    )
    return RecoveryTime(days_in_recovery, last_reported_use_at, days_since_use)
