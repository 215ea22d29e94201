"""POST /api/v1/intakes: accept an arriving patient, answer with acuity when it is quick."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, status
from fastapi.responses import JSONResponse

from emergisphere_runtime.db.base import utcnow
from gateway.cases import intake_case
from gateway.deps import HubDep, PlatformDep
from gateway.outputs import step_output
from gateway.patients import resolve_patient_id
from gateway.schemas import IntakeAccepted, IntakeIn, TriageOut
from gateway.starting import start_workflow

router = APIRouter(prefix="/api/v1", tags=["intake"])


@router.post(
    "/intakes",
    response_model=IntakeAccepted,
    status_code=status.HTTP_201_CREATED,
    responses={202: {"model": IntakeAccepted, "description": "Accepted; triage still running"}},
)
async def post_intake(
    body: IntakeIn, request: Request, platform: PlatformDep, hub: HubDep
) -> JSONResponse:
    workflow_id = str(uuid.uuid4())
    case = intake_case(body, arrived_at=utcnow())
    patient_id = await resolve_patient_id(platform, body.patient, workflow_id=workflow_id)
    # Watch before starting, so a fast triage cannot finish unseen.
    async with hub.watch_workflow(workflow_id) as events:
        await start_workflow(
            platform,
            workflow_type="emergency",
            case=case,
            patient_id=patient_id,
            workflow_id=workflow_id,
        )
        settled = await hub.step_settled(events, "triage", platform.settings.intake_wait_seconds)
    url = str(request.url_for("get_workflow", workflow_id=workflow_id))
    triage = await step_output(platform, workflow_id, "triage", TriageOut) if settled else None
    accepted = IntakeAccepted(
        workflow_id=workflow_id, patient_id=patient_id, workflow_url=url, triage=triage
    )
    return JSONResponse(
        status_code=status.HTTP_201_CREATED if triage else status.HTTP_202_ACCEPTED,
        content=accepted.model_dump(mode="json"),
        headers={"Location": url},
    )
