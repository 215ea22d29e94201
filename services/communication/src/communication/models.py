"""Schemas of the message log (document collection ``communications``)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class MessageRead(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    workflow_id: str
    patient_id: str | None
    purpose: str
    # family, staff or patient
    audience: str
    channel: str
    to: str
    template: str
    # delivered, queued or failed, as the provider reported it
    status: str
    provider_id: str
    body: str
    created_at: datetime
    attempts: int
