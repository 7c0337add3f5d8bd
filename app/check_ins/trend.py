"""Daily series of check-ins for charts: pure aggregation, no SQL."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from app.check_ins.risk import RiskLevel, most_urgent


@dataclass(frozen=True)
class CheckInPoint:
    recorded_at: datetime
    mood: int
    craving: int
    used_since_last: bool
    risk_level: str


@dataclass(frozen=True)
class Day:
    date: date
    check_ins: int
    mood: float | None  # mean of the day
    craving_max: int | None
    craving_mean: float | None
    used: bool | None  # None: no check-in that day, so nothing is known
    risk_level: RiskLevel | None  # the most urgent of the day


def daily_series(
    points: Iterable[CheckInPoint], *, first: date, last: date, tz: ZoneInfo
) -> list[Day]:
    """One entry per calendar day in ``tz`` from ``first`` to ``last``, empty days included,
    so a chart shows gaps as gaps."""
    by_day: dict[date, list[CheckInPoint]] = defaultdict(list)
    for point in points:
        by_day[point.recorded_at.astimezone(tz).date()].append(point)
    days: list[Day] = []
    current = first
    while current <= last:
        todays = by_day.get(current, [])
        if todays:
            days.append(
                Day(
                    date=current,
                    check_ins=len(todays),
                    mood=round(sum(p.mood for p in todays) / len(todays), 2),
                    craving_max=max(p.craving for p in todays),
                    craving_mean=round(sum(p.craving for p in todays) / len(todays), 2),
                    used=any(p.used_since_last for p in todays),
                    risk_level=most_urgent([p.risk_level for p in todays]),
                )
            )
        else:
            days.append(Day(current, 0, None, None, None, None, None))
        current += timedelta(days=1)
    return days
