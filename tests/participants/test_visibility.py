"""Who sees which participant: one rule set, enforced on every participant-scoped route."""

from __future__ import annotations

import pytest
from fastapi.routing import iter_route_contexts

from app.core.security import Principal
from app.participants.access import readable_participants
from tests.factories import make_match, make_participant, make_user


def participant_routes(app):
    """Every operation whose path names a participant: new routes are covered as they come."""
    for route in iter_route_contexts(app.routes):
        if "{participant_id}" in (route.path or ""):
            for method in sorted((route.methods or set()) - {"HEAD", "OPTIONS"}):
                yield method, route.path


def call(client, method, path, participant_id, headers):
    url = path.replace("{participant_id}", str(participant_id))
    body: dict[str, str] | None = None if method == "GET" else {}
    return client.request(method, url, json=body, headers={**headers, "If-Match": "*"})


# (caller, target) pairs that must never get through, named for the failure they prevent.
FORBIDDEN = {
    "specialist_reads_another_specialists_participant": ("specialist", "taken_in"),
    "other_organisation_admin": ("other_admin", "matched"),
    "other_organisation_supervisor": ("other_supervisor", "matched"),
    "other_organisation_specialist": ("other_org_specialist", "matched"),
    "participant_reads_someone_else": ("me", "taken_in"),
    "participant_reads_another_organisation": ("me", "stranger"),
    "supervisor_reads_another_organisation": ("supervisor", "stranger"),
}


def test_the_walk_finds_the_participant_routes(app):
    assert len(list(participant_routes(app))) >= 5


@pytest.mark.parametrize("case", sorted(FORBIDDEN))
def test_forbidden_callers_are_refused_on_every_participant_route(app, client, world, case):
    caller_name, target_name = FORBIDDEN[case]
    caller, target = getattr(world, caller_name), getattr(world, target_name)
    for method, path in participant_routes(app):
        response = call(client, method, path, target.id, world.headers(caller))
        assert response.status_code in (403, 404), (
            f"{case}: {method} {path} -> {response.status_code}"
        )
        if method == "GET":
            # Reads never reveal that the record exists.
            assert response.status_code == 404, f"{case}: {method} {path}"


# Reads a role may never perform: a caller who may see the participant gets 403 (one who
# may not still gets 404 first).
ROLE_REFUSED_READS = {
    "/api/v1/participants/{participant_id}/match-suggestions": ("admin", "participant"),
}


@pytest.mark.parametrize(
    ("caller", "target"),
    [
        ("specialist", "matched"),
        ("other_specialist", "taken_in"),
        ("supervisor", "matched"),
        ("supervisor", "taken_in"),
        ("admin", "taken_in"),
        ("me", "matched"),
    ],
)
def test_allowed_callers_can_read(app, client, world, caller, target):
    participant = getattr(world, target)
    role = getattr(world, caller).role
    for method, path in participant_routes(app):
        # A path naming a second record (a plan version, say) needs that record: its own
        # tests cover it. Here every read of the participant itself must answer.
        if method == "GET" and path.count("{") == 1:
            response = call(
                client, method, path, participant.id, world.headers(getattr(world, caller))
            )
            expected = 403 if role in ROLE_REFUSED_READS.get(path, ()) else 200
            assert response.status_code == expected, f"{method} {path} -> {response.status_code}"


def _readable(db, principal_user):
    principal = Principal(
        user_id=principal_user.id,
        role=principal_user.role,
        organisation_id=principal_user.organisation_id,
        participant_id=principal_user.participant_id,
    )
    return {p.preferred_name for p in db.scalars(readable_participants(principal))}


def test_list_shows_each_role_only_what_it_may_see(client, world):
    def names(user):
        items = client.get("/api/v1/participants", headers=world.headers(user)).json()["items"]
        return {p["preferred_name"] for p in items}

    assert names(world.supervisor) == {"Zoë", "Jordan"}
    assert names(world.admin) == {"Zoë", "Jordan"}
    assert names(world.specialist) == {"Zoë"}
    assert names(world.other_specialist) == {"Jordan"}
    assert names(world.me) == {"Zoë"}
    assert names(world.other_supervisor) == {"Casey"}


class TestSpecialistRules:
    def test_a_proposed_match_gives_access(self, db, world):
        make_match(db, world.taken_in, world.specialist, status="proposed")
        assert _readable(db, world.specialist) == {"Zoë", "Jordan"}

    def test_ending_a_match_takes_access_away(self, db, world):
        newcomer = make_participant(db, world.org, preferred_name="Kai", intake_by=world.specialist)
        match = make_match(db, newcomer, world.specialist)
        assert "Kai" in _readable(db, world.specialist)
        match.status = "ended"
        db.flush()
        # Once matched, the intake link no longer grants access on its own.
        assert "Kai" not in _readable(db, world.specialist)

    def test_once_matched_elsewhere_the_intake_specialist_loses_access(self, db, world):
        make_match(db, world.taken_in, world.specialist)
        assert "Jordan" not in _readable(db, world.other_specialist)

    def test_a_declined_proposal_gives_no_access(self, db, world):
        make_match(db, world.taken_in, world.specialist, status="declined")
        assert "Jordan" not in _readable(db, world.specialist)

    def test_an_integrator_or_unknown_role_sees_nothing(self, db, world):
        principal = Principal(
            user_id=world.admin.id,
            role="integrator",  # type: ignore[arg-type]
            organisation_id=world.org.id,
        )
        assert list(db.scalars(readable_participants(principal))) == []

    def test_a_participant_account_without_a_link_sees_nothing(self, db, world):
        principal = Principal(user_id=world.me.id, role="participant", organisation_id=world.org.id)
        assert list(db.scalars(readable_participants(principal))) == []


def test_a_new_specialist_sees_nobody(db, world):
    newcomer = make_user(db, world.org, "specialist")
    assert _readable(db, newcomer) == set()
