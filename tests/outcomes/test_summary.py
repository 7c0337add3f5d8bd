"""The outcome summary: figures per timepoint, the change over the same people, and cells
under eleven people suppressed."""

from __future__ import annotations

from datetime import date, timedelta

from app.outcomes.models import OutcomeSurvey
from tests.factories import make_participant

URL = "/api/v1/outcomes/summary"


def add(db, participant, timepoint: str, day: date, **measures) -> None:
    values = {
        "alcohol_days": 10,
        "drug_days": 5,
        "arrests": 1,
        "er_visits": 2,
        "inpatient_nights": 3,
        "housing": "unstable",
        "employment": "unemployed",
        "in_treatment": False,
        "social_support": False,
        "satisfaction": None,
    }
    db.add(
        OutcomeSurvey(
            organisation_id=participant.organisation_id,
            participant_id=participant.id,
            timepoint=timepoint,
            administered_on=day,
            recorded_by_role="specialist",
            **{**values, **measures},
        )
    )


def cohort(db, org, size: int, intake_day: date, *, followed_up: int) -> None:
    """``size`` people surveyed at intake; the first ``followed_up`` of them again, better."""
    for n in range(size):
        person = make_participant(db, org, preferred_name=f"P{intake_day}-{n}")
        add(db, person, "intake", intake_day)
        if n < followed_up:
            add(
                db,
                person,
                "followup_6mo",
                intake_day + timedelta(days=183),
                alcohol_days=0,
                drug_days=0,
                arrests=0,
                er_visits=0 if n % 2 else 1,
                housing="stable",
                employment="employed_part_time",
                in_treatment=True,
                social_support=True,
                satisfaction=4 if n % 2 else 5,
            )
    db.commit()


def measure(body, name: str, group: int = 0):
    return next(m for m in body["groups"][group]["measures"] if m["measure"] == name)


def test_figures_and_the_change_over_the_same_people(client, world, db):
    cohort(db, world.org, 14, date(2026, 1, 10), followed_up=12)
    body = client.get(URL, headers=world.headers(world.supervisor)).json()
    assert body["minimum_cell_size"] == 11
    no_use = measure(body, "no_use")
    assert no_use["intake"] == {"n": 14, "value": 0.0, "suppressed": False}
    assert no_use["followup_6mo"] == {"n": 12, "value": 100.0, "suppressed": False}
    assert no_use["change_to_followup_6mo"] == {"n": 12, "value": 100.0, "suppressed": False}
    arrests = measure(body, "arrests")
    assert arrests["intake"]["value"] == 1.0
    assert arrests["change_to_followup_6mo"]["value"] == -1.0
    er = measure(body, "er_visits")
    assert er["followup_6mo"]["value"] == 0.5  # half of them had one visit
    satisfaction = measure(body, "satisfaction")
    assert satisfaction["followup_6mo"] == {"n": 12, "value": 4.5, "suppressed": False}
    # Nobody is asked about satisfaction at intake: no one to compare.
    assert satisfaction["intake"]["suppressed"] is True
    assert satisfaction["change_to_followup_6mo"]["suppressed"] is True
    # No discharges yet: suppressed, not zero.
    assert measure(body, "stably_housed")["discharge"] == {
        "n": None,
        "value": None,
        "suppressed": True,
    }


def test_cells_under_eleven_people_are_suppressed(client, world, db):
    cohort(db, world.org, 11, date(2026, 1, 10), followed_up=10)
    body = client.get(URL, headers=world.headers(world.admin)).json()
    assert measure(body, "no_use")["intake"]["n"] == 11
    assert measure(body, "no_use")["followup_6mo"]["suppressed"] is True
    assert measure(body, "no_use")["change_to_followup_6mo"]["suppressed"] is True


def test_grouped_by_intake_quarter(client, world, db):
    cohort(db, world.org, 12, date(2026, 2, 1), followed_up=11)
    cohort(db, world.org, 5, date(2026, 5, 1), followed_up=0)
    body = client.get(
        URL, params={"group_by": "intake_quarter"}, headers=world.headers(world.supervisor)
    ).json()
    quarters = {g["intake_quarter"]: g for g in body["groups"]}
    assert set(quarters) == {"2026-Q1", "2026-Q2"}
    first = next(m for m in quarters["2026-Q1"]["measures"] if m["measure"] == "no_use")
    assert first["intake"]["n"] == 12
    assert first["followup_6mo"]["n"] == 11
    second = next(m for m in quarters["2026-Q2"]["measures"] if m["measure"] == "no_use")
    assert second["intake"]["suppressed"] is True
    # All together, without the quarters: 17 at intake.
    overall = client.get(URL, headers=world.headers(world.supervisor)).json()
    assert measure(overall, "no_use")["intake"]["n"] == 17


def test_another_organisations_surveys_never_count(client, world, db):
    cohort(db, world.other_org, 15, date(2026, 1, 10), followed_up=0)
    body = client.get(URL, headers=world.headers(world.supervisor)).json()
    assert body["groups"][0]["organisation_id"] == str(world.org.id)
    assert measure(body, "no_use")["intake"]["suppressed"] is True
    theirs = client.get(URL, headers=world.headers(world.other_supervisor)).json()
    assert measure(theirs, "no_use")["intake"]["n"] == 15


def test_who_may_read_the_summary(client, world):
    for user in (world.specialist, world.me):
        assert client.get(URL, headers=world.headers(user)).status_code == 403
    assert client.get(URL).status_code == 401
    bad = client.get(URL, params={"group_by": "county"}, headers=world.headers(world.admin))
    assert bad.status_code == 422
