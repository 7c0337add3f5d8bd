"""Progress per dimension: the counting rules, and properties that hold for any plan."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.plans.models import DIMENSIONS, GOAL_STATUSES
from app.plans.progress import (
    DimensionProgress,
    GoalFacts,
    empty_progress,
    progress_by_dimension,
)


def test_a_plan_without_goals_shows_all_four_dimensions_at_zero():
    progress = progress_by_dimension([])
    assert list(progress) == ["health", "home", "purpose", "community"]
    assert all(entry == DimensionProgress() for entry in progress.values())
    assert empty_progress() == progress


def test_percent_is_the_share_of_done_steps_when_there_are_steps():
    progress = progress_by_dimension(
        [
            GoalFacts("health", "in-progress", agreed=True, steps_total=3, steps_done=1),
            GoalFacts("health", "achieved", agreed=True, steps_total=1, steps_done=1),
        ]
    )
    health = progress["health"]
    assert (health.steps_total, health.steps_done, health.percent) == (4, 2, 50)
    assert health.goals == 2
    assert health.achieved == 1


def test_percent_is_the_share_of_achieved_goals_when_no_goal_has_steps():
    progress = progress_by_dimension(
        [
            GoalFacts("home", "achieved", agreed=True),
            GoalFacts("home", "sustaining", agreed=True),
            GoalFacts("home", "in-progress", agreed=True),
            GoalFacts("home", "not-achieved", agreed=True),
        ]
    )
    assert progress["home"].percent == 50
    assert progress["home"].achieved == 2


def test_steps_decide_even_when_goals_are_already_achieved():
    # An achieved goal whose steps were never ticked off does not count as complete:
    # the participant sees the work that is recorded.
    progress = progress_by_dimension(
        [GoalFacts("purpose", "achieved", agreed=True, steps_total=4, steps_done=0)]
    )
    assert progress["purpose"].percent == 0


def test_percent_rounds_down_so_100_means_complete():
    progress = progress_by_dimension(
        [GoalFacts("community", "in-progress", agreed=True, steps_total=3, steps_done=2)]
    )
    assert progress["community"].percent == 66
    nearly = progress_by_dimension(
        [GoalFacts("community", "in-progress", agreed=True, steps_total=1000, steps_done=999)]
    )
    assert nearly["community"].percent == 99


def test_goals_awaiting_agreement_are_counted_per_dimension():
    progress = progress_by_dimension(
        [
            GoalFacts("health", "in-progress", agreed=False),
            GoalFacts("health", "in-progress", agreed=True),
            GoalFacts("home", "in-progress", agreed=False),
        ]
    )
    assert progress["health"].awaiting_agreement == 1
    assert progress["home"].awaiting_agreement == 1
    assert progress["purpose"].awaiting_agreement == 0


@pytest.mark.parametrize(
    "facts",
    [
        {"dimension": "spirit", "status": "in-progress"},
        {"dimension": "health", "status": "proposed"},
        {"dimension": "health", "status": "in-progress", "steps_total": 1, "steps_done": 2},
        {"dimension": "health", "status": "in-progress", "steps_total": -1, "steps_done": -1},
    ],
    ids=["unknown-dimension", "unknown-status", "more-done-than-total", "negative"],
)
def test_impossible_goal_facts_are_refused(facts):
    with pytest.raises(ValueError):  # noqa: PT011 - the message varies by the fault
        GoalFacts(agreed=True, **facts)


@st.composite
def goal_facts(draw: st.DrawFn) -> GoalFacts:
    steps_total = draw(st.integers(min_value=0, max_value=50))
    return GoalFacts(
        dimension=draw(st.sampled_from(DIMENSIONS)),
        status=draw(st.sampled_from(GOAL_STATUSES)),
        agreed=draw(st.booleans()),
        steps_total=steps_total,
        steps_done=draw(st.integers(min_value=0, max_value=steps_total)),
    )


plans = st.lists(goal_facts(), max_size=40)


@given(plans)
def test_every_dimension_is_always_present(goals):
    assert set(progress_by_dimension(goals)) == set(DIMENSIONS)


@given(plans)
def test_percent_stays_between_0_and_100(goals):
    for entry in progress_by_dimension(goals).values():
        assert 0 <= entry.percent <= 100


@given(plans)
def test_totals_add_up_to_the_input(goals):
    progress = progress_by_dimension(goals).values()
    assert sum(entry.goals for entry in progress) == len(goals)
    assert sum(entry.steps_total for entry in progress) == sum(g.steps_total for g in goals)
    assert sum(entry.steps_done for entry in progress) == sum(g.steps_done for g in goals)
    assert sum(entry.awaiting_agreement for entry in progress) == sum(not g.agreed for g in goals)


@given(plans)
def test_counts_within_a_dimension_are_consistent(goals):
    for entry in progress_by_dimension(goals).values():
        assert entry.achieved <= entry.goals
        assert entry.awaiting_agreement <= entry.goals
        assert entry.steps_done <= entry.steps_total
        if entry.goals == 0:
            assert entry.percent == 0


@given(plans)
def test_100_percent_means_everything_counted_is_done(goals):
    for entry in progress_by_dimension(goals).values():
        if entry.percent == 100:
            if entry.steps_total:
                assert entry.steps_done == entry.steps_total
            else:
                assert entry.achieved == entry.goals > 0


@given(plans, st.randoms(use_true_random=False))
def test_the_order_of_goals_does_not_matter(goals, random):
    shuffled = list(goals)
    random.shuffle(shuffled)
    assert progress_by_dimension(shuffled) == progress_by_dimension(goals)
