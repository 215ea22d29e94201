"""Complaint keyword matching: abbreviations, negation and past history."""

from __future__ import annotations

import pytest

from emergisphere_clinical import assess
from emergisphere_clinical.complaints import find_complaints
from emergisphere_clinical.lexicon import CATEGORIES
from emergisphere_clinical.narrative import input_from_narrative


def keys(text: str) -> set[str]:
    return {match.category.key for match in find_complaints(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CP", "acs"),
        ("SOB since last night", "shortness_of_breath"),
        ("fell, brief LOC", "syncope"),
        ("N/V x2 days", "vomiting"),
        ("abd pain", "abdominal_pain"),
    ],
)
def test_triage_abbreviations_are_expanded(text: str, expected: str) -> None:
    assert expected in keys(text)


@pytest.mark.parametrize(
    "text", ["denies chest pain", "no chest pain", "Patient denies CP", "without chest pain"]
)
def test_negated_chest_pain_is_ignored(text: str) -> None:
    assert "acs" not in keys(text)


def test_shorthand_signs_deny_and_affirm() -> None:
    assert keys("cough x5d, -CP, -SOB") == keys("cough x5d")
    assert keys("-HA -CP -SOB") == set()
    assert "shortness_of_breath" in keys("-CP +SOB")
    assert "acs" not in keys("-CP +SOB")
    # Not signs: a hyphenated word, a range, a negative test.
    assert "fracture" in keys("x-ray shows a fracture")
    assert "acs" in keys("chest pain 4-5/10, strep -ve")


def test_a_review_of_systems_denies_every_item() -> None:
    assert keys("parents deny drooling, vomiting, trouble swallowing, SOB, CP.") == set()
    # Two items are denied under a review-of-systems heading, not in prose.
    assert "acs" not in keys("ROS: + cough; denies fever, CP. PMH: asthma")
    assert "acs" in keys("denies fever, chest pain since noon")


def test_pain_in_the_chest_wall_is_chest_wall_pain() -> None:
    assert keys("pain in chest wall after a fall") == {"chest_wall_pain"}


def test_negation_covers_an_or_list() -> None:
    assert keys("denies chest pain or shortness of breath") == set()


def test_negation_scope_ends_at_punctuation() -> None:
    assert "acs" in keys("no fever, chest pain since noon")
    assert "fever" not in keys("no fever, chest pain since noon")


def test_negation_scope_ends_at_but() -> None:
    assert "acs" in keys("denies fever but has chest pain")


def test_unable_to_do_something_without_a_symptom_affirms_the_symptom() -> None:
    assert "acs" in keys("can't take a deep breath without chest pain")
    assert "acs" in keys("not able to lie flat without chest pain")
    assert "acs" not in keys("walked in without chest pain")
    # Only the double negative is lifted: a denial before it still denies.
    assert "acs" not in keys("no chest pain, can't walk without holding the wall")
    assert "acs" not in keys("unable to stand without help no chest pain")


def test_past_medical_history_is_not_a_current_complaint() -> None:
    assert "stroke" not in keys("ankle pain. PMH stroke")


def test_a_phrase_that_contains_no_is_still_affirmed() -> None:
    assert "cardiac_arrest" in keys("found with no pulse")


def test_case_and_hyphens_do_not_matter() -> None:
    assert "suicidal" in keys("SELF-HARM")
    assert "suicidal" in keys("self harm")


def test_words_inside_longer_words_do_not_match() -> None:
    assert "laceration" not in keys("cutting board")  # "cut" only as a whole word


def test_pregnancy_needs_a_symptom_to_be_high_risk() -> None:
    assert "pregnancy_symptoms" not in keys("pregnant, wants a check up")
    assert "pregnancy_symptoms" in keys("32 weeks pregnant with headache and swelling")
    assert "pregnancy_symptoms" in keys("pregnant, leaking fluid")
    # Pain and bleeding are weighed by the table 4-1 rules (severity, heart rate).
    assert keys("12 weeks pregnant with vaginal bleeding") == {
        "pregnancy_pain_or_bleeding",
        "vaginal_bleeding",
    }
    assert "pregnancy_pain_or_bleeding" not in keys("pregnant, denies bleeding")
    assert "pregnancy_pain_or_bleeding" not in keys("8 weeks pregnant, vomiting. Pain 0/10")


def test_matches_come_in_clinical_priority_order() -> None:
    order = [match.category.key for match in find_complaints("ankle sprain and chest pain")]
    assert order == ["acs", "limb_injury"]


def test_match_reports_the_lexicon_phrase_not_the_patient_text() -> None:
    (match,) = find_complaints("Mr Example has crushing CHEST PAIN")
    assert match.phrase in match.category.phrases


def test_empty_or_unknown_complaints_match_nothing() -> None:
    assert find_complaints("") == ()
    assert find_complaints("   ") == ()
    assert find_complaints("zzz qqq") == ()


_DENYING = frozenset({"no", "not", "don't", "doesn't", "do", "does", "without"})


def test_every_lexicon_phrase_matches_its_own_category() -> None:
    for category in CATEGORIES:
        for phrase in category.phrases:
            # After a phrase with a denying word in it ("don't fade", "without holding"), a
            # note puts a comma before the next finding; without one, it reads as denied.
            joint = ", " if _DENYING.intersection(phrase.split()) else " "
            text = f"{phrase}{joint}{category.requires_any[0]}" if category.requires_any else phrase
            assert category.key in keys(text), (category.key, phrase)


def test_category_keys_are_unique() -> None:
    assert len({category.key for category in CATEGORIES}) == len(CATEGORIES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Pain, Chest", "acs"), ("discomfort, chest", "acs"), ("pain, low back", "back_pain")],
)
def test_coded_inverted_complaints_are_read_in_natural_order(text: str, expected: str) -> None:
    assert expected in keys(text)


def test_inverted_reading_leaves_prose_alone() -> None:
    assert "acs" not in keys("pain, chest is clear on exam")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HA since morning", "headache"),
        ("f/c, cough", "fever"),
        ("fb in eye", "eye_foreign_body"),
        ("pain in the wrist area after a fall", "limb_injury"),
        ("pain in my chest", "acs"),
        ("myalgia", "myalgia"),
        ("otalgia, rt.", "ear_pain"),
        ("facial palsy left", "stroke"),
        ("ascites tapping", "paracentesis"),
        ("PTBD malfunction", "device_malfunction"),
        ("catheter removal", "wound_check"),
        ("bee sting", "insect_sting"),
    ],
)
def test_lexicon_reads_common_terse_complaints(text: str, expected: str) -> None:
    assert expected in keys(text)


def test_food_poisoning_is_gastroenteritis_not_a_toxic_ingestion() -> None:
    found = keys("I think I have food poisoning")
    assert "vomiting" in found
    assert "overdose" not in found
    assert "overdose" in keys("carbon monoxide poisoning")


# Past history (ConText, Harkema et al. 2009) and denied lists (NegEx, Chapman et al. 2001).


@pytest.mark.parametrize(
    "text",
    [
        "history of stroke, here for a feeding tube",
        "h/o CVA and stroke; feeding tube fell out",
        "had a massive stroke 3 years ago and needs a PEG tube replaced",
        "the patient is usually unresponsive; feeding tube fell out",
        "on her last admission she was intubated for asthma",
        "On her last admission for asthma, she was intubated.",
        "Previously, she had a stroke.",
    ],
)
def test_past_history_in_the_same_sentence_is_not_a_presenting_finding(text: str) -> None:
    assert not keys(text) & {"stroke", "unresponsive", "respiratory_failure"}


@pytest.mark.parametrize(
    "text",
    [
        "history of stroke, now slurred speech",  # "now" returns to the present
        "history of asthma with severe respiratory distress",
        "stroke 2 days ago",  # days are current (ConText's two-week window)
        "had a stroke. Unresponsive on arrival",
        "h/o stroke, rt side weakness",  # a comma ends the history
        "Previously, he had a stroke. Now right arm weakness",  # the opener ends too
        # Openers that are not past history.
        "Previously well, he developed a stroke this morning",
        "previously healthy man, stroke",
        "In the past hour, stroke signs",
        "Last time he had a stroke it was like this",
    ],
)
def test_history_scope_ends_where_the_present_begins(text: str) -> None:
    assert keys(text) & {"stroke", "unresponsive", "respiratory_distress"}


def test_known_conditions_that_are_the_risk_count_from_history() -> None:
    assert "sickle_cell_crisis" in keys("history of sickle cell disease, leg pain")
    assert "immunocompromised_fever" in keys("history of breast cancer on chemotherapy, fever")


def test_a_denied_list_closed_by_or_denies_every_item() -> None:
    text = "She denies fever, chills, abdominal pain, or vaginal discharge."
    assert keys(text) == set()
    # Without the closing "or" a comma still ends the denial.
    assert "acs" in keys("no fever, chest pain since noon")


def test_contracted_negations_are_negations() -> None:
    assert "fracture" not in keys("I don't think it's broken")
    assert "acs" not in keys("he doesn't have chest pain")


def test_possessives_between_verb_and_body_part_are_read_through() -> None:
    assert "limb_injury" in keys("twisted my ankle stepping off the curb")
    assert "head_injury" in keys("hit his head on the door")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("smoke in the apartment, hoarse voice", "inhalation_injury"),
        ("found drinking a bottle of vodka, forehead laceration", "intoxicated_trauma"),
        ("my right leg is swollen and my calf hurts", "dvt"),
        ("right leg shortened and externally rotated after a fall", "fracture"),
        ("it hurts so much when I urinate", "urinary_infection"),
        ("thinking about hurting herself", "suicidal"),
        ("on antibiotics for mastitis, new redness", "cellulitis"),
    ],
)
def test_round_3_lexicon(text: str, expected: str) -> None:
    assert expected in keys(text)


def test_smoke_without_airway_signs_is_not_an_airway_injury() -> None:
    assert "inhalation_injury" not in keys("smoke alarm went off, no injuries")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RLQ abd. pain", "abdominal_pain"),
        ("high BSL", "glucose"),
        ("for A/tapping", "paracentesis"),
        ("Numbness, Arm", "stroke"),
        ("pain on Knee", "limb_injury"),
        ("left wrist swelling", "limb_injury"),
        ("Lt. hip joint pain", "limb_injury"),
        ("pain, neck", "back_pain"),
        ("COCCYGEAL PAIN; injury", "back_pain"),
        ("nasal injury; injury", "head_injury"),
        ("swelling, facial; injury", "facial_swelling_injury"),
        ("desaturation", "shortness_of_breath"),
        ("confuse mentality", "altered_mental_status"),
        ("Delusional Idea", "mental_health"),
        ("Sexual Abuse of Adult", "sexual_assault"),
        ("hematuria", "hematuria"),
        ("Hyperkalemia (disorder)", "electrolyte"),
        ("tachycardia", "palpitations"),
        ("distended abdomen", "abdominal_pain"),
        ("for medication", "medication_refill"),
        ("hiccup", "hiccups"),
    ],
)
def test_terse_coded_complaints_are_read(text: str, expected: str) -> None:
    assert expected in keys(text)


def test_pain_on_exertion_is_not_read_as_a_body_part() -> None:
    assert "acs" in keys("chest pain on exertion")


def test_facial_swelling_without_an_injury_is_not_read_as_one() -> None:
    assert "facial_swelling_injury" not in keys("facial swelling after a new medicine")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hemoptysis", "hemoptysis"),
        ("jaundice x 3 days", "jaundice"),
        ("low Hb", "anemia"),
        ("anuria since yesterday", "oliguria"),
        ("constipation", "constipation"),
        ("penile discharge", "genital_discharge"),
        ("foreign body in the nose", "foreign_body_ent"),
        ("pruritus", "rash"),
        ("facial trauma; injury", "head_injury"),
        ("puncture wound, foot", "puncture_wound"),
        ("cyanosis", "respiratory_distress"),
        ("bleach in the eye", "chemical_eye"),
        # Written as the CEDIS list writes them.
        ("Foreign body, ear", "foreign_body_ent"),
        ("Discharge, ear", "ear"),
        ("Loss of hearing", "hearing_loss"),
        ("Difficulty swallowing/dysphagia", "dysphagia"),
        ("Neck swelling", "neck_swelling"),
        ("Noxious inhalation", "toxic_inhalation"),
        ("Electrical injury", "electrical_injury"),
        ("Hypothermia", "hypothermia"),
        ("Near drowning", "drowning"),
        ("Foreign body in rectum", "foreign_body_rectal"),
        ("Groin pain/mass", "hernia"),
        ("Rectal/perineal pain", "rectal_pain"),
        ("Hiccoughs", "hiccups"),
        ("Oral/esophageal foreign body", "foreign_body_swallowed"),
        ("Genital trauma", "genital_trauma"),
        ("Altered level of consciousness", "altered_mental_status"),
        ("Gait disturbance/ataxia", "neuro_symptoms"),
        ("Sensory loss/paresthesias", "neuro_symptoms"),
        ("Extremity weakness/symptoms of CVA", "stroke"),
        ("Menstrual problems", "menstrual"),
        ("Foreign body, vagina", "vaginal_foreign_body"),
        ("Pelvic pain", "pelvic_pain"),
        ("Chemical exposure, eye", "chemical_eye"),
        ("Foreign body, eye", "eye_foreign_body"),
        ("Periorbital swelling", "eye"),
        ("Traumatic back/spine injury", "spine_injury"),
        ("Upper extremity injury", "limb_injury"),
        ("Lower extremity pain", "limb_injury"),
        ("Traumatic amputation", "amputation"),
        ("Stridor", "respiratory_distress"),
        ("Respiratory foreign body", "respiratory_distress"),
        ("Hyperventilation", "hyperventilation"),
        ("Blood and body fluid exposure", "blood_exposure"),
        ("Localized swelling/redness", "cellulitis"),
        ("Lumps, bumps, calluses", "skin_lesion"),
        ("Spontaneous bruising", "bleeding_tendency"),
        ("Removal staples/sutures", "wound_check"),
        ("Cast check", "wound_check"),
        ("Substance misuse/intoxication", "intoxication"),
        ("Isolated chest trauma - blunt", "torso_trauma"),
        ("Abnormal lab values", "abnormal_labs"),
        ("Medical device problem", "device_malfunction"),
        ("Post-operative complications", "post_operative"),
        ("Hypertension", "hypertension"),
        ("Blood Pressure, Low", "low_blood_pressure"),
        ("Edema, generalized", "edema"),
        ("Retention, Bladder", "urinary_retention"),
        ("Foley catheter came out", "urinary_catheter"),
        ("Violent/homicidal behavior", "suicidal"),
        ("Pneumothorax", "pneumothorax"),
        ("Hoarseness", "voice"),
        ("Insomnia", "insomnia"),
        ("Frostbite/cold injury", "frostbite"),
        ("Cool pulseless limb", "limb_ischaemia"),
        ("knocked out tooth", "dental_avulsion"),
        ("hand tingling sense", "neuro_symptoms"),
        ("involuntary movt.", "neuro_symptoms"),
        ("sezure like motion", "seizure"),
        ("mandibular pain; injury", "facial_swelling_injury"),
        ("punched in the face", "head_injury"),
        ("eyes are all red and crusty", "eye"),
        ("Dental problem; injury", "dental_trauma"),
        ("ingrown toenail", "nail"),
        ("ruptured globe", "open_globe"),
        ("kicked in the head", "head_injury"),
        ("took a bottle of Tylenol because she wanted to die", "overdose"),
        ("took a bottle of Tylenol because she wanted to die", "suicidal"),
        ("painful swollen wrist after a fall", "limb_injury"),
        ("a red, hot, swollen lower leg", "cellulitis"),
        ("cutting her wrists, says she does not want to live anymore", "suicidal"),
        ("a foreign body sensation in her left eye after grinding metal", "eye_foreign_body"),
        ("grit in my eye", "eye_foreign_body"),
        ("athlete's foot for 3 weeks", "rash"),
        ("a mild sunburn", "minor_burn"),
        ("a bead stuck in his nose", "foreign_body_ent"),
        ("an insect in my left ear", "foreign_body_ent"),
        ("fell off his bike, painful left forearm", "limb_injury"),
        ("left lower quadrant pain", "abdominal_pain"),
        ("swallowed a coin", "swallowed_object"),
        ("wants a work note", "medication_refill"),
        ("STD check, no symptoms", "sti_check"),
        ("glucose high", "glucose"),
        ("needs his sutures removed from a laceration repaired 7 days ago", "wound_check"),
    ],
)
def test_cedis_presenting_complaints_are_read(text: str, expected: str) -> None:
    assert expected in keys(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # A pulseless limb is limb ischaemia; the patient has a pulse.
        ("cool pulseless limb", "cardiac_arrest"),
        ("pulseless left leg", "cardiac_arrest"),
        # Cold skin, a cold injury and hay fever are not a cold or a fever.
        ("frostbite/cold injury", "common_cold"),
        ("cold and clammy", "common_cold"),
        ("cold extremities", "common_cold"),
        ("nasal congestion/hay fever", "fever"),
        # Trimming nails is not a laceration.
        ("unable to cut his own toenails", "laceration"),
        ("cutting her fingernails", "laceration"),
        ("cut my hair", "laceration"),
        # A repaired wound is a wound check, not a new laceration.
        ("sutures removed from a forehead laceration repaired 7 days ago", "laceration"),
        # Jaw pain without an injury may be cardiac: it is not read as a facial injury.
        ("jaw pain", "facial_swelling_injury"),
        ("dental problem", "dental_trauma"),
        ("breast is sore", "mastitis"),
    ],
)
def test_words_that_name_something_else_are_not_misread(text: str, absent: str) -> None:
    assert absent not in keys(text)


def test_cold_skin_is_still_read_as_poor_perfusion_and_a_cold_as_a_cold() -> None:
    assert "poor_perfusion" in keys("cold and clammy")
    assert "common_cold" in keys("cold for a week")


def test_tremor_in_a_drinker_is_alcohol_withdrawal() -> None:
    assert "alcohol_withdrawal" in keys("drinks a case of beer a day, now restless with tremors")
    assert "alcohol_withdrawal" in keys("heavy drinker, shaking since his last drink")
    assert "alcohol_withdrawal" not in keys("tremor of the right hand")
    assert "alcohol_withdrawal" not in keys("sweating, drinking plenty of water")


def test_a_long_list_after_a_denial_is_read_in_one_pass() -> None:
    # A single nested pattern over this list backtracked exponentially (hung the request);
    # the list is now split and checked item by item.
    long_list = "denies " + "fever, " * 700 + "chest pain"
    assert keys(long_list) == set()  # a review-of-systems list: every item denied
    assert keys("denies " + "fever, " * 700 + "or chest pain") == set()
    assert "acs" in keys("no " + "fever, " * 700 + "chest pain")  # a bare "no" is not


def test_a_condition_already_on_antibiotics_is_history_unless_treatment_is_failing() -> None:
    came_out = "Foley catheter came out this morning. Currently on antibiotics for a UTI."
    assert keys(came_out) == {"urinary_catheter"}
    for failing in ("still burning", "despite that, worse", "now a new fever"):
        assert "urinary_infection" in keys(f"on antibiotics for a UTI, {failing}")
    # Only the condition named is history: what follows it is read as today's.
    assert "acs" in keys("on antibiotics for a UTI and chest pain")
    # A reading that cannot be bounded stays current.
    assert "urinary_infection" in keys("on antibiotics for UTI since Monday")
    # Back for nothing else, or for something infective: a failing treatment.
    assert "cough" in keys("started on antibiotics for pneumonia yesterday")
    assert "cough" in keys("fever; on antibiotics for pneumonia")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("heat stroke", "heat_stroke"),
        ("heat exhaustion", "heat_exhaustion"),
        ("snake bite to the ankle", "snake_bite"),
        ("tick bite", "insect_sting"),
        ("swollen legs", "edema"),
        ("copd exacerbation", "shortness_of_breath"),
        ("difficulty urinating", "urinary_retention"),
        ("picc line problem", "device_malfunction"),
        ("bleeding on blood thinners", "bleeding_tendency"),
        ("psych eval", "mental_health"),
        ("sinus pressure", "common_cold"),
        ("immunization", "tetanus"),
        ('her speech was slurred and her right arm was "not working"', "stroke"),
        ("I've got a gun at home and I plan to use it on myself tonight", "suicidal"),
        ('she took "about 30" acetaminophen 500 mg tablets', "overdose"),
        ("took 10 of mum's propranolol 40 mg 2h ago", "overdose"),
        ("Midwife sent in: 31F, 34 weeks, headache and flashing lights", "pregnancy_symptoms"),
        ("31F, 34 weeks, first baby, headache since this morning", "pregnancy_symptoms"),
        ("on apixaban, tripped and struck his forehead", "anticoagulated_head_injury"),
        ("officers saw him swallow several small wrapped packages", "overdose"),
        ("her foot went cold, pale and numb about 3h ago", "limb_ischaemia"),
        ("ankle deformed, foot pale with faint pulses", "limb_ischaemia"),
        ("tip of R middle finger partly off with bone showing", "open_fracture"),
        ("says she wishes it had killed her", "suicidal"),
        ("6 y/o, L upper eyelid swollen shut, red and hot, T 38.5", "periorbital_cellulitis"),
        ("R eye red and painful, light hurts, had iritis before", "painful_red_eye"),
        ("grinding metal in his garage, L eye gritty, vision normal", "eye_foreign_body"),
        ("sudden pain in L leg, leg now cold and white below the knee", "limb_ischaemia"),
        ("found on the floor, thinks it's Tuesday and asking for her mum", "altered_mental_status"),
        ("second toe L foot gone black and smelly over a week", "cellulitis"),
        ("splashed liquid drain cleaner into his right eye", "chemical_eye"),
        ("hit his forehead on a table; on warfarin", "anticoagulated_head_injury"),
        ("light vaginal spotting", "vaginal_bleeding"),
        ("felt faint in the bathroom", "syncope"),
        ("feeling weak all over", "weakness"),
        ("burning with urination", "urinary_infection"),
        ("a plastic bead into her right nostril", "foreign_body_ent"),
        ("fell yesterday onto her right shoulder", "limb_injury"),
        ("won't use her left arm", "limb_injury"),
        ("punched a wall", "limb_injury"),
        ("a 2 cm fluctuant abscess", "abscess"),
        ("a fishhook embedded in his finger", "skin_foreign_body"),
        ("stepped on a nail", "puncture_wound"),
        ("splashed boiling water on her forearm", "minor_burn"),
        ("requests emergency contraception", "contraception"),
        ("limp and gray with mottled extremities, cap refill 5 seconds", "poor_perfusion"),
        ("rolled R ankle playing soccer", "limb_injury"),
        ("jammed R ring finger playing bball", "limb_injury"),
        ("took ~20 tylenol, +SI", "suicidal"),
        ("vag discharge + itching", "genital_discharge"),
        ("2yo swallowed quarter ~1h ago", "swallowed_object"),
        ("N/V/diarhea x3d", "vomiting"),
        ("chronic LBP flare", "back_pain"),
        ("L leg shortened + ext rotated", "fracture"),
    ],
)
def test_common_chief_complaints_are_read(text: str, expected: str) -> None:
    assert expected in keys(text)


def test_capillary_refill_is_not_a_prescription_refill() -> None:
    assert "medication_refill" not in keys("cap refill 2 seconds")
    assert "poor_perfusion" not in keys("cap refill 2 seconds")
    assert "poor_perfusion" in keys("capillary refill time of 4 sec")
    assert "medication_refill" in keys("needs a refill of her inhaler")


def test_a_chemical_is_a_chemical_eye_only_with_the_eye_named() -> None:
    assert "chemical_eye" not in keys("drank bleach")
    assert "chemical_eye" in keys("bleach splashed in her eyes")


def test_a_denied_list_closed_by_or_ends_at_the_next_comma() -> None:
    text = "denies hitting her head, dizziness, or CP before the fall, and is not on thinners"
    assert keys(text) == set()
    assert "acs" in keys("denies fever, chills, or vomiting, and has chest pain")


def test_costovertebral_angle_tenderness_is_not_a_stroke() -> None:
    assert "stroke" not in keys("dysuria, R flank pain, CVA tender")
    assert "stroke" in keys("hx of CVA, new L arm weakness")


def test_heat_stroke_is_not_a_stroke() -> None:
    assert "stroke" not in keys("heat stroke")
    assert "stroke" not in keys("sun stroke after the marathon")
    assert "stroke" in keys("stroke symptoms since noon")


def test_a_broken_bottle_is_not_a_fracture() -> None:
    assert "fracture" not in keys("2 cm lac to the hand from a broken bottle")
    assert "fracture" in keys("broken wrist")


def test_only_a_resolved_finding_is_history() -> None:
    assert "rash" not in keys("needs a work note, had a rash that has resolved")
    for current in (
        "chest pain not resolved with nitro",
        "chest pain, hasn't resolved",
        "chest pain not completely resolved",
    ):
        assert "acs" in keys(current), current


def test_a_history_heading_does_not_make_todays_complaint_history() -> None:
    # "Hx:" often heads the present illness; only "hx of" marks past history.
    assert "acs" in keys("Hx: 2 hours of crushing chest pain")
    assert "seizure" not in keys("seizure disorder, last seizure 4 yrs ago, needs a refill")
    assert "seizure" in keys("seizure disorder, had a seizure this morning")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("central chest heaviness radiating to L arm and jaw", "acs"),
        ("12-lead: 1 mm ST depression V4-V6", "acs"),
        ("RR 58, subcostal recession", "respiratory_distress"),
        ("sudden severe occipital headache at the gym", "thunderclap_headache"),
        ("headache like being hit with a bat, peaked within seconds", "thunderclap_headache"),
        ("woke with swelling of upper lip, now spreading to tongue", "anaphylaxis"),
        ('"I took a bunch of my mum\'s pills"', "overdose"),
        ("up to 6 x 10 mg tabs unaccounted for", "overdose"),
        ("bony mets, mid back pain, legs weak and numb", "cord_compression"),
        ("prostate ca with bony mets, back pain, can't pass urine", "cord_compression"),
        ("doesn't know the date", "altered_mental_status"),
        ("postpartum psychosis", "suicidal"),
        ("T4 complete SCI, pounding headache, flushed", "autonomic_dysreflexia"),
        ("LVAD, low flow alarm twice today, lightheaded", "ventricular_assist_device"),
        ("tonsillectomy 6 days ago, spat out fresh blood and clots", "post_tonsillectomy_bleed"),
        ("34+2 weeks, headache and visual disturbance", "pregnancy_symptoms"),
    ],
)
def test_hand_overs_devices_and_childrens_notes_are_read(text: str, expected: str) -> None:
    assert expected in keys(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # An ECG finding is not a mood.
        ("1 mm ST depression V4-V6", "mental_health"),
        # After a tonsillectomy only bleeding is the emergency; a sore throat is expected.
        ("tonsillectomy day 5, throat very sore, drinking ok", "post_tonsillectomy_bleed"),
        ("tonsillectomy 6 days ago, no bleeding", "post_tonsillectomy_bleed"),
        # A spinal cord injury with no sign of dysreflexia.
        ("paraplegic, pressure sore on the sacrum", "autonomic_dysreflexia"),
        ("LVAD patient, needs a repeat prescription", "ventricular_assist_device"),
        # Weak legs are a cord sign only with back pain or a cancer.
        ("legs weak after the flu", "cord_compression"),
    ],
)
def test_new_high_risk_readings_need_their_context(text: str, absent: str) -> None:
    assert absent not in keys(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SPC came out about an hour ago", "urinary_catheter"),
        ("urethral catheter bypassing all day", "urinary_catheter"),
        ("PEG fell out this morning", "feeding_tube"),
        ("PICC external part split, leaks when flushed", "line_occlusion"),
        ("staples due out today", "wound_check"),
        ("grazed left knee and palm", "wound_check"),
        ("lost wallet with meds, needs a script", "medication_refill"),
        ("insulin pump broke, needs pens", "equipment"),
        ("stoma prolapsed about 6 cm, pink and moist", "stoma_prolapse"),
        ("soft bulge next to stoma when standing", "stoma_prolapse"),
        ("on apixaban, nosebleed still oozing", "anticoagulated_bleeding"),
        ("mouth ulcers for 3 days", "mouth_ulcer"),
        ("onc nurse asked for LFTs and TFTs", "test_request"),
        ("R calf aching and swollen after a knee arthroscopy", "dvt"),
        ("went over on R ankle at netball", "limb_injury"),
        ("came off his bike onto L knee", "limb_injury"),
        ("20 kg box dropped on R foot", "limb_injury"),
        ("caught R middle finger in a warehouse door", "limb_injury"),
        ("caught R side on banister, tender R lower ribs", "rib_pain"),
        ("cotton bud tip broke off in his R ear canal", "foreign_body_ent"),
        ("burning when passing urine and frequency", "urinary_infection"),
        ("pharmacist told him his BP was high", "hypertension"),
        ("period pain day 1", "menstrual"),
        ("sticky red L eye since waking, gritty", "eye"),
        (
            "toothache, swelling spreading under the jaw, difficulty opening mouth fully",
            "deep_neck_infection",
        ),
    ],
)
def test_devices_requests_and_everyday_injuries_are_read(text: str, expected: str) -> None:
    assert expected in keys(text)


def test_a_stroke_long_past_is_history_in_post_stroke() -> None:
    assert "stroke" not in keys("NG tube (feeding, post stroke) came out")
    assert "stroke" in keys("post stroke care home resident, new facial droop")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Mental health, toxicology and social crises.
        ("took swigs of methadone, nodding off mid-sentence", "altered_mental_status"),
        ("9 days postpartum, says the baby has the devil in him", "postpartum_psychosis"),
        ("partner had his hands round my neck", "strangulation"),
        ("no memory after 2 drinks, underwear missing", "sexual_assault"),
        ("bought rope yesterday, says he will do it tonight", "suicidal"),
        ("I'm going to kill my neighbour, the knife's in the car", "suicidal"),
        ("the voices tell him to finish it", "suicidal"),
        ("hasn't spoken for 3 days, catatonic", "altered_mental_status"),
        ("taken the next 3 days of her dosette box at once", "overdose"),
        ("ibuprofen 20 x 400 mg about 3 h ago", "overdose"),
        ("somewhere warm to sit till morning", "social_need"),
        ("paliperidone depot 2 weeks overdue", "depot_injection"),
        ("pricked her palm on a discarded needle", "blood_exposure"),
        # Older adults.
        ("tight chest like a band while gardening, sweaty", "acs"),
        ("speech went slurry and he dropped his cup", "stroke"),
        ("fell down stairs, neck pain, both hands tingly, weak grip", "cord_compression"),
        ("I keep falling, love, my legs just go", "recurrent_falls"),
        ("took her citalopram twice by mistake", "medication_error"),
        ("grade 3 pressure sore on the heel", "pressure_sore"),
        # Limbs, skin, eyes and ears.
        ("ring avulsion, finger white, no cap refill", "limb_ischaemia"),
        ("R leg suddenly cold, no pedal or popliteal pulses", "limb_ischaemia"),
        ("R elbow swollen, radial pulse not palpable", "limb_ischaemia"),
        ("airless paint sprayer went off into his finger", "high_pressure_injection"),
        ("wet lime mortar splashed in both eyes", "chemical_eye"),
        ("fireball to face, nasal hairs singed", "inhalation_injury"),
        ("eye now pushed forward, hurts to move it, seeing double", "orbital_cellulitis"),
        ("new floaters and flashing lights", "flashes_floaters"),
        ("tense purple swelling of the pinna", "ear_haematoma"),
        ("ring stuck on swollen finger", "stuck_ring"),
        ("dropped a paving slab on L foot", "limb_injury"),
        ("R middle finger slammed in car door", "limb_injury"),
        ("stubbed L 4th toe on door", "limb_injury"),
        # Other Englishes.
        ("coughed up blood twice this morning", "hemoptysis"),
        ("bitten on ankle by a snake", "snake_bite"),
        ("c/o loose motions since morning", "vomiting"),
        ("fever, headache and neck stiffness", "meningitis"),
        ("BP unrecordable, cold clammy extremities", "unrecordable_bp"),
        # Round 30.
        ("woke with pressure in centre of chest, sick", "acs"),
        ("found on a bridge saying he wanted to jump, still has a plan", "suicidal"),
        ("found with nan's tablets, up to 4 missing", "overdose"),
        ("found with gran's amlodipine bottle open", "overdose"),
        ("bit into a dishwasher capsule, drooling", "caustic_ingestion"),
        ("drank drain cleaner, can't swallow", "caustic_ingestion"),
        ("day 6 after normal delivery, headache, blurred vision", "pregnancy_symptoms"),
        ("found face down in paddling pool, coughed up water", "drowning"),
        ("jet ski collision, massive swelling mid thigh", "fracture"),
        ("R elbow swollen and deformed. R radial pulse not palpable", "limb_ischaemia"),
        ("ankle deformed, can't find dorsalis pedis, CRT 4 s", "limb_ischaemia"),
        ("calf tense and shiny, screams when toes are passively moved", "compartment_syndrome"),
        ("fell off a ladder onto his back, tingling in both feet", "cord_compression"),
        ("sore throat, can't swallow own spit, hot potato voice, T 38.6", "drooling_airway"),
        ("it's in my side and it's agony, can't sit still", "renal_colic"),
        ("felt like something ripped in my back between the shoulder blades", "aortic_dissection"),
        ("CC: CP/back pain, Q: tearing", "acs"),
        ("central pressure since lunch, grey and clammy", "acs"),
        ("forearm deformed, bone end visible through a 1 cm wound", "open_fracture"),
        # Round 32.
        ("known epilepsy, fitted this morning, missed meds", "seizure"),
        ("twisting injury R knee playing rugby, swelled up", "limb_injury"),
        ("caught tip of R index in a gate latch, swollen", "limb_injury"),
        ("bag stolen with his inhalers and BP tablets", "medication_refill"),
        ("knocked out top front tooth, brought it in milk", "dental_avulsion"),
        ("agitated, shouting, threatened a stranger in the square", "suicidal"),
        (
            "12 days postpartum, not slept for 3 nights, says the baby isn't hers",
            "postpartum_psychosis",
        ),
        ("LMP 6 weeks ago, UPT pos at home, R sided lower abdo pain", "pregnancy_pain_or_bleeding"),
        ("runner, legs weak, urine like cola", "rhabdomyolysis"),
        ("nephrotic syndrome, puffy eyes, weight up 2 kg", "nephrotic_relapse"),
        ("runner, both nipples chafed and bleeding", "wound_check"),
        ("tripped on the kerb, 2cm split to chin", "laceration"),
        ("stinging on peeing and going every 10 mins", "urinary_infection"),
        ("can't feel her coil threads this morning", "contraception"),
        ("lost his salbutamol inhaler in a snowdrift", "medication_refill"),
        ("pallet truck ran over R foot, steel toecaps", "limb_injury"),
        ("fingertip caught in a door, blood under the nail", "limb_injury"),
        ("BP 160 at the pharmacy this morning, wants it rechecked", "hypertension"),
        ("room spinning, can't walk without veering to the L", "stroke"),
        ("daughter thinks her speech is a bit slurred", "stroke"),
        ("cyclist hit by van at roundabout, went over the bonnet", "major_trauma"),
        ("fell approx 3 metres from scaffold onto his back, back pain", "major_trauma"),
        (
            "found on the floor, 3 cm forehead lac + haematoma, on apixaban",
            "anticoagulated_head_injury",
        ),
        # Round 34.
        ("6/52 baby spitting up after most feeds, gaining weight", "infant_feeding_concern"),
        ("kneecap has moved to the outside, knee stuck bent", "fracture"),
        ("caught a cricket ball on the finger, can't straighten the tip", "limb_injury"),
        ("3 weeks drinking lots, weeing lots, weight loss", "glucose"),
        ("splash of caustic parlour cleaner into R eye", "chemical_eye"),
        ("headaches, L arm weaker today, dropping her cup", "stroke"),
        ("fell approx 3-4 m from a ladder, landed on his back", "major_trauma"),
        ("swelling in R groin that comes and goes, bigger when crying", "hernia"),
        # Round 35.
        ("vomited approx a mug of fresh red blood x2, drinks heavily", "gi_bleed"),
        (
            "not slept, believes neighbours are poisoning him, threatened one with a knife",
            "suicidal",
        ),
        ("kicked on R lateral thigh by a cow, large tender bruise", "limb_injury"),
        ("dad swung her up by the arms, she hasn't used her L arm since", "limb_injury"),
        ("R hand crushed between a pallet and the loader", "limb_injury"),
        ("fell approx 3m off a ladder, landed on back/buttocks", "major_trauma"),
        # Round 36.
        ("weakness L arm and leg since teatime, his face dropped on the L", "stroke"),
        ("not eating, much sleepier, only knows her name today", "altered_mental_status"),
        ("welder, forgot his mask, both eyes painful and watering", "eye"),
        ("stonemason, chip of stone in L eye, FB visible on cornea", "eye_foreign_body"),
        ("thorn in L palm from pruning, tip visible", "skin_foreign_body"),
        ("says the TV sends her messages, talking to herself", "mental_health"),
        ("painful swollen L leg, knee replacement 4 weeks ago", "dvt"),
        ("earring ripped through L earlobe in the crowd", "laceration"),
        ("10 wks pregnant, no GP, wants to see a midwife", "pregnancy_test"),
    ],
)
def test_crises_older_adults_limbs_and_other_englishes_are_read(text: str, expected: str) -> None:
    assert expected in keys(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # Handcuffed at arrest is a detention, not a cardiac arrest.
        ("police custody, wrist sore since handcuffed at arrest", "cardiac_arrest"),
        # Not eating or drinking is not being drunk.
        ("hasn't spoken, eaten or drunk for 3 days", "intoxication"),
        # A leg that went cold is its circulation, not a cold.
        ("R leg suddenly cold and painful", "common_cold"),
        # A stiff neck from sleeping badly is not meningitis.
        ("stiff neck since waking, slept on the couch", "meningitis"),
        # Two tablets at the usual strength are a dose, not an overdose.
        ("took 2 x 500 mg paracetamol for a headache", "overdose"),
        # A car shunted from behind is a collision, not a ventricular shunt.
        ("low-speed rear-end shunt, headache and neck pain", "shunt_malfunction"),
        ("shunted from behind at the lights, headache", "shunt_malfunction"),
        # A blister pack holds tablets; a splash in the eye is not a swallow; a bottle of
        # water is not medicine.
        ("blister pack open on the table", "minor_burn"),
        ("splashed drain cleaner in R eye, burning", "caustic_ingestion"),
        ("found with a bottle of water by the pool", "overdose"),
        # A lip swollen after a tooth was knocked out is the blow's.
        ("knocked out top front tooth coming off his bike, lip swollen", "anaphylaxis"),
        # Mild recession is work of breathing; a grip weak from pain is a painful hand.
        (
            "known asthma, wheezy with a cold, full sentences, mild subcostal recession",
            "respiratory_distress",
        ),
        ("ball bent the wrist back, weak grip because of pain", "cord_compression"),
        ("cut sole of R foot on a broken shell paddling", "fracture"),
    ],
)
def test_round_7_readings_need_their_context(text: str, absent: str) -> None:
    assert absent not in keys(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What desk staff type: misspelt, plain, short.
        ("electrocuted at work, unconcious", "unresponsive"),
        ("bee sting, collapsed in car park, barely concious", "altered_mental_status"),
        ("heroin OD they said, not waking, lips blue", "overdose"),
        ("friends say not waking", "unresponsive"),
        ("asthma attack cant speak, lips blue", "respiratory_distress"),
        ("ate peanuts, lips swelling, throat itchy", "anaphylaxis"),
        ("14yo boy sudden pain in testicle", "testicular_torsion"),
        ("vomitting blood buckets", "gi_bleed"),
        ("baby 3 wks hot to touch", "fever"),
        ("discharge from willy", "genital_discharge"),
        ("earring stuck in ear lobe", "skin_foreign_body"),
        ("fell off bike, shoulder painful", "limb_injury"),
        # Heart, lungs and brain.
        ("can't stand without falling to the left, seeing double", "stroke"),
        ("trouble finding words, resolved", "stroke"),
        ("tingling feet, now legs weak, reflexes absent at knees", "neuromuscular_weakness"),
        ("known myasthenia, now choking on food and drinks", "neuromuscular_weakness"),
        ("headache, temp 102.9 F, neck stiff, hates the light", "meningitis"),
        ("pacemaker beeping at night", "device_check"),
        # Abdomen, pelvis and children.
        ("positive home preg test, RIF pain, pain at tip of R shoulder", "ectopic_signs"),
        ("streak of blood on the paper, known piles", "minor_rectal_bleeding"),
        ("on peritoneal dialysis, cloudy bags since this morning", "abdominal_pain"),
        ("clusters of punched-out sores on his eczema", "eczema_herpeticum"),
        ("VP shunt, headache since waking, vomited x3", "shunt_malfunction"),
        ("brother's magnetic ball set, he swallowed some", "battery_ingestion"),
        ("choking on a peanut 3 days ago, wheeze R side", "inhaled_foreign_body"),
    ],
)
def test_desk_notes_vital_systems_and_childrens_weekend_are_read(text: str, expected: str) -> None:
    assert expected in keys(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # A choking episode days ago, or trouble swallowing, is no obstructed airway now.
        ("choking on a peanut 3 days ago, playing", "respiratory_failure"),
        ("known myasthenia, choking on food and drinks", "respiratory_failure"),
        # A little bright blood on the paper is not a haemodynamic GI bleed.
        ("streak of blood on the toilet paper, known piles", "gi_bleed"),
        # A shunt with no symptom of failure.
        ("VP shunt, here for a sick note", "shunt_malfunction"),
        # A negative test is not a pregnancy.
        ("urine hCG negative, shoulder tip pain after a fall", "ectopic_signs"),
    ],
)
def test_round_8_readings_need_their_context(text: str, absent: str) -> None:
    assert absent not in keys(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("barky cough, stridor only when crying, none at rest", "croup"),
        ("chewed open a silica gel sachet", "nontoxic_ingestion"),
        ("ache in R testicle for 2 days", "testicular_torsion"),
        ("lump in R groin when crying, reducible", "hernia"),
        ("headaches on and off for a week", "headache"),
        ("bumped forehead on table edge, small egg", "head_injury"),
        ("superficial cuts L forearm with a sharpener blade", "laceration"),
        ("won't reach for anything with his left, arm held pronated", "limb_injury"),
        ("urine rosé coloured with a few small clots", "hematuria"),
        ("positive home pregnancy test, wants to confirm", "pregnancy_test"),
    ],
)
def test_a_childrens_weekend_and_the_pelvis_are_read(text: str, expected: str) -> None:
    assert expected in keys(text)


def test_stridor_only_when_crying_is_not_respiratory_distress() -> None:
    assert "respiratory_distress" not in keys("barky cough, stridor only when crying")
    assert "respiratory_distress" in keys("barky cough, stridor at rest")


def test_cp_in_a_gastrostomy_fed_child_is_cerebral_palsy() -> None:
    assert "acs" not in keys("8 yo with CP, gastrostomy fed, run out of extension sets")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # A review of systems denies every short item to the end of its sentence.
        ("ROS: denies CP, SOB, N/V, fever, chills, dysuria. VS stable.", "acs"),
        (
            "denies bowel incontinence, urinary retention, saddle numbness, leg weakness",
            "cord_compression",
        ),
        # History, medications and allergies in a record template are not today's.
        ("CC: med refill. PMH: HTN, AF, prior CVA. Meds: apixaban. All: NKDA.", "stroke"),
        ("CC: cough. PMH: asthma. All: PCN (hives), sulfa (rash).", "allergic_reaction"),
        ("CC: wrist pain. SH: EtOH socially, 1 ppd smoker.", "intoxication"),
    ],
)
def test_record_templates_keep_history_and_denials_out_of_today(text: str, absent: str) -> None:
    assert absent not in keys(text)


def test_a_denied_list_still_ends_where_an_affirmation_begins() -> None:
    assert "acs" in keys("denies fever, chills, has chest pain")
    # Two items after "denies" are ambiguous; the second is read as current.
    assert "acs" in keys("denies fever, chest pain")
    # "No" before a list does not deny the findings written after it.
    assert "kawasaki" in keys("fever 6 days, eyes red no pus, cracked red lips, puffy hands")


def test_history_counts_categories_still_read_a_template_history() -> None:
    assert "immunocompromised_fever" in keys("CC: fever 38.6. PMH: renal transplant.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 dives today, now tingling and numbness both legs", "decompression_illness"),
        ("crop duster drifted over her garden, sweating, small pupils", "overdose"),
        (
            "both my legs have gone numb and when I wipe I can't feel it, back pain",
            "cord_compression",
        ),
        (
            "went into tackle head first, tingling and weakness both arms, neck pain",
            "cord_compression",
        ),
        ("scalded by hot tea. Chest and abdomen approx 12%, blistered", "major_burn"),
    ],
)
def test_round_9_readings(text: str, expected: str) -> None:
    assert expected in keys(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("house fire, burns to face, voice gone croaky, noisy breathing", "inhalation_injury"),
        ("old man collapsed in the toilets, grey, cant find a pulse", "cardiac_arrest"),
        ("seizure wont stop, 6yo, started 15 mins ago", "active_seizure"),
        ("35F day 6 postnatal, bad frontal headache", "pregnancy_symptoms"),
        ("vomiting, blood ketones 4.2, deep rapid breaths", "hyperglycaemic_crisis"),
        ("known disc prolapse, numb 'down below' when wiping, legs weak", "cord_compression"),
    ],
)
def test_round_10_readings(text: str, expected: str) -> None:
    assert expected in keys(text)


def test_ketones_below_three_are_not_ketoacidosis() -> None:
    assert "hyperglycaemic_crisis" not in keys("BG 14, ketones 0.4, well")


def test_at_her_usual_keeps_baseline_muddle_out_of_today() -> None:
    text = "92F, dementia, at her usual (pleasantly muddled per carer, no change), wrist pain"
    assert "altered_mental_status" not in keys(text)


def test_carbon_monoxide_needs_symptoms_beside_the_source() -> None:
    assert "carbon_monoxide" not in keys("wants advice about a gas heater, well")


def test_one_magnet_is_not_the_high_risk_of_several() -> None:
    assert "battery_ingestion" not in keys("swallowed a small fridge magnet, just the one")


def test_an_irreducible_hernia_is_high_risk_only_with_signs_of_strangulation() -> None:
    assert "incarcerated_hernia" in keys("lump in R groin, won't go back in, tummy bloated")
    assert "incarcerated_hernia" in keys("5 wk old, groin lump won't go back in, inconsolable")
    tender = "70M groin hernia won't go back in since lunchtime, tender, vomited once"
    assert "incarcerated_hernia" not in keys(tender)
    assert "irreducible_hernia" in keys(tender)
    adult = "lump R groin for years, tonight won't go back in, 6/10, not vomited"
    assert "incarcerated_hernia" not in keys(adult)


# Readings the held-out rounds found missing (docs/triage-evaluation.md, rounds 11 to 18).
_HELD_OUT_READINGS = [
    # Round 11.
    ("79M can't pass urine since lunchtime, palpable bladder", "urinary_retention"),
    ("60M black sticky stools x2 since yesterday", "gi_bleed"),
    (
        "he was eating grapes and now he can't breathe, back blows started",
        "respiratory_failure",
    ),
    ("19F only responds to pain, gurgling when she breathes", "respiratory_failure"),
    ("haemodialysis pt, missed Mon + Wed sessions, weak", "missed_dialysis"),
    ("this morning lost most of the vision in R eye", "sudden_vision_loss"),
    ("new floaters, now a dark shadow creeping over his vision", "sudden_vision_loss"),
    ("80M bruises of different ages both upper arms, fingertip pattern", "suspected_abuse"),
    ("lump R groin for years, tonight won't go back in", "hernia"),
    ("4yo, 1.5cm split under chin, gaping", "laceration"),
    ("swollen R hand after a fight", "limb_injury"),
    ("78F CHF, SOBOE and ankles swelling", "shortness_of_breath"),
    ("17M inversion inj L ankle at soccer", "limb_injury"),
    ("motorbike crash, leg mangled, soaked through towels", "major_haemorrhage"),
    # Round 12.
    ("87F agitated, hitting out, seeing spiders since last night", "altered_mental_status"),
    ("dove into shallow water, midline neck pain, tingling both hands", "cord_compression"),
    (
        "tib shaft fracture in backslab, screams when toes moved passively",
        "compartment_syndrome",
    ),
    ("electrician, high voltage (6.6 kV) discharge, small deep burns", "high_voltage_injury"),
    ("knee deformed, foot cool and pale, DP and PT not palpable", "limb_ischaemia"),
    ("came off bike, helmet cracked, knocked out a few seconds", "head_injury"),
    (
        "felt a kick to the heel, palpable gap in Achilles, Thompson's positive",
        "tendon_rupture",
    ),
    ("foreskin stuck back for 3 hours, swollen tip", "paraphimosis"),
    ("up 4-5x a night to pass urine, slow stream for months", "lower_urinary_symptoms"),
    ("painful swollen L calf 3 days, immobile after flu", "dvt"),
    ("worried she took her morning amlodipine twice", "medication_error"),
    ("ring pessary slipped, can't get it out", "vaginal_foreign_body"),
    ("19F, ache in R pelvis after sex last night", "pelvic_pain"),
    # Round 13.
    ("44M BBQ flare-up, burns to both hands and forearms, blistering", "major_burn"),
    ("headache and nausea, kids have headaches too, old paraffin heater", "carbon_monoxide"),
    ("dived into the hotel pool, hit his head on the bottom, neck pain", "major_trauma"),
    ("strimming, vision blurred, blood in front of iris, pupil peaked", "open_globe"),
    ("swept out by rip current, went under briefly, coughing", "drowning"),
    ("bitten by adder on the hand, swelling past the wrist", "snake_bite"),
    ("sudden onset severe pain L testicle 1hr ago, vomited", "testicular_torsion"),
    ("8yo severe haemophilia A, hit forehead on pavement", "anticoagulated_head_injury"),
    (
        "choked on a sandwich, can't cough effectively, silent, going blue",
        "respiratory_failure",
    ),
    ("dropped a 25 kg bag of rock salt on L foot, swollen", "limb_injury"),
    ("27M RIF pain since yesterday 5/10", "abdominal_pain"),
    ("moth flew into her L ear at the campsite, still fluttering", "foreign_body_ent"),
    # Round 14.
    ("5 wk old, goes blue and stops breathing, needed bag-mask breaths", "respiratory_failure"),
    ("restrained driver, car rolled twice at 70mph, neck pain", "major_trauma"),
    ("pharmacy label said methotrexate daily not weekly, mouth ulcers", "overdose"),
    ("2y drank some lamp oil from a bottle, coughing, breathing fast", "hydrocarbon_ingestion"),
    ("79F took her digoxin twice this morning by mistake", "narrow_margin_dose"),
    ("23 m old squeezed a tube of children's toothpaste into his mouth", "nontoxic_ingestion"),
    ("swallowed a small fridge magnet, just the one", "swallowed_object"),
    ("swallowed 3 magnets from a science kit", "battery_ingestion"),
    ("66M palps on and off since lunch", "palpitations"),
    # Round 15.
    ("25M motorcyclist vs car ~50 km/h, thrown off, chest pain", "major_trauma"),
    ("6yo hit by reversing car in driveway, grazes", "major_trauma"),
    ("rugby head clash, out cold 2 min, keeps asking what happened", "altered_mental_status"),
    ("room spinning, seeing double, wife says voice sounds slurred", "stroke"),
    ("73M new AF picked up at routine check, rate 96", "palpitations"),
    ("heart skipping beats on and off, no chest pain", "palpitations"),
    ("47F costochondritis, tender over costochondral joints", "chest_wall_pain"),
    # Round 16.
    ("36 weeks G2, some dark bleeding this morning", "antepartum_haemorrhage"),
    ("36 wks, fell forward onto her bump, fresh blood on pad", "antepartum_haemorrhage"),
    ("Day 5 post SVD, pounding headache, BP 158/104", "pregnancy_symptoms"),
    ("2 wks post SVD, lochia smells bad, no fever", "genital_discharge"),
    # Round 17.
    ("2 y/o choked on a grape, can't cry or cough, blue round the lips", "respiratory_failure"),
    ("sprained ankle, foot cold and white, can't feel DP or PT pulse", "limb_ischaemia"),
    ("70M vomiting 'coffee grounds' this morning, on clopidogrel", "gi_bleed"),
    ("81M on apixaban, bright red blood PR x4 since this morning", "gi_bleed"),
    # Round 18.
    ("5 yr old, eye swollen shut, temp 38.9, eye 'pushing forward'", "orbital_cellulitis"),
    (
        "hit in the neck by a puck, hoarse, crackly feeling under skin of neck",
        "respiratory_distress",
    ),
    ("fell off ladder, back pain, can't feel the toilet paper when he wipes", "cord_compression"),
    ("hand crushed in a press, fingers white, cold, no cap refill", "limb_ischaemia"),
    ("car hit a tree at 110 km/h, seatbelt bruise across lower abdo", "major_trauma"),
    # Round 19.
    ("painful red eye, blurred vision, seeing halos round lights, vomited", "acute_glaucoma"),
    ("lighter fluid flared up in his face, nose hairs singed, hoarse", "inhalation_injury"),
    ("central pain moved to RIF since yesterday, tender RIF with rebound", "abdominal_pain"),
    ("tender ribs 9-11 & RUQ after a fall from a ladder", "abdominal_pain"),
    ("swollen tender R calf since a long drive", "dvt"),
    ("rose thorn scratch, hand swollen & red, red line up forearm", "cellulitis"),
    ("known gout, now R knee hot & swollen, first time in a knee", "joint_infection"),
    ("painful swelling beside anus 2 days, can't sit down", "abscess"),
    ("toothache 4 days, now swollen L jaw & cheek, T 38.1", "dental_infection"),
    ("trod on a broken bottle, feels like there's still something in it", "glass_foreign_body"),
    (
        "on holiday, left her tablets at home, needs enough to last till Thursday",
        "medication_refill",
    ),
    ("hit in the mouth by a swing, front tooth pushed back", "dental_trauma"),
    ("knife slipped, 2cm lac palm, can't bend tip of finger", "tendon_nerve_injury"),
    ("glass lac forearm 5 cm, ?glass still in it", "glass_foreign_body"),
    ("superficial cuts L forearm with a razor, says she cuts to cope", "self_harm"),
    ("known bipolar, hasn't slept for 4 nights, talking fast", "mania"),
    ("inverted L ankle at five-a-side, lat malleolus swollen", "limb_injury"),
    ("fell off trampoline, swollen tender L elbow, no deformity", "limb_injury"),
    ("kicked in the stomach several times, pain L upper abdomen", "abdominal_pain"),
    ("type 2 diabetic, thirsty and peeing all the time for 3 days", "glucose"),
    ("known osteoporosis, sudden mid-back pain bending to pick up her cat", "back_pain_red_flag"),
    ("20 min of L hand numbness and couldn't find his words, fully resolved", "stroke"),
    ("contact lens wearer, L eye red & painful since Fri, photophobic", "contact_lens_keratitis"),
    ("wife noticed his eyes were yellow 3 days ago, dark urine, pale stools", "jaundice"),
    ("ball hit the end of R ring finger, PIP swollen & bruised", "limb_injury"),
    ("fell off garden wall, tender lower R ribs, hurts to breathe in", "rib_pain"),
    ("fell off the monkey bars, elbow very swollen, won't move it", "limb_injury"),
    ("eating sea bass, felt something scratch his throat", "foreign_body_ent"),
    ("left her bag on the train with both inhalers in it", "medication_refill"),
    ("heavy PV bleeding since 1000, soaking a pad every hour, passing clots", "vaginal_bleeding"),
    ("swollen L calf since a 9-hr coach trip, tender", "dvt"),
    ("epigastric burning since 1900, worse lying down after a big meal", "abdominal_pain"),
    ("punched in jaw outside a club, can't bring teeth together", "fracture"),
    ("splenectomy years ago, sudden fevers and rigors", "immunocompromised_fever"),
    ("wandering and talking nonsense since last night, usually sharp", "altered_mental_status"),
    ("injects drugs, back pain and fevers, now says legs feel weak", "cord_compression"),
    # Round 20.
    ("crew put on a tourniquet 30 min ago, bleeding now controlled", "tourniquet"),
    ("quad bike rolled, trapped under it ~20 min, pelvic pain 8/10", "major_trauma"),
    ("epigastric burning and sweating since 5 am, diabetic", "acs_equivalent"),
    ("jaw ache + pain across upper chest 1 hr, nausea", "acs"),
    ("fever, headache, vomiting, neck hurts when she looks down", "meningitis"),
    ("9 day old, yellow colour has spread down to tummy", "jaundice"),
    ("7yo fell off top bunk onto L wrist, swollen and tender", "limb_injury"),
    ("hurt L wrist saving a shot, swollen", "limb_injury"),
    ("mum found a hair wrapped tight round 3rd toe", "hair_tourniquet"),
    ("ran into the edge of a door, 1cm split at eyebrow, edges gaping", "laceration"),
    ("fell at home around 1500, couldn't get up till neighbour came at 1800", "long_lie"),
    ("sent by GP, creatinine 298 (140 in Jan), passing less urine", "kidney_injury"),
    ("GP referral: Na 158 on bloods today, drinking very little", "electrolyte"),
    ("GP phoned: K 2.2 on today's bloods, weak", "critical_lab"),
    ("GP phoned: Na 162, drowsy", "critical_lab"),
    ("K 5.9 on routine bloods, feels well", "electrolyte"),
    ("BNO 6 days, bloated, passing wind", "constipation"),
    ("got into difficulty swimming, pulled out by other swimmers", "drowning"),
    ("R little finger bent sideways at the middle joint", "fracture"),
    ("known epilepsy, witnessed tonic-clonic ~1 min on the beach", "seizure"),
    ("passing dark red blood with clots PR x3 today", "gi_bleed"),
    ("holidaymaker, left her levothyroxine and amlodipine at home", "medication_refill"),
    ("14mo, scald front of chest and R upper arm, blistered, about 5%", "burn_referral"),
    ("punched another boy in the mouth, 1cm cut over R middle knuckle", "fight_bite"),
    ("ear infection on amoxicillin, swelling behind the ear, ear pushed forward", "mastoiditis"),
    ("fell off trampoline, obvious bend mid forearm", "fracture"),
    ("finger shut in door hinge, nail lifted off, bleeding", "nail_bed_injury"),
    ("fever 104.2 for 2 days, barely drinking, no wee since this morning", "oliguria"),
    ("nail gun injury L hand, nail still in situ", "glass_foreign_body"),
    ("fell off the monkey bars, elbow very swollen, won't move it", "fracture"),
    ("coughing up streaks of blood for a week, smoker", "hemoptysis"),
    ("hedge trimmer caught L thumb tip, pulp partly off", "laceration"),
    ("fell off the hay stack 2.5 m onto concrete, lower back pain", "back_pain_after_fall"),
    # Round 21.
    (
        "barking cough, now noisy breathing even at rest, sucking in under ribs",
        "respiratory_distress",
    ),
    ("superficial cuts to L wrist, has a plan to jump from a bridge", "suicidal"),
    ("spice, agitated, paranoid, shouting, HR 138, needs security", "suicidal"),
    ("sudden room spinning, vomiting, can't walk without falling to L", "stroke"),
    (
        "tender L temple for a week, jaw aches when chewing, blurred vision L eye",
        "giant_cell_arteritis",
    ),
    ("netball hit end of R ring finger, jammed. Swollen PIP joint", "limb_injury"),
    ("elbow to the nose playing rugby, nose swollen, slightly deviated", "head_injury"),
    ("grabbed the hot BBQ grill, blistering across palm", "minor_burn"),
    ("hot cooking oil tipped over both hands and forearms, blistered", "major_burn"),
    ("Hx heart failure, breathing worse over a week, ankles more swollen", "shortness_of_breath"),
    ("28+2 wks, reduced FM since yesterday evening", "reduced_fetal_movements"),
    ("moth flew into R ear hanging out washing, buzzing", "foreign_body_ent"),
    ("piece of chicken stuck halfway down since lunch", "foreign_body_swallowed"),
    ("16 day old, yellow since day 3, getting more yellow", "jaundice"),
    ("grit blew into R eye at bus stop, FB visible on cornea", "eye_foreign_body"),
    ("injects heroin, red hot tender lump at injecting site", "abscess"),
    ("missed today's pick-up at the chemist, wants a dose of methadone", "medication_refill"),
    ("bright red blood with stools for 3 days, known piles", "minor_rectal_bleeding"),
    ("car aquaplaned into barrier, airbags deployed", "vehicle_collision"),
    ("visiting his daughter, left his BP tablets at home", "medication_refill"),
    # Round 22.
    ("fever 39.6, dark spots on her legs that don't fade with a glass", "fever_purpura"),
    ("backflip onto his head, midline neck pain, both hands went tingly", "cord_compression"),
    ("vomited fresh and dark blood x2, about a cupful each", "gi_bleed"),
    ("kicked on R shin playing football, swollen and sore", "limb_injury"),
    ("known epilepsy, one fit at home lasting 5 min, missed his meds", "seizure"),
    ("painful swelling next to anus 3 days, can't sit down", "abscess"),
    ("pushed a piece of Lego up R nostril", "foreign_body_ent"),
    ("wife admitted to hospital, son can't manage him at home", "social_need"),
    ("fell off zip wire onto her back, tender over lower back midline", "spine_injury"),
    ("hit in R eye by paintball, blood level visible in front of iris", "hyphaema"),
    ("twinges in L chest on and off for 2 days", "acs"),
    ("mate shot him with an air rifle, pellet palpable under the skin", "glass_foreign_body"),
    # Round 23.
    (
        "6 days after normal delivery, headache and flashing lights, BP 168/104",
        "pregnancy_symptoms",
    ),
    (
        "'not with it' since yesterday, thought her late husband was in the house",
        "altered_mental_status",
    ),
    ("scrum collapsed, neck pain and tingling down both arms", "cord_compression"),
    ("bipolar, pressured speech, threatened her neighbour earlier", "suicidal"),
    ("wheezy, short phrases only, using neck muscles", "respiratory_distress"),
    ("R knee suddenly hot and swollen since yesterday, no injury", "joint_infection"),
    ("woke with 'fluttering' in her chest on and off, HR 92 irregular", "palpitations"),
    ("noticed blood in his urine this morning, no pain", "hematuria"),
    ("ball hit the end of his R middle finger, fingertip droops", "limb_injury"),
    ("on chemo, L calf and thigh swollen and painful 2 days", "dvt"),
    ("struck across back by a swinging load, midline thoracolumbar tenderness", "spine_injury"),
    ("room spins when he turns his head or lies down", "dizziness"),
    ("known sciatica flared up, pain down back of L leg", "back_pain"),
    ("urethral discharge and burning 4 days", "genital_discharge"),
    ("hit in R eye by squash ball, lid swollen", "eye_injury"),
    (
        "toothache, taking co-codamol and paracetamol together, 16 tablets a day",
        "staggered_overdose",
    ),
    ("coughed up about a tablespoon of blood, smoker", "hemoptysis"),
    ("carer found her on the floor, she'd been there since early morning", "long_lie"),
    # Round 24.
    ("48M vomited bright red blood x2 since lunch, roughly a cupful each time", "gi_bleed"),
    ("pain started round belly button yesterday, now R iliac fossa", "abdominal_pain"),
    ("passing blood with clots in his urine since this morning", "hematuria"),
    ("54F post-menopausal bleeding, heavy since yesterday", "vaginal_bleeding"),
    ("family noticed she's gone yellow, painless, itchy", "jaundice"),
    ("back pain and since last night both legs feel heavy, bone mets", "cord_compression"),
    ("prostate ca with known bone mets, back pain worse over 3 days", "back_pain_red_flag"),
    ("day 12 of chemo cycle, shivery and feels unwell", "immunocompromised_fever"),
    ("punched in L eye an hour ago, lids swollen", "eye_injury"),
    ("hit on L jaw in a fight, tender over angle of jaw", "facial_swelling_injury"),
    ("insulin pens lost with his luggage", "medication_refill"),
    ("passing less urine, legs more swollen, creatinine up", "kidney_injury"),
    ("passing less urine, legs more swollen", "oliguria"),
    ("GP letter: platelets 14, gums bleed when brushing", "thrombocytopenia"),
    ("myeloma, GP phoned: adjusted calcium 3.3", "electrolyte"),
    ("needle site on fistula started bleeding again after dialysis", "fistula_bleed"),
    ("shock from a faulty socket, 240V through R hand", "electrical_injury"),
    ("daughter says mum generally weak for a week", "weakness"),
    ("first ever fit at his daughter's party, witnessed", "seizure"),
    ("fell 2 m down a ladder, landed on R side, chest wall tender", "rib_pain"),
    ("fell off the bunk bed, R forearm painful and swollen", "limb_injury"),
    ("lower abdo cramps, period started yesterday", "menstrual"),
    ("line-marking powder blew into R eye, painful and watering", "chemical_eye"),
    ("wasp sting on tongue, tongue feels swollen and thick", "anaphylaxis"),
    ("pain and swelling L calf 2 days after a long drive", "dvt"),
    ("R lower leg red, hot and swollen for 3 days", "cellulitis"),
    ("on and off fluttery heartbeat since this afternoon", "palpitations"),
    ("2 cm split on point of chin, gaping", "laceration"),
    (
        "piece of steak stuck in the middle of my chest, can't get water down",
        "foreign_body_swallowed",
    ),
    ("slipped, hit R forehead on a cupboard", "head_injury"),
    ("cricket ball hit L side of head above ear", "head_injury"),
    ("fitted for 3 min, now sleepy, rousable but not back to herself yet", "altered_mental_status"),
    ("steam burn to R palm from the dishwasher, blisters over ~2% TBSA", "hand_burn"),
    ("breast ca with PICC in L arm, arm swollen and aching since yesterday", "line_thrombosis"),
    # Round 25.
    ("82F swollen red L calf for 3 days, 4 cm bigger than R", "dvt"),
    ("cough 3 weeks, coughed up streaks of blood x2 this morning", "hemoptysis"),
    ("4 yo boy sticky red L eye since yesterday", "eye"),
    ("off her food, weak, fell twice this week", "recurrent_falls"),
    ("bitten by something in the garden, red itchy lump", "insect_sting"),
    ("L knee graze and pain, can weight bear, can't flex 90", "limb_injury"),
    ("INR 8.2 on GP check, gums bleed when brushing", "inr_over_8_bleeding"),
    ("4 month old, went blue and floppy during a feed, now looks well", "brue"),
    ("peanut allergy, tingling lips, hives, used own EpiPen 20 min ago", "anaphylaxis"),
    ("trampoline, R ankle, couldn't take 4 steps, tender over navicular", "limb_injury"),
    (
        "trod on broken glass on the beach, feels like something's still in there",
        "glass_foreign_body",
    ),
    ("cut palm on broken glass, 5cm lac, can't fully flex ring finger", "tendon_nerve_injury"),
    ("38M R knee hot, red and swollen 2 days, can't bend it, no injury", "joint_infection"),
    ("heard a snap, can't stand on tiptoe, calf squeeze: no plantarflexion", "tendon_rupture"),
    ("burning on passing urine + frequency x 2 days", "urinary_infection"),
    ("agitated, threatened staff in waiting room, not able to de-escalate", "suicidal"),
    ("cut L forearm with razor tonight, says she did it to cope", "self_harm"),
    ("punched someone in the mouth, 0.5cm wound over R 4th knuckle", "fight_bite"),
    ("slash wound L forearm from knife in a fight, 6 cm long and deep", "laceration"),
    ("painful lump at top of buttock crease 3 days, swollen red", "abscess"),
    ("moth crawled into R ear, buzzing", "foreign_body_ent"),
    ("hurt lower back lifting a couch, no leg numbness", "back_pain"),
    # Round 26.
    ("known leg ulcers, now R leg hot, red, swollen ankle to knee", "cellulitis"),
    ("electrician, shock from a 240V socket, tingling R hand", "electrical_injury"),
    ("angle grinder, 6cm lac L forearm, numb over back of thumb", "tendon_nerve_injury"),
    ("known cirrhosis, belly more swollen over the weekend", "abdominal_pain"),
    ("assaulted, L eye swollen shut, tender cheekbone", "facial_swelling_injury"),
    ("panic attacks since the weekend, wants to talk to someone", "mental_health"),
    ("wants her BP checked, home monitor read 162/98, no symptoms", "bp_check"),
    ("hot oil over R hand, palm and fingers blistered, partial thickness", "hand_burn"),
    ("deck chair snapped shut on her R middle finger, small subungual haematoma", "limb_injury"),
    ("stood on a rusty nail, thinks the tip snapped off in it", "glass_foreign_body"),
    (
        "tackled, electric shock down both arms for 1 min, neck pain, midline tenderness",
        "cord_compression",
    ),
    (
        "ball hit end of R middle finger, can't straighten the fingertip, droops at DIP",
        "limb_injury",
    ),
    ("pushed a piece of conker up her R nostril", "foreign_body_ent"),
    ("painful swollen red L lower leg, spreading beyond the pen mark", "cellulitis"),
    ("chainsaw kicked back into thigh, deep ragged wound", "laceration"),
    ("flash burn, blisters on backs of both hands and fingers", "hand_burn"),
    ("scalp tender when brushing hair, jaw aches when chewing, no visual loss", "suspected_gca"),
    ("hockey ball to the mouth, front tooth knocked out completely, in milk", "dental_avulsion"),
    # Round 27.
    (
        "carer found her on the kitchen floor, haematoma L forehead, on apixaban",
        "anticoagulated_head_injury",
    ),
    ("says neighbours are putting poison through the vents and following him", "mental_health"),
    ("no fixed abode, both shins ulcerated and weeping, smell++", "cellulitis"),
    ("finger caught between pallets, tip swollen and bruised", "limb_injury"),
    ("glassed in R thigh in the same fight, 5cm lac", "glass_foreign_body"),
    ("cut L forearm with a razor, 'not trying to die, just needed to'", "self_harm"),
    ("punched someone in the mouth, small wound over R 3rd knuckle", "fight_bite"),
    ("car slid off the road at ~50 mph and rolled into a field, neck pain", "major_trauma"),
    ("tree trunk rolled onto him, pinned ~10 mins before freed", "major_trauma"),
    (
        "snowboard jump, landed flat on his back, tingling & weakness in both legs",
        "cord_compression",
    ),
    ("found in cold house (boiler broke), T 35.3", "hypothermia"),
    ("ski pole strap, pain & swelling base of R thumb, weak pinch grip", "limb_injury"),
    ("fell off hay bales onto frozen concrete, thoracolumbar pain", "spine_injury"),
    ("fell on ice onto her bottom, sore coccyx when sitting", "back_pain"),
    ("cow stood on his L foot, dorsum swollen & bruised", "limb_injury"),
    ("diabetic, ulcer on R big toe now red & swollen, pus", "cellulitis"),
    ("skiing, L knee twisted, limping", "limb_injury"),
    ("L calf painful & swollen 3 days", "dvt"),
    ("log splitter, tip partially amputated, bone visible", "limb_injury"),
    ("GP phoned ahead: Na 121 on bloods (134 three months ago)", "electrolyte"),
    ("HR 44, ECG at surgery sinus brady + 1st degree block", "bradycardia"),
    ("4cm lac across R palm, can't bend ring finger, numb on ulnar side", "tendon_nerve_injury"),
    ("hot, red, swollen R knee since yesterday, no injury", "joint_infection"),
    ("paracetamol 1g every 3 hrs plus co-codamol, thinks about 8 g a day", "staggered_overdose"),
    ("trapped L middle fingertip in car door, bruised and swollen", "limb_injury"),
    ("toothache lower R molar 4 days, now swelling spreading under jaw", "dental_infection"),
    (
        "lost control on the motorway, hit barrier ~50 mph, airbag, sternal pain",
        "vehicle_collision",
    ),
    # Round 28.
    (
        "superficial cuts, says she's going to take all her tablets when she gets home",
        "suicidal",
    ),
    ("cuts to L forearm with a razor blade, says she'd do it again", "suicidal"),
    ("kicked in the L upper abdomen by a heifer, LUQ pain", "torso_trauma"),
    ("heart failure, legs more swollen, can't lie flat", "shortness_of_breath"),
    ("bit of metal flew into R eye while grinding, gritty", "eye_foreign_body"),
    ("on gliclazide, feeling thirsty and tired, BM 24.6", "glucose"),
    # Round 29.
    ("83M GP referral ?PE: SOB 3 days, L calf swollen", "pulmonary_embolism"),
    ("72M sudden severe tearing back pain 30 min ago going into abdo", "aortic_dissection"),
    ("K 6.4 on today's bloods, triage ECG shows peaked T waves", "critical_lab"),
    ("R loin pain, fevers and rigors, known R kidney stone", "infected_obstructed_kidney"),
    ("thinks her drink was spiked, felt dizzy, now fine", "drink_spiked"),
    ("fell off climbing frame, holding R forearm, no deformity", "limb_injury"),
    ("ears ringing and muffled since standing by the speakers", "ear"),
    ("earring ripped out in mosh pit, ear lobe split all the way through", "laceration"),
    ("head-butted, slow ongoing bleed L nostril despite pressure", "epistaxis"),
    ("'seeing shadow people', took acid, frightened", "mental_health"),
    ("wants his wound checked, stitched at GP yesterday", "wound_check"),
    ("swallowed the ball from his tongue piercing, no symptoms", "swallowed_object"),
    ("daughter says she is getting weaker, off her food", "weakness"),
    ("thinks tampon still in since the festival, can't get it out", "vaginal_foreign_body"),
    # Rounds 58 and 59.
    ("18 mo, fever 39.1, purple spots on his legs that don't fade under a glass", "fever_purpura"),
    ("prostate ca with bone mets, new back pain, legs 'heavy like lead'", "cord_compression"),
    ("wife says he didn't know what day it was this morning", "altered_mental_status"),
    ("R temple headache 2 wks, R eye went blurry, jaw hurts when eating", "giant_cell_arteritis"),
    ("room spinning, vomiting, can't walk without holding the wall", "vertigo_with_ataxia"),
    ("car into central reservation, seatbelt abrasion across L side of neck", "major_trauma"),
    ("long-term catheter, nothing draining into the bag since last night", "urinary_catheter"),
    ("thinks she swallowed her tongue stud in the bar, no choking", "swallowed_object"),
    ("painful swelling at the entrance of the vagina R side, can't sit", "labial_swelling"),
    ("yawned and now jaw stuck open, can't close her mouth, dribbling", "fracture"),
    ("hedge trimmer took the tip of his L index finger, pulp loss 1x1 cm", "laceration"),
    ("lifted a kayak onto the car roof, low back 'gone', walking stiffly", "back_pain"),
    ("type 2 diabetic, L 2nd toe going black, now red up the foot", "cellulitis"),
    ("R leg red to the knee, warm and swollen 3 days", "cellulitis"),
    ("TURP 3 days ago, struggling to pass urine, lower tummy uncomfortable", "urinary_retention"),
    ("asking for his methadone, chemist shut early", "medication_refill"),
    ("her hold luggage with all her tablets went to Frankfurt", "medication_refill"),
    ("tasered in the street, barbs still in R chest wall", "skin_foreign_body"),
    ("hasn't eaten or drunk much for 2 days, mouth dry, tired", "weakness"),
    ("COPD, chestier than usual for 2 days", "shortness_of_breath"),
    ("L calf ache and swelling x4 days, back from Sydney", "dvt"),
    ("R big toe hot, red and very tender since he woke", "gout"),
    ("wants her leg ulcer dressed, district nurse couldn't get through", "wound_check"),
    ("found a tick behind his knee last night after a walk", "insect_sting"),
    ("walked in because his boiler has packed in and the house is freezing", "social_need"),
    ("fell off a hay loft ladder onto his back, tender over lumbar midline", "spine_injury"),
    ("stamped on R side of chest, pleuritic pain", "torso_trauma"),
    ("flashes in L eye since yesterday and a new cobweb floater", "flashes_floaters"),
    (
        "playing squash, felt like someone kicked his heel, gap felt above the heel",
        "tendon_rupture",
    ),
    ("socket still oozing 6 hrs after an extraction, on aspirin", "dental"),
    ("6 y/o with a red puffy L upper eyelid for 2 days", "eye"),
    ("GP ref, BP 188/104 at a routine check, no headache", "hypertension"),
    # Rounds 60 and 61.
    ("hives all over since eating at a Thai restaurant, lips slightly swollen", "anaphylaxis"),
    ("stung by a bee, now hives all over, lips puffy, voice normal", "anaphylaxis"),
    ("tightness across chest at rest since 0400, clammy, MI in 2018", "acs"),
    ("thought about walking into the lake, can't promise he'll be safe", "suicidal"),
    ("superficial cuts to both forearms, says she 'wants to not be here any more'", "suicidal"),
    ("low back pain, shooting down L leg, 'numb where you sit on a bike'", "cord_compression"),
    ("held under by cousins for 30 sec at the beach, coughed up lake water", "drowning"),
    ("8 mo, irritable, spots on her legs that don't fade under a glass", "fever_purpura"),
    ("caught her head on the open cupboard door, 2cm scalp wound", "laceration"),
    ("asthmatic, wheezier since last night, blue inhaler 4 hourly", "asthma"),
    ("T2DM, her meter read 24 this morning, feels fine", "glucose"),
    ("ex-smoker, coughed up a teaspoon of bright red blood x3 today", "hemoptysis"),
    ("known epilepsy, one of his usual fits on the beach lasting 2 min", "epilepsy_seizure"),
    ("drill slipped and went into the L thenar eminence, 1.5 cm puncture", "puncture_wound"),
    ("blood in his water since this morning, painless, on aspirin", "hematuria"),
    ("a car reversed into his parked car while he was sitting in it", "minor_collision"),
    ("speech went 'jumbled' and her R hand dropped her coffee, still slurred", "stroke"),
    ("told officers he'd gone up there to jump", "suicidal"),
    ("a roll cage ran over her L foot, swollen dorsum", "limb_injury"),
    ("the back of the L stud is buried in the lobe and it's swollen", "skin_foreign_body"),
    (
        "positive test, wants pregnancy confirmed and referral to a booking midwife",
        "pregnancy_test",
    ),
    ("12/40, wants a letter for work saying she's pregnant", "paperwork"),
    ("new belly button piercing, red and crusty round the bar", "wound_check"),
    ("swollen red puffy R eyelids for 2 days, T 38.4", "eye"),
    ("bottles taking 40 min, gets sweaty and breathes fast during feeds", "infant_feeding_concern"),
    ("'my heart's been going funny since lunch', no chest pain", "palpitations"),
    ("9-year-old, 'a fly went in my ear' lying on the grass, buzzing", "foreign_body_ent"),
    ("R kneecap 'went sideways', knee stuck bent", "fracture"),
    ("wallet and phone stolen, missed the last bus back to his campsite", "social_need"),
    ("carers found her in bed saying her 'legs have gone', alert", "weakness"),
    ("fell in bathroom, on floor approx 8 hours, red pressure area", "long_lie"),
    ("lower L molar aching for a week, no facial swelling", "dental"),
    ("from care home with a 'rattly chest', coughs when drinking", "shortness_of_breath"),
    ("painful sores 'down below' for 2 days, similar last year", "genital_discharge"),
    ("GP: creatinine doubled on bloods, feels tired, on ramipril", "abnormal_labs"),
    # Rounds 62 and 63.
    ("says everyone would be better off if she were dead, no plan", "suicidal"),
    ("something flew into his R eye, pupil looks teardrop-shaped", "open_globe"),
    ("firework debris, vision blurred, blood visible in the front of the eye", "open_globe"),
    (
        "headache and vomiting running a petrol generator, colleagues also have headaches",
        "carbon_monoxide",
    ),
    ("febrile, now sleepy, rousing to cry then dozing off again", "altered_mental_status"),
    ("14 mo 'went stiff and jerked' for about a minute, felt hot", "seizure"),
    ("6-week-old, mum saw him 'stop breathing for a few seconds' twice", "brue"),
    ("pulled from the lazy river after ~20 seconds under water, coughing", "drowning"),
    ("fell in the hallway, bruise to R temple, on edoxaban", "anticoagulated_head_injury"),
    ("calving jack handle sprang back and hit L forearm", "limb_injury"),
    ("T2DM, ulcer on sole of L foot, now red and swollen up to the ankle", "cellulitis"),
    ("diabetic, rusty sputum, R-sided pain on breathing in, T 38.7", "cough"),
    ("R lower jaw swelling 3 days, now spreading under jaw", "dental_infection"),
    ("blade took off tip of L ring finger through the nail bed", "laceration"),
    ("went over his handlebars, handlebar bruise on upper abdomen", "torso_trauma"),
    ("bungee cord into L eye, blurred, blood level in front of iris", "hyphaema"),
    ("mum found an empty paracetamol packet in her bin", "overdose"),
    ("no sleep for 3 nights, talking non-stop, spent £4000 online", "mania"),
    ("fell face-first, nose pouring for 30 min despite pinching", "epistaxis"),
    ("schizophrenia, stopped his depot 2 months ago, checking the windows", "mental_health"),
    ("found slumped in armchair, came round within a minute", "syncope"),
    ("felt a bone stick in her throat eating kippers", "foreign_body_ent"),
    ("left her bag with levothyroxine and amlodipine at home", "medication_refill"),
    ("ICD gave one shock walking upstairs, 'like a kick in the chest'", "icd_shock"),
    ("anxious, thoughts of cutting herself again, no plan to end her life", "self_harm"),
    ("care home: 'more chesty' since Friday on GP antibiotics", "shortness_of_breath"),
    ("homeless, his sleeping bag was stolen, wants somewhere to stay tonight", "social_need"),
    ("swelling L side of neck for 2 months, night sweats", "neck_swelling"),
    ("T2DM, BM 28 on her own meter, GP told her to come in", "glucose"),
    ("30 weeks pregnant, hasn't felt the baby move since last night", "pregnancy_symptoms"),
    ("L shoulder came out on the trampoline, holding arm away from body", "fracture"),
    ("doesn't know where they're staying since the heat this afternoon", "altered_mental_status"),
    ("felt his heart start racing on the coaster", "palpitations"),
    ("she poked a bit of foam into her L ear, no discharge", "foreign_body_ent"),
    # Rounds 64 and 65.
    ("on rivaroxaban, bumped forehead, egg-sized haematoma, GCS 15", "anticoagulated_head_injury"),
    ("sudden vertigo with vomiting, can't walk in a straight line", "vertigo_with_ataxia"),
    ("low back pain down both legs, numb between his legs since this morning", "cord_compression"),
    ("sledge hit a wall, neck pain and says both hands feel 'tingly'", "cord_compression"),
    ("woke with sudden 'worst ever' occipital headache, vomited once", "thunderclap_headache"),
    ("partner held her by the throat last night until she nearly passed out", "strangulation"),
    ("anxious, says her heart keeps 'flip-flopping' since a lot of iced coffee", "palpitations"),
    (
        "playing tennis, felt like 'someone kicked my heel', can't push up on tiptoe",
        "tendon_rupture",
    ),
    ("COPD, 'chest a bit tighter' after a bonfire on the beach", "shortness_of_breath"),
    ("heart failure, ankles 'like balloons' and sleeping on 3 pillows", "shortness_of_breath"),
    ("kicked while on the ground, tender L upper quadrant", "torso_trauma"),
    ("'Don't feel right', tired for a week, on bisoprolol", "weakness"),
    ("'more forgetful over the last few months', got lost walking back", "neuro_symptoms"),
    ("ankle caught under the sledge, foot pointing outwards", "fracture"),
    ("unable to lift R arm, speech garbled, last seen well 0130", "stroke"),
    ("drinks 2 bottles of wine a day, stopped 2 days ago, shaky", "alcohol_withdrawal"),
    # Rounds 66 and 67.
    ("day 6 after her second baby, thumping headache, flashing lights", "pregnancy_symptoms"),
    ("found on the floor, knows his name but not where he is", "altered_mental_status"),
    ("slid from her chair, bumped forehead, on apixaban", "anticoagulated_head_injury"),
    ("headache since tea, spots on his legs that don't fade under a glass", "fever_purpura"),
    ("found with a bruised face after falling last evening, on rivaroxaban", "head_injury"),
    ("16M, knife wound L thigh, jeans soaked, bleeding now controlled", "major_trauma"),
    ("wants sutures out of his forehead, put in 5 days ago", "wound_check"),
    ("got hold of the Calpol bottle at ~1700, up to 170 mg/kg", "overdose"),
    ("HF clinic patient, ICD shocked him once this evening", "icd_shock"),
    ("sleeping rough, wet through and shaking, feet numb, T 34.6", "hypothermia"),
    ("butted in the ribs by a tup yesterday, point tender over L 7th rib", "rib_pain"),
    ("helmet on, thrown off the quad after clipping a gatepost", "vehicle_collision"),
    ("partner since told him he's HIV positive, requests PEP", "blood_exposure"),
    (
        "alcoholic liver disease, tummy tight and swollen again, last drained 3 weeks ago",
        "paracentesis",
    ),
    ("grinder spark into L eye this afternoon, feels like grit", "eye_foreign_body"),
    ("insulin pens were in the hire car that got towed overnight", "medication_refill"),
    # Rounds 68 and 69.
    ("fell down 6 stairs, neck pain and pins and needles in both hands since", "cord_compression"),
    ("curtains went up, singed nasal hair, soot around mouth, voice hoarse", "major_burn"),
    ("border X-ray showed multiple packages in his gut, crampy abdo pain", "overdose"),
    ("cut her L forearm with a razor, says 'I just want it to be over'", "suicidal"),
    ("single stab to L upper abdomen with kitchen knife", "major_trauma"),
    # Rounds 102 and 103.
    ("hydraulic hose burst and injected oil into L index fingertip", "high_pressure_injection"),
    ("known prostate cancer, new back pain 2 weeks, legs now 'heavy'", "cord_compression"),
    ("left her levothyroxine and amlodipine in a hotel safe abroad", "medication_refill"),
    ("redness of R lower leg spreading beyond the pen marks", "cellulitis"),
    ("popcorn kernel in his L ear at the cinema, hearing muffled", "foreign_body_ent"),
    ("hard red painful wedge in L breast, breastfeeding, fever since last night", "mastitis"),
    ("dad swung her round by the hands, now won't use her arm", "limb_injury"),
    ("ankle grossly deformed, skin tented, foot dusky and cool", "limb_ischaemia"),
    ("told her everyone would be better off without him", "suicidal"),
    # Rounds 104 and 105.
    ("cut her L forearm this morning and says she wants to be gone", "suicidal"),
    ("dark sticky stools for 2 days, taking naproxen", "gi_bleed"),
    ("central chest ache since last night, worse lying flat", "acs"),
    ("sore chest, worse lying flat and better sitting forward", "pleuritic_chest_pain"),
]


@pytest.mark.parametrize(("text", "expected"), _HELD_OUT_READINGS)
def test_held_out_rounds_readings(text: str, expected: str) -> None:
    assert expected in keys(text)


# Misreadings they found, which must stay fixed.
_HELD_OUT_MISREADINGS = [
    # Round 11.
    # Exudate, not blood: a leg ulcer's dressing soaked through is a dressing change.
    ("leg ulcer dressing due today, dressing soaked through, no pain", "major_haemorrhage"),
    # A workplace, not an antipsychotic injection.
    ("came on his break from nights at the depot", "depot_injection"),
    ("cut R index finger on a broken pint glass", "fracture"),
    # Missed sessions are dialysis only in a note about dialysis.
    ("missed two physio sessions, knee stiff", "missed_dialysis"),
    ("he responds to pain relief", "unresponsive"),
    # Round 15.
    ("48M wants a heart check because his brother had a heart attack", "acs"),
    ("family history of stroke, here with a sprained ankle", "stroke"),
    ("out cold for two minutes after a head clash", "common_cold"),
    ("moth flew into her ear, still fluttering", "palpitations"),
    # Round 16: blood that is not vaginal, and a swollen wrist, in pregnancy.
    ("34/40, blood-stained mucus when blowing nose", "antepartum_haemorrhage"),
    ("5/52 postpartum, fell on outstretched hand, wrist swollen", "pregnancy_symptoms"),
    # Round 19: a lip swollen by a blow, a loose tooth, a denied list of co-terms.
    ("hit in the mouth by a swing, lip swollen", "anaphylaxis"),
    ("front tooth pushed back and wobbly", "weakness"),
    ("toothache. ROS: denies facial swelling, fever, trismus.", "dental_infection"),
    ("bright red streak on the paper after passing stool", "cellulitis"),
    ("slipped on wet floor, landed on elbow, can't fully straighten it", "tendon_nerve_injury"),
    ("cut his forearm shaving with a razor", "self_harm"),
    ("hearing voices telling him he's being watched, calm", "suicidal"),
    ("catheter blocked, staff say he's his usual self (old CVA)", "stroke"),
    ("quad bike rolled on him at low speed, walked in", "major_trauma"),
    ("pulled a mug of hot chocolate onto his hand, one blister", "limb_injury"),
    ("stung by a bee on the hand, hand swollen and red up to wrist", "cellulitis"),
    ("burn R palm, approx 1.5% TBSA", "burn_referral"),
    ("dad swung her by the arms, holding arm by her side and won't use it", "fracture"),
    ("low back pain after lifting, no fall", "back_pain_after_fall"),
    ("headache over R temple, jaw aches when chewing, vision fine", "giant_cell_arteritis"),
    ("stridor only when crying, none at rest", "respiratory_distress"),
    ("known asthmatic, wheezy and tight chest since the afternoon", "acs"),
    ("unhoused, sores on both feet from wet socks", "major_burn"),
    ("something flew into R eye, nothing to suggest penetrating injury", "major_trauma"),
    ("says it burns passing urine, not drinking much", "minor_burn"),
    ("sore throat 4 days, GP couldn't see him till Thursday", "stroke"),
    ("moth flew into her ear, still fluttering", "palpitations"),
    ("long-term catheter not draining, lower abdo discomfort", "abdominal_pain"),
    # Round 24: a workplace, a baseline, discharge, a bitten tongue, a delusion, a
    # treated infection, platelets in range.
    ("ammonia leak in the fish market cold store", "common_cold"),
    ("staff say he is his usual self (dementia, always confused)", "altered_mental_status"),
    ("2yo with sticky yellow eyes both sides, eating fine", "jaundice"),
    ("typical fit at work, bitten tongue, back to baseline", "animal_bite"),
    ("thinks the neighbours are poisoning his food", "overdose"),
    ("started amoxicillin 2 days ago for a chest infection, now itchy hives", "fever"),
    ("platelets 250, Hb normal", "thrombocytopenia"),
    ("lump at belly button for months, pops out when he coughs", "abdominal_pain"),
    ("known gout, R big toe red, hot and swollen, same as previous attacks", "cellulitis"),
    ("hot oil burn R forearm, blisters ~palm size", "hand_burn"),
    ("burnt R palm on an oven tray, no blisters, red", "hand_burn"),
    ("bitten by something in the garden, red itchy lump", "animal_bite"),
    ("INR 9 on routine check, no bleeding", "inr_over_8_bleeding"),
    ("6 week old went blue and floppy, still floppy and grey", "brue"),
    ("cut L forearm on broken greenhouse pane, 4 cm", "fracture"),
    ("broken lower L molar, toothache 3 days", "fracture"),
    ("bitten on forearm by a customer, skin broken, small wound", "fracture"),
    ("punched a wall, swelling over the knuckle of his right small finger", "fight_bite"),
    ("hurt lower back lifting a couch, no leg numbness", "spine_injury"),
    ("L thumb crushed under a pallet, swollen, nail intact", "major_trauma"),
    (
        "sharp L chest pain since lifting the dinghy, worse twisting and deep breaths",
        "hyperglycaemic_crisis",
    ),
    ("cut L thumb with Stanley knife fitting carpet this morning", "active_seizure"),
    ("tackled, electric shock down both arms for 1 min, neck pain", "electrical_injury"),
    ("from police custody, graze R knee from the arrest", "cardiac_arrest"),
    ("custody fitness check, graze on forehead from arrest, GCS 15", "cardiac_arrest"),
    ("paddling, sudden stabbing pain in the sole of her foot", "major_trauma"),
    ("L lower abdo pain since lunch, 'stabbing', nauseous", "major_trauma"),
    ("R forefoot run over by a pallet truck at walking pace", "major_trauma"),
    ("ulcer under R big toe, 2nd toe gone dusky over a week", "respiratory_distress"),
    ("punched a cell window, 1.5 cm lac over R index knuckle", "fight_bite"),
    ("found in cold house (boiler broke), T 35.3", "common_cold"),
    ("rolled over in bed and the room spun", "major_trauma"),
    ("circular saw took the tip of his L thumb, partial amputation", "amputation"),
    ("chest pain (2 years ago), here with a sprained ankle", "acs"),
    ("barking cough since last night, stridor only when he cries, playing", "respiratory_distress"),
    ("paracetamol 1g four times a day, 4 g a day, for back pain", "staggered_overdose"),
    ("punched in mouth, front tooth knocked out. Other teeth firm, lip swollen", "anaphylaxis"),
    ("heart failure, legs more swollen, can't lie flat", "airway_infection"),
    ("burn on palm, ran under cold tap 20 mins", "common_cold"),
    ("COPD, wheezy since going out in the cold tonight", "common_cold"),
    ("sprained wrist in PE at school", "pulmonary_embolism"),
    ("thinks her drink was spiked, felt dizzy, now fine", "sexual_assault"),
    ("walked in with an officer holding his arm, swearing", "limb_injury"),
    ("known renal colic, same as before, no fever", "infected_obstructed_kidney"),
    ("wants her BP checked, home monitor read 162/98, no symptoms", "hypertension"),
    ("splashed boiling water on forearm, blisters about the size of his palm", "hand_burn"),
]


@pytest.mark.parametrize(("text", "absent"), _HELD_OUT_MISREADINGS)
def test_held_out_rounds_misreadings_stay_fixed(text: str, absent: str) -> None:
    assert absent not in keys(text)


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # The forehead taken in: a lower motor neurone palsy.
        (
            "woke with R side of face drooping, can't close eye or wrinkle forehead",
            "bells_palsy",
            "stroke",
        ),
        ("L facial weakness including forehead, arms and legs fine", "bells_palsy", "stroke"),
        (
            "face drooping on the left, forehead also affected, speech clear",
            "bells_palsy",
            "stroke",
        ),
        # The forehead spared, or not said: a stroke until shown otherwise.
        ("R facial droop, forehead spared", "stroke", "bells_palsy"),
        ("R facial weakness, no forehead involvement", "stroke", "bells_palsy"),
        ("sudden facial droop, 20 minutes ago", "stroke", "bells_palsy"),
    ],
)
def test_the_forehead_tells_a_facial_palsy_from_a_stroke(
    text: str, expected: str, absent: str
) -> None:
    found = keys(text)
    assert expected in found
    assert absent not in found


def test_a_weak_arm_beside_a_forehead_palsy_is_still_a_stroke() -> None:
    assert "stroke" in keys("facial droop with forehead affected, R arm weakness")


def test_a_hot_knee_stays_a_joint_to_tap_beside_a_history_of_gout() -> None:
    assert "joint_infection" in keys(
        "had gout in his toe before, L knee hot and swollen, no injury"
    )


def test_a_flare_of_known_gout_needs_no_resource_and_a_hot_knee_is_a_joint_to_tap() -> None:
    toe = assess(input_from_narrative("55M known gout, R big toe red, hot and swollen, afebrile"))
    assert toe.acuity == 5
    knee = "48M R knee swollen and hot, can't straighten fully. Hx gout in toes."
    assert "joint_infection" in keys(knee)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("woke with a weak L arm", "stroke"),
        ("painful swollen R testicle since 6am", "testicular_torsion"),
    ],
)
def test_a_side_named_inside_a_phrase_is_read(text: str, key: str) -> None:
    assert key in keys(text)


def test_tingling_after_a_low_voltage_shock_is_the_shocks_own() -> None:
    note = "37M shock from a 240V socket at 1530, tingling R hand, no LOC, no burns"
    result = assess(input_from_narrative(note))
    assert result.acuity == 4
    assert "esi.c.electrical_tingling" in {r.rule for r in result.reasons}


def test_a_shock_with_loss_of_consciousness_is_high_risk() -> None:
    note = "38M shock from a 415 V panel, thrown back, brief LOC per colleague"
    assert assess(input_from_narrative(note)).acuity == 2


@pytest.mark.parametrize(
    ("note", "acuity"),
    [
        ("Saw took the tip of his thumb, partial amputation, bleeding controlled", 4),
        ("Index and middle fingertips amputated at DIP level by a baler", 2),
    ],
)
def test_several_fingertips_off_are_an_amputation_and_one_tip_is_not(
    note: str, acuity: int
) -> None:
    assert assess(input_from_narrative(note)).acuity <= acuity
    assert ("amputation" in keys(note)) is (acuity == 2)


@pytest.mark.parametrize(
    ("text", "high_risk"),
    [
        ("headache 3 days, worst on waking, vomited, vision has gone blurry", True),
        ("headache 3 days, worst on waking, vomited this morning", False),
    ],
)
def test_a_headache_on_waking_is_raised_pressure_only_with_a_change_in_vision(
    text: str, high_risk: bool
) -> None:
    assert ("raised_icp_headache" in keys(text)) is high_risk


def test_drooling_while_struggling_to_swallow_is_an_airway_infection() -> None:
    text = "dental abscess, swelling spreading under his tongue, drooling, struggling to swallow"
    assert "drooling_airway" in keys(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("sudden headache while straining, the worst of her life", "thunderclap_headache"),
        ("crushing band across chest while shovelling snow, sweaty", "acs"),
        ("bipolar, not slept for 5 days, walked out into traffic earlier", "suicidal"),
        ("thrown from her horse, keeps asking did I finish the course", "altered_mental_status"),
    ],
)
def test_high_risk_complaints_in_their_own_words(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("woke with the room spinning, can't walk straight", "vertigo_with_ataxia"),
        ("5 y/o stung on the tongue by a wasp in her drink", "oral_sting"),
        ("2 dives this morning, aching shoulders, pins and needles", "decompression_illness"),
        ("4-month-old, snuffly and coughing, feeds down to half", "infant_poor_feeding"),
        ("shock off a 415 V panel, burn on palm, HR 104 irregular", "electrical_loc"),
        ("pulled from the hotel pool after going under for a minute", "drowning"),
    ],
)
def test_round_42_presentations_are_read(text: str, key: str) -> None:
    assert key in keys(text)


def test_vertigo_without_a_gait_problem_is_not_a_stroke() -> None:
    assert "vertigo_with_ataxia" not in keys("room spinning when she turns over in bed")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("not slept for 4 days, says people are following him, pacing", "paranoid_agitation"),
        ("temp 39 since this morning, tiny purple spots that don't fade", "fever_purpura"),
        ("MIST: glassed to the neck outside a club, bleeding controlled", "major_trauma"),
    ],
)
def test_round_43_presentations_are_read(text: str, key: str) -> None:
    assert key in keys(text)


def test_paranoid_beliefs_told_calmly_are_not_agitation() -> None:
    assert "paranoid_agitation" not in keys("says people are following him, calm and polite")


def test_wanting_it_all_to_stop_after_self_harm_is_suicidal_intent() -> None:
    assert "suicidal" in keys("cut both forearms with a razor, says she wants it all to stop")


def test_a_firearm_at_home_is_a_means_and_a_passive_wish_is_a_mental_health_concern() -> None:
    assert "suicidal" in keys("low for months, has a shotgun at home for the farm")
    passive = keys("low since redundancy, thoughts of not waking up, no plan")
    assert "mental_health" in passive
    assert "unresponsive" not in passive


def test_an_aching_jaw_and_left_arm_is_an_anginal_pain() -> None:
    assert "acs" in keys("diabetic, aching jaw and L arm with nausea for an hour")
    assert "acs" not in keys("no pain in jaw and left arm")


def test_a_threatened_airway_and_an_intent_to_die_are_read_in_plain_words() -> None:
    assert "respiratory_distress" in keys("croup, noisy breathing even sitting still")
    assert "respiratory_distress" in keys("drawing in at the neck, anxious")
    assert "anaphylaxis" in keys("stung by a wasp, hives, tongue feels tingly and thick")
    assert "suicidal" in keys("found on a footbridge saying he wanted to end it")
    assert "intussusception" in keys("2 y/o, screaming fits every 15 min, vomited")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("tripped and hit face, black eye, takes apixaban", "anticoagulated_head_injury"),
        ("cutting her wrists, says she doesn't want to be alive", "suicidal"),
        ("says voices keep telling her to hurt her baby", "suicidal"),
        ("found chewing red berries from the hedge, think it was yew", "overdose"),
        ("nut allergy, lips tingling, mum gave his EpiPen", "anaphylaxis"),
        ("sheltering in a thunderstorm, tree struck 5 m away", "high_voltage_injury"),
        ("heavy feeling in the middle of his chest walking uphill", "acs"),
        ("sudden calf pain, then foot went cold and white", "limb_ischaemia"),
        ("friends say G and vodka, only grunts to sternal rub", "unresponsive"),
        ("wasp allergy, lips tingled so he used his own auto-injector", "anaphylaxis"),
        ("fell 3 m, knocked out, vomited twice, keeps closing her eyes", "altered_mental_status"),
        ("knee to the L upper belly, now pain in L shoulder tip", "torso_trauma"),
        ("neighbours pumping poison through the vents, shouting", "persecutory_agitation"),
        ("indigestion-type ache in her upper chest when she walks", "acs"),
        ("found in his armchair, cold, unsure of the date", "altered_mental_status"),
        ("fell asleep in his cab, rousable only to loud voice", "altered_mental_status"),
        ("knocked off his wakeboard and struck by the propeller", "major_trauma"),
        ("leg pale and cold below the knee, can't feel foot pulses", "limb_ischaemia"),
        ("14 y/o, sudden L testicular pain in the hot tub, vomited", "testicular_torsion"),
        ("thoughts of ending his life tonight, looking up methods", "suicidal"),
        ("tights torn, wants to know if something happened", "sexual_assault"),
        ("sudden 'like being hit with a bat' headache at the back", "thunderclap_headache"),
        ("toothache, swelling spreading under the tongue", "drooling_airway"),
        ("on the floor since yesterday, keeps asking what year it is", "altered_mental_status"),
        ("8 y/o skied into a pole, LUQ pain, pale and quiet", "handlebar_pallor"),
        ("hit in the eye by a football, pupil looks an odd shape", "open_globe"),
        ("HbSC, temp 38.9 at home, aching all over", "immunocompromised_fever"),
        ("back pain since lifting, now numb around his bottom", "cord_compression"),
        ("carer says she is much drowsier than her usual self", "altered_mental_status"),
        ("coughing up fresh blood, about a cupful since 06:00", "hemoptysis"),
        ("plans to take her mum's tablets tonight", "suicidal"),
        ("found on the wrong side of the railings on the aqueduct", "suicidal"),
        ("heard her say she'd 'rather be dead'", "suicidal"),
        ("L lower leg deformed with bone through a wound mid-shin", "open_fracture"),
        ("fell at speed off a rock drop, pain in pelvis, binder on", "major_trauma"),
        ("tummy ache where the lap belt sat", "major_trauma"),
        ("the bar end went into her tummy, pale, reluctant to move", "handlebar_pallor"),
        ("hit a tree, R chest wall tender, reduced air entry R base", "pneumothorax"),
        ("ankle grossly deformed, dusky foot, cap refill 4 s", "limb_ischaemia"),
        ("'out' for 2 min, keeps repeating questions", "altered_mental_status"),
        ("on warfarin, fell backwards and struck occiput on the floor", "head_injury"),
        ("known bee allergy, used her own adrenaline pen", "anaphylaxis"),
        ("tick found on her knee, husband pulled it out, worried about Lyme", "insect_sting"),
        ("doesn't feel safe, has been looking at the bridge over the river", "suicidal"),
        ("two sudden collapses today without warning, HR 44", "syncope"),
        ("bodyboarder dumped head-first onto a sandbank, neck pain", "major_trauma"),
        ("found slumped, opens eyes only to a loud voice, mumbling", "altered_mental_status"),
        ("sudden 'explosion' of headache lifting the washing basket", "thunderclap_headache"),
        ("on apixaban, found on floor, bruise and swelling R temple", "head_injury"),
        ("felt a 'kick' in the back of his R calf, can't push up onto tiptoe", "tendon_rupture"),
        (
            "L leg suddenly painful, cold and pale from the calf down, pulses not felt",
            "limb_ischaemia",
        ),
        ("sudden 'tearing' pain in abdomen, pale, hypertensive smoker", "aortic_dissection"),
        ("wet concrete splashed in his L eye at the dockyard", "chemical_eye"),
        ("midline neck pain, both hands tingled for about a minute", "cord_compression"),
        ("deep gaping cuts, says she'll 'just do it again'", "suicidal"),
        ("asking for her husband (died 2015) and thinks it's summer", "altered_mental_status"),
        ("punched someone in the mouth, wound over right middle finger knuckle", "fight_bite"),
        ("pressure washing, jet went into pad of L index finger", "high_pressure_injection"),
        ("has saved up his late dad's tablets and planned to take them tonight", "suicidal"),
        ("sudden pain between the shoulder blades, 'like something tearing'", "aortic_dissection"),
        ("tightness in the chest climbing the ladder, eased after rest", "acs"),
        ("pain in L side of chest and down the L arm, grey and sweaty", "acs"),
        ("first fit, now sleepy, only rouses briefly to voice", "altered_mental_status"),
        ("says the neighbours put poison in his food, pacing", "persecutory_agitation"),
        ("splashed in the eyes from an unlabelled drum", "chemical_eye"),
        ("palm hit by a high-pressure washer jet, small entry wound", "high_pressure_injection"),
        ("injector, lump in R groin that's got a pulse", "pulsatile_mass"),
        (
            "fell from a ladder, pain at thoracolumbar junction, tingling in both feet",
            "cord_compression",
        ),
    ],
)
def test_high_risk_situations_told_in_plain_words_are_read(text: str, key: str) -> None:
    assert key in keys(text)


def test_a_seizure_stopped_by_rescue_midazolam_is_not_a_typical_one() -> None:
    note = "8yo known epilepsy, tonic-clonic stopped after buccal midazolam, back to normal"
    result = assess(input_from_narrative(note))
    assert "esi.c.known_epilepsy_seizure" not in {r.rule for r in result.reasons}


def test_hives_with_swollen_lips_and_eyelids_are_not_hives_alone() -> None:
    note = "ate peanuts, now lip and eyelid swelling and hives on neck, no wheeze"
    result = assess(input_from_narrative(note))
    assert "esi.c.hives_only" not in {r.rule for r in result.reasons}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("cuts to both forearms, says there is nothing left to live for", "suicidal"),
        (
            "over the handlebars, helmet cracked at the back, on apixaban",
            "anticoagulated_head_injury",
        ),
        ("screaming episodes, vomited twice, now a red jelly-like nappy", "intussusception"),
        ("burning pain central chest since his takeaway, diabetic, grey", "acs"),
    ],
)
def test_round_45_presentations_are_read(text: str, key: str) -> None:
    assert key in keys(text)


def test_a_dystonic_reaction_is_read() -> None:
    assert "acute_dystonia" in keys("started metoclopramide, jaw and neck pulling to one side")


@pytest.mark.parametrize(
    "text",
    ["foot run over by a tractor wheel", "victim of a stabbing outside the pub", "stabbed in arm"],
)
def test_a_heavy_wheel_or_a_stabbing_stays_a_major_mechanism(text: str) -> None:
    assert "major_trauma" in keys(text)
