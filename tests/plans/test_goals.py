"""Goals: the participant's words, agreement rules, ETags and validation."""

from __future__ import annotations

import uuid

import pytest

from app.plans.models import Goal


@pytest.fixture
def plan(api, world):
    return api.started(world.specialist, world.matched)


class TestAgreement:
    def test_a_goal_the_participant_writes_is_agreed_at_once(self, api, world, plan):
        goal = api.added_goal(world.me, plan["id"], statement="Cook dinner for my kids")
        assert goal["agreed_by_participant_at"] is not None
        assert goal["awaiting_agreement"] is False
        assert goal["created_by_user_id"] == str(world.me.id)

    @pytest.mark.parametrize("author", ["specialist", "supervisor"])
    def test_a_goal_staff_write_waits_for_the_participant(self, api, world, plan, author):
        goal = api.added_goal(getattr(world, author), plan["id"])
        assert goal["agreed_by_participant_at"] is None
        assert goal["awaiting_agreement"] is True

    def test_the_participant_agrees_and_the_goal_stops_waiting(self, api, world, plan):
        goal = api.added_goal(world.specialist, plan["id"])
        response = api.agree(world.me, goal["id"])
        assert response.status_code == 200, response.text
        assert response.json()["awaiting_agreement"] is False
        assert response.headers["etag"]
        read = api.goal(world.specialist, goal["id"]).json()
        assert read["agreed_by_participant_at"] == response.json()["agreed_by_participant_at"]

    def test_agreeing_twice_keeps_the_first_agreement(self, api, world, plan):
        goal = api.added_goal(world.specialist, plan["id"])
        first = api.agree(world.me, goal["id"]).json()
        again = api.agree(world.me, goal["id"])
        assert again.status_code == 200
        assert again.json()["agreed_by_participant_at"] == first["agreed_by_participant_at"]

    @pytest.mark.parametrize("role", ["specialist", "supervisor", "admin"])
    def test_nobody_but_the_participant_may_agree(self, api, world, plan, role):
        goal = api.added_goal(world.specialist, plan["id"])
        response = api.agree(getattr(world, role), goal["id"])
        assert response.status_code == 403
        assert api.goal(world.me, goal["id"]).json()["awaiting_agreement"] is True

    def test_agreeing_to_wording_that_has_since_changed_is_412(self, api, world, plan):
        goal = api.added_goal(world.specialist, plan["id"], statement="Go to meetings")
        shown = api.goal(world.me, goal["id"]).headers["etag"]
        current = api.goal(world.specialist, goal["id"]).headers["etag"]
        api.patch_goal(world.specialist, goal["id"], current, statement="Go to 90 meetings")
        response = api.agree(world.me, goal["id"], etag=shown)
        assert response.status_code == 412
        assert api.goal(world.me, goal["id"]).json()["awaiting_agreement"] is True
        fresh = api.goal(world.me, goal["id"]).headers["etag"]
        assert api.agree(world.me, goal["id"], etag=fresh).status_code == 200

    def test_a_staff_change_clears_the_agreement(self, api, world, plan):
        goal = api.added_goal(world.me, plan["id"], statement="Walk daily")
        etag = api.goal(world.specialist, goal["id"]).headers["etag"]
        response = api.patch_goal(world.specialist, goal["id"], etag, statement="Walk 5k daily")
        assert response.status_code == 200, response.text
        changed = response.json()
        assert changed["statement"] == "Walk 5k daily"
        assert changed["agreed_by_participant_at"] is None
        assert changed["awaiting_agreement"] is True
        assert changed["updated_by_user_id"] == str(world.specialist.id)

    def test_a_staff_status_change_also_waits_for_agreement(self, api, world, plan):
        goal = api.added_goal(world.me, plan["id"])
        etag = api.goal(world.supervisor, goal["id"]).headers["etag"]
        changed = api.patch_goal(world.supervisor, goal["id"], etag, status="improving").json()
        assert changed["status"] == "improving"
        assert changed["awaiting_agreement"] is True

    def test_the_participants_own_change_is_agreed(self, api, world, plan):
        goal = api.added_goal(world.specialist, plan["id"], statement="Get a job")
        etag = api.goal(world.me, goal["id"]).headers["etag"]
        response = api.patch_goal(
            world.me, goal["id"], etag, statement="Find part-time work I enjoy"
        )
        assert response.status_code == 200
        assert response.json()["awaiting_agreement"] is False
        assert response.json()["updated_by_user_id"] == str(world.me.id)

    def test_a_change_that_changes_nothing_keeps_the_agreement(self, api, world, plan):
        goal = api.added_goal(world.me, plan["id"], statement="Walk daily")
        etag = api.goal(world.specialist, goal["id"]).headers["etag"]
        response = api.patch_goal(world.specialist, goal["id"], etag, statement="Walk daily")
        assert response.status_code == 200
        assert response.json()["awaiting_agreement"] is False
        assert response.headers["etag"] == etag

    def test_the_plan_shows_which_goals_wait(self, api, world, plan):
        mine = api.added_goal(world.me, plan["id"], statement="Mine")
        theirs = api.added_goal(world.specialist, plan["id"], statement="Suggested")
        goals = {g["id"]: g for g in api.plan(world.me, plan["id"]).json()["goals"]}
        assert goals[mine["id"]]["awaiting_agreement"] is False
        assert goals[theirs["id"]]["awaiting_agreement"] is True
        waiting = api.goals(world.me, plan["id"], awaiting_agreement=True).json()["items"]
        assert [g["id"] for g in waiting] == [theirs["id"]]
        agreed = api.goals(world.me, plan["id"], awaiting_agreement=False).json()["items"]
        assert [g["id"] for g in agreed] == [mine["id"]]


class TestGoalFields:
    def test_a_goal_keeps_the_participants_words_and_defaults_to_in_progress(
        self, api, world, plan
    ):
        goal = api.added_goal(
            world.me,
            plan["id"],
            dimension="community",
            statement="  Reconnect with my brother  ",
            target_date="2027-06-30",
        )
        assert goal["dimension"] == "community"
        assert goal["statement"] == "Reconnect with my brother"
        assert goal["status"] == "in-progress"
        assert goal["target_date"] == "2027-06-30"
        assert goal["steps"] == []
        assert goal["plan_id"] == plan["id"]

    def test_a_new_goal_answers_with_its_location_and_etag(self, api, world, plan):
        response = api.add_goal(world.me, plan["id"])
        assert response.status_code == 201
        assert response.headers["location"] == f"/api/v1/goals/{response.json()['id']}"
        assert response.headers["etag"] == api.goal(world.me, response.json()["id"]).headers["etag"]

    @pytest.mark.parametrize(
        "body",
        [
            {"dimension": "spirituality"},
            {"statement": ""},
            {"statement": "   "},
            {"statement": "x" * 1001},
            {"status": "done"},
            {"target_date": "next spring"},
            {"target_date": "2027-02-30"},
            {"agreed_by_participant_at": "2026-01-01T00:00:00Z"},
        ],
        ids=[
            "dimension",
            "empty",
            "blank",
            "too-long",
            "status",
            "not-a-date",
            "impossible-date",
            "agreement-is-not-input",
        ],
    )
    def test_invalid_goals_are_refused(self, api, world, plan, body):
        response = api.add_goal(world.me, plan["id"], **body)
        assert response.status_code == 422, response.text

    def test_every_fhir_achievement_status_is_accepted(self, api, world, plan):
        statuses = [
            "in-progress",
            "improving",
            "worsening",
            "no-change",
            "achieved",
            "sustaining",
            "not-achieved",
            "no-progress",
            "not-attainable",
        ]
        for status in statuses:
            assert api.add_goal(world.me, plan["id"], status=status).status_code == 201

    def test_a_statement_of_1000_characters_fits(self, api, world, plan):
        assert api.add_goal(world.me, plan["id"], statement="x" * 1000).status_code == 201

    def test_required_fields_cannot_be_nulled_but_the_target_date_can(self, api, world, plan):
        goal = api.added_goal(world.me, plan["id"], target_date="2027-01-01")
        etag = api.goal(world.me, goal["id"]).headers["etag"]
        for field in ("statement", "dimension", "status"):
            assert api.patch_goal(world.me, goal["id"], etag, **{field: None}).status_code == 422
        cleared = api.patch_goal(world.me, goal["id"], etag, target_date=None)
        assert cleared.status_code == 200
        assert cleared.json()["target_date"] is None

    def test_a_goal_can_move_to_another_dimension(self, api, world, plan):
        goal = api.added_goal(world.me, plan["id"], dimension="health")
        etag = api.goal(world.me, goal["id"]).headers["etag"]
        moved = api.patch_goal(world.me, goal["id"], etag, dimension="purpose").json()
        assert moved["dimension"] == "purpose"
        progress = api.plan(world.me, plan["id"]).json()["progress"]
        assert (progress["health"]["goals"], progress["purpose"]["goals"]) == (0, 1)


class TestGoalConcurrency:
    def test_patch_without_if_match_is_428(self, api, world, plan):
        goal = api.added_goal(world.me, plan["id"])
        assert api.patch_goal(world.me, goal["id"], None, statement="x").status_code == 428

    def test_patch_with_a_stale_etag_is_412(self, api, world, plan):
        goal = api.added_goal(world.me, plan["id"])
        etag = api.goal(world.me, goal["id"]).headers["etag"]
        assert api.patch_goal(world.specialist, goal["id"], etag, statement="A").status_code == 200
        assert api.patch_goal(world.me, goal["id"], etag, statement="B").status_code == 412
        assert api.goal(world.me, goal["id"]).json()["statement"] == "A"

    def test_agreeing_changes_the_etag(self, api, world, plan):
        goal = api.added_goal(world.specialist, plan["id"])
        before = api.goal(world.me, goal["id"]).headers["etag"]
        after = api.agree(world.me, goal["id"]).headers["etag"]
        assert before != after


class TestListingGoals:
    def test_goals_are_listed_oldest_first_with_their_steps(self, api, world, plan):
        first = api.added_goal(world.me, plan["id"], statement="First")
        api.added_step(world.me, first["id"], description="Begin")
        api.added_goal(world.me, plan["id"], statement="Second")
        items = api.goals(world.specialist, plan["id"]).json()["items"]
        assert [g["statement"] for g in items] == ["First", "Second"]
        assert [s["description"] for s in items[0]["steps"]] == ["Begin"]
        assert items[1]["steps"] == []

    def test_goals_filter_by_dimension(self, api, world, plan):
        api.added_goal(world.me, plan["id"], dimension="home", statement="Lease")
        api.added_goal(world.me, plan["id"], dimension="health", statement="Walk")
        items = api.goals(world.me, plan["id"], dimension="home").json()["items"]
        assert [g["statement"] for g in items] == ["Lease"]

    def test_goal_pages_walk_every_goal_once(self, api, world, plan):
        for i in range(5):
            api.added_goal(world.me, plan["id"], statement=f"Goal {i}")
        seen: list[str] = []
        cursor = None
        while True:
            params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
            page = api.goals(world.me, plan["id"], **params).json()
            seen += [g["statement"] for g in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == [f"Goal {i}" for i in range(5)]

    def test_an_unknown_goal_is_404(self, api, world):
        response = api.goal(world.supervisor, str(uuid.uuid4()))
        assert response.status_code == 404
        assert response.json()["detail"] == "Goal not found."


def test_a_goal_belongs_to_the_participant_of_its_plan(api, db, world, plan):
    goal = api.added_goal(world.specialist, plan["id"])
    stored = db.get(Goal, uuid.UUID(goal["id"]))
    assert stored is not None
    assert stored.participant_id == world.matched.id
    assert stored.created_by_user_id == world.specialist.id
