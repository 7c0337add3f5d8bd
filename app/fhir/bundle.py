"""A participant's record as FHIR R4 resources: pure functions from our rows to FHIR JSON.

``everything`` assembles the ``Patient/$everything`` searchset and ``to_fhir_json`` checks it
against the R4B models of fhir.resources before it leaves, so a malformed resource is our
error (a 500) and never a document a receiving system half-reads.

Choices a reader of the bundle should know about:

- Every resource, the Bundle included, carries the 42 CFR Part 2 security labels: the
  recipient may not redisclose it without the participant's consent. That is also why the
  specialist is an included Practitioner and not a contained one: a contained resource may
  not carry security labels (FHIR invariant dom-5).
- Codes with no standard home use systems under ``urn:prss:``; a receiving system can map
  them, and none of them pretends to be a standard code.
- Names go out as text only: splitting a name into given and family parts guesses at how
  people name themselves.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from app.assessments.models import Assessment
from app.assessments.scoring import (
    BARC10_ITEMS,
    BARC10_MAX_TOTAL,
    BARC10_MIN_TOTAL,
    BARC10_THRESHOLD,
)
from app.consents.models import Consent
from app.matching.models import PeerMatch
from app.outcomes.models import OutcomeSurvey
from app.participants.models import Participant
from app.plans.models import Goal, RecoveryPlan

Json = dict[str, Any]

FHIR_JSON = "application/fhir+json"

# Security labels (HL7 v3): the 42 CFR Part 2 privacy law, and "restricted" confidentiality.
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
PART2_SECURITY_LABELS: tuple[Mapping[str, str], ...] = (
    {"system": ACT_CODE, "code": "42CFRPart2", "display": "42 CFR Part2"},
    {"system": CONFIDENTIALITY, "code": "R", "display": "restricted"},
)

# Standard code systems.
GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
BCP47 = "urn:ietf:bcp:47"
GENDER_IDENTITY_EXTENSION = "http://hl7.org/fhir/StructureDefinition/patient-genderIdentity"

# Our own identifiers, questionnaires and code systems.
PARTICIPANT_SYSTEM = "urn:prss:participant"
INTEGRATOR_CLIENT_SYSTEM = "urn:prss:integrator-client"
BARC10_QUESTIONNAIRE = "urn:prss:questionnaire:barc10"
OUTCOME_SURVEY_QUESTIONNAIRE = "urn:prss:questionnaire:outcome-survey"
DIMENSION_SYSTEM = "urn:prss:recovery-dimension"
INFORMATION_CATEGORY_SYSTEM = "urn:prss:information-category"
DISCLOSURE_PURPOSE_EXTENSION = "urn:prss:fhir:extension:disclosure-purpose"
EXPIRY_EVENT_EXTENSION = "urn:prss:fhir:extension:expiry-event"


def outcome_answer_system(field: str) -> str:
    """The code system of a coded outcome survey answer (housing, employment, timepoint)."""
    return f"urn:prss:outcome-survey:{field}"


GOAL_ACHIEVEMENT_DISPLAY: Mapping[str, str] = {
    "in-progress": "In Progress",
    "improving": "Improving",
    "worsening": "Worsening",
    "no-change": "No Change",
    "achieved": "Achieved",
    "sustaining": "Sustaining",
    "not-achieved": "Not Achieved",
    "no-progress": "No Progress",
    "not-attainable": "Not Attainable",
}

# (field, question) in the order the survey asks them; every measure is past-30-day.
OUTCOME_MEASURES: tuple[tuple[str, str], ...] = (
    ("alcohol_days", "Days of alcohol use in the past 30 days"),
    ("drug_days", "Days of drug use in the past 30 days"),
    ("arrests", "Arrests in the past 30 days"),
    ("er_visits", "Emergency room visits in the past 30 days"),
    ("inpatient_nights", "Nights as a hospital inpatient in the past 30 days"),
    ("housing", "Housing"),
    ("employment", "Employment or education"),
    ("in_treatment", "In treatment"),
    ("satisfaction", "Satisfaction with the programme (1 to 5)"),
    ("social_support", "Has someone to turn to for support"),
)

# Only words that say it plainly; anything else leaves the administrative gender out
# rather than guess, and the participant's own words travel in the genderIdentity extension.
_ADMINISTRATIVE_GENDER: Mapping[str, str] = {
    "female": "female",
    "woman": "female",
    "male": "male",
    "man": "male",
}


@dataclass(frozen=True)
class ActiveMatch:
    match: PeerMatch
    specialist_name: str


@dataclass(frozen=True)
class PatientRecord:
    """What ``$everything`` returns about one participant, loaded by ``service``."""

    participant: Participant
    plans: Sequence[RecoveryPlan]
    goals: Sequence[Goal]
    barc10: Sequence[Assessment]
    outcome_surveys: Sequence[OutcomeSurvey]
    consents: Sequence[Consent]
    active_match: ActiveMatch | None = None


# --- Building blocks ------------------------------------------------------------------


def _compact(resource: Json) -> Json:
    """The resource without the elements that have no value: FHIR forbids empty ones."""
    return {key: value for key, value in resource.items() if value is not None and value != []}


def _instant(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _date(value: date) -> str:
    return value.isoformat()


def _meta(last_updated: datetime | None = None) -> Json:
    meta: Json = {"security": [dict(label) for label in PART2_SECURITY_LABELS]}
    if last_updated is not None:
        meta["lastUpdated"] = _instant(last_updated)
    return meta


def _reference(resource_type: str, resource_id: uuid.UUID, display: str | None = None) -> Json:
    return _compact({"reference": f"{resource_type}/{resource_id}", "display": display})


def _coding(system: str, code: str, display: str | None = None) -> Json:
    return _compact({"system": system, "code": code, "display": display})


def _concept(system: str, code: str, display: str | None = None) -> Json:
    return {"coding": [_coding(system, code, display)]}


def _period(start: datetime | None, end: datetime | None = None) -> Json | None:
    if start is None and end is None:
        return None
    return _compact(
        {
            "start": _instant(start) if start else None,
            "end": _instant(end) if end else None,
        }
    )


def _text(value: str | None) -> str | None:
    """A free-text value, or None when blank: FHIR strings may not be empty."""
    return value if value and value.strip() else None


# --- Patient --------------------------------------------------------------------------


def administrative_gender(gender_identity: str | None) -> str | None:
    """FHIR's administrative gender, only when the participant's own words say it plainly."""
    if gender_identity is None:
        return None
    return _ADMINISTRATIVE_GENDER.get(gender_identity.strip().casefold())


def patient(participant: Participant) -> Json:
    names: list[Json] = [{"use": "usual", "text": participant.preferred_name}]
    if _text(participant.legal_name):
        names.append({"use": "official", "text": participant.legal_name})
    telecom: list[Json] = []
    if _text(participant.phone):
        telecom.append({"system": "phone", "value": participant.phone})
    if _text(participant.email):
        telecom.append({"system": "email", "value": participant.email})
    gender_identity = _text(participant.gender_identity)
    return _compact(
        {
            "resourceType": "Patient",
            "id": str(participant.id),
            "meta": _meta(participant.updated_at),
            "extension": (
                [
                    {
                        "url": GENDER_IDENTITY_EXTENSION,
                        "valueCodeableConcept": {"text": gender_identity},
                    }
                ]
                if gender_identity
                else None
            ),
            "identifier": [
                {"use": "usual", "system": PARTICIPANT_SYSTEM, "value": str(participant.id)}
            ],
            # Withdrawn and discharged participants keep their record, no longer in use.
            "active": participant.status == "active",
            "name": names,
            "telecom": telecom,
            "gender": administrative_gender(participant.gender_identity),
            "birthDate": f"{participant.birth_year:04d}" if participant.birth_year else None,
            "communication": [
                {
                    "language": _concept(BCP47, participant.primary_language),
                    "preferred": True,
                }
            ],
        }
    )


# --- Recovery plans and goals ---------------------------------------------------------


def care_plan(plan: RecoveryPlan, goals: Sequence[Goal]) -> Json:
    notes = [{"text": f"Strength: {strength}"} for strength in plan.strengths] + [
        {"text": f"Barrier: {barrier}"} for barrier in plan.barriers
    ]
    return _compact(
        {
            "resourceType": "CarePlan",
            "id": str(plan.id),
            "meta": _meta(plan.updated_at),
            # An archived plan was replaced by a newer one and is no longer in effect.
            "status": "active" if plan.status == "active" else "completed",
            "intent": "plan",
            "category": [{"text": "Peer recovery support plan"}],
            "title": _text(plan.title),
            "subject": _reference("Patient", plan.participant_id),
            "period": _period(plan.started_at, plan.archived_at),
            "created": _instant(plan.created_at),
            "goal": [_reference("Goal", goal.id) for goal in goals],
            "note": notes,
        }
    )


def goal_lifecycle_status(*, status: str, agreed: bool, plan_active: bool) -> str:
    """FHIR Goal.lifecycleStatus from our achievement status, the participant's agreement
    and the plan's state.

    - not-attainable: cancelled (the goal was given up);
    - achieved, not-achieved, and any goal of an archived plan: completed (no longer
      sought here; a goal carried over lives on as a copy in the new plan);
    - otherwise proposed while it waits for the participant's agreement, else active.
    """
    if status == "not-attainable":
        return "cancelled"
    if status in ("achieved", "not-achieved") or not plan_active:
        return "completed"
    return "active" if agreed else "proposed"


def goal(goal: Goal, *, plan_active: bool) -> Json:
    return _compact(
        {
            "resourceType": "Goal",
            "id": str(goal.id),
            "meta": _meta(goal.updated_at),
            "lifecycleStatus": goal_lifecycle_status(
                status=goal.status,
                agreed=goal.agreed_by_participant_at is not None,
                plan_active=plan_active,
            ),
            "achievementStatus": _concept(
                GOAL_ACHIEVEMENT, goal.status, GOAL_ACHIEVEMENT_DISPLAY.get(goal.status)
            ),
            "category": [_concept(DIMENSION_SYSTEM, goal.dimension, goal.dimension.capitalize())],
            # The participant's own words.
            "description": {"text": goal.statement},
            "subject": _reference("Patient", goal.participant_id),
            "target": [{"dueDate": _date(goal.target_date)}] if goal.target_date else None,
        }
    )


# --- Questionnaire responses ----------------------------------------------------------


def _item(link_id: str, text: str, answer: Json) -> Json:
    return {"linkId": link_id, "text": text, "answer": [answer]}


def barc10_response(assessment: Assessment) -> Json:
    """A BARC-10: its ten answers in item order (1-6 each), then the total and the flag."""
    items = [
        _item(str(number), text, {"valueInteger": answer})
        for number, (text, answer) in enumerate(
            zip(BARC10_ITEMS, assessment.responses, strict=True), start=1
        )
    ]
    if assessment.total is not None:
        items.append(
            _item(
                "total",
                f"Total score ({BARC10_MIN_TOTAL} to {BARC10_MAX_TOTAL})",
                {"valueInteger": assessment.total},
            )
        )
    if assessment.meets_threshold is not None:
        items.append(
            _item(
                "meets_threshold",
                f"Total of {BARC10_THRESHOLD} or more (strong recovery capital)",
                {"valueBoolean": assessment.meets_threshold},
            )
        )
    return {
        "resourceType": "QuestionnaireResponse",
        "id": str(assessment.id),
        "meta": _meta(assessment.created_at),
        "questionnaire": BARC10_QUESTIONNAIRE,
        "status": "completed",
        "subject": _reference("Patient", assessment.participant_id),
        "authored": _instant(assessment.administered_at),
        "item": items,
    }


def _outcome_answer(field: str, value: bool | int | str) -> Json:
    # bool first: it is also an int.
    if isinstance(value, bool):
        return {"valueBoolean": value}
    if isinstance(value, int):
        return {"valueInteger": value}
    return {"valueCoding": _coding(outcome_answer_system(field), value)}


def outcome_survey_response(survey: OutcomeSurvey) -> Json:
    """An outcome survey: its timepoint, then one item per measure, named by its field.
    A measure not asked (satisfaction at intake) has no item."""
    items = [
        _item(
            "timepoint",
            "Timepoint",
            {"valueCoding": _coding(outcome_answer_system("timepoint"), survey.timepoint)},
        )
    ]
    for field, question in OUTCOME_MEASURES:
        value = getattr(survey, field)
        if value is not None:
            items.append(_item(field, question, _outcome_answer(field, value)))
    return {
        "resourceType": "QuestionnaireResponse",
        "id": str(survey.id),
        "meta": _meta(survey.updated_at),
        "questionnaire": OUTCOME_SURVEY_QUESTIONNAIRE,
        "status": "completed",
        "subject": _reference("Patient", survey.participant_id),
        "authored": _date(survey.administered_on),
        "item": items,
    }


# --- Consents -------------------------------------------------------------------------


def _consent_end(consent: Consent) -> datetime | None:
    # Revocation applies from then on; an expiry date ends it too, whichever comes first.
    ends = [moment for moment in (consent.revoked_at, consent.expires_at) if moment is not None]
    return min(ends) if ends else None


def _recipient(consent: Consent) -> Json:
    return _compact(
        {
            "identifier": (
                {"system": INTEGRATOR_CLIENT_SYSTEM, "value": str(consent.recipient_client_id)}
                if consent.recipient_client_id
                else None
            ),
            "display": _text(consent.recipient_name),
        }
    )


def consent(consent: Consent) -> Json:
    """An enrolment consent (to take part: scope treatment) or a §2.31 disclosure consent
    (scope patient-privacy, under 42 CFR Part 2, naming its recipient). Revoked and
    expired consents are inactive."""
    provision: Json = {
        "type": "permit",
        "period": _period(consent.signed_at, _consent_end(consent)),
    }
    resource: Json = {
        "resourceType": "Consent",
        "id": str(consent.id),
        "meta": _meta(consent.revoked_at or consent.created_at),
        "status": "active" if consent.status == "active" else "inactive",
        "patient": _reference("Patient", consent.participant_id),
        "dateTime": _instant(consent.signed_at),
        "performer": [_reference("Patient", consent.participant_id)],
    }
    if consent.kind == "enrolment":
        resource |= {
            "scope": _concept(CONSENT_SCOPE, "treatment", "Treatment"),
            "category": [_concept(LOINC, "59284-0", "Consent Document")],
            "policyRule": {"text": "Voluntary enrolment in peer recovery support services"},
        }
    else:
        extensions = [
            {"url": url, "valueString": value}
            for url, value in (
                (DISCLOSURE_PURPOSE_EXTENSION, _text(consent.purpose)),
                (EXPIRY_EVENT_EXTENSION, _text(consent.expiry_event)),
            )
            if value
        ]
        discloser = _text(consent.discloser)
        resource |= {
            "extension": extensions,
            "scope": _concept(CONSENT_SCOPE, "patient-privacy", "Privacy Consent"),
            "category": [_concept(LOINC, "64292-6", "Release of information consent Document")],
            "organization": [{"display": discloser}] if discloser else None,
            "policyRule": _concept(ACT_CODE, "42CFRPart2", "42 CFR Part2"),
        }
        provision |= {
            "actor": [
                {
                    "role": _concept(PARTICIPATION_TYPE, "IRCP", "information recipient"),
                    "reference": _recipient(consent),
                }
            ],
            "class": [
                _coding(INFORMATION_CATEGORY_SYSTEM, category)
                for category in consent.information_categories
            ],
        }
    resource["provision"] = _compact(provision)
    return _compact(resource)


# --- The peer match -------------------------------------------------------------------


def practitioner(specialist_id: uuid.UUID, display_name: str) -> Json:
    """The matched specialist: its display name and nothing more."""
    return {
        "resourceType": "Practitioner",
        "id": str(specialist_id),
        "meta": _meta(),
        "active": True,
        "name": [{"text": display_name}],
    }


def care_team(match: PeerMatch, specialist_name: str) -> Json:
    """The active peer match: the participant and its specialist, since activation."""
    return _compact(
        {
            "resourceType": "CareTeam",
            "id": str(match.id),
            "meta": _meta(match.updated_at),
            "status": "active",
            "name": "Peer recovery support",
            "subject": _reference("Patient", match.participant_id),
            "period": _period(match.activated_at),
            "participant": [
                {
                    "role": [_concept(SNOMED, "116154003", "Patient")],
                    "member": _reference("Patient", match.participant_id),
                },
                _compact(
                    {
                        "role": [{"text": "Peer recovery support specialist"}],
                        "member": _reference("Practitioner", match.specialist_id, specialist_name),
                        "period": _period(match.activated_at),
                    }
                ),
            ],
        }
    )


# --- The bundle -----------------------------------------------------------------------


def _entry(base_url: str, resource: Json, mode: str) -> Json:
    return {
        "fullUrl": f"{base_url}/{resource['resourceType']}/{resource['id']}",
        "resource": resource,
        "search": {"mode": mode},
    }


def everything(
    record: PatientRecord, *, base_url: str, now: datetime, bundle_id: uuid.UUID
) -> Json:
    """The ``Patient/$everything`` searchset: the Patient, its care plans each followed by
    their goals, questionnaire responses (BARC-10, outcome surveys), consents and the care
    team of the active match, all "match" entries; the specialist's Practitioner is an
    "include" (it is outside the patient's compartment).

    ``base_url`` is the FHIR base the fullUrls hang from (…/api/v1/fhir); references inside
    resources are relative ("Patient/<id>") and resolve against it.
    """
    plan_active = {plan.id: plan.status == "active" for plan in record.plans}
    goals_by_plan: dict[uuid.UUID, list[Goal]] = {plan.id: [] for plan in record.plans}
    for item in record.goals:
        goals_by_plan.setdefault(item.plan_id, []).append(item)

    matches: list[Json] = [patient(record.participant)]
    for plan in record.plans:
        matches.append(care_plan(plan, goals_by_plan[plan.id]))
        matches.extend(
            goal(item, plan_active=plan_active[plan.id]) for item in goals_by_plan[plan.id]
        )
    matches.extend(barc10_response(assessment) for assessment in record.barc10)
    matches.extend(outcome_survey_response(survey) for survey in record.outcome_surveys)
    matches.extend(consent(item) for item in record.consents)
    includes: list[Json] = []
    if record.active_match is not None:
        peer_match, name = record.active_match.match, record.active_match.specialist_name
        matches.append(care_team(peer_match, name))
        includes.append(practitioner(peer_match.specialist_id, name))

    return {
        "resourceType": "Bundle",
        "id": str(bundle_id),
        "meta": _meta(now),
        "type": "searchset",
        "timestamp": _instant(now),
        "total": len(matches),
        "link": [
            {
                "relation": "self",
                "url": f"{base_url}/Patient/{record.participant.id}/$everything",
            }
        ],
        "entry": [_entry(base_url, resource, "match") for resource in matches]
        + [_entry(base_url, resource, "include") for resource in includes],
    }


def to_fhir_json(bundle: Json) -> str:
    """The bundle as FHIR JSON, once the R4B models have accepted every resource in it.

    Raises pydantic's ``ValidationError`` for a malformed resource."""
    return Bundle.model_validate(bundle).model_dump_json()
