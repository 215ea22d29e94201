"""The emergency check on device vitals, each threshold on both sides of its boundary."""

from __future__ import annotations

from typing import Any

import pytest

from device.rules import emergency_check
from emergisphere_clinical import VitalSigns

# Vitals that score 0 on NEWS2, so one changed value decides the outcome.
NORMAL: dict[str, Any] = {
    "heart_rate": 75.0,
    "respiratory_rate": 16.0,
    "systolic_bp": 125.0,
    "spo2": 98.0,
    "temperature_c": 37.0,
    "consciousness": "A",
    "on_oxygen": False,
}


def vitals(**changes: Any) -> VitalSigns:
    values: dict[str, Any] = {**NORMAL, **changes}
    return VitalSigns(**values)


def rules_for(**changes: Any) -> set[str]:
    return {reason.rule for reason in emergency_check(vitals(**changes)).reasons}


def test_normal_vitals_are_not_an_emergency_and_say_why() -> None:
    check = emergency_check(vitals())
    assert not check.emergency
    assert check.news2.score == 0
    assert [r.rule for r in check.reasons] == ["device.no_emergency"]
    assert check.reason_texts[0].startswith("No alarm")


def test_news2_of_six_without_a_red_parameter_is_not_an_emergency() -> None:
    check = emergency_check(vitals(respiratory_rate=22, spo2=93, heart_rate=115))
    assert check.news2.score == 6
    assert not check.news2.single_parameter_red
    assert not check.emergency


def test_news2_of_seven_is_an_emergency() -> None:
    check = emergency_check(
        vitals(respiratory_rate=22, spo2=93, heart_rate=115, temperature_c=38.5)
    )
    assert check.news2.score == 7
    assert check.emergency
    assert [r.rule for r in check.reasons] == ["device.news2_high"]


def test_a_single_parameter_scoring_three_is_an_emergency() -> None:
    assert not emergency_check(vitals(systolic_bp=91)).emergency
    check = emergency_check(vitals(systolic_bp=90))
    assert check.emergency
    assert check.news2.score == 3
    assert "device.news2_single_parameter" in {r.rule for r in check.reasons}
    assert "systolic_bp" in check.reasons[0].text


@pytest.mark.parametrize(
    ("change", "rule", "fires"),
    [
        ({"spo2": 90}, "device.spo2_below_90", False),
        ({"spo2": 89.9}, "device.spo2_below_90", True),
        ({"heart_rate": 40}, "device.heart_rate_below_40", False),
        ({"heart_rate": 39}, "device.heart_rate_below_40", True),
        ({"heart_rate": 140}, "device.heart_rate_above_140", False),
        ({"heart_rate": 141}, "device.heart_rate_above_140", True),
        ({"systolic_bp": 90}, "device.systolic_bp_below_90", False),
        ({"systolic_bp": 89}, "device.systolic_bp_below_90", True),
        ({"consciousness": "A"}, "device.consciousness_not_alert", False),
        ({"consciousness": "C"}, "device.consciousness_not_alert", True),
        ({"consciousness": "U"}, "device.consciousness_not_alert", True),
    ],
)
def test_calling_limits_fire_only_beyond_their_boundary(
    change: dict[str, Any], rule: str, fires: bool
) -> None:
    assert (rule in rules_for(**change)) is fires


@pytest.mark.parametrize(
    "change",
    [
        {"spo2": 85},
        {"heart_rate": 35},
        {"heart_rate": 150},
        {"systolic_bp": 80},
        {"consciousness": "V"},
    ],
)
def test_each_calling_limit_makes_an_emergency(change: dict[str, Any]) -> None:
    assert emergency_check(vitals(**change)).emergency


def test_missing_vitals_score_nothing_and_raise_no_alarm() -> None:
    check = emergency_check(VitalSigns(heart_rate=80))
    assert not check.emergency
    assert "spo2" in check.news2.missing


def test_reasons_cite_their_source() -> None:
    check = emergency_check(VitalSigns(spo2=80, heart_rate=30))
    assert all(reason.source for reason in check.reasons)


@pytest.mark.parametrize(("glucose", "emergency"), [(53.9, True), (54.0, False), (None, False)])
def test_level_2_hypoglycaemia_is_an_emergency(glucose: float | None, emergency: bool) -> None:
    check = emergency_check(vitals(), glucose)
    assert check.emergency is emergency
    if emergency:
        (reason,) = check.reasons
        assert reason.rule == "device.glucose_below_54"
        assert "ADA" in reason.source
