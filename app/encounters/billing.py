"""Billable units of peer support (HCPCS H0038, "self-help/peer services, per 15 minutes").

Pure rules, no database and no HTTP, so they can be tested on their own:

- an encounter earns one unit per full 15 minutes, plus one more when the remainder is
  8 minutes or more (7 minutes earn nothing, 8 earn one, 22 earn one, 23 earn two);
- a participant is billed at most 16 units a day, across every encounter and author.

A "day" is the UTC calendar date of the encounter's ``started_at``: every replica and
every database agrees on it, whatever the time zone of the specialist or the server.
An encounter that runs past midnight UTC belongs wholly to the day it started.
Units go to encounters in the order they are logged: once the day's cap is reached,
later encounters that day earn 0 units (they are still recorded).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

UNIT_MINUTES = 15
MINIMUM_REMAINDER_MINUTES = 8
DAILY_UNIT_CAP = 16


def units_for_minutes(minutes: int) -> int:
    """The units ``minutes`` of contact earn on their own, before the daily cap."""
    if minutes < 0:
        raise ValueError("minutes cannot be negative")
    full, remainder = divmod(minutes, UNIT_MINUTES)
    return full + (1 if remainder >= MINIMUM_REMAINDER_MINUTES else 0)


def billable_units(minutes: int, already_billed_that_day: int) -> int:
    """The units an encounter may bill, given what the participant's other encounters of
    that day already billed. Never negative, and never lifts the day past the cap."""
    if already_billed_that_day < 0:
        raise ValueError("already_billed_that_day cannot be negative")
    room = max(0, DAILY_UNIT_CAP - already_billed_that_day)
    return min(units_for_minutes(minutes), room)


def billing_day(started_at: datetime) -> date:
    """The day an encounter is billed on: the UTC date it started."""
    if started_at.tzinfo is None:
        # A naive time has no defined UTC date; guessing would move encounters between days.
        raise ValueError("started_at must be timezone-aware")
    return started_at.astimezone(UTC).date()


def billing_day_bounds(day: date) -> tuple[datetime, datetime]:
    """The half-open interval [start, end) of ``day`` in UTC."""
    start = datetime.combine(day, time.min, tzinfo=UTC)
    return start, start + timedelta(days=1)
