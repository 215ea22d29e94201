"""How a note is rewritten before matching: abbreviations, coded lists, rereadings."""

from __future__ import annotations

import pytest

from emergisphere_clinical.wording import normalise, reread

NOTES = [
    "72M c/o CP, SOB, N/V/D x2d",
    "cool pulseless left leg, cold and clammy",
    "unable to cut his own toenails; hit me right in the eye",
    "a bead stuck in his nose, grit in my eye",
    "sutures removed from a laceration repaired 7 days ago",
    "painful swollen wrist; a red, hot, swollen leg; painful left forearm",
    "my breast is so sore and my eyes are all red",
    "pain, chest; pain in the wrist; twisted my ankle; pain 0/10",
    "hay fever, cold injury",
    "R ankle rolled; lt knee; won't use her left arm; jammed R ring finger",
    "seizure in the chair still going; limp, blue, not crying; cap refill 4 sec",
    "her lips and tongue are swollen; G2P1 at 35 wks; missed his last two sessions",
    "my back's been sore; took ~20 tylenol; punched multiple times in face",
    "fell onto R wrist; tugging at her L ear; swallowed one of those batteries",
    "34+2 weeks; 1 mm ST depression; swelling of upper lip spreading to tongue",
    "sudden onset excruciating occipital headache",
    "came off his bike onto L knee; box dropped on R foot; tender R lower ribs",
    "cotton bud tip in R ear; NG tube (feeding, post-stroke)",
    "handcuffed at arrest by police; eaten or drunk; leg suddenly cold",
    "rear-end shunt at the lights; shunted from behind; VP shunt, headache",
    "no radial pulse palpable; can't find dorsalis pedis; fell from the ladder, est 3.5 m",
    "blister pack open; found with nan's tablets; pressure in the centre of her chest",
    "finger white, no cap refill",
    "jammed R pinky playing volleyball",
    "dropped a tin on her L great toe; stubbed R 4th toe; Hb 78 g/L; 20 x 400 mg",
]


@pytest.mark.parametrize("note", NOTES)
def test_a_rereading_skipped_for_want_of_its_cue_would_not_have_applied(note: str) -> None:
    assert reread(note.lower()) == reread(note.lower(), every=True)


def test_abbreviations_expand_in_one_pass_longest_first() -> None:
    assert normalise("N/V/D") == "nausea or vomiting or diarrhoea"
    assert normalise("c/o CP and SOB") == "complains of chest pain and shortness of breath"
    # Inside a word or a longer token nothing is expanded.
    assert normalise("cpr, sober") == "cpr, sober"
    # A slash between two abbreviations, not inside one.
    assert normalise("CP/SOB") == "chest pain/shortness of breath"
    assert normalise("c/o n/v") == "complains of nausea or vomiting"


def test_each_rereading_changes_what_it_names() -> None:
    assert normalise("unable to cut his own toenails") == "unable to trim toenails"
    assert normalise("hit me right in the eye") == "hit eye"
    assert normalise("a pea in her left ear") == "foreign body in the ear"
    assert "fall from height" in normalise("fell from the ladder clearing gutters, est 3.5 m")
    assert "fall from height" not in normalise("fell in the garden, 80M")
    assert "fall from height" not in normalise("fell about 3 m onto his feet")
    # About 3 m (10 feet) onto the back: the spine took the fall (NICE NG41).
    assert "fall from height" in normalise("fell approx 3 m from a ladder, landed on his back")
    assert "fall from height" not in normalise(
        "fell about 3m, landed on his feet then onto his back"
    )
    assert normalise("painful swollen wrist") == "wrist pain swelling"
    assert normalise("eyes are all red") == "eyes are red"


def test_thoughts_of_not_waking_up_are_a_wish_not_a_patient_who_will_not_wake() -> None:
    assert normalise("has had thoughts of not waking up") == "has had passive death wish"
    assert normalise("wishes she wouldn't wake up") == "passive death wish"
    assert normalise("husband not waking up") == "husband not waking up"


def test_a_gestation_by_dates_or_after_a_womans_age_is_a_pregnancy() -> None:
    assert "7 weeks pregnant" in normalise("33F, about 7 weeks by dates, R lower tummy pain")
    assert normalise("26F, 36 weeks, headache") == "26f, 36 weeks pregnant late pregnancy, headache"
    for note in ("30F, 2 weeks of cough", "45F 3 weeks post op", "26F, 6 weeks ago fell"):
        assert "pregnant" not in normalise(note)


def test_a_fall_of_about_3_m_with_back_pain_is_a_fall_from_height() -> None:
    assert "fall from height" in normalise("fell ~3 m from a balcony, back pain 8/10")
    assert "fall from height" not in normalise("fell ~3m off a wall, no back or neck pain")
    assert "fall from height" not in normalise(
        "fell about 3 m, landed on R foot, heel pain, some low back ache"
    )


def test_a_crash_at_60_mph_or_more_is_at_high_speed() -> None:
    assert "high speed" in normalise("left the track into the tyre wall at about 80 mph")
    assert "high speed" in normalise("car into central reservation approx 70 mph")
    assert "high speed" not in normalise("hit the barrier ~50 mph, walked at scene")


def test_a_scald_sized_in_palms_is_sized_as_a_share_of_the_body() -> None:
    scald = normalise("Scald to chest and R arm, about 3 palm-sizes, blistering")
    assert "burn needing referral" in scald
    assert "burn needing referral" not in normalise("scald to his forearm, 2 palm-sizes")
    assert "burn needing referral" not in normalise("bruise about 3 palm-sizes on her thigh")


def test_pain_in_a_place_or_at_a_time_keeps_its_words() -> None:
    assert normalise("sudden L testicular pain in the hot tub") == (
        "sudden left testicular pain in the hot tub"
    )
    assert normalise("pain in the night") == "pain in the night"
    assert normalise("pain in L side of chest") == "left chest pain"
    assert normalise("L testicular pain in a maths lesson") == (
        "left testicular pain in a maths lesson"
    )
    assert normalise("pain in the wrist") == "wrist pain"


def test_a_floor_named_by_its_ordinal_is_not_the_height_of_the_fall() -> None:
    note = "fell from 1st floor student house window at a party, approx 4m, landed on back"
    assert "fall from height" in normalise(note)
    assert "fall from height" in normalise(
        "fell ~3 m from a ladder, pain at thoracolumbar junction"
    )


@pytest.mark.parametrize(
    ("note", "reading"),
    [
        ("2 yo girl with CP, sticky eyes", "cerebral palsy"),
        ("8 yo with CP, gastrostomy fed", "cerebral palsy"),
        ("68M presents with CP radiating to the jaw", "chest pain"),
    ],
)
def test_cp_in_a_child_is_cerebral_palsy(note: str, reading: str) -> None:
    assert reading in normalise(note)
