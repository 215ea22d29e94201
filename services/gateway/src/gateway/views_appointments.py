"""Appointments: a request starts the regular workflow; practitioners and free slots."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from emergisphere_runtime.db.base import utcnow
from gateway.cases import appointment_case
from gateway.deps import HubDep, PlatformDep, SessionDep
from gateway.outputs import step_output
from gateway.patients import resolve_patient_id
from gateway.schemas import AppointmentIn
from gateway.starting import start_workflow
from scheduling import service as scheduling
from scheduling.models import PractitionerRead, SlotRead

router = APIRouter(prefix="/api/v1", tags=["appointments"])


class BookedAppointment(BaseModel):
    appointment_id: str
    practitioner_id: str
    practitioner_name: str
    specialty: str
    starts_at: datetime


class AppointmentAccepted(BaseModel):
    workflow_id: str
    patient_id: str
    workflow_url: str
    appointment: BookedAppointment | None = None


@router.post(
    "/appointments",
    response_model=AppointmentAccepted,
    status_code=status.HTTP_201_CREATED,
    responses={202: {"model": AppointmentAccepted, "description": "Accepted; booking pending"}},
)
async def request_appointment(
    body: AppointmentIn, request: Request, platform: PlatformDep, hub: HubDep
) -> JSONResponse:
    workflow_id = str(uuid.uuid4())
    patient_id = await resolve_patient_id(platform, body.patient, workflow_id=workflow_id)
    async with hub.watch_workflow(workflow_id) as events:
        await start_workflow(
            platform,
            workflow_type="regular",
            case=appointment_case(body, requested_at=utcnow()),
            patient_id=patient_id,
            workflow_id=workflow_id,
        )
        settled = await hub.step_settled(
            events, "scheduling", platform.settings.intake_wait_seconds
        )
    url = str(request.url_for("get_workflow", workflow_id=workflow_id))
    booked = None
    if settled:
        booked = await step_output(platform, workflow_id, "scheduling", BookedAppointment)
    accepted = AppointmentAccepted(
        workflow_id=workflow_id, patient_id=patient_id, workflow_url=url, appointment=booked
    )
    return JSONResponse(
        status_code=status.HTTP_201_CREATED if booked else status.HTTP_202_ACCEPTED,
        content=accepted.model_dump(mode="json"),
        headers={"Location": url},
    )


@router.get("/practitioners", response_model=list[PractitionerRead])
async def practitioners(
    session: SessionDep, specialty: Annotated[str | None, Query(max_length=64)] = None
) -> list[PractitionerRead]:
    return await scheduling.list_practitioners(session, specialty=specialty)


@router.get("/slots", response_model=list[SlotRead])
async def slots(
    session: SessionDep,
    specialty: Annotated[str, Query(min_length=1, max_length=64)],
    start: datetime | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[SlotRead]:
    return await scheduling.free_slots(
        session, specialty=specialty, start=start or utcnow(), limit=limit
    )
