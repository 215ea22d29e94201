"""Test data for the communication agent: cases shaped like each workflow's command."""

from __future__ import annotations

from datetime import UTC, datetime

from communication.settings import CommunicationSettings
from emergisphere.v1.agents_pb2 import Case
from emergisphere.v1.common_pb2 import EmergencyContact

PATIENT_FIRST = "Walter"
PATIENT_LAST = "Stone"
COMPLAINT = "crushing chest pain"


def settings() -> CommunicationSettings:
    # Explicit values, so a developer's ES_COMMUNICATION_* variables cannot change a test.
    return CommunicationSettings(
        notifier="offline",
        staff_channel="pager",
        staff_recipients=["ed-charge-nurse", "ed-attending"],
        family_channel="sms",
        patient_channel="sms",
        ed_phone="+1 555 0100",
    )


def emergency_case(
    *,
    consent: bool = False,
    acuity: int = 2,
    legal_status: str | None = None,
    contacts: list[EmergencyContact] | None = None,
) -> Case:
    case = Case(workflow_type="emergency", patient_id="patient-1", mrn="MRN-000123")
    patient = case.intake.patient
    patient.first_name = PATIENT_FIRST
    patient.last_name = PATIENT_LAST
    patient.phone = "+15550123456"
    patient.emergency_contacts.extend(
        contacts
        if contacts is not None
        else [EmergencyContact(name="Rita Stone", relationship="spouse", phone="+15550123457")]
    )
    case.intake.chief_complaint = COMPLAINT
    case.intake.consent_to_share = consent
    case.triage.acuity = acuity
    case.triage.news2.score = 8
    case.triage.news2.band = "high"
    case.triage.immediate_actions.extend(["12-lead ECG within 10 minutes", "IV access"])
    if legal_status is not None:
        case.legal.consent_status = legal_status
    return case


def regular_case_with_appointment() -> Case:
    case = Case(workflow_type="regular", patient_id="patient-2", mrn="MRN-000456")
    case.intake.patient.first_name = "Maria"
    case.intake.patient.last_name = "Lopez"
    case.intake.patient.phone = "+15550100002"
    case.scheduling.appointment_id = "appointment-1"
    case.scheduling.practitioner_name = "Dr. A. Osei"
    case.scheduling.specialty = "general_practice"
    case.scheduling.starts_at.FromDatetime(datetime(2031, 3, 3, 9, 30, tzinfo=UTC))
    return case


def device_scan_case(*, emergency: bool) -> Case:
    case = Case(workflow_type="device_scan", patient_id="patient-3", mrn="MRN-000789")
    case.intake.patient.first_name = "Ahmed"
    case.intake.patient.last_name = "Khan"
    case.intake.patient.phone = "+15550100003"
    case.device.emergency = emergency
    case.device.news2.score = 7 if emergency else 1
    case.device.news2.band = "high" if emergency else "low"
    if emergency:
        case.device.reasons.add(rule="spo2_low", text="SpO2 86% below 88%", source="device")
    return case
