"""The public entry point: one pure function from a triage input to an explained result."""

from __future__ import annotations

from dataclasses import fields

from emergisphere_clinical.complaints import find_complaints
from emergisphere_clinical.esi import evaluate
from emergisphere_clinical.models import TriageAssessment, TriageInput, VitalSigns
from emergisphere_clinical.news2 import score_news2
from emergisphere_clinical.plan import follow_up_specialty, immediate_actions, planned_medications


def missing_data(data: TriageInput) -> tuple[str, ...]:
    """Every vital sign not recorded, then age and complaint, so staff can complete them."""
    missing = [f.name for f in fields(VitalSigns) if getattr(data.vitals, f.name) is None]
    if data.age_years is None:
        missing.append("age")
    if not data.chief_complaint.strip():
        missing.append("chief_complaint")
    return tuple(missing)


def assess(data: TriageInput) -> TriageAssessment:
    """Triage one patient with ESI v4 and NEWS2. Pure: no I/O, no logging, no clock."""
    news2 = score_news2(data.vitals, spo2_scale=data.spo2_scale)
    result = evaluate(data, news2, find_complaints(data.chief_complaint))
    return TriageAssessment(
        acuity=result.acuity,
        news2=news2,
        reasons=result.reasons,
        expected_resources=result.expected_resources,
        immediate_actions=immediate_actions(
            result, data.vitals, news2, age_years=data.age_years, spo2_scale=data.spo2_scale
        ),
        missing_data=missing_data(data),
        planned_medications=planned_medications(result.categories, data.vitals, data.age_years),
        follow_up_specialty=follow_up_specialty(result.categories, data.age_years),
        expected_resource_types=result.resource_types,
    )
