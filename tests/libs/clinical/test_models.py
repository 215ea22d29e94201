"""Input validation and the public API surface."""

from __future__ import annotations

import dataclasses
import math

import pytest

import emergisphere_clinical
from emergisphere_clinical import TriageInput, VitalSigns


def test_public_api_exports_exactly_the_documented_names() -> None:
    assert sorted(emergisphere_clinical.__all__) == [
        "News2Result",
        "Reason",
        "TriageAssessment",
        "TriageInput",
        "VitalSigns",
        "assess",
        "score_news2",
    ]


def test_value_types_are_frozen() -> None:
    vitals = VitalSigns(heart_rate=80)
    with pytest.raises(dataclasses.FrozenInstanceError):
        vitals.heart_rate = 90  # type: ignore[misc]


def test_triage_input_defaults_to_empty_vitals() -> None:
    assert TriageInput().vitals == VitalSigns()


def test_consciousness_is_normalised_to_upper_case() -> None:
    assert VitalSigns(consciousness=" c ").consciousness == "C"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"heart_rate": -1},
        {"heart_rate": math.nan},
        {"respiratory_rate": math.inf},
        {"spo2": 101},
        {"temperature_c": 98.6},  # Fahrenheit by mistake
        {"consciousness": "X"},
        {"pain_score": 11},
    ],
)
def test_impossible_vitals_are_rejected(kwargs: dict[str, object]) -> None:
    (name,) = kwargs
    with pytest.raises(ValueError, match=name):
        VitalSigns(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs", [{"heart_rate": "80"}, {"on_oxygen": 1}, {"pain_score": 7.5}, {"spo2": True}]
)
def test_wrongly_typed_vitals_are_rejected(kwargs: dict[str, object]) -> None:
    with pytest.raises(TypeError):
        VitalSigns(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("kwargs", [{"spo2_scale": 3}, {"age_years": -0.1}])
def test_invalid_triage_input_is_rejected(kwargs: dict[str, object]) -> None:
    (name,) = kwargs
    with pytest.raises(ValueError, match=name):
        TriageInput(**kwargs)  # type: ignore[arg-type]
