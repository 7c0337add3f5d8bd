"""Steps towards a goal: due dates, done state, ETags, removal."""

from __future__ import annotations

import uuid

import pytest


@pytest.fixture
def goal(api, world):
    plan = api.started(world.specialist, world.matched)
    return api.added_goal(world.me, plan["id"])


def test_a_step_is_added_with_its_due_date_and_not_done(api, world, goal):
    response = api.add_step(
        world.specialist, goal["id"], description="Buy shoes", due_date="2027-03-01"
    )
    assert response.status_code == 201, response.text
    step = response.json()
    assert (step["description"], step["due_date"], step["done"], step["done_at"]) == (
        "Buy shoes",
        "2027-03-01",
        False,
        None,
    )
    assert step["goal_id"] == goal["id"]
    assert response.headers["location"] == f"/api/v1/steps/{step['id']}"
    assert response.headers["etag"] == api.step(world.me, step["id"]).headers["etag"]


def test_adding_a_step_leaves_the_goals_agreement_alone(api, world, goal):
    api.added_step(world.specialist, goal["id"])
    assert api.goal(world.me, goal["id"]).json()["awaiting_agreement"] is False


def test_steps_are_listed_in_the_order_they_were_added(api, world, goal):
    for description in ("First", "Second", "Third"):
        api.added_step(world.me, goal["id"], description=description)
    page = api.steps(world.specialist, goal["id"]).json()
    assert [s["description"] for s in page["items"]] == ["First", "Second", "Third"]
    assert page["next_cursor"] is None
    first = api.steps(world.specialist, goal["id"], limit=2).json()
    rest = api.steps(world.specialist, goal["id"], cursor=first["next_cursor"]).json()
    assert [s["description"] for s in first["items"] + rest["items"]] == [
        "First",
        "Second",
        "Third",
    ]


def test_marking_a_step_done_records_when_and_undoing_clears_it(api, world, goal):
    step = api.added_step(world.me, goal["id"])
    etag = api.step(world.me, step["id"]).headers["etag"]
    done = api.patch_step(world.me, step["id"], etag, done=True)
    assert done.status_code == 200, done.text
    assert done.json()["done"] is True
    assert done.json()["done_at"] is not None

    again = api.patch_step(world.me, step["id"], done.headers["etag"], done=True)
    assert again.json()["done_at"] == done.json()["done_at"]

    undone = api.patch_step(world.specialist, step["id"], again.headers["etag"], done=False)
    assert undone.json()["done"] is False
    assert undone.json()["done_at"] is None


def test_a_step_can_be_reworded_and_rescheduled(api, world, goal):
    step = api.added_step(world.me, goal["id"], due_date="2027-01-01")
    etag = api.step(world.me, step["id"]).headers["etag"]
    changed = api.patch_step(
        world.specialist, step["id"], etag, description="Call at 9am", due_date=None
    ).json()
    assert (changed["description"], changed["due_date"]) == ("Call at 9am", None)


def test_done_steps_count_towards_the_plans_progress(api, world, goal):
    step = api.added_step(world.me, goal["id"])
    api.added_step(world.me, goal["id"])
    etag = api.step(world.me, step["id"]).headers["etag"]
    api.patch_step(world.me, step["id"], etag, done=True)
    progress = api.plan(world.me, goal["plan_id"]).json()["progress"]["health"]
    assert (progress["steps_done"], progress["steps_total"], progress["percent"]) == (1, 2, 50)


def test_step_patch_without_if_match_is_428(api, world, goal):
    step = api.added_step(world.me, goal["id"])
    assert api.patch_step(world.me, step["id"], None, done=True).status_code == 428


def test_step_patch_with_a_stale_etag_is_412(api, world, goal):
    step = api.added_step(world.me, goal["id"])
    etag = api.step(world.me, step["id"]).headers["etag"]
    assert api.patch_step(world.specialist, step["id"], etag, description="A").status_code == 200
    assert api.patch_step(world.me, step["id"], etag, done=True).status_code == 412
    assert api.step(world.me, step["id"]).json()["done"] is False


def test_a_removed_step_is_gone(api, world, goal):
    step = api.added_step(world.me, goal["id"])
    response = api.delete_step(world.specialist, step["id"])
    assert response.status_code == 204
    assert response.content == b""
    assert api.step(world.me, step["id"]).status_code == 404
    assert api.steps(world.me, goal["id"]).json()["items"] == []


@pytest.mark.parametrize(
    "body",
    [
        {"description": ""},
        {"description": "x" * 1001},
        {"due_date": "tomorrow"},
        {"done": True},
    ],
    ids=["empty", "too-long", "not-a-date", "done-is-not-input-on-create"],
)
def test_invalid_steps_are_refused(api, world, goal, body):
    assert api.add_step(world.me, goal["id"], **body).status_code == 422


def test_a_step_cannot_be_nulled(api, world, goal):
    step = api.added_step(world.me, goal["id"])
    etag = api.step(world.me, step["id"]).headers["etag"]
    assert api.patch_step(world.me, step["id"], etag, description=None).status_code == 422
    assert api.patch_step(world.me, step["id"], etag, done=None).status_code == 422


def test_an_unknown_step_is_404(api, world):
    response = api.step(world.supervisor, str(uuid.uuid4()))
    assert response.status_code == 404
    assert response.json()["detail"] == "Step not found."
