"""H0038 billing rules: 15-minute units, the 8-minute remainder, 16 units a day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.encounters.billing import (
    DAILY_UNIT_CAP,
    billable_units,
    billing_day,
    billing_day_bounds,
    units_for_minutes,
)

minutes = st.integers(min_value=0, max_value=1440)
already = st.integers(min_value=0, max_value=40)


@pytest.mark.parametrize(
    ("length", "units"),
    [(0, 0), (1, 0), (7, 0), (8, 1), (15, 1), (22, 1), (23, 2), (30, 2), (37, 2), (38, 3),
     (60, 4), (67, 4), (68, 5), (240, 16), (720, 48)],
)  # fmt: skip
def test_units_count_full_quarter_hours_and_a_remainder_of_eight_minutes(length, units):
    assert units_for_minutes(length) == units


def test_negative_minutes_are_refused():
    with pytest.raises(ValueError, match="negative"):
        units_for_minutes(-1)


@pytest.mark.parametrize(
    ("length", "billed", "units"),
    [(60, 0, 4), (60, 12, 4), (60, 13, 3), (60, 16, 0), (60, 20, 0), (720, 0, 16), (7, 0, 0)],
)
def test_billable_units_stop_at_the_daily_cap(length, billed, units):
    assert billable_units(length, billed) == units


def test_a_negative_day_total_is_refused():
    with pytest.raises(ValueError, match="negative"):
        billable_units(30, -1)


@given(minutes, minutes)
def test_more_minutes_never_earn_fewer_units(a, b):
    low, high = sorted((a, b))
    assert units_for_minutes(low) <= units_for_minutes(high)


@given(minutes, already)
def test_billable_units_stay_within_what_the_day_has_left(length, billed):
    units = billable_units(length, billed)
    assert 0 <= units <= max(0, DAILY_UNIT_CAP - billed)
    assert units <= units_for_minutes(length)


@given(minutes, already, already)
def test_billing_more_already_never_earns_more(length, a, b):
    low, high = sorted((a, b))
    assert billable_units(length, high) <= billable_units(length, low)


@given(st.lists(minutes, max_size=30))
def test_a_days_total_never_exceeds_the_cap_whatever_the_encounters(lengths):
    total = 0
    for length in lengths:
        total += billable_units(length, total)
    assert total <= DAILY_UNIT_CAP
    # The cap only trims: below it, every encounter earns its full units.
    assert total == min(DAILY_UNIT_CAP, sum(map(units_for_minutes, lengths)))


@given(st.integers(min_value=0, max_value=95), st.integers(min_value=0, max_value=14))
def test_the_remainder_counts_only_from_eight_minutes(full_units, remainder):
    length = full_units * 15 + remainder
    assert units_for_minutes(length) == full_units + (remainder >= 8)


def test_the_billing_day_is_the_utc_date_of_the_start():
    eastern = timezone(timedelta(hours=-5))
    late_evening_in_new_york = datetime(2026, 3, 1, 21, 30, tzinfo=eastern)
    assert billing_day(late_evening_in_new_york) == date(2026, 3, 2)
    assert billing_day(datetime(2026, 3, 1, 23, 59, 59, tzinfo=UTC)) == date(2026, 3, 1)


def test_a_naive_start_has_no_billing_day():
    with pytest.raises(ValueError, match="timezone-aware"):
        billing_day(datetime(2026, 3, 1, 12, 0))


def test_day_bounds_are_a_half_open_utc_day():
    start, end = billing_day_bounds(date(2026, 3, 1))
    assert start == datetime(2026, 3, 1, tzinfo=UTC)
    assert end - start == timedelta(days=1)
    assert billing_day(start) == date(2026, 3, 1)
    assert billing_day(end) == date(2026, 3, 2)
