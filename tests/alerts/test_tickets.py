"""One-time tickets for opening the alert stream from a browser's EventSource."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from threading import Barrier

import pytest
from sqlalchemy import select, update

from app.alerts.models import AlertStreamTicket
from app.core.audit import AuditEvent
from app.core.base import utcnow
from app.core.security import digest_token
from tests.alerts.conftest import API
from tests.alerts.live import live_app


def issue(client, world, user):
    response = client.post(f"{API}/alerts/stream-ticket", headers=world.headers(user))
    assert response.status_code == 201, response.text
    return response.json()


def open_with(client, ticket) -> tuple[int, str]:
    """The status of opening the stream with ``ticket`` (closing it again at once)."""
    with client.stream("GET", f"{API}/alerts/stream?ticket={ticket}") as response:
        return int(response.status_code), str(response.headers["content-type"])


def test_a_ticket_is_issued_for_a_minute_and_stored_as_a_digest(client, db, world):
    before = utcnow()
    body = issue(client, world, world.specialist)
    assert len(body["ticket"]) >= 40
    [stored] = db.scalars(
        select(AlertStreamTicket).where(AlertStreamTicket.user_id == world.specialist.id)
    )
    assert stored.token_digest == digest_token(body["ticket"])
    assert body["ticket"] not in (stored.token_digest, str(stored.id))
    lifetime = stored.expires_at - before
    assert timedelta(seconds=55) <= lifetime <= timedelta(seconds=65)


def test_a_ticket_opens_the_stream_once(client, db, world):
    ticket = issue(client, world, world.supervisor)["ticket"]
    status, content_type = open_with(client, ticket)
    assert status == 200
    assert content_type.startswith("text/event-stream")
    status, content_type = open_with(client, ticket)
    assert status == 401
    assert content_type == "application/problem+json"
    # Who opened it is on record.
    rows = db.scalars(
        select(AuditEvent).where(
            AuditEvent.action == "stream_alerts", AuditEvent.actor_id == world.supervisor.id
        )
    ).all()
    assert [row.outcome for row in rows] == ["success"]


def test_an_expired_ticket_is_refused(client, db, world):
    ticket = issue(client, world, world.specialist)["ticket"]
    db.execute(
        update(AlertStreamTicket)
        .where(AlertStreamTicket.token_digest == digest_token(ticket))
        .values(expires_at=utcnow() - timedelta(seconds=1))
    )
    db.commit()
    assert open_with(client, ticket)[0] == 401


def test_an_unknown_ticket_is_refused(client):
    assert open_with(client, "made-up-ticket")[0] == 401


def test_no_credentials_at_all_is_refused(client):
    response = client.get(f"{API}/alerts/stream")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_the_ticket_of_a_deactivated_account_is_refused(client, db, world):
    ticket = issue(client, world, world.specialist)["ticket"]
    world.specialist.is_active = False
    db.commit()
    assert open_with(client, ticket)[0] == 401


@pytest.mark.parametrize("caller", ["admin", "me"])
def test_roles_without_alerts_get_no_ticket(client, world, caller):
    response = client.post(
        f"{API}/alerts/stream-ticket", headers=world.headers(getattr(world, caller))
    )
    assert response.status_code == 403


def test_asking_again_clears_the_callers_spent_tickets(client, db, world):
    first = issue(client, world, world.specialist)["ticket"]
    db.execute(
        update(AlertStreamTicket)
        .where(AlertStreamTicket.token_digest == digest_token(first))
        .values(expires_at=utcnow() - timedelta(minutes=1))
    )
    db.commit()
    issue(client, world, world.specialist)
    digests = db.scalars(
        select(AlertStreamTicket.token_digest).where(
            AlertStreamTicket.user_id == world.specialist.id
        )
    ).all()
    assert digest_token(first) not in digests
    assert len(digests) == 1


@pytest.mark.postgres
def test_concurrent_uses_of_one_ticket_open_one_stream(tmp_path):
    tries = 8
    with live_app(tmp_path) as live:
        ticket = issue(live.client, live.world, live.world.supervisor)["ticket"]
        barrier = Barrier(tries)

        def use(_: int) -> int:
            barrier.wait(timeout=30)
            return open_with(live.client, ticket)[0]

        with ThreadPoolExecutor(max_workers=tries) as pool:
            statuses = sorted(pool.map(use, range(tries)))
    assert statuses == [200] + [401] * (tries - 1)
