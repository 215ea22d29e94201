"""From what the workflow knows (the Case) to a billing quote, using the pure rules.

Billing is advisory: whatever is missing (no triage, no admission) lowers the quote's
certainty and is said in the note, but never stops the step.
"""

from __future__ import annotations

from dataclasses import dataclass

from billing.rules import (
    Coverage,
    Estimate,
    PaymentDecision,
    VisitLevel,
    estimate,
    payment_decision,
    visit_level,
)
from emergisphere.v1.agents_pb2 import Case
from emergisphere.v1.common_pb2 import Insurance


@dataclass(frozen=True)
class Quote:
    level: VisitLevel
    estimate: Estimate
    payment: PaymentDecision
    note: str


def effective_acuity(case: Case) -> int:
    """The clinician's override when present, else triage's ESI level; 0 when unknown."""
    if case.HasField("acuity_override"):
        return case.acuity_override
    return case.triage.acuity if case.HasField("triage") else 0


def screening_done(case: Case) -> bool:
    """Triage assigned an acuity: the medical screening EMTALA speaks of has happened."""
    return case.HasField("triage") and case.triage.acuity > 0


def _coverage(insurance: Insurance) -> Coverage:
    return Coverage.from_floats(
        copay=insurance.copay,
        coinsurance=insurance.coinsurance,
        deductible=insurance.deductible,
        deductible_met=insurance.deductible_met,
    )


def coverage_for(case: Case) -> tuple[Coverage | None, str]:
    """Admission's verified coverage; before admission, what the intake declared."""
    if case.HasField("admission"):
        if case.admission.coverage.payer.strip():
            return _coverage(case.admission.coverage), ""
        return None, "No coverage on file: self-pay estimate"
    declared = case.intake.patient.insurance
    if declared.payer.strip():
        return _coverage(declared), "Admission not done: coverage as declared at intake, unverified"
    return None, "Admission not done and no insurance declared: self-pay estimate"


def quote_case(case: Case) -> Quote:
    level = visit_level(
        workflow_type=case.workflow_type,
        acuity=effective_acuity(case),
        expected_resources=case.triage.expected_resources if case.HasField("triage") else 0,
        device_emergency=case.HasField("device") and case.device.emergency,
    )
    coverage, coverage_note = coverage_for(case)
    payment = payment_decision(
        workflow_type=case.workflow_type, screening_done=screening_done(case)
    )
    notes = [*level.notes, coverage_note, payment.reason]
    return Quote(
        level=level,
        estimate=estimate(charge=level.charge, coverage=coverage),
        payment=payment,
        note="; ".join(note for note in notes if note),
    )
