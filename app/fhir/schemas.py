"""The outline of the FHIR answers, for the OpenAPI document and the generated clients.

The answers themselves are built as FHIR JSON in ``bundle.py`` and checked against the R4B
models of fhir.resources; these models only describe their outer shape (the full FHIR
schema would swamp the document)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class FhirBundleLink(BaseModel):
    relation: str
    url: str


class FhirBundleSearch(BaseModel):
    mode: Literal["match", "include"]


class FhirBundleEntry(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    full_url: str = Field(alias="fullUrl")
    resource: dict[str, Any] = Field(
        description=(
            "A FHIR R4 resource: Patient, CarePlan, Goal, QuestionnaireResponse, Consent, "
            "CareTeam (matches) or Practitioner (included). Each carries the 42 CFR Part 2 "
            "security labels in meta.security."
        )
    )
    search: FhirBundleSearch


class FhirBundle(BaseModel):
    """A FHIR R4 Bundle (http://hl7.org/fhir/R4/bundle.html)."""

    model_config = ConfigDict(populate_by_name=True)

    resource_type: Literal["Bundle"] = Field(alias="resourceType")
    id: str
    meta: dict[str, Any]
    type: Literal["searchset"]
    timestamp: str
    total: int = Field(description="The number of match entries.")
    link: list[FhirBundleLink]
    entry: list[FhirBundleEntry]
