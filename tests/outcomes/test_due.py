"""Who owes an outcome survey: intake first, then the six-month follow-up and its window."""

from __future__ import annotations

from datetime import date, timedelta

from app.core.base import utcnow
from app.outcomes.models import OutcomeSurvey
from app.outcomes.service import Window
from tests.factories import make_participant

DUE = "/api/v1/outcomes/due"


def survey(db, participant, timepoint: str, day: date) -> None:
    db.add(
        OutcomeSurvey(
            organisation_id=participant.organisation_id,
            participant_id=participant.id,
            timepoint=timepoint,
            administered_on=day,
            alcohol_days=3,
            drug_days=0,
            arrests=0,
            er_visits=0,
            inpatient_nights=0,
            housing="stable",
            employment="employed_part_time",
            in_treatment=True,
            social_support=True,
            recorded_by_role="specialist",
        )
    )


def items(client, world, user, **params):
    response = client.get(DUE, params=params, headers=world.headers(user))
    assert response.status_code == 200, response.text
    return {i["participant_id"]: i for i in response.json()["items"]}


def test_the_window_decides_the_status():
    window = Window(date(2026, 7, 15), date(2026, 6, 15), date(2026, 9, 13))
    assert window.status(date(2026, 6, 14)) == "upcoming"
    assert window.status(date(2026, 6, 15)) == "due"
    assert window.status(date(2026, 9, 13)) == "due"
    assert window.status(date(2026, 9, 14)) == "overdue"


def test_intake_then_follow_up_with_their_windows(client, world, db):
    today = utcnow().date()
    # Zoë: intake taken 170 days ago, so the follow-up window opened 10 days ago or so.
    world.matched.enrolled_at = utcnow() - timedelta(days=175)
    survey(db, world.matched, "intake", today - timedelta(days=170))
    # A newcomer with no intake yet; and one whose follow-up is long past its window.
    newcomer = make_participant(db, world.org, preferred_name="New")
    late = make_participant(db, world.org, preferred_name="Late")
    late.enrolled_at = utcnow() - timedelta(days=400)
    survey(db, late, "intake", today - timedelta(days=400))
    done = make_participant(db, world.org, preferred_name="Done")
    done.enrolled_at = utcnow() - timedelta(days=400)
    survey(db, done, "intake", today - timedelta(days=400))
    survey(db, done, "followup_6mo", today - timedelta(days=200))
    db.commit()

    listed = items(client, world, world.supervisor)
    zoe = listed[str(world.matched.id)]
    assert zoe["timepoint"] == "followup_6mo"
    assert zoe["status"] == "due"
    assert (
        date.fromisoformat(zoe["window_opens_on"])
        <= today
        <= date.fromisoformat(zoe["window_closes_on"])
    )
    assert listed[str(newcomer.id)]["timepoint"] == "intake"
    assert listed[str(newcomer.id)]["status"] == "due"
    assert listed[str(late.id)]["status"] == "overdue"
    assert str(done.id) not in listed
    # Jordan (enrolled today, no intake) is due too; the list runs by due day.
    days = [
        i["due_on"]
        for i in client.get(DUE, headers=world.headers(world.supervisor)).json()["items"]
    ]
    assert days == sorted(days)

    overdue_only = items(client, world, world.supervisor, status="overdue")
    assert set(overdue_only) == {str(late.id)}
    just_zoe = items(client, world, world.supervisor, participant_id=str(world.matched.id))
    assert set(just_zoe) == {str(world.matched.id)}
    # A participant the caller may not see is simply not listed.
    assert items(client, world, world.other_supervisor, participant_id=str(world.matched.id)) == {}


def test_upcoming_follow_ups_show_within_the_horizon(client, world, db):
    today = utcnow().date()
    world.matched.enrolled_at = utcnow() - timedelta(days=140)
    survey(db, world.matched, "intake", today - timedelta(days=140))
    db.commit()
    # The window opens about 140 days after intake: some 12 to 15 days from now.
    assert str(world.matched.id) not in items(client, world, world.supervisor, horizon_days=5)
    upcoming = items(client, world, world.supervisor, horizon_days=30)[str(world.matched.id)]
    assert upcoming["status"] == "upcoming"


def test_each_caller_sees_only_its_participants(client, world, db):
    specialist = items(client, world, world.specialist)
    assert set(specialist) == {str(world.matched.id)}
    assert str(world.stranger.id) not in items(client, world, world.supervisor)
    assert set(items(client, world, world.other_supervisor)) == {str(world.stranger.id)}


def test_participants_are_refused_and_bad_filters_are_422(client, world):
    assert client.get(DUE, headers=world.headers(world.me)).status_code == 403
    assert client.get(DUE).status_code == 401
    bad = client.get(DUE, params={"status": "late"}, headers=world.headers(world.supervisor))
    assert bad.status_code == 422
    cursor = client.get(DUE, params={"cursor": "nope"}, headers=world.headers(world.supervisor))
    assert cursor.status_code == 422


def test_pages_walk_the_whole_list(client, world, db):
    for n in range(7):
        make_participant(db, world.org, preferred_name=f"P{n}")
    db.commit()
    everyone = set(items(client, world, world.supervisor))
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = client.get(DUE, params=params, headers=world.headers(world.supervisor)).json()
        seen += [i["participant_id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen))
    assert set(seen) == everyone
