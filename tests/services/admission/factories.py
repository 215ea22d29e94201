"""Test data for admission: intake-shaped cases, one knob per identity fact."""

from __future__ import annotations

from datetime import UTC, datetime

from emergisphere.v1.agents_pb2 import Case
from emergisphere.v1.common_pb2 import EmergencyContact, Insurance

ARRIVED_AT = datetime(2031, 6, 15, 10, 0, tzinfo=UTC)

ACME = Insurance(
    payer="Acme Health",
    member_id="ACM-1",
    plan="PPO Gold",
    copay=150,
    coinsurance=0.2,
    deductible=1500,
    deductible_met=400,
)


def case(
    *,
    workflow_type: str = "emergency",
    national_health_id: str = "100-200-3000",
    first_name: str = "Walter",
    last_name: str = "Stone",
    date_of_birth: str = "1970-01-31",
    sex: str = "male",
    phone: str = "+15550123456",
    contacts: list[EmergencyContact] | None = None,
    insurance: Insurance | None = None,
    arrival_mode: str = "ambulance",
    patient_id: str = "",
) -> Case:
    built = Case(workflow_type=workflow_type, patient_id=patient_id)
    patient = built.intake.patient
    patient.national_health_id = national_health_id
    patient.first_name = first_name
    patient.last_name = last_name
    patient.date_of_birth = date_of_birth
    patient.sex = sex
    patient.phone = phone
    patient.emergency_contacts.extend(contacts or [])
    if insurance is not None:
        patient.insurance.CopyFrom(insurance)
    built.intake.chief_complaint = "chest pain"
    built.intake.arrival_mode = arrival_mode
    built.intake.arrived_at.FromDatetime(ARRIVED_AT)
    return built


def unidentified_case() -> Case:
    return case(national_health_id="", first_name="", last_name="", date_of_birth="", phone="")


def contact(name: str = "Rita Stone", relationship: str = "spouse") -> EmergencyContact:
    return EmergencyContact(name=name, relationship=relationship, phone="+15550123457")
