"""Test data for the billing agent: cases shaped like each workflow's billing command."""

from __future__ import annotations

from emergisphere.v1.agents_pb2 import Case
from emergisphere.v1.common_pb2 import Insurance

ACME = Insurance(
    payer="Acme Health",
    member_id="ACM-55501",
    plan="PPO Gold",
    copay=150,
    coinsurance=0.2,
    deductible=1500,
    deductible_met=400,
)


def case(
    *,
    workflow_type: str = "emergency",
    acuity: int | None = 3,
    resources: int = 2,
    coverage: Insurance | None = ACME,
    admitted: bool = True,
) -> Case:
    c = Case(workflow_type=workflow_type, patient_id="patient-1", encounter_id="encounter-1")
    c.intake.patient.first_name = "Walter"
    c.intake.chief_complaint = "crushing chest pain"
    if acuity is not None:
        c.triage.acuity = acuity
        c.triage.expected_resources = resources
    if admitted:
        c.admission.patient_id = "patient-1"
        c.admission.encounter_id = "encounter-1"
        if coverage is not None:
            c.admission.coverage.CopyFrom(coverage)
    return c
