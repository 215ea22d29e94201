"""NEWS2 scoring against the RCP 2017 chart, band edge by band edge."""

from __future__ import annotations

import pytest

from emergisphere_clinical import News2Result, VitalSigns, score_news2

ALL_NORMAL = VitalSigns(
    heart_rate=75,
    respiratory_rate=16,
    systolic_bp=120,
    spo2=98,
    temperature_c=37.0,
    consciousness="A",
    on_oxygen=False,
)


def points(result: News2Result, parameter: str) -> int:
    return dict(result.components)[parameter]


@pytest.mark.parametrize(
    ("rate", "expected"),
    [(0, 3), (8, 3), (9, 1), (11, 1), (12, 0), (20, 0), (21, 2), (24, 2), (25, 3), (60, 3)],
)
def test_respiratory_rate_band_edges(rate: float, expected: int) -> None:
    assert points(score_news2(VitalSigns(respiratory_rate=rate)), "respiratory_rate") == expected


@pytest.mark.parametrize(
    ("spo2", "expected"), [(80, 3), (91, 3), (92, 2), (93, 2), (94, 1), (95, 1), (96, 0), (100, 0)]
)
def test_spo2_scale_1_band_edges(spo2: float, expected: int) -> None:
    assert points(score_news2(VitalSigns(spo2=spo2)), "spo2") == expected


@pytest.mark.parametrize(
    ("spo2", "on_oxygen", "expected"),
    [
        (83, False, 3),
        (84, False, 2),
        (85, True, 2),
        (86, False, 1),
        (87, True, 1),
        (88, True, 0),
        (92, True, 0),
        (93, False, 0),
        (100, False, 0),
        (93, True, 1),
        (94, True, 1),
        (95, True, 2),
        (96, True, 2),
        (97, True, 3),
        (100, True, 3),
    ],
)
def test_spo2_scale_2_band_edges(spo2: float, on_oxygen: bool, expected: int) -> None:
    result = score_news2(VitalSigns(spo2=spo2, on_oxygen=on_oxygen), spo2_scale=2)
    assert points(result, "spo2") == expected


def test_spo2_scale_2_treats_unknown_oxygen_as_air() -> None:
    result = score_news2(VitalSigns(spo2=98), spo2_scale=2)
    assert points(result, "spo2") == 0
    assert "on_oxygen" in result.missing


@pytest.mark.parametrize(("on_oxygen", "expected"), [(True, 2), (False, 0)])
def test_supplemental_oxygen_adds_two(on_oxygen: bool, expected: int) -> None:
    assert points(score_news2(VitalSigns(on_oxygen=on_oxygen)), "on_oxygen") == expected


@pytest.mark.parametrize(
    ("sbp", "expected"),
    [(60, 3), (90, 3), (91, 2), (100, 2), (101, 1), (110, 1), (111, 0), (219, 0), (220, 3)],
)
def test_systolic_bp_band_edges(sbp: float, expected: int) -> None:
    assert points(score_news2(VitalSigns(systolic_bp=sbp)), "systolic_bp") == expected


@pytest.mark.parametrize(
    ("rate", "expected"),
    [
        (30, 3),
        (40, 3),
        (41, 1),
        (50, 1),
        (51, 0),
        (90, 0),
        (91, 1),
        (110, 1),
        (111, 2),
        (130, 2),
        (131, 3),
    ],
)
def test_heart_rate_band_edges(rate: float, expected: int) -> None:
    assert points(score_news2(VitalSigns(heart_rate=rate)), "heart_rate") == expected


@pytest.mark.parametrize(("level", "expected"), [("A", 0), ("C", 3), ("V", 3), ("P", 3), ("U", 3)])
def test_any_consciousness_other_than_alert_scores_three(level: str, expected: int) -> None:
    assert points(score_news2(VitalSigns(consciousness=level)), "consciousness") == expected


@pytest.mark.parametrize(
    ("celsius", "expected"),
    [
        (34.0, 3),
        (35.0, 3),
        (35.1, 1),
        (36.0, 1),
        (36.1, 0),
        (38.0, 0),
        (38.1, 1),
        (39.0, 1),
        (39.1, 2),
        (41.0, 2),
    ],
)
def test_temperature_band_edges(celsius: float, expected: int) -> None:
    assert points(score_news2(VitalSigns(temperature_c=celsius)), "temperature_c") == expected


def test_temperature_37_5_scores_zero() -> None:
    assert points(score_news2(VitalSigns(temperature_c=37.5)), "temperature_c") == 0


@pytest.mark.parametrize(
    ("rate", "expected"), [(8.4, 3), (8.5, 1), (11.4, 1), (11.5, 0), (20.5, 2), (24.5, 3)]
)
def test_readings_are_rounded_half_up_to_the_chart_precision(rate: float, expected: int) -> None:
    assert points(score_news2(VitalSigns(respiratory_rate=rate)), "respiratory_rate") == expected


@pytest.mark.parametrize(("celsius", "expected"), [(38.04, 0), (38.06, 1), (36.06, 0), (35.04, 3)])
def test_temperature_is_rounded_to_tenths(celsius: float, expected: int) -> None:
    assert points(score_news2(VitalSigns(temperature_c=celsius)), "temperature_c") == expected


def test_all_normal_vitals_score_zero_and_band_low() -> None:
    result = score_news2(ALL_NORMAL)
    assert (result.score, result.band, result.single_parameter_red) == (0, "low", False)
    assert result.missing == ()
    assert len(result.components) == 7


def test_total_4_without_a_red_parameter_is_low() -> None:
    # RR 21 (2) + HR 111 (2)
    result = score_news2(VitalSigns(respiratory_rate=21, heart_rate=111))
    assert (result.score, result.band) == (4, "low")


def test_single_parameter_scoring_three_is_low_medium() -> None:
    result = score_news2(VitalSigns(consciousness="C"))
    assert (result.score, result.band, result.single_parameter_red) == (3, "low-medium", True)


def test_total_5_is_medium() -> None:
    # RR 21 (2) + HR 111 (2) + temperature 38.5 (1)
    result = score_news2(VitalSigns(respiratory_rate=21, heart_rate=111, temperature_c=38.5))
    assert (result.score, result.band) == (5, "medium")


def test_total_6_is_medium_even_with_a_red_parameter() -> None:
    # SpO2 91 (3) + HR 111 (2) + temperature 38.5 (1)
    result = score_news2(VitalSigns(spo2=91, heart_rate=111, temperature_c=38.5))
    assert (result.score, result.band, result.single_parameter_red) == (6, "medium", True)


def test_total_7_is_high() -> None:
    # SpO2 91 (3) + HR 111 (2) + RR 21 (2)
    result = score_news2(VitalSigns(spo2=91, heart_rate=111, respiratory_rate=21))
    assert (result.score, result.band) == (7, "high")


def test_reference_patient_scores_high() -> None:
    vitals = VitalSigns(
        heart_rate=118, respiratory_rate=24, spo2=91, systolic_bp=92, consciousness="A"
    )
    result = score_news2(vitals)
    assert result.score == 9  # HR 2 + RR 2 + SpO2 3 + SBP 2
    assert result.band == "high"


def test_missing_parameters_score_zero_and_are_listed() -> None:
    result = score_news2(VitalSigns(heart_rate=75))
    assert result.score == 0
    assert result.components == (("heart_rate", 0),)
    assert result.missing == (
        "respiratory_rate",
        "spo2",
        "on_oxygen",
        "systolic_bp",
        "consciousness",
        "temperature_c",
    )


def test_invalid_spo2_scale_is_rejected() -> None:
    with pytest.raises(ValueError, match="spo2_scale"):
        score_news2(ALL_NORMAL, spo2_scale=3)
