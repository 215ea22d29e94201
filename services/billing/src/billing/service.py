"""Billing records: saving a workflow's quote once, reading records back (for the gateway)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from billing.models import BillingRead, BillingRecord
from billing.quote import Quote
from emergisphere_runtime.messages import derived_id


def billing_id_for(workflow_id: str) -> str:
    """One record per workflow, so a re-sent command updates rather than duplicates."""
    return derived_id("billing", workflow_id)


async def save_quote(
    session: AsyncSession,
    *,
    workflow_id: str,
    patient_id: str | None,
    encounter_id: str | None,
    quote: Quote,
    now: datetime,
) -> BillingRead:
    """Insert the workflow's record, or update it in place (creation time kept).

    A re-run may carry newer facts (an acuity override, verified coverage), so it
    rewrites the estimate rather than keeping the first one.
    """
    record = await session.get(BillingRecord, billing_id_for(workflow_id))
    if record is None:
        record = BillingRecord(
            id=billing_id_for(workflow_id), workflow_id=workflow_id, created_at=now
        )
        session.add(record)
    record.patient_id = patient_id
    record.encounter_id = encounter_id
    record.cpt_code = quote.level.cpt_code
    record.level_description = quote.level.description
    record.charge = quote.estimate.charge
    record.patient_share = quote.estimate.patient_share
    record.insurer_share = quote.estimate.insurer_share
    record.status = quote.estimate.status
    record.payment_requested = quote.payment.requested
    record.note = quote.note
    record.updated_at = now
    await session.flush()
    return BillingRead.model_validate(record)


async def get_billing_for_workflow(
    session: AsyncSession, *, workflow_id: str
) -> BillingRead | None:
    record = await session.scalar(
        select(BillingRecord).where(BillingRecord.workflow_id == workflow_id)
    )
    return None if record is None else BillingRead.model_validate(record)


async def list_for_patient(
    session: AsyncSession, *, patient_id: str, limit: int = 100
) -> list[BillingRead]:
    records = await session.scalars(
        select(BillingRecord)
        .where(BillingRecord.patient_id == patient_id)
        .order_by(BillingRecord.created_at, BillingRecord.id)
        .limit(limit)
    )
    return [BillingRead.model_validate(record) for record in records]
