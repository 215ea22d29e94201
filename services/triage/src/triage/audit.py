"""The audit trail of triage decisions: what was decided, on which rules, from which data.

One document per workflow, so a re-sent command rewrites the same record. It holds no
identity (no names, no birth date, no complaint text): the workflow id links it back.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from emergisphere_clinical import TriageAssessment
from emergisphere_runtime.docstore import DocumentStore
from emergisphere_runtime.messages import derived_id

COLLECTION = "triage_assessments"


def audit_id(workflow_id: str) -> str:
    return derived_id("triage", workflow_id)


def audit_document(
    assessment: TriageAssessment,
    *,
    workflow_id: str,
    attempt: int,
    assessed_at: datetime,
    vitals_from_device: tuple[str, ...],
) -> dict[str, Any]:
    news2 = assessment.news2
    return {
        "workflow_id": workflow_id,
        "attempt": attempt,
        "assessed_at": assessed_at.isoformat(),
        "acuity": assessment.acuity,
        "news2": {
            "score": news2.score,
            "band": news2.band,
            "single_parameter_red": news2.single_parameter_red,
            "components": dict(news2.components),
            "missing": list(news2.missing),
        },
        "rules": [reason.rule for reason in assessment.reasons],
        "reasons": [
            {"rule": r.rule, "text": r.text, "source": r.source} for r in assessment.reasons
        ],
        "expected_resources": assessment.expected_resources,
        "immediate_actions": list(assessment.immediate_actions),
        "missing_data": list(assessment.missing_data),
        "vitals_from_device": list(vitals_from_device),
    }


async def record_assessment(
    docs: DocumentStore,
    assessment: TriageAssessment,
    *,
    workflow_id: str,
    attempt: int,
    assessed_at: datetime,
    vitals_from_device: tuple[str, ...] = (),
) -> bool:
    """Write the workflow's audit record; True when this workflow had none before."""
    doc_id = audit_id(workflow_id)
    is_new = await docs.get(COLLECTION, doc_id) is None
    document = audit_document(
        assessment,
        workflow_id=workflow_id,
        attempt=attempt,
        assessed_at=assessed_at,
        vitals_from_device=vitals_from_device,
    )
    await docs.put(COLLECTION, doc_id, document)
    return is_new
