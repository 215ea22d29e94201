"""The legal agent: mandatory-report flags and consent status, kept as a legal case."""

from __future__ import annotations

import logging

from emergisphere.v1.agents_pb2 import LegalCommand, LegalResult, MandatoryReport
from emergisphere_runtime.agent import AgentContext, AgentService, AgentSpec
from emergisphere_runtime.platform import Platform
from legal import service
from legal.rules import assess_legal

log = logging.getLogger(__name__)

NAME = "legal"


async def handle(command: LegalCommand, ctx: AgentContext) -> LegalResult:
    case = command.case
    assessment = assess_legal(case, now=ctx.now)
    patient_id = case.patient_id or case.admission.patient_id or None
    recorded = await service.record_case(
        ctx.platform.docs,
        workflow_id=ctx.workflow_id,
        patient_id=patient_id,
        assessment=assessment,
        now=ctx.now,
    )
    # Categories and status are fixed vocabulary, never patient data.
    log.info(
        "legal case recorded",
        extra={
            "agent": NAME,
            "workflow_id": ctx.workflow_id,
            "consent_status": assessment.consent.status,
            "report_categories": [report.category for report in assessment.reports],
        },
    )
    return LegalResult(
        case_id=recorded.id,
        reports=[
            MandatoryReport(category=r.category, reason=r.reason, authority=r.authority)
            for r in assessment.reports
        ],
        consent_status=assessment.consent.status,
        consent_reason=assessment.consent.reason,
    )


async def on_start(platform: Platform) -> None:
    # cases_for_patient: by patient, oldest first.
    await platform.docs.ensure_index(service.LEGAL_CASES, "patient_id", "created_at")


def build(platform: Platform) -> AgentService[LegalCommand, LegalResult]:
    return AgentService(platform, AgentSpec(name=NAME, handler=handle, on_start=on_start))
