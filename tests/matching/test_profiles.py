"""Specialist profiles: who reads and changes them, what a change may hold, and capacity."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from app.specialists.models import SpecialistLanguage
from tests.factories import make_match, make_participant, specialist_profile


def url(specialist):
    return f"/api/v1/specialists/{specialist.id}"


def read(client, world, caller, specialist):
    return client.get(url(specialist), headers=world.headers(caller))


def patch(client, world, caller, specialist, body, etag=None):
    if etag is None:
        etag = read(client, world, caller, specialist).headers["ETag"]
    return client.patch(
        url(specialist), json=body, headers={**world.headers(caller), "If-Match": etag}
    )


@pytest.mark.parametrize("caller", ["admin", "supervisor", "specialist", "other_specialist"])
def test_staff_of_the_organisation_read_a_profile_with_its_etag(client, world, db, caller):
    profile = specialist_profile(db, world.specialist)
    response = read(client, world, getattr(world, caller), profile)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["display_name"] == "Pat Peer"
    assert body["languages"] == ["en"]
    assert body["active_caseload"] == 1
    assert response.headers["ETag"].startswith('"')


@pytest.mark.parametrize("caller", ["other_admin", "other_supervisor", "other_org_specialist"])
def test_another_organisation_cannot_see_a_profile(client, world, db, caller):
    profile = specialist_profile(db, world.specialist)
    assert read(client, world, getattr(world, caller), profile).status_code == 404


def test_an_unknown_profile_is_not_found(client, world):
    response = client.get(f"/api/v1/specialists/{uuid.uuid4()}", headers=world.headers(world.admin))
    assert response.status_code == 404


def test_a_participant_may_not_read_profiles(client, world, db):
    assert (
        read(client, world, world.me, specialist_profile(db, world.specialist)).status_code == 403
    )


FULL_PROFILE = {
    "substances": ["opioids", "alcohol"],
    "recovery_pathways": ["moud_buprenorphine", "mutual_aid_12_step"],
    "moud_affirming": True,
    "languages": ["es", "en"],
    "gender": "woman",
    "birth_decade": 1980,
    "faith": "secular",
    "veteran": True,
    "justice_involved": True,
    "lgbtq_affirming": True,
    "region": "North County",
    "max_caseload": 12,
    "accepting_new": False,
}


def test_a_specialist_writes_its_own_profile(client, world, db):
    profile = specialist_profile(db, world.specialist)
    before = read(client, world, world.specialist, profile).headers["ETag"]
    response = patch(client, world, world.specialist, profile, FULL_PROFILE, etag=before)
    assert response.status_code == 200, response.text
    assert {k: response.json()[k] for k in FULL_PROFILE} == FULL_PROFILE
    assert response.headers["ETag"] != before
    rows = db.scalars(
        select(SpecialistLanguage.language).where(SpecialistLanguage.specialist_id == profile.id)
    ).all()
    assert sorted(rows) == ["en", "es"]
    listed = client.get("/api/v1/specialists", headers=world.headers(world.admin)).json()
    mine = next(s for s in listed["items"] if s["id"] == str(profile.id))
    assert mine["region"] == "North County"


@pytest.mark.parametrize("caller", ["admin", "supervisor"])
def test_admins_and_supervisors_change_any_profile_of_their_organisation(client, world, db, caller):
    profile = specialist_profile(db, world.other_specialist)
    response = patch(client, world, getattr(world, caller), profile, {"accepting_new": False})
    assert response.status_code == 200, response.text
    assert response.json()["accepting_new"] is False


def test_a_specialist_may_not_change_another_specialists_profile(client, world, db):
    profile = specialist_profile(db, world.other_specialist)
    response = patch(client, world, world.specialist, profile, {"veteran": True})
    assert response.status_code == 403


def test_another_organisations_admin_cannot_change_a_profile(client, world, db):
    profile = specialist_profile(db, world.specialist)
    response = client.patch(
        url(profile),
        json={"veteran": True},
        headers={**world.headers(world.other_admin), "If-Match": "*"},
    )
    assert response.status_code == 404


def test_a_participant_may_not_change_a_profile(client, world, db):
    profile = specialist_profile(db, world.specialist)
    response = client.patch(
        url(profile), json={"veteran": True}, headers={**world.headers(world.me), "If-Match": "*"}
    )
    assert response.status_code == 403


def test_a_change_needs_the_current_etag(client, world, db):
    profile = specialist_profile(db, world.specialist)
    missing = client.patch(url(profile), json={"veteran": True}, headers=world.headers(world.admin))
    assert missing.status_code == 428
    stale = patch(client, world, world.admin, profile, {"veteran": True}, etag='"stale"')
    assert stale.status_code == 412


@pytest.mark.parametrize(
    "body",
    [
        {"languages": []},
        {"languages": ["English"]},
        {"birth_decade": 1975},
        {"birth_decade": 1910},
        {"birth_decade": 2020},
        {"max_caseload": 0},
        {"max_caseload": 101},
        {"faith": "spiritual"},
        {"substances": ["chocolate"]},
        {"recovery_pathways": ["willpower"]},
        {"moud_affirming": None},
        {"accepting_new": None},
        {"nickname": "P"},
    ],
    ids=lambda body: "-".join(f"{k}={v}" for k, v in body.items()),
)
def test_an_invalid_change_is_refused(client, world, db, body):
    response = patch(client, world, world.admin, specialist_profile(db, world.specialist), body)
    assert response.status_code == 422, response.text


def test_nullable_fields_can_be_cleared(client, world, db):
    profile = specialist_profile(db, world.specialist)
    patch(client, world, world.admin, profile, {"gender": "man", "faith": "faith_based"})
    response = patch(client, world, world.admin, profile, {"gender": None, "faith": None})
    assert response.status_code == 200, response.text
    assert response.json()["gender"] is None
    assert response.json()["faith"] is None


def test_capacity_cannot_go_below_the_active_caseload(client, world, db):
    profile = specialist_profile(db, world.specialist)
    make_match(db, make_participant(db, world.org, preferred_name="Ari"), world.specialist)
    profile.active_caseload = 2
    db.commit()
    refused = patch(client, world, world.supervisor, profile, {"max_caseload": 1})
    assert refused.status_code == 409, refused.text
    allowed = patch(client, world, world.supervisor, profile, {"max_caseload": 2})
    assert allowed.status_code == 200, allowed.text
    assert allowed.json()["max_caseload"] == 2
