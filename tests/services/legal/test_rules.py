"""Pure legal rules: each mandatory report, negation, age and consent."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from legal import rules
from legal.rules import assess_legal, mandatory_reports

from .factories import ARRIVED_AT, born_years_before_arrival, case, contact

NOW = datetime(2040, 1, 1, tzinfo=UTC)


def categories(complaint: str, *, age: int | None = 40, arrival_mode: str = "walk_in") -> list[str]:
    return [r.category for r in mandatory_reports(complaint, arrival_mode=arrival_mode, age=age)]


def authority(complaint: str, category: str, *, age: int | None = 40) -> str:
    [report] = [
        r
        for r in mandatory_reports(complaint, arrival_mode="walk_in", age=age)
        if r.category == category
    ]
    return report.authority


# --- assault / violence -------------------------------------------------------------


@pytest.mark.parametrize(
    "complaint",
    ["assaulted outside a bar", "punched in the face", "domestic violence, facial bruising"],
)
def test_assault_is_reported_to_police(complaint: str) -> None:
    assert categories(complaint) == ["assault"]
    assert authority(complaint, "assault") == "police"


@pytest.mark.parametrize(
    "complaint", ["denies assault", "fall at home, no assault", "assault denied"]
)
def test_denied_assault_is_not_reported(complaint: str) -> None:
    assert categories(complaint) == []


# --- gunshot and stab wounds --------------------------------------------------------


@pytest.mark.parametrize(
    "complaint", ["gunshot wound to the thigh", "GSW left arm", "shot in the leg"]
)
def test_gunshot_wound_is_reported_to_police(complaint: str) -> None:
    assert categories(complaint) == ["gunshot_wound"]
    assert authority(complaint, "gunshot_wound") == "police"


def test_denied_gunshot_is_not_reported() -> None:
    assert categories("denies gunshot wound, fell on glass") == []


def test_a_flu_shot_is_not_a_gunshot() -> None:
    assert categories("sore arm after flu shot in the arm") == []


@pytest.mark.parametrize("complaint", ["stab wound to abdomen", "was stabbed in the back"])
def test_stab_wound_is_reported_to_police(complaint: str) -> None:
    assert categories(complaint) == ["stab_wound"]
    assert authority(complaint, "stab_wound") == "police"


def test_stabbing_pain_is_not_a_stab_wound() -> None:
    assert categories("stabbing chest pain radiating to the back") == []


def test_denied_stab_wound_is_not_reported() -> None:
    assert categories("laceration from kitchen glass, no stab wound") == []


# --- child abuse ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "complaint",
    [
        "non-accidental injury suspected",
        "unexplained bruises on the back",
        "bruises unexplained by parents",
        "concern for neglect, underweight",
        "suspected abuse",
    ],
)
def test_abuse_indicators_in_a_minor_go_to_child_protective_services(complaint: str) -> None:
    assert categories(complaint, age=4) == ["child_abuse"]
    assert authority(complaint, "child_abuse", age=4) == "child protective services"


def test_abuse_indicators_at_eighteen_are_not_child_abuse() -> None:
    assert categories("unexplained bruises", age=18) == []


def test_denied_abuse_in_a_minor_is_not_reported() -> None:
    assert categories("fell off swing, no signs of abuse or neglect", age=6) == []


def test_substance_abuse_is_not_maltreatment() -> None:
    assert categories("alcohol abuse, vomiting", age=16) == []


# --- elder abuse ----------------------------------------------------------------------


def test_abuse_indicators_at_sixty_five_go_to_adult_protective_services() -> None:
    assert categories("found in soiled bed, neglect suspected", age=65) == ["elder_abuse"]
    assert authority("neglected by carer", "elder_abuse", age=80) == "adult protective services"


def test_abuse_indicators_at_sixty_four_are_not_elder_abuse() -> None:
    assert categories("neglect suspected", age=64) == []


def test_denied_elder_abuse_is_not_reported() -> None:
    assert categories("denies abuse, fall at home", age=82) == []


def test_abuse_with_unknown_age_is_flagged_for_staff_not_guessed() -> None:
    assessment = assess_legal(case(complaint="unexplained bruises", age=None), now=NOW)
    assert assessment.reports == ()
    assert any("age unknown" in reason for reason in assessment.reasons)


# --- road traffic collision -----------------------------------------------------------


@pytest.mark.parametrize(
    "complaint",
    [
        "MVC, neck pain",
        "RTA driver",
        "car accident on highway",
        "motor vehicle collision",
        "pedestrian hit by car",
        "bike collision with truck",
    ],
)
def test_road_traffic_collision_is_reported(complaint: str) -> None:
    assert categories(complaint) == ["road_traffic_collision"]
    assert authority(complaint, "road_traffic_collision") == "police / road traffic authority"


def test_denied_collision_is_not_reported() -> None:
    assert categories("fell down stairs, no car accident") == []


def test_rta_inside_a_word_is_not_a_collision() -> None:
    assert categories("started vomiting, partial seizure") == []


# --- animal bite ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "complaint", ["dog bite to the hand", "bitten by neighbour's cat", "cat bite", "animal bite"]
)
def test_animal_bite_is_reported_to_public_health(complaint: str) -> None:
    assert categories(complaint) == ["animal_bite"]
    assert authority(complaint, "animal_bite") == "public health / animal control"


def test_denied_bite_is_not_reported() -> None:
    assert categories("scratch from a fence, not a dog bite") == []


# --- police custody and combinations ----------------------------------------------------


def test_arrival_with_police_adds_a_custody_note_without_an_authority() -> None:
    [report] = mandatory_reports("intoxicated", arrival_mode="police", age=30)
    assert (report.category, report.authority) == ("police_custody", "none — documentation")


def test_several_reports_come_once_each_in_a_fixed_order() -> None:
    complaint = "assaulted then stabbed, assault again, hit by car"
    assert categories(complaint, arrival_mode="police") == [
        "assault",
        "stab_wound",
        "road_traffic_collision",
        "police_custody",
    ]


def test_a_plain_complaint_needs_no_report() -> None:
    assert categories("sore throat for three days") == []


# --- age ----------------------------------------------------------------------------------


def test_age_counts_whole_years_up_to_the_birthday() -> None:
    on = date(2031, 6, 15)
    assert rules.age_on("2013-06-15", on) == 18
    assert rules.age_on("2013-06-16", on) == 17


@pytest.mark.parametrize("dob", ["", "not-a-date", "2099-01-01"])
def test_unknown_or_future_birth_dates_give_no_age(dob: str) -> None:
    assert rules.age_on(dob, date(2031, 6, 15)) is None


def test_age_is_taken_at_arrival_not_now() -> None:
    # Seventeen at arrival though long since an adult by NOW: the child rule applies.
    c = case(complaint="unexplained bruises", age=17)
    assert [r.category for r in assess_legal(c, now=NOW).reports] == ["child_abuse"]


def test_age_falls_back_to_now_without_an_arrival_time() -> None:
    c = case(complaint="unexplained bruises", age=None, with_arrival_time=False)
    c.intake.patient.date_of_birth = born_years_before_arrival(17)
    # Judged on NOW, years after ARRIVED_AT, the patient is an adult.
    assert assess_legal(c, now=NOW).reports == ()
    assert assess_legal(c, now=ARRIVED_AT).reports[0].category == "child_abuse"


# --- consent ----------------------------------------------------------------------------


@pytest.mark.parametrize("level", ["V", "P", "U"])
def test_reduced_consciousness_means_implied_emergency_consent(level: str) -> None:
    consent = assess_legal(case(consciousness=level), now=NOW).consent
    assert consent.status == "implied_emergency_consent"
    assert f"AVPU {level}" in consent.reason


@pytest.mark.parametrize("level", ["A", "C", None])
def test_alert_or_confused_adults_consent_for_themselves(level: str | None) -> None:
    assert assess_legal(case(consciousness=level), now=NOW).consent.status == "able_to_consent"


def test_esi_one_means_implied_emergency_consent() -> None:
    assert assess_legal(case(acuity=1), now=NOW).consent.status == "implied_emergency_consent"


def test_a_clinician_override_to_esi_one_means_implied_consent() -> None:
    c = case(acuity=3)
    c.acuity_override = 1
    assert assess_legal(c, now=NOW).consent.status == "implied_emergency_consent"


def test_unidentified_patient_means_implied_emergency_consent() -> None:
    c = case(national_health_id="", first_name="", last_name="")
    consent = assess_legal(c, now=NOW).consent
    assert consent.status == "implied_emergency_consent"
    assert "unidentified" in consent.reason


def test_a_name_without_national_id_is_identified() -> None:
    c = case(national_health_id="")
    assert assess_legal(c, now=NOW).consent.status == "able_to_consent"


def test_minor_without_guardian_contact() -> None:
    c = case(age=15, contacts=[contact("sibling")])
    assert assess_legal(c, now=NOW).consent.status == "minor_without_guardian"


@pytest.mark.parametrize(
    "relationship", ["parent", "Mother", "father", "guardian", "Legal Guardian", "legal_guardian"]
)
def test_minor_with_a_guardian_contact(relationship: str) -> None:
    c = case(age=15, contacts=[contact("aunt"), contact(relationship)])
    assert assess_legal(c, now=NOW).consent.status == "minor_with_guardian"


def test_an_unconscious_minor_is_treated_under_implied_consent() -> None:
    c = case(age=15, consciousness="U")
    assert assess_legal(c, now=NOW).consent.status == "implied_emergency_consent"


def test_consent_reasons_carry_no_patient_data() -> None:
    c = case(age=15, complaint="dog bite")
    assessment = assess_legal(c, now=NOW)
    text = " ".join([assessment.consent.reason, *assessment.reasons])
    for secret in ("Walter", "Stone", "943-476-5919", c.intake.patient.date_of_birth):
        assert secret not in text
    assert assessment.age_group == "minor"
