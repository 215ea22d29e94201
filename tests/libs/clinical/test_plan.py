"""Immediate actions, protocol medications and follow-up specialty."""

from __future__ import annotations

from emergisphere_clinical import TriageAssessment, TriageInput, VitalSigns, assess

STABLE = {
    "heart_rate": 80,
    "respiratory_rate": 16,
    "systolic_bp": 130,
    "spo2": 98,
    "temperature_c": 37.0,
    "consciousness": "A",
    "on_oxygen": False,
}


def triage(complaint: str, *, age: float | None = 45, **vitals: object) -> TriageAssessment:
    values = {**STABLE, **vitals}
    return assess(
        TriageInput(
            chief_complaint=complaint,
            vitals=VitalSigns(**values),  # type: ignore[arg-type]
            age_years=age,
        )
    )


def test_stable_chest_pain_gets_aspirin_and_nitroglycerin() -> None:
    assert triage("chest pain").planned_medications == ("aspirin", "nitroglycerin")


def test_nitroglycerin_is_withheld_when_hypotensive_or_bp_unknown() -> None:
    assert "nitroglycerin" not in triage("chest pain", systolic_bp=85).planned_medications
    assert "nitroglycerin" not in triage("chest pain", systolic_bp=None).planned_medications


def test_aspirin_is_withheld_with_gi_bleeding_or_stroke_signs() -> None:
    assert "aspirin" not in triage("chest pain and black stools").planned_medications
    assert "aspirin" not in triage("chest pain, slurred speech").planned_medications


def test_chest_pain_protocol_is_for_adults_only() -> None:
    assert triage("chest pain", age=9).planned_medications == ()


def test_anaphylaxis_gets_epinephrine() -> None:
    assert "epinephrine" in triage("anaphylaxis to bee sting").planned_medications


def test_asthma_gets_salbutamol() -> None:
    assert "salbutamol" in triage("asthma attack").planned_medications


def test_severe_musculoskeletal_pain_gets_ibuprofen() -> None:
    assert "ibuprofen" in triage("sprained ankle", pain_score=8).planned_medications


def test_severe_pain_with_nsaid_contraindication_gets_morphine() -> None:
    assert "morphine" in triage("sprained ankle", age=80, pain_score=8).planned_medications
    assert "morphine" in triage("abdominal pain", pain_score=9).planned_medications


def test_no_opioid_when_drowsy_or_breathing_slowly() -> None:
    meds = triage("abdominal pain", pain_score=9, respiratory_rate=10).planned_medications
    assert "morphine" not in meds
    meds = triage("abdominal pain", pain_score=9, consciousness="V").planned_medications
    assert "morphine" not in meds


def test_moderate_pain_plans_no_analgesic() -> None:
    meds = triage("sprained ankle", pain_score=5).planned_medications
    assert "ibuprofen" not in meds
    assert "morphine" not in meds


def test_medication_names_are_lower_case_generics() -> None:
    result = triage("chest pain, wheezing, vomiting", pain_score=8)
    assert all(name == name.lower() for name in result.planned_medications)


def test_low_oxygen_saturation_prompts_oxygen_therapy() -> None:
    assert "oxygen_therapy" in triage("cough", spo2=92).immediate_actions
    assert "oxygen_therapy" not in triage("cough", spo2=95).immediate_actions


def test_altered_consciousness_prompts_glucose_check() -> None:
    assert "glucose_check" in triage("feels unwell", consciousness="C").immediate_actions


def test_missing_vitals_prompt_a_full_set() -> None:
    assert "obtain_missing_vitals" in triage("cough", heart_rate=None).immediate_actions
    assert "obtain_missing_vitals" not in triage("cough").immediate_actions


def test_low_acuity_needs_no_physician_now() -> None:
    assert "physician_now" not in triage("sore throat").immediate_actions


def test_actions_are_listed_once() -> None:
    actions = triage("confused, unresponsive", consciousness="U").immediate_actions
    assert len(actions) == len(set(actions))


def test_specialty_follows_the_most_serious_presentation() -> None:
    assert triage("ankle sprain and chest pain").follow_up_specialty == "cardiology"


def test_unrecognised_adult_complaint_follows_up_in_general_practice() -> None:
    assert triage("zzz").follow_up_specialty == "general_practice"


def test_children_follow_up_in_pediatrics_rather_than_general_practice() -> None:
    assert triage("sore throat", age=4).follow_up_specialty == "ent"
    assert triage("cold symptoms", age=4).follow_up_specialty == "pediatrics"
