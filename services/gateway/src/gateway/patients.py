"""Patient lookups for the API, through the admission and records services' functions."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from admission import service as admission
from admission.models import PatientRead
from emergisphere.v1.agents_pb2 import Case
from emergisphere.v1.common_pb2 import Insurance
from emergisphere_runtime.messages import derived_id
from emergisphere_runtime.platform import Platform
from gateway.deps import SessionDep
from gateway.schemas import PatientIn
from records import service as records
from records.models import HistoryRead
from scheduling import service as scheduling
from scheduling.models import AppointmentRead

router = APIRouter(prefix="/api/v1/patients", tags=["patients"])


async def resolve_patient_id(platform: Platform, patient: PatientIn, *, workflow_id: str) -> str:
    """The id admission will give this patient, known before admission runs.

    An existing patient keeps their id; a new one gets the id admission derives the same
    way, so the intake response and live updates can name the patient at once.
    """
    async with platform.db.session() as session:
        found = await admission.find_patient(
            session,
            national_health_id=patient.national_health_id,
            first_name=patient.first_name,
            last_name=patient.last_name,
            date_of_birth=patient.date_of_birth.isoformat() if patient.date_of_birth else None,
        )
    if found is not None:
        return found.id
    if patient.national_health_id:
        return derived_id("patient", patient.national_health_id)
    return derived_id("patient", workflow_id)


async def require_patient(session: AsyncSession, patient_id: str) -> PatientRead:
    patient = await admission.get_patient(session, patient_id=patient_id)
    if patient is None:
        raise HTTPException(status_code=404, detail="patient not found")
    return patient


async def patient_case_or_404(session: AsyncSession, patient_id: str) -> Case:
    """A Case about a known patient, for workflows that start from a device, not a desk."""
    patient = await require_patient(session, patient_id)
    case = Case(patient_id=patient.id, mrn=patient.mrn)
    proto = case.intake.patient
    proto.national_health_id = patient.national_health_id or ""
    proto.first_name = patient.first_name or ""
    proto.last_name = patient.last_name or ""
    proto.date_of_birth = str(patient.date_of_birth or "")
    proto.sex = patient.sex or "unknown"
    proto.phone = patient.phone or ""
    for contact in patient.emergency_contacts:
        proto.emergency_contacts.add(
            name=contact.name, relationship=contact.relationship, phone=contact.phone
        )
    if patient.insurance is not None:
        proto.insurance.CopyFrom(Insurance(**patient.insurance.model_dump()))
    return case


@router.get("/{patient_id}", response_model=PatientRead)
async def get_patient(patient_id: str, session: SessionDep) -> PatientRead:
    return await require_patient(session, patient_id)


@router.get("/{patient_id}/history", response_model=HistoryRead)
async def get_history(patient_id: str, session: SessionDep) -> HistoryRead:
    await require_patient(session, patient_id)
    return await records.get_history(session, patient_id=patient_id)


@router.get("/{patient_id}/appointments", response_model=list[AppointmentRead])
async def get_appointments(patient_id: str, session: SessionDep) -> list[AppointmentRead]:
    await require_patient(session, patient_id)
    return await scheduling.appointments_for_patient(session, patient_id=patient_id)
