"""Pure billing rules: every visit level boundary, the estimate maths and EMTALA."""

from __future__ import annotations

from decimal import Decimal

import pytest

from billing.rules import (
    FEE_TABLE,
    Coverage,
    estimate,
    payment_decision,
    visit_level,
)


def ed_code(acuity: int, resources: int) -> str:
    return visit_level(
        workflow_type="emergency", acuity=acuity, expected_resources=resources
    ).cpt_code


# --- visit level ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("acuity", "resources", "code"),
    [
        (1, 0, "99285"),
        (2, 0, "99285"),
        (2, 5, "99285"),
        (3, 1, "99283"),
        (3, 2, "99284"),
        (3, 0, "99283"),
        (4, 0, "99282"),
        (4, 1, "99283"),
        (5, 0, "99281"),
        (5, 3, "99281"),
    ],
)
def test_ed_level_follows_acuity_and_resources(acuity: int, resources: int, code: str) -> None:
    assert ed_code(acuity, resources) == code


def test_esi_one_notes_that_critical_care_may_apply() -> None:
    level = visit_level(workflow_type="emergency", acuity=1, expected_resources=0)
    assert any("critical care" in note for note in level.notes)
    assert visit_level(workflow_type="emergency", acuity=2, expected_resources=0).notes == ()


@pytest.mark.parametrize("acuity", [0, 6, -1])
def test_unknown_acuity_is_a_provisional_level_three(acuity: int) -> None:
    level = visit_level(workflow_type="emergency", acuity=acuity, expected_resources=3)
    assert level.cpt_code == "99283"
    assert any("unknown" in note.lower() for note in level.notes)


@pytest.mark.parametrize(("resources", "code"), [(0, "99213"), (1, "99213"), (2, "99214")])
def test_regular_visits_use_outpatient_codes(resources: int, code: str) -> None:
    # Even a high acuity keeps an appointment on office codes.
    level = visit_level(workflow_type="regular", acuity=2, expected_resources=resources)
    assert level.cpt_code == code


def test_emergency_device_workflow_uses_ed_codes() -> None:
    level = visit_level(workflow_type="emergency_device", acuity=2, expected_resources=0)
    assert level.cpt_code == "99285"


def test_device_scan_is_an_office_visit_unless_the_device_flagged_an_emergency() -> None:
    routine = visit_level(workflow_type="device_scan", acuity=0, expected_resources=0)
    urgent = visit_level(
        workflow_type="device_scan", acuity=2, expected_resources=0, device_emergency=True
    )
    assert (routine.cpt_code, urgent.cpt_code) == ("99213", "99285")


@pytest.mark.parametrize(
    ("code", "charge"),
    [
        ("99281", "150.00"),
        ("99282", "300.00"),
        ("99283", "550.00"),
        ("99284", "950.00"),
        ("99285", "1600.00"),
        ("99213", "180.00"),
        ("99214", "260.00"),
    ],
)
def test_fee_table_charges(code: str, charge: str) -> None:
    assert FEE_TABLE[code].charge == Decimal(charge)


def test_the_level_carries_its_fee() -> None:
    level = visit_level(workflow_type="emergency", acuity=3, expected_resources=2)
    assert (level.charge, level.description) == (
        Decimal("950.00"),
        FEE_TABLE["99284"].description,
    )


# --- estimate -------------------------------------------------------------------------


def coverage(
    copay: float = 0, coinsurance: float = 0, deductible: float = 0, deductible_met: float = 0
) -> Coverage:
    return Coverage.from_floats(
        copay=copay, coinsurance=coinsurance, deductible=deductible, deductible_met=deductible_met
    )


def shares(charge: str, cover: Coverage | None) -> tuple[str, str, str]:
    e = estimate(charge=Decimal(charge), coverage=cover)
    return str(e.patient_share), str(e.insurer_share), e.status


def test_copay_only() -> None:
    assert shares("950", coverage(copay=150)) == ("150.00", "800.00", "estimated")


def test_copay_larger_than_the_charge_is_capped_at_the_charge() -> None:
    assert shares("150", coverage(copay=200)) == ("150.00", "0.00", "estimated")


def test_deductible_partly_met_applies_after_the_copay() -> None:
    # 950: copay 150, then 1500 - 1300 = 200 deductible left, then nothing else.
    assert shares("950", coverage(copay=150, deductible=1500, deductible_met=1300)) == (
        "350.00",
        "600.00",
        "estimated",
    )


def test_coinsurance_applies_to_what_is_left_after_copay_and_deductible() -> None:
    # 1600: copay 150, deductible 1100 (1500 - 400), coinsurance 20% of 350 = 70.
    acme = coverage(copay=150, coinsurance=0.2, deductible=1500, deductible_met=400)
    assert shares("1600", acme) == ("1320.00", "280.00", "estimated")


def test_a_met_deductible_leaves_only_coinsurance() -> None:
    medicare = coverage(copay=0, coinsurance=0.2, deductible=240, deductible_met=240)
    assert shares("950", medicare) == ("190.00", "760.00", "estimated")


def test_deductible_met_beyond_the_deductible_counts_as_met() -> None:
    assert shares("100", coverage(coinsurance=0.1, deductible=50, deductible_met=80)) == (
        "10.00",
        "90.00",
        "estimated",
    )


def test_unmet_deductible_larger_than_the_charge_is_capped_at_the_charge() -> None:
    assert shares("550", coverage(copay=50, coinsurance=0.3, deductible=5000)) == (
        "550.00",
        "0.00",
        "estimated",
    )


def test_full_coinsurance_never_exceeds_the_charge() -> None:
    assert shares("300", coverage(copay=100, coinsurance=1.0)) == ("300.00", "0.00", "estimated")


def test_shares_round_to_cents_and_always_add_up() -> None:
    # 20% of 183.33 is 36.666: patient 36.67, insurer the exact rest.
    e = estimate(charge=Decimal("183.33"), coverage=coverage(coinsurance=0.2))
    assert (e.patient_share, e.insurer_share) == (Decimal("36.67"), Decimal("146.66"))
    assert e.patient_share + e.insurer_share == e.charge


def test_float_coinsurance_is_read_exactly() -> None:
    # 0.3 as a binary double is 0.29999999999999998…: read naively, 30% of 0.05 would
    # be 0.01499… and round down. Exactly it is 0.015, which rounds half up.
    e = estimate(charge=Decimal("0.05"), coverage=coverage(coinsurance=0.3))
    assert e.patient_share == Decimal("0.02")


def test_self_pay_patient_owes_the_whole_charge() -> None:
    assert shares("550", None) == ("550.00", "0.00", "self_pay_estimated")


# --- payment (EMTALA) -------------------------------------------------------------------


@pytest.mark.parametrize("workflow_type", ["emergency", "emergency_device", "device_scan", ""])
@pytest.mark.parametrize("screened", [True, False])
def test_payment_is_never_requested_outside_appointments(
    workflow_type: str, screened: bool
) -> None:
    decision = payment_decision(workflow_type=workflow_type, screening_done=screened)
    assert decision.requested is False


def test_emergency_payment_is_deferred_with_the_reason() -> None:
    decision = payment_decision(workflow_type="emergency", screening_done=True)
    assert "deferred" in decision.reason
    assert "EMTALA" in decision.reason


def test_payment_is_not_requested_before_screening_even_for_appointments() -> None:
    decision = payment_decision(workflow_type="regular", screening_done=False)
    assert decision.requested is False
    assert "screening" in decision.reason


def test_a_screened_appointment_may_be_asked_to_pay() -> None:
    assert payment_decision(workflow_type="regular", screening_done=True).requested is True
