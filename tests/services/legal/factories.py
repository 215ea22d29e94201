"""Test data for the legal agent: intake-shaped cases, one knob per legal fact."""

from __future__ import annotations

from datetime import UTC, datetime

from emergisphere.v1.agents_pb2 import Case
from emergisphere.v1.common_pb2 import EmergencyContact

ARRIVED_AT = datetime(2031, 6, 15, 10, 0, tzinfo=UTC)


def born_years_before_arrival(years: int, *, days_later: int = 0) -> str:
    """An ISO date of birth exactly ``years`` before arrival, shifted ``days_later``."""
    born = ARRIVED_AT.date().replace(year=ARRIVED_AT.year - years)
    return born.fromordinal(born.toordinal() + days_later).isoformat()


def case(
    *,
    complaint: str = "sore throat",
    age: int | None = 40,
    arrival_mode: str = "walk_in",
    consciousness: str | None = "A",
    acuity: int = 3,
    national_health_id: str = "943-476-5919",
    first_name: str = "Walter",
    last_name: str = "Stone",
    contacts: list[EmergencyContact] | None = None,
    with_arrival_time: bool = True,
) -> Case:
    c = Case(workflow_type="emergency", patient_id="patient-1")
    patient = c.intake.patient
    patient.national_health_id = national_health_id
    patient.first_name = first_name
    patient.last_name = last_name
    if age is not None:
        patient.date_of_birth = born_years_before_arrival(age)
    patient.emergency_contacts.extend(contacts or [])
    c.intake.chief_complaint = complaint
    c.intake.arrival_mode = arrival_mode
    if consciousness is not None:
        c.intake.vitals.consciousness = consciousness
    if with_arrival_time:
        c.intake.arrived_at.FromDatetime(ARRIVED_AT)
    c.triage.acuity = acuity
    return c


def contact(relationship: str) -> EmergencyContact:
    return EmergencyContact(name="Rita Stone", relationship=relationship, phone="+15550123457")
