"""POST /api/v1/intakes: accept an arriving patient, answer with acuity when it is quick."""

from __future__ import annotations

import asyncio
import uuid

from emergisphere.v1.workflow_pb2 import WorkflowEvent
from fastapi import APIRouter, Request, status
from fastapi.responses import JSONResponse

from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.workflow import store
from gateway.cases import intake_case
from gateway.deps import HubDep, PlatformDep
from gateway.patients import resolve_patient_id
from gateway.schemas import IntakeAccepted, IntakeIn, TriageOut
from gateway.starting import start_workflow

router = APIRouter(prefix="/api/v1", tags=["intake"])

_TRIAGE_SETTLED = {"step_completed", "step_failed"}


async def _triage_settled(events: asyncio.Queue[WorkflowEvent], timeout: float) -> bool:
    """True once the triage step has an outcome, False if the wait runs out."""

    async def wait() -> None:
        while True:
            event = await events.get()
            kind = event.kind
            if (
                event.agent == "triage" and kind in _TRIAGE_SETTLED
            ) or kind == "workflow_escalated":
                return

    try:
        await asyncio.wait_for(wait(), timeout)
    except TimeoutError:
        return False
    return True


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
        settled = await _triage_settled(events, platform.settings.intake_wait_seconds)
    url = str(request.url_for("get_workflow", workflow_id=workflow_id))
    triage = await triage_of(platform, workflow_id) if settled else None
    accepted = IntakeAccepted(
        workflow_id=workflow_id, patient_id=patient_id, workflow_url=url, triage=triage
    )
    return JSONResponse(
        status_code=status.HTTP_201_CREATED if triage else status.HTTP_202_ACCEPTED,
        content=accepted.model_dump(mode="json"),
        headers={"Location": url},
    )


async def triage_of(platform: Platform, workflow_id: str) -> TriageOut | None:
    async with platform.db.session() as session:
        workflow = await store.load(session, workflow_id)
    if workflow is None:
        return None
    step = next((s for s in workflow.steps if s.step_id == "triage"), None)
    if step is None or step.status != "completed" or not step.output:
        return None
    return TriageOut.model_validate(step.output)
