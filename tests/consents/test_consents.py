"""Consents: §2.31 disclosure elements, final revocation, and revoking enrolment."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import make_integrator_client


def _now(**delta):
    return (datetime.now(UTC) + timedelta(**delta)).isoformat()


def disclosure(**changes):
    body = {
        "kind": "disclosure",
        "signed_at": _now(minutes=-1),
        "signature": "Zoë Martínez",
        "recipient_name": "State Opioid Response evaluation team",
        "information_categories": ["outcomes"],
        "purpose": "Programme evaluation required by the grant",
        "expires_at": _now(days=365),
    }
    body.update(changes)
    return {k: v for k, v in body.items() if v is not None}


def consents_url(world):
    return f"/api/v1/participants/{world.matched.id}/consents"


def test_a_participant_signs_a_disclosure_consent(client, world):
    response = client.post(consents_url(world), json=disclosure(), headers=world.headers(world.me))
    assert response.status_code == 201, response.text
    consent = response.json()
    assert consent["status"] == "active"
    assert consent["discloser"] == "Riverside Peers"  # defaults to the organisation
    assert consent["information_categories"] == ["outcomes"]
    listed = client.get(consents_url(world), headers=world.headers(world.me)).json()["items"]
    assert {c["kind"] for c in listed} == {"enrolment", "disclosure"}


def test_an_expiry_event_can_replace_a_date(client, world):
    body = disclosure(expires_at=None, expiry_event="When I leave the programme")
    response = client.post(consents_url(world), json=body, headers=world.headers(world.specialist))
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    "changes",
    [
        {"recipient_name": None},
        {"information_categories": []},
        {"purpose": None},
        {"expires_at": None},
        {"expires_at": _now(days=-2)},
        {"signed_at": _now(days=1)},
        {"information_categories": ["everything"]},
    ],
    ids=[
        "no-recipient",
        "no-categories",
        "no-purpose",
        "no-expiry",
        "expired",
        "future",
        "bad-category",
    ],
)
def test_a_disclosure_missing_a_required_element_is_refused(client, world, changes):
    response = client.post(
        consents_url(world), json=disclosure(**changes), headers=world.headers(world.me)
    )
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"


def test_a_recipient_client_id_names_the_recipient(client, world, db):
    integrator = make_integrator_client(db, world.org).client
    db.commit()
    body = disclosure(recipient_name=None, recipient_client_id=str(integrator.id))
    assert (
        client.post(consents_url(world), json=body, headers=world.headers(world.me)).status_code
        == 201
    )


def test_the_recipient_client_must_be_a_live_client_of_the_organisation(client, world, db):
    theirs = make_integrator_client(db, world.other_org).client
    revoked = make_integrator_client(db, world.org, name="Closed").client
    revoked.revoked_at = revoked.created_at
    db.commit()
    for client_id in (uuid.uuid4(), theirs.id, revoked.id):
        body = disclosure(recipient_name=None, recipient_client_id=str(client_id))
        response = client.post(consents_url(world), json=body, headers=world.headers(world.me))
        assert response.status_code == 422, client_id


def test_revocation_is_immediate_and_final(client, world):
    consent = client.post(
        consents_url(world), json=disclosure(), headers=world.headers(world.me)
    ).json()
    revoke = f"/api/v1/consents/{consent['id']}/revoke"
    first = client.post(revoke, json={"reason": "Changed my mind"}, headers=world.headers(world.me))
    assert first.status_code == 200
    assert first.json()["status"] == "revoked"
    assert first.json()["revocation_reason"] == "Changed my mind"
    again = client.post(revoke, headers=world.headers(world.specialist))
    assert again.status_code == 409
    read = client.get(f"/api/v1/consents/{consent['id']}", headers=world.headers(world.me)).json()
    assert read["status"] == "revoked"


def test_revoking_the_enrolment_consent_withdraws_the_participant(client, world):
    items = client.get(consents_url(world), headers=world.headers(world.me)).json()["items"]
    enrolment = next(c for c in items if c["kind"] == "enrolment")
    response = client.post(
        f"/api/v1/consents/{enrolment['id']}/revoke", headers=world.headers(world.me)
    )
    assert response.status_code == 200
    participant = client.get(
        f"/api/v1/participants/{world.matched.id}", headers=world.headers(world.supervisor)
    )
    assert participant.json()["status"] == "withdrawn"
    # The matched specialist's access ended with the match.
    assert (
        client.get(
            f"/api/v1/participants/{world.matched.id}", headers=world.headers(world.specialist)
        ).status_code
        == 404
    )


def test_a_new_enrolment_consent_re_enrols_a_withdrawn_participant(client, world):
    client.post(
        f"/api/v1/participants/{world.matched.id}/withdraw", headers=world.headers(world.me)
    )
    items = client.get(consents_url(world), headers=world.headers(world.me)).json()["items"]
    enrolment = next(c for c in items if c["kind"] == "enrolment")
    client.post(f"/api/v1/consents/{enrolment['id']}/revoke", headers=world.headers(world.me))
    body = {"kind": "enrolment", "signed_at": _now(minutes=-1), "signature": "Zoë Martínez"}
    assert (
        client.post(consents_url(world), json=body, headers=world.headers(world.me)).status_code
        == 201
    )
    me = client.get(
        f"/api/v1/participants/{world.matched.id}", headers=world.headers(world.me)
    ).json()
    assert me["status"] == "active"


def test_a_second_active_enrolment_consent_is_a_conflict(client, world):
    body = {"kind": "enrolment", "signed_at": _now(minutes=-1), "signature": "Zoë"}
    assert (
        client.post(consents_url(world), json=body, headers=world.headers(world.me)).status_code
        == 409
    )


def test_an_enrolment_consent_takes_no_disclosure_fields(client, world):
    body = {"kind": "enrolment", "signed_at": _now(minutes=-1), "signature": "Z", "purpose": "x"}
    assert (
        client.post(consents_url(world), json=body, headers=world.headers(world.me)).status_code
        == 422
    )


def test_an_admin_cannot_sign_or_revoke_for_a_participant(client, world):
    assert (
        client.post(
            consents_url(world), json=disclosure(), headers=world.headers(world.admin)
        ).status_code
        == 403
    )
    items = client.get(consents_url(world), headers=world.headers(world.admin)).json()["items"]
    response = client.post(
        f"/api/v1/consents/{items[0]['id']}/revoke", headers=world.headers(world.admin)
    )
    assert response.status_code == 403


@pytest.mark.parametrize("caller", ["other_specialist", "other_admin", "other_org_specialist"])
def test_a_consent_of_a_participant_the_caller_cannot_see_is_404(client, world, caller):
    items = client.get(consents_url(world), headers=world.headers(world.me)).json()["items"]
    url = f"/api/v1/consents/{items[0]['id']}"
    headers = world.headers(getattr(world, caller))
    assert client.get(url, headers=headers).status_code == 404
    assert client.post(f"{url}/revoke", headers=headers).status_code in (403, 404)


def test_an_unknown_consent_is_404(client, world):
    assert (
        client.get(
            f"/api/v1/consents/{uuid.uuid4()}", headers=world.headers(world.admin)
        ).status_code
        == 404
    )


def test_a_time_with_no_utc_equivalent_is_a_422_not_a_crash(client, world):
    body = disclosure(signed_at="0001-01-01T00:00:00+05:00")
    response = client.post(consents_url(world), json=body, headers=world.headers(world.me))
    assert response.status_code == 422
    assert "out of range" in response.json()["detail"]
