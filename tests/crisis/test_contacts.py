"""Crisis contacts: the matched specialist first, 988 always, phone numbers normalised,
the participant's say over who may be contacted, and who may change the list."""

from __future__ import annotations

import uuid

import pytest

from app.crisis.models import CrisisContact
from app.crisis.phones import normalise
from app.matching.models import PeerMatch
from tests.factories import make_participant, make_user, specialist_profile


def url(participant):
    return f"/api/v1/participants/{participant.id}/crisis-contacts"


def listed(client, world, participant, user=None):
    response = client.get(url(participant), headers=world.headers(user or world.specialist))
    assert response.status_code == 200, response.text
    return response.json()["items"]


def add(client, world, participant, user, **fields):
    body = {"kind": "family", "name": "Mum", "phone": "(503) 555-0142", **fields}
    return client.post(url(participant), json=body, headers=world.headers(user))


def test_the_matched_specialist_comes_first_and_988_is_always_there(client, world, db):
    profile = specialist_profile(db, world.specialist)
    profile.phone = "+15035550199"
    db.commit()
    items = listed(client, world, world.matched)
    assert [(i["kind"], i["name"], i["phone"]) for i in items] == [
        ("specialist", "Pat Peer", "+15035550199"),
        ("hotline", "988 Suicide & Crisis Lifeline", "988"),
    ]
    assert items[0]["managed_by_match"]
    assert items[0]["may_contact"]
    assert items[1]["is_lifeline"]
    assert [i["position"] for i in items] == [0, 1]


def test_an_unmatched_participant_still_has_988(client, world):
    items = listed(client, world, world.taken_in, world.other_specialist)
    assert [(i["phone"], i["is_lifeline"]) for i in items] == [("988", True)]


def test_the_specialist_leaves_the_list_when_the_match_ends(client, world, db):
    match = db.query(PeerMatch).filter_by(participant_id=world.matched.id).one()
    response = client.post(
        f"/api/v1/matches/{match.id}/end",
        json={"reason": "moving away"},
        headers=world.headers(world.supervisor),
    )
    assert response.status_code == 200, response.text
    items = listed(client, world, world.matched, world.supervisor)
    assert [i["kind"] for i in items] == ["hotline"]


def test_phone_numbers_are_validated_and_normalised(client, world):
    created = add(client, world, world.matched, world.me, phone="503.555.0142", may_contact=True)
    assert created.status_code == 201, created.text
    assert created.json()["phone"] == "+15035550142"
    assert created.json()["may_contact"] is True
    refused = add(client, world, world.matched, world.me, phone="12345")
    assert refused.status_code == 422
    assert refused.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("988", "988"),
        ("911", "911"),
        ("+44 20 7946 0958", "+442079460958"),
        ("(503) 555-0101", "+15035550101"),
    ],
)
def test_short_codes_and_international_numbers(raw, stored):
    assert normalise(raw) == stored


@pytest.mark.parametrize("raw", ["", "abc", "555-0101", "+1 988", "1" * 20])
def test_not_phone_numbers(raw):
    with pytest.raises(ValueError, match="phone number"):
        normalise(raw)


def test_only_the_participant_decides_who_may_be_contacted(client, world):
    refused = add(client, world, world.matched, world.specialist, may_contact=True)
    assert refused.status_code == 403
    created = add(client, world, world.matched, world.specialist)
    assert created.status_code == 201
    contact = created.json()
    assert contact["may_contact"] is False  # waits for the participant
    path = f"/api/v1/crisis-contacts/{contact['id']}"
    etag = created.headers["ETag"]
    refused = client.patch(
        path,
        json={"may_contact": True},
        headers={**world.headers(world.specialist), "If-Match": etag},
    )
    assert refused.status_code == 403
    agreed = client.patch(
        path, json={"may_contact": True}, headers={**world.headers(world.me), "If-Match": etag}
    )
    assert agreed.status_code == 200, agreed.text
    assert agreed.json()["may_contact"] is True
    # Staff changing the number clears the participant's agreement: it was for the old one.
    changed = client.patch(
        path,
        json={"phone": "(503) 555-0143"},
        headers={**world.headers(world.specialist), "If-Match": agreed.headers["ETag"]},
    )
    assert changed.status_code == 200
    assert changed.json()["may_contact"] is False


def test_contacts_can_be_reordered_but_the_specialist_stays_first(client, world):
    first = add(client, world, world.matched, world.me, name="Mum").json()
    second = add(client, world, world.matched, world.me, name="Dee", kind="friend").json()
    names = [i["name"] for i in listed(client, world, world.matched)]
    assert names == ["Pat Peer", "988 Suicide & Crisis Lifeline", "Mum", "Dee"]
    moved = client.patch(
        f"/api/v1/crisis-contacts/{second['id']}",
        json={"position": 0},
        headers={**world.headers(world.me), "If-Match": _etag(client, world, second["id"])},
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["position"] == 1  # the matched specialist keeps place 0
    names = [i["name"] for i in listed(client, world, world.matched)]
    assert names == ["Pat Peer", "Dee", "988 Suicide & Crisis Lifeline", "Mum"]
    assert [i["position"] for i in listed(client, world, world.matched)] == [0, 1, 2, 3]
    assert [i["id"] for i in listed(client, world, world.matched)][3] == first["id"]


def _etag(client, world, contact_id):
    """The ETag of a stored contact, from a no-op change (the list carries no ETags)."""
    response = client.patch(
        f"/api/v1/crisis-contacts/{contact_id}",
        json={},
        headers={**world.headers(world.me), "If-Match": "*"},
    )
    assert response.status_code == 200, response.text
    return response.headers["ETag"]


def test_988_can_be_moved_but_not_changed_or_removed(client, world):
    add(client, world, world.matched, world.me, name="Mum")
    lifeline = next(i for i in listed(client, world, world.matched) if i["is_lifeline"])
    path = f"/api/v1/crisis-contacts/{lifeline['id']}"
    headers = {**world.headers(world.me), "If-Match": "*"}
    assert client.patch(path, json={"phone": "911"}, headers=headers).status_code == 422
    assert client.patch(path, json={"may_contact": False}, headers=headers).status_code == 422
    removed = client.delete(path, headers=headers)
    assert removed.status_code == 409
    moved = client.patch(path, json={"position": 5}, headers=headers)
    assert moved.status_code == 200, moved.text
    assert [i["is_lifeline"] for i in listed(client, world, world.matched)][-1] is True


def test_a_contact_can_be_removed_and_the_rest_close_up(client, world, db):
    mum = add(client, world, world.matched, world.me, name="Mum").json()
    add(client, world, world.matched, world.me, name="Dee")
    path = f"/api/v1/crisis-contacts/{mum['id']}"
    read = client.get(path, headers=world.headers(world.me))
    assert read.status_code == 200
    assert read.json()["name"] == "Mum"
    assert client.delete(path, headers=world.headers(world.me)).status_code == 428
    stale = {**world.headers(world.me), "If-Match": '"stale"'}
    assert client.delete(path, headers=stale).status_code == 412
    removed = client.delete(
        path, headers={**world.headers(world.me), "If-Match": read.headers["ETag"]}
    )
    assert removed.status_code == 204
    items = listed(client, world, world.matched)
    assert [i["name"] for i in items] == ["Pat Peer", "988 Suicide & Crisis Lifeline", "Dee"]
    stored = db.query(CrisisContact).filter_by(participant_id=world.matched.id).all()
    assert sorted(c.position for c in stored) == [0, 1]


def test_a_change_needs_the_current_etag(client, world):
    created = add(client, world, world.matched, world.me)
    path = f"/api/v1/crisis-contacts/{created.json()['id']}"
    assert (
        client.patch(path, json={"name": "Mom"}, headers=world.headers(world.me)).status_code == 428
    )
    stale = {**world.headers(world.me), "If-Match": '"stale"'}
    assert client.patch(path, json={"name": "Mom"}, headers=stale).status_code == 412


def test_every_new_participant_gets_the_lifeline_row(db, world):
    participant = make_participant(db, world.org, preferred_name="New")
    db.flush()
    rows = db.query(CrisisContact).filter_by(participant_id=participant.id).all()
    assert [(r.phone, r.is_lifeline, r.may_contact) for r in rows] == [("988", True, True)]


@pytest.mark.parametrize("caller", ["other_specialist", "other_supervisor", "other_org_specialist"])
def test_staff_who_may_not_see_the_participant_get_404(client, world, caller):
    user = getattr(world, caller)
    assert client.get(url(world.matched), headers=world.headers(user)).status_code == 404
    assert add(client, world, world.matched, user).status_code == 404


def test_admins_read_but_do_not_write_contacts(client, world):
    assert client.get(url(world.matched), headers=world.headers(world.admin)).status_code == 200
    assert add(client, world, world.matched, world.admin).status_code == 403


def test_another_participant_cannot_touch_a_contact(client, world, db):
    created = add(client, world, world.matched, world.me).json()
    other = make_participant(db, world.org, preferred_name="Other")
    account = make_user(db, world.org, "participant", participant=other)
    db.commit()
    path = f"/api/v1/crisis-contacts/{created['id']}"
    headers = {**world.headers(account), "If-Match": "*"}
    assert client.patch(path, json={"name": "x"}, headers=headers).status_code == 404
    assert client.delete(path, headers=headers).status_code == 404
    assert client.get(path, headers=world.headers(account)).status_code == 404
    assert db.get(CrisisContact, uuid.UUID(created["id"])) is not None
