"""Turning accepted request bodies into the protobuf Case the workflow carries."""

from __future__ import annotations

from datetime import datetime

from emergisphere.v1.agents_pb2 import Case
from emergisphere.v1.common_pb2 import Insurance, Intake, Patient, Vitals
from gateway.schemas import AppointmentIn, IntakeIn, PatientIn, VitalsIn


def patient_proto(patient: PatientIn) -> Patient:
    proto = Patient(
        national_health_id=patient.national_health_id or "",
        first_name=patient.first_name or "",
        last_name=patient.last_name or "",
        date_of_birth=patient.date_of_birth.isoformat() if patient.date_of_birth else "",
        sex=patient.sex,
        phone=patient.phone or "",
    )
    for contact in patient.emergency_contacts:
        proto.emergency_contacts.add(
            name=contact.name, relationship=contact.relationship, phone=contact.phone
        )
    if patient.insurance is not None:
        proto.insurance.CopyFrom(Insurance(**patient.insurance.model_dump()))
    return proto


def vitals_proto(vitals: VitalsIn) -> Vitals:
    # Only measured values are set: an absent vital must stay absent, never become 0.
    return Vitals(**vitals.model_dump(exclude_none=True))


def intake_case(body: IntakeIn, *, arrived_at: datetime) -> Case:
    intake = Intake(
        patient=patient_proto(body.patient),
        chief_complaint=body.chief_complaint,
        arrival_mode=body.arrival_mode,
        vitals=vitals_proto(body.vitals),
        consent_to_share=body.consent_to_share,
    )
    intake.arrived_at.FromDatetime(arrived_at)
    return Case(intake=intake)


def appointment_case(body: AppointmentIn, *, requested_at: datetime) -> Case:
    intake = Intake(
        patient=patient_proto(body.patient),
        chief_complaint=body.reason,
        arrival_mode="walk_in",
        vitals=vitals_proto(body.vitals),
    )
    intake.arrived_at.FromDatetime(requested_at)
    case = Case(intake=intake)
    case.appointment.reason = body.reason
    case.appointment.specialty = body.specialty or ""
    case.appointment.practitioner_id = body.practitioner_id or ""
    if body.not_before is not None:
        case.appointment.not_before.FromDatetime(body.not_before)
    return case
