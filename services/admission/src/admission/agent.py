"""The admission agent: finds or registers the patient and opens the visit's encounter."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from admission import service
from admission.errors import AdmissionError
from admission.models import EmergencyContactRead, InsuranceRead, PatientCreate
from admission.rules import clean, parse_date_of_birth
from admission.seed import seed_demo
from emergisphere.v1.agents_pb2 import AdmissionCommand, AdmissionResult
from emergisphere.v1.common_pb2 import EmergencyContact, Insurance, Patient
from emergisphere_runtime.agent import AgentContext, AgentError, AgentService, AgentSpec
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.platform import Platform

log = logging.getLogger(__name__)

NAME = "admission"


def patient_from_proto(patient: Patient) -> PatientCreate:
    """The intake's patient as admission reads it: blanks are unknowns, not values."""
    insurance = patient.insurance if patient.HasField("insurance") else None
    return PatientCreate(
        national_health_id=clean(patient.national_health_id),
        first_name=clean(patient.first_name),
        last_name=clean(patient.last_name),
        date_of_birth=parse_date_of_birth(patient.date_of_birth),
        sex=clean(patient.sex) or "unknown",
        phone=clean(patient.phone),
        emergency_contacts=[
            EmergencyContactRead(name=c.name, relationship=c.relationship, phone=c.phone)
            for c in patient.emergency_contacts
            if clean(c.name) or clean(c.phone)
        ],
        insurance=insurance_from_proto(insurance) if insurance is not None else None,
    )


def insurance_from_proto(insurance: Insurance) -> InsuranceRead | None:
    """A card without a payer names no one to bill, so it counts as no card."""
    payer = clean(insurance.payer)
    if payer is None:
        return None
    return InsuranceRead(
        payer=payer,
        member_id=insurance.member_id.strip(),
        plan=insurance.plan.strip(),
        copay=max(insurance.copay, 0.0),
        coinsurance=min(max(insurance.coinsurance, 0.0), 1.0),
        deductible=max(insurance.deductible, 0.0),
        deductible_met=max(insurance.deductible_met, 0.0),
    )


def insurance_to_proto(insurance: InsuranceRead | None) -> Insurance:
    return Insurance() if insurance is None else Insurance(**insurance.model_dump())


async def handle(command: AdmissionCommand, ctx: AgentContext) -> AdmissionResult:
    case = command.case
    intake = case.intake
    arrived_at: datetime | None = (
        intake.arrived_at.ToDatetime(tzinfo=UTC) if intake.HasField("arrived_at") else None
    )
    try:
        admission = await service.admit(
            ctx.session,
            workflow_id=ctx.workflow_id,
            workflow_type=case.workflow_type,
            patient=patient_from_proto(intake.patient),
            arrival_mode=intake.arrival_mode or None,
            arrived_at=arrived_at,
            now=ctx.now,
            known_patient_id=case.patient_id or None,
        )
    except AdmissionError as exc:
        raise AgentError(str(exc)) from None
    # Only fixed vocabulary is logged, never identity.
    log.info(
        "patient admitted",
        extra={
            "agent": NAME,
            "workflow_id": ctx.workflow_id,
            "matched_by": admission.matched_by,
            "patient_created": admission.patient_created,
            "encounter_created": admission.encounter_created,
            "coverage_source": admission.coverage_source,
        },
    )
    return AdmissionResult(
        patient_id=admission.patient.id,
        mrn=admission.patient.mrn,
        encounter_id=admission.encounter.id,
        patient_created=admission.patient_created,
        encounter_created=admission.encounter_created,
        coverage=insurance_to_proto(admission.coverage),
        coverage_source=admission.coverage_source,
        matched_by=admission.matched_by,
        phone=admission.patient.phone or "",
        emergency_contacts=[
            EmergencyContact(name=c.name, relationship=c.relationship, phone=c.phone)
            for c in admission.patient.emergency_contacts
        ],
    )


async def seed_if_development(platform: Platform) -> None:
    settings = platform.settings
    if settings.environment != "development" or not settings.seed_demo_data:
        return
    async with platform.db.transaction() as session:
        created = await seed_demo(session, now=utcnow())
    log.info("admission demo patients ensured", extra={"agent": NAME, "count": created})


def build(platform: Platform) -> AgentService[AdmissionCommand, AdmissionResult]:
    return AgentService(
        platform, AgentSpec(name=NAME, handler=handle, on_start=seed_if_development)
    )
