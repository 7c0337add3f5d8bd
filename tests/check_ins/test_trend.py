"""Daily series for charts: one entry per day, gaps kept, worst risk of the day."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from app.check_ins.trend import CheckInPoint, daily_series


def point(when, mood=3, craving=2, used=False, risk="low"):
    return CheckInPoint(
        recorded_at=when, mood=mood, craving=craving, used_since_last=used, risk_level=risk
    )


def test_every_day_in_the_window_is_present_and_empty_days_are_empty():
    days = daily_series(
        [point(datetime(2026, 3, 2, 12, tzinfo=UTC))],
        first=date(2026, 3, 1),
        last=date(2026, 3, 3),
        tz=ZoneInfo("UTC"),
    )
    assert [d.date for d in days] == [date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 3)]
    assert [d.check_ins for d in days] == [0, 1, 0]
    assert days[0].mood is None
    assert days[0].used is None
    assert days[0].risk_level is None


def test_a_day_aggregates_its_check_ins():
    morning = point(datetime(2026, 3, 2, 8, tzinfo=UTC), mood=2, craving=6, used=True, risk="high")
    evening = point(datetime(2026, 3, 2, 20, tzinfo=UTC), mood=4, craving=2, risk="low")
    [day] = daily_series(
        [morning, evening], first=date(2026, 3, 2), last=date(2026, 3, 2), tz=ZoneInfo("UTC")
    )
    assert (day.check_ins, day.mood, day.craving_max, day.craving_mean) == (2, 3.0, 6, 4.0)
    assert day.used is True
    assert day.risk_level == "high"


def test_days_follow_the_requested_time_zone():
    late_evening_in_chicago = point(datetime(2026, 3, 3, 3, tzinfo=UTC))  # 21:00 on the 2nd
    days = daily_series(
        [late_evening_in_chicago],
        first=date(2026, 3, 2),
        last=date(2026, 3, 3),
        tz=ZoneInfo("America/Chicago"),
    )
    assert [d.check_ins for d in days] == [1, 0]
