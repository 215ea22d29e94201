"""Which messages each purpose and workflow calls for, and what they may contain."""

from __future__ import annotations

import pytest

from communication.compose import UnknownPurpose, compose
from emergisphere.v1.common_pb2 import EmergencyContact

from .factories import (
    COMPLAINT,
    PATIENT_FIRST,
    PATIENT_LAST,
    device_scan_case,
    emergency_case,
    regular_case_with_appointment,
    settings,
)

CLINICAL_WORDS = ("ESI", "urgent", "NEWS2", "chest", "immediate")


def test_family_without_consent_gets_the_generic_arrival_message() -> None:
    [message] = compose(
        emergency_case(consent=False),
        purpose="workflow_update",
        workflow_id="wf",
        settings=settings(),
    )
    assert (message.audience, message.template, message.to) == (
        "family",
        "family_arrival",
        "+15550123457",
    )
    assert message.body == (
        f"Rita, {PATIENT_FIRST} has arrived at the emergency department and is being cared for."
        " Call +1 555 0100 for updates."
    )
    assert not any(word in message.body for word in CLINICAL_WORDS)


def test_family_with_consent_gets_the_clinical_update() -> None:
    [message] = compose(
        emergency_case(consent=True, acuity=2),
        purpose="workflow_update",
        workflow_id="wf",
        settings=settings(),
    )
    assert message.template == "family_update_clinical"
    assert "very urgent (ESI level 2)" in message.body
    assert COMPLAINT not in message.body


def test_consent_of_a_minor_without_guardian_is_not_enough() -> None:
    case = emergency_case(consent=True, legal_status="minor_without_guardian")
    [message] = compose(case, purpose="workflow_update", workflow_id="wf", settings=settings())
    assert message.template == "family_arrival"
    assert not any(word in message.body for word in CLINICAL_WORDS)


def test_consent_without_a_known_acuity_gets_the_generic_message() -> None:
    case = emergency_case(consent=True)
    case.ClearField("triage")
    [message] = compose(case, purpose="workflow_update", workflow_id="wf", settings=settings())
    assert message.template == "family_arrival"


def test_clinical_update_uses_the_clinicians_override() -> None:
    case = emergency_case(consent=True, acuity=3)
    case.acuity_override = 1
    [message] = compose(case, purpose="workflow_update", workflow_id="wf", settings=settings())
    assert "ESI level 1" in message.body


def test_contacts_without_a_phone_are_skipped_and_keep_their_index() -> None:
    contacts = [
        EmergencyContact(name="No Phone", relationship="friend"),
        EmergencyContact(name="Sam Stone", relationship="son", phone="+15550000002"),
    ]
    messages = compose(
        emergency_case(contacts=contacts),
        purpose="workflow_update",
        workflow_id="wf",
        settings=settings(),
    )
    assert [(m.index, m.to) for m in messages] == [(1, "+15550000002")]
    assert messages[0].body.startswith("Sam, ")


def test_staff_alert_pages_every_staff_recipient_without_the_patients_name() -> None:
    case = emergency_case(acuity=1)
    messages = compose(case, purpose="staff_alert", workflow_id="wf", settings=settings())
    assert [(m.audience, m.channel, m.to) for m in messages] == [
        ("staff", "pager", "ed-charge-nurse"),
        ("staff", "pager", "ed-attending"),
    ]
    body = messages[0].body
    assert body == (
        "ESI 1 patient MRN MRN-000123 arrived, NEWS2 8: 12-lead ECG within 10 minutes; IV access"
    )
    assert PATIENT_FIRST not in body
    assert PATIENT_LAST not in body


def test_staff_alert_before_admission_names_the_workflow() -> None:
    case = emergency_case(acuity=2)
    case.mrn = ""
    [first, _] = compose(case, purpose="staff_alert", workflow_id="wf-9", settings=settings())
    assert "patient workflow wf-9 arrived" in first.body


def test_escalation_goes_to_staff_without_the_patients_name() -> None:
    messages = compose(
        emergency_case(), purpose="escalation", workflow_id="wf", settings=settings()
    )
    assert {m.audience for m in messages} == {"staff"}
    assert {m.template for m in messages} == {"escalation"}
    assert "emergency workflow for patient MRN MRN-000123 (ESI 2)" in messages[0].body
    assert PATIENT_FIRST not in messages[0].body


def test_device_alert_lists_the_findings_for_staff() -> None:
    messages = compose(
        device_scan_case(emergency=True),
        purpose="device_alert",
        workflow_id="wf",
        settings=settings(),
    )
    assert {m.audience for m in messages} == {"staff"}
    assert messages[0].body == (
        "Device alert: patient MRN MRN-000789, NEWS2 7 (high): SpO2 86% below 88%. Review now."
    )
    assert "Ahmed" not in messages[0].body


def test_regular_workflow_confirms_the_appointment_to_the_patient() -> None:
    [message] = compose(
        regular_case_with_appointment(),
        purpose="workflow_update",
        workflow_id="wf",
        settings=settings(),
    )
    assert (message.audience, message.template, message.to) == (
        "patient",
        "appointment_confirmation",
        "+15550100002",
    )
    assert message.body == (
        "Maria, your general practice appointment with Dr. A. Osei is booked for"
        " Monday 3 March 2031 at 09:30 UTC. Call +1 555 0100 to change it."
    )


def test_regular_workflow_without_an_appointment_sends_nothing() -> None:
    case = regular_case_with_appointment()
    case.ClearField("scheduling")
    assert compose(case, purpose="workflow_update", workflow_id="wf", settings=settings()) == []


def test_normal_device_scan_tells_only_the_patient() -> None:
    [message] = compose(
        device_scan_case(emergency=False),
        purpose="workflow_update",
        workflow_id="wf",
        settings=settings(),
    )
    assert (message.audience, message.template) == ("patient", "patient_device_scan_result")
    assert "no urgent concern" in message.body


def test_emergency_device_scan_tells_the_patient_and_staff() -> None:
    messages = compose(
        device_scan_case(emergency=True),
        purpose="workflow_update",
        workflow_id="wf",
        settings=settings(),
    )
    assert [(m.audience, m.template) for m in messages] == [
        ("patient", "patient_device_scan_result"),
        ("staff", "device_alert"),
        ("staff", "device_alert"),
    ]
    assert "urgent attention" in messages[0].body


def test_unknown_purpose_is_refused() -> None:
    with pytest.raises(UnknownPurpose):
        compose(emergency_case(), purpose="gossip", workflow_id="wf", settings=settings())
