"""Intake, search, profile changes with ETags, and withdrawal."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.matching.models import PeerMatch
from tests.factories import make_match, make_participant

BASE = "/api/v1/participants"


def intake_body(**changes):
    body = {
        "preferred_name": "Renée",
        "legal_name": "Renée Dubois",
        "primary_language": "fr",
        "birth_year": 1984,
        "substances": ["alcohol", "stimulants"],
        "recovery_pathways": ["smart_recovery"],
        "recovery_start_date": "2025-03-01",
        "strengths": ["I show up"],
        "enrolment_consent": {
            "signed_at": (datetime.now(UTC) - timedelta(minutes=1)).isoformat(),
            "signature": "Renée Dubois",
        },
    }
    body.update(changes)
    return body


class TestIntake:
    def test_intake_enrols_the_participant_with_its_consent(self, client, world):
        headers = world.headers(world.specialist)
        response = client.post(BASE, json=intake_body(), headers=headers)
        assert response.status_code == 201, response.text
        participant = response.json()
        assert participant["status"] == "active"
        assert response.headers["etag"]
        assert response.headers["location"].endswith(participant["id"])
        consents = client.get(f"{BASE}/{participant['id']}/consents", headers=headers).json()
        assert [c["kind"] for c in consents["items"]] == ["enrolment"]
        assert consents["items"][0]["status"] == "active"

    def test_the_specialist_who_took_a_participant_in_sees_it(self, client, world):
        headers = world.headers(world.specialist)
        created = client.post(BASE, json=intake_body(), headers=headers).json()
        assert client.get(f"{BASE}/{created['id']}", headers=headers).status_code == 200
        other = world.headers(world.other_specialist)
        assert client.get(f"{BASE}/{created['id']}", headers=other).status_code == 404

    def test_no_consent_no_intake(self, client, world):
        body = intake_body()
        del body["enrolment_consent"]
        response = client.post(BASE, json=body, headers=world.headers(world.specialist))
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"
        assert "enrolment_consent" in response.json()["detail"]

    def test_a_consent_signed_in_the_future_is_refused(self, client, world):
        future = (datetime.now(UTC) + timedelta(days=1)).isoformat()
        body = intake_body(enrolment_consent={"signed_at": future, "signature": "R"})
        assert (
            client.post(BASE, json=body, headers=world.headers(world.specialist)).status_code == 422
        )

    def test_unknown_fields_are_refused(self, client, world):
        response = client.post(
            BASE, json=intake_body(favourite_colour="blue"), headers=world.headers(world.specialist)
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["type"] == "extra_forbidden"

    def test_validation_errors_do_not_echo_the_submitted_values(self, client, world):
        response = client.post(
            BASE,
            json=intake_body(birth_year="Renée's secret"),
            headers=world.headers(world.specialist),
        )
        assert response.status_code == 422
        assert "secret" not in response.text

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("recovery_pathways", ["cold_turkey"]),
            ("primary_language", "English!"),
            ("birth_year", 1850),
            ("recovery_start_date", "2999-01-01"),
            ("email", "not-an-email"),
            ("preferred_name", ""),
        ],
    )
    def test_invalid_fields_are_refused(self, client, world, field, value):
        response = client.post(
            BASE, json=intake_body(**{field: value}), headers=world.headers(world.specialist)
        )
        assert response.status_code == 422, response.text

    @pytest.mark.parametrize("role", ["admin", "participant"])
    def test_only_supervisors_and_specialists_take_participants_in(self, client, world, role):
        user = {"admin": world.admin, "participant": world.me}[role]
        assert client.post(BASE, json=intake_body(), headers=world.headers(user)).status_code == 403


class TestSearch:
    @pytest.fixture
    def named(self, db, world):
        names = ["José Álvarez", "Josephine", "Siobhán", "Zoe Baker", "Émile"]
        for name in names:
            make_participant(db, world.org, preferred_name=name)
        db.commit()
        return names

    def _names(self, client, world, **params):
        response = client.get(BASE, params=params, headers=world.headers(world.supervisor))
        assert response.status_code == 200, response.text
        return {p["preferred_name"] for p in response.json()["items"]}

    def test_search_ignores_case_and_accents(self, client, world, named):
        assert self._names(client, world, q="jose") == {"José Álvarez", "Josephine"}
        assert self._names(client, world, q="SIOBHAN") == {"Siobhán"}
        assert self._names(client, world, q="émi") == {"Émile"}

    def test_search_matches_the_legal_name_too(self, client, world):
        assert self._names(client, world, q="martinez") == {"Zoë"}

    def test_search_finds_zoe_with_or_without_the_diaeresis(self, client, world, named):
        assert self._names(client, world, q="zoe") == {"Zoe Baker", "Zoë"}

    def test_like_wildcards_are_literal(self, client, world, named):
        assert self._names(client, world, q="%") == set()
        assert self._names(client, world, q="_") == set()

    def test_cursor_pagination_walks_every_participant_once(self, client, world, named):
        headers = world.headers(world.supervisor)
        seen, cursor = [], None
        while True:
            params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
            page = client.get(BASE, params=params, headers=headers).json()
            assert len(page["items"]) <= 2
            seen += [p["id"] for p in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert len(seen) == len(set(seen)) == len(named) + 2

    def test_a_bad_cursor_is_a_clear_422(self, client, world):
        response = client.get(
            BASE, params={"cursor": "garbage"}, headers=world.headers(world.admin)
        )
        assert response.status_code == 422
        assert "cursor" in response.json()["detail"]

    def test_page_size_is_capped(self, client, world):
        response = client.get(BASE, params={"limit": 101}, headers=world.headers(world.admin))
        assert response.status_code == 422

    def test_filters_by_status_risk_and_specialist(self, client, world, db):
        make_participant(db, world.org, preferred_name="Risky", risk_level="high")
        make_participant(db, world.org, preferred_name="Gone", status="withdrawn")
        db.commit()
        assert self._names(client, world, risk_level="high") == {"Risky"}
        assert self._names(client, world, status="withdrawn") == {"Gone"}
        profile_id = (
            db.query(PeerMatch).filter_by(participant_id=world.matched.id).one().specialist_id
        )
        assert self._names(client, world, specialist_id=str(profile_id)) == {"Zoë"}

    def test_lists_send_no_store(self, client, world):
        response = client.get(BASE, headers=world.headers(world.supervisor))
        assert response.headers["cache-control"] == "no-store"


class TestUpdate:
    def _read(self, client, world, user):
        return client.get(f"{BASE}/{world.matched.id}", headers=world.headers(user))

    def _patch(self, client, world, user, changes):
        """PATCH the matched participant as ``user`` with the ETag it just read."""
        etag = self._read(client, world, user).headers["etag"]
        return client.patch(
            f"{BASE}/{world.matched.id}",
            json=changes,
            headers={**world.headers(user), "If-Match": etag},
        )

    def test_patch_with_the_current_etag_applies_the_change(self, client, world):
        etag = self._read(client, world, world.specialist).headers["etag"]
        response = client.patch(
            f"{BASE}/{world.matched.id}",
            json={"pronouns": "she/her", "strengths": ["Patient", "Funny"]},
            headers={**world.headers(world.specialist), "If-Match": etag},
        )
        assert response.status_code == 200, response.text
        assert response.json()["pronouns"] == "she/her"
        assert response.headers["etag"] != etag

    def test_patch_without_if_match_is_428(self, client, world):
        response = client.patch(
            f"{BASE}/{world.matched.id}",
            json={"pronouns": "they/them"},
            headers=world.headers(world.specialist),
        )
        assert response.status_code == 428

    def test_patch_with_a_stale_etag_is_412(self, client, world):
        headers = world.headers(world.specialist)
        etag = self._read(client, world, world.specialist).headers["etag"]
        first = client.patch(
            f"{BASE}/{world.matched.id}",
            json={"pronouns": "she/her"},
            headers={**headers, "If-Match": etag},
        )
        assert first.status_code == 200
        second = client.patch(
            f"{BASE}/{world.matched.id}",
            json={"pronouns": "they/them"},
            headers={**headers, "If-Match": etag},
        )
        assert second.status_code == 412
        assert self._read(client, world, world.specialist).json()["pronouns"] == "she/her"

    def test_a_name_change_is_searchable(self, client, world):
        headers = world.headers(world.specialist)
        etag = self._read(client, world, world.specialist).headers["etag"]
        client.patch(
            f"{BASE}/{world.matched.id}",
            json={"preferred_name": "Zed"},
            headers={**headers, "If-Match": etag},
        )
        names = [
            p["preferred_name"]
            for p in client.get(BASE, params={"q": "zed"}, headers=headers).json()["items"]
        ]
        assert names == ["Zed"]

    def test_required_fields_cannot_be_nulled(self, client, world):
        response = self._patch(client, world, world.specialist, {"preferred_name": None})
        assert response.status_code == 422

    def test_a_participant_may_edit_its_own_profile(self, client, world):
        response = self._patch(client, world, world.me, {"pronouns": "she/they"})
        assert response.status_code == 200

    def test_an_admin_may_not_edit_a_participant(self, client, world):
        response = self._patch(client, world, world.admin, {"pronouns": "x"})
        assert response.status_code == 403


class TestWithdraw:
    def test_a_participant_may_withdraw_and_its_matches_end(self, client, world, db):
        response = client.post(
            f"{BASE}/{world.matched.id}/withdraw",
            json={"reason": "Moving away"},
            headers=world.headers(world.me),
        )
        assert response.status_code == 200, response.text
        assert response.json()["status"] == "withdrawn"
        assert response.json()["withdrawal_reason"] == "Moving away"
        matches = db.query(PeerMatch).filter_by(participant_id=world.matched.id).all()
        db.expire_all()
        assert [m.status for m in matches] == ["ended"]
        assert matches[0].end_reason == "participant withdrew"

    def test_withdrawal_ends_the_specialists_access_and_keeps_the_record(self, client, world):
        client.post(f"{BASE}/{world.matched.id}/withdraw", headers=world.headers(world.me))
        assert (
            client.get(
                f"{BASE}/{world.matched.id}", headers=world.headers(world.specialist)
            ).status_code
            == 404
        )
        kept = client.get(f"{BASE}/{world.matched.id}", headers=world.headers(world.supervisor))
        assert kept.status_code == 200
        assert kept.json()["status"] == "withdrawn"

    def test_staff_who_can_see_the_participant_may_withdraw_it_on_its_behalf(self, client, world):
        response = client.post(
            f"{BASE}/{world.matched.id}/withdraw", headers=world.headers(world.specialist)
        )
        assert response.status_code == 200

    def test_withdrawing_twice_is_a_conflict(self, client, world):
        client.post(f"{BASE}/{world.matched.id}/withdraw", headers=world.headers(world.me))
        again = client.post(f"{BASE}/{world.matched.id}/withdraw", headers=world.headers(world.me))
        assert again.status_code == 409

    def test_proposed_matches_end_too(self, client, world, db):
        make_match(db, world.taken_in, world.specialist, status="proposed")
        db.commit()
        client.post(f"{BASE}/{world.taken_in.id}/withdraw", headers=world.headers(world.supervisor))
        db.expire_all()
        statuses = {
            m.status for m in db.query(PeerMatch).filter_by(participant_id=world.taken_in.id)
        }
        assert statuses == {"ended"}
