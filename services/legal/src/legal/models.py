"""Schemas of the legal-case documents (collection ``legal_cases``) the gateway reads."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict


class MandatoryReportRead(BaseModel):
    category: str
    reason: str
    authority: str


class ConsentRead(BaseModel):
    # able_to_consent, implied_emergency_consent, minor_without_guardian, minor_with_guardian
    status: str
    reason: str


class LegalCaseRead(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    workflow_id: str
    patient_id: str | None
    reports: list[MandatoryReportRead]
    consent: ConsentRead
    # minor, adult, elder or unknown
    age_group: str
    reasons: list[str]
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> LegalCaseRead:
        return cls.model_validate({**document, "id": document["_id"]})
