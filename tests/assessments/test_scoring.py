"""BARC-10 scoring and C-SSRS screener triage: hand-computed cases and properties."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.assessments import scoring
from app.assessments.scoring import InvalidResponses, score_barc10, triage_cssrs

# --- BARC-10: hand-computed ----------------------------------------------------------


@pytest.mark.parametrize(
    ("responses", "total", "flagged"),
    [
        ([1] * 10, 10, False),
        ([6] * 10, 60, True),
        ([1, 2, 3, 4, 5, 6, 1, 2, 3, 4], 31, False),
        ([5, 5, 5, 5, 5, 5, 4, 4, 4, 4], 46, False),
        ([5, 5, 5, 5, 5, 5, 5, 4, 4, 4], 47, True),
        ([6, 6, 6, 6, 6, 6, 6, 1, 1, 4], 48, True),
    ],
    ids=["floor", "ceiling", "mixed", "one-below-threshold", "at-threshold", "above-threshold"],
)
def test_barc10_total_is_the_sum_and_47_or_more_is_flagged(responses, total, flagged):
    assert score_barc10(responses) == scoring.Barc10Score(total=total, meets_threshold=flagged)


def test_barc10_has_exactly_the_ten_published_items_on_a_six_point_scale():
    assert len(scoring.BARC10_ITEMS) == 10
    assert scoring.BARC10_ITEMS[0] == (
        "There are more important things to me in life than using substances."
    )
    assert scoring.BARC10_ITEMS[-1] == "I am making good progress on my recovery journey."
    assert [value for value, _ in scoring.BARC10_SCALE] == [1, 2, 3, 4, 5, 6]
    assert (scoring.BARC10_MIN_TOTAL, scoring.BARC10_MAX_TOTAL) == (10, 60)


@pytest.mark.parametrize(
    "responses",
    [
        [4] * 9,
        [4] * 11,
        [],
        [4] * 9 + [0],
        [4] * 9 + [7],
        [4] * 9 + [-1],
        [4] * 9 + [True],
        [4] * 9 + ["4"],
        [4] * 9 + [4.0],
        [4] * 9 + [None],
        "4444444444",
        {"1": 4},
        None,
    ],
    ids=[
        "nine-answers",
        "eleven-answers",
        "no-answers",
        "zero",
        "seven",
        "negative",
        "boolean",
        "text",
        "fraction",
        "null",
        "a-string",
        "a-mapping",
        "nothing",
    ],
)
def test_barc10_refuses_incomplete_or_out_of_range_answers(responses):
    with pytest.raises(InvalidResponses):
        score_barc10(responses)


# --- BARC-10: properties -------------------------------------------------------------

valid_barc10 = st.lists(st.integers(1, 6), min_size=10, max_size=10)


@given(valid_barc10)
def test_barc10_total_of_valid_answers_is_their_sum_between_10_and_60(responses):
    result = score_barc10(responses)
    assert result.total == sum(responses)
    assert 10 <= result.total <= 60


@given(valid_barc10)
def test_barc10_is_flagged_exactly_when_the_total_reaches_47(responses):
    assert score_barc10(responses).meets_threshold is (sum(responses) >= 47)


@given(st.lists(st.integers(1, 6), max_size=30).filter(lambda answers: len(answers) != 10))
def test_barc10_of_any_other_length_is_refused(responses):
    with pytest.raises(InvalidResponses, match="exactly 10"):
        score_barc10(responses)


@given(
    valid_barc10,
    st.integers(0, 9),
    st.one_of(st.integers(max_value=0), st.integers(min_value=7)),
)
def test_barc10_with_any_answer_out_of_range_is_refused(responses, position, wrong):
    responses[position] = wrong
    with pytest.raises(InvalidResponses, match=f"item {position + 1} "):
        score_barc10(responses)


@given(
    valid_barc10,
    st.integers(0, 9),
    st.one_of(st.booleans(), st.floats(), st.text(), st.none()),
)
def test_barc10_with_any_answer_not_a_whole_number_is_refused(responses, position, wrong):
    responses[position] = wrong
    with pytest.raises(InvalidResponses, match="whole number"):
        score_barc10(responses)


# --- C-SSRS: hand-computed -----------------------------------------------------------

NO = {"wish_dead": False, "suicidal_thoughts": False, "behavior": False}
THOUGHTS = {"suicidal_thoughts": True, "method": False, "intent": False, "plan": False}


@pytest.mark.parametrize(
    ("answers", "risk"),
    [
        ({}, "low"),
        ({"wish_dead": True}, "low"),
        ({"wish_dead": True, **THOUGHTS}, "low"),
        ({**THOUGHTS, "method": True}, "moderate"),
        ({"behavior": True, "behavior_recent": False}, "moderate"),
        ({**THOUGHTS, "intent": True}, "high"),
        ({**THOUGHTS, "plan": True}, "high"),
        ({**THOUGHTS, "method": True, "intent": True, "plan": True}, "high"),
        ({"behavior": True, "behavior_recent": True}, "high"),
        ({**THOUGHTS, "method": True, "behavior": True, "behavior_recent": False}, "moderate"),
    ],
    ids=[
        "no-to-everything",
        "wish-to-be-dead-alone",
        "thoughts-without-method-intent-or-plan",
        "method",
        "behaviour-over-3-months-ago",
        "intent",
        "plan",
        "method-intent-and-plan",
        "recent-behaviour",
        "method-and-past-behaviour",
    ],
)
def test_cssrs_triage_levels(answers, risk):
    assert triage_cssrs({**NO, **answers}) == risk


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({**NO, "method": False}, "method is asked only when suicidal_thoughts is yes"),
        ({**NO, "intent": True}, "intent is asked only when suicidal_thoughts is yes"),
        ({**NO, "plan": False}, "plan is asked only when suicidal_thoughts is yes"),
        ({**NO, **THOUGHTS, "plan": None}, "plan must be answered yes or no"),
        ({**NO, "suicidal_thoughts": True}, "method must be answered yes or no"),
        ({**NO, "behavior_recent": False}, "behavior_recent is asked only when behavior is yes"),
        ({**NO, "behavior": True}, "behavior_recent must be answered yes or no"),
        ({"wish_dead": False, "suicidal_thoughts": False}, "behavior must be answered"),
        ({**NO, "wish_dead": "no"}, "wish_dead must be answered yes or no"),
        ({**NO, "behavior": 1}, "behavior must be answered yes or no"),
        ({**NO, "self_harm": False}, "no question self_harm"),
    ],
    ids=[
        "method-after-no-thoughts",
        "intent-after-no-thoughts",
        "plan-after-no-thoughts",
        "plan-unanswered-after-thoughts",
        "follow-ups-missing-after-thoughts",
        "recent-without-behaviour",
        "behaviour-without-recent",
        "behaviour-missing",
        "text-for-yes-or-no",
        "number-for-yes-or-no",
        "unknown-question",
    ],
)
def test_cssrs_answers_that_contradict_the_skip_logic_are_refused(answers, message):
    with pytest.raises(InvalidResponses, match=message):
        triage_cssrs(answers)


def test_cssrs_skip_logic_is_data_the_web_ui_can_follow():
    conditions = {q.key: q.asked_when for q in scoring.CSSRS_QUESTIONS}
    after_thoughts = scoring.AskedWhen(key="suicidal_thoughts", answer=True)
    assert conditions == {
        "wish_dead": None,
        "suicidal_thoughts": None,
        "method": after_thoughts,
        "intent": after_thoughts,
        "plan": after_thoughts,
        "behavior": None,
        "behavior_recent": scoring.AskedWhen(key="behavior", answer=True),
    }


# --- C-SSRS: properties --------------------------------------------------------------


def follows_skip_logic(answers: dict[str, Any]) -> bool:
    """The screener's instructions, restated independently of the code under test."""
    asked = {"wish_dead", "suicidal_thoughts", "behavior"}
    if answers.get("suicidal_thoughts") is True:
        asked |= {"method", "intent", "plan"}
    if answers.get("behavior") is True:
        asked.add("behavior_recent")
    return set(answers) == asked and all(isinstance(v, bool) for v in answers.values())


@st.composite
def valid_screens(draw: st.DrawFn) -> dict[str, bool]:
    answers = {
        "wish_dead": draw(st.booleans()),
        "suicidal_thoughts": draw(st.booleans()),
        "behavior": draw(st.booleans()),
    }
    if answers["suicidal_thoughts"]:
        for key in ("method", "intent", "plan"):
            answers[key] = draw(st.booleans())
    if answers["behavior"]:
        answers["behavior_recent"] = draw(st.booleans())
    return answers


@given(valid_screens())
def test_every_valid_screen_gets_exactly_one_risk_level(answers):
    risk = triage_cssrs(answers)
    assert risk in scoring.RISK_LEVELS
    imminent = bool(answers.get("intent") or answers.get("plan") or answers.get("behavior_recent"))
    assert (risk == "high") is imminent
    if not imminent:
        moderate = bool(answers.get("method") or answers["behavior"])
        assert risk == ("moderate" if moderate else "low")


@given(valid_screens(), st.data())
def test_every_screen_missing_a_question_it_asked_is_refused(answers, data):
    dropped = data.draw(st.sampled_from(sorted(answers)))
    del answers[dropped]
    with pytest.raises(InvalidResponses, match=f"{dropped} must be answered"):
        triage_cssrs(answers)


# Only a screen with no to thoughts or to behaviour skips anything.
@given(valid_screens().filter(lambda answers: len(answers) < len(scoring.CSSRS_KEYS)), st.data())
def test_every_screen_answering_a_question_it_skipped_is_refused(answers, data):
    skipped = sorted(set(scoring.CSSRS_KEYS) - set(answers))
    extra = data.draw(st.sampled_from(skipped))
    answers[extra] = data.draw(st.booleans())
    with pytest.raises(InvalidResponses, match=f"{extra} is asked only when"):
        triage_cssrs(answers)


@given(
    st.dictionaries(
        st.sampled_from([*scoring.CSSRS_KEYS, "other"]),
        st.one_of(st.booleans(), st.none(), st.integers(0, 1), st.sampled_from(["yes", "no"])),
    )
)
def test_a_screen_is_accepted_exactly_when_it_follows_the_skip_logic(answers):
    if follows_skip_logic(answers):
        assert triage_cssrs(answers) in scoring.RISK_LEVELS
    else:
        with pytest.raises(InvalidResponses):
            triage_cssrs(answers)


def test_score_dispatches_to_the_instruments_rules():
    assert scoring.score("barc10", [6] * 10) == scoring.Score(total=60, meets_threshold=True)
    assert scoring.score("cssrs_screen", NO) == scoring.Score(risk="low")
    with pytest.raises(InvalidResponses):
        scoring.score("cssrs_screen", [False] * 6)
