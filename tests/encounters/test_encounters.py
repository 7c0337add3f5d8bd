"""Encounters over HTTP: logging, listing, reading, editing, billing against the daily cap,
who reads notes, and who may reach an encounter at all."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.core.audit import AuditEvent


def encounters_url(participant):
    return f"/api/v1/participants/{participant.id}/encounters"


def encounter_url(encounter):
    return f"/api/v1/encounters/{encounter['id']}"


def units(response):
    assert response.status_code == 201, response.text
    return response.json()["billable_units"]


class TestLogging:
    def test_a_specialist_logs_an_encounter_with_its_billable_units(
        self, client, world, log_encounter, at
    ):
        response = log_encounter(world.specialist, minutes=60)
        assert response.status_code == 201, response.text
        encounter = response.json()
        assert encounter["participant_id"] == str(world.matched.id)
        assert encounter["author_user_id"] == str(world.specialist.id)
        assert encounter["mode"] == "in_person"
        assert datetime.fromisoformat(encounter["started_at"]) == datetime.fromisoformat(at())
        assert encounter["minutes"] == 60
        assert encounter["dimensions"] == ["health", "community"]
        assert encounter["referrals"] == ["Outpatient MOUD clinic intake"]
        assert encounter["note"].startswith("Talked through")
        assert encounter["note_visible"] is True
        assert encounter["billable_units"] == 4
        assert response.headers["location"] == f"/api/v1/encounters/{encounter['id']}"
        assert response.headers["etag"]
        assert response.headers["cache-control"] == "no-store"

    def test_a_supervisor_may_log_an_encounter(self, world, log_encounter):
        response = log_encounter(world.supervisor, participant=world.taken_in)
        assert response.status_code == 201, response.text
        assert response.json()["author_user_id"] == str(world.supervisor.id)

    def test_an_encounter_needs_no_dimensions_referrals_or_note(self, world, log_encounter):
        response = log_encounter(world.specialist, note=None, dimensions=[], referrals=[])
        assert response.status_code == 201, response.text
        assert response.json()["note"] is None
        assert response.json()["dimensions"] == []

    def test_a_blank_note_is_stored_as_no_note(self, world, log_encounter):
        response = log_encounter(world.specialist, note="   ")
        assert response.status_code == 201, response.text
        assert response.json()["note"] is None

    def test_a_start_with_any_utc_offset_is_stored_in_utc(self, world, log_encounter, billing_day):
        local = f"{billing_day.isoformat()}T09:00:00-05:00"
        response = log_encounter(world.specialist, started_at=local)
        stored = datetime.fromisoformat(response.json()["started_at"])
        assert stored.utcoffset() == timedelta(0)
        assert stored == datetime.fromisoformat(local)

    @pytest.mark.parametrize("role", ["admin", "me"])
    def test_admins_and_participants_may_not_log_encounters(self, world, log_encounter, role):
        response = log_encounter(getattr(world, role))
        assert response.status_code == 403
        assert response.headers["content-type"] == "application/problem+json"

    @pytest.mark.parametrize(
        "changes",
        [
            {"started_at": (datetime.now(UTC) + timedelta(hours=1)).isoformat()},
            {"started_at": "2026-01-05T10:00:00"},
            {"started_at": "0001-01-01T00:00:00+05:00"},
            {"minutes": 0},
            {"minutes": 721},
            {"mode": "carrier_pigeon"},
            {"dimensions": ["spirituality"]},
            {"dimensions": ["health", "health"]},
            {"referrals": [f"Referral {i}" for i in range(21)]},
            {"referrals": [""]},
            {"referrals": ["x" * 201]},
            {"note": "x" * 10_001},
            {"billable_units": 16},
            {"author_user_id": str(uuid.uuid4())},
        ],
        ids=[
            "future-start",
            "naive-start",
            "implausibly-old-start",
            "zero-minutes",
            "over-12-hours",
            "unknown-mode",
            "unknown-dimension",
            "repeated-dimension",
            "too-many-referrals",
            "empty-referral",
            "long-referral",
            "long-note",
            "units-are-computed-not-sent",
            "author-is-the-caller-not-sent",
        ],
    )
    def test_invalid_encounters_are_refused(self, world, log_encounter, changes):
        response = log_encounter(world.specialist, **changes)
        assert response.status_code == 422, response.text
        assert response.headers["content-type"] == "application/problem+json"

    def test_a_start_a_moment_ahead_of_the_server_clock_is_accepted(self, world, log_encounter):
        # A browser clock running slightly fast must not block logging a contact "now".
        ahead = (datetime.now(UTC) + timedelta(seconds=30)).isoformat()
        assert log_encounter(world.specialist, started_at=ahead).status_code == 201


class TestBilling:
    def test_the_daily_cap_holds_across_several_encounters(self, world, log_encounter, at):
        first = units(log_encounter(world.specialist, started_at=at(9), minutes=120))
        second = units(log_encounter(world.specialist, started_at=at(12), minutes=110))
        third = units(log_encounter(world.supervisor, started_at=at(15), minutes=60))
        fourth = units(log_encounter(world.specialist, started_at=at(18), minutes=30))
        assert (first, second, third, fourth) == (8, 7, 1, 0)

    def test_units_follow_the_eight_minute_remainder_rule(self, world, log_encounter, at):
        earned = [
            units(log_encounter(world.specialist, started_at=at(9 + d), minutes=m))
            for d, m in enumerate((7, 8, 22, 23))
        ]
        assert earned == [0, 1, 1, 2]

    def test_another_day_starts_with_a_fresh_cap(self, world, log_encounter, at):
        assert units(log_encounter(world.specialist, started_at=at(9), minutes=240)) == 16
        assert units(log_encounter(world.specialist, started_at=at(9, days=-1), minutes=60)) == 4

    def test_the_cap_is_per_participant(self, world, log_encounter, at):
        assert units(log_encounter(world.supervisor, started_at=at(9), minutes=240)) == 16
        other = log_encounter(world.supervisor, participant=world.taken_in, minutes=60)
        assert units(other) == 4

    def test_the_billing_day_is_the_utc_date_of_the_start(self, world, log_encounter, at):
        assert units(log_encounter(world.specialist, started_at=at(10), minutes=240)) == 16
        # 21:00 in New York is 02:00 UTC the next day: a fresh day.
        evening_new_york = (
            datetime.fromisoformat(at(21)).replace(tzinfo=None).isoformat() + "-05:00"
        )
        assert units(log_encounter(world.specialist, started_at=evening_new_york)) == 3
        # 00:30 in Paris is 23:30 UTC the day before: the full day.
        after_midnight_paris = (
            datetime.fromisoformat(at(0, 30, days=1)).replace(tzinfo=None).isoformat() + "+01:00"
        )
        assert units(log_encounter(world.specialist, started_at=after_midnight_paris)) == 0

    def test_a_capped_encounter_is_still_recorded(self, client, world, log_encounter, at):
        log_encounter(world.specialist, started_at=at(9), minutes=240)
        capped = log_encounter(world.specialist, started_at=at(14), minutes=60)
        assert units(capped) == 0
        items = client.get(
            encounters_url(world.matched), headers=world.headers(world.specialist)
        ).json()["items"]
        assert {item["id"] for item in items} >= {capped.json()["id"]}


class TestListing:
    def test_encounters_are_listed_newest_first_page_by_page(
        self, client, world, log_encounter, at
    ):
        logged = [
            log_encounter(world.specialist, started_at=at(h), minutes=10).json()["id"]
            for h in (8, 14, 11, 9, 20)
        ]
        newest_first = [logged[i] for i in (4, 1, 2, 3, 0)]
        seen: list[str] = []
        cursor = None
        while True:
            params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
            page = client.get(
                encounters_url(world.matched),
                params=params,
                headers=world.headers(world.supervisor),
            ).json()
            seen.extend(item["id"] for item in page["items"])
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == newest_first

    def test_a_participant_without_encounters_has_an_empty_list(self, client, world):
        response = client.get(encounters_url(world.taken_in), headers=world.headers(world.admin))
        assert response.status_code == 200
        assert response.json() == {"items": [], "next_cursor": None}

    def test_a_bad_cursor_is_a_clear_422(self, client, world):
        response = client.get(
            encounters_url(world.matched),
            params={"cursor": "not-a-cursor"},
            headers=world.headers(world.specialist),
        )
        assert response.status_code == 422


class TestNoteVisibility:
    def _read(self, client, world, user, encounter):
        response = client.get(encounter_url(encounter), headers=world.headers(user))
        assert response.status_code == 200, response.text
        return response.json()

    def _listed(self, client, world, user, encounter):
        items = client.get(encounters_url(world.matched), headers=world.headers(user)).json()
        return next(item for item in items["items"] if item["id"] == encounter["id"])

    @pytest.mark.parametrize("reader", ["specialist", "supervisor"])
    def test_the_author_and_supervisors_read_the_note(
        self, client, world, specialists_encounter, reader
    ):
        user = getattr(world, reader)
        for seen in (
            self._read(client, world, user, specialists_encounter),
            self._listed(client, world, user, specialists_encounter),
        ):
            assert seen["note"] == specialists_encounter["note"]
            assert seen["note_visible"] is True

    @pytest.mark.parametrize("reader", ["admin", "me"])
    def test_admins_and_the_participant_see_the_encounter_but_not_its_note(
        self, client, world, specialists_encounter, reader
    ):
        user = getattr(world, reader)
        for seen in (
            self._read(client, world, user, specialists_encounter),
            self._listed(client, world, user, specialists_encounter),
        ):
            assert seen["note"] is None
            assert seen["note_visible"] is False
            assert seen["minutes"] == specialists_encounter["minutes"]
            assert seen["billable_units"] == specialists_encounter["billable_units"]

    def test_another_specialist_of_the_participant_does_not_read_the_note(
        self, client, world, specialists_encounter, co_specialist
    ):
        seen = self._read(client, world, co_specialist, specialists_encounter)
        assert seen["note"] is None
        assert seen["note_visible"] is False

    def test_a_supervisors_note_is_hidden_from_the_matched_specialist(
        self, client, world, log_encounter
    ):
        encounter = log_encounter(world.supervisor, note="Supervision concern").json()
        seen = self._read(client, world, world.specialist, encounter)
        assert (seen["note"], seen["note_visible"]) == (None, False)
        assert self._read(client, world, world.supervisor, encounter)["note"] == (
            "Supervision concern"
        )

    def test_the_note_never_appears_in_a_hidden_response_body(
        self, client, world, specialists_encounter
    ):
        response = client.get(encounter_url(specialists_encounter), headers=world.headers(world.me))
        assert specialists_encounter["note"] not in response.text

    def test_an_encounter_without_a_note_says_the_author_may_see_it(
        self, client, world, log_encounter
    ):
        encounter = log_encounter(world.specialist, note=None).json()
        seen = self._read(client, world, world.specialist, encounter)
        assert (seen["note"], seen["note_visible"]) == (None, True)


class TestReading:
    def test_reading_an_encounter_sends_its_etag(self, client, world, specialists_encounter):
        response = client.get(
            encounter_url(specialists_encounter), headers=world.headers(world.specialist)
        )
        assert response.status_code == 200
        assert response.headers["etag"].startswith('"')
        assert response.json()["id"] == specialists_encounter["id"]

    def test_an_unknown_encounter_is_not_found(self, client, world):
        response = client.get(
            f"/api/v1/encounters/{uuid.uuid4()}", headers=world.headers(world.supervisor)
        )
        assert response.status_code == 404
        assert response.json()["detail"] == "Encounter not found."

    def test_reading_an_encounter_is_audited_against_its_participant(
        self, client, world, db, specialists_encounter
    ):
        client.get(encounter_url(specialists_encounter), headers=world.headers(world.admin))
        db.expire_all()
        rows = list(db.scalars(select(AuditEvent).where(AuditEvent.action == "read_encounter")))
        assert [(r.participant_id, r.actor_id, r.outcome) for r in rows] == [
            (world.matched.id, world.admin.id, "success")
        ]


class TestWhoReachesAnEncounter:
    # (caller, participant whose encounter it is): none of them may learn it exists.
    HIDDEN = {
        "specialist_not_matched_to_the_participant": ("other_specialist", "matched"),
        "matched_specialist_on_someone_elses_participant": ("specialist", "taken_in"),
        "other_organisation_admin": ("other_admin", "matched"),
        "other_organisation_supervisor": ("other_supervisor", "matched"),
        "other_organisation_specialist": ("other_org_specialist", "matched"),
        "participant_on_someone_else": ("me", "taken_in"),
    }

    @pytest.fixture
    def encounter_of(self, world, log_encounter):
        def encounter(participant_name):
            response = log_encounter(world.supervisor, participant=getattr(world, participant_name))
            assert response.status_code == 201, response.text
            return response.json()

        return encounter

    @pytest.mark.parametrize("case", sorted(HIDDEN))
    def test_callers_who_may_not_see_the_participant_get_404(
        self, client, world, encounter_of, case
    ):
        caller_name, participant_name = self.HIDDEN[case]
        caller = getattr(world, caller_name)
        encounter = encounter_of(participant_name)
        headers = world.headers(caller)
        read = client.get(encounter_url(encounter), headers=headers)
        assert read.status_code == 404
        assert read.json()["detail"] == "Encounter not found."
        listed = client.get(encounters_url(getattr(world, participant_name)), headers=headers)
        assert listed.status_code == 404
        patched = client.patch(
            encounter_url(encounter), json={"minutes": 5}, headers={**headers, "If-Match": "*"}
        )
        assert patched.status_code in (403, 404)

    @pytest.mark.parametrize(
        ("caller", "participant"),
        [
            ("other_specialist", "matched"),
            ("other_org_specialist", "matched"),
            ("specialist", "stranger"),
        ],
    )
    def test_staff_who_may_not_see_the_participant_cannot_log_for_it(
        self, world, log_encounter, caller, participant
    ):
        response = log_encounter(getattr(world, caller), participant=getattr(world, participant))
        assert response.status_code == 404

    def test_a_specialist_with_a_proposed_match_may_log_an_encounter(
        self, world, log_encounter, co_specialist
    ):
        assert log_encounter(co_specialist).status_code == 201


class TestEditing:
    def _etag(self, client, world, encounter, user=None):
        response = client.get(
            encounter_url(encounter), headers=world.headers(user or world.specialist)
        )
        return response.headers["etag"]

    def _patch(self, client, world, encounter, changes, user=None, etag=None):
        user = user or world.specialist
        return client.patch(
            encounter_url(encounter),
            json=changes,
            headers={
                **world.headers(user),
                "If-Match": etag or self._etag(client, world, encounter, user),
            },
        )

    def test_the_author_changes_an_encounter_with_the_current_etag(
        self, client, world, specialists_encounter
    ):
        etag = self._etag(client, world, specialists_encounter)
        response = self._patch(
            client,
            world,
            specialists_encounter,
            {"mode": "phone", "referrals": ["Housing navigator"], "note": "Follow-up call"},
            etag=etag,
        )
        assert response.status_code == 200, response.text
        changed = response.json()
        assert (changed["mode"], changed["referrals"], changed["note"]) == (
            "phone",
            ["Housing navigator"],
            "Follow-up call",
        )
        assert changed["minutes"] == specialists_encounter["minutes"]
        assert response.headers["etag"] != etag
        assert response.headers["etag"] == self._etag(client, world, specialists_encounter)

    def test_patch_without_if_match_is_428(self, client, world, specialists_encounter):
        response = client.patch(
            encounter_url(specialists_encounter),
            json={"minutes": 30},
            headers=world.headers(world.specialist),
        )
        assert response.status_code == 428

    def test_patch_with_a_stale_etag_is_412(self, client, world, specialists_encounter):
        stale = self._etag(client, world, specialists_encounter)
        first = self._patch(client, world, specialists_encounter, {"minutes": 30}, etag=stale)
        assert first.status_code == 200
        again = self._patch(client, world, specialists_encounter, {"minutes": 20}, etag=stale)
        assert again.status_code == 412
        assert self._etag(client, world, specialists_encounter) == first.headers["etag"]

    @pytest.mark.parametrize("editor", ["supervisor", "co_specialist"])
    def test_others_who_can_see_the_encounter_may_not_change_it(
        self, client, world, specialists_encounter, co_specialist, editor
    ):
        user = co_specialist if editor == "co_specialist" else getattr(world, editor)
        response = self._patch(client, world, specialists_encounter, {"minutes": 5}, user=user)
        assert response.status_code == 403
        unchanged = client.get(
            encounter_url(specialists_encounter), headers=world.headers(world.specialist)
        ).json()
        assert unchanged["minutes"] == specialists_encounter["minutes"]

    @pytest.mark.parametrize("role", ["admin", "me"])
    def test_admins_and_participants_may_not_change_encounters(
        self, client, world, specialists_encounter, role
    ):
        response = self._patch(
            client, world, specialists_encounter, {"minutes": 5}, user=getattr(world, role)
        )
        assert response.status_code == 403

    def test_changing_the_minutes_recomputes_the_units(self, client, world, specialists_encounter):
        assert specialists_encounter["billable_units"] == 3
        response = self._patch(client, world, specialists_encounter, {"minutes": 98})
        assert response.json()["billable_units"] == 7

    def test_an_edit_does_not_count_the_encounter_against_itself(
        self, client, world, log_encounter, at
    ):
        edited = log_encounter(world.specialist, started_at=at(9), minutes=120).json()
        assert units(log_encounter(world.supervisor, started_at=at(13), minutes=120)) == 8
        # The day holds 16; the other encounter's 8 leave this one exactly its own 8 back.
        response = self._patch(client, world, edited, {"minutes": 121})
        assert response.json()["billable_units"] == 8
        longer = self._patch(client, world, edited, {"minutes": 240})
        assert longer.json()["billable_units"] == 8

    def test_moving_an_encounter_to_another_day_rebills_it_there(
        self, client, world, log_encounter, at
    ):
        assert units(log_encounter(world.supervisor, started_at=at(9, days=-1), minutes=240)) == 16
        moved = log_encounter(world.specialist, started_at=at(9), minutes=60).json()
        assert moved["billable_units"] == 4
        response = self._patch(client, world, moved, {"started_at": at(15, days=-1)})
        assert response.json()["billable_units"] == 0
        back = self._patch(client, world, moved, {"started_at": at(15)})
        assert back.json()["billable_units"] == 4

    def test_a_note_can_be_removed(self, client, world, specialists_encounter):
        response = self._patch(client, world, specialists_encounter, {"note": None})
        assert response.status_code == 200
        assert response.json()["note"] is None

    @pytest.mark.parametrize(
        "changes",
        [
            {"minutes": None},
            {"mode": None},
            {"started_at": None},
            {"dimensions": None},
            {"minutes": 721},
            {"billable_units": 0},
            {"started_at": (datetime.now(UTC) + timedelta(days=1)).isoformat()},
        ],
        ids=["null-minutes", "null-mode", "null-start", "null-dimensions", "too-long",
             "units-are-computed", "future-start"],
    )  # fmt: skip
    def test_invalid_changes_are_refused(self, client, world, specialists_encounter, changes):
        response = self._patch(client, world, specialists_encounter, changes)
        assert response.status_code == 422, response.text
