"""Test data for records: workflow cases and patient histories."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from emergisphere.v1.agents_pb2 import Case
from emergisphere_runtime.platform import Platform
from records.models import AllergyCreate, ConditionCreate, MedicationCreate
from records.service import add_allergy, add_condition, add_medication

ARRIVED_AT = datetime(2031, 6, 15, 10, 0, tzinfo=UTC)
PATIENT = "patient-1"


def case(
    *,
    patient_id: str = PATIENT,
    workflow_type: str = "emergency",
    planned: Sequence[str] = (),
    acuity: int = 3,
    arrived_at: datetime | None = ARRIVED_AT,
    with_triage: bool = True,
) -> Case:
    built = Case(workflow_type=workflow_type, patient_id=patient_id, encounter_id="enc-1")
    built.intake.chief_complaint = "chest pain"
    if arrived_at is not None:
        built.intake.arrived_at.FromDatetime(arrived_at)
    if with_triage:
        built.triage.acuity = acuity
        built.triage.planned_medications.extend(planned)
    return built


async def give_history(
    platform: Platform,
    *,
    patient_id: str = PATIENT,
    allergies: Sequence[str] = (),
    medications: Sequence[str] = (),
    stopped: Sequence[str] = (),
    conditions: Sequence[str] = (),
) -> None:
    async with platform.db.transaction() as session:
        for substance in allergies:
            await add_allergy(
                session, patient_id=patient_id, allergy=AllergyCreate(substance=substance)
            )
        for name in medications:
            await add_medication(
                session, patient_id=patient_id, medication=MedicationCreate(name=name)
            )
        for name in stopped:
            await add_medication(
                session,
                patient_id=patient_id,
                medication=MedicationCreate(name=name, status="stopped"),
            )
        for name in conditions:
            await add_condition(
                session, patient_id=patient_id, condition=ConditionCreate(name=name)
            )
