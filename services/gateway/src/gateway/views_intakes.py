"""POST /api/v1/intakes: accept an arriving patient, answer with acuity when it is quick."""

from __future__ import annotations

from fastapi import APIRouter, Request, status
from fastapi.responses import JSONResponse

from emergisphere_runtime.db.base import utcnow
from gateway import idempotency
from gateway.cases import intake_case
from gateway.deps import HubDep, PlatformDep
from gateway.idempotency import IdempotencyKey
from gateway.schemas import IntakeAccepted, IntakeIn, TriageOut
from gateway.starting import accepted_response, start_and_wait, workflow_url

router = APIRouter(prefix="/api/v1", tags=["intake"])


@router.post(
    "/intakes",
    response_model=IntakeAccepted,
    status_code=status.HTTP_201_CREATED,
    responses={202: {"model": IntakeAccepted, "description": "Accepted; triage still running"}},
)
async def post_intake(
    body: IntakeIn,
    request: Request,
    platform: PlatformDep,
    hub: HubDep,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    workflow_id = None
    if idempotency_key is not None:
        await idempotency.claim(platform, "intakes", idempotency_key, body)
        workflow_id = idempotency.workflow_id_for("intakes", idempotency_key)
    accepted = await start_and_wait(
        platform,
        hub,
        workflow_type="emergency",
        case=intake_case(body, arrived_at=utcnow()),
        patient=body.patient,
        step_id="triage",
        model=TriageOut,
        workflow_id=workflow_id,
    )
    url = workflow_url(request, accepted.workflow_id)
    response = IntakeAccepted(
        workflow_id=accepted.workflow_id,
        patient_id=accepted.patient_id,
        workflow_url=url,
        triage=accepted.output,
    )
    return accepted_response(
        response, url=url, done=accepted.output is not None, replayed=accepted.replayed
    )
