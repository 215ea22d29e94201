import pytest
from tests.libs.clinical.cases import reason, rules, triage

from emergisphere_clinical.asthma import acute_severe_asthma
from emergisphere_clinical.models import VitalSigns

CALM = VitalSigns(heart_rate=90, respiratory_rate=18, spo2=97)


@pytest.mark.parametrize(
    ("age", "below", "at"),
    [
        # Over 12, the adult thresholds: 25 breaths or 110 beats a minute.
        (40, VitalSigns(respiratory_rate=24, heart_rate=109), VitalSigns(respiratory_rate=25)),
        (40, VitalSigns(respiratory_rate=24, heart_rate=109), VitalSigns(heart_rate=110)),
        (None, VitalSigns(respiratory_rate=24, heart_rate=109), VitalSigns(heart_rate=110)),
        # 5 to 12: above 30 and above 125.
        (12, VitalSigns(respiratory_rate=30, heart_rate=125), VitalSigns(respiratory_rate=31)),
        (5, VitalSigns(respiratory_rate=30, heart_rate=125), VitalSigns(heart_rate=126)),
        # 2 to 5: above 40 and above 140.
        (3, VitalSigns(respiratory_rate=40, heart_rate=140), VitalSigns(respiratory_rate=41)),
        (2, VitalSigns(respiratory_rate=40, heart_rate=140), VitalSigns(heart_rate=141)),
    ],
)
def test_each_age_band_has_its_bts_thresholds(
    age: float | None, below: VitalSigns, at: VitalSigns
) -> None:
    assert acute_severe_asthma("wheezy", age, below) is None
    assert acute_severe_asthma("wheezy", age, at) is not None


@pytest.mark.parametrize(
    "note",
    [
        "speaking in short sentences",
        "can't complete sentences",
        "too breathless to feed",
        "PEFR 45% predicted",
        "peak flow 50% of best",
    ],
)
def test_words_and_peak_flow_name_it_at_any_age(note: str) -> None:
    assert acute_severe_asthma(note, 1, CALM) is not None


@pytest.mark.parametrize("note", ["talking in full sentences", "PEF 60% of best", "wheezy"])
def test_a_moderate_attack_is_not_acute_severe(note: str) -> None:
    assert acute_severe_asthma(note, 30, CALM) is None


def test_acute_severe_asthma_is_esi_2_though_the_nebuliser_is_one_resource() -> None:
    note = "13 yo asthmatic, 10 puffs of salbutamol, speaking in short sentences, wheeze"
    result = triage(note, age=13, heart_rate=124, respiratory_rate=30, spo2=93)
    assert result.acuity == 2
    assert "BTS/SIGN" in reason(result, "esi.b.acute_severe_asthma").source
    mild = triage("asthma, wheezy, full sentences", age=30, heart_rate=96, respiratory_rate=20)
    assert "esi.b.acute_severe_asthma" not in rules(mild)
    assert mild.acuity == 4
