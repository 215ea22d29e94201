"""Translation between the workflow's Case and the clinical engine's value types.

The gateway's stateless assessment endpoint reuses these, so an intake triaged through
the workflow and one assessed directly get the same answer.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Literal, get_args

from emergisphere.v1.agents_pb2 import Case, TriageResult
from emergisphere.v1.common_pb2 import Vitals
from emergisphere_clinical import TriageAssessment, TriageInput, VitalSigns

# The proto Vitals fields the engine's VitalSigns holds, in its order; both sides use the
# same names. Glucose is a test, not a vital: it goes to TriageInput.glucose_mg_dl.
VitalName = Literal[
    "heart_rate",
    "respiratory_rate",
    "systolic_bp",
    "diastolic_bp",
    "spo2",
    "temperature_c",
    "consciousness",
    "on_oxygen",
    "pain_score",
]
VITAL_FIELDS: tuple[VitalName, ...] = get_args(VitalName)
# The engine refuses ages above this; an older birth date is a data-entry error.
MAX_AGE_YEARS = 130.0


def _anniversary(born: date, year: int) -> date:
    # Someone born on 29 February has their birthday on 28 February in common years.
    if born.month == 2 and born.day == 29:
        try:
            return date(year, 2, 29)
        except ValueError:
            return date(year, 2, 28)
    return born.replace(year=year)


def age_in_years(born: date, on: date) -> float | None:
    """Completed years plus the elapsed fraction of the current year of life.

    Whole on each birthday, so age thresholds (16 for NEWS2, 10 for PALS) switch on the
    birthday itself; fractional for infants, whose limits change within weeks. None for a
    birth date after ``on`` or an implausible age.
    """
    if born > on:
        return None
    years = on.year - born.year
    if _anniversary(born, on.year) > on:
        years -= 1
    last = _anniversary(born, born.year + years)
    following = _anniversary(born, born.year + years + 1)
    age = years + (on - last).days / (following - last).days
    return age if age <= MAX_AGE_YEARS else None


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def patient_age(case: Case, *, now: datetime) -> float | None:
    """Age at arrival (or at ``now`` when the arrival time is unknown); None if unknown."""
    born = _parse_date(case.intake.patient.date_of_birth)
    if born is None:
        return None
    reference = case.intake.arrived_at.ToDatetime(tzinfo=UTC) if _has_arrival(case) else now
    return age_in_years(born, reference.astimezone(UTC).date())


def _has_arrival(case: Case) -> bool:
    return case.HasField("intake") and case.intake.HasField("arrived_at")


def device_vitals(case: Case) -> Vitals | None:
    """The device step's latest vitals, when that step already ran in this workflow."""
    if case.HasField("device") and case.device.HasField("latest_vitals"):
        return case.device.latest_vitals
    return None


def device_filled_vitals(case: Case) -> tuple[str, ...]:
    """Names of the vitals the device supplied because the intake lacked them."""
    device = device_vitals(case)
    if device is None:
        return ()
    intake = case.intake.vitals
    return tuple(
        name for name in VITAL_FIELDS if device.HasField(name) and not intake.HasField(name)
    )


def merged_vitals(case: Case) -> Vitals:
    """Intake vitals, with gaps filled from the device: what staff measured wins."""
    merged = Vitals()
    device = device_vitals(case)
    if device is not None:
        merged.CopyFrom(device)
    # Proto3 optional fields merge only when set, so intake values overwrite and gaps stay.
    merged.MergeFrom(case.intake.vitals)
    return merged


def vital_signs(vitals: Vitals) -> VitalSigns:
    """Engine vitals from proto vitals; an unset field stays None, never 0.

    Raises ValueError for a physiologically impossible value.
    """
    return VitalSigns(
        heart_rate=vitals.heart_rate if vitals.HasField("heart_rate") else None,
        respiratory_rate=vitals.respiratory_rate if vitals.HasField("respiratory_rate") else None,
        systolic_bp=vitals.systolic_bp if vitals.HasField("systolic_bp") else None,
        diastolic_bp=vitals.diastolic_bp if vitals.HasField("diastolic_bp") else None,
        spo2=vitals.spo2 if vitals.HasField("spo2") else None,
        temperature_c=vitals.temperature_c if vitals.HasField("temperature_c") else None,
        consciousness=vitals.consciousness if vitals.HasField("consciousness") else None,
        on_oxygen=vitals.on_oxygen if vitals.HasField("on_oxygen") else None,
        pain_score=vitals.pain_score if vitals.HasField("pain_score") else None,
    )


def triage_input_from_case(case: Case, *, now: datetime) -> TriageInput:
    """The engine's input for this case. Raises ValueError for impossible vital signs."""
    intake = case.intake
    vitals = merged_vitals(case)
    return TriageInput(
        chief_complaint=intake.chief_complaint,
        vitals=vital_signs(vitals),
        age_years=patient_age(case, now=now),
        sex=intake.patient.sex or None,
        arrival_mode=intake.arrival_mode or None,
        glucose_mg_dl=vitals.glucose_mg_dl if vitals.HasField("glucose_mg_dl") else None,
    )


def to_result(assessment: TriageAssessment) -> TriageResult:
    result = TriageResult(
        acuity=assessment.acuity,
        expected_resources=assessment.expected_resources,
        immediate_actions=assessment.immediate_actions,
        missing_data=assessment.missing_data,
        planned_medications=assessment.planned_medications,
        follow_up_specialty=assessment.follow_up_specialty,
    )
    result.news2.score = assessment.news2.score
    result.news2.band = assessment.news2.band
    result.news2.single_parameter_red = assessment.news2.single_parameter_red
    for reason in assessment.reasons:
        result.reasons.add(rule=reason.rule, text=reason.text, source=reason.source)
    return result
