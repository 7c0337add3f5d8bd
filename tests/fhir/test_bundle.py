"""The pure mapping rules from our records to FHIR, and the validation guard."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from app.fhir import bundle


@pytest.mark.parametrize(
    ("status", "agreed", "plan_active", "expected"),
    [
        ("in-progress", True, True, "active"),
        ("improving", True, True, "active"),
        ("sustaining", True, True, "active"),
        ("in-progress", False, True, "proposed"),
        ("achieved", True, True, "completed"),
        ("not-achieved", True, True, "completed"),
        ("achieved", False, True, "completed"),
        ("not-attainable", True, True, "cancelled"),
        ("not-attainable", True, False, "cancelled"),
        ("in-progress", True, False, "completed"),
        ("worsening", False, False, "completed"),
    ],
)
def test_goal_lifecycle_status(status, agreed, plan_active, expected):
    assert (
        bundle.goal_lifecycle_status(status=status, agreed=agreed, plan_active=plan_active)
        == expected
    )


def test_every_goal_status_has_an_achievement_display():
    from app.plans.models import GOAL_STATUSES

    assert set(bundle.GOAL_ACHIEVEMENT_DISPLAY) == set(GOAL_STATUSES)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Female", "female"),
        (" woman ", "female"),
        ("MALE", "male"),
        ("man", "male"),
        ("non-binary", None),
        ("trans woman", None),
        ("prefer not to say", None),
        ("", None),
        (None, None),
    ],
)
def test_administrative_gender_is_set_only_when_plainly_said(words, expected):
    assert bundle.administrative_gender(words) == expected


def test_every_outcome_measure_is_a_survey_field():
    from app.outcomes.models import OutcomeSurvey

    columns = set(OutcomeSurvey.__table__.columns.keys())
    assert {field for field, _ in bundle.OUTCOME_MEASURES} <= columns


def _minimal(resource: dict[str, object]) -> dict[str, object]:
    now = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    return {
        "resourceType": "Bundle",
        "type": "searchset",
        "timestamp": now.isoformat(),
        "entry": [{"fullUrl": "https://example.org/fhir/X/1", "resource": resource}],
    }


def test_a_well_formed_bundle_is_serialised():
    resource = bundle.practitioner(uuid.uuid4(), "Pat Peer")
    text = bundle.to_fhir_json(_minimal(resource))
    assert '"resourceType":"Practitioner"' in text


@pytest.mark.parametrize(
    "broken",
    [
        # A Goal needs a description; FHIR strings may not be empty; no unknown elements.
        {"resourceType": "Goal", "lifecycleStatus": "active", "subject": {"reference": "P/1"}},
        {"resourceType": "Practitioner", "name": [{"text": ""}]},
        {"resourceType": "Patient", "birthDate": "88"},
        {"resourceType": "Patient", "nickname": "Z"},
    ],
)
def test_a_malformed_resource_is_refused(broken):
    with pytest.raises(ValidationError):
        bundle.to_fhir_json(_minimal(broken))
