"""The risk rules: hand-checked cases and properties over every possible answer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.check_ins.risk import LEVELS, CheckInAnswers, assess_risk, most_urgent


def level(**answers):
    base = {"mood": 4, "craving": 1, "used_since_last": False, "wants_contact": False}
    return assess_risk(CheckInAnswers(**{**base, **answers})).level


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({}, "low"),
        ({"mood": 3, "craving": 4, "sleep_hours": 7}, "low"),
        ({"used_since_last": True}, "elevated"),
        ({"craving": 5}, "elevated"),
        ({"mood": 2}, "elevated"),
        ({"wants_contact": True}, "elevated"),
        ({"sleep_hours": 3.5}, "elevated"),
        ({"sleep_hours": 13}, "elevated"),
        ({"mood": 1}, "high"),
        ({"craving": 8}, "high"),
        ({"used_since_last": True, "craving": 7}, "high"),
        ({"used_since_last": True, "mood": 2}, "high"),
        ({"wants_contact": True, "mood": 2}, "high"),
        ({"wants_contact": True, "mood": 1}, "crisis"),
        ({"wants_contact": True, "craving": 9}, "crisis"),
        ({"used_since_last": True, "mood": 1, "craving": 8}, "crisis"),
    ],
)
def test_documented_rules(answers, expected):
    assert level(**answers) == expected


def test_reasons_explain_the_level():
    result = assess_risk(
        CheckInAnswers(mood=1, craving=2, used_since_last=False, wants_contact=True)
    )
    assert result.level == "crisis"
    assert "asked for contact at the lowest mood" in result.reasons
    assert assess_risk(CheckInAnswers(4, 1, False, False)).reasons == ()


answers = st.builds(
    CheckInAnswers,
    mood=st.integers(1, 5),
    craving=st.integers(0, 10),
    used_since_last=st.booleans(),
    wants_contact=st.booleans(),
    sleep_hours=st.none() | st.floats(0, 24, allow_nan=False),
)


def _rank(a: CheckInAnswers) -> int:
    return LEVELS.index(assess_risk(a).level)


@given(answers)
def test_every_answer_has_exactly_one_known_level_and_reasons_unless_low(a):
    result = assess_risk(a)
    assert result.level in LEVELS
    assert (result.level == "low") == (result.reasons == ())


@given(answers, st.integers(1, 4))
def test_a_lower_mood_never_lowers_the_level(a, drop):
    worse = CheckInAnswers(
        max(1, a.mood - drop), a.craving, a.used_since_last, a.wants_contact, a.sleep_hours
    )
    assert _rank(worse) >= _rank(a)


@given(answers, st.integers(1, 10))
def test_a_stronger_craving_never_lowers_the_level(a, rise):
    worse = CheckInAnswers(
        a.mood, min(10, a.craving + rise), a.used_since_last, a.wants_contact, a.sleep_hours
    )
    assert _rank(worse) >= _rank(a)


@given(answers)
def test_reporting_use_or_asking_for_contact_never_lowers_the_level(a):
    used = CheckInAnswers(a.mood, a.craving, True, a.wants_contact, a.sleep_hours)
    asked = CheckInAnswers(a.mood, a.craving, a.used_since_last, True, a.sleep_hours)
    assert _rank(used) >= _rank(a)
    assert _rank(asked) >= _rank(a)


@given(answers)
def test_reported_use_is_never_low(a):
    used = CheckInAnswers(a.mood, a.craving, True, a.wants_contact, a.sleep_hours)
    assert assess_risk(used).level != "low"


@given(st.lists(st.sampled_from(LEVELS)))
def test_most_urgent_picks_the_highest(levels):
    result = most_urgent(list(levels))
    if not levels:
        assert result is None
    else:
        assert result == max(levels, key=LEVELS.index)
