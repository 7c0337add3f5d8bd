"""The safety plan: six steps, versioned, 988 always in step 5, written together."""

from __future__ import annotations

import pytest

from tests.factories import make_participant, make_user


def url(participant, suffix=""):
    return f"/api/v1/participants/{participant.id}/safety-plan{suffix}"


PLAN = {
    "warning_signs": ["Skipping meals", "Not answering texts"],
    "internal_coping": ["Walk by the river"],
    "social_distractions": ["Coffee at the drop-in centre"],
    "people_to_ask": ["My sister Dee"],
    "professionals": ["Dr. Okafor, Riverside Clinic"],
    "environment_safety": ["Keep medication with Dee"],
}


def test_before_the_first_version_the_plan_is_blank_but_for_988(client, world):
    response = client.get(url(world.matched), headers=world.headers(world.me))
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == 0
    assert body["created_at"] is None
    assert body["warning_signs"] == []
    assert len(body["professionals"]) == 1
    assert "988" in body["professionals"][0]


def test_only_one_of_two_writers_starting_from_the_blank_plan_wins(client, world):
    blank = client.get(url(world.matched), headers=world.headers(world.me)).headers["ETag"]
    first = client.put(
        url(world.matched), json=PLAN, headers={**world.headers(world.me), "If-Match": blank}
    )
    assert first.status_code == 201, first.text
    late = client.put(
        url(world.matched),
        json=PLAN,
        headers={**world.headers(world.specialist), "If-Match": blank},
    )
    assert late.status_code == 412
    assert late.headers["content-type"] == "application/problem+json"


def test_versions_are_kept_and_988_is_always_in_step_five(client, world):
    first = client.put(url(world.matched), json=PLAN, headers=world.headers(world.me))
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["version"] == 1
    assert body["written_by_role"] == "participant"
    assert body["professionals"][0] == "Dr. Okafor, Riverside Clinic"
    assert any("988" in entry for entry in body["professionals"])

    changed = {**PLAN, "internal_coping": ["Walk by the river", "Play guitar"]}
    missing = client.put(url(world.matched), json=changed, headers=world.headers(world.specialist))
    assert missing.status_code == 428
    stale = client.put(
        url(world.matched),
        json=changed,
        headers={**world.headers(world.specialist), "If-Match": '"old"'},
    )
    assert stale.status_code == 412
    second = client.put(
        url(world.matched),
        json=changed,
        headers={**world.headers(world.specialist), "If-Match": first.headers["ETag"]},
    )
    assert second.status_code == 200, second.text
    assert second.json()["version"] == 2
    assert second.json()["written_by_role"] == "specialist"

    current = client.get(url(world.matched), headers=world.headers(world.me)).json()
    assert current["internal_coping"] == ["Walk by the river", "Play guitar"]
    versions = client.get(url(world.matched, "/versions"), headers=world.headers(world.me)).json()
    assert [v["version"] for v in versions["items"]] == [2, 1]
    earlier = client.get(url(world.matched, "/versions/1"), headers=world.headers(world.me))
    assert earlier.json()["internal_coping"] == ["Walk by the river"]
    assert (
        client.get(url(world.matched, "/versions/3"), headers=world.headers(world.me)).status_code
        == 404
    )


def test_988_is_not_added_twice(client, world):
    plan = {**PLAN, "professionals": ["988 Lifeline"]}
    body = client.put(url(world.matched), json=plan, headers=world.headers(world.me)).json()
    assert body["professionals"] == ["988 Lifeline"]


@pytest.mark.parametrize(
    "bad",
    [
        {"warning_signs": [""]},
        {"warning_signs": ["x" * 501]},
        {"warning_signs": ["a"] * 21},
        {"unknown_step": ["a"]},
        {"warning_signs": "not a list"},
    ],
)
def test_bad_plans_are_422(client, world, bad):
    response = client.put(url(world.matched), json={**PLAN, **bad}, headers=world.headers(world.me))
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("caller", ["other_specialist", "other_supervisor"])
def test_staff_who_may_not_see_the_participant_get_404(client, world, caller):
    headers = world.headers(getattr(world, caller))
    assert client.get(url(world.matched), headers=headers).status_code == 404
    assert client.put(url(world.matched), json=PLAN, headers=headers).status_code == 404


def test_admins_may_not_write_a_safety_plan(client, world):
    response = client.put(url(world.matched), json=PLAN, headers=world.headers(world.admin))
    assert response.status_code == 403


def test_another_participant_cannot_read_it(client, world, db):
    client.put(url(world.matched), json=PLAN, headers=world.headers(world.me))
    other = make_participant(db, world.org, preferred_name="Other")
    account = make_user(db, world.org, "participant", participant=other)
    db.commit()
    assert client.get(url(world.matched), headers=world.headers(account)).status_code == 404
    versions = client.get(url(world.matched, "/versions"), headers=world.headers(account))
    assert versions.status_code == 404
