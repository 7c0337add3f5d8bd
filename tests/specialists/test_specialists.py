"""The list of specialists staff pick from (to filter a caseload, later to match)."""

from __future__ import annotations

import pytest

from tests.factories import make_match, make_participant


def test_staff_see_their_organisations_specialists_with_caseloads(client, world, db):
    make_match(db, make_participant(db, world.org, preferred_name="Ari"), world.specialist)
    db.commit()
    response = client.get("/api/v1/specialists", headers=world.headers(world.supervisor))
    assert response.status_code == 200
    caseloads = {s["display_name"]: s["active_caseload"] for s in response.json()["items"]}
    assert caseloads == {"Pat Peer": 2, "Robin Peer": 0}


def test_deactivated_specialists_are_not_listed(client, world):
    client.post(
        f"/api/v1/users/{world.other_specialist.id}/deactivate", headers=world.headers(world.admin)
    )
    names = [
        s["display_name"]
        for s in client.get("/api/v1/specialists", headers=world.headers(world.admin)).json()[
            "items"
        ]
    ]
    assert names == ["Pat Peer"]


def test_participants_may_not_list_specialists(client, world):
    assert client.get("/api/v1/specialists", headers=world.headers(world.me)).status_code == 403


@pytest.mark.parametrize("caller", ["other_admin", "other_supervisor"])
def test_another_organisation_sees_only_its_own(client, world, caller):
    items = client.get("/api/v1/specialists", headers=world.headers(getattr(world, caller))).json()
    assert [s["user_id"] for s in items["items"]] == [str(world.other_org_specialist.id)]


def test_the_list_carries_the_lived_experience_profile(client, world):
    items = client.get("/api/v1/specialists", headers=world.headers(world.specialist)).json()
    pat = next(s for s in items["items"] if s["display_name"] == "Pat Peer")
    assert pat["languages"] == ["en"]
    assert pat["max_caseload"] == 15
    assert {"substances", "recovery_pathways", "moud_affirming", "faith", "region"} <= set(pat)
