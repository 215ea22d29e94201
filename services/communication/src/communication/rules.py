"""Pure rules about what may be said to whom. No I/O, so every rule is unit-testable."""

from __future__ import annotations

from typing import Final

from emergisphere.v1.agents_pb2 import Case

# Legal's verdict under which nobody at the bedside can authorise sharing clinical detail.
MINOR_WITHOUT_GUARDIAN: Final = "minor_without_guardian"

# Plain-language ESI wording for families; the number alone means little to them.
PRIORITY_WORDING: Final[dict[int, str]] = {
    1: "needing immediate care",
    2: "very urgent",
    3: "urgent",
    4: "less urgent",
    5: "not urgent",
}

EMERGENCY_WORKFLOWS: Final = frozenset({"emergency", "emergency_device"})


def effective_acuity(case: Case) -> int:
    """The clinician's override when present, else triage's ESI level; 0 when unknown."""
    if case.HasField("acuity_override"):
        return case.acuity_override
    return case.triage.acuity if case.HasField("triage") else 0


def may_share_clinical(case: Case) -> bool:
    """Clinical detail goes to family only with the patient's consent, and never when legal
    found a minor with no guardian (nobody could have given that consent)."""
    if not case.intake.consent_to_share:
        return False
    return not (case.HasField("legal") and case.legal.consent_status == MINOR_WITHOUT_GUARDIAN)


def priority_wording(acuity: int) -> str | None:
    return PRIORITY_WORDING.get(acuity)


def first_name(full_name: str, *, fallback: str) -> str:
    parts = full_name.split()
    return parts[0] if parts else fallback


def staff_reference(case: Case, *, workflow_id: str) -> str:
    """How staff messages name the patient: the MRN, or the workflow before admission."""
    return f"MRN {case.mrn}" if case.mrn else f"workflow {workflow_id}"


def acuity_text(acuity: int) -> str:
    return str(acuity) if acuity else "not yet assessed"


def news2_score(case: Case) -> str:
    """Triage's NEWS2 when triage ran, else the device's; '-' when neither scored it."""
    if case.HasField("triage") and case.triage.HasField("news2"):
        return str(case.triage.news2.score)
    if case.HasField("device") and case.device.HasField("news2"):
        return str(case.device.news2.score)
    return "-"
