"""``GET /fhir/Patient/{id}/$everything``: a valid R4 searchset of the participant's record,
every resource labelled for 42 CFR Part 2, for exactly those who may read the participant."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from fhir.resources.R4B.bundle import Bundle
from sqlalchemy import select

from app.assessments.models import Assessment
from app.consents.models import Consent
from app.core.audit import AuditEvent
from app.core.base import utcnow
from app.outcomes.models import OutcomeSurvey
from app.plans.models import Goal
from tests.plans.conftest import make_goal, make_plan

ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"


def everything_url(participant_id) -> str:
    return f"/api/v1/fhir/Patient/{participant_id}/$everything"


@dataclass
class Record:
    """The rows written for ``world.matched`` beyond those the world has."""

    agreed_goal: Goal
    proposed_goal: Goal
    achieved_goal: Goal
    archived_goal: Goal
    barc10: Assessment
    cssrs: Assessment
    survey: OutcomeSurvey
    disclosure: Consent
    revoked: Consent


@pytest.fixture
def record(db, world) -> Record:
    participant = world.matched
    participant.birth_year = 1988
    participant.gender_identity = "Woman"
    participant.phone = "+1 555 0100"
    old_plan = make_plan(db, participant, status="archived", title="First plan")
    old_plan.started_at = utcnow() - timedelta(days=90)
    archived_goal = make_goal(db, old_plan, dimension="home", statement="Find a flat")
    plan = make_plan(db, participant, strengths=["Honest with myself"])
    agreed_goal = make_goal(
        db,
        plan,
        dimension="community",
        statement="Go to a meeting every week",
        target_date=date(2027, 3, 1),
    )
    proposed_goal = make_goal(db, plan, statement="See a dentist", agreed=False)
    achieved_goal = make_goal(db, plan, dimension="purpose", status="achieved")
    assessments = [
        Assessment(
            organisation_id=participant.organisation_id,
            participant_id=participant.id,
            instrument="barc10",
            responses=[5, 5, 4, 4, 5, 5, 4, 5, 5, 6],
            total=48,
            meets_threshold=True,
        ),
        Assessment(
            organisation_id=participant.organisation_id,
            participant_id=participant.id,
            instrument="cssrs_screen",
            responses={"wish_dead": False, "suicidal_thoughts": False, "behavior": False},
            risk="low",
        ),
    ]
    # The outcome surveys API is built elsewhere: write the row directly.
    survey = OutcomeSurvey(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        timepoint="intake",
        administered_on=utcnow().date(),
        alcohol_days=12,
        drug_days=0,
        arrests=0,
        er_visits=1,
        inpatient_nights=0,
        housing="unstable",
        employment="unemployed",
        in_treatment=True,
        satisfaction=None,
        social_support=False,
        recorded_by_role="specialist",
    )
    disclosure = Consent(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        kind="disclosure",
        signed_at=utcnow() - timedelta(days=1),
        signature="Zoë Martínez",
        discloser="Riverside Peers",
        recipient_name="State Opioid Response evaluation team",
        recipient_client_id=uuid.uuid4(),
        information_categories=["outcomes", "demographics"],
        purpose="Programme evaluation",
        expires_at=utcnow() + timedelta(days=365),
    )
    revoked = Consent(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        kind="disclosure",
        signed_at=utcnow() - timedelta(days=3),
        signature="Zoë Martínez",
        discloser="Riverside Peers",
        recipient_name="County court",
        information_categories=["check_ins"],
        purpose="Court report",
        expiry_event="End of probation",
        revoked_at=utcnow() - timedelta(days=2),
    )
    db.add_all([*assessments, survey, disclosure, revoked])
    db.commit()
    return Record(
        agreed_goal=agreed_goal,
        proposed_goal=proposed_goal,
        achieved_goal=achieved_goal,
        archived_goal=archived_goal,
        barc10=assessments[0],
        cssrs=assessments[1],
        survey=survey,
        disclosure=disclosure,
        revoked=revoked,
    )


@pytest.fixture
def bundle(client, world, record):
    response = client.get(everything_url(world.matched.id), headers=world.headers(world.specialist))
    assert response.status_code == 200, response.text
    return response.json()


def resources(bundle, resource_type=None):
    return [
        entry["resource"]
        for entry in bundle["entry"]
        if resource_type is None or entry["resource"]["resourceType"] == resource_type
    ]


def by_id(bundle, resource_id):
    (found,) = [r for r in resources(bundle) if r["id"] == str(resource_id)]
    return found


def references(node):
    """Every literal reference anywhere in a resource."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "reference" and isinstance(value, str):
                yield value
            else:
                yield from references(value)
    elif isinstance(node, list):
        for value in node:
            yield from references(value)


def test_the_bundle_is_a_valid_r4_searchset_sent_as_fhir_json(client, world, record):
    response = client.get(everything_url(world.matched.id), headers=world.headers(world.me))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/fhir+json"
    assert response.headers["cache-control"] == "no-store"
    parsed = Bundle.model_validate(response.json())
    assert parsed.type == "searchset"
    matches = [e for e in parsed.entry or [] if e.search and e.search.mode == "match"]
    assert parsed.total == len(matches)


def test_the_bundle_holds_each_kind_of_record(bundle):
    kinds = Counter(resource["resourceType"] for resource in resources(bundle))
    assert kinds == {
        "Patient": 1,
        "CarePlan": 2,
        "Goal": 4,
        # BARC-10 and the outcome survey; the C-SSRS screen stays out.
        "QuestionnaireResponse": 2,
        # The world's enrolment consent and the two disclosure consents.
        "Consent": 3,
        "CareTeam": 1,
        "Practitioner": 1,
    }
    modes = {e["resource"]["resourceType"]: e["search"]["mode"] for e in bundle["entry"]}
    assert modes["Practitioner"] == "include"
    assert modes["Patient"] == modes["Goal"] == "match"


def test_every_reference_resolves_inside_the_bundle(bundle):
    full_urls = {entry["fullUrl"] for entry in bundle["entry"]}
    checked = 0
    for entry in bundle["entry"]:
        base = entry["fullUrl"].rsplit("/", 2)[0]
        for reference in references(entry["resource"]):
            assert f"{base}/{reference}" in full_urls, reference
            checked += 1
    assert checked >= 20
    for entry in bundle["entry"]:
        resource = entry["resource"]
        assert entry["fullUrl"].endswith(f"/{resource['resourceType']}/{resource['id']}")


def test_every_resource_carries_the_part2_security_labels(bundle):
    for resource in [bundle, *resources(bundle)]:
        labels = {(c["system"], c["code"]) for c in resource["meta"]["security"]}
        assert (ACT_CODE, "42CFRPart2") in labels, resource["resourceType"]
        assert (CONFIDENTIALITY, "R") in labels, resource["resourceType"]


def test_the_patient_says_only_what_is_plain(bundle, world):
    (patient,) = resources(bundle, "Patient")
    assert patient["id"] == str(world.matched.id)
    assert patient["identifier"] == [
        {"use": "usual", "system": "urn:prss:participant", "value": str(world.matched.id)}
    ]
    assert {"use": "usual", "text": "Zoë"} in patient["name"]
    assert {"use": "official", "text": "Zoë Martínez"} in patient["name"]
    assert patient["gender"] == "female"
    assert patient["extension"][0]["valueCodeableConcept"] == {"text": "Woman"}
    assert patient["birthDate"] == "1988"
    assert patient["telecom"] == [{"system": "phone", "value": "+1 555 0100"}]
    assert patient["communication"][0]["language"]["coding"][0]["code"] == "en"


def test_plans_carry_their_goals_with_mapped_statuses(bundle, record):
    plans = {plan["title"]: plan for plan in resources(bundle, "CarePlan")}
    assert plans["My plan"]["status"] == "active"
    assert plans["First plan"]["status"] == "completed"
    assert plans["My plan"]["goal"] == [
        {"reference": f"Goal/{goal.id}"}
        for goal in (record.agreed_goal, record.proposed_goal, record.achieved_goal)
    ]
    assert plans["My plan"]["note"] == [{"text": "Strength: Honest with myself"}]

    agreed = by_id(bundle, record.agreed_goal.id)
    assert agreed["lifecycleStatus"] == "active"
    assert agreed["achievementStatus"]["coding"][0] == {
        "system": "http://terminology.hl7.org/CodeSystem/goal-achievement",
        "code": "in-progress",
        "display": "In Progress",
    }
    assert agreed["description"] == {"text": "Go to a meeting every week"}
    assert agreed["target"] == [{"dueDate": "2027-03-01"}]
    assert agreed["category"][0]["coding"][0]["code"] == "community"
    assert by_id(bundle, record.proposed_goal.id)["lifecycleStatus"] == "proposed"
    assert by_id(bundle, record.achieved_goal.id)["lifecycleStatus"] == "completed"
    assert by_id(bundle, record.archived_goal.id)["lifecycleStatus"] == "completed"


def test_questionnaire_responses_carry_answers_and_totals(bundle, record):
    barc10 = by_id(bundle, record.barc10.id)
    assert barc10["questionnaire"] == "urn:prss:questionnaire:barc10"
    answers = {item["linkId"]: item["answer"][0] for item in barc10["item"]}
    assert [answers[str(n)]["valueInteger"] for n in range(1, 11)] == record.barc10.responses
    assert answers["total"] == {"valueInteger": 48}
    assert answers["meets_threshold"] == {"valueBoolean": True}

    survey = by_id(bundle, record.survey.id)
    assert survey["questionnaire"] == "urn:prss:questionnaire:outcome-survey"
    answers = {item["linkId"]: item["answer"][0] for item in survey["item"]}
    # One item per measure, named by its field; satisfaction is not asked at intake.
    assert set(answers) == {
        "timepoint",
        "alcohol_days",
        "drug_days",
        "arrests",
        "er_visits",
        "inpatient_nights",
        "housing",
        "employment",
        "in_treatment",
        "social_support",
    }
    assert answers["alcohol_days"] == {"valueInteger": 12}
    assert answers["housing"]["valueCoding"]["code"] == "unstable"
    assert answers["in_treatment"] == {"valueBoolean": True}
    assert answers["timepoint"]["valueCoding"]["code"] == "intake"


def test_consents_show_scope_status_period_and_recipient(bundle, record):
    consents = resources(bundle, "Consent")
    (enrolment,) = [c for c in consents if c["scope"]["coding"][0]["code"] == "treatment"]
    assert enrolment["status"] == "active"
    assert "end" not in enrolment["provision"]["period"]

    disclosure = by_id(bundle, record.disclosure.id)
    assert disclosure["status"] == "active"
    assert disclosure["scope"]["coding"][0]["code"] == "patient-privacy"
    assert disclosure["policyRule"]["coding"][0]["code"] == "42CFRPart2"
    (actor,) = disclosure["provision"]["actor"]
    assert actor["role"]["coding"][0]["code"] == "IRCP"
    assert actor["reference"]["display"] == "State Opioid Response evaluation team"
    assert actor["reference"]["identifier"]["value"] == str(record.disclosure.recipient_client_id)
    assert [c["code"] for c in disclosure["provision"]["class"]] == ["outcomes", "demographics"]
    assert disclosure["provision"]["period"]["end"].startswith(
        record.disclosure.expires_at.date().isoformat()
    )

    revoked = by_id(bundle, record.revoked.id)
    assert revoked["status"] == "inactive"
    assert revoked["provision"]["period"]["end"].startswith(
        record.revoked.revoked_at.date().isoformat()
    )


def test_the_active_match_is_a_care_team_with_the_specialist(bundle, world):
    (team,) = resources(bundle, "CareTeam")
    assert team["status"] == "active"
    assert "start" in team["period"]
    members = [p["member"]["reference"] for p in team["participant"]]
    (practitioner,) = resources(bundle, "Practitioner")
    assert members == [f"Patient/{world.matched.id}", f"Practitioner/{practitioner['id']}"]
    assert practitioner["name"] == [{"text": "Pat Peer"}]


def test_a_participant_without_plans_or_a_match_gets_a_small_bundle(client, world):
    response = client.get(
        everything_url(world.taken_in.id), headers=world.headers(world.other_specialist)
    )
    assert response.status_code == 200, response.text
    bundle = response.json()
    Bundle.model_validate(bundle)
    assert Counter(r["resourceType"] for r in resources(bundle)) == {"Patient": 1, "Consent": 1}


@pytest.mark.parametrize("caller", ["other_specialist", "other_admin", "other_org_specialist"])
def test_a_caller_who_may_not_read_the_participant_gets_404(client, world, record, caller):
    response = client.get(
        everything_url(world.matched.id), headers=world.headers(getattr(world, caller))
    )
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "Zo" not in response.text


def test_an_unknown_participant_is_404(client, world):
    response = client.get(everything_url(uuid.uuid4()), headers=world.headers(world.supervisor))
    assert response.status_code == 404


def test_without_a_token_it_is_401(client, world):
    response = client.get(everything_url(world.matched.id))
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"


def test_reads_and_refusals_are_audited(client, world, db):
    client.get(everything_url(world.matched.id), headers=world.headers(world.specialist))
    client.get(everything_url(world.matched.id), headers=world.headers(world.other_specialist))
    events = db.execute(
        select(AuditEvent.actor_id, AuditEvent.outcome, AuditEvent.status_code).where(
            AuditEvent.participant_id == world.matched.id,
            AuditEvent.action == "patient_everything",
        )
    ).all()
    assert (world.specialist.id, "success", 200) in events
    assert (world.other_specialist.id, "denied", 404) in events


def test_the_operation_is_documented(app):
    operation = app.openapi()["paths"]["/api/v1/fhir/Patient/{participant_id}/$everything"]["get"]
    assert operation["operationId"] == "fhir-patient_everything"
    content = operation["responses"]["200"]["content"]
    assert content == {
        "application/fhir+json": {"schema": {"$ref": "#/components/schemas/FhirBundle"}}
    }
