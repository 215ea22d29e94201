"""ESI v4 decision points A-D, paediatric fever and NEWS2 floors, through assess()."""

from __future__ import annotations

import pytest

from emergisphere_clinical import TriageAssessment, TriageInput, VitalSigns, assess
from emergisphere_clinical.complaints import find_complaints
from emergisphere_clinical.narrative import input_from_narrative

NORMAL = VitalSigns(
    heart_rate=75,
    respiratory_rate=16,
    systolic_bp=120,
    diastolic_bp=80,
    spo2=98,
    temperature_c=37.0,
    consciousness="A",
    on_oxygen=False,
    pain_score=2,
)


def triage(
    complaint: str = "",
    *,
    age: float | None = 40,
    spo2_scale: int = 1,
    **vitals: object,
) -> TriageAssessment:
    base = {name: getattr(NORMAL, name) for name in NORMAL.__slots__}
    base.update(vitals)
    return assess(
        TriageInput(
            chief_complaint=complaint,
            vitals=VitalSigns(**base),  # type: ignore[arg-type]
            age_years=age,
            spo2_scale=spo2_scale,
        )
    )


def rules(result: TriageAssessment) -> set[str]:
    return {reason.rule for reason in result.reasons}


# Reference cases from the brief.


def test_reference_chest_pain_patient_is_urgent_with_ecg_and_aspirin() -> None:
    result = assess(
        TriageInput(
            chief_complaint="chest pain",
            age_years=67,
            vitals=VitalSigns(
                heart_rate=118, respiratory_rate=24, spo2=91, systolic_bp=92, consciousness="A"
            ),
        )
    )
    assert result.acuity in (1, 2)
    assert result.news2.score >= 7
    assert result.news2.band == "high"
    assert {"ecg_within_10_min", "physician_now"} <= set(result.immediate_actions)
    assert "aspirin" in result.planned_medications
    assert result.follow_up_specialty == "cardiology"


def test_sprained_ankle_walk_in_with_normal_vitals_is_esi_4_or_5() -> None:
    result = assess(
        TriageInput(
            chief_complaint="sprained ankle", vitals=NORMAL, age_years=25, arrival_mode="walk_in"
        )
    )
    assert result.acuity in (4, 5)
    assert result.follow_up_specialty == "orthopedics"


def test_stroke_signs_are_high_risk_with_stroke_pathway() -> None:
    result = triage("facial droop, slurred speech", age=72)
    assert result.acuity <= 2
    assert "stroke_pathway" in result.immediate_actions
    assert result.follow_up_specialty == "neurology"


def test_two_week_old_with_fever_is_at_least_esi_2() -> None:
    result = assess(
        TriageInput(
            chief_complaint="fever", age_years=14 / 365.25, vitals=VitalSigns(temperature_c=38.5)
        )
    )
    assert result.acuity <= 2
    assert "esi.fever.under_28_days" in rules(result)


# Decision point A.


@pytest.mark.parametrize(
    ("vitals", "rule"),
    [
        ({"spo2": 89}, "esi.a.spo2_below_90"),
        ({"consciousness": "P"}, "esi.a.avpu_pain_or_unresponsive"),
        ({"consciousness": "U"}, "esi.a.avpu_pain_or_unresponsive"),
        ({"respiratory_rate": 6}, "esi.a.inadequate_breathing"),
        ({"heart_rate": 0}, "esi.a.pulseless"),
        ({"systolic_bp": 65}, "esi.a.severe_hypotension"),
        ({"systolic_bp": 85, "heart_rate": 125}, "esi.a.hypotension_with_shock_signs"),
    ],
)
def test_life_threatening_vitals_are_esi_1(vitals: dict[str, object], rule: str) -> None:
    result = triage("feels unwell", **vitals)
    assert result.acuity == 1
    assert rule in rules(result)
    assert "physician_now" in result.immediate_actions


def test_spo2_of_exactly_90_is_not_decision_point_a() -> None:
    assert "esi.a.spo2_below_90" not in rules(triage("ankle sprain", spo2=90))


def test_on_a_hypercapnic_target_decision_point_a_starts_below_88() -> None:
    def graded(spo2: float) -> TriageAssessment:
        return assess(TriageInput("COPD", VitalSigns(spo2=spo2), age_years=70, spo2_scale=2))

    assert "esi.a.spo2_below_target" in rules(graded(87))
    assert graded(88).acuity == 2
    assert "esi.a.spo2_below_90" not in rules(graded(88))


def test_low_blood_pressure_without_shock_signs_is_not_esi_1() -> None:
    assert triage("ankle sprain", systolic_bp=85).acuity > 1


def test_child_hypotension_uses_pals_limit() -> None:
    # 4 years: PALS limit 70 + 2 x 4 = 78 mmHg.
    assert triage("ankle sprain", age=4, systolic_bp=76).acuity == 1
    assert triage("ankle sprain", age=4, systolic_bp=80).acuity > 1


@pytest.mark.parametrize(
    "complaint",
    [
        "cardiac arrest",
        "found not breathing",
        "intubated at outside hospital",
        "unresponsive at home",
        "actively seizing",
    ],
)
def test_life_saving_complaints_are_esi_1(complaint: str) -> None:
    assert triage(complaint).acuity == 1


# Decision point B.


@pytest.mark.parametrize(
    ("complaint", "rule"),
    [
        ("crushing chest pain", "esi.b.acs"),
        ("throat swelling after peanuts", "esi.b.anaphylaxis"),
        ("possible sepsis", "esi.b.sepsis"),
        ("vomiting blood", "esi.b.gi_bleed"),
        ("suicidal ideation", "esi.b.suicidal"),
        ("overdose of paracetamol", "esi.b.overdose"),
        ("ectopic pregnancy suspected", "esi.b.pregnancy_complication"),
        ("pedestrian struck by truck", "esi.b.major_trauma"),
        ("testicular pain since waking", "esi.b.testicular_torsion"),
        ("worst headache of my life", "esi.b.thunderclap_headache"),
        ("new confusion", "esi.b.altered_mental_status"),
        # A blow to the eye is ESI 4 (one X-ray); an open globe is not.
        ("ruptured globe after a fall", "esi.b.open_globe"),
        ("swallowed a button battery 30 minutes ago", "esi.b.battery_ingestion"),
        ("known diabetic, DKA again", "esi.b.hyperglycaemic_crisis"),
        ("vomiting, fruity breath", "esi.b.hyperglycaemic_crisis"),
        ("asthma, speaking in short phrases", "esi.b.respiratory_distress"),
    ],
)
def test_high_risk_complaints_are_esi_2(complaint: str, rule: str) -> None:
    result = triage(complaint)
    assert result.acuity == 2
    assert rule in rules(result)


@pytest.mark.parametrize("level", ["C", "V"])
def test_new_confusion_or_voice_response_is_esi_2(level: str) -> None:
    result = triage("ankle sprain", consciousness=level)
    assert result.acuity == 2
    assert "esi.b.new_confusion" in rules(result)


def test_pain_7_or_more_is_considered_and_6_is_not() -> None:
    # Handbook chapter 4: a sprained ankle at 8/10 stays ESI 4; 7 is only considered.
    considered = triage("ankle sprain", pain_score=7)
    assert considered.acuity == 4
    assert "esi.b.severe_pain_considered" in rules(considered)
    below = triage("ankle sprain", pain_score=6)
    assert below.acuity == 4
    assert not {"esi.b.severe_pain", "esi.b.severe_pain_considered"} & rules(below)


def test_negated_high_risk_complaint_does_not_raise_acuity() -> None:
    assert triage("ankle sprain, denies chest pain").acuity == 4


def test_news2_five_with_infection_prompts_sepsis() -> None:
    result = triage("cough", heart_rate=115, respiratory_rate=22, temperature_c=38.5)
    assert "esi.b.sepsis_screen" in rules(result)
    assert result.acuity <= 2
    assert "sepsis_bundle" in result.immediate_actions
    assert "ceftriaxone" in result.planned_medications


def test_high_news2_without_infection_is_not_a_sepsis_alert() -> None:
    result = triage("ankle sprain", heart_rate=115, respiratory_rate=22, systolic_bp=100)
    assert "esi.b.sepsis_screen" not in rules(result)


# Decision point C.


@pytest.mark.parametrize(
    ("complaint", "acuity", "resources"),
    [
        ("prescription refill", 5, 0),
        ("needs a tetanus shot", 5, 0),
        ("sore throat", 5, 0),
        ("laceration to finger", 4, 1),
        ("painful urination", 4, 1),
        ("wheezing", 4, 1),
        ("abdominal pain", 3, 3),
        ("vomiting and diarrhoea", 3, 2),
        # The handbook's blow to the eye: an X-ray for an orbital fracture, nothing more.
        ("it hit me right in the eye, my vision is fine", 4, 1),
        ("breast is sore", 5, 0),
        ("my breast is so sore and now I have a fever", 3, 2),
        ("Foley catheter came out; currently on antibiotics for a UTI", 4, 1),
        ("Foley catheter came out; on antibiotics for a UTI but still burning", 3, 2),
        ("unable to cut his own toenails", 5, 0),
        ("Dental Problem; injury", 3, 2),
    ],
)
def test_resource_count_sets_acuity(complaint: str, acuity: int, resources: int) -> None:
    result = triage(complaint)
    assert (result.acuity, result.expected_resources) == (acuity, resources)


def test_resource_types_are_counted_once_across_complaints() -> None:
    # Both need an X-ray: still one resource.
    assert triage("ankle sprain and wrist pain").expected_resources == 1


# Resources a note rules out (esi._CLEARED): each row's rule fires only when the note
# says what the guideline needs, and never with one of its exceptions.
_CLEARING_RULES = frozenset(
    {
        "esi.c.ottawa_negative",
        "esi.c.suture_removal",
        "esi.c.epistaxis_stopped",
        "esi.c.gastroenteritis_drinking",
        "esi.c.hives_only",
        "esi.c.fever_minor_focus",
        "esi.c.typical_seizure",
        "esi.c.known_epilepsy_seizure",
        "esi.c.reflex_syncope",
        "esi.c.self_reduced",
        "esi.c.superficial_cut",
        "esi.c.already_imaged",
        "esi.c.chronic_joint_pain",
        "esi.c.head_injury_no_ct",
        "esi.c.back_pain_no_red_flags",
        "esi.c.canadian_cspine_negative",
        "esi.c.whiplash_imaging_only",
    }
)
_CLEARED_CASES = [
    # The Ottawa rules (under 55; unable to bear weight or a deformity keeps the X-ray).
    ("rolled ankle, walking on it, no bony tenderness", 30, 5, "esi.c.ottawa_negative"),
    ("inversion injury, Ottawa -ve", 30, 5, "esi.c.ottawa_negative"),
    ("rolled ankle, no bony tenderness", 30, 5, "esi.c.ottawa_negative"),
    ("twisted knee, no bony tenderness", 60, 4, None),
    ("twisted knee, no bony tenderness", None, 4, None),
    ("rolled ankle, no bony tenderness, couldn't take 4 steps", 30, 4, None),
    ("rolled ankle, can't weight bear, no bony tenderness", 30, 4, None),
    ("wrist injury, deformity, no bony tenderness at the snuffbox", 30, 3, None),
    ("rolled ankle, no deformity, no bony tenderness", 30, 5, "esi.c.ottawa_negative"),
    # Suture removal (a wound that opened again is repaired again).
    (
        "here for suture removal, forearm lac 10 days ago, healing well",
        40,
        5,
        "esi.c.suture_removal",
    ),
    ("here for suture removal, forearm lac 10 days ago, wound opened up", 40, 4, None),
    ("forearm lac 10 days ago", 40, 4, None),
    # A nosebleed that has stopped (not recurring, not anticoagulated).
    (
        "nosebleed, stopped with pressure before arrival, none since",
        40,
        5,
        "esi.c.epistaxis_stopped",
    ),
    ("nosebleed, stopped but keeps restarting", 40, 4, None),
    ("nosebleed on and off, currently stopped", 40, 4, None),
    ("nosebleed 40 min, still trickling", 40, 4, None),
    ("nosebleed on warfarin, stopped now", 40, 3, None),
    ("tiny red dots and bruises on legs, nosebleed that stopped", 40, 3, None),
    # Gastroenteritis with fluids kept down or over, and hives alone.
    ("loose stools 3 a day, drinking well, no blood", 30, 5, "esi.c.gastroenteritis_drinking"),
    (
        "diarrhoea and vomiting, plenty of wet nappies, playful",
        2,
        5,
        "esi.c.gastroenteritis_drinking",
    ),
    (
        "needs a work note, had a tummy bug on Monday, fine now",
        30,
        5,
        "esi.c.gastroenteritis_drinking",
    ),
    ("nausea since starting sertraline, no vomiting", 30, 5, "esi.c.gastroenteritis_drinking"),
    ("diarrhoea and vomiting, only 2 wet nappies today, drinking a little", 2, 3, None),
    ("vomiting, drinking well but dry lips", 30, 3, None),
    ("vomited the oral fluid challenge, drinking well before", 2, 3, None),
    (
        "itchy hives on arms, no lip or tongue swelling, breathing normally",
        30,
        5,
        "esi.c.hives_only",
    ),
    ("itchy hives, lips swelling, no wheeze", 30, 2, None),
    # A fever with a minor focus in a patient who is well.
    (
        "tugging at her ear, fever 38.5 at home, playful, drinking well",
        3,
        5,
        "esi.c.fever_minor_focus",
    ),
    ("sore throat, fever 38.2, swallowing ok, no drooling", 19, 5, "esi.c.fever_minor_focus"),
    ("tugging at her ear, fever 38.5, drinking less, drowsy", 3, 2, None),
    ("sore throat, fever 38.2, drooling, can't swallow", 19, 2, None),
    ("ear pain, fever, swelling behind the ear, playful", 4, 3, None),
    ("runny nose and cough, fever, playful", 4, 3, None),
    ("tugging at ear, fever, feeding well, happy", 0.2, 2, None),
    ("fever, playful, drinking well", 3, 4, None),
    # A typical seizure in known epilepsy.
    (
        "known epilepsy, usual seizure at home, 2 mins, now back to herself",
        40,
        5,
        "esi.c.typical_seizure",
    ),
    # Not the typical seizure the rule above clears, but known epilepsy, recovered: drug
    # levels, no scan.
    (
        "known epilepsy, usual seizure, missed doses this week",
        40,
        4,
        "esi.c.known_epilepsy_seizure",
    ),
    ("known epilepsy, two seizures today, missed doses this week", 40, 3, None),
    ("first seizure, 2 mins, now back to herself", 40, 3, None),
    # A reflex faint under 40 (an ECG only).
    (
        "fainted standing in church, felt hot and sweaty first, now well",
        20,
        4,
        "esi.c.reflex_syncope",
    ),
    ("fainted at the sight of a needle, came round lying down", 18, 4, "esi.c.reflex_syncope"),
    ("fainted while running, felt it coming", 20, 2, None),
    ("fainted standing in a queue, palpitations before", 20, 2, None),
    ("fainted standing in a queue", 60, 3, None),
    ("fainted standing in a queue", None, 3, None),
    # A dislocation that went back by itself (an X-ray only).
    (
        "shoulder popped out in a tackle, went back in by itself, full movement",
        40,
        4,
        "esi.c.self_reduced",
    ),
    ("shoulder dislocated, still out, arm held away from body", 40, 3, None),
    # A superficial cut with its edges together.
    (
        "1 cm superficial cut on finger from a tin, edges together, bleeding stopped",
        40,
        5,
        "esi.c.superficial_cut",
    ),
    ("cut thumb on a knife, non-gaping, bleeding stopped", 40, 5, "esi.c.superficial_cut"),
    ("superficial cut on thumb but 3 cm gaping", 40, 4, None),
    ("superficial cut on thumb, still bleeding", 40, 4, None),
    ("dog bite, superficial cut on hand", 40, 3, None),
    ("superficial cut palm, can't bend tip of finger", 40, 3, None),
    (
        "superficial cuts L forearm with a razor, cuts to cope, not suicidal",
        40,
        4,
        "esi.c.superficial_cut",
    ),
    # An injury already X-rayed, and long-standing joint pain.
    ("ankle sprain 2 days ago, X-ray negative, wants crutches", 50, 5, "esi.c.already_imaged"),
    ("ankle sprain 2 days ago, X-ray negative, now can't bear weight", 50, 4, None),
    (
        "chronic knee pain for years, no new injury, wants stronger tablets",
        50,
        5,
        "esi.c.chronic_joint_pain",
    ),
    ("known OA, knee pain, now a hot swollen knee", 50, 3, None),
    ("known OA, hip pain slowly worse over 3 weeks", 50, 4, None),
    ("knee pain", 50, 4, None),
    # A head injury with no indication for a CT.
    ("bumped forehead on the table, cried straight away, playing", 2, 5, "esi.c.head_injury_no_ct"),
    ("hit head on cupboard door, no LOC, 3 cm scalp lac", 40, 4, "esi.c.head_injury_no_ct"),
    ("hit head on cupboard door, no LOC, vomited twice", 40, 3, None),
    ("hit head on cupboard door, no LOC, on apixaban", 40, 2, None),
    ("hit head on cupboard door, no LOC, 3 cm scalp lac", 70, 3, None),
    ("bumped head on the cot, cried straight away", 0.5, 4, None),
    ("hit head on cupboard door, no LOC", None, 4, None),
    ("hit head, brief LOC", 40, 3, None),
    ("punched in the face, hit head, no LOC, cheek swollen", 40, 3, None),
    # Back pain with the red flags denied.
    (
        "low back pain after lifting, no numbness, no bladder or bowel problems",
        35,
        5,
        "esi.c.back_pain_no_red_flags",
    ),
    (
        "LBP after gardening, -numbness, -bowel/bladder chg, walking",
        29,
        5,
        "esi.c.back_pain_no_red_flags",
    ),
    (
        "low back pain after lifting, no numbness, no bladder or bowel problems",
        64,
        5,
        "esi.c.back_pain_no_red_flags",
    ),
    ("low back pain after lifting, no numbness, no bladder or bowel problems", 65, 4, None),
    ("low back pain after lifting, no numbness, no bladder or bowel problems", None, 4, None),
    ("low back pain, no numbness, no bladder problems, fever", 35, 3, None),
    ("fell off a ladder, low back pain, no numbness", 35, 3, None),
    ("low back pain, history of breast cancer, no numbness", 35, 3, None),
    ("low back pain, no bladder problems, numb down the back of the leg", 35, 4, None),
    ("low back pain, no numbness, wants an injection", 35, 4, None),
    ("low back pain after lifting", 35, 4, None),
    # Gastroenteritis with sips kept down and a wet nappy: oral fluids, no resource.
    (
        "vomited x6 since midnight, taking sips of juice, wet nappy at 6am, mouth moist",
        2,
        5,
        "esi.c.gastroenteritis_drinking",
    ),
    ("vomited x6, vomited the oral rehydration trial, last wet nappy 6 hrs ago", 2, 3, None),
    # The Canadian C-spine rule after a low-speed collision (under 65, no paraesthesia).
    (
        "rear-ended at lights, stiff neck, no midline tenderness, rotates 45 both ways",
        30,
        5,
        "esi.c.canadian_cspine_negative",
    ),
    (
        "minor rear-end shunt, neck ache, no midline tenderness",
        45,
        5,
        "esi.c.canadian_cspine_negative",
    ),
    ("rear-ended at lights, stiff neck, no midline tenderness", 70, 4, None),
    (
        "rear-ended at lights, stiff neck, no midline tenderness, pins and needles in R hand",
        30,
        3,
        None,
    ),
    ("rear-ended at lights, stiff neck, no midline tenderness, can't rotate it", 30, 4, None),
    ("fell down the stairs, neck pain, no midline tenderness", 30, 4, None),
    # Midline tenderness there: imaging of the neck, oral analgesia.
    (
        "rear-ended at lights, neck pain, midline tenderness at C6",
        35,
        4,
        "esi.c.whiplash_imaging_only",
    ),
    ("rear-ended at lights, neck pain, midline tenderness at C6", 70, 3, None),
    ("rear-ended at lights, neck pain, midline tenderness at C6, numb fingers", 35, 3, None),
    ("rear-ended at lights, neck and lower back pain, midline tenderness at C6", 35, 3, None),
    ("fell off a ladder, neck pain, midline tenderness at C6", 35, 3, None),
    # A gaping cut among superficial ones still needs closing.
    ("cut forearm with a razor, several superficial cuts and one 4cm gaping", 30, 4, None),
    ("5cm lac on barbed wire, superficial but gaping", 30, 4, None),
    ("fingertip trapped in a gate, small non-gaping cut", 30, 5, "esi.c.superficial_cut"),
]


def test_the_neck_pain_of_a_whiplash_injury_needs_no_resource_of_its_own() -> None:
    result = triage("rear-ended at lights, neck pain, midline tenderness at C6", age=35)
    assert "esi.c.whiplash_oral_analgesia" in rules(result)
    assert result.expected_resources == 1


@pytest.mark.parametrize(("complaint", "age", "acuity", "cleared"), _CLEARED_CASES)
def test_a_note_can_rule_out_a_resource(
    complaint: str, age: float | None, acuity: int, cleared: str | None
) -> None:
    result = triage(complaint, age=age)
    assert result.acuity == acuity
    assert set(rules(result)) & _CLEARING_RULES == ({cleared} if cleared else set())


@pytest.mark.parametrize(
    ("complaint", "age", "acuity"),
    [
        # NICE CG124: a fall onto the hip at 65 or over is a possible hip fracture.
        ("slipped in the kitchen onto L hip, walking but sore", 81, 3),
        ("slipped in the kitchen onto L hip, walking but sore", 40, 4),
        ("hip pain for months, no fall", 81, 5),
    ],
)
def test_an_older_patient_who_falls_onto_a_hip_is_imaged_and_given_analgesia(
    complaint: str, age: float, acuity: int
) -> None:
    assert triage(complaint, age=age).acuity == acuity


@pytest.mark.parametrize(
    ("pain", "age", "acuity"),
    [(9, 78, 2), (8, 78, 2), (6, 78, 3), (9, 50, 3)],
)
def test_a_possible_hip_fracture_in_severe_pain_at_65_or_over_is_high_risk(
    pain: int, age: float, acuity: int
) -> None:
    complaint = "tripped on a rug, L leg shortened and externally rotated"
    assert triage(complaint, age=age, pain_score=pain).acuity == acuity


_PERC_NEGATIVE = {"heart_rate": 84, "spo2": 99}


@pytest.mark.parametrize(
    ("complaint", "age", "vitals", "acuity"),
    [
        ("sharp chest pain, worse on deep breath, after a cold", 30, _PERC_NEGATIVE, 3),
        ("chest pain after bench press, sore to press over the pec", 22, _PERC_NEGATIVE, 3),
        # Any criterion missing keeps it possible ACS or PE: 45 or over, an unknown age, a
        # heart rate of 100, a saturation not measured, the pill, a cardiac feature.
        ("sharp chest pain, worse on deep breath, since this morning", 45, _PERC_NEGATIVE, 2),
        ("sharp chest pain, worse on deep breath, since this morning", None, _PERC_NEGATIVE, 2),
        ("sharp chest pain, worse on deep breath", 30, {"heart_rate": 100, "spo2": 99}, 2),
        ("sharp chest pain, worse on deep breath", 30, {"heart_rate": 84, "spo2": None}, 2),
        ("sharp chest pain, worse on deep breath, on the pill", 30, _PERC_NEGATIVE, 2),
        ("chest pain worse on deep breath, radiating to the jaw", 30, _PERC_NEGATIVE, 2),
        ("chest pain worse on deep breath, known angina", 30, _PERC_NEGATIVE, 2),
        ("central chest pain since an hour", 30, _PERC_NEGATIVE, 2),
    ],
)
def test_pleuritic_or_reproducible_chest_pain_perc_negative_under_45_is_not_high_risk(
    complaint: str, age: float | None, vitals: dict[str, object], acuity: int
) -> None:
    result = triage(complaint, age=age, **vitals)
    assert result.acuity == acuity
    assert ("esi.b.low_risk_chest_pain" in rules(result)) is (acuity == 3)
    assert "ecg_within_10_min" in result.immediate_actions


@pytest.mark.parametrize(
    ("complaint", "vitals", "acuity"),
    [
        ("took 3 pills at a club, rigid, thrashing", {"temperature_c": 41.3}, 1),
        ("collapsed at the marathon", {"temperature_c": 41.5, "consciousness": "V"}, 1),
        # A fever alone, however high, is not heat stroke.
        ("fever and cough", {"temperature_c": 41.2}, 3),
        ("rigid, thrashing", {"temperature_c": 40.5}, 2),
    ],
)
def test_severe_hyperthermia_with_the_brain_affected_is_esi_1(
    complaint: str, vitals: dict[str, object], acuity: int
) -> None:
    result = triage(complaint, **vitals)
    assert result.acuity == acuity
    assert ("esi.a.severe_hyperthermia" in rules(result)) is (acuity == 1)


def test_exertional_syncope_or_a_family_history_of_sudden_death_is_esi_2() -> None:
    assert triage("collapsed, brief loss of consciousness, now well", age=14).acuity > 2
    running = triage("collapsed while running, brief loss of consciousness, now well", age=14)
    assert "esi.b.syncope_high_risk" in rules(running)
    parkrun = triage("collapsed near the finish at parkrun, out for seconds, now fine", age=55)
    assert "esi.b.syncope_high_risk" in rules(parkrun)
    sprint = triage("fainted mid-sprint, out for a few seconds, now feels fine", age=19)
    assert "esi.b.syncope_high_risk" in rules(sprint)
    family = triage("fainted at school, cousin died suddenly aged 19", age=14)
    assert family.acuity == 2


def test_an_examination_finding_alone_leaves_the_complaint_unread() -> None:
    assert triage("zzz, no bony tenderness").acuity == 2


def test_an_unrecognised_complaint_cannot_rule_out_high_risk() -> None:
    result = triage("zzz")
    assert (result.acuity, result.expected_resources) == (2, 2)
    assert "esi.b.complaint_unrecognised" in rules(result)
    # A complaint the engine reads is graded on it, however minor.
    assert triage("zzz and a sore throat").acuity == 5


def test_empty_complaint_is_missing_data_and_not_low_acuity() -> None:
    result = triage("")
    assert result.acuity <= 3
    assert "chief_complaint" in result.missing_data


# Decision point D.


@pytest.mark.parametrize(
    ("age", "vitals", "acuity"),
    [
        # Adults: a single danger-zone vital with otherwise normal vitals is considered
        # (ESI 3); the corroborated cases are tested below.
        (40, {"heart_rate": 100}, 3),
        (40, {"heart_rate": 101}, 3),
        (40, {"respiratory_rate": 21}, 3),
        (40, {"spo2": 92}, 3),
        (40, {"spo2": 91}, 2),  # SpO2 91 scores 3 on NEWS2: corroborated
        (0.1, {"heart_rate": 180}, 3),
        (0.1, {"heart_rate": 181}, 2),
        (0.1, {"respiratory_rate": 51}, 2),
        (1, {"heart_rate": 160}, 3),
        (1, {"heart_rate": 161}, 2),
        (1, {"respiratory_rate": 41}, 2),
        (5, {"heart_rate": 141}, 2),
        (5, {"respiratory_rate": 30}, 3),
        (5, {"respiratory_rate": 31}, 2),
        (None, {"heart_rate": 101}, 3),
        (None, {"heart_rate": 101, "respiratory_rate": None}, 2),
    ],
)
def test_danger_zone_vitals_by_age(
    age: float | None, vitals: dict[str, object], acuity: int
) -> None:
    assert triage("abdominal pain", age=age, **vitals).acuity == acuity


def test_danger_zone_vitals_keep_low_resource_patients_at_esi_3() -> None:
    result = triage("sore throat", heart_rate=125)
    assert result.acuity == 3
    assert "esi.d.danger_zone_heart_rate" in rules(result)


# Paediatric fever (ESI v4 handbook).


@pytest.mark.parametrize(
    ("age_days", "temp", "acuity"),
    [
        (10, 38.0, 5),
        (10, 38.1, 2),
        (28, 38.1, 2),
        (45, 38.1, 2),
        (200, 39.0, 5),
        (200, 39.1, 3),
        (3 * 365, 39.1, 3),
        (5 * 365, 39.5, 5),
    ],
)
def test_paediatric_fever_rules(age_days: int, temp: float, acuity: int) -> None:
    result = triage("sore throat", age=age_days / 365.25, temperature_c=temp)
    assert result.acuity == acuity


def test_a_fever_written_without_a_source_at_3_to_36_months_is_the_complaint() -> None:
    note = "13 mo girl, temp 39.5 since this afternoon, jabs up to date, no cough, no rash"
    result = triage(note, age=13 / 12, temperature_c=39.5)
    assert result.acuity == 3
    assert "esi.b.complaint_unrecognised" not in rules(result)
    assert "esi.fever.three_to_36_months" in rules(result)
    # Older, or the fever not above 39: an unread complaint stays unread.
    assert triage(note, age=5, temperature_c=39.5).acuity == 2
    cooler = "13 mo girl, temp 38.7 since this afternoon, no cough, no rash"
    assert triage(cooler, age=13 / 12, temperature_c=38.7).acuity == 2


def test_febrile_infant_gets_the_febrile_infant_pathway() -> None:
    result = triage("fever", age=20 / 365.25, temperature_c=38.6)
    assert "febrile_infant_pathway" in result.immediate_actions
    assert "ceftriaxone" not in result.planned_medications


# NEWS2 floors.


def test_news2_high_forces_at_least_esi_2() -> None:
    # HR 131 (3) + RR 9 (1) + temp 39.1 (2) + SBP 105 (1) = 7; no danger-zone HR at ESI 5.
    result = triage(
        "sore throat", heart_rate=131, respiratory_rate=9, temperature_c=39.1, systolic_bp=105
    )
    assert result.news2.band == "high"
    assert result.acuity <= 2
    assert "news2.total_high" in rules(result)


def test_news2_medium_forces_at_least_esi_3() -> None:
    # RR 9 (1) + SBP 95 (2) + HR 95 (1) + on oxygen (2) = 6
    result = triage(
        "prescription refill", respiratory_rate=9, systolic_bp=95, heart_rate=95, on_oxygen=True
    )
    assert result.news2.band == "medium"
    assert result.acuity == 3
    assert "news2.total_medium" in rules(result)


def test_single_red_news2_parameter_forces_at_least_esi_3() -> None:
    result = triage("prescription refill", systolic_bp=225)
    assert result.news2.band == "low-medium"
    assert result.acuity == 3
    assert "news2.single_parameter_red" in rules(result)


def test_news2_sets_no_floor_for_children() -> None:
    # HR 135 scores 3 on the adult chart but is below the 3-8 year danger zone.
    result = triage("prescription refill", age=5, heart_rate=135)
    assert result.news2.single_parameter_red
    assert result.acuity == 5
    assert "news2.not_applied_under_16" in rules(result)


def test_reasons_explaining_the_acuity_come_first() -> None:
    result = triage("ankle sprain", spo2=85)
    assert result.reasons[0].rule == "esi.a.spo2_below_90"


def test_every_reason_cites_a_source() -> None:
    result = triage("chest pain", age=67, heart_rate=118, spo2=91)
    for reason in result.reasons:
        assert reason.text
        assert "ESI v4" in reason.source or "NEWS2" in reason.source or "PALS" in reason.source


def test_reason_texts_never_echo_the_patient_words() -> None:
    result = triage("Jane Placeholder, MRN 12345, chest pain")
    text = " ".join(reason.text for reason in result.reasons).lower()
    assert "jane" not in text
    assert "12345" not in text


# Resource counts for simple complaints (handbook chapter 5).


@pytest.mark.parametrize(
    ("complaint", "acuity", "resources"),
    [
        ("suture removal", 5, 0),
        ("catheter removal", 5, 0),
        ("needs PO medication", 5, 0),
        ("urticarial rash", 5, 0),
        ("bee sting", 5, 0),
        ("otalgia", 5, 0),
        ("myalgia", 4, 1),
        ("finger pain", 4, 1),  # one X-ray
        ("ascites tapping", 4, 1),  # one procedure
        ("needle stick injury", 4, 1),  # exposure bloods
        ("PTBD malfunction", 3, 2),  # imaging and the team that placed it
    ],
)
def test_simple_complaints_count_resources_as_the_handbook(
    complaint: str, acuity: int, resources: int
) -> None:
    result = triage(complaint)
    assert (result.acuity, result.expected_resources) == (acuity, resources)


def test_a_three_week_old_with_a_temperature_of_38_is_esi_2_from_a_narrative() -> None:
    result = assess(input_from_narrative("A 3-week-old baby with a temperature of 38.3."))
    assert result.acuity == 2
    assert "esi.fever.under_28_days" in rules(result)


def test_a_wheezing_asthmatic_below_92_percent_is_esi_2_with_one_resource() -> None:
    # BTS/SIGN 2019: SpO2 below 92% is a life-threatening feature of acute asthma.
    result = triage("asthma, wheezing", spo2=91, respiratory_rate=24)
    assert result.acuity == 2
    assert "esi.b.breathless_hypoxaemic" in rules(result)
    assert triage("asthma, wheezing", spo2=92, respiratory_rate=18).acuity == 4


def test_a_stated_high_glucose_with_crisis_signs_is_esi_2() -> None:
    result = triage("glucose high, vomiting and abdominal pain", heart_rate=118)
    assert "esi.b.hyperglycaemic_crisis_unmeasured" in rules(result)


def test_a_child_with_poor_perfusion_and_a_fast_heart_is_in_shock_at_esi_1() -> None:
    result = triage("limp, mottled extremities", age=0.2, heart_rate=220, systolic_bp=None)
    assert result.acuity == 1
    assert "esi.a.paediatric_shock" in rules(result)
    # A fast heart alone, or in an adult with a normal pressure, is not this rule.
    assert "esi.a.paediatric_shock" not in rules(triage("fever", age=0.2, heart_rate=220))
    assert "esi.a.paediatric_shock" not in rules(triage("mottled", heart_rate=120))


@pytest.mark.parametrize(
    "note",
    [
        "35 weeks pregnant, has been having a generalized tonic-clonic seizure for 6 minutes",
        "slumped over, now only withdraws to pain, gurgling respirations",
    ],
)
def test_an_ongoing_seizure_or_a_threatened_airway_in_a_note_is_esi_1(note: str) -> None:
    assert assess(input_from_narrative(note)).acuity == 1


@pytest.mark.parametrize(
    ("note", "acuity", "rule"),
    [
        (
            "2mo F stopped breathing x2 at home, now limp + mottled, HR 58",
            1,
            "esi.a.paediatric_bradycardia_poor_perfusion",
        ),
        ("26F G1 34wks, c/o HA + seeing spots, BP 168/110", 2, "esi.b.pregnancy_symptoms"),
        ("3wk old M fever 38.3C rectal, feeding ok", 2, "esi.fever.under_28_days"),
    ],
)
def test_terse_notes_are_read_as_written(note: str, acuity: int, rule: str) -> None:
    result = assess(input_from_narrative(note))
    assert result.acuity == acuity
    assert rule in rules(result)


def test_a_cough_needs_an_x_ray_only_when_pneumonia_is_in_question() -> None:
    assert triage("runny nose and a dry cough for 3 days").acuity == 5
    assert triage("cough and fever for 3 days").expected_resources == 2
    # A measured fever counts as the word would.
    assert "X-ray" in triage("cough for 3 days", temperature_c=38.6).expected_resource_types
    assert triage("productive cough, yellow sputum").expected_resources == 1


def test_a_stated_glucose_over_250_is_worked_up_as_hyperglycaemia() -> None:
    result = assess(input_from_narrative("T2DM, home BG 480s x2d, polyuria, BP 128/76 HR 90"))
    assert result.acuity == 3
    assert "labs" in result.expected_resource_types


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        # Decision point A, read from the words a note uses.
        ("52M responds only to sternal rub, fruity breath, BP 76/--, HR 134", 1),
        ("4yo pulled from the pool, limp, blue around the lips, gasping", 1),
        ("newborn delivered in the car, limp, blue, not crying, HR about 60", 1),
        ("stabbed in the neck, swelling getting bigger, voice sounds wet", 1),
        ("36 weeks pregnant, seizure in the triage chair still going after 2 minutes", 1),
        ("peanut allergy, lips and tongue are swollen, stridor, BP 82/50", 1),
        ("stab wound to the chest, pale, HR 142, BP 70 by palpation", 1),
        ("3mo limp and grey, RR 72, grunting and retractions", 1),
        ("T1DM found sweaty, now only moaning to pain, fingerstick 28", 1),
        # Decision point B.
        ("81M GLF, +head strike, on apixaban, GCS 15", 2),
        ("swallowed one of those little round batteries an hour ago", 2),
        ("G2P1 at 35 wks, HA, seeing spots, BP 168/112", 2),
        ("on hemodialysis, missed his last two sessions, weak all over", 2),
        ("took approx 30 acetaminophen 500 mg tabs 3 hrs ago", 2),
        ("pacing and yelling, says he will go hurt them", 2),
        ("4yo fever 39.9C, new non-blanching petechiae on the legs", 2),
        ("she was sexually assaulted two hours ago", 2),
        ("55F breast ca on chemo, T 101.3F, feels weak", 2),
    ],
)
def test_critical_presentations_are_read_from_the_note(note: str, acuity: int) -> None:
    assert assess(input_from_narrative(note)).acuity == acuity


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        ("7yo asthma, cannot speak more than one word, nearly silent chest, sats are 84% RA", 1),
        ("29M stabbed R groin, pulsatile bleeding thru towel, pale, HR 130s", 1),
        ("2-month-old floppy, grunting and mottled, capillary refill 5 seconds", 1),
        ("missed dialysis, wide complexes at 30, systolic 70, drowsy, responds to voice", 1),
        ("74F not making sense since this am, oriented to self only", 2),
        ("fell about 20 feet off a roof onto concrete, c/o back pain, GCS 15", 2),
        ("32F G1 @ 34wk, severe HA, seeing sparkles, BP 172/112", 2),
        ("needlestick from a patient known HIV+ 30 min ago", 2),
        ("6-week-old with green projectile vomiting since this morning", 2),
        ("bee sting, used her EpiPen, throat feels 'a little tight'", 2),
        ("scald, partial thickness blisters ~20% TBSA, screaming in pain", 2),
        # And at the other end.
        ("minor MVC, restrained, left wrist pain only, ambulatory, VSS", 4),
        ("needs his blood pressure medication refilled, no complaints", 5),
        ("7-year-old with head lice, otherwise well", 5),
        ("CPAP machine broke, no complaints, sats 97 RA", 5),
    ],
)
def test_more_presentations_are_read_from_the_note(note: str, acuity: int) -> None:
    assert assess(input_from_narrative(note)).acuity == acuity


def test_a_short_fall_is_not_a_fall_from_height() -> None:
    assert "esi.b.major_trauma" not in rules(assess(input_from_narrative("fell 3 feet off a step")))
    assert "esi.b.major_trauma" in rules(assess(input_from_narrative("fell 4 m from scaffolding")))


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        ("bee sting 15 min ago, diffuse hives, wheezing, hoarse. BP eighty over fifty", 1),
        ("a cold, painful right foot, pale, and no pulses can be felt", 2),
        ("feels like an elephant is sitting on my chest, sweaty", 2),
        ("woke with severe pain in his left testicle, vomited twice", 2),
        ("3 weeks after delivering her baby, pounding headache, seeing spots, BP 172/108", 2),
        ("71F unresp to voice, moans to sternal rub only, FSBG 31", 1),
        ("swollen floor of mouth, muffled voice, spitting saliva", 2),
        ("18mo found chewing tabs from grandma's pill organizer", 2),
        ("84M not himself since yesterday, doesn't know the year", 2),
        ("a coin sized battery from the remote is missing, 2yo drooling", 2),
        # Not today's problem.
        ("heart attack and bypass surgery in 2008, stubbed his toe, purple and swollen", 4),
        ("dementia, oriented to self only, which is her baseline; itchy rash on her back", 5),
        ("needs a work note, had a rash last week, now resolved", 5),
    ],
)
def test_presentations_from_the_last_written_sets(note: str, acuity: int) -> None:
    assert assess(input_from_narrative(note)).acuity == acuity


def test_a_pressure_said_in_words_is_read() -> None:
    vitals = input_from_narrative("BP one hundred and ten over seventy").vitals
    assert (vitals.systolic_bp, vitals.diastolic_bp) == (110, 70)


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        ("Rattler got him on the hand 45 min ago, swelling past the wrist", 2),
        ("anhydrous ammonia in the face, voice hoarse and getting worse, stridor", 1),
        ("Dialysis pt, missed Friday session, feels heavy and weak, HR 54", 2),
        ("drank a mouthful of weed killer 30 min ago", 2),
        ("says the rifle's in the truck and he has it figured out", 2),
        ("4 y/o swallowed a few of his brother's small magnet balls, vomited twice", 2),
        ("5 mo F, not yet rolling, bruising to left ear and cheek", 2),
        ("19-day-old, rectal temp at home 38.3 C, felt hot; triage T 37.4", 2),
        ("baby born at home 20 minutes ago, floppy, blue, occasional gasps, HR about 70", 1),
        ("3 wk F vomited three times, bright green", 2),
        ("8 mo, spells of screaming and pulling knees up, vomited", 2),
        ("3 y/o fell from a second-storey balcony onto concrete", 2),
        ("8 y/o fever 39.5, purple spots on legs that don't fade under a glass", 2),
        ("swollen deformed elbow, hand cool and pale, cannot feel radial pulse", 2),
        # And what is not what it seems.
        ("6 wk old, projectile vomiting after every feed, not green, afebrile, HR 150", 3),
    ],
)
def test_presentations_from_the_rural_and_paediatric_sets(note: str, acuity: int) -> None:
    assert assess(input_from_narrative(note)).acuity == acuity


@pytest.mark.parametrize(
    "note",
    [
        # A teething baby drools; "CP" in a child with a G-tube is cerebral palsy.
        "8 mo drooling, chewing everything, T 37.6, feeding OK",
        "14yo with CP and G-tube, skin around the stoma a bit red, no fever",
    ],
)
def test_words_that_look_like_red_flags_are_not(note: str) -> None:
    assert assess(input_from_narrative(note)).acuity > 2


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        ("17F took ~30 paracetamol 2 hrs ago after a breakup, feels fine", 2),
        ("G3P2 38/40, waters broke, loop of pulsating cord visible", 1),
        ("found on the railing of the bridge, says I'll do it properly next time", 2),
        ("partner choked her 1 hr ago, voice a whisper, drooling, inspiratory stridor", 1),
        ("G1 33/40, woke in a puddle of bright red blood, no pain", 2),
        ("5wk old, limp, doesn't respond to pain, apnoeas, bulging fontanelle", 1),
        ("2 y/o bitten on the neck by a dog, puncture wounds, cry sounds hoarse", 2),
        ("bruises of different colours across buttocks, loop shaped marks on thighs", 2),
        ("wife noticed his face drooping and speech slurred 50 min ago, R arm weak", 2),
        ("81F struck back of head, small occipital haematoma, on warfarin", 2),
        ("4 y/o fell from a 2nd floor window onto concrete", 2),
    ],
)
def test_presentations_from_the_night_shift_and_trauma_sets(note: str, acuity: int) -> None:
    assert assess(input_from_narrative(note)).acuity == acuity


def test_pulled_back_by_police_is_not_back_pain() -> None:
    keys = {m.category.key for m in find_complaints("pulled back from the railing by officers")}
    assert "back_pain" not in keys


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        ("8 month old, non-blanching rash, floppy, cold hands and feet, CRT 6 sec, HR 190", 1),
        ("34/40 pregnant, fitting on arrival, BP 182/118", 1),
        ("67M sudden severe back pain, known AAA under surveillance", 2),
        ("?# elbow, hand cold and pale, radial pulse weak", 2),
        ("stab wound L chest, tachy 140s, BP 78/p, trachea deviated, no breath sounds L", 1),
        ("I was attacked last night, he forced me", 2),
        ("eating grapes and now she can't make any noise, clutching throat, lips blue", 1),
        ("fever, won't keep anything down, now so sleepy, hard to keep awake", 2),
        ("his words come out wrong, right hand clumsy, face lopsided when he smiles", 2),
        # Plain words for minor problems.
        ("I'm 20 weeks pregnant and it burns when I wee, baby moving, no bleeding", 4),
        ("I did my back in lifting boxes this morning, no numbness", 4),
        ("his eyes are all gunky and stuck together this morning, seeing fine", 5),
    ],
)
def test_presentations_in_plain_words(note: str, acuity: int) -> None:
    assert assess(input_from_narrative(note)).acuity == acuity


@pytest.mark.parametrize(
    "note",
    [
        "renal tx 4 mo ago, fever to 38.5 x2 days, graft tender",
        "62M AML, last chemo 10 days ago, 38.4 at home so took tylenol, 37.9 here",
        "17 day old, rectal 38.3 in triage, feeding ok",
        "pupil teardrop shaped after a chisel hit his eye",
        "a black curtain coming down over L eye since waking",
        "prostate ca w/ bone mets, mid-back pain, legs like jelly, numb from the nipple line down",
        "tib/fib fx casted this AM, pain w/ passive toe movement, cast is crushing my leg",
        "24F HbSS, back and thighs 9/10, home oxycodone not touching it",
        "IVDU found down, s/p narcan x2 PTA, now awake",
        "c/o SI w/ plan to OD on moms pills",
    ],
)
def test_unusual_and_terse_high_risk_presentations_are_esi_2(note: str) -> None:
    assert assess(input_from_narrative(note)).acuity <= 2


@pytest.mark.parametrize(
    "note",
    [
        "89F found on her kitchen floor, stopped shivering, temp 33.4 C",
        "81F diabetic, tired since yesterday, felt sick, sweating buckets at the sink",
        "85F jerking all four limbs for 12 min, not responding, lips dusky",
        "end colostomy 2 wks post-op, stoma now dark purple-black, new abd pain",
        "70M with an ICD felt three kicks like a horse in the last hour",
        "he has been saving up his late wife's tablets and knows how many he would need",
        "6 yo: eyelid swollen shut, eye bulging forward, hurts to look side to side, T 39",
        "sent from dialysis unit: K 7.1 on pre-dialysis bloods, feels a bit weak",
        "new seizure med 2 wks ago, skin peeling off in sheets, lips and mouth raw",
        "muddled since yesterday, started a new water tablet, Na 118",
    ],
)
def test_older_adults_and_often_misread_systems(note: str) -> None:
    assert assess(input_from_narrative(note)).acuity <= 2


def test_a_new_seizure_medicine_is_not_a_seizure() -> None:
    assert "seizure" not in {m.category.key for m in find_complaints("started a new seizure med")}


def test_signs_of_kawasaki_disease_are_worked_up_at_esi_3_unless_vitals_are_in_danger() -> None:
    # Urgent (IVIG within days), not a minutes-matter: its resources and decision point D.
    note = "fever 6 days, cracked red lips, puffy hands, rash"
    calm = triage(note, age=2, heart_rate=130, respiratory_rate=30, temperature_c=38.9)
    assert calm.acuity == 3
    assert "esi.b.kawasaki" not in rules(calm)
    fast = triage(note, age=2, heart_rate=172, respiratory_rate=30, temperature_c=38.9)
    assert fast.acuity == 2


def test_a_ruptured_achilles_is_one_resource_the_orthopaedic_team() -> None:
    note = "felt a kick at the back of his heel playing squash, can't stand on tiptoe"
    result = assess(TriageInput(chief_complaint=note, age_years=36, vitals=NORMAL))
    assert result.acuity == 4
    assert result.expected_resource_types == ("specialty consultation",)


@pytest.mark.parametrize(
    ("note", "sex", "age", "acuity"),
    [
        ("burning and frequency 2 days, no fever, no loin pain, dip nitrites +", "female", 26, 5),
        ("burning and frequency 2 days, no fever, no loin pain, dip nitrites +", "male", 26, 4),
        ("burning and frequency 2 days, no fever, no loin pain, dip nitrites +", None, 26, 4),
        ("burning and frequency 2 days, no fever, no loin pain, dip nitrites +", "female", 70, 4),
        ("burning and frequency 2 days, dip nitrites +, urine sent for culture", "female", 26, 4),
        ("burning and frequency 2 days, mild L loin ache, dip nitrites +", "female", 26, 4),
        ("burning and frequency 2 days, no fever, no loin pain", "female", 26, 4),
    ],
)
def test_a_woman_s_bedside_dipped_cystitis_needs_no_resource(
    note: str, sex: str | None, age: float, acuity: int
) -> None:
    result = assess(TriageInput(chief_complaint=note, age_years=age, sex=sex))
    assert result.acuity == acuity
    cleared = any(r.rule == "esi.c.uncomplicated_cystitis" for r in result.reasons)
    assert cleared == (acuity == 5)


def test_swollen_eyelids_are_periorbital_cellulitis_only_with_a_fever() -> None:
    fever = input_from_narrative("7 yo girl, R upper eyelid red and swollen, T 38.5, HR 110")
    assert assess(fever).acuity == 3
    punched = input_from_narrative("30M punched L eye, eyelids swollen, vision normal")
    assert "periorbital_cellulitis" not in {
        m.category.key for m in find_complaints(punched.chief_complaint)
    }


@pytest.mark.parametrize(
    ("age", "temperature", "spo2", "acuity"),
    [(85, 37.9, 97, 3), (85, 37.0, 95, 3), (85, 37.0, 97, 5), (64, 37.9, 95, 5)],
)
def test_an_older_cough_with_a_temperature_or_low_saturation_is_a_possible_pneumonia(
    age: float, temperature: float, spo2: float, acuity: int
) -> None:
    vitals = VitalSigns(
        heart_rate=88, respiratory_rate=18, systolic_bp=130, spo2=spo2, temperature_c=temperature
    )
    note = "cough and runny nose 3 days, eating and drinking"
    assert assess(TriageInput(chief_complaint=note, vitals=vitals, age_years=age)).acuity == acuity


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        ("36M crushed R middle fingertip in a car door, nail lifted, nail bed cut", 3),
        ("4 yo, fingertip trapped in car door, nail partly lifted with blood under it", 3),
        ("40M caught R index fingertip in a roller door, nail torn off, bleeding controlled", 3),
        ("29M trapped L middle finger in caravan door, tip bruised, nail intact", 4),
    ],
)
def test_a_torn_nail_bed_is_x_rayed_and_repaired(note: str, acuity: int) -> None:
    result = assess(input_from_narrative(note))
    assert result.acuity == acuity
    assert ("simple procedure" in result.expected_resource_types) == (acuity == 3)


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        ("5 y/o girl limping since yesterday, won't bear weight now, T 38.4, HR 120", 3),
        ("4 y/o boy, febrile at home, now limping, won't put weight on R leg", 3),
        ("5 y/o girl limping since yesterday, won't bear weight now, T 37.2, HR 110", 4),
        ("30M limping since yesterday, won't bear weight on R leg, T 38.4, HR 90", 4),
    ],
)
def test_a_febrile_limping_child_is_worked_up_for_a_septic_joint(note: str, acuity: int) -> None:
    assert assess(input_from_narrative(note)).acuity == acuity


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        ("28M came off his bike, L collarbone deformed, skin intact, hand pink and warm", 4),
        ("20M rugby tackle, step deformity at the AC joint, neurovascularly intact", 4),
        ("29M off his bike, clavicle deformed mid-shaft with skin tented, pain 6/10", 3),
        ("45M off his bike, step deformity L clavicle, tender L ribs 4-6, SpO2 97%", 3),
    ],
)
def test_a_closed_collarbone_fracture_is_an_x_ray_and_a_sling(note: str, acuity: int) -> None:
    result = assess(input_from_narrative(note))
    assert result.acuity == acuity
    cleared = any(r.rule == "esi.c.closed_clavicle_fracture" for r in result.reasons)
    assert cleared == (acuity == 4)


def test_a_chest_ache_beside_a_cold_is_still_chest_pain() -> None:
    note = "39M central chest ache since last night, worse lying flat. Recent cold. T 37.8"
    assert assess(input_from_narrative(note)).acuity <= 3


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        ("52M kicked in the ribs outside a pub, R chest pain 6/10, SpO2 97%, HR 92", 3),
        ("28M belted driver, car into a lamppost at 30 mph, airbags, seatbelt chest pain", 3),
        ("62M pinned against a gate by a bull, central chest pain, sweaty and clammy", 2),
        ("38M van hit a tree at approx 50 mph, airbags, chest pain along the seatbelt line", 2),
    ],
)
def test_chest_pain_from_a_blow_is_an_injury_unless_it_sounds_cardiac(
    note: str, acuity: int
) -> None:
    result = assess(input_from_narrative(note))
    assert result.acuity == acuity
    cleared = any(r.rule == "esi.c.chest_blow" for r in result.reasons)
    assert cleared == (acuity == 3)


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        ("68F burning pain L chest wall for 3 days, today a band of blisters under L breast", 5),
        ("68F crushing chest pain to the jaw, a band of blisters under L breast", 2),
    ],
)
def test_chest_wall_pain_with_a_band_of_blisters_is_shingles(note: str, acuity: int) -> None:
    assert assess(input_from_narrative(note)).acuity == acuity


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        ("32M asthmatic, tight chest since this evening, PEF 75%, SpO2 97%, RR 18, HR 88", 4),
        ("58M asthmatic, tight chest and pain down his arm, sweaty. HR 88, SpO2 97%", 2),
    ],
)
def test_a_known_asthmatic_s_tight_chest_is_the_asthma_s(note: str, acuity: int) -> None:
    assert assess(input_from_narrative(note)).acuity == acuity


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        ("39M hand caught in a grain auger, degloving to two fingers, bleeding controlled", 3),
        ("47M hand caught in a press, degloving of the dorsum, fingers pale, pain 10/10", 2),
        ("40M hand in a log splitter, degloving over the dorsum, fingers dusky", 2),
        ("62M, toe amputation 3 weeks ago, here for his dressing change, wound clean", 5),
    ],
)
def test_a_degloved_hand_is_high_risk_only_when_threatened(note: str, acuity: int) -> None:
    assert assess(input_from_narrative(note)).acuity == acuity


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        ("24M sore throat 5 days, can't swallow his spit, hot potato voice, uvula pushed to L", 3),
        ("4 y/o, unimmunised, drooling, sitting forward, soft stridor, T 39.8", 1),
        ("59M roast beef stuck since dinner, can't swallow his own spit, breathing fine", 3),
        ("66F crampy abdo pain, belly swollen, vomiting green, no wind for 2 days", 3),
        ("6 wk old vomited green x3 since midnight, tummy a bit full", 2),
    ],
)
def test_drooling_and_green_vomit_are_high_risk_where_the_airway_or_a_child_is(
    note: str, acuity: int
) -> None:
    assert assess(input_from_narrative(note)).acuity == acuity


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        ("9 y/o stung on upper lip by a wasp, lip swollen, voice normal, no wheeze", 5),
        ("58M wasp sting on the lip, lip swelling and his tongue feels thick", 2),
        ("7 yo girl ran into a glass table, upper lip swollen, teeth all fine", 5),
        ("26F lips swelling and hives after eating at a restaurant, voice normal", 2),
    ],
)
def test_a_lip_swollen_by_a_sting_on_it_or_a_blow_is_not_anaphylaxis(
    note: str, acuity: int
) -> None:
    assert assess(input_from_narrative(note)).acuity == acuity


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        ("19F drank most of a bottle of vodka, vomiting, alert but slurring, walks with help", 3),
        ("45M smells of alcohol, slurred speech and R arm weak since he woke", 2),
        ("40s male, drunk, slurred speech, can't say where he is or what day it is", 2),
    ],
)
def test_slurring_after_drink_is_not_a_stroke_without_a_focal_sign(note: str, acuity: int) -> None:
    assert assess(input_from_narrative(note)).acuity == acuity


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        ("80M dizzy 2 days, on bisoprolol, lightheaded standing up. HR 42, BP 98/56", 2),
        ("70M dizzy spells, on bisoprolol and digoxin. HR 44, BP 126/70, alert", 3),
        ("32F, 26 weeks pregnant, fell onto her tummy, mild abdominal tenderness", 2),
    ],
)
def test_a_slow_rate_with_a_low_pressure_and_a_tender_bump_after_a_fall_are_high_risk(
    note: str, acuity: int
) -> None:
    assert assess(input_from_narrative(note)).acuity == acuity


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        ("64M burning pain centre of chest since 01:00, clammy, T2DM, smoker", 2),
        ("28F, 36/40, missed the bottom 3 stairs and landed on her bottom, tummy going tight", 2),
    ],
)
def test_round_107s_readings_of_chest_pain_and_a_fall_in_pregnancy(note: str, acuity: int) -> None:
    assert assess(input_from_narrative(note)).acuity == acuity
