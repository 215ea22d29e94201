"""From a Case to a quote: coverage source, missing upstream steps, acuity override."""

from __future__ import annotations

from decimal import Decimal

from billing.quote import quote_case
from emergisphere.v1.common_pb2 import Insurance

from .factories import ACME, case


def test_admission_coverage_is_used() -> None:
    quote = quote_case(case(acuity=3, resources=2))  # 99284, 950
    # copay 150, deductible left 1100 covers the remaining 800.
    assert (quote.level.cpt_code, quote.estimate.patient_share) == ("99284", Decimal("950.00"))
    assert quote.estimate.status == "estimated"


def test_admission_without_a_payer_is_self_pay() -> None:
    quote = quote_case(case(coverage=Insurance(payer="", copay=10)))
    assert quote.estimate.status == "self_pay_estimated"
    assert "self-pay" in quote.note


def test_before_admission_declared_insurance_is_used_and_flagged_unverified() -> None:
    c = case(admitted=False)
    c.intake.patient.insurance.CopyFrom(ACME)
    quote = quote_case(c)
    assert quote.estimate.status == "estimated"
    assert "unverified" in quote.note


def test_no_admission_and_no_insurance_is_self_pay_without_failing() -> None:
    quote = quote_case(case(admitted=False))
    assert quote.estimate.status == "self_pay_estimated"
    assert "Admission not done" in quote.note


def test_no_triage_gives_a_provisional_level_and_no_payment_request() -> None:
    quote = quote_case(case(workflow_type="regular", acuity=None))
    assert quote.level.cpt_code == "99213"
    assert quote.payment.requested is False
    quote = quote_case(case(workflow_type="emergency", acuity=None))
    assert quote.level.cpt_code == "99283"
    assert "unknown" in quote.note.lower()


def test_acuity_override_wins_over_triage() -> None:
    c = case(acuity=4, resources=0)
    c.acuity_override = 2
    assert quote_case(c).level.cpt_code == "99285"


def test_an_override_alone_is_not_a_screening() -> None:
    c = case(workflow_type="regular", acuity=None)
    c.acuity_override = 4
    assert quote_case(c).payment.requested is False


def test_note_gathers_level_coverage_and_payment_reasons() -> None:
    quote = quote_case(case(acuity=1, coverage=None))
    assert "critical care" in quote.note
    assert "self-pay" in quote.note
    assert "EMTALA" in quote.note


def test_the_note_carries_no_patient_data() -> None:
    quote = quote_case(case(acuity=1))
    for secret in ("Walter", "chest pain", "Acme", "ACM-55501", "patient-1"):
        assert secret not in quote.note
