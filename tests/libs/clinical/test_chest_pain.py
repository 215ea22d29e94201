import pytest
from tests.libs.clinical.cases import reason, triage

from emergisphere_clinical.chest_pain import (
    infective_pleuritic_chest_pain,
    injured_chest_wall,
    low_risk_chest_pain,
    pericarditic_chest_pain,
    spontaneous_pneumothorax,
    strained_chest_wall,
)
from emergisphere_clinical.models import VitalSigns

PERC_NEGATIVE = VitalSigns(heart_rate=84, spo2=98)


def test_the_feature_that_makes_it_low_risk_is_named() -> None:
    assert low_risk_chest_pain("chest pain worse on deep breath", 30, PERC_NEGATIVE) == (
        "on deep breath"
    )


@pytest.mark.parametrize(
    ("complaint", "age", "vitals"),
    [
        ("central chest pain", 30, PERC_NEGATIVE),
        ("chest pain worse on deep breath", 45, PERC_NEGATIVE),
        ("chest pain worse on deep breath", 30, VitalSigns(heart_rate=84)),
        ("chest pain worse on deep breath", 30, VitalSigns(heart_rate=99.9, spo2=94.9)),
        ("chest pain worse on deep breath", 30, VitalSigns(heart_rate=84, spo2=98, on_oxygen=True)),
        ("chest pain worse on deep breath, calf swollen", 30, PERC_NEGATIVE),
        ("chest pain worse on deep breath, coughed up blood", 30, PERC_NEGATIVE),
        ("chest pain worse on deep breath, sweaty and clammy", 30, PERC_NEGATIVE),
    ],
)
def test_anything_missing_or_against_keeps_the_chest_pain_high_risk(
    complaint: str, age: float, vitals: VitalSigns
) -> None:
    assert low_risk_chest_pain(complaint, age, vitals) is None


def test_a_denied_perc_item_does_not_count_against_it() -> None:
    text = "pleuritic chest pain, not on the pill, no leg swelling"
    assert low_risk_chest_pain(text, 30, PERC_NEGATIVE) == "pleuritic"


def test_tender_ribs_after_an_injury_are_an_injured_chest_wall() -> None:
    assert injured_chest_wall("came off his bike, L chest pain, tender ribs") == "rib pain"


def test_pain_on_breathing_after_a_blow_is_an_injured_chest_wall() -> None:
    fall = "fell over his dog, R chest pain worse on breathing in, bruised over lower ribs"
    assert injured_chest_wall(fall) is not None
    assert injured_chest_wall("kicked in L side, chest pain on deep breath") == "on deep breath"
    # Breathless after the blow: a pneumothorax stays in view.
    assert injured_chest_wall("fell off a ladder, chest pain on breathing in, breathless") is None
    # Air crackling under the skin is a pneumothorax's sign too.
    crackling = "came off his bike, chest pain on breathing, crackling feel under the skin"
    assert injured_chest_wall(crackling) is None


@pytest.mark.parametrize(
    "complaint",
    [
        "L chest pain, tender ribs",  # no injury said
        "fell off a ladder, L chest pain",  # no tenderness said
        "fell off a ladder, chest pain, tender ribs, short of breath",
        "fell against a table, chest pain, tender ribs, sweaty and clammy",
    ],
)
def test_anything_missing_or_against_keeps_injured_chest_pain_high_risk(complaint: str) -> None:
    assert injured_chest_wall(complaint) is None


def test_pain_on_breathing_with_a_chest_infection_is_pleurisy() -> None:
    complaint = "57M sharp L chest pain worse on breathing in, 2 days of cough and fever"
    assert infective_pleuritic_chest_pain(complaint) == "on breathing in"
    assert infective_pleuritic_chest_pain("sharp chest pain when he coughs, a cold") == (
        "when he coughs"
    )
    assert infective_pleuritic_chest_pain("cough, rusty sputum, R chest pain on breathing") == (
        "on breathing"
    )


def test_pain_eased_by_sitting_forward_is_possible_pericarditis() -> None:
    complaint = "sharp central chest pain, worse lying flat, better sitting forward"
    assert pericarditic_chest_pain(complaint) == "better sitting forward"


@pytest.mark.parametrize(
    "complaint",
    [
        "chest pain worse on breathing in",  # no infection said
        "chest pain worse on breathing in, cough, on the pill",
        "chest pain worse on breathing in, cough, calf swollen",
        "chest pain worse on breathing in, fever, radiates to the left arm",
    ],
)
def test_pleurisy_needs_an_infection_and_nothing_against(complaint: str) -> None:
    assert infective_pleuritic_chest_pain(complaint) is None


def test_pericarditic_pain_with_a_cardiac_feature_stays_high_risk() -> None:
    assert pericarditic_chest_pain("chest pain better sitting forward, sweaty, diabetic") is None


PNEUMOTHORAX = "tall and thin, sudden sharp L chest pain and breathless at rest"


def test_sudden_sharp_pain_in_a_tall_thin_young_adult_is_a_possible_pneumothorax() -> None:
    vitals = VitalSigns(heart_rate=96, spo2=95)
    assert spontaneous_pneumothorax(PNEUMOTHORAX, 22, vitals) == "tall and thin"
    assert spontaneous_pneumothorax(PNEUMOTHORAX + ", eased sitting forward", 22, vitals)


@pytest.mark.parametrize(
    ("complaint", "age", "vitals"),
    [
        (PNEUMOTHORAX, 45, VitalSigns(heart_rate=96, spo2=95)),  # 45 or over
        (PNEUMOTHORAX, 22, VitalSigns(heart_rate=104, spo2=95)),  # a fast pulse
        (PNEUMOTHORAX, 22, VitalSigns(heart_rate=96, spo2=93)),  # SpO2 below 94%
        (PNEUMOTHORAX, 22, VitalSigns(heart_rate=96)),  # SpO2 not measured
        (PNEUMOTHORAX + ", sweaty", 22, VitalSigns(heart_rate=96, spo2=95)),  # cardiac
        (PNEUMOTHORAX + ", on the pill", 22, VitalSigns(heart_rate=96, spo2=95)),  # PERC
        ("sudden sharp L chest pain and breathless", 22, VitalSigns(heart_rate=96, spo2=95)),
        ("tall and thin, L chest ache and breathless", 22, VitalSigns(heart_rate=96, spo2=95)),
    ],
)
def test_anything_missing_or_against_keeps_a_possible_pneumothorax_high_risk(
    complaint: str, age: float, vitals: VitalSigns
) -> None:
    assert spontaneous_pneumothorax(complaint, age, vitals) is None


def test_a_possible_pneumothorax_is_worked_up_at_esi_3_with_its_source() -> None:
    result = triage(PNEUMOTHORAX, age=22, heart_rate=96, respiratory_rate=20, spo2=95)
    assert result.acuity == 3
    assert "BTS" in reason(result, "esi.b.spontaneous_pneumothorax").source


STRAINED = "sharp L chest pain since moving furniture, worse pressing on the chest wall"


@pytest.mark.parametrize(
    "complaint",
    [
        "sharp L chest pain, worse when the chest wall is pressed; lifted a heavy box",
        "sharp L chest pain, catches when she twists, started after gardening",
        "sharp chest pain, worse on pressing the chest wall, after moving a wardrobe",
        "L chest pain after humping coal sacks, tender when pressed over the ribs",
        "L chest pain since a coughing fit yesterday, sore when she presses on it",
    ],
)
def test_a_strain_and_a_reproduced_pain_are_read_in_plain_words(complaint: str) -> None:
    assert strained_chest_wall(complaint, 50, VitalSigns(heart_rate=78)) is not None


def test_a_heavy_load_is_not_a_heavy_pain() -> None:
    lifted = "sharp chest pain on a deep breath after a heavy bench press, tender over pec"
    assert low_risk_chest_pain(lifted, 30, PERC_NEGATIVE) is not None
    heavy = "chest pain, heavy like a stone, worse on a deep breath"
    assert low_risk_chest_pain(heavy, 30, PERC_NEGATIVE) is None


def test_chest_wall_pain_after_a_strain_is_not_high_risk_under_65() -> None:
    assert strained_chest_wall(STRAINED, 55, VitalSigns(heart_rate=76)) == "worse pressing"
    result = triage(STRAINED, age=55, heart_rate=76, spo2=98)
    assert result.acuity == 3
    assert "esi.b.strained_chest_wall" in {r.rule for r in result.reasons}


@pytest.mark.parametrize(
    ("complaint", "age", "vitals"),
    [
        (STRAINED, 65, VitalSigns(heart_rate=76)),  # the HEART score's top age band
        (STRAINED, 55, VitalSigns(heart_rate=104)),  # a fast pulse
        (STRAINED, 55, VitalSigns()),  # heart rate not measured
        (STRAINED, 55, VitalSigns(heart_rate=76, spo2=94)),  # SpO2 below 95%
        (STRAINED + ", sweaty", 55, VitalSigns(heart_rate=76)),  # a cardiac feature
        ("sharp L chest pain, worse pressing on the chest wall", 55, VitalSigns(heart_rate=76)),
    ],
)
def test_anything_missing_or_against_keeps_strained_chest_pain_high_risk(
    complaint: str, age: float, vitals: VitalSigns
) -> None:
    assert strained_chest_wall(complaint, age, vitals) is None
