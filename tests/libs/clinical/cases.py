"""Shared by the ESI rule tests: an adult whose vitals score 0 on NEWS2, and lookups."""

from __future__ import annotations

from typing import Any

from emergisphere_clinical import Reason, TriageAssessment, TriageInput, VitalSigns, assess

# Every vital recorded and normal, so one changed value decides the outcome.
NORMAL: dict[str, Any] = {
    "heart_rate": 75.0,
    "respiratory_rate": 16.0,
    "systolic_bp": 120.0,
    "diastolic_bp": 80.0,
    "spo2": 98.0,
    "temperature_c": 37.0,
    "consciousness": "A",
    "on_oxygen": False,
    "pain_score": 0,
}


def triage(
    complaint: str,
    *,
    age: float | None = 40,
    glucose: float | None = None,
    **vitals: object,
) -> TriageAssessment:
    values = {**NORMAL, **vitals}
    return assess(
        TriageInput(
            chief_complaint=complaint,
            vitals=VitalSigns(**values),
            age_years=age,
            glucose_mg_dl=glucose,
        )
    )


def rules(result: TriageAssessment) -> set[str]:
    return {r.rule for r in result.reasons}


def reason(result: TriageAssessment, rule: str) -> Reason:
    found = [r for r in result.reasons if r.rule == rule]
    assert found, f"{rule} not in {sorted(rules(result))}"
    return found[0]
