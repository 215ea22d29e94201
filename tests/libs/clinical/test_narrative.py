"""Reading age, sex and vitals out of free-text triage notes."""

from __future__ import annotations

import pytest

from emergisphere_clinical import assess
from emergisphere_clinical.narrative import (
    NarrativeValueError,
    input_from_narrative,
    read_narrative,
)


def test_reads_the_issue_example() -> None:
    reading = read_narrative("72 y/o male ... BP 150/90, HR 110, RR 22, SpO2 94% RA")
    assert reading.age_years == 72
    assert reading.sex == "male"
    assert reading.values == {
        "systolic_bp": 150,
        "diastolic_bp": 90,
        "heart_rate": 110,
        "respiratory_rate": 22,
        "spo2": 94,
    }
    assert reading.on_oxygen is False


def test_fahrenheit_is_converted_and_pain_capped_at_ten() -> None:
    reading = read_narrative("A 34-year-old female. T 102.8˚F, rates her pain as 20/10")
    assert reading.values["temperature_c"] == 39.3
    assert reading.values["pain_score"] == 10
    assert reading.sex == "female"


def test_infant_ages_and_oxygen() -> None:
    reading = read_narrative("3-week-old girl, sats 91% on 2L NC, temp 38.4")
    assert reading.age_years == pytest.approx(21 / 365.25)
    assert reading.on_oxygen is True
    assert reading.values["temperature_c"] == 38.4


def test_a_duration_is_not_an_age() -> None:
    assert read_narrative("she is 3 months post partum").age_years is None


def test_impossible_reading_is_named_and_left_out() -> None:
    reading = read_narrative("T 102.2F, RR 20, HR 990")
    assert reading.rejected == ("heart_rate",)
    assert "heart_rate" not in reading.values
    with pytest.raises(NarrativeValueError) as raised:
        input_from_narrative("T 102.2F, RR 20, HR 990")
    assert raised.value.fields == ("heart_rate",)
    assert "990" not in str(raised.value)


def test_consciousness_from_the_note() -> None:
    assert read_narrative("moaning, responds only to pain").consciousness == "P"


def test_note_becomes_an_engine_input_with_the_whole_text_as_complaint() -> None:
    data = input_from_narrative("60 yo M c/o CP, HR 120")
    assert data.age_years == 60
    assert data.vitals.heart_rate == 120
    assert "CP" in data.chief_complaint


def test_palpated_blood_pressure_gives_the_systolic_only() -> None:
    reading = read_narrative("Vital signs on arrival: BP 70/palp, HR 128, RR 40.")
    assert reading.values["systolic_bp"] == 70
    assert "diastolic_bp" not in reading.values
    assert reading.values["heart_rate"] == 128


def test_a_temperature_joined_by_of_or_a_reported_fever_is_read() -> None:
    assert read_narrative("a temperature of 38.3").values["temperature_c"] == 38.3
    assert read_narrative("temp was 101.2F").values["temperature_c"] == 38.4
    assert read_narrative("a fever of 103 at home").values["temperature_c"] == 39.4
    # The measured temperature wins over the one reported.
    reading = read_narrative("a fever of 103 at home. Vital signs: T 101.6F")
    assert reading.values["temperature_c"] == 38.7


def test_vitals_joined_by_is_or_of_are_read() -> None:
    reading = read_narrative(
        "the patient's HR is 140, RR 28. Heart rate was irrelevant here; "
        "monitor displaying a saturation of 79 percent"
    )
    assert reading.values["heart_rate"] == 140
    assert reading.values["spo2"] == 79
    assert read_narrative("heart rate is 106, RR 28").values["heart_rate"] == 106


def test_not_responding_to_voice_is_avpu_p_not_v() -> None:
    assert read_narrative("she is moaning and does not respond to voice").consciousness == "P"
    assert read_narrative("unresponsive to voice").consciousness == "P"
    assert read_narrative("drowsy, responds to voice").consciousness == "V"
    assert read_narrative("only opens eyes + mumbles when spoken to loudly").consciousness == "V"


def test_a_paced_rate_is_not_read_as_the_heart_rate() -> None:
    reading = read_narrative("began externally pacing him at a rate of 60")
    assert "heart_rate" not in reading.values


def test_eyes_opening_and_mumbling_only_when_shouted_at_is_avpu_v() -> None:
    reading = read_narrative("drunk, only opens eyes and mumbles when you shout at him")
    assert reading.consciousness == "V"


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("2010 BIBA. 78F found on kitchen floor by evening carer", 78),
        ("Arrived 0800. 34M chest pain", 34),
        # Lengths and heights, not ages.
        ("fell off the wall. 3m fall onto concrete", None),
        ("BP 120/80. 2m tall, thin", None),
        # After an arrival time and how the patient came.
        ("1115 BIBA 79F collapsed at the shops, brief LOC", 79),
        ("Amb 81F fell on the way to the bathroom", 81),
        ("1115 biba 3m fall from a ladder", None),
        # Opening a MIST or ATMIST hand-over, whose A is the age.
        ("MIST: 38F, rear-ended at traffic lights", 38),
        ("ATMIST: A 26 F. T 18:20. M: rear-ended", 26),
        ("Care home: 91 F, found on floor of room", 91),
        ("BIB colleagues, 48M lecturer. Central pressure", 48),
        ("fell off the wall, 3m fall onto concrete", None),
        # After a colon or "with", whoever hands over.
        ("NWAS: 77F got up for the toilet and fell", 77),
        ("Paramedic handover: 81F from Elmfield care home", 81),
        ("Carer from nursing home with 88F: rolled out of bed", 88),
        ("fell: 3m onto concrete", None),
        ("came in with 2m of rope round his leg", None),
        # Years before a person, and a parent's "he's 4".
        ("23 mth boy bit into a capsule", 23 / 12),
        ("3 mth old, feeding less", 0.25),
        ("5 yr boy fell from a swing", 5),
        ("Mum: he's 4, banged his forehead", 4),
        ("she's 12 weeks pregnant", None),
    ],
)
def test_an_age_and_sex_opening_a_later_sentence_is_read(text: str, age: float | None) -> None:
    assert read_narrative(text).age_years == age


@pytest.mark.parametrize(
    ("text", "spo2"),
    [
        ("Sat 00:20. barky cough. T 38.1, RR 30, SpO2 98% RA", 98),
        ("Sat 9.30 am, sats 95", 95),
        ("sats 94.", 94),
    ],
)
def test_a_day_and_a_time_are_not_a_saturation(text: str, spo2: float) -> None:
    assert read_narrative(text).values["spo2"] == spo2


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("Monitor: regular narrow complex 196, BP 118/76", 196),
        ("AF at 140, BP 100/60", 140),
        ("SVT 210, lightheaded", 210),
        ("Monitor: regular narrow complex 164/min, BP 108/72", 164),
        ("AF 3/52, on apixaban", None),
        # Not a rate: across a comma, or a duration.
        ("known AF, 2 days of cough", None),
        ("AF 20 years, on apixaban", None),
    ],
)
def test_a_rhythm_with_its_rate_is_the_heart_rate(text: str, rate: int | None) -> None:
    assert read_narrative(text).values.get("heart_rate") == rate


def test_a_quoted_pain_score_is_read() -> None:
    reading = read_narrative('She describes the pain as crampy, but rates it as "1" out of 10.')
    assert reading.values["pain_score"] == 1


@pytest.mark.parametrize(
    ("note", "gcs", "level"),
    [
        ("found down, GCS 6", 6, "P"),
        ("Glasgow Coma Scale score of 8 on arrival", 8, "P"),
        ("GCS of 12", 12, "V"),
        ("GCS: 14, smells of alcohol", 14, "C"),
        ("GCS 15, alert and oriented", 15, None),
    ],
)
def test_a_glasgow_coma_scale_is_read_as_consciousness(
    note: str, gcs: int, level: str | None
) -> None:
    reading = read_narrative(note)
    assert reading.gcs == gcs
    assert reading.consciousness == level


def test_the_worse_of_avpu_words_and_gcs_stands() -> None:
    assert read_narrative("responds only to pain, GCS 14").consciousness == "P"


def test_an_impossible_gcs_is_rejected_by_name() -> None:
    reading = read_narrative("GCS 19")
    assert reading.rejected == ("gcs",)
    assert reading.consciousness is None


def test_a_low_gcs_in_a_narrative_is_decision_point_a() -> None:
    assert assess(input_from_narrative("45 y/o found down, GCS 6. HR 90")).acuity == 1


def test_a_hand_over_time_is_not_a_temperature() -> None:
    reading = read_narrative("ATMIST: A 41 M. T 07:55. M: head-on collision. S: HR 90")
    assert "temperature_c" not in reading.values
    assert reading.rejected == ()


@pytest.mark.parametrize(
    ("note", "systolic"),
    [("S: BP 70 systolic, HR 124", 70.0), ("BP 82 systolic, RR 30", 82.0)],
)
def test_a_systolic_pressure_alone_is_read(note: str, systolic: float) -> None:
    assert read_narrative(note).values["systolic_bp"] == systolic


@pytest.mark.parametrize(
    ("note", "days"),
    [("6/52 F, fast breathing", 42), ("3/52 M, sticky eye", 21), ("4/12 old boy", 121.75)],
)
def test_a_british_fraction_age_is_read(note: str, days: float) -> None:
    age = read_narrative(note).age_years
    assert age is not None
    assert age * 365.25 == pytest.approx(days)


@pytest.mark.parametrize("note", ["post-op 2/52, wound oozing", "cough for 6/52"])
def test_a_fraction_that_is_a_duration_is_not_an_age(note: str) -> None:
    assert read_narrative(note).age_years is None


def test_a_number_with_a_temperature_unit_is_a_temperature() -> None:
    reading = read_narrative("2/52 F, 38.3 °C rectal at home, feeding less")
    assert reading.values["temperature_c"] == 38.3
    assert read_narrative("fevers to 101.1 °F").values["temperature_c"] == 38.4


def test_a_score_out_of_ten_beside_no_word_for_pain_is_the_pain_score() -> None:
    assert read_narrative("sudden occipital headache, 10/10").values["pain_score"] == 10
    # A named pain score wins over a bare one.
    assert read_narrative("8/10 yesterday; pain now 3/10").values["pain_score"] == 3
    assert "pain_score" not in read_narrative("GCS 10/15").values


def test_a_febrile_two_week_old_from_a_fraction_age_is_esi_2() -> None:
    note = "2/52 F, 38.3 °C rectal at home, feeding a bit less, HR 165, RR 48."
    assert assess(input_from_narrative(note)).acuity == 2


def test_a_hand_over_systolic_with_poor_perfusion_is_decision_point_a() -> None:
    note = "MIST: 72 M, known AAA, collapsed. S: BP 70 systolic, HR 124, pale, clammy."
    assert assess(input_from_narrative(note)).acuity == 1


@pytest.mark.parametrize(
    ("note", "heart_rate", "respiratory_rate"),
    [("PR 142/min thready, RR 28/min", 142.0, 28.0), ("P 92, RR 22/min", 92.0, 22.0)],
)
def test_rates_written_per_minute_are_read(
    note: str, heart_rate: float, respiratory_rate: float
) -> None:
    values = read_narrative(note).values
    assert (values["heart_rate"], values["respiratory_rate"]) == (heart_rate, respiratory_rate)


def test_a_blood_pressure_is_not_a_rate() -> None:
    assert "heart_rate" not in read_narrative("P 110/70").values


@pytest.mark.parametrize(
    ("note", "gcs", "level"),
    [("GCS E1V1M4, R pupil dilated", 6, "P"), ("E3V4M6 on arrival", 13, "V")],
)
def test_a_glasgow_coma_scale_by_its_components_is_read(note: str, gcs: int, level: str) -> None:
    reading = read_narrative(note)
    assert (reading.gcs, reading.consciousness) == (gcs, level)


def test_a_head_injury_at_gcs_e1v1m4_is_decision_point_a() -> None:
    note = "30 yo M, RTA, no helmet. GCS E1V1M4, bleeding from R ear. BP 160/90, PR 58/min."
    assert assess(input_from_narrative(note)).acuity == 1


def test_a_day_of_the_week_is_not_a_saturation() -> None:
    values = read_narrative("D+V since Sat, 10+ watery stools, HR 96").values
    assert "spo2" not in values
    assert read_narrative("sats 94% on air").values["spo2"] == 94


def test_a_rate_on_the_monitor_and_a_baby_in_weeks_are_read() -> None:
    assert read_narrative("irregular on monitor at 148").values["heart_rate"] == 148
    # The rhythm between the word and the rate.
    assert read_narrative("Pulse irregularly irregular 128").values["heart_rate"] == 128
    assert read_narrative("HR irreg 96, BP 130/80").values["heart_rate"] == 96
    assert "heart_rate" not in read_narrative("pulse reg, BP 120/80").values


@pytest.mark.parametrize(
    ("text", "celsius"),
    [
        # Thoracic vertebrae and an OPQRST time are not temperatures.
        ("tender about T12. Obs normal", None),
        ("tender midline around T10, pain 6/10", None),
        ("S: 6/10. T: ~14 hr, worse on walking", None),
        ("T 38.3 HR 92", 38.3),
        ("T37.8", 37.8),
        ("found cold, core T 12.5", 12.5),
        # A reading taken now is the temperature, not the one from home.
        ("fever 2 days, 39.2 in triage", 39.2),
        ("101.7 F at home, 38.3 here", 38.3),
    ],
)
def test_a_spinal_level_or_a_time_is_not_a_temperature(text: str, celsius: float | None) -> None:
    assert read_narrative(text).values.get("temperature_c") == celsius
    age = read_narrative("baby 3 wks hot to touch").age_years
    assert age is not None
    assert age * 365.25 == pytest.approx(21)


def test_bleeding_with_poor_perfusion_is_haemorrhagic_shock() -> None:
    assert assess(input_from_narrative("vomitting blood, grey and clammy, 49M")).acuity == 1
    assert assess(input_from_narrative("stabbed in chest, grey and sweaty")).acuity == 1
    assert assess(input_from_narrative("vomited blood once, 49M, HR 80")).acuity == 2


@pytest.mark.parametrize(
    ("note", "years"),
    [("10 month girl, temp 38.6", 10 / 12), ("2 yr 2m girl, unimmunised", 2 + 2 / 12)],
)
def test_ages_in_months_or_years_and_months_are_read(note: str, years: float) -> None:
    assert read_narrative(note).age_years == pytest.approx(years)


@pytest.mark.parametrize(
    ("note", "years", "sex"),
    [
        ("Pulled hamstring sprinting, 16M. Tender thigh.", 16, "male"),
        ("12 y M. Sprain of ankle (disorder).", 12, "male"),
        ("Netball, bent finger back. 14F. Ring finger sore.", 14, "female"),
    ],
)
def test_age_and_sex_standing_alone_mid_note_are_read(note: str, years: float, sex: str) -> None:
    reading = read_narrative(note)
    assert (reading.age_years, reading.sex) == (years, sex)


@pytest.mark.parametrize(
    "note", ["ankle injury, T 96.2 F.", "fever, temp 101.1F, cough", "fell 3m off a ladder"]
)
def test_a_decimal_or_a_length_is_not_an_age(note: str) -> None:
    assert read_narrative(note).age_years is None


@pytest.mark.parametrize(
    ("note", "level", "gcs"),
    [
        ("drank loads of vodka. Only responds to pain.", "P", None),
        # The worse of two readings stands: "now 7" after "12".
        ("ped vs car, GCS 12, now 7 (E1 V2 M4), pupil sluggish", "P", 7),
        ("GCS 13 (E3V4M6)", "V", 13),
        ("kicked in head. GCS 15 at scene, now 6. L pupil 6mm", "P", 6),
        ("temp 41.2C, rigid, now only responding to pain", "P", None),
    ],
)
def test_consciousness_takes_the_worse_reading(note: str, level: str, gcs: int | None) -> None:
    reading = read_narrative(note)
    assert (reading.consciousness, reading.gcs) == (level, gcs)


def test_a_mothers_weeks_postpartum_or_a_comma_before_her_age_are_not_read_wrongly() -> None:
    assert read_narrative("3 wks postpartum, stitches sore, 26F.").age_years == 26
    assert read_narrative("36 wks, fell forward onto her bump").age_years is None
    assert (
        read_narrative("low grade temp, 80F, known diverticular disease").values.get(
            "temperature_c"
        )
        is None
    )
    assert read_narrative("only groans to sternal rub, BM 1.9").consciousness == "P"


def test_a_saturation_that_fell_is_read() -> None:
    assert read_narrative("had an apnoea in triage: sats fell to 72%").values["spo2"] == 72


def test_eyes_opening_only_to_pain_is_avpu_p() -> None:
    assert read_narrative("now only opens eyes to pain, HR 52").consciousness == "P"


def test_bruising_in_an_infant_not_yet_mobile_is_esi_2() -> None:
    note = "3 month old girl, bruises on face and chest, 'rolled off the bed', HR 150"
    assessment = assess(input_from_narrative(note))
    assert assessment.acuity == 2
    assert "esi.b.infant_bruising" in [reason.rule for reason in assessment.reasons]
    assert assess(input_from_narrative("3 month old, runny nose, no bruising")).acuity > 2


@pytest.mark.parametrize(
    ("note", "spo2", "scale"),
    [
        ("65M COPD (usual sats 88-92%), SpO2 89% RA", 89.0, 2),
        ("COPD, sats normally 89 to 91, now SpO2 86% on his 2L", 86.0, 2),
        ("71M COPD on home O2 2L, sats 88% on 2L", 88.0, 2),
        ("68F COPD (not on home O2), SpO2 89% RA", 89.0, 1),
        ("asthma, SpO2 93%", 93.0, 1),
    ],
)
def test_a_hypercapnic_target_is_read_as_scale_2_and_not_as_the_saturation(
    note: str, spo2: float, scale: int
) -> None:
    reading = read_narrative(note)
    assert (reading.values["spo2"], reading.spo2_scale) == (spo2, scale)
    assert input_from_narrative(note).spo2_scale == scale


@pytest.mark.parametrize(
    ("note", "heart_rate"),
    [
        ("monitor shows regular narrow-complex tachycardia 148", 148.0),
        ("tachycardia at 132 on the monitor", 132.0),
        ("ECG en route AF rate 150s", 150.0),
    ],
)
def test_a_heart_rate_named_by_its_rhythm_is_read(note: str, heart_rate: float) -> None:
    assert read_narrative(note).values["heart_rate"] == heart_rate


def test_rousing_only_to_a_loud_voice_is_avpu_v() -> None:
    assert read_narrative("drank vodka, only rouses to loud voice").consciousness == "V"


def test_an_age_after_a_handover_heading_is_read() -> None:
    assert read_narrative("PM handover: 79M collapsed at breakfast").age_years == 79.0


@pytest.mark.parametrize(
    "note",
    ["opens eyes and mumbles to voice, protecting own airway", "now sleepy, moaning to voice only"],
)
def test_mumbling_or_moaning_to_voice_is_avpu_v(note: str) -> None:
    assert read_narrative(note).consciousness == "V"


def test_status_post_is_not_a_pulse() -> None:
    reading = read_narrative("s/p 3 days of oral antibiotics, P 88, T 37.8")
    assert reading.values["heart_rate"] == 88
    assert "heart_rate" not in read_narrative("s/p 3 days of oral antibiotics").values


def test_a_flacc_score_is_a_pain_score_and_a_monitor_rate_a_heart_rate() -> None:
    reading = read_narrative("2 y/o scald, screaming, FLACC 9. Monitor irregular at 142")
    assert reading.values["pain_score"] == 9
    assert reading.values["heart_rate"] == 142


@pytest.mark.parametrize(
    ("note", "score"),
    [
        ("Open tib/fib. Pain 8 after methoxyflurane. HR 96", 8),
        ("wrist deformed, pain score 7.", 7),
        ("pain: 10, screaming", 10),
    ],
)
def test_a_bare_number_after_pain_is_the_score(note: str, score: int) -> None:
    assert read_narrative(note).values["pain_score"] == score


@pytest.mark.parametrize(
    "note",
    ["back pain 3 days", "chest pain 2 nights", "pain 2 h ago", "pain 4.5 cm wound", "pain 2/7"],
)
def test_a_duration_or_size_after_pain_is_not_a_score(note: str) -> None:
    assert "pain_score" not in read_narrative(note).values


@pytest.mark.parametrize(
    "note",
    [
        "ATMIST 19:30: 80M, collapsed",
        "Handover 0930: 80M collapsed",
        "ATMIST - A: 80F; T: 0215; M: rolled out of bed",
        "ATMIST: A - 80F. T - collapse 08:10 at the pier cafe",
    ],
)
def test_an_age_after_a_handovers_time_is_read(note: str) -> None:
    assert read_narrative(note).age_years == 80


@pytest.mark.parametrize(
    ("note", "age", "sex"),
    [
        ("Husband found 81F on bathroom floor at 0200", 81, "female"),
        ("Neighbour brings 79M, locked out", 79, "male"),
        ("Night porter brought 55M who slipped in the bath", 55, "male"),
    ],
)
def test_an_age_after_whoever_found_or_brought_the_patient_is_read(
    note: str, age: float, sex: str
) -> None:
    reading = read_narrative(note)
    assert (reading.age_years, reading.sex) == (age, sex)


def test_a_length_after_found_is_not_an_age() -> None:
    assert read_narrative("found 3m from the car, GCS 14").age_years is None
