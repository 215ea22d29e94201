import pytest
from tests.libs.clinical.cases import NORMAL, reason, rules, triage

from emergisphere_clinical import VitalSigns
from emergisphere_clinical.hyperventilation import hyperventilation

PANIC = "can't breathe after a row with her partner, tingling hands and round her mouth"


def test_overbreathing_with_tingling_round_the_mouth_is_not_high_risk() -> None:
    result = triage(PANIC, age=23, heart_rate=108, respiratory_rate=24, spo2=100)
    assert result.acuity == 3
    why = reason(result, "esi.b.hyperventilation")
    assert "a row" in why.text
    assert "Gardner" in why.source
    assert result.expected_resource_types == ("ECG",)


@pytest.mark.parametrize(
    ("note", "age", "spo2", "heart_rate"),
    [
        (PANIC, 50, 100, 90),  # 45 or over: an organic cause first
        (PANIC, 23, 96, 90),  # SpO2 below 97%
        (PANIC, 23, None, 90),  # SpO2 not measured
        (PANIC, 23, 100, 124),  # heart rate 120 or more
        (PANIC + ", on the pill", 23, 100, 90),  # a PERC item
        (PANIC + ", hives after prawns", 23, 100, 90),  # an allergen
        (PANIC + ", thyroidectomy 2 days ago", 23, 100, 90),  # low calcium
        ("can't breathe, tingling hands and round her mouth", 23, 100, 90),  # no context
        ("can't breathe after a row, tingling in both feet", 23, 100, 90),  # feet
    ],
)
def test_anything_missing_or_another_cause_keeps_the_breathlessness(
    note: str, age: float, spo2: float | None, heart_rate: float
) -> None:
    vitals = VitalSigns(**{**NORMAL, "spo2": spo2, "heart_rate": heart_rate})
    assert hyperventilation(note, age, vitals) is None
    assert "esi.b.hyperventilation" not in rules(
        triage(note, age=age, spo2=spo2, heart_rate=heart_rate)
    )


def test_tingling_in_both_hands_with_a_tight_chest_in_a_panic_is_hyperventilation() -> None:
    note = "panic attack, tingling in both hands and a tight chest, settling with coaching"
    result = triage(note, age=35, heart_rate=96, respiratory_rate=22, spo2=99)
    assert "esi.b.hyperventilation" in rules(result)
    assert "esi.b.acs" not in rules(result)
