"""Match suggestions: the hard rules in SQL agree with the pure rules, what is excluded,
the ranking and its explanation, and who may ask."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta
from typing import get_args
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.core.base import utcnow
from app.matching import preferences as matching_preferences
from app.matching import suggestions
from app.matching.scoring import CRITERIA, SpecialistFacts, eligible, rank, score
from app.matching.suggestions import candidates, facts_of, score_sql, suggest
from app.participants import service as participants
from app.participants.schemas import RecoveryPathway
from app.specialists.models import Specialist
from app.users.models import User
from tests.factories import make_match, make_organisation, specialist_profile
from tests.matching.conftest_profiles import make_seeker, make_specialist


def url(participant, limit=None):
    query = f"?limit={limit}" if limit is not None else ""
    return f"/api/v1/participants/{participant.id}/match-suggestions{query}"


def facts_of_all(db, organisation_ids) -> list[tuple[SpecialistFacts, bool]]:
    """Every specialist as the pure rules see it, with whether its account is active."""
    rows = db.query(Specialist, User.is_active).join(User, User.id == Specialist.user_id)
    return [
        (
            SpecialistFacts(
                id=s.id,
                organisation_id=s.organisation_id,
                languages=frozenset(s.languages),
                max_caseload=s.max_caseload,
                active_caseload=s.active_caseload,
                accepting_new=s.accepting_new,
                moud_affirming=s.moud_affirming,
                gender=s.gender,
            ),
            active,
        )
        for s, active in rows
        if s.organisation_id in organisation_ids
    ]


LANGUAGES = ["en", "es", "fr", "vi"]
GENDERS = [None, "woman", "man", "non-binary"]


def random_specialists(db, rnd, organisations, n):
    for i in range(n):
        max_caseload = rnd.randint(1, 4)
        make_specialist(
            db,
            rnd.choice(organisations),
            name=f"Peer {i}",
            languages=rnd.sample(LANGUAGES, rnd.randint(1, 3)),
            active=rnd.random() > 0.15,
            max_caseload=max_caseload,
            active_caseload=rnd.randint(0, max_caseload),
            accepting_new=rnd.random() > 0.2,
            moud_affirming=rnd.random() > 0.5,
            gender=rnd.choice(GENDERS),
        )


def test_the_sql_filter_agrees_with_the_pure_hard_rules(db, world):
    rnd = random.Random(20261126)
    organisations = [world.org, world.other_org, make_organisation(db)]
    random_specialists(db, rnd, organisations, 60)
    everyone = facts_of_all(db, {o.id for o in organisations})
    checked = 0
    for _ in range(40):
        participant = make_seeker(
            db,
            rnd.choice(organisations),
            primary_language=rnd.choice(LANGUAGES),
            recovery_pathways=rnd.choice([[], ["moud_methadone"], ["smart_recovery"]]),
            languages=rnd.sample(LANGUAGES, rnd.randint(0, 2)),
            gender_preference=rnd.choice(GENDERS),
        )
        prefs = matching_preferences.of(db=db, participant_id=participant.id)
        facts = facts_of(participant, prefs)
        from_sql = {s.id for s in candidates(db=db, facts=facts)}
        by_rules = {s.id for s, active in everyone if active and eligible(facts, s)}
        assert from_sql == by_rules
        checked += len(by_rules)
    assert checked > 20  # the generated set is varied enough to find matches


LANGUAGE_SETS = st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=3, unique=True)
specialist_specs = st.fixed_dictionaries(
    {
        "languages": LANGUAGE_SETS,
        "max_caseload": st.integers(1, 3),
        "active_caseload": st.integers(0, 3),
        "accepting_new": st.booleans(),
        "moud_affirming": st.booleans(),
        "gender": st.sampled_from(GENDERS),
        "recovery_pathways": st.lists(
            st.sampled_from(["moud_buprenorphine", "smart_recovery", "faith_based"]), unique=True
        ),
        "veteran": st.booleans(),
        "birth_decade": st.none() | st.sampled_from([1960, 1970, 1980, 1990]),
    }
)
seeker_specs = st.fixed_dictionaries(
    {
        "primary_language": st.sampled_from(LANGUAGES),
        "recovery_pathways": st.lists(
            st.sampled_from(["moud_buprenorphine", "smart_recovery", "faith_based"]), unique=True
        ),
        "birth_year": st.none() | st.integers(1955, 2000),
        "languages": st.lists(st.sampled_from(LANGUAGES), max_size=2, unique=True),
        "gender_preference": st.sampled_from(GENDERS),
        "veteran": st.booleans(),
        "priorities": st.lists(st.sampled_from(["veteran", "life_stage"]), unique=True),
    }
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seeker_spec=seeker_specs, specs=st.lists(specialist_specs, min_size=1, max_size=8))
def test_nothing_suggested_ever_breaks_a_hard_rule(db, world, seeker_spec, specs):
    savepoint = db.begin_nested()
    try:
        for i, spec in enumerate(specs):
            spec = {**spec, "active_caseload": min(spec["active_caseload"], spec["max_caseload"])}
            make_specialist(db, world.org, name=f"Peer {i}", **spec)
        participant = make_seeker(db, world.org, **seeker_spec)
        facts = facts_of(participant, matching_preferences.of(db=db, participant_id=participant.id))
        ranked = suggest(db=db, participant=participant, limit=20)
        for specialist, scored in ranked:
            assert eligible(facts, specialist)
            assert sum(c.points for c in scored.explanation) == scored.score
        assert ranked == suggest(db=db, participant=participant, limit=20)
    finally:
        savepoint.rollback()


PATHWAYS = list(get_args(RecoveryPathway))
SUBSTANCES = ["alcohol", "opioids", "stimulants", "tobacco"]
REGIONS = [None, "East Side", " east side", "Riverside"]
full_profiles = st.fixed_dictionaries(
    {
        "max_caseload": st.integers(2, 3),
        "active_caseload": st.integers(0, 1),
        "recovery_pathways": st.lists(st.sampled_from(PATHWAYS), max_size=4, unique=True),
        "substances": st.lists(st.sampled_from(SUBSTANCES), max_size=3, unique=True),
        "birth_decade": st.none() | st.sampled_from([1960, 1970, 1980, 1990]),
        "faith": st.sampled_from([None, "faith_based", "secular"]),
        "veteran": st.booleans(),
        "justice_involved": st.booleans(),
        "lgbtq_affirming": st.booleans(),
        "region": st.sampled_from(REGIONS),
        "moud_affirming": st.just(True),
        "languages": st.lists(st.sampled_from(["en", "es"]), min_size=1, unique=True),
        "active": st.booleans(),
    }
)
full_seekers = st.fixed_dictionaries(
    {
        "primary_language": st.sampled_from(["en", "es"]),
        "recovery_pathways": st.lists(st.sampled_from(PATHWAYS), max_size=4, unique=True),
        "substances": st.lists(st.sampled_from(SUBSTANCES), max_size=3, unique=True),
        "birth_year": st.none() | st.integers(1955, 2000),
        "faith_preference": st.sampled_from([None, "faith_based", "secular"]),
        "veteran": st.booleans(),
        "justice_involved": st.booleans(),
        "wants_lgbtq_affirming": st.booleans(),
        "region": st.sampled_from(REGIONS),
        "priorities": st.lists(st.sampled_from(CRITERIA), max_size=3, unique=True),
    }
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    seeker_spec=full_seekers,
    specs=st.lists(full_profiles, min_size=1, max_size=10),
    limit=st.integers(1, 4),
)
def test_the_database_picks_the_same_best_specialists_as_the_pure_ranking(
    db, world, seeker_spec, specs, limit
):
    """The score computed in SQL equals the pure score for every specialist, and the
    database picks the rows the pure ``scoring.rank`` would pick from every eligible
    specialist, in the same order, however wide the pool it starts from."""
    savepoint = db.begin_nested()
    try:
        for i, spec in enumerate(specs):
            make_specialist(db, world.org, name=f"Peer {i}", **spec)
        participant = make_seeker(db, world.org, **seeker_spec)
        facts = facts_of(participant, matching_preferences.of(db=db, participant_id=participant.id))
        everyone = candidates(db=db, facts=facts)
        in_sql = {
            row.id: row.score
            for row in db.execute(select(Specialist.id, score_sql(facts).label("score")))
        }
        assert {s.id: in_sql[s.id] for s in everyone} == {
            s.id: score(facts, s).score for s in everyone
        }
        by_python = [(s.id, scored.score) for s, scored in rank(facts, everyone, limit=limit)]
        for pools in (suggestions.POOL_FACTORS, (1, 2, None)):  # small pools widen often
            with patch.object(suggestions, "POOL_FACTORS", pools):
                best = candidates(db=db, facts=facts, limit=limit)
            by_sql = [(s.id, scored.score) for s, scored in rank(facts, best, limit=limit)]
            assert by_sql == by_python
    finally:
        savepoint.rollback()


def pool(db, world):
    """A participant on buprenorphine, a veteran born in 1982, and specialists around it."""
    participant = make_seeker(
        db,
        world.org,
        recovery_pathways=["moud_buprenorphine", "mutual_aid_12_step"],
        substances=["opioids"],
        birth_year=1982,
        veteran=True,
    )
    best = make_specialist(
        db,
        world.org,
        name="Best Fit",
        moud_affirming=True,
        recovery_pathways=["moud_buprenorphine"],
        birth_decade=1980,
        veteran=True,
    )
    good = make_specialist(
        db,
        world.org,
        name="Good Fit",
        moud_affirming=True,
        recovery_pathways=["mutual_aid_12_step"],
        substances=["opioids"],
    )
    make_specialist(db, world.org, name="Not Affirming", recovery_pathways=["moud_buprenorphine"])
    make_specialist(
        db, world.org, name="Full", moud_affirming=True, max_caseload=2, active_caseload=2
    )
    make_specialist(db, world.org, name="Closed", moud_affirming=True, accepting_new=False)
    make_specialist(db, world.org, name="Gone", moud_affirming=True, active=False)
    make_specialist(db, world.org, name="Speaks French", moud_affirming=True, languages=["fr"])
    make_specialist(db, world.other_org, name="Elsewhere", moud_affirming=True)
    participant.intake_by_user_id = world.specialist.id
    db.commit()
    return participant, best, good


def names(response):
    return [item["display_name"] for item in response.json()["items"]]


def test_suggestions_are_ranked_and_explained(client, world, db):
    participant, best, _ = pool(db, world)
    response = client.get(url(participant), headers=world.headers(world.specialist))
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert names(response) == ["Best Fit", "Good Fit"]
    top = items[0]
    assert top["specialist_id"] == str(best.id)
    assert {c["criterion"] for c in top["explanation"]} == {
        "recovery_pathway",
        "life_stage",
        "veteran",
    }
    for item in items:
        assert sum(c["points"] for c in item["explanation"]) == item["score"]
        assert all(c["reason"] for c in item["explanation"])


def test_a_priority_can_change_the_order(client, world, db):
    participant, best, good = pool(db, world)
    good.substances = ["opioids"]
    good.region = "Delta"
    best.veteran = False
    db.commit()
    headers = world.headers(world.supervisor)
    client.put(
        f"/api/v1/participants/{participant.id}/matching-preferences",
        json={"region": "Delta", "priorities": ["region", "substance"]},
        headers=headers,
    )
    assert names(client.get(url(participant), headers=headers)) == ["Good Fit", "Best Fit"]


def test_a_gender_preference_and_a_second_language_are_honoured(client, world, db):
    participant, _, _ = pool(db, world)
    french = make_specialist(
        db, world.org, name="Femme", moud_affirming=True, languages=["fr"], gender="woman"
    )
    db.commit()
    headers = world.headers(world.supervisor)
    client.put(
        f"/api/v1/participants/{participant.id}/matching-preferences",
        # However the participant spells it, the preference meets the specialist's gender.
        json={"gender_preference": " Woman ", "languages": ["fr"], "veteran": True},
        headers=headers,
    )
    response = client.get(url(participant), headers=headers)
    assert [i["specialist_id"] for i in response.json()["items"]] == [str(french.id)]


def test_current_proposed_and_recently_declined_specialists_are_left_out(client, world, db):
    participant, best, good = pool(db, world)
    third = make_specialist(db, world.org, name="Third", moud_affirming=True)
    fourth = make_specialist(db, world.org, name="Fourth", moud_affirming=True)
    best_user = db.get(User, best.user_id)
    good_user = db.get(User, good.user_id)
    make_match(db, participant, best_user, status="proposed")
    declined = make_match(db, participant, good_user, status="declined")
    declined.declined_at = utcnow() - timedelta(days=10)
    long_ago = make_match(db, participant, db.get(User, third.user_id), status="declined")
    long_ago.declined_at = utcnow() - timedelta(days=120)
    make_match(db, participant, db.get(User, fourth.user_id), status="ended")
    db.commit()
    response = client.get(url(participant), headers=world.headers(world.supervisor))
    assert sorted(names(response)) == ["Fourth", "Third"]


def test_the_active_specialist_is_not_suggested_again(client, world, db):
    profile = specialist_profile(db, world.specialist)
    response = client.get(url(world.matched), headers=world.headers(world.specialist))
    assert response.status_code == 200, response.text
    assert str(profile.id) not in [i["specialist_id"] for i in response.json()["items"]]
    assert names(response) == ["Robin Peer"]


def test_the_limit_caps_the_list(client, world, db):
    participant, _, _ = pool(db, world)
    headers = world.headers(world.supervisor)
    assert len(client.get(url(participant, 1), headers=headers).json()["items"]) == 1
    assert client.get(url(participant, 0), headers=headers).status_code == 422
    assert client.get(url(participant, 21), headers=headers).status_code == 422


def test_a_withdrawn_participant_gets_no_suggestions(client, world, db):
    participant, _, _ = pool(db, world)
    participants.withdraw(db=db, participant=participant, by=world.supervisor.id, reason=None)
    db.commit()
    response = client.get(url(participant), headers=world.headers(world.supervisor))
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    assert "withdrawn" in response.json()["detail"]


@pytest.mark.parametrize("caller", ["me", "admin"])
def test_participants_and_admins_may_not_ask_for_suggestions(client, world, caller):
    response = client.get(url(world.matched), headers=world.headers(getattr(world, caller)))
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("caller", "participant"),
    [
        ("other_specialist", "matched"),
        ("specialist", "taken_in"),
        ("other_supervisor", "matched"),
        ("other_org_specialist", "matched"),
        ("supervisor", "stranger"),
    ],
)
def test_a_participant_the_caller_may_not_see_is_not_found(client, world, caller, participant):
    response = client.get(
        url(getattr(world, participant)), headers=world.headers(getattr(world, caller))
    )
    assert response.status_code == 404


def test_an_unknown_participant_is_not_found(client, world):
    response = client.get(
        f"/api/v1/participants/{uuid.uuid4()}/match-suggestions",
        headers=world.headers(world.supervisor),
    )
    assert response.status_code == 404
