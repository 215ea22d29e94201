"""Which messages a command calls for, to whom, with which text. Pure: no sending here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC
from typing import Final, Literal

from communication import rules
from communication import templates as t
from communication.settings import CommunicationSettings
from emergisphere.v1.agents_pb2 import Case

Audience = Literal["family", "staff", "patient"]

WORKFLOW_UPDATE: Final = "workflow_update"
STAFF_ALERT: Final = "staff_alert"
DEVICE_ALERT: Final = "device_alert"
ESCALATION: Final = "escalation"
PURPOSES: Final = frozenset({WORKFLOW_UPDATE, STAFF_ALERT, DEVICE_ALERT, ESCALATION})


class UnknownPurpose(ValueError):
    pass


@dataclass(frozen=True)
class Outgoing:
    purpose: str
    audience: Audience
    # Position of the recipient in its list (contacts, staff recipients); with the purpose,
    # audience and template it identifies the message across re-runs.
    index: int
    channel: str
    to: str
    template: str
    body: str


def compose(
    case: Case, *, purpose: str, workflow_id: str, settings: CommunicationSettings
) -> list[Outgoing]:
    if purpose == WORKFLOW_UPDATE:
        return _workflow_update(case, workflow_id=workflow_id, settings=settings)
    if purpose == STAFF_ALERT:
        return _to_staff(purpose, t.STAFF_ALERT, _staff_alert_body(case, workflow_id), settings)
    if purpose == DEVICE_ALERT:
        return _to_staff(purpose, t.DEVICE_ALERT, _device_alert_body(case, workflow_id), settings)
    if purpose == ESCALATION:
        return _to_staff(purpose, t.ESCALATION, _escalation_body(case, workflow_id), settings)
    raise UnknownPurpose(f"unknown communication purpose {purpose!r}")


def _workflow_update(
    case: Case, *, workflow_id: str, settings: CommunicationSettings
) -> list[Outgoing]:
    kind = case.workflow_type
    if kind in rules.EMERGENCY_WORKFLOWS:
        # ESI 1-2 staff paging is its own purpose (staff_alert), sent as soon as triage ends.
        return _family_updates(case, settings)
    if kind == "regular":
        return _appointment_confirmation(case, settings) if case.HasField("scheduling") else []
    if kind == "device_scan":
        messages = _device_scan_result(case, settings)
        if case.device.emergency:
            body = _device_alert_body(case, workflow_id)
            messages += _to_staff(WORKFLOW_UPDATE, t.DEVICE_ALERT, body, settings)
        return messages
    raise UnknownPurpose(f"no workflow update for workflow type {kind!r}")


def _family_updates(case: Case, settings: CommunicationSettings) -> list[Outgoing]:
    patient_first = case.intake.patient.first_name or "Your family member"
    acuity = rules.effective_acuity(case)
    priority = rules.priority_wording(acuity)
    clinical = rules.may_share_clinical(case) and priority is not None
    messages = []
    for index, contact in enumerate(case.intake.patient.emergency_contacts):
        if not contact.phone:
            continue
        fields: dict[str, object] = {
            "contact_first_name": rules.first_name(contact.name, fallback="Hello"),
            "patient_first_name": patient_first,
            "ed_phone": settings.ed_phone,
        }
        if clinical:
            template = t.FAMILY_UPDATE_CLINICAL
            body = t.render(template, **fields, priority=priority, acuity=acuity)
        else:
            template = t.FAMILY_ARRIVAL
            body = t.render(template, **fields)
        messages.append(
            Outgoing(
                purpose=WORKFLOW_UPDATE,
                audience="family",
                index=index,
                channel=settings.family_channel,
                to=contact.phone,
                template=template,
                body=body,
            )
        )
    return messages


def _appointment_confirmation(case: Case, settings: CommunicationSettings) -> list[Outgoing]:
    patient = case.intake.patient
    if not patient.phone:
        return []
    booked = case.scheduling
    starts_at = booked.starts_at.ToDatetime(tzinfo=UTC)
    body = t.render(
        t.APPOINTMENT_CONFIRMATION,
        patient_first_name=patient.first_name or "Hello",
        specialty=booked.specialty.replace("_", " "),
        practitioner_name=booked.practitioner_name,
        # Spelled out without strftime's locale-dependent names.
        date=f"{_WEEKDAYS[starts_at.weekday()]} {starts_at.day} {_MONTHS[starts_at.month - 1]}"
        f" {starts_at.year}",
        time=f"{starts_at:%H:%M}",
        ed_phone=settings.ed_phone,
    )
    return [_to_patient(t.APPOINTMENT_CONFIRMATION, body, phone=patient.phone, settings=settings)]


def _device_scan_result(case: Case, settings: CommunicationSettings) -> list[Outgoing]:
    patient = case.intake.patient
    if not patient.phone:
        return []
    if case.device.emergency:
        advice = (
            "your latest device readings need urgent attention. Call emergency services or go"
            " to the nearest emergency department now."
        )
    else:
        advice = (
            "your latest device readings were received and reviewed; no urgent concern was"
            f" found. Call {settings.ed_phone} if you feel worse."
        )
    body = t.render(
        t.PATIENT_DEVICE_SCAN_RESULT,
        patient_first_name=patient.first_name or "Hello",
        advice=advice,
    )
    return [_to_patient(t.PATIENT_DEVICE_SCAN_RESULT, body, phone=patient.phone, settings=settings)]


def _staff_alert_body(case: Case, workflow_id: str) -> str:
    actions = "; ".join(case.triage.immediate_actions) if case.HasField("triage") else ""
    return t.render(
        t.STAFF_ALERT,
        acuity=rules.acuity_text(rules.effective_acuity(case)),
        reference=rules.staff_reference(case, workflow_id=workflow_id),
        score=rules.news2_score(case),
        actions=actions or "assess now",
    )


def _device_alert_body(case: Case, workflow_id: str) -> str:
    findings = "; ".join(r.text for r in case.device.reasons if r.text)
    return t.render(
        t.DEVICE_ALERT,
        reference=rules.staff_reference(case, workflow_id=workflow_id),
        score=case.device.news2.score if case.device.HasField("news2") else "-",
        band=case.device.news2.band or "unscored",
        findings=findings or "readings crossed alert thresholds",
    )


def _escalation_body(case: Case, workflow_id: str) -> str:
    return t.render(
        t.ESCALATION,
        workflow_type=case.workflow_type or "unknown",
        reference=rules.staff_reference(case, workflow_id=workflow_id),
        acuity=rules.acuity_text(rules.effective_acuity(case)),
    )


def _to_staff(
    purpose: str, template: str, body: str, settings: CommunicationSettings
) -> list[Outgoing]:
    return [
        Outgoing(
            purpose=purpose,
            audience="staff",
            index=index,
            channel=settings.staff_channel,
            to=recipient,
            template=template,
            body=body,
        )
        for index, recipient in enumerate(settings.staff_recipients)
    ]


def _to_patient(
    template: str, body: str, *, phone: str, settings: CommunicationSettings
) -> Outgoing:
    return Outgoing(
        purpose=WORKFLOW_UPDATE,
        audience="patient",
        index=0,
        channel=settings.patient_channel,
        to=phone,
        template=template,
        body=body,
    )


_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
