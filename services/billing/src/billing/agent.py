"""The billing agent: visit level and cost estimate, advisory and EMTALA-safe."""

from __future__ import annotations

import logging

from billing import service
from billing.quote import quote_case
from emergisphere.v1.agents_pb2 import BillingCommand, BillingResult
from emergisphere_runtime.agent import AgentContext, AgentService, AgentSpec
from emergisphere_runtime.platform import Platform

log = logging.getLogger(__name__)

NAME = "billing"


async def handle(command: BillingCommand, ctx: AgentContext) -> BillingResult:
    case = command.case
    quote = quote_case(case)
    record = await service.save_quote(
        ctx.session,
        workflow_id=ctx.workflow_id,
        patient_id=case.patient_id or case.admission.patient_id or None,
        encounter_id=case.encounter_id or case.admission.encounter_id or None,
        quote=quote,
        now=ctx.now,
    )
    log.info(
        "billing estimated",
        extra={
            "agent": NAME,
            "workflow_id": ctx.workflow_id,
            "cpt_code": record.cpt_code,
            "status": record.status,
            "payment_requested": record.payment_requested,
        },
    )
    return BillingResult(
        billing_id=record.id,
        cpt_code=record.cpt_code,
        level_description=record.level_description,
        charge=float(record.charge),
        patient_share=float(record.patient_share),
        insurer_share=float(record.insurer_share),
        status=record.status,
        payment_requested=record.payment_requested,
        note=record.note,
    )


def build(platform: Platform) -> AgentService[BillingCommand, BillingResult]:
    return AgentService(platform, AgentSpec(name=NAME, handler=handle))
