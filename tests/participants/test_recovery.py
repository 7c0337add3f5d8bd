"""Time in recovery: never reset by a reported use."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from app.participants.recovery import recovery_time


def test_days_in_recovery_count_from_the_start_date_whatever_was_used():
    result = recovery_time(
        recovery_start_date=date(2026, 1, 1),
        last_reported_use_at=datetime(2026, 3, 1, tzinfo=UTC),
        today=date(2026, 3, 11),
    )
    assert result.days_in_recovery == 69
    assert result.days_since_last_reported_use == 10


def test_unknown_dates_give_unknown_counts():
    result = recovery_time(
        recovery_start_date=None, last_reported_use_at=None, today=date(2026, 3, 1)
    )
    assert (result.days_in_recovery, result.days_since_last_reported_use) == (None, None)


@given(st.dates(), st.none() | st.datetimes(timezones=st.just(UTC)), st.dates())
def test_a_reported_use_never_changes_days_in_recovery(start, used_at, today):
    with_use = recovery_time(recovery_start_date=start, last_reported_use_at=used_at, today=today)
    without = recovery_time(recovery_start_date=start, last_reported_use_at=None, today=today)
    assert with_use.days_in_recovery == without.days_in_recovery
    assert with_use.days_in_recovery is not None
    assert with_use.days_in_recovery >= 0
