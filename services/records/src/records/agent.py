"""The records agent: reads the patient's history, checks drug-allergy conflicts for what
is given or planned, and writes the visit into the medical record."""

from __future__ import annotations

import logging

from emergisphere.v1.agents_pb2 import DrugAllergyAlert, RecordsCommand, RecordsResult
from emergisphere_runtime.agent import AgentContext, AgentError, AgentService, AgentSpec
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.platform import Platform
from records import service
from records.models import VisitCreate
from records.rules import check_conflicts
from records.seed import seed_demo
from records.summary import effective_acuity, planned_medications, visit_summary, visited_at

log = logging.getLogger(__name__)

NAME = "records"


async def handle(command: RecordsCommand, ctx: AgentContext) -> RecordsResult:
    case = command.case
    if not case.patient_id:
        raise AgentError("patient not admitted")
    patient_id = case.patient_id
    allergies = await service.allergy_names(ctx.session, patient_id=patient_id)
    medications = await service.active_medication_names(ctx.session, patient_id=patient_id)
    conditions = await service.active_condition_names(ctx.session, patient_id=patient_id)
    # What today's protocol plans, and what the patient already takes, both meet the allergy.
    alerts = check_conflicts(allergies, [*planned_medications(case), *medications])
    visit, created = await service.record_visit(
        ctx.session,
        visit=VisitCreate(
            workflow_id=ctx.workflow_id,
            patient_id=patient_id,
            encounter_id=case.encounter_id or None,
            workflow_type=case.workflow_type,
            acuity=effective_acuity(case),
            chief_complaint=case.intake.chief_complaint,
            summary=visit_summary(case, alerts=alerts),
            visited_at=visited_at(case, now=ctx.now),
        ),
        now=ctx.now,
    )
    prior = await service.count_prior_visits(ctx.session, visit=visit)
    # Counts and severities only: allergy and drug names are clinical data, kept out of logs.
    log.info(
        "visit recorded" if created else "visit updated",
        extra={
            "agent": NAME,
            "workflow_id": ctx.workflow_id,
            "alerts": len(alerts),
            "high_alerts": sum(alert.severity == "high" for alert in alerts),
            "prior_visits": prior,
        },
    )
    return RecordsResult(
        visit_id=visit.id,
        allergies=allergies,
        active_medications=medications,
        conditions=conditions,
        alerts=[
            DrugAllergyAlert(
                medication=alert.medication,
                allergen=alert.allergen,
                severity=alert.severity,
                reason=alert.reason,
            )
            for alert in alerts
        ],
        prior_visits=prior,
    )


async def seed_if_development(platform: Platform) -> None:
    settings = platform.settings
    if settings.environment != "development" or not settings.seed_demo_data:
        return
    async with platform.db.transaction() as session:
        added = await seed_demo(session, now=utcnow())
    log.info("records demo histories ensured", extra={"agent": NAME, "count": added})


def build(platform: Platform) -> AgentService[RecordsCommand, RecordsResult]:
    return AgentService(
        platform, AgentSpec(name=NAME, handler=handle, on_start=seed_if_development)
    )
