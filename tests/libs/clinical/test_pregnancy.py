import pytest
from tests.libs.clinical.cases import reason, rules, triage

from emergisphere_clinical.pregnancy import (
    blow_in_later_pregnancy,
    possible_ectopic,
    trauma_in_later_pregnancy,
)


@pytest.mark.parametrize(
    "note",
    [
        "24F, LMP 6 wks, +HPT at home, sharp L lower abdo pain and spotting",
        "positive home pregnancy test, LMP approx 6 weeks ago, RLQ cramping",
        "6 weeks pregnant by dates, L sided pelvic pain",
        "8/40, R iliac fossa pain since this morning",
        "lower abdo pain mainly R side, urine hCG positive",
        "lower abdo pain L side, LMP 6 weeks ago, pregnancy test positive in dept",
        "period 6 wks late, +ve home test, L-sided lower abdo pain",
        "LMP 6 weeks ago, home test positive, L-sided pelvic pain",
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


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        # A threatened miscarriage, stable, pain unscored but called mild: worked up at 3.
        ("9 weeks pregnant, light PV spotting and mild cramping since this morning", 3),
        # Unscored pain that may be an ectopic's, or is called severe, stays high-risk.
        ("LMP 6 weeks ago, positive pregnancy test, R sided lower abdo pain", 2),
        ("10 weeks pregnant, severe cramping and bleeding", 2),
        # A negative test is not a pregnancy.
        ("lower abdo pain 3 days, new discharge. Pregnancy test neg.", 3),
    ],
)
def test_unscored_pain_in_pregnancy_counts_when_it_may_be_an_ectopic_or_is_severe(
    note: str, acuity: int
) -> None:
    assert triage(note, age=30, pain_score=None).acuity == acuity


@pytest.mark.parametrize(
    ("note", "blow"),
    [
        ("28 weeks pregnant, fell down 6 stairs onto her front, mild lower abdo cramping", "fell"),
        ("26/40, partner kicked her in the stomach, abdo sore 5/10", "kicked"),
        ("30F 28/40, belt across bump in the RTC, tightenings since", "belt across bump"),
        ("31F 28/40 slipped in the yard onto her bump, mild tummy ache", "slipped"),
    ],
)
def test_a_blow_to_a_later_pregnancy_with_symptoms_is_a_possible_abruption(
    note: str, blow: str
) -> None:
    assert trauma_in_later_pregnancy(note) == blow
    assert "esi.b.pregnancy_trauma" in rules(triage(note, age=30))


@pytest.mark.parametrize(
    "note",
    [
        "16 weeks pregnant, slipped onto her bottom, mild lower abdo cramping",
        "28/40, slipped down 3 stairs onto her bottom, no abdo pain, no PV loss",
        "30 weeks pregnant, lower abdo cramping since this morning",
    ],
)
def test_early_a_symptomless_or_a_blowless_pregnancy_is_not_a_possible_abruption(
    note: str,
) -> None:
    assert trauma_in_later_pregnancy(note) is None


@pytest.mark.parametrize(
    ("note", "blow"),
    [
        ("38F, 26 weeks, fell off a ladder, now tightenings and a small PV bleed", "fell"),
        ("38F fell 3 weeks ago onto her bump, now tightenings", None),
    ],
)
def test_a_bare_count_of_weeks_is_a_gestation_in_a_pregnancy_note(
    note: str, blow: str | None
) -> None:
    assert trauma_in_later_pregnancy(note) == blow


def test_a_side_written_as_r_sided_makes_an_early_pregnancy_a_possible_ectopic() -> None:
    note = "37F, R-sided lower abdo pain, LMP 6 weeks ago, pregnancy test positive, spotting"
    assert possible_ectopic(note) == "r sided"


def test_pain_in_the_right_lower_tummy_keeps_its_side() -> None:
    note = "28F pain in R lower tummy, LMP 6 weeks ago, pregnancy test positive"
    assert possible_ectopic(note) == "right lower tummy"
    assert possible_ectopic("lower abdo pain, worse on R, UPT positive") == "worse on r"


def test_a_symptomless_blow_to_a_later_pregnancy_is_monitored_not_high_risk() -> None:
    note = "28/40, slipped on the ice, grazed left knee, no abdo pain, no PV loss"
    assert blow_in_later_pregnancy(note) == "slipped"
    result = triage(note, age=30)
    assert result.acuity == 3
    assert result.expected_resources == 2
    assert "esi.b.pregnancy_trauma" not in rules(result)
    early = "16 weeks pregnant, slipped on the ice, grazed left knee, no abdo pain"
    assert blow_in_later_pregnancy(early) is None
    assert triage(early, age=30).acuity == 5


def test_a_blow_to_a_later_pregnancy_is_read_when_nothing_else_is_named() -> None:
    result = triage("24/40, fell on the bus onto her bottom, baby moving", age=30)
    assert result.acuity == 3
    assert "esi.b.complaint_unrecognised" not in rules(result)


@pytest.mark.parametrize(
    "note",
    [
        "32/40, baby moving less since last night, no pain, no bleeding",
        "28F G2P1 at 33/40, says baby 'much quieter' since lunchtime",
        "34 weeks pregnant, baby not moving as much since this morning",
        "30/40, reduced fetal movements since yesterday evening, no leaking",
    ],
)
def test_reduced_fetal_movements_in_a_well_mother_are_worked_up_not_high_risk(note: str) -> None:
    result = triage(note, age=30)
    assert result.acuity == 3
    assert "esi.b.pregnancy_symptoms" not in rules(result)


@pytest.mark.parametrize(
    "note",
    [
        "34 weeks pregnant, baby not moving since this morning",
        "34 weeks, baby moving less since last night, frontal headache and puffy hands",
        "32/40, baby moving less, tightenings every 5 minutes",
    ],
)
def test_absent_movements_or_a_sign_with_them_stay_high_risk(note: str) -> None:
    result = triage(note, age=30)
    assert result.acuity == 2
    assert "esi.b.pregnancy_symptoms" in rules(result)
