"""Assessment routes: recording with scores, refusals, idempotent retries, history, trend,
instrument definitions, and who may do what."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, func, select

from app.assessments import service
from app.assessments.models import Assessment
from tests.assessments.bodies import JUST_BELOW_THRESHOLD, barc10, cssrs


def _at(days_ago: float) -> str:
    return (datetime.now(UTC) - timedelta(days=days_ago)).isoformat()


def _stored_count(db, participant_id):
    return db.scalar(
        select(func.count())
        .select_from(Assessment)
        .where(Assessment.participant_id == participant_id)
    )


# --- Recording -----------------------------------------------------------------------


def test_a_specialist_records_a_barc10_with_its_total_and_flag(client, world, post_assessment):
    response = post_assessment(barc10([6, 5, 5, 5, 5, 5, 4, 4, 4, 4]))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["instrument"] == "barc10"
    assert body["responses"] == [6, 5, 5, 5, 5, 5, 4, 4, 4, 4]
    assert (body["total"], body["meets_threshold"], body["risk"]) == (47, True, None)
    assert body["participant_id"] == str(world.matched.id)
    assert body["administered_by_user_id"] == str(world.specialist.id)
    assert response.headers["Location"] == f"/api/v1/assessments/{body['id']}"
    read = client.get(response.headers["Location"], headers=world.headers(world.supervisor))
    assert read.status_code == 200
    assert read.json() == body


def test_a_barc10_total_of_46_is_not_flagged(post_assessment):
    body = post_assessment(barc10(JUST_BELOW_THRESHOLD)).json()
    assert (body["total"], body["meets_threshold"]) == (46, False)


def test_a_participant_self_reports_a_cssrs_screen(world, post_assessment):
    response = post_assessment(cssrs(wish_dead=True), user=world.me)
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["risk"], body["total"], body["meets_threshold"]) == ("low", None, None)
    assert body["administered_by_user_id"] == str(world.me.id)


def test_a_cssrs_screen_stores_only_the_questions_asked(post_assessment):
    body = post_assessment(
        cssrs(suicidal_thoughts=True, method=True, intent=False, plan=False, behavior=False)
    ).json()
    assert body["risk"] == "moderate"
    assert body["responses"] == {
        "wish_dead": False,
        "suicidal_thoughts": True,
        "method": True,
        "intent": False,
        "plan": False,
        "behavior": False,
    }


def test_null_follow_ups_count_as_not_asked(post_assessment):
    response = post_assessment(cssrs(method=None, intent=None, plan=None, behavior_recent=None))
    assert response.status_code == 201, response.text
    assert set(response.json()["responses"]) == {"wish_dead", "suicidal_thoughts", "behavior"}


def test_a_high_cssrs_screen_is_stored_and_handed_to_the_imminent_risk_hook(
    monkeypatch, db, world, post_assessment
):
    handed: list[uuid.UUID] = []
    monkeypatch.setattr(
        service,
        "respond_to_imminent_risk",
        lambda *, db, assessment: handed.append(assessment.id),
    )
    low = post_assessment(cssrs()).json()
    high = post_assessment(cssrs(behavior=True, behavior_recent=True)).json()
    assert high["risk"] == "high"
    assert handed == [uuid.UUID(high["id"])]
    assert low["id"] not in {str(i) for i in handed}
    assert _stored_count(db, world.matched.id) == 2


def test_administered_at_may_be_given_and_defaults_to_now(post_assessment):
    given = datetime(2025, 3, 1, 15, 30, tzinfo=UTC)
    body = post_assessment(barc10(administered_at=given.isoformat())).json()
    assert datetime.fromisoformat(body["administered_at"]) == given
    default = post_assessment(barc10()).json()
    age = datetime.now(UTC) - datetime.fromisoformat(default["administered_at"])
    assert timedelta(0) <= age < timedelta(minutes=1)


# --- Refusals (422) ------------------------------------------------------------------


def assert_refused(response, *, mentions: str | None = None) -> None:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    if mentions is not None:
        assert mentions in response.json()["detail"]


def test_an_incomplete_barc10_is_refused(db, world, post_assessment):
    assert_refused(post_assessment(barc10([4] * 9)), mentions="responses")
    assert _stored_count(db, world.matched.id) == 0


def test_a_barc10_with_more_than_ten_answers_is_refused(post_assessment):
    assert_refused(post_assessment(barc10([4] * 11)), mentions="responses")


def test_a_barc10_answer_above_six_is_refused(post_assessment):
    assert_refused(post_assessment(barc10([4] * 9 + [7])), mentions="responses.9")


def test_a_barc10_answer_below_one_is_refused(post_assessment):
    assert_refused(post_assessment(barc10([0] + [4] * 9)), mentions="responses.0")


@pytest.mark.parametrize(
    "answer", [True, "4", 4.5, None], ids=["boolean", "text", "fraction", "null"]
)
def test_a_barc10_answer_that_is_not_a_whole_number_is_refused(post_assessment, answer):
    assert_refused(post_assessment(barc10([4] * 9 + [answer])))


def test_a_barc10_without_responses_is_refused(post_assessment):
    assert_refused(post_assessment({"instrument": "barc10"}))


def test_cssrs_follow_ups_after_no_suicidal_thoughts_are_refused(db, world, post_assessment):
    response = post_assessment(cssrs(method=False))
    assert_refused(response, mentions="method is asked only when suicidal_thoughts is yes")
    assert response.json()["errors"][0]["type"] == "cssrs_skip_logic"
    assert _stored_count(db, world.matched.id) == 0


def test_cssrs_follow_ups_missing_after_suicidal_thoughts_are_refused(post_assessment):
    response = post_assessment(cssrs(suicidal_thoughts=True, method=True, intent=False))
    assert_refused(response, mentions="plan must be answered yes or no")


def test_cssrs_recent_behaviour_without_behaviour_is_refused(post_assessment):
    response = post_assessment(cssrs(behavior=False, behavior_recent=True))
    assert_refused(response, mentions="behavior_recent is asked only when behavior is yes")


def test_cssrs_behaviour_without_whether_it_was_recent_is_refused(post_assessment):
    response = post_assessment(cssrs(behavior=True))
    assert_refused(response, mentions="behavior_recent must be answered yes or no")


def test_a_cssrs_screen_missing_an_always_asked_question_is_refused(post_assessment):
    body = cssrs()
    del body["responses"]["behavior"]
    assert_refused(post_assessment(body), mentions="behavior")


@pytest.mark.parametrize("answer", ["yes", 1, None], ids=["text", "number", "null"])
def test_a_cssrs_answer_that_is_not_yes_or_no_is_refused(post_assessment, answer):
    assert_refused(post_assessment(cssrs(wish_dead=answer)), mentions="wish_dead")


def test_a_cssrs_question_that_does_not_exist_is_refused(post_assessment):
    assert_refused(post_assessment(cssrs(self_harm=False)), mentions="self_harm")


def test_barc10_answers_under_the_cssrs_instrument_are_refused(post_assessment):
    assert_refused(post_assessment({"instrument": "cssrs_screen", "responses": [4] * 10}))


def test_an_unknown_instrument_is_refused(post_assessment):
    assert_refused(post_assessment({"instrument": "phq9", "responses": [1] * 9}))


def test_an_unknown_field_is_refused(post_assessment):
    assert_refused(post_assessment(barc10(score=60)))


def test_an_assessment_administered_in_the_future_is_refused(post_assessment):
    assert_refused(post_assessment(barc10(administered_at=_at(-1))), mentions="future")


def test_an_administered_at_without_a_timezone_is_refused(post_assessment):
    assert_refused(post_assessment(barc10(administered_at="2025-03-01T15:30:00")))


def test_refusals_never_echo_the_answers(post_assessment):
    response = post_assessment(cssrs(suicidal_thoughts=True, method="sometimes"))
    assert response.status_code == 422
    assert "sometimes" not in response.text


# --- Idempotent retries --------------------------------------------------------------


def test_a_retry_with_the_same_key_replays_the_first_answer(db, world, post_assessment):
    key = {"Idempotency-Key": "barc10-retry-1"}
    first = post_assessment(barc10(), user=world.me, headers=key)
    again = post_assessment(barc10(), user=world.me, headers=key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert _stored_count(db, world.matched.id) == 1


def test_the_same_key_with_a_different_body_is_refused(db, world, post_assessment):
    key = {"Idempotency-Key": "barc10-retry-2"}
    assert post_assessment(barc10(), headers=key).status_code == 201
    response = post_assessment(barc10([6] * 10), headers=key)
    assert_refused(response, mentions="Idempotency-Key")
    assert _stored_count(db, world.matched.id) == 1


def test_posts_without_a_key_are_separate_assessments(db, world, post_assessment):
    post_assessment(barc10())
    post_assessment(barc10())
    assert _stored_count(db, world.matched.id) == 2


# --- History -------------------------------------------------------------------------


def test_history_is_newest_first_and_filters_by_instrument(
    client, world, assessments_url, post_assessment
):
    older = post_assessment(barc10(administered_at=_at(30))).json()
    screen = post_assessment(cssrs(administered_at=_at(20))).json()
    newer = post_assessment(barc10(administered_at=_at(10))).json()
    headers = world.headers(world.me)
    everything = client.get(assessments_url, headers=headers).json()
    assert [a["id"] for a in everything["items"]] == [newer["id"], screen["id"], older["id"]]
    assert everything["next_cursor"] is None
    only_barc10 = client.get(assessments_url, params={"instrument": "barc10"}, headers=headers)
    assert [a["id"] for a in only_barc10.json()["items"]] == [newer["id"], older["id"]]


def test_history_pages_with_a_cursor(client, world, assessments_url, stored_assessment):
    now = datetime.now(UTC)
    ids = [
        stored_assessment(world.matched, [3] * 10, administered_at=now - timedelta(days=d)).id
        for d in range(5)
    ]
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = client.get(assessments_url, params=params, headers=world.headers(world.specialist))
        assert page.status_code == 200
        seen += [a["id"] for a in page.json()["items"]]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break
    assert seen == [str(i) for i in ids]


def test_an_unknown_instrument_filter_is_refused(client, world, assessments_url):
    response = client.get(
        assessments_url, params={"instrument": "phq9"}, headers=world.headers(world.me)
    )
    assert response.status_code == 422


# --- Trend ---------------------------------------------------------------------------


def test_barc10_trend_is_chronological_with_first_latest_and_change(
    client, world, assessments_url, post_assessment
):
    # Entered out of order: a paper form from last month typed in after today's.
    post_assessment(barc10([5] * 10, administered_at=_at(1)))
    post_assessment(barc10([3] * 10, administered_at=_at(60)))
    post_assessment(barc10([4] * 10, administered_at=_at(30)))
    post_assessment(cssrs(administered_at=_at(15)))
    trend = client.get(f"{assessments_url}/trend", headers=world.headers(world.specialist))
    assert trend.status_code == 200
    body = trend.json()
    assert body["instrument"] == "barc10"
    assert [(p["total"], p["meets_threshold"]) for p in body["points"]] == [
        (30, False),
        (40, False),
        (50, True),
    ]
    times = [p["administered_at"] for p in body["points"]]
    assert times == sorted(times, key=datetime.fromisoformat)
    assert body["summary"] == {
        "count": 3,
        "first_total": 30,
        "latest_total": 50,
        "change": 20,
        "latest_meets_threshold": True,
    }


def test_cssrs_trend_lists_risk_levels_oldest_first(
    client, world, assessments_url, post_assessment
):
    post_assessment(cssrs(behavior=True, behavior_recent=False, administered_at=_at(5)))
    post_assessment(cssrs(administered_at=_at(1)))
    post_assessment(
        cssrs(
            suicidal_thoughts=True,
            method=True,
            intent=True,
            plan=False,
            administered_at=_at(10),
        )
    )
    body = client.get(
        f"{assessments_url}/trend",
        params={"instrument": "cssrs_screen"},
        headers=world.headers(world.me),
    ).json()
    assert body["instrument"] == "cssrs_screen"
    assert [p["risk"] for p in body["points"]] == ["high", "moderate", "low"]
    assert body["summary"] == {"count": 3, "latest_risk": "low", "high_count": 1}


def test_trend_since_leaves_out_earlier_assessments(
    client, world, assessments_url, post_assessment
):
    post_assessment(barc10([2] * 10, administered_at=_at(90)))
    post_assessment(barc10([4] * 10, administered_at=_at(20)))
    post_assessment(barc10([5] * 10, administered_at=_at(2)))
    body = client.get(
        f"{assessments_url}/trend", params={"since": _at(30)}, headers=world.headers(world.me)
    ).json()
    assert [p["total"] for p in body["points"]] == [40, 50]
    assert body["summary"]["change"] == 10


def test_trend_without_assessments_is_empty(client, world, assessments_url):
    body = client.get(f"{assessments_url}/trend", headers=world.headers(world.me)).json()
    assert body == {
        "instrument": "barc10",
        "points": [],
        "summary": {
            "count": 0,
            "first_total": None,
            "latest_total": None,
            "change": None,
            "latest_meets_threshold": None,
        },
    }


def test_trend_since_without_a_timezone_is_refused(client, world, assessments_url):
    response = client.get(
        f"{assessments_url}/trend",
        params={"since": "2025-01-01T00:00:00"},
        headers=world.headers(world.me),
    )
    assert response.status_code == 422


# --- Latest BARC-10 for many participants --------------------------------------------


def test_latest_barc10_for_participants_in_one_query(db, connection, world, stored_assessment):
    now = datetime.now(UTC)
    stored_assessment(world.matched, [3] * 10, administered_at=now - timedelta(days=40))
    latest = stored_assessment(world.matched, [5] * 10, administered_at=now - timedelta(days=3))
    stored_assessment(
        world.matched, {"wish_dead": False, "suicidal_thoughts": False, "behavior": False}
    )
    only = stored_assessment(world.taken_in, [1] * 10, administered_at=now - timedelta(days=9))
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(connection, "before_cursor_execute", count)
    try:
        found = service.latest_barc10_for_participants(
            db=db, participant_ids=[world.matched.id, world.taken_in.id, world.stranger.id]
        )
    finally:
        event.remove(connection, "before_cursor_execute", count)
    assert len(statements) == 1
    assert set(found) == {world.matched.id, world.taken_in.id}
    assert found[world.matched.id].assessment_id == latest.id
    assert (found[world.matched.id].total, found[world.matched.id].meets_threshold) == (50, True)
    assert found[world.taken_in.id].assessment_id == only.id
    assert found[world.taken_in.id].total == 10


def test_latest_barc10_of_nobody_is_empty(db):
    assert service.latest_barc10_for_participants(db=db, participant_ids=[]) == {}


# --- Instrument definitions ----------------------------------------------------------


@pytest.mark.parametrize("caller", ["admin", "specialist", "me", "other_org_specialist"])
def test_any_signed_in_user_reads_the_instrument_definitions(client, world, caller):
    response = client.get(
        "/api/v1/assessment-instruments", headers=world.headers(getattr(world, caller))
    )
    assert response.status_code == 200
    body = response.json()
    barc = body["barc10"]
    assert len(barc["items"]) == 10
    assert barc["items"][1] == {"number": 2, "text": "In general I am happy with my life."}
    assert [point["value"] for point in barc["scale"]] == [1, 2, 3, 4, 5, 6]
    assert (barc["total_min"], barc["total_max"], barc["threshold"]) == (10, 60, 47)
    questions = {q["key"]: q for q in body["cssrs_screen"]["questions"]}
    assert list(questions) == [
        "wish_dead",
        "suicidal_thoughts",
        "method",
        "intent",
        "plan",
        "behavior",
        "behavior_recent",
    ]
    assert questions["plan"]["asked_when"] == {"key": "suicidal_thoughts", "answer": True}
    assert questions["behavior_recent"]["asked_when"] == {"key": "behavior", "answer": True}
    assert questions["behavior"]["asked_when"] is None
    assert [rule["risk"] for rule in body["cssrs_screen"]["triage"]] == ["high", "moderate", "low"]


def test_the_instrument_definitions_need_a_token(client):
    assert client.get("/api/v1/assessment-instruments").status_code == 401


# --- Who may do what -----------------------------------------------------------------

HIDDEN = {
    "unmatched_specialist": ("other_specialist", "matched"),
    "other_organisation_admin": ("other_admin", "matched"),
    "other_organisation_specialist": ("other_org_specialist", "matched"),
    "participant_other_than_itself": ("me", "taken_in"),
}


@pytest.mark.parametrize("case", sorted(HIDDEN))
def test_callers_who_cannot_see_the_participant_get_404(client, world, stored_assessment, case):
    caller_name, target_name = HIDDEN[case]
    caller, target = getattr(world, caller_name), getattr(world, target_name)
    assessment = stored_assessment(target, [4] * 10)
    headers = world.headers(caller)
    url = f"/api/v1/participants/{target.id}/assessments"
    for response in (
        client.get(url, headers=headers),
        client.get(f"{url}/trend", headers=headers),
        client.get(f"/api/v1/assessments/{assessment.id}", headers=headers),
    ):
        assert response.status_code == 404, f"{case}: {response.request.url}"
        assert response.json()["detail"] in ("Participant not found.", "Assessment not found.")
    # An admin may never record (403 whoever the participant is, so it reveals nothing).
    refused = 403 if caller.role == "admin" else 404
    assert client.post(url, json=barc10(), headers=headers).status_code == refused
    detail = client.get(f"/api/v1/assessments/{assessment.id}", headers=headers).json()["detail"]
    assert detail == "Assessment not found."


def test_an_admin_cannot_record_an_assessment_but_can_read_them(
    client, db, world, post_assessment, assessments_url, stored_assessment
):
    assert post_assessment(barc10(), user=world.admin).status_code == 403
    assert _stored_count(db, world.matched.id) == 0
    stored = stored_assessment(world.matched, [4] * 10)
    listed = client.get(assessments_url, headers=world.headers(world.admin)).json()["items"]
    assert [a["id"] for a in listed] == [str(stored.id)]


@pytest.mark.parametrize("caller", ["supervisor", "specialist", "me"])
def test_care_roles_and_the_participant_itself_may_record(world, post_assessment, caller):
    assert post_assessment(barc10(), user=getattr(world, caller)).status_code == 201


def test_the_specialist_who_took_a_participant_in_may_record(world, post_assessment):
    url = f"/api/v1/participants/{world.taken_in.id}/assessments"
    response = post_assessment(barc10(), user=world.other_specialist, url=url)
    assert response.status_code == 201


def test_an_unknown_assessment_is_404(client, world):
    response = client.get(f"/api/v1/assessments/{uuid.uuid4()}", headers=world.headers(world.admin))
    assert response.status_code == 404
    assert response.json()["detail"] == "Assessment not found."


def test_assessment_reads_are_not_cached(client, world, assessments_url):
    response = client.get(assessments_url, headers=world.headers(world.me))
    assert response.headers["Cache-Control"] == "no-store"
