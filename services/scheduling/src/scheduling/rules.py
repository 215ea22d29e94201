"""Pure scheduling rules: which specialty, from when, and the clinic's slot grid."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Final

from emergisphere.v1.agents_pb2 import Case

GENERAL_PRACTICE: Final = "general_practice"
EMERGENCY_WORKFLOWS: Final = frozenset({"emergency", "emergency_device"})
# Emergency follow-ups are not booked for the same day: the patient is still in the ED.
EMERGENCY_FOLLOW_UP_LEAD: Final = timedelta(hours=24)

SLOT_LENGTH: Final = timedelta(minutes=30)
CLINIC_OPENS: Final = time(9, 0)
CLINIC_CLOSES: Final = time(17, 0)

# Spellings the triage engine, FHIR sources and staff use for one specialty.
_ALIASES: Final = {
    "pediatrics": "paediatrics",
    "orthopaedics": "orthopedics",
    "family_medicine": GENERAL_PRACTICE,
    "general_medicine": GENERAL_PRACTICE,
}


def normalise_specialty(raw: str) -> str:
    key = raw.strip().lower().replace("-", "_").replace(" ", "_")
    return _ALIASES.get(key, key)


@dataclass(frozen=True)
class SpecialtyChoice:
    specialty: str
    # True when someone asked for it; False when it is triage's suggestion or the default.
    requested: bool


def follow_up_specialty(case: Case) -> SpecialtyChoice:
    """The requested specialty, else triage's suggestion, else general practice."""
    if case.appointment.specialty.strip():
        return SpecialtyChoice(normalise_specialty(case.appointment.specialty), requested=True)
    if case.HasField("triage") and case.triage.follow_up_specialty.strip():
        return SpecialtyChoice(normalise_specialty(case.triage.follow_up_specialty), False)
    return SpecialtyChoice(GENERAL_PRACTICE, requested=False)


def earliest_start(workflow_type: str, *, now: datetime, not_before: datetime | None) -> datetime:
    lead = EMERGENCY_FOLLOW_UP_LEAD if workflow_type in EMERGENCY_WORKFLOWS else timedelta(0)
    earliest = now + lead
    return max(earliest, not_before) if not_before is not None else earliest


def clinic_slot_starts(*, start: datetime, days: int) -> Iterator[datetime]:
    """Every 30-minute slot start, 09:00-17:00 UTC on weekdays, from ``start`` for ``days``
    calendar days (the first day counts from ``start``'s date)."""
    first_day = start.astimezone(UTC).date()
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        moment = datetime.combine(day, CLINIC_OPENS, tzinfo=UTC)
        closes = datetime.combine(day, CLINIC_CLOSES, tzinfo=UTC)
        while moment + SLOT_LENGTH <= closes:
            if moment >= start:
                yield moment
            moment += SLOT_LENGTH
