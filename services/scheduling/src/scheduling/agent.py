"""The scheduling agent: books the workflow's follow-up appointment."""

from __future__ import annotations

import logging
from datetime import UTC

from emergisphere.v1.agents_pb2 import SchedulingCommand, SchedulingResult
from emergisphere_runtime.agent import AgentContext, AgentError, AgentService, AgentSpec
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.platform import Platform
from scheduling import rules, service
from scheduling.errors import SchedulingError
from scheduling.seed import seed_demo

log = logging.getLogger(__name__)

NAME = "scheduling"


async def handle(command: SchedulingCommand, ctx: AgentContext) -> SchedulingResult:
    case = command.case
    if not case.patient_id:
        raise AgentError("patient not admitted")
    request = case.appointment
    not_before = (
        request.not_before.ToDatetime(tzinfo=UTC) if request.HasField("not_before") else None
    )
    earliest = rules.earliest_start(case.workflow_type, now=ctx.now, not_before=not_before)
    try:
        specialty: str | None
        if request.practitioner_id:
            # A named practitioner decides the specialty; the check fails early if unknown.
            await service.get_practitioner(ctx.session, practitioner_id=request.practitioner_id)
            specialty = None
        else:
            choice = rules.follow_up_specialty(case)
            specialty = choice.specialty
            if not choice.requested and not await service.offers_specialty(
                ctx.session, specialty=specialty
            ):
                # Triage suggested a clinic this hospital does not run: the GP follows up
                # and refers on, rather than the workflow failing for want of a clinic.
                specialty = rules.GENERAL_PRACTICE
        appointment, created = await service.book_for_workflow(
            ctx.session,
            workflow_id=ctx.workflow_id,
            patient_id=case.patient_id,
            reason=request.reason or case.intake.chief_complaint or "follow-up",
            specialty=specialty,
            earliest=earliest,
            practitioner_id=request.practitioner_id or None,
            now=ctx.now,
        )
    except SchedulingError as exc:
        raise AgentError(str(exc)) from None
    log.info(
        "appointment booked" if created else "appointment already booked",
        extra={"agent": NAME, "workflow_id": ctx.workflow_id},
    )
    result = SchedulingResult(
        appointment_id=appointment.id,
        practitioner_id=appointment.practitioner_id,
        practitioner_name=appointment.practitioner_name,
        specialty=appointment.specialty,
        created=created,
    )
    result.starts_at.FromDatetime(appointment.starts_at)
    return result


async def seed_if_development(platform: Platform) -> None:
    settings = platform.settings
    if settings.environment != "development" or not settings.seed_demo_data:
        return
    async with platform.db.transaction() as session:
        await seed_demo(session, now=utcnow())
    log.info("scheduling demo data ensured", extra={"agent": NAME})


def build(platform: Platform) -> AgentService[SchedulingCommand, SchedulingResult]:
    return AgentService(
        platform, AgentSpec(name=NAME, handler=handle, on_start=seed_if_development)
    )
