"""Appointments: a request starts the regular workflow; practitioners and free slots."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from emergisphere_runtime.db.base import utcnow
from gateway.cases import appointment_case
from gateway.deps import HubDep, PlatformDep, SessionDep
from gateway.schemas import AppointmentIn
from gateway.starting import accepted_response, start_and_wait, workflow_url
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
    accepted = await start_and_wait(
        platform,
        hub,
        workflow_type="regular",
        case=appointment_case(body, requested_at=utcnow()),
        patient=body.patient,
        step_id="scheduling",
        model=BookedAppointment,
    )
    url = workflow_url(request, accepted.workflow_id)
    response = AppointmentAccepted(
        workflow_id=accepted.workflow_id,
        patient_id=accepted.patient_id,
        workflow_url=url,
        appointment=accepted.output,
    )
    return accepted_response(response, url=url, done=accepted.output is not None)


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
