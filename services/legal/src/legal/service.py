"""Legal cases in the document store: recording an assessment, reading cases back."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any, Final

from emergisphere_runtime.docstore import DocumentStore
from emergisphere_runtime.messages import derived_id
from legal.models import LegalCaseRead
from legal.rules import LegalAssessment

LEGAL_CASES: Final = "legal_cases"


def case_id_for(workflow_id: str) -> str:
    """One legal case per workflow: a re-sent command lands on the same document."""
    return derived_id("legal_case", workflow_id)


async def record_case(
    docs: DocumentStore,
    *,
    workflow_id: str,
    patient_id: str | None,
    assessment: LegalAssessment,
    now: datetime,
) -> LegalCaseRead:
    """Write (or rewrite) the workflow's legal case; the first creation time is kept."""
    case_id = case_id_for(workflow_id)
    existing = await docs.get(LEGAL_CASES, case_id)
    document: dict[str, Any] = {
        "workflow_id": workflow_id,
        "patient_id": patient_id,
        "reports": [asdict(report) for report in assessment.reports],
        "consent": asdict(assessment.consent),
        "age_group": assessment.age_group,
        "reasons": list(assessment.reasons),
        "created_at": existing["created_at"] if existing else now.isoformat(),
        "updated_at": now.isoformat(),
    }
    await docs.put(LEGAL_CASES, case_id, document)
    return LegalCaseRead.from_document({**document, "_id": case_id})


async def get_case(docs: DocumentStore, *, case_id: str) -> LegalCaseRead | None:
    document = await docs.get(LEGAL_CASES, case_id)
    return None if document is None else LegalCaseRead.from_document(document)


async def cases_for_patient(
    docs: DocumentStore, *, patient_id: str, limit: int = 100
) -> list[LegalCaseRead]:
    found = await docs.find(LEGAL_CASES, {"patient_id": patient_id}, sort="created_at", limit=limit)
    return [LegalCaseRead.from_document(document) for document in found]
