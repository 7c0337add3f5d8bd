"""The rules of matching as pure functions: hard rules, weighted shared experience,
priorities, and a deterministic order."""

from __future__ import annotations

import random
import uuid
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from app.matching.scoring import (
    CRITERIA,
    PRIORITY_MULTIPLIER,
    WEIGHTS,
    ParticipantFacts,
    SpecialistFacts,
    eligible,
    order_key,
    rank,
    score,
)

ORG = uuid.UUID(int=1)
OTHER_ORG = uuid.UUID(int=2)


def seeker(**changes):
    return replace(ParticipantFacts(organisation_id=ORG, languages=frozenset({"en"})), **changes)


def peer(**changes):
    base = SpecialistFacts(
        id=uuid.UUID(int=100),
        organisation_id=ORG,
        languages=frozenset({"en"}),
        max_caseload=15,
        active_caseload=3,
    )
    return replace(base, **changes)


def test_a_plain_fit_is_eligible_and_scores_nothing():
    assert eligible(seeker(), peer())
    assert score(seeker(), peer()).score == 0
    assert score(seeker(), peer()).explanation == ()


def test_another_organisation_is_never_eligible():
    assert not eligible(seeker(), peer(organisation_id=OTHER_ORG))


def test_a_language_must_be_shared():
    assert not eligible(seeker(languages=frozenset({"es"})), peer())
    assert eligible(seeker(languages=frozenset({"es", "en"})), peer())


def test_a_participant_on_moud_needs_a_moud_affirming_specialist():
    on_moud = seeker(recovery_pathways=frozenset({"moud_methadone"}))
    assert not eligible(on_moud, peer())
    assert eligible(on_moud, peer(moud_affirming=True))


def test_a_gender_preference_is_a_hard_rule():
    wants_woman = seeker(gender_preference="woman")
    assert not eligible(wants_woman, peer(gender="man"))
    assert not eligible(wants_woman, peer(gender=None))
    assert eligible(wants_woman, peer(gender="woman"))


def test_a_full_caseload_or_a_closed_list_is_not_eligible():
    assert not eligible(seeker(), peer(active_caseload=15))
    assert not eligible(seeker(), peer(accepting_new=False))
    assert eligible(seeker(), peer(active_caseload=14))


def test_a_shared_pathway_outweighs_a_shared_substance():
    by_pathway = score(
        seeker(recovery_pathways=frozenset({"smart_recovery"})),
        peer(recovery_pathways=frozenset({"smart_recovery"})),
    )
    by_substance = score(
        seeker(substances=frozenset({"alcohol"})), peer(substances=frozenset({"alcohol"}))
    )
    assert by_pathway.score == WEIGHTS["recovery_pathway"]
    assert by_substance.score == WEIGHTS["substance"]
    assert by_pathway.score > by_substance.score
    assert min(WEIGHTS.values()) == WEIGHTS["substance"]
    assert max(WEIGHTS.values()) == WEIGHTS["recovery_pathway"]


def test_the_same_decade_counts_more_than_the_next():
    same = score(seeker(birth_year=1978), peer(birth_decade=1970)).score
    adjacent = score(seeker(birth_year=1978), peer(birth_decade=1980)).score
    far = score(seeker(birth_year=1978), peer(birth_decade=1990)).score
    assert same > adjacent > far == 0


def test_every_criterion_is_explained():
    participant = seeker(
        recovery_pathways=frozenset({"mutual_aid_12_step", "faith_based"}),
        substances=frozenset({"opioids"}),
        birth_year=1985,
        faith_preference="faith_based",
        veteran=True,
        justice_involved=True,
        wants_lgbtq_affirming=True,
        region="North County",
    )
    specialist = peer(
        recovery_pathways=frozenset({"mutual_aid_12_step", "faith_based"}),
        substances=frozenset({"opioids"}),
        birth_decade=1980,
        faith="faith_based",
        veteran=True,
        justice_involved=True,
        lgbtq_affirming=True,
        region="north county",
    )
    scored = score(participant, specialist)
    assert [c.criterion for c in scored.explanation] == list(CRITERIA)
    assert sum(c.points for c in scored.explanation) == scored.score
    assert all(c.reason and c.points > 0 for c in scored.explanation)


def test_a_secular_participant_fits_a_secular_specialist_not_a_faith_based_one():
    secular = seeker(faith_preference="secular")
    assert score(secular, peer(faith="secular")).score == WEIGHTS["faith"]
    assert score(secular, peer(faith="faith_based")).score == 0


def test_lgbtq_affirming_counts_only_when_wanted():
    assert score(seeker(), peer(lgbtq_affirming=True)).score == 0
    assert score(seeker(wants_lgbtq_affirming=True), peer(lgbtq_affirming=True)).score > 0


def test_a_priority_multiplies_its_criterion():
    plain = seeker(veteran=True)
    prioritised = seeker(veteran=True, priorities=frozenset({"veteran"}))
    assert score(prioritised, peer(veteran=True)).score == (
        PRIORITY_MULTIPLIER * score(plain, peer(veteran=True)).score
    )
    assert "priorities" in score(prioritised, peer(veteran=True)).explanation[0].reason


def test_ties_go_to_the_lighter_caseload_then_the_id():
    a = peer(id=uuid.UUID(int=5), active_caseload=4)
    b = peer(id=uuid.UUID(int=3), active_caseload=2)
    c = peer(id=uuid.UUID(int=4), active_caseload=2)
    d = peer(id=uuid.UUID(int=6), active_caseload=2, max_caseload=20)
    ranked = [s.id.int for s, _ in rank(seeker(), [a, b, c, d], limit=10)]
    assert ranked == [6, 3, 4, 5]


# Properties over generated participants and specialists.

LANGUAGES = ["en", "es", "fr"]
PATHWAYS = ["moud_buprenorphine", "mutual_aid_12_step", "smart_recovery", "faith_based"]
SUBSTANCES = ["alcohol", "opioids", "stimulants"]
GENDERS = ["woman", "man", "non-binary"]
REGIONS = ["North", "South"]


def subsets(values):
    return st.frozensets(st.sampled_from(values))


participants = st.builds(
    ParticipantFacts,
    organisation_id=st.sampled_from([ORG, OTHER_ORG]),
    languages=st.frozensets(st.sampled_from(LANGUAGES), min_size=1),
    recovery_pathways=subsets(PATHWAYS),
    substances=subsets(SUBSTANCES),
    birth_year=st.none() | st.integers(1940, 2005),
    gender_preference=st.none() | st.sampled_from(GENDERS),
    faith_preference=st.none() | st.sampled_from(["faith_based", "secular"]),
    veteran=st.booleans(),
    justice_involved=st.booleans(),
    wants_lgbtq_affirming=st.booleans(),
    region=st.none() | st.sampled_from(REGIONS),
    priorities=subsets(list(CRITERIA)),
)


@st.composite
def specialists(draw):
    max_caseload = draw(st.integers(1, 5))
    return SpecialistFacts(
        id=uuid.UUID(int=draw(st.integers(1, 10**6))),
        organisation_id=draw(st.sampled_from([ORG, OTHER_ORG])),
        languages=draw(st.frozensets(st.sampled_from(LANGUAGES), min_size=1)),
        max_caseload=max_caseload,
        active_caseload=draw(st.integers(0, max_caseload)),
        accepting_new=draw(st.booleans()),
        moud_affirming=draw(st.booleans()),
        gender=draw(st.none() | st.sampled_from(GENDERS)),
        recovery_pathways=draw(subsets(PATHWAYS)),
        substances=draw(subsets(SUBSTANCES)),
        birth_decade=draw(st.none() | st.sampled_from(range(1940, 2010, 10))),
        faith=draw(st.none() | st.sampled_from(["faith_based", "secular"])),
        veteran=draw(st.booleans()),
        justice_involved=draw(st.booleans()),
        lgbtq_affirming=draw(st.booleans()),
        region=draw(st.none() | st.sampled_from(REGIONS)),
    )


@given(participants, specialists())
def test_the_explanation_adds_up_to_the_score(participant, specialist):
    scored = score(participant, specialist)
    assert sum(c.points for c in scored.explanation) == scored.score
    assert all(isinstance(c.points, int) and c.points > 0 for c in scored.explanation)
    assert len({c.criterion for c in scored.explanation}) == len(scored.explanation)


@given(participants, specialists(), subsets(list(CRITERIA)))
def test_priorities_never_lower_a_score(participant, specialist, more):
    before = score(participant, specialist).score
    after = score(replace(participant, priorities=participant.priorities | more), specialist)
    assert after.score >= before


@given(participants, st.lists(specialists(), max_size=12, unique_by=lambda s: s.id), st.randoms())
def test_ranking_keeps_the_hard_rules_and_ignores_input_order(participant, pool, rnd):
    ranked = rank(participant, pool, limit=20)
    assert all(eligible(participant, s) for s, _ in ranked)
    shuffled = list(pool)
    rnd.shuffle(shuffled)
    assert [s.id for s, _ in rank(participant, shuffled, limit=20)] == [s.id for s, _ in ranked]
    keys = [order_key(s, scored) for s, scored in ranked]
    assert keys == sorted(keys)


def test_a_random_pool_ranks_the_same_every_time():
    rnd = random.Random(7)
    pool = [
        peer(id=uuid.UUID(int=rnd.randrange(10**9)), active_caseload=rnd.randrange(3))
        for _ in range(30)
    ]
    first = [s.id for s, _ in rank(seeker(), pool, limit=30)]
    assert first == [s.id for s, _ in rank(seeker(), list(reversed(pool)), limit=30)]
