"""Pure billing rules: visit level, fee, cost-share estimate and when payment may be asked.

Money is Decimal throughout and rounded to cents once, at the end of each estimate, so
patient and insurer shares always add up to the charge exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

CENT: Final = Decimal("0.01")

ESTIMATED: Final = "estimated"
SELF_PAY_ESTIMATED: Final = "self_pay_estimated"

# Workflows in which the patient is an emergency presentation: EMTALA applies.
EMERGENCY_WORKFLOWS: Final = frozenset({"emergency", "emergency_device"})
REGULAR: Final = "regular"
DEVICE_SCAN: Final = "device_scan"


@dataclass(frozen=True)
class Fee:
    description: str
    charge: Decimal


# The hospital's chargemaster for the codes this agent assigns (deterministic, in USD).
FEE_TABLE: Final[dict[str, Fee]] = {
    "99281": Fee("ED visit, level 1: may not need a physician", Decimal("150.00")),
    "99282": Fee("ED visit, level 2: straightforward decision making", Decimal("300.00")),
    "99283": Fee("ED visit, level 3: low complexity decision making", Decimal("550.00")),
    "99284": Fee("ED visit, level 4: moderate complexity decision making", Decimal("950.00")),
    "99285": Fee("ED visit, level 5: high complexity decision making", Decimal("1600.00")),
    "99213": Fee("Established outpatient visit: low complexity", Decimal("180.00")),
    "99214": Fee("Established outpatient visit: moderate complexity", Decimal("260.00")),
}


@dataclass(frozen=True)
class VisitLevel:
    cpt_code: str
    description: str
    charge: Decimal
    notes: tuple[str, ...] = ()


def _level(code: str, *notes: str) -> VisitLevel:
    fee = FEE_TABLE[code]
    return VisitLevel(cpt_code=code, description=fee.description, charge=fee.charge, notes=notes)


def is_ed_visit(workflow_type: str, *, device_emergency: bool = False) -> bool:
    """Appointments and routine device scans are office visits; everything else is the ED."""
    if workflow_type == REGULAR:
        return False
    if workflow_type == DEVICE_SCAN:
        return device_emergency
    return True


def ed_visit_code(acuity: int, expected_resources: int) -> VisitLevel:
    """ED E/M level from ESI acuity and the resources triage expects (ESI's own axis)."""
    if acuity == 1:
        return _level(
            "99285",
            "ESI 1: critical care time (99291) may apply in addition when documented",
        )
    if acuity == 2:
        return _level("99285")
    if acuity == 3:
        return _level("99284" if expected_resources >= 2 else "99283")
    if acuity == 4:
        return _level("99283" if expected_resources >= 1 else "99282")
    if acuity == 5:
        return _level("99281")
    return _level("99283", "Acuity unknown: provisional level 3, to be reviewed by coding")


def visit_level(
    *,
    workflow_type: str,
    acuity: int,
    expected_resources: int,
    device_emergency: bool = False,
) -> VisitLevel:
    if is_ed_visit(workflow_type, device_emergency=device_emergency):
        return ed_visit_code(acuity, expected_resources)
    return _level("99214" if expected_resources >= 2 else "99213")


@dataclass(frozen=True)
class Coverage:
    copay: Decimal
    coinsurance: Decimal
    deductible: Decimal
    deductible_met: Decimal

    @classmethod
    def from_floats(
        cls, *, copay: float, coinsurance: float, deductible: float, deductible_met: float
    ) -> Coverage:
        # Through str: the proto carries binary doubles, and 0.2 must stay exactly 0.2.
        return cls(
            copay=_non_negative(copay),
            coinsurance=min(_non_negative(coinsurance), Decimal(1)),
            deductible=_non_negative(deductible),
            deductible_met=_non_negative(deductible_met),
        )


def _non_negative(value: float) -> Decimal:
    return max(Decimal(str(value)), Decimal(0))


@dataclass(frozen=True)
class Estimate:
    charge: Decimal
    patient_share: Decimal
    insurer_share: Decimal
    status: str


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def estimate(*, charge: Decimal, coverage: Coverage | None) -> Estimate:
    """Patient and insurer shares: copay, then the unmet deductible, then coinsurance.

    Without coverage the patient is self-pay for the whole charge.
    """
    charge = cents(charge)
    if coverage is None:
        return Estimate(
            charge=charge,
            patient_share=charge,
            insurer_share=Decimal("0.00"),
            status=SELF_PAY_ESTIMATED,
        )
    remaining = charge
    copay = min(coverage.copay, remaining)
    remaining -= copay
    deductible_left = max(coverage.deductible - coverage.deductible_met, Decimal(0))
    deductible = min(deductible_left, remaining)
    remaining -= deductible
    patient = min(copay + deductible + remaining * coverage.coinsurance, charge)
    patient_share = cents(patient)
    return Estimate(
        charge=charge,
        patient_share=patient_share,
        insurer_share=charge - patient_share,
        status=ESTIMATED,
    )


@dataclass(frozen=True)
class PaymentDecision:
    requested: bool
    reason: str


def payment_decision(*, workflow_type: str, screening_done: bool) -> PaymentDecision:
    """EMTALA: nobody is asked to pay before the medical screening, and in an emergency
    not before stabilisation either, so only screened appointment visits are asked."""
    if workflow_type != REGULAR:
        return PaymentDecision(
            False,
            "Emergency presentation: payment deferred until after medical screening and "
            "stabilisation (EMTALA)",
        )
    if not screening_done:
        return PaymentDecision(
            False, "Medical screening not yet done: payment may not be requested (EMTALA)"
        )
    return PaymentDecision(True, "Scheduled visit after screening: payment may be requested")
