"""The peer match lifecycle: propose, accept, decline, end, ask for a change; who may."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from app.matching.models import PeerMatch
from app.specialists.models import Specialist
from tests.factories import make_match, make_participant, make_user, specialist_profile


def matches_url(participant) -> str:
    return f"/api/v1/participants/{participant.id}/matches"


def caseload(db, user) -> int:
    db.expire_all()
    return specialist_profile(db, user).active_caseload


def propose(client, world, participant, specialist_user, caller=None):
    return client.post(
        matches_url(participant),
        json={"specialist_id": str(specialist_profile_id(world, specialist_user))},
        headers=world.headers(caller or world.supervisor),
    )


def specialist_profile_id(world, user):
    return world._profiles[user.id]


@pytest.fixture
def w(world, db):
    world._profiles = {
        u.id: specialist_profile(db, u).id
        for u in (world.specialist, world.other_specialist, world.other_org_specialist)
    }
    return world


# -- propose -----------------------------------------------------------------------------


def test_a_supervisor_proposes_and_the_proposal_holds_no_place(client, w, db):
    response = propose(client, w, w.taken_in, w.other_specialist)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "proposed"
    assert body["specialist_name"] == "Robin Peer"
    assert body["proposed_by_user_id"] == str(w.supervisor.id)
    assert body["activated_at"] is None
    assert body["explanation"] == []
    assert response.headers["Location"] == f"/api/v1/matches/{body['id']}"
    assert caseload(db, w.other_specialist) == 0


def test_a_specialist_proposes_for_a_participant_it_can_read(client, w):
    response = propose(client, w, w.taken_in, w.specialist, caller=w.other_specialist)
    assert response.status_code == 201, response.text


def test_admin_and_participant_may_not_propose(client, w):
    assert propose(client, w, w.matched, w.other_specialist, caller=w.admin).status_code == 403
    assert propose(client, w, w.matched, w.other_specialist, caller=w.me).status_code == 403


def test_proposing_for_an_unreadable_participant_is_not_found(client, w):
    # The specialist cannot see a participant taken in by someone else.
    assert propose(client, w, w.taken_in, w.specialist, caller=w.specialist).status_code == 404
    assert (
        propose(client, w, w.matched, w.other_specialist, caller=w.other_supervisor).status_code
        == 404
    )


def test_a_specialist_of_another_organisation_cannot_be_proposed(client, w):
    response = propose(client, w, w.taken_in, w.other_org_specialist)
    assert response.status_code == 422


def test_a_deactivated_specialist_cannot_be_proposed(client, w, db):
    w.other_specialist.is_active = False
    db.commit()
    assert propose(client, w, w.taken_in, w.other_specialist).status_code == 422


def test_a_duplicate_open_proposal_conflicts(client, w):
    assert propose(client, w, w.taken_in, w.other_specialist).status_code == 201
    assert propose(client, w, w.taken_in, w.other_specialist).status_code == 409
    # several proposals for different specialists are fine
    assert propose(client, w, w.taken_in, w.specialist).status_code == 201
    # and the active match's specialist is already open
    assert propose(client, w, w.matched, w.specialist).status_code == 409


# -- accept ------------------------------------------------------------------------------


def test_the_participant_accepts_and_takes_a_place(client, w, db):
    account = make_user(db, w.org, "participant", participant=w.taken_in)
    db.commit()
    match_id = propose(client, w, w.taken_in, w.other_specialist).json()["id"]
    response = client.post(f"/api/v1/matches/{match_id}/accept", headers=w.headers(account))
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "active"
    assert response.json()["activated_at"] is not None
    assert caseload(db, w.other_specialist) == 1
    again = client.post(f"/api/v1/matches/{match_id}/accept", headers=w.headers(account))
    assert again.status_code == 409
    assert caseload(db, w.other_specialist) == 1


def test_accepting_one_proposal_closes_the_others(client, w, db):
    account = make_user(db, w.org, "participant", participant=w.taken_in)
    db.commit()
    before = caseload(db, w.specialist)
    chosen = propose(client, w, w.taken_in, w.other_specialist).json()["id"]
    other = propose(client, w, w.taken_in, w.specialist).json()["id"]
    response = client.post(f"/api/v1/matches/{chosen}/accept", headers=w.headers(account))
    assert response.status_code == 200, response.text
    closed = client.get(f"/api/v1/matches/{other}", headers=w.headers(account)).json()
    assert closed["status"] == "declined"
    assert closed["decline_reason"] == "the participant chose another peer"
    late = client.post(f"/api/v1/matches/{other}/accept", headers=w.headers(account))
    assert late.status_code == 409
    assert caseload(db, w.specialist) == before


@pytest.mark.parametrize("caller", ["supervisor", "admin", "other_specialist"])
def test_only_the_participant_may_accept(client, w, db, caller):
    match_id = propose(client, w, w.taken_in, w.specialist).json()["id"]
    response = client.post(
        f"/api/v1/matches/{match_id}/accept", headers=w.headers(getattr(w, caller))
    )
    assert response.status_code == 403
    assert caseload(db, w.specialist) == 1  # only the world's match


def test_accept_refusals_for_callers_who_cannot_see_the_match(client, w, db):
    match_id = propose(client, w, w.taken_in, w.other_specialist).json()["id"]
    for caller in (w.me, w.specialist, w.other_admin, w.other_org_specialist):
        response = client.post(f"/api/v1/matches/{match_id}/accept", headers=w.headers(caller))
        assert response.status_code == 404, caller.role
        assert client.get(f"/api/v1/matches/{match_id}", headers=w.headers(caller)).status_code == (
            404
        )


def test_accepting_beyond_capacity_conflicts(client, w, db):
    account = make_user(db, w.org, "participant", participant=w.taken_in)
    profile = specialist_profile(db, w.specialist)
    profile.max_caseload = 1  # the world's match fills it
    db.commit()
    match_id = propose(client, w, w.taken_in, w.specialist).json()["id"]
    response = client.post(f"/api/v1/matches/{match_id}/accept", headers=w.headers(account))
    assert response.status_code == 409
    assert response.json()["detail"] == "This specialist has no space right now."
    assert caseload(db, w.specialist) == 1
    match = db.get(PeerMatch, uuid.UUID(match_id))
    assert match is not None
    assert match.status == "proposed"


def test_a_specialist_not_accepting_new_has_no_space(client, w, db):
    account = make_user(db, w.org, "participant", participant=w.taken_in)
    specialist_profile(db, w.other_specialist).accepting_new = False
    db.commit()
    match_id = propose(client, w, w.taken_in, w.other_specialist).json()["id"]
    response = client.post(f"/api/v1/matches/{match_id}/accept", headers=w.headers(account))
    assert response.status_code == 409
    assert caseload(db, w.other_specialist) == 0


def test_accepting_a_new_match_ends_the_active_one(client, w, db):
    match_id = propose(client, w, w.matched, w.other_specialist).json()["id"]
    response = client.post(f"/api/v1/matches/{match_id}/accept", headers=w.headers(w.me))
    assert response.status_code == 200, response.text
    assert caseload(db, w.specialist) == 0
    assert caseload(db, w.other_specialist) == 1
    history = client.get(matches_url(w.matched), headers=w.headers(w.me)).json()["items"]
    assert [m["status"] for m in history] == ["active", "ended"]
    assert history[1]["end_reason"] == "re-matched"
    assert history[1]["ended_by_user_id"] == str(w.me.id)
    # the previous specialist lost access
    assert (
        client.get(
            f"/api/v1/participants/{w.matched.id}", headers=w.headers(w.specialist)
        ).status_code
        == 404
    )


# -- decline -----------------------------------------------------------------------------


def test_the_participant_declines_a_proposal(client, w, db):
    match_id = propose(client, w, w.matched, w.other_specialist).json()["id"]
    response = client.post(
        f"/api/v1/matches/{match_id}/decline",
        json={"reason": "I'd like someone closer to home."},
        headers=w.headers(w.me),
    )
    assert response.status_code == 200
    assert response.json()["status"] == "declined"
    assert response.json()["decline_reason"] == "I'd like someone closer to home."
    assert response.json()["declined_at"] is not None
    again = client.post(f"/api/v1/matches/{match_id}/decline", headers=w.headers(w.me))
    assert again.status_code == 409
    accept = client.post(f"/api/v1/matches/{match_id}/accept", headers=w.headers(w.me))
    assert accept.status_code == 409


def test_only_the_participant_may_decline(client, w):
    match_id = propose(client, w, w.matched, w.other_specialist).json()["id"]
    for caller in (w.supervisor, w.admin, w.specialist):
        response = client.post(f"/api/v1/matches/{match_id}/decline", headers=w.headers(caller))
        assert response.status_code == 403
    response = client.post(f"/api/v1/matches/{match_id}/decline", headers=w.headers(w.other_admin))
    assert response.status_code == 404


def test_an_active_match_cannot_be_declined(client, w, db):
    match = db.scalar(select(PeerMatch).where(PeerMatch.participant_id == w.matched.id))
    response = client.post(f"/api/v1/matches/{match.id}/decline", headers=w.headers(w.me))
    assert response.status_code == 409


# -- end ---------------------------------------------------------------------------------


def active_match(db, participant):
    match = db.scalar(
        select(PeerMatch).where(
            PeerMatch.participant_id == participant.id, PeerMatch.status == "active"
        )
    )
    assert match is not None
    return match


@pytest.mark.parametrize("caller", ["me", "specialist", "supervisor"])
def test_ending_frees_the_place_and_takes_the_specialists_access_away(client, w, db, caller):
    match = active_match(db, w.matched)
    participant_url = f"/api/v1/participants/{w.matched.id}"
    assert client.get(participant_url, headers=w.headers(w.specialist)).status_code == 200
    response = client.post(
        f"/api/v1/matches/{match.id}/end",
        json={"reason": "We agreed to close the match."},
        headers=w.headers(getattr(w, caller)),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "ended"
    assert body["end_reason"] == "We agreed to close the match."
    assert body["ended_by_user_id"] == str(getattr(w, caller).id)
    assert caseload(db, w.specialist) == 0
    assert client.get(participant_url, headers=w.headers(w.specialist)).status_code == 404
    assert (
        client.get(f"/api/v1/matches/{match.id}", headers=w.headers(w.specialist)).status_code
        == 404
    )
    again = client.post(
        f"/api/v1/matches/{match.id}/end", json={"reason": "again"}, headers=w.headers(w.me)
    )
    assert again.status_code == 409


def test_ending_needs_a_reason(client, w, db):
    match = active_match(db, w.matched)
    for body in ({}, {"reason": ""}, {"reason": "x" * 2001}):
        response = client.post(
            f"/api/v1/matches/{match.id}/end", json=body, headers=w.headers(w.me)
        )
        assert response.status_code == 422
    assert caseload(db, w.specialist) == 1


def test_who_may_not_end_a_match(client, w, db):
    match = active_match(db, w.matched)
    url = f"/api/v1/matches/{match.id}/end"
    body = {"reason": "no"}
    assert client.post(url, json=body, headers=w.headers(w.admin)).status_code == 403
    for caller in (w.other_specialist, w.other_supervisor, w.other_org_specialist):
        assert client.post(url, json=body, headers=w.headers(caller)).status_code == 404
    # a specialist who can see the participant through its own proposal is not the matched one
    assert propose(client, w, w.matched, w.other_specialist).status_code == 201
    assert client.post(url, json=body, headers=w.headers(w.other_specialist)).status_code == 403
    assert caseload(db, w.specialist) == 1


def test_ending_a_proposal_leaves_the_counter_alone(client, w, db):
    match_id = propose(client, w, w.matched, w.other_specialist).json()["id"]
    response = client.post(
        f"/api/v1/matches/{match_id}/end",
        json={"reason": "not now"},
        headers=w.headers(w.supervisor),
    )
    assert response.status_code == 200
    assert response.json()["status"] == "ended"
    assert caseload(db, w.other_specialist) == 0
    assert caseload(db, w.specialist) == 1


# -- request a change ---------------------------------------------------------------------


def test_the_participant_asks_for_a_different_match(client, w, db):
    url = f"{matches_url(w.matched)}/request-change"
    response = client.post(url, json={"reason": "We don't click."}, headers=w.headers(w.me))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "ended"
    assert body["end_reason"] == "participant asked for a different match: We don't click."
    assert caseload(db, w.specialist) == 0
    assert client.post(url, headers=w.headers(w.me)).status_code == 409


def test_a_change_request_without_a_reason(client, w, db):
    response = client.post(f"{matches_url(w.matched)}/request-change", headers=w.headers(w.me))
    assert response.status_code == 200
    assert response.json()["end_reason"] == "participant asked for a different match"


def test_only_the_participant_may_ask_for_a_change(client, w, db):
    url = f"{matches_url(w.matched)}/request-change"
    for caller in (w.supervisor, w.specialist, w.admin):
        assert client.post(url, headers=w.headers(caller)).status_code == 403
    for caller in (w.other_specialist, w.other_admin):
        assert client.post(url, headers=w.headers(caller)).status_code == 404
    assert caseload(db, w.specialist) == 1


# -- reading -----------------------------------------------------------------------------


def test_history_is_newest_first_and_paged(client, w, db):
    for user in (w.other_specialist,):
        propose(client, w, w.matched, user)
    extra = make_user(db, w.org, "specialist", name="Quinn Peer")
    db.commit()
    w._profiles[extra.id] = specialist_profile(db, extra).id
    newest = propose(client, w, w.matched, extra).json()
    first = client.get(matches_url(w.matched), params={"limit": 2}, headers=w.headers(w.me))
    assert first.status_code == 200
    page = first.json()
    assert page["items"][0]["id"] == newest["id"]
    assert page["next_cursor"] is not None
    rest = client.get(
        matches_url(w.matched),
        params={"limit": 2, "cursor": page["next_cursor"]},
        headers=w.headers(w.me),
    ).json()
    assert len(rest["items"]) == 1
    assert rest["next_cursor"] is None
    assert rest["items"][0]["status"] == "active"


def test_reading_a_match(client, w, db):
    match = active_match(db, w.matched)
    for caller in (w.me, w.specialist, w.supervisor, w.admin):
        response = client.get(f"/api/v1/matches/{match.id}", headers=w.headers(caller))
        assert response.status_code == 200
        assert response.json()["specialist_name"] == "Pat Peer"
    for caller in (w.other_specialist, w.other_admin, w.other_supervisor):
        assert (
            client.get(f"/api/v1/matches/{match.id}", headers=w.headers(caller)).status_code == 404
        )
        assert client.get(matches_url(w.matched), headers=w.headers(caller)).status_code == 404


# -- withdrawal and consent revocation -----------------------------------------------------


def test_withdrawal_frees_the_specialists_place(client, w, db):
    response = client.post(
        f"/api/v1/participants/{w.matched.id}/withdraw",
        json={"reason": "Moving away."},
        headers=w.headers(w.supervisor),
    )
    assert response.status_code == 200, response.text
    assert caseload(db, w.specialist) == 0
    assert active_match_count(db, w.specialist) == 0


def active_match_count(db, user) -> int:
    profile_id = specialist_profile(db, user).id
    return len(
        db.scalars(
            select(PeerMatch.id).where(
                PeerMatch.specialist_id == profile_id, PeerMatch.status == "active"
            )
        ).all()
    )


def test_factory_matches_keep_the_counter(db, world):
    participant = make_participant(db, world.org, preferred_name="Kim")
    make_match(db, participant, world.other_specialist)
    make_match(db, make_participant(db, world.org), world.other_specialist, status="proposed")
    db.expire_all()
    profile = db.scalar(select(Specialist).where(Specialist.user_id == world.other_specialist.id))
    assert profile is not None
    assert profile.active_caseload == 1


def test_revoking_the_enrolment_consent_frees_the_place(client, w, db):
    from app.consents.models import Consent

    consent = db.scalar(
        select(Consent).where(Consent.participant_id == w.matched.id, Consent.kind == "enrolment")
    )
    assert consent is not None
    response = client.post(
        f"/api/v1/consents/{consent.id}/revoke", json={}, headers=w.headers(w.supervisor)
    )
    assert response.status_code == 200, response.text
    assert caseload(db, w.specialist) == 0
    assert active_match_count(db, w.specialist) == 0
