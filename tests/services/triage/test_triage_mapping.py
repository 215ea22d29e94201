"""Case to engine input and engine output to TriageResult."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, date, datetime

import pytest

from emergisphere.v1.agents_pb2 import Case
from emergisphere.v1.common_pb2 import Vitals
from emergisphere_clinical import VitalSigns, assess
from triage.mapping import (
    VITAL_FIELDS,
    age_in_years,
    device_filled_vitals,
    to_result,
    triage_input_from_case,
)

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def case_with(
    *,
    born: str = "",
    arrived_at: datetime | None = None,
    complaint: str = "cough",
    vitals: Vitals | None = None,
    device_vitals: Vitals | None = None,
) -> Case:
    case = Case(workflow_type="emergency")
    case.intake.chief_complaint = complaint
    case.intake.arrival_mode = "ambulance"
    case.intake.patient.sex = "female"
    case.intake.patient.date_of_birth = born
    if arrived_at is not None:
        case.intake.arrived_at.FromDatetime(arrived_at)
    if vitals is not None:
        case.intake.vitals.CopyFrom(vitals)
    if device_vitals is not None:
        case.device.latest_vitals.CopyFrom(device_vitals)
    return case


def test_age_is_whole_on_the_birthday() -> None:
    assert age_in_years(date(1958, 3, 14), date(2025, 3, 14)) == 67.0


def test_age_the_day_before_the_birthday_is_still_the_younger_age() -> None:
    age = age_in_years(date(1958, 3, 14), date(2025, 3, 13))
    assert age is not None
    assert 66.99 < age < 67.0


def test_infant_age_is_fractional() -> None:
    age = age_in_years(date(2025, 5, 4), date(2025, 6, 1))  # 28 days old
    assert age == pytest.approx(28 / 365)


def test_newborn_on_the_day_of_birth_is_zero() -> None:
    assert age_in_years(date(2025, 6, 1), date(2025, 6, 1)) == 0.0


def test_leap_day_birthday_turns_a_year_on_28_february() -> None:
    assert age_in_years(date(2020, 2, 29), date(2021, 2, 28)) == 1.0
    assert age_in_years(date(2020, 2, 29), date(2024, 2, 29)) == 4.0


def test_birth_after_the_reference_date_gives_no_age() -> None:
    assert age_in_years(date(2025, 6, 2), date(2025, 6, 1)) is None


def test_implausible_age_gives_no_age() -> None:
    assert age_in_years(date(1850, 1, 1), date(2025, 6, 1)) is None


def test_age_is_taken_at_arrival_not_at_processing_time() -> None:
    case = case_with(born="2000-06-01", arrived_at=datetime(2025, 5, 31, 23, tzinfo=UTC))
    data = triage_input_from_case(case, now=NOW)
    assert data.age_years is not None
    assert data.age_years < 25


def test_age_falls_back_to_now_without_an_arrival_time() -> None:
    data = triage_input_from_case(case_with(born="2000-06-01"), now=NOW)
    assert data.age_years == 25.0


def test_unknown_or_malformed_birth_date_leaves_age_missing() -> None:
    for born in ("", "not-a-date"):
        data = triage_input_from_case(case_with(born=born), now=NOW)
        assert data.age_years is None
        assert "age" in assess(data).missing_data


def test_sex_arrival_and_complaint_are_carried_over() -> None:
    data = triage_input_from_case(case_with(complaint="fever"), now=NOW)
    assert (data.sex, data.arrival_mode, data.chief_complaint) == ("female", "ambulance", "fever")


def test_unset_vitals_stay_missing_not_zero() -> None:
    data = triage_input_from_case(case_with(vitals=Vitals(heart_rate=80)), now=NOW)
    assert data.vitals.heart_rate == 80
    assert data.vitals.spo2 is None
    assert data.vitals.on_oxygen is None
    missing = assess(data).missing_data
    assert "spo2" in missing
    assert "heart_rate" not in missing


def test_zero_valued_vitals_are_kept_as_measured() -> None:
    data = triage_input_from_case(case_with(vitals=Vitals(pain_score=0, on_oxygen=False)), now=NOW)
    assert data.vitals.pain_score == 0
    assert data.vitals.on_oxygen is False


def test_device_vitals_fill_only_what_the_intake_lacks() -> None:
    case = case_with(
        vitals=Vitals(heart_rate=90, consciousness="A"),
        device_vitals=Vitals(heart_rate=130, spo2=88, respiratory_rate=26),
    )
    data = triage_input_from_case(case, now=NOW)
    assert data.vitals.heart_rate == 90  # staff measurement wins
    assert data.vitals.spo2 == 88
    assert data.vitals.respiratory_rate == 26
    assert data.vitals.consciousness == "A"
    assert device_filled_vitals(case) == ("respiratory_rate", "spo2")


def test_without_a_device_step_nothing_is_filled() -> None:
    case = case_with(vitals=Vitals(heart_rate=90))
    assert device_filled_vitals(case) == ()
    assert triage_input_from_case(case, now=NOW).vitals.spo2 is None


def test_impossible_vital_is_refused() -> None:
    with pytest.raises(ValueError, match="spo2"):
        triage_input_from_case(case_with(vitals=Vitals(spo2=140)), now=NOW)


def test_result_carries_every_part_of_the_assessment() -> None:
    vitals = Vitals(heart_rate=118, respiratory_rate=24, spo2=91, systolic_bp=92)
    data = triage_input_from_case(case_with(complaint="chest pain", vitals=vitals), now=NOW)
    assessment = assess(data)
    result = to_result(assessment)
    assert result.acuity == assessment.acuity
    assert result.news2.score == assessment.news2.score
    assert result.news2.band == assessment.news2.band
    assert result.news2.single_parameter_red == assessment.news2.single_parameter_red
    assert [(r.rule, r.text, r.source) for r in result.reasons] == [
        (r.rule, r.text, r.source) for r in assessment.reasons
    ]
    assert result.expected_resources == assessment.expected_resources
    assert tuple(result.immediate_actions) == assessment.immediate_actions
    assert tuple(result.missing_data) == assessment.missing_data
    assert tuple(result.planned_medications) == assessment.planned_medications
    assert result.follow_up_specialty == assessment.follow_up_specialty


def test_vital_names_match_the_engine_and_the_proto() -> None:
    assert tuple(f.name for f in fields(VitalSigns)) == VITAL_FIELDS
    # Glucose rides with the vitals on the bus but is the engine's separate test input.
    assert set(VITAL_FIELDS) | {"glucose_mg_dl"} == {f.name for f in Vitals.DESCRIPTOR.fields}


def test_point_of_care_glucose_reaches_the_engine() -> None:
    data = triage_input_from_case(case_with(vitals=Vitals(glucose_mg_dl=42)), now=NOW)
    assert data.glucose_mg_dl == 42
    assert assess(data).acuity == 2
    assert triage_input_from_case(case_with(), now=NOW).glucose_mg_dl is None
