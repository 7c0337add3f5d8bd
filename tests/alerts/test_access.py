"""Who may see and act on alerts: every alert route, walked, for every caller who must be
refused. Roles that never handle alerts get 403; staff who may not see an alert get 404
(never revealing that it exists) and never find it in a list."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.routing import APIRoute

from app.alerts import access
from app.alerts.models import Alert
from app.alerts.router import router
from app.core.security import Principal
from tests.alerts.conftest import API, make_alert
from tests.factories import make_match


def alert_routes() -> Iterator[tuple[str, str]]:
    """Every operation of the alerts router: new routes are covered as they come."""
    for route in router.routes:
        assert isinstance(route, APIRoute)
        for method in sorted((route.methods or set()) - {"HEAD", "OPTIONS"}):
            yield method, route.path_format


ROUTES = list(alert_routes())
ONE_ALERT = [(m, p) for m, p in ROUTES if "{alert_id}" in p]


def call(client, world, method, path, alert, caller):
    url = API + path.replace("{alert_id}", str(alert.id))
    body = {"note": "Checked in with them."} if path.endswith("/resolve") else None
    return client.request(method, url, json=body, headers=world.headers(caller))


def test_the_walk_finds_every_alert_route():
    assert set(ROUTES) == {
        ("GET", "/alerts"),
        ("POST", "/alerts/stream-ticket"),
        ("GET", "/alerts/stream"),
        ("GET", "/alerts/{alert_id}"),
        ("POST", "/alerts/{alert_id}/acknowledge"),
        ("POST", "/alerts/{alert_id}/resolve"),
    }


def test_fixed_paths_come_before_the_alert_id_path():
    paths = [route.path_format for route in router.routes if isinstance(route, APIRoute)]
    assert paths.index("/alerts/stream") < paths.index("/alerts/{alert_id}")
    assert paths.index("/alerts/stream-ticket") < paths.index("/alerts/{alert_id}")


# Roles that never handle alerts, whichever organisation they belong to.
NEVER = ["me", "admin", "other_admin"]


@pytest.mark.parametrize("caller", NEVER)
def test_admins_and_participants_are_refused_on_every_alert_route(client, world, alert, caller):
    for method, path in ROUTES:
        response = call(client, world, method, path, alert, getattr(world, caller))
        assert response.status_code == 403, f"{caller}: {method} {path} -> {response.status_code}"
        assert response.headers["content-type"] == "application/problem+json"


# Staff who handle alerts, but not this one.
CANNOT_SEE = ["other_supervisor", "other_specialist", "other_org_specialist"]


@pytest.mark.parametrize("caller", CANNOT_SEE)
def test_staff_who_may_not_see_an_alert_cannot_reach_it(client, db, world, alert, caller):
    user = getattr(world, caller)
    for method, path in ONE_ALERT:
        response = call(client, world, method, path, alert, user)
        assert response.status_code == 404, f"{caller}: {method} {path} -> {response.status_code}"
    listed = client.get(f"{API}/alerts", headers=world.headers(user)).json()["items"]
    assert str(alert.id) not in [item["id"] for item in listed]
    by_participant = client.get(
        f"{API}/alerts?participant_id={world.matched.id}", headers=world.headers(user)
    ).json()["items"]
    assert by_participant == []
    db.refresh(alert)
    assert alert.status == "open"


def test_a_specialist_does_not_see_the_supervisors_alerts(client, db, world):
    """An alert for a participant the specialist may read, but assigned to the supervisors
    (raised before the match): the specialist's list stays its own."""
    unassigned = make_alert(db, world.matched)
    db.commit()
    response = client.get(f"{API}/alerts/{unassigned.id}", headers=world.headers(world.specialist))
    assert response.status_code == 404
    response = client.get(f"{API}/alerts/{unassigned.id}", headers=world.headers(world.supervisor))
    assert response.status_code == 200


def principal(user) -> Principal:
    return Principal(
        user_id=user.id,
        role=user.role,
        organisation_id=user.organisation_id,
        participant_id=user.participant_id,
    )


def test_the_stream_rule_and_the_list_rule_agree(db, world):
    """``may_read`` (one alert, the stream) decides exactly as ``readable_alerts`` (lists)."""
    make_match(db, world.taken_in, world.other_specialist, status="proposed")
    alerts = [
        make_alert(db, world.matched, assignee=world.specialist),
        make_alert(db, world.matched),
        make_alert(db, world.taken_in, assignee=world.other_specialist),
        make_alert(db, world.taken_in, assignee=world.specialist),
        make_alert(db, world.stranger, assignee=world.other_org_specialist),
        make_alert(db, world.stranger),
    ]
    users = [
        world.admin,
        world.supervisor,
        world.specialist,
        world.other_specialist,
        world.me,
        world.other_admin,
        world.other_supervisor,
        world.other_org_specialist,
    ]
    for user in users:
        who = principal(user)
        listed = set(db.scalars(access.readable_alerts(who).with_only_columns(Alert.id)))
        for alert in alerts:
            assert access.may_read(db=db, principal=who, alert=alert) == (alert.id in listed), (
                user.display_name,
                alert.id,
            )
    assert {
        a.id
        for a in alerts
        if access.may_read(db=db, principal=principal(world.supervisor), alert=a)
    } == {a.id for a in alerts[:4]}
