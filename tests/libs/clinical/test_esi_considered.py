"""The handbook's "consider ESI 2" rules made explicit, the SIRS sepsis screen and the
decision point A interventions read from prose.

Each rule is checked on both sides of its boundary, and for its reason text and source.
"""

from __future__ import annotations

import pytest
from tests.libs.clinical.cases import reason, rules, triage

# Decision point B, severe pain.


def test_severe_peripheral_pain_with_normal_vitals_is_not_up_triaged() -> None:
    # Handbook chapter 4 counter-examples: a sprained ankle at 8/10 stays ESI 4, dental
    # pain at 10/10 stays ESI 5.
    ankle = triage("sprained ankle", pain_score=8)
    assert ankle.acuity == 4
    tooth = triage("toothache", pain_score=10)
    assert tooth.acuity == 5
    considered = reason(tooth, "esi.b.severe_pain_considered")
    assert "10/10" in considered.text
    assert "not corroborated" in considered.text
    assert "decision point B" in considered.source
    assert "esi.b.severe_pain" not in {r.rule for r in tooth.reasons}


def test_severe_pain_with_two_resources_and_a_danger_zone_vital_is_esi_2() -> None:
    # Vomiting: labs and IV fluids.
    assert triage("vomiting", pain_score=8).acuity == 3
    result = triage("vomiting", pain_score=8, heart_rate=101)
    assert result.acuity == 2
    why = reason(result, "esi.b.severe_pain")
    assert "danger-zone heart rate" in why.text
    assert "chapter 4" in why.source


def test_danger_zone_vital_alone_does_not_corroborate_pain_below_two_resources() -> None:
    # Back pain: one resource. HR 101 keeps it at ESI 3 (low-resource floor), not ESI 2.
    result = triage("back pain", pain_score=9, heart_rate=101)
    assert result.acuity == 3
    assert "esi.b.severe_pain_considered" in {r.rule for r in result.reasons}


def test_severe_pain_with_missing_core_vitals_is_graded_as_with_normal_ones() -> None:
    # A missing vital is flagged for the nurse to measure; it does not corroborate severe
    # pain (the written sets graded 124 such patients ESI 3 and 29 ESI 2, most of those for
    # a finding the engine now reads: a pulseless limb, a compartment, a dissection).
    missing = triage("vomiting", pain_score=8, respiratory_rate=None)
    measured = triage("vomiting", pain_score=8)
    assert missing.acuity == measured.acuity == 3
    assert "respiratory_rate" in missing.missing_data


def test_severe_pain_with_severe_news2_is_esi_2_whatever_the_resources() -> None:
    # HR 131 scores 3 on NEWS2: a red parameter.
    result = triage("sprained ankle", pain_score=8, heart_rate=131)
    assert result.acuity == 2
    assert "NEWS2 parameter scoring 3" in reason(result, "esi.b.severe_pain").text


@pytest.mark.parametrize("complaint", ["headache", "abdominal pain", "flank pain"])
def test_severe_central_pain_is_esi_2(complaint: str) -> None:
    result = triage(complaint, pain_score=8)
    assert result.acuity == 2
    why = reason(result, "esi.b.severe_pain")
    assert "central pain" in why.text
    assert "Canadian Triage and Acuity Scale" in why.source


@pytest.mark.parametrize("complaint", ["headache", "abdominal pain", "flank pain"])
def test_central_pain_below_the_ctas_severe_band_is_considered_only(complaint: str) -> None:
    # 7/10 opens ESI's question; CTAS calls central pain severe from 8 (Bullard 2008).
    result = triage(complaint, pain_score=7)
    assert result.acuity > 2  # graded on resources
    assert "below CTAS's severe band" in reason(result, "esi.b.severe_pain_considered").text
    assert triage(complaint, pain_score=6).acuity == result.acuity


def test_severe_pain_with_an_unreadable_complaint_keeps_esi_2() -> None:
    result = triage("zzz", pain_score=7)
    assert result.acuity == 2
    assert "cannot read" in reason(result, "esi.b.severe_pain").text


# Decision point D, danger-zone vitals.


def test_single_uncorroborated_danger_zone_vital_is_considered_and_stays_esi_3() -> None:
    result = triage("abdominal pain", heart_rate=101)
    assert result.acuity == 3
    considered = reason(result, "esi.d.danger_zone_heart_rate_considered")
    assert "not corroborated" in considered.text
    assert "chapter 6" in considered.source
    assert "esi.d.danger_zone_heart_rate" not in {r.rule for r in result.reasons}


@pytest.mark.parametrize(
    ("complaint", "vitals", "because"),
    [
        ("abdominal pain", {"heart_rate": 101, "respiratory_rate": 21}, "two or more"),
        ("abdominal pain", {"heart_rate": 131}, "NEWS2 parameter scoring 3"),
        # HR 111-130 (2) + RR 21-24 (2) + SBP 101-110 (1) = NEWS2 5.
        ("vomiting", {"heart_rate": 115, "systolic_bp": 105, "respiratory_rate": 22}, "two"),
        ("abdominal pain", {"heart_rate": 101, "systolic_bp": None}, "not recorded"),
        ("shortness of breath", {"respiratory_rate": 21}, "respiratory distress"),
        ("zzz", {"heart_rate": 101}, "cannot read"),
        ("palpitations and breathless", {"heart_rate": 124}, "tachyarrhythmia"),
        ("kicked in the abdomen, pain worse breathing in", {"heart_rate": 106}, "bleeding"),
    ],
)
def test_corroborated_danger_zone_vital_is_esi_2(
    complaint: str, vitals: dict[str, object], because: str
) -> None:
    result = triage(complaint, **vitals)
    assert result.acuity == 2
    flagged = [r for r in result.reasons if r.rule.startswith("esi.d.danger_zone_")]
    assert any(because in r.text and "corroborated by" in r.text for r in flagged)


def test_news2_total_of_five_corroborates_a_single_danger_zone_vital() -> None:
    # HR 115 (2) + SBP 95 (2) + temp 35.5 (1) = 5; only the heart rate is in the danger zone.
    result = triage("abdominal pain", heart_rate=115, systolic_bp=95, temperature_c=35.5)
    assert result.news2.score == 5
    assert result.acuity == 2
    assert "NEWS2 5 (5 or more)" in reason(result, "esi.d.danger_zone_heart_rate").text
    # One point less (temperature 36.5 scores 0): considered, ESI 3.
    assert triage("abdominal pain", heart_rate=115, systolic_bp=95).acuity == 3


def test_children_keep_the_handbook_up_triage_without_news2() -> None:
    result = triage("abdominal pain", age=5, heart_rate=141)
    assert result.acuity == 2
    assert "under 16" in reason(result, "esi.d.danger_zone_heart_rate").text


# SIRS sepsis screen (Bone et al., 1992).


def test_fever_with_a_danger_zone_heart_rate_is_a_sirs_sepsis_high_risk_situation() -> None:
    result = triage("fever", temperature_c=38.5, heart_rate=105)
    assert result.acuity == 2
    sirs = reason(result, "esi.b.sirs_sepsis")
    assert "2 SIRS criteria" in sirs.text
    assert "Bone et al." in sirs.source
    assert "sepsis_bundle" in result.immediate_actions


def test_fever_with_a_heart_rate_of_91_to_100_is_moderate_risk_esi_3() -> None:
    # NICE NG51: moderate-to-high risk, bloods and a review within the hour.
    result = triage("fever", temperature_c=38.5, heart_rate=95)
    assert result.acuity == 3
    assert "NICE NG51" in reason(result, "esi.b.sirs_moderate_risk").source
    assert "sepsis_bundle" not in result.immediate_actions


SIRS = {"esi.b.sirs_sepsis": 2, "esi.b.sirs_moderate_risk": 3}


@pytest.mark.parametrize(
    ("vitals", "level"),
    [
        ({"temperature_c": 38.1, "heart_rate": 91}, 3),
        ({"temperature_c": 38.1, "heart_rate": 100}, 3),
        ({"temperature_c": 38.1, "heart_rate": 101}, 2),  # above 100: the danger zone
        ({"temperature_c": 38.0, "heart_rate": 91}, None),  # 38.0 is not above 38
        ({"temperature_c": 38.1, "heart_rate": 90}, None),  # 90 is not above 90
        ({"temperature_c": 38.1, "respiratory_rate": 21}, 2),  # above 20: the danger zone
        ({"temperature_c": 38.1, "respiratory_rate": 20}, None),
        ({"temperature_c": 35.9, "heart_rate": 91}, 2),  # below 36: high-risk
        ({"temperature_c": 36.0, "heart_rate": 91}, None),
        ({"heart_rate": 91, "respiratory_rate": 21}, 2),  # infective complaint
    ],
)
def test_sirs_boundaries(vitals: dict[str, object], level: int | None) -> None:
    result = triage("cough", **vitals)
    fired = [SIRS[r.rule] for r in result.reasons if r.rule in SIRS]
    assert fired == ([level] if level else [])


def test_sirs_needs_a_suspected_infection() -> None:
    # Two criteria, no fever and no infective complaint: not sepsis.
    result = triage("sprained ankle", heart_rate=105, respiratory_rate=22)
    assert "esi.b.sirs_sepsis" not in {r.rule for r in result.reasons}
    # A fever above 38.0 is itself the suspected infection.
    febrile = triage("sprained ankle", heart_rate=105, temperature_c=38.6)
    assert "fever above 38.0 C" in reason(febrile, "esi.b.sirs_sepsis").text


def test_sirs_is_an_adult_rule() -> None:
    child = triage("cough", age=12, temperature_c=38.5, heart_rate=105)
    assert "esi.b.sirs_sepsis" not in {r.rule for r in child.reasons}
    adult = triage("cough", age=18, temperature_c=38.5, heart_rate=105)
    assert "esi.b.sirs_sepsis" in {r.rule for r in adult.reasons}


# Decision point A from prose.


@pytest.mark.parametrize(
    ("complaint", "rule"),
    [
        ("EMS began externally pacing him at a rate of 60", "esi.a.electrical_therapy"),
        ("transcutaneous pacing in progress", "esi.a.electrical_therapy"),
        ("being bagged by the paramedics", "esi.a.respiratory_failure"),
        ("BVM ventilation en route", "esi.a.respiratory_failure"),
        ("moaning and does not respond to voice", "esi.a.unresponsive"),
        ("arrest", "esi.a.cardiac_arrest"),
    ],
)
def test_life_saving_interventions_in_prose_are_esi_1(complaint: str, rule: str) -> None:
    result = triage(complaint)
    assert result.acuity == 1
    assert "decision point A" in reason(result, rule).source


def test_working_hard_at_breathing_is_respiratory_distress_esi_2() -> None:
    result = triage("working hard at breathing")
    assert result.acuity == 2
    assert "esi.b.respiratory_distress" in {r.rule for r in result.reasons}


def test_hypotension_with_skin_signs_of_hypoperfusion_is_esi_1() -> None:
    result = triage("chest pressure, cool and clammy", systolic_bp=86, heart_rate=52)
    assert result.acuity == 1
    shock = reason(result, "esi.a.hypotension_with_hypoperfusion")
    assert "86" in shock.text
    assert "hypoperfusion" in shock.source


def test_skin_signs_without_hypotension_are_not_esi_1() -> None:
    assert triage("diaphoretic", systolic_bp=90).acuity == 3
    assert triage("feels unwell", systolic_bp=86).acuity > 1  # no skin signs named
    # Children use the PALS limits, not this adult rule.
    child = triage("clammy", age=8, systolic_bp=89)
    assert "esi.a.hypotension_with_hypoperfusion" not in {r.rule for r in child.reasons}


def test_pacing_in_past_history_is_not_decision_point_a() -> None:
    assert triage("PMH: transcutaneous pacing in 2019, now ankle sprain").acuity > 1


@pytest.mark.parametrize(
    "complaint",
    [
        "her usual migraine",
        "known renal colic, flank pain again",
        "headache for 2 days. Past medical history: migraines",
        "chronic abdominal pain",
        "a migraine like her usual ones, vomiting",
    ],
)
def test_known_recurrent_central_pain_is_ctas_chronic_pain(complaint: str) -> None:
    # CTAS (Bullard 2008): severe chronic central pain is level 3, not 2.
    result = triage(complaint, pain_score=9)
    assert result.acuity > 2
    assert "CTAS chronic pain" in reason(result, "esi.b.severe_pain_considered").text


def test_a_new_severe_headache_is_still_corroborated() -> None:
    assert triage("headache since this morning", pain_score=9).acuity == 2
    # A history of something else does not make today's pain chronic.
    assert triage("history of asthma. Headache since noon", pain_score=9).acuity == 2
    # Compared with something dangerous, not with the usual pattern.
    assert triage("a headache like her previous brain bleed", pain_score=9).acuity == 2


def test_severe_peripheral_pain_with_visible_distress_is_esi_2() -> None:
    # Handbook chapter 4: severe pain or distress is judged by what the nurse sees too.
    seen = triage("dislocated shoulder, pale and sweaty", pain_score=9)
    assert seen.acuity == 2
    assert "visible distress ('pale and sweaty')" in reason(seen, "esi.b.severe_pain").text
    crying = triage("forearm visibly bent, crying inconsolably", age=11, pain_score=8)
    assert crying.acuity == 2
    calm = triage("dislocated shoulder, not distressed, not sweaty", pain_score=9)
    assert "esi.b.severe_pain" not in rules(calm)
    unscored = triage("dislocated shoulder, pale and sweaty")
    assert "esi.b.severe_pain" not in rules(unscored)


def test_confusion_at_the_patients_usual_level_is_not_new_confusion() -> None:
    usual = triage("care home: new cough, eating less, confusion at her usual level", age=92)
    assert usual.acuity == 3
    assert "esi.c.confusion_at_baseline" in rules(usual)
    worse = triage("new cough, confusion at her usual level but drowsier today", age=92)
    assert worse.acuity == 2
    muddled = triage("found on the floor, R hip pain, his usual pleasantly muddled self", age=80)
    assert "esi.c.confusion_at_baseline" in rules(muddled)


def test_a_confusion_that_has_passed_after_a_fit_or_a_low_glucose_is_judged_as_now() -> None:
    fit = triage("first fit at home, drowsy after, now GCS 15 and orientated", age=45)
    assert "esi.c.confusion_resolved" in rules(fit)
    assert "esi.b.altered_mental_status" not in rules(fit)
    still = triage("first fit at home, drowsy after, now GCS 15 but still confused", age=45)
    assert "esi.b.altered_mental_status" in rules(still)
    # With nothing to explain it, a passing confusion is worked up as high-risk.
    unexplained = triage("confused at lunchtime, now alert and orientated", age=80)
    assert "esi.c.confusion_resolved" not in rules(unexplained)
