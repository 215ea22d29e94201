import pytest
from tests.libs.clinical.cases import reason, rules, triage

from emergisphere_clinical.pregnancy import possible_ectopic


@pytest.mark.parametrize(
    "note",
    [
        "24F, LMP 6 wks, +HPT at home, sharp L lower abdo pain and spotting",
        "positive home pregnancy test, LMP approx 6 weeks ago, RLQ cramping",
        "6 weeks pregnant by dates, L sided pelvic pain",
        "8/40, R iliac fossa pain since this morning",
        "lower abdo pain mainly R side, urine hCG positive",
    ],
)
def test_one_sided_pain_in_early_pregnancy_is_a_possible_ectopic(note: str) -> None:
    assert possible_ectopic(note) is not None


@pytest.mark.parametrize(
    "note",
    [
        # Late, in the uterus, central, or not pregnant.
        "32 weeks pregnant, R sided pain for 1 week",
        "9 weeks pregnant (dating scan done last week), R sided pain",
        "7 weeks pregnant, scan showed an intrauterine pregnancy, L sided pain",
        "8/40, crampy central lower abdo pain, no shoulder tip pain",
        "R iliac fossa pain, urine hCG negative",
    ],
)
def test_not_a_possible_ectopic(note: str) -> None:
    assert possible_ectopic(note) is None


@pytest.mark.parametrize(("pain", "acuity"), [(3, 3), (4, 2)])
def test_early_one_sided_pain_that_is_more_than_mild_is_esi_2(pain: int, acuity: int) -> None:
    note = "LMP 6 weeks ago, positive pregnancy test, R iliac fossa pain, no bleeding"
    result = triage(note, age=23, pain_score=pain)
    assert result.acuity == acuity
    if acuity == 2:
        assert "NG126" in reason(result, "esi.b.possible_ectopic").source
    else:
        assert "esi.b.possible_ectopic" not in rules(result)
