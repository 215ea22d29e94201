"""Message templates. Each names its fields, so a missing field fails loudly, not silently.

Which template may go to whom is decided in ``compose``; the wording lives here only.
"""

from __future__ import annotations

from string import Template
from typing import Final

FAMILY_ARRIVAL: Final = "family_arrival"
FAMILY_UPDATE_CLINICAL: Final = "family_update_clinical"
STAFF_ALERT: Final = "staff_alert"
ESCALATION: Final = "escalation"
DEVICE_ALERT: Final = "device_alert"
APPOINTMENT_CONFIRMATION: Final = "appointment_confirmation"
PATIENT_DEVICE_SCAN_RESULT: Final = "patient_device_scan_result"

TEMPLATES: Final[dict[str, Template]] = {
    # Generic on purpose: it carries nothing clinical, so it may go to any emergency contact.
    FAMILY_ARRIVAL: Template(
        "${contact_first_name}, ${patient_first_name} has arrived at the emergency department"
        " and is being cared for. Call ${ed_phone} for updates."
    ),
    FAMILY_UPDATE_CLINICAL: Template(
        "${contact_first_name}, ${patient_first_name} has arrived at the emergency department"
        " and has been assessed as ${priority} (ESI level ${acuity}). The team is caring for"
        " them now. Call ${ed_phone} for updates."
    ),
    # Staff pagers are not a private channel: the patient is named by reference only.
    STAFF_ALERT: Template("ESI ${acuity} patient ${reference} arrived, NEWS2 ${score}: ${actions}"),
    ESCALATION: Template(
        "Escalation: ${workflow_type} workflow for patient ${reference} (ESI ${acuity}) has a"
        " required step that failed. Review the workflow now."
    ),
    DEVICE_ALERT: Template(
        "Device alert: patient ${reference}, NEWS2 ${score} (${band}): ${findings}. Review now."
    ),
    APPOINTMENT_CONFIRMATION: Template(
        "${patient_first_name}, your ${specialty} appointment with ${practitioner_name} is"
        " booked for ${date} at ${time} UTC. Call ${ed_phone} to change it."
    ),
    PATIENT_DEVICE_SCAN_RESULT: Template("${patient_first_name}, ${advice}"),
}


def render(template: str, **fields: object) -> str:
    """The template's text with every field filled; a missing field raises KeyError."""
    return TEMPLATES[template].substitute({name: str(value) for name, value in fields.items()})
