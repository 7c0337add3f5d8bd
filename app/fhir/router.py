"""``/fhir``: a participant's record as FHIR R4, for EHRs and the participant's own apps."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from app.core.base import utcnow
from app.core.db import SessionDep
from app.fhir import bundle, service
from app.fhir.schemas import FhirBundle
from app.participants.dependencies import ReadableParticipant

router = APIRouter(prefix="/fhir", tags=["fhir"])

EVERYTHING_DESCRIPTION = """\
The FHIR `Patient/$everything` operation: a Bundle of type `searchset` with the participant as
a Patient, each recovery plan as a CarePlan with its goals as Goals, each BARC-10 and outcome
survey as a QuestionnaireResponse, each consent as a Consent, and the active peer match as a
CareTeam with the specialist as an included Practitioner.

Every resource carries the 42 CFR Part 2 security labels (v3-ActCode `42CFRPart2`,
v3-Confidentiality `R`): the data may not be redisclosed without the participant's written
consent. Who may read it is who may read the participant; anyone else gets 404.
"""


class FhirResponse(JSONResponse):
    """FHIR JSON, serialised by ``bundle.to_fhir_json`` (a JSONResponse, so the OpenAPI
    document describes the body with the route's model)."""

    media_type = bundle.FHIR_JSON

    def render(self, content: Any) -> bytes:
        if isinstance(content, str):
            return content.encode("utf-8")
        return super().render(content)


def _fhir_base(request: Request) -> str:
    # The FHIR base is wherever this router is mounted: the request URL up to "/Patient/".
    url = str(request.url.replace(query=None, fragment=None))
    return url[: url.rindex("/Patient/")]


@router.get(
    "/Patient/{participant_id}/$everything",
    response_model=FhirBundle,
    response_class=FhirResponse,
    responses={200: {"description": "A FHIR R4 Bundle (searchset)."}},
    summary="Everything about a participant as a FHIR R4 Bundle",
    description=EVERYTHING_DESCRIPTION,
)
def patient_everything(
    request: Request, db: SessionDep, participant: ReadableParticipant
) -> FhirResponse:
    record = service.patient_record(db=db, participant=participant)
    document = bundle.everything(
        record, base_url=_fhir_base(request), now=utcnow(), bundle_id=uuid.uuid4()
    )
    return FhirResponse(bundle.to_fhir_json(document))
