"""Plans: one active plan per participant, archived history, carry-over, ETags."""

from __future__ import annotations

import pytest

from app.plans import service
from tests.plans.conftest import make_goal, make_plan, make_step

ZERO = {
    "goals": 0,
    "achieved": 0,
    "awaiting_agreement": 0,
    "steps_total": 0,
    "steps_done": 0,
    "percent": 0,
}


class TestStartingAPlan:
    def test_a_new_plan_is_active_and_holds_strengths_and_barriers(self, api, world):
        response = api.start_plan(
            world.specialist,
            world.matched,
            title="Spring",
            strengths=["My sister", "Stubborn in a good way"],
            barriers=["No car"],
        )
        assert response.status_code == 201, response.text
        plan = response.json()
        assert plan["status"] == "active"
        assert plan["archived_at"] is None
        assert plan["participant_id"] == str(world.matched.id)
        assert plan["strengths"] == ["My sister", "Stubborn in a good way"]
        assert plan["barriers"] == ["No car"]
        assert plan["goals"] == []
        assert plan["progress"] == dict.fromkeys(("health", "home", "purpose", "community"), ZERO)
        assert response.headers["location"] == f"/api/v1/plans/{plan['id']}"
        assert response.headers["etag"]

    def test_the_participant_may_start_its_own_plan(self, api, world):
        plan = api.started(world.me, world.matched)
        assert plan["created_by_user_id"] == str(world.me.id)

    def test_defaults_make_an_empty_plan(self, api, world):
        plan = api.started(world.supervisor, world.matched)
        assert (plan["title"], plan["strengths"], plan["barriers"]) == (None, [], [])

    def test_repeated_strengths_are_kept_once(self, api, world):
        plan = api.started(world.specialist, world.matched, strengths=["Faith", "Faith", "Kids"])
        assert plan["strengths"] == ["Faith", "Kids"]

    @pytest.mark.parametrize(
        "body",
        [
            {"strengths": [""]},
            {"strengths": ["x" * 201]},
            {"barriers": [f"barrier {i}" for i in range(31)]},
            {"title": "t" * 201},
            {"carry_over": False},
            {"status": "archived"},
        ],
        ids=["blank-item", "long-item", "too-many-items", "long-title", "unknown", "status"],
    )
    def test_invalid_plan_bodies_are_refused(self, api, world, body):
        response = api.start_plan(world.specialist, world.matched, **body)
        assert response.status_code == 422, response.text
        assert response.headers["content-type"] == "application/problem+json"


class TestHistory:
    def test_starting_a_new_plan_archives_the_old_one_which_stays_readable(self, api, world):
        first = api.started(world.specialist, world.matched, title="First")
        second = api.started(world.specialist, world.matched, title="Second")

        old = api.plan(world.me, first["id"])
        assert old.status_code == 200
        assert old.json()["status"] == "archived"
        assert old.json()["archived_at"] is not None
        assert old.json()["title"] == "First"
        assert api.plan(world.me, second["id"]).json()["status"] == "active"

    def test_history_lists_the_active_plan_first_then_archived_newest_first(self, api, world):
        titles = ["One", "Two", "Three"]
        for title in titles:
            api.started(world.specialist, world.matched, title=title)
        items = api.plans(world.me, world.matched).json()["items"]
        assert [(p["title"], p["status"]) for p in items] == [
            ("Three", "active"),
            ("Two", "archived"),
            ("One", "archived"),
        ]

    def test_history_filters_by_status(self, api, world):
        for title in ("One", "Two"):
            api.started(world.specialist, world.matched, title=title)
        active = api.plans(world.specialist, world.matched, status="active").json()["items"]
        archived = api.plans(world.specialist, world.matched, status="archived").json()["items"]
        assert [p["title"] for p in active] == ["Two"]
        assert [p["title"] for p in archived] == ["One"]
        assert api.plans(world.specialist, world.matched, status="draft").status_code == 422

    def test_history_pages_walk_every_plan_once_in_order(self, api, world):
        for i in range(4):
            api.started(world.specialist, world.matched, title=f"Plan {i}")
        seen: list[str] = []
        cursor = None
        while True:
            params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
            page = api.plans(world.specialist, world.matched, **params).json()
            seen += [p["title"] for p in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == ["Plan 3", "Plan 2", "Plan 1", "Plan 0"]

    def test_a_participant_without_plans_has_an_empty_history(self, api, world):
        page = api.plans(world.me, world.matched).json()
        assert page == {"items": [], "next_cursor": None}


class TestCarryOver:
    def _old_plan(self, api, world):
        plan = api.started(world.specialist, world.matched, title="Old")
        open_goal = api.added_goal(world.me, plan["id"], statement="Find a sponsor")
        api.added_step(world.me, open_goal["id"], description="Go to Tuesday meeting")
        done_step = api.added_step(world.me, open_goal["id"], description="Ask Sam")
        etag = api.step(world.me, done_step["id"]).headers["etag"]
        assert api.patch_step(world.me, done_step["id"], etag, done=True).status_code == 200
        waiting = api.added_goal(world.specialist, plan["id"], dimension="home", statement="Rent")
        settled = {}
        for status in ("achieved", "not-achieved", "not-attainable"):
            settled[status] = api.added_goal(
                world.me, plan["id"], statement=f"Settled {status}", status=status
            )
        sustaining = api.added_goal(world.me, plan["id"], statement="Stay", status="sustaining")
        return plan, open_goal, waiting, sustaining

    def test_open_goals_move_to_the_new_plan_with_steps_and_agreement(self, api, world):
        old, open_goal, waiting, sustaining = self._old_plan(api, world)
        new = api.started(world.specialist, world.matched, title="New")

        carried = {g["statement"]: g for g in new["goals"]}
        assert set(carried) == {"Find a sponsor", "Rent", "Stay"}
        sponsor = carried["Find a sponsor"]
        assert sponsor["id"] != open_goal["id"]
        assert sponsor["plan_id"] == new["id"]
        assert sponsor["agreed_by_participant_at"] == open_goal["agreed_by_participant_at"]
        assert sponsor["awaiting_agreement"] is False
        assert [(s["description"], s["done"]) for s in sponsor["steps"]] == [
            ("Go to Tuesday meeting", False),
            ("Ask Sam", True),
        ]
        assert sponsor["steps"][1]["done_at"] is not None
        # A goal still waiting for agreement still waits in the new plan, under its author.
        assert carried["Rent"]["awaiting_agreement"] is True
        assert carried["Rent"]["created_by_user_id"] == waiting["created_by_user_id"]
        # Sustaining an achieved goal is ongoing work, so it comes along.
        assert carried["Stay"]["status"] == sustaining["status"] == "sustaining"
        assert api.plan(world.me, old["id"]).json()["status"] == "archived"
        assert new["progress"]["health"]["steps_done"] == 1
        assert new["progress"]["home"]["awaiting_agreement"] == 1

    def test_settled_goals_stay_with_the_archived_plan(self, api, world):
        old, *_ = self._old_plan(api, world)
        api.started(world.specialist, world.matched)
        archived = api.plan(world.me, old["id"]).json()
        assert len(archived["goals"]) == 6
        assert {g["plan_id"] for g in archived["goals"]} == {old["id"]}
        assert len(archived["goals"][0]["steps"]) == 2

    def test_carry_over_can_be_turned_off(self, api, world):
        self._old_plan(api, world)
        new = api.started(world.specialist, world.matched, carry_over_open_goals=False)
        assert new["goals"] == []


class TestOneActivePlan:
    def test_a_start_that_races_another_answers_409(self, api, world, monkeypatch):
        api.started(world.specialist, world.matched)
        # As if another request had started its plan between this one's read and write.
        monkeypatch.setattr(service, "active_plan", lambda **_: None)
        response = api.start_plan(world.specialist, world.matched)
        assert response.status_code == 409, response.text
        assert response.headers["content-type"] == "application/problem+json"
        active = api.plans(world.specialist, world.matched, status="active").json()["items"]
        assert len(active) == 1

    def test_the_database_refuses_a_second_active_plan(self, db, world):
        from sqlalchemy.exc import IntegrityError

        make_plan(db, world.matched)
        with pytest.raises(IntegrityError), db.begin_nested():
            make_plan(db, world.matched)


class TestReadingAPlan:
    def test_a_plan_shows_goals_with_steps_and_progress_per_dimension(self, api, world):
        plan = api.started(world.specialist, world.matched)
        walk = api.added_goal(world.me, plan["id"], dimension="health", statement="Walk")
        api.added_step(world.me, walk["id"])
        step = api.added_step(world.me, walk["id"])
        etag = api.step(world.me, step["id"]).headers["etag"]
        api.patch_step(world.me, step["id"], etag, done=True)
        api.added_goal(world.specialist, plan["id"], dimension="purpose", status="achieved")

        response = api.plan(world.specialist, plan["id"])
        assert response.status_code == 200
        body = response.json()
        assert [g["dimension"] for g in body["goals"]] == ["health", "purpose"]
        assert len(body["goals"][0]["steps"]) == 2
        assert body["progress"]["health"] == {
            "goals": 1,
            "achieved": 0,
            "awaiting_agreement": 0,
            "steps_total": 2,
            "steps_done": 1,
            "percent": 50,
        }
        assert body["progress"]["purpose"]["percent"] == 100
        assert body["progress"]["purpose"]["awaiting_agreement"] == 1
        assert body["progress"]["home"] == ZERO
        # Strong: a quoted tag without the W/ prefix.
        assert response.headers["etag"].startswith('"')

    def test_an_unknown_plan_is_404(self, api, world):
        response = api.plan(world.supervisor, "00000000-0000-0000-0000-000000000000")
        assert response.status_code == 404
        assert response.json()["detail"] == "Plan not found."


class TestChangingAPlan:
    def test_patch_with_the_current_etag_applies_the_change(self, api, world):
        plan = api.started(world.specialist, world.matched, strengths=["Music"])
        etag = api.plan(world.me, plan["id"]).headers["etag"]
        response = api.patch_plan(
            world.me, plan["id"], etag, strengths=["Music", "My dog"], title="Mine"
        )
        assert response.status_code == 200, response.text
        assert response.json()["strengths"] == ["Music", "My dog"]
        assert response.json()["title"] == "Mine"
        assert response.headers["etag"] != etag

    def test_patch_without_if_match_is_428(self, api, world):
        plan = api.started(world.specialist, world.matched)
        response = api.patch_plan(world.specialist, plan["id"], None, title="No etag")
        assert response.status_code == 428

    def test_patch_with_a_stale_etag_is_412(self, api, world):
        plan = api.started(world.specialist, world.matched)
        etag = api.plan(world.specialist, plan["id"]).headers["etag"]
        assert api.patch_plan(world.specialist, plan["id"], etag, title="A").status_code == 200
        stale = api.patch_plan(world.me, plan["id"], etag, title="B")
        assert stale.status_code == 412
        assert api.plan(world.me, plan["id"]).json()["title"] == "A"

    def test_strengths_cannot_be_nulled_but_the_title_can(self, api, world):
        plan = api.started(world.specialist, world.matched, title="T")
        etag = api.plan(world.specialist, plan["id"]).headers["etag"]
        assert api.patch_plan(world.specialist, plan["id"], etag, strengths=None).status_code == 422
        cleared = api.patch_plan(world.specialist, plan["id"], etag, title=None)
        assert cleared.status_code == 200
        assert cleared.json()["title"] is None


class TestArchivedPlansAreReadOnly:
    @pytest.fixture
    def archived(self, api, world):
        plan = api.started(world.specialist, world.matched)
        goal = api.added_goal(world.specialist, plan["id"])
        step = api.added_step(world.specialist, goal["id"])
        api.started(world.specialist, world.matched, carry_over_open_goals=False)
        return plan, goal, step

    def test_the_plan_cannot_change(self, api, world, archived):
        plan, _, _ = archived
        etag = api.plan(world.specialist, plan["id"]).headers["etag"]
        response = api.patch_plan(world.specialist, plan["id"], etag, title="Rewrite history")
        assert response.status_code == 409
        assert "archived" in response.json()["detail"]

    def test_refused_before_the_etag_is_checked(self, api, world, archived):
        plan, _, _ = archived
        assert api.patch_plan(world.specialist, plan["id"], None, title="x").status_code == 409

    def test_no_goal_can_be_added_changed_or_agreed(self, api, world, archived):
        plan, goal, _ = archived
        assert api.add_goal(world.me, plan["id"]).status_code == 409
        etag = api.goal(world.me, goal["id"]).headers["etag"]
        assert api.patch_goal(world.me, goal["id"], etag, statement="x").status_code == 409
        assert api.agree(world.me, goal["id"]).status_code == 409
        assert api.goal(world.me, goal["id"]).json()["awaiting_agreement"] is True

    def test_no_step_can_be_added_changed_or_removed(self, api, world, archived):
        _, goal, step = archived
        assert api.add_step(world.me, goal["id"]).status_code == 409
        etag = api.step(world.me, step["id"]).headers["etag"]
        assert api.patch_step(world.me, step["id"], etag, done=True).status_code == 409
        assert api.delete_step(world.me, step["id"]).status_code == 409
        assert api.step(world.me, step["id"]).json()["done"] is False


def test_factories_build_a_plan_the_api_reads(api, db, world):
    plan = make_plan(db, world.matched, strengths=["Patience"])
    goal = make_goal(db, plan, dimension="community", agreed=False)
    make_step(db, goal, done=True)
    body = api.plan(world.supervisor, str(plan.id)).json()
    assert body["strengths"] == ["Patience"]
    assert body["progress"]["community"]["percent"] == 100
    assert body["goals"][0]["awaiting_agreement"] is True
