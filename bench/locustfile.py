"""The load benchmark's simulated clients (run by ``bench/load.py``, not on their own).

Locust drives the mixed phase and the soak, whose clients take several steps. The minimal
and list phases run on wrk (``bench/wrk.lua``), which costs the shared machine far less
CPU per request; ``bench/load.py --client locust`` runs them with ``MinimalUser`` and
``ListUser`` here instead, for comparison.

``bench/load.py`` signs every simulated account in once and passes the tokens and the ids
each client needs in a JSON file (``BENCH_PLAN``). Every answer is appended as one line
(finish time, name, milliseconds, failed) to ``BENCH_SAMPLES``: the driver computes
throughput and percentiles from these raw samples, not from Locust's rounded ones.

- ``MinimalUser``: the liveness probe, the cheapest answer the stack can give.
- ``ListUser``: a specialist's participant list, nothing else.
- ``SpecialistUser`` and ``ParticipantUser``: the mixed workload. Each specialist client
  acts as a specialist of its own, so no two clients edit the same plan at once and a 412
  would be a real fault.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import time
import uuid
from typing import Any

from locust import FastHttpUser, between, events, task

PLAN: dict[str, Any] = json.loads(open(os.environ["BENCH_PLAN"]).read())  # noqa: SIM115
API = "/api/v1"
# The mixed workload's pause between tasks, on average (the soak's clients pause; the
# benchmark's do not).
THINK = float(os.environ.get("BENCH_THINK", "0"))

_samples = open(os.environ["BENCH_SAMPLES"], "a", buffering=1 << 16)  # noqa: SIM115
_specialists = itertools.count()
_participants = itertools.count()


@events.request.add_listener  # type: ignore[untyped-decorator]
def _record(name: str, response_time: float, exception: Any, **_: Any) -> None:
    _samples.write(f"{time.time():.4f},{name},{response_time:.2f},{int(exception is not None)}\n")


@events.quitting.add_listener  # type: ignore[untyped-decorator]
def _flush(**_: Any) -> None:
    _samples.flush()


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class MinimalUser(FastHttpUser):
    @task
    def health(self) -> None:
        self.client.get(f"{API}/health", name="minimal: /health")


class ListUser(FastHttpUser):
    def on_start(self) -> None:
        specialists = PLAN["specialists"]
        self.headers = _bearer(specialists[next(_specialists) % len(specialists)]["token"])

    @task
    def participant_list(self) -> None:
        self.client.get(f"{API}/participants", headers=self.headers, name="list: /participants")


class SpecialistUser(FastHttpUser):
    weight = 2
    wait_time = between(0, 2 * THINK)

    def on_start(self) -> None:
        specialists = PLAN["specialists"]
        me = specialists[next(_specialists) % len(specialists)]
        self.headers = _bearer(me["token"])
        self.caseload = me["caseload"]

    @task(3)
    def caseload_view(self) -> None:
        self.client.get(f"{API}/caseload", headers=self.headers, name="specialist: /caseload")

    @task(3)
    def participant_list(self) -> None:
        self.client.get(
            f"{API}/participants", headers=self.headers, name="specialist: /participants"
        )

    @task(4)
    def participant_page(self) -> None:
        # What the participant page loads: the profile, its plans, the active plan, the
        # latest check-ins and their trend.
        participant = random.choice(self.caseload)
        base = f"{API}/participants/{participant['id']}"
        self.client.get(base, headers=self.headers, name="specialist: /participants/{id}")
        response = self.client.get(
            f"{base}/plans", headers=self.headers, name="specialist: /participants/{id}/plans"
        )
        items = response.json()["items"] if response.status_code == 200 else []
        if items:
            self.client.get(
                f"{API}/plans/{items[0]['id']}",
                headers=self.headers,
                name="specialist: /plans/{id}",
            )
        self.client.get(
            f"{base}/check-ins",
            headers=self.headers,
            name="specialist: /participants/{id}/check-ins",
        )
        self.client.get(
            f"{base}/check-ins/trend?days=30",
            headers=self.headers,
            name="specialist: /participants/{id}/check-ins/trend",
        )

    @task(1)
    def plan_edit(self) -> None:
        participant = random.choice(self.caseload)
        path = f"{API}/plans/{participant['plan_id']}"
        response = self.client.get(path, headers=self.headers, name="specialist: /plans/{id}")
        etag = response.headers.get("ETag") if response.headers else None
        if response.status_code != 200 or etag is None:
            return
        strengths = response.json()["strengths"]
        strengths = [*strengths[-4:], f"strength {random.randint(1, 10**6)}"]
        self.client.patch(
            path,
            json={"strengths": strengths},
            headers={**self.headers, "If-Match": etag},
            name="specialist: PATCH /plans/{id}",
        )


class ParticipantUser(FastHttpUser):
    weight = 3
    wait_time = between(0, 2 * THINK)

    def on_start(self) -> None:
        participants = PLAN["participants"]
        me = participants[next(_participants) % len(participants)]
        self.headers = _bearer(me["token"])
        self.base = f"{API}/participants/{me['id']}"
        self.plan = f"{API}/plans/{me['plan_id']}"

    @task(2)
    def own_profile(self) -> None:
        self.client.get(self.base, headers=self.headers, name="participant: /participants/{id}")

    @task(2)
    def own_check_ins(self) -> None:
        self.client.get(
            f"{self.base}/check-ins",
            headers=self.headers,
            name="participant: /participants/{id}/check-ins",
        )

    @task(2)
    def own_plan(self) -> None:
        self.client.get(self.plan, headers=self.headers, name="participant: /plans/{id}")

    @task(1)
    def own_trend(self) -> None:
        self.client.get(
            f"{self.base}/check-ins/trend?days=30",
            headers=self.headers,
            name="participant: /participants/{id}/check-ins/trend",
        )

    @task(2)
    def check_in(self) -> None:
        # Answers that stay below "high": a benchmark should not page anyone's supervisor.
        self.client.post(
            f"{self.base}/check-ins",
            json={
                "mood": random.randint(3, 5),
                "craving": random.randint(0, 3),
                "used_since_last": False,
                "sleep_hours": random.choice([6.5, 7.0, 8.0]),
            },
            headers={**self.headers, "Idempotency-Key": uuid.uuid4().hex},
            name="participant: POST /participants/{id}/check-ins",
        )
