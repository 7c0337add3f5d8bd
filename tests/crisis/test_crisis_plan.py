"""``GET /me/crisis-plan``: contacts and safety plan in one payload, revalidated by ETag."""

from __future__ import annotations

URL = "/api/v1/me/crisis-plan"


def test_the_crisis_plan_holds_contacts_and_the_safety_plan(client, world):
    client.put(
        f"/api/v1/participants/{world.matched.id}/safety-plan",
        json={"warning_signs": ["Not sleeping"]},
        headers=world.headers(world.me),
    )
    response = client.get(URL, headers=world.headers(world.me))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["participant_id"] == str(world.matched.id)
    assert [c["kind"] for c in body["contacts"]] == ["specialist", "hotline"]
    assert body["safety_plan"]["warning_signs"] == ["Not sleeping"]
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["etag"]


def test_if_none_match_answers_304_until_something_changes(client, world):
    first = client.get(URL, headers=world.headers(world.me))
    etag = first.headers["etag"]
    again = client.get(URL, headers={**world.headers(world.me), "If-None-Match": etag})
    assert again.status_code == 304
    assert again.headers["etag"] == etag
    assert again.content == b""
    client.post(
        f"/api/v1/participants/{world.matched.id}/crisis-contacts",
        json={"kind": "friend", "name": "Dee", "phone": "503 555 0150", "may_contact": True},
        headers=world.headers(world.me),
    )
    changed = client.get(URL, headers={**world.headers(world.me), "If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != etag


def test_without_a_safety_plan_the_contacts_still_come(client, world):
    body = client.get(URL, headers=world.headers(world.me)).json()
    assert body["safety_plan"]["version"] == 0
    assert "988" in body["safety_plan"]["professionals"][0]
    assert body["contacts"][-1]["phone"] == "988"


def test_only_participants_have_a_crisis_plan(client, world):
    for user in (world.specialist, world.supervisor, world.admin):
        assert client.get(URL, headers=world.headers(user)).status_code == 403
    assert client.get(URL).status_code == 401
