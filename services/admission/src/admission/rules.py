"""Pure admission rules: identity keys, record numbers, encounter class. No I/O."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Final

from emergisphere_runtime.messages import derived_id

# How the patient of an admission was found (AdmissionResult.matched_by).
MATCHED_BY_NATIONAL_HEALTH_ID: Final = "national_health_id"
MATCHED_BY_NAME_DOB: Final = "name_dob"
# A workflow started for a known record (device workflows) whose intake names nobody.
MATCHED_BY_PATIENT_ID: Final = "patient_id"
MATCHED_BY_CREATED: Final = "created"
MATCHED_BY_UNIDENTIFIED: Final = "unidentified"

COVERAGE_INTAKE: Final = "intake"
COVERAGE_FILE: Final = "file"
COVERAGE_NONE: Final = "none"

# FHIR Encounter.class codes (v3 ActCode display names) per workflow type.
ENCOUNTER_CLASS: Final = {
    "emergency": "emergency",
    "emergency_device": "emergency",
    "regular": "ambulatory",
    "device_scan": "virtual",
}
ENCOUNTER_IN_PROGRESS: Final = "in-progress"

MRN_DIGITS: Final = 8


def patient_id_for(*, national_health_id: str | None, workflow_id: str) -> str:
    """A national id names the person, so every workflow agrees on their record's id.

    Without one, the id comes from the workflow: a re-run of the same workflow finds the
    record it already created instead of creating a second one.
    """
    if national_health_id:
        return derived_id("patient", national_health_id)
    return derived_id("patient", workflow_id)


def encounter_id_for(workflow_id: str) -> str:
    return derived_id("encounter", workflow_id)


def mrn_for(patient_id: str, *, attempt: int = 0) -> str:
    """A stable medical record number; ``attempt`` > 0 re-derives it after a collision."""
    source = patient_id if attempt == 0 else derived_id("mrn", patient_id, str(attempt))
    return f"MRN-{uuid.UUID(source).int % 10**MRN_DIGITS:0{MRN_DIGITS}d}"


def alias_for(patient_id: str) -> str:
    """A readable stand-in name for an unidentified patient, unique per record."""
    return f"UNIDENTIFIED-{uuid.UUID(patient_id).hex[:8].upper()}"


def encounter_class(workflow_type: str) -> str | None:
    return ENCOUNTER_CLASS.get(workflow_type)


def clean(value: str | None) -> str | None:
    """Trimmed text with inner runs of whitespace collapsed; None when blank."""
    if value is None:
        return None
    collapsed = " ".join(value.split())
    return collapsed or None


def name_key(first_name: str | None, last_name: str | None) -> str | None:
    """The case-insensitive key names are matched on; None unless both names are known.

    Matching on one name plus a birth date would merge strangers, so both are required.
    """
    first, last = clean(first_name), clean(last_name)
    if first is None or last is None:
        return None
    return f"{first.casefold()}|{last.casefold()}"


def parse_date_of_birth(value: str | date | None) -> date | None:
    """An ISO date (a datetime's date part is accepted); None when missing or invalid."""
    if value is None or isinstance(value, date):
        return value
    text = value.strip()[:10]
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def is_identified(
    *, national_health_id: str | None, first_name: str | None, last_name: str | None
) -> bool:
    return any(clean(v) is not None for v in (national_health_id, first_name, last_name))
