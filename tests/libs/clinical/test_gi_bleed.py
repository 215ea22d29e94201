import pytest
from tests.libs.clinical.cases import reason, rules, triage

from emergisphere_clinical.gi_bleed import stable_gi_bleed
from emergisphere_clinical.models import VitalSigns

NORMAL_CIRCULATION = VitalSigns(heart_rate=88, systolic_bp=132)


@pytest.mark.parametrize(
    "note",
    [
        "black tarry stools x2 since yesterday, on aspirin, not dizzy",
        "bright red blood PR x3 today, mixed with stool",
        "vomited coffee grounds once this evening, takes naproxen",
    ],
)
def test_a_described_bleed_with_a_normal_circulation_is_stable(note: str) -> None:
    assert stable_gi_bleed(note, NORMAL_CIRCULATION) == "heart rate 88, systolic 132"


@pytest.mark.parametrize(
    "note",
    [
        # A faint, dizziness, a large bleed, a low haemoglobin or liver disease.
        "black tarry stools x2 since yesterday, dizzy on standing",
        "melaena for 2 days, nearly passed out in the shower",
        "vomited blood twice, about a cupful each time",
        "black stools x3 days, Hb 78 at the GP",
        "known cirrhosis, vomited blood twice tonight",
        # Nothing said of how much or how often.
        "haematemesis",
    ],
)
def test_a_bleed_with_a_sign_of_loss_or_untold_size_is_not_stable(note: str) -> None:
    assert stable_gi_bleed(note, NORMAL_CIRCULATION) is None


@pytest.mark.parametrize(
    "vitals",
    [
        VitalSigns(heart_rate=100, systolic_bp=132),
        VitalSigns(heart_rate=88, systolic_bp=108),
        VitalSigns(heart_rate=None, systolic_bp=132),
        VitalSigns(heart_rate=88, systolic_bp=None),
    ],
)
def test_a_fast_pulse_a_low_pressure_or_one_unmeasured_keeps_it_high_risk(
    vitals: VitalSigns,
) -> None:
    assert stable_gi_bleed("fresh red blood PR x2 today", vitals) is None


@pytest.mark.parametrize(("heart_rate", "acuity"), [(96, 3), (104, 2)])
def test_a_stable_bleed_is_esi_3_and_a_tachycardic_one_esi_2(heart_rate: int, acuity: int) -> None:
    result = triage("fresh red blood PR x3 today, on aspirin", heart_rate=heart_rate)
    assert result.acuity == acuity
    assert ("esi.b.stable_gi_bleed" in rules(result)) == (acuity == 3)
    assert ("esi.b.gi_bleed" in rules(result)) == (acuity == 2)
    if acuity == 3:
        assert "Blatchford" in reason(result, "esi.b.stable_gi_bleed").source
        assert result.expected_resources == 2
