"""Factories for plans, goals and steps, and a small API client for the plans routes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.core.base import utcnow
from app.participants.models import Participant
from app.plans.models import Goal, GoalStep, RecoveryPlan
from app.users.models import User
from tests.factories import World

API = "/api/v1"


def make_plan(
    db: Session,
    participant: Participant,
    *,
    status: str = "active",
    title: str | None = "My plan",
    strengths: list[str] | None = None,
) -> RecoveryPlan:
    plan = RecoveryPlan(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        status=status,
        title=title,
        strengths=strengths or [],
        barriers=[],
        archived_at=utcnow() if status == "archived" else None,
    )
    db.add(plan)
    db.flush()
    return plan


def make_goal(
    db: Session,
    plan: RecoveryPlan,
    *,
    dimension: str = "health",
    status: str = "in-progress",
    agreed: bool = True,
    statement: str = "Sleep through the night",
    target_date: date | None = None,
) -> Goal:
    goal = Goal(
        plan_id=plan.id,
        participant_id=plan.participant_id,
        dimension=dimension,
        statement=statement,
        status=status,
        target_date=target_date,
        agreed_by_participant_at=utcnow() if agreed else None,
    )
    db.add(goal)
    db.flush()
    return goal


def make_step(
    db: Session, goal: Goal, *, done: bool = False, description: str = "Call the clinic"
) -> GoalStep:
    step = GoalStep(
        goal_id=goal.id,
        participant_id=goal.participant_id,
        description=description,
        done=done,
        done_at=utcnow() if done else None,
    )
    db.add(step)
    db.flush()
    return step


@dataclass
class PlansApi:
    """The plans routes, called as a given user; answers are httpx responses."""

    client: TestClient
    world: World

    def _headers(self, user: User, etag: str | None = None) -> dict[str, str]:
        headers = self.world.headers(user)
        if etag is not None:
            headers["If-Match"] = etag
        return headers

    def start_plan(self, user: User, participant: Participant, **body: Any) -> Any:
        return self.client.post(
            f"{API}/participants/{participant.id}/plans", json=body, headers=self._headers(user)
        )

    def plans(self, user: User, participant: Participant, **params: Any) -> Any:
        return self.client.get(
            f"{API}/participants/{participant.id}/plans",
            params=params,
            headers=self._headers(user),
        )

    def plan(self, user: User, plan_id: str) -> Any:
        return self.client.get(f"{API}/plans/{plan_id}", headers=self._headers(user))

    def patch_plan(self, user: User, plan_id: str, etag: str | None, **body: Any) -> Any:
        return self.client.patch(
            f"{API}/plans/{plan_id}", json=body, headers=self._headers(user, etag)
        )

    def add_goal(self, user: User, plan_id: str, **body: Any) -> Any:
        body = {"dimension": "health", "statement": "Walk every morning", **body}
        return self.client.post(
            f"{API}/plans/{plan_id}/goals", json=body, headers=self._headers(user)
        )

    def goals(self, user: User, plan_id: str, **params: Any) -> Any:
        return self.client.get(
            f"{API}/plans/{plan_id}/goals", params=params, headers=self._headers(user)
        )

    def goal(self, user: User, goal_id: str) -> Any:
        return self.client.get(f"{API}/goals/{goal_id}", headers=self._headers(user))

    def patch_goal(self, user: User, goal_id: str, etag: str | None, **body: Any) -> Any:
        return self.client.patch(
            f"{API}/goals/{goal_id}", json=body, headers=self._headers(user, etag)
        )

    def agree(self, user: User, goal_id: str, etag: str | None = None) -> Any:
        return self.client.post(f"{API}/goals/{goal_id}/agree", headers=self._headers(user, etag))

    def add_step(self, user: User, goal_id: str, **body: Any) -> Any:
        body = {"description": "Set an alarm", **body}
        return self.client.post(
            f"{API}/goals/{goal_id}/steps", json=body, headers=self._headers(user)
        )

    def steps(self, user: User, goal_id: str, **params: Any) -> Any:
        return self.client.get(
            f"{API}/goals/{goal_id}/steps", params=params, headers=self._headers(user)
        )

    def step(self, user: User, step_id: str) -> Any:
        return self.client.get(f"{API}/steps/{step_id}", headers=self._headers(user))

    def patch_step(self, user: User, step_id: str, etag: str | None, **body: Any) -> Any:
        return self.client.patch(
            f"{API}/steps/{step_id}", json=body, headers=self._headers(user, etag)
        )

    def delete_step(self, user: User, step_id: str) -> Any:
        return self.client.delete(f"{API}/steps/{step_id}", headers=self._headers(user))

    # Shortcuts that expect success and hand back the body.

    def started(self, user: User, participant: Participant, **body: Any) -> dict[str, Any]:
        response = self.start_plan(user, participant, **body)
        assert response.status_code == 201, response.text
        return dict(response.json())

    def added_goal(self, user: User, plan_id: str, **body: Any) -> dict[str, Any]:
        response = self.add_goal(user, plan_id, **body)
        assert response.status_code == 201, response.text
        return dict(response.json())

    def added_step(self, user: User, goal_id: str, **body: Any) -> dict[str, Any]:
        response = self.add_step(user, goal_id, **body)
        assert response.status_code == 201, response.text
        return dict(response.json())


@pytest.fixture
def api(client: TestClient, world: World) -> PlansApi:
    return PlansApi(client, world)
