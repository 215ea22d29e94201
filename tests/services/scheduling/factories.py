"""Test data for scheduling: a tiny clinic on a fixed future week, and workflow cases."""

from __future__ import annotations

from datetime import UTC, datetime

from emergisphere.v1.agents_pb2 import Case
from emergisphere_runtime.platform import Platform
from scheduling.models import PractitionerCreate, PractitionerRead
from scheduling.service import ensure_practitioners, ensure_slots

# A Monday well in the future, so "now" never interferes with slot choice.
MONDAY = datetime(2031, 3, 3, tzinfo=UTC)

CLINIC = (
    PractitionerCreate(name="Dr. B. Second", specialty="cardiology"),
    PractitionerCreate(name="Dr. A. First", specialty="cardiology"),
    PractitionerCreate(name="Dr. G. Practice", specialty="general_practice"),
)


async def open_clinic(platform: Platform, *, days: int = 5) -> dict[str, PractitionerRead]:
    """The clinic's practitioners with ``days`` days of slots from MONDAY, by name."""
    async with platform.db.transaction() as session:
        created = await ensure_practitioners(session, practitioners=CLINIC)
        await ensure_slots(session, start=MONDAY, days=days)
    return {p.name: p for p in created}


def case(
    *,
    workflow_type: str = "regular",
    patient_id: str = "patient-1",
    specialty: str = "",
    follow_up: str = "",
    not_before: datetime | None = MONDAY,
    practitioner_id: str = "",
) -> Case:
    built = Case(workflow_type=workflow_type, patient_id=patient_id)
    built.intake.chief_complaint = "palpitations"
    built.appointment.specialty = specialty
    built.appointment.practitioner_id = practitioner_id
    if not_before is not None:
        built.appointment.not_before.FromDatetime(not_before)
    if follow_up:
        built.triage.acuity = 3
        built.triage.follow_up_specialty = follow_up
    return built
